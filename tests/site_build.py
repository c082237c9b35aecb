"""Paths and the build helper shared by test modules.

A module of its own because tests/ and tests/browser/ each have a conftest.py,
and `from conftest import ...` would pick whichever was imported first.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
FAST_LANE = "HANDBOOK_FAST_TESTS"   # set by `make test-fast`
# Set by `pytest --clock-ahead=DAYS` (tests/conftest.py): builds then run with the same clock.
CLOCK_AHEAD = "HANDBOOK_TEST_CLOCK_AHEAD_DAYS"


def mkdocs_command() -> list[str]:
    days = os.environ.get(CLOCK_AHEAD)
    return [sys.executable, str(ROOT / "tests" / "clock_ahead.py"), days] if days else MKDOCS


def build_site(project: Path, site_dir: Path, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of ``project`` into ``site_dir``; returns the process."""
    if os.environ.get(FAST_LANE):
        raise RuntimeError("this test builds the site: mark it @pytest.mark.build (make test-fast runs unit tests only)")
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return subprocess.run([*mkdocs_command(), "build", "--strict", "--site-dir", str(site_dir)],
                          cwd=project, env=env, check=False, capture_output=True, text=True, timeout=600)
