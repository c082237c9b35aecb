"""Printing a page from the browser (Ctrl+P): print.css and print.js in Chromium."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page


@pytest.fixture(scope="module")
def quiz_page_url(built_site: Path) -> str:
    """A module page with quizzes and a collapsed <details> block (the tests below need both)."""
    pages = sorted(built_site.glob("curriculum/m*/index.html"))
    with_quiz = [p for p in pages if 'class="quiz' in p.read_text(encoding="utf-8")]
    with_details = [p for p in with_quiz if "<details" in p.read_text(encoding="utf-8")]
    assert with_details, "no module page with quizzes and a collapsible block (??? …)"
    return with_details[0].parent.relative_to(built_site).as_posix() + "/"


def test_print_hides_chrome_and_prints_quizzes_statically(page: Page, site_url: str, quiz_page_url: str, tmp_path):
    page.goto(site_url + quiz_page_url)
    page.wait_for_selector(".quiz")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                     ".quiz-button", ".md-content__button"):
        for element in page.locator(selector).all():
            assert not element.is_visible(), f"{selector} is printed"
    quiz = page.locator(".quiz:has(input[type=radio])").first
    assert quiz.locator("label").first.is_visible()
    assert not quiz.locator("input[type=radio]").first.is_visible()
    marker = page.evaluate("""() => getComputedStyle(
        document.querySelector('.quiz fieldset > div > label'), '::before').content""")
    assert marker.startswith('counter(') or "A" in marker
    assert page.evaluate("document.querySelectorAll('details:not([open])').length") == 0

    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = {line.strip() for line in text.splitlines()}
    assert "提交" not in lines and "测验进度" not in text
    assert re.search(r"第\s*1\s*题", text) and re.search(r"\bA\.\s", text)


def test_print_shows_the_address_of_external_links(page: Page, site_url: str):
    page.goto(site_url + "contributing/")   # the page with external links (the local preview address)
    page.emulate_media(media="print")
    external = page.evaluate("""() => {
        const link = document.querySelector('.md-content a[href^="http"]:not(.md-button)');
        return link ? getComputedStyle(link, '::after').content : null; }""")
    assert external is not None, "no external link in the editor guide's content"
    assert "attr(href)" in external or "http" in external


def test_afterprint_closes_the_details_it_opened(page: Page, site_url: str, quiz_page_url: str):
    page.goto(site_url + quiz_page_url)
    closed = page.evaluate("document.querySelectorAll('details:not([open])').length")
    assert closed > 0
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate("document.querySelectorAll('details:not([open])').length") == 0
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate("document.querySelectorAll('details:not([open])').length") == closed
