"""Line-preserving views of Markdown source.

Rules look for HTML, citations and links in prose, not in code samples (the
editor guide shows a forbidden `<script>` on purpose). Masking replaces code and
comments with spaces of the same length, so every offset and line number found
in the masked text is valid in the original file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[ \t]*$", re.MULTILINE | re.DOTALL)
# A code span never crosses a blank line (CommonMark), so an unbalanced
# backtick cannot swallow the paragraphs that follow it.
INLINE_CODE = re.compile(r"(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ATX_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)
_HEADING_ATTRS = re.compile(r"\s*\{[^}]*\}\s*$")


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def mask_code(text: str) -> str:
    """Blank out fenced code blocks and inline code spans, keeping offsets."""
    text = _FENCE.sub(_blank, text)
    return INLINE_CODE.sub(_blank, text)


def mask_code_and_comments(text: str) -> str:
    return _COMMENT.sub(_blank, mask_code(text))


def line_at(text: str, offset: int, first_line: int = 1) -> int:
    """1-based line number of ``offset`` in ``text`` whose first line is ``first_line``."""
    return first_line + text.count("\n", 0, offset)


@dataclass(frozen=True)
class Heading:
    level: int
    title: str
    line: int


def headings(text: str, first_line: int = 1) -> list[Heading]:
    """ATX headings outside code, with attribute lists (``{#id}``) removed."""
    masked = mask_code(text)
    found = []
    for match in _ATX_HEADING.finditer(masked):
        title = _HEADING_ATTRS.sub("", match.group(2)).strip()
        found.append(Heading(len(match.group(1)), title, line_at(masked, match.start(), first_line)))
    return found
