"""Tables wrapped at build time exactly as Material's bundle wraps them (outputs/tables.py)."""

from pathlib import Path

from site_build import ROOT

from handbook import upstream
from handbook.outputs.tables import bundle_problem, wrap

OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'


def page(article: str, outside: str = "") -> str:
    return f"<html><body>{outside}<article class=\"md-content__inner md-typeset\">{article}</article></body></html>"


def test_a_table_without_class_is_wrapped_in_materials_two_divs():
    table = '<table tabindex="0"><tr><td>1</td></tr></table>'
    assert wrap(page(f"<p>x</p>{table}<p>y</p>")) == page(f"<p>x</p>{OPEN}{table}</div></div><p>y</p>")


def test_tables_with_a_class_and_tables_outside_the_article_are_left_alone():
    source = page('<table class="hb-progress-table"><tr><td>1</td></tr></table>', "<table><tr><td>0</td></tr></table>")
    assert wrap(source) == source


def test_adjacent_and_nested_tables_are_each_wrapped_once():
    inner = "<table><tr><td>i</td></tr></table>"
    out = wrap(page(f"<table><tr><td>{inner}</td></tr></table><table><tr><td>2</td></tr></table>"))
    assert out == page(f"{OPEN}<table><tr><td>{OPEN}{inner}</div></div></td></tr></table></div></div>"
                       f"{OPEN}<table><tr><td>2</td></tr></table></div></div>")


def test_a_page_without_article_or_tables_is_unchanged():
    assert wrap("<p>no article</p><table></table>") == "<p>no article</p><table></table>"
    assert wrap(page("<p>text</p>")) == page("<p>text</p>")


def test_the_script_narrows_exactly_materials_selector():
    script = (ROOT / "docs" / "assets" / "javascripts" / "tables.js").read_text(encoding="utf-8")
    inner = upstream.MATERIAL_TABLE_WRAPPER[-1]
    assert f'"{upstream.MATERIAL_TABLE_SELECTOR}"' in script
    assert f'"{upstream.MATERIAL_TABLE_SELECTOR}:not(.{inner} > table)"' in script


def test_a_bundle_without_materials_table_selector_is_reported(tmp_path: Path):
    scripts = tmp_path / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    assert "bundle" in (bundle_problem(tmp_path) or "")
    (scripts / "bundle.0123abcd.min.js").write_text('M("table:not([class])",e).map(i=>ti(i))', encoding="utf-8")
    assert bundle_problem(tmp_path) is None
    (scripts / "bundle.0123abcd.min.js").write_text('M("table:not(.x)",e).map(i=>ti(i))', encoding="utf-8")
    assert upstream.MATERIAL_TABLE_SELECTOR in (bundle_problem(tmp_path) or "")
