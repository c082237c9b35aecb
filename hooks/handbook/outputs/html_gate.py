"""The last gate: every built page as the browser will get it.

After every plugin and hook has run (``hooks/html_gate.py``, on_post_build at
the lowest priority), each HTML file in the site is tokenised with the same
HTML5 parser as the content rules (justhtml) and any script, event-handler
attribute, script URL or embedding element that is not the site's own fails
the strict build, naming the page. The site's own are listed explicitly:

- Material's JavaScript bundle, its search worker and the two inline scripts
  of its base template still in use, and its ``__config`` JSON (``upstream.py``);
- the handbook's scripts in ``docs/assets/javascripts/`` (``HANDBOOK_SCRIPTS``), the two of them
  written into pages (progress.js on the progress page, palette.js in every header) recognised by
  their text, and the JSON data of the progress page and the final assessment (never executed;
  checked as JSON);
- mkdocs-quiz's scripts as moved to ``assets/quiz/`` by ``outputs.quiz_assets``
  (the exact files of this build);
- two inert ``javascript:void(0)`` attributes written by Material and
  mkdocs-quiz (``upstream.INERT_ACTIVE_ATTRIBUTES``).

The content rules check what editors write; this gate catches what a Markdown
extension, a generator fed from a data file, or a plugin makes of it.
Tokens, not the tree, are checked (faster, and a superset: an ignored
``<body onload>`` is reported too); the line of a problem is that of its start
tag, found in the text as for the content rules (``content.html.TagLines``).
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from dataclasses import dataclass, replace
from pathlib import Path

from justhtml import stream

from .. import upstream
from ..content.html import URL_ATTRIBUTES, TagLines, start_tag, url_problem, url_scheme
from . import palette, progress
from .assessment import DATA_ELEMENT_ID

HANDBOOK_SCRIPTS = ("assets/javascripts/print.js", "assets/javascripts/progress.js",
                    "assets/javascripts/quiz-fixes.js", "assets/javascripts/glossary.js",
                    "assets/javascripts/lazy-search.js", "assets/javascripts/nav-complete.js",
                    "assets/javascripts/handbook-state.js", "assets/javascripts/progress-transfer.js",
                    "assets/javascripts/assessment.js", "assets/javascripts/palette.js",
                    "assets/javascripts/tables.js")
# The progress page's data, written into the page by outputs.progress.inline_script (checked as JSON).
HANDBOOK_DATA_SCRIPT = ("application/json", "hb-progress-data")
# The final assessment's question pool, written into its page by hooks/assessment.py (checked as JSON).
ASSESSMENT_DATA_SCRIPT = ("application/json", DATA_ELEMENT_ID)
# Elements that embed another document or change where every URL points.
EMBEDDING = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal",
                       "fencedframe", "math", "foreignobject", "animate", "set", "animatemotion",
                       "animatetransform", "handler", "listener"})


@dataclass(frozen=True)
class Problem:
    tag: str
    attribute: str       # "" for the element itself
    value: str
    description: str     # Chinese, for the build log
    line: int = 0


@dataclass(frozen=True)
class Site:
    """What the gate knows about the build: the site's URL path and this build's quiz scripts."""
    base_path: str                  # e.g. "/collector-handbook/"
    quiz_scripts: frozenset[str]    # site-relative paths under assets/quiz/
    inline_scripts: frozenset[str] = frozenset()  # SHA-256 of the handbook's own inline scripts (progress.js)


def own_inline_scripts(site_dir: Path) -> frozenset[str]:
    """SHA-256 of the handbook's own inline scripts in a built site: progress.js as the progress page
    has it written in (outputs.progress.inline_script) and palette.js as every header has it
    (outputs.palette.script_text)."""
    texts = []
    for path, written in ((progress.SCRIPT_PATH, progress.inline_text), (palette.SCRIPT_PATH, palette.script_text)):
        script = site_dir / path
        if script.is_file():
            texts.append(written(script.read_text(encoding="utf-8")))
    return frozenset(hashlib.sha256(text.encode("utf-8")).hexdigest() for text in texts)


def _resolve(page: str, url: str, site: Site) -> str | None:
    """Site-relative path of a same-site URL; None for another site."""
    if url_scheme(url) is not None or url.startswith("//"):
        return None
    path = url.split("#", maxsplit=1)[0].split("?", maxsplit=1)[0]
    if path.startswith("/"):
        if not path.startswith(site.base_path):
            return None
        return posixpath.normpath(path[len(site.base_path):])
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


def _own_script(page: str, src: str, site: Site) -> bool:
    path = _resolve(page, src, site)
    return path is not None and (upstream.MATERIAL_BUNDLE.fullmatch(path) is not None or
                                 path in HANDBOOK_SCRIPTS or path in site.quiz_scripts)


def _inline_script(page: str, attrs: dict[str, str], text: str, site: Site) -> str | None:  # noqa: PLR0911 - one return per kind of script
    """Why an inline script is not the site's own, or None."""
    kind = attrs.get("type", "").strip().lower()
    if (kind, attrs.get("id", "")) == upstream.MATERIAL_CONFIG_SCRIPT:
        try:
            config = json.loads(text)
        except ValueError:
            return "Material 的配置脚本（__config）不是合法的 JSON"
        worker = _resolve(page, str(config.get("search", "")), site) if isinstance(config, dict) else None
        if isinstance(config, dict) and "search" in config and (
                worker is None or upstream.MATERIAL_SEARCH_WORKER.fullmatch(worker) is None):
            return f"Material 的配置指向了陌生的搜索脚本 {config.get('search')}"
        return None
    if (kind, attrs.get("id", "")) == HANDBOOK_DATA_SCRIPT:
        try:
            json.loads(text)
        except ValueError:
            return "学习进度页的数据脚本不是合法的 JSON"
        return None
    if (kind, attrs.get("id", "")) == ASSESSMENT_DATA_SCRIPT:
        try:
            json.loads(text)
        except ValueError:
            return f"结业测验的题库数据（{DATA_ELEMENT_ID}）不是合法的 JSON"
        return None
    if hashlib.sha256(text.encode("utf-8")).hexdigest() in site.inline_scripts:
        return None
    normalised = upstream.MATERIAL_INLINE_BASE.sub("new URL(BASE,location)", text)
    if hashlib.sha256(normalised.encode("utf-8")).hexdigest() in upstream.MATERIAL_INLINE_SCRIPTS:
        return None
    return f"内联脚本“{' '.join(text.split())[:60]}”不是本网站自己的脚本"


