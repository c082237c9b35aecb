"""Glossary tooltips: the first use of each term on a page gets its definition.

Works on the rendered HTML of a page's content. Text inside headings, links,
code, existing abbreviations and quizzes is left alone, so tooltips never
change a link, a heading anchor or a quiz answer.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from ..content.glossary import Term, definition_of
from ..content.procedures import Procedures

_TOKEN = re.compile(r"(<!--.*?-->|<[^>]+>)", re.DOTALL)
_TAG = re.compile(r"<\s*(/)?\s*([a-zA-Z][a-zA-Z0-9]*)")
_SKIP_TAGS = {"a", "abbr", "code", "pre", "kbd", "script", "style", "textarea", "button", "label", "select",
              "option", "title", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "svg", "input"}
_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _skips(tag_text: str, name: str) -> bool:
    return name in _SKIP_TAGS or bool(re.search(r"""class\s*=\s*["'][^"']*\bquiz\b""", tag_text))


def add_tooltips(content_html: str, terms: Iterable[Term], procedures: Procedures) -> str:
    definitions = {term.term: definition_of(term, procedures) for term in terms}
    if not definitions:
        return content_html
    pattern = re.compile("|".join(re.escape(term) for term in sorted(definitions, key=len, reverse=True)))
    pending = set(definitions)
    stack: list[tuple[str, bool]] = []
    out = []
    for token in _TOKEN.split(content_html):
        if not token:
            continue
        if token.startswith("<"):
            out.append(token)
            tag = _TAG.match(token)
            if not tag or token.startswith("<!--"):
                continue
            closing, name = tag.group(1), tag.group(2).lower()
            if closing:
                while stack:
                    if stack.pop()[0] == name:
                        break
            elif name not in _VOID_TAGS and not token.rstrip().endswith("/>"):
                stack.append((name, _skips(token, name) or (bool(stack) and stack[-1][1])))
            continue
        if (stack and stack[-1][1]) or not pending:
            out.append(token)
            continue

        def wrap(match: re.Match[str]) -> str:
            term = match.group(0)
            if term not in pending:
                return term
            pending.discard(term)
            title = html.escape(definitions[term], quote=True)
            return f'<abbr class="hb-term" title="{title}" tabindex="0">{term}</abbr>'

        out.append(pattern.sub(wrap, token))
    return "".join(out)
