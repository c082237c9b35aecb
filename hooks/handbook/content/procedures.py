"""Canonical procedures (操作规范): every procedure, checklist and threshold the
handbook teaches by name, written once in ``docs/reference/procedures.yml``.

Pages never restate a procedure by hand: they show it through generator
markers (``generators/procedures.py``), and ``rules/restatements.py`` reports
hand-written versions that disagree with the data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from . import citations, yaml_source
from .citations import Citation
from .findings import Finding, error
from .registry import Registry

PROCEDURES_PATH = "reference/procedures.yml"
PROCEDURES_PAGE = "reference/procedures.md"

Level = Literal["法律", "监管规章", "行业自律", "本机构制度示例"]
Kind = Literal["ordered", "checklist", "rules"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Step(_Strict):
    name: str = Field(min_length=1, max_length=12, description="步骤名称（1–12 字），用于“甲 → 乙 → 丙”式的串联显示")
    text: str = Field(min_length=4, description="一行说明：怎么做，可以说什么、不能说什么")
    level: Level | None = Field(default=None, description="本步骤的依据层级与整条规范不同时填写")


class Procedure(_Strict):
    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", description="英文短横线编号，如 call-opening；页面用它引用")
    name: str = Field(min_length=2, description="手册统一使用的名称，如 电话开场")
    aliases: list[str] = Field(default_factory=list, description="页面中也可以使用的其他叫法（速查页列出，检查时也识别）")
    retired: list[str] = Field(default_factory=list,
                               description="不再使用的旧叫法（如带旧步数的“四步开场”）：页面中出现即报告，不向学员展示")
    kind: Kind = Field(description="ordered：按顺序的步骤；checklist：全部要做、不分先后；rules：规则或阈值")
    summary: str = Field(min_length=4, description="一句话：什么时候用、为了什么")
    steps: list[Step] = Field(min_length=2, description="步骤、清单项或规则，至少 2 项")
    level: Level = Field(description="依据层级：法律 / 监管规章 / 行业自律 / 本机构制度示例")
    basis: str = Field(min_length=4, description="依据说明；其中的法条引用按法规索引核对")
    owner: str = Field(min_length=1, description="负责人或小组")
    reviewed: dt.date = Field(description="最近审核日期 YYYY-MM-DD")
    see: str | None = Field(default=None, description="详细讲解的页面（docs/ 下的路径，可带 #锚点）")

    @property
    def anchor(self) -> str:
        """Anchor of this procedure's entry on the 操作规范速查 page."""
        return f"proc-{self.id}"

    @property
    def names(self) -> list[str]:
        """Names trainees may meet: the name and its aliases (not the retired ones)."""
        return [self.name, *self.aliases]

    @property
    def step_names(self) -> list[str]:
        return [step.name for step in self.steps]

    @property
    def chain(self) -> str:
        """The step names in one line: ``甲 → 乙 → 丙`` in order, ``甲、乙、丙`` otherwise."""
        return (" → " if self.kind == "ordered" else "、").join(self.step_names)


class ProceduresFile(_Strict):
    procedures: list[Procedure]


_adapter = TypeAdapter(ProceduresFile)


@dataclass
class Procedures:
    by_id: dict[str, Procedure] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)            # id -> line of its entry
    step_lines: dict[tuple[str, int], int] = field(default_factory=dict)
    citations: list[Citation] = field(default_factory=list)        # in the basis texts

    def get(self, procedure_id: str) -> Procedure | None:
        return self.by_id.get(procedure_id)

    def __iter__(self) -> Iterator[Procedure]:
        return iter(self.by_id.values())

    def __len__(self) -> int:
        return len(self.by_id)

    def known_ids(self) -> str:
        return "、".join(self.by_id) or "（尚无操作规范）"


def load(text: str, known_paths: set[str], registry: Registry, today: dt.date,
         path: str = PROCEDURES_PATH) -> tuple[Procedures, list[Finding]]:
    loaded = yaml_source.load(path, text, 1, "procedures")
    if loaded.findings:
        return Procedures(), loaded.findings
    parsed, findings = yaml_source.validate(path, _adapter, loaded.data, loaded.key_lines, "procedures")
    if parsed is None:
        return Procedures(), findings
    result = Procedures()
    name_owner: dict[str, str] = {}
    for index, procedure in enumerate(parsed.procedures):
        line = loaded.key_lines.get(("procedures", index), 1)
        if procedure.id in result.by_id:
            findings.append(error(path, line, "procedures.duplicate",
                                  f"操作规范 id {procedure.id} 重复。每个规范只写一次，请合并。"))
            continue
        for name in [*procedure.names, *procedure.retired]:
            owner = name_owner.setdefault(name, procedure.id)
            if owner != procedure.id:
                findings.append(error(path, line, "procedures.duplicate",
                                      f"名称“{name}”同时属于 {owner} 和 {procedure.id}。一个名称只能指向一个规范。"))
        step_names = [step.name for step in procedure.steps]
        for step_index, step in enumerate(procedure.steps):
            result.step_lines[(procedure.id, step_index)] = loaded.key_lines.get(
                ("procedures", index, "steps", step_index), line)
            if step_names.index(step.name) != step_index:
                findings.append(error(path, result.step_lines[(procedure.id, step_index)], "procedures.duplicate",
                                      f"{procedure.id} 的步骤“{step.name}”出现了两次。请合并或改名。"))
        if procedure.reviewed > today:
            findings.append(error(path, loaded.key_lines.get(("procedures", index, "reviewed"), line),
                                  "procedures.future-date",
                                  f"{procedure.id} 的审核日期 {procedure.reviewed} 晚于今天。请填写实际审核的日期。"))
        if procedure.see and procedure.see.split("#")[0] not in known_paths:
            findings.append(error(path, loaded.key_lines.get(("procedures", index, "see"), line), "procedures.missing-page",
                                  f"{procedure.id} 的 see 指向不存在的页面 {procedure.see}。"
                                  "请写 docs/ 下的相对路径，如 curriculum/m2-communication.md#电话开场。"))
        basis_line = loaded.key_lines.get(("procedures", index, "basis"), line)
        result.citations += citations.find_citations(procedure.basis, registry, basis_line)
        result.by_id[procedure.id] = procedure
        result.lines[procedure.id] = line
    return result, findings
