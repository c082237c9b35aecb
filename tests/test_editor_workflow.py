"""The editor's loop: scaffolding, the guide, review status, edition, CI files.

Issue 7: editors change content by pull request. These tests make sure that a
page made by `make new` passes the structure checks, that the guide documents
every rule the code can report and every front-matter field, that the
maintainers' page is computed from the data, and that the forge workflows run
the README's commands.
"""

from __future__ import annotations

import ast
import datetime as dt
import difflib
import re
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel
from site_build import ROOT, build_site

from handbook.content.glossary import Term
from handbook.content.registry import Article, Law
from handbook.content.review import add_months
from handbook.content.schema import PAGE_MODELS, BasePage
from handbook.content.sources import read_docs
from handbook.generators import GENERATORS
from handbook.generators.editor_guide import field_rows, rule_table
from handbook.generators.review_status import page_statuses
from handbook.outputs.page_status import review_line_html
from handbook.pipeline import analyse
from handbook.rules.catalog import RULES
from handbook.rules.placeholders import MARKER
from handbook.tools.github_annotations import github_commands
from handbook.tools.scaffold import KINDS, ScaffoldError, add_to_nav, load_mkdocs_yaml, nav_paths, scaffold

GUIDE = ROOT / "docs" / "contributing" / "index.md"
STRUCTURE_RULES = ("frontmatter.", "sections.", "page.", "quiz.", "objectives.", "link.", "law.", "generate.")


def content_day(project: Path = ROOT) -> dt.date:
    """The latest date the content itself records (a page reviewed, an article verified).

    The tests of the real handbook run "on" this day, not on the machine's today: a
    test that compared real review dates with the machine's date would start failing, with
    no change to the project, once a page passed its review period (a date bomb).
    tests/test_calendar.py runs the suite with the clock two years ahead."""
    dates: set[str] = set()
    for file in (project / "docs").rglob("*"):
        if file.suffix in (".md", ".yml") and file.is_file():
            dates |= set(re.findall(r"(?m)^\s*(?:reviewed|verified): (\d{4}-\d{2}-\d{2})\s*$",
                                    file.read_text(encoding="utf-8", errors="replace")))
    return max(dt.date.fromisoformat(day) for day in dates)


TODAY = content_day()


def analyse_project(project: Path, today: dt.date = TODAY):
    pages, data, others = read_docs(project / "docs")
    return analyse(pages, data, others, today=today)


def page_findings(handbook, path: str):
    return [finding for finding in handbook.findings if finding.path == path]


def mkdocs_config(project: Path = ROOT) -> dict:
    return load_mkdocs_yaml((project / "mkdocs.yml").read_text(encoding="utf-8"))


def nav_section_of(nav, page_path: str) -> str | None:
    """Title of the top-level nav section that lists ``page_path``."""
    for item in nav:
        for title, value in item.items():
            if page_path in nav_paths(value):
                return title
    return None


# --- scaffolding -------------------------------------------------------------------------------

SCAFFOLDS = [
    ("module", "complaints", "投诉处理进阶", None),
    ("case", "payment-plan", "分期还款方案的谈判", ["M2", "M4"]),
    ("drill", "home-visit", "上门外访：合规与安全", ["M2"]),
]


