"""`make typography`: apply the typographic corrections of rules/typography.py to every page.

Usage: python -m handbook.tools.typography [docs-dir]. Rewrites the Markdown
files in place (front matter, code and quiz markup untouched) and prints the
files it changed; review the diff before committing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..rules.typography import fix


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="按手册的中文排版规范自动修正全部页面（空格、全角标点、引号、括号）。")
    parser.add_argument("docs", nargs="?", default="docs", help="内容目录，默认 docs")
    args = parser.parse_args(argv)
    changed = 0
    for page in sorted(Path(args.docs).rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        fixed = fix(text, page.name)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")
            changed += 1
            print(f"已修正 {page.as_posix()}")
    print(f"共修正 {changed} 个文件。请用 git diff 检查修改后再提交。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
