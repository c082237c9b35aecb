"""Read a docs/ folder into the three inputs of ``pipeline.analyse``."""

from __future__ import annotations

from pathlib import Path

from .glossary import GLOSSARY_PATH
from .procedures import PROCEDURES_PATH
from .registry import REGISTRY_PATH

DATA_FILES = (REGISTRY_PATH, GLOSSARY_PATH, PROCEDURES_PATH)


def read_docs(docs_dir: Path) -> tuple[dict[str, str], dict[str, str], set[str]]:
    pages, data, others = {}, {}, set()
    for file in sorted(docs_dir.rglob("*")):
        if not file.is_file():
            continue
        relative = file.relative_to(docs_dir).as_posix()
        if relative.endswith(".md"):
            pages[relative] = file.read_text(encoding="utf-8")
        elif relative in DATA_FILES:
            data[relative] = file.read_text(encoding="utf-8")
        else:
            others.add(relative)
    return pages, data, others
