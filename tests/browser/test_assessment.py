"""结业测验: a learner takes the final assessment (pass and fail), reads the per-module and
per-objective scores, prints the result; a trainer re-scores it with 核对成绩单; every
attempt covers every module and objective and is reproduced from its seed."""

from __future__ import annotations

import hashlib
import html as html_lib
import json
import re
from pathlib import Path

from playwright.sync_api import FrameLocator, Page, expect

BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def assessment_data(site: Path) -> dict:
    html = (site / "assessment/index.html").read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="hb-assessment-data">(.*?)</script>', html, re.DOTALL)
    assert match, "the build did not write the question pool into the page"
    return json.loads(match.group(1))


def open_assessment(page: Page, site_url: str) -> None:
    page.goto(site_url + "assessment/")
    page.wait_for_selector("html[data-hb-assessment=ready]")


def answer_all(page: Page | FrameLocator, data: dict, right: int, unanswered: int = 0) -> list[str]:
    """Answer the questions on screen like a learner: the first ``right`` correctly, the rest
    wrongly except the last ``unanswered``. Returns the question ids in the order shown."""
    pool = {question["id"]: question for question in data["pool"]}
    groups = page.locator("[data-question]")
    ids = [groups.nth(i).get_attribute("data-question") or "" for i in range(groups.count())]
    for number, question_id in enumerate(ids[:len(ids) - unanswered], start=1):
        question = pool[question_id]
        group = page.get_by_role("group", name=re.compile(f"^第 {number} 题"))
        correct = number <= right
        if question["kind"] == "fill":
            for blank, answer in enumerate(question["answers"]):
                box = group.get_by_label(f"第 {number} 题 第 {blank + 1} 空")
                box.fill(answer if correct else "不知道")
        else:
            wanted = question["correct"] if correct else \
                [next(i for i in range(len(question["options"])) if i not in question["correct"])]
            for index in wanted:
                text = html_lib.unescape(re.sub(r"<[^>]+>", "", question["options"][index]["html"]))
                group.get_by_role("checkbox" if question["kind"] == "multiple" else "radio", name=re.compile(r"^[A-Z]\. " + re.escape(text).replace("/", "\\/") + "$")).check()
    return ids


def status(page: Page):
    return page.get_by_role("status").filter(has_text="已答")


def expected_code(edition: str, fingerprint: str, seed: str, name: str, date: str, record: str) -> str:
    digest = hashlib.sha256("\n".join(["HB1", edition, fingerprint, seed, name, date, record]).encode("utf-8")).digest()
    bits = "".join(f"{byte:08b}" for byte in digest[:5])
    code = "".join(BASE32[int(bits[i:i + 5], 2)] for i in range(0, 40, 5))
    return f"{code[:4]}-{code[4:]}"


def check_result(page: Page, site_url: str, data: dict, ids: list[str], right: int, percent: int) -> None:
    """The result of a passed attempt whose last questions were answered wrongly."""
    expect(page.get_by_role("heading", name="测验结果")).to_be_focused()
    expect(page.locator("#hb-result-summary")).to_contain_text(f"得分 {percent}%")
    expect(page.locator("#hb-result-verdict")).to_have_text("通过")
    # per module: every module listed and linked to its page; the two wrong answers show up
    module_table = page.get_by_role("table", name="各模块得分")
    for module in data["modules"]:
        expect(module_table.get_by_role("link", name=module["title"])).to_have_attribute(
            "href", site_url + module["url"])
    objective_table = page.get_by_role("table", name="各学习目标得分")
    expect(objective_table.locator("tbody tr")).to_have_count(len(data["objectives"]))
    pool = {question["id"]: question for question in data["pool"]}
    missed = {objective for question_id in ids[right:] for objective in pool[question_id]["objectives"]}
    for objective in missed:
        expect(objective_table.locator(f'tr[data-objective="{objective}"] [data-field=status]')).to_have_text("✗ 需复习")
    first_missed = sorted(missed)[0]
    objective_link = objective_table.get_by_role("link", name=first_missed, exact=True)
    expect(objective_link).to_have_attribute("href", re.compile(f"#{first_missed.lower()}$"))
    # the explanations now, with a link back to the section of each question
    page.get_by_text("逐题解析").click()
    wrong = page.locator(f'.hb-review-item[data-question="{ids[-1]}"]')
    expect(wrong).to_contain_text(f"第 {len(ids)} 题：答错")
    expect(wrong.get_by_role("link", name=re.compile("^复习："))).to_have_attribute(
        "href", re.compile(re.escape(site_url + pool[ids[-1]]["source"]["url"]) + "#"))


