"""Canonical procedures: the data file's rules, the generators that show it, and the
rule that catches hand-written restatements. Each defect: exact rule id and line."""

from __future__ import annotations

import re

import pytest
from sample_content import MODULE, REGISTRY, TODAY, findings_of, line_of

from handbook.content.model import Handbook
from handbook.content.procedures import PROCEDURES_PATH
from handbook.generators import GENERATORS, expand, expand_inline
from handbook.pipeline import analyse

P = "curriculum/m1.md"

PROCEDURES = """\
procedures:
  - id: call-opening
    name: 电话开场
    aliases: [合规开场]
    retired: [四步开场]
    kind: ordered
    summary: 每一通外呼的开头，先核实身份再谈账户。
    steps:
      - name: 问候找人
        text: 只报本人姓名，问对方是不是债务人本人。
      - name: 身份核实
        text: 请对方自己说出一项核实信息。
      - name: 自我介绍
        text: 核实通过后说明姓名和机构。
        level: 本机构制度示例
      - name: 录音告知
        text: 谈账户之前告知全程录音。
    level: 法律
    basis: 向他人提供个人信息需要合法基础，见《刑法》第二百九十三条之一。
    owner: 合规培训组
    reviewed: 2026-11-01
    see: curriculum/m1.md#培训内容
  - id: promise-to-pay
    name: 还款承诺
    kind: checklist
    summary: 一个可以跟进的还款承诺必须包含的要素。
    steps:
      - name: 金额
        text: 具体金额。
      - name: 日期
        text: 具体日期。
      - name: 渠道
        text: 官方还款渠道。
    level: 本机构制度示例
    basis: 机构示例制度。
    owner: 合规培训组
    reviewed: 2026-11-01
"""

GLOSSARY = """\
terms:
  - term: 电话开场
    definition: 每通外呼开头的合规步骤。
    procedure: call-opening
"""


def run_with(pages: dict[str, str], procedures: str = PROCEDURES, glossary: str | None = None) -> Handbook:
    data = {"reference/laws.yml": REGISTRY, PROCEDURES_PATH: procedures}
    if glossary is not None:
        data["reference/glossary.yml"] = glossary
    return analyse(pages, data, {"reference/procedures.md"}, today=TODAY)


def page_with(text: str) -> str:
    """The sample module with ``text`` added to its 培训内容 section."""
    return MODULE.replace("## 实际应用", f"{text}\n\n## 实际应用", 1)


def test_valid_procedures_load_without_findings():
    handbook = run_with({P: MODULE})
    assert handbook.findings == []
    assert [p.id for p in handbook.procedures] == ["call-opening", "promise-to-pay"]
    chains = {procedure.id: procedure.chain for procedure in handbook.procedures}
    assert chains == {"call-opening": "问候找人 → 身份核实 → 自我介绍 → 录音告知", "promise-to-pay": "金额、日期、渠道"}


# --- the data file ---------------------------------------------------------------------

DATA_DEFECTS = [
    ("procedures.yaml", PROCEDURES.replace("name: 电话开场", "name: [电话开场"), "name: [电话开场"),
    ("procedures.missing-field", PROCEDURES.replace("    kind: checklist\n", ""), "  - id: promise-to-pay"),
    ("procedures.unknown-field", PROCEDURES.replace("    kind: ordered\n", "    kind: ordered\n    steps_count: 4\n"),
     "steps_count: 4"),
    ("procedures.invalid-value", PROCEDURES.replace("kind: ordered", "kind: sequence"), "kind: sequence"),
    ("procedures.invalid-value", PROCEDURES.replace("    level: 法律\n", "    level: 法规\n"), "level: 法规"),
    ("procedures.duplicate-key", PROCEDURES.replace("    kind: ordered\n", "    kind: ordered\n    kind: checklist\n"),
     "kind: checklist\n    summary: 每一通"),
    ("procedures.duplicate", PROCEDURES.replace("  - id: promise-to-pay", "  - id: call-opening"),
     "  - id: call-opening\n    name: 还款承诺"),
    ("procedures.duplicate", PROCEDURES.replace("    name: 还款承诺\n", "    name: 合规开场\n"),
     "  - id: promise-to-pay"),
    ("procedures.duplicate", PROCEDURES.replace("      - name: 日期", "      - name: 金额"), "      - name: 金额\n        text: 具体日期"),
    ("procedures.future-date", PROCEDURES.replace("    reviewed: 2026-11-01\n    see:", "    reviewed: 2027-01-01\n    see:"),
     "reviewed: 2027-01-01"),
    ("procedures.missing-page", PROCEDURES.replace("see: curriculum/m1.md#培训内容", "see: curriculum/m9.md"),
     "see: curriculum/m9.md"),
    ("law.unregistered-article", PROCEDURES.replace("第二百九十三条之一", "第二百九十四条"), "第二百九十四条"),
]


