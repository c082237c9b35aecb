"""The glossary (术语表): terms with one-line definitions, kept in YAML."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from . import citations, yaml_source
from .citations import Citation
from .findings import Finding, error
from .procedures import Procedures
from .registry import Registry

GLOSSARY_PATH = "reference/glossary.yml"
GLOSSARY_PAGE = "reference/glossary.md"


class Term(BaseModel):
    model_config = ConfigDict(extra="forbid")
    term: str = Field(min_length=2, description="术语")
    definition: str = Field(min_length=4, max_length=160, description="一句话定义（纯文字）")
    procedure: str | None = Field(default=None, description="对应操作规范的 id（procedures.yml）；填写后释义后面自动附上步骤")
    see: str | None = Field(default=None, description="讲解该术语的页面（docs/ 下的路径）")


class GlossaryFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    terms: list[Term]


_adapter = TypeAdapter(GlossaryFile)


@dataclass
class Glossary:
    terms: list[Term] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)   # in the definitions, checked like page text
    lines: dict[str, int] = field(default_factory=dict)          # term -> line of its entry


def load(text: str, known_paths: set[str], registry: Registry, procedures: Procedures,
         path: str = GLOSSARY_PATH) -> tuple[Glossary, list[Finding]]:
    loaded = yaml_source.load(path, text, 1, "glossary")
    if loaded.findings:
        return Glossary(), loaded.findings
    parsed, findings = yaml_source.validate(path, _adapter, loaded.data, loaded.key_lines, "glossary")
    if parsed is None:
        return Glossary(), findings
    glossary = Glossary(parsed.terms)
    for index, term in enumerate(parsed.terms):
        line = loaded.key_lines.get(("terms", index), 1)
        if term.term in glossary.lines:
            findings.append(error(path, line, "glossary.duplicate", f"术语“{term.term}”重复。请合并为一条。"))
        glossary.lines.setdefault(term.term, line)
        definition_line = loaded.key_lines.get(("terms", index, "definition"), line)
        glossary.citations += citations.find_citations(term.definition, registry, definition_line)
        if term.procedure and procedures.get(term.procedure) is None:
            findings.append(error(path, loaded.key_lines.get(("terms", index, "procedure"), line),
                                  "glossary.unknown-procedure",
                                  f"术语“{term.term}”的 procedure: {term.procedure} 不是已登记的操作规范。"
                                  f"请改用 docs/reference/procedures.yml 中的 id：{procedures.known_ids()}。"))
        if term.see and term.see.split("#")[0] not in known_paths:
            findings.append(error(path, loaded.key_lines.get(("terms", index, "see"), line), "glossary.missing-page",
                                  f"术语“{term.term}”的 see 指向不存在的页面 {term.see}。"
                                  "请写 docs/ 下的相对路径，如 curriculum/m1-legal-compliance.md。"))
    return glossary, findings


def definition_of(term: Term, procedures: Procedures) -> str:
    """The definition as shown to trainees: a procedure's steps come from its data."""
    procedure = procedures.get(term.procedure) if term.procedure else None
    if procedure is None:
        return term.definition
    return f"{term.definition}（{procedure.chain}）"
