"""MkDocs adapter for the Chinese search (logic in handbook.chinese_search).

on_files: teach jieba the glossary terms before the search plugin indexes the
pages (jieba's dictionary is loaded once per process; initialize is idempotent).
on_post_build: fix the query segmenter in the search worker copied into the site,
and rewrite the search index as compact UTF-8 (half the bytes).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from handbook import build_state, chinese_search

try:
    import jieba
except ImportError:  # search without jieba still works, just with coarser segments
    jieba = None

log = logging.getLogger("mkdocs.plugins.handbook")


@event_priority(-50)  # after hooks/validate.py has analysed the handbook
def on_files(files, config):
    if jieba is not None:
        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        for word in chinese_search.words(build_state.HANDBOOK):
            jieba.add_word(word)
    return files


@event_priority(-100)  # after the theme copied its assets and the search plugin wrote its index
def on_post_build(config):
    index = Path(config["site_dir"]) / "search" / "search_index.json"
    if index.is_file():
        index.write_text(chinese_search.compact_index(index.read_text(encoding="utf-8")), encoding="utf-8")
    workers = sorted((Path(config["site_dir"]) / "assets/javascripts/workers").glob("search.*.js"))
    for worker in (w for w in workers if w.suffix == ".js"):
        fixed, found = chinese_search.fix_segmenter(worker.read_text(encoding="utf-8"))
        if found:
            worker.write_text(fixed, encoding="utf-8")
        else:
            log.warning(f"中文搜索：未在 {worker.name} 中找到需要修正的分词循环（Material 版本变了？）。"
                        "请检查 hooks/handbook/chinese_search.py。")
