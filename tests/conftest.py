"""Shared fixtures: the site built once per run, and a throw-away project copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from site_build import ROOT, build_site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real handbook built with --strict, once for the whole test run."""
    site = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throw-away copy of the project (without the venv) to break on purpose."""
    target = tmp_path / "project"
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(".venv", "site", ".git", "node_modules",
                                                                  "__pycache__", ".pytest_cache", ".hypothesis"))
    return target


# Fixtures that build the site: a test using one is a `build` test.
_BUILD_FIXTURES = {"built_site", "site_url", "mini_project"}
_SLOW_MARKERS = ("browser", "pdf", "build")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test by what it needs, so `make test-fast` (-m unit) runs only plain-function tests.
    Browser and PDF tests are marked by where they live; a test that calls build_site() itself
    carries @pytest.mark.build (site_build.build_site refuses to run in the fast lane otherwise)."""
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
