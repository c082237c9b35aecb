"""`make qti`: the question bank as an IMS QTI 2.1 content package for an LMS question bank.

``dist/collector-handbook-<edition>-qti21.zip`` holds one ``assessmentItem`` per question
(``items/M1-3.xml``, identifier = page id and question number, the label the printed answer key
uses, so a re-import updates instead of duplicating), an ``assessmentTest`` with one section per
module or case page, and ``imsmanifest.xml`` whose metadata carries each question's learning
objectives as keywords (the item's ``label`` carries them too). Every option's feedback and the
explanation are kept (``modalFeedback``), fill-in answers compare without case.

Why our own exporter and not mkdocs-quiz's (``mkdocs_quiz.qti``, 1.7.1): it only finds a bare
``<quiz>``, so it exports none of our questions (they all carry ``objectives``); it has no place
for objectives; it drops per-option feedback; it gives every item a random identifier on each
run; and it writes the Markdown source instead of HTML. The questions here come from the same
parser as every other output (content/quizzes.py), with inline generator markers expanded.

Why QTI 2.1: it is the IMS version with one item per file and a schema for every element used
here (QTI 1.2 exports are mostly vendor dialects, e.g. Canvas's); QTI 2.1 imports into TAO,
OpenOLAT, ILIAS, Inspera and Canvas New Quizzes. Moodle's core question import has no QTI
format (it takes Moodle XML, GIFT and others); the editor guide says what to do there.

Usage: ``python -m handbook.tools.qti [--docs docs] [--out dist]``
"""

from __future__ import annotations

import argparse
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import escape, quoteattr

from ..content.final_pool import candidates, module_of, question_id
from ..content.model import AnyPage, Handbook
from ..content.quizzes import Quiz
from ..content.sources import read_docs
from ..generators import expand_inline
from ..outputs.pdf.answer_key import letter, markdown_html
from ..pipeline import analyse

NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
SCHEMA = "http://www.imsglobal.org/xsd/imsqti_v2p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
TEST_FILE = "tests/question-bank.xml"
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)
_BLANK = re.compile(r"\[\[(.+?)\]\]")
_BLANK_TOKEN = "\u2063HBBLANK{}\u2063"
_BLANK_TOKEN_RE = re.compile("\u2063HBBLANK(\\d+)\u2063")


@dataclass(frozen=True)
class Item:
    id: str
    page: AnyPage
    quiz: Quiz
    xml: str

    @property
    def href(self) -> str:
        return f"items/{self.id}.xml"


def _fragment(html: str) -> str:
    """Rendered Markdown as well-formed XML (it goes inside a QTI element); plain escaped text
    if the HTML is not well-formed XML."""
    try:
        ElementTree.fromstring(f"<div>{html}</div>")
        return html
    except ElementTree.ParseError:
        return f"<p>{escape(re.sub(r'<[^>]+>', '', html))}</p>"


def _html(text: str, handbook: Handbook, inline: bool = False) -> str:
    return _fragment(markdown_html(expand_inline(text, handbook), inline=inline))


def _title(item_id: str, quiz: Quiz) -> str:
    plain = re.sub(r"\s+", " ", _BLANK.sub("＿＿", quiz.question)).strip()
    return f"{item_id} {plain[:60]}"


def _head(item_id: str, quiz: Quiz) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<assessmentItem xmlns="{NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
            f'    xsi:schemaLocation="{SCHEMA}"\n'
            f'    identifier={quoteattr(item_id)} title={quoteattr(_title(item_id, quiz))} '
            f'label={quoteattr(" ".join(quiz.objectives))}\n'
            f'    adaptive="false" timeDependent="false" xml:lang="zh-CN">\n')


_SCORE = ('  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">\n'
          '    <defaultValue><value>0</value></defaultValue>\n  </outcomeDeclaration>\n'
          '  <outcomeDeclaration identifier="MAXSCORE" cardinality="single" baseType="float">\n'
          '    <defaultValue><value>1</value></defaultValue>\n  </outcomeDeclaration>\n'
          '  <outcomeDeclaration identifier="EXPLANATION" cardinality="single" baseType="identifier"/>\n')


def _score_if(condition: str) -> str:
    return ("    <responseCondition>\n      <responseIf>\n"
            f"        {condition}\n"
            '        <setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue>\n'
            "      </responseIf>\n    </responseCondition>\n"
            '    <setOutcomeValue identifier="EXPLANATION"><baseValue baseType="identifier">explanation</baseValue>'
            "</setOutcomeValue>\n")


