"""MkDocs adapter for the printable manual (logic in handbook.manual and handbook.answer_key).

Off unless the environment variable ENABLE_PDF_EXPORT=1 (``make pdf``), so
``mkdocs serve`` and ``mkdocs build`` stay fast. When on:
- on_config: tells the theme to show the download button (config.extra.pdf_manual);
- on_post_page (last): keeps each page's rendered <article>;
- on_post_build: orders the pages as in the navigation, adds the printable forms
  and the answer key as appendices and writes site/downloads/handbook.pdf.
WeasyPrint problems are logged as warnings, so a strict build fails on them.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import os
import subprocess
import time
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Section

from handbook import build_state, quiz_assets

ENV = "ENABLE_PDF_EXPORT"
OUTPUT = "downloads/handbook.pdf"
FORMS = "program/forms/"
log = logging.getLogger("mkdocs.plugins.handbook.pdf")

_state: dict = {"enabled": False, "nav": None, "articles": {}}


def on_config(config):
    _state["enabled"] = os.environ.get(ENV) == "1"
    _state["articles"] = {}
    config.extra["pdf_manual"] = OUTPUT if _state["enabled"] else ""
    return config


def on_nav(nav, config, files):
    _state["nav"] = nav
    return nav


@event_priority(-1000)  # after every other hook has finished the page
def on_post_page(output, page, config):
    if _state["enabled"]:
        start, end = output.find("<article"), output.rfind("</article>")
        if start >= 0 and end > start:
            _state["articles"][page.file.src_uri] = (page, output[start:end + len("</article>")])
    return output


def _pages_in(section: Section) -> list:
    found = []
    for child in section.children:
        if isinstance(child, Section):
            found += _pages_in(child)
        elif getattr(child, "is_page", False):
            found.append(child)
    return found


def _chapters(nav) -> tuple[list[manual.Chapter], list[manual.Chapter]]:
    """Pages in navigation order: (main chapters, printable forms)."""
    from handbook import manual  # only when the PDF is built: it pulls in BeautifulSoup
    articles = _state["articles"]
    main: list[manual.Chapter] = []
    forms: list[manual.Chapter] = []

    def chapter(page, level: int, title: str | None = None) -> manual.Chapter | None:
        found = articles.get(page.file.src_uri)
        if found is None or page.file.src_uri.startswith(manual.WEB_ONLY_PAGES):
            return None
        return manual.Chapter(src=page.file.src_uri, url=page.url, title=title or page.title,
                              html=found[1], level=level)

    def add(item: manual.Chapter | None) -> None:
        if item is not None:
            (forms if item.src.startswith(FORMS) else main).append(item)

    def walk(items, level: int) -> None:
        for item in items:
            if isinstance(item, Section):
                pages = [child for child in item.children if getattr(child, "is_page", False)]
                index = next((p for p in pages if p.is_index), None)
                if all(p.file.src_uri.startswith(manual.WEB_ONLY_PAGES) for p in _pages_in(item)):
                    continue
                if index is not None:
                    add(chapter(index, min(level, 2), item.title))
                elif level == 1:
                    main.append(manual.Chapter(src=item.title, url=f"section/{item.title}/", title=item.title,
                                               html=f"<h1>{html.escape(item.title)}</h1>", level=1))
                walk([c for c in item.children if c is not index], min(level + 1, 2))
            elif getattr(item, "is_page", False):
                add(chapter(item, level, "导读" if item.is_homepage else None))

    walk(nav.items if nav else [], 1)
    listed = {c.src for c in main + forms}
    for src in sorted(articles):  # forms left out of the navigation still print
        if src.startswith(FORMS) and src not in listed:
            add(chapter(articles[src][0], 2))
    return main, forms


def _edition(config, today: dt.date) -> str:
    """``extra.edition`` of mkdocs.yml (or HANDBOOK_EDITION) and the git revision built."""
    edition = os.environ.get("HANDBOOK_EDITION") or (config.extra or {}).get("edition")
    docs_dir = Path(config["docs_dir"])
    try:
        revision = subprocess.run(["git", "describe", "--tags", "--always", "--dirty"], cwd=docs_dir,
                                  capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        revision = ""
    name = str(edition) if edition else f"{today.year} 年版"
    return name + (f"（修订 {revision}）" if revision else "")


def on_post_build(config):
    if not _state["enabled"]:
        return
    from handbook import answer_key, manual  # heavy imports, PDF builds only
    started = time.perf_counter()
    handbook = build_state.HANDBOOK
    main, forms = _chapters(_state["nav"])
    quiz_chapters = []
    for number, chapter in enumerate(main + forms, start=1):
        source = handbook.pages.get(chapter.src) if handbook else None
        chapter.prefix = getattr(getattr(source, "meta", None), "id", None) or f"P{number}"
        if source is None or not source.quizzes:
            continue
        valid = [quiz for quiz in source.quizzes if quiz.is_valid]
        printed = len(quiz_assets.QUIZ_DIV.findall(chapter.html))
        if printed != len(valid):
            log.warning(f"PDF 手册：docs/{chapter.src} 网页上有 {printed} 道自测题，内容解析得到 {len(valid)} 道，"
                        "答案与解析的题号可能对不上。请先修正 make check 报告的自测题错误。")
        quiz_chapters.append(answer_key.ChapterQuizzes(chapter.prefix, chapter.title, valid, source.headings))

    appendices = []
    if forms:
        appendices.append(manual.Appendix("可打印表单", forms, intro=(
            "以下表单与网站“培训组织”部分的表单相同，可直接复印使用。每张表单从新的一页开始。")))
    appendices.append(manual.Appendix("答案与解析", body=answer_key.render(answer_key.entries(quiz_chapters))))

    today = dt.date.today()
    cover = manual.Cover(title=config["site_name"], organisation=config.get("site_author") or "",
                         edition=_edition(config, today),
                         built=f"{today.year} 年 {today.month} 月 {today.day} 日", created=today.isoformat(),
                         subtitle=config.get("site_description") or "", notice=config.get("copyright") or "")
    site_dir = Path(config["site_dir"])
    document_html = manual.document(cover, main, appendices, site_dir=site_dir,
                                    site_url=config.get("site_url") or "")
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
