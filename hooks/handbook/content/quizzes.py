"""Parse `<quiz>` blocks the way mkdocs-quiz 1.7 does, keeping line numbers.

Our syntax adds two attributes: ``<quiz objectives="M1-O1 M1-O2">`` ties a
question to the learning objectives it assesses, and ``final="no"`` keeps a
practice-only question out of the final assessment (结业测验). mkdocs-quiz only
accepts a bare ``<quiz>``, so ``outputs.render`` removes them before the plugin runs. The line
grammar (checkbox answers, ``>`` feedback, ``[[blank]]``) is mkdocs-quiz's own,
imported from its ``parsing`` module so the two can never disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from textwrap import dedent

from mkdocs_quiz.parsing import CHECKBOX_REGEX, FEEDBACK_REGEX, FILL_BLANK_REGEX, collect_feedback

from .findings import Finding, error
from .markdown import line_at, view

QUIZ_BLOCK = re.compile(r"<quiz(?P<attrs>(?:\s[^>]*)?)>(?P<inner>.*?)</quiz>", re.DOTALL)
OPEN_TAG = re.compile(r"<quiz(?:\s[^>]*)?>")
_ATTRIBUTE = re.compile(r'([A-Za-z_][\w-]*)\s*=\s*"([^"]*)"')
_VALID_BOXES = {"x", "X", " ", ""}
KNOWN_ATTRIBUTES = {"objectives", "final"}
# Values of ``final``: "no" = practice only, not drawn in the final assessment.
FINAL_VALUES = {"yes": True, "no": False}


@dataclass
class Option:
    text: str
    correct: bool
    feedback: str
    line: int


@dataclass
class Quiz:
    number: int                 # 1-based position on the page
    line: int                   # file line of the opening tag
    question: str
    kind: str = "single"        # "single" | "multiple" | "fill"
    objectives: tuple[str, ...] = ()
    attributes: dict[str, str] = field(default_factory=dict)
    options: list[Option] = field(default_factory=list)
    blanks: list[str] = field(default_factory=list)
    explanation: str = ""
    source: str = ""            # the whole block as written
    problems: list[Finding] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.problems

    @property
    def in_final(self) -> bool:
        """Whether the final assessment may draw this question (``final="no"`` opts out)."""
        return FINAL_VALUES.get(self.attributes.get("final", "yes").strip(), True)


def find_quizzes(path: str, body: str, body_first_line: int = 1) -> tuple[list[Quiz], list[Finding]]:
    """All quiz blocks of a page body, each with its own structural problems,
    plus page-level problems (an opening tag that is never closed)."""
    masked = view(body).masked
    quizzes, page_findings = [], []
    closed_spans = []
    for number, match in enumerate(QUIZ_BLOCK.finditer(masked), start=1):
        closed_spans.append((match.start(), match.end()))
        start_line = line_at(body, match.start(), body_first_line)
        inner_line = line_at(body, match.start("inner"), body_first_line)
        inner = body[match.start("inner"):match.end("inner")]
        quiz = _parse_block(path, number, start_line, inner_line, match.group("attrs"), inner)
        quiz.source = body[match.start():match.end()]
        quizzes.append(quiz)
    for tag in OPEN_TAG.finditer(masked):
        if not any(start <= tag.start() < end for start, end in closed_spans):
            page_findings.append(error(
                path, line_at(body, tag.start(), body_first_line), "quiz.unclosed",
                "<quiz> 没有对应的 </quiz>。请在本题最后一行之后单独加一行 </quiz>。"))
    return quizzes, page_findings


def _parse_attributes(path: str, line: int, text: str) -> tuple[dict[str, str], list[Finding]]:
    attributes = dict(_ATTRIBUTE.findall(text))
    leftover = _ATTRIBUTE.sub("", text).strip()
    findings = []
    unknown = sorted(set(attributes) - KNOWN_ATTRIBUTES)
    if unknown or leftover:
        what = "、".join(unknown) or leftover
        findings.append(error(path, line, "quiz.unknown-attribute",
                              f"<quiz> 标签里有无法识别的内容：{what}。请删除它；只允许 objectives=\"M1-O1 M1-O2\" "
                              "和 final=\"no\"（双引号）。"))
    final = attributes.get("final")
    if final is not None and final.strip() not in FINAL_VALUES:
        findings.append(error(path, line, "quiz.bad-final",
                              f"<quiz> 的 final=\"{final}\" 无效。请写 final=\"no\"（本题只用于练习，不进入结业测验），"
                              "或删除这个属性（默认进入结业测验）。"))
    return attributes, findings


def _parse_block(path: str, number: int, start_line: int, inner_line: int, attr_text: str, inner: str) -> Quiz:
    attributes, problems = _parse_attributes(path, start_line, attr_text)
    listed = attributes.get("objectives", "").strip()
    objectives = tuple(re.split(r"[\s,，]+", listed)) if listed else ()
    # dedent keeps line count, so index i of `lines` is file line inner_line + i
    lines = dedent(inner).split("\n")
    if "[[" in inner:                  # also a malformed blank: reported as one
        quiz = _parse_fill(path, number, start_line, inner_line, lines)
    else:
        quiz = _parse_choice(path, number, start_line, inner_line, lines)
    quiz.objectives, quiz.attributes = objectives, attributes
    quiz.problems[:0] = problems
    return quiz


def _first_text_line(lines: list[str], inner_line: int) -> int:
    for index, line in enumerate(lines):
        if line.strip():
            return inner_line + index
    return inner_line


def _parse_fill(path: str, number: int, start_line: int, inner_line: int, lines: list[str]) -> Quiz:
    separator = next((i for i, line in enumerate(lines) if line.strip() == "---"), None)
    question_lines = lines[:separator]
    question = "\n".join(question_lines).strip()
    explanation = "" if separator is None else "\n".join(lines[separator + 1:]).strip()
    quiz = Quiz(number, start_line, question, "fill", explanation=explanation)
    blanks = re.findall(FILL_BLANK_REGEX, question)
    quiz.blanks = [blank.strip() for blank in blanks]
    where = _first_text_line(lines, inner_line)
    if question.count("[[") != question.count("]]") or question.count("[[") != len(blanks):
        quiz.problems.append(error(path, where, "quiz.blank-malformed",
                                   f"第 {number} 题的填空格式不完整：每个答案都要写成 [[答案]]，成对的两个方括号。"))
    if any(not blank for blank in quiz.blanks):
        quiz.problems.append(error(path, where, "quiz.blank-malformed",
                                   f"第 {number} 题有空白的填空 [[ ]]。请在方括号里写出标准答案。"))
    if separator is not None and "[[" in explanation:
        quiz.problems.append(error(path, inner_line + separator + 1, "quiz.blank-malformed",
                                   f"第 {number} 题的解析里出现了 [[…]]。填空只能写在 --- 之前的题干中。"))
    if any(CHECKBOX_REGEX.match(line.strip()) for line in question_lines):
        quiz.problems.append(error(path, where, "quiz.blank-malformed",
                                   f"第 {number} 题同时含有填空 [[…]] 和选项 - [ ]。一道题只能是填空题或选择题，请拆成两题。"))
    if not quiz.explanation:
        quiz.problems.append(error(path, start_line, "quiz.no-explanation",
                                   f"第 {number} 题（填空题）缺少解析。请在题干后加一行 ---，再写“解析：……”。"))
    return quiz


def _parse_choice(path: str, number: int, start_line: int, inner_line: int, lines: list[str]) -> Quiz:
    first_answer = next((index for index, line in enumerate(lines) if CHECKBOX_REGEX.match(line)), None)
    quiz = Quiz(number, start_line, "\n".join(lines[:first_answer]).strip())
    if first_answer is None:
        quiz.problems.append(error(path, start_line, "quiz.too-few-options",
                                   f"第 {number} 题没有选项。选择题至少要有两个 “- [ ] 选项”，其中至少一个写成 “- [x]”；"
                                   "填空题请用 [[答案]]。"))
        return quiz
    index, end = first_answer, len(lines)
    while index < end:
        line = lines[index]
        box = CHECKBOX_REGEX.match(line)
        if box:
            mark = box.group(1)
            if mark not in _VALID_BOXES:
                quiz.problems.append(error(path, inner_line + index, "quiz.bad-checkbox",
                                           f"第 {number} 题的选项标记 [{mark}] 无效。请把正确答案写成 [x]，错误答案写成 [ ]。"))
            feedback, after = collect_feedback(lines, index + 1)
            quiz.options.append(Option(box.group(2).strip(), mark in ("x", "X"), feedback or "", inner_line + index))
            index = after
            continue
        if not line.strip():
            index += 1
            continue
        if FEEDBACK_REGEX.match(line) and any(CHECKBOX_REGEX.match(rest) for rest in lines[index:]):  # an option follows
            quiz.problems.append(error(path, inner_line + index, "quiz.orphan-feedback",
                                       f"第 {number} 题的反馈行（> …）与它的选项之间隔了空行。"
                                       "请删除空行，让反馈紧跟在选项下一行。"))
            index += 1
            continue
        explanation_start = index
        break
    else:
        explanation_start = end
    quiz.explanation = "\n".join(lines[explanation_start:]).strip()
    correct = [option for option in quiz.options if option.correct]
    quiz.kind = "multiple" if len(correct) > 1 else "single"
    if not quiz.question:
        quiz.problems.append(error(path, start_line, "quiz.no-question",
                                   f"第 {number} 题没有题干。请在第一个选项之前写出问题。"))
    if len(quiz.options) < 2:
        quiz.problems.append(error(path, start_line, "quiz.too-few-options",
                                   f"第 {number} 题只有 {len(quiz.options)} 个选项。请至少提供两个选项。"))
    if not correct:
        quiz.problems.append(error(path, start_line, "quiz.no-correct",
                                   f"第 {number} 题没有正确答案。请把正确选项写成 “- [x] …”。"))
    for option in quiz.options:
        if not option.text:
            quiz.problems.append(error(path, option.line, "quiz.empty-option",
                                       f"第 {number} 题有一个空选项。请填写选项文字或删除这一行。"))
    if not quiz.explanation:
        quiz.problems.append(error(path, start_line, "quiz.no-explanation",
                                   f"第 {number} 题缺少解析。请在最后一个选项后空一行，写“解析：……”说明为什么。"))
    return quiz

