"""The question pool of the final assessment (结业测验).

Every well-formed question on a module, case or drill page that names at least
one learning objective is in the pool, unless its tag says ``final="no"``
(practice only). A question is known by its page id and its number on the
page, ``M1-3`` — the same label the printed manual's answer key uses.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import AnyPage, Handbook
from .quizzes import Quiz

POOL_PAGE_TYPES = ("module", "case", "drill")


@dataclass(frozen=True)
class PoolQuestion:
    id: str                          # M1-3: page id and number of the question on its page
    page: AnyPage
    quiz: Quiz
    objectives: tuple[str, ...]
    modules: tuple[str, ...]         # the modules of those objectives, in course order


def question_id(page: AnyPage, quiz: Quiz) -> str:
    return f"{page.id or page.path}-{quiz.number}"


def module_of(objective: str) -> str:
    """``M2-O3`` -> ``M2``."""
    return objective.split("-", 1)[0]


def candidates(handbook: Handbook) -> list[tuple[AnyPage, Quiz]]:
    """Questions that could be in the pool, practice-only ones included, in course order."""
    found = []
    for kind in POOL_PAGE_TYPES:
        for page in handbook.of_type(kind):
            found += [(page, quiz) for quiz in page.quizzes if quiz.is_valid and quiz.objectives]
    return found


def final_pool(handbook: Handbook) -> list[PoolQuestion]:
    known = handbook.objectives()
    module_order = {page.meta.id: index for index, page in enumerate(handbook.modules)}
    pool = []
    for page, quiz in candidates(handbook):
        objectives = tuple(objective for objective in quiz.objectives if objective in known)
        if not quiz.in_final or not objectives:
            continue
        modules = tuple(sorted({module_of(objective) for objective in objectives},
                               key=lambda module: module_order.get(module, len(module_order))))
        pool.append(PoolQuestion(question_id(page, quiz), page, quiz, objectives, modules))
    return pool
