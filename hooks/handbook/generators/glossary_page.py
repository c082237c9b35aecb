"""术语表: the glossary rendered as a table."""

from __future__ import annotations

from ..content.glossary import definition_of
from ..content.model import AnyPage, Handbook
from . import cell, generator, link


@generator("glossary")
def glossary(handbook: Handbook, page: AnyPage, args: tuple[str, ...]) -> str:
    rows = ["| 术语 | 释义 | 详见 |", "|---|---|---|"]
    for term in sorted(handbook.terms, key=lambda t: t.term):
        see = f"[相关章节]({link(page, term.see.split('#')[0], term.see.partition('#')[2])})" if term.see else "—"
        rows.append(f"| **{cell(term.term)}** | {cell(definition_of(term, handbook.procedures))} | {see} |")
    return "\n".join(rows) + "\n"
