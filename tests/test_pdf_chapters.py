"""Which pages the printed manual holds, in which order and under which label
(hooks/handbook/outputs/pdf/chapters.py), with a navigation built from plain objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sample_content import MODULE, run

from handbook.outputs.pdf import chapters
from handbook.outputs.pdf.manual import Chapter


@dataclass
class File:
    src_uri: str


@dataclass
class NavPage:
    title: str
    src: str
    is_index: bool = False
    is_homepage: bool = False
    is_page: bool = True
    is_section: bool = False

    @property
    def file(self) -> File:
        return File(self.src)

    @property
    def url(self) -> str:
        return self.src.removesuffix(".md").removesuffix("index") + ("/" if not self.src.endswith("index.md") else "")


@dataclass
class Section:
    title: str
    children: list[object] = field(default_factory=list)
    is_page: bool = False
    is_section: bool = True


NAV = [
    NavPage("首页", "index.md", is_homepage=True),
    Section("课程模块", [NavPage("课程概览", "curriculum/index.md", is_index=True), NavPage("模块一", "curriculum/m1.md")]),
    Section("培训组织", [NavPage("课程安排", "program/syllabus.md"),
                         Section("可打印表单", [NavPage("签到表", "program/forms/attendance.md")])]),
    Section("参考资料", [NavPage("法规索引", "reference/laws.md"), NavPage("操作规范速查", "reference/procedures.md"),
                         NavPage("维护状态", "reference/maintainers.md")]),
    NavPage("我的学习进度", "progress.md"),
    Section("更新与编辑", [NavPage("编辑指南", "contributing/index.md")]),
]


def _articles(*extra: str) -> dict[str, str]:
    paths = ["index.md", "curriculum/index.md", "curriculum/m1.md", "program/syllabus.md", "program/forms/attendance.md",
             "reference/laws.md", "reference/procedures.md", "reference/maintainers.md", "progress.md",
             "contributing/index.md", *extra]
    return {path: f"<article><h1>{path}</h1></article>" for path in paths}


def test_pages_follow_the_navigation_and_web_only_pages_stay_out():
    main, appendices = chapters.order(NAV, _articles())
    assert [(c.src, c.title, c.level) for c in main] == [
        ("index.md", "导读", 1),
        ("curriculum/index.md", "课程模块", 1),        # a section with an index page becomes that page
        ("curriculum/m1.md", "模块一", 2),
        ("培训组织", "培训组织", 1),                     # a top-level section without one becomes a part title
        ("program/syllabus.md", "课程安排", 2),
        ("参考资料", "参考资料", 1),
        ("reference/laws.md", "法规索引", 2),
    ]
    assert [c.src for c in appendices["操作规范速查"]] == ["reference/procedures.md"]
    assert [c.src for c in appendices["可打印表单"]] == ["program/forms/attendance.md"]


def test_an_appendix_page_left_out_of_the_navigation_still_prints():
    _, appendices = chapters.order(NAV, _articles("program/forms/extra.md"))
    assert [c.src for c in appendices["可打印表单"]] == ["program/forms/attendance.md", "program/forms/extra.md"]


def test_question_prefixes_come_from_page_ids_and_a_mismatch_warns():
    handbook = run({"curriculum/m1.md": MODULE})
    printed = [Chapter("index.md", "", "导读", "<article></article>"),
               Chapter("curriculum/m1.md", "curriculum/m1/", "模块一",
                                       '<article><div class="quiz">1</div></article>')]
    keyed, warnings = chapters.quiz_chapters(handbook, printed)
    assert [c.prefix for c in printed] == ["P1", "M1"]
    assert [(k.prefix, len(k.quizzes)) for k in keyed] == [("M1", 2)]
    assert len(warnings) == 1 and "docs/curriculum/m1.md 网页上有 1 道自测题，内容解析得到 2 道" in warnings[0]


def test_edition_names_the_setting_or_the_year():
    outside_git = Path("/")
    assert chapters.edition("2026.11", outside_git, dt.date(2026, 11, 29)).startswith("2026.11")
    assert chapters.edition(None, outside_git, dt.date(2027, 3, 1)).startswith("2027 年版")
