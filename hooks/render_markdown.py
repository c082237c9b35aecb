"""MkDocs adapter: prepare each page's Markdown before mkdocs-quiz sees it
(quiz attributes stripped, broken quizzes hidden, objectives and generated
parts rendered; handbook.outputs.render)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.outputs import render, state


@event_priority(100)  # before mkdocs-quiz, which only understands a bare <quiz>
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    handbook = state.STATE.handbook
    source = handbook.pages.get(page.file.src_uri) if handbook else None
    if handbook is None or source is None:
        return markdown
    return render.prepare_markdown(markdown, source, handbook)
