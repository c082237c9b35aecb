"""编辑指南: field tables generated from the pydantic models, and the rule table.

Markers: ``fields-common`` (fields of every page), ``fields-module`` /
``fields-case`` / ``fields-drill`` / ``fields-reference`` / ``fields-page``
(the extra fields and required sections of one page type), ``fields-law`` /
``fields-article`` (legal registry), ``fields-term`` (glossary) and
``rule-table`` (every finding rule id, from ``handbook.rule_catalog``).
The guide therefore always matches what the checks enforce.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..content.glossary import Term
from ..content.labels import PAGE_TYPE_LABELS
from ..content.procedures import Procedure
from ..content.registry import Article, Law
from ..content.schema import PAGE_MODELS, BasePage
from ..rules.catalog import RULES
from . import cell, generator

_TYPE_LABELS = {"string": "文字", "integer": "整数", "number": "数字", "boolean": "是/否", "object": "对象"}


def _resolve(prop: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    ref = prop.get("$ref")
    return defs[ref.rsplit("/", 1)[-1]] if ref else prop


def _kind(prop: dict[str, Any], defs: dict[str, Any]) -> str:
    prop = _resolve(prop, defs)
    if "const" in prop:
        return f"固定写 `{prop['const']}`"
    if "enum" in prop:
        return "取值之一：" + "、".join(f"`{value}`" for value in prop["enum"])
    if "anyOf" in prop:
        kinds = [_kind(option, defs) for option in prop["anyOf"] if option.get("type") != "null"]
        return " 或 ".join(kinds) or "见说明"
    kind = prop.get("type")
    if kind == "string" and prop.get("format") == "date":
        return "日期 YYYY-MM-DD"
    if kind == "array":
        items = _resolve(prop.get("items", {}), defs)
        label = "列表" if items.get("type") != "object" or "properties" not in items else "列表（每项的字段见下面几行）"
        if items.get("type") == "string" and "enum" not in items:
            label = "列表（文字）"
        elif "enum" in items:
            label = "列表，每项" + _kind(items, defs)
        if "minItems" in prop:
            label += f"，至少 {prop['minItems']} 项"
        return label
    label = _TYPE_LABELS.get(str(kind), "见说明")
    if kind == "string":
        if "minLength" in prop and "maxLength" in prop:
            label += f"，{prop['minLength']}–{prop['maxLength']} 字"
        elif prop.get("minLength", 0) > 1:
            label += f"，至少 {prop['minLength']} 字"
    if kind in ("integer", "number"):
        if "minimum" in prop:
            label += f"，不小于 {prop['minimum']:g}"
        if "exclusiveMinimum" in prop:
            label += f"，大于 {prop['exclusiveMinimum']:g}"
        if "maximum" in prop:
            label += f"，不大于 {prop['maximum']:g}"
    return label


def _required(name: str, prop: dict[str, Any], required: set[str]) -> str:
    if name in required:
        return "必填"
    default = prop.get("default")
    if default not in (None, [], {}):
        return f"可选（默认 {default}）"
    return "可选"


def field_rows(model: type[BaseModel], skip: frozenset[str] | set[str] = frozenset()) -> list[tuple[str, str, str, str]]:
    """(field, kind, required, description) of a model; list-of-object fields
    are followed by one row per sub-field, named ``field[].sub``."""
    schema = model.model_json_schema()
    defs = schema.get("$defs", {})
    required = set(schema.get("required", []))
    rows = []
    for name, prop in schema["properties"].items():
        if name in skip:
            continue
        description = prop.get("description", "页面类型" if name == "type" else "")
        rows.append((name, _kind(prop, defs), _required(name, prop, required), description))
        items = _resolve(prop.get("items", {}), defs) if prop.get("type") == "array" else {}
        if items.get("type") == "object" and "properties" in items:
            sub_required = set(items.get("required", []))
            for sub_name, sub_prop in items["properties"].items():
                rows.append((f"{name}[].{sub_name}", _kind(sub_prop, defs), _required(sub_name, sub_prop, sub_required),
                             sub_prop.get("description", "")))
    return rows


def field_table(model: type[BaseModel], skip: frozenset[str] | set[str] = frozenset()) -> str:
    lines = ["| 字段 | 类型与格式 | 必填 | 说明 |", "|---|---|---|---|"]
    for name, kind, required, description in field_rows(model, skip):
        lines.append(f"| `{name}` | {cell(kind)} | {required} | {cell(description) or '—'} |")
    return "\n".join(lines) + "\n"


def page_type_fields(page_type: str) -> str:
    model = PAGE_MODELS[page_type]
    common = set(BasePage.model_fields)
    parts = [f"`type: {page_type}`（{PAGE_TYPE_LABELS.get(page_type, page_type)}）在通用字段之外的字段：\n\n",
             field_table(model, skip=common)]
    if model.required_sections:
        sections = " → ".join(f"`## {title}`" for title in model.required_sections)
        parts.append(f"\n必需的二级标题（按此顺序，文字完全一致）：{sections}\n")
    else:
        parts.append("\n没有必需的章节。\n")
    if model.quizzes_need_objectives:
        parts.append("\n本类页面上的每道自测题都必须用 `objectives=\"…\"` 标注考查的学习目标。\n")
    return "".join(parts)


def rule_table() -> str:
    lines = ["| 规则 | 级别 | 含义 | 怎么改 |", "|---|---|---|---|"]
    for rule, doc in RULES.items():  # catalogue order groups related rules
        level = "错误" if doc.severity == "error" else "提醒"
        lines.append(f"| `{rule}` | {level} | {cell(doc.meaning)} | {cell(doc.fix)} |")
    return "\n".join(lines) + "\n"


def _register_page_type(page_type: str) -> None:
    generator(f"fields-{page_type}")(lambda handbook, page, args: page_type_fields(page_type))


for _page_type in PAGE_MODELS:
    _register_page_type(_page_type)

generator("fields-common")(lambda handbook, page, args: field_table(BasePage))
generator("fields-law")(lambda handbook, page, args: field_table(Law))
generator("fields-article")(lambda handbook, page, args: field_table(Article))
generator("fields-term")(lambda handbook, page, args: field_table(Term))
generator("fields-procedure")(lambda handbook, page, args: field_table(Procedure))
generator("rule-table")(lambda handbook, page, args: rule_table())