def _explanation(quiz: Quiz, handbook: Handbook) -> str:
    return (f'  <modalFeedback outcomeIdentifier="EXPLANATION" identifier="explanation" showHide="show" title="解析">'
            f"<div>{_html(quiz.explanation, handbook)}</div></modalFeedback>\n")


def choice_item(item_id: str, quiz: Quiz, handbook: Handbook) -> str:
    cardinality = "multiple" if quiz.kind == "multiple" else "single"
    correct = "".join(f"<value>{letter(i)}</value>" for i, option in enumerate(quiz.options) if option.correct)
    choices = "\n".join(f'      <simpleChoice identifier="{letter(i)}">{_html(option.text, handbook, inline=True)}</simpleChoice>'
                        for i, option in enumerate(quiz.options))
    feedback = "".join(
        f'  <modalFeedback outcomeIdentifier="FEEDBACK" identifier="{letter(i)}" showHide="show">'
        f"<p>{_html(option.feedback, handbook, inline=True)}</p></modalFeedback>\n"
        for i, option in enumerate(quiz.options) if option.feedback)
    return (_head(item_id, quiz)
            + f'  <responseDeclaration identifier="RESPONSE" cardinality="{cardinality}" baseType="identifier">\n'
            f"    <correctResponse>{correct}</correctResponse>\n  </responseDeclaration>\n"
            + _SCORE
            + f'  <outcomeDeclaration identifier="FEEDBACK" cardinality="{cardinality}" baseType="identifier"/>\n'
            "  <itemBody>\n"
            f"    <div>{_html(quiz.question, handbook)}</div>\n"
            f'    <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" '
            f'maxChoices="{0 if cardinality == "multiple" else 1}">\n{choices}\n    </choiceInteraction>\n'
            "  </itemBody>\n"
            "  <responseProcessing>\n"
            + _score_if('<match><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></match>')
            + '    <setOutcomeValue identifier="FEEDBACK"><variable identifier="RESPONSE"/></setOutcomeValue>\n'
            "  </responseProcessing>\n"
            + feedback + _explanation(quiz, handbook)
            + "</assessmentItem>\n")


def fill_item(item_id: str, quiz: Quiz, handbook: Handbook) -> str:
    counter = iter(range(len(quiz.blanks)))
    tokenised = _BLANK.sub(lambda _match: _BLANK_TOKEN.format(next(counter)), quiz.question)
    width = max(len(blank) for blank in quiz.blanks) + 2
    body = _BLANK_TOKEN_RE.sub(
        lambda match: f'<textEntryInteraction responseIdentifier="RESPONSE_{int(match.group(1)) + 1}" '
                      f'expectedLength="{width}"/>', _html(tokenised, handbook))
    declarations = "".join(
        f'  <responseDeclaration identifier="RESPONSE_{n}" cardinality="single" baseType="string">\n'
        f"    <correctResponse><value>{escape(blank)}</value></correctResponse>\n"
        f'    <mapping defaultValue="0"><mapEntry mapKey={quoteattr(blank)} mappedValue="1" caseSensitive="false"/></mapping>\n'
        "  </responseDeclaration>\n" for n, blank in enumerate(quiz.blanks, start=1))
    matches = "".join(f'<stringMatch caseSensitive="false"><variable identifier="RESPONSE_{n}"/>'
                      f'<correct identifier="RESPONSE_{n}"/></stringMatch>' for n in range(1, len(quiz.blanks) + 1))
    return (_head(item_id, quiz) + declarations + _SCORE
            + f"  <itemBody>\n    <div>{body}</div>\n  </itemBody>\n"
            + "  <responseProcessing>\n" + _score_if(f"<and>{matches}</and>") + "  </responseProcessing>\n"
            + _explanation(quiz, handbook) + "</assessmentItem>\n")


def items(handbook: Handbook) -> list[Item]:
    """Every well-formed question of a module, case or drill page, in course order."""
    found = []
    for page, quiz in candidates(handbook):
        item_id = question_id(page, quiz)
        xml = fill_item(item_id, quiz, handbook) if quiz.kind == "fill" else choice_item(item_id, quiz, handbook)
        found.append(Item(item_id, page, quiz, xml))
    return found