def test_a_learner_passes_and_prints_the_result(page: Page, site_url: str, built_site: Path):
    data = assessment_data(built_site)
    open_assessment(page, site_url)
    expect(page.locator("#hb-pass-mark")).to_have_text("80%")
    page.get_by_role("button", name="开始测验").click()
    questions = page.locator("[data-question]")
    expect(questions).to_have_count(data["questions"])
    expect(status(page)).to_contain_text(f"已答 0 / {data['questions']} 题")
    # no feedback while answering: nothing says right or wrong, no explanation is shown
    right = data["questions"] - 2
    ids = answer_all(page, data, right)
    expect(status(page)).to_contain_text(f"已答 {data['questions']} / {data['questions']} 题")
    for word in ("答对", "答错", "解析", "得分", "✓", "✗"):
        expect(page.locator("#hb-exam")).not_to_contain_text(word)

    page.get_by_role("button", name="交卷").click()
    percent = round(right / data["questions"] * 100)
    check_result(page, site_url, data, ids, right, percent)

    page.locator(".hb-cert-form").get_by_label("学员姓名").fill("李明")
    sheet = page.locator("#hb-certificate")
    expect(sheet.locator("#hb-cert-name")).to_have_text("李明")
    expect(sheet.locator("#hb-cert-edition")).to_have_text(data["edition"])
    expect(sheet.locator("#hb-cert-verdict")).to_contain_text("通过")
    expect(sheet.locator("tbody tr")).to_have_count(len(data["modules"]))
    expect(sheet).to_contain_text("学员签名")
    expect(sheet).to_contain_text("培训师签名")
    seed = sheet.locator("#hb-cert-seed").inner_text()
    record = sheet.locator("#hb-cert-record").inner_text()
    date = sheet.locator("#hb-cert-date").inner_text()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", date)
    assert len(record.split()) == data["questions"]
    # the code on the sheet is the documented SHA-256 of the attempt, computed here independently
    expect(sheet.locator("#hb-cert-code")).to_have_text(
        expected_code(data["edition"], data["fingerprint"], seed, "李明", date, record))

    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('#hb-certificate')).visibility") == "visible"
    for hidden in ("#hb-result-summary", ".md-header", "#hb-module-scores"):
        assert page.evaluate(f"getComputedStyle(document.querySelector('{hidden}')).visibility") == "hidden", hidden
    assert page.pdf(format="A4").startswith(b"%PDF")
    page.emulate_media(media="screen")

    # the attempt is kept: after a reload it is in the history, with its score
    page.reload()
    page.wait_for_selector("html[data-hb-assessment=ready]")
    history = page.get_by_role("table", name="历次测验")
    expect(history.locator("tbody tr")).to_have_count(1)
    expect(history).to_contain_text(f"{percent}%")
    history.get_by_role("button", name="查看成绩").click()
    expect(page.locator("#hb-cert-code")).to_have_text(
        expected_code(data["edition"], data["fingerprint"], seed, "李明", date, record))


def test_a_learner_fails_and_a_trainer_checks_the_printed_result(page: Page, site_url: str, built_site: Path):
    data = assessment_data(built_site)
    open_assessment(page, site_url)
    page.get_by_role("button", name="开始测验").click()
    right = data["questions"] // 2
    answer_all(page, data, right, unanswered=1)  # handing in with a question unanswered asks first
    messages: list[str] = []

    def dismiss_first(dialog):
        messages.append(dialog.message)
        dialog.dismiss() if len(messages) == 1 else dialog.accept()

    page.on("dialog", dismiss_first)
    page.get_by_role("button", name="交卷").click()
    expect(page.locator("#hb-exam")).to_be_visible()  # dismissed: still answering
    page.get_by_role("button", name="交卷").click()
    assert messages and "还有 1 题未答" in messages[0]
    percent = round(right / data["questions"] * 100)
    expect(page.locator("#hb-result-verdict")).to_have_text("未通过")
    expect(page.locator("#hb-result-summary")).to_contain_text(f"得分 {percent}%")
    assert percent < data["passMark"]

    page.locator(".hb-cert-form").get_by_label("学员姓名").fill("王芳")
    sheet = page.locator("#hb-certificate")
    printed = {field: sheet.locator(f"#hb-cert-{field}").inner_text()
               for field in ("seed", "fingerprint", "edition", "date", "record", "code")}
    assert printed["record"].endswith(f"{data['questions']}.—")

    verify = page.get_by_role("form", name="核对成绩单")

    def check(**changes: str) -> None:
        values = {**printed, "name": "王芳", **changes}
        for field, label in (("seed", "抽题种子"), ("fingerprint", "题库指纹"), ("edition", "手册版本"), ("name", "学员姓名"),
                             ("date", "测验日期"), ("record", "作答记录"), ("code", "校验码")):
            verify.get_by_label(label).fill(values[field])
        verify.get_by_role("button", name="核对").click()

    check()
    expect(page.locator("#hb-verify-score")).to_have_text(f"{percent}%")
    expect(page.locator("#hb-verify-verdict")).to_contain_text("校验码一致")
    # a result whose answers were changed by hand is re-scored, and its code no longer matches
    first = printed["record"].split()[0]
    changed = printed["record"].replace(first, "1.—", 1)
    check(record=changed)
    expect(page.locator("#hb-verify-verdict")).to_contain_text("校验码不一致")
    check(name="王芳芳")
    expect(page.locator("#hb-verify-verdict")).to_contain_text("校验码不一致")
    check(edition="2020.01")
    expect(page.locator("#hb-verify-result")).to_contain_text("无法用本网站核对")
    check(record="1.A 2.B")
    expect(page.locator("#hb-verify-result")).to_contain_text("作答记录的格式不对")


