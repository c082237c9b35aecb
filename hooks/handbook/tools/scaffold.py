"""`make new`: create a module, case or drill page from templates/ and add it
to the navigation.

Usage (from the repository root):
    python -m handbook.tools.scaffold case c5-payment-plan --title "分期方案的谈判" [--modules M2 M4]

The page gets valid front matter (today's date, the next free id), every
required section and placeholder text marked 【待填写】, which ``make check``
reports line by line until it is replaced. mkdocs.yml is edited as text (it
contains a ``!!python`` tag, so it is never round-tripped through a YAML
dumper): one line is inserted at the end of the right nav section.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from string import Template
from typing import Any

import yaml

from ..content.model import Handbook
from ..content.sources import nav_paths, read_docs
from ..pipeline import analyse


@dataclass(frozen=True)
class Kind:
    letter: str        # id prefix: M, C, D
    folder: str        # under docs/
    nav_prefix: str    # nav label prefix: 模块 / 案例 / 演练
    label: str         # Chinese name for messages


KINDS = {
    "module": Kind("M", "curriculum", "模块", "课程模块"),
    "case": Kind("C", "cases", "案例", "案例"),
    "drill": Kind("D", "practice", "演练", "模拟演练"),
}
PLACEHOLDER_OWNER = "【待填写】负责人或小组（如：合规培训组）"
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_NAV_ITEM = re.compile(r"^(?P<indent>[ \t]*)-[ \t]+(?:(?P<label>[^\n]*?):[ \t]+)?(?P<path>[^\s:]+\.md)[ \t]*$")


class ScaffoldError(Exception):
    """A problem the editor can fix; the message is Chinese."""


def chinese_number(number: int) -> str:
    digits = "零一二三四五六七八九"
    if number < 10:
        return digits[number]
    if number < 20:
        return "十" + (digits[number % 10] if number % 10 else "")
    if number < 100:
        return digits[number // 10] + "十" + (digits[number % 10] if number % 10 else "")
    return str(number)


def used_numbers(handbook: Handbook, page_type: str, docs_dir: Path) -> set[int]:
    kind = KINDS[page_type]
    used = {int(page.id[1:]) for page in handbook.of_type(page_type) if page.id}
    for file in (docs_dir / kind.folder).glob("*.md"):
        match = re.match(rf"^{kind.letter.lower()}(\d+)-", file.name)
        if match:
            used.add(int(match.group(1)))
    return used


def choose_slug(page_type: str, slug: str, handbook: Handbook, docs_dir: Path) -> tuple[str, int]:
    """(file slug with its id prefix, id number). ``payment-plan`` becomes
    ``c5-payment-plan``; ``c5-payment-plan`` keeps its number if unused."""
    kind = KINDS[page_type]
    slug = slug.strip().lower()
    if slug.endswith(".md"):
        slug = slug[:-3]
    if not _SLUG.match(slug):
        raise ScaffoldError(f"SLUG“{slug}”无效：只能用小写英文字母、数字和短横线，如 {kind.letter.lower()}5-payment-plan。")
    used = used_numbers(handbook, page_type, docs_dir)
    free = max(used, default=0) + 1
    match = re.match(rf"^{kind.letter.lower()}(\d+)-(.+)$", slug)
    if not match:
        return f"{kind.letter.lower()}{free}-{slug}", free
    number = int(match.group(1))
    if number in used or number == 0:
        raise ScaffoldError(f"编号 {kind.letter}{number} 已被使用。下一个可用编号是 {kind.letter}{free}，"
                            f"请用 SLUG={kind.letter.lower()}{free}-{match.group(2)}。")
    return slug, number


def add_to_nav(mkdocs_text: str, folder: str, label: str, page_path: str) -> str:
    """Insert ``- label: page_path`` at the end of the nav section whose items
    live in ``folder/``; the text is otherwise unchanged."""
    lines = mkdocs_text.split("\n")
    try:
        nav_start = next(i for i, line in enumerate(lines) if re.match(r"^nav:\s*$", line))
    except StopIteration:
        raise ScaffoldError("mkdocs.yml 中没有 nav:（导航）部分。请手工把新页面加入导航。") from None
    items = []
    for index in range(nav_start + 1, len(lines)):
        line = lines[index]
        if line.strip() and not line[0].isspace() and not line.startswith("-") and not line.startswith("#"):
            break  # next top-level key
        match = _NAV_ITEM.match(line)
        if match:
            items.append((index, match))
    if any(match.group("path") == page_path for _, match in items):
        return mkdocs_text
    section = [(index, match) for index, match in items if match.group("path").startswith(f"{folder}/")]
    if not section:
        raise ScaffoldError(f"在 mkdocs.yml 的 nav 中找不到 {folder}/ 下页面所在的栏目。请手工把 {page_path} 加入导航。")
    first_index, first = section[0]
    indent = first.group("indent")
    end = first_index + 1
    while end < len(lines):
        line = lines[end]
        if not line.strip() or len(line) - len(line.lstrip()) < len(indent) or line.lstrip().startswith("#"):
            break
        end += 1
    needs_quotes = re.search(r"[:#\[\]{}&*!|>'\"%@`]|^[-?]", label)
    shown = json.dumps(label, ensure_ascii=False) if needs_quotes else label
    lines.insert(end, f"{indent}- {shown}: {page_path}")
    return "\n".join(lines)


class _NavLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring ``!!python/...`` tags (never executes them)."""


_NavLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load_mkdocs_yaml(text: str) -> dict[str, Any]:
    loaded = yaml.load(text, Loader=_NavLoader)
    return loaded if isinstance(loaded, dict) else {}


