"""The glossary (术语表): terms with one-line definitions, kept in YAML."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from . import citations, yaml_source
from .findings import Finding, error
from .registry import Registry

GLOSSARY_PATH = "reference/glossary.yml"


class Term(BaseModel):
    model_config = ConfigDict(extra="forbid")
    term: str = Field(min_length=2, description="术语")
    definition: str = Field(min_length=4, max_length=160, description="一句话定义（纯文字）")
    see: str | None = Field(default=None, description="讲解该术语的页面（docs/ 下的路径）")


class GlossaryFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    terms: list[Term]


_adapter = TypeAdapter(GlossaryFile)


def load(text: str, known_paths: set[str], registry: Registry,
         path: str = GLOSSARY_PATH) -> tuple[list[Term], list[Finding]]:
    loaded = yaml_source.load(path, text, 1, "glossary")
    if loaded.findings:
        return [], loaded.findings
    parsed, findings = yaml_source.validate(path, _adapter, loaded.data, loaded.key_lines, "glossary")
    if parsed is None:
        return [], findings
    seen: set[str] = set()
    for index, term in enumerate(parsed.terms):
        line = loaded.key_lines.get(("terms", index), 1)
        if term.term in seen:
            findings.append(error(path, line, "glossary.duplicate", f"术语“{term.term}”重复。请合并为一条。"))
        seen.add(term.term)
        # Definitions are shown as tooltips everywhere: their citations must resolve like the pages'.
        definition_line = loaded.key_lines.get(("terms", index, "definition"), line)
        found = citations.find_citations(term.definition, registry, definition_line)
        findings += citations.check_citations(path, found, registry)
        if term.see and term.see.split("#")[0] not in known_paths:
            findings.append(error(path, loaded.key_lines.get(("terms", index, "see"), line), "glossary.missing-page",
                                  f"术语“{term.term}”的 see 指向不存在的页面 {term.see}。请写 docs/ 下的相对路径，如 curriculum/m1-legal-compliance.md。"))
    return parsed.terms, findings
