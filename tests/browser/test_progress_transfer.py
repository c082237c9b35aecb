"""Progress that is never lost: export every answer and final-assessment result, clear the
browser, import the file back; a corrupt or foreign file changes nothing. And the navigation
marks a module or case as completed once all its questions are answered."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import Page, expect
from test_assessment import answer_all, assessment_data, open_assessment
from test_progress import open_progress, progress_data, row


def answer_first_question(page: Page) -> None:
    page.locator(".quiz:has(input[type=radio])").first.locator("input[data-correct]").first.check()


def take_assessment(page: Page, site_url: str, built_site: Path) -> str:
    data = assessment_data(built_site)
    open_assessment(page, site_url)
    page.get_by_role("button", name="开始测验").click()
    answer_all(page, data, data["questions"])
    page.get_by_role("button", name="交卷").click()
    expect(page.locator("#hb-result-verdict")).to_have_text("通过")
    page.locator(".hb-cert-form").get_by_label("学员姓名").fill("李明")
    return page.locator("#hb-cert-code").inner_text()


def open_transfer(page: Page, site_url: str) -> None:
    open_progress(page, site_url)
    page.wait_for_selector("html[data-hb-transfer=ready]")


def test_export_clear_import_restores_everything(browse, site_url: str, built_site: Path, tmp_path: Path):
    data = progress_data(built_site)
    module = next(entry for entry in data["pages"] if entry["kind"] == "module")
    page, _recorder = browse(accept_downloads=True)
    page.goto(site_url + module["url"])
    answer_first_question(page)
    code = take_assessment(page, site_url, built_site)
    open_transfer(page, site_url)
    expect(page.get_by_label("学员姓名")).to_have_value("李明")
    expect(row(page, module["path"]).locator('[data-field="answered"]')).to_have_text("1")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="导出学习记录").click()
    download = download_info.value
    assert download.suggested_filename.startswith("学习记录-") and download.suggested_filename.endswith(".json")
    saved = tmp_path / "record.json"
    download.save_as(saved)
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert exported["format"] == "collector-handbook-progress"
    assert exported["quizzes"][module["path"]]["quiz-0"]["answered"] is True
    assert exported["name"] == "李明" and len(exported["assessment"]["attempts"]) == 1
    expect(page.get_by_role("status").filter(has_text="已导出")).to_contain_text("自测题 1 题，结业测验 1 次")

    # another browser: nothing there until the file is imported
    other, _recorder = browse()
    open_transfer(other, site_url)
    expect(row(other, module["path"]).locator('[data-field="answered"]')).to_have_text("0")
    other.once("dialog", lambda dialog: dialog.accept())
    other.get_by_label("导入学习记录文件").set_input_files(saved)
    expect(other.get_by_role("status").filter(has_text="导入完成")).to_contain_text("自测题 1 题，结业测验 1 次")
    expect(row(other, module["path"]).locator('[data-field="answered"]')).to_have_text("1")
    expect(other.locator("#hb-record-name")).to_have_text("李明")
    # the answer is back on its page, and the final assessment result with the same code
    other.goto(site_url + module["url"])
    expect(other.locator(".quiz:has(input[type=radio])").first.locator("input[data-correct]").first).to_be_checked()
    open_assessment(other, site_url)
    other.get_by_role("table", name="历次测验").get_by_role("button", name="查看成绩").click()
    expect(other.locator("#hb-cert-code")).to_have_text(code)


BROKEN_FILES = {
    "not-json.json": ("{这不是 JSON", "JSON 格式错误"),
    "foreign.json": (json.dumps({"format": "some-other-course", "version": 1}), "不是本手册导出的学习记录"),
    "unknown-page.json": (json.dumps({"format": "collector-handbook-progress", "version": 1, "name": "", "assessment": None,
                                      "quizzes": {"cases/c99-nothing.md": {}}}), "不属于本手册"),
    "bad-answer.json": (None, "自测题记录无效"),
    "newer.json": (json.dumps({"format": "collector-handbook-progress", "version": 9, "quizzes": {}}), "格式版本"),
}


def test_an_invalid_or_foreign_file_changes_nothing(page: Page, site_url: str, built_site: Path, tmp_path: Path):
    data = progress_data(built_site)
    module = next(entry for entry in data["pages"] if entry["kind"] == "module")
    page.goto(site_url + module["url"])
    answer_first_question(page)
    open_transfer(page, site_url)
    before = page.evaluate("() => JSON.stringify(Object.entries(localStorage).sort())")
    for name, (content, message) in BROKEN_FILES.items():
        text = content if content is not None else json.dumps({"format": "collector-handbook-progress", "version": 1, "name": "", "assessment": None,
                               "quizzes": {module["path"]: {"quiz-0": {"answered": "yes"}}}})
        broken = tmp_path / name
        broken.write_text(text, encoding="utf-8")
        page.get_by_label("导入学习记录文件").set_input_files(broken)
        status = page.locator("#hb-transfer-message")
        expect(status).to_contain_text(message)
        expect(status).to_contain_text("没有做任何更改")
        assert page.evaluate("() => JSON.stringify(Object.entries(localStorage).sort())") == before, name
    expect(row(page, module["path"]).locator('[data-field="answered"]')).to_have_text("1")


def test_navigation_marks_completed_modules_and_cases(page: Page, site_url: str, built_site: Path):
    data = progress_data(built_site)
    case = next(entry for entry in data["pages"] if entry["kind"] == "case")
    page.goto(site_url + case["url"])
    page.wait_for_selector("html[data-hb-nav-complete=ready]")
    nav_link = page.locator(".md-sidebar--primary a.md-nav__link", has_text=case["title"]).first
    expect(nav_link).to_be_visible()
    expect(nav_link.locator(".hb-nav-done")).to_have_count(0)
    # answer every question of the case like a learner: the mark appears with the last one
    quizzes = page.locator(".quiz")
    for index in range(quizzes.count()):
        quiz = quizzes.nth(index)
        if quiz.locator("input.quiz-blank-input").count():
            for blank in quiz.locator("input.quiz-blank-input").all():
                blank.fill("不知道")
            quiz.locator("button[type=submit]").click()
        elif quiz.locator("input[type=checkbox][name=answer]").count():
            quiz.locator("input[type=checkbox][name=answer]").first.check()
            quiz.locator("button[type=submit]").click()
        else:
            quiz.locator("input[type=radio]").first.check()
        if index < quizzes.count() - 1:
            expect(nav_link.locator(".hb-nav-done")).to_have_count(0)
    expect(nav_link).to_contain_text("✓")
    # for screen readers the mark says so in words; the tick itself is hidden from them
    assert nav_link.evaluate("a => a.querySelector('.hb-nav-done [aria-hidden=true]').textContent") == "✓"
    done = re.compile("^" + re.escape(case["title"]) + r"\s*（已完成）$")  # the ✓ is aria-hidden
    expect(page.locator(".md-sidebar--primary").get_by_role("link", name=done)).to_have_count(1)
    # still there on another page of the section
    page.goto(site_url + "cases/")
    page.wait_for_selector("html[data-hb-nav-complete=ready]")
    expect(page.get_by_role("link", name=done).first).to_be_attached()


def test_the_whole_handbook_fits_in_scorm_suspend_data(page: Page, site_url: str, built_site: Path):
    """Every self-check question answered (fill-in answers as long as the real ones), the name, an
    unsubmitted attempt and the best and the latest of many attempts: within SCORM 1.2's 4096
    characters, ASCII only, and decoded back to the same state."""
    data = progress_data(built_site)
    pool = assessment_data(built_site)
    fills = [answer for question in pool["pool"] if question["kind"] == "fill" for answer in question["shown"]]
    longest_fill = max(fills, key=lambda answer: len(answer.encode("utf-8")))
    open_transfer(page, site_url)
    result = page.evaluate("""([data, pool, fill]) => {
      const quizzes = {};
      data.pages.forEach(p => {
        quizzes[p.path] = {};
        p.quizIds.forEach((id, i) => {
          const values = p.kinds[i] === 'fill' ? [fill] : p.kinds[i] === 'multiple' ? ['0', '2', '3'] : ['1'];
          quizzes[p.path][id] = {answered: true, correct: i % 2 === 0, selectedValues: values};
        });
      });
      const answers = {};
      pool.pool.slice(0, pool.questions).forEach(q => { answers[q.id] = q.kind === 'fill' ? [fill] : ['0', '1']; });
      const attempt = (seed, score) => ({seed, date: '2026-11-29', answers, score, passed: score >= 80,
                                         fingerprint: pool.fingerprint, name: '欧阳明月'});
      const canonical = value => JSON.stringify(value, (key, v) => v && typeof v === 'object' && !Array.isArray(v) ?
        Object.fromEntries(Object.entries(v).sort()) : v);
      const snapshot = {format: HandbookState.FORMAT, version: HandbookState.VERSION, quizzes, name: '欧阳明月',
        assessment: {v: 1, current: {seed: '0000abcd', answers}, attempts: [attempt('1234abcd', 90), attempt('9876fedc', 60)]}};
      const text = HandbookState.encode(data, snapshot);
      const back = HandbookState.decode(data, text);
      return {length: text.length, ascii: /^[\\x20-\\x7e]*$/.test(text), same: canonical(back) === canonical(snapshot),
              selfCheckOnly: HandbookState.encode(data, {...snapshot, name: '', assessment: null}).length};
    }""", [data, pool, longest_fill])
    print(f"suspend_data for the whole handbook (longest fill-in answer {longest_fill!r}): {result}")
    assert result["ascii"] and result["same"], result
    assert result["length"] <= 4096, result
