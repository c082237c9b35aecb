"""The data behind the progress page (我的学习进度): every quiz page and its questions.

Written at build time to ``assets/progress-data.json`` from the analysed
handbook, so adding a module, case or question never needs a hand-kept list.
The progress page's script (docs/assets/javascripts/progress.js) reads it and
matches it with the answers mkdocs-quiz keeps in the browser's localStorage:
key ``quiz_progress_`` + the page's URL path, value a JSON object
``{"quiz-0": {"answered": true, "correct": false, "selectedValues": [...]}, ...}``
(quiz ids number the quizzes of a page from 0, in page order).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..content.labels import PAGE_TYPE_LABELS, PAGE_TYPE_ORDER
from ..upstream import QUIZ_STORAGE_PREFIX
from .html_scan import closing_tag

if TYPE_CHECKING:
    from ..content.model import AnyPage, Handbook

DATA_PATH = "assets/progress-data.json"
PROGRESS_PAGE = "progress.md"
SCRIPT_PATH = "assets/javascripts/progress.js"
# Export and import of everything kept in the browser (also used by the SCORM launch page).
STATE_SCRIPT_PATH = "assets/javascripts/handbook-state.js"
TRANSFER_SCRIPT_PATH = "assets/javascripts/progress-transfer.js"
STYLE_PATH = "assets/stylesheets/progress.css"
# Tables, fields and the printable record sheet, shared with the final assessment page.
RECORDS_STYLE_PATH = "assets/stylesheets/records.css"
# The handbook's own localStorage keys (beside mkdocs-quiz's answers): the trainee's name and the
# final assessment attempts. The scripts read them from their page data, never spell them.
NAME_STORAGE_KEY = "handbook_trainee_name"
ASSESSMENT_STORAGE_KEY = "handbook_assessment"
STORAGE_KEYS = {"nameKey": NAME_STORAGE_KEY, "assessmentKey": ASSESSMENT_STORAGE_KEY}
QUIZ_SECTION_ANCHOR = "自测题"



def _entry(page: AnyPage, kind: str, url: str, title: str | None) -> dict[str, Any]:
    meta = page.meta
    count = len(page.quizzes)
    entry: dict[str, Any] = {
        "id": getattr(meta, "id", None) or page.path,
        "kind": kind,
        "title": title or getattr(meta, "title", page.path),
        "path": page.path,
        "url": url,
        "anchor": QUIZ_SECTION_ANCHOR,
        "questions": count,
        "quizIds": [f"quiz-{index}" for index in range(count)],
        "kinds": [quiz.kind for quiz in page.quizzes],   # single | multiple | fill, by quiz id
    }
    if kind == "module":
        entry["hours"] = getattr(meta, "hours", None)
    if kind in ("case", "drill"):
        entry["modules"] = list(getattr(meta, "modules", []) or [])
    return entry


def build(handbook: Handbook, url_of: Callable[[str], str | None],
          title_of: Callable[[str], str | None] = lambda path: None) -> dict[str, Any]:
    """Progress data for every page with at least one quiz.

    ``url_of`` maps a docs-relative path to the page's site-relative URL
    (e.g. ``curriculum/m1-legal-compliance/``), or None if the page is not built;
    ``title_of`` gives the page's navigation title (模块一 法律与合规), if any,
    else the front-matter title is used.
    """
    pages = []
    for kind in PAGE_TYPE_ORDER:
        for page in handbook.of_type(kind):
            url = url_of(page.path)
            if page.quizzes and url is not None:
                pages.append(_entry(page, kind, url, title_of(page.path)))
    return {
        "version": 1,
        "storagePrefix": QUIZ_STORAGE_PREFIX,
        **STORAGE_KEYS,
        "groups": [{"kind": kind, "label": label} for kind, label in PAGE_TYPE_LABELS.items()
                   if any(entry["kind"] == kind for entry in pages)],
        "pages": pages,
        "totalQuestions": sum(entry["questions"] for entry in pages),
    }


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def inline_text(script: str) -> str:
    """``script`` as written into the page: a "</script" in it cannot end the element early."""
    return script.replace("</script", "<\\/script")


_LAST_FILLED = re.compile(r'<div\b[^>]*\bid="hb-record"[^>]*>')


def inline_script(output: str, script: str, data: dict[str, Any] | None, root: str) -> str:
    """The progress page with its data (``<script type="application/json" id="hb-progress-data">``)
    and ``script`` (progress.js, told the site root relative to the page in ``data-root``) written in
    right after the ``#hb-record`` element, the last one the script fills in; unchanged if the page
    has no such element."""
    match = _LAST_FILLED.search(output)
    if match is None:
        return output
    end = closing_tag(output, match.start(), "div")[1]
    tags: list[str] = []
    if data is not None:  # "<\/" keeps a "</" in a title from closing the script element early
        tags.append('<script type="application/json" id="hb-progress-data">' +
                    to_json(data).strip().replace("</", "<\\/") + "</script>")
    tags.append(f'<script data-root="{root}">' + inline_text(script) + "</script>")
    return output[:end] + "".join(tags) + output[end:]
