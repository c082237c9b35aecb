"""YAML with line numbers, and pydantic errors turned into Chinese findings.

Shared by page front matter and the data files editors maintain (legal
registry, glossary), so all of them report problems the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import TypeAdapter, ValidationError

from .findings import Finding, error

KeyPath = tuple[str | int, ...]   # a key or index path into a YAML document

# libyaml's parser when PyYAML was built with it (the wheels are), else Python's.
if TYPE_CHECKING:
    _BaseLoader = yaml.SafeLoader
else:
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """Safe loader that leaves dates as text: pydantic then reports a bad date
    with its line instead of PyYAML raising a bare ValueError."""


_Loader.yaml_implicit_resolvers = {
    first: [entry for entry in resolvers if entry[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_HINTS = {
    "missing": "缺少必填字段",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_parsing": "应为数字",
    "date_parsing": "应为日期，格式 YYYY-MM-DD（如 2026-11-28）",
    "date_from_datetime_parsing": "应为日期，格式 YYYY-MM-DD（如 2026-11-28）",
    "date_from_datetime_inexact": "应为日期，格式 YYYY-MM-DD（如 2026-11-28）",
    "date_type": "应为日期，格式 YYYY-MM-DD（如 2026-11-28）",
    "string_type": "应为文字",
    "list_type": "应为列表（每项一行，以 “- ” 开头）",
    "dict_type": "应为“字段: 值”形式的对象",
    "model_type": "应为“字段: 值”形式的对象",
    "model_attributes_type": "应为“字段: 值”形式的对象",
    "string_too_short": "内容太短",
    "string_too_long": "内容太长",
    "too_short": "项数太少",
    "string_pattern_mismatch": "格式不对",
    "greater_than": "数值太小",
    "greater_than_equal": "数值太小",
    "less_than_equal": "数值太大",
    "literal_error": "取值不在允许范围内",
    "value_error": "取值无效",
}


@dataclass
class LoadedYaml:
    data: Any
    key_lines: dict[KeyPath, int]   # key/index path -> file line
    findings: list[Finding]


def load(path: str, text: str, first_line: int, rule_prefix: str) -> LoadedYaml:
    """Parse YAML; syntax errors and duplicate keys become findings."""
    loader = _Loader(text)
    try:
        # One parse: compose the node tree (for line numbers), then build the data from it.
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        # The context mark is where the broken construct starts (an unclosed
        # bracket or quote); the problem mark is where the parser gave up.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark else first_line
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return LoadedYaml(None, {}, [error(
            path, line, f"{rule_prefix}.yaml",
            f"YAML 语法错误（{problem}）。常见原因：冒号后缺空格、缩进不一致、"
            "含冒号或 # 的文字未加引号。请修正该行。")])
    finally:
        loader.dispose()
    if node is None:
        return LoadedYaml(data, {}, [])
    lines: dict[KeyPath, int] = {(): first_line + node.start_mark.line}
    duplicates: list[Finding] = []

    def walk(current: yaml.Node, key_path: KeyPath) -> None:
        if isinstance(current, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in current.value:
                line = first_line + key_node.start_mark.line
                if key_node.value in seen:
                    duplicates.append(error(path, line, f"{rule_prefix}.duplicate-key",
                                            f"字段 {key_node.value} 重复出现，后一个会悄悄覆盖前一个。请删除或合并重复的字段。"))
                seen.add(key_node.value)
                lines[(*key_path, key_node.value)] = line
                walk(value_node, (*key_path, key_node.value))
        elif isinstance(current, yaml.SequenceNode):
            for index, item in enumerate(current.value):
                lines[(*key_path, index)] = first_line + item.start_mark.line
                walk(item, (*key_path, index))

    walk(node, ())
    return LoadedYaml(data, lines, duplicates)


def line_for(loc: KeyPath, key_lines: dict[KeyPath, int]) -> int:
    """Line of the deepest known prefix of ``loc`` (pydantic error location)."""
    path = tuple(loc)
    while path and path not in key_lines:
        path = path[:-1]
    return key_lines.get(path, key_lines.get((), 1))


def validate(path: str, adapter: TypeAdapter[Any], data: Any, key_lines: dict[KeyPath, int], rule_prefix: str,
             clean_loc: Callable[[KeyPath], KeyPath] = lambda loc: loc) -> tuple[Any, list[Finding]]:
    """Validate ``data``; each pydantic error becomes a finding on its line."""
    try:
        return adapter.validate_python(data), []
    except ValidationError as exc:
        findings = []
        for item in exc.errors():
            loc = clean_loc(tuple(item["loc"]))
            line = line_for(loc, key_lines)
            name = ".".join(str(part) for part in loc) or "（整体）"
            kind = item["type"]
            if kind == "missing":
                findings.append(error(path, line, f"{rule_prefix}.missing-field",
                                      f"缺少必填字段 {name}。请补上（字段说明见编辑指南）。"))
            elif kind == "extra_forbidden":
                findings.append(error(path, line, f"{rule_prefix}.unknown-field",
                                      f"未知字段 {name}。请检查拼写或删除它（允许的字段见编辑指南）。"))
            else:
                hint = _HINTS.get(kind, "取值无效")
                detail = item.get("msg", "").removeprefix("Value error, ")
                findings.append(error(path, line, f"{rule_prefix}.invalid-value",
                                      f"字段 {name} 的值无效：{hint}（{detail}）。请按编辑指南中的格式修改。"))
        return None, findings
