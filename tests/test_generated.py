"""Generated programme tables: syllabus, two-week schedule, coverage matrix and
case comparison table come from front matter and quizzes, so changing the data
changes the pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sample_content import MODULE, REGISTRY, TODAY
from site_build import build_site

from handbook.content.sources import read_docs
from handbook.generators import GENERATORS, expand
from handbook.generators.schedule import DAYS, Session, lay_out
from handbook.pipeline import analyse

M2 = """\
---
type: module
id: M2
title: 第二模块：催收沟通与谈判
description: 合规开场、倾听共情与冲突降级，供测试使用的模块页面。
owner: 沟通培训组
reviewed: 2026-11-01
order: 2
hours: 4.5
objectives:
  - id: M2-O1
    text: 按合规流程开场
  - id: M2-O2
    text: 运用倾听与共情技巧
  - id: M2-O3
    text: 进行冲突降级
  - id: M2-O4
    text: 确认还款承诺
---

# 第二模块：催收沟通与谈判

## 学习目标

本模块结束时你能够：

## 培训内容
## 实际应用
## 模拟演练
## 本章小结
## 自测题

<quiz objectives="M2-O1 M2-O2">
开场第一步是什么？
- [x] 核实身份
- [ ] 报出欠款金额
> 错误：先核实身份。

解析：先确认是本人。
</quiz>

<quiz objectives="M2-O3 M2-O4">
对方发火时，先做什么？
- [x] 承认情绪
- [ ] 反驳
> 错误：会激化冲突。

解析：先降温。
</quiz>
"""

CASE = """\
---
type: case
id: C1
title: 案例一：跨地区企业债务
description: 跨地区高额企业债务的合规催收，供测试使用的案例页面。
owner: 案例组
reviewed: 2026-11-01
modules: [M1, M2]
summary: 以合法途径替代上门施压
results:
  - {metric: 债务回收率, change: "+25%"}
  - {metric: 客户满意度, value: "92%"}
  - {metric: 处理周期, before: "60天", after: "45天"}
---

# 案例一：跨地区企业债务

## 背景
## 培训应用
## 结果
## 分析与启示
## 讨论题
## 自测题

<quiz objectives="M2-O4">
还款承诺要确认哪些要素？
- [x] 金额、日期和渠道
- [ ] 只要金额
> 错误：缺少日期和渠道。

解析：三要素都要明确。
</quiz>
"""

DRILL = """\
---
type: drill
id: D1
title: 演练一：首次电话
description: 三人一组练习合规开场，供测试使用的演练页面。
owner: 实训组
reviewed: 2026-11-01
modules: [M2]
minutes: 40
roles: [催收员, 债务人, 观察员]
---

# 演练一：首次电话

