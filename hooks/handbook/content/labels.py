"""Every display label the engine shows, once: page types, review states,
source confidence, quiz kinds, procedure kinds.

Generators, outputs and tools take their Chinese wording from here, so a
page type or a state is called the same on every page, in the PDF and in
messages to editors.
"""

from __future__ import annotations

from typing import Final

# Page types (front matter ``type``): the full name, and the short one used in narrow table columns.
PAGE_TYPE_LABELS: Final = {"module": "课程模块", "case": "案例研究", "drill": "模拟演练", "reference": "参考资料",
                           "page": "其他页面"}
PAGE_TYPE_SHORT: Final = {"module": "模块", "case": "案例", "drill": "演练", "reference": "参考", "page": "页面"}
PAGE_TYPE_ORDER: Final = tuple(PAGE_TYPE_LABELS)

# Review states of a page (content.review.status).
REVIEW_STATE_LABELS: Final = {"current": "有效", "due-soon": "即将到期", "overdue": "已过期"}
REVIEW_STATE_NOTES: Final = {"current": "", "due-soon": "（即将到期）", "overdue": "（已过期，待复核）"}

# How a legal registry entry was verified (laws.yml ``confidence``).
CONFIDENCE_LABELS: Final = {"PRIMARY": "原文核对", "SECONDARY": "二手资料，待核原文", "UNCONFIRMED": "未核实"}

# Quiz kinds (content.quizzes.Quiz.kind).
QUIZ_KIND_LABELS: Final = {"single": "单选", "multiple": "多选", "fill": "填空"}

# Procedure kinds (procedures.yml ``kind``).
PROCEDURE_KIND_LABELS: Final = {"ordered": "按顺序执行的步骤", "checklist": "逐项做到、不分先后",
                                "rules": "规则与阈值"}
