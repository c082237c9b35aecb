"""The markdown-it-py parser set up for the Markdown that MkDocs renders.

CommonMark (markdown-it-py) finds the block structure and keeps a line map
for every block; three changes make it read what Python-Markdown with this
site's extensions reads (see ``content.markdown`` for how the rest of the
differences are handled):

- admonitions ``!!! type "title"``, collapsible blocks ``??? type`` /
  ``???+ type`` (pymdownx.details) and tabs ``=== "title"`` (pymdownx.tabbed)
  are containers whose body is indented by four spaces, continued across any
  number of blank lines, as in Python-Markdown. In plain CommonMark that body
  is an indented code block, which would hide it from every rule.
- a fenced block is closed only by a fence of exactly the same length
  (pymdownx.superfences); ``meta["closed"]`` tells whether it was closed at all,
  and opened with an info string superfences accepts (a language, or ``{attrs}``).
  Only a fence that closes ends the paragraph above it: an unclosed one is text
  that continues the paragraph.
- link destinations are kept as written: no scheme is refused
  (``javascript:`` must reach the safety rules) and nothing is percent-encoded.

Positions inside a block's text are recorded by thin wrappers around the
inline rules that produce code spans, links and images, and the block rule for
reference definitions (``Recorder``).
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock, html_block, list_block, paragraph, table
from markdown_it.rules_block import reference as reference_rule
from markdown_it.rules_block.fence import make_fence_rule
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline, backtick, image, link
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from pymdownx.superfences import RE_NESTED_FENCE_START

# Python-Markdown's admonition, pymdownx.details and pymdownx.tabbed openers (whole line).
_CONTAINER = re.compile(
    r'(?:!!! ?(?:[\w\-]+(?: +[\w\-]+)*)(?: +"(?P<admonition>.*?)")?'
    r'|\?\?\?\+? ?(?:[\w\-]+(?: +[\w\-]+)*)(?: +"(?P<details>.*?)")?'
    r'|===(?:\+|\+!|!\+|!)? +"(?P<tab>.*?)") *$')
CONTAINER_TYPES = ("pm_container_open",)
RECORDER = "handbook"
_OUTER = "handbook-outer"     # env key: the parent of the paragraph being parsed
# What may start a raw HTML block in Python-Markdown (see content.pymarkdown.BLOCK_LEVEL).
_RAW_TAG = re.compile(r"<(?:!|\?|/?([A-Za-z][A-Za-z0-9-]*))")


@dataclass
class Span:
    kind: str            # "code" | "link" | "image"
    start: int           # offsets in the inline token's content
    end: int
    url: str = ""
    text: str = ""


@dataclass
class Recorder:
    """Collects positions while markdown-it parses; kept in ``env``."""
    current: Token | None = None
    definitions: list[tuple[int, int, str]] = field(default_factory=list)   # (first line, end line, href)


def recorder(env: MutableMapping[str, Any]) -> Recorder:
    found = env.get(RECORDER)
    if not isinstance(found, Recorder):
        found = Recorder()
        env[RECORDER] = found
    return found


def _spans(token: Token) -> list[Span]:
    spans = token.meta.get(RECORDER)
    if not isinstance(spans, list):
        spans = []
        token.meta[RECORDER] = spans
    return spans


def spans_of(token: Token) -> list[Span]:
    spans = token.meta.get(RECORDER) if token.meta else None
    return list(spans) if isinstance(spans, list) else []


def _inline_core(state: StateCore) -> None:
    """markdown-it's core ``inline`` rule, telling the recorder which block it parses."""
    found = recorder(state.env)
    for token in state.tokens:
        if token.type == "inline":
            if token.children is None:
                token.children = []
            found.current = token
            state.md.inline.parse(token.content, state.md, state.env, token.children)
    found.current = None


