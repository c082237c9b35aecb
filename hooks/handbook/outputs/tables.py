"""Tables wrapped at build time, exactly as Material's bundle wraps them in the browser.

Material's content component wraps every table without a class attribute (``upstream.MATERIAL_TABLE_SELECTOR``)
in ``<div class="md-typeset__scrollwrap"><div class="md-typeset__table">`` (``upstream.MATERIAL_TABLE_WRAPPER``),
so that a wide table scrolls sideways on a phone. It does so after the page is parsed, one table at a
time: each replacement makes the browser restyle everything after the table (the content-visibility
rule of handbook.css uses sibling selectors) and lay the table out again, in the same long task as the
rest of Material's start-up (on the module pages, with 15-19 tables, about a third of that task).

``wrap`` writes the same wrappers into the built page, around every such table of the <article>
(nested ones included, like Material). docs/assets/javascripts/tables.js, which runs before the
bundle, then keeps Material from wrapping these tables a second time; a table without the wrappers
(none today) would still be wrapped by Material. The printable manual is assembled from the pages
before this step (hooks/tables.py runs after hooks/pdf.py), so it is unchanged.
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import upstream
from .html_scan import closing_tag

SCRIPT_PATH = "assets/javascripts/tables.js"
_OPEN = "".join(f'<div class="{name}">' for name in upstream.MATERIAL_TABLE_WRAPPER)
_CLOSE = "</div>" * len(upstream.MATERIAL_TABLE_WRAPPER)
_TABLE = re.compile(r"<table(?=[\s>/])[^>]*>", re.IGNORECASE)
_CLASS = re.compile(r"""\sclass\s*=""", re.IGNORECASE)


def wrap(output: str) -> str:
    """``output`` (a built page) with every table without a class attribute inside its <article>
    wrapped as Material wraps it; unchanged if there is none."""
    start, end = output.find("<article"), output.rfind("</article>")
    if start < 0 or end < start:
        return output
    inserts: list[tuple[int, str]] = []
    for match in _TABLE.finditer(output, start, end):
        if _CLASS.search(match.group(0)):
            continue
        close = closing_tag(output, match.start(), "table")[1]
        if close > end:
            continue  # never closes inside the article: leave it to Material
        inserts += [(match.start(), _OPEN), (close, _CLOSE)]
    if not inserts:
        return output
    # Closing wrappers before opening ones at the same position (a table right after another).
    inserts.sort(key=lambda insert: (insert[0], insert[1] == _OPEN))
    parts, last = [], 0
    for position, text in inserts:
        parts += [output[last:position], text]
        last = position
    parts.append(output[last:])
    return "".join(parts)


def bundle_problem(site_dir: Path) -> str | None:
    """Why Material's bundle in a built site would wrap the pre-wrapped tables a second time (its
    table selector is not the one tables.js narrows), or None."""
    bundles = sorted(site_dir.glob("assets/javascripts/bundle.*.min.js"))
    if not bundles:
        return "没有找到 Material 的脚本 assets/javascripts/bundle.*.min.js"
    if not any(f'"{upstream.MATERIAL_TABLE_SELECTOR}"' in bundle.read_text(encoding="utf-8") for bundle in bundles):
        return (f"Material 的脚本里没有表格选择器 {upstream.MATERIAL_TABLE_SELECTOR}（Material 版本变了？），"
                "构建时已包好的表格可能会在浏览器里再被包一次")
    return None