@pytest.mark.parametrize("page_type, slug, title, modules", SCAFFOLDS, ids=[s[0] for s in SCAFFOLDS])
def test_scaffolded_page_passes_the_structure_checks(project_copy, page_type, slug, title, modules):
    before = analyse_project(project_copy)
    existing = before.of_type(page_type)
    mkdocs_before = (project_copy / "mkdocs.yml").read_text(encoding="utf-8")

    created = scaffold(page_type, slug, title, project_copy, modules=modules, owner="测试组", today=TODAY)

    kind = KINDS[page_type]
    expected_number = max(int(page.meta.id[1:]) for page in existing) + 1
    path = f"{kind.folder}/{kind.letter.lower()}{expected_number}-{slug}.md"
    assert created.path == project_copy / "docs" / path
    assert created.page_id == f"{kind.letter}{expected_number}"

    after = analyse_project(project_copy)
    page = after.pages[path]
    assert page.meta is not None and page.meta.type == page_type
    assert page.meta.id == created.page_id and page.meta.reviewed == TODAY and page.meta.title == title
    findings = page_findings(after, path)
    structural = [str(f) for f in findings if f.rule.startswith(STRUCTURE_RULES)]
    assert structural == [], structural
    # Only the placeholders are reported, each with a line and a clear message.
    assert findings and {f.rule for f in findings} == {"placeholder.unfilled"}
    text = created.path.read_text(encoding="utf-8").split("\n")
    for finding in findings:
        assert MARKER in text[finding.line - 1]
        assert "请写成正式内容" in finding.message
    # Scaffolding a page breaks nothing elsewhere.
    assert {str(f) for f in after.findings if f.path != path} == {str(f) for f in before.findings}

    # The nav gets exactly one new line, in the right section, after the section's pages.
    mkdocs_after = (project_copy / "mkdocs.yml").read_text(encoding="utf-8")
    added = [line for line in difflib.ndiff(mkdocs_before.split("\n"), mkdocs_after.split("\n")) if line[:2] in ("+ ", "- ")]
    assert added == [f"+       - {created.nav_label}: {path}"], added
    nav = mkdocs_config(project_copy)["nav"]
    section_pages = [p for item in nav for title, value in item.items() for p in nav_paths(value)
                     if p.startswith(f"{kind.folder}/")]
    assert section_pages[-1] == path
    assert nav_section_of(nav, path) == nav_section_of(nav, f"{kind.folder}/index.md")
    assert "!!python/object/apply:pymdownx.slugs.slugify" in mkdocs_after


@pytest.mark.parametrize("page_type, slug, title, modules", SCAFFOLDS, ids=[s[0] for s in SCAFFOLDS])
def test_filling_the_placeholders_leaves_a_clean_page(project_copy, page_type, slug, title, modules):
    created = scaffold(page_type, slug, title, project_copy, modules=modules, owner="测试组", today=TODAY)
    created.path.write_text(created.path.read_text(encoding="utf-8").replace(MARKER, ""), encoding="utf-8")
    path = created.path.relative_to(project_copy / "docs").as_posix()
    assert page_findings(analyse_project(project_copy), path) == []


