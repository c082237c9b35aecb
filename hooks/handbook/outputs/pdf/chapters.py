"""Which pages the printed manual holds, in which order, and under which label.

Plain Python over a navigation tree that looks like MkDocs' (sections with
``children``, pages with ``file.src_uri``, ``url``, ``title``); the hook
collects each page's rendered article and hands both here.

- Pages follow the navigation; a section with an index page becomes that page,
  a top-level section without one becomes a part title.
- Pages for editors and the progress page stay on the web (``WEB_ONLY_PAGES``).
- Some pages print as appendices instead of chapters (``APPENDICES``): the
  procedures quick reference and the printable forms.
"""

from __future__ import annotations

import datetime as dt
import html
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ...content.model import Handbook
from ...content.procedures import PROCEDURES_PAGE
from ...upstream import QUIZ_DIV
from .answer_key import ChapterQuizzes
from .manual import WEB_ONLY_PAGES, Chapter


class SourceFile(Protocol):
    src_uri: str


class NavItem(Protocol):
    title: str | None
    is_page: bool
    is_section: bool


@dataclass(frozen=True)
class AppendixGroup:
    title: str
    prefix: str          # docs paths starting with this print in this appendix
    intro: str = ""


APPENDICES: tuple[AppendixGroup, ...] = (
    AppendixGroup("操作规范速查", PROCEDURES_PAGE,
                  "手册各章讲到的流程、清单和阈值都以本附录为准；网站“参考资料 → 操作规范速查”与本附录内容相同。"),
    AppendixGroup("可打印表单", "program/forms/",
                  "以下表单与网站“培训组织”部分的表单相同，可直接复印使用。每张表单从新的一页开始。"),
)


def _appendix_of(src: str) -> AppendixGroup | None:
    return next((group for group in APPENDICES if src.startswith(group.prefix)), None)


def _children(item: object) -> list[object]:
    return list(getattr(item, "children", None) or [])


def _is_page(item: object) -> bool:
    return bool(getattr(item, "is_page", False))


def _src(page: object) -> str:
    return str(page.file.src_uri)  # type: ignore[attr-defined]


def _pages_in(section: object) -> list[object]:
    found: list[object] = []
    for child in _children(section):
        if getattr(child, "is_section", False):
            found += _pages_in(child)
        elif _is_page(child):
            found.append(child)
    return found


def order(nav_items: Iterable[object], articles: dict[str, str]) -> tuple[list[Chapter], dict[str, list[Chapter]]]:
    """(main chapters, appendix title -> chapters) in navigation order.
    ``articles``: docs path -> the page's rendered <article> HTML."""
    main: list[Chapter] = []
    appendix: dict[str, list[Chapter]] = {group.title: [] for group in APPENDICES}

    def chapter(page: object, level: int, title: str | None = None) -> Chapter | None:
        src = _src(page)
        if src not in articles or src.startswith(WEB_ONLY_PAGES):
            return None
        return Chapter(src=src, url=str(page.url), title=title or str(page.title),  # type: ignore[attr-defined]
                       html=articles[src], level=level)

    def add(item: Chapter | None) -> None:
        if item is None:
            return
        group = _appendix_of(item.src)
        (appendix[group.title] if group else main).append(item)

    def walk(items: Sequence[object], level: int) -> None:
        for item in items:
            if getattr(item, "is_section", False):
                pages = [child for child in _children(item) if _is_page(child)]
                index = next((p for p in pages if getattr(p, "is_index", False)), None)
                if all(_src(p).startswith(WEB_ONLY_PAGES) or _appendix_of(_src(p)) for p in _pages_in(item)):
                    for page in _pages_in(item):
                        add(chapter(page, 2))
                    continue
                title = str(getattr(item, "title", ""))
                if index is not None:
                    add(chapter(index, min(level, 2), title))
                elif level == 1:
                    main.append(Chapter(src=title, url=f"section/{title}/", title=title,
                                        html=f"<h1>{html.escape(title)}</h1>", level=1))
                walk([c for c in _children(item) if c is not index], min(level + 1, 2))
            elif _is_page(item):
                add(chapter(item, level, "导读" if getattr(item, "is_homepage", False) else None))

    walk(list(nav_items), 1)
    listed = {c.src for c in main} | {c.src for chapters in appendix.values() for c in chapters}
    for src in sorted(articles):  # appendix pages left out of the navigation still print
        group = _appendix_of(src)
        if group and src not in listed:
            appendix[group.title].append(Chapter(src=src, url=src.removesuffix(".md") + "/", title=src,
                                                 html=articles[src], level=2))
    return main, appendix


def quiz_chapters(handbook: Handbook | None, chapters: list[Chapter]) -> tuple[list[ChapterQuizzes], list[str]]:
    """Give each chapter its question prefix (page id, else P<n>) and collect its
    valid quizzes for the answer key. Also returns a warning for every chapter
    whose printed quizzes do not match the parsed ones (numbers would not line up)."""
    found: list[ChapterQuizzes] = []
    warnings: list[str] = []
    for number, chapter in enumerate(chapters, start=1):
        source = handbook.pages.get(chapter.src) if handbook else None
        chapter.prefix = (source.id if source else None) or f"P{number}"
        if source is None or not source.quizzes:
            continue
        valid = [quiz for quiz in source.quizzes if quiz.is_valid]
        printed = len(QUIZ_DIV.findall(chapter.html))
        if printed != len(valid):
            warnings.append(f"PDF 手册：docs/{chapter.src} 网页上有 {printed} 道自测题，内容解析得到 {len(valid)} 道，"
                            "答案与解析的题号可能对不上。请先修正 make check 报告的自测题错误。")
        found.append(ChapterQuizzes(chapter.prefix, chapter.title, valid, source.headings))
    return found, warnings


def edition(setting: str | None, docs_dir: Path, today: dt.date) -> str:
    """The edition printed on the cover: ``extra.edition`` (or HANDBOOK_EDITION) and the git revision built."""
    try:
        revision = subprocess.run(["git", "describe", "--tags", "--always", "--dirty"], cwd=docs_dir, check=False,
                                  capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        revision = ""
    name = setting or f"{today.year} 年版"
    return name + (f"（修订 {revision}）" if revision else "")
