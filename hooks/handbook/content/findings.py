"""A finding is one problem in one place: path, line, rule id, Chinese message."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"      # fails `mkdocs build --strict` and `make check`
    WARNING = "warning"  # reported, never fails a build (e.g. review overdue)


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    rule: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        return f"{self.path}:{self.line} [{self.rule}] {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def error(path: str, line: int, rule: str, message: str) -> Finding:
    return Finding(path, line, rule, message, Severity.ERROR)


def warning(path: str, line: int, rule: str, message: str) -> Finding:
    return Finding(path, line, rule, message, Severity.WARNING)
