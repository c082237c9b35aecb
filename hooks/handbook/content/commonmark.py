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
  (pymdownx.superfences); ``meta["closed"]`` tells whether it was closed at all.
- link destinations are kept as written: no scheme is refused
  (``javascript:`` must reach the safety rules) and nothing is percent-encoded.

Positions inside a block's text are recorded by thin wrappers around the
inline rules that produce code spans, links and images, and the block rule for
reference definitions (``Recorder``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block import reference as reference_rule
from markdown_it.rules_block.fence import make_fence_rule
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline import backtick, image, link
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

# Python-Markdown's admonition, pymdownx.details and pymdownx.tabbed openers (whole line).
_CONTAINER = re.compile(
    r'(?:!!! ?(?:[\w\-]+(?: +[\w\-]+)*)(?: +"(?P<admonition>.*?)")?'
    r'|\?\?\?\+? ?(?:[\w\-]+(?: +[\w\-]+)*)(?: +"(?P<details>.*?)")?'
    r'|===(?:\+|\+!|!\+|!)? +"(?P<tab>.*?)") *$')
CONTAINER_TYPES = ("pm_container_open",)
RECORDER = "handbook"


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
    definitions: list[tuple[int, str]] = field(default_factory=list)   # (parse line, href)


def recorder(env: dict[str, Any]) -> Recorder:
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
    count = len(state.tokens)
    if not _FENCE(state, start_line, end_line, silent):
        return False
    if not silent and len(state.tokens) > count:
        token = state.tokens[-1]
        last = state.line - 1
        closing = state.src[state.bMarks[last] + state.tShift[last]:state.eMarks[last]].strip()
        token.meta["closed"] = last > start_line and closing == token.markup
    return True


def _reference(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    before = dict(state.env.get("references", {}))
    ok: bool = reference_rule(state, start_line, end_line, silent)
    if ok and not silent:
        for label, value in state.env.get("references", {}).items():
            if label not in before and isinstance(value, dict):
                recorder(state.env).definitions.append((start_line, str(value.get("href", ""))))
    return ok


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
    state.parentType = "pm_container"   # type: ignore[assignment]
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

    def validateLink(self, url: str) -> bool:  # noqa: N802  (markdown-it's name)
        return True

    def normalizeLink(self, url: str) -> str:  # noqa: N802
        return url

    def normalizeLinkText(self, link: str) -> str:  # noqa: N802
        return link


def make_parser() -> MarkdownIt:
    md = _MarkdownIt("commonmark", {"html": True}).enable("table")
    md.use(footnote_plugin, inline=False).use(deflist_plugin)
    md.block.ruler.at("fence", _fence, {"alt": ["paragraph", "reference", "blockquote", "list"]})
    md.block.ruler.at("reference", _reference)
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
    md.core.ruler.disable(["text_join"])
    return md


PARSER = make_parser()
