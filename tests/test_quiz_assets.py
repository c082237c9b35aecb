"""mkdocs-quiz's assets served as cached files, quiz UI kept out of search, a11y HTML fixes.

Unit tests of the plain modules on small HTML, then checks of the real built site.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from handbook.content.sources import read_docs
from handbook.outputs import a11y as a11y_html
from handbook.outputs import progress as progress_data
from handbook.outputs import quiz_assets
from handbook.outputs import search as chinese_search
from handbook.pipeline import analyse

ROOT = Path(__file__).resolve().parent.parent

QUIZ_HTML = (
    '<h2 id="q">自测题</h2>\n'
    '<div class="quiz" data-show-correct="true" id="quiz-0">\n'
    '<a href="#quiz-0" class="quiz-header-link">#</a>\n'
    '<div class="quiz-question" id="quiz-0-question"><p>问题？</p></div>\n'
    '<form action="javascript:void(0);" onsubmit="return false;">'
    '<fieldset aria-labelledby="quiz-0-question">'
    '<div><input type="radio" name="answer" value="0" id="quiz-0-0" data-correct="true"><label for="quiz-0-0">三年</label>'
    '<div class="answer-feedback hidden">正确：见第一百八十八条。</div></div>'
    '<div><input type="radio" name="answer" value="1" id="quiz-0-1"><label for="quiz-0-1">两年</label></div>'
    '</fieldset><div class="quiz-feedback hidden"></div><button type="submit" class="quiz-button">提交</button></form>\n'
    '<section class="content hidden"><p>解析：三年。</p></section>\n</div>'
)
SIDEBAR = ('<div id="quiz-progress-sidebar" aria-label="测验进度" style="display: none;"><label class="md-nav__title">测验进度</label>'
           '<ul><li><div class="md-nav__link"><span>已回答: <span>0</span></span></div></li></ul></div>'
           '<nav id="quiz-progress-mobile" class="quiz-progress-mobile md-nav" aria-label="测验进度"><div><div>重置</div></div></nav>')
TAIL = ('<style type="text/css">.quiz { border: 1px solid black; }</style>'
        '<script type="text/javascript">\nwindow.mkdocsQuizTranslations = {"Submit": "提交"};\n</script>'
        '<script type="text/javascript">\nwindow.mkdocsQuizConfig = {\n  confetti: false\n};\n</script>'
        '<script type="text/javascript" defer>(function(){ const STORAGE_KEY_PREFIX = "quiz_progress_"; })();</script>')


def test_page_without_quiz_loses_every_quiz_block():
    result = quiz_assets.process("<p>正文</p>" + SIDEBAR + TAIL)
    assert not result.has_quiz and result.bundles == [] and result.hidden == []
    assert result.html.strip() == "<p>正文</p>"


def test_quiz_page_keeps_quiz_but_moves_assets_to_files():
    result = quiz_assets.process(QUIZ_HTML + SIDEBAR + TAIL)
    assert result.has_quiz
    assert "<style" not in result.html and "<script" not in result.html
    names = sorted((b.name, b.ext) for b in result.bundles)
    assert names == [("quiz", "css"), ("quiz", "js"), ("quiz-settings", "js")]
    settings = next(b for b in result.bundles if b.name == "quiz-settings")
    assert "mkdocsQuizTranslations" in settings.content and "mkdocsQuizConfig" in settings.content
    for bundle in result.bundles:
        assert re.fullmatch(r"assets/quiz/[a-z-]+\.[0-9a-f]{10}\.(css|js)", bundle.path)


def test_quiz_ui_is_hidden_from_search_and_restored_intact():
    original = QUIZ_HTML + SIDEBAR
    result = quiz_assets.process(original + TAIL)
    for ui_text in ("测验进度", "已回答", "重置", "提交", ">#<", "正确：见"):
        assert ui_text not in result.html
    assert "三年" in result.html and "解析" in result.html  # question, options, explanation stay searchable
    restored, missing = quiz_assets.restore(result.html, result.hidden)
    assert missing == 0
    assert re.sub(r"\s+", "", restored) == re.sub(r"\s+", "", original)


def test_options_are_separated_so_search_tokens_do_not_glue():
    result = quiz_assets.process(QUIZ_HTML + TAIL)
    text = re.sub(r"<[^>]+>", "", result.html)
    assert "三年两年" not in text
    assert re.search(r"三年\s+两年", text)


def test_unknown_scripts_are_left_alone():
    html = QUIZ_HTML + '<script type="application/json">{"a": 1}</script>' + TAIL
    assert '{"a": 1}' in quiz_assets.process(html).html


def test_head_tags_are_relative_and_ordered():
    bundles = quiz_assets.process(QUIZ_HTML + TAIL).bundles
    tags = quiz_assets.head_tags(bundles, "curriculum/m1-legal-compliance/")
    script = re.search(r"/quiz/quiz\.[0-9a-f]+\.js", tags)
    assert script is not None
    order = [tags.index(".css"), tags.index("quiz-settings."), tags.index("quiz-fixes.js"), script.start()]
    assert order == sorted(order)
    assert all(src.startswith("../../assets/") for src in re.findall(r'(?:src|href)="([^"]+)"', tags))
    assert 'href="assets/quiz/' in quiz_assets.head_tags(bundles, "")
    page = quiz_assets.inject_head("<html><head><title>x</title></head><body></body></html>", tags)
    assert page.index("quiz-fixes.js") < page.index("</head>")


def test_task_checkboxes_get_the_item_text_as_name():
    html = ('<ul><li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled/>'
            '<span class="task-list-indicator"></span></label> 心跳&amp;加快</li></ul><table><tr><td>1</td></tr></table>')
    fixed = a11y_html.fix(html)
    assert '<input type="checkbox" aria-label="心跳&amp;加快" disabled/>' in fixed
    assert '<table tabindex="0">' in fixed
    assert a11y_html.fix(fixed) == fixed  # idempotent


def test_segmenter_fix_changes_exactly_the_loop_bound():
    source = "n=new Uint16Array(t.length);for(let s=0;s<t.length;s++)for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"
    fixed, found = chinese_search.fix_segmenter(source)
    assert found and fixed == source.replace("o<t.length;o++)t.slice", "o<=t.length;o++)t.slice")
    assert chinese_search.fix_segmenter("nothing here") == ("nothing here", False)


# --- the real site -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def handbook():
    pages, data, others = read_docs(ROOT / "docs")
    return analyse(pages, data, others)


def _html_pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")
            if p.name != "404.html" and not p.relative_to(site).as_posix().startswith("assets/")}


def test_quiz_assets_are_files_loaded_only_on_quiz_pages(built_site: Path):
    pages = _html_pages(built_site)
    quiz_pages = {path for path, html in pages.items() if 'class="quiz"' in html or 'class="quiz quiz-fill-blank"' in html}
    assert quiz_pages, "no quiz page in the site"
    for path, html in pages.items():
        assert "STORAGE_KEY_PREFIX" not in html and "mkdocsQuizTranslations" not in html, path
        assert ".quiz-feedback-item" not in html, f"{path}: inline quiz CSS"
        linked = re.findall(r'(?:href|src)="([^"]*assets/quiz/[^"]+)"', html)
        if path in quiz_pages:
            assert len(linked) == 3, f"{path}: {linked}"
            assert 'id="quiz-progress-sidebar"' in html
            for url in linked:
                assert (built_site / Path(path).parent / url).resolve().is_file(), url
        else:
            assert not linked and "quiz-progress-sidebar" not in html and "quiz-fixes" not in html, path
    assert len(list((built_site / "assets/quiz").iterdir())) == 3


def test_search_index_has_no_quiz_ui_and_no_glued_options(built_site: Path):
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    texts = {doc["location"]: doc["text"] for doc in index["docs"]}
    everything = "\n".join(texts.values())
    for ui_text in ("测验进度", "已回答", "重置测验", "答对了", "Quiz Progress", "quiz-progress", "mkdocsQuiz"):
        assert ui_text not in everything, ui_text
    assert not any(text.lstrip("\u200b ").startswith("#") for text in texts.values()), "quiz '#' link indexed"

    pages = _html_pages(built_site)
    checked = 0
    for path, html in pages.items():
        labels = [re.sub(r"<[^>]+>", "", label).strip()
                  for label in re.findall(r'<label for="quiz-\d+-\d+">(.*?)</label>', html, re.DOTALL)]
        if not labels:
            continue
        url = "" if path == "index.html" else path[: -len("index.html")]
        page_text = "".join(text for location, text in texts.items() if location.split("#")[0] == url)
        plain = page_text.replace("\u200b", "")
        for raw_label in labels:
            label = re.sub(r"\s+", " ", raw_label)
            position = plain.find(label)
            assert position >= 0, f"{path}: option not indexed: {label}"
            after = plain[position + len(label): position + len(label) + 1]
            assert after == "" or separator.match(after) or after in "。，；！？、）》”」'\"", \
                f"{path}: option glued to the next text: {label!r} + {plain[position + len(label):][:10]!r}"
            checked += 1
    assert checked > 20


def test_search_worker_segmenter_is_fixed(built_site: Path):
    workers = list((built_site / "assets/javascripts/workers").glob("search.*.min.js"))
    assert workers and all("o<=t.length;o++)t.slice" in w.read_text(encoding="utf-8") for w in workers)


def test_every_page_has_its_front_matter_description(built_site: Path, handbook):
    import html as html_lib
    checked = 0
    for path, page in handbook.pages.items():
        if page.meta is None:
            continue
        stem = path[: -len(".md")]
        target = "index.html" if stem == "index" else (stem[: -len("index")] if stem.endswith("index") else stem + "/") + "index.html"
        built = built_site / target
        assert built.is_file(), target
        found = re.findall(r'<meta name="description" content="([^"]*)">', built.read_text(encoding="utf-8"))
        assert [html_lib.unescape(text) for text in found] == [page.meta.description], f"{target}: {found}"
        checked += 1
    assert checked >= 20


def test_progress_data_lists_every_quiz_page(built_site: Path, handbook):
    data = json.loads((built_site / progress_data.DATA_PATH).read_text(encoding="utf-8"))
    expected = {page.path: len(page.quizzes) for page in handbook.pages.values() if page.quizzes}
    assert {entry["path"]: entry["questions"] for entry in data["pages"]} == expected
    assert data["totalQuestions"] == sum(expected.values())
    for entry in data["pages"]:
        assert entry["quizIds"] == [f"quiz-{i}" for i in range(entry["questions"])]
        html = (built_site / entry["url"] / "index.html").read_text(encoding="utf-8")
        assert len(re.findall(r'<div class="quiz[ "]', html)) == entry["questions"], entry["path"]
        assert f'id="{entry["anchor"]}"' in html
    kinds = [entry["kind"] for entry in data["pages"]]
    assert "module" in kinds and "case" in kinds


def test_progress_page_has_its_script_and_data_written_in_only_there(built_site: Path):
    pages = _html_pages(built_site)
    for path, html in pages.items():
        assert ('id="hb-progress-data"' in html) == (path == "progress/index.html"), path
        assert ("progress.css" in html) == (path == "progress/index.html"), path
    page = pages["progress/index.html"]
    # data and script come right after the record, the last element the script fills in
    record = page.index('id="hb-record"')
    assert record < page.index('id="hb-progress-data"') < page.index('<script data-root="../">') < page.index("</article>")
    data = re.search(r'id="hb-progress-data">(.*?)</script>', page)
    assert data is not None
    assert json.loads(data.group(1)) == json.loads((built_site / "assets/progress-data.json").read_text(encoding="utf-8"))


def test_inline_script_never_ends_its_script_element_early():
    page = '<div id="hb-record" class="hb-record"><div></div></div><p>后文</p>'
    result = progress_data.inline_script(page, 'var s = "</script>";', {"title": "a</b>"}, "../")
    assert result.startswith('<div id="hb-record" class="hb-record"><div></div></div><script')
    assert result.endswith("</script><p>后文</p>")
    assert result.count("</script>") == 2 and "<\\/b>" in result and '"<\\/script>"' in result
    assert progress_data.inline_script("<p>无记录</p>", "x", None, "") == "<p>无记录</p>"


def test_search_index_is_written_as_compact_utf8(built_site):
    raw = (built_site / "search" / "search_index.json").read_bytes()
    assert b"\\u8bc9" not in raw and "诉讼".encode() in raw   # Chinese stored as UTF-8, not escaped
    assert b'": ' not in raw[:2000]                          # no pretty-print spaces
    assert json.loads(raw)["docs"]


def test_restore_counts_placeholders_that_went_missing():
    result = quiz_assets.process(QUIZ_HTML + SIDEBAR + TAIL)
    assert result.hidden
    without_comments = re.sub(r"<!--hb-quiz-ui-\d+-->", "", result.html)   # what a comment-stripping minifier does
    restored, missing = quiz_assets.restore(without_comments, result.hidden)
    assert missing == len(result.hidden)
    assert "quiz-button" not in restored


def test_a_quiz_page_without_the_plugin_assets_is_noticed():
    result = quiz_assets.process(QUIZ_HTML)
    assert result.has_quiz
    assert quiz_assets.missing_assets(result.bundles) == ["quiz.css", "quiz.js"]
    assert quiz_assets.missing_assets(quiz_assets.process(QUIZ_HTML + SIDEBAR + TAIL).bundles) == []


def test_progress_sidebar_is_placed_at_the_top_of_the_right_hand_table_of_contents():
    toc = '<nav class="md-nav md-nav--secondary" aria-label="目录"><label class="md-nav__title">目录</label><ul></ul></nav>'
    page = f'<div class="drawer">{toc}</div><div class="right">{toc}</div><article>{QUIZ_HTML}{SIDEBAR}</article>'
    placed = quiz_assets.place_sidebar(page)
    right = placed.index('<div class="right">')
    sidebar = placed.index('id="quiz-progress-sidebar"')
    assert placed.count('id="quiz-progress-sidebar"') == 1
    assert right < sidebar < placed.index('<label class="md-nav__title">目录', right)  # first in the right-hand TOC
    assert 'display: none' not in placed[sidebar - 40:placed.index("</div>", sidebar)]
    assert 'id="quiz-progress-mobile"' in placed[placed.index("<article>"):]  # the phone bar stays in the page
    assert quiz_assets.place_sidebar(QUIZ_HTML + SIDEBAR) == QUIZ_HTML + SIDEBAR  # no TOC: left where it is
    total = '<span class="quiz-progress-total">0</span>'
    assert '<span class="quiz-progress-total">2</span>' in quiz_assets.place_sidebar(QUIZ_HTML * 2 + total)