## 情境
## 角色与任务
## 演练流程
## 观察评分表
## 复盘要点
"""


def plain(title: str, marker: str) -> str:
    return (f"---\ntype: page\ntitle: {title}\ndescription: 自动生成表格的测试页面，用于检查生成结果。\n"
            f"owner: 培训管理组\nreviewed: 2026-11-01\n---\n\n# {title}\n\n<!-- handbook:{marker} -->\n")


PAGES = {
    "curriculum/m1.md": MODULE,
    "curriculum/m2.md": M2,
    "cases/c1.md": CASE,
    "practice/d1.md": DRILL,
    "cases/index.md": plain("案例研究", "case-table"),
    "program/syllabus.md": plain("课程安排", "syllabus"),
    "program/coverage.md": plain("覆盖矩阵", "coverage"),
}


@pytest.fixture(scope="module")
def handbook():
    return analyse(PAGES, {"reference/laws.yml": REGISTRY}, set(), today=TODAY)


def generate(handbook, name: str, path: str) -> str:
    return GENERATORS[name].render(handbook, handbook.pages[path], ())


def row(markdown: str, starts: str) -> str:
    """The one table row whose first cell starts with ``starts``."""
    found = [line for line in markdown.splitlines() if line.startswith(f"| {starts}")]
    assert len(found) == 1, (starts, markdown)
    return found[0]


def test_fixture_handbook_is_valid(handbook):
    assert [str(f) for f in handbook.errors] == []


def test_markers_are_expanded_in_place(handbook):
    page = handbook.pages["program/syllabus.md"]
    html = expand(page.split.body, handbook, page)
    assert "<!-- handbook:" not in html and "| 顺序 | 模块 | 课时 |" in html


# ---------------------------------------------------------------- syllabus

def test_syllabus_has_one_row_per_module_with_links_hours_and_counts(handbook):
    table = generate(handbook, "syllabus", "program/syllabus.md")
    m1 = row(table, "1 |")
    assert m1.startswith("| 1 | [M1 法律与合规](../curriculum/m1.md) | 8 | 4 | 2 |")   # hours, objectives, quizzes
    assert "[C1](../cases/c1.md" in m1 and "[D1]" not in m1                         # the drill only covers M2
    m2 = row(table, "2 |")
    assert m2.startswith("| 2 | [M2 催收沟通与谈判](../curriculum/m2.md) | 4.5 | 4 | 2 |")  # "第二模块：" dropped
    assert "[C1](../cases/c1.md" in m2 and "[D1](../practice/d1.md" in m2


def test_syllabus_lists_each_modules_objectives_with_links(handbook):
    table = generate(handbook, "syllabus", "program/syllabus.md")
    details = table.split("各模块的学习目标", 1)[1]
    assert "**1. [M1 法律与合规](../curriculum/m1.md)**（8 学时）" in details
    assert "- [M1-O1](../curriculum/m1.md#m1-o1) 说出催收非法债务罪的构成要件" in details
    assert "- [M2-O4](../curriculum/m2.md#m2-o4) 确认还款承诺" in details
    assert details.count("\n- [M") == 8


def test_syllabus_total_adds_up_module_hours(handbook):
    total = row(generate(handbook, "syllabus", "program/syllabus.md"), "| **合计**")
    assert total.startswith("| | **合计** | **12.5** | **8** | **4** |")
    assert "**1 个案例**" in total and "**1 个演练**" in total


# ---------------------------------------------------------------- schedule

def test_schedule_places_case_after_all_its_modules_and_fills_two_weeks(handbook):
    table = generate(handbook, "schedule", "program/syllabus.md")
    lines = table.splitlines()
    first_case = next(i for i, line in enumerate(lines) if "案例讨论 [C1]" in line)
    last_m2 = max(i for i, line in enumerate(lines) if "[M2 催收沟通与谈判]" in line)
    assert first_case >= last_m2
    assert "角色扮演 [D1](../practice/d1.md" in table and "40 分钟" in table
    # 1 h opening + 8 + 4.5 module hours + 30 min M1 check + 1.5 h case + 40 min drill + 3 h closing
    assert row(table, "**合计**").endswith("机动时间共 5 小时 50 分 | **19 小时 10 分** |")   # exact, not rounded
    m1_last = max(i for i, line in enumerate(lines) if "[M1 法律与合规]" in line)
    check = next(i for i, line in enumerate(lines) if "M1 课堂检查" in line)
    drill = next(i for i, line in enumerate(lines) if "角色扮演 [D1]" in line)
    assert m1_last <= check <= drill   # the check follows M1 and comes before any drill
    assert sum(line.startswith("| 第") for line in lines) == DAYS   # spare days fill the two weeks
    assert "机动" in table and "日程超过两周" not in table


def test_lay_out_splits_teaching_but_never_a_case_or_drill():
    days = lay_out([Session("开班", 60), Session("M1", 480, splittable=True), Session("案例", 90),
                    Session("M2", 90, splittable=True)], day_minutes=300)
    assert days == [[("开班", 60), ("M1（第 1/2 段）", 240)],
                    [("M1（第 2/2 段）", 240)],
                    [("案例", 90), ("M2", 90)]]


def test_lay_out_leaves_no_stub_shorter_than_an_hour():
    days = lay_out([Session("M1", 330, splittable=True)], day_minutes=300)
    assert [minutes for day in days for _, minutes in day] == [270, 60]


def test_schedule_warns_when_it_needs_more_than_two_weeks(handbook):
    long = dict(PAGES, **{"curriculum/m2.md": M2.replace("hours: 4.5", "hours: 40")})
    big = analyse(long, {"reference/laws.yml": REGISTRY}, set(), today=TODAY)
    table = GENERATORS["schedule"].render(big, big.pages["program/syllabus.md"], ())
    assert "日程超过两周" in table and "（第 11 天）" in table


# ---------------------------------------------------------------- coverage

def test_coverage_lists_every_objective_with_its_questions(handbook):
    matrix = generate(handbook, "coverage", "program/coverage.md")
    assert sum(line.startswith("| [M") for line in matrix.splitlines()) == 8
    lines = matrix.splitlines()
    assert lines.index(row(matrix, "**[M1 法律与合规](../curriculum/m1.md)**")) < lines.index(row(matrix, "[M1-O1]"))
    o1 = row(matrix, "[M1-O1]")
    assert o1.startswith("| [M1-O1](../curriculum/m1.md#m1-o1) 说出催收非法债务罪的构成要件 |")
    assert "[M1 第1题](../curriculum/m1.md#自测题)" in o1 and "| 1 |" in o1
    assert "[C1](../cases/c1.md" in o1 and o1.endswith("| — |")   # a case, no drill for M1
    m2o1 = row(matrix, "[M2-O1]")
    assert "[M2 第1题](../curriculum/m2.md#自测题)" in m2o1 and "[D1](../practice/d1.md" in m2o1


def test_coverage_counts_case_questions_and_groups_numbers_per_page(handbook):
    matrix = generate(handbook, "coverage", "program/coverage.md")
    m2o4 = row(matrix, "[M2-O4]")
    assert "[M2 第2题](../curriculum/m2.md#自测题)<br>[C1 第1题](../cases/c1.md#自测题) | 2 |" in m2o4
    two = analyse(dict(PAGES, **{"curriculum/m1.md": MODULE.replace(
        '<quiz objectives="M1-O2 M1-O4">', '<quiz objectives="M1-O1 M1-O2 M1-O4">')}),
        {"reference/laws.yml": REGISTRY}, set(), today=TODAY)
    assert "[M1 第1、2题](../curriculum/m1.md#自测题)" in row(GENERATORS["coverage"].render(two, two.pages["program/coverage.md"], ()),
                                                            "[M1-O1]")


def test_coverage_flags_objectives_without_questions(handbook):
    matrix = generate(handbook, "coverage", "program/coverage.md")
    assert "共 8 个学习目标，8 个至少有一道自测题考查" in matrix and "⚠️" not in matrix
    added = M2.replace("    text: 确认还款承诺\n", "    text: 确认还款承诺\n  - id: M2-O5\n    text: 新增的目标\n")
    uncovered = analyse(dict(PAGES, **{"curriculum/m2.md": added}), {"reference/laws.yml": REGISTRY}, set(), today=TODAY)
    matrix = GENERATORS["coverage"].render(uncovered, uncovered.pages["program/coverage.md"], ())
    assert "⚠️ 无自测题 | 0 |" in row(matrix, "[M2-O5]")
    assert "共 9 个学习目标，8 个至少有一道自测题考查" in matrix and "!!! warning" in matrix and "    M2-O5：" in matrix


# ---------------------------------------------------------------- case table

def test_case_table_row_comes_from_case_front_matter(handbook):
    table = generate(handbook, "case-table", "cases/index.md")
    c1 = row(table, "[C1")
    assert c1.startswith("| [C1 跨地区企业债务](c1.md) |")
    assert "[M1 法律与合规](../curriculum/m1.md)<br>[M2 催收沟通与谈判](../curriculum/m2.md)" in c1
    assert "以合法途径替代上门施压" in c1
    assert "**债务回收率**：+25%" in c1 and "**客户满意度**：92%" in c1
    assert "**处理周期**：（培训前 60天 → 培训后 45天）" in c1


def test_case_table_escapes_pipes_in_summaries(handbook):
    piped = analyse(dict(PAGES, **{"cases/c1.md": CASE.replace("summary: 以合法途径替代上门施压",
                                                              "summary: 以合法途径 | 替代上门施压")}),
                    {"reference/laws.yml": REGISTRY}, set(), today=TODAY)
    c1 = row(GENERATORS["case-table"].render(piped, piped.pages["cases/index.md"], ()), "[C1")
    assert "以合法途径 \\| 替代上门施压" in c1 and c1.count(" | ") == 3


# ---------------------------------------------------------------- the real project, changed

FIFTH_CASE = """\
---
type: case
id: C5
title: 案例五：测试用的第五个案例
description: 只在测试中加入的第五个案例，用来确认案例一览表会随数据更新。
owner: 测试
reviewed: 2026-11-28
modules: [M4, M5]
summary: 测试摘要：第五个案例自动出现在一览表中
results:
  - {metric: 员工流失率, change: "示例变化"}
