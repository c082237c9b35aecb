"""Find where an HTML element closes, counting nested elements of its tag.

Enough for the well-formed HTML that Python-Markdown and Material produce;
used by the hooks that move or label parts of a rendered page.
"""

from __future__ import annotations

import re


def closing_tag(html: str, start: int, tag: str) -> tuple[int, int]:
    """(start, end) of the tag closing the ``tag`` element that opens at
    ``start``; (len, len) if it never closes."""
    pattern = re.compile(rf"<(/?){tag}\b[^>]*>", re.IGNORECASE)
    depth = 0
    for match in pattern.finditer(html, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.start(), match.end()
    return len(html), len(html)
