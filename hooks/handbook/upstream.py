"""Every assumption this project makes about the internals of Material for
MkDocs and mkdocs-quiz, in one place, with the versions they were written for.

Material and mkdocs-quiz are used through their public configuration where
possible. Where that is not enough, the code below reaches into their output:
a minified search worker, a selector string in the JavaScript bundle, the CSS/JS
mkdocs-quiz inlines into pages, the localStorage keys it writes, and eight forked
theme templates. When either
package is upgraded, read this file top to bottom: ``check_versions`` warns at
``on_config`` (and fails a strict build) until the versions here are updated,
and every workaround warns when it finds nothing to work on.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Final


@dataclass(frozen=True)
class Package:
    distribution: str
    version: str          # the version every assumption below was checked against


MATERIAL: Final = Package("mkdocs-material", "9.8.2")
MKDOCS_QUIZ: Final = Package("mkdocs-quiz", "1.7.1")
MKDOCS: Final = Package("mkdocs", "1.6.1")
PACKAGES: Final = (MKDOCS, MATERIAL, MKDOCS_QUIZ)

# --- Material ---------------------------------------------------------------------

# Templates in overrides/ that are copies of Material's, changed in a few lines.
# tests/test_upstream.py compares each installed original with the snapshot taken
# when it was forked (tests/upstream/material-<version>/), see ``template_drift``.
FORKED_TEMPLATES: Final = (
    "partials/actions.html",
    "partials/javascripts/palette.html",
    "partials/nav-item.html",
    "partials/palette.html",
    "partials/path.html",
    "partials/search.html",
    "partials/source.html",
    "partials/toc-item.html",
)

# The search worker the theme copies into the site, and the loop in it that
# segments a Chinese query: it never tries the whole query (``j < length``).
SEARCH_WORKER_GLOB: Final = "assets/javascripts/workers/search.*.js"
SEARCH_SEGMENTER_LOOP: Final = re.compile(r"for\(let (\w)=(\w)\+1;\1<(\w)\.length;\1\+\+\)\3\.slice\(\2,\1\)in ")
SEARCH_INDEX: Final = "search/search_index.json"
# The search worker loads lunr with importScripts and the index with fetch: both need http(s),
# so the SCORM package searches only when the LMS serves it (not opened from disk).
# nav-complete.js marks navigation links rendered as <a class="md-nav__link"><span class="md-ellipsis">.
NAV_LINK_SELECTOR: Final = "a.md-nav__link"

# Scripts and script-like markup Material writes into every page, allowed by the last gate
# (outputs/html_gate.py), which fails the build on any other script, event handler or
# javascript: URL. The JavaScript bundle (hashed name), the search worker named in the
# inline configuration, and the inline scripts of base.html identified by the SHA-256 of
# their text (as minified) with the site's base URL replaced by BASE.
MATERIAL_BUNDLE: Final = re.compile(r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js")
MATERIAL_SEARCH_WORKER: Final = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]{8}\.min\.js")
MATERIAL_CONFIG_SCRIPT: Final = ("application/json", "__config")   # (type, id) of the inline configuration
MATERIAL_INLINE_BASE: Final = re.compile(r'new URL\("[^"\\]*",location\)')
MATERIAL_INLINE_SCRIPTS: Final = {
    "89614d6b864bbe7884f6ad1ab21aa2216e6686af528a97cd15075dda2fe14374": "__md_scope/__md_get/__md_set (head)",
    "ffcc0f7735fdab434d257c80e65cec2e88d716991e69757185b7e450e41a5b2f": "open the tab named in the URL hash (body)",
}
# The light/dark toggle. Material's bundle mounts its palette component on the element carrying
# PALETTE_COMPONENT; the fork of partials/palette.html carries PALETTE_FORM instead so that it does not, and
# docs/assets/javascripts/palette.js (written into the page by the fork of
# partials/javascripts/palette.html) does the component's work while the header is parsed: it keeps
# Material's localStorage entry (__md_set/__md_get key PALETTE_STORAGE_KEY, {index, color: {media,
# scheme, primary, accent}}), the data-md-color-* attributes on <body>, the hidden attribute of the
# toggle labels, data-md-color-switching during a switch and the theme-color/color-scheme meta tags.
PALETTE_COMPONENT: Final = 'data-md-component="palette"'
PALETTE_FORM: Final = "data-hb-palette"
PALETTE_STORAGE_KEY: Final = "__palette"

# Material's content component wraps each table matched by MATERIAL_TABLE_SELECTOR in two <div>s,
# outer to inner MATERIAL_TABLE_WRAPPER (templates/table), for sideways scrolling. The build writes
# the same wrappers (outputs/tables.py) and docs/assets/javascripts/tables.js, run before the bundle,
# narrows this exact selector string so that Material skips tables already wrapped.
MATERIAL_TABLE_SELECTOR: Final = "table:not([class])"
MATERIAL_TABLE_WRAPPER: Final = ("md-typeset__scrollwrap", "md-typeset__table")

# Inert javascript: URLs and handlers written on purpose: (tag, attribute, value, and an
# attribute the same element must carry). Material's "share search" button; mkdocs-quiz's forms.
INERT_ACTIVE_ATTRIBUTES: Final = (
    ("a", "href", "javascript:void(0)", ("data-md-component", "search-share")),
    ("form", "action", "javascript:void(0);", ("onsubmit", "return false;")),
    ("form", "onsubmit", "return false;", ("action", "javascript:void(0);")),
)

# --- mkdocs-quiz --------------------------------------------------------------------

# Blocks mkdocs-quiz appends to every page, recognised by their content:
# (bundle name, file extension, tag, content marker). First match wins.
QUIZ_ASSET_KINDS: Final[tuple[tuple[str, str, str, re.Pattern[str]], ...]] = (
    ("quiz", "css", "style", re.compile(r"\.quiz[-\s{.,:]")),
    ("quiz", "js", "script", re.compile(r"quiz_progress_|quizTracker")),
    ("quiz-settings", "js", "script", re.compile(r"window\.mkdocsQuiz(?:Translations|Config)\s*=|quiz-auto-number")),
    ("quiz-confetti", "js", "script", re.compile(r"JSConfetti")),
)
# Order in which those scripts must run: globals first, quiz.js last.
QUIZ_SCRIPT_ORDER: Final = ("quiz-confetti", "quiz-settings", "quiz")
# One rendered question.
QUIZ_DIV: Final = re.compile(r'<div class="quiz(?:\s[^"]*)?"')
# The progress sidebar (desktop) and bar (phone) quiz.js moves into the table of contents.
QUIZ_SIDEBAR_START: Final = re.compile(r'<(?P<tag>div|nav)\b[^>]*\bid="quiz-progress-(?:sidebar|mobile)"[^>]*>')
# Quiz UI kept out of the search index: progress sidebars, buttons, "#" links, per-answer feedback.
QUIZ_UI_START: Final = re.compile(
    r'<(?P<tag>div|nav|a|button)\b(?=[^>]*\b(?:id="quiz-progress-(?:sidebar|mobile)"|'
    r'class="(?:quiz-header-link|quiz-button|answer-feedback|md-button[^"]*quiz-(?:results|intro)-reset)[\s"]))[^>]*>'
)
# localStorage key of a page's answers: prefix + the page's URL path. Also used
# by docs/assets/javascripts/quiz-fixes.js and progress.js (which reads it from progress-data.json).
QUIZ_STORAGE_PREFIX: Final = "quiz_progress_"
# What quiz.js stores per question under that key (object keyed "quiz-0", "quiz-1" … in page
# order): these three fields, selectedValues being the option indices as strings ("0", "2") or,
# for fill-in questions, the typed texts. handbook-state.js (export/import, SCORM suspend_data),
# nav-complete.js (✓ in the navigation) and quiz-fixes.js read and write exactly this shape.
QUIZ_STORED_ANSWER_FIELDS: Final = ("answered", "correct", "selectedValues")
# mkdocs-quiz only finds a bare <quiz>: its own QTI exporter (mkdocs_quiz.qti) therefore exports
# none of our questions, which is why tools/qti.py exists.
QUIZ_BLOCK_UPSTREAM: Final = "<quiz>"
# The line grammar of quiz blocks is imported from mkdocs_quiz.parsing (CHECKBOX_REGEX,
# FEEDBACK_REGEX, FILL_BLANK_REGEX, collect_feedback) by content/quizzes.py.


def installed_version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def check_versions(installed: dict[str, str | None] | None = None) -> list[str]:
    """A warning (Chinese, for whoever upgrades) for each package whose installed
    version differs from the one the assumptions were written for."""
    warnings = []
    for package in PACKAGES:
        found = (installed or {}).get(package.distribution) if installed is not None else \
            installed_version(package.distribution)
        if found != package.version:
            warnings.append(
                f"上游版本变化：安装的 {package.distribution} 是 {found or '（未安装）'}，本项目对它的内部假设是按 "
                f"{package.version} 写的。请逐条核对 hooks/handbook/upstream.py 中的假设（运行 make test，"
                "tests/test_upstream.py 会比对被复制的模板），确认后把这里的版本号改为新版本。")
    return warnings


def minify_drops_comments(htmlmin_options: dict[str, object] | None) -> bool:
    """The quiz UI is parked in HTML comments between two page events
    (outputs/quiz_assets.py); a minifier that removes comments would delete it."""
    return bool((htmlmin_options or {}).get("remove_comments"))


# --- drift of the forked templates -------------------------------------------------------

def template_drift(snapshot_dir: Path, installed_dir: Path, names: tuple[str, ...] = FORKED_TEMPLATES) -> list[str]:
    """One readable report per forked template whose installed original differs from the
    snapshot taken when it was forked (a unified diff, snapshot -> installed)."""
    reports = []
    for name in names:
        snapshot, installed = snapshot_dir / name, installed_dir / name
        if not installed.is_file():
            reports.append(f"{name}：安装的 Material 中已没有这个模板，overrides/{name} 可能不再生效。")
            continue
        old = snapshot.read_text(encoding="utf-8").splitlines(keepends=True)
        new = installed.read_text(encoding="utf-8").splitlines(keepends=True)
        if old != new:
            diff = "".join(difflib.unified_diff(old, new, f"复制时的 {name}", f"现在安装的 {name}"))
            reports.append(f"{name}：Material 修改了这个模板。请把下面的上游改动移植到 overrides/{name}，"
                           f"再用新版本替换快照。\n{diff}")
    return reports
