"""The legal registry: every law and article the handbook may cite.

Kept by editors in ``docs/reference/laws.yml``; validated like a page, rendered
as the 法规索引 reference page, and used to resolve every citation in the text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from . import yaml_source
from .findings import Finding, error
from .numerals import NUMERAL, article_key

REGISTRY_PATH = "reference/laws.yml"

Level = Literal["法律", "行政法规", "司法解释", "部门规章", "规范性文件", "行业自律", "国家标准"]
Confidence = Literal["PRIMARY", "SECONDARY", "UNCONFIRMED"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Law(_Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$", description="英文短横线编号，如 criminal-law")
    name: str = Field(min_length=2, description="全称，如 中华人民共和国刑法")
    aliases: list[str] = Field(default_factory=list, description="正文中使用的简称，如 刑法")
    level: Level = Field(description="效力层级")
    version: str = Field(min_length=2, description="现行版本，如 2023年12月29日修正")
    effective: dt.date = Field(description="该版本的施行日期")
    source: str = Field(min_length=2, description="核对所用的原文出处")


class Article(_Strict):
    law: str = Field(description="所属法规的 id")
    article: str = Field(pattern=rf"^第{NUMERAL}条(之{NUMERAL})?$", description="条号，如 第二百九十三条之一")
    summary: str = Field(min_length=4, description="一句话要点")
    effective: dt.date | None = Field(default=None, description="本条施行日期（缺省同法规）")
    confidence: Confidence = Field(description="PRIMARY / SECONDARY / UNCONFIRMED")
    facts: list[str] = Field(default_factory=list, description="法律事实清单中的条目编号，如 A1")
    verified: dt.date = Field(description="最近核对日期")
    note: str | None = Field(default=None, description="补充说明（可选）")


class RegistryFile(_Strict):
    laws: list[Law]
    articles: list[Article]


_adapter = TypeAdapter(RegistryFile)


@dataclass
class Registry:
    laws: dict[str, Law] = field(default_factory=dict)
    articles: dict[tuple[str, int, int], Article] = field(default_factory=dict)
    alias_to_law: dict[str, str] = field(default_factory=dict)

    def resolve_law(self, name: str) -> Law | None:
        law_id = self.alias_to_law.get(name.strip())
        return self.laws.get(law_id) if law_id else None

    def article(self, law_id: str, number: int, sub: int) -> Article | None:
        return self.articles.get((law_id, number, sub))


def load(text: str, path: str = REGISTRY_PATH, today: dt.date | None = None) -> tuple[Registry, list[Finding]]:
    today = today or dt.date.today()
    loaded = yaml_source.load(path, text, 1, "registry")
    if loaded.findings:
        return Registry(), loaded.findings
    parsed, findings = yaml_source.validate(path, _adapter, loaded.data, loaded.key_lines, "registry")
    if parsed is None:
        return Registry(), findings
    registry = Registry()
    for index, law in enumerate(parsed.laws):
        line = loaded.key_lines.get(("laws", index), 1)
        if law.id in registry.laws:
            findings.append(error(path, line, "registry.duplicate", f"法规 id {law.id} 重复。每部法规只登记一次。"))
        registry.laws[law.id] = law
        for name in [law.name, *law.aliases]:
            owner = registry.alias_to_law.setdefault(name, law.id)
            if owner != law.id:
                findings.append(error(path, line, "registry.duplicate",
                                      f"简称“{name}”同时属于 {owner} 和 {law.id}。一个简称只能指向一部法规。"))
    for index, article in enumerate(parsed.articles):
        line = loaded.key_lines.get(("articles", index), 1)
        if article.law not in registry.laws:
            findings.append(error(path, loaded.key_lines.get(("articles", index, "law"), line), "registry.unknown-law",
                                  f"条文 {article.article} 所属的法规 {article.law} 未在 laws 中登记。请先登记该法规或改正 id。"))
            continue
        number_and_sub = article_key(article.article)
        assert number_and_sub is not None, "the schema's pattern admits only article numbers"
        key = (article.law, *number_and_sub)
        if key in registry.articles:
            findings.append(error(path, line, "registry.duplicate",
                                  f"{article.law} {article.article} 重复登记。请合并为一条。"))
        if article.verified > today:
            findings.append(error(path, loaded.key_lines.get(("articles", index, "verified"), line), "registry.future-date",
                                  f"{article.article} 的核对日期 {article.verified} 晚于今天。请填写实际核对的日期。"))
        registry.articles[key] = article
    return registry, findings
