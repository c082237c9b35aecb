"""Hand-written restatements of a canonical procedure that disagree with its data.

Pages show a procedure through a generator marker (``<!-- handbook:procedure
ID -->``, ``<!-- handbook:steps ID -->``); the steps live once in
``docs/reference/procedures.yml``. Text typed by hand drifts, so this rule
reports, at its line:

- ``restatement.retired-name``: a retired name such as “四步开场”, whose count
  is no longer true;
- ``restatement.count``: a count next to a procedure's name (“冲突降级四步法”,
  “还款承诺三要素”), or a hand-written list or “甲 → 乙” chain of its steps,
  with another number of steps than the data;
- ``restatement.order``: such a list or chain in another order than the data
  (ordered procedures only);
- ``restatement.unknown-variant``: a variant marker naming no procedure or
  giving no reason.

A page that deliberately shows a variant (a case where a team adapted the
procedure) writes ``<!-- handbook:variant ID 为什么不同 -->`` before it; the
section holding the marker is then left alone for that procedure. Only lists
under a heading that names the procedure are compared, so unrelated lists on a
page about the procedure are not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..content.findings import Finding, error
from ..content.markdown import Heading, line_at, view
from ..content.markers import find_markers
from ..content.model import AnyPage, Handbook
from ..content.numerals import to_int
from ..content.procedures import Procedure, Procedures

VARIANT = "variant"
_NUMBER = r"[0-9]+|[一二两三四五六七八九十]+"
_UNIT = r"(?:个)?(?:步骤|步|要素|环节|要点|阶段)"
# A count right after a name (冲突降级六步法, 还款承诺（三要素）) or right before it (四要素的还款承诺).
_COUNT_AFTER = re.compile(rf"^[ \t]*[（(]?[ \t]*(?:的|共有|共|有|分为|分|包括|包含)?[ \t]*(?<!第)(?P<n>{_NUMBER})[ \t]*{_UNIT}")
_COUNT_BEFORE = re.compile(rf"(?<!第)(?P<n>{_NUMBER})[ \t]*{_UNIT}(?:法|流程|模型)?[ \t]*(?:的)?[ \t]*$")
_LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<bullet>[0-9]+[.)、]|[-*+])[ \t]+(?P<text>.+)$")
_CHAIN_ARROW = re.compile(r"[ \t]*(?:→|->|⟶|⇒)[ \t]*")
_MARKUP = re.compile(r"[*_`“”\"'「」《》（）()【】\[\]]")


@dataclass(frozen=True)
class _Section:
    heading: Heading | None
    start: int          # first file line
    end: int            # last file line


def _fix(procedure: Procedure) -> str:
    return (f"请删除手写的步骤，改用 <!-- handbook:procedure {procedure.id} -->（整段）或 "
            f"<!-- handbook:steps {procedure.id} -->（行内）；确属有意展示的变体，请在它之前加一行 "
            f"<!-- handbook:variant {procedure.id} 说明原因 -->。")


def _section_of(line: int, headings: list[Heading], last_line: int) -> _Section:
    above = [heading for heading in headings if heading.line <= line]
    if not above:
        following = [h.line for h in headings]
        return _Section(None, 1, (min(following) - 1) if following else last_line)
    heading = above[-1]
    later = [h.line for h in headings if h.line > heading.line and h.level <= heading.level]
    return _Section(heading, heading.line, (min(later) - 1) if later else last_line)


def _name_pattern(procedures: Procedures) -> tuple[re.Pattern[str] | None, dict[str, Procedure]]:
    owner = {name: procedure for procedure in procedures for name in procedure.names}
    if not owner:
        return None, owner
    names = sorted(owner, key=len, reverse=True)
    return re.compile("|".join(re.escape(name) for name in names)), owner


def _step_index(text: str, procedure: Procedure) -> int | None:
    """Index of the step an item or chain element names (its text starts with the step name)."""
    plain = _MARKUP.sub("", text).strip()
    for index, name in sorted(enumerate(procedure.step_names), key=lambda item: -len(item[1])):
        if plain.startswith(name):
            return index
    return None


def _compare(path: str, line: int, procedure: Procedure, elements: list[str], what: str) -> list[Finding]:
    """Findings for a hand-written list or chain of ``elements`` that names steps of ``procedure``."""
    indexes = [_step_index(element, procedure) for element in elements]
    named = [index for index in indexes if index is not None]
    if len(named) < 2 or len(named) < len(elements) - 1:
        return []  # not a restatement of this procedure
    steps = len(procedure.steps)
    if procedure.kind == "ordered" and named != sorted(named):
        order = " → ".join(procedure.step_names)
        return [error(path, line, "restatement.order",
                      f"这里手写的{what}与操作规范“{procedure.name}”的顺序不同（规范顺序：{order}）。" + _fix(procedure))]
    if len(elements) != steps:
        return [error(path, line, "restatement.count",
                      f"这里手写的{what}有 {len(elements)} 项，操作规范“{procedure.name}”有 {steps} 项。" + _fix(procedure))]
    return []


def _lists(masked_lines: list[str], first_line: int) -> Iterable[tuple[int, list[str], bool]]:
    """Top-level Markdown lists: (file line of the first item, item texts, numbered)."""
    items: list[str] = []
    start, numbered, indent = 0, False, ""
    for offset, text in enumerate([*masked_lines, ""]):
        match = _LIST_ITEM.match(text)
        if match and (not items or match.group("indent") == indent):
            if not items:
                start, indent = first_line + offset, match.group("indent")
                numbered = match.group("bullet")[0].isdigit()
            items.append(match.group("text"))
            continue
        if items and text.startswith(indent + " ") and text.strip():
            continue  # a continuation line or a nested list of the current item
        if items and not text.strip():
            following = masked_lines[offset + 1] if offset + 1 < len(masked_lines) else ""
            next_item = _LIST_ITEM.match(following)
            if next_item and next_item.group("indent") == indent:
                continue  # a loose list: blank lines between items
        if items:
            yield start, items, numbered
        items = []


def _variant_sections(page: AnyPage, handbook: Handbook, last_line: int) -> tuple[dict[str, list[_Section]], list[Finding]]:
    sections: dict[str, list[_Section]] = {}
    findings: list[Finding] = []
    for marker in find_markers(page.split.body, page.split.body_first_line):
        if marker.name != VARIANT:
            continue
        procedure = handbook.procedures.get(marker.args[0]) if marker.args else None
        if procedure is None or len(marker.args) < 2:
            findings.append(error(page.path, marker.line, "restatement.unknown-variant",
                                  "变体标记应写成 <!-- handbook:variant 操作规范编号 为什么不同 -->，编号须在 "
                                  f"docs/reference/procedures.yml 中：{handbook.procedures.known_ids()}。"))
            continue
        sections.setdefault(procedure.id, []).append(_section_of(marker.line, page.headings, last_line))
    return sections, findings


def check_page(page: AnyPage, handbook: Handbook) -> list[Finding]:
    procedures = handbook.procedures
    if not len(procedures):
        return []
    body, first = page.split.body, page.split.body_first_line
    masked = view(body).prose
    lines = masked.split("\n")
    last_line = first + len(lines) - 1
    variants, findings = _variant_sections(page, handbook, last_line)

    def allowed(procedure: Procedure, line: int) -> bool:
        return any(section.start <= line <= section.end for section in variants.get(procedure.id, []))

    retired = {name: procedure for procedure in procedures for name in procedure.retired}
    retired_spans: list[tuple[int, int]] = []
    for name, procedure in sorted(retired.items(), key=lambda item: -len(item[0])):
        for match in re.finditer(re.escape(name), masked):
            retired_spans.append(match.span())
            line = line_at(masked, match.start(), first)
            if not allowed(procedure, line):
                findings.append(error(page.path, line, "restatement.retired-name",
                                      f"“{name}”是不再使用的旧叫法，手册已统一为“{procedure.name}”"
                                      f"（{len(procedure.steps)} 项）。请改用规范名称；列出步骤时用 "
                                      f"<!-- handbook:steps {procedure.id} -->。"))

    names, owner = _name_pattern(procedures)
    if names is not None:
        for match in names.finditer(masked):
            procedure = owner[match.group(0)]
            line_start = masked.rfind("\n", 0, match.start()) + 1
            line_end = masked.find("\n", match.end())
            after = masked[match.end():len(masked) if line_end < 0 else line_end][:12]
            before = masked[line_start:match.start()][-12:]
            count = _COUNT_AFTER.match(after) or _COUNT_BEFORE.search(before)
            line = line_at(masked, match.start(), first)
            if any(start <= match.start() < end for start, end in retired_spans):
                continue  # reported once, as a retired name
            stated = to_int(count.group("n")) if count else len(procedure.steps)
            if count and stated != len(procedure.steps) and not allowed(procedure, line):
                findings.append(error(page.path, line, "restatement.count",
                                      f"这里说“{procedure.name}”有 {stated} 项（原文“{count.group(0).strip()}”），"
                                      f"操作规范中是 {len(procedure.steps)} 项。请删除手写的数目，或改用 "
                                      f"<!-- handbook:steps {procedure.id} -->。"))

    for start, items, numbered in _lists(lines, first):
        section = _section_of(start, page.headings, last_line)
        if section.heading is None:
            continue
        for procedure in procedures:
            if not any(name in section.heading.title for name in procedure.names):
                continue
            if procedure.kind == "ordered" and not numbered:
                continue
            if not allowed(procedure, start):
                findings += _compare(page.path, start, procedure, items, "列表")

    for offset, text in enumerate(lines):
        elements = _CHAIN_ARROW.split(text)
        if len(elements) < 3:
            continue
        for procedure in procedures:
            line = first + offset
            if procedure.kind == "ordered" and not allowed(procedure, line):
                findings += _compare(page.path, line, procedure, _chain_elements(elements), "步骤串")
    return findings


def _chain_elements(elements: list[str]) -> list[str]:
    """The words of an ``甲 → 乙 → 丙`` chain without the sentence around it."""
    first = re.split(r"[：:，,。；;]", elements[0])[-1]
    last = re.split(r"[，,。；;）)]", elements[-1])[0]
    return [first, *elements[1:-1], last]


def check_restatements(handbook: Handbook) -> list[Finding]:
    findings: list[Finding] = []
    for page in handbook.pages.values():
        findings += check_page(page, handbook)
    return findings
