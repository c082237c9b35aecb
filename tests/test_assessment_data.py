"""The final assessment's build-time data (handbook.outputs.assessment) from sample content."""

from __future__ import annotations

import json

from sample_content import MODULE, run

from handbook.outputs import assessment

P = "curriculum/m1.md"


def data_of(text: str = MODULE, **config: int) -> dict:
    handbook = run({P: text})
    settings, problem = assessment.read_config({"assessment": config} if config else None)
    assert problem is None
    return assessment.build(handbook, settings, "2026.11", lambda path: path.replace(".md", "/"),
                            lambda path: "模块一 法律与合规")


def test_pool_entries_carry_answers_feedback_objectives_and_links():
    data = data_of(questions=12, pass_mark=75)
    assert (data["questions"], data["passMark"], data["edition"]) == (12, 75, "2026.11")
    assert [m["id"] for m in data["modules"]] == ["M1"]
    assert [o["url"] for o in data["objectives"]][:1] == ["curriculum/m1/#m1-o1"]
    choice, fill = data["pool"]
    assert choice["id"] == "M1-1" and choice["kind"] == "single" and choice["correct"] == [0]
    assert choice["objectives"] == ["M1-O1", "M1-O3"] and choice["modules"] == ["M1"]
    assert choice["options"][1]["feedback"] == "错误：这可能构成违法。"
    assert choice["source"] == {"title": "模块一 法律与合规", "url": "curriculum/m1/", "anchor": "自测题"}
    # a fill-in question: the answer is not in the question text, a slot marks the blank
    assert fill["kind"] == "fill" and fill["answers"] == ["三年"]
    assert "三年" not in fill["question"] and 'data-blank="0"' in fill["question"]
    assert assessment.pool_counts(data) == {"M1-O1": 1, "M1-O2": 1, "M1-O3": 1, "M1-O4": 1}


def test_fingerprint_changes_with_a_correct_answer_not_with_wording():
    base = data_of()["fingerprint"]
    assert data_of(MODULE.replace("诉讼时效期间为", "诉讼时效一般为"))["fingerprint"] == base
    assert data_of(MODULE.replace("[[三年]]", "[[两年]]"))["fingerprint"] != base
    moved = MODULE.replace("- [x] 保持冷静", "- [ ] 保持冷静").replace("- [ ] 威胁对方", "- [x] 威胁对方")
    assert data_of(moved)["fingerprint"] != base


def test_practice_only_questions_are_not_in_the_data():
    text = MODULE + '\n<quiz objectives="M1-O1" final="no">\n练习？\n- [x] 是\n- [ ] 否\n\n解析：练习。\n</quiz>\n'
    assert [q["id"] for q in data_of(text)["pool"]] == ["M1-1", "M1-2"]


def test_script_json_cannot_close_its_script_element():
    data = data_of(MODULE.replace("要点。", "要点。"))
    data["pool"][0]["question"] = "</script><!-- x"
    tag = assessment.data_tag(data)
    assert tag.count("</script>") == 1 and "<!--" not in tag
    inner = tag.split(">", 1)[1].rsplit("</script>", 1)[0]
    assert json.loads(inner)["pool"][0]["question"] == "</script><!-- x"


def test_invalid_configuration_is_explained_in_chinese():
    settings, problem = assessment.read_config({"assessment": {"questions": 0, "pass_mark": 120}})
    assert settings.questions == 30 and settings.pass_mark == 80  # defaults, and the build fails on the message
    assert problem and "questions" in problem and "pass_mark" in problem and "mkdocs.yml" in problem
    _settings, problem = assessment.read_config({"assessment": {"passmark": 80}})
    assert problem and "passmark" in problem


def test_inline_procedure_markers_are_expanded_in_the_question_data():
    from test_procedures import run_with
    text = MODULE.replace("债务人说“你再打电话我就报警”，你应该怎么做？",
                          "开场的顺序是 <!-- handbook:steps call-opening -->，对吗？")
    handbook = run_with({P: text})
    settings, _problem = assessment.read_config(None)
    data = assessment.build(handbook, settings, None, lambda path: path, lambda path: None)
    question = data["pool"][0]["question"]
    assert "handbook:" not in question and "问候找人" in question and "录音告知" in question


def test_the_html_gate_accepts_the_question_pool_block_only_as_json():
    from handbook.outputs import html_gate
    site = html_gate.Site("/", frozenset())
    block = assessment.data_tag(data_of())
    page = f"<!doctype html><html><head>{block}</head><body></body></html>"
    assert html_gate.scan("assessment/index.html", page, site) == []
    broken = page.replace('{"version"', '{version', 1)
    [problem] = html_gate.scan("assessment/index.html", broken, site)
    assert assessment.DATA_ELEMENT_ID in problem.description
    other = page.replace(f'id="{assessment.DATA_ELEMENT_ID}"', 'id="something-else"')
    assert html_gate.scan("assessment/index.html", other, site)
