"""Browser fixtures: the built site served on 127.0.0.1, Debian's Chromium via Playwright.

Every page a test opens records all its requests; any request to a host other
than the local server is blocked and fails the test at teardown.
Never run `playwright install`: the browser is /usr/bin/chromium (system-packages.txt).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from browser_support import DESKTOP, Recorder, open_context
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """Base URL (with trailing slash) of the built site on a threaded local server."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "Debian chromium missing: make test installs system-packages.txt"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browse(browser: Browser, site_url: str):
    """Factory: ``browse(viewport=DESKTOP, **context_options) -> (page, recorder)``.

    Each call opens a fresh context (empty localStorage). At teardown the test
    fails if any page requested another host or raised a JavaScript error.
    """
    opened: list[tuple[BrowserContext, Recorder]] = []

    def open_page(viewport: ViewportSize = DESKTOP, **options: Any) -> tuple[Page, Recorder]:
        context, recorder = open_context(browser, site_url, viewport, **options)
        opened.append((context, recorder))
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page, recorder

    yield open_page
    for context, _recorder in opened:
        context.close()
    for _context, recorder in opened:
        assert not recorder.foreign, f"requests to other hosts: {recorder.foreign}"
        assert not recorder.errors, f"JavaScript errors: {recorder.errors}"


@pytest.fixture
def page(browse) -> Page:
    """A fresh desktop page; fails the test on foreign requests or JavaScript errors."""
    return browse()[0]
