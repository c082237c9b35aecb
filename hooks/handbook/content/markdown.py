"""A page's Markdown as MkDocs renders it, with exact source lines: ``view(text)``.

Rules look for citations, links, placeholders, quizzes and generator markers
in prose and for raw HTML wherever it reaches the page, never inside code (the
editor guide shows a forbidden ``<script>`` on purpose). ``MarkdownView`` says
where code, comments, headings, links and raw HTML are. ``masked`` is the text
with code replaced by spaces (comments too in ``prose``): same length, same
lines, so an offset or line found in it is valid in the file.

How the structure is found
--------------------------
markdown-it-py (``content.commonmark``) parses the text into blocks with line
maps. The site is rendered by Python-Markdown, whose grammar differs; where
the difference decides what is code or HTML, this module follows
Python-Markdown, because that is what reaches the browser:

==============================  ===================================================
Python-Markdown                 how it is handled here
==============================  ===================================================
admonition, details, tabs       containers (``commonmark``): their 4-space body is
(``!!!``, ``???``, ``===``)     content, not an indented code block
indented code needs 4 spaces    a CommonMark code block counts as code only if its
per list/admonition level       first line is indented ``4 × (levels + 1)``
                                columns; otherwise it is read again as Markdown
fences must close with the      an unclosed fence (or one closed by a longer fence)
same length (superfences)       is not code: its lines are read again as Markdown
a block-level tag at the start  raw HTML block up to its matching closing tag, even
of a top-level line             across blank lines: all of it is HTML (fenced code
                                inside stays code); with a ``markdown`` attribute
                                (md_in_html) the inside is Markdown, read again
inline grammar: code spans,     ``content.pymarkdown`` applies Python-Markdown's own
escapes, links, autolinks,      processors to each block's text; an inline code span
raw tags, attribute lists       is code only where both parsers say so
``#title`` without a space      a heading (CommonMark: a paragraph)
==============================  ===================================================

Where only Python-Markdown sees code (e.g. footnote bodies indented 8 spaces),
the text is checked as prose: at worst a false alarm, never a missed script.
``outputs.html_gate`` checks the rendered pages as a last line of defence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from markdown_it.token import Token

from . import pymarkdown
from .commonmark import PARSER, PARSER_WITHOUT_FENCES, PARSER_WITHOUT_HTML_BLOCKS, Recorder, recorder, spans_of
from .html import ParsedElement, start_tags

_RAW_START = re.compile(r"^ {0,3}<(?:(?P<comment>!--)|(?P<tag>[A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$))")
_OPEN_TAG = re.compile(r"""<[A-Za-z][A-Za-z0-9-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*(/?)>""")
_TAG_START = re.compile(r"<(!--|[A-Za-z][A-Za-z0-9-]*)")
_HEADING_ATTRS = re.compile(r"\s*\{[^}]*\}\s*$")
_QUIZ = re.compile(r"<quiz(?:\s[^>]*)?>.*?</quiz>", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_CONTAINERS = {"list_item_open": 1, "list_item_close": -1, "pm_container_open": 1, "pm_container_close": -1,
               "footnote_open": 1, "footnote_close": -1, "dd_open": 1, "dd_close": -1}
_MAX_DEPTH = 8
_VOID = {"hr"}


@dataclass(frozen=True)
class Heading:
    level: int
    title: str
    line: int


@dataclass(frozen=True)
class Link:
    url: str       # as the reader's browser gets it
    line: int
    kind: str      # "link" | "image" | "autolink" | "definition"
    text: str = ""          # alt text of an image
    checked: bool = True    # False: seen only by Python-Markdown's grammar (safety rules only)


@dataclass(frozen=True)
class RawHtml:
    text: str      # HTML exactly as it reaches the page
    line: int      # file line of its first character
    block: bool    # a whole raw block (parsed with its context) or one inline tag


@dataclass(frozen=True)
class Attribute:
    name: str      # from an attribute list {: name="value" } (attr_list)
    value: str
    line: int


@dataclass(frozen=True)
class CodeRange:
    start: int
    end: int
    kind: str      # "fence" | "indented" | "inline"


@dataclass(frozen=True)
class MarkdownView:
    text: str
    first_line: int
    code: tuple[CodeRange, ...]
    comments: tuple[tuple[int, int], ...]
    headings: tuple[Heading, ...]
    links: tuple[Link, ...]
    html: tuple[RawHtml, ...]
    attributes: tuple[Attribute, ...]

    @cached_property
    def masked(self) -> str:
        """The text with every code block and span replaced by spaces."""
        return _blank(self.text, [(r.start, r.end) for r in self.code])

    @cached_property
    def prose(self) -> str:
        """The text with code and HTML comments replaced by spaces."""
        return _blank(self.masked, list(self.comments))

    def line_at(self, offset: int) -> int:
        return line_at(self.text, offset, self.first_line)

    @cached_property
    def elements(self) -> list[ParsedElement]:
        """Every start tag of the raw HTML, read as a browser reads it, with its file line."""
        found: list[ParsedElement] = []
        for raw in self.html:
            if raw.block:
                # A tag left open at the end of a raw block is closed by whatever HTML follows it on
                # the page: close it here too (in a quoted value, in a tag, or harmlessly in text).
                found += start_tags(raw.text + "'\">", raw.line)
            elif not raw.text.startswith(("</", "<!--")):
                found += [_at_line(element, raw.line) for element in _parse_tag(raw.text)]
        return found

    @property
    def inline_code(self) -> list[tuple[int, int]]:
        return [(r.start, r.end) for r in self.code if r.kind == "inline"]


@lru_cache(maxsize=4096)
def _parse_tag(text: str) -> tuple[ParsedElement, ...]:
    return tuple(start_tags(text))


def _at_line(element: ParsedElement, line: int) -> ParsedElement:
    return replace(element, line=line)


def _blank(text: str, ranges: list[tuple[int, int]]) -> str:
    if not ranges:
        return text
    chars = list(text)
    for start, end in ranges:
        for index in range(start, min(end, len(chars))):
            if chars[index] != "\n":
                chars[index] = " "
    return "".join(chars)


def line_at(text: str, offset: int, first_line: int = 1) -> int:
    """1-based line number of ``offset`` in ``text`` whose first line is ``first_line``."""
    return first_line + text.count("\n", 0, offset)


def _indent(line: str) -> int:
    """Columns of indentation after any blockquote markers, tabs to multiples of 4."""
    column, index = 0, 0
    while True:
        stripped = line[index:].lstrip(" ")
        if stripped.startswith(">") and len(line) - index - len(stripped) <= 3:
            index = len(line) - len(stripped) + 1
            if line[index:index + 1] == " ":
                index += 1
            continue
        break
    for char in line[index:]:
        if char == " ":
            column += 1
        elif char == "\t":
            column += 4 - column % 4
        else:
            break
    return column


def _dedent(line: str, columns: int) -> str:
    index, column = 0, 0
    while index < len(line) and column < columns and line[index] in " \t":
        column += 1 if line[index] == " " else 4 - column % 4
        index += 1
    return line[index:]


@dataclass
class _Builder:
    text: str
    lines: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    code: list[CodeRange] = field(default_factory=list)
    comments: list[tuple[int, int]] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    html: list[RawHtml] = field(default_factory=list)
    attributes: list[Attribute] = field(default_factory=list)
    cursor: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lines = self.text.split("\n")
        offset = 0
        for line in self.lines:
            self.starts.append(offset)
            offset += len(line) + 1
        self.starts.append(offset)

    # --- regions -------------------------------------------------------------------------

    def region(self, first: int, last: int, dedent: int, top: bool, depth: int, nesting: int = 0,
               fences: bool = True, cut: int = 0, html_blocks: bool = True) -> None:
        """Parse body lines [first, last) as Markdown; ``top``: at document level, where raw
        HTML blocks start; ``depth``: list/admonition levels around the region; ``cut``:
        characters of the first line already read (the end of a raw HTML block)."""
        if first >= last:
            return
        lines = [_dedent(self.lines[index], dedent) for index in range(first, last)]
        lines[0] = self.lines[first][cut:] if cut else lines[0]
        # markdown-it reads a lone CR as a line end; the loader has turned CR LF and CR into LF,
        # so one left here (a text that is not a file) stays inside its line.
        source = "\n".join(lines).replace("\r", " ")
        env: dict[str, object] = {}
        parser = PARSER if fences and html_blocks else PARSER_WITHOUT_FENCES if html_blocks else PARSER_WITHOUT_HTML_BLOCKS
        tokens = parser.parse(source, env)
        raw = self._raw_regions(tokens, first, last, nesting, cut) if top else []
        self._definitions(recorder(env), first, raw)
        level = depth
        for index, token in enumerate(tokens):
            level += _CONTAINERS.get(token.type, 0)
            if token.map is None:
                continue
            start, end = first + token.map[0], first + token.map[1]
            if token.type == "fence" and token.meta.get("closed"):
                self._code_lines(start, end, "fence")   # fences are found before raw HTML blocks
                continue
            if _inside(start, raw):
                continue
            if token.type == "fence":
                self._again(start, end, top and token.level == 0, level, nesting, fences=False)
            elif token.type == "code_block":
                # Python-Markdown: a code block starts a block (after a blank line) and is
                # indented 4 columns per enclosing list/admonition level, plus 4.
                after_blank = start == 0 or not self.lines[start - 1].strip()
                if after_blank and _indent(self.lines[start]) >= 4 * (level + 1):
                    self._code_lines(start, end, "indented")
                else:
                    self._again(start, end, False, level, nesting)
            elif token.type == "html_block":          # not a raw block: Markdown text with inline tags
                stop = next((line for line in range(start, end) if _inside(line, raw)), end)
                if nesting >= _MAX_DEPTH or (start == first and cut):
                    inline = PARSER.parseInline(token.content.rstrip("\n"), {})[0]
                    self._inline(inline, start, raw)
                else:
                    self.region(start, stop, dedent if start > first else 0, False, level, nesting + 1,
                                html_blocks=False)
            elif token.type == "inline":
                heading = tokens[index - 1] if index else None
                self._inline(token, start, raw)
                if heading is not None and heading.type == "heading_open":
                    title = _HEADING_ATTRS.sub("", token.content).strip()
                    self.headings.append(Heading(int(heading.tag[1]), title, start))

    def _again(self, first: int, last: int, top: bool, depth: int, nesting: int, fences: bool = True) -> None:
        """Lines CommonMark took for code that Python-Markdown renders as Markdown."""
        if nesting >= _MAX_DEPTH:
            self._inline_text(first, "\n".join(self.lines[first:last]), [])
            return
        indents = [_indent(line) for line in self.lines[first:last] if line.strip()]
        self.region(first, last, min(indents, default=0), top, depth, nesting + 1, fences)

    def _code_lines(self, first: int, last: int, kind: str) -> None:
        self.code.append(CodeRange(self.starts[first], self.starts[last] - 1 if last < len(self.lines) else
                                   len(self.text), kind))

    def _definitions(self, found: Recorder, first: int, raw: list[tuple[int, int]]) -> None:
        """Reference definitions: their URL, and their text read the way Python-Markdown may
        (it refuses some that CommonMark accepts, e.g. ``[x]: <a b>``, and renders them as text)."""
        for line, end, url in found.definitions:
            if not _inside(first + line, raw):
                self.links.append(Link(url, first + line, "definition"))
                self._inline_text(first + line, "\n".join(self.lines[first + line:first + end]).strip(), [])

    # --- raw HTML blocks (Python-Markdown's HTML block preprocessor) -----------------------

    def _raw_regions(self, tokens: list[Token], first: int, last: int, nesting: int,
                     cut: int) -> list[tuple[int, int]]:
        """Emit the raw HTML blocks that start in this region; return the line ranges they
        cover, together with the lines read again after them (the rest of a block)."""
        regions: list[tuple[int, int]] = []
        fences = [(first + t.map[0], first + t.map[1]) for t in tokens
                  if t.type == "fence" and t.map is not None and t.meta.get("closed")]
        blocks = [(first + t.map[0], first + t.map[1]) for t in tokens
                  if t.level == 0 and t.map is not None and t.nesting >= 0]
        searchable = ""
        for token in tokens:
            # Python-Markdown finds raw blocks in the whole document before it sees lists or
            # admonitions: any text line whose tag starts within 3 columns of the margin.
            if token.type not in ("paragraph_open", "html_block") or token.map is None:
                continue
            line = first + token.map[0]
            while line < first + token.map[1]:
                column = cut if line == first else 0
                if _inside(line, regions) or (found := _RAW_START.match(self.lines[line], column)) is None:
                    line += 1
                    continue
                name = (found.group("tag") or "").lower()
                if not found.group("comment") and name not in pymarkdown.BLOCK_LEVEL:
                    line += 1
                    continue
                if not searchable:     # the text where closing tags are looked for: fenced code blanked
                    searchable = _blank(self.text, [(self.starts[a], self.starts[b] - 1) for a, b in fences])
                start = self.starts[line] + column + len(found.group(0)) - len(found.group(0).lstrip(" "))
                end_offset = self._raw_block(start, last, name, fences, searchable, nesting)
                if end_offset is None:
                    line += 1
                    continue
                end_offset = self._raw_tail(end_offset, last, fences, searchable, nesting)
                # The rest of the block after the raw HTML is Markdown again, from the end of its last tag.
                end_line = self._line_of(end_offset - 1)
                block_end = max((b for a, b in blocks if a <= end_line < b), default=end_line + 1)
                regions.append((line, max(block_end, end_line + 1)))
                tail = self.lines[end_line][end_offset - self.starts[end_line]:]
                if tail.strip() or block_end > end_line + 1:
                    self.region(end_line, block_end, 0, True, 0, nesting + 1, cut=end_offset - self.starts[end_line])
                line = max(block_end, end_line + 1)
        return regions

    def _raw_tail(self, end: int, last: int, fences: list[tuple[int, int]], searchable: str, nesting: int) -> int:
        """Python-Markdown's "tail" of a raw block (the rest of its last line): another
        block-level tag there starts another raw block, wherever it stands."""
        while True:
            line = self._line_of(end - 1)
            line_end = self.starts[line] + len(self.lines[line])
            found = next((m for m in _TAG_START.finditer(searchable, end, line_end)
                          if m.group(1) == "!--" or m.group(1).lower() in pymarkdown.BLOCK_LEVEL), None)
            if found is None:
                return end
            following = self._raw_block(found.start(), last, "" if found.group(1) == "!--" else found.group(1).lower(),
                                        fences, searchable, nesting)
            if following is None:
                return end
            if self.text[end:found.start()].strip():
                self._inline_text(line, self.text[end:found.start()], [])
            end = following

    def _raw_block(self, start: int, last: int, name: str, fences: list[tuple[int, int]],  # noqa: PLR0911
                   searchable: str, nesting: int) -> int | None:
        """Emit the raw block at offset ``start``; return the offset after it (None: no raw block)."""
        limit = self.starts[last] - 1 if last < len(self.lines) else len(self.text)
        searchable = searchable[:limit]
        if not name:                                              # <!-- comment -->
            close = searchable.find("-->", start + 4)
            if close < 0:                                         # never closed: text, not a comment
                return None
            return self._emit_raw(start, close + 3, fences)
        opening = _OPEN_TAG.match(searchable, start)
        if opening is None:                                       # not a whole tag: read as HTML up to the line end
            return self._emit_raw(start, self.starts[self._line_of(start) + 1] - 1, fences)
        if opening.group(1) or name in _VOID:
            return self._emit_raw(start, opening.end(), fences)
        close_start, close_end = _matching_close(searchable, opening.end(), name)
        closed = close_end <= limit
        if _markdown_attribute(opening.group(0)):                # md_in_html: Markdown inside the tags
            self._emit_raw(start, opening.end(), fences)
            open_line = self._line_of(opening.end() - 1)
            inner_end = self._line_of(close_start) if closed else last
            rest = self.lines[open_line][opening.end() - self.starts[open_line]:]
            if rest.strip():
                self.region(open_line, max(inner_end, open_line + 1), 0, True, 0, nesting + 1,
                            cut=opening.end() - self.starts[open_line])
            else:
                self.region(open_line + 1, inner_end, 0, True, 0, nesting + 1)
            if not closed:
                return limit
            return self._emit_raw(self.starts[inner_end] if inner_end > open_line else close_start, close_end, fences)
        if not closed:                                            # never closed: raw to the end
            return self._emit_raw(start, limit, fences)
        return self._emit_raw(start, close_end, fences)

    def _emit_raw(self, start: int, end: int, fences: list[tuple[int, int]]) -> int:
        """Raw HTML from offset ``start`` to ``end``, with fenced code blocks inside it blanked."""
        fence_ranges = [(self.starts[a], self.starts[b] - 1) for a, b in fences
                        if self.starts[a] < end and self.starts[b] - 1 > start]
        chunk = _blank(self.text, fence_ranges)[start:end] if fence_ranges else self.text[start:end]
        self.html.append(RawHtml(chunk, self._line_of(start) + 1, True))
        self.comments += [(start + m.start(), start + m.end()) for m in _COMMENT.finditer(chunk)]
        return end

    def _line_of(self, offset: int) -> int:
        """Index of the line holding ``offset``."""
        return self.text.count("\n", 0, max(offset, 0))

    # --- the text of one block --------------------------------------------------------------

    def _locate(self, line: int, content_line: str) -> int | None:
        """Offset in the file where ``content_line`` (from a token) starts on ``line``."""
        if line >= len(self.lines):
            return None
        body_line = self.lines[line]
        tail = content_line.rstrip()
        if not tail:
            return self.starts[line] + len(body_line)
        if body_line.rstrip().endswith(tail) and line not in self.cursor:
            column = len(body_line.rstrip()) - len(tail)
        else:
            column = body_line.find(tail, self.cursor.get(line, 0))
            if column < 0:
                column = body_line.find(tail)
            if column < 0:
                return None
        self.cursor[line] = column + len(tail)
        return self.starts[line] + column

    def _inline_text(self, line: int, text: str, raw: list[tuple[int, int]]) -> None:
        inline = PARSER.parseInline(text, {})[0]
        self._inline(inline, line, raw)

    def _inline(self, token: Token, first: int, raw: list[tuple[int, int]]) -> None:
        content = token.content
        content_lines = content.split("\n")
        stop = next((index for index in range(len(content_lines)) if _inside(first + index, raw)), None)
        if stop is not None:
            content = "\n".join(content_lines[:stop])
            content_lines = content_lines[:stop]
        if not content:
            return
        parts = pymarkdown.parse_inline(content)
        spans = spans_of(token)
        if not spans and parts is pymarkdown.NOTHING:
            return
        bases: list[int | None] = []
        content_starts: list[int] = []

        def line_of(offset: int) -> int:
            return first + content.count("\n", 0, offset)

        def to_file(start: int, end: int) -> list[tuple[int, int]]:
            if not bases:                # where each content line is in the file, found once, when needed
                position = 0
                for index, content_line in enumerate(content_lines):
                    bases.append(self._locate(first + index, content_line))
                    content_starts.append(position)
                    position += len(content_line) + 1
            pieces = []
            for index, base in enumerate(bases):
                low, high = content_starts[index], content_starts[index] + len(content_lines[index])
                if base is None or end <= low or start > high:
                    continue
                pieces.append((base + max(start, low) - low, base + min(end, high) - low))
            return pieces

        commonmark_code = [(s.start, s.end) for s in spans if s.kind == "code"]
        for start, end in _intersect(commonmark_code, list(parts.code)):
            self.code += [CodeRange(a, b, "inline") for a, b in to_file(start, end)]
        for span in spans:
            if span.kind in ("link", "image") and span.end <= len(content):
                self.links.append(Link(span.url, line_of(span.start), span.kind, span.text))
        for url in parts.urls:
            self.links.append(Link(url.value, line_of(url.start), url.kind, checked=False))
        for tag in parts.tags:
            self.html.append(RawHtml(tag.text, line_of(tag.start) + 1, False))
            if tag.text.startswith("<!--"):
                self.comments += to_file(tag.start, tag.start + len(tag.text))
        self.attributes += [Attribute(name, value, line_of(offset)) for offset, name, value in parts.attributes]

    def build(self, first_line: int) -> MarkdownView:
        self.region(0, len(self.lines), 0, True, 0)
        code = sorted(set(self.code), key=lambda r: (r.start, r.end))
        masked = _blank(self.text, [(r.start, r.end) for r in code])
        quizzes = [(line_at(masked, m.start()), line_at(masked, m.end())) for m in _QUIZ.finditer(masked)]
        # mkdocs-quiz renders its blocks before Python-Markdown: nothing in them is a page heading.
        headings = [h for h in self.headings if not any(a <= h.line + 1 <= b for a, b in quizzes)]

        def shift(line: int) -> int:
            return line + first_line

        return MarkdownView(
            self.text, first_line, tuple(code), tuple(sorted(set(self.comments))),
            tuple(Heading(h.level, h.title, shift(h.line)) for h in sorted(headings, key=lambda h: h.line)),
            tuple(Link(k.url, shift(k.line), k.kind, k.text, k.checked) for k in sorted(
                set(self.links), key=lambda k: (k.line, k.kind, k.url))),
            tuple(RawHtml(h.text, h.line + first_line - 1, h.block) for h in self.html),
            tuple(Attribute(a.name, a.value, shift(a.line)) for a in self.attributes))


def _inside(line: int, regions: list[tuple[int, int]]) -> bool:
    return any(start <= line < end for start, end in regions)


def _intersect(first: list[tuple[int, int]], second: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges covered by both lists (each sorted, without overlaps), in linear time."""
    first, second = sorted(first), sorted(second)
    found: list[tuple[int, int]] = []
    i = j = 0
    while i < len(first) and j < len(second):
        (a, b), (c, d) = first[i], second[j]
        if max(a, c) < min(b, d):
            found.append((max(a, c), min(b, d)))
        if b < d:
            i += 1
        else:
            j += 1
    return found


def _matching_close(text: str, position: int, name: str) -> tuple[int, int]:
    """(start, end) of the tag closing the ``name`` element opened before ``position``."""
    pattern = re.compile(rf"<(/?){re.escape(name)}(?=[\s/>])[^>]*>", re.IGNORECASE)
    depth = 1
    for match in pattern.finditer(text, position):
        if match.group(1):
            depth -= 1
        elif not match.group(0).endswith("/>"):
            depth += 1
        if depth == 0:
            return match.start(), match.end()
    return len(text) + 1, len(text) + 1


def _markdown_attribute(tag: str) -> bool:
    elements = start_tags(tag)
    value = elements[0].attrs.get("markdown") if elements else None
    return value is not None and value.strip().lower() != "0"


@lru_cache(maxsize=256)
def _parsed(text: str) -> MarkdownView:
    return _Builder(text).build(1)


@lru_cache(maxsize=256)
def view(text: str, first_line: int = 1) -> MarkdownView:
    """The parsed view of ``text`` whose first line is ``first_line`` (parsed once per
    text: every rule and output asks for the same pages)."""
    parsed = _parsed(text)
    if first_line == 1:
        return parsed
    shift = first_line - 1
    return MarkdownView(
        text, first_line, parsed.code, parsed.comments,
        tuple(Heading(h.level, h.title, h.line + shift) for h in parsed.headings),
        tuple(Link(k.url, k.line + shift, k.kind, k.text, k.checked) for k in parsed.links),
        tuple(RawHtml(h.text, h.line + shift, h.block) for h in parsed.html),
        tuple(Attribute(a.name, a.value, a.line + shift) for a in parsed.attributes))


_MAY_HIDE_TEXT = re.compile(r"`|~~~|<!--|^(?: {4}|\t)", re.MULTILINE)


def prose(text: str) -> str:
    """``view(text).prose`` without parsing text that cannot hold code or comments
    (a definition in a YAML data file, most often)."""
    return view(text).prose if _MAY_HIDE_TEXT.search(text) else text


def headings(text: str, first_line: int = 1) -> list[Heading]:
    """Headings outside code, with attribute lists (``{#id}``) removed."""
    return list(view(text, first_line).headings)
