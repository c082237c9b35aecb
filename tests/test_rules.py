"""Every validation rule: one defect in, the exact rule id and line out."""

from __future__ import annotations

import pytest
from sample_content import MODULE, REGISTRY, findings_of, line_of, module_with, run

from handbook.content.quizzes import find_quizzes

P = "curriculum/m1.md"

CASE = """\
---
type: case
id: C1
title: 案例
description: 跨地区高额企业债务的合规催收，供测试使用的案例页面。
owner: 案例组
reviewed: 2026-11-01
modules: [M1]
summary: 合规培训带来零法律风险
results:
  - metric: 债务回收率
    change: "+25%"
---

# 案例

## 背景
## 培训应用
## 结果
## 分析与启示
## 讨论题
## 自测题

<quiz objectives="M1-O1">
问题？
- [x] 对
- [ ] 错

解析：说明。
</quiz>
"""


# Defects whose consequence is reported too: an unclosed quiz no longer assesses its objectives.
CONSEQUENCES = {"quiz.unclosed": {"objectives.unassessed"}}


def only(handbook, rule):
    """The findings of ``rule``; also asserts no unrelated error slipped in."""
    allowed = {rule} | CONSEQUENCES.get(rule, set())
    unrelated = [str(f) for f in handbook.errors if f.rule not in allowed]
    assert not unrelated, unrelated
    return findings_of(handbook, rule)


# (rule id, broken page text, fragment whose line must be reported)
SINGLE_DEFECTS = [
    ("frontmatter.missing", MODULE.split("---\n", 2)[2], None),
    ("frontmatter.yaml", module_with("title: 法律与合规", "title: [法律与合规"), "title: [法律与合规"),
    ("frontmatter.duplicate-key", module_with("owner: 合规培训组", "owner: 合规培训组\nowner: 另一个组"), "owner: 另一个组"),
    ("frontmatter.unknown-type", module_with("type: module", "type: lesson"), "type: lesson"),
    ("frontmatter.missing-field", module_with("owner: 合规培训组\n", ""), None),
    ("frontmatter.unknown-field", module_with("hours: 8", "hours: 8\nauthor: 张三"), "author: 张三"),
    ("frontmatter.invalid-value", module_with("hours: 8", "hours: 八小时"), "hours: 八小时"),
    ("sections.missing", module_with("## 模拟演练\n\n角色扮演。\n\n", ""), None),
    ("sections.order", module_with("## 本章小结\n\n要点。\n\n", "").replace("## 实际应用", "## 本章小结\n\n要点。\n\n## 实际应用"), "## 本章小结"),
    ("quiz.too-few-options", module_with("- [ ] 威胁对方\n> 错误：这可能构成违法。\n", ""), '<quiz objectives="M1-O1 M1-O3">'),
    ("quiz.no-correct", module_with("- [x] 保持冷静", "- [ ] 保持冷静"), '<quiz objectives="M1-O1 M1-O3">'),
    ("quiz.empty-option", module_with("- [ ] 威胁对方", "- [ ] "), "- [ ] \n"),
    ("quiz.no-explanation", module_with("\n解析：先降温，再说明合法途径。\n", "\n"), '<quiz objectives="M1-O1 M1-O3">'),
    ("quiz.no-question", module_with("债务人说“你再打电话我就报警”，你应该怎么做？\n", ""), '<quiz objectives="M1-O1 M1-O3">'),
    ("quiz.bad-checkbox", module_with("- [ ] 威胁对方", "- [v] 威胁对方"), "- [v] 威胁对方"),
    ("quiz.orphan-feedback", module_with("- [x] 保持冷静，说明来意并询问方便的联系时间\n> 正确。",
                                         "- [x] 保持冷静，说明来意并询问方便的联系时间\n\n> 正确。"), "> 正确。"),
    ("quiz.blank-malformed", module_with("[[三年]]", "[[ ]]"), "诉讼时效期间为"),
    ("quiz.unclosed", module_with("解析：《民法典》第一百八十八条。\n</quiz>", "解析：《民法典》第一百八十八条。\n"),
     '<quiz objectives="M1-O2 M1-O4">'),
    ("quiz.unknown-attribute", module_with('<quiz objectives="M1-O2 M1-O4">', '<quiz objectives="M1-O2 M1-O4" level="hard">'),
     'level="hard"'),
    ("quiz.bad-final", module_with('<quiz objectives="M1-O2 M1-O4">', '<quiz objectives="M1-O2 M1-O4" final="否">'), 'final="否"'),
    ("assessment.objective-not-in-pool",
     module_with('<quiz objectives="M1-O2 M1-O4">', '<quiz objectives="M1-O2 M1-O4" final="no">'), "id: M1-O2"),
    ("quiz.unknown-objective", module_with('objectives="M1-O1 M1-O3"', 'objectives="M1-O1 M1-O3 M9-O9"'), "M9-O9"),
    ("law.unregistered-article", module_with("## 模拟演练\n", "## 模拟演练\n\n依据《刑法》第二百三十八条。\n"), "第二百三十八条"),
    ("law.unknown-law", module_with("## 模拟演练\n", "## 模拟演练\n\n依据《民法通则》第一百三十五条。\n"), "民法通则"),
    ("html.forbidden-tag", module_with("要点。", "要点。<script>alert(1)</script>"), "<script>"),
    ("html.event-handler", module_with("要点。", '要点。<span onclick="x()">点</span>'), "onclick"),
    ("html.javascript-url", module_with("要点。", "[点我](javascript:alert(1))"), "javascript:"),
    ("image.missing-alt", module_with("要点。", "![](img/a.png)"), "![](img/a.png)"),
    ("link.missing-file", module_with("要点。", "见[模块二](m2.md)。"), "见[模块二]"),
    ("link.missing-anchor", module_with("[本章小结](#本章小结)", "[本章小结](#不存在的标题)"), "#不存在的标题"),
    ("review.future", module_with("reviewed: 2026-11-01", "reviewed: 2027-01-01"), "reviewed: 2027-01-01"),
    ("objectives.unassessed", module_with('objectives="M1-O2 M1-O4"', 'objectives="M1-O2"'), "id: M1-O4"),
]


