"""No test depends on the day it runs: the fast suite passes with the clock two years ahead.

`pytest --clock-ahead=DAYS` (tests/conftest.py) moves the clock for the whole
session with time-machine, strict builds included (tests/clock_ahead.py). The
first test below runs the fast suite that way in a subprocess; the others run
inside that subprocess and check that the clock really moved.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sample_content import MODULE, REGISTRY
from site_build import CLOCK_AHEAD, ROOT

from handbook.pipeline import analyse

TWO_YEARS = 730
REAL_TODAY = "HANDBOOK_TEST_REAL_TODAY"
AHEAD = os.environ.get(CLOCK_AHEAD)


@pytest.mark.build
@pytest.mark.skipif(AHEAD is not None, reason="this test starts the run with the clock ahead")
def test_fast_suite_passes_with_the_clock_two_years_ahead(tmp_path: Path) -> None:
    """Every non-browser test except the PDF ones (date-independent, and 1.5 minutes to build;
    `make test-future` runs those too)."""
    env = {**os.environ, REAL_TODAY: dt.date.today().isoformat()}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-m", "not browser and not pdf",
         f"--clock-ahead={TWO_YEARS}", "-q", "-p", "no:cacheprovider", "-x",
         "--deselect", "tests/test_calendar.py::test_fast_suite_passes_with_the_clock_two_years_ahead"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800, check=False)
    tail = "\n".join((result.stdout + result.stderr).splitlines()[-25:])
    assert result.returncode == 0, tail
    assert re.search(r"\d+ passed", tail), tail


@pytest.mark.clock_ahead
def test_the_clock_is_ahead_in_tests_and_in_the_engine() -> None:
    real = os.environ.get(REAL_TODAY)        # set by the test above that starts the run
    if real is not None:
        assert dt.date.today() >= dt.date.fromisoformat(real) + dt.timedelta(days=int(AHEAD or 0) - 1)
    # The engine's default "today" is the moved one: a page reviewed just now (moved) is not in the future.
    page = MODULE.replace("reviewed: 2026-11-01", f"reviewed: {dt.date.today().isoformat()}")
    handbook = analyse({"curriculum/m1.md": page}, {"reference/laws.yml": REGISTRY})
    assert handbook.today == dt.date.today()
    assert not [f for f in handbook.findings if f.rule == "review.future"]


@pytest.mark.clock_ahead
def test_strict_builds_run_with_the_moved_clock(built_site: Path) -> None:
    maintainers = (built_site / "reference" / "maintainers" / "index.html").read_text(encoding="utf-8")
    assert dt.date.today().isoformat() in maintainers


def test_no_test_reads_the_real_date_except_through_the_clock_option() -> None:
    """A test that needs "today" takes it from the content (test_editor_workflow.content_day)
    or from sample_content.TODAY; only the clock machinery reads the real date."""
    allowed = {"conftest.py", "clock_ahead.py", "test_calendar.py"}
    offenders = [f"{file.relative_to(ROOT)}:{number}" for file in sorted((ROOT / "tests").rglob("*.py"))
                 if file.name not in allowed
                 for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1)
                 if re.search(r"\bdate\.today\(\)|datetime\.now\(|datetime\.today\(\)|time\.time\(\)", line)
                 and not line.lstrip().startswith("#")]
    assert not offenders, offenders