def _module_links(handbook: Handbook, module_ids: list[str], folder: str) -> str:
    links = []
    for module_id in module_ids:
        module = handbook.module_by_id(module_id)
        if module is None:
            continue
        title = module.meta.title if module_id in module.meta.title else f"{module_id} {module.meta.title}"
        links.append(f"[{title}](../{module.path})" if folder != "curriculum" else f"[{title}]({Path(module.path).name})")
    return "、".join(links) or "相关模块"


def render(page_type: str, variables: dict[str, str], templates_dir: Path) -> str:
    template = Template((templates_dir / f"{page_type}.md").read_text(encoding="utf-8"))
    return template.substitute(variables)


@dataclass
class Created:
    path: Path
    page_id: str
    nav_label: str
    nav_added: bool


def scaffold(page_type: str, slug: str, title: str, root: Path, modules: list[str] | None = None,
             owner: str | None = None, hours: float = 4, minutes: int = 30,
             today: dt.date | None = None) -> Created:
    page_type = (page_type or "").strip().lower()
    if page_type not in KINDS:
        raise ScaffoldError(f"TYPE“{page_type}”无效。请写 TYPE=module、TYPE=case 或 TYPE=drill。")
    title = (title or "").strip()
    if not title:
        raise ScaffoldError('缺少标题。请加上 TITLE="页面标题"。')
    kind = KINDS[page_type]
    today = today or dt.date.today()
    docs_dir = root / "docs"
    pages, data, others = read_docs(docs_dir)
    handbook = analyse(pages, data, others, today=today)
    slug, number = choose_slug(page_type, slug, handbook, docs_dir)
    page_id = f"{kind.letter}{number}"
    page_path = f"{kind.folder}/{slug}.md"
    target = docs_dir / page_path
    if target.exists():
        raise ScaffoldError(f"docs/{page_path} 已存在。请换一个 SLUG。")

    known_modules = [module.meta.id for module in handbook.modules]
    modules_note = ""
    if page_type != "module":
        if modules:
            modules = [m.strip().upper() for m in modules if m.strip()]
            unknown = [m for m in modules if m not in known_modules]
            if unknown:
                raise ScaffoldError(f"模块 {'、'.join(unknown)} 不存在。现有模块：{'、'.join(known_modules) or '（无）'}。")
        else:
            if not known_modules:
                raise ScaffoldError("还没有任何课程模块。请先新建模块，或用 MODULES=… 指定。")
            modules = [known_modules[0]]
            modules_note = f"  # 【待填写】改成本页对应的模块编号（现有：{'、'.join(known_modules)}）"
    first_module = handbook.module_by_id(modules[0]) if modules else None
    objective = first_module.meta.objectives[0].id if first_module else f"{page_id}-O1"
    order = max((module.meta.order for module in handbook.modules), default=0) + 1
    variables = {
        "id": page_id,
        "title": title,
        "title_yaml": json.dumps(title, ensure_ascii=False) if re.search(r"[:#'\"]|^[-?\[{!&*%@`|>]", title) else title,
        "owner": owner.strip() if owner and owner.strip() else PLACEHOLDER_OWNER,
        "today": today.isoformat(),
        "order": str(order),
        "hours": f"{hours:g}",
        "minutes": str(minutes),
        "modules": ", ".join(modules or []),
        "modules_note": modules_note,
        "module_links": _module_links(handbook, modules or [], kind.folder),
        "objective": objective,
    }
    text = render(page_type, variables, root / "templates")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")

    nav_label = f"{kind.nav_prefix}{chinese_number(number)} {title}"
    mkdocs_file = root / "mkdocs.yml"
    original = mkdocs_file.read_text(encoding="utf-8")
    updated = add_to_nav(original, kind.folder, nav_label, page_path)
    if page_path not in nav_paths(load_mkdocs_yaml(updated).get("nav")):
        raise ScaffoldError(f"无法自动把 {page_path} 加入导航，请手工编辑 mkdocs.yml。")
    if updated != original:
        mkdocs_file.write_text(updated, encoding="utf-8")
    return Created(target, page_id, nav_label, updated != original)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="make new", description="从模板新建课程模块、案例或模拟演练页面，并加入导航。")
    parser.add_argument("type", help="页面类型：module、case 或 drill")
    parser.add_argument("slug", help="文件名（小写英文、数字、短横线），如 c5-payment-plan；编号前缀可省略")
    parser.add_argument("--title", required=True, help="页面标题")
    parser.add_argument("--modules", nargs="*", default=None, help="案例或演练对应的模块编号，如 M2 M4")
    parser.add_argument("--owner", default=None, help="负责人或小组")
    parser.add_argument("--hours", type=float, default=4, help="模块课时（默认 4）")
    parser.add_argument("--minutes", type=int, default=30, help="演练时长（分钟，默认 30）")
    parser.add_argument("--root", default=".", help="仓库根目录（默认当前目录）")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    modules = [m for value in (args.modules or []) for m in re.split(r"[\s,，]+", value) if m]
    try:
        created = scaffold(args.type, args.slug, args.title, Path(args.root), modules or None, args.owner,
                           args.hours, args.minutes, args.today)
    except ScaffoldError as problem:
        print(f"没有创建页面：{problem}", file=sys.stderr)
        return 2
    print(f"已创建 {created.path.as_posix()}（编号 {created.page_id}）。")
    print(f"已加入导航：{created.nav_label}" if created.nav_added else "导航中已有这个页面，未改动 mkdocs.yml。")
    print("下一步：把所有“【待填写】”换成正式内容，然后运行 make check；"
          "还没填写的地方会显示为 [placeholder.unfilled]，逐条修改到没有错误为止。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
