"""MkDocs adapter: warn when Material or mkdocs-quiz is not the version the
project's assumptions about their internals were written for (handbook.upstream),
and when the configuration would silently break a workaround."""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig

from handbook import upstream

log = logging.getLogger("mkdocs.plugins.handbook.upstream")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    for warning in upstream.check_versions():
        log.warning(warning)
    minify = config.plugins.get("minify")
    options = getattr(minify, "config", {}).get("htmlmin_opts") if minify else None
    if upstream.minify_drops_comments(options):
        log.warning("mkdocs.yml 中 minify 的 htmlmin_opts.remove_comments 为 true：自测题界面在构建中暂存在 HTML 注释里，"
                    "删除注释会让自测题按钮和进度栏消失。请删除这一设置。")
    return config