@pytest.mark.parametrize(("rule", "data", "fragment"), DATA_DEFECTS, ids=[f"{d[0]}-{i}" for i, d in enumerate(DATA_DEFECTS)])
def test_data_defect_is_reported_at_its_line(rule, data, fragment):
    found = findings_of(run_with({P: MODULE}, procedures=data), rule)
    assert (PROCEDURES_PATH, line_of(data, fragment)) in found, found


def test_glossary_term_must_name_a_known_procedure():
    glossary = GLOSSARY.replace("procedure: call-opening", "procedure: opening")
    found = findings_of(run_with({P: MODULE}, glossary=glossary), "glossary.unknown-procedure")
    assert found == [("reference/glossary.yml", line_of(glossary, "procedure: opening"))]


def test_glossary_definition_gets_the_steps_from_the_data():
    handbook = run_with({P: MODULE, "reference/glossary.md": MODULE.replace("id: M1", "id: M9").replace("M1-", "M9-")},
                        glossary=GLOSSARY)
    rendered = GENERATORS["glossary"].render(handbook, handbook.pages[P], ())
    assert "每通外呼开头的合规步骤。（问候找人 → 身份核实 → 自我介绍 → 录音告知）" in rendered


# --- generators ------------------------------------------------------------------------

def test_procedure_box_numbers_the_steps_and_links_to_the_quick_reference():
    handbook = run_with({P: page_with("<!-- handbook:procedure call-opening -->")})
    assert handbook.findings == []
    out = expand(handbook.pages[P].text, handbook, handbook.pages[P])
    assert '!!! abstract "操作规范：电话开场"' in out
    steps = re.findall(r"^    (\d+)\. \*\*(.+?)\*\*", out, re.MULTILINE)
    assert steps == [("1", "问候找人"), ("2", "身份核实"), ("3", "自我介绍"), ("4", "录音告知")]
    assert "**自我介绍**（本机构制度示例）：" in out  # a step's own level is shown where it differs
    assert "(../reference/procedures.md#proc-call-opening)" in out


def test_checklist_is_a_bulleted_list():
    handbook = run_with({P: page_with("<!-- handbook:procedure promise-to-pay -->")})
    out = expand(handbook.pages[P].text, handbook, handbook.pages[P])
    assert "    - **金额**：具体金额。" in out and "1. **金额**" not in out


def test_block_inside_a_list_is_indented_like_its_marker():
    handbook = run_with({P: page_with("- 第一项\n\n    <!-- handbook:procedure promise-to-pay -->\n")})
    out = expand(handbook.pages[P].text, handbook, handbook.pages[P])
    assert "\n    !!! abstract" in out and "\n        - **渠道**" in out


def test_scoring_sheet_has_one_row_per_step():
    handbook = run_with({P: page_with("<!-- handbook:procedure-sheet call-opening -->")})
    out = expand(handbook.pages[P].text, handbook, handbook.pages[P])
    rows = [line for line in out.splitlines() if re.match(r"^\| \d+ \|", line)]
    assert len(rows) == 4 and rows[0].startswith("| 1 | **问候找人**") and rows[0].endswith("| ☐ | ☐ | |")


