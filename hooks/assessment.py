"""MkDocs adapter for the final assessment (结业测验): reads ``extra.assessment`` from
mkdocs.yml and writes the question pool into docs/assessment.md as JSON, with the page's
own CSS and script (handbook.outputs.assessment)."""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook.outputs import assessment, progress, quiz_assets, state

log = logging.getLogger("mkdocs.plugins.handbook.assessment")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    settings, problem = assessment.read_config(dict(config.extra.items()) if config.extra else None)
    if problem:
        log.error(problem)
    state.STATE.assessment = settings
    return config


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    build = state.STATE
    if page.file.src_uri != assessment.PAGE or build.handbook is None or build.assessment is None:
        return output
    edition = config.extra.get("edition") if config.extra else None
    data = assessment.build(build.handbook, build.assessment, str(edition) if edition else None,
                            build.urls.get, build.nav_titles.get)
    uncovered = [objective for objective, count in assessment.pool_counts(data).items() if count == 0]
    if uncovered:
        log.warning(f"结业测验：学习目标 {'、'.join(uncovered)} 在题库中没有题目（见 make check）。")
    if build.assessment.questions < len(data["objectives"]):
        log.info(f"结业测验：每次抽 {build.assessment.questions} 题少于学习目标数 {len(data['objectives'])}，"
                 "为覆盖每个目标，实际题数会多于设置。")
    tags = (f'<link rel="stylesheet" href="{quiz_assets.relative(progress.RECORDS_STYLE_PATH, page.url)}">\n'
            f'<link rel="stylesheet" href="{quiz_assets.relative(assessment.STYLE_PATH, page.url)}">\n'
            f"{assessment.data_tag(data)}\n"
            f'<script src="{quiz_assets.relative(assessment.SCRIPT_PATH, page.url)}" defer></script>')
    return quiz_assets.inject_head(output, tags)
