"""MkDocs adapter for the printable manual (handbook.outputs.pdf).

Off unless ENABLE_PDF_EXPORT=1 (``make pdf``), so ``mkdocs serve`` and
``mkdocs build`` stay fast. When on: on_config shows the download button,
on_post_page keeps each page's rendered <article>, on_post_build writes
site/downloads/handbook.pdf. WeasyPrint problems are logged as warnings, so a
strict build fails on them.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from handbook.outputs import state

ENV = "ENABLE_PDF_EXPORT"
OUTPUT = "downloads/handbook.pdf"
log = logging.getLogger("mkdocs.plugins.handbook.pdf")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state.STATE.pdf_enabled = os.environ.get(ENV) == "1"
    config.extra["pdf_manual"] = OUTPUT if state.STATE.pdf_enabled else ""
    return config


@event_priority(-1000)  # after every other hook has finished the page
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if state.STATE.pdf_enabled:
        start, end = output.find("<article"), output.rfind("</article>")
        if start >= 0 and end > start:
            state.STATE.articles[page.file.src_uri] = output[start:end + len("</article>")]
    return output


def on_post_build(*, config: MkDocsConfig) -> None:
    build = state.STATE
    if not build.pdf_enabled:
        return
    from handbook.outputs.pdf import assemble, manual  # heavy imports (BeautifulSoup, WeasyPrint): PDF builds only
    started = time.perf_counter()
    site_dir = Path(config.site_dir)
    settings = assemble.Settings(
        title=config.site_name, organisation=config.site_author or "", subtitle=config.site_description or "",
        notice=config.copyright or "",
        edition=os.environ.get("HANDBOOK_EDITION") or (config.extra.get("edition") if config.extra else None),
        docs_dir=Path(config.docs_dir), site_dir=site_dir, site_url=config.site_url or "")
    document_html, warnings = assemble.document(build.handbook, build.nav.items if build.nav else [],
                                                build.articles, settings, dt.date.today())
    for warning in warnings:
        log.warning(warning)
    if os.environ.get("HANDBOOK_PDF_HTML"):  # for debugging the layout in a browser
        Path(os.environ["HANDBOOK_PDF_HTML"]).write_text(document_html, encoding="utf-8")
    target = site_dir / OUTPUT
    try:
        pages, problems = manual.write_pdf(document_html, target, base_url=site_dir.resolve().as_uri() + "/")
    except ImportError as missing:
        log.error(f"PDF 手册无法生成：缺少 {missing.name}。请用 make pdf 生成（它会安装 requirements-pdf.txt "
                  "和 system-packages.txt 里的软件包）。")
        return
    except OSError as error:  # WeasyPrint could not load Pango/HarfBuzz, or the file could not be written
        log.error(f"PDF 手册无法生成：{error}。请确认 system-packages.txt 里的软件包已安装（make pdf 会安装）。")
        return
    for problem in problems:
        log.warning(f"PDF 手册排版问题：{problem}")
    size = target.stat().st_size / 1024 / 1024
    log.info(f"PDF 手册：{target}（{pages} 页，{size:.1f} MB，用时 {time.perf_counter() - started:.1f} 秒）")
