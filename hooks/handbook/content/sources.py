"""Read a docs/ folder into the three inputs of ``pipeline.analyse``, and the
navigation of mkdocs.yml. Files are read as bytes: ``content.inputs`` decodes
them and reports what is wrong with them."""

from __future__ import annotations

from pathlib import Path

from .glossary import GLOSSARY_PATH
from .procedures import PROCEDURES_PATH
from .registry import REGISTRY_PATH

DATA_FILES = (REGISTRY_PATH, GLOSSARY_PATH, PROCEDURES_PATH)


def read_docs(docs_dir: Path) -> tuple[dict[str, str | bytes], dict[str, str | bytes], set[str]]:
    pages: dict[str, str | bytes] = {}
    data: dict[str, str | bytes] = {}
    others: set[str] = set()
    for file in sorted(docs_dir.rglob("*")):
        if not file.is_file():
            continue
        relative = file.relative_to(docs_dir).as_posix()
        if relative.endswith(".md"):
            pages[relative] = file.read_bytes()
        elif relative in DATA_FILES:
            data[relative] = file.read_bytes()
        else:
            others.add(relative)
    return pages, data, others


def nav_paths(nav: object) -> list[str]:
    """Every page path in a nav structure, in order."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [path for value in nav.values() for path in nav_paths(value)]
    if isinstance(nav, list):
        return [path for item in nav for path in nav_paths(item)]
    return []
