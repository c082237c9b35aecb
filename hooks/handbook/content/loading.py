"""Read the handbook's text into the content model: data files first (the
registry resolves citations in pages), then every page.

Parsing problems (front matter, quiz structure, data-file schemas) are
findings of the loaders; everything else is checked afterwards by ``rules``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from . import citations, frontmatter, glossary, procedures, quizzes, registry
from .citations import Citation
from .findings import Finding
from .markdown import headings
from .model import AnyPage, Page

_EMPTY_REGISTRY = "laws: []\narticles: []\n"


@dataclass
class DataFiles:
    registry: registry.Registry
    glossary: glossary.Glossary
    procedures: procedures.Procedures
    findings: list[Finding] = field(default_factory=list)

    @property
    def citations(self) -> dict[str, list[Citation]]:
        """Citations inside data files, by file, checked like those of pages."""
        return {glossary.GLOSSARY_PATH: self.glossary.citations,
                procedures.PROCEDURES_PATH: self.procedures.citations}


def load_data(data_files: dict[str, str], known_files: set[str], today: dt.date) -> DataFiles:
    found: list[Finding] = []
    law_registry, problems = registry.load(data_files.get(registry.REGISTRY_PATH, _EMPTY_REGISTRY), today=today)
    found += problems
    procedure_data = procedures.Procedures()
    if procedures.PROCEDURES_PATH in data_files:
        procedure_data, problems = procedures.load(data_files[procedures.PROCEDURES_PATH], known_files,
                                                   law_registry, today)
        found += problems
    terms = glossary.Glossary()
    if glossary.GLOSSARY_PATH in data_files:
        terms, problems = glossary.load(data_files[glossary.GLOSSARY_PATH], known_files, law_registry, procedure_data)
        found += problems
    return DataFiles(law_registry, terms, procedure_data, found)


def load_page(path: str, text: str, law_registry: registry.Registry) -> tuple[AnyPage, list[Finding]]:
    text = text.replace("\r\n", "\n")
    split = frontmatter.split(text)
    parsed = frontmatter.parse(path, split)
    found = list(parsed.findings)
    page: AnyPage = Page(path, text, split, parsed.meta, parsed.key_lines, headings(split.body, split.body_first_line))
    page.quizzes, quiz_findings = quizzes.find_quizzes(path, split.body, split.body_first_line)
    found += quiz_findings
    for quiz in page.quizzes:
        found += quiz.problems
    page.citations = citations.find_citations(split.body, law_registry, split.body_first_line)
    return page, found


def load_pages(sources: dict[str, str], law_registry: registry.Registry) -> tuple[dict[str, AnyPage], list[Finding]]:
    pages: dict[str, AnyPage] = {}
    found: list[Finding] = []
    for path, text in sorted(sources.items()):
        pages[path], problems = load_page(path, text, law_registry)
        found += problems
    return pages, found