@pytest.mark.parametrize("rule, text, fragment", SINGLE_DEFECTS, ids=[case[0] for case in SINGLE_DEFECTS])
def test_rule_reports_its_defect_on_the_right_line(rule, text, fragment):
    handbook = run({P: text})
    expected_line = line_of(text, fragment) if fragment else None
    found = only(handbook, rule)
    assert found, f"{rule} not reported"
    if expected_line is not None:
        assert (P, expected_line) in found, (found, expected_line)
    # every message is Chinese and says how to fix it
    message = next(f.message for f in handbook.findings if f.rule == rule)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message)
    assert "请" in message


def test_missing_section_is_named_in_the_message():
    handbook = run({P: module_with("## 模拟演练\n\n角色扮演。\n\n", "")})
    [finding] = [f for f in handbook.findings if f.rule == "sections.missing"]
    assert "## 模拟演练" in finding.message
    assert finding.line == line_of(module_with("## 模拟演练\n\n角色扮演。\n\n", ""), "## 实际应用")


def test_missing_field_is_reported_on_the_front_matter():
    text = module_with("owner: 合规培训组\n", "")
    [finding] = [f for f in run({P: text}).findings if f.rule == "frontmatter.missing-field"]
    assert "owner" in finding.message and finding.line == 2


def test_quiz_without_objectives_on_a_module_page():
    text = module_with('<quiz objectives="M1-O2 M1-O4">', "<quiz>")
    found = findings_of(run({P: text}), "quiz.no-objective")
    assert (P, line_of(text, "<quiz>\n诉讼")) in found


