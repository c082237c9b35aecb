"""Property-based tests: malformed input always yields findings, never a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs_quiz.plugin import MkDocsQuizPlugin
from sample_content import MODULE, run

from handbook.content.findings import Finding
from handbook.outputs import render

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

yaml_chars = st.sampled_from([*list("abc:-[]{}#'\"|>&*!%@`, \t\n"), "type", "module", "id", "M1", "reviewed", "2026-13-45", "hours", "objectives", "- id:", "：", "法"])
front_matter_text = st.lists(yaml_chars, max_size=60).map("".join)

quiz_lines = st.sampled_from([
    "- [x] 正确选项", "- [ ] 错误选项", "- [X] 也对", "- [] 空框", "- [v] 坏标记", "* [x] 星号", "- [ ] ",
    "> 反馈", ">", "", "---", "诉讼时效为[[三年]]。", "[[", "]]", "[[ ]]", "题干文字？", "解析：因为。",
    "    - [x] 缩进选项", "<quiz>", "```", "`代码`",
])
quiz_body = st.lists(quiz_lines, max_size=14).map("\n".join)
attributes = st.sampled_from(['', ' objectives="M1-O1"', ' objectives=""', " objectives=M1-O1", ' x="y"',
                              ' objectives="M1-O1 M1-O2 M1-O3 M1-O4"'])


def _page_with_quiz(attrs: str, body: str, closed: bool) -> str:
    return MODULE + f"\n<quiz{attrs}>\n{body}\n" + ("</quiz>\n" if closed else "")


@FUZZ
@given(front_matter_text)
def test_random_front_matter_gives_findings_not_exceptions(text):
    page = f"---\n{text}\n---\n\n# 标题\n"
    handbook = run({"p.md": page})
    assert all(isinstance(f, Finding) and f.line >= 1 for f in handbook.findings)
    assert handbook.errors, "random front matter cannot be a valid page"


@FUZZ
@given(st.text(max_size=300))
def test_any_text_as_a_page_never_raises(text):
    handbook = run({"p.md": text})
    for finding in handbook.findings:
        assert finding.line >= 1 and finding.rule and finding.message


@FUZZ
@given(attributes, quiz_body, st.booleans())
def test_random_quizzes_never_raise_and_valid_ones_parse_in_mkdocs_quiz(attrs, body, closed):
    page_text = _page_with_quiz(attrs, body, closed)
    handbook = run({"curriculum/m1.md": page_text})
    page = handbook.pages["curriculum/m1.md"]
    # The page still renders: broken quizzes are replaced, attributes stripped.
    rendered = render.prepare_markdown(page.split.body, page, handbook)
    assert "objectives=" not in rendered.split("## 自测题")[-1]
    plugin = MkDocsQuizPlugin()
    for quiz in page.quizzes:
        if quiz.is_valid and quiz.kind != "fill":
            inner = quiz.source.split(">", 1)[1].rsplit("</quiz>", 1)[0]
            lines = list(inner.strip("\n").split("\n"))
            # mkdocs-quiz itself must accept every quiz our checker accepts.
            question, answers, correct, _, _ = plugin._parse_quiz_question_and_answers(lines)
            assert question.strip() and len(answers) >= 2 and correct
