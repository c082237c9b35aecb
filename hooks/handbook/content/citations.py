"""Find statute citations in prose and resolve them against the registry.

Recognised forms: ``《中华人民共和国刑法》第二百九十三条之一``, ``《民法典》第1033条``,
``民法典第188条`` (a registered name without brackets), chains such as
``第一千零三十二条、第一千零三十三条`` and ranges ``第一百零三条至第一百零八条``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .markdown import line_at, prose
from .numerals import ARTICLE, NUMERAL, article_label, to_int
from .registry import Registry

_GAP = r"[ \t]*"   # 第 188 条: Arabic numbers are spaced in Chinese text
_ONE = rf"第{_GAP}{NUMERAL}{_GAP}条(?:之{_GAP}{NUMERAL})?(?:第{_GAP}{NUMERAL}{_GAP}[款项])*"
_JOIN = r"\s*(?:、|，|,|和|及|以及|或|至|到|—|－|-|～|~)\s*"
_CHAIN = rf"{_ONE}(?:{_JOIN}{_ONE})*"
_VERSION_NOTE = r"(?:\s*[（(][^（）()\n]{1,24}[）)])?\s*"
_BRACKETED = re.compile(rf"《(?P<law>[^《》\n]{{1,60}})》{_VERSION_NOTE}(?P<chain>{_CHAIN})")
_RANGE = re.compile(rf"第{_GAP}({NUMERAL}){_GAP}条\s*(?:至|到|—|－|-|～|~)\s*第{_GAP}({NUMERAL}){_GAP}条")
_MAX_RANGE = 40


@dataclass(frozen=True)
class Citation:
    law_name: str
    law_id: str | None
    number: int
    sub: int
    line: int
    text: str

    @property
    def label(self) -> str:
        return article_label(self.number, self.sub)


def _articles_in_chain(chain: str) -> list[tuple[int, int]]:
    found = [(to_int(m.group(1)), to_int(m.group(2)) if m.group(2) else 0) for m in ARTICLE.finditer(chain)]
    for start, end in ((to_int(a), to_int(b)) for a, b in _RANGE.findall(chain)):
        if end - start <= _MAX_RANGE:         # a reversed range adds nothing
            found.extend((number, 0) for number in range(start + 1, end))
    return list(dict.fromkeys(found))


def _bare_pattern(registry: Registry) -> re.Pattern[str] | None:
    if not registry.alias_to_law:
        return None
    # In any order: a name matches only with an article right after it, so where a shorter
    # name (民法) fails before a longer one (民法典第…), the regex tries the longer one.
    alternatives = "|".join(re.escape(name) for name in registry.alias_to_law)
    return re.compile(rf"(?<!《)(?P<law>{alternatives}){_VERSION_NOTE}(?P<chain>{_CHAIN})")


def find_citations(body: str, registry: Registry, body_first_line: int) -> list[Citation]:
    masked = prose(body)
    citations: list[Citation] = []
    taken: list[tuple[int, int]] = []
    patterns = [_BRACKETED]
    bare = _bare_pattern(registry)
    if bare:
        patterns.append(bare)
    for pattern in patterns:
        for match in pattern.finditer(masked):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue                  # a bare name inside a bracketed title (《关于刑法第2条的解释》)
            taken.append((match.start(), match.end()))
            name = match.group("law").strip()
            law = registry.resolve_law(name)
            line = line_at(masked, match.start(), body_first_line)
            for number, sub in _articles_in_chain(match.group("chain")):
                citations.append(Citation(name, law.id if law else None, number, sub, line, match.group(0)))
    return sorted(citations, key=lambda c: c.line)
