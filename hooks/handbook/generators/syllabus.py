"""课程安排: one row per module (order, hours, objectives, quizzes, cases, drills),
then each module's objectives in full. Narrow table first so it stays readable
on a phone; the objective texts follow as lists."""

from __future__ import annotations

from ..content.model import AnyPage, Handbook
from . import generator, link
from .queries import hours, id_link, illustrating, module_link


@generator("syllabus")
def syllabus(handbook: Handbook, page: AnyPage, args: tuple[str, ...]) -> str:
    rows = ["| 顺序 | 模块 | 课时 | 学习目标 | 自测题 | 相关案例 | 相关演练 |",
            "|---|---|---|---|---|---|---|"]
    details = []
    cases_used, drills_used = set(), set()
    for module in handbook.modules:
        meta = module.meta
        cases = illustrating(handbook.cases, meta.id)
        drills = illustrating(handbook.drills, meta.id)
        cases_used |= {c.path for c in cases}
        drills_used |= {d.path for d in drills}
        rows.append(f"| {meta.order} | {module_link(page, module)} | {hours(meta.hours)} | {len(meta.objectives)} | "
                    f"{len(module.quizzes)} | {'、'.join(id_link(page, c) for c in cases) or '—'} | "
                    f"{'、'.join(id_link(page, d) for d in drills) or '—'} |")
        details.append(f"**{meta.order}. {module_link(page, module)}**（{hours(meta.hours)} 学时）\n")
        details += [f"- [{o.id}]({link(page, module.path, o.id.lower())}) {o.text}" for o in meta.objectives]
        details.append("")
    total = sum(module.meta.hours for module in handbook.modules)
    objective_count = sum(len(module.meta.objectives) for module in handbook.modules)
    quiz_count = sum(len(module.quizzes) for module in handbook.modules)
    rows.append(f"| | **合计** | **{hours(total)}** | **{objective_count}** | **{quiz_count}** | "
                f"**{len(cases_used)} 个案例** | **{len(drills_used)} 个演练** |")
    return "\n".join(rows) + "\n\n各模块的学习目标：\n\n" + "\n".join(details)
