"""Build-time Markdown/HTML transforms applied to each page.

Run before mkdocs-quiz sees the page: quiz attributes are stripped, broken
quizzes are replaced by a visible notice (so the plugin never raises), the
learning objectives are rendered from front matter, and generator markers are
expanded.
"""

from __future__ import annotations

import html
import re

from .. import generators
from ..content.markdown import INLINE_CODE, mask_code
from ..content.model import AnyPage, Handbook
from ..content.quizzes import QUIZ_BLOCK, strip_attributes
from ..content.schema import ModulePage

_OBJECTIVES_HEADING = re.compile(r"^##[ \t]+学习目标[ \t]*(?:\{[^}]*\})?[ \t]*$", re.MULTILINE)

BROKEN_QUIZ_NOTICE = ('!!! failure "这道自测题暂时无法显示"\n'
                      '    题目格式有误，编辑已在构建日志中收到具体位置和修改方法。\n')


def _replace_broken_quizzes(markdown: str, page: AnyPage) -> str:
    broken = {quiz.number for quiz in page.quizzes if not quiz.is_valid}
    if not broken:
        return markdown
    masked = mask_code(markdown)
    pieces, last = [], 0
    for number, match in enumerate(QUIZ_BLOCK.finditer(masked), start=1):
        if number in broken:
            pieces += [markdown[last:match.start()], BROKEN_QUIZ_NOTICE]
            last = match.end()
    pieces.append(markdown[last:])
    return "".join(pieces)


def objectives_html(meta: ModulePage) -> str:
    items = "".join(
        f'<li id="{html.escape(o.id.lower())}"><span class="hb-objective-id">{html.escape(o.id)}</span> '
        f"{html.escape(o.text)}</li>" for o in meta.objectives)
    return f'<ol class="hb-objectives">{items}</ol>'


def _insert_objectives(markdown: str, page: AnyPage) -> str:
    if not isinstance(page.meta, ModulePage):
        return markdown
    match = _OBJECTIVES_HEADING.search(mask_code(markdown))
    if not match:
        return markdown
    return f"{markdown[:match.end()]}\n\n{objectives_html(page.meta)}\n{markdown[match.end():]}"


def _hide_tags_in_inline_code(markdown: str) -> str:
    """mkdocs-quiz masks fenced code only: a `<quiz>` written in inline code (as
    in the editor guide) would be taken for a real quiz. A zero-width space after
    the `<` keeps it out of the plugin's reach and looks the same."""
    def hide(match: re.Match[str]) -> str:
        return re.sub(r"<(/?)quiz", "<\\1\u200bquiz", match.group(0))
    return INLINE_CODE.sub(hide, markdown)


def prepare_markdown(markdown: str, page: AnyPage, handbook: Handbook) -> str:
    markdown = _hide_tags_in_inline_code(markdown)
    markdown = _replace_broken_quizzes(markdown, page)
    markdown = strip_attributes(markdown)
    markdown = _insert_objectives(markdown, page)
    return generators.expand(markdown, handbook, page)
