"""维护状态: every page with its owner and review status; registry entries by
the date they were last verified. Rendered from front matter and laws.yml on
each build, so the page is always as current as the content."""

from __future__ import annotations

from collections import Counter

from ..content.labels import CONFIDENCE_LABELS, PAGE_TYPE_SHORT, REVIEW_STATE_LABELS
from ..content.model import AnyPage, Handbook, KnownPage, pages_of
from ..content.review import DUE_SOON_DAYS, ReviewStatus, status
from ..content.schema import BasePage
from . import cell, generator, link


def _state_text(state: str) -> str:
    label = REVIEW_STATE_LABELS[state]
    return f"**{label}**" if state == "overdue" else label

_STATE_ORDER = {"overdue": 0, "due-soon": 1, "current": 2}


def page_statuses(handbook: Handbook) -> list[tuple[KnownPage, ReviewStatus]]:
    """(page, ReviewStatus) of every page with valid front matter, most urgent first."""
    rows = [(page, status(page.meta.reviewed, page.meta.review_months, handbook.today))
            for page in pages_of(list(handbook.pages.values()), BasePage)]
    return sorted(rows, key=lambda row: (_STATE_ORDER[row[1].state], row[1].due, row[0].path))


@generator("review-status")
def review_status(handbook: Handbook, page: AnyPage, args: tuple[str, ...]) -> str:
    rows = page_statuses(handbook)
    counts = Counter(state.state for _, state in rows)
    lines = [f"统计日期：{handbook.today}（每次构建时重新计算）。共 {len(rows)} 个页面："
             f"已过期 {counts['overdue']}，即将到期（{DUE_SOON_DAYS} 天内）{counts['due-soon']}，"
             f"有效 {counts['current']}。\n",
             "| 页面 | 类型 | 负责人 | 最近审核 | 周期（月） | 下次审核 | 状态 |",
             "|---|---|---|---|---|---|---|"]
    for target, state in rows:
        meta = target.meta
        lines.append(f"| [{cell(meta.title)}]({link(page, target.path)}) | {PAGE_TYPE_SHORT.get(meta.type, meta.type)} | "
                     f"{cell(meta.owner)} | {state.reviewed} | {meta.review_months} | {state.due} | "
                     f"{_state_text(state.state)} |")
    unreadable = sorted(path for path, target in handbook.pages.items() if target.meta is None)
    if unreadable:
        lines.append("\n以下页面的 front matter 有误，无法读取负责人和审核日期："
                     + "、".join(f"`docs/{path}`" for path in unreadable) + "。")
    return "\n".join(lines) + "\n"


@generator("registry-status")
def registry_status(handbook: Handbook, page: AnyPage, args: tuple[str, ...]) -> str:
    registry = handbook.registry
    entries = sorted(registry.articles.items(), key=lambda item: (item[1].verified, item[0]))
    if not entries:
        return "法规索引中尚未登记条文。\n"
    lines = ["| 核对日期 | 法规 | 条文 | 来源可信度 | 引用页面数 |", "|---|---|---|---|---|"]
    for (law_id, number, sub), article in entries:
        law = registry.laws[law_id]
        name = f"《{law.aliases[0]}》" if law.aliases else law.name
        pages = len(handbook.citing_pages(law_id, number, sub))
        lines.append(f"| {article.verified} | {cell(name)} | {article.article} | "
                     f"{CONFIDENCE_LABELS[article.confidence]} | {pages} |")
    return "\n".join(lines) + "\n"
