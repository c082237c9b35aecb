"""Helpers shared by the browser tests (plain module; fixtures live in conftest.py)."""

from __future__ import annotations

from playwright.sync_api import Page, ViewportSize, expect

DESKTOP: ViewportSize = {"width": 1280, "height": 900}
MOBILE: ViewportSize = {"width": 412, "height": 915}

RESULTS_READY = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  return meta && /\\d+\\s*个符合条件的结果|没有找到符合条件的结果|找到\\s*1\\s*个/.test(meta.textContent);
}"""


def search(page: Page, term: str) -> None:
    box = page.locator("input.md-search__input")
    # Open the search as the magnifier button does (on phones the field is hidden until then).
    page.evaluate("() => { const toggle = document.getElementById('__search'); if (!toggle.checked) toggle.click(); }")
    box.click()
    expect(box).to_be_focused()
    box.fill(term)
    box.press("End")  # Material's search listens to keyup
    page.wait_for_function(RESULTS_READY)
    settle(page)


def settle(page: Page) -> None:
    """Wait until running CSS transitions and animations end (the search panel fades in)."""
    page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))")
