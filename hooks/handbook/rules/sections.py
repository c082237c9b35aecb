"""Required H2 sections of each page type, present and in order."""

from __future__ import annotations

from ..content.findings import Finding, error
from ..content.markdown import Heading


def check_sections(path: str, page_type: str, required: tuple[str, ...], found: list[Heading],
                   body_first_line: int) -> list[Finding]:
    if not required:
        return []
    h2 = [heading for heading in found if heading.level == 2]
    positions: dict[str, Heading] = {}
    for heading in h2:
        positions.setdefault(heading.title, heading)
    findings: list[Finding] = []
    expected = " / ".join(required)
    last_line = body_first_line
    previous_index = 0                   # of the last required heading found in order
    previous_title: str | None = None
    for title in required:
        found_heading = positions.get(title)
        if found_heading is None:
            findings.append(error(path, last_line, "sections.missing",
                                  f"缺少必需的二级标题“## {title}”（{page_type} 页面的结构：{expected}）。"
                                  f"请在{'正文中' if previous_title is None else '“## ' + previous_title + '”一节之后'}添加它。"))
            continue
        index = h2.index(found_heading)
        if index < previous_index:
            findings.append(error(path, found_heading.line, "sections.order",
                                  f"“## {title}”应出现在“## {previous_title}”之后。请调整顺序为：{expected}。"))
        else:
            previous_index = index
        previous_title, last_line = title, found_heading.line
    return findings
