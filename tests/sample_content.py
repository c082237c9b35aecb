"""Minimal valid content for rule tests: each test breaks exactly one thing."""

from __future__ import annotations

import datetime as dt
import os

from handbook.content.model import Handbook
from handbook.pipeline import analyse

TODAY = dt.date(2026, 11, 28)

REGISTRY = """\
laws:
  - id: criminal-law
    name: 中华人民共和国刑法
    aliases: [刑法]
    level: 法律
    version: 2023年修正
    effective: 1997-10-01
    source: 测试
  - id: civil-code
    name: 中华人民共和国民法典
    aliases: [民法典]
    level: 法律
    version: 2020年通过
    effective: 2021-01-01
    source: 测试
articles:
  - law: criminal-law
    article: 第二百九十三条之一
    summary: 催收非法债务罪
    confidence: PRIMARY
    verified: 2026-11-28
  - law: civil-code
    article: 第一百八十八条
    summary: 诉讼时效三年
    confidence: PRIMARY
    verified: 2026-11-28
"""

MODULE = """\
---
type: module
id: M1
title: 法律与合规
description: 合法催收的法律框架与红线，供测试使用的模块页面。
owner: 合规培训组
reviewed: 2026-11-01
order: 1
hours: 8
objectives:
  - id: M1-O1
    text: 说出催收非法债务罪的构成要件
  - id: M1-O2
    text: 计算诉讼时效
  - id: M1-O3
    text: 识别软暴力
  - id: M1-O4
    text: 依法处理个人信息
---

# 法律与合规

## 学习目标

本模块结束时你能够：

## 培训内容

《刑法》第二百九十三条之一规定了催收非法债务罪；民法典第 188 条规定诉讼时效为三年。

## 实际应用

见[本章小结](#本章小结)。

## 模拟演练

角色扮演。

## 本章小结

要点。

## 自测题

<quiz objectives="M1-O1 M1-O3">
债务人说“你再打电话我就报警”，你应该怎么做？
- [x] 保持冷静，说明来意并询问方便的联系时间
> 正确。
- [ ] 威胁对方
> 错误：这可能构成违法。

解析：先降温，再说明合法途径。
</quiz>

<quiz objectives="M1-O2 M1-O4">
诉讼时效期间为[[三年]]。
---
解析：《民法典》第一百八十八条。
</quiz>
"""


def run(pages: dict[str, str], registry: str = REGISTRY, others: set[str] | None = None,
        today: dt.date = TODAY) -> Handbook:
    return analyse(pages, {"reference/laws.yml": registry}, others or set(), today=today)


def module_with(old: str, new: str, count: int = 1) -> str:
    assert old in MODULE, f"fixture text not found: {old!r}"
    return MODULE.replace(old, new, count)


def line_of(text: str, fragment: str) -> int:
    """1-based line of the first occurrence of ``fragment`` in ``text``."""
    index = text.index(fragment)
    return text.count("\n", 0, index) + 1


def findings_of(handbook: Handbook, rule: str) -> list[tuple[str, int]]:
    return [(f.path, f.line) for f in handbook.findings if f.rule == rule]


def examples(count: int) -> int:
    """Examples per property-based test: ``count``, scaled down for mutation runs
    (scripts/mutation.py sets HANDBOOK_EXAMPLES_SCALE, as every mutant reruns the tests)."""
    return max(5, int(count * float(os.environ.get("HANDBOOK_EXAMPLES_SCALE", "1"))))
