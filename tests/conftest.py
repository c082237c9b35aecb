"""Shared fixtures: the site built once per run, a throw-away project copy and a
one-module mini project; ``--clock-ahead=DAYS`` runs the whole session with the
clock moved (tests/test_calendar.py proves the suite does not depend on today)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings
from sample_content import MODULE, REGISTRY
from site_build import CLOCK_AHEAD, ROOT, build_site

# Property tests draw the same cases on every machine and day, so a red CI run is reproducible;
# `make fuzz` draws new ones (a case it finds goes into the test as an @example).
settings.register_profile("reproducible", derandomize=True, database=None)
settings.register_profile("explore")
settings.load_profile(os.environ.get("HANDBOOK_HYPOTHESIS", "reproducible"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--clock-ahead", type=int, default=0, metavar="DAYS",
                     help="run every test (and every strict build) with the clock moved DAYS days ahead")


def pytest_configure(config: pytest.Config) -> None:
    days = config.getoption("--clock-ahead")
    if days:
        import time_machine
        traveller = time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(days=days), tick=True)
        traveller.start()
        config.add_cleanup(traveller.stop)
        os.environ[CLOCK_AHEAD] = str(days)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real handbook built with --strict, once for the whole test run."""
    site = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def scorm_zip(tmp_path_factory) -> Path:
    """The SCORM 1.2 package of the real handbook (`make scorm`), built once for the whole run."""
    from handbook.tools import scorm
    return scorm.package(ROOT, tmp_path_factory.mktemp("dist"))


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throw-away copy of the project (without the venv) to break on purpose."""
    target = tmp_path / "project"
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(".venv", "site", ".git", "node_modules",
                                                                  "__pycache__", ".pytest_cache", ".hypothesis"))
    return target


# Fixtures that build the site: a test using one is a `build` test.
_BUILD_FIXTURES = {"built_site", "site_url", "mini_project", "scorm_zip"}
_SLOW_MARKERS = ("browser", "pdf", "build")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test by what it needs, so `make test-fast` (-m unit) runs only plain-function tests.
    Browser and PDF tests are marked by where they live; a test that calls build_site() itself
    carries @pytest.mark.build (site_build.build_site refuses to run in the fast lane otherwise).
    Tests marked ``clock_ahead`` only make sense inside a --clock-ahead run: deselected otherwise
    (not skipped, so a normal run reports nothing it did not run)."""
    if not config.getoption("--clock-ahead"):
        moved = [item for item in items if item.get_closest_marker("clock_ahead")]
        if moved:
            config.hook.pytest_deselected(items=moved)
            items[:] = [item for item in items if not item.get_closest_marker("clock_ahead")]
    for item in items:
        path = Path(str(item.fspath))
        if "browser" in path.parts:
            item.add_marker(pytest.mark.browser)
        elif path.name == "test_pdf.py":
            item.add_marker(pytest.mark.pdf)
        elif _BUILD_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)
        if not any(item.get_closest_marker(name) for name in _SLOW_MARKERS):
            item.add_marker(pytest.mark.unit)


@pytest.fixture
def mini_project(tmp_path: Path) -> Path:
    """A one-module site that inherits the real mkdocs.yml (theme, plugins, hooks)."""
    project = tmp_path / "mini"
    shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "overrides", project / "overrides")
    (project / "docs" / "curriculum").mkdir(parents=True)
    (project / "docs" / "reference").mkdir()
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    (project / "docs" / "reference" / "laws.yml").write_text(REGISTRY, encoding="utf-8")
    (project / "docs" / "index.md").write_text(
        "---\ntype: page\ntitle: 首页\ndescription: 测试用的首页，只链接到一个模块。\nowner: 测试组\nreviewed: 2026-11-01\n---\n\n"
        "# 首页\n\n[模块](curriculum/m1.md)\n", encoding="utf-8")
    (project / "docs" / "curriculum" / "m1.md").write_text(MODULE, encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: docs\nnav:\n  - 首页: index.md\n  - 模块: curriculum/m1.md\n",
        encoding="utf-8")
    return project