def test_plain_pages_may_have_quizzes_without_objectives():
    page = "---\ntype: page\ntitle: 练习\ndescription: 一个带自测题的普通页面，用于测试。\nowner: 组\nreviewed: 2026-11-01\n---\n\n" \
           "<quiz>\n问？\n- [x] 是\n- [ ] 否\n\n解析：因为。\n</quiz>\n"
    assert run({"practice.md": page}).findings == []


def test_duplicate_page_and_objective_ids():
    other = MODULE.replace("title: 法律与合规", "title: 另一个模块")
    handbook = run({P: MODULE, "curriculum/m1-copy.md": other})
    assert ("curriculum/m1.md", line_of(MODULE, "id: M1\n")) in findings_of(handbook, "page.duplicate-id") or \
           ("curriculum/m1-copy.md", line_of(other, "id: M1\n")) in findings_of(handbook, "page.duplicate-id")
    duplicates = findings_of(handbook, "objectives.duplicate-id")
    assert len(duplicates) == 4
    # reported on the second declaration, at the line of its list item
    assert ("curriculum/m1.md", line_of(MODULE, "  - id: M1-O1")) in duplicates


def test_case_page_quizzes_use_objectives_of_its_modules():
    handbook = run({P: MODULE, "cases/c1.md": CASE})
    assert handbook.findings == []
    broken = CASE.replace("modules: [M1]", "modules: [M7]")
    handbook = run({P: MODULE, "cases/c1.md": broken})
    assert ("cases/c1.md", line_of(broken, "modules: [M7]")) in findings_of(handbook, "page.unknown-module")
    assert findings_of(handbook, "quiz.unknown-objective")


def test_case_sections_are_enforced():
    broken = CASE.replace("## 讨论题\n", "")
    assert findings_of(run({P: MODULE, "cases/c1.md": broken}), "sections.missing")


def test_review_overdue_is_a_warning_not_an_error():
    text = module_with("reviewed: 2026-11-01", "reviewed: 2024-01-01")
    handbook = run({P: text})
    assert handbook.errors == []
    [finding] = handbook.warnings
    assert (finding.rule, finding.line) == ("review.overdue", line_of(text, "reviewed: 2024-01-01"))


def test_invalid_calendar_date_is_a_finding_not_a_crash():
    text = module_with("reviewed: 2026-11-01", "reviewed: 2026-13-45")
    assert (P, line_of(text, "reviewed: 2026-13-45")) in findings_of(run({P: text}), "frontmatter.invalid-value")


def test_citation_chains_and_ranges_resolve_each_article():
    text = module_with("## 模拟演练\n", "## 模拟演练\n\n《民法典》第一百八十八条、第一百八十九条；《刑法》第二百九十二条至第二百九十三条之一。\n")
    found = [f.message for f in run({P: text}).findings if f.rule == "law.unregistered-article"]
    assert any("第189条" in m for m in found)
    assert any("第292条" in m for m in found)


def test_an_article_strictly_inside_a_range_is_checked():
    """第188条至第190条 cites 189 too: registered ends, an unregistered middle is a finding."""
    registry = REGISTRY + ("  - law: civil-code\n    article: 第一百九十条\n    summary: 时效中止\n"
                           "    confidence: PRIMARY\n    verified: 2026-11-28\n")
    text = module_with("## 模拟演练\n", "## 模拟演练\n\n见《民法典》第一百八十八条至第一百九十条。\n")
    handbook = run({P: text}, registry=registry)
    found = [(f.line, f.message) for f in handbook.findings if f.rule == "law.unregistered-article"]
    assert len(found) == 1 and found[0][0] == line_of(text, "第一百八十八条至") and "第189条" in found[0][1]
    assert not [f for f in run({P: text.replace("至第一百九十条", "")}, registry=registry).findings
                if f.rule == "law.unregistered-article"]


