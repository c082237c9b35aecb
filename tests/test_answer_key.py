"""The answer key of the printed manual, from parsed quizzes (no MkDocs, no WeasyPrint)."""

from __future__ import annotations

from handbook.content.markdown import headings
from handbook.content.quizzes import find_quizzes
from handbook.outputs.pdf import answer_key

BODY = """\
## 培训内容

正文。

## 自测题

<quiz objectives="M1-O1">
债务人说："你们再打来我就去投诉！"你应该怎么做？
- [ ] 告诉对方投诉也没用
> 错误：这会激化冲突。
- [x] 先承认对方的情绪，说明来电目的，询问方便的联系时间
> 正确：先降温，再回到事实。

解析：先处理情绪，再处理事情。
</quiz>

<quiz objectives="M1-O3">
向人民法院请求保护民事权利的诉讼时效期间为[[三年]]。
---
解析：《民法典》第一百八十八条规定诉讼时效期间为三年。
</quiz>

<quiz objectives="M1-O2">
下列哪些属于软暴力？（多选）
- [x] 反复拨打债务人同事的电话
- [ ] 按约定时间提醒还款
- [x] 在债务人家门口喷漆

**解析**：见《软暴力意见》。
</quiz>

<quiz objectives="M1-O2">
坏题没有正确答案
- [ ] 甲
- [ ] 乙

解析：无。
</quiz>
"""


def _chapter(prefix="M1", title="模块一 法律与合规"):
    quizzes, _ = find_quizzes("m1.md", BODY)
    return answer_key.ChapterQuizzes(prefix, title, quizzes, headings(BODY))


def test_entries_are_numbered_per_chapter_and_skip_invalid_quizzes():
    key = answer_key.entries([_chapter(), _chapter("C1", "案例一")])
    assert [e.label for e in key] == ["M1-1", "M1-2", "M1-3", "C1-1", "C1-2", "C1-3"]
    assert [e.anchor for e in key][:2] == ["q-M1-1", "q-M1-2"]
    assert {e.section for e in key} == {"自测题"}


def test_choice_answers_carry_the_printed_letter():
    single, fill, multiple = answer_key.entries([_chapter()])
    assert single.kind == "single" and single.answers_html == ["B. 先承认对方的情绪，说明来电目的，询问方便的联系时间"]
    assert multiple.kind == "multiple"
    assert multiple.answers_html == ["A. 反复拨打债务人同事的电话", "C. 在债务人家门口喷漆"]
    assert fill.kind == "fill" and fill.answers_html == ["三年"]


def test_fill_question_shows_a_blank_and_explanations_lose_their_prefix():
    _, fill, multiple = answer_key.entries([_chapter()])
    assert "[[" not in fill.question_html and answer_key.BLANK_LINE in fill.question_html
    assert "三年" not in fill.question_html
    assert not fill.explanation_html.startswith("<p>解析")
    assert "《民法典》第一百八十八条" in fill.explanation_html
    assert "解析" not in multiple.explanation_html.split("《")[0]


def test_render_links_each_entry_to_its_question():
    html = answer_key.render(answer_key.entries([_chapter()]))
    assert html.count('class="hb-key-entry"') == 3
    assert 'href="#q-M1-2"' in html and 'id="key-M1-2"' in html
    assert "模块一 法律与合规 · 自测题" in html
    assert "<h2>模块一 法律与合规</h2>" in html


def test_render_without_quizzes_says_so():
    assert "没有自测题" in answer_key.render([])


def test_question_markdown_cannot_inject_html():
    assert "<script>" not in answer_key.markdown_html("看这里<script>alert(1)</script>")


def test_letters_go_past_z():
    assert [answer_key.letter(i) for i in (0, 1, 25, 26)] == ["A", "B", "Z", "AA"]
