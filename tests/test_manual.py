"""The printed manual's HTML, from rendered page HTML (no MkDocs, no WeasyPrint)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from handbook.outputs.pdf import manual

MODULE_HTML = """\
<article class="md-content__inner md-typeset">
<a class="md-content__button md-icon" href="https://example.org/edit" title="编辑此页">✎</a>
<h1 id="第一模块">第一模块 法律与合规<a class="headerlink" href="#第一模块">¶</a></h1>
<p>见<a href="../../cases/c1-legal-cross-region/#背景">案例一</a>和<a href="#自测题">本章自测题</a>，
另见<a href="https://www.npc.gov.cn/">全国人大网</a>，<a href="../../reference/maintainers/">维护状态</a>。</p>
<img alt="流程图" src="../../assets/flow.png" loading="lazy">
<ul class="task-list"><li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled checked/>
<span class="task-list-indicator"></span></label> 核实身份</li></ul>
<details class="note"><summary>展开</summary><p>隐藏的内容</p></details>
<p>❌ 不要这样说；✅ 应该这样说。</p>
<h2 id="自测题">自测题<a class="headerlink" href="#自测题">¶</a></h2>
<div class="quiz" id="quiz-0">
<a class="quiz-header-link" href="#quiz-0">#</a>
<div class="quiz-question" id="quiz-0-question"><p>债务人说要投诉，你应该怎么做？</p></div>
<form><fieldset>
<div><input id="quiz-0-1" name="answer" type="radio" value="1"/><label for="quiz-0-1">挂断电话</label>
<div class="answer-feedback hidden">错误</div></div>
<div><input data-correct="true" id="quiz-0-0" name="answer" type="radio" value="0"/><label for="quiz-0-0">先降温</label>
<div class="answer-feedback hidden">正确</div></div>
</fieldset><div class="quiz-feedback hidden"></div><button class="quiz-button" type="submit">提交</button></form>
<section class="content hidden"><p>解析：先处理情绪。</p></section>
</div>
<div class="quiz quiz-fill-blank" id="quiz-1">
<div class="quiz-question"><p>诉讼时效期间为<input class="quiz-blank-input" data-answer="三年" type="text"/>。</p></div>
<form><button class="quiz-button" type="submit">提交</button></form>
</div>
<div id="quiz-progress-sidebar"><label>测验进度</label></div>
</article>
"""
CASE_HTML = '<article><h1 id="案例一">案例一</h1><h2 id="背景">背景</h2><p>回到<a href="../../curriculum/m1/">模块一</a>。</p></article>'


def _document(tmp_path=None):
    chapters = [
        manual.Chapter("curriculum/m1.md", "curriculum/m1/", "模块一 法律与合规", MODULE_HTML, level=2, prefix="M1"),
        manual.Chapter("cases/c1-legal-cross-region.md", "cases/c1-legal-cross-region/", "案例一 法律与合规",
                       CASE_HTML, level=2, prefix="C1"),
    ]
    cover = manual.Cover("收债人职业素养培训手册", "手册编写组", "2026.11", "2026 年 11 月 28 日", created="2026-11-28")
    appendices = [manual.Appendix("答案与解析", body='<h1 class="hb-appendix-title">答案与解析</h1><p>…</p>')]
    html = manual.document(cover, chapters, appendices, site_dir=tmp_path, site_url="https://handbook.example/")
    return BeautifulSoup(html, "html.parser")


def test_quizzes_become_numbered_static_questions_without_controls():
    soup = _document()
    questions = soup.select("div.hb-quiz")
    assert [q["id"] for q in questions] == ["q-M1-1", "q-M1-2"]
    first = questions[0]
    assert first.select_one(".hb-quiz-number").get_text() == "M1-1"
    assert first.select_one(".hb-quiz-kind").get_text() == "单选"
    assert [li.get_text(strip=True) for li in first.select("ol.hb-quiz-options li")] == ["先降温", "挂断电话"]
    assert questions[1].select_one(".hb-quiz-kind").get_text() == "填空"
    assert questions[1].select_one(".hb-blank") is not None
    assert not soup.find_all(["input", "button", "form", "fieldset", "label", "details", "summary"])
    text = soup.get_text()
    assert "提交" not in text and "测验进度" not in text and "解析：先处理情绪" not in text and "¶" not in text
    assert "三年" not in text  # the answer of the blank stays in the answer key


def test_ids_are_unique_per_chapter_and_links_stay_inside_the_document():
    soup = _document()
    m1, c1 = "ch-curriculum-m1", "ch-cases-c1-legal-cross-region"
    assert soup.find(id=f"{m1}--自测题") is not None and soup.find(id=f"{c1}--背景") is not None
    hrefs = {a.get_text(): a["href"] for a in soup.find_all("a", href=True)}
    assert hrefs["案例一"] == f"#{c1}--背景"
    assert hrefs["本章自测题"] == f"#{m1}--自测题"
    assert hrefs["模块一"] == f"#{m1}"
    assert hrefs["全国人大网"] == "https://www.npc.gov.cn/"
    assert hrefs["维护状态"] == "https://handbook.example/reference/maintainers/"
    assert "hb-xref" in soup.find("a", string="案例一")["class"]
    assert "hb-external" in soup.find("a", string="全国人大网")["class"]


def test_cover_toc_and_chapters_carry_what_the_stylesheet_needs():
    soup = _document()
    assert soup.html["lang"] == "zh-CN"
    cover = soup.select_one("section.hb-cover")
    assert "收债人职业素养培训手册" in cover.get_text() and "2026.11" in cover.get_text()
    toc = [(li["class"][0], a.get_text(), a["href"]) for li in soup.select(".hb-toc li") for a in li.find_all("a")]
    assert toc == [("hb-toc-2", "模块一 法律与合规", "#ch-curriculum-m1"),
                   ("hb-toc-2", "案例一 法律与合规", "#ch-cases-c1-legal-cross-region"),
                   ("hb-toc-1", "附录一 答案与解析", "#appendix-1")]
    chapter = soup.find(id="ch-curriculum-m1")
    assert chapter.name == "section" and chapter["data-title"] == "模块一 法律与合规"
    assert "hb-page-title" in chapter.find("h1")["class"]
    assert soup.find(id="appendix-1").find("h1").get_text() == "附录一 答案与解析"


def test_details_open_task_boxes_and_marks_print(tmp_path):
    soup = _document(tmp_path)
    note = soup.find("p", string="隐藏的内容").parent
    assert "admonition" in note["class"] and note.find("p", class_="admonition-title").get_text() == "展开"
    assert soup.select_one(".hb-checkbox.hb-checked").get_text() == "✓"
    assert soup.select_one(".hb-mark-bad").get_text() == "❌" and soup.select_one(".hb-mark-ok").get_text() == "✅"
    assert soup.find("img")["src"] == (tmp_path / "assets/flow.png").resolve().as_uri()


def test_appendix_with_chapters_lists_them():
    form = manual.Chapter("program/forms/a.md", "program/forms/a/", "签到表", "<article><h1>签到表</h1></article>")
    html = manual.document(manual.Cover("T", "O", "E", "B"), [], [manual.Appendix("可打印表单", [form], intro="复印使用")])
    soup = BeautifulSoup(html, "html.parser")
    part = soup.find(id="appendix-1")
    assert part is not None
    heading, entry = part.find("h1"), part.select_one(".hb-appendix-list a")
    assert heading is not None and entry is not None
    assert heading.get_text() == "附录一 可打印表单"
    assert entry["href"] == "#ch-program-forms-a"
    assert [li.get_text() for li in soup.select(".hb-toc li")] == ["附录一 可打印表单", "签到表"]