---

# 案例五：测试用的第五个案例

## 背景

测试。

## 培训应用

测试。

## 结果

测试。

## 分析与启示

测试。

## 讨论题

测试。

## 自测题

<quiz objectives="M5-O1">
接完一通被辱骂的电话后，先做什么？
- [x] 做一次情绪复位，再记录
- [ ] 马上拨下一通
> 错误：情绪没有复位，容易把火气带到下一通电话。

解析：先复位，再用事实性语言记录。
</quiz>
"""


def _add_hours(module: Path, extra: float) -> None:
    text = module.read_text(encoding="utf-8")
    found = re.search(r"^hours:\s*([0-9.]+)\s*$", text, re.MULTILINE)
    assert found is not None
    old = float(found.group(1))
    module.write_text(re.sub(r"^hours:.*$", f"hours: {old + extra:g}", text, count=1, flags=re.MULTILINE),
                      encoding="utf-8")


def _add_objective(module: Path, objective_id: str, text: str) -> None:
    source = module.read_text(encoding="utf-8")
    heading = re.search(r"^objectives:[ \t]*\n(?P<indent>[ \t]*)- ", source, re.MULTILINE)
    assert heading is not None
    indent = heading.group("indent")
    item = f"{indent}- id: {objective_id}\n{indent}  text: {text}\n"
    module.write_text(source[:heading.start("indent")] + item + source[heading.start("indent"):], encoding="utf-8")


@pytest.mark.build
def test_changed_data_changes_the_built_pages(project_copy, tmp_path):
    docs = project_copy / "docs"
    before = analyse(*read_docs(docs))
    total_before = sum(module.meta.hours for module in before.modules)
    _add_hours(next(docs.glob("curriculum/m5-*.md")), 2)
    (docs / "cases" / "c5-test.md").write_text(FIFTH_CASE, encoding="utf-8")
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    anchor = re.search(r"^( +)- [^\n]*cases/c4-[^\n]*\n", text, re.MULTILINE)
    assert anchor is not None
    config.write_text(text[:anchor.end()] + f"{anchor.group(1)}- 案例五 测试: cases/c5-test.md\n" + text[anchor.end():],
                      encoding="utf-8")

    site = tmp_path / "site"
    result = build_site(project_copy, site)
    assert result.returncode == 0, result.stderr[-3000:]

    cases = (site / "cases" / "index.html").read_text(encoding="utf-8")
    assert 'href="c5-test/"' in cases and "测试摘要：第五个案例自动出现在一览表中" in cases
    assert "员工流失率" in cases and "示例变化" in cases

    syllabus = (site / "program" / "syllabus" / "index.html").read_text(encoding="utf-8")
    assert f"<strong>{total_before + 2:g}</strong>" in syllabus
    assert f"<strong>{total_before:g}</strong>" not in syllabus
    assert "案例讨论" in syllabus and "c5-test" in syllabus        # the schedule picks the case up too

    coverage = (site / "program" / "coverage" / "index.html").read_text(encoding="utf-8")
    assert "C5 第1题" in coverage


def test_new_objective_without_questions_shows_as_uncovered(project_copy):
    docs = project_copy / "docs"
    _add_objective(next(docs.glob("curriculum/m5-*.md")), "M5-O9", "测试用的新目标，还没有题目考查")

    handbook = analyse(*read_docs(docs))
    assert "M5-O9" in handbook.objectives()
    assert any(f.rule == "objectives.unassessed" and "M5-O9" in f.message for f in handbook.errors)
    matrix = GENERATORS["coverage"].render(handbook, handbook.pages["program/coverage.md"], ())
    assert "⚠️ 无自测题 | 0 |" in row(matrix, "[M5-O9]")
    assert "M5-O9：" in matrix


def test_day_totals_are_exact_so_they_add_up_to_the_total():
    from handbook.generators.schedule import day_hours

    def minutes(text: str) -> int:
        hours, _, rest = text.partition(" 小时")
        return int(hours) * 60 + int(rest.strip().removesuffix(" 分") or 0)

    days = [300, 240, 300, 270, 290, 255, 300, 300, 235, 180]
    assert [day_hours(m) for m in days] == ["5 小时", "4 小时", "5 小时", "4 小时 30 分", "4 小时 50 分", "4 小时 15 分",
                                            "5 小时", "5 小时", "3 小时 55 分", "3 小时"]
    assert sum(minutes(day_hours(m)) for m in days) == sum(days)
