"""The data behind the final assessment page (结业测验, docs/assessment.md).

At build time the question pool (``content.final_pool``) is written into the
page as JSON: every question with its options, correct answers, feedback and
explanation already rendered to HTML, the objectives and modules it assesses,
and links back to the sections to revise. The page's script
(docs/assets/javascripts/assessment.js) draws each attempt from it with a
seeded random generator, so an attempt is reproduced from its seed.

Without a server the answers are necessarily in the page: the assessment
records what a trainee answered, it cannot stop a determined trainee from
reading the page source. ``fingerprint`` identifies the pool (question ids,
kinds, objectives, correct answers), so a seed and the answers reproduce an
attempt exactly only against the same pool; the printed result shows it.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..content.final_pool import PoolQuestion, final_pool
from ..content.labels import QUIZ_KIND_LABELS
from ..content.model import Handbook
from ..generators import expand_inline
from .pdf.answer_key import markdown_html
from .progress import STORAGE_KEYS

PAGE = "assessment.md"
SCRIPT_PATH = "assets/javascripts/assessment.js"
STYLE_PATH = "assets/stylesheets/assessment.css"
DATA_ELEMENT_ID = "hb-assessment-data"
QUIZ_SECTION_ANCHOR = "自测题"
FORMAT_VERSION = 1

_BLANK = re.compile(r"\[\[(.+?)\]\]")
_BLANK_TOKEN = "\u2063HBBLANK{}\u2063"
_BLANK_TOKEN_RE = re.compile("\u2063HBBLANK(\\d+)\u2063")
_SPACE = re.compile(r"\s+")


class AssessmentConfig(BaseModel):
    """``extra.assessment`` in mkdocs.yml."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    questions: int = Field(default=30, ge=1, le=200, description="每次测验抽取的题数")
    pass_mark: int = Field(default=80, ge=1, le=100, description="及格线（百分比）")


def read_config(extra: dict[str, Any] | None) -> tuple[AssessmentConfig, str | None]:
    """The configuration and, if it is invalid, a Chinese message saying what to fix."""
    raw = (extra or {}).get("assessment") or {}
    try:
        return AssessmentConfig.model_validate(raw), None
    except ValidationError as problem:
        fields = "、".join(".".join(str(part) for part in error["loc"]) for error in problem.errors())
        return AssessmentConfig(), (f"mkdocs.yml 中 extra.assessment 的设置有误（{fields}）。"
                                    "questions 写 1–200 的整数（每次抽题数），pass_mark 写 1–100 的整数（及格线百分比）。")


def canonical_answer(text: str) -> str:
    """Fill-in answers are compared without spaces and case (assessment.js does the same)."""
    return _SPACE.sub("", text).lower()


def _html(text: str, handbook: Handbook, inline: bool = False) -> str:
    return markdown_html(expand_inline(text, handbook), inline=inline)


def _question_html(question: PoolQuestion, handbook: Handbook) -> str:
    quiz = question.quiz
    if quiz.kind != "fill":
        return _html(quiz.question, handbook)
    counter = iter(range(len(quiz.blanks)))
    tokenised = _BLANK.sub(lambda _match: _BLANK_TOKEN.format(next(counter)), quiz.question)
    rendered = _html(tokenised, handbook)
    return _BLANK_TOKEN_RE.sub(lambda match: f'<span class="hb-blank" data-blank="{match.group(1)}"></span>', rendered)


def _entry(question: PoolQuestion, handbook: Handbook, url: str, title: str) -> dict[str, Any]:
    quiz = question.quiz
    entry: dict[str, Any] = {
        "id": question.id,
        "kind": quiz.kind,
        "kindLabel": QUIZ_KIND_LABELS[quiz.kind],
        "objectives": list(question.objectives),
        "modules": list(question.modules),
        "source": {"title": title, "url": url, "anchor": QUIZ_SECTION_ANCHOR},
        "question": _question_html(question, handbook),
        "explanation": _html(quiz.explanation, handbook),
    }
    if quiz.kind == "fill":
        entry["answers"] = [canonical_answer(blank) for blank in quiz.blanks]
        entry["shown"] = [html.escape(blank) for blank in quiz.blanks]
    else:
        entry["options"] = [{"html": _html(option.text, handbook, inline=True),
                             "feedback": _html(option.feedback, handbook, inline=True) if option.feedback else ""}
                            for option in quiz.options]
        entry["correct"] = [index for index, option in enumerate(quiz.options) if option.correct]
    return entry


def fingerprint(pool: list[PoolQuestion]) -> str:
    """Eight hex digits naming the pool: which questions, of which kind, assessing
    what, with which correct answers. Changes whenever a reproduction would."""
    canonical = [[question.id, question.quiz.kind, list(question.objectives), len(question.quiz.options),
                  [index for index, option in enumerate(question.quiz.options) if option.correct],
                  [canonical_answer(blank) for blank in question.quiz.blanks]] for question in pool]
    digest = hashlib.sha256(json.dumps(canonical, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    return digest.hexdigest()[:8]


def build(handbook: Handbook, config: AssessmentConfig, edition: str | None, url_of: Callable[[str], str | None],
          title_of: Callable[[str], str | None] = lambda path: None) -> dict[str, Any]:
    """The assessment data; ``url_of`` maps a docs path to its site-relative URL
    (None if not built), ``title_of`` to its navigation title."""
    pool = [question for question in final_pool(handbook) if url_of(question.page.path) is not None]
    modules, objectives = [], []
    for page in handbook.modules:
        url = url_of(page.path)
        if url is None:
            continue
        modules.append({"id": page.meta.id, "title": title_of(page.path) or page.meta.title, "url": url})
        objectives += [{"id": objective.id, "module": page.meta.id, "text": objective.text,
                        "url": f"{url}#{objective.id.lower()}"} for objective in page.meta.objectives]
    questions = []
    for question in pool:
        path = question.page.path
        title = title_of(path) or str(getattr(question.page.meta, "title", path))
        questions.append(_entry(question, handbook, url_of(path) or "", title))
    return {
        "version": FORMAT_VERSION,
        "edition": edition or "",
        "fingerprint": fingerprint(pool),
        "questions": config.questions,
        "passMark": config.pass_mark,
        "modules": modules,
        "objectives": objectives,
        "pool": questions,
        **STORAGE_KEYS,
    }


def pool_counts(data: dict[str, Any]) -> dict[str, int]:
    """Questions in the pool per objective (for the editor and the closing report)."""
    counts = {objective["id"]: 0 for objective in data["objectives"]}
    for question in data["pool"]:
        for objective in question["objectives"]:
            counts[objective] = counts.get(objective, 0) + 1
    return counts


def script_json(data: dict[str, Any]) -> str:
    """JSON safe inside ``<script type="application/json">`` (no ``</script>``, no ``<!--``)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def data_tag(data: dict[str, Any]) -> str:
    return f'<script type="application/json" id="{DATA_ELEMENT_ID}">{script_json(data)}</script>'