def test_a_name_inside_a_bracketed_title_belongs_to_it_and_names_right_before_and_after_it_are_their_own():
    text = module_with("## 模拟演练\n", "## 模拟演练\n\n见民法典第1条《关于刑法第2条的解释》第3条民法典第188条，刑法第4条。\n")
    line = line_of(text, "见民法典")
    cited = [(c.law_name, c.law_id, c.number) for c in run({P: text}).pages[P].citations if c.line == line]
    assert cited == [("关于刑法第2条的解释", None, 3), ("民法典", "civil-code", 1), ("民法典", "civil-code", 188),
                     ("刑法", "criminal-law", 4)]


@pytest.mark.parametrize("last, cited", [(41, [1, 41, 5, 3, 2, 4, *range(6, 41)]), (42, [1, 42, 5, 3])])
def test_a_range_of_up_to_forty_articles_cites_each_once_a_longer_one_only_its_ends(last, cited):
    """Written articles first, in the order written, then the inside of the range; none twice."""
    text = module_with("## 模拟演练\n", f"## 模拟演练\n\n见《刑法》第1条至第{last}条、第5条，第3条。\n")
    line = line_of(text, "见《刑法》")
    citations = run({P: text}).pages[P].citations
    assert [(c.number, c.law_id) for c in citations if c.line == line] == [(n, "criminal-law") for n in cited]


@pytest.mark.parametrize("text, rule, first_line", [
    ("# 标题\n\n<script>x</script>\n", "frontmatter.missing", 1),                    # no front matter
    ("---\ntype: page\n# 标题\n\n<script>x</script>\n", "frontmatter.missing", 1),  # never closed
    ("---\n---\n# 标题\n\n<script>x</script>\n", "frontmatter.yaml", 2),              # empty: no mapping
])
def test_a_page_without_valid_front_matter_is_still_checked_at_its_file_lines(text, rule, first_line):
    assert [(f.rule, f.line) for f in run({P: text}).findings] == [
        (rule, first_line), ("html.forbidden-tag", line_of(text, "<script>"))]


def test_an_unknown_type_is_reported_on_its_own_line():
    text = module_with("type: module\nid: M1\n", "id: M1\ntype: lesson\n")
    assert [(f.rule, f.line) for f in run({P: text}).findings] == [("frontmatter.unknown-type", line_of(text, "type:"))]


@pytest.mark.parametrize("value", ["[module]", "{module: 1}"])
def test_a_type_that_is_not_a_name_is_an_unknown_type_not_a_crash(value):
    text = module_with("type: module", f"type: {value}")
    assert findings_of(run({P: text}), "frontmatter.unknown-type") == [(P, line_of(text, f"type: {value}"))]


def test_an_objective_numbered_for_another_module_is_an_invalid_value():
    text = module_with("  - id: M1-O3", "  - id: M2-O3")
    [finding] = run({P: text}).findings
    assert (finding.rule, finding.line) == ("frontmatter.invalid-value", 2)   # a model-wide check: the first line
    assert "目标编号 M2-O3 应以本模块编号 M1- 开头" in finding.message


@pytest.mark.parametrize("figure, problem", [("before: 10%", True), ("change: +5%", False), ("value: 92%", False),
                                             ("after: 92%", False)])
def test_a_case_result_needs_a_change_a_value_or_an_after_figure(figure, problem):
    case = CASE.replace('    change: "+25%"\n', f"    {figure}\n")
    found = [(f.path, f.rule, f.line, f.message) for f in run({P: MODULE, "cases/c1.md": case}).findings]
    message = "字段 results.0 的值无效：取值无效（结果至少要有 change、value 或 after 之一）。请按编辑指南中的格式修改。"
    line = line_of(case, "  - metric: 债务回收率")
    assert found == ([("cases/c1.md", "frontmatter.invalid-value", line, message)] if problem else [])


