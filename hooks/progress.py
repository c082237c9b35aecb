"""MkDocs adapter for the progress page: writes site/assets/progress-data.json after
the build and loads the page's own CSS and script on that page only (handbook.outputs.progress)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook.outputs import progress, quiz_assets, state


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if page.file.src_uri != progress.PROGRESS_PAGE:
        return output
    tags = (f'<link rel="stylesheet" href="{quiz_assets.relative(progress.STYLE_PATH, page.url)}">\n'
            f'<script src="{quiz_assets.relative(progress.SCRIPT_PATH, page.url)}" defer></script>')
    return quiz_assets.inject_head(output, tags)


def on_post_build(*, config: MkDocsConfig) -> None:
    build = state.STATE
    if build.handbook is None:
        return
    data = progress.build(build.handbook, build.urls.get, build.nav_titles.get)
    target = Path(config.site_dir) / progress.DATA_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(progress.to_json(data), encoding="utf-8")
