"""Rules across pages: page ids are unique, cases and drills name existing modules,
every page is in the navigation."""

from __future__ import annotations

from ..content.findings import Finding, error
from ..content.model import Handbook, Page
from ..content.schema import CasePage, DrillPage


def check_page_ids(handbook: Handbook) -> list[Finding]:
    findings: list[Finding] = []
    seen: dict[str, str] = {}
    for page in handbook.pages.values():
        if page.id is None:
            continue
        if page.id in seen:
            findings.append(error(page.path, page.meta_lines.get(("id",), 1), "page.duplicate-id",
                                  f"编号 {page.id} 已被 {seen[page.id]} 使用。请换一个未使用的编号。"))
        else:
            seen[page.id] = page.path
    return findings


def check_module_references(handbook: Handbook) -> list[Finding]:
    findings: list[Finding] = []
    known = "、".join(module.meta.id for module in handbook.modules) or "（尚无模块）"
    pages: list[Page[CasePage | DrillPage]] = [*handbook.cases, *handbook.drills]
    for page in pages:
        for index, module_id in enumerate(page.meta.modules):
            if handbook.module_by_id(module_id) is None:
                findings.append(error(page.path, page.meta_lines.get(("modules", index), 1), "page.unknown-module",
                                      f"modules 中的 {module_id} 不是已有的模块编号。现有模块：{known}。"))
    return findings


def check_in_nav(handbook: Handbook, nav: set[str]) -> list[Finding]:
    """Every Markdown page is listed in mkdocs.yml's nav (MkDocs builds an unlisted page,
    but no reader finds it, and `mkdocs build --strict` stops with an English warning)."""
    return [error(path, 1, "page.not-in-nav",
                  f"页面 docs/{path} 不在导航中（mkdocs.yml 的 nav），读者找不到它。请在 nav 的相应部分加一行"
                  f"“- 标题: {path}”（make new 会自动添加），或删除这个文件。")
            for path in sorted(handbook.pages) if path not in nav]
