"""The answer key (答案与解析) of the printed manual, from the parsed quizzes.

Plain data in, HTML out: ``entries`` turns the quizzes of each chapter into
``KeyEntry`` records, ``render`` turns those into the appendix HTML. The
printed question and its key entry share one label (``M1-3``: third question
of M1), made by ``label`` so the two can never disagree. The manual links each
entry to its question (``#q-M1-3``), and the print stylesheet adds the page
number of that link.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import markdown as _markdown

from ...content.labels import QUIZ_KIND_LABELS
from ...content.markdown import Heading
from ...content.quizzes import Quiz

_BLANK = re.compile(r"\[\[(.+?)\]\]")
_EXPLANATION_PREFIX = re.compile(r"^\s*(?:\*\*)?解析(?:\*\*)?\s*[：:]\s*(?:\*\*)?")
_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)
BLANK_LINE = "＿＿＿＿"


@dataclass(frozen=True)
class ChapterQuizzes:
    """The quizzes of one chapter of the manual, in page order."""

    prefix: str          # short chapter label used in question numbers: M1, C2, D1 or a chapter number
    title: str           # chapter title as printed in the table of contents
    quizzes: Sequence[Quiz]
    headings: Sequence[Heading] = ()  # the page's headings, to name the section of each question


@dataclass(frozen=True)
class KeyEntry:
    label: str           # M1-3
    anchor: str          # id of the printed question: q-M1-3
    chapter: str
    section: str
    kind: str            # single | multiple | fill
    question_html: str
    answers_html: list[str]
    explanation_html: str


def label(prefix: str, number: int) -> str:
    """Number printed in front of a question and in the key: ``M1-3``."""
    return f"{prefix}-{number}"


def anchor(question_label: str) -> str:
    return f"q-{question_label}"


def letter(index: int) -> str:
    """A, B, … Z, then AA, AB … (option markers, as printed)."""
    result = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        result = chr(ord("A") + rest) + result
    return result


def markdown_html(text: str, inline: bool = False) -> str:
    """Markdown of a question, option or explanation as HTML (no raw HTML passes)."""
    rendered = _markdown.markdown(html.escape(text, quote=False).replace("&gt;", ">"),
                                  extensions=["sane_lists"]).strip()
    if inline:
        match = _PARAGRAPH.match(rendered)
        if match and "<p>" not in match.group(1):
            return str(match.group(1))
    return rendered


def question_text(quiz: Quiz) -> str:
    """The question with each blank shown as a line to write on."""
    return _BLANK.sub(BLANK_LINE, quiz.question) if quiz.kind == "fill" else quiz.question


def _answers(quiz: Quiz) -> list[str]:
    if quiz.kind == "fill":
        return [markdown_html(blank, inline=True) for blank in quiz.blanks]
    return [f"{letter(i)}. {markdown_html(option.text, inline=True)}"
            for i, option in enumerate(quiz.options) if option.correct]


def section_of(quiz: Quiz, headings: Sequence[Heading]) -> str:
    """Title of the last H2 above the question (自测题 on module and case pages)."""
    above = [h.title for h in headings if h.level == 2 and h.line < quiz.line]
    return above[-1] if above else ""


def entries(chapters: Iterable[ChapterQuizzes]) -> list[KeyEntry]:
    """One entry per valid quiz, numbered per chapter like the printed questions."""
    result = []
    for chapter in chapters:
        valid = [quiz for quiz in chapter.quizzes if quiz.is_valid]
        for number, quiz in enumerate(valid, start=1):
            name = label(chapter.prefix, number)
            explanation = _EXPLANATION_PREFIX.sub("", quiz.explanation, count=1)
            result.append(KeyEntry(
                label=name, anchor=anchor(name), chapter=chapter.title,
                section=section_of(quiz, chapter.headings),
                kind=quiz.kind, question_html=markdown_html(question_text(quiz)),
                answers_html=_answers(quiz), explanation_html=markdown_html(explanation)))
    return result


def render(key: Sequence[KeyEntry], title: str = "答案与解析") -> str:
    """The appendix body: an intro, then one group per chapter."""
    if not key:
        return (f'<h1 class="hb-appendix-title">{html.escape(title)}</h1>'
                "<p>本手册目前没有自测题。</p>")
    parts = [f'<h1 class="hb-appendix-title">{html.escape(title)}</h1>',
             '<p class="hb-key-intro">题号与正文中的题号一致（如 M1-3 表示模块 M1 的第 3 题）。'
             "每题注明所在章节和页码、正确答案及解析。建议学员先独立作答，再对照本附录。</p>"]
    chapter = None
    for entry in key:
        if entry.chapter != chapter:
            if chapter is not None:
                parts.append("</div>")
            chapter = entry.chapter
            parts.append(f'<div class="hb-key-chapter"><h2>{html.escape(chapter)}</h2>')
        answers = "；".join(entry.answers_html)
        where = " · ".join(part for part in (entry.chapter, entry.section) if part)
        parts.append(
            f'<div class="hb-key-entry" id="key-{html.escape(entry.label)}">'
            f'<p class="hb-key-head"><span class="hb-key-label">{html.escape(entry.label)}</span>'
            f'<span class="hb-key-kind">{QUIZ_KIND_LABELS.get(entry.kind, entry.kind)}</span>'
            f'<span class="hb-key-where">{html.escape(where)}'
            f'<a class="hb-page-ref" href="#{html.escape(entry.anchor)}"></a></span></p>'
            f'<div class="hb-key-question">{entry.question_html}</div>'
            f'<p class="hb-key-answer"><span class="hb-key-tag">答案</span>{answers}</p>'
            f'<div class="hb-key-explanation"><span class="hb-key-tag">解析</span>{entry.explanation_html}</div>'
            "</div>")
    parts.append("</div>")
    return "\n".join(parts)
