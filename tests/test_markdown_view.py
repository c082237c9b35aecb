"""The parsed view of a page (content.markdown): code, headings, links and raw HTML
where Python-Markdown puts them, with exact lines; one test per row of the
module's table of differences from CommonMark."""

from __future__ import annotations

import pytest

from handbook.content.markdown import headings, line_at, view


def code_lines(text: str) -> set[int]:
    """Lines that hold masked code."""
    return {line for r in view(text).code
            for line in range(line_at(text, r.start), line_at(text, max(r.end - 1, r.start)) + 1)}


def test_code_of_every_kind_is_masked_keeping_offsets_and_lines():
    text = "甲 `代码` 乙\n\n    缩进代码\n\n```\n围栏\n```\n\n丙\n"
    parsed = view(text)
    assert len(parsed.masked) == len(text) and parsed.masked.count("\n") == text.count("\n")
    assert "代码" not in parsed.masked and "围栏" not in parsed.masked and "缩进代码" not in parsed.masked
    assert "甲" in parsed.masked and "丙" in parsed.masked
    assert {r.kind for r in parsed.code} == {"inline", "indented", "fence"}
    assert parsed.inline_code == [(2, 6)]


def test_comments_are_masked_in_prose_only():
    text = "正文 <!-- 《刑法》第一条 --> 正文\n"
    assert "《刑法》" in view(text).masked and "《刑法》" not in view(text).prose


@pytest.mark.parametrize("text, code", [
    ('!!! note "标题"\n    正文\n\n        代码\n', {4}),                 # admonition body is content; 8 spaces is code
    ("!!! note\n    正文\n\n\n    仍是正文\n", set()),                     # two blank lines do not end it
    ("???+ tip\n    正文\n", set()), ('=== "甲"\n    正文\n', set()),
    ("- 项目\n\n      六个空格\n", set()),                                 # Python-Markdown: a paragraph of the item
    ("- 项目\n\n        八个空格\n", {3}),
    ("1. 项目\n\n       七个空格\n", set()),
    ("段落\n    紧跟的缩进行\n", set()),                                   # no blank line before: not code
    ("```\n未闭合\n", set()),
    ("```\n被更长的围栏关闭\n````\n", set()),
    # Not fences for superfences (closing indented differently, an info string it refuses):
    # the backticks pair up as one inline code span instead, as in Python-Markdown.
    ("```\n缩进不同的关闭\n ```\n", {1, 2, 3}),
    ("```!!! note\n未知的信息串\n```\n", {1, 2, 3}),
    ("```\n<script>未闭合</script>\n\n正文 `x`\n", {4}),
    ("```python\n代码\n```\n", {1, 2, 3}),
    ("<div>\n\n    原样的 HTML\n\n</div>\n", set()),                         # raw HTML block, not code
    ("<div>\n\n```\n围栏仍是代码\n```\n\n</div>\n", {3, 4, 5}),
    ("<div markdown>\n\n    md_in_html 中的代码\n\n</div>\n", {3}),
])
def test_code_is_what_python_markdown_renders_as_code(text, code):
    assert code_lines(text) == code


@pytest.mark.parametrize("text, expected", [
    ("# 一\n\n## 二 {#id}\n\n###三\n\n四\n---\n", [(1, "一", 1), (2, "二", 3), (3, "三", 5), (2, "四", 7)]),
    ("段落\n##紧跟的标题\n", [(2, "紧跟的标题", 2)]),
    ("```\n# 代码中的井号\n```\n\n    # 缩进代码\n", []),
    ("<div>\n\n## 原样 HTML 中不是标题\n\n</div>\n", []),
    ('<quiz objectives="M1-O1">\n问题[[答案]]\n---\n解析\n</quiz>\n', []),
    ('!!! note "提示"\n    ## 容器中的标题\n', [(2, "容器中的标题", 2)]),
])
def test_headings(text, expected):
    assert [(h.level, h.title, h.line) for h in headings(text)] == expected


def test_lines_are_shifted_by_the_first_line():
    assert [h.line for h in headings("# 一\n", 10)] == [10]
    assert [link.line for link in view("\n[a](b.md)\n", 10).links if link.checked] == [11]


def test_links_keep_their_target_as_written_and_their_line():
    text = "甲\n\n[一](a.md) [二](<b c.md> \"t\") [三][r] ![图](i.png)\n\n[r]: d.md#锚\n`[代码](x.md)`\n"
    links = [(k.kind, k.url, k.line) for k in view(text).links if k.checked]
    assert ("link", "a.md", 3) in links and ("link", "b c.md", 3) in links and ("link", "d.md#锚", 3) in links
    assert ("image", "i.png", 3) in links and ("definition", "d.md#锚", 5) in links
    assert not [k for k in links if k[1] == "x.md"]


def test_raw_html_reaches_the_view_with_its_line():
    text = "甲\n\n乙 <span class=\"x\">丙</span>\n\n<div>\n丁\n</div>\n"
    html = [(h.line, h.block, h.text) for h in view(text).html]
    assert (3, False, '<span class="x">') in html and (5, True, "<div>\n丁\n</div>") in html


def test_crlf_and_tabs_do_not_shift_lines():
    assert [h.line for h in headings("# 一\r\n\r\n## 二\r\n")] == [1, 3]
    assert code_lines("段落\n\n\t缩进代码\n") == {3}
