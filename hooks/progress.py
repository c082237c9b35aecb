"""MkDocs adapter for the progress page: writes site/assets/progress-data.json after
the build and loads the page's own CSS on that page only (handbook.outputs.progress), with the
scripts that export and import everything kept in the browser (handbook-state.js, progress-transfer.js).
The page's script and its data are written into the page itself, right after the last
element the script fills in, and run there while the page is parsed: the tables exist
before the page is first drawn, so nothing below them jumps down when they appear."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook.outputs import progress, quiz_assets, state


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if page.file.src_uri != progress.PROGRESS_PAGE:
        return output
    output = quiz_assets.inject_head(output, "\n".join(
        [f'<link rel="stylesheet" href="{quiz_assets.relative(path, page.url)}">'
         for path in (progress.RECORDS_STYLE_PATH, progress.STYLE_PATH)] +
        [f'<script src="{quiz_assets.relative(path, page.url)}" defer></script>'
         for path in (progress.STATE_SCRIPT_PATH, progress.TRANSFER_SCRIPT_PATH)]))
    build = state.STATE
    data = progress.build(build.handbook, build.urls.get, build.nav_titles.get) if build.handbook else None
    script = (Path(config.docs_dir) / progress.SCRIPT_PATH).read_text(encoding="utf-8")
    root = quiz_assets.relative("index.html", page.url).removesuffix("index.html")
    return progress.inline_script(output, script, data, root)


def on_post_build(*, config: MkDocsConfig) -> None:
    build = state.STATE
    if build.handbook is None:
        return
    data = progress.build(build.handbook, build.urls.get, build.nav_titles.get)
    target = Path(config.site_dir) / progress.DATA_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(progress.to_json(data), encoding="utf-8")
