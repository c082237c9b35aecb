"""MkDocs adapter: every page shows its owner and review dates; the footer
shows the manual's edition (``extra.edition`` in mkdocs.yml).

Logic lives in ``handbook.page_status``; the analysis comes from
``handbook.build_state`` (set by hooks/validate.py in on_files).
"""

from __future__ import annotations

from handbook import build_state
from handbook.page_status import edition_footer, review_line_html


def on_config(config):
    edition = (config.extra or {}).get("edition")
    if edition:
        config.copyright = edition_footer(config.copyright, str(edition))
    return config


def on_page_content(html, page, config, files):
    handbook = build_state.HANDBOOK
    source = handbook.pages.get(page.file.src_uri) if handbook else None
    if source is None or source.meta is None:
        return html
    return html + review_line_html(source.meta, handbook.today)
