"""课程模块一览: one row per module, from module front matter."""

from __future__ import annotations

from collections import Counter

from ..content.labels import QUIZ_KIND_LABELS
from ..content.model import AnyPage, Handbook
from . import cell, generator, link


@generator("module-table")
def module_table(handbook: Handbook, page: AnyPage, args: tuple[str, ...]) -> str:
    rows = ["| 模块 | 课时 | 学习目标 | 自测题 |", "|---|---|---|---|"]
    for module in handbook.modules:
        meta = module.meta
        kinds = Counter(quiz.kind for quiz in module.quizzes)
        detail = "、".join(f"{QUIZ_KIND_LABELS[k]} {kinds[k]}" for k in QUIZ_KIND_LABELS if kinds[k])
        rows.append(f"| [{meta.id} {cell(meta.title)}]({link(page, module.path)}) | {meta.hours:g} | "
                    f"{len(meta.objectives)} | {len(module.quizzes)}（{detail or '—'}） |")
    total = sum(module.meta.hours for module in handbook.modules)
    rows.append(f"| **合计** | **{total:g}** | **{sum(len(m.meta.objectives) for m in handbook.modules)}** | "
                f"**{sum(len(m.quizzes) for m in handbook.modules)}** |")
    return "\n".join(rows) + "\n"
