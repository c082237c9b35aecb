"""The packages an employer imports: `make scorm` (SCORM 1.2) and `make qti` (QTI 2.1 question bank),
built once and inspected: manifests, every file and link inside the package, every question with
its correct answers, feedback and objectives, and the QTI structure the exporter targets."""

from __future__ import annotations

import posixpath
import re
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import pytest
from site_build import ROOT

from handbook.check import GENERATED_FILES
from handbook.content.final_pool import candidates, question_id
from handbook.content.sources import read_docs
from handbook.outputs.pdf.answer_key import letter
from handbook.pipeline import analyse
from handbook.tools import scorm

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
IMSCP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
IMSMD = "{http://www.imsglobal.org/xsd/imsmd_v1p2}"


def find(element: ElementTree.Element, path: str) -> ElementTree.Element:
    found = element.find(path)
    assert found is not None, path
    return found


@pytest.fixture(scope="session")
def handbook():
    pages, data, others = read_docs(ROOT / "docs")
    return analyse(pages, data, others | GENERATED_FILES)


# --- SCORM 1.2 ---------------------------------------------------------------------------------

def test_scorm_manifest_describes_one_sco_with_every_file(scorm_zip: Path):
    course = scorm.read_course(ROOT)
    assert scorm_zip.name == f"collector-handbook-{course.edition}-scorm12.zip"
    print(f"SCORM package: {scorm_zip.stat().st_size:,} bytes")
    with zipfile.ZipFile(scorm_zip) as archive:
        names = set(archive.namelist())
        root = ElementTree.fromstring(archive.read("imsmanifest.xml"))
    assert root.tag == f"{CP}manifest"
    assert root.findtext(f"{CP}metadata/{CP}schema") == "ADL SCORM"
    assert root.findtext(f"{CP}metadata/{CP}schemaversion") == "1.2"
    organizations = find(root, f"{CP}organizations")
    default = organizations.get("default")
    [organization] = organizations.findall(f"{CP}organization")
    assert organization.get("identifier") == default and course.edition in organization.findtext(f"{CP}title", "")
    [item] = organization.findall(f"{CP}item")
    assert item.findtext(f"{ADLCP}masteryscore") == str(course.mastery_score)
    [resource] = root.findall(f"{CP}resources/{CP}resource")
    assert resource.get("identifier") == item.get("identifierref")
    assert resource.get(f"{ADLCP}scormtype") == "sco" and resource.get("type") == "webcontent"
    assert resource.get("href") == scorm.LAUNCH_PAGE
    listed = {entry.get("href") for entry in resource.findall(f"{CP}file")}
    assert listed == names - {"imsmanifest.xml"}
    for needed in (scorm.LAUNCH_PAGE, scorm.LAUNCH_SCRIPT, "index.html", "assessment.html", "progress.html",
                   "assets/progress-data.json", "assets/javascripts/handbook-state.js", "search/search_index.json"):
        assert needed in names, needed
    assert not any(name.endswith(".map") or name.startswith("sitemap") for name in names)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and ((name == "href" and tag in ("a", "link")) or (name == "src" and tag in ("script", "img", "iframe"))):
                self.links.append(value)


def test_scorm_pages_link_only_to_files_inside_the_package(scorm_zip: Path):
    """Relative links to real files (no directory URLs a web server would have to resolve)."""
    broken: dict[str, list[str]] = {}
    with zipfile.ZipFile(scorm_zip) as archive:
        names = set(archive.namelist())
        pages = [name for name in names if name.endswith(".html")]
        assert len(pages) > 30
        for page in pages:
            parser = _Links()
            parser.feed(archive.read(page).decode("utf-8"))
            for link in parser.links:
                parts = urlsplit(link)
                if parts.scheme or parts.netloc or not parts.path:
                    continue  # another site (opened by the learner), or an anchor on the page
                target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
                if parts.path.startswith("/") or target not in names:
                    broken.setdefault(page, []).append(link)
    assert broken == {}


