"""`make mutation`: mutation testing of the rule modules with mutmut, and a table.

mutmut names a module after its path (``src/x.py`` -> ``x``), while the tests
import ``handbook.*`` from ``hooks/``. So the run happens in a workspace,
build/mutation/, where the package is ``src/handbook`` and the tests, docs and
MkDocs configuration sit beside it as in the project. The tests used are the
fast unit and property tests (no site build). The table gives killed and
survived mutants per module; ``--check`` fails below 90 % killed in any.

Usage: python scripts/mutation.py [--check] [--max-children N] [--modules content/html.py ...]
(``--modules``: mutate and report only those modules, to iterate on one.)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "mutation"
MODULES = [
    "rules/html_safety.py", "content/html.py",             # HTML safety
    "content/citations.py", "rules/citations.py",          # citations
    "content/quizzes.py",                                  # quizzes
    "rules/links.py",                                      # links
    "content/frontmatter.py", "content/schema.py",         # front matter and schema
    "rules/review.py", "content/review.py",                # review dates
    "rules/sections.py",                                   # sections
]
TESTS = ["tests/test_rules.py", "tests/test_html_safety.py", "tests/test_markdown_view.py", "tests/test_inputs.py",
         "tests/test_fuzz.py", "tests/test_review_dates.py", "tests/test_answer_key.py", "tests/test_messages.py"]
DESELECT = "not strict_build and not make_check and not python_markdown_renders"
CONFIG = """\
[tool.pytest.ini_options]
pythonpath = ["tests"]
addopts = "-p no:cacheprovider"

[tool.mutmut]
source_paths = ["src"]
# Not "fork" (the default): that forks every mutant from the process that ran the clean tests, whose
# caches (markdown.view, the parsed tags) already hold the unmutated results, so mutants go unseen.
process_isolation = "forkserver"
only_mutate = {only_mutate}
also_copy = ["tests", "docs", "hooks", "overrides", "templates", "mkdocs.yml"]
pytest_add_cli_args_test_selection = {selection}
"""
THRESHOLD = 90.0


def prepare(modules: list[str]) -> None:
    shutil.rmtree(WORK, ignore_errors=True)
    (WORK / "src").mkdir(parents=True)
    shutil.copytree(ROOT / "hooks" / "handbook", WORK / "src" / "handbook",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (WORK / "hooks").mkdir()
    for adapter in (ROOT / "hooks").glob("*.py"):
        shutil.copy(adapter, WORK / "hooks" / adapter.name)
    for name in ("tests", "docs", "overrides", "templates"):
        shutil.copytree(ROOT / name, WORK / name, ignore=shutil.ignore_patterns("__pycache__", ".hypothesis"))
    shutil.copy(ROOT / "mkdocs.yml", WORK / "mkdocs.yml")
    config = CONFIG.format(only_mutate=json.dumps([f"src/handbook/{module}" for module in modules]),
                           selection=json.dumps([*TESTS, "-k", DESELECT]))
    (WORK / "pyproject.toml").write_text(config, encoding="utf-8")


def results(modules: list[str]) -> dict[str, Counter[str]]:
    sys.path.insert(0, str(ROOT / ".venv"))
    from mutmut.stats import status_by_exit_code
    table: dict[str, Counter[str]] = {}
    for module in modules:
        meta = WORK / "mutants" / "src" / "handbook" / f"{module}.meta"
        data = json.loads(meta.read_text(encoding="utf-8")) if meta.is_file() else {"exit_code_by_key": {}}
        table[module] = Counter(status_by_exit_code[code] for code in data["exit_code_by_key"].values())
    return table


def survivors() -> list[str]:
    listing = subprocess.run([sys.executable, "-m", "mutmut", "results"], cwd=WORK, capture_output=True, text=True, check=False,
                             env={**os.environ, "PYTHONPATH": ""})
    return [line.strip() for line in listing.stdout.splitlines() if ": survived" in line or ": timeout" in line]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true", help=f"fail below {THRESHOLD:.0f} %% killed in a module")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--report-only", action="store_true", help="only print the table of the last run")
    parser.add_argument("--modules", nargs="+", choices=MODULES, default=MODULES, metavar="MODULE",
                        help="only these modules (paths under hooks/handbook/, e.g. content/html.py)")
    args = parser.parse_args(argv)
    if not args.report_only:
        prepare(args.modules)
        env = {**os.environ, "PYTHONPATH": "",         # the mutated copy, never hooks/handbook
               "HANDBOOK_EXAMPLES_SCALE": "0.1"}       # every mutant reruns the property tests
        subprocess.run([sys.executable, "-m", "mutmut", "run", "--max-children", str(args.max_children)],
                       cwd=WORK, env=env, check=False)
    table = results(args.modules)
    print(f"\n{'module':<28} {'mutants':>8} {'killed':>7} {'survived':>9} {'other':>6} {'killed %':>9}")
    failed = []
    for module, counts in table.items():
        total = sum(counts.values())
        killed = counts["killed"] + counts["timeout"] + counts["caught by type check"]
        survived = counts["survived"]
        score = 100.0 * killed / total if total else 0.0
        other = total - killed - survived
        print(f"{module:<28} {total:>8} {killed:>7} {survived:>9} {other:>6} {score:>8.1f}%")
        if score < THRESHOLD:
            failed.append(module)
    print("\nsurvivors:")
    for line in survivors():
        print("  " + line)
    if args.check and failed:
        print(f"\nbelow {THRESHOLD:.0f} % killed: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
