"""MkDocs adapter for the content engine: analyse every page once per build
and log each finding (handbook.pipeline).

Errors are logged at ERROR, so ``mkdocs build --strict`` aborts cleanly at the
end with MkDocs' own "Aborted with N errors"; review reminders are logged at
INFO so they never fail a build. Files are read as bytes: a page that is not
UTF-8 is a finding at its line, and MkDocs gets its text with the bad bytes
replaced instead of stopping with UnicodeDecodeError.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook import pipeline
from handbook.check import GENERATED_FILES
from handbook.content.sources import DATA_FILES, nav_paths
from handbook.outputs import state

log = logging.getLogger("mkdocs.plugins.handbook")


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    pages: dict[str, str | bytes] = {}
    data: dict[str, str | bytes] = {}
    others: set[str] = set()
    for file in files:
        if file.src_uri.endswith(".md"):
            pages[file.src_uri] = file.content_bytes
        elif file.src_uri in DATA_FILES:
            data[file.src_uri] = file.content_bytes
        else:
            others.add(file.src_uri)
    nav = set(nav_paths(config.nav)) if config.nav else None
    handbook = pipeline.analyse(pages, data, others | GENERATED_FILES, nav=nav)
    state.STATE.handbook = handbook
    state.STATE.undecodable = {f.path for f in handbook.findings if f.rule == "input.encoding"}
    for finding in handbook.findings:
        if finding.is_error:
            log.error(f"docs/{finding}")
        else:
            log.info(f"提醒：docs/{finding}")
    if handbook.errors:
        log.error(f"内容检查发现 {len(handbook.errors)} 个错误（见上方 docs/文件:行号 提示）。"
                  "运行 make check 可在不构建网站的情况下查看同一列表。")
    return files


def on_page_read_source(*, page: Page, config: MkDocsConfig) -> str | None:
    """The text of a page whose bytes are not UTF-8 (already reported), so MkDocs does not stop."""
    source = state.STATE.handbook.pages.get(page.file.src_uri) if state.STATE.handbook else None
    if source is None or page.file.src_uri not in state.STATE.undecodable:
        return None
    return source.text