GUIDE = ("---\ntype: page\ntitle: 指南\ndescription: 供测试使用的普通页面，用来检查链接锚点。\nowner: 培训组\nreviewed: 2026-11-01\n---\n"
         "\n# 指南\n\n## Hello World\n\n## 重复\n\n## 重复\n\n## 重复\n\n### 自定 {#custom-id}\n\n<p id=\"html-id\">段</p>\n\n"
         "[a](#hello-world) [b](#重复) [c](#重复_1) [d](#重复_2) [e](#custom-id) [f](#html-id) [g](../curriculum/m1.md#m1-o1)\n"
         "\n[h](#重复_3)\n\n[i](#Hello-World)\n\n[j](../curriculum/m1.md#M1-O1)\n\n见[模块九][m9]。\n\n[m9]: ../curriculum/m9.md\n")


def test_anchors_are_the_toc_slugs_numbered_repeats_explicit_ids_and_objectives_and_every_page_is_checked():
    """Slugs as the toc makes them (Latin lower-cased, spaces to -, a repeated title _1, _2), {#id} and
    id="…", objective ids (lower-case) on module pages; a reference link is checked where it is used."""
    text = module_with("要点。", "要点。见[模块二](m2.md)。")
    handbook = run({P: text, "guide/p.md": GUIDE})
    assert [(f.path, f.rule, f.line) for f in handbook.findings if f.rule.startswith("link.")] == [
        (P, "link.missing-file", line_of(text, "见[模块二]")),
        ("guide/p.md", "link.missing-anchor", line_of(GUIDE, "[h]")),
        ("guide/p.md", "link.missing-anchor", line_of(GUIDE, "[i]")),
        ("guide/p.md", "link.missing-anchor", line_of(GUIDE, "[j]")),
        ("guide/p.md", "link.missing-file", line_of(GUIDE, "见[模块九]"))]


def test_code_samples_are_not_checked():
    text = module_with("要点。", "要点。\n\n```html\n<script>alert(1)</script> 《刑法》第一条\n```\n\n行内 `<iframe>` 示例。")
    assert run({P: text}).findings == []


# --- data files ---------------------------------------------------------------------------

def test_registry_schema_errors_have_lines():
    broken = REGISTRY.replace("confidence: PRIMARY\n    verified: 2026-11-28\n", "confidence: MAYBE\n    verified: 2026-11-28\n", 1)
    handbook = run({P: MODULE}, registry=broken)
    assert ("reference/laws.yml", line_of(broken, "confidence: MAYBE")) in findings_of(handbook, "registry.invalid-value")


def test_registry_article_of_unknown_law():
    broken = REGISTRY.replace("  - law: civil-code", "  - law: civil-kode")
    assert ("reference/laws.yml", line_of(broken, "law: civil-kode")) in \
        findings_of(run({P: MODULE}, registry=broken), "registry.unknown-law")


def test_registry_duplicate_article():
    broken = REGISTRY + "  - law: civil-code\n    article: 第一百八十八条\n    summary: 重复登记的一条\n    confidence: PRIMARY\n    verified: 2026-11-28\n"
    assert findings_of(run({P: MODULE}, registry=broken), "registry.duplicate")


def test_registry_verified_in_the_future():
    broken = REGISTRY.replace("verified: 2026-11-28", "verified: 2030-01-01", 1)
    assert ("reference/laws.yml", line_of(broken, "verified: 2030-01-01")) in \
        findings_of(run({P: MODULE}, registry=broken), "registry.future-date")


def test_registry_yaml_syntax():
    broken = REGISTRY.replace("    aliases: [刑法]", "    aliases: [刑法")
    assert findings_of(run({P: MODULE}, registry=broken), "registry.yaml")


def test_glossary_rules():
    from sample_content import TODAY

    from handbook.pipeline import analyse
    glossary = "terms:\n  - term: 诉讼时效\n    definition: 请求法院保护民事权利的期间。\n    see: curriculum/none.md\n" \
               "  - term: 诉讼时效\n    definition: 重复的一条释义。\n" \
               "  - term: 支付令\n    definition: 见《民事诉讼法》第二百二十五条。\n"
    handbook = analyse({P: MODULE}, {"reference/laws.yml": REGISTRY, "reference/glossary.yml": glossary}, set(), today=TODAY)
    assert ("reference/glossary.yml", 4) in findings_of(handbook, "glossary.missing-page")
    assert ("reference/glossary.yml", 5) in findings_of(handbook, "glossary.duplicate")
    assert ("reference/glossary.yml", 8) in findings_of(handbook, "law.unknown-law")


