"""MkDocs adapter: accessibility fixes on each page's HTML (logic in handbook.a11y_html)."""

from __future__ import annotations

from handbook import a11y_html


def on_page_content(html, page, config, files):
    return a11y_html.fix(html)
