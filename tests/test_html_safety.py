"""HTML and URLs read the way a browser reads them (rules.html_safety, content.html).

Example-based tests for each spelling and tag the issue names, property-based
tests (hypothesis) for generated spellings and for harmless content, a
differential test against Python-Markdown itself (what it renders from random
Markdown must not carry a script the source check missed), and the allowlist
against Ammonia's (nh3) as the reference.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import markdown
import nh3
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from sample_content import examples, findings_of, line_of, module_with, run
from site_build import ROOT

from handbook.content.html import (
    ALLOWED_TAGS,
    GLOBAL_ATTRIBUTES,
    SAFE_SCHEMES,
    TAG_ATTRIBUTES,
    URL_ATTRIBUTES,
    start_tags,
    url_problem,
)
from handbook.content.markdown import view
from handbook.outputs import html_gate
from handbook.rules.html_safety import check_html
from handbook.rules.images import check_images

P = "curriculum/m1.md"
PROPERTY = settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
SAFETY_RULES = ("html.", "image.")


def rules_at(text: str) -> set[tuple[str, int]]:
    """(rule, line) of every HTML/URL/image finding of a page body (line 1 = first line)."""
    parsed = view(text)
    return {(f.rule, f.line) for f in check_html("p.md", parsed) + check_images("p.md", parsed)}


def all_rules_at(text: str) -> list[tuple[str, int]]:
    """Like ``rules_at``, but every finding, sorted: a defect reported twice shows twice."""
    parsed = view(text)
    return sorted((f.rule, f.line) for f in check_html("p.md", parsed) + check_images("p.md", parsed))


# --- the defects of the issue -------------------------------------------------------------------

def test_an_entity_spelled_javascript_link_fails_at_its_line():
    text = module_with("要点。", '要点。\n\n<a href="&#106;avascript:alert(1)">点我</a>')
    assert (P, line_of(text, "<a href")) in findings_of(run({P: text}), "html.javascript-url")


@pytest.mark.parametrize("code", [
    "    <script>alert(1)</script>",                      # indented code block (the false alarm of the issue)
    "```html\n<script>alert(1)</script>\n```",
    "~~~\n<iframe src=x></iframe>\n~~~",
    "行内 `<script>alert(1)</script>` 示例",
    "- 列表\n\n        <script>alert(1)</script>",        # code inside a list item (8 spaces)
    '!!! note "示例"\n\n        <script>alert(1)</script>',  # code inside an admonition (8 spaces)
])
def test_html_shown_as_code_is_not_checked(code):
    text = module_with("要点。", f"要点。\n\n{code}\n")
    assert run({P: text}).findings == []


@pytest.mark.parametrize("where, snippet", [
    ("admonition body", '!!! note "提示"\n    <script>alert(1)</script>'),
    ("admonition body after two blank lines", '!!! note\n    正文\n\n\n    <script>alert(1)</script>'),
    ("collapsible block", '??? tip "要点"\n    <script>alert(1)</script>'),
    ("tab", '=== "甲"\n    <script>alert(1)</script>'),
    ("list item at 6 spaces", "- 项目\n\n      <script>alert(1)</script>"),
    ("raw div (Python-Markdown keeps it raw)", "<div>\n\n    <script>alert(1)</script>\n\n</div>"),
    ("inline code inside a raw div", "<div>\n\n`<script>alert(1)</script>`\n\n</div>"),
    ("unclosed fence", "```\n<script>alert(1)</script>"),
    ("fence closed by a longer fence", "```\n<script>alert(1)</script>\n````"),
    ("md_in_html", "<div markdown>\n\n<script>alert(1)</script>\n\n</div>"),
])
def test_html_that_python_markdown_renders_is_checked_where_commonmark_sees_code(where, snippet):
    text = module_with("要点。", f"要点。\n\n{snippet}\n")
    found = findings_of(run({P: text}), "html.forbidden-tag")
    assert (P, line_of(text, "<script>")) in found, where


# --- tags, attributes, URLs ---------------------------------------------------------------------

BAD_TAGS = ["<script>1</script>", "<SCRIPT>1</SCRIPT>", "<iframe src=a.html></iframe>", "<IFrame>", "<object data=x>",
            "<embed src=x>", "<base href=/>", '<meta http-equiv="refresh" content="0;url=x">', "<form action=x>",
            "<svg><circle r=1 /></svg>", "<math><mi>x</mi></math>", "<style>a{}</style>", "<link rel=stylesheet href=x>",
            "<template><b>x</b></template>", "<textarea>", "<input>", "<body onload=x>"]


@pytest.mark.parametrize("tag", BAD_TAGS)
def test_forbidden_tags_at_their_line(tag):
    text = f"正文\n\n第三行 {tag}\n"
    assert ("html.forbidden-tag", 3) in rules_at(text), rules_at(text)


@pytest.mark.parametrize("snippet, rule", [
    ('<span onclick="x()">点</span>', "html.event-handler"),
    ('<span ONMOUSEOVER="x()">点</span>', "html.event-handler"),
    ("<b/onclick=x>点</b>", "html.event-handler"),
    ('<span style="background:url(http://x/)">点</span>', "html.forbidden-attribute"),
    ('<span data-x="1">点</span>', "html.forbidden-attribute"),
    ('<a href="vbscript:msgbox(1)">点</a>', "html.javascript-url"),
    ('<a href="data:text/html,<script>alert(1)</script>">点</a>', "html.unsafe-url"),
    ('<img alt="图" src="file:///etc/passwd">', "html.unsafe-url"),
    ("[点](javascript:alert(1))", "html.javascript-url"),
    ("[点](&#x6A;avascript:alert(1))", "html.javascript-url"),
    ("![图](data:text/html;base64,PHNjcmlwdD4=)", "html.unsafe-url"),
    ("<javascript://%0Aalert(1)>", "html.javascript-url"),
    ("[点][r]\n\n[r]: javascript:alert(1)", "html.javascript-url"),
    ('[点](a.md){: onclick="alert(1)" }', "html.event-handler"),
    ("## 标题 {: style=\"x\" }", "html.forbidden-attribute"),
    ('<img src="a.png">', "image.missing-alt"),
    ('<img alt="" src="a.png">', "image.missing-alt"),
    ('<IMG ALT="  " SRC="a.png">', "image.missing-alt"),
    ("![](a.png)", "image.missing-alt"),
])
def test_each_rule_at_its_line(snippet, rule):
    text = f"正文\n\n{snippet}\n"
    assert (rule, 3) in rules_at(text), rules_at(text)


@pytest.mark.parametrize("rule, snippet", [
    ("html.unsafe-url", '<a href="ftp://example.com/x">点</a>'),
    ("html.forbidden-attribute", '<span style="color:red">红</span>'),
])
def test_new_rules_report_their_defect_on_the_right_line_of_a_page(rule, snippet):
    text = module_with("要点。", f"要点。\n\n{snippet}\n")
    handbook = run({P: text})
    assert [(f.rule, f.line) for f in handbook.errors] == [(rule, line_of(text, snippet))]
    assert "请" in handbook.errors[0].message


def test_a_value_is_shown_on_one_line_and_whole_up_to_sixty_characters():
    exact = "ftp://x/" + "a" * 52                                   # 60 characters
    text = f'正文\n\n<a href="{exact}">一</a> <a href="{exact}b">二</a> <a href="ftp://x/a\n  b">三</a>\n'
    assert [(f.rule, f.line, f.message.split("”")[0]) for f in check_html("p.md", view(text))] == [
        ("html.unsafe-url", 3, f"链接地址“{exact}"), ("html.unsafe-url", 3, f"链接地址“{exact}…"),
        ("html.unsafe-url", 3, "链接地址“ftp://x/a b")]


def test_only_allowed_url_attributes_are_judged_as_urls():
    """A script URL in class or title is text; href on a <span> is not allowed at all, whatever its value."""
    text = '正文\n\n<span class="javascript:x" title="ftp://x" href="https://example.com/">四</span>\n\n## 标题 {: data-x=1 }\n'
    assert [(f.rule, f.line, f.message.split(" 不在")[0]) for f in check_html("p.md", view(text))] == [
        ("html.forbidden-attribute", 3, "<span> 标签的属性 href"), ("html.forbidden-attribute", 5, "属性列表中的属性 data-x")]


def test_quiz_attributes_are_left_to_the_quiz_rules_and_the_html_after_a_quiz_is_checked():
    text = '正文\n\n<quiz objectives="M1-O1" x=1>\n问？\n- [x] 是\n- [ ] 否\n\n解析。\n</quiz>\n\n<b onclick=y>b</b>\n'
    assert all_rules_at(text) == [("html.event-handler", 11)]


def test_attribute_lists_judge_every_attribute_but_classes_and_ids():
    """{: .cls #id } pass; a handler after them is still found, and a script URL in href (attr_list sets a link's href)."""
    text = '## 标题 {: .cls #anchor ID="x" class="y" onclick=z }\n\n[点](a.md){: href="javascript:alert(1)" }\n'
    assert all_rules_at(text) == [("html.event-handler", 1), ("html.javascript-url", 3)]


SAFE = ['<span class="hb-x" id="a1" title="说明">字</span>', '<a href="https://example.com/a?b=1&amp;c=2">外链</a>',
        '<a href="../cases/c1.md#背景">站内</a>', '<a href="mailto:hr@example.com">邮件</a>', '<a href="tel:+861012345678">电话</a>',
        '<a href="#本章小结">锚点</a>', '<img src="img/a.png" alt="示意图" width="100">', "<details><summary>展开</summary>内容</details>",
        '<div class="hb-form" markdown>\n\n**表单**\n\n</div>', "<kbd>Ctrl</kbd>+<kbd>P</kbd>", "a < b 且 c > d",
        "&lt;script&gt; 是转义后的文字", "<br>", '<ol start="3"><li>三</li></ol>', '<td colspan="2">格</td>',
        '<span role="note" aria-label="说明">注</span>', "[站内](../cases/c1.md)", "<https://example.com/>",
        '<quiz objectives="M1-O1">', "《刑法》第二百九十三条之一"]


@pytest.mark.parametrize("snippet", SAFE)
def test_harmless_html_passes(snippet):
    assert rules_at(f"正文\n\n{snippet}\n") == set()


# --- properties ---------------------------------------------------------------------------------

def _spell(char: str, following: str, draw: st.DrawFn, semicolon_optional: bool) -> str:
    """One character of a URL scheme as a browser still reads it. A numeric character
    reference may drop its ``;`` in an HTML attribute, unless the next character would
    continue the number (then it is another character: not a script URL)."""
    forms = ["plain", "upper", "dec;", "hex;", "HEX;"]
    if semicolon_optional:
        forms += [form for form, digits in (("dec", "0123456789"), ("hex", "0123456789abcdefABCDEF"))
                  if following[:1] not in digits or not following]
    code = ord(char)
    return {"plain": char, "upper": char.upper(), "dec": f"&#{code}", "dec;": f"&#{code};", "hex": f"&#x{code:x}",
            "hex;": f"&#x{code:x};", "HEX;": f"&#X{code:X};"}[draw(st.sampled_from(forms))]


@st.composite
def script_scheme(draw: st.DrawFn, quoted: bool = True) -> str:
    """``quoted``: inside an HTML attribute; else a Markdown link destination, where
    Python-Markdown keeps only references with their ``;`` (and no tabs or newlines)."""
    scheme = draw(st.sampled_from(["javascript", "vbscript"]))
    chars: list[str] = []
    for index in range(len(scheme) - 1, -1, -1):          # right to left: each knows what follows it
        chars.insert(0, _spell(scheme[index], "".join(chars) or ":", draw, quoted))
    if quoted:       # tabs and newlines anywhere in the scheme are removed by the URL parser
        for _ in range(draw(st.integers(0, 3))):
            chars.insert(draw(st.integers(0, len(chars))), draw(st.sampled_from(["\t", "\n", "&#9;", "&#10;", "&Tab;",
                                                                                 "&NewLine;", "&#13;"])))
    lead = draw(st.sampled_from(["", " ", "  ", "&#32;", "&#x20;", "\n "])) if quoted else ""
    colon = draw(st.sampled_from([":", "&colon;", "&#58;", "&#x3a;"]))
    # A blank line would end the Markdown paragraph, and with it the tag: not a link any more.
    url = lead + "".join(chars) + colon + "alert(1)"
    while re.search(r"\n[ \t]*\n", url):
        url = re.sub(r"\n[ \t]*\n", "\n", url)
    return url


@PROPERTY
@given(script_scheme(), st.sampled_from(['<a href="{}">点</a>', "<a href='{}'>点</a>", '<img alt="图" src="{}">',
                                          '<A HREF="{}">点</A>', '<q cite="{}">引</q>']))
def test_script_urls_in_any_spelling_fail(url, template):
    text = "正文\n\n" + template.format(url.replace('"', "&quot;") if '"' in template else url) + "\n"
    assert ("html.javascript-url", 3) in rules_at(text), (text, rules_at(text))


@PROPERTY
@given(script_scheme(quoted=False))
def test_script_urls_in_markdown_links_fail(url):
    for text in (f"正文\n\n[点]({url})\n", f"正文\n\n![图]({url})\n", f"正文\n\n[点][x]\n\n[x]: {url}\n"):
        assert ("html.javascript-url", 3) in rules_at(text), (text, rules_at(text))


@PROPERTY
@given(st.builds(lambda o, n, rest: o + n + rest, st.sampled_from(["o", "O"]), st.sampled_from(["n", "N"]),
                 st.text(alphabet="clickmouseverlaferrOEFKLMCS", min_size=0, max_size=10)),
       st.sampled_from(["span", "b", "a", "img", "div", "td", "SPAN"]), st.sampled_from(['="x()"', "=x", "='x'", ""]))
def test_event_handlers_in_any_case_fail(name, tag, value):
    text = f"正文\n\n<{tag} alt=\"a\" {name}{value}>字</{tag}>\n"
    assert ("html.event-handler", 3) in rules_at(text), text


@PROPERTY
@given(st.sampled_from(["svg", "math", "base", "meta", "form", "object", "embed", "iframe", "script", "style"]),
       st.sampled_from(["", " x=1", ' http-equiv="refresh"']), st.sampled_from([str.lower, str.upper, str.title]))
def test_forbidden_tags_in_any_case_fail(tag, attributes, case):
    text = f"正文\n\n前 <{case(tag)}{attributes}> 后\n"
    assert ("html.forbidden-tag", 3) in rules_at(text), text


_SAFE_URL = st.sampled_from(["https://example.com/", "http://127.0.0.1:8000/", "a.md", "../b/c.md#x", "#锚点", "mailto:a@b.cn",
                             "tel:110", "img/x.png", "?q=1", "/abs/path", "https://例子.cn/路径"])
_SAFE_TAG = st.sampled_from(["span", "b", "i", "em", "strong", "code", "mark", "small", "sub", "sup", "kbd", "abbr", "q"])


@PROPERTY
@given(st.lists(st.one_of(
    st.text(alphabet="法律合规催收《》（）、。，：“”abc 123", max_size=20),
    st.builds(lambda t, c: f'<{t} class="{c}">字</{t}>', _SAFE_TAG, st.sampled_from(["a", "hb-x", "a b"])),
    st.builds(lambda u: f'<a href="{u}">链接</a>', _SAFE_URL),
    st.builds(lambda u: f"[链接]({u})", _SAFE_URL),
    st.builds(lambda u: f'<img src="{u}" alt="图片说明">', _SAFE_URL),
    st.sampled_from(["`<script>x</script>`", "a < b", "c > d", "&lt;iframe&gt;", "&amp;", "\n\n```\n<script>\n```\n\n",
                     "\n\n    <iframe>\n\n", "<br>", "正文<!-- 注释 <script> -->"]),
), max_size=8).map(" ".join))
def test_harmless_content_never_fails(text):
    assert rules_at(text) == set(), text


# --- against Python-Markdown itself ----------------------------------------------------------------

@cache
def _python_markdown() -> tuple[list[str], dict[str, dict[str, Any]]]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return list(config["markdown_extensions"]), dict(config["mdx_configs"])


def _rendered_problems(text: str) -> list[html_gate.Problem]:
    extensions, configs = _python_markdown()
    rendered = markdown.Markdown(extensions=extensions, extension_configs=configs).convert(text)
    return html_gate.scan("p/index.html", f"<!DOCTYPE html><html><body>{rendered}</body></html>",
                          html_gate.Site("/", frozenset()))


# What editors write: prose, lists, admonitions, fences, code, HTML, links, quizzes — and dangerous pieces.
_PIECES = st.sampled_from([
    "正文", " ", "\n", "\n\n", "    ", "- ", "1. ", "> ", '!!! note "提示"\n    ', "??? tip\n    ", '=== "甲"\n    ',
    "```\n", "```python\n", "~~~\n", "`", "``", "<div>", "</div>", '<div class="hb-form" markdown>', "<span>", "</span>",
    "<details>", "</details>", "<p>", "</p>", "<br>", "<hr>", "<quiz>", "</quiz>", "[链接](", "](", ")", "[x]", "[x]: ",
    "<!--", "-->", "<https://example.com/>", "## ", "#", "| 甲 | 乙 |\n|---|---|\n", "{: .cls }",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b onclick=x>", "javascript:alert(1)", "&#106;",
    '<a href="javascript:alert(1)">', "<iframe>", "{: onclick=x }", "<b/onclick=x>",
])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=12).map("".join))
@example('正文```\n```\n<a href="javascript:alert(1)">```\n')   # an unclosed fence does not end a paragraph
def test_what_python_markdown_renders_carries_no_script_the_source_check_missed(text):
    """The no-bypass property, against the real renderer: when the page Python-Markdown
    renders from ``text`` has a script, event handler or script URL, the source check
    has reported something on ``text``."""
    if _rendered_problems(text):
        assert rules_at(text), text


