"""Everything one build keeps between MkDocs events, in one object.

Hook files are loaded by path, so they cannot import each other; they share
this module instead. ``reset`` runs at the start of every build (the first
``on_config``, see hooks/build_state.py), so a rebuild under ``mkdocs serve``
starts from the same empty state as a fresh ``mkdocs build``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..content.model import Handbook
    from .assessment import AssessmentConfig
    from .quiz_assets import Bundle


@dataclass
class BuildState:
    handbook: Handbook | None = None
    # Pages whose bytes are not UTF-8: MkDocs reads the engine's text of them instead (hooks/validate.py).
    undecodable: set[str] = field(default_factory=set)
    # Site-relative URL and navigation title of every Markdown page (docs path -> value).
    urls: dict[str, str] = field(default_factory=dict)
    nav_titles: dict[str, str] = field(default_factory=dict)
    # mkdocs-quiz assets moved out of the pages: every distinct file, and each quiz page's files
    # and the quiz UI hidden from the search index until the page is written.
    quiz_files: dict[str, Bundle] = field(default_factory=dict)
    page_bundles: dict[str, list[Bundle]] = field(default_factory=dict)
    page_hidden: dict[str, list[str]] = field(default_factory=dict)
    # The printable manual: on or off for this build, the navigation, and each page's rendered <article>.
    pdf_enabled: bool = False
    nav: Any = None
    articles: dict[str, str] = field(default_factory=dict)
    # The final assessment's settings (extra.assessment in mkdocs.yml).
    assessment: AssessmentConfig | None = None


STATE = BuildState()


def reset() -> None:
    """Forget the previous build (in place, so every module holding STATE sees it)."""
    fresh = BuildState()
    for name in BuildState.__dataclass_fields__:
        setattr(STATE, name, getattr(fresh, name))
