"""MkDocs adapter: every page shows its owner and review dates; the footer shows
the manual's edition (``extra.edition`` in mkdocs.yml). Logic in handbook.outputs.page_status."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.outputs import state
from handbook.outputs.page_status import edition_footer, review_line_html


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    edition = config.extra.get("edition") if config.extra else None
    if edition:
        config.copyright = edition_footer(config.copyright, str(edition))
    return config


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    handbook = state.STATE.handbook
    source = handbook.pages.get(page.file.src_uri) if handbook else None
    if handbook is None or source is None or source.meta is None:
        return html
    return html + review_line_html(source.meta, handbook.today)
