"""Every built page in a real browser: no request leaves the local server, nothing overflows on a phone."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_support import MOBILE
from playwright.sync_api import expect


def site_pages(site: Path) -> list[str]:
    urls = []
    for html in sorted(site.rglob("index.html")):
        relative = html.relative_to(site).as_posix()
        if not relative.startswith(("assets/", "search/")):
            urls.append(relative[: -len("index.html")])
    return urls


def test_no_request_leaves_the_local_server_on_any_page(browse, site_url: str, built_site: Path):
    urls = site_pages(built_site)
    assert len(urls) >= 20
    page, recorder = browse()
    failed: list[str] = []
    page.on("response", lambda response: failed.append(f"{response.status} {response.url}") if response.status >= 400 else None)
    per_page = {}
    for url in urls:
        before = len(recorder.urls)
        page.goto(site_url + url, wait_until="networkidle")
        per_page[url] = len(recorder.urls) - before
    local = {urlsplit(u).netloc for u in recorder.urls if not u.startswith(("data:", "blob:"))}
    print(f"\nrequests: {len(recorder.urls)} on {len(urls)} pages (max {max(per_page.values())} on one page), "
          f"hosts: {sorted(local)}, other hosts: {len(recorder.foreign)}")
    assert local == {urlsplit(site_url).netloc}
    assert not recorder.foreign  # also checked by the fixture
    assert not failed, f"failed requests: {failed}"


def test_no_horizontal_overflow_on_a_phone(browse, site_url: str, built_site: Path):
    page, _recorder = browse(MOBILE)
    too_wide = {}
    for url in site_pages(built_site):
        page.goto(site_url + url, wait_until="load")
        if page.locator(".quiz").count():  # answered quizzes show feedback boxes: check those too
            page.locator(".quiz input[type=radio]").first.check()
        width = page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
        if width > MOBILE["width"]:
            too_wide[url] = width
    assert not too_wide, f"pages wider than {MOBILE['width']} px: {too_wide}"


def test_mobile_pages_of_each_kind_fit(browse, site_url: str):
    page, _recorder = browse(MOBILE)
    for url in ("curriculum/m1-legal-compliance/", "cases/c1-legal-cross-region/", "reference/laws/", "progress/"):
        page.goto(site_url + url, wait_until="networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"], url
        assert page.locator("table").count() > 0 or url == "progress/" or url.startswith("cases/"), url


def test_reduced_motion_is_respected(browse, site_url: str):
    script = """() => [
        getComputedStyle(document.documentElement).scrollBehavior,
        ...[...document.querySelectorAll('.md-nav__link, .md-header, .md-search__input, .quiz form button, .md-top')]
            .map(el => getComputedStyle(el).transitionDuration)]"""
    reduced, _recorder = browse(reduced_motion="reduce")
    reduced.goto(site_url + "curriculum/m1-legal-compliance/")
    scroll, *durations = reduced.evaluate(script)
    assert scroll == "auto"
    assert durations and all(set(d.replace(" ", "").split(",")) == {"0s"} for d in durations), set(durations)

    normal, _recorder = browse(reduced_motion="no-preference")  # the theme's transitions are on otherwise
    normal.goto(site_url + "curriculum/m1-legal-compliance/")
    _scroll, *durations = normal.evaluate(script)
    assert any(set(d.replace(" ", "").split(",")) != {"0s"} for d in durations)


def test_titles_name_the_page_once(page, site_url: str):
    page.goto(site_url)
    assert page.title() == "收债人职业素养培训手册"
    page.goto(site_url + "curriculum/m1-legal-compliance/")
    title = page.title()
    assert title.endswith(" - 收债人职业素养培训手册") and title.count("收债人职业素养培训手册") == 1, title
    assert len(title) > len(" - 收债人职业素养培训手册"), title


@pytest.mark.parametrize("url", ["", "curriculum/m1-legal-compliance/", "progress/"])
def test_meta_description_in_the_browser(page, site_url: str, url: str):
    page.goto(site_url + url)
    description = page.locator('meta[name="description"]')
    expect(description).to_have_count(1)
    assert len(description.get_attribute("content")) >= 10


def test_glossary_term_shows_its_definition_on_hover_focus_and_tap(browse, site_url: str):
    page, _recorder = browse()
    page.goto(site_url + "curriculum/m1-legal-compliance/")
    term = page.locator("abbr.hb-term").first
    definition = term.get_attribute("title")
    assert definition
    tooltip = page.get_by_role("tooltip")
    term.hover()
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(definition)
    expect(term).to_have_attribute("aria-describedby", "hb-tooltip")
    page.mouse.move(5, 500)
    expect(tooltip).to_be_hidden()
    expect(term).to_have_attribute("title", definition)  # given back when the tooltip closes
    term.focus()
    expect(tooltip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()

    phone, _recorder = browse(MOBILE)
    phone.goto(site_url + "curriculum/m1-legal-compliance/")
    term = phone.locator("abbr.hb-term").first
    term.tap()
    tooltip = phone.get_by_role("tooltip")
    expect(tooltip).to_have_text(definition)
    box = tooltip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= MOBILE["width"]  # fits the phone screen
    phone.locator("h1").tap()
    expect(tooltip).to_be_hidden()


PALETTE = """() => ({
  scheme: document.body.getAttribute('data-md-color-scheme'),
  media: document.body.getAttribute('data-md-color-media'),
  shown: [...document.querySelectorAll('.md-header__option label')].filter(l => !l.hidden).map(l => l.title),
  theme: document.querySelector('meta[name=theme-color]')?.content,
  colorScheme: document.querySelector('meta[name=color-scheme]')?.content,
})"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_colour_scheme_follows_the_system_then_the_learners_choice(browse, site_url: str, scheme: str):
    """The toggle is the handbook's own script (palette.js), not Material's component: same behaviour."""
    page, _recorder = browse(color_scheme=scheme)
    other = "dark" if scheme == "light" else "light"
    names = {"light": ("default", "切换到深色模式"), "dark": ("slate", "切换到浅色模式")}
    page.goto(site_url + "curriculum/")  # first visit: the system's scheme, its toggle shown, stored
    state = page.evaluate(PALETTE)
    assert (state["scheme"], state["shown"]) == (names[scheme][0], [names[scheme][1]])
    assert state["theme"] == "#4051b5" and state["colorScheme"] == scheme
    page.locator(".md-header__option label:not([hidden])").click()  # the learner switches
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", names[other][0])
    page.goto(site_url + "reference/")  # the choice is kept on the next page
    state = page.evaluate(PALETTE)
    assert (state["scheme"], state["shown"], state["colorScheme"]) == (names[other][0], [names[other][1]], other)
    assert state["media"] == f"(prefers-color-scheme: {other})"
    page.focus("#__palette_0")  # Enter on the toggle switches too
    page.keyboard.press("Enter")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", names[scheme][0])
    expect(page.locator("body")).not_to_have_attribute("data-md-color-switching", "")


def test_every_table_is_wrapped_for_scrolling_exactly_once(browse, site_url: str):
    """The build wraps the tables as Material's bundle would (outputs/tables.py); tables.js keeps the
    bundle from wrapping them again: one wrapper per table, as when Material did it."""
    page, _recorder = browse(MOBILE)
    for url in ("curriculum/m3-data-case-management/", "reference/laws/", "program/forms/attendance/"):
        page.goto(site_url + url, wait_until="load")
        counts = page.evaluate("""() => ({
          tables: document.querySelectorAll('article table:not([class])').length,
          wrapped: document.querySelectorAll('article .md-typeset__scrollwrap > .md-typeset__table > table:not([class])').length,
          twice: document.querySelectorAll('.md-typeset__table .md-typeset__scrollwrap > .md-typeset__table > table').length,
        })""")
        assert counts["tables"] > 0 and counts["wrapped"] == counts["tables"] and counts["twice"] == 0, (url, counts)
