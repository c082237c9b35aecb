"""Content rules, one module per rule family. Each takes parsed content and
returns findings; ``check_handbook`` runs them all over a loaded handbook.

``generate.*`` (generator markers) is checked by ``generators.markers``,
because only the generators know their arguments.
"""

from __future__ import annotations

from ..content import yaml_source
from ..content.citations import Citation
from ..content.findings import Finding
from ..content.markdown import view
from ..content.model import AnyPage, Handbook
from . import (
    assessment,
    citations,
    html_safety,
    images,
    links,
    objectives,
    pages,
    placeholders,
    restatements,
    review,
    sections,
    typography,
)


def check_page(page: AnyPage, handbook: Handbook) -> list[Finding]:
    """Rules that look at one page alone."""
    body, first = page.split.body, page.split.body_first_line
    found = citations.check_citations(page.path, page.citations, handbook.registry)
    parsed = view(body, first)
    found += html_safety.check_html(page.path, parsed)
    found += images.check_images(page.path, parsed)
    found += placeholders.check_placeholders(page.path, page.split)
    found += typography.check_typography(page.path, page.text, body, first)
    if page.meta is not None:
        found += typography.check_yaml_strings(page.path, page.meta.model_dump(mode="json", exclude_unset=True),
                                               page.meta_lines)
    if page.meta is not None:
        found += sections.check_sections(page.path, page.meta.type, page.meta.required_sections, page.headings, first)
        found += review.check_review(page.path, page.meta_lines.get(("reviewed",), 1), page.meta.reviewed,
                                     page.meta.review_months, handbook.today)
    return found


def check_data_text(path: str, text: str) -> list[Finding]:
    """Text rules over a YAML data file whose strings trainees read (glossary, procedures)."""
    loaded = yaml_source.load(path, text, 1, "data")
    return typography.check_yaml_strings(path, loaded.data, loaded.key_lines) if not loaded.findings else []


def check_handbook(handbook: Handbook, known_files: set[str], data_citations: dict[str, list[Citation]],
                   reader_data: dict[str, str] | None = None) -> list[Finding]:
    """``reader_data``: the data files whose texts trainees read, by path (checked for typography)."""
    found: list[Finding] = []
    for path, cited in data_citations.items():
        found += citations.check_citations(path, cited, handbook.registry)
    for path, text in (reader_data or {}).items():
        found += check_data_text(path, text)
    for page in handbook.pages.values():
        found += check_page(page, handbook)
    found += links.check_all_links(handbook, known_files)
    found += pages.check_page_ids(handbook)
    found += pages.check_module_references(handbook)
    found += objectives.check_unique_ids(handbook)
    found += objectives.check_questions(handbook)
    found += objectives.check_assessed(handbook)
    found += restatements.check_restatements(handbook)
    found += assessment.check_pool(handbook)
    return found
