"""MkDocs adapter for the progress page (logic in handbook.progress_data).

Writes site/assets/progress-data.json after the build and loads the progress
page's own CSS and script on that page only.
"""

from __future__ import annotations

from pathlib import Path

from handbook import build_state, progress_data, quiz_assets

_urls: dict[str, str] = {}
_nav_titles: dict[str, str] = {}


def on_files(files, config):
    _urls.clear()
    _urls.update({file.src_uri: file.url for file in files if file.src_uri.endswith(".md")})
    return files


def on_nav(nav, config, files):
    _nav_titles.clear()
    _nav_titles.update({page.file.src_uri: page.title for page in nav.pages if page.title})
    return nav


def on_post_page(output, page, config):
    if page.file.src_uri != progress_data.PROGRESS_PAGE:
        return output
    tags = (f'<link rel="stylesheet" href="{quiz_assets.relative(progress_data.STYLE_PATH, page.url)}">\n'
            f'<script src="{quiz_assets.relative(progress_data.SCRIPT_PATH, page.url)}" defer></script>')
    return quiz_assets.inject_head(output, tags)


def on_post_build(config):
    handbook = build_state.HANDBOOK
    if handbook is None:
        return
    data = progress_data.build(handbook, _urls.get, _nav_titles.get)
    target = Path(config["site_dir"]) / progress_data.DATA_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(progress_data.to_json(data), encoding="utf-8")
