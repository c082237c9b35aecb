"""Queries over the parsed handbook shared by the programme generators.

The syllabus, the coverage matrix and the case table all answer the same few
questions: how is a module called, which cases and drills illustrate it, and
which quiz questions assess an objective. They are answered here once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..content.model import AnyPage, Handbook, KnownPage, Page
from ..content.schema import CasePage, DrillPage, ModulePage
from . import cell, link

IdPage = Page[ModulePage | CasePage | DrillPage]
Illustrating = TypeVar("Illustrating", bound=Page[CasePage | DrillPage])

# "M2 催收沟通与谈判", "第四模块：客户服务与职业道德", "案例一：……" -> bare topic.
_TITLE_PREFIX = re.compile(
    r"^(?:[MCD][0-9]+|第[一二三四五六七八九十0-9]+模块|(?:模块|案例|演练)[一二三四五六七八九十0-9]+)[\s：:·、.-]*")


def topic(page: KnownPage) -> str:
    """A page title without its own numbering prefix."""
    title = page.meta.title.strip()
    return _TITLE_PREFIX.sub("", title).strip() or title


def module_label(module: Page[ModulePage]) -> str:
    """``M1 法律与合规`` whatever prefix the module title carries."""
    return f"{module.meta.id} {topic(module)}"


def module_link(from_page: AnyPage, module: Page[ModulePage], anchor: str = "") -> str:
    return f"[{cell(module_label(module))}]({link(from_page, module.path, anchor)})"


def id_link(from_page: AnyPage, target: IdPage, anchor: str = "") -> str:
    """``[C1](../cases/c1.md)``: a short link by page id, the title as tooltip."""
    title = cell(target.meta.title).replace('"', "'")
    return f'[{target.meta.id}]({link(from_page, target.path, anchor)} "{title}")'


def illustrating(pages: Sequence[Illustrating], module_id: str) -> list[Illustrating]:
    """Cases or drills whose ``modules`` include ``module_id``."""
    return [page for page in pages if module_id in page.meta.modules]


@dataclass(frozen=True)
class Question:
    page: Page[ModulePage | CasePage]
    number: int          # 1-based position among the page's quizzes

    @property
    def label(self) -> str:
        return f"{self.page.meta.id} 第{self.number}题"


def questions_by_objective(handbook: Handbook) -> dict[str, list[Question]]:
    """Every quiz question of modules and cases, by the objectives it assesses."""
    found: dict[str, list[Question]] = {}
    pages: list[Page[ModulePage | CasePage]] = [*handbook.modules, *handbook.cases]
    for page in pages:
        for quiz in page.quizzes:
            for objective in dict.fromkeys(quiz.objectives):
                found.setdefault(objective, []).append(Question(page, quiz.number))
    return found


def question_links(from_page: AnyPage, questions: list[Question]) -> list[str]:
    """One link per page to its ``## 自测题`` section: ``[M1 第1、3题](...#自测题)``."""
    by_page: dict[str, list[Question]] = {}
    for question in questions:
        by_page.setdefault(question.page.path, []).append(question)
    links = []
    for grouped in by_page.values():
        target = grouped[0].page
        numbers = "、".join(str(q.number) for q in grouped)
        links.append(f"[{target.meta.id} 第{numbers}题]({link(from_page, target.path, '自测题')})")
    return links


def hours(value: float) -> str:
    return f"{value:g}"
