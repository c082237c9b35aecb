"""MkDocs adapter for the last gate (handbook.outputs.html_gate): after every
plugin and hook has written the site, every HTML file is scanned for scripts,
event handlers and script URLs that are not the site's own; each fails the
strict build, naming the page."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from handbook.outputs import html_gate, state

log = logging.getLogger("mkdocs.plugins.handbook.html_gate")


@event_priority(-10_000)  # the very last: after every plugin (minify, quiz assets, PDF) has finished
def on_post_build(*, config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    base = urlsplit(config.site_url or "/").path or "/"
    site = html_gate.Site(base if base.endswith("/") else base + "/", frozenset(state.STATE.quiz_files),
                          html_gate.own_inline_scripts(site_dir))
    sources = {(url + "index.html" if url.endswith("/") or not url else url): path
               for path, url in state.STATE.urls.items()}
    count = 0
    for file in sorted(site_dir.rglob("*.html")):
        page = file.relative_to(site_dir).as_posix()
        for problem in html_gate.scan(page, file.read_text(encoding="utf-8", errors="replace"), site):
            count += 1
            source = f"（来自 docs/{sources[page]}）" if page in sources else ""
            where = f"第 {problem.line} 行" if problem.line else ""
            log.error(f"构建结果检查：site/{page}{source}{where}有{problem.description}，不是本网站自己的脚本或链接。"
                      "它来自 Markdown 扩展、生成的内容或插件；请检查该页的原文和数据文件。"
                      "若确是 Material/mkdocs-quiz 升级带来的，请核对 hooks/handbook/upstream.py。")
    if count:
        log.error(f"构建结果检查发现 {count} 处不属于本网站的脚本、事件属性或脚本地址（见上方）。")
