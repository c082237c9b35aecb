"""Relative links between pages: the target file exists and so does the anchor.

MkDocs validates links too, but in English and without a line number; this
check names the line and says how to fix it in Chinese.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

from pymdownx.slugs import slugify

from ..content.findings import Finding, error
from ..content.markdown import Heading, view
from ..content.model import AnyPage, Handbook
from ..content.schema import ModulePage

# Same slug function as mkdocs.yml's toc extension: keeps Chinese, lower-cases Latin.
slug = slugify(case="lower")

_EXPLICIT_ID = re.compile(r"""(?:\{[^}]*#(?P<attr>[\w\-\u4e00-\u9fff]+)[^}]*\}|\bid\s*=\s*["'](?P<html>[^"']+)["'])""")
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


def anchors_of(headings: list[Heading], body: str) -> set[str]:
    anchors: set[str] = set()
    for heading in headings:
        base = slug(heading.title, "-")
        candidate, suffix = base, 0
        while candidate in anchors:       # Markdown's toc dedups with _1, _2 ...
            suffix += 1
            candidate = f"{base}_{suffix}"
        anchors.add(candidate)
    for match in _EXPLICIT_ID.finditer(view(body).prose):
        anchors.add(match.group("attr") or match.group("html"))
    return anchors


def resolve(page_path: str, target: str) -> tuple[str, str]:
    """(docs-relative path or '' for the same page, anchor) of a relative link."""
    path_part, _, anchor = target.partition("#")
    path_part = unquote(path_part)
    if not path_part:
        return "", unquote(anchor)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path_part))
    if path_part.endswith("/"):
        joined = posixpath.join(joined, "index.md")
    return joined, unquote(anchor)


def check_links(path: str, body: str, first_line: int, known_files: set[str],
                anchors: dict[str, set[str]]) -> list[Finding]:
    findings = []
    for link in view(body, first_line).links:
        target, line = link.url.strip(), link.line
        if not link.checked or link.kind != "link" or not target or _EXTERNAL.match(target) or target.startswith("/"):
            continue
        file_path, anchor = resolve(path, target)
        if file_path and file_path not in known_files:
            findings.append(error(path, line, "link.missing-file",
                                  f"链接目标 {target} 不存在（解析为 docs/{file_path}）。请检查相对路径和文件名，"
                                  "链接到页面时写 .md 文件的相对路径。"))
            continue
        target_page = file_path or path
        if anchor and target_page in anchors and anchor not in anchors[target_page]:
            findings.append(error(path, line, "link.missing-anchor",
                                  f"链接 {target} 指向的锚点 #{anchor} 在 {target_page} 中不存在。"
                                  "锚点取自标题文字（中文保留、英文小写、空格变 -），请核对标题。"))
    return findings


def _objective_anchors(page: AnyPage) -> set[str]:
    if isinstance(page.meta, ModulePage):
        return {objective.id.lower() for objective in page.meta.objectives}
    return set()


def check_all_links(handbook: Handbook, known_files: set[str]) -> list[Finding]:
    anchors = {path: anchors_of(page.headings, page.split.body) | _objective_anchors(page)
               for path, page in handbook.pages.items()}
    findings: list[Finding] = []
    for path, page in handbook.pages.items():
        findings += check_links(path, page.split.body, page.split.body_first_line, known_files, anchors)
    return findings