# --- the reference allowlist ---------------------------------------------------------------------

def test_the_allowlist_is_a_subset_of_ammonias_plus_documented_additions():
    assert ALLOWED_TAGS - {"quiz"} <= set(nh3.ALLOWED_TAGS)
    assert set(nh3.ALLOWED_URL_SCHEMES) >= SAFE_SCHEMES
    ammonia_generic = {"lang", "title"}
    additions = {"class", "id", "dir", "role", "markdown",                 # styling hooks, md_in_html, a11y
                 "rel", "target", "loading", "reversed", "type", "value", "open", "datetime", "objectives"}
    assert ammonia_generic | additions >= GLOBAL_ATTRIBUTES
    for tag, attributes in TAG_ATTRIBUTES.items():
        allowed = set(nh3.ALLOWED_ATTRIBUTES.get(tag, set())) | ammonia_generic | additions
        assert attributes <= allowed, (tag, attributes - allowed)


@pytest.mark.parametrize("attribute", sorted(URL_ATTRIBUTES))
def test_every_url_attribute_is_judged_as_a_url(attribute):
    """On the rendered page (the last gate) any URL attribute with a script URL is reported."""
    problems = html_gate.scan("p/index.html", f'<p><x-y {attribute}="javascript:alert(1)"></x-y></p>',
                              html_gate.Site("/", frozenset()))
    assert [p.attribute for p in problems] == [attribute]


