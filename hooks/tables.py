"""MkDocs adapter: tables wrapped at build time as Material wraps them in the browser
(handbook.outputs.tables), after the printable manual has taken its copy of the page."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from handbook.outputs import tables

log = logging.getLogger("mkdocs.plugins.handbook.tables")


@event_priority(-1100)  # after hooks/pdf.py (-1000) kept the page's <article> for the PDF
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return tables.wrap(output)


def on_post_build(*, config: MkDocsConfig) -> None:
    problem = tables.bundle_problem(Path(config.site_dir))
    if problem:
        log.warning(f"表格：{problem}。请核对 hooks/handbook/upstream.py 中的 MATERIAL_TABLE_SELECTOR。")
