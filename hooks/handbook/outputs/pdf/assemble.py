"""Put the printed manual together: cover, chapters, appendices, answer key.

Called by hooks/pdf.py after the build with the navigation and each page's
rendered article; returns the HTML WeasyPrint lays out, and the warnings to log.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ...content.model import Handbook
from ...content.quizzes import Quiz
from ...generators import expand_inline
from . import answer_key, chapters, manual


@dataclass(frozen=True)
class Settings:
    """What the manual needs from the site configuration."""

    title: str
    organisation: str
    subtitle: str
    notice: str
    edition: str | None        # extra.edition (or HANDBOOK_EDITION)
    docs_dir: Path
    site_dir: Path
    site_url: str


def expanded(quiz: Quiz, handbook: Handbook) -> Quiz:
    """The quiz with inline generator markers (procedure steps) expanded, as on the web page."""
    def text(value: str) -> str:
        return expand_inline(value, handbook)

    options = [dataclasses.replace(option, text=text(option.text), feedback=text(option.feedback))
               for option in quiz.options]
    return dataclasses.replace(quiz, question=text(quiz.question), explanation=text(quiz.explanation),
                               options=options)


def document(handbook: Handbook | None, nav_items: Iterable[object], articles: dict[str, str],
             settings: Settings, today: dt.date) -> tuple[str, list[str]]:
    """(manual HTML, warnings)."""
    main, appendix_pages = chapters.order(nav_items, articles)
    printed = main + [chapter for group in appendix_pages.values() for chapter in group]
    keyed, warnings = chapters.quiz_chapters(handbook, printed)
    if handbook is not None:
        keyed = [dataclasses.replace(chapter, quizzes=[expanded(quiz, handbook) for quiz in chapter.quizzes])
                 for chapter in keyed]
    appendices = [manual.Appendix(group.title, appendix_pages[group.title], intro=group.intro)
                  for group in chapters.APPENDICES if appendix_pages[group.title]]
    appendices.append(manual.Appendix("答案与解析", body=answer_key.render(answer_key.entries(keyed))))
    cover = manual.Cover(title=settings.title, organisation=settings.organisation,
                         edition=chapters.edition(settings.edition, settings.docs_dir, today),
                         built=f"{today.year} 年 {today.month} 月 {today.day} 日", created=today.isoformat(),
                         subtitle=settings.subtitle, notice=settings.notice)
    html = manual.document(cover, main, appendices, site_dir=settings.site_dir, site_url=settings.site_url)
    return html, warnings