@pytest.mark.build
def test_scaffolded_case_builds_in_strict_mode_once_filled(project_copy, tmp_path):
    created = scaffold("case", "walkthrough", "演练用案例", project_copy, modules=["M2"], owner="案例教学组", today=TODAY)
    unfilled = build_site(project_copy, tmp_path / "unfilled")
    output = unfilled.stdout + unfilled.stderr
    assert unfilled.returncode != 0
    assert "docs/cases/" in output and "[placeholder.unfilled]" in output and "Traceback" not in output

    created.path.write_text(created.path.read_text(encoding="utf-8").replace(MARKER, ""), encoding="utf-8")
    built = build_site(project_copy, tmp_path / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    html = (tmp_path / "site" / "cases" / created.path.stem / "index.html").read_text(encoding="utf-8")
    assert f"edit/main/docs/cases/{created.path.name}" in html
    assert "负责人：案例教学组" in html
    nav_link = f'href="{created.path.stem}/"'
    cases_index = (tmp_path / "site" / "cases" / "index.html").read_text(encoding="utf-8")
    assert nav_link in cases_index


def test_scaffold_refuses_bad_input_in_chinese(project_copy):
    with pytest.raises(ScaffoldError, match="已被使用"):
        scaffold("case", "c1-again", "重复编号", project_copy, today=TODAY)
    with pytest.raises(ScaffoldError, match="SLUG"):
        scaffold("case", "带中文", "标题", project_copy, today=TODAY)
    with pytest.raises(ScaffoldError, match="不存在"):
        scaffold("drill", "x", "标题", project_copy, modules=["M42"], today=TODAY)
    with pytest.raises(ScaffoldError, match="TYPE"):
        scaffold("lesson", "x", "标题", project_copy, today=TODAY)
    with pytest.raises(ScaffoldError, match="标题"):
        scaffold("case", "x", " ", project_copy, today=TODAY)


def test_case_without_modules_gets_a_reported_placeholder(project_copy):
    created = scaffold("case", "no-modules", "未指定模块的案例", project_copy, today=TODAY)
    lines = created.path.read_text(encoding="utf-8").split("\n")
    modules_line = next(i for i, line in enumerate(lines, start=1) if line.startswith("modules:"))
    handbook = analyse_project(project_copy)
    path = created.path.relative_to(project_copy / "docs").as_posix()
    assert any(f.line == modules_line and f.rule == "placeholder.unfilled" for f in handbook.findings if f.path == path)
    assert any("owner:" in lines[f.line - 1] for f in handbook.findings if f.path == path)


NAV = """\
markdown_extensions:
  - toc:
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
nav:
  - 首页: index.md
  - 案例研究:
      - cases/index.md
      - 案例一 甲: cases/c1-a.md
      - 分组:
          - cases/c2-b.md
  - 参考资料:
      - reference/index.md"""


def test_add_to_nav_inserts_one_line_at_the_end_of_the_section():
    updated = add_to_nav(NAV, "cases", "案例三 标题: 带冒号", "cases/c3-c.md")
    lines = updated.split("\n")
    assert lines[lines.index("  - 参考资料:") - 1] == '      - "案例三 标题: 带冒号": cases/c3-c.md'
    assert nav_paths(load_mkdocs_yaml(updated)["nav"]) == [
        "index.md", "cases/index.md", "cases/c1-a.md", "cases/c2-b.md", "cases/c3-c.md", "reference/index.md"]
    assert add_to_nav(updated, "cases", "案例三", "cases/c3-c.md") == updated
    with pytest.raises(ScaffoldError):
        add_to_nav(NAV, "practice", "演练一", "practice/d1.md")


# --- review status -----------------------------------------------------------------------------

def _set_reviewed(project: Path, path: str, day: dt.date) -> None:
    file = project / "docs" / path
    text = file.read_text(encoding="utf-8")
    file.write_text(re.sub(r"(?m)^reviewed: .*$", f"reviewed: {day.isoformat()}", text, count=1), encoding="utf-8")


def _row_of(markdown: str, title: str) -> str:
    return next(line for line in markdown.splitlines() if line.startswith(f"| [{title}]"))


def test_review_status_page_is_generated_from_the_data(project_copy):
    target = "cases/c1-legal-cross-region.md"
    maintainers = "reference/maintainers.md"
    _set_reviewed(project_copy, target, TODAY)
    handbook = analyse_project(project_copy)
    title = handbook.pages[target].meta.title
    generated = GENERATORS["review-status"].render(handbook, handbook.pages[maintainers], ())
    assert _row_of(generated, title).endswith("| 有效 |")
    # Every page with front matter has a row with its owner.
    for page in handbook.pages.values():
        if page.meta is not None:
            assert f"| {page.meta.owner} |" in _row_of(generated, page.meta.title.replace("|", "\\|"))

    months = handbook.pages[target].meta.review_months
    _set_reviewed(project_copy, target, add_months(TODAY, -months) - dt.timedelta(days=1))
    handbook = analyse_project(project_copy)
    generated = GENERATORS["review-status"].render(handbook, handbook.pages[maintainers], ())
    row = _row_of(generated, title)
    assert row.endswith("| **已过期** |")
    assert generated.index(row) < generated.index("| 有效 |")  # most urgent first
    assert "已过期 1" in generated.splitlines()[0]
    assert [f.rule for f in handbook.findings if f.path == target] == ["review.overdue"]
    assert all(not f.is_error for f in handbook.findings if f.path == target)

    _set_reviewed(project_copy, target, add_months(TODAY, -months) + dt.timedelta(days=10))
    handbook = analyse_project(project_copy)
    generated = GENERATORS["review-status"].render(handbook, handbook.pages[maintainers], ())
    assert _row_of(generated, title).endswith("| 即将到期 |")


def test_registry_entries_are_listed_by_date_verified():
    handbook = analyse_project(ROOT)
    generated = GENERATORS["registry-status"].render(handbook, handbook.pages["reference/maintainers.md"], ())
    rows = [line for line in generated.splitlines()[2:] if line.startswith("| ")]
    assert len(rows) == len(handbook.registry.articles)
    dates = [row.split("|")[1].strip() for row in rows]
    assert dates == sorted(dates)


def test_review_line_shows_owner_dates_and_state():
    handbook = analyse_project(ROOT)
    page = handbook.pages["curriculum/m1-legal-compliance.md"]
    line = review_line_html(page.meta, TODAY)
    assert f"负责人：{page.meta.owner}" in line and f"最近审核：{page.meta.reviewed}" in line
    assert "data-search-exclude" in line
    overdue = page.meta.model_copy(update={"reviewed": dt.date(2020, 1, 1)})
    assert "已过期" in review_line_html(overdue, TODAY)
    assert all(state in ("current", "due-soon", "overdue") for _, state in
               ((p, s.state) for p, s in page_statuses(handbook)))


# --- the guide -----------------------------------------------------------------------------------

def _rule_ids_in_code() -> dict[str, tuple[str, str]]:
    """rule id -> (severity, where) for every error()/warning() call under hooks/."""
    found: dict[str, tuple[str, str]] = {}
    for file in sorted((ROOT / "hooks").rglob("*.py")):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        prefixes = {node.value for call in ast.walk(tree) if isinstance(call, ast.Call)
                    for node in [*call.args, *(k.value for k in call.keywords)]
                    if isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and re.fullmatch(r"[a-z]+", node.value)}
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
            if name not in ("error", "warning"):
                continue
            rule = call.args[2] if len(call.args) >= 3 else next((k.value for k in call.keywords if k.arg == "rule"), None)
            if rule is None:
                continue
            where = f"{file.relative_to(ROOT)}:{call.lineno}"
            if isinstance(rule, ast.Constant) and isinstance(rule.value, str):
                found[rule.value] = (name, where)
            elif isinstance(rule, ast.JoinedStr):
                suffix = "".join(str(part.value) for part in rule.values if isinstance(part, ast.Constant))
                assert suffix.startswith("."), f"{where}: cannot read the rule id {ast.unparse(rule)}"
                yaml_prefixes = {"frontmatter", "registry", "glossary", "procedures"}
                for prefix in yaml_prefixes | (prefixes & yaml_prefixes):
                    found[prefix + suffix] = (name, where)
            else:
                raise AssertionError(f"{where}: rule id must be a string literal, not {ast.unparse(rule)}")
    return found


def test_every_rule_id_in_the_code_is_explained_in_the_guide():
    in_code = _rule_ids_in_code()
    assert len(in_code) > 30
    missing = {rule: where for rule, (_, where) in in_code.items() if rule not in RULES}
    assert not missing, f"add these rule ids to hooks/handbook/rule_catalog.py: {missing}"
    stale = set(RULES) - set(in_code)
    assert not stale, f"rule_catalog.py explains rules no code reports: {stale}"
    for rule, (severity, where) in in_code.items():
        assert RULES[rule].severity == severity, f"{rule} ({where}) is reported as {severity}"
    table = rule_table()
    for rule in in_code:
        assert f"| `{rule}` |" in table
    assert "<!-- handbook:rule-table -->" in GUIDE.read_text(encoding="utf-8")


def test_rule_catalogue_text_is_safe_markdown():
    for rule, doc in RULES.items():
        for text in (doc.meaning, doc.fix):
            outside_code = re.sub(r"`[^`]*`", "", text)
            assert "<" not in outside_code and "|" not in outside_code, (rule, text)
            assert "<quiz>" not in text, "mkdocs-quiz would parse a bare <quiz> even in inline code"


def test_guide_field_tables_are_generated_from_the_models():
    source = GUIDE.read_text(encoding="utf-8")
    for name in [*(f"fields-{page_type}" for page_type in PAGE_MODELS), "fields-common", "fields-law",
                 "fields-article", "fields-term"]:
        assert f"<!-- handbook:{name} -->" in source, name
        assert name in GENERATORS
    handbook = analyse_project(ROOT)
    guide_page = handbook.pages["contributing/index.md"]
    for page_type, model in PAGE_MODELS.items():
        table = GENERATORS[f"fields-{page_type}"].render(handbook, guide_page, ())
        for field in set(model.model_fields) - set(BasePage.model_fields):
            assert f"| `{field}` |" in table, (page_type, field)
        for section in model.required_sections:
            assert f"`## {section}`" in table
    common = GENERATORS["fields-common"].render(handbook, guide_page, ())
    for field in BasePage.model_fields:
        assert f"| `{field}` |" in common
    data_models: tuple[tuple[str, type[BaseModel]], ...] = (("fields-law", Law), ("fields-article", Article), ("fields-term", Term))
    for name, data_model in data_models:
        assert {row[0] for row in field_rows(data_model)} >= set(data_model.model_fields)
        assert all(f"| `{field}` |" in GENERATORS[name].render(handbook, guide_page, ()) for field in data_model.model_fields)


def test_guide_covers_the_editor_tasks():
    source = GUIDE.read_text(encoding="utf-8")
    for needed in ("make check", "make test", "make serve", "make new", "objectives=", "[[三年]]", "- [x]",
                   "解析：", "laws.yml", "glossary.yml", "PRIMARY", "SECONDARY", "UNCONFIRMED", "《简称》第X条",
                   "reviewed", "owner", "edition", "合规培训组", "## CI 检查什么", "## 审核人检查什么",
                   "## 审核日期与负责人", "文件:行号 [规则编号] 说明"):
        assert needed in source, needed
    handbook = analyse_project(ROOT)
    assert page_findings(handbook, "contributing/index.md") == []
    assert handbook.pages["contributing/index.md"].quizzes == []  # examples stay in code blocks
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    site_url = mkdocs_config()["site_url"].rstrip("/")
    assert f"{site_url}/contributing/" in contributing and "docs/contributing/index.md" in contributing
    assert "make check" in contributing and "make new" in contributing


def test_placeholders_in_code_are_not_reported():
    page = ("---\ntype: page\ntitle: 示例\ndescription: 占位标记出现在代码中时不报告。\nowner: 测试组\n"
            f"reviewed: 2026-11-01\n---\n\n# 示例\n\n`{MARKER}` 是占位标记。\n\n{MARKER}这里还没写。\n")
    handbook = analyse({"p.md": page}, today=dt.date(2026, 11, 28))
    assert [(f.rule, f.line) for f in handbook.findings] == [("placeholder.unfilled", 13)]


# --- edition, changelog, site ----------------------------------------------------------------------

def test_edition_lives_in_mkdocs_yml_and_heads_the_changelog():
    edition = str(mkdocs_config()["extra"]["edition"])
    assert re.fullmatch(r"\d{4}\.\d{2}", edition)
    changelog = (ROOT / "docs" / "changelog.md").read_text(encoding="utf-8")
    entries = re.findall(r"(?m)^## (.+)$", changelog)
    assert entries[0].startswith(edition), "the newest changelog entry must name the current edition"
    assert re.match(r"\d{4}\.\d{2}（\d{4}-\d{2}-\d{2}）", entries[0])
    assert entries[-1] == "2026.11（2026-11-28）初版"


def test_every_page_has_an_edit_link_a_review_line_and_the_edition(built_site):
    config = mkdocs_config()
    edit_base = f"{config['repo_url'].rstrip('/')}/{config['edit_uri'].strip('/')}/"
    pages, _, _ = read_docs(ROOT / "docs")
    for path in pages:
        html_file = built_site / (path[:-3].removesuffix("index") if path.endswith("index.md")
                                  else path[:-3] + "/") / "index.html"
        html = html_file.read_text(encoding="utf-8")
        assert f'href="{edit_base}{path}"' in html, f"no edit link on {path}"
        assert 'class="hb-review-status' in html, f"no review line on {path}"
        assert f"手册版本 {config['extra']['edition']}" in html


def test_built_guide_and_maintainers_page(built_site):
    guide = (built_site / "contributing" / "index.html").read_text(encoding="utf-8")
    for rule in _rule_ids_in_code():
        assert f"<code>{rule}</code>" in guide, rule
    assert "handbook:" not in guide.replace("&lt;!-- handbook:", "")  # every marker was expanded
    maintainers = (built_site / "reference" / "maintainers" / "index.html").read_text(encoding="utf-8")
    handbook = analyse_project(ROOT)
    assert maintainers.count("<tr>") >= len(handbook.pages) + len(handbook.registry.articles)
    assert "统计日期" in maintainers


# --- CI on the forge ------------------------------------------------------------------------------

def _workflow(name: str) -> dict:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop("on", None) or data.pop(True)  # YAML 1.1 reads the key `on` as true
    return data


def _runs(workflow: dict) -> list[str]:
    return [step.get("run", "") for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _uses(workflow: dict) -> list[str]:
    return [step.get("uses", "") for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _make_targets() -> set[str]:
    return set(re.findall(r"(?m)^([a-z][a-z0-9-]*):", (ROOT / "Makefile").read_text(encoding="utf-8")))


def test_pull_request_workflow_runs_the_readme_test_command():
    workflow = _workflow("pr.yml")
    assert "pull_request" in workflow["on"]
    runs = _runs(workflow)
    assert "make test" in runs
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme and "make serve" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert any(use.startswith("actions/checkout@") for use in _uses(workflow))
    job = next(iter(workflow["jobs"].values()))
    assert "3.11" in str(job.get("container", "")) + str(job.get("steps"))


def test_publish_workflow_builds_site_and_pdf_and_deploys_pages():
    workflow = _workflow("publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    runs = "\n".join(_runs(workflow))
    assert "make build" in runs and "make pdf" in runs and "site/downloads/handbook.pdf" in runs
    uses = _uses(workflow)
    assert any(use.startswith("actions/upload-pages-artifact@") for use in uses)
    assert any(use.startswith("actions/deploy-pages@") for use in uses)


def test_workflows_only_call_make_targets_that_exist():
    targets = _make_targets()
    for name in ("pr.yml", "publish.yml"):
        for run in _runs(_workflow(name)):
            for target in re.findall(r"\bmake ([a-z][a-z0-9-]*)", run):
                assert target in targets, f"{name} runs `make {target}`, which the Makefile does not define"
    for script in re.findall(r"bash (scripts/\S+)", "\n".join(_runs(_workflow("publish.yml")))):
        assert (ROOT / script).is_file()


def test_pull_request_template_has_the_editor_checklist():
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 8
    for needed in ("make check", "objectives", "laws.yml", "reviewed", "changelog", "合规培训组"):
        assert needed in template


def test_findings_become_github_annotations():
    output = ("docs/cases/c5-x.md:12 [quiz.no-correct] 第 1 题没有正确答案。请把正确选项写成 “- [x] …”。 （错误）\n"
              "docs/index.md:5 [review.overdue] 本页已于 2026-01-01 到期，请复核。 （提醒）\n"
              "检查了 2 个页面：1 个错误，1 个提醒（0.10 秒）。\n")
    assert github_commands(output) == [
        "::error file=docs/cases/c5-x.md,line=12,title=quiz.no-correct::第 1 题没有正确答案。请把正确选项写成 “- [x] …”。",
        "::warning file=docs/index.md,line=5,title=review.overdue::本页已于 2026-01-01 到期，请复核。",
    ]