@pytest.mark.parametrize("value, problem", [
    ("javascript:x", "script"), (" JaVaScRiPt:x", "script"), ("java\tscript:x", "script"), ("\x01javascript:x", "script"),
    ("vbscript:x", "script"), ("data:text/html,x", "scheme"), ("file:///x", "scheme"), ("https://a", None), ("a.md", None),
    ("#x", None), ("//cdn.example.com/x.js", None), ("mailto:a@b", None), ("tel:1", None), ("", None), ("a:b", "scheme"),
])
def test_url_policy(value, problem):
    assert url_problem(value) == problem


def test_every_tag_of_a_raw_block_is_reported_at_its_own_line():
    """Raw HTML blocks are parsed whole; each finding names the line of its own tag, also
    for the second and third tag of the same name, in any case."""
    text = ("正文\n\n<div>\n<span onclick=a>一</span>\n<SPAN onclick=b>二</SPAN>\n"
            "<span>好</span> <span onmouseover=c>三</span>\n<p><a href='javascript:x'>四</a></p>\n</div>\n")
    assert rules_at(text) == {("html.event-handler", 4), ("html.event-handler", 5), ("html.event-handler", 6),
                              ("html.javascript-url", 7)}


def test_svg_and_math_are_reported_once_and_the_html_after_them_is_checked_again():
    """Inside <svg>/<math> nothing is judged on its own (the element is reported); after the
    matching end tag (not an inner one) every tag is judged again. The first tag of a raw
    block, at its very start, has the block's first line even when the same tag comes again."""
    text = ("正文\n\n<div onclick=a>\n<svg><g><circle onload=x /></g><script>alert(1)</script><img src=x></svg>\n"
            "<math><mi>x</mi></math><img src=y>\n<p onclick=b>\n<div onclick=c>\n</div>\n</div>\n")
    assert all_rules_at(text) == [("html.event-handler", 3), ("html.event-handler", 6), ("html.event-handler", 7),
                                  ("html.forbidden-tag", 4), ("html.forbidden-tag", 5), ("image.missing-alt", 5)]