def _inert(tag: str, name: str, value: str, attrs: dict[str, str]) -> bool:
    return any(tag == t and name == a and value.strip() == v and attrs.get(other[0]) == other[1]
               for t, a, v, other in upstream.INERT_ACTIVE_ATTRIBUTES)


def _element(page: str, tag: str, attrs: dict[str, str], site: Site) -> list[Problem]:
    found = []
    if tag in EMBEDDING or (tag == "meta" and attrs.get("http-equiv", "").strip().lower() in ("refresh", "set-cookie")):
        found.append(Problem(tag, "", "", f"嵌入或改写页面的元素 <{tag}>"))
    if tag == "script" and "src" in attrs and not _own_script(page, attrs["src"], site):
        found.append(Problem(tag, "src", attrs["src"], f"外来脚本 <script src=\"{attrs['src']}\">"))
    for name, value in attrs.items():
        if _inert(tag, name, value, attrs):
            continue
        if name.startswith("on"):
            found.append(Problem(tag, name, value, f"<{tag}> 上的事件属性 {name}=“{value[:60]}”"))
        elif name == "srcdoc" or (name in URL_ATTRIBUTES and url_problem(value) == "script"):
            found.append(Problem(tag, name, value, f"<{tag}> 的 {name} 是会执行脚本的地址“{value[:60]}”"))
        elif name in URL_ATTRIBUTES and url_problem(value) == "scheme" and url_scheme(value) != "data":
            found.append(Problem(tag, name, value, f"<{tag}> 的 {name} 使用了不允许的协议“{value[:60]}”"))
        elif name in URL_ATTRIBUTES and url_scheme(value) == "data" and not (
                tag == "img" and value.strip().lower().startswith("data:image/")):
            found.append(Problem(tag, name, value, f"<{tag}> 的 {name} 是 data: 地址“{value[:60]}”"))
    return found


def scan(page: str, html: str, site: Site) -> list[Problem]:
    """Everything on one built page (site-relative path ``page``) that is not the site's own."""
    problems: list[Problem] = []
    lines = TagLines(html, 1)
    script: dict[str, str] | None = None
    script_line = 0
    text: list[str] = []

    def close_script() -> None:
        if script is not None and "src" not in script:
            why = _inline_script(page, script, "".join(text), site)
            if why is not None:
                problems.append(Problem("script", "", "".join(text), why, script_line))

    for event in stream(html):
        if event[0] == "start":
            close_script()
            tag, attrs = start_tag(event[1])
            line = lines.line_of(tag)
            script, script_line, text = (attrs, line, []) if tag == "script" else (None, 0, [])
            problems += [replace(problem, line=line) for problem in _element(page, tag, attrs, site)]
        elif event[0] == "text" and script is not None:
            text.append(event[1])
        elif event[0] == "end" and event[1] == "script":
            close_script()
            script = None
    close_script()
    return problems
