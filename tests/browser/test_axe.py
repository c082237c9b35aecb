"""axe-core (node_modules/axe-core, installed by `make test` with npm ci) finds no violation.

Every page in the light and the dark colour scheme, at desktop and at phone width, and the states a
learner creates: quizzes answered right and wrong (single, multiple, fill-in), the search open with
results, the navigation drawer open (phone), the progress page with answers in it.

One browser context per scheme and width serves all pages (the scheme is the browser's, as a
learner's phone set to dark mode has it; Material then picks the matching palette). Each context
fails the test if a page requested another host or raised a JavaScript error.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser_support import DESKTOP, MOBILE, Recorder, open_context, search, settle
from playwright.sync_api import BrowserContext, Page, expect

AXE = Path(__file__).resolve().parents[2] / "node_modules/axe-core/axe.min.js"
RUN_AXE = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + (n.failureSummary || "").split("\\n").slice(0, 3).join(" ")) }));
}"""
SCHEMES = {"light": "default", "dark": "slate"}  # browser colour scheme -> Material palette
WIDTHS = {"desktop": DESKTOP, "phone": MOBILE}


@pytest.fixture(scope="session")
def axe_source() -> str:
    assert AXE.is_file(), "axe-core missing: run `make test` (npm ci installs node_modules)"
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def contexts(browser, site_url: str):
    """(scheme, width) -> a browser context, opened on first use and shared by this module's tests."""
    opened: dict[tuple[str, str], tuple[BrowserContext, Recorder]] = {}

    def get(scheme: str, width: str) -> BrowserContext:
        if (scheme, width) not in opened:
            opened[scheme, width] = open_context(browser, site_url, WIDTHS[width], color_scheme=scheme)
        return opened[scheme, width][0]

    yield get
    for context, _recorder in opened.values():
        context.close()
    for (scheme, width), (_context, recorder) in opened.items():
        assert not recorder.foreign, f"{scheme} {width}: requests to other hosts: {recorder.foreign}"
        assert not recorder.errors, f"{scheme} {width}: JavaScript errors: {recorder.errors}"


def open_page(context: BrowserContext, url: str, scheme: str, page: Page | None = None) -> Page:
    if page is None:
        page = context.new_page()
        page.set_default_timeout(15_000)
    page.goto(url, wait_until="load")  # every script of a page is deferred or inline: all ran by "load"
    # the palette of the browser's scheme is in force (else the dark run would test light twice)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
    return page


# Blocks far down a long page are drawn only when scrolled near (content-visibility: auto); axe's
# colour checks misread such undrawn text (e.g. black on black). Draw everything first, as a
# learner scrolling down gets it.
DRAW_ALL = "() => document.documentElement.classList.add('hb-draw-all')"
DRAW_ALL_STYLE = ".hb-draw-all .md-typeset > * { content-visibility: visible !important; }"


def violations(page: Page, axe_source: str) -> list:
    page.add_style_tag(content=DRAW_ALL_STYLE)
    page.evaluate(DRAW_ALL)
    settle(page)
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(content=axe_source)
    return page.evaluate(RUN_AXE)


def all_pages(site: Path) -> list[str]:
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")
                   if p.parent.name != "404" and not p.relative_to(site).as_posix().startswith(("assets/", "search/")))
    return [("" if page == "." else page + "/") for page in pages]


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_every_page_has_no_violation(contexts, site_url: str, built_site: Path, axe_source: str,
                                     scheme: str, width: str):
    pages = all_pages(built_site)
    assert len(pages) > 30
    context = contexts(scheme, width)
    problems = {}
    page = None
    for url in pages:
        page = open_page(context, site_url + url, scheme, page)
        found = violations(page, axe_source)
        if found:
            problems[url] = found
    if page is not None:
        page.close()
    assert problems == {}, json.dumps(problems, ensure_ascii=False, indent=1)


# --- states a learner creates ---------------------------------------------------------------

