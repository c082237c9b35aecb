"""案例对比表: one row per case, from case front matter."""

from __future__ import annotations

from ..content.model import AnyPage, Handbook
from ..content.schema import Result
from . import cell, generator, link
from .queries import module_link, topic


def result_text(result: Result) -> str:
    """``**债务回收率**：+25%（培训前 60% → 培训后 75%）``."""
    parts = [result.change or ""]
    if result.before or result.after:
        parts.append(f"（培训前 {result.before or '—'} → 培训后 {result.after or '—'}）")
    if result.value:
        parts.append(f"{'；' if result.change else ''}{result.value}")
    return f"**{cell(result.metric)}**：{cell(''.join(parts))}"


@generator("case-table")
def case_table(handbook: Handbook, page: AnyPage, args: tuple[str, ...]) -> str:
    rows = ["| 案例 | 对应模块 | 背景与做法 | 结果 |", "|---|---|---|---|"]
    for case in handbook.cases:
        meta = case.meta
        modules = []
        for module_id in meta.modules:
            module = handbook.module_by_id(module_id)
            modules.append(module_link(page, module) if module else cell(module_id))
        results = "<br>".join(result_text(result) for result in meta.results)
        rows.append(f"| [{meta.id} {cell(topic(case))}]({link(page, case.path)}) | {'<br>'.join(modules)} | "
                    f"{cell(meta.summary)} | {results} |")
    if len(rows) == 2:
        return "尚无案例页面。\n"
    return "\n".join(rows) + "\n"
