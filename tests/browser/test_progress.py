"""我的学习进度: answers given on module pages show up; reset; the printable training record."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Page, expect


def progress_data(site: Path) -> dict:
    return json.loads((site / "assets/progress-data.json").read_text(encoding="utf-8"))


def open_progress(page: Page, site_url: str) -> None:
    page.goto(site_url + "progress/")
    page.wait_for_selector("html[data-hb-progress=ready]")


def row(page: Page, path: str):
    return page.locator(f'tr[data-page="{path}"]')


def test_answers_on_module_pages_show_on_the_progress_page(page: Page, site_url: str, built_site: Path):
    data = progress_data(built_site)
    modules = [entry for entry in data["pages"] if entry["kind"] == "module"]
    first, second = modules[0], modules[1]

    page.goto(site_url + first["url"])
    radios = page.locator(".quiz:has(input[type=radio])")
    radios.nth(0).locator("input[data-correct]").first.check()
    radios.nth(1).locator("input:not([data-correct])").first.check()
    page.goto(site_url + second["url"])
    page.locator(".quiz:has(input[type=radio])").first.locator("input[data-correct]").first.check()

    open_progress(page, site_url)
    expect(row(page, first["path"]).locator('[data-field="answered"]')).to_have_text("2")
    expect(row(page, first["path"]).locator('[data-field="correct"]')).to_have_text("1")
    expect(row(page, first["path"]).locator('[data-field="accuracy"]')).to_have_text("50%")
    expect(row(page, first["path"]).locator('[data-field="status"]')).to_have_text("进行中")
    expect(row(page, second["path"]).locator('[data-field="answered"]')).to_have_text("1")
    total = data["totalQuestions"]
    expect(page.locator('#hb-summary [data-field="answered"]')).to_have_text("3")
    expect(page.locator('#hb-summary [data-field="total"]')).to_have_text(str(total))
    expect(page.locator('#hb-summary [data-field="overall"]')).to_have_text(f"{round(3 / total * 100)}%")
    # every module and case is listed, each unfinished one linked to its quiz section
    for entry in data["pages"]:
        expect(row(page, entry["path"]).locator('[data-field="questions"]')).to_have_text(str(entry["questions"]))
    links = page.locator(".hb-unfinished a")
    expect(links).to_have_count(len(data["pages"]))
    links.first.click()
    page.wait_for_load_state("domcontentloaded")
    assert page.url.startswith(site_url + first["url"]) and page.url.endswith("#%E8%87%AA%E6%B5%8B%E9%A2%98")


def test_completed_page_and_reset(page: Page, site_url: str, built_site: Path):
    case = next(entry for entry in progress_data(built_site)["pages"] if entry["kind"] == "case")
    page.goto(site_url + case["url"])
    answers = {quiz_id: {"answered": True, "correct": True, "selectedValues": ["0"]} for quiz_id in case["quizIds"]}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  ["quiz_progress_" + page.evaluate("location.pathname"), json.dumps(answers)])
    open_progress(page, site_url)
    expect(row(page, case["path"]).locator('[data-field="status"]')).to_have_text("已完成")
    expect(row(page, case["path"])).to_have_class("hb-done")

    page.once("dialog", lambda dialog: dialog.dismiss())
    page.locator("#hb-reset").click()
    expect(row(page, case["path"]).locator('[data-field="answered"]')).to_have_text(str(case["questions"]))
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#hb-reset").click()
    expect(row(page, case["path"]).locator('[data-field="answered"]')).to_have_text("0")
    expect(page.locator('#hb-summary [data-field="answered"]')).to_have_text("0")
    page.goto(site_url + case["url"])
    expect(page.locator(".quiz .quiz-feedback").first).to_be_hidden()


def test_corrupt_storage_counts_as_unanswered(page: Page, site_url: str, built_site: Path):
    entry = progress_data(built_site)["pages"][0]
    page.goto(site_url + entry["url"])
    page.evaluate("key => localStorage.setItem(key, '{broken')", "quiz_progress_" + page.evaluate("location.pathname"))
    open_progress(page, site_url)
    expect(row(page, entry["path"]).locator('[data-field="answered"]')).to_have_text("0")


def test_training_record_shows_name_date_results_and_signature_lines(page: Page, site_url: str, built_site: Path):
    data = progress_data(built_site)
    open_progress(page, site_url)
    page.get_by_label("学员姓名").fill("李明")
    record = page.locator("#hb-record")
    expect(record.locator("#hb-record-name")).to_have_text("李明")
    expect(record.locator("#hb-record-date-out")).to_have_text(page.get_by_label("记录日期").input_value())
    expect(record).to_contain_text("培训记录")
    expect(record.locator("tbody tr")).to_have_count(len(data["pages"]))
    for entry in data["pages"]:
        expect(record).to_contain_text(entry["title"])
    expect(record).to_contain_text("学员签名")
    expect(record).to_contain_text("培训师签名")

    page.reload()  # the name is remembered in this browser
    page.wait_for_selector("html[data-hb-progress=ready]")
    expect(page.locator("#hb-record-name")).to_have_text("李明")

    # Printing prints the record only.
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('#hb-record')).visibility") == "visible"
    for hidden in ("#hb-progress", ".md-header", "#hb-record-form"):
        assert page.evaluate(f"getComputedStyle(document.querySelector('{hidden}')).visibility") == "hidden", hidden
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
