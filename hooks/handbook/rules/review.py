"""Review dates: never in the future; a reminder once a page is past its review period."""

from __future__ import annotations

import datetime as dt

from ..content.findings import Finding, error, warning
from ..content.review import status


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
