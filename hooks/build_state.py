"""MkDocs adapter: one fresh build state per build, and what every other hook needs to know
about the site's files and navigation (state in handbook.outputs.state)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from handbook.outputs import state


@event_priority(1000)  # first: every later hook of this build starts from an empty state
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state.reset()
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    state.STATE.urls = {file.src_uri: file.url for file in files if file.src_uri.endswith(".md")}
    return files


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    state.STATE.nav = nav
    state.STATE.nav_titles = {page.file.src_uri: page.title for page in nav.pages if page.title}
    return nav
