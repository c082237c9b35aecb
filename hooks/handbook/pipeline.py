"""``analyse``: load the handbook and run every rule over it.

The single entry point of the engine, used by the MkDocs hooks, ``make check``,
the scaffolder and the tests. It never raises on bad content: every problem is
a finding. The returned ``Handbook`` is also the data source of the generated
page parts and of every output (PDF, progress data, search words).
"""

from __future__ import annotations

import datetime as dt

from . import rules
from .content import loading
from .content.glossary import GLOSSARY_PAGE, GLOSSARY_PATH
from .content.model import Handbook
from .content.procedures import PROCEDURES_PAGE, PROCEDURES_PATH
from .generators.markers import check_markers


def analyse(sources: dict[str, str], data_files: dict[str, str] | None = None,
            other_files: set[str] | None = None, today: dt.date | None = None) -> Handbook:
    """``sources``: Markdown pages by docs-relative path. ``data_files``: YAML
    data (legal registry, glossary, procedures) by path. ``other_files``: every
    other file a link may point to (images, downloads, generated files)."""
    today = today or dt.date.today()
    data_files = data_files or {}
    known_files = set(sources) | set(data_files) | set(other_files or ())
    data = loading.load_data(data_files, known_files, today)
    pages, page_findings = loading.load_pages(sources, data.registry)
    handbook = Handbook(pages, data.registry, data.glossary.terms, data.procedures,
                        data.findings + page_findings, today,
                        shown_citations={GLOSSARY_PAGE: data.glossary.citations, PROCEDURES_PAGE: data.procedures.citations})
    reader_data = {path: text for path, text in data_files.items() if path in (GLOSSARY_PATH, PROCEDURES_PATH)}
    handbook.findings += rules.check_handbook(handbook, known_files, data.citations, reader_data)
    handbook.findings += check_markers(handbook)
    handbook.findings = sorted(set(handbook.findings), key=lambda f: (f.path, f.line, f.rule, f.message))
    return handbook
