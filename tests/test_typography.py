"""Chinese typography: AutoCorrect's findings and our quote and bracket rules, at their lines;
syntax that only looks like prose (quiz blanks, code, HTML, YAML quoting) is left alone."""

from __future__ import annotations

import pytest
from sample_content import MODULE, REGISTRY, TODAY, findings_of, line_of

from handbook.pipeline import analyse
from handbook.rules.typography import fix

P = "curriculum/m1.md"


def run(page: str, glossary: str | None = None):
    data = {"reference/laws.yml": REGISTRY}
    if glossary is not None:
        data["reference/glossary.yml"] = glossary
    return analyse({P: page}, data, set(), today=TODAY)


def with_line(text: str) -> str:
    return MODULE.replace("## 实际应用", f"{text}\n\n## 实际应用", 1)


DEFECTS = [
    ("typography.autocorrect", "催收员要核对CRM中的记录。", "核对CRM"),
    ("typography.autocorrect", "通话不超过3分钟，每天不超过6次。", "不超过3分钟"),
    ("typography.autocorrect", "先核实身份,再谈账户。", "先核实身份,"),
    ("typography.ascii-quote", '他说"明天还"，记为承诺。', '他说"明天还"'),
    ("typography.ascii-quote", "回答'满意'的人数。", "回答'满意'"),
    ("typography.ascii-quote", '已经失效的"24%/36%"规则。', '"24%/36%"'),
    ("typography.ascii-paren", "见第三模块(数据分析)。", "(数据分析)"),
]


@pytest.mark.parametrize(("rule", "line_text", "fragment"), DEFECTS, ids=[f"{d[0]}-{i}" for i, d in enumerate(DEFECTS)])
def test_defect_is_reported_at_its_line(rule, line_text, fragment):
    page = with_line(line_text)
    handbook = run(page)
    assert findings_of(handbook, rule) == [(P, line_of(page, fragment))]
    assert {f.rule for f in handbook.errors} == {rule}


def test_front_matter_text_is_checked_at_its_line():
    page = MODULE.replace("title: 法律与合规", 'title: 法律与"合规"')
    assert findings_of(run(page), "typography.ascii-quote") == [(P, line_of(page, 'title: 法律与"合规"'))]


def test_glossary_definitions_are_checked_but_yaml_quoting_is_not():
    glossary = 'terms:\n  - term: 软暴力\n    definition: "以滋扰纠缠等手段施压的违法手段"\n' \
               '  - term: 冲突降级\n    definition: 先处理"情绪"再处理事情的方法。\n'
    found = findings_of(run(MODULE, glossary), "typography.ascii-quote")
    assert found == [("reference/glossary.yml", line_of(glossary, '先处理"情绪"'))]


SYNTAX_THAT_PASSES = [
    "诉讼时效期间为[[三年]]。",                                  # quiz blank
    "`他说\"明天还\"`",                                            # inline code
    "```\n他说\"明天还\"(测试)\n```",                              # fenced code
    '<span title="中文标题">说明</span>',                           # HTML attribute
    '!!! tip "一句话记住"\n    先核实身份。',                       # admonition title
    "见[本章小结](#本章小结)。",                                    # link destination
    "<!-- handbook:note 这是\"注释\" -->",                          # HTML comment
    "通话不超过 3 分钟，核对 CRM 中的记录。",                       # already spaced
]


@pytest.mark.parametrize("text", SYNTAX_THAT_PASSES)
def test_syntax_and_correct_text_pass(text):
    assert [f for f in run(with_line(text)).errors if f.rule.startswith("typography")] == []


def test_fix_corrects_prose_and_leaves_syntax_alone():
    page = with_line('他说"明天还"(可能)，核对CRM。诉讼时效为[[三年]]。\n\n`"代码"`')
    fixed = fix(page)
    assert "他说“明天还”（可能），核对 CRM。诉讼时效为[[三年]]。" in fixed
    assert '`"代码"`' in fixed
    assert fixed.split("---\n")[1] == page.split("---\n")[1]   # front matter untouched
    assert fix(fixed) == fixed                                   # a second run changes nothing
    assert [f for f in run(fixed).errors if f.rule.startswith("typography")] == []
