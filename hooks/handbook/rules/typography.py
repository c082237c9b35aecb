"""One typographic style for Simplified Chinese text (GB/T 15834 punctuation).

AutoCorrect (autocorrect-py, the maintained CJK copy linter) checks spacing
between Chinese and Latin letters or digits and full-width punctuation in
Chinese sentences. It reads Markdown itself (code, HTML and comments are left
alone); two things of ours it does not know are hidden from it first: the
front matter (YAML, not prose) and mkdocs-quiz's fill-in blanks ``[[答案]]``
(swapped for full-width brackets of the same length, so columns stay right).

What AutoCorrect leaves alone is checked here: ASCII quotes and ASCII
parentheses around Chinese text, which GB/T 15834 writes “…”, ‘…’ and （…）.

``fix`` applies AutoCorrect's own corrections to a page (``make typography``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import autocorrect_py

from ..content.findings import Finding, error
from ..content.frontmatter import split
from ..content.inputs import LONG_LINE
from ..content.markdown import line_at, view
from ..content.yaml_source import KeyPath, line_for

_BLANK = re.compile(r"\[\[(.+?)\]\]")
_HAN = r"\u3400-\u9fff\uf900-\ufaff"
# ASCII quotes or parentheses whose content holds Chinese.
_ASCII_QUOTED = re.compile(rf'"(?P<inner>[^"\n]*[{_HAN}][^"\n]*)"'            # Chinese inside
                           rf'|(?<=[{_HAN}，。：；、])"(?P<near>[^"\n]+)"'           # or right after Chinese
                           rf'|"(?P<before>[^"\n]+)"(?=[{_HAN}，。：；、])')         # or right before it
_ASCII_SINGLE = re.compile(rf"'(?P<inner>[^'\n]*[{_HAN}][^'\n]*)'")
_ASCII_PARENS = re.compile(rf"(?<!\])\((?P<inner>[^()\n]*[{_HAN}][^()\n]*)\)")
# Markup whose quotes and parentheses are syntax, not prose.
_SYNTAX = re.compile(
    r"<[A-Za-z/][^>\n]*>"                 # HTML tags and their attributes (<quiz objectives="…">)
    r"|\]\([^)\n]*\)"                     # link and image destinations [text](…)
    r"|\{[^}\n]*\}"                       # attribute lists {#id .class}
    r"|^[ \t]*(?:!!!|\?\?\?\+?)[^\n]*$",  # admonition headers !!! tip "标题" (the title is an attribute)
    re.MULTILINE,
)


@dataclass(frozen=True)
class Correction:
    line: int        # file line
    old: str
    new: str


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _prose_for_autocorrect(text: str) -> tuple[str, int]:
    """The page body with quiz blanks in full-width brackets, and the ASCII quotes and
    parentheses our own rules report already full-width (so AutoCorrect does not report
    them a second time); returns it with the number of lines above it."""
    page = split(text.replace("\r\n", "\n"))
    body = _BLANK.sub(lambda m: f"［［{m.group(1)}］］", _fix_marks(page.body))
    return body, page.body_first_line - 1


def corrections(text: str, path: str = "page.md") -> list[Correction]:
    body, offset = _prose_for_autocorrect(text)
    try:
        result = autocorrect_py.lint_for(body, path)
    except ValueError:   # AutoCorrect gives up on pathological text ("call limit reached", a pasted
        return []        # 200 000-character line): input.long-line reports that line instead

    return [Correction(item.line + offset, item.old, item.new) for item in result.lines]


def _difference(old: str, new: str) -> tuple[str, str]:
    """The changed part of a line with a little context, for the message."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old, end_new = end_old - 1, end_new - 1
    begin = max(0, start - 6)
    return old[begin:end_old + 6].strip(), new[begin:end_new + 6].strip()


