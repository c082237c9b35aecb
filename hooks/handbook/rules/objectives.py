"""Learning objectives: unique ids, each assessed by a question, and every
question tied to objectives its page may assess."""

from __future__ import annotations

from ..content.findings import Finding, error
from ..content.model import AnyPage, Handbook
from ..content.quizzes import Quiz
from ..content.schema import CasePage, DrillPage, ModulePage


def check_unique_ids(handbook: Handbook) -> list[Finding]:
    findings: list[Finding] = []
    owner: dict[str, str] = {}
    for page in handbook.modules:
        for index, objective in enumerate(page.meta.objectives):
            if objective.id in owner:
                findings.append(error(page.path, page.meta_lines.get(("objectives", index), 1), "objectives.duplicate-id",
                                      f"学习目标编号 {objective.id} 重复（已在 {owner[objective.id]} 中声明）。请改用新编号。"))
            owner.setdefault(objective.id, page.path)
    return findings


def check_assessed(handbook: Handbook) -> list[Finding]:
    findings: list[Finding] = []
    for page in handbook.modules:
        assessed = {objective for quiz in page.quizzes for objective in quiz.objectives}
        for index, objective in enumerate(page.meta.objectives):
            if objective.id not in assessed:
                findings.append(error(page.path, page.meta_lines.get(("objectives", index), 1), "objectives.unassessed",
                                      f"学习目标 {objective.id} 没有任何自测题考查。请在“## 自测题”中加一道 "
                                      f"<quiz objectives=\"{objective.id}\"> 题目，或删除该目标。"))
    return findings


def declared_objectives(handbook: Handbook, page: AnyPage) -> set[str]:
    """The objectives a page's questions may assess: its own, or those of the modules it illustrates."""
    if isinstance(page.meta, ModulePage):
        return {objective.id for objective in page.meta.objectives}
    if isinstance(page.meta, (CasePage, DrillPage)):
        modules = [handbook.module_by_id(module_id) for module_id in page.meta.modules]
        return {objective.id for module in modules if module for objective in module.meta.objectives}
    return set()


def check_quiz_objectives(path: str, quizzes: list[Quiz], declared: set[str], required: bool) -> list[Finding]:
    """Each question names ≥1 objective (where required), and only known ones."""
    findings = []
    for quiz in quizzes:
        if required and not quiz.objectives:
            findings.append(error(path, quiz.line, "quiz.no-objective",
                                  f"第 {quiz.number} 题没有标注考查的学习目标。请写成 <quiz objectives=\"M1-O1\">，"
                                  "目标编号见本页或所属模块的 front matter。"))
        for objective in quiz.objectives:
            if objective not in declared:
                known = "、".join(sorted(declared)) or "（无）"
                findings.append(error(path, quiz.line, "quiz.unknown-objective",
                                      f"第 {quiz.number} 题标注的学习目标 {objective} 不存在。请改用本页可用的目标：{known}。"))
    return findings


def check_questions(handbook: Handbook) -> list[Finding]:
    findings: list[Finding] = []
    for page in handbook.pages.values():
        if page.meta is not None:
            findings += check_quiz_objectives(page.path, page.quizzes, declared_objectives(handbook, page),
                                              page.meta.quizzes_need_objectives)
    return findings
