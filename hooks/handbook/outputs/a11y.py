"""Accessibility fixes on rendered page HTML that neither CSS nor a theme partial can make.

- Task-list checkboxes (``- [ ]`` rendered by pymdownx.tasklist) sit in an empty
  ``<label>``, so a screen reader announces an unnamed checkbox: name each one
  after the text of its list item.
- Wide tables scroll sideways inside themselves on phones; a scrolling region
  must be reachable by keyboard, so tables get ``tabindex="0"``.
"""

from __future__ import annotations

import html as html_lib
import re

from .html_scan import closing_tag

_TASK_ITEM = re.compile(r'<li class="task-list-item">')
_TASK_INPUT = re.compile(r'(<label class="task-list-control"><input type="checkbox")(?![^>]*aria-label)')
_TAG = re.compile(r"<[^>]+>")
_TABLE = re.compile(r"<table(?![^>]*\btabindex=)(?=[\s>])")


def _text(fragment: str, limit: int = 80) -> str:
    fragment = re.split(r"<(?:ul|ol)\b", fragment, maxsplit=1)[0]  # own text, not nested lists
    text = re.sub(r"\s+", " ", html_lib.unescape(_TAG.sub("", fragment))).strip()
    return text if len(text) <= limit else text[:limit - 1] + "…"


def label_task_checkboxes(html: str) -> str:
    inserts: list[tuple[int, str]] = []
    for match in _TASK_ITEM.finditer(html):
        end, _ = closing_tag(html, match.start(), "li")
        control = _TASK_INPUT.match(html, match.end())
        label_end = html.find("</label>", match.end(), end)
        if control is None or label_end < 0:
            continue
        name = _text(html[label_end + len("</label>"):end])
        if name:
            inserts.append((control.end(), f' aria-label="{html_lib.escape(name)}"'))
    for position, text in reversed(inserts):
        html = html[:position] + text + html[position:]
    return html


def focusable_tables(html: str) -> str:
    return _TABLE.sub('<table tabindex="0"', html)


def fix(html: str) -> str:
    return focusable_tables(label_task_checkboxes(html))
