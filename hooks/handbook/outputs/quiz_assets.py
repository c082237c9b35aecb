"""mkdocs-quiz's inlined CSS and JavaScript, moved into cached static files.

mkdocs-quiz 1.7 appends to the HTML of EVERY page: a ``<style>`` with its
quiz.css, optionally the confetti library, a ``<script>`` with the
translations, one with the config, one with quiz.js, optionally an
auto-number script, and a progress sidebar (``div#quiz-progress-sidebar`` and
``nav#quiz-progress-mobile``) that quiz.js moves into the table of contents.

``process`` takes one page's content HTML after the plugin ran and returns it
without those blocks, plus the blocks as ``Bundle`` objects (one file each,
named by content hash so a browser caches it forever). Blocks are recognised
by what they contain, not by position, so a plugin update that reorders them
still works; a block that is not recognised is left in place.

Pages without a quiz lose the sidebar too. On quiz pages the quiz UI (the
sidebar, buttons, "#" links and the per-answer feedback) is swapped for HTML
comment placeholders until the search plugin has indexed the page, and put
back by ``restore`` in the final page. (Material's ``data-search-exclude``
cannot be used: its parser compares elements by tag name only, so excluding
a ``<div>`` that contains other ``<div>`` elements breaks the index build.)
The quiz parts are separated by line breaks so that option texts do not run
together into junk words in the search index.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass, field

from ..upstream import QUIZ_ASSET_KINDS, QUIZ_DIV, QUIZ_SCRIPT_ORDER, QUIZ_SIDEBAR_START, QUIZ_UI_START
from .html_scan import closing_tag

ASSET_DIR = "assets/quiz"
GUARD_SCRIPT = "assets/javascripts/quiz-fixes.js"

_BLOCK = re.compile(r"<(?P<tag>style|script)\b(?P<attrs>[^>]*)>(?P<body>.*?)</(?P=tag)\s*>", re.DOTALL | re.IGNORECASE)

_PLACEHOLDER = "<!--hb-quiz-ui-{}-->"
# Boundaries inside a quiz where text nodes would otherwise touch.
_GLUE = re.compile(r"(</label>|</div>|</section>|</fieldset>)(?=<)")


@dataclass(frozen=True)
class Bundle:
    name: str
    ext: str
    content: str

    @property
    def filename(self) -> str:
        digest = hashlib.sha256(self.content.encode("utf-8")).hexdigest()[:10]
        return f"{self.name}.{digest}.{self.ext}"

    @property
    def path(self) -> str:
        """Site-relative path of the file."""
        return f"{ASSET_DIR}/{self.filename}"


@dataclass
class Processed:
    html: str
    has_quiz: bool
    bundles: list[Bundle] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)
    """Quiz UI markup replaced by placeholders in ``html``; see ``restore``."""


def has_quiz(html: str) -> bool:
    return bool(QUIZ_DIV.search(html))


def _classify(tag: str, body: str) -> tuple[str, str] | None:
    for name, ext, kind_tag, marker in QUIZ_ASSET_KINDS:
        if kind_tag == tag and marker.search(body):
            return name, ext
    return None


def _remove_sidebars(html: str) -> str:
    while match := QUIZ_SIDEBAR_START.search(html):
        html = html[:match.start()] + html[closing_tag(html, match.start(), match.group("tag"))[1]:]
    return html


def _hide_ui(html: str) -> tuple[str, list[str]]:
    hidden: list[str] = []
    parts, position = [], 0
    for match in QUIZ_UI_START.finditer(html):
        if match.start() < position:
            continue  # inside an element hidden already
        end = closing_tag(html, match.start(), match.group("tag"))[1]
        parts.append(html[position:match.start()])
        parts.append(_PLACEHOLDER.format(len(hidden)))
        hidden.append(html[match.start():end])
        position = end
    parts.append(html[position:])
    return "".join(parts), hidden


def restore(html: str, hidden: list[str]) -> tuple[str, int]:
    """Put the quiz UI hidden by ``process`` back into the page; also returns how
    many placeholders were missing (something between the two events removed them)."""
    missing = 0
    for index, markup in enumerate(hidden):
        placeholder = _PLACEHOLDER.format(index)
        if placeholder in html:
            html = html.replace(placeholder, markup, 1)
        else:
            missing += 1
    return html, missing


def missing_assets(bundles: list[Bundle]) -> list[str]:
    """Asset kinds a quiz page needs but that were not recognised in its HTML."""
    found = {(bundle.name, bundle.ext) for bundle in bundles}
    return [f"{name}.{ext}" for name, ext in (("quiz", "css"), ("quiz", "js")) if (name, ext) not in found]


def _separate_quiz_parts(html: str) -> str:
    parts, position = [], 0
    for match in QUIZ_DIV.finditer(html):
        if match.start() < position:
            continue
        end = closing_tag(html, match.start(), "div")[1]
        parts.append(html[position:match.start()])
        parts.append(_GLUE.sub(r"\1\n", html[match.start():end]))
        position = end
    parts.append(html[position:])
    return "".join(parts)


def process(html: str) -> Processed:
    """Strip mkdocs-quiz's inline assets from one page's content HTML."""
    found: dict[tuple[str, str], list[str]] = {}
    kept: list[str] = []
    position = 0
    for match in _BLOCK.finditer(html):
        kind = _classify(match.group("tag").lower(), match.group("body"))
        if kind is None:
            continue
        kept.append(html[position:match.start()])
        position = match.end()
        found.setdefault(kind, []).append(match.group("body").strip())
    kept.append(html[position:])
    html = "".join(kept)

    quiz = has_quiz(html)
    if not quiz:
        return Processed(_remove_sidebars(html).rstrip() + "\n", False, [])

    html, hidden = _hide_ui(_separate_quiz_parts(html))
    bundles = [Bundle(name, ext, "\n".join(bodies) + "\n") for (name, ext), bodies in found.items()]
    return Processed(html, True, bundles, hidden)


def relative(path: str, page_url: str) -> str:
    """Link from the page at site-relative ``page_url`` (``a/b/`` or ``a/b.html``) to site file ``path``."""
    base = (page_url if page_url.endswith("/") else posixpath.dirname(page_url)).strip("/")
    return posixpath.relpath(path, base) if base else path


def head_tags(bundles: list[Bundle], page_url: str) -> str:
    """``<link>``/``<script defer>`` tags for a page at ``page_url`` (site-relative, e.g. ``a/b/``)."""
    def href(path: str) -> str:
        return relative(path, page_url)

    tags = [f'<link rel="stylesheet" href="{href(b.path)}">' for b in bundles if b.ext == "css"]
    scripts = sorted((b for b in bundles if b.ext == "js"), key=lambda b: QUIZ_SCRIPT_ORDER.index(b.name)
                     if b.name in QUIZ_SCRIPT_ORDER else len(QUIZ_SCRIPT_ORDER))
    for bundle in scripts:
        if bundle.name == "quiz":  # quiz-fixes.js must run before quiz.js
            tags.append(f'<script src="{href(GUARD_SCRIPT)}" defer></script>')
        tags.append(f'<script src="{href(bundle.path)}" defer></script>')
    return "\n".join(tags)


_DESKTOP_SIDEBAR = re.compile(r'<div\b[^>]*\bid="quiz-progress-sidebar"[^>]*>')
_TOC_NAV = re.compile(r'<nav\b[^>]*\bclass="md-nav md-nav--secondary"[^>]*>')
_TOTAL = re.compile(r'(<span class="quiz-progress-total">)0(</span>)')
_HIDDEN_STYLE = re.compile(r'\s*style="display:\s*none;?"')


def place_sidebar(output: str) -> str:
    """Put the desktop progress sidebar where quiz.js would move it (top of the table of contents of
    the right-hand sidebar), visible, already in the HTML, with the page's number of questions filled
    in. quiz.js finds it in place and leaves it; the table of contents no longer jumps down when the
    script runs (a layout shift, CLS)."""
    output = _TOTAL.sub(rf"\g<1>{len(QUIZ_DIV.findall(output))}\g<2>", output)
    sidebar = _DESKTOP_SIDEBAR.search(output)
    tocs = list(_TOC_NAV.finditer(output))
    toc = tocs[-1] if tocs else None  # the last one: the right-hand sidebar, after the navigation's copy
    if sidebar is None or toc is None or toc.start() > sidebar.start():
        return output
    end = closing_tag(output, sidebar.start(), "div")[1]
    markup = _HIDDEN_STYLE.sub("", output[sidebar.start():sidebar.end()], count=1) + output[sidebar.end():end]
    output = output[:sidebar.start()] + output[end:]
    return output[:toc.end()] + markup + output[toc.end():]


def inject_head(output: str, tags: str) -> str:
    """Insert ``tags`` right before ``</head>`` of a full HTML document."""
    if not tags:
        return output
    index = output.find("</head>")
    return output if index < 0 else output[:index] + tags + "\n" + output[index:]
