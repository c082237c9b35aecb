"""MkDocs adapter for the content engine: analyse every page once per build
and log each finding (handbook.pipeline).

Errors are logged at ERROR, so ``mkdocs build --strict`` aborts cleanly at the
end with MkDocs' own "Aborted with N errors"; review reminders are logged at
INFO so they never fail a build.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from handbook import pipeline
from handbook.check import GENERATED_FILES
from handbook.content.sources import DATA_FILES
from handbook.outputs import state

log = logging.getLogger("mkdocs.plugins.handbook")


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    docs_dir = Path(config.docs_dir)
    pages, data, others = {}, {}, set()
    for file in files:
        if file.src_uri.endswith(".md"):
            pages[file.src_uri] = file.content_string
        elif file.src_uri in DATA_FILES:
            data[file.src_uri] = (docs_dir / file.src_uri).read_text(encoding="utf-8")
        else:
            others.add(file.src_uri)
    handbook = pipeline.analyse(pages, data, others | GENERATED_FILES)
    state.STATE.handbook = handbook
    for finding in handbook.findings:
        if finding.is_error:
            log.error(f"docs/{finding}")
        else:
            log.info(f"提醒：docs/{finding}")
    if handbook.errors:
        log.error(f"内容检查发现 {len(handbook.errors)} 个错误（见上方 docs/文件:行号 提示）。"
                  "运行 make check 可在不构建网站的情况下查看同一列表。")
    return files
