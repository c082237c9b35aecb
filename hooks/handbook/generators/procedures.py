"""Procedures (操作规范) rendered from ``docs/reference/procedures.yml``.

- ``procedure ID`` (own line): the steps as a numbered (ordered) or bulleted
  list in a box, with the basis level and a link to the 操作规范速查 entry;
- ``procedure-sheet ID`` (own line): the observer's scoring table of a drill;
- ``steps ID`` (inline too): the step names in one line, for sentences, quiz
  options and explanations;
- ``procedure-index`` (own line): the 操作规范速查 page itself.
"""

from __future__ import annotations

from ..content.labels import PROCEDURE_KIND_LABELS
from ..content.markers import find_markers
from ..content.model import AnyPage, Handbook
from ..content.procedures import PROCEDURES_PAGE, Procedure
from . import cell, generator, link

_USING_MARKERS = ("procedure", "procedure-sheet", "steps")


def _procedure_argument(handbook: Handbook, args: tuple[str, ...]) -> str | None:
    if len(args) != 1:
        return ("需要且只需要一个操作规范 id，例如 <!-- handbook:procedure call-opening -->。"
                f"可用的 id：{handbook.procedures.known_ids()}。")
    if handbook.procedures.get(args[0]) is None:
        return f"操作规范 {args[0]} 不存在。可用的 id：{handbook.procedures.known_ids()}（见 docs/reference/procedures.yml）。"
    return None


def _get(handbook: Handbook, args: tuple[str, ...]) -> Procedure:
    procedure = handbook.procedures.get(args[0])
    assert procedure is not None, "checked by _procedure_argument before rendering"
    return procedure


def _step_line(procedure: Procedure, index: int) -> str:
    step = procedure.steps[index]
    level = f"（{step.level}）" if step.level and step.level != procedure.level else ""
    return f"**{step.name}**{level}：{step.text}"


def step_list(procedure: Procedure, indent: str = "") -> str:
    lines = []
    for index in range(len(procedure.steps)):
        bullet = f"{index + 1}." if procedure.kind == "ordered" else "-"
        lines.append(f"{indent}{bullet} {_step_line(procedure, index)}")
    return "\n".join(lines)


def entry_link(page: AnyPage, procedure: Procedure) -> str:
    return link(page, PROCEDURES_PAGE, procedure.anchor)


@generator("procedure", check=_procedure_argument)
def procedure_box(handbook: Handbook, page: AnyPage, args: tuple[str, ...]) -> str:
    procedure = _get(handbook, args)
    body = step_list(procedure, "    ")
    return (f'!!! abstract "操作规范：{procedure.name}"\n'
            f"    {procedure.summary}\n\n{body}\n\n"
            f"    依据层级：{procedure.level}。[查看依据与说明（操作规范速查）]({entry_link(page, procedure)})\n")


@generator("procedure-sheet", check=_procedure_argument)
def procedure_sheet(handbook: Handbook, page: AnyPage, args: tuple[str, ...]) -> str:
    procedure = _get(handbook, args)
    rows = [f"| 序号 | {cell(procedure.name)}：要求 | 做到 | 未做到 | 备注 |", "|---|---|---|---|---|"]
    for index in range(len(procedure.steps)):
        rows.append(f"| {index + 1} | {cell(_step_line(procedure, index))} | ☐ | ☐ | |")
    return "\n".join(rows) + (f"\n\n评分依据：[操作规范速查 · {procedure.name}]({entry_link(page, procedure)})"
                              f"（{PROCEDURE_KIND_LABELS[procedure.kind]}）。\n")


@generator("steps", check=_procedure_argument, inline=True)
def steps(handbook: Handbook, page: AnyPage, args: tuple[str, ...]) -> str:
    return _get(handbook, args).chain


def using_pages(handbook: Handbook) -> dict[str, list[AnyPage]]:
    """Procedure id -> the pages that show it through a marker, in path order."""
    found: dict[str, list[AnyPage]] = {}
    for path in sorted(handbook.pages):
        page = handbook.pages[path]
        for marker in find_markers(page.split.body):
            if marker.name in _USING_MARKERS and marker.args and page not in found.get(marker.args[0], []):
                found.setdefault(marker.args[0], []).append(page)
    return found


@generator("procedure-index")
def procedure_index(handbook: Handbook, page: AnyPage, args: tuple[str, ...]) -> str:
    if not len(handbook.procedures):
        return "尚未登记操作规范。\n"
    users = using_pages(handbook)
    parts = []
    for procedure in handbook.procedures:
        aliases = "、".join(procedure.aliases) or "—"
        see = (f"[{cell(procedure.see)}]({link(page, procedure.see.split('#')[0], procedure.see.partition('#')[2])})"
               if procedure.see else "—")
        pages = "、".join(f"[{cell(p.meta.title if p.meta else p.path)}]({link(page, p.path)})"
                          for p in users.get(procedure.id, []) if p.path != page.path) or "—"
        parts.append(f"## {procedure.name} {{#{procedure.anchor}}}\n\n{procedure.summary}\n\n{step_list(procedure)}\n\n"
                     f"| 项目 | 内容 |\n|---|---|\n"
                     f"| 类型 | {PROCEDURE_KIND_LABELS[procedure.kind]} |\n"
                     f"| 依据层级 | {procedure.level} |\n"
                     f"| 依据 | {cell(procedure.basis)} |\n"
                     f"| 也称 | {cell(aliases)} |\n"
                     f"| 详细讲解 | {see} |\n"
                     f"| 用到本规范的页面 | {pages} |\n"
                     f"| 负责人与审核 | {cell(procedure.owner)} · 最近审核 {procedure.reviewed} |\n")
    return "\n".join(parts)
