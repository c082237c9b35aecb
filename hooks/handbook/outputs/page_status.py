"""The small "owner and last review" line shown at the end of every page."""

from __future__ import annotations

import datetime as dt
import html

from ..content.labels import REVIEW_STATE_NOTES
from ..content.review import status
from ..content.schema import BasePage


def review_line_html(meta: BasePage, today: dt.date) -> str:
    """One paragraph, kept out of the search index (data-search-exclude)."""
    current = status(meta.reviewed, meta.review_months, today)
    return (f'<p class="hb-review-status hb-review-status--{current.state}" data-search-exclude>'
            f"负责人：{html.escape(meta.owner)} · 最近审核：{current.reviewed} · "
            f"下次审核：{current.due}{REVIEW_STATE_NOTES[current.state]}</p>")


def edition_footer(copyright: str | None, edition: str) -> str:
    """The footer text with the manual's edition appended."""
    label = f"手册版本 {html.escape(edition)}"
    return f"{copyright} · {label}" if copyright else label
