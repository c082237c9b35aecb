"""HTML read the way a browser reads it: an HTML5 parser, an allowlist, a URL policy.

Used twice with the same code: on the raw HTML an editor writes in Markdown
(``rules.html_safety``, with source lines) and on every page's final HTML
(``outputs.html_gate``). Regular expressions cannot do this job: a browser
decodes character references (``&#106;avascript:``), ignores case, drops tabs
and newlines inside a URL scheme, merges a second ``<body onload>`` into the
real body and reads ``<svg>``/``<math>`` content in other namespaces.

The parser is justhtml: pure Python (installs anywhere, no compiled
extension), typed, maintained, tested against the html5lib tree-construction
suite, and it records the source line of every element, so a finding names
the line the editor wrote. (selectolax/lexbor is faster but reports no source
positions; html5lib has not been released since 2020.) The allowlist below is
a subset of Ammonia's defaults (nh3, checked by tests/test_html_safety.py)
plus what this handbook's pages need: ``<quiz objectives>`` (mkdocs-quiz
syntax), ``markdown`` (md_in_html), ``id``/``class``/``role``/``aria-*``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from justhtml import JustHTML, stream
from justhtml.dom import Element, Node, Template

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
    name: str                    # lower-case tag name
    namespace: str               # "html", "svg" or "math"
    attrs: dict[str, str]        # names lower-cased, values with character references decoded
    line: int                    # 1-based line in the parsed text (0 if the parser could not tell)
    ancestors: tuple[str, ...]   # tag names from the root down to the parent
    text: str = ""               # for <script>: its text


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


def _attrs(element: Element) -> dict[str, str]:
    return {str(name).lower(): "" if value is None else str(value) for name, value in (element.attrs or {}).items()}


def _walk(node: Node, ancestors: tuple[str, ...], line_offset: int) -> Iterator[ParsedElement]:
    for child in node.children or ():
        if not isinstance(child, Element):
            continue
        location = child.origin_location
        line = location[0] + line_offset if location else 0
        text = "".join(getattr(grand, "data", "") or "" for grand in child.children or ()) if child.name == "script" else ""
        yield ParsedElement(str(child.name).lower(), str(child.namespace or "html"), _attrs(child), line, ancestors, text)
        yield from _walk(child, (*ancestors, str(child.name).lower()), line_offset)
        if isinstance(child, Template) and child.template_content is not None:
            yield from _walk(child.template_content, (*ancestors, "template"), line_offset)


_WRAPPER = "<!DOCTYPE html><html><head></head><body>"


def parse_fragment(html: str, first_line: int = 1) -> list[ParsedElement]:
    """Every element of ``html`` as it would be inside a page's ``<body>``.

    Parsed as part of a whole document (not as a fragment), so a second
    ``<body onload=…>`` or ``<html …>`` merges its attributes into the real
    elements as in a browser: those come back as ``body``/``html`` elements with
    attributes, at line 0 (the caller knows where the text started)."""
    document = JustHTML(_WRAPPER + html, sanitize=False, track_node_locations=True)
    found = list(_walk(document.root, (), first_line - 1))
    return [element for element in found
            if element.name not in ("html", "head", "body") or element.attrs]


def start_tags(html: str, first_line: int = 1) -> list[ParsedElement]:
    """Every start tag of ``html`` as the HTML5 tokenizer reads it (names and attribute
    names lower-cased, character references decoded, raw text such as a ``<script>``
    body skipped), with the line of each. Tokens, not the tree: a tag the tree builder
    would ignore here (a ``<td>`` outside a table) may be live where the page puts it.
    ``ancestors`` holds the enclosing svg/math elements only."""
    found: list[ParsedElement] = []
    foreign: list[str] = []
    seen: dict[str, int] = {}
    lower = html.lower()
    for kind, data in stream(html):
        if kind == "start":
            name, attrs = start_tag(data)
            # The line of the n-th "<name" in the text (the tokenizer does not report positions).
            position, count = -1, seen.get(name, 0)
            for _ in range(count + 1):
                position = _find_tag(lower, name, position + 1)
            seen[name] = count + 1
            line = first_line + html.count("\n", 0, position) if position >= 0 else first_line
            found.append(ParsedElement(name, "svg" if "svg" in foreign else "math" if "math" in foreign else "html",
                                       attrs, line, tuple(foreign)))
            if name in ("svg", "math"):
                foreign.append(name)
        elif kind == "end" and foreign and data == foreign[-1]:
            foreign.pop()
    return found


def start_tag(data: object) -> tuple[str, dict[str, str]]:
    """Name and attributes of a ``("start", data)`` event of justhtml's ``stream``."""
    assert isinstance(data, tuple) and len(data) == 2
    name, raw = data
    attrs = raw if isinstance(raw, dict) else {}
    return str(name).lower(), {str(k).lower(): "" if v is None else str(v) for k, v in attrs.items()}


def _find_tag(lower: str, name: str, start: int) -> int:
    while (position := lower.find("<" + name, start)) >= 0:
        after = lower[position + 1 + len(name):position + 2 + len(name)]
        if after == "" or after in " \t\n\r\f/>":
            return position
        start = position + 1
    return -1


def parse_document(html: str) -> list[ParsedElement]:
    """Every element of a whole page."""
    document = JustHTML(html, sanitize=False, track_node_locations=True)
    return list(_walk(document.root, (), 0))


def attribute_value(serialized: str) -> str:
    """An attribute value as written in HTML (``&#106;…``) as a browser decodes it."""
    if "&" not in serialized and "\x00" not in serialized:
        return serialized.replace("\r\n", "\n").replace("\r", "\n")
    quoted = serialized.replace('"', "&quot;")
    elements = parse_fragment(f'<a href="{quoted}"></a>')
    return next((element.attrs.get("href", "") for element in elements if element.name == "a"), serialized)
