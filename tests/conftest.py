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
