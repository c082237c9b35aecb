"""The generator-marker rule: every ``<!-- handbook:… -->`` names a generator,
with valid arguments, and block generators stand on a line of their own.

It lives beside the generators because it asks them what they accept.
"""

from __future__ import annotations

from ..content.findings import Finding, error
from ..content.markers import find_markers
from ..content.model import Handbook
from . import DIRECTIVES, GENERATORS


def check_markers(handbook: Handbook) -> list[Finding]:
    findings: list[Finding] = []
    known = "、".join(sorted(GENERATORS))
    for page in handbook.pages.values():
        for marker in find_markers(page.split.body, page.split.body_first_line):
            if marker.name in DIRECTIVES:
                continue
            found = GENERATORS.get(marker.name)
            if found is None:
                findings.append(error(page.path, marker.line, "generate.unknown-marker",
                                      f"未知的生成标记 handbook:{marker.name}。可用的标记：{known}。"))
                continue
            problem = found.check(handbook, marker.args)
            if problem:
                findings.append(error(page.path, marker.line, "generate.bad-argument",
                                      f"生成标记 handbook:{marker.name} 的参数有误：{problem}"))
            if not found.inline and not marker.own_line:
                findings.append(error(page.path, marker.line, "generate.not-on-own-line",
                                      f"生成标记 handbook:{marker.name} 会生成整块内容，必须单独占一行。"
                                      "请把它移到单独的一行（前后各空一行）。"))
    return findings
