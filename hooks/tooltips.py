"""MkDocs adapter: glossary tooltips on every page but the glossary itself (handbook.outputs.tooltips)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.content.glossary import GLOSSARY_PAGE
from handbook.outputs import state
from handbook.outputs.tooltips import add_tooltips


@event_priority(-50)  # after mkdocs-quiz has turned quizzes into HTML, so they can be skipped
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    handbook = state.STATE.handbook
    if handbook is None or page.file.src_uri == GLOSSARY_PAGE:
        return html
    return add_tooltips(html, handbook.terms, handbook.procedures)
