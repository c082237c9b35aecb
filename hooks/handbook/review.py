"""Review dates: each page is re-read by its owner within its review period."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .findings import Finding, error, warning

DUE_SOON_DAYS = 30


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class ReviewStatus:
    reviewed: dt.date
    due: dt.date
    state: str  # "current" | "due-soon" | "overdue"

    @property
    def label(self) -> str:
        return {"current": "有效", "due-soon": "即将到期", "overdue": "已过期"}[self.state]


def status(reviewed: dt.date, months: int, today: dt.date) -> ReviewStatus:
    due = add_months(reviewed, months)
    if due < today:
        return ReviewStatus(reviewed, due, "overdue")
    if (due - today).days <= DUE_SOON_DAYS:
        return ReviewStatus(reviewed, due, "due-soon")
    return ReviewStatus(reviewed, due, "current")


def check_review(path: str, line: int, reviewed: dt.date, months: int, today: dt.date) -> list[Finding]:
    if reviewed > today:
        return [error(path, line, "review.future",
                      f"审核日期 reviewed: {reviewed} 晚于今天（{today}）。请填写实际审核的日期。")]
    current = status(reviewed, months, today)
    if current.state == "overdue":
        return [warning(path, line, "review.overdue",
                        f"本页上次审核于 {reviewed}，审核周期 {months} 个月，已于 {current.due} 到期。"
                        "请负责人复核内容后把 reviewed 改为复核当天的日期。")]
    return []
