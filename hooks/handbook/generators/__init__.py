"""Pages parts generated at build time from content data.

An editor writes a marker line such as ``<!-- handbook:law-registry -->`` in a
page; at build time it is replaced by Markdown rendered from the parsed
handbook (front matter, quizzes, registry). Nothing generated is typed by hand,
so adding a case or a law updates every table that lists it.

To add a generator: create a module here with a function decorated by
``@generator("name")`` taking ``(handbook, page)`` and returning Markdown, and
import the module at the bottom of this file.
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from ..engine import Handbook, Page

Generator = Callable[["Handbook", "Page"], str]
GENERATORS: dict[str, Generator] = {}
MARKER = re.compile(r"^<!--\s*handbook:(?P<name>[a-z0-9-]+)\s*-->[ \t]*$", re.MULTILINE)


def generator(name: str) -> Callable[[Generator], Generator]:
    def register(function: Generator) -> Generator:
        GENERATORS[name] = function
        return function
    return register


def link(from_page: "Page", to_path: str, anchor: str = "") -> str:
    """Relative Markdown link target from one docs page to another."""
    target = posixpath.relpath(to_path, posixpath.dirname(from_page.path) or ".")
    return f"{target}#{anchor}" if anchor else target


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def expand(markdown: str, handbook: "Handbook", page: "Page") -> str:
    def replace(match: re.Match[str]) -> str:
        function = GENERATORS.get(match.group("name"))
        return function(handbook, page) if function else match.group(0)
    return MARKER.sub(replace, markdown)


from . import case_table, coverage, editor_guide, glossary_page, law_registry, module_table, review_status, schedule, syllabus  # noqa: E402,F401  (registration side effect)
