"""MkDocs adapter: serve mkdocs-quiz's CSS/JS as cached files, only on quiz pages
(handbook.outputs.quiz_assets).

on_page_content strips the inlined blocks and hides the quiz UI from the search
index; on_post_page puts the UI back and links the files from <head>;
on_post_build writes each distinct file once under site/assets/quiz/.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.outputs import quiz_assets, state

log = logging.getLogger("mkdocs.plugins.handbook.quiz_assets")


@event_priority(-100)  # after mkdocs-quiz appended its blocks, before search indexes the page
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    result = quiz_assets.process(html)
    if result.has_quiz:
        build = state.STATE
        build.page_bundles[page.file.src_uri] = result.bundles
        build.page_hidden[page.file.src_uri] = result.hidden
        build.quiz_files.update({bundle.path: bundle for bundle in result.bundles})
        for missing in quiz_assets.missing_assets(result.bundles):
            log.warning(f"自测题资源：docs/{page.file.src_uri} 有自测题，但没有找到 mkdocs-quiz 内联的 {missing}"
                        "（mkdocs-quiz 版本变了？）。请核对 hooks/handbook/upstream.py 中的 QUIZ_ASSET_KINDS。")
    return result.html


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    build = state.STATE
    bundles = build.page_bundles.pop(page.file.src_uri, None)
    if bundles is None:
        return output
    output, missing = quiz_assets.restore(output, build.page_hidden.pop(page.file.src_uri, []))
    if missing:
        log.warning(f"自测题资源：docs/{page.file.src_uri} 有 {missing} 处自测题界面在构建中丢失（HTML 注释被删除？）。"
                    "请检查 mkdocs.yml 中压缩插件的设置和 hooks/handbook/upstream.py。")
    output = quiz_assets.place_sidebar(output)
    return quiz_assets.inject_head(output, quiz_assets.head_tags(bundles, page.url))


def on_post_build(*, config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    for path, bundle in state.STATE.quiz_files.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(bundle.content, encoding="utf-8")
