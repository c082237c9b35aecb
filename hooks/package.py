"""MkDocs adapter for package builds: ``HANDBOOK_PACKAGE=scorm`` builds the site to run from
inside a SCORM package (every link a relative ``page.html``, no directory URLs that need a web
server's index files). ``python -m handbook.tools.scorm`` (``make scorm``) sets it."""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig

from handbook.tools import scorm


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if os.environ.get(scorm.PACKAGE_ENV) == "scorm":
        config.use_directory_urls = False
    return config
