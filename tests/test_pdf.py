"""The printable manual: built once (ENABLE_PDF_EXPORT=1, strict), then opened
and inspected with pypdf and poppler (pdftotext, pdffonts, pdftoppm)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fontTools.ttLib import TTCollection, TTFont  # type: ignore[import-untyped]
from mkdocs.config import load_config
from pypdf import PdfReader

from handbook.check import GENERATED_FILES
from handbook.content.sources import read_docs
from handbook.outputs.pdf import answer_key
from handbook.outputs.pdf.manual import WEB_ONLY_PAGES
from handbook.pipeline import analyse

ROOT = Path(__file__).resolve().parent.parent
PDF_PATH = "downloads/handbook.pdf"
FONT_FAMILIES = ("Noto Sans CJK SC", "Noto Serif CJK SC", "Noto Sans Mono CJK SC", "Symbola")


@pytest.fixture(scope="session")
def manual(tmp_path_factory) -> dict:
    """Build the site with the PDF once; return the PDF, its text per page and its outline."""
    site = tmp_path_factory.mktemp("pdf-site")
    started = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "ENABLE_PDF_EXPORT": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=ROOT, env=env, check=False, capture_output=True, text=True, timeout=900)
    seconds = time.perf_counter() - started
    assert result.returncode == 0, f"strict PDF build failed:\n{result.stdout}\n{result.stderr}"
    pdf = site / PDF_PATH
    assert pdf.is_file(), "make pdf wrote no site/downloads/handbook.pdf"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
    reader = PdfReader(pdf)
    outline = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                number = reader.get_destination_page_number(item)
                assert number is not None
                outline.append((depth, item.title, number + 1))
    walk(reader.outline, 1)
    print(f"\nPDF manual: {len(reader.pages)} pages, {pdf.stat().st_size / 1e6:.1f} MB, build {seconds:.0f} s")
    return {"path": pdf, "site": site, "reader": reader, "pages": pages, "outline": outline, "log": result.stderr}


@pytest.fixture(scope="session")
def handbook():
    pages, data, others = read_docs(ROOT / "docs")
    return analyse(pages, data, others | GENERATED_FILES)


@pytest.fixture(scope="session")
def nav_titles() -> dict[str, str]:
    """Docs path -> title in the navigation (the title the manual prints in its TOC)."""
    titles: dict[str, str] = {}

    def walk(items):
        for item in items:
            if isinstance(item, dict):
                for title, value in item.items():
                    if isinstance(value, str):
                        titles[value] = title
                    else:
                        walk(value)
    walk(load_config(str(ROOT / "mkdocs.yml"))["nav"] or [])
    return titles


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _title(page, nav_titles) -> str:
    return nav_titles.get(page.path) or page.meta.title


def _bookmarks(manual) -> dict[str, int]:
    """Bookmark title -> page, first occurrence (the answer key repeats chapter titles)."""
    found: dict[str, int] = {}
    for _, title, page in manual["outline"]:
        found.setdefault(title, page)
    return found


def _key_text(manual) -> str:
    start = next(i for i, page in enumerate(manual["pages"]) if re.search(r"附录.\s*答案与解析", page.split("\n", 3)[-1])
                 and "题号与正文中的题号一致" in page)
    return _flat("".join(manual["pages"][start:]))


def test_page_count_is_sane_and_a4(manual):
    reader = manual["reader"]
    assert 30 <= len(reader.pages) <= 600
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595.28) < 1 and abs(height - 841.89) < 1  # A4 in points


def test_cover_names_title_organisation_edition_and_date(manual):
    cover = manual["pages"][0]
    for text in ("收债人职业素养培训手册", "手册编写组", "版本", "印制日期"):
        assert text in cover
    assert re.search(r"\d{4} 年 \d{1,2} 月 \d{1,2} 日", cover)
    assert manual["reader"].metadata.title == "收债人职业素养培训手册"


def test_outline_has_every_module_case_and_appendix(manual, handbook, nav_titles):
    titles = _bookmarks(manual)
    expected = handbook.modules + handbook.cases + handbook.drills
    assert handbook.modules and handbook.cases
    for page in expected:
        title = _title(page, nav_titles)
        assert title in titles, f"no PDF bookmark for {page.path} ({title})"
        first = manual["pages"][titles[title] - 1]
        heading = next(h.title for h in page.headings if h.level == 1)
        # each chapter starts on a new page: its H1 comes right after the running header
        assert _flat(heading) in _flat(first)[:len(heading) + 80], f"{page.path} does not start page {titles[title]}"
    appendix = [title for depth, title, _ in manual["outline"] if depth == 1 and title.startswith("附录")]
    assert any(title.endswith("答案与解析") for title in appendix)
    if any(path.startswith("program/forms/") for path in handbook.pages):
        assert any(title.endswith("可打印表单") for title in appendix)
    assert "目录" in titles
    for path, title in nav_titles.items():
        if path.startswith(WEB_ONLY_PAGES):
            assert title not in titles, f"{path} is for the website only, not for the printed manual"


def test_procedures_quick_reference_is_an_appendix_with_every_procedure(manual, handbook):
    appendix = [title for depth, title, _ in manual["outline"] if depth == 1 and title.startswith("附录")]
    assert appendix[0].endswith("操作规范速查"), appendix   # first appendix, before the forms and the key
    start = next(i for i, page in enumerate(manual["pages"]) if "手册各章讲到的流程、清单和阈值都以本附录为准" in page)
    text = _flat("".join(manual["pages"][start:]))
    assert len(handbook.procedures) >= 14
    for procedure in handbook.procedures:
        assert _flat(procedure.name) in text and _flat(procedure.steps[-1].text)[:30] in text, procedure.id


def test_toc_lists_chapters_with_their_page_numbers(manual, handbook, nav_titles):
    toc = "\n".join(manual["pages"][1:4])
    assert "目录" in manual["pages"][1]
    bookmarks = _bookmarks(manual)
    for page in handbook.modules + handbook.cases:
        title = _title(page, nav_titles)
        match = re.search(re.escape(title) + r"[\s.·…]*?(\d+)\s*$", toc, re.MULTILINE)
        assert match, f"{title} is not in the table of contents with a page number"
        assert int(match.group(1)) == bookmarks[title], f"TOC page of {title} differs from where it starts"


def test_every_page_after_the_cover_has_its_number_in_the_footer(manual):
    pages = manual["pages"]
    total = len(pages)
    assert "第 1 页" not in pages[0]
    for number, text in enumerate(pages[1:], start=2):
        assert f"第 {number} 页 / 共 {total} 页" in text, f"page {number} has no page number"


def test_running_header_names_the_chapter(manual, handbook, nav_titles):
    bookmarks = _bookmarks(manual)
    module = handbook.modules[0]
    title = _title(module, nav_titles)
    following = manual["pages"][bookmarks[title]]  # the second page of the first module
    assert following.lstrip().startswith(title)


def test_fonts_are_embedded_simplified_chinese(manual):
    lines = subprocess.run(["pdffonts", str(manual["path"])], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert lines
    fonts = [line.split() for line in lines]
    names = [f[0] for f in fonts]
    for line in lines:
        columns = line.split()
        emb = columns[-5]
        assert emb == "yes", f"font not embedded: {line}"
        assert "Type 3" not in line, f"Type 3 font: {line}"
    assert any("CJK-SC" in name for name in names), names
    assert not any(re.search(r"CJK-(JP|KR|TC|HK)", name) for name in names), names


def _font_cmap(family: str) -> set[int]:
    found = subprocess.run(["fc-match", "-f", "%{family}|%{file}|%{index}", family], capture_output=True, text=True,
                           check=True).stdout
    names, path, index = found.split("|")
    assert family in names.split(","), f"font {family} is not installed (fc-match gave {names})"
    font = TTCollection(path).fonts[int(index)] if path.endswith(".ttc") else TTFont(path, fontNumber=int(index))
    return set(font.getBestCmap())


def test_text_is_extractable_and_every_character_has_a_glyph(manual, nav_titles):
    text = "".join(manual["pages"])
    assert "\ufffd" not in text
    for phrase in ("收债人职业素养培训手册", "学习目标", "自测题", "答案与解析", "诉讼时效", "软暴力", "个人信息",
                   *[title for path, title in nav_titles.items() if path.startswith(("curriculum/m", "cases/c"))]):
        assert phrase in text, f"“{phrase}” cannot be extracted from the PDF"
    covered: set[int] = set()
    for family in FONT_FAMILIES:
        covered |= _font_cmap(family)
    missing = sorted({ch for ch in text if not ch.isspace() and ord(ch) >= 32 and ord(ch) not in covered})
    assert not missing, f"characters without a glyph (would print as boxes): {missing}"
    assert "PDF 手册排版问题" not in manual["log"]


def test_quizzes_print_without_interactive_chrome(manual):
    text = "\n".join(manual["pages"])
    lines = {line.strip() for line in text.splitlines()}
    for ui in ("提交", "重置", "重新作答", "再试一次"):
        assert ui not in lines, f"quiz button “{ui}” printed"
    for ui in ("测验进度", "已回答", "本节链接", "¶"):
        assert ui not in text
    reader = manual["reader"]
    assert "/AcroForm" not in reader.trailer["/Root"], "the PDF has form fields"
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            assert annotation.get_object().get("/Subtype") != "/Widget"


def test_every_quiz_question_is_numbered_in_the_text_and_answered_in_the_key(manual, handbook):
    body = _flat("".join(manual["pages"]))
    key = _key_text(manual)
    total = 0
    for page in handbook.pages.values():
        valid = [quiz for quiz in page.quizzes if quiz.is_valid]
        if not valid or page.path.startswith(WEB_ONLY_PAGES):
            continue
        prefix = getattr(page.meta, "id", None)  # pages without an id are numbered P<chapter>
        for number, quiz in enumerate(valid, start=1):
            total += 1
            label = answer_key.label(prefix, number) if prefix else f"{page.path}:{quiz.line}"
            question = _flat(BeautifulSoup(answer_key.markdown_html(answer_key.question_text(quiz)),
                                           "html.parser").get_text())
            assert question in key, f"{label} ({page.path}:{quiz.line}) is missing from 答案与解析"
            if prefix:
                assert label in key and label in body.replace(key, ""), f"{label} is not numbered in the text"
            for answer in answer_key.entries([answer_key.ChapterQuizzes(prefix or "", "", [quiz])])[0].answers_html:
                assert _flat(BeautifulSoup(answer, "html.parser").get_text()) in key
    assert total >= 20


def test_answer_key_entries_give_the_page_of_their_question(manual):
    key_pages = [i for i, page in enumerate(manual["pages"], start=1) if "题号与正文中的题号一致" in page]
    text = manual["pages"][key_pages[0] - 1]
    # An entry starts with its label and kind, "M1-1 （单选） … 第 30 页"; the intro's example "如 M1-3" is not one.
    entries = re.findall(r"(M\d+-\d+)\s*（(?:单选|多选|填空)）.*?第 (\d+) 页", text, re.DOTALL)
    assert len(entries) >= 3, "answer key entries carry no page reference"
    for label, page in entries:
        assert int(page) < key_pages[0] and label in manual["pages"][int(page) - 1], (label, page)


def test_a_quiz_page_renders_to_png(manual, tmp_path):
    number = next(i for i, page in enumerate(manual["pages"], start=1) if re.search(r"M1-1\s", page))
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", str(number), "-l", str(number), "-singlefile",
                    str(manual["path"]), str(tmp_path / "quiz-page")], check=True)
    image = tmp_path / "quiz-page.png"
    assert image.stat().st_size > 20_000
    preview = ROOT / "build" / "pdf-preview"
    preview.mkdir(parents=True, exist_ok=True)
    (preview / "quiz-page.png").write_bytes(image.read_bytes())  # for a person to look at (build/ is ignored)


def test_normal_build_has_no_pdf_and_no_download_button(built_site):
    assert not (built_site / PDF_PATH).exists()
    assert "hb-pdf-download" not in (built_site / "index.html").read_text(encoding="utf-8")


def test_pdf_build_links_the_manual_from_every_page(manual):
    start = (manual["site"] / "index.html").read_text(encoding="utf-8")
    assert 'href="downloads/handbook.pdf"' in start and "hb-pdf-download" in start
    module = next(manual["site"].glob("curriculum/m1-*/index.html")).read_text(encoding="utf-8")
    assert 'href="../../downloads/handbook.pdf"' in module


def test_browser_print_stylesheet_and_script_are_linked(built_site):
    page = next(built_site.glob("curriculum/m1-*/index.html")).read_text(encoding="utf-8")
    assert "assets/stylesheets/print.css" in page and "assets/javascripts/print.js" in page
    css = (built_site / "assets/stylesheets/print.css").read_text(encoding="utf-8")
    for rule in ("@media print", ".quiz-button", ".md-sidebar", "details", 'a[href^="http"]'):
        assert rule in css
