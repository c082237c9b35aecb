"""Quizzes on a real module page: right and wrong answers of every kind, persistence, reset, bad storage."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

PREFIX = "quiz_progress_"


@pytest.fixture(scope="module")
def module_url(built_site: Path) -> str:
    """Site-relative URL of a module page that has single, multiple and fill-in quizzes."""
    data = json.loads((built_site / "assets/progress-data.json").read_text(encoding="utf-8"))
    for entry in data["pages"]:
        if entry["kind"] != "module":
            continue
        html = (built_site / entry["url"] / "index.html").read_text(encoding="utf-8")
        if all(marker in html for marker in ('type="radio"', 'type="checkbox" name="answer"', "quiz-blank-input")):
            return entry["url"]
    pytest.fail("no module page has single, multiple and fill-in-the-blank quizzes")


def quizzes(page: Page, kind: str) -> list[Locator]:
    selector = {"single": ".quiz:has(input[type=radio])",
                "multiple": ".quiz:has(input[type=checkbox][name=answer])",
                "fill": ".quiz.quiz-fill-blank"}[kind]
    found = page.locator(selector)
    return [found.nth(i) for i in range(found.count())]


def expect_answered(quiz: Locator, correct: bool) -> None:
    feedback = quiz.locator(".quiz-feedback")
    expect(feedback).to_be_visible()
    expect(feedback.locator(".quiz-feedback-item").first).to_have_class(re.compile("correct" if correct else "incorrect"))
    explanation = quiz.locator("section.content")
    expect(explanation).to_be_visible()
    expect(explanation).to_contain_text("解析")


def answer_single(quiz: Locator, correct: bool) -> None:
    option = quiz.locator("input[type=radio][data-correct]" if correct else "input[type=radio]:not([data-correct])").first
    option.check()
    expect_answered(quiz, correct)
    if not correct:
        expect(option.locator("xpath=..")).to_have_class(re.compile(r"\bwrong\b"))
        expect(quiz.locator(".answer-feedback").first).to_be_attached()


def answer_multiple(quiz: Locator, correct: bool) -> None:
    right = quiz.locator("input[type=checkbox][data-correct]")
    for i in range(right.count() if correct else 1):
        right.nth(i).check()
    if not correct:
        quiz.locator("input[type=checkbox]:not([data-correct])").first.check()
    quiz.locator("button[type=submit]").click()
    expect_answered(quiz, correct)


def answer_fill(quiz: Locator, correct: bool) -> None:
    blanks = quiz.locator("input.quiz-blank-input")
    for i in range(blanks.count()):
        blanks.nth(i).fill((blanks.nth(i).get_attribute("data-answer") or "") if correct else "不知道")
    quiz.locator("button[type=submit]").click()
    expect_answered(quiz, correct)
    if not correct:
        expect(quiz.locator(".quiz-feedback")).to_contain_text(blanks.first.get_attribute("data-answer") or "")
        expect(blanks.first).to_have_class(re.compile(r"\bwrong\b"))


ANSWER = {"single": answer_single, "multiple": answer_multiple, "fill": answer_fill}


def stored(page: Page) -> dict:
    raw = page.evaluate("key => localStorage.getItem(key)", PREFIX + page.evaluate("location.pathname"))
    return json.loads(raw) if raw else {}


def test_right_and_wrong_answers_of_every_kind_persist_after_reload(page: Page, site_url: str, module_url: str):
    page.goto(site_url + module_url)
    answered = {}
    for kind, answer in ANSWER.items():
        found = quizzes(page, kind)
        assert len(found) >= 2 or kind == "fill", f"need two {kind} quizzes on {module_url}"
        answer(found[0], correct=True)
        answer(found[-1], correct=False)
        answered[found[0].get_attribute("id")] = True
        answered[found[-1].get_attribute("id")] = False

    state = stored(page)
    assert {quiz_id: entry["correct"] for quiz_id, entry in state.items()} == answered
    expect(page.locator("#quiz-progress-sidebar .quiz-progress-answered")).to_have_text(str(len(answered)))

    page.reload()
    for quiz_id, correct in answered.items():
        expect_answered(page.locator(f"#{quiz_id}"), correct)
        expect(page.locator(f"#{quiz_id} input").first).to_be_disabled()
    assert stored(page) == state


def test_reset_clears_the_page(page: Page, site_url: str, module_url: str):
    page.goto(site_url + module_url)
    quiz, blank = quizzes(page, "single")[0], quizzes(page, "fill")[0]
    answer_single(quiz, correct=True)
    answer_fill(blank, correct=False)
    assert len(stored(page)) == 2

    page.once("dialog", lambda dialog: dialog.dismiss())  # cancelling keeps everything
    page.locator("#quiz-progress-sidebar .quiz-reset-all-link").click()
    assert len(stored(page)) == 2
    expect(blank.locator("input.quiz-blank-input").first).not_to_have_value("")

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#quiz-progress-sidebar .quiz-reset-all-link").click()
    for answered in (quiz, blank):
        expect(answered.locator(".quiz-feedback")).to_be_hidden()
        expect(answered.locator("section.content")).to_be_hidden()
        expect(answered.locator("input").first).to_be_enabled()
    expect(blank.locator("input.quiz-blank-input").first).to_have_value("")
    assert stored(page) == {}
    page.reload()
    expect(quizzes(page, "single")[0].locator("section.content")).to_be_hidden()
    answer_fill(quizzes(page, "fill")[0], correct=True)  # still usable after the reset


@pytest.mark.parametrize("value", [
    "{not json",
    "[1, 2, 3]",
    '{"quiz-0": {"answered": true, "correct": false, "selectedValues": 5}}',
    '{"quiz-0": "yes", "quiz-1": {"answered": "no"}}',
])
def test_corrupt_storage_does_not_break_the_page(page: Page, site_url: str, module_url: str, value: str):
    page.goto(site_url + module_url)
    key = PREFIX + page.evaluate("location.pathname")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, value])
    page.reload()  # the fixture fails the test on any JavaScript error
    single = quizzes(page, "single")
    answer_single(single[0], correct=True)
    answer_fill(quizzes(page, "fill")[0], correct=True)
    assert all(entry["correct"] for entry in stored(page).values())


def test_pages_without_quizzes_load_no_quiz_code(browse, site_url: str):
    page, recorder = browse()
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    assert not [url for url in recorder.urls if "/assets/quiz/" in url or "quiz-fixes" in url]
    assert page.evaluate("typeof window.mkdocsQuizConfig") == "undefined"
