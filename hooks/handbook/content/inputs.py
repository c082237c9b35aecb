"""Every input file as text, and a finding for whatever in its bytes or lines is
not what an editor meant, never a traceback.

================================  ==========  ==========================================
what                              severity    why
================================  ==========  ==========================================
bytes that are not UTF-8          error       the page would show garbage (MkDocs stops
                                              with UnicodeDecodeError); reported at the
                                              line of each bad byte (first five lines)
a UTF-16 or UTF-32 file           error       saved with the wrong encoding; said so
a byte-order mark                 warning     harmless to the build (removed before
                                              reading), invisible and trips other tools
CR LF line ends                   fine        read as LF; lines are the same
a lone CR (old Mac line end)      warning     read as a line end, as Python-Markdown
                                              does; other tools may count lines otherwise
NUL or another control character  error       invisible, breaks the PDF and search; never
                                              typed on purpose (a damaged or binary file)
an empty file                     error       a page needs front matter and a heading
a line over 2000 characters       warning     pasted data (an encoded image, a minified
                                              script) rather than prose; hard to review
================================  ==========  ==========================================

A Markdown file that is not in the navigation is ``page.not-in-nav``
(``rules.pages``): only the site knows its navigation.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from .findings import Finding, error, warning

LONG_LINE = 2000
_MAX_REPORTED = 5
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_NAMES = {"\x00": "NUL", "\x1b": "ESC", "\x7f": "DEL", "\x0c": "换页符 FF", "\x0b": "垂直制表符 VT"}
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
              (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))
_CODECS = {"UTF-32": "utf-32", "UTF-16": "utf-16"}


def decode(path: str, data: bytes) -> tuple[str, list[Finding]]:
    """The text of a file's bytes; undecodable bytes become U+FFFD, each reported."""
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            # Read it in its own encoding, so the rest of the page is still checked.
            return data.decode(_CODECS[name], errors="replace"), [error(
                path, 1, "input.encoding",
                f"文件是 {name} 编码，不是 UTF-8。请在编辑器中选择“另存为 UTF-8（无 BOM）”后重新提交。")]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    bad: list[int] = []

    def collect(problem: UnicodeError) -> tuple[str, int]:
        assert isinstance(problem, UnicodeDecodeError)
        bad.append(problem.start)
        return "\ufffd", problem.end

    text = codecs.decode(data, "utf-8", _handler(collect))
    findings: list[Finding] = []
    for offset in bad:
        line = data.count(b"\n", 0, offset) + 1
        if len(findings) == _MAX_REPORTED:
            break
        if not any(f.line == line for f in findings):
            findings.append(error(
                path, line, "input.encoding",
                f"第 {line} 行有不是 UTF-8 的字节（0x{data[offset]:02X}），页面上会显示成乱码。请用 UTF-8 编码"
                "保存文件（常见原因：用 GBK/GB2312 编码保存，或从其他软件粘贴了内容），并核对这一行的文字。"))
    return text, findings


_HANDLER = "handbook-inputs"
_current: list[Callable[[UnicodeError], tuple[str, int]]] = []


def _dispatch(problem: UnicodeError) -> tuple[str, int]:
    return _current[-1](problem)


codecs.register_error(_HANDLER, _dispatch)


def _handler(function: Callable[[UnicodeError], tuple[str, int]]) -> str:
    """The name of a codec error handler that calls ``function`` (for the next decode)."""
    _current[:] = [function]
    return _HANDLER


def check_text(path: str, text: str) -> tuple[str, list[Finding]]:
    """Findings about the characters and lines of ``text``, and the text as the
    rules read it: byte-order mark removed, CR LF and CR turned into LF."""
    findings: list[Finding] = []
    if text.startswith("\ufeff"):
        text = text[1:]
        findings.append(warning(path, 1, "input.bom",
                                "文件开头有字节顺序标记（BOM，一个看不见的字符）。构建不受影响，但会干扰其他工具。"
                                "请在编辑器中另存为“UTF-8（无 BOM）”。"))
    if "\r" in text:
        lone = re.search(r"\r(?!\n)", text)
        text = text.replace("\r\n", "\n")
        if lone is not None:
            cr_line = text.count("\n", 0, text.find("\r")) + 1
            findings.append(warning(path, cr_line, "input.line-ending",
                                    "文件中有单独的回车符（CR，旧式 Mac 换行），检查时按换行处理，其他工具可能把行号数错。"
                                    "请在编辑器中把换行符统一为 LF（或 CRLF）后保存。"))
            text = text.replace("\r", "\n")
    if not text.strip():
        findings.append(error(path, 1, "input.empty",
                              "文件是空的。请写入内容（页面需要 front matter 和标题，可用 make new 或复制 templates/ 下的模板），"
                              "或删除这个文件。"))
        return text, findings
    lines_with_controls = 0
    for number, line in enumerate(text.split("\n"), start=1):
        control = _CONTROL.search(line)
        if control is not None and lines_with_controls < _MAX_REPORTED:
            lines_with_controls += 1
            char = control.group(0)
            name = _CONTROL_NAMES.get(char, "控制字符")
            findings.append(error(path, number, "input.control-char",
                                  f"第 {number} 行有看不见的控制字符 U+{ord(char):04X}（{name}）。请删除它"
                                  "（常见于从其他软件复制粘贴，或文件已损坏）。"))
        if len(line) > LONG_LINE:
            findings.append(warning(path, number, "input.long-line",
                                    f"第 {number} 行有 {len(line)} 个字符，超过 {LONG_LINE}。这通常是粘贴进来的数据"
                                    "（编码后的图片、压缩过的脚本），而不是正文。请删除，或把正文分成几段。"))
    return text, findings


def read(path: str, content: str | bytes) -> tuple[str, list[Finding]]:
    """``content`` (a file's bytes, or text already decoded) as the rules read it, with findings."""
    findings: list[Finding] = []
    if isinstance(content, bytes):
        content, findings = decode(path, content)
    text, more = check_text(path, content)
    return text, findings + more