def test_unknown_generator_marker():
    text = module_with("要点。", "要点。\n\n<!-- handbook:no-such-table -->\n")
    assert (P, line_of(text, "<!-- handbook:no-such-table -->")) in \
        findings_of(run({P: text}), "generate.unknown-marker")


def test_unbalanced_backtick_does_not_hide_a_later_quiz():
    text = module_with("要点。", "要点，一个落单的反引号 ` 在这里。")
    handbook = run({P: text})
    assert handbook.findings == [] and len(handbook.pages[P].quizzes) == 2


def test_practice_only_questions_stay_out_of_the_final_pool_and_away_from_mkdocs_quiz():
    from mkdocs_quiz.parsing import find_quizzes as plugin_quizzes

    from handbook.content.final_pool import final_pool
    from handbook.outputs import render
    extra = '<quiz objectives="M1-O1" final="no">\n练习题？\n- [x] 是\n- [ ] 否\n\n解析：练习。\n</quiz>\n'
    text = MODULE + "\n" + extra
    handbook = run({P: text})
    assert handbook.findings == []
    assert [question.id for question in final_pool(handbook)] == ["M1-1", "M1-2"]
    assert [question.objectives for question in final_pool(handbook)] == [("M1-O1", "M1-O3"), ("M1-O2", "M1-O4")]
    page = handbook.pages[P]
    rendered = render.prepare_markdown(page.split.body, page, handbook)
    assert "final=" not in rendered and len(plugin_quizzes(rendered)) == 3


def test_quiz_tag_in_inline_code_is_kept_away_from_mkdocs_quiz():
    from handbook.outputs import render
    text = module_with("要点。", "写法示例：`<quiz objectives=\"M1-O1\">` 与 `</quiz>`。")
    handbook = run({P: text})
    page = handbook.pages[P]
    rendered = render.prepare_markdown(page.split.body, page, handbook)
    from mkdocs_quiz.parsing import find_quizzes as plugin_quizzes
    assert len(plugin_quizzes(rendered)) == 2  # only the two real quizzes


def test_quizzes_are_parsed_whole_multi_line_question_feedback_and_explanation():
    body = ('<quiz objectives="M1-O1, M1-O2">\n第一行\n第二行？\n- [X] 是\n> 对：\n> 两行反馈\n- [ ] 否\n\n解析：一。\n解析：二。\n'
            "</quiz>\n\n<quiz>\n填空[[甲]]\n和[[ 乙 ]]。\n---\n解析一。\n解析二。\n</quiz>\n")
    [choice, fill], page_problems = find_quizzes(P, body, 5)
    assert page_problems == [] and choice.problems == [] and fill.problems == []
    assert (choice.number, choice.line, choice.kind, choice.question, choice.objectives, choice.explanation) == (
        1, 5, "single", "第一行\n第二行？", ("M1-O1", "M1-O2"), "解析：一。\n解析：二。")
    assert [(o.text, o.correct, o.feedback, o.line) for o in choice.options] == [
        ("是", True, "对：\n两行反馈", 8), ("否", False, "", 11)]
    assert (fill.number, fill.line, fill.kind, fill.question, fill.blanks, fill.explanation, fill.objectives) == (
        2, 17, "fill", "填空[[甲]]\n和[[ 乙 ]]。", ["甲", "乙"], "解析一。\n解析二。", ())


def test_text_after_the_options_starts_the_explanation_unless_it_is_feedback_before_another_option():
    [quiz], _ = find_quizzes(P, "<quiz>\n问？\n- [x] 是\n\n一句话\n- [ ] 否\n</quiz>\n")
    assert [o.text for o in quiz.options] == ["是"] and quiz.explanation == "一句话\n- [ ] 否"
    assert [(p.rule, p.line) for p in quiz.problems] == [("quiz.too-few-options", 1)]