def test_a_second_body_with_onload_is_reported_at_its_line():
    text = "正文\n\n<body onload=x>\n\n后\n\n<BODY onload=y>\n"
    assert all_rules_at(text) == [("html.forbidden-tag", 3), ("html.forbidden-tag", 7)]


def test_start_tags_reads_what_the_tokenizer_reads_with_lines_from_one():
    tags = start_tags('<P CLASS=x>\n<!-- <i> -->\n<svg>\n<b title="&lt;&#106;" hidden></svg><I>')
    assert [(tag.name, tag.attrs, tag.line, tag.foreign) for tag in tags] == [
        ("p", {"class": "x"}, 1, False), ("svg", {}, 3, False), ("b", {"title": "<j", "hidden": ""}, 4, True),
        ("i", {}, 4, False)]


def test_the_markdown_attribute_and_attribute_values_are_read_by_the_html_parser():
    # md_in_html: markdown="0" keeps the block raw (the link stays text, as Python-Markdown
    # renders it); markdown / markdown="1" makes it Markdown.
    assert rules_at('正文\n\n<div markdown="0">\n[a](javascript:x)\n</div>\n') == set()
    assert ("html.javascript-url", 4) in rules_at('正文\n\n<div markdown="1">\n[a](javascript:x)\n</div>\n')
    assert ("html.javascript-url", 4) in rules_at("正文\n\n<DIV MARKDOWN>\n[a](&#x6A;avascript:x)\n</DIV>\n")
