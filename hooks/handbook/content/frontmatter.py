"""Split a page into front matter and body; validate the front matter.

Every problem becomes a finding on the line of the offending key, so an editor
is sent to the right line instead of reading a pydantic traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import yaml_source
from .findings import Finding, error
from .schema import PAGE_MODELS, BasePage, page_meta_adapter
from .yaml_source import KeyPath

_FENCE_LINE = re.compile(r"^---[ \t]*$")


@dataclass
class SplitPage:
    yaml_text: str | None   # None when the page has no (closed) front matter
    body: str               # the whole text when there is no front matter
    body_first_line: int    # file line of the first body line
    unclosed: bool = False  # an opening --- without its closing ---
    yaml_first_line: int = 2  # file line of the first YAML line (after the opening ---)


def split(text: str) -> SplitPage:
    lines = text.split("\n")
    if not _FENCE_LINE.match(lines[0]):
        return SplitPage(None, text, 1)
    for index in range(1, len(lines)):
        if _FENCE_LINE.match(lines[index]):
            return SplitPage("\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 2)
    return SplitPage(None, text, 1, unclosed=True)


@dataclass
class ParsedMeta:
    meta: BasePage | None
    findings: list[Finding]
    key_lines: dict[KeyPath, int] = field(default_factory=dict)  # field path -> file line (with meta)


def _without_type_tag(loc: KeyPath) -> KeyPath:
    # pydantic puts the discriminator value first: ("module", "hours") -> ("hours",). Always
    # there: an invalid type (the only error without it) is reported before validation.
    return loc[1:]


def parse(path: str, split_page: SplitPage) -> ParsedMeta:
    if split_page.yaml_text is None:
        how = ("开头的 --- 之后缺少结束的 ---。请在最后一个字段后单独加一行 ---。" if split_page.unclosed else
               "请在文件开头加入以 --- 开始和结束的 YAML 块，至少包含 type、title、description、owner、reviewed"
               "（可复制 templates/ 下的模板）。")
        return ParsedMeta(None, [error(path, 1, "frontmatter.missing", f"页面缺少完整的 front matter。{how}")])
    first = split_page.yaml_first_line
    loaded = yaml_source.load(path, split_page.yaml_text, first, "frontmatter")
    if loaded.findings:
        return ParsedMeta(None, loaded.findings)
    raw = loaded.data
    if not isinstance(raw, dict):
        return ParsedMeta(None, [error(
            path, first, "frontmatter.yaml", "front matter 应是“字段: 值”形式的 YAML 映射。请按模板改写。")])
    if not isinstance(raw.get("type"), str) or raw["type"] not in PAGE_MODELS:   # a list is no key
        allowed = "、".join(PAGE_MODELS)
        line = loaded.key_lines.get(("type",), first)
        return ParsedMeta(None, [error(path, line, "frontmatter.unknown-type",
                                       f"页面类型 type 缺失或无效（{raw.get('type')!r}）。请写成以下之一：{allowed}。")])
    meta, findings = yaml_source.validate(path, page_meta_adapter, raw, loaded.key_lines, "frontmatter",
                                          _without_type_tag)
    return ParsedMeta(meta, findings, loaded.key_lines)
