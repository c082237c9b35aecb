"""Review dates: each page is re-read by its owner within its review period.

The dates themselves; ``rules/review.py`` reports pages past their period."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from .labels import REVIEW_STATE_LABELS

DUE_SOON_DAYS = 30


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (earlier if negative), or the month's last day if it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class ReviewStatus:
    reviewed: dt.date
    due: dt.date
    state: str  # "current" | "due-soon" | "overdue"

    @property
    def label(self) -> str:
        return REVIEW_STATE_LABELS[self.state]


def status(reviewed: dt.date, months: int, today: dt.date) -> ReviewStatus:
    due = add_months(reviewed, months)
    state = "overdue" if due < today else "due-soon" if (due - today).days <= DUE_SOON_DAYS else "current"
    return ReviewStatus(reviewed, due, state)
