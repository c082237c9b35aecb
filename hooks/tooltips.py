"""MkDocs adapter: glossary tooltips on every page but the glossary itself."""

from __future__ import annotations

from mkdocs.plugins import event_priority

from handbook import build_state
from handbook.glossary import GLOSSARY_PATH
from handbook.tooltips import add_tooltips

GLOSSARY_PAGE = GLOSSARY_PATH.replace(".yml", ".md")


@event_priority(-50)  # after mkdocs-quiz has turned quizzes into HTML, so they can be skipped
def on_page_content(html, page, config, files):
    handbook = build_state.HANDBOOK
    if handbook is None or page.file.src_uri == GLOSSARY_PAGE:
        return html
    return add_tooltips(html, handbook.terms)
