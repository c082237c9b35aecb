"""Every input file gets a finding, never a traceback (content.inputs, rules.pages.check_in_nav)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sample_content import MODULE, REGISTRY, TODAY, line_of
from site_build import build_site

from handbook.check import main as check_main
from handbook.content.findings import Severity
from handbook.content.inputs import LONG_LINE
from handbook.pipeline import analyse

P = "curriculum/m1.md"
GBK_LINE = "依据《刑法》第二百九十三条之一规定了催收非法债务罪"


def run(content: str | bytes, nav: set[str] | None = None):
    return analyse({P: content}, {"reference/laws.yml": REGISTRY}, set(), today=TODAY, nav=nav)


def only(handbook, rule: str) -> list[tuple[int, Severity]]:
    return [(f.line, f.severity) for f in handbook.findings if f.rule == rule]


def gbk_page() -> tuple[bytes, int]:
    """The sample module with one line saved as GBK (what a Windows editor often does)."""
    text = MODULE.replace("《刑法》第二百九十三条之一规定了催收非法债务罪", GBK_LINE)
    line = line_of(text, GBK_LINE)
    before, after = text.split(GBK_LINE)
    return before.encode("utf-8") + GBK_LINE.encode("gbk") + after.encode("utf-8"), line


def test_bytes_that_are_not_utf8_are_an_error_at_their_line():
    data, line = gbk_page()
    handbook = run(data)
    assert only(handbook, "input.encoding") == [(line, Severity.ERROR)]
    assert "GBK" in next(f.message for f in handbook.findings if f.rule == "input.encoding")
    assert handbook.pages[P].meta is not None   # the rest of the page is still checked


def test_bad_bytes_on_several_lines_are_each_reported_up_to_five():
    lines = [b"ok", b"\xff", b"ok", b"\xfe\xfe", *[b"\xc0"] * 10]
    handbook = run(b"\n".join(lines))
    assert [line for line, _ in only(handbook, "input.encoding")] == [2, 4, 5, 6, 7]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_a_utf16_or_utf32_file_is_named(encoding):
    handbook = run(MODULE.encode(encoding))
    [finding] = [f for f in handbook.findings if f.rule == "input.encoding"]
    assert finding.line == 1 and encoding.upper() in finding.message


def test_a_byte_order_mark_is_a_warning_and_does_not_hide_the_front_matter():
    handbook = run(b"\xef\xbb\xbf" + MODULE.encode("utf-8"))
    assert only(handbook, "input.bom") == [(1, Severity.WARNING)]
    assert handbook.errors == [] and handbook.pages[P].meta is not None


def test_crlf_line_ends_are_fine_and_keep_every_line():
    broken = MODULE.replace("## 模拟演练\n", "## 模拟演练\n\n依据《刑法》第二百三十八条。\n")
    lf = run(broken)
    crlf = run(broken.replace("\n", "\r\n").encode("utf-8"))
    assert [(f.line, f.rule) for f in crlf.findings] == [(f.line, f.rule) for f in lf.findings]
    assert [f.rule for f in lf.findings] == ["law.unregistered-article"]


def test_a_lone_carriage_return_is_a_warning_at_its_line_and_counts_as_a_line_end():
    text = MODULE.replace("## 实际应用\n\n", "## 实际应用\r\r")
    handbook = run(text)
    assert only(handbook, "input.line-ending") == [(line_of(MODULE, "## 实际应用"), Severity.WARNING)]
    assert handbook.errors == []


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f"])
def test_control_characters_are_an_error_at_their_line(char):
    text = MODULE.replace("要点。", f"要点{char}。")
    assert only(run(text), "input.control-char") == [(line_of(text, "要点"), Severity.ERROR)]


@pytest.mark.parametrize("content", [b"", b"   \n\n", "\ufeff\n".encode("utf-8")])
def test_an_empty_file_is_one_error_and_nothing_else(content):
    handbook = run(content)
    assert [(f.rule, f.line) for f in handbook.errors] == [("input.empty", 1)]


def test_a_very_long_line_is_a_warning_and_is_checked_quickly():
    text = MODULE.replace("要点。", "要点。" + "数" * (LONG_LINE + 1))
    assert only(run(text), "input.long-line") == [(line_of(text, "要点"), Severity.WARNING)]
    hostile = MODULE.replace("要点。", "要点。" + "<a `[x](" * 30_000)   # 240 000 characters of markup
    started = time.perf_counter()
    handbook = run(hostile)
    assert time.perf_counter() - started < 20
    assert only(handbook, "input.long-line")


def test_a_page_not_in_the_nav_is_an_error_naming_the_file():
    handbook = run(MODULE, nav={"index.md"})
    [finding] = [f for f in handbook.findings if f.rule == "page.not-in-nav"]
    assert (finding.line, finding.path) == (1, P) and "mkdocs.yml" in finding.message and "请" in finding.message
    assert not [f for f in run(MODULE, nav={P}).findings if f.rule == "page.not-in-nav"]
    assert not [f for f in run(MODULE, nav=None).findings if f.rule == "page.not-in-nav"]


def test_data_files_are_read_the_same_way():
    handbook = analyse({P: MODULE}, {"reference/laws.yml": b"\xef\xbb\xbf" + REGISTRY.encode("utf-8") + b"\n# \xff\n"},
                       set(), today=TODAY)
    assert [(f.path, f.rule) for f in handbook.findings] == [("reference/laws.yml", "input.bom"),
                                                             ("reference/laws.yml", "input.encoding")]


def test_make_check_reads_bytes_and_the_nav(tmp_path, capsys):
    docs = tmp_path / "docs"
    (docs / "curriculum").mkdir(parents=True)
    (docs / "reference").mkdir()
    (docs / "reference" / "laws.yml").write_text(REGISTRY, encoding="utf-8")
    data, line = gbk_page()
    (docs / "curriculum" / "m1.md").write_bytes(data)
    (docs / "orphan.md").write_bytes(b"")
    (tmp_path / "mkdocs.yml").write_text("nav:\n  - curriculum/m1.md\n", encoding="utf-8")
    assert check_main([str(docs)]) == 1
    output = capsys.readouterr().out
    assert f"curriculum/m1.md:{line} [input.encoding]" in output
    assert "orphan.md:1 [input.empty]" in output


def test_a_page_that_is_not_utf8_fails_the_strict_build_with_its_line_not_a_traceback(mini_project: Path, tmp_path):
    data, line = gbk_page()
    (mini_project / "docs" / "curriculum" / "m1.md").write_bytes(data)
    (mini_project / "docs" / "orphan.md").write_text(MODULE.replace("id: M1", "id: M9"), encoding="utf-8")
    result = build_site(mini_project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/curriculum/m1.md:{line} [input.encoding]" in output, output
    assert "docs/orphan.md:1 [page.not-in-nav]" in output
    assert "Traceback" not in output and "UnicodeDecodeError" not in output
    assert "Aborted with" in output