def assessment_test(title: str, found: list[Item]) -> str:
    sections: dict[str, list[Item]] = {}
    for item in found:
        sections.setdefault(item.page.path, []).append(item)
    parts = []
    for number, group in enumerate(sections.values(), start=1):
        page = group[0].page
        refs = "\n".join(f'        <assessmentItemRef identifier="{item.id}" href="../{item.href}"/>' for item in group)
        parts.append(f'      <assessmentSection identifier="S{number}" title={quoteattr(getattr(page.meta, "title", page.path))} '
                     f'visible="true">\n{refs}\n      </assessmentSection>')
    body = "\n".join(parts)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<assessmentTest xmlns="{NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
            f'    xsi:schemaLocation="{SCHEMA}" identifier="question-bank" title={quoteattr(title)}>\n'
            f'  <testPart identifier="P1" navigationMode="nonlinear" submissionMode="individual">\n'
            f"{body}\n  </testPart>\n</assessmentTest>\n")


def manifest(title: str, edition: str, found: list[Item]) -> str:
    def keywords(item: Item) -> str:
        words = [*item.quiz.objectives, *sorted({module_of(o) for o in item.quiz.objectives}), item.page.id or ""]
        if not item.quiz.in_final:
            words.append("practice-only")
        return "".join(f"<imsmd:keyword><imsmd:langstring xml:lang=\"zh-CN\">{escape(word)}</imsmd:langstring></imsmd:keyword>"
                       for word in words if word)

    resources = "\n".join(
        f'    <resource identifier="{item.id}" type="imsqti_item_xmlv2p1" href="{item.href}">\n'
        f"      <metadata><imsmd:lom><imsmd:general><imsmd:title><imsmd:langstring xml:lang=\"zh-CN\">"
        f"{escape(_title(item.id, item.quiz))}</imsmd:langstring></imsmd:title>{keywords(item)}"
        f"</imsmd:general></imsmd:lom></metadata>\n"
        f'      <file href="{item.href}"/>\n    </resource>' for item in found)
    depends = "\n".join(f'      <dependency identifierref="{item.id}"/>' for item in found)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<manifest identifier="collector-handbook-qti-{escape(edition)}" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"\n'
            f'    xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_v1p2">\n'
            f"  <metadata><schema>IMS Content</schema><schemaversion>1.1.4</schemaversion>"
            f"<imsmd:lom><imsmd:general><imsmd:title><imsmd:langstring xml:lang=\"zh-CN\">{escape(title)}"
            f"</imsmd:langstring></imsmd:title></imsmd:general></imsmd:lom></metadata>\n"
            f"  <organizations/>\n  <resources>\n"
            f'    <resource identifier="question-bank" type="imsqti_test_xmlv2p1" href="{TEST_FILE}">\n'
            f'      <file href="{TEST_FILE}"/>\n{depends}\n    </resource>\n'
            f"{resources}\n  </resources>\n</manifest>\n")


def export(handbook: Handbook, title: str, edition: str, target: Path) -> list[Item]:
    found = items(handbook)
    bank_title = f"{title}（{edition} 版）题库"
    files = {"imsmanifest.xml": manifest(bank_title, edition, found), TEST_FILE: assessment_test(bank_title, found)}
    files.update({item.href: item.xml for item in found})
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in files.items():
            entry = zipfile.ZipInfo(name, _ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, text.encode("utf-8"))
    return found


def main(argv: list[str] | None = None) -> int:
    from .scorm import read_course
    parser = argparse.ArgumentParser(description="把题库导出为 QTI 2.1 题库包（供学习平台导入）。")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="内容目录，默认 docs")
    parser.add_argument("--out", type=Path, default=Path("dist"), help="输出目录，默认 dist")
    args = parser.parse_args(argv)
    pages, data, others = read_docs(args.docs)
    handbook = analyse(pages, data, others)
    broken = [f"{finding}" for finding in handbook.errors if finding.rule.startswith("quiz.")]
    if broken:
        print("有格式错误的题目，请先运行 make check 修正：\n" + "\n".join(broken), file=sys.stderr)
        return 1
    course = read_course(args.docs.resolve().parent)
    target = args.out / f"collector-handbook-{course.edition}-qti21.zip"
    found = export(handbook, course.title, course.edition, target)
    print(f"QTI 2.1 题库包：{target}（{len(found)} 题，{target.stat().st_size:,} 字节）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
