"""Build-time Markdown/HTML transforms applied to each page.

Run before mkdocs-quiz sees the page: quiz attributes are stripped, broken
quizzes are replaced by a visible notice (so the plugin never raises), the
learning objectives are rendered from front matter, and generator markers are
expanded. Every change is computed on one parsed view of the page
(``content.markdown.view``) and applied at once.
"""

from __future__ import annotations

import html
import re

from .. import generators
from ..content.markdown import view
from ..content.model import AnyPage, Handbook
from ..content.quizzes import OPEN_TAG, QUIZ_BLOCK
from ..content.schema import ModulePage

_OBJECTIVES_HEADING = re.compile(r"^##[ \t]+学习目标[ \t]*(?:\{[^}]*\})?[ \t]*$", re.MULTILINE)
_QUIZ_TAG = re.compile(r"<(/?)quiz")

BROKEN_QUIZ_NOTICE = ('!!! failure "这道自测题暂时无法显示"\n'
                      '    题目格式有误，编辑已在构建日志中收到具体位置和修改方法。\n')

Edit = tuple[int, int, str]


def objectives_html(meta: ModulePage) -> str:
    items = "".join(
        f'<li id="{html.escape(o.id.lower())}"><span class="hb-objective-id">{html.escape(o.id)}</span> '
        f"{html.escape(o.text)}</li>" for o in meta.objectives)
    return f'<ol class="hb-objectives">{items}</ol>'


def _hidden_quiz_tags(markdown: str) -> list[Edit]:
    """mkdocs-quiz masks fenced code only: a `<quiz>` written in inline or
    indented code (as in the editor guide) would be taken for a real quiz. A
    zero-width space after the `<` keeps it out of the plugin's reach and looks the same."""
    return [(r.start, r.end, _QUIZ_TAG.sub("<\\1\u200bquiz", markdown[r.start:r.end]))
            for r in view(markdown).code if r.kind != "fence" and _QUIZ_TAG.search(markdown, r.start, r.end)]


def _broken_quizzes(masked: str, page: AnyPage) -> list[Edit]:
    broken = {quiz.number for quiz in page.quizzes if not quiz.is_valid}
    return [(match.start(), match.end(), BROKEN_QUIZ_NOTICE)
            for number, match in enumerate(QUIZ_BLOCK.finditer(masked), start=1) if number in broken]


def _objectives(masked: str, page: AnyPage) -> list[Edit]:
    match = _OBJECTIVES_HEADING.search(masked) if isinstance(page.meta, ModulePage) else None
    if match is None or not isinstance(page.meta, ModulePage):
        return []
    return [(match.end(), match.end(), f"\n\n{objectives_html(page.meta)}\n")]


def prepare_markdown(markdown: str, page: AnyPage, handbook: Handbook) -> str:
    masked = view(markdown).masked
    edits: list[Edit] = _broken_quizzes(masked, page)
    edits += [(tag.start(), tag.end(), "<quiz>") for tag in OPEN_TAG.finditer(masked)]
    edits += _hidden_quiz_tags(markdown) + _objectives(masked, page)
    edits += generators.expansions(markdown, handbook, page)
    kept: list[Edit] = []
    for edit in edits:                 # first come first served: a broken quiz hides what is inside it
        if not any((edit[0] < other[1] and other[0] < edit[1]) or edit[0] == other[0] == edit[1] == other[1]
                   for other in kept):
            kept.append(edit)
    return generators.apply_edits(markdown, kept)