def test_a_quiz_opened_right_after_a_closed_one_is_unclosed():
    body = "<quiz>\n问？\n- [x] 是\n- [ ] 否\n\n解析。\n</quiz><quiz>\n问？\n"
    quizzes, page_problems = find_quizzes(P, body)
    assert len(quizzes) == 1 and [(p.rule, p.line) for p in page_problems] == [("quiz.unclosed", 7)]


def test_every_unknown_quiz_attribute_is_named():
    [quiz], _ = find_quizzes(P, '正文\n<quiz objectives="M1-O1" b="2" a="1">\n问？\n- [x] 是\n- [ ] 否\n\n解析：因为。\n</quiz>\n')
    [problem] = quiz.problems
    assert (problem.rule, problem.line) == ("quiz.unknown-attribute", 2)
    assert "无法识别的内容：a、b。" in problem.message


def test_a_blank_with_extra_closing_brackets_is_malformed():
    [quiz], _ = find_quizzes(P, "<quiz>\n\n时效为[[三年]]]]。\n---\n解析：三年。\n</quiz>\n")
    assert [(p.rule, p.line) for p in quiz.problems] == [("quiz.blank-malformed", 3)]
    assert "填空格式不完整" in quiz.problems[0].message


GLOSSARY = "terms:\n  - term: 诉讼时效\n    definition: 请求法院保护民事权利的期间。\n"

# (rule, file, broken text, fragment on the reported line) for the YAML data files
DATA_DEFECTS = [
    ("registry.yaml", "reference/laws.yml", REGISTRY.replace("    aliases: [刑法]", "    aliases: [刑法"), "aliases: [刑法"),
    ("registry.duplicate-key", "reference/laws.yml", REGISTRY.replace("    level: 法律\n", "    level: 法律\n    level: 司法解释\n", 1),
     "level: 司法解释"),
    ("registry.missing-field", "reference/laws.yml", REGISTRY.replace("    summary: 诉讼时效三年\n", ""), "  - law: civil-code"),
    ("registry.unknown-field", "reference/laws.yml", REGISTRY.replace("    summary: 诉讼时效三年\n", "    summary: 诉讼时效三年\n    page: 12\n"),
     "page: 12"),
    ("registry.invalid-value", "reference/laws.yml", REGISTRY.replace("article: 第一百八十八条", "article: 188"), "article: 188"),
    ("glossary.yaml", "reference/glossary.yml", GLOSSARY.replace("term: 诉讼时效", "term: [诉讼时效"), "term: [诉讼时效"),
    ("glossary.duplicate-key", "reference/glossary.yml", GLOSSARY + "    definition: 第二个释义重复了字段。\n", "第二个释义"),
    ("glossary.missing-field", "reference/glossary.yml", GLOSSARY.replace("    definition: 请求法院保护民事权利的期间。\n", ""),
     "  - term: 诉讼时效"),
    ("glossary.unknown-field", "reference/glossary.yml", GLOSSARY + "    english: limitation\n", "english: limitation"),
    ("glossary.invalid-value", "reference/glossary.yml", GLOSSARY.replace("请求法院保护民事权利的期间。", "短"), "definition: 短"),
]


@pytest.mark.parametrize("rule, path, text, fragment", DATA_DEFECTS, ids=[d[0] for d in DATA_DEFECTS])
def test_data_file_rule_reports_its_defect_on_the_right_line(rule, path, text, fragment):
    from sample_content import TODAY

    from handbook.pipeline import analyse
    data = {"reference/laws.yml": REGISTRY, "reference/glossary.yml": GLOSSARY, path: text}
    handbook = analyse({}, data, set(), today=TODAY)
    assert (path, line_of(text, fragment)) in findings_of(handbook, rule), [str(f) for f in handbook.findings]
