"""The final assessment (结业测验) can cover every learning objective: each one
that has questions keeps at least one in the pool (not all ``final="no"``)."""

from __future__ import annotations

from ..content.final_pool import candidates, final_pool
from ..content.findings import Finding, error
from ..content.model import Handbook


def check_pool(handbook: Handbook) -> list[Finding]:
    findings: list[Finding] = []
    in_pool = {objective for question in final_pool(handbook) for objective in question.objectives}
    practice_only: dict[str, list[str]] = {}
    for source, quiz in candidates(handbook):
        if not quiz.in_final:
            for objective_id in quiz.objectives:
                practice_only.setdefault(objective_id, []).append(f"{source.path} 第 {quiz.number} 题")
    for module in handbook.modules:
        for index, objective in enumerate(module.meta.objectives):
            if objective.id in in_pool or objective.id not in practice_only:
                continue  # in the pool, or not assessed at all (objectives.unassessed says so)
            where = "、".join(practice_only[objective.id])
            findings.append(error(module.path, module.meta_lines.get(("objectives", index), 1),
                                  "assessment.objective-not-in-pool",
                                  f"学习目标 {objective.id} 的题目（{where}）都标了 final=\"no\"，结业测验无法考查这个目标。"
                                  "请去掉其中至少一道题的 final=\"no\"，或为该目标再写一道进入结业测验的题目。"))
    return findings
