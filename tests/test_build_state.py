"""Every build starts from a fresh state: a rebuild in the same process (what `mkdocs
serve` does after an edit) gives the same site as a fresh `mkdocs build`."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from site_build import build_site

from handbook.outputs import state


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_reset_forgets_everything_of_the_previous_build():
    state.STATE.urls["a.md"] = "a/"
    state.STATE.page_hidden["a.md"] = ["<button>"]
    state.STATE.pdf_enabled = True
    state.reset()
    assert state.BuildState() == state.STATE


@pytest.mark.build
def test_a_rebuild_in_the_same_process_equals_a_fresh_build(project_copy, tmp_path, monkeypatch):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = project_copy / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    # First build with mkdocs-quiz's confetti on (one more script bundle), then the edit a
    # maintainer makes while `mkdocs serve` runs: confetti off, and rebuild.
    config.write_text(original.replace("confetti: false", "confetti: true"), encoding="utf-8")
    build(load_config(str(config), site_dir=str(tmp_path / "before"), strict=True))
    assert any(bundle.name == "quiz-confetti" for bundle in state.STATE.quiz_files.values())
    config.write_text(original, encoding="utf-8")
    build(load_config(str(config), site_dir=str(tmp_path / "rebuilt"), strict=True))

    fresh = build_site(project_copy, tmp_path / "fresh")
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    rebuilt, expected = _files(tmp_path / "rebuilt"), _files(tmp_path / "fresh")
    assert sorted(rebuilt.keys() - expected.keys()) == []      # e.g. no stale quiz-confetti.*.js
    assert sorted(expected.keys() - rebuilt.keys()) == []
    assert [name for name in expected if rebuilt[name] != expected[name] and not name.endswith(".gz")] == []
