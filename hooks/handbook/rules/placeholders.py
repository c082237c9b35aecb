"""Template placeholders that an editor has not replaced yet.

``make new`` (``handbook.tools.scaffold``) writes pages whose unfinished parts carry
the marker 【待填写】. Every line that still contains it is a finding, so a
scaffolded page builds for preview (``make serve``) but cannot be published
until it is filled in. Code and HTML comments are ignored, so the editor guide
can show the marker in examples.
"""

from __future__ import annotations

from ..content.findings import Finding, error
from ..content.frontmatter import SplitPage
from ..content.markdown import view

MARKER = "【待填写】"
_SNIPPET = 40


def _finding(path: str, line: int, text: str) -> Finding:
    snippet = text.strip()
    if len(snippet) > _SNIPPET:
        snippet = snippet[:_SNIPPET] + "…"
    return error(path, line, "placeholder.unfilled",
                 f"这一行仍是模板占位内容（{snippet}）。请写成正式内容，并删除“{MARKER}”标记。")


def check_placeholders(path: str, split: SplitPage) -> list[Finding]:
    findings = []
    if split.yaml_text is not None:
        for index, line in enumerate(split.yaml_text.split("\n")):
            if MARKER in line:
                findings.append(_finding(path, split.yaml_first_line + index, line))
    original = split.body.split("\n")
    for index, line in enumerate(view(split.body).prose.split("\n")):
        if MARKER in line:
            findings.append(_finding(path, split.body_first_line + index, original[index]))
    return findings
