"""MkDocs adapter for the content engine (``hooks/handbook``).

Only translates MkDocs events into calls of plain functions:
- on_files: analyse every page once per build and log each finding. Errors are
  logged at ERROR so `mkdocs build --strict` aborts cleanly at the end with
  MkDocs' own "Aborted with N warnings"; review reminders are logged at INFO so
  they never fail a build.
- on_page_markdown (before mkdocs-quiz): strip our quiz attributes, hide
  broken quizzes, render objectives and generated tables.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from handbook import build_state, engine, render
from handbook.check import GENERATED_FILES
from handbook.sources import DATA_FILES

log = logging.getLogger("mkdocs.plugins.handbook")

def on_files(files, config):
    docs_dir = Path(config["docs_dir"])
    pages, data, others = {}, {}, set()
    for file in files:
        if file.src_uri.endswith(".md"):
            pages[file.src_uri] = file.content_string
        elif file.src_uri in DATA_FILES:
            data[file.src_uri] = (docs_dir / file.src_uri).read_text(encoding="utf-8")
        else:
            others.add(file.src_uri)
    handbook = engine.analyse(pages, data, others | GENERATED_FILES)
    build_state.HANDBOOK = handbook
    for finding in handbook.findings:
        where = f"docs/{finding}"
        if finding.is_error:
            log.error(where)
        else:
            log.info(f"提醒：{where}")
    if handbook.errors:
        log.error(f"内容检查发现 {len(handbook.errors)} 个错误（见上方 docs/文件:行号 提示）。"
                  "运行 make check 可在不构建网站的情况下查看同一列表。")
    return files


@event_priority(100)  # before mkdocs-quiz, which only understands a bare <quiz>
def on_page_markdown(markdown, page, config, files):
    handbook = build_state.HANDBOOK
    source = handbook.pages.get(page.file.src_uri) if handbook else None
    if source is None:
        return markdown
    return render.prepare_markdown(markdown, source, handbook)
