"""MkDocs integration: the real handbook builds strictly; broken content fails
the strict build with a Chinese file:line finding and never a traceback."""

from __future__ import annotations

import json

import pytest
from sample_content import MODULE, line_of
from site_build import build_site


def test_real_handbook_builds_in_strict_mode(built_site):
    assert (built_site / "index.html").is_file()
    assert (built_site / "curriculum" / "m1-legal-compliance" / "index.html").is_file()


def test_search_index_is_segmented_by_jieba(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "\\u200b" in index["config"]["separator"]
    texts = [doc["text"] for doc in index["docs"]]
    assert sum("\u200b" in text for text in texts) > len(texts) / 2
    assert any("诉讼\u200b时效" in text or "\u200b诉讼时效\u200b" in text for text in texts)


def test_objectives_are_rendered_from_front_matter(built_site):
    html = (built_site / "curriculum" / "m1-legal-compliance" / "index.html").read_text(encoding="utf-8")
    assert 'class="hb-objectives"' in html and 'id="m1-o1"' in html
    assert "objectives=" not in html


def test_pages_carry_meta_description_and_edit_link(built_site):
    html = (built_site / "curriculum" / "m2-communication" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="description"' in html
    assert "edit/main/docs/curriculum/m2-communication.md" in html


def test_mini_project_builds(mini_project, tmp_path):
    result = build_site(mini_project, tmp_path / "out")
    assert result.returncode == 0, result.stderr


# (what, old text, new text, rule, text on the line that must be reported)
BREAKAGES = [
    ("delete a required section", "## 模拟演练\n\n角色扮演。\n\n", "", "sections.missing", "## 实际应用"),
    ("break a quiz", "- [x] 保持冷静", "- [ ] 保持冷静", "quiz.no-correct", '<quiz objectives="M1-O1 M1-O3">'),
    ("cite an unregistered article", "## 本章小结\n", "## 本章小结\n\n《刑法》第二百三十八条。\n",
     "law.unregistered-article", "第二百三十八条"),
    ("add a script tag", "要点。", "要点。<script>alert(1)</script>", "html.forbidden-tag", "<script>"),
    ("break a link", "[本章小结](#本章小结)", "[本章小结](m9.md)", "link.missing-file", "(m9.md)"),
]


@pytest.mark.parametrize("what, old, new, rule, fragment", BREAKAGES, ids=[b[0] for b in BREAKAGES])
def test_broken_content_fails_the_strict_build_with_a_located_finding(mini_project, tmp_path, what, old, new, rule,
                                                                      fragment):
    page = mini_project / "docs" / "curriculum" / "m1.md"
    assert old in MODULE
    broken = MODULE.replace(old, new, 1)
    page.write_text(broken, encoding="utf-8")
    line = line_of(broken, fragment)
    result = build_site(mini_project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/curriculum/m1.md:{line} [{rule}]" in output, output
    assert "请" in output.split(f"[{rule}]", 1)[1].splitlines()[0]
    assert "Traceback" not in output
    assert "Aborted with" in output
