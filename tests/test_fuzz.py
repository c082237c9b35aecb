"""Property-based tests: malformed input always yields findings, never a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs_quiz.plugin import MkDocsQuizPlugin
from sample_content import MODULE, examples, run

from handbook.content.findings import Finding
from handbook.outputs import render

FUZZ = settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])

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


# --- fuzzing that reaches the schema ---------------------------------------------------------------
# Random characters are almost always a YAML syntax error (97–100 % of the cases above), so
# they test the YAML loader, not the pydantic schema. These cases are well-formed YAML: the
# valid front matter of the sample module with fields dropped, added or given a wrong type.

import random  # noqa: E402
from collections import Counter  # noqa: E402

import yaml  # noqa: E402
from hypothesis import event  # noqa: E402

VALID = yaml.safe_load(MODULE.split("---\n")[1])
BODY = MODULE.split("---\n", 2)[2]
WRONG_VALUES: list[object] = ["八小时", -3, 0, 1e9, "", [], [1, 2], {"a": 1}, None, True, "2026-13-45", "M", "x" * 200]
MUTATIONS = ("drop", "add", "retype", "objective", "type")


def mutate(meta: dict, rng: random.Random, count: int) -> tuple[dict, list[str]]:
    meta = {key: (list(value) if isinstance(value, list) else value) for key, value in meta.items()}
    applied = []
    for _ in range(count):
        kind = rng.choice(MUTATIONS)
        keys = [key for key in meta if key != "type"]
        if kind == "drop" and keys:
            meta.pop(rng.choice(keys))
        elif kind == "add":
            meta[rng.choice(["author", "tags", "Title", "reviewd", "hour", "objective"])] = rng.choice(WRONG_VALUES)
        elif kind == "retype" and keys:
            meta[rng.choice(keys)] = rng.choice(WRONG_VALUES)
        elif kind == "objective" and isinstance(meta.get("objectives"), list) and meta["objectives"]:
            index = rng.randrange(len(meta["objectives"]))
            objective = dict(meta["objectives"][index])
            objective[rng.choice(["id", "text", "weight"])] = rng.choice([*WRONG_VALUES, "X1-O1", "M1-O0"])
            meta["objectives"][index] = objective
        elif kind == "type":
            meta["type"] = rng.choice(["lesson", "case", "drill", "page", 3, None])
        applied.append(kind)
    return meta, applied


def page_of(meta: dict) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + BODY


def frontmatter_rules(meta: dict) -> list[tuple[str, int]]:
    text = page_of(meta)
    handbook = run({"curriculum/m1.md": text})
    closing = text.index("\n---\n") + 1
    yaml_lines = text.count("\n", 0, closing) + 1
    found = [(f.rule, f.line) for f in handbook.findings if f.rule.startswith("frontmatter.")]
    assert all(2 <= line <= yaml_lines for _, line in found), (found, text)
    return found


@FUZZ
@given(st.integers(0, 2**32 - 1), st.integers(1, 3))
def test_well_formed_front_matter_with_wrong_fields_reaches_the_schema(seed, count):
    meta, _applied = mutate(VALID, random.Random(seed), count)
    found = frontmatter_rules(meta)
    for rule in {rule for rule, _ in found}:
        event(rule)
    assert "frontmatter.yaml" not in {rule for rule, _ in found}, "well-formed YAML is never a YAML error"
    if meta == VALID:
        assert found == []


def test_the_schema_fuzz_reaches_every_schema_rule(capsys):
    """500 seeded cases; the counts are reported (``pytest -s``) and each rule must be reached often."""
    reach: Counter[str] = Counter()
    rng = random.Random(12)
    cases = 500
    for _ in range(cases):
        meta, _applied = mutate(VALID, rng, rng.randint(1, 3))
        reach.update({rule for rule, _ in frontmatter_rules(meta)} or {"(valid)"})
    with capsys.disabled():
        print(f"\nschema fuzz reach (cases of {cases}):", dict(sorted(reach.items())))
    for rule in ("frontmatter.missing-field", "frontmatter.unknown-field", "frontmatter.invalid-value",
                 "frontmatter.unknown-type"):
        assert reach[rule] >= cases // 20, (rule, reach)
    assert reach["frontmatter.yaml"] == 0
