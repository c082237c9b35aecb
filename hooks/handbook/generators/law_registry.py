"""法规索引: every registered law and article, with the pages that cite it."""

from __future__ import annotations

from ..content.labels import CONFIDENCE_LABELS
from ..content.model import AnyPage, Handbook
from . import cell, generator, link


@generator("law-registry")
def law_registry(handbook: Handbook, page: AnyPage, args: tuple[str, ...]) -> str:
    registry = handbook.registry
    parts = []
    for law in registry.laws.values():
        articles = [(key, article) for key, article in registry.articles.items() if key[0] == law.id]
        aliases = "、".join(f"《{alias}》" for alias in law.aliases)
        parts.append(f"## {law.name} {{#law-{law.id}}}\n")
        parts.append(f"- 层级：{law.level}　简称：{aliases or '—'}\n- 现行版本：{law.version}（施行：{law.effective}）\n"
                     f"- 核对出处：{law.source}\n")
        if not articles:
            parts.append("本索引未登记具体条文。\n")
            continue
        parts.append("| 条文 | 要点 | 来源可信度 | 核对日期 | 引用本条的页面 |\n|---|---|---|---|---|")
        for (law_id, number, sub), article in sorted(articles, key=lambda item: item[0]):
            citing = handbook.citing_pages(law_id, number, sub)
            refs = "、".join(f"[{cell(p.meta.title if p.meta else p.path)}]({link(page, p.path)})" for p in citing) or "—"
            summary = cell(article.summary + (f"（{article.note}）" if article.note else ""))
            parts.append(f"| {article.article} | {summary} | {CONFIDENCE_LABELS[article.confidence]} | "
                         f"{article.verified} | {refs} |")
        parts.append("")
    return "\n".join(parts)
