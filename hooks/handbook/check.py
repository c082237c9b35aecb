"""`make check`: every content rule, without building the site.

Usage: python -m handbook.check [docs-dir]. Prints one finding per line as
``docs/path:line [rule] message`` and exits 1 if there is any error.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .content.sources import nav_paths, read_docs
from .pipeline import analyse

# Files the site build generates; links to them are valid although they are
# not in docs/ when the checker runs.
GENERATED_FILES = {"downloads/handbook.pdf", "assets/progress-data.json"}


def read_nav(mkdocs_yml: Path) -> set[str] | None:
    """The pages in mkdocs.yml's nav; None without a nav (MkDocs then lists every page)."""
    if not mkdocs_yml.is_file():
        return None
    from .tools.scaffold import load_mkdocs_yaml
    config = load_mkdocs_yaml(mkdocs_yml.read_text(encoding="utf-8"))
    nav = config.get("nav") if isinstance(config, dict) else None
    return set(nav_paths(nav)) if nav else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="检查手册内容（结构、自测题、法规引用、链接、审核日期）。")
    parser.add_argument("docs", nargs="?", default="docs", help="内容目录，默认 docs")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    docs = Path(args.docs)
    pages, data, others = read_docs(docs)
    handbook = analyse(pages, data, others | GENERATED_FILES, nav=read_nav(docs.parent / "mkdocs.yml"))
    for finding in handbook.findings:
        level = "错误" if finding.is_error else "提醒"
        print(f"{docs.as_posix()}/{finding} （{level}）")
    elapsed = time.perf_counter() - started
    print(f"检查了 {len(pages)} 个页面：{len(handbook.errors)} 个错误，{len(handbook.warnings)} 个提醒（{elapsed:.2f} 秒）。")
    return 1 if handbook.errors else 0


if __name__ == "__main__":
    sys.exit(main())
