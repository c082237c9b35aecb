"""Every image has a text alternative (Markdown ``![alt](src)`` and HTML ``<img alt>``)."""

from __future__ import annotations

from ..content.findings import Finding, error
from ..content.markdown import MarkdownView


def check_images(path: str, page: MarkdownView) -> list[Finding]:
    findings = []
    for link in page.links:
        if link.kind == "image" and link.checked and not link.text.strip():
            findings.append(error(path, link.line, "image.missing-alt",
                                  f"图片 {link.url} 缺少替代文字。请写成 ![图片内容的简短描述](路径)，"
                                  "供读屏软件和图片加载失败时使用。"))
    for element in page.elements:
        if element.name == "img" and not element.foreign and not element.attrs.get("alt", "").strip():
            findings.append(error(path, element.line, "image.missing-alt",
                                  "<img> 标签缺少非空的 alt 属性。请加上 alt=\"图片内容的简短描述\"。"))
    return findings
