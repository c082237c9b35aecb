"""Run every rule over the whole handbook and keep the parsed content.

``analyse`` is the single entry point used by the MkDocs hook, the ``check``
command and the tests. It never raises on bad content: every problem is a
finding. The returned ``Handbook`` is also the data source for generated pages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from . import citations, frontmatter, glossary, html_safety, links, placeholders, quizzes, registry, review, sections
from .generators import GENERATORS, MARKER
from .findings import Finding, error
from .markdown_text import Heading, headings
from .schema import BasePage, CasePage, DrillPage, ModulePage, Objective


@dataclass
class Page:
    path: str                                  # relative to docs/, posix
    text: str
    split: frontmatter.SplitPage
    meta: BasePage | None
    meta_lines: dict[tuple, int]
    headings: list[Heading]
    quizzes: list[quizzes.Quiz] = field(default_factory=list)
    citations: list[citations.Citation] = field(default_factory=list)

    @property
    def type(self) -> str | None:
        return getattr(self.meta, "type", None)


@dataclass
class Handbook:
    pages: dict[str, Page]
    registry: registry.Registry
    terms: list[glossary.Term]
    findings: list[Finding]
    today: dt.date

    def of_type(self, page_type: str) -> list[Page]:
        found = [page for page in self.pages.values() if page.type == page_type]
        return sorted(found, key=lambda page: (getattr(page.meta, "order", 0), getattr(page.meta, "id", ""), page.path))

    @property
    def modules(self) -> list[Page]:
        return self.of_type("module")

    @property
    def cases(self) -> list[Page]:
        return self.of_type("case")

    @property
    def drills(self) -> list[Page]:
        return self.of_type("drill")

    def objectives(self) -> dict[str, tuple[Page, Objective]]:
        return {objective.id: (page, objective) for page in self.modules for objective in page.meta.objectives}

    def module_by_id(self, module_id: str) -> Page | None:
        return next((page for page in self.modules if page.meta.id == module_id), None)

    def citing_pages(self, law_id: str, number: int, sub: int) -> list[Page]:
        return [page for page in self.pages.values()
                if any((c.law_id, c.number, c.sub) == (law_id, number, sub) for c in page.citations)]

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [finding for finding in self.findings if not finding.is_error]


def analyse(sources: dict[str, str], data_files: dict[str, str] | None = None,
            other_files: set[str] | None = None, today: dt.date | None = None) -> Handbook:
    """``sources``: Markdown pages by docs-relative path. ``data_files``: YAML
    data (legal registry, glossary) by path. ``other_files``: every other file
    a link may point to (images, downloads, generated files)."""
    today = today or dt.date.today()
    data_files = data_files or {}
    known_files = set(sources) | set(data_files) | set(other_files or ())
    findings: list[Finding] = []

    law_registry, registry_findings = registry.load(data_files.get(registry.REGISTRY_PATH, "laws: []\narticles: []\n"),
                                                    today=today)
    findings += registry_findings
    terms: list[glossary.Term] = []
    if glossary.GLOSSARY_PATH in data_files:
        terms, glossary_findings = glossary.load(data_files[glossary.GLOSSARY_PATH], known_files, law_registry)
        findings += glossary_findings

    pages: dict[str, Page] = {}
    for path, text in sorted(sources.items()):
        text = text.replace("\r\n", "\n")
        split = frontmatter.split(text)
        parsed = frontmatter.parse(path, split)
        findings += parsed.findings
        page = Page(path, text, split, parsed.meta, parsed.key_lines,
                    headings(split.body, split.body_first_line))
        page.quizzes, quiz_findings = quizzes.find_quizzes(path, split.body, split.body_first_line)
        findings += quiz_findings
        for quiz in page.quizzes:
            findings += quiz.problems
        page.citations = citations.find_citations(split.body, law_registry, split.body_first_line)
        findings += citations.check_citations(path, page.citations, law_registry)
        findings += html_safety.check_html(path, split.body, split.body_first_line)
        findings += html_safety.check_images(path, split.body, split.body_first_line)
        findings += placeholders.check_placeholders(path, split)
        if page.meta is not None:
            findings += sections.check_sections(path, page.meta.type, page.meta.required_sections,
                                                page.headings, split.body_first_line)
            findings += review.check_review(path, page.meta_lines.get(("reviewed",), 1), page.meta.reviewed,
                                            page.meta.review_months, today)
        pages[path] = page

    anchors = {path: links.anchors_of(page.headings, page.split.body) | _objective_anchors(page)
               for path, page in pages.items()}
    for path, page in pages.items():
        findings += links.check_links(path, page.split.body, page.split.body_first_line, known_files, anchors)

    handbook = Handbook(pages, law_registry, terms, findings, today)
    findings += _cross_page_findings(handbook)
    handbook.findings = sorted(set(findings), key=lambda f: (f.path, f.line, f.rule, f.message))
    return handbook


def _objective_anchors(page: Page) -> set[str]:
    if isinstance(page.meta, ModulePage):
        return {objective.id.lower() for objective in page.meta.objectives}
    return set()


def _cross_page_findings(handbook: Handbook) -> list[Finding]:
    findings: list[Finding] = []
    seen_ids: dict[str, str] = {}
    for page in handbook.pages.values():
        page_id = getattr(page.meta, "id", None)
        if page_id is None:
            continue
        if page_id in seen_ids:
            findings.append(error(page.path, page.meta_lines.get(("id",), 1), "page.duplicate-id",
                                  f"编号 {page_id} 已被 {seen_ids[page_id]} 使用。请换一个未使用的编号。"))
        else:
            seen_ids[page_id] = page.path

    objective_owner: dict[str, str] = {}
    for page in handbook.modules:
        for index, objective in enumerate(page.meta.objectives):
            line = page.meta_lines.get(("objectives", index), 1)
            if objective.id in objective_owner:
                findings.append(error(page.path, line, "objectives.duplicate-id",
                                      f"学习目标编号 {objective.id} 重复（已在 {objective_owner[objective.id]} 中声明）。请改用新编号。"))
            objective_owner.setdefault(objective.id, page.path)

    for page in handbook.pages.values():
        if page.meta is None:
            continue
        declared: set[str] = set()
        if isinstance(page.meta, ModulePage):
            declared = {objective.id for objective in page.meta.objectives}
        elif isinstance(page.meta, (CasePage, DrillPage)):
            for index, module_id in enumerate(page.meta.modules):
                module = handbook.module_by_id(module_id)
                if module is None:
                    known = "、".join(m.meta.id for m in handbook.modules) or "（尚无模块）"
                    findings.append(error(page.path, page.meta_lines.get(("modules", index), 1), "page.unknown-module",
                                          f"modules 中的 {module_id} 不是已有的模块编号。现有模块：{known}。"))
                else:
                    declared |= {objective.id for objective in module.meta.objectives}
        findings += quizzes.check_objectives(page.path, page.quizzes, declared, page.meta.quizzes_need_objectives)

    for page in handbook.pages.values():
        for match in MARKER.finditer(page.split.body):
            if match.group("name") not in GENERATORS:
                known = "、".join(sorted(GENERATORS))
                findings.append(error(page.path, page.split.body_first_line + page.split.body.count("\n", 0, match.start()),
                                      "generate.unknown-marker",
                                      f"未知的生成标记 handbook:{match.group('name')}。可用的标记：{known}。"))

    for page in handbook.modules:
        assessed = {objective for quiz in page.quizzes for objective in quiz.objectives}
        for index, objective in enumerate(page.meta.objectives):
            if objective.id not in assessed:
                findings.append(error(page.path, page.meta_lines.get(("objectives", index), 1), "objectives.unassessed",
                                      f"学习目标 {objective.id} 没有任何自测题考查。请在“## 自测题”中加一道 "
                                      f"<quiz objectives=\"{objective.id}\"> 题目，或删除该目标。"))
    return findings
