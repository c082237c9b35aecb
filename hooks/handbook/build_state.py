"""The analysis of the build in progress, shared by the MkDocs hooks.

Hook files are loaded by path, so they cannot import each other; they can all
import this module. ``hooks/validate.py`` sets HANDBOOK in ``on_files``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .engine import Handbook

HANDBOOK: "Handbook | None" = None
