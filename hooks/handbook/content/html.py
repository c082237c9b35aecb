"""HTML read the way a browser reads it: an HTML5 parser, an allowlist, a URL policy.

Used twice with the same code: on the raw HTML an editor writes in Markdown
(``rules.html_safety``, with source lines) and on every page's final HTML
(``outputs.html_gate``). Regular expressions cannot do this job: a browser
decodes character references (``&#106;avascript:``), ignores case, drops tabs
and newlines inside a URL scheme, merges a second ``<body onload>`` into the
real body and reads ``<svg>``/``<math>`` content in other namespaces.

The parser is justhtml: pure Python (installs anywhere, no compiled
extension), typed, maintained, tested against the html5lib test suite. Its
tokenizer (``stream``) is used, not its tree: a tag the tree builder would drop
or move here (a ``<td>`` outside a table, a second ``<body onload>``) may be
live where the page puts it, so every start tag is judged. The tokenizer
reports no positions; the line of each start tag is found in the text, in order
(``TagLines``). (selectolax/lexbor is faster but reports no source positions
either; html5lib has not been released since 2020.) The allowlist below is
a subset of Ammonia's defaults (nh3, checked by tests/test_html_safety.py)
plus what this handbook's pages need: ``<quiz objectives>`` (mkdocs-quiz
syntax), ``markdown`` (md_in_html), ``id``/``class``/``role``/``aria-*``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from justhtml import stream

ALLOWED_TAGS: frozenset[str] = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "th", "thead", "time", "tr", "u",
    "ul", "var", "wbr",
    "quiz",   # mkdocs-quiz's block: content, rendered by the plugin before Python-Markdown
})
GLOBAL_ATTRIBUTES: frozenset[str] = frozenset({"class", "id", "title", "lang", "dir", "role", "markdown"})
TAG_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "hreflang", "rel", "target"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "blockquote": frozenset({"cite"}), "q": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}), "ins": frozenset({"cite", "datetime"}), "time": frozenset({"datetime"}),
    "ol": frozenset({"start", "reversed", "type"}), "li": frozenset({"value"}),
    "td": frozenset({"colspan", "rowspan", "headers"}), "th": frozenset({"colspan", "rowspan", "headers", "scope"}),
    "col": frozenset({"span"}), "colgroup": frozenset({"span"}), "details": frozenset({"open"}),
    "quiz": frozenset({"objectives"}),
}
ALL_ATTRIBUTES: frozenset[str] = GLOBAL_ATTRIBUTES.union(*TAG_ATTRIBUTES.values())
# Attributes whose value a browser treats as a URL (any tag, allowed or not).
URL_ATTRIBUTES: frozenset[str] = frozenset({
    "href", "src", "cite", "action", "formaction", "poster", "background", "data", "codebase", "longdesc",
    "ping", "manifest", "xlink:href", "srcset", "lowsrc", "dynsrc", "usemap", "icon",
})
SAFE_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})
SCRIPT_SCHEMES: frozenset[str] = frozenset({"javascript", "vbscript", "livescript"})

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_C0_OR_SPACE = "".join(chr(code) for code in range(0x21))


@dataclass(frozen=True)
class ParsedElement:
    name: str                    # tag name, lower-case
    attrs: dict[str, str]        # names lower-case, values with character references decoded
    line: int                    # 1-based line in the file
    foreign: bool = False        # inside <svg> or <math> (reported there, not checked on its own)


def url_scheme(value: str) -> str | None:
    """The scheme a browser's URL parser finds in an attribute value, lower-case;
    None for a relative URL or a fragment. Leading and trailing C0 controls and
    spaces are stripped and tabs/newlines removed anywhere, as the WHATWG URL
    parser does."""
    cleaned = _TAB_OR_NEWLINE.sub("", value.strip(_C0_OR_SPACE))
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


def url_problem(value: str) -> str | None:
    """``"script"`` for javascript:/vbscript:, ``"scheme"`` for any other scheme
    outside http, https, mailto, tel; None if the URL is allowed (those schemes,
    relative paths, ``#fragment``)."""
    scheme = url_scheme(value)
    if scheme is None or scheme in SAFE_SCHEMES:
        return None
    return "script" if scheme in SCRIPT_SCHEMES else "scheme"


def start_tags(html: str, first_line: int = 1) -> list[ParsedElement]:
    """Every start tag of ``html`` as the HTML5 tokenizer reads it (names lower-cased,
    character references decoded, raw text such as a ``<script>`` body skipped), with
    its line, counted from ``first_line`` for the text's first line. Tokens, not the
    tree: a tag the tree builder would ignore here may be live where the page puts it."""
    found: list[ParsedElement] = []
    lines = TagLines(html, first_line)
    foreign: list[str] = []          # open <svg>/<math> elements
    for event in stream(html):
        if event[0] == "start":
            name, attrs = start_tag(event[1])
            found.append(ParsedElement(name, attrs, lines.line_of(name), bool(foreign)))
            if name in ("svg", "math"):
                foreign.append(name)
        elif event[0] == "end" and foreign and event[1] == foreign[-1]:
            foreign.pop()
    return found


def start_tag(data: tuple[str, dict[str, str | None]]) -> tuple[str, dict[str, str]]:
    """Name and attributes of a ``("start", data)`` event of justhtml's ``stream``. The
    tokenizer has lower-cased the names (HTML5: ASCII case-insensitive) and decoded the values."""
    name, attrs = data
    return name, {key: value or "" for key, value in attrs.items()}


class TagLines:
    """The line of each start tag of a text, asked for in the tokenizer's order.

    The tokenizer reports no positions, but it reads the text from start to end: a
    start tag is the first ``<name`` (in any case, then a space, ``/`` or ``>``) after
    the previous one. Only a ``<name`` that is not a tag (in a comment, an attribute
    value or a ``<script>`` body) before the real one can mislead it, by the lines
    between the two; a tag not found where expected keeps the previous line."""

    def __init__(self, text: str, first_line: int) -> None:
        self.text, self.line, self.cursor = text, first_line, 0

    def line_of(self, name: str) -> int:
        found = _start_tag_pattern(name).search(self.text, self.cursor)
        if found is not None:
            self.line += self.text.count("\n", self.cursor, found.start())
            self.cursor = found.end()
        return self.line


@cache
def _start_tag_pattern(name: str) -> re.Pattern[str]:
    return re.compile(f"<{re.escape(name)}[\t\n\f\r />]", re.IGNORECASE | re.ASCII)


def attribute_value(serialized: str) -> str:
    """The value of a double-quoted HTML attribute as written (``&#106;…``, no ``"``)
    as a browser decodes it."""
    [element] = start_tags(f'<a href="{serialized}">')
    return element.attrs["href"]
