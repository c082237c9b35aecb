"""MkDocs adapter: serve mkdocs-quiz's CSS/JS as cached files, only on quiz pages.

Runs after mkdocs-quiz (low priority). The logic is in handbook.quiz_assets:
on_page_content strips the inlined blocks and hides the quiz UI from the
search index, on_post_page puts the UI back and links the files from <head>
of quiz pages, and
on_post_build writes each distinct file once under site/assets/quiz/.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from handbook import quiz_assets

_bundles: dict[str, quiz_assets.Bundle] = {}
_page_bundles: dict[str, list[quiz_assets.Bundle]] = {}
_page_hidden: dict[str, list[str]] = {}


def on_pre_build(config):
    _bundles.clear()
    _page_bundles.clear()
    _page_hidden.clear()


@event_priority(-100)  # after mkdocs-quiz appended its blocks, before search indexes the page
def on_page_content(html, page, config, files):
    result = quiz_assets.process(html)
    if result.has_quiz:
        _page_bundles[page.file.src_uri] = result.bundles
        _page_hidden[page.file.src_uri] = result.hidden
        for bundle in result.bundles:
            _bundles[bundle.path] = bundle
    return result.html


def on_post_page(output, page, config):
    bundles = _page_bundles.pop(page.file.src_uri, None)
    if bundles is None:
        return output
    output = quiz_assets.restore(output, _page_hidden.pop(page.file.src_uri, []))
    return quiz_assets.inject_head(output, quiz_assets.head_tags(bundles, page.url))


def on_post_build(config):
    site = Path(config["site_dir"])
    for path, bundle in _bundles.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(bundle.content, encoding="utf-8")
