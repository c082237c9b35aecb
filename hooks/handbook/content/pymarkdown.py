"""What Python-Markdown does with the text of one block: the inline grammar.

MkDocs renders pages with Python-Markdown, not with a CommonMark parser, and
the two disagree on exactly the questions the safety rules ask: which
backticks pair up into code, what counts as a raw HTML tag (Python-Markdown's
pattern is more lenient than CommonMark's), which ``\\`` escapes exist (``\\<``
is not an escape in Python-Markdown) and which link destinations it reads. So
for the text of a paragraph, heading, table cell or admonition title (found by
markdown-it-py in ``content.markdown``), this module asks Python-Markdown's own
processors, imported from the pinned ``markdown`` package, in the order and
with the placeholders Python-Markdown uses:

1. code spans (``BacktickInlineProcessor.find_code_spans``, priority 190),
2. backslash escapes (``ESCAPED_CHARS`` of the site's configuration, 180),
3. links and images (``LinkInlineProcessor.getText/getLink``, 160/150),
4. autolinks ``<https://…>`` and ``<x@y>`` (120/110),
5. raw inline HTML (``HTML_RE``, 90): every match reaches the browser as written.

Each consumed piece is replaced by a run of ``\\x02`` of the same length, as
Python-Markdown replaces it by an ``\\x02…\\x03`` placeholder, so offsets stay
valid and a later pattern cannot see through it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import markdown
from markdown import inlinepatterns
from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.serializers import _escape_attrib_html  # type: ignore[attr-defined]

# Block-level tags that start a raw HTML block at the beginning of a top-level line.
BLOCK_LEVEL: frozenset[str] = frozenset(markdown.Markdown().block_level_elements)
# `tables` adds `|`; the site's other extensions add none.
ESCAPED_CHARS: frozenset[str] = frozenset(markdown.Markdown().ESCAPED_CHARS) | {"|"}

_HTML = re.compile(inlinepatterns.HTML_RE, re.DOTALL | re.UNICODE)
_AUTOLINK = re.compile(inlinepatterns.AUTOLINK_RE, re.DOTALL | re.UNICODE)
_AUTOMAIL = re.compile(inlinepatterns.AUTOMAIL_RE, re.DOTALL | re.UNICODE)
_BACKTICK = re.compile(inlinepatterns.BACKTICK_RE, re.DOTALL | re.UNICODE)
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
# attr_list's pattern without `}` inside, searched anywhere (a superset of where it applies).
_ATTR_LIST = re.compile(r"\{:?[ ]*([^}\n ][^}\n]*)\}")
# A reference definition as the block processor reads it, on one line.
_REFERENCE = re.compile(r"^[ ]{0,3}\[([^\[\]]*)\]:[ ]*(\S+)", re.MULTILINE)
PLACEHOLDER = "\x02"


@dataclass(frozen=True)
class Url:
    value: str     # as the browser reads it (character references decoded)
    start: int     # offset of the link, image or autolink in the block text
    kind: str      # "link" | "image" | "autolink" | "definition"


@dataclass(frozen=True)
class Tag:
    text: str      # a raw tag (or comment) exactly as it reaches the page
    start: int


@dataclass(frozen=True)
class InlineParts:
    code: tuple[tuple[int, int], ...]
    urls: tuple[Url, ...]
    tags: tuple[Tag, ...]
    attributes: tuple[tuple[int, str, str], ...]   # (offset, name, value) from attribute lists


@cache
def _link_processors() -> tuple[inlinepatterns.LinkInlineProcessor, inlinepatterns.ImageInlineProcessor]:
    md = markdown.Markdown()
    # getLink unescapes placeholders through the inline tree processor's stash, set only while it runs.
    md.treeprocessors["inline"].stashed_nodes = {}  # type: ignore[attr-defined]
    return (inlinepatterns.LinkInlineProcessor(inlinepatterns.LINK_RE, md),
            inlinepatterns.ImageInlineProcessor(inlinepatterns.IMAGE_LINK_RE, md))


@cache
def _backticks() -> inlinepatterns.BacktickInlineProcessor:
    return inlinepatterns.BacktickInlineProcessor(inlinepatterns.BACKTICK_RE)


def browser_value(attribute_text: str) -> str:
    """An attribute value as Python-Markdown serialises it and a browser then decodes it."""
    from .html import attribute_value  # local: html imports nothing from here, but keep the graph flat
    return attribute_value(_escape_attrib_html(attribute_text))


def _blank(chars: list[str], start: int, end: int) -> None:
    for index in range(start, end):
        chars[index] = PLACEHOLDER


def code_spans(text: str) -> list[tuple[int, int]]:
    """Code spans as Python-Markdown pairs backticks (before any other pattern)."""
    found: list[tuple[int, int]] = []
    processor = _backticks()
    position = 0
    while (match := _BACKTICK.search(text, position)) is not None:
        if match.group(1):                       # an even run of backslashes before backticks
            position = match.end(0)
            continue
        begin = match.start(0)
        span: tuple[int, int | None] | None = processor.find_code_spans(begin, text)
        start, end = span if span is not None else (begin + 1, None)
        if end is None:
            position = max(start, begin + 1)
            continue
        found.append((begin, end + (start - begin)))
        position = end + (start - begin)
    return found


NOTHING = InlineParts((), (), (), ())
_MARKUP = re.compile(r"[`\\\[<{]")


def parse_inline(text: str) -> InlineParts:
    """Code spans, URLs, raw tags and attribute lists of one block's text."""
    if not _MARKUP.search(text):     # none of the patterns below can match (most table cells)
        return NOTHING
    chars = list(text)
    code = code_spans(text)
    for start, end in code:
        _blank(chars, start, end)
    for match in _ESCAPE.finditer("".join(chars)):
        if match.group(1) in ESCAPED_CHARS:
            _blank(chars, match.start(), match.end())
    urls: list[Url] = []
    _links(chars, urls)
    for pattern, scheme in ((_AUTOLINK, ""), (_AUTOMAIL, "mailto:")):
        for match in pattern.finditer("".join(chars)):
            value = match.group(1) if scheme == "" or match.group(1).lower().startswith("mailto:") else \
                scheme + match.group(1)
            urls.append(Url(browser_value(value), match.start(), "autolink"))
            _blank(chars, match.start(), match.end())
    neutral = "".join(chars)
    for match in _REFERENCE.finditer(neutral):
        urls.append(Url(browser_value(match.group(2).strip("<>")), match.start(), "definition"))
    tags = [Tag(_restore(text, match.start(), match.end(), code), match.start()) for match in _HTML.finditer(neutral)]
    attributes: list[tuple[int, str, str]] = []
    for match in _ATTR_LIST.finditer(neutral):
        pairs, _rest = get_attrs_and_remainder(match.group(1))
        attributes += [(match.start(), str(name), str(value)) for name, value in pairs if value is not None]
    return InlineParts(tuple(code), tuple(urls), tuple(tags), tuple(attributes))


