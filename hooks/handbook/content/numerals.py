"""Chinese article numerals: 第二百九十三条之一 -> (293, 1)."""

from __future__ import annotations

import re

NUMERAL = r"[零〇一二两三四五六七八九十百千0-9]+"
# Arabic numbers are written with spaces in Chinese text (第 188 条, see rules/typography.py).
_GAP = r"[ \t]*"
ARTICLE = re.compile(rf"第{_GAP}({NUMERAL}){_GAP}条(?:之{_GAP}({NUMERAL}))?")

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def to_int(text: str) -> int:
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char in _DIGITS:
            current = _DIGITS[char]
        elif char in _UNITS:
            total += (current or 1) * _UNITS[char]
            current = 0
        elif char.isdigit():
            current = current * 10 + int(char)
    return total + current


def article_key(text: str) -> tuple[int, int] | None:
    """(number, sub-number) of '第X条' / '第X条之Y'; None if it is not one."""
    match = ARTICLE.fullmatch(text.strip())
    if not match:
        return None
    return to_int(match.group(1)), to_int(match.group(2)) if match.group(2) else 0


def article_label(number: int, sub: int = 0) -> str:
    return f"第{number}条" + (f"之{sub}" if sub else "")