# --- QTI 2.1 ---------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def qti_zip(tmp_path_factory) -> Path:
    """`make qti` (the same command line), into a scratch directory."""
    out = tmp_path_factory.mktemp("qti")
    result = subprocess.run([sys.executable, "-m", "handbook.tools.qti", "--docs", str(ROOT / "docs"), "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "hooks")}, check=False)
    assert result.returncode == 0, result.stderr
    [package] = out.glob("*-qti21.zip")
    print(result.stdout.strip())
    return package


# Elements of QTI 2.1 an item of ours may contain: the item model, the XHTML subset QTI allows in
# item bodies, and the interactions and response processing we use.
ITEM_ELEMENTS = {
    "assessmentItem", "responseDeclaration", "correctResponse", "value", "mapping", "mapEntry", "outcomeDeclaration",
    "defaultValue", "itemBody", "choiceInteraction", "simpleChoice", "textEntryInteraction", "responseProcessing",
    "responseCondition", "responseIf", "match", "and", "stringMatch", "variable", "correct", "setOutcomeValue",
    "baseValue", "modalFeedback",
    "div", "p", "span", "strong", "em", "b", "i", "code", "br", "ul", "ol", "li", "a", "sub", "sup", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "pre", "hr", "dl", "dt", "dd", "abbr", "q", "kbd",
}


def _items(package: Path) -> tuple[dict[str, ElementTree.Element], ElementTree.Element, ElementTree.Element, set[str]]:
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        items = {name: ElementTree.fromstring(archive.read(name)) for name in names if name.startswith("items/")}
        return items, ElementTree.fromstring(archive.read("imsmanifest.xml")), \
            ElementTree.fromstring(archive.read("tests/question-bank.xml")), names


def _text(element: ElementTree.Element) -> str:
    return "".join(element.itertext()).strip()


def test_every_question_is_in_the_qti_export_with_its_answers_feedback_and_objectives(qti_zip: Path, handbook):
    items, manifest, test, _names = _items(qti_zip)
    questions = candidates(handbook)
    assert len(items) == len(questions) > 80
    for page, quiz in questions:
        item_id = question_id(page, quiz)
        item = items[f"items/{item_id}.xml"]
        assert item.get("identifier") == item_id
        assert item.get("label", "").split() == list(quiz.objectives)
        body = find(item, f"{QTI}itemBody")
        feedback = {f.get("identifier"): _text(f) for f in item.findall(f"{QTI}modalFeedback")}
        assert feedback["explanation"].startswith(re.sub(r"[*`]", "", quiz.explanation)[:10])
        if quiz.kind == "fill":
            for number, blank in enumerate(quiz.blanks, start=1):
                declaration = find(item, f"{QTI}responseDeclaration[@identifier='RESPONSE_{number}']")
                assert declaration.findtext(f"{QTI}correctResponse/{QTI}value") == blank
                assert find(declaration, f"{QTI}mapping/{QTI}mapEntry").get("mapKey") == blank
            assert len(body.findall(f".//{QTI}textEntryInteraction")) == len(quiz.blanks)
        else:
            declaration = find(item, f"{QTI}responseDeclaration[@identifier='RESPONSE']")
            assert declaration.get("cardinality") == ("multiple" if quiz.kind == "multiple" else "single")
            correct = [value.text for value in declaration.findall(f"{QTI}correctResponse/{QTI}value")]
            assert correct == [letter(i) for i, option in enumerate(quiz.options) if option.correct]
            choices = body.findall(f".//{QTI}simpleChoice")
            assert [choice.get("identifier") for choice in choices] == [letter(i) for i in range(len(quiz.options))]
            interaction = find(body, f".//{QTI}choiceInteraction")
            assert interaction.get("maxChoices") == ("0" if quiz.kind == "multiple" else "1")
            for index, option in enumerate(quiz.options):
                assert (letter(index) in feedback) == bool(option.feedback)
    # the manifest carries the objectives as keywords; the test references every item once
    keywords = {resource.get("identifier"): {_text(k) for k in resource.iter(f"{IMSMD}keyword")}
                for resource in manifest.iter(f"{IMSCP}resource")}
    for page, quiz in questions:
        assert set(quiz.objectives) <= keywords[question_id(page, quiz)]
    refs = [ref.get("identifier", "") for ref in test.iter(f"{QTI}assessmentItemRef")]
    assert sorted(refs) == sorted(question_id(page, quiz) for page, quiz in questions)


def test_qti_items_follow_the_qti_2_1_structure_they_use(qti_zip: Path):
    """Not the full IMS schema (not available offline), but every rule of it our items rely on."""
    items, manifest, test, names = _items(qti_zip)
    order = ["responseDeclaration", "outcomeDeclaration", "itemBody", "responseProcessing", "modalFeedback"]
    for name, item in items.items():
        assert item.tag == f"{QTI}assessmentItem", name
        for attribute in ("identifier", "title", "adaptive", "timeDependent"):
            assert item.get(attribute), (name, attribute)
        assert re.fullmatch(r"[A-Za-z_][\w.-]*", item.get("identifier", "")), name
        children = [child.tag.removeprefix(QTI) for child in item]
        assert children == sorted(children, key=order.index), (name, children)
        for element in item.iter():
            assert element.tag.startswith(QTI) and element.tag.removeprefix(QTI) in ITEM_ELEMENTS, (name, element.tag)
        responses = {d.get("identifier", ""): d for d in item.findall(f"{QTI}responseDeclaration")}
        outcomes = {d.get("identifier"): d for d in item.findall(f"{QTI}outcomeDeclaration")}
        interactions = [e for e in item.iter() if e.tag in (f"{QTI}choiceInteraction", f"{QTI}textEntryInteraction")]
        assert sorted(e.get("responseIdentifier", "") for e in interactions) == sorted(responses), name
        for declaration in responses.values():
            assert declaration.get("cardinality") in ("single", "multiple") and declaration.get("baseType"), name
            assert declaration.find(f"{QTI}correctResponse/{QTI}value") is not None, name
        choice_ids = {c.get("identifier") for c in item.iter(f"{QTI}simpleChoice")}
        for value in item.iter(f"{QTI}value"):
            parent_response = next((d for d in responses.values() if value in d.iter()), None)
            if parent_response is not None and parent_response.get("baseType") == "identifier":
                assert value.text in choice_ids, name
        for variable in item.iter(f"{QTI}variable"):
            assert variable.get("identifier") in responses or variable.get("identifier") in outcomes, name
        for target in item.iter(f"{QTI}setOutcomeValue"):
            assert target.get("identifier") in outcomes, name
        for feedback in item.findall(f"{QTI}modalFeedback"):
            assert feedback.get("outcomeIdentifier") in outcomes, name
            assert feedback.get("identifier") in choice_ids | {"explanation"}, name
            assert feedback.get("showHide") in ("show", "hide"), name
        for text_entry in item.iter(f"{QTI}textEntryInteraction"):
            parent = next(p for p in item.iter() if text_entry in list(p))
            assert parent.tag.removeprefix(QTI) in ("p", "span", "strong", "em", "li", "td", "div"), name
    # the package: every file listed in the manifest exists, and every item file is listed
    hrefs = {f.get("href") for f in manifest.iter(f"{IMSCP}file")}
    assert hrefs == names - {"imsmanifest.xml"}
    assert test.tag == f"{QTI}assessmentTest"
    for ref in test.iter(f"{QTI}assessmentItemRef"):
        assert posixpath.normpath(posixpath.join("tests", ref.get("href", ""))) in names