def quiz_page(site: Path) -> str:
    """A module page with single, multiple and fill-in quizzes."""
    data = json.loads((site / "assets/progress-data.json").read_text(encoding="utf-8"))
    for entry in data["pages"]:
        html = (site / entry["url"] / "index.html").read_text(encoding="utf-8")
        if entry["kind"] == "module" and all(marker in html for marker in (
                'type="radio"', 'type="checkbox" name="answer"', "quiz-blank-input")):
            return entry["url"]
    pytest.fail("no module page has single, multiple and fill-in-the-blank quizzes")


def answer_right_and_wrong(page: Page) -> None:
    """One quiz of each kind answered right, another answered wrong, as a learner clicks and types."""
    single = page.locator(".quiz:has(input[type=radio])")
    single.nth(0).locator("input[data-correct]").first.check()
    single.nth(1).locator("input:not([data-correct])").first.check()
    multiple = page.locator(".quiz:has(input[type=checkbox][name=answer])")
    right = multiple.nth(0).locator("input[data-correct]")
    for i in range(right.count()):
        right.nth(i).check()
    multiple.nth(0).get_by_role("button", name="提交").click()
    multiple.nth(1).locator("input:not([data-correct])").first.check()
    multiple.nth(1).get_by_role("button", name="提交").click()
    blanks = page.locator(".quiz.quiz-fill-blank")
    for index, correct in ((0, True), (blanks.count() - 1, False)):
        field = blanks.nth(index).locator("input.quiz-blank-input").first
        field.fill((field.get_attribute("data-answer") or "") if correct else "不知道")
        blanks.nth(index).get_by_role("button", name="提交").click()
    expect(page.locator(".quiz-feedback-item.correct").first).to_be_visible()
    expect(page.locator(".quiz-feedback-item.incorrect").first).to_be_visible()


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_answered_quizzes_and_the_progress_page_with_answers(contexts, site_url: str, built_site: Path,
                                                              axe_source: str, scheme: str, width: str):
    context = contexts(scheme, width)
    url = quiz_page(built_site)
    page = open_page(context, site_url + url, scheme)
    answer_right_and_wrong(page)
    assert violations(page, axe_source) == [], json.dumps(violations(page, axe_source), ensure_ascii=False, indent=1)

    page.goto(site_url + "progress/", wait_until="load")
    page.wait_for_selector("html[data-hb-progress=ready]")
    expect(page.locator('#hb-summary [data-field="answered"]')).not_to_have_text("0")  # the answers are there
    page.get_by_label("学员姓名").fill("李明")
    found = violations(page, axe_source)
    page.close()
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_search_open_with_results(contexts, site_url: str, axe_source: str, scheme: str, width: str):
    page = open_page(contexts(scheme, width), site_url + "curriculum/", scheme)
    search(page, "诉讼时效")
    expect(page.locator("li.md-search-result__item").first).to_be_visible()
    found = violations(page, axe_source)
    page.close()
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_navigation_drawer_open_on_a_phone(contexts, site_url: str, axe_source: str, scheme: str):
    page = open_page(contexts(scheme, "phone"), site_url + "curriculum/m1-legal-compliance/", scheme)
    page.locator("header label[for=__drawer]").click()  # the menu button
    drawer = page.locator(".md-sidebar--primary")
    expect(drawer.get_by_role("link", name="模块二 催收沟通与谈判")).to_be_in_viewport()
    found = violations(page, axe_source)
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)
    # one level down: the section's own title bar, and the page's table of contents
    drawer.locator("label.md-nav__link[for=__toc]").click()
    expect(drawer.get_by_role("link", name="学习目标")).to_be_in_viewport()
    found = violations(page, axe_source)
    page.close()
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)


def test_the_scheme_toggle_switches_to_dark_and_back(contexts, site_url: str):
    page = open_page(contexts("light", "desktop"), site_url, "light")
    page.locator("label[title=切换到深色模式]").click()  # the moon in the header
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.locator("label[title=切换到浅色模式]").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.close()
