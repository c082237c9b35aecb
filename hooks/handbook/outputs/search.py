"""Chinese search: words jieba must keep whole, and a fix for the browser-side segmenter.

Material's search segments Chinese text with jieba at build time; the browser
then matches the query against those segments. jieba's general dictionary cuts
domain terms apart (软暴力 -> 软 | 暴力), so a trainee searching 软暴力 gets
every page with 软 or 暴力. Every glossary term (docs/reference/glossary.yml)
is therefore added to jieba's dictionary before the pages are indexed, plus a
few search phrases that are not glossary entries.

In the browser, Material 9.8's search worker splits a Chinese query greedily
into index terms, but its loop never tries the whole query (``j < length``
instead of ``j <= length``): 诉讼时效 is searched as 诉讼* 时*, and the last
character of every query becomes a term of its own. ``fix_segmenter`` patches
that one comparison in the worker file the build copies into the site.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..upstream import SEARCH_SEGMENTER_LOOP

if TYPE_CHECKING:
    from ..content.model import Handbook

# Phrases trainees search for that are not glossary terms (keep short; prefer the glossary).
EXTRA_WORDS = ("投诉处理", "情绪管理", "压力管理", "还款计划", "还款能力", "还款意愿", "身份核实")

_HAN = re.compile(r"[\u4e00-\u9fff]")


def words(handbook: Handbook | None) -> list[str]:
    """Glossary terms and extra phrases that contain Chinese, without duplicates, in order."""
    found: Iterable[str] = [term.term for term in (handbook.terms if handbook else [])]
    result: list[str] = []
    for raw in [*found, *EXTRA_WORDS]:
        word = raw.strip()
        if len(word) >= 2 and _HAN.search(word) and word not in result:
            result.append(word)
    return result




def fix_segmenter(worker_js: str) -> tuple[str, bool]:
    """Return the worker source with the whole-query comparison fixed, and whether it was found."""
    fixed, count = SEARCH_SEGMENTER_LOOP.subn(lambda m: m.group(0).replace(f"{m.group(1)}<{m.group(3)}.length",
                                                                      f"{m.group(1)}<={m.group(3)}.length"), worker_js)
    return fixed, count == 1


def compact_index(index_json: str) -> str:
    """The search index as compact UTF-8 JSON. Material writes it with every
    Chinese character escaped (\\uXXXX, 6 bytes instead of 3), which nearly
    doubles what a phone downloads on its first page view."""
    return json.dumps(json.loads(index_json), ensure_ascii=False, separators=(",", ":"))