def test_inline_steps_in_a_sentence_and_in_a_quiz_explanation():
    text = page_with("开场顺序是<!-- handbook:steps call-opening -->，不能颠倒。")
    handbook = run_with({P: text})
    out = expand(handbook.pages[P].text, handbook, handbook.pages[P])
    assert "开场顺序是问候找人 → 身份核实 → 自我介绍 → 录音告知，不能颠倒。" in out
    assert expand_inline("解析：要素是<!-- handbook:steps promise-to-pay -->。", handbook) == "解析：要素是金额、日期、渠道。"


def test_markers_in_code_are_left_alone():
    text = page_with("`<!-- handbook:steps call-opening -->`\n\n```\n<!-- handbook:procedure call-opening -->\n```")
    handbook = run_with({P: text})
    assert handbook.findings == []
    assert expand(handbook.pages[P].text, handbook, handbook.pages[P]) == handbook.pages[P].text


def test_quick_reference_lists_every_procedure_with_its_users():
    index = MODULE.replace("id: M1", "id: M9").replace("M1-", "M9-").replace(
        "## 实际应用", "<!-- handbook:procedure-index -->\n\n## 实际应用")
    handbook = run_with({P: page_with("<!-- handbook:procedure call-opening -->"), "reference/procedures.md": index})
    out = GENERATORS["procedure-index"].render(handbook, handbook.pages["reference/procedures.md"], ())
    assert "## 电话开场 {#proc-call-opening}" in out and "## 还款承诺 {#proc-promise-to-pay}" in out
    assert "| 用到本规范的页面 | [法律与合规](../curriculum/m1.md) |" in out
    assert "四步开场" not in out  # retired names are never shown to trainees


MARKER_DEFECTS = [
    ("generate.unknown-marker", "<!-- handbook:procedures call-opening -->"),
    ("generate.bad-argument", "<!-- handbook:procedure call-closing -->"),
    ("generate.bad-argument", "<!-- handbook:procedure -->"),
    ("generate.bad-argument", "<!-- handbook:steps call-opening promise-to-pay -->"),
    ("generate.bad-argument", "<!-- handbook:module-table M1 -->"),
    ("generate.not-on-own-line", "请按以下规范：<!-- handbook:procedure call-opening -->"),
]


@pytest.mark.parametrize(("rule", "line_text"), MARKER_DEFECTS, ids=[f"{d[0]}-{i}" for i, d in enumerate(MARKER_DEFECTS)])
def test_marker_defect_is_reported_at_its_line(rule, line_text):
    text = page_with(line_text)
    assert findings_of(run_with({P: text}), rule) == [(P, line_of(text, line_text))]


# --- hand-written restatements -------------------------------------------------------

RESTATEMENTS = [
    ("restatement.retired-name", "我们用四步开场接通每一通电话。", "四步开场"),
    ("restatement.count", "电话开场共三步，熟记即可。", "电话开场共"),
    ("restatement.count", "电话开场分为五个步骤。", "电话开场分为"),
    ("restatement.count", "还款承诺（五要素）缺一不可。", "还款承诺（五要素）"),
    ("restatement.count", "记住四要素的还款承诺。", "四要素的还款承诺"),
    ("restatement.count", "### 电话开场\n\n1. 问候找人\n2. 身份核实\n3. 录音告知\n", "1. 问候找人"),
    ("restatement.order", "### 电话开场\n\n1. 问候找人\n2. 自我介绍\n3. 身份核实\n4. 录音告知\n", "1. 问候找人"),
    ("restatement.order", "开场顺序：问候找人 → 自我介绍 → 身份核实 → 录音告知。", "开场顺序"),
    ("restatement.count", "开场顺序：问候找人 → 身份核实 → 录音告知。", "开场顺序"),
    ("restatement.count", "### 合规开场的要点\n\n1. 问候找人\n2. 身份核实\n3. 自我介绍\n4. 录音告知\n5. 说明来意\n", "1. 问候找人"),
    ("restatement.unknown-variant", "<!-- handbook:variant call-closing 团队调整 -->", "handbook:variant"),
    ("restatement.unknown-variant", "<!-- handbook:variant call-opening -->", "handbook:variant"),
]


