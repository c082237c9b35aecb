"""Front-matter schemas of every page type, declared once.

The same models drive validation (``frontmatter.py``), the generated overview
pages and the field tables of the editor guide (``generators/editor_guide.py``). Descriptions
are Chinese because editors read them.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator

ModuleId = Annotated[str, Field(pattern=r"^M[1-9][0-9]*$", description="模块编号，如 M1")]
ObjectiveId = Annotated[str, Field(pattern=r"^M[1-9][0-9]*-O[1-9][0-9]*$", description="目标编号，如 M1-O1")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


PageType = Literal["module", "case", "drill", "reference", "page"]


class BasePage(_Strict):
    """Fields every page carries."""

    type: PageType

    title: str = Field(min_length=1, description="页面标题")
    description: str = Field(min_length=10, max_length=160, description="一句话描述，用作搜索引擎摘要（10–160 字）")
    owner: str = Field(min_length=1, description="内容负责人或小组")
    reviewed: dt.date = Field(description="最近一次内容审核日期，YYYY-MM-DD，不得晚于今天")
    review_months: int = Field(default=12, ge=1, le=36, description="审核周期（月），默认 12；法律类建议 6")
    # Options read by Material and mkdocs-quiz themselves.
    hide: list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]] = Field(
        default_factory=list, description="Material 隐藏的页面元素（可选）")
    search: dict[str, Any] | None = Field(default=None, description="Material 搜索选项（可选）")
    quiz: dict[str, Any] | None = Field(default=None, description="mkdocs-quiz 页面选项（可选）")

    # H2 headings that must appear, in this order.
    required_sections: ClassVar[tuple[str, ...]] = ()
    # Whether quizzes on this page must name the objectives they assess.
    quizzes_need_objectives: ClassVar[bool] = False


class Objective(_Strict):
    id: ObjectiveId
    text: str = Field(min_length=4, description="可检验的学习目标，以动词开头")


class ModulePage(BasePage):
    type: Literal["module"]
    id: ModuleId
    order: int = Field(ge=1, description="在课程中的顺序")
    hours: float = Field(gt=0, le=40, description="建议课时（小时）")
    objectives: list[Objective] = Field(min_length=4, description="学习目标，至少 4 条，编号形如 M1-O1")

    required_sections: ClassVar[tuple[str, ...]] = ("学习目标", "培训内容", "实际应用", "模拟演练", "本章小结", "自测题")
    quizzes_need_objectives: ClassVar[bool] = True

    @model_validator(mode="after")
    def _objectives_belong_to_module(self) -> ModulePage:
        objectives_belong_to(self.id, self.objectives)
        return self


class Result(_Strict):
    metric: str = Field(min_length=1, description="指标名称，如 债务回收率")
    change: str | None = Field(default=None, description="变化，如 +25%")
    before: str | None = Field(default=None, description="培训前的数值（可选）")
    after: str | None = Field(default=None, description="培训后的数值（可选）")
    value: str | None = Field(default=None, description="达到的水平，如 92%")

    @model_validator(mode="after")
    def _has_a_figure(self) -> Result:
        has_a_figure(self)
        return self


# The cross-field checks, as plain functions (validators are decorated methods, which mutmut
# leaves alone: scripts/mutation.py could not test them there).
def objectives_belong_to(module: str, objectives: list[Objective]) -> None:
    """Every objective of module M1 is numbered M1-O…"""
    for objective in objectives:
        if not objective.id.startswith(f"{module}-"):
            raise ValueError(f"目标编号 {objective.id} 应以本模块编号 {module}- 开头")


def has_a_figure(result: Result) -> None:
    """A result states a change, a value or an after figure (before alone says nothing)."""
    if not (result.change or result.value or result.after):
        raise ValueError("结果至少要有 change、value 或 after 之一")


class CasePage(BasePage):
    type: Literal["case"]
    id: str = Field(pattern=r"^C[1-9][0-9]*$", description="案例编号，如 C1")
    modules: list[ModuleId] = Field(min_length=1, description="本案例对应的模块")
    summary: str = Field(min_length=4, description="一句话概括")
    results: list[Result] = Field(min_length=1, description="可量化结果（只用原始资料中的数据）")

    required_sections: ClassVar[tuple[str, ...]] = ("背景", "培训应用", "结果", "分析与启示", "讨论题", "自测题")
    quizzes_need_objectives: ClassVar[bool] = True


class DrillPage(BasePage):
    type: Literal["drill"]
    id: str = Field(pattern=r"^D[1-9][0-9]*$", description="演练编号，如 D1")
    modules: list[ModuleId] = Field(min_length=1, description="演练对应的模块")
    minutes: int = Field(ge=5, le=240, description="演练时长（分钟）")
    roles: list[str] = Field(min_length=2, description="角色，如 催收员、债务人、观察员")

    required_sections: ClassVar[tuple[str, ...]] = ("情境", "角色与任务", "演练流程", "观察评分表", "复盘要点")


class ReferencePage(BasePage):
    type: Literal["reference"]


class PlainPage(BasePage):
    type: Literal["page"]


PAGE_MODELS: dict[str, type[BasePage]] = {
    "module": ModulePage,
    "case": CasePage,
    "drill": DrillPage,
    "reference": ReferencePage,
    "page": PlainPage,
}

PageMeta = Annotated[
    ModulePage | CasePage | DrillPage | ReferencePage | PlainPage,
    Field(discriminator="type"),
]
page_meta_adapter: TypeAdapter[BasePage] = TypeAdapter(PageMeta)

