"""Run MkDocs with the clock moved ahead: ``python tests/clock_ahead.py DAYS mkdocs-args...``.

Used by site_build.build_site when the test run itself has the clock moved
(``pytest --clock-ahead=DAYS``, tests/conftest.py), so a strict build in a
subprocess sees the same "today" as the tests that started it.
"""

from __future__ import annotations

import datetime as dt
import sys

import time_machine
from mkdocs.__main__ import cli

if __name__ == "__main__":
    days = int(sys.argv[1])
    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(days=days), tick=True):
        sys.argv = ["mkdocs", *sys.argv[2:]]
        cli()
