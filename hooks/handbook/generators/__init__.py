"""Page parts generated at build time from content data.

An editor writes a marker such as ``<!-- handbook:law-registry -->`` on a line
of its own; at build time it is replaced by Markdown rendered from the parsed
handbook (front matter, quizzes, registry, procedures). Nothing generated is
typed by hand, so adding a case, a law or a procedure step updates every page
that shows it. Some generators take arguments (``<!-- handbook:procedure
call-opening -->``) and some may also stand inside a sentence (``inline``).

To add a generator: create a module here with a function decorated by
``@generator("name")`` taking ``(handbook, page, args)`` and returning
Markdown, and import the module at the bottom of this file. ``check`` (an
optional function of ``(handbook, args)`` returning an error message or None)
lets ``generators.markers`` report a bad argument at its line.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass

from ..content.frontmatter import SplitPage
from ..content.markers import Marker, find_markers
from ..content.model import AnyPage, Handbook, Page

Render = Callable[[Handbook, AnyPage, tuple[str, ...]], str]
Check = Callable[[Handbook, tuple[str, ...]], str | None]


@dataclass(frozen=True)
class Generator:
    name: str
    render: Render
    check: Check
    inline: bool          # may stand inside a line of text


GENERATORS: dict[str, Generator] = {}
# Markers that render nothing but tell a rule something (e.g. a declared procedure variant).
DIRECTIVES = {"variant"}


def no_arguments(handbook: Handbook, args: tuple[str, ...]) -> str | None:
    return f"这个标记不带参数，请删除“{' '.join(args)}”。" if args else None


def generator(name: str, *, check: Check = no_arguments, inline: bool = False) -> Callable[[Render], Render]:
    def register(function: Render) -> Render:
        GENERATORS[name] = Generator(name, function, check, inline)
        return function
    return register


def link(from_page: AnyPage, to_path: str, anchor: str = "") -> str:
    """Relative Markdown link target from one docs page to another."""
    target = posixpath.relpath(to_path, posixpath.dirname(from_page.path) or ".")
    return f"{target}#{anchor}" if anchor else target


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def _render(marker: Marker, handbook: Handbook, page: AnyPage, inline_only: bool) -> str | None:
    found = GENERATORS.get(marker.name)
    if found is None or (inline_only and not found.inline) or found.check(handbook, marker.args) is not None:
        return None
    return found.render(handbook, page, marker.args)


def expansions(markdown: str, handbook: Handbook, page: AnyPage,
               inline_only: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, generated Markdown) for every known, valid marker outside code."""
    found = []
    for marker in find_markers(markdown):
        rendered = _render(marker, handbook, page, inline_only)
        if rendered is None:
            continue
        # A block marker inside a list or admonition: indent the block like the marker.
        indent = markdown[markdown.rfind("\n", 0, marker.start) + 1:marker.start]
        if marker.own_line and indent and not indent.strip():
            rendered = "\n".join(indent + line if line.strip() and number else line
                                  for number, line in enumerate(rendered.rstrip("\n").split("\n")))
        found.append((marker.start, marker.end, rendered))
    return found


def apply_edits(text: str, edits: list[tuple[int, int, str]]) -> str:
    """``text`` with each (start, end, replacement) applied; edits must not overlap."""
    pieces, position = [], 0
    for start, end, replacement in sorted(edits, key=lambda edit: (edit[0], edit[1])):
        pieces += [text[position:start], replacement]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def expand(markdown: str, handbook: Handbook, page: AnyPage, inline_only: bool = False) -> str:
    """Replace every known, valid marker outside code; anything else stays as
    written (``generators.markers`` reports it)."""
    return apply_edits(markdown, expansions(markdown, handbook, page, inline_only))


def expand_inline(text: str, handbook: Handbook) -> str:
    """Expand inline markers in text that is not a page (quiz explanations in the answer key)."""
    return expand(text, handbook, _NO_PAGE, inline_only=True)


_NO_PAGE: AnyPage = Page("", "", SplitPage(None, "", 1), None, {}, [])

from . import (  # noqa: E402,F401  (registration side effect)
    case_table,
    coverage,
    editor_guide,
    glossary_page,
    law_registry,
    module_table,
    procedures,
    review_status,
    schedule,
    syllabus,
)
