"""MkDocs adapter for the light/dark toggle (handbook.outputs.palette): its script is written into
every page by a template (overrides/partials/javascripts/palette.html) from this Jinja global."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from handbook.outputs import palette


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    script = (Path(config.docs_dir) / palette.SCRIPT_PATH).read_text(encoding="utf-8")
    env.globals[palette.TEMPLATE_GLOBAL] = Markup(palette.script_text(script))  # the site's own script, not escaped
    return env