def test_unsubmitted_answers_survive_a_reload(page: Page, site_url: str, built_site: Path):
    open_assessment(page, site_url)
    page.get_by_role("button", name="开始测验").click()
    seed = page.locator("#hb-exam-seed").inner_text()
    first = page.get_by_role("group", name=re.compile("^第 1 题"))
    choice = first.locator("input[type=radio], input[type=checkbox]")
    if choice.count():
        choice.first.check()
    else:
        first.locator("input[type=text]").first.fill("三年")
    page.reload()
    page.wait_for_selector("html[data-hb-assessment=ready]")
    page.get_by_role("button", name=re.compile(r"继续未交卷的测验（已答 1 \/ ")).click()
    expect(page.locator("#hb-exam-seed")).to_have_text(seed)
    expect(status(page)).to_contain_text("已答 1 / ")


def test_every_attempt_covers_every_module_and_objective_and_its_seed_reproduces_it(page: Page, site_url: str,
                                                                                    built_site: Path):
    data = assessment_data(built_site)
    open_assessment(page, site_url)
    draws = page.evaluate("""() => {
      const data = JSON.parse(document.getElementById('hb-assessment-data').textContent);
      const seeds = Array.from({length: 200}, (_, i) => (i * 2654435761 >>> 0).toString(16).padStart(8, '0'));
      return seeds.map(seed => [seed, HandbookAssessment.draw(data, seed).map(q => q.id),
                                HandbookAssessment.draw(data, seed).map(q => q.id)]);
    }""")
    pool = {question["id"]: question for question in data["pool"]}
    modules = {module["id"] for module in data["modules"]}
    objectives = {objective["id"] for objective in data["objectives"]}
    distinct = set()
    for seed, ids, again in draws:
        assert ids == again, seed
        assert len(ids) == len(set(ids)) == data["questions"], seed
        assert {m for i in ids for m in pool[i]["modules"]} == modules, seed
        assert {o for i in ids for o in pool[i]["objectives"]} == objectives, seed
        distinct.add(tuple(ids))
    assert len(distinct) > 150  # fresh sets, not one fixed paper


def test_sha256_in_the_page_matches_python(page: Page, site_url: str):
    open_assessment(page, site_url)
    samples = ["", "abc", "结业测验" * 40, "x" * 55, "y" * 56, "z" * 64]
    hexes = page.evaluate("(samples) => samples.map(s => HandbookAssessment.sha256(s)"
                          ".map(b => b.toString(16).padStart(2, '0')).join(''))", samples)
    assert hexes == [hashlib.sha256(sample.encode("utf-8")).hexdigest() for sample in samples]


def test_axe_finds_no_violation_while_answering_and_on_the_result(browse, site_url: str, built_site: Path):
    from browser_support import MOBILE, settle
    from test_axe import AXE, RUN_AXE
    data = assessment_data(built_site)
    for viewport in (None, MOBILE):
        page, _recorder = browse(viewport) if viewport else browse()
        open_assessment(page, site_url)
        page.get_by_role("button", name="开始测验").click()
        page.add_script_tag(path=str(AXE))
        assert page.evaluate(RUN_AXE) == [], "while answering"
        answer_all(page, data, 3)
        page.once("dialog", lambda dialog: dialog.accept())
        page.get_by_role("button", name="交卷").click()
        page.get_by_text("逐题解析").click()
        page.locator("#hb-verify-submit").click()  # an empty form: the error message is shown too
        settle(page)  # the focused button's colour transition
        violations = page.evaluate(RUN_AXE)
        assert violations == [], json.dumps(violations, ensure_ascii=False)
