"""Helpers shared by the browser tests (plain module; fixtures live in conftest.py)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect

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


class Recorder:
    """All requests of one browser context; foreign ones are aborted."""

    def __init__(self, origin: str):
        self.origin = origin
        self.urls: list[str] = []
        self.foreign: list[str] = []
        self.errors: list[str] = []

    def route(self, route):
        url = route.request.url
        self.urls.append(url)
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob") or f"{parts.scheme}://{parts.netloc}" == self.origin:
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()


def open_context(browser: Browser, site_url: str, viewport: ViewportSize, **options: Any) -> tuple[BrowserContext, Recorder]:
    parts = urlsplit(site_url)
    recorder = Recorder(f"{parts.scheme}://{parts.netloc}")
    mobile = viewport["width"] < 600
    context = browser.new_context(viewport=viewport, locale="zh-CN", is_mobile=mobile, has_touch=mobile,
                                  service_workers="block", **options)
    context.route("**/*", recorder.route)
    context.on("weberror", lambda error: recorder.errors.append(str(error.error)))
    return context, recorder
