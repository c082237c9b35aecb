"""MkDocs adapter: accessibility fixes on each page's HTML (handbook.outputs.a11y)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.outputs import a11y


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return a11y.fix(html)
