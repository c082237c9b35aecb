"""Raw HTML and URLs that must never reach a trainee's browser.

The site is static and trusted; a pasted tracking snippet or iframe would both
break "nothing leaves the building" and run code on trainees' machines. The
HTML an editor writes is parsed as a browser parses it (``content.html``:
character references decoded, case and whitespace normalised, ``<svg>`` and
``<math>`` in their own namespaces) and judged by an allowlist of tags,
attributes and URL schemes (http, https, mailto, tel, relative paths and
``#anchors``). Markdown links, images, autolinks, reference definitions and
attribute lists (``{: onclick=… }``, attr_list) are judged by the same URL
policy. Where the HTML is and what is code comes from ``content.markdown``.
"""

from __future__ import annotations

from ..content.findings import Finding, error
from ..content.html import (
    ALL_ATTRIBUTES,
    ALLOWED_TAGS,
    GLOBAL_ATTRIBUTES,
    TAG_ATTRIBUTES,
    URL_ATTRIBUTES,
    url_problem,
    url_scheme,
)
from ..content.markdown import MarkdownView

_SHOWN = 60


def _shown(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= _SHOWN else value[:_SHOWN] + "…"


def _url_finding(path: str, line: int, value: str) -> Finding | None:
    problem = url_problem(value)
    if problem == "script":
        return error(path, line, "html.javascript-url",
                     f"链接地址“{_shown(value)}”会执行脚本（{url_scheme(value)}:），不允许使用。"
                     "请改为指向页面或文件的普通链接。")
    if problem == "scheme":
        return error(path, line, "html.unsafe-url",
                     f"链接地址“{_shown(value)}”的协议 {url_scheme(value)}: 不在允许范围内（只允许 http、https、"
                     "mailto、tel、站内相对路径和 #锚点）。请改为普通网址或站内相对路径。")
    return None


def _attribute_finding(path: str, line: int, where: str, name: str, value: str, allowed: frozenset[str]) -> Finding | None:
    if name.startswith("on"):
        return error(path, line, "html.event-handler",
                     f"HTML 事件属性 {name}= 会执行脚本，不允许使用。请删除该属性。")
    if name in URL_ATTRIBUTES and name in allowed:
        return _url_finding(path, line, value)
    if name not in allowed and not name.startswith("aria-"):
        return error(path, line, "html.forbidden-attribute",
                     f"{where}属性 {name} 不在允许范围内（安全与离线要求：如 style 可加载外部资源，data-* 会被脚本读取）。"
                     "请删除该属性；样式请写在 docs/assets/stylesheets/ 中并用 class 引用。")
    return None


def check_html(path: str, page: MarkdownView) -> list[Finding]:
    findings: list[Finding] = []
    for element in page.elements:
        if element.foreign:
            continue                      # reported once, at the <svg>/<math> element
        line = element.line
        if element.name not in ALLOWED_TAGS:
            findings.append(error(path, line, "html.forbidden-tag",
                                  f"正文中不允许使用 <{element.name}> 标签（安全与离线要求）。请删除；"
                                  "如需示例，请放进代码块（用 ``` 包围）。"))
            continue
        if element.name == "quiz":
            continue                      # its attributes are stripped before rendering (quiz.unknown-attribute)
        allowed = GLOBAL_ATTRIBUTES | TAG_ATTRIBUTES.get(element.name, frozenset())
        for name, value in element.attrs.items():
            found = _attribute_finding(path, line, f"<{element.name}> 标签的", name, value, allowed)
            if found is not None:
                findings.append(found)
    for link in page.links:
        found = _url_finding(path, link.line, link.url)
        if found is not None:
            findings.append(found)
    for attribute in page.attributes:
        name = attribute.name.lower()
        if name == ".":
            continue                      # .name is a class (#name comes as id)
        found = _attribute_finding(path, attribute.line, "属性列表中的", name, attribute.value, ALL_ATTRIBUTES)
        if found is not None:
            findings.append(found)
    return findings