_MANY_BRACKETS = 200
_DESTINATION = re.compile(r"\]\(\s*<?([^\s)>]*)")


def _links(chars: list[str], urls: list[Url]) -> None:
    """Links and images in Python-Markdown's grammar: the destination is read
    (and hidden from the HTML pattern), the link text stays (it may hold HTML).

    Python-Markdown's link processor takes time quadratic in the number of ``[``
    in a block; past ``_MANY_BRACKETS`` (pasted data, not prose: input.long-line)
    every ``](destination`` is checked instead and nothing is hidden."""
    data = "".join(chars)
    if data.count("[") > _MANY_BRACKETS:
        urls += [Url(browser_value(m.group(1)), m.start(), "link") for m in _DESTINATION.finditer(data)]
        return
    link, image = _link_processors()
    for processor, kind in ((image, "image"), (link, "link")):
        data = "".join(chars)
        for match in processor.compiled_re.finditer(data):
            _text, index, handled = processor.getText(data, match.end(0))
            if not handled:
                continue
            href, _title, end, handled = processor.getLink(data, index)
            if not handled or end is None:
                continue
            urls.append(Url(browser_value(href), match.start(), kind))
            _blank(chars, index, end)
            if kind == "image":
                _blank(chars, match.start(), index)   # alt text becomes an escaped attribute


def _restore(text: str, start: int, end: int, code: list[tuple[int, int]]) -> str:
    """The raw HTML Python-Markdown stashes: code spans inside it come back as
    ``<code>`` elements, escapes as the escaped character."""
    pieces: list[str] = []
    position = start
    for code_start, code_end in code:
        if code_end <= start or code_start >= end:
            continue
        pieces.append(_unescape(text[position:code_start]))
        inner = text[code_start:code_end].strip("`").strip()
        pieces.append("<code>" + inner.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</code>")
        position = code_end
    pieces.append(_unescape(text[position:end]))
    return "".join(pieces)


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: m.group(1) if m.group(1) in ESCAPED_CHARS else m.group(0), text)
