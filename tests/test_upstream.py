"""The assumptions in hooks/handbook/upstream.py still hold for the installed Material
and mkdocs-quiz, and a change upstream is reported loudly and readably."""

from __future__ import annotations

import shutil
from pathlib import Path

import material  # type: ignore[import-untyped]
import mkdocs_quiz
from site_build import ROOT

from handbook import upstream
from handbook.outputs import search

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
SNAPSHOTS = ROOT / "tests" / "upstream" / f"material-{upstream.MATERIAL.version}"
QUIZ_PACKAGE = Path(mkdocs_quiz.__file__).parent


def test_installed_versions_are_the_ones_the_assumptions_were_written_for():
    assert upstream.check_versions() == []


def test_a_version_mismatch_is_a_warning_naming_package_and_versions():
    installed: dict[str, str | None] = {package.distribution: package.version for package in upstream.PACKAGES}
    installed["mkdocs-material"] = "9.9.0"
    (warning,) = upstream.check_versions(installed)
    assert "mkdocs-material 是 9.9.0" in warning and "9.8.2" in warning and "upstream.py" in warning


def test_every_template_override_is_a_listed_fork_with_a_snapshot():
    overrides = {path.relative_to(ROOT / "overrides").as_posix() for path in (ROOT / "overrides").rglob("*.html")}
    # main.html extends Material's base template through blocks; it copies nothing.
    assert overrides - {"main.html"} == set(upstream.FORKED_TEMPLATES)
    for name in upstream.FORKED_TEMPLATES:
        assert (SNAPSHOTS / name).is_file(), f"no snapshot of Material's {name} in {SNAPSHOTS}"


def test_forked_templates_are_unchanged_upstream():
    reports = upstream.template_drift(SNAPSHOTS, MATERIAL_TEMPLATES)
    assert reports == [], "\n\n".join(reports)


def test_a_changed_upstream_template_is_reported_with_a_readable_diff(tmp_path):
    installed = tmp_path / "templates"
    shutil.copytree(MATERIAL_TEMPLATES / "partials", installed / "partials")
    nav_item = installed / "partials" / "nav-item.html"
    text = nav_item.read_text(encoding="utf-8")
    nav_item.write_text(text.replace("md-nav__link", "md-nav__anchor", 1), encoding="utf-8")
    (installed / "partials" / "path.html").unlink()

    reports = upstream.template_drift(SNAPSHOTS, installed)

    assert len(reports) == 2
    changed = next(report for report in reports if report.startswith("partials/nav-item.html"))
    assert "请把下面的上游改动移植到 overrides/partials/nav-item.html" in changed
    assert "--- 复制时的 partials/nav-item.html" in changed and "+++ 现在安装的 partials/nav-item.html" in changed
    assert any(line.startswith("-") and "md-nav__link" in line for line in changed.splitlines()[3:])
    assert any(line.startswith("+") and "md-nav__anchor" in line for line in changed.splitlines()[3:])
    assert any(report.startswith("partials/path.html：安装的 Material 中已没有这个模板") for report in reports)


def test_the_search_worker_still_has_the_segmenter_loop_to_fix():
    workers = sorted((MATERIAL_TEMPLATES).glob(upstream.SEARCH_WORKER_GLOB))
    assert len(workers) == 1, workers
    fixed, found = search.fix_segmenter(workers[0].read_text(encoding="utf-8"))
    assert found and fixed.count("<=") > workers[0].read_text(encoding="utf-8").count("<=")


def test_mkdocs_quiz_assets_are_recognised_by_their_markers():
    kinds = {(name, ext): marker for name, ext, _tag, marker in upstream.QUIZ_ASSET_KINDS}
    assert kinds[("quiz", "css")].search((QUIZ_PACKAGE / "css" / "quiz.css").read_text(encoding="utf-8"))
    quiz_js = (QUIZ_PACKAGE / "js" / "quiz.js").read_text(encoding="utf-8")
    assert kinds[("quiz", "js")].search(quiz_js)
    assert upstream.QUIZ_STORAGE_PREFIX in quiz_js


def test_a_minifier_that_drops_comments_is_detected():
    assert upstream.minify_drops_comments({"remove_comments": True})
    assert not upstream.minify_drops_comments({"remove_optional_attribute_quotes": False})
    assert not upstream.minify_drops_comments(None)


def test_materials_palette_component_is_replaced_by_the_handbooks_script():
    original = (MATERIAL_TEMPLATES / "partials" / "palette.html").read_text(encoding="utf-8")
    fork = (ROOT / "overrides" / "partials" / "palette.html").read_text(encoding="utf-8")
    script = (ROOT / "docs" / "assets" / "javascripts" / "palette.js").read_text(encoding="utf-8")
    [bundle] = (MATERIAL_TEMPLATES / "assets" / "javascripts").glob("bundle.*.min.js")
    assert upstream.PALETTE_COMPONENT in original and upstream.PALETTE_COMPONENT not in fork.split("-#}", 1)[1]
    assert upstream.PALETTE_FORM in fork and f"[{upstream.PALETTE_FORM}]" in script
    # the choice is stored where Material's own script and component keep it
    assert f'"{upstream.PALETTE_STORAGE_KEY}"' in script
    assert f'"{upstream.PALETTE_STORAGE_KEY}"' in bundle.read_text(encoding="utf-8")


def test_materials_bundle_still_wraps_tables_found_by_the_selector_tables_js_narrows():
    [bundle] = (MATERIAL_TEMPLATES / "assets" / "javascripts").glob("bundle.*.min.js")
    text = bundle.read_text(encoding="utf-8")
    assert f'"{upstream.MATERIAL_TABLE_SELECTOR}"' in text
    outer, inner = upstream.MATERIAL_TABLE_WRAPPER
    assert f'"{outer}"' in text and f'"{inner}"' in text  # renderTable's two <div>s
