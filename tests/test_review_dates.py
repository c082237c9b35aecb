"""Review dates at their boundaries (content.review, rules.review): the due day, the last
day before "due soon", month ends, and the rule's severity and line."""

from __future__ import annotations

import datetime as dt

import pytest

from handbook.content.findings import Severity
from handbook.content.review import DUE_SOON_DAYS, add_months, status
from handbook.rules.review import check_review

D = dt.date


@pytest.mark.parametrize("day, months, expected", [
    (D(2026, 1, 31), 1, D(2026, 2, 28)), (D(2024, 1, 31), 1, D(2024, 2, 29)), (D(2026, 3, 31), 1, D(2026, 4, 30)),
    (D(2026, 11, 28), 2, D(2027, 1, 28)), (D(2026, 12, 1), 12, D(2027, 12, 1)), (D(2026, 5, 15), 0, D(2026, 5, 15)),
    (D(2026, 1, 15), -1, D(2025, 12, 15)), (D(2026, 8, 31), 6, D(2027, 2, 28)), (D(2026, 1, 30), 1, D(2026, 2, 28)),
])
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


def test_states_at_their_boundaries():
    reviewed = D(2026, 1, 10)
    due = D(2026, 7, 10)
    assert status(reviewed, 6, due).state == "due-soon"                        # due today: not yet overdue
    assert status(reviewed, 6, due + dt.timedelta(days=1)).state == "overdue"
    assert status(reviewed, 6, due - dt.timedelta(days=DUE_SOON_DAYS)).state == "due-soon"
    assert status(reviewed, 6, due - dt.timedelta(days=DUE_SOON_DAYS + 1)).state == "current"
    assert status(reviewed, 6, reviewed).due == due
    assert status(reviewed, 6, due).label and status(reviewed, 6, reviewed).reviewed == reviewed


def test_the_rule_reports_the_future_as_an_error_and_overdue_as_a_warning():
    today = D(2026, 11, 28)
    [future] = check_review("p.md", 7, D(2026, 11, 29), 12, today)
    assert (future.rule, future.line, future.severity) == ("review.future", 7, Severity.ERROR)
    assert check_review("p.md", 7, today, 12, today) == []
    assert check_review("p.md", 7, D(2025, 11, 28), 12, today) == []              # due today
    [overdue] = check_review("p.md", 7, D(2025, 11, 27), 12, today)
    assert (overdue.rule, overdue.line, overdue.severity) == ("review.overdue", 7, Severity.WARNING)
    assert "2026-11-27" in overdue.message and "12" in overdue.message
    assert check_review("p.md", 7, D(2026, 11, 1), 1, today) == []               # due soon is no finding