def _record(kind: str, rule: Any) -> Any:
    def wrapped(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        ok: bool = rule(state, silent)
        current = recorder(state.env).current
        if ok and not silent and current is not None:
            span = Span(kind, start, state.pos)
            wanted = "link_open" if kind == "link" else "image"
            pushed = next((t for t in state.tokens[count:] if t.type == wanted), None)
            if pushed is not None:
                span.url = str(pushed.attrGet("href" if kind == "link" else "src") or "")
                span.text = pushed.content if kind == "image" else ""
            _spans(current).append(span)
        return ok
    return wrapped


_FENCE = make_fence_rule(exact_match=True)


def _fence(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if _interrupts(state, silent):
        # superfences: an unclosed fence is text, so it does not end the paragraph above it.
        return _closes(state, start_line, end_line)
    count = len(state.tokens)
    if not _FENCE(state, start_line, end_line, silent):
        return False
    if not silent and len(state.tokens) > count:
        token = state.tokens[-1]
        last = state.line - 1
        closing = state.src[state.bMarks[last] + state.tShift[last]:state.eMarks[last]].strip()
        opening = RE_NESTED_FENCE_START.match(
            state.src[state.bMarks[start_line] + state.tShift[start_line]:state.eMarks[start_line]])
        # superfences: an info string it does not understand (or options it may refuse) is no fence.
        known = opening is not None and not opening.group("unrecognized") and not opening.group("options")
        # superfences: the closing fence is indented exactly like the opening one.
        same_indent = state.sCount[last] == state.sCount[start_line]
        token.meta["closed"] = last > start_line and closing == token.markup and known and same_indent
    return True


def _closes(state: StateBlock, start_line: int, end_line: int) -> bool:
    """Whether the fence at ``start_line`` is closed: parsed for real, then undone."""
    count, line = len(state.tokens), state.line
    parent, state.parentType = state.parentType, "root"
    try:
        return _fence(state, start_line, end_line, False) and bool(state.tokens[-1].meta.get("closed"))
    finally:
        del state.tokens[count:]
        state.line, state.parentType = line, parent


def _reference(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    before = dict(state.env.get("references", {}))
    ok: bool = reference_rule(state, start_line, end_line, silent)
    if ok and not silent:
        for label, value in state.env.get("references", {}).items():
            if label not in before and isinstance(value, dict):
                recorder(state.env).definitions.append((start_line, state.line, str(value.get("href", ""))))
    return ok


def _paragraph(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """markdown-it's paragraph, noting its parent for the terminator rules below."""
    state.env[_OUTER] = state.parentType
    ok: bool = paragraph(state, start_line, end_line, silent)
    return ok


def _interrupts(state: StateBlock, silent: bool) -> bool:
    """True when a rule is asked whether it ends the paragraph being parsed."""
    return silent and state.parentType == "paragraph"


def _list(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Python-Markdown: a list does not interrupt a paragraph (except another item of a list)."""
    if _interrupts(state, silent) and state.env.get(_OUTER) != "list":
        return False
    ok: bool = list_block(state, start_line, end_line, silent)
    return ok


def _html_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Python-Markdown: only a raw HTML block (a block-level tag at the start of a top-level
    line) interrupts a paragraph; any other tag is inline HTML inside it."""
    if _interrupts(state, silent):
        from .pymarkdown import BLOCK_LEVEL
        text = state.src[state.bMarks[start_line] + state.tShift[start_line]:state.eMarks[start_line]]
        match = _RAW_TAG.match(text)
        if state.env.get(_OUTER) != "root" or match is None or (
                match.group(1) is not None and match.group(1).lower() not in BLOCK_LEVEL):
            return False
    ok: bool = html_block(state, start_line, end_line, silent)
    return ok


def _table(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Python-Markdown: a table starts a block; it does not interrupt a paragraph."""
    if _interrupts(state, silent):
        return False
    ok: bool = table(state, start_line, end_line, silent)
    return ok


_HASH_HEADING = re.compile(r"(#{1,6})(.*?)#*[ \t]*$")


def _hash_heading(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """``#title`` without a space: a heading for Python-Markdown (CommonMark's ``heading``
    rule, tried first, takes ``# title``), also in the middle of a paragraph."""
    if state.sCount[start_line] != state.blkIndent:
        return False
    text = state.src[state.bMarks[start_line] + state.tShift[start_line]:state.eMarks[start_line]]
    match = _HASH_HEADING.match(text) if text.startswith("#") else None
    if match is None or not match.group(2).strip():
        return False
    if silent:
        return True
    opening = state.push("heading_open", f"h{len(match.group(1))}", 1)
    opening.markup, opening.map = match.group(1), [start_line, start_line + 1]
    inline = state.push("inline", "", 0)
    inline.content, inline.map, inline.children = match.group(2).strip(), [start_line, start_line + 1], []
    state.push("heading_close", f"h{len(match.group(1))}", -1).markup = match.group(1)
    state.line = start_line + 1
    return True


def _container(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """``!!! note "title"`` / ``??? note`` / ``=== "tab"`` and the lines indented four spaces below it."""
    indent = state.sCount[start_line] - state.blkIndent
    if indent < 0 or indent > 3:
        return False
    text = state.src[state.bMarks[start_line] + state.tShift[start_line]:state.eMarks[start_line]]
    if text[:3] not in ("!!!", "???", "===") or (match := _CONTAINER.match(text)) is None:
        return False
    if silent:
        return True
    body_indent = state.sCount[start_line] + 4
    last = next_line = start_line + 1
    while next_line < end_line:
        if state.isEmpty(next_line):
            next_line += 1
            continue
        if state.sCount[next_line] < body_indent:
            break
        next_line += 1
        last = next_line
    title = next((group for group in match.groups() if group is not None), None)
    old_parent, old_max, old_indent = state.parentType, state.lineMax, state.blkIndent
    state.parentType = "pm_container"
    opening = state.push("pm_container_open", "div", 1)
    opening.map = [start_line, last]
    opening.markup = text[:3]
    opening.block = True
    if title:
        inline = state.push("inline", "", 0)
        inline.content = title
        inline.map = [start_line, start_line + 1]
        inline.children = []
    state.lineMax = last
    state.blkIndent = body_indent
    state.md.block.tokenize(state, start_line + 1, last)
    state.push("pm_container_close", "div", -1).block = True
    state.parentType, state.lineMax, state.blkIndent = old_parent, old_max, old_indent
    state.line = last
    return True


class _MarkdownIt(MarkdownIt):
    """Link destinations as written: every scheme accepted, nothing normalised."""

    def validateLink(self, url: str) -> bool:
        return True

    def normalizeLink(self, url: str) -> str:
        return url

    def normalizeLinkText(self, link: str) -> str:
        return link


def make_parser() -> MarkdownIt:
    md = _MarkdownIt("commonmark", {"html": True}).enable("table")
    md.use(footnote_plugin, inline=False).use(deflist_plugin)
    md.block.ruler.at("fence", _fence, {"alt": ["paragraph", "reference", "blockquote", "list"]})
    md.block.ruler.at("reference", _reference)
    md.block.ruler.at("paragraph", _paragraph)
    md.block.ruler.at("list", _list, {"alt": ["paragraph", "reference", "blockquote"]})
    md.block.ruler.at("html_block", _html_block, {"alt": ["paragraph", "reference", "blockquote"]})
    md.block.ruler.at("table", _table, {"alt": ["paragraph", "reference"]})
    md.block.ruler.after("heading", "pm_heading", _hash_heading, {"alt": ["paragraph", "reference", "blockquote"]})
    md.block.ruler.before("fence", "pm_container", _container,
                          {"alt": ["paragraph", "reference", "blockquote", "list"]})
    md.core.ruler.at("inline", _inline_core)
    md.inline.ruler.at("backticks", _record("code", backtick))
    md.inline.ruler.at("link", _record("link", link))
    md.inline.ruler.at("image", _record("image", image))
    # Emphasis, entities, hard breaks, CommonMark's own raw HTML and autolinks decide nothing
    # here (raw HTML and autolinks are Python-Markdown's, content.pymarkdown): not parsed.
    md.inline.ruler.disable(["emphasis", "newline", "entity", "html_inline", "autolink"])
    md.inline.ruler2.disable(["balance_pairs", "emphasis", "fragments_join"])
    # Keep footnote definitions where they are written (Python-Markdown renders them all,
    # referenced or not; footnote_tail would drop the unreferenced ones and move the rest).
    md.core.ruler.disable(["text_join", "footnote_tail"])
    return md


PARSER = make_parser()
# For the lines of a fence that never closes: Python-Markdown reads them, opening line
# included, as ordinary text (its backticks may pair with later ones).
PARSER_WITHOUT_FENCES = make_parser()
PARSER_WITHOUT_FENCES.block.ruler.disable("fence")
# For lines CommonMark took for an HTML block that Python-Markdown reads as Markdown text
# (an inline-level tag at the start of a line, or any tag inside a list or admonition).
PARSER_WITHOUT_HTML_BLOCKS = make_parser()
PARSER_WITHOUT_HTML_BLOCKS.block.ruler.disable("html_block")
