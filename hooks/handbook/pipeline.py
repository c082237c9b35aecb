"""``analyse``: load the handbook and run every rule over it.

The single entry point of the engine, used by the MkDocs hooks, ``make check``,
the scaffolder and the tests. It never raises on bad content: every problem is
a finding. The returned ``Handbook`` is also the data source of the generated
page parts and of every output (PDF, progress data, search words).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from . import rules
from .content import inputs, loading
from .content.findings import Finding
from .content.glossary import GLOSSARY_PAGE, GLOSSARY_PATH
from .content.model import Handbook
from .content.procedures import PROCEDURES_PAGE, PROCEDURES_PATH
from .generators.markers import check_markers
from .rules.pages import check_in_nav


def _read(files: Mapping[str, str | bytes]) -> tuple[dict[str, str], list[Finding], set[str]]:
    """The text of every file, what is wrong with its bytes and lines, and the empty files."""
    texts: dict[str, str] = {}
    found: list[Finding] = []
    for path, content in files.items():
        texts[path], problems = inputs.read(path, content)
        found += problems
    empty = {f.path for f in found if f.rule == "input.empty"}
    return texts, found, empty


def analyse(sources: Mapping[str, str | bytes], data_files: Mapping[str, str | bytes] | None = None,
            other_files: set[str] | None = None, today: dt.date | None = None,
            nav: set[str] | None = None) -> Handbook:
    """``sources``: Markdown pages by docs-relative path (bytes as read from disk, or
    text). ``data_files``: YAML data (legal registry, glossary, procedures) by path.
    ``other_files``: every other file a link may point to (images, downloads,
    generated files). ``nav``: the pages listed in the navigation, if known."""
    today = today or dt.date.today()
    pages_text, found, empty = _read(sources)
    data_text, data_found, data_empty = _read(data_files or {})
    known_files = set(sources) | set(data_text) | set(other_files or ())
    data = loading.load_data(data_text, known_files, today)
    pages, page_findings = loading.load_pages(pages_text, data.registry)
    handbook = Handbook(pages, data.registry, data.glossary.terms, data.procedures,
                        found + data_found + data.findings + page_findings, today,
                        shown_citations={GLOSSARY_PAGE: data.glossary.citations, PROCEDURES_PAGE: data.procedures.citations})
    reader_data = {path: text for path, text in data_text.items() if path in (GLOSSARY_PATH, PROCEDURES_PATH)}
    handbook.findings += rules.check_handbook(handbook, known_files, data.citations, reader_data)
    handbook.findings += check_markers(handbook)
    if nav is not None:
        handbook.findings += check_in_nav(handbook, nav)
    # An empty file gets one finding that says so, not every consequence of being empty.
    handbook.findings = [f for f in handbook.findings if f.path not in empty | data_empty or f.rule.startswith("input.")]
    handbook.findings = sorted(set(handbook.findings), key=lambda f: (f.path, f.line, f.rule, f.message))
    return handbook
