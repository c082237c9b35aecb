"""Turn `make check` output into GitHub Actions annotations.

Usage in CI: ``python -m handbook.tools.github_annotations findings.txt``. Each
finding line ``docs/path:line [rule] message （错误）`` becomes
``::error file=docs/path,line=N,title=rule::message`` so the pull request shows
the problem on the changed line; reminders become ``::warning``.
"""

import re
import sys
from pathlib import Path

_FINDING = re.compile(r"^(?P<path>\S+?):(?P<line>\d+) \[(?P<rule>[a-z0-9.-]+)\] (?P<message>.*?)\s*（(?P<level>错误|提醒)）\s*$")


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def github_commands(output: str) -> list[str]:
    commands = []
    for line in output.splitlines():
        match = _FINDING.match(line.strip())
        if not match:
            continue
        kind = "error" if match.group("level") == "错误" else "warning"
        commands.append(f"::{kind} file={_property(match.group('path'))},line={match.group('line')},"
                        f"title={_property(match.group('rule'))}::{_data(match.group('message'))}")
    return commands


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = Path(args[0]).read_text(encoding="utf-8") if args else sys.stdin.read()
    for command in github_commands(text):
        print(command)
    return 0


if __name__ == "__main__":
    sys.exit(main())