def check_typography(path: str, text: str, body: str, first_line: int) -> list[Finding]:
    if any(len(line) > LONG_LINE for line in text.split("\n")):
        # Pasted data, not prose (input.long-line says so): AutoCorrect and the patterns below
        # take minutes on a 200 000-character line of markup.
        return []
    findings = []
    for found in corrections(text, path):
        old, new = _difference(found.old, found.new)
        findings.append(error(path, found.line, "typography.autocorrect",
                              f"中文排版：“{old}”应写作“{new}”（中英文、数字之间加空格，中文句子用全角标点）。"
                              "运行 make typography 可自动修正全部页面。"))
    masked = _SYNTAX.sub(_blank, view(body).prose)
    for match in _ASCII_QUOTED.finditer(masked):
        inner = match.group(0)[1:-1]
        findings.append(error(path, line_at(masked, match.start(), first_line), "typography.ascii-quote",
                              f"中文引号应使用“”：把 \"{inner}\" 改为“{inner}”。"
                              "英文双引号只用于代码、HTML 属性和 YAML。"))
    for match in _ASCII_SINGLE.finditer(masked):
        findings.append(error(path, line_at(masked, match.start(), first_line), "typography.ascii-quote",
                              f"中文引号（引号里的引号）应使用‘’：把 '{match.group('inner')}' 改为‘{match.group('inner')}’。"))
    for match in _ASCII_PARENS.finditer(masked):
        findings.append(error(path, line_at(masked, match.start(), first_line), "typography.ascii-paren",
                              f"中文括注应使用全角括号：把 ({match.group('inner')}) 改为（{match.group('inner')}）。"))
    return findings


def _fix_marks(body: str) -> str:
    """ASCII quotes and parentheses around Chinese text, replaced by full-width ones."""
    masked = _SYNTAX.sub(_blank, view(body).prose)
    pieces, position = [], 0
    found = [*_ASCII_QUOTED.finditer(masked), *_ASCII_SINGLE.finditer(masked), *_ASCII_PARENS.finditer(masked)]
    full_width = {'"': ("“", "”"), "'": ("‘", "’"), "(": ("（", "）")}
    for match in sorted(found, key=lambda m: m.start()):
        if match.start() < position:
            continue
        opening, closing = full_width[masked[match.start()]]
        pieces += [body[position:match.start()], opening, body[match.start() + 1:match.end() - 1], closing]
        position = match.end()
    pieces.append(body[position:])
    return "".join(pieces)


def _mark_findings(path: str, text: str, line: int) -> list[Finding]:
    """ASCII quotes and parentheses in one plain string (a YAML value)."""
    findings = []
    for match in [*_ASCII_QUOTED.finditer(text), *_ASCII_SINGLE.finditer(text)]:
        inner = match.group(0)[1:-1]
        opening, closing = ("“", "”") if match.group(0)[0] == '"' else ("‘", "’")
        findings.append(error(path, line, "typography.ascii-quote",
                              f"中文引号应使用全角：把 {match.group(0)} 改为{opening}{inner}{closing}"
                              "（YAML 中的文字请手工修改）。"))
    for match in _ASCII_PARENS.finditer(text):
        findings.append(error(path, line, "typography.ascii-paren",
                              f"中文括注应使用全角括号：把 ({match.group('inner')}) 改为（{match.group('inner')}）"
                              "（YAML 中的文字请手工修改）。"))
    return findings


def check_yaml_strings(path: str, data: object, key_lines: dict[KeyPath, int], key_path: KeyPath = ()) -> list[Finding]:
    """Every text value of front matter or a data file, which trainees read too (titles, definitions, steps)."""
    if isinstance(data, str):
        return _mark_findings(path, data, line_for(key_path, key_lines))
    if isinstance(data, dict):
        return [finding for key, value in data.items()
                for finding in check_yaml_strings(path, value, key_lines, (*key_path, str(key)))]
    if isinstance(data, list):
        return [finding for index, value in enumerate(data)
                for finding in check_yaml_strings(path, value, key_lines, (*key_path, index))]
    return []


def fix(text: str, path: str = "page.md") -> str:
    """The page with the corrections applied to its prose (front matter, code and quiz markup untouched)."""
    normalised = text.replace("\r\n", "\n")
    page = split(normalised)
    head = normalised[:len(normalised) - len(page.body)]
    body, _ = _prose_for_autocorrect(normalised)
    fixed = autocorrect_py.format_for(body, path).replace("［［", "[[").replace("］］", "]]")
    return head + fixed
