"""Every image has a text alternative (Markdown ``![alt](src)`` and HTML ``<img alt>``)."""

from __future__ import annotations

import re

from ..content.findings import Finding, error
from ..content.markdown import line_at, mask_code_and_comments

_MD_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)[^)]*\)")
_HTML_IMAGE = re.compile(r"<img\b(?P<attrs>[^>]*)>", re.IGNORECASE)
_ALT = re.compile(r"""\balt\s*=\s*(["'])(?P<alt>.*?)\1""", re.IGNORECASE | re.DOTALL)


def check_images(path: str, body: str, first_line: int = 1) -> list[Finding]:
    masked = mask_code_and_comments(body)
    findings = []
    for match in _MD_IMAGE.finditer(masked):
        if not match.group("alt").strip():
            findings.append(error(path, line_at(masked, match.start(), first_line), "image.missing-alt",
                                  f"图片 {match.group('src')} 缺少替代文字。请写成 ![图片内容的简短描述](路径)，"
                                  "供读屏软件和图片加载失败时使用。"))
    for match in _HTML_IMAGE.finditer(masked):
        alt = _ALT.search(match.group("attrs"))
        if not alt or not alt.group("alt").strip():
            findings.append(error(path, line_at(masked, match.start(), first_line), "image.missing-alt",
                                  "<img> 标签缺少非空的 alt 属性。请加上 alt=\"图片内容的简短描述\"。"))
    return findings
