"""Generator markers in page text: ``<!-- handbook:name arg … -->``.

A marker on a line of its own is replaced by a generated block (a table, a
numbered procedure); some generators also work inline, inside a sentence, a
quiz option or an explanation (``<!-- handbook:steps call-opening -->``).
The syntax is content, so it lives here; what each name produces is in
``generators``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .markdown import line_at, view

MARKER = re.compile(r"<!--[ \t]*handbook:(?P<name>[a-z0-9-]+)(?P<args>(?:(?!-->)[^\n])*?)[ \t]*-->")
_OWN_LINE = re.compile(r"^[ \t]*$")


@dataclass(frozen=True)
class Marker:
    name: str
    args: tuple[str, ...]
    line: int
    start: int          # offset in the text it was found in
    end: int
    own_line: bool      # nothing else on its line


def parse_args(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def find_markers(text: str, first_line: int = 1) -> list[Marker]:
    """Markers outside code, with their file lines."""
    masked = view(text).masked
    found = []
    for match in MARKER.finditer(masked):
        line_start = masked.rfind("\n", 0, match.start()) + 1
        line_end = masked.find("\n", match.end())
        line_end = len(masked) if line_end < 0 else line_end
        own_line = bool(_OWN_LINE.match(masked[line_start:match.start()])) and \
            bool(_OWN_LINE.match(masked[match.end():line_end]))
        found.append(Marker(match.group("name"), parse_args(match.group("args")),
                            line_at(masked, match.start(), first_line), match.start(), match.end(), own_line))
    return found