@pytest.mark.parametrize(("rule", "text", "fragment"), RESTATEMENTS, ids=[f"{r[0]}-{i}" for i, r in enumerate(RESTATEMENTS)])
def test_restatement_is_reported_at_its_line(rule, text, fragment):
    page = page_with(text)
    handbook = run_with({P: page})
    assert findings_of(handbook, rule) == [(P, line_of(page, fragment))]
    assert {f.rule for f in handbook.errors} == {rule}


def test_agreeing_restatements_and_unrelated_lists_pass():
    page = page_with("电话开场有四步：<!-- handbook:steps call-opening -->。\n\n"
                     "电话开场的顺序：问候找人 → 身份核实 → 自我介绍 → 录音告知。\n\n"
                     "还款承诺三项：金额、日期、渠道。还款承诺（三要素）。\n\n"
                     "第三步是自我介绍。\n\n"
                     "### 电话开场前的准备\n\n1. 打开系统\n2. 查看记录\n\n"
                     "### 电话开场\n\n- 问候找人\n- 录音告知\n")
    assert run_with({P: page}).findings == []


def test_a_declared_variant_is_left_alone_in_its_section_only():
    page = page_with("### 华东团队的调整\n\n<!-- handbook:variant call-opening 团队试点先告知录音 -->\n\n"
                     "1. 问候找人\n2. 录音告知\n3. 身份核实\n4. 自我介绍\n\n"
                     "### 电话开场\n\n1. 问候找人\n2. 录音告知\n3. 身份核实\n4. 自我介绍\n")
    handbook = run_with({P: page})
    assert findings_of(handbook, "restatement.order") == [(P, line_of(page, "### 电话开场") + 2)]


# --- one change in the data, every page -------------------------------------------------

@pytest.mark.build
def test_changing_a_step_in_the_data_changes_every_page_that_shows_it(project_copy, tmp_path):
    from site_build import build_site

    from handbook.content.sources import read_docs
    from handbook.generators.procedures import using_pages

    data = project_copy / "docs" / PROCEDURES_PATH
    before = analyse(*read_docs(project_copy / "docs"))
    procedure = before.procedures.get("call-opening")
    assert procedure is not None
    old, new = procedure.steps[1].name, "核对身份信息"
    text = data.read_text(encoding="utf-8")
    assert text.count(f"      - name: {old}\n") == 1
    data.write_text(text.replace(f"      - name: {old}\n", f"      - name: {new}\n"), encoding="utf-8")
    users = using_pages(before)["call-opening"]
    assert procedure.chain.replace(old, new) != procedure.chain
    assert len(users) >= 5, [page.path for page in users]

    result = build_site(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    for page in [*users, before.pages["reference/procedures.md"]]:
        url = page.path.removesuffix(".md").removesuffix("index")
        html = (tmp_path / "site" / url / "index.html").read_text(encoding="utf-8")
        assert new in html, page.path
        assert procedure.chain not in html, page.path   # the old chain is nowhere any more


def test_the_law_registry_counts_the_quick_reference_as_citing_what_its_procedures_cite():
    sentence = "《刑法》第二百九十三条之一规定了催收非法债务罪；民法典第 188 条规定诉讼时效为三年。"
    index = MODULE.replace("id: M1", "id: M9").replace("M1-", "M9-").replace(sentence, "").replace(
        "解析：《民法典》第一百八十八条。", "解析：三年。")
    assert sentence in MODULE and "条" not in index.split("---\n", 2)[2]   # the page's own text cites nothing
    handbook = run_with({P: MODULE, "reference/procedures.md": index})
    # The quick reference prints the basis of call-opening, which cites 刑法第二百九十三条之一.
    assert [page.path for page in handbook.citing_pages("criminal-law", 293, 1)] == [P, "reference/procedures.md"]
    assert [page.path for page in handbook.citing_pages("civil-code", 188, 0)] == [P]
