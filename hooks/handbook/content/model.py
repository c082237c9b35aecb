"""The parsed handbook: every page with its front matter, headings, quizzes and citations.

Built by ``content.loading`` and checked by ``rules``; generators and outputs
read it. Plain data: nothing here knows about MkDocs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Generic, TypeVar, cast

from .citations import Citation
from .findings import Finding
from .frontmatter import SplitPage
from .glossary import Term
from .markdown import Heading
from .procedures import Procedures
from .quizzes import Quiz
from .registry import Registry
from .schema import BasePage, CasePage, DrillPage, ModulePage, Objective

# Covariant: a Page[ModulePage] is a Page[BasePage] wherever a page is only read.
MetaT_co = TypeVar("MetaT_co", bound="BasePage | None", covariant=True)
M = TypeVar("M", bound=BasePage)


@dataclass
class Page(Generic[MetaT_co]):
    path: str                                  # relative to docs/, posix
    text: str
    split: SplitPage
    meta: MetaT_co                              # None when the front matter is invalid
    meta_lines: dict[tuple[str | int, ...], int]
    headings: list[Heading]
    quizzes: list[Quiz] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    @property
    def type(self) -> str | None:
        return self.meta.type if self.meta is not None else None

    @property
    def id(self) -> str | None:
        """The page's id (M1, C2, D3) if its type has one."""
        return getattr(self.meta, "id", None)


AnyPage = Page["BasePage | None"]
KnownPage = Page[BasePage]   # a page whose front matter is valid


def pages_of(pages: list[AnyPage], model: type[M]) -> list[Page[M]]:
    """The pages whose front matter is of ``model``, typed as such."""
    return [cast("Page[M]", page) for page in pages if isinstance(page.meta, model)]


@dataclass
class Handbook:
    pages: dict[str, AnyPage]
    registry: Registry
    terms: list[Term]
    procedures: Procedures
    findings: list[Finding]
    today: dt.date
    # Citations inside data files, by the page that shows the file (the glossary and the
    # procedures quick reference print their definitions and bases with the citations in them).
    shown_citations: dict[str, list[Citation]] = field(default_factory=dict)

    def _sorted(self, model: type[M]) -> list[Page[M]]:
        found = pages_of(list(self.pages.values()), model)
        return sorted(found, key=lambda page: (getattr(page.meta, "order", 0), page.id or "", page.path))

    def of_type(self, page_type: str) -> list[AnyPage]:
        found = [page for page in self.pages.values() if page.type == page_type]
        return sorted(found, key=lambda page: (getattr(page.meta, "order", 0), page.id or "", page.path))

    @property
    def modules(self) -> list[Page[ModulePage]]:
        return self._sorted(ModulePage)

    @property
    def cases(self) -> list[Page[CasePage]]:
        return self._sorted(CasePage)

    @property
    def drills(self) -> list[Page[DrillPage]]:
        return self._sorted(DrillPage)

    def objectives(self) -> dict[str, tuple[Page[ModulePage], Objective]]:
        return {objective.id: (page, objective) for page in self.modules for objective in page.meta.objectives}

    def module_by_id(self, module_id: str) -> Page[ModulePage] | None:
        return next((page for page in self.modules if page.meta.id == module_id), None)

    def citing_pages(self, law_id: str, number: int, sub: int) -> list[AnyPage]:
        """Pages whose text cites the article, including pages that show a data file citing it."""
        def cites(citations: list[Citation]) -> bool:
            return any((c.law_id, c.number, c.sub) == (law_id, number, sub) for c in citations)
        return [page for path, page in sorted(self.pages.items())
                if cites(page.citations) or cites(self.shown_citations.get(path, []))]

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [finding for finding in self.findings if not finding.is_error]
