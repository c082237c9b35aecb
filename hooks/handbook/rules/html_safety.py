"""Raw HTML that must never reach a trainee's browser.

The site is static and trusted; a pasted tracking snippet or iframe would both
break "nothing leaves the building" and run code on trainees' machines.
"""

from __future__ import annotations

import re

from ..content.findings import Finding, error
from ..content.markdown import line_at, mask_code_and_comments

_FORBIDDEN_TAG = re.compile(r"<\s*(script|iframe|object|embed|frame|frameset|applet|base|meta|link|form)\b", re.IGNORECASE)
_EVENT_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*?\s(on[a-zA-Z]+)\s*=", re.DOTALL)
_JS_URL = re.compile(r"""(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:|\]\(\s*<?\s*javascript:""", re.IGNORECASE)


def check_html(path: str, body: str, first_line: int = 1) -> list[Finding]:
    masked = mask_code_and_comments(body)
    findings = []
    for match in _FORBIDDEN_TAG.finditer(masked):
        findings.append(error(path, line_at(masked, match.start(), first_line), "html.forbidden-tag",
                              f"正文中不允许使用 <{match.group(1).lower()}> 标签（安全与离线要求）。请删除；"
                              "如需示例，请放进代码块（用 ``` 包围）。"))
    for match in _EVENT_ATTRIBUTE.finditer(masked):
        findings.append(error(path, line_at(masked, match.start(1), first_line), "html.event-handler",
                              f"HTML 事件属性 {match.group(1)}= 会执行脚本，不允许使用。请删除该属性。"))
    for match in _JS_URL.finditer(masked):
        findings.append(error(path, line_at(masked, match.start(), first_line), "html.javascript-url",
                              "链接地址不能以 javascript: 开头。请改为指向页面或文件的普通链接。"))
    return findings
