"""MkDocs adapter for the Chinese search (handbook.outputs.search).

on_files: teach jieba the glossary terms before the search plugin indexes the
pages. on_post_build: fix the query segmenter in the search worker copied into
the site, and rewrite the search index as compact UTF-8 (half the bytes).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from handbook import upstream
from handbook.outputs import search, state

try:
    import jieba
except ImportError:  # search without jieba still works, just with coarser segments
    jieba = None

log = logging.getLogger("mkdocs.plugins.handbook.search")


@event_priority(-50)  # after hooks/validate.py has analysed the handbook
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if jieba is not None:
        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()  # loads the dictionary once per process
        for word in search.words(state.STATE.handbook):
            jieba.add_word(word)
    return files


@event_priority(-100)  # after the theme copied its assets and the search plugin wrote its index
def on_post_build(*, config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    index = site / upstream.SEARCH_INDEX
    if index.is_file():
        index.write_text(search.compact_index(index.read_text(encoding="utf-8")), encoding="utf-8")
    workers = sorted(site.glob(upstream.SEARCH_WORKER_GLOB))
    if not workers:
        log.warning(f"中文搜索：网站中没有 {upstream.SEARCH_WORKER_GLOB}（Material 版本变了？），查询分词的修正没有应用。"
                    "请检查 hooks/handbook/upstream.py。")
    for worker in workers:
        fixed, found = search.fix_segmenter(worker.read_text(encoding="utf-8"))
        if found:
            worker.write_text(fixed, encoding="utf-8")
        else:
            log.warning(f"中文搜索：未在 {worker.name} 中找到需要修正的分词循环（Material 版本变了？）。"
                        "请检查 hooks/handbook/upstream.py 中的 SEARCH_SEGMENTER_LOOP。")
