"""axe-core (node_modules/axe-core, installed by `make test` with npm ci) finds no violation.

Pages: start page, a module, a case, a quiz page after answering, the progress page, and the
search with results open; each at desktop and phone size.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser_support import DESKTOP, MOBILE, search, settle
from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[2] / "node_modules/axe-core/axe.min.js"
RUN_AXE = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + (n.failureSummary || "").split("\\n").slice(0, 3).join(" ")) }));
}"""


def answer_some(page: Page) -> None:
    for kind in ("input[type=radio][data-correct]", "input[type=radio]:not([data-correct])"):
        quiz = page.locator(f".quiz:has({kind})").nth(0 if "not" not in kind else 1)
        quiz.locator(kind).first.check()
    multiple = page.locator(".quiz:has(input[type=checkbox][name=answer])").first
    if multiple.count():
        multiple.locator("input[type=checkbox]:not([data-correct])").first.check()
        multiple.locator("button[type=submit]").click()
    blank = page.locator(".quiz.quiz-fill-blank").first
    if blank.count():
        blank.locator("input.quiz-blank-input").first.fill("不知道")
        blank.locator("button[type=submit]").click()
    page.locator(".quiz-feedback-item").first.wait_for()


SCENARIOS = {
    "start": ("", None),
    "module": ("curriculum/m2-communication/", None),
    "case": ("cases/c2-communication/", None),
    "quiz-answered": ("curriculum/m5-psychology-stress/", answer_some),
    "progress": ("progress/", lambda page: page.wait_for_selector("html[data-hb-progress=ready]")),
    "search-open": ("", lambda page: search(page, "诉讼时效")),
}


@pytest.fixture(scope="session")
def axe_source() -> str:
    assert AXE.is_file(), "axe-core missing: run `make test` (npm ci installs node_modules)"
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile"])
@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_axe_finds_no_violation(browse, site_url: str, axe_source: str, scenario: str, viewport: dict):
    page, _recorder = browse(viewport)
    url, prepare = SCENARIOS[scenario]
    page.goto(site_url + url, wait_until="networkidle")
    if prepare:
        prepare(page)
    settle(page)
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(RUN_AXE)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)


def _all_pages(site: Path) -> list[str]:
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")
                   if p.parent.name not in ("404",) and "assets" not in p.parts)
    return [("" if page == "." else page + "/") for page in pages]


def test_axe_finds_no_violation_on_any_page(browse, site_url: str, built_site: Path, axe_source: str):
    """Every page at desktop size, so a generated table or a new page cannot regress unseen."""
    page, _recorder = browse(DESKTOP)
    problems = {}
    pages = _all_pages(built_site)
    assert len(pages) > 30
    for url in pages:
        page.goto(site_url + url, wait_until="networkidle")
        page.add_script_tag(content=axe_source)
        violations = page.evaluate(RUN_AXE)
        if violations:
            problems[url] = violations
    assert problems == {}, json.dumps(problems, ensure_ascii=False, indent=1)
