"""The last gate on the rendered pages (outputs/html_gate.py, hooks/html_gate.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_build import ROOT, build_site

from handbook.content.sources import read_docs
from handbook.outputs import html_gate
from handbook.pipeline import analyse

SITE = html_gate.Site("/collector-handbook/", frozenset({"assets/quiz/quiz.0123456789.js"}))
PAGE = "curriculum/m1/index.html"


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body><article>{body}</article></body></html>"


def test_every_built_page_passes(built_site: Path):
    quiz = frozenset(p.relative_to(built_site).as_posix() for p in (built_site / "assets" / "quiz").glob("*.js"))
    site = html_gate.Site("/collector-handbook/", quiz, html_gate.own_inline_scripts(built_site))
    scanned = 0
    for file in built_site.rglob("*.html"):
        scanned += 1
        assert html_gate.scan(file.relative_to(built_site).as_posix(), file.read_text(encoding="utf-8"), site) == [], file
    assert scanned >= 30


@pytest.mark.parametrize("html, what", [
    ('<img src="x" onerror="alert(1)">', "onerror"),
    ('<a href="&#106;avascript:alert(1)">x</a>', "javascript:alert(1)"),
    ("<a href=' javascript:alert(1)'>x</a>", "javascript"),
    ("<script>alert(1)</script>", "alert(1)"),
    ('<script src="https://cdn.example.com/x.js"></script>', "cdn.example.com"),
    ('<script src="../../assets/javascripts/evil.js"></script>', "evil.js"),
    ('<script type="application/ld+json">{}</script>', "内联脚本"),
    ("<svg><script>alert(1)</script></svg>", "alert(1)"),
    ('<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>', "animate"),
    ('<iframe src="a.html"></iframe>', "iframe"),
    ('<base href="https://evil.example/">', "base"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "meta"),
    ('<form action="javascript:void(0);">', "javascript:void(0)"),          # inert only with mkdocs-quiz's onsubmit
    ('<a href="javascript:void(0)">x</a>', "javascript:void(0)"),            # inert only on Material's share button
    ('<a href="data:text/html,x">x</a>', "data:"),
    ("<body onload=alert(1)>", "onload"),
])
def test_anything_else_is_reported(html, what):
    problems = html_gate.scan(PAGE, page(html), SITE)
    assert problems and any(what in p.description or what in p.value for p in problems), problems


@pytest.mark.parametrize("html", [
    '<script src="../../assets/javascripts/bundle.0123abcd.min.js"></script>',
    '<script src="/collector-handbook/assets/javascripts/bundle.0123abcd.min.js"></script>',
    '<script src="../../assets/javascripts/print.js"></script>',
    '<script src="../../assets/quiz/quiz.0123456789.js"></script>',
    '<script id="__config" type="application/json">{"search": "../../assets/javascripts/workers/search.0123abcd.min.js"}</script>',
    '<script>var target=document.getElementById(location.hash.slice(1));target&&target.name&&'
    '(target.checked=target.name.startsWith("__tabbed_"))</script>',
    '<a href="javascript:void(0)" data-md-component="search-share">x</a>',
    '<form action="javascript:void(0);" onsubmit="return false;"></form>',
    '<img src="data:image/png;base64,AAAA" alt="x">', '<a href="https://example.com/">x</a>', '<a href="#x">x</a>',
])
def test_the_sites_own_scripts_and_links_pass(html):
    assert html_gate.scan(PAGE, page(html), SITE) == []


def test_a_problem_carries_its_line():
    [problem] = html_gate.scan(PAGE, page("\n\n<img src=x onerror=alert(1)>"), SITE)
    assert problem.line == 3


def test_each_problem_carries_the_line_of_its_own_tag():
    """Also a second <body onload> (merged into the first by a browser), an inline script
    (the line of its <script>) and an entity-spelled javascript: URL."""
    html = ('<!DOCTYPE html>\n<html><body onload=a>\n<p>\n<BODY onload=b>\n<script>\nalert(1)</script>\n'
            '<a href="&#106;avascript:x">x</a>\n')
    assert [(p.tag, p.attribute, p.line) for p in html_gate.scan(PAGE, html, SITE)] == [
        ("body", "onload", 2), ("body", "onload", 4), ("script", "", 5), ("a", "href", 7)]


def test_the_sites_own_lists_are_explicit():
    own = {f"assets/javascripts/{p.name}" for p in (ROOT / "docs" / "assets" / "javascripts").glob("*.js")}
    assert set(html_gate.HANDBOOK_SCRIPTS) == own, "list a new script in html_gate.HANDBOOK_SCRIPTS"


INJECT = '''\
"""Test hook: a plugin that adds an event handler to every page after rendering."""
from mkdocs.plugins import event_priority


@event_priority(-500)
def on_post_page(output, *, page, config):
    return output.replace("<article", '<article onmouseover="alert(1)"', 1)
'''


def test_the_strict_build_fails_naming_the_page_when_a_plugin_injects_a_handler(mini_project: Path, tmp_path):
    (mini_project / "hooks" / "inject.py").write_text(INJECT, encoding="utf-8")
    config = (mini_project / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = "\n".join(f"  - {line.split('- ', 1)[1].strip()}" for line in (ROOT / "mkdocs.yml").read_text(
        encoding="utf-8").split("hooks:\n", 1)[1].split("\n\n", 1)[0].splitlines() if line.strip().startswith("- "))
    (mini_project / "mkdocs.yml").write_text(config + f"hooks:\n{hooks}\n  - hooks/inject.py\n", encoding="utf-8")
    result = build_site(mini_project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "构建结果检查：site/curriculum/m1/index.html（来自 docs/curriculum/m1.md）" in output, output
    assert "onmouseover" in output and "Traceback" not in output and "Aborted with" in output


@pytest.mark.build
def test_html_in_a_glossary_definition_passes_the_content_rules_but_not_the_gate(project_copy: Path, tmp_path):
    """An innocent-looking way in: the glossary page is generated from glossary.yml, whose
    definitions are Markdown the content rules of pages never see."""
    glossary = project_copy / "docs" / "reference" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    marker = "    definition: "
    assert marker in text
    glossary.write_text(text.replace(marker, marker + "<img src=x onerror=alert(1)> ", 1), encoding="utf-8")
    pages, data, others = read_docs(project_copy / "docs")
    # No HTML rule sees it (other rules, e.g. typography of data files, may comment on the text).
    assert not [f for f in analyse(pages, data, others).errors if f.rule.startswith(("html.", "image."))]
    result = build_site(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "site/reference/glossary/index.html（来自 docs/reference/glossary.md）" in output, output
    assert "onerror" in output


def test_the_palette_script_is_written_in_without_its_comment_lines():
    from handbook.outputs import palette
    script = (ROOT / "docs" / "assets" / "javascripts" / "palette.js").read_text(encoding="utf-8")
    written = palette.script_text(script)
    assert not any(line.startswith("//") for line in written.splitlines()) and len(written) < len(script) * 0.7
    assert "__md_set(\"__palette\", palette);" in written and written.count("\n") > 40
