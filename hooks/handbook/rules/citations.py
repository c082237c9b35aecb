"""Every statute citation resolves to a law and an article of the legal registry."""

from __future__ import annotations

from ..content.citations import Citation
from ..content.findings import Finding, error
from ..content.registry import Registry


def check_citations(path: str, citations: list[Citation], registry: Registry) -> list[Finding]:
    findings = []
    for citation in citations:
        if citation.law_id is None:
            findings.append(error(path, citation.line, "law.unknown-law",
                                  f"引用了未登记的法规（原文“{citation.text}”）。请使用法规索引中的名称或简称，"
                                  "或先在 docs/reference/laws.yml 中登记该法规（需法务核对）。"))
        elif registry.article(citation.law_id, citation.number, citation.sub) is None:
            findings.append(error(path, citation.line, "law.unregistered-article",
                                  f"《{citation.law_name}》{citation.label}（原文“{citation.text}”）不在法规索引中。请核对条号；"
                                  "确需引用的，先在 docs/reference/laws.yml 登记（写明版本、施行日期、要点、出处、核对日期）。"))
    return findings
