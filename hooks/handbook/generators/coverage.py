"""学习目标覆盖矩阵: every objective with the questions, cases and drills behind it.

One table; a bold row opens each module, then one row per objective.
"""

from __future__ import annotations

from ..content.model import AnyPage, Handbook
from . import cell, generator, link
from .queries import id_link, illustrating, module_link, question_links, questions_by_objective

UNCOVERED = "⚠️ 无自测题"


@generator("coverage")
def coverage(handbook: Handbook, page: AnyPage, args: tuple[str, ...]) -> str:
    questions = questions_by_objective(handbook)
    rows = ["| 学习目标 | 考查它的自测题 | 题数 | 相关案例 | 相关演练 |", "|---|---|---|---|---|"]
    uncovered = []
    total = 0
    for module in handbook.modules:
        cases = "、".join(id_link(page, c) for c in illustrating(handbook.cases, module.meta.id)) or "—"
        drills = "、".join(id_link(page, d) for d in illustrating(handbook.drills, module.meta.id)) or "—"
        rows.append(f"| **{module_link(page, module)}** | | | | |")
        for objective in module.meta.objectives:
            found = questions.get(objective.id, [])
            total += 1
            if not found:
                uncovered.append(objective.id)
            assessed = "<br>".join(question_links(page, found)) or UNCOVERED
            rows.append(f"| [{objective.id}]({link(page, module.path, objective.id.lower())}) {cell(objective.text)} | "
                        f"{assessed} | {len(found)} | {cases} | {drills} |")
    count = sum(len(found) for found in questions.values())
    summary = (f"共 {total} 个学习目标，{total - len(uncovered)} 个至少有一道自测题考查；"
               f"自测题与目标的对应共 {count} 处（一道题可考查多个目标）。")
    if uncovered:
        summary += f"\n\n!!! warning \"未被自测题覆盖的目标\"\n    {'、'.join(uncovered)}：请在对应模块或案例的“自测题”中补题。\n"
    else:
        summary += "所有目标均已覆盖。\n"
    return summary + "\n" + "\n".join(rows) + "\n"
