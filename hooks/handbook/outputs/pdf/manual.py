"""The printable manual: one HTML document from the rendered pages, then a PDF.

Plain Python over HTML strings (BeautifulSoup), no MkDocs import; the adapter
``hooks/pdf.py`` collects each page's rendered article and calls ``document``
and ``write_pdf``. What this module does to the site's HTML:

- strips the interactive chrome (permalinks, edit buttons, quiz buttons,
  feedback, progress sidebars, scripts);
- turns each mkdocs-quiz block into a numbered static question with lettered
  options (no form controls), labelled like its entry in the answer key;
- makes every id unique per chapter and rewrites links between pages into
  links inside the document, so the table of contents, cross references and
  the answer key get page numbers (``target-counter`` in manual.css);
- adds a cover, a table of contents and the appendices (printable forms,
  answer key). PDF bookmarks, running headers and page numbers come from
  manual.css.
"""

from __future__ import annotations

import html
import logging
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, Comment, Tag
from bs4.element import NavigableString

from ...content.labels import QUIZ_KIND_LABELS
from . import answer_key

STYLESHEET = Path(__file__).with_name("manual.css")
# Docs paths (prefixes) left out of the printed manual: pages for editors, the
# progress page (it shows what this browser stored; on paper it is empty), and the
# final assessment (drawn and scored in the browser; it prints its own result sheet).
WEB_ONLY_PAGES = ("contributing/", "changelog.md", "reference/maintainers.md", "progress.md", "assessment.md")

# Elements that only make sense on screen.
CHROME_SELECTORS = (
    "a.headerlink", "a.md-content__button", ".md-source-file", ".md-feedback", "script", "style",
    "a.quiz-header-link", "button", ".quiz-feedback", ".answer-feedback", "#quiz-progress-sidebar",
    "#quiz-progress-mobile", ".quiz-progress-mobile", ".md-button.quiz-results-reset",
    ".md-button.quiz-intro-reset", "nav.md-tags", "link", "noscript",
)
MARKS = {"✅": "hb-mark-ok", "❌": "hb-mark-bad"}
_MARK = re.compile("|".join(MARKS))


@dataclass
class Chapter:
    """One page of the site as a chapter of the manual."""

    src: str                 # docs-relative source path
    url: str                 # site-relative URL of the page ("" for the start page)
    title: str               # title in the table of contents, bookmarks and running header
    html: str                # the page's article HTML as rendered for the site
    level: int = 2           # 1: part or top-level page, 2: page inside a part
    prefix: str = ""         # question label prefix (M1, C2, D1 …)
    anchor: str = ""         # id of the chapter in the document (set by ``document``)


@dataclass
class Cover:
    title: str
    organisation: str
    edition: str
    built: str               # as printed on the cover
    created: str = ""        # ISO date for the PDF metadata
    subtitle: str = ""
    notice: str = ""


@dataclass
class Appendix:
    title: str               # e.g. "可打印表单"
    chapters: list[Chapter] = field(default_factory=list)
    body: str = ""           # HTML for an appendix without chapters (the answer key)
    intro: str = ""          # text under the title of an appendix with chapters
    anchor: str = ""


def chapter_anchor(url: str) -> str:
    slug = re.sub(r"[^0-9A-Za-z_\u4e00-\u9fff]+", "-", url.strip("/")).strip("-") or "index"
    return f"ch-{slug}"


def _normal_url(url: str) -> str:
    """Site URL of a page in one spelling: "", "a/", "a/b/"."""
    url = re.sub(r"(^|/)index\.html$", r"\1", url)
    url = re.sub(r"\.html$", "/", url)
    url = posixpath.normpath(url) if url else "."
    return "" if url in (".", "/") else url.strip("/") + "/"


def _resolve(base_url: str, href: str) -> str:
    """Site-relative path that ``href`` on the page at ``base_url`` points to."""
    base = base_url if base_url.endswith("/") or not base_url else posixpath.dirname(base_url) + "/"
    joined = posixpath.normpath(posixpath.join(base, href)) if href else base
    if joined in (".", ""):
        return ""
    return joined.lstrip("/") + ("/" if href.endswith("/") and not joined.endswith("/") else "")


def _attr(tag: Tag, name: str) -> str:
    """An attribute as one string (bs4 gives multi-valued attributes such as class as lists)."""
    value = tag.get(name)
    if isinstance(value, list):
        return " ".join(value)
    return value or ""


def _add_class(tag: Tag, *names: str) -> None:
    tag["class"] = " ".join([*_attr(tag, "class").split(), *names])


def _is_external(href: str) -> bool:
    parts = urlsplit(href)
    return bool(parts.scheme or parts.netloc)


# --- quizzes -----------------------------------------------------------------

def _option_rows(quiz: Tag) -> list[Tag]:
    fieldset = quiz.find("fieldset")
    rows = list(fieldset.find_all("div", recursive=False)) if fieldset else []

    def order(row: Tag) -> int:
        field_ = row.find("input")
        try:
            return int(_attr(field_, "value") or 0) if field_ else 0
        except ValueError:
            return 0
    return sorted(rows, key=order)


def static_quiz(soup: BeautifulSoup, quiz: Tag, question_label: str) -> Tag:
    """A printed question: number, kind, question and lettered options."""
    fill = "quiz-fill-blank" in _attr(quiz, "class").split() or quiz.find("input", class_="quiz-blank-input") is not None
    multiple = quiz.find("input", attrs={"type": "checkbox"}) is not None
    kind = "fill" if fill else "multiple" if multiple else "single"

    block = soup.new_tag("div", attrs={"class": f"hb-quiz hb-quiz-{kind}", "id": answer_key.anchor(question_label)})
    head = soup.new_tag("p", attrs={"class": "hb-quiz-head"})
    number = soup.new_tag("span", attrs={"class": "hb-quiz-number"})
    number.string = question_label
    head.append(number)
    kind_tag = soup.new_tag("span", attrs={"class": "hb-quiz-kind"})
    kind_tag.string = QUIZ_KIND_LABELS[kind]
    head.append(kind_tag)
    block.append(head)

    question = quiz.find(class_="quiz-question")
    body = soup.new_tag("div", attrs={"class": "hb-quiz-question"})
    if question is not None:
        for blank in question.find_all("input"):
            line = soup.new_tag("span", attrs={"class": "hb-blank"})
            line.string = "\u3000" * 4
            blank.replace_with(line)
        for child in list(question.contents):
            body.append(child.extract())
    block.append(body)

    if not fill:
        options = soup.new_tag("ol", attrs={"class": "hb-quiz-options", "type": "A"})
        for row in _option_rows(quiz):
            text = row.find("label")
            item = soup.new_tag("li")
            if text is not None:
                for child in list(text.contents):
                    item.append(child.extract())
            options.append(item)
        block.append(options)
    return block


# --- one chapter ---------------------------------------------------------------

def _strip_chrome(root: Tag) -> None:
    for selector in CHROME_SELECTORS:
        for element in root.select(selector):
            element.decompose()
    for comment in root.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()


def _print_task_lists(soup: BeautifulSoup, root: Tag) -> None:
    for control in root.select("label.task-list-control, input[type=checkbox]"):
        box = control if control.name == "input" else control.find("input")
        checked = box is not None and box.has_attr("checked")
        mark = soup.new_tag("span", attrs={"class": "hb-checkbox" + (" hb-checked" if checked else "")})
        if checked:
            mark.string = "✓"
        control.replace_with(mark)


def _print_tabs(soup: BeautifulSoup, root: Tag) -> None:
    """Tabbed blocks print one after the other, each under its tab label."""
    for tabbed in root.select("div.tabbed-set"):
        labels = [label.get_text(" ", strip=True) for label in tabbed.select(".tabbed-labels > label")]
        blocks = tabbed.select(".tabbed-content > .tabbed-block")
        replacement = soup.new_tag("div", attrs={"class": "hb-tabs"})
        for index, block in enumerate(blocks):
            title = soup.new_tag("p", attrs={"class": "hb-tab-title"})
            title.string = labels[index] if index < len(labels) else ""
            replacement.append(title)
            replacement.append(block.extract())
        tabbed.replace_with(replacement)


def _print_details(soup: BeautifulSoup, root: Tag) -> None:
    """Collapsible blocks print open, styled like admonitions."""
    for details in root.find_all("details"):
        details.name = "div"
        details["class"] = " ".join(["admonition", *_attr(details, "class").split()])
        details.attrs.pop("open", None)
        summary = details.find("summary")
        if summary is not None:
            summary.name = "p"
            summary["class"] = "admonition-title"


def _print_marks(soup: BeautifulSoup, root: Tag) -> None:
    """✅/❌ in colour: the glyphs come from Symbola, the CJK fonts lack them."""
    for text in root.find_all(string=_MARK):
        if text.parent is None or text.parent.name in ("style", "script"):
            continue
        pieces: list[NavigableString | Tag] = []
        last = 0
        for match in _MARK.finditer(text):
            pieces.append(NavigableString(text[last:match.start()]))
            mark = soup.new_tag("span", attrs={"class": f"hb-mark {MARKS[match.group(0)]}"})
            mark.string = match.group(0)
            pieces.append(mark)
            last = match.end()
        pieces.append(NavigableString(text[last:]))
        for piece in pieces:
            text.insert_before(piece)
        text.extract()


@dataclass
class Links:
    """Where the pages of the site are in the document."""

    chapters: dict[str, str]       # normalised page URL -> chapter anchor
    site_dir: Path | None = None   # built site, for images
    site_url: str = ""             # public URL, for links to pages not in the manual


def _relink(root: Tag, chapter: Chapter, links: Links) -> None:
    prefix = chapter.anchor
    for element in root.find_all(id=True):
        element["id"] = f"{prefix}--{element['id']}"
    for element in root.find_all(attrs={"for": True}):  # type: ignore[call-overload]  # bs4 accepts True
        del element["for"]
    for link in root.find_all("a", href=True):
        href = _attr(link, "href")
        if href.startswith(("mailto:", "tel:")):
            continue
        if _is_external(href):
            _add_class(link, "hb-external")
            continue
        path, _, fragment = href.partition("#")
        fragment = unquote(fragment)
        if not path:
            link["href"] = f"#{prefix}--{fragment}" if fragment else f"#{prefix}"
            continue
        target = _resolve(chapter.url, unquote(path))
        anchor = links.chapters.get(_normal_url(target))
        if anchor is not None:
            link["href"] = f"#{anchor}--{fragment}" if fragment else f"#{anchor}"
            if anchor != prefix:
                _add_class(link, "hb-xref")
        elif links.site_url:
            link["href"] = urljoin(links.site_url, target + (f"#{fragment}" if fragment else ""))
            _add_class(link, "hb-external")
        else:
            link.unwrap()
    for image in root.find_all("img", src=True):
        src = _attr(image, "src")
        if _is_external(src) or src.startswith("data:") or links.site_dir is None:
            continue
        image["src"] = (links.site_dir / _resolve(chapter.url, unquote(src))).resolve().as_uri()
        image.attrs.pop("loading", None)


def print_chapter(soup: BeautifulSoup, chapter: Chapter, links: Links) -> Tag:
    """The ``<section>`` of one chapter, ready for print."""
    fragment = BeautifulSoup(chapter.html, "html.parser")
    root = fragment.find("article") or fragment
    for number, quiz in enumerate(root.select("div.quiz"), start=1):
        prefix = chapter.prefix or chapter.anchor
        quiz.replace_with(static_quiz(fragment, quiz, answer_key.label(prefix, number)))
    _strip_chrome(root)
    _print_task_lists(fragment, root)
    _print_tabs(fragment, root)
    _print_details(fragment, root)
    _print_marks(fragment, root)
    _relink(root, chapter, links)
    # ids made for the question blocks must stay global: the answer key links to them
    for block in root.select("div.hb-quiz"):
        block["id"] = _attr(block, "id").split("--", 1)[-1]
    title = root.find("h1")
    if title is not None:
        _add_class(title, "hb-page-title")

    section = soup.new_tag("section", attrs={
        "class": f"hb-chapter hb-level-{chapter.level}", "id": chapter.anchor, "data-title": chapter.title})
    for child in list(root.contents):
        section.append(child.extract())
    return section


# --- the whole document ---------------------------------------------------------

def _cover(cover: Cover) -> str:
    escape = html.escape
    subtitle = f'<p class="hb-cover-subtitle">{escape(cover.subtitle)}</p>' if cover.subtitle else ""
    notice = f'<p class="hb-cover-notice">{escape(cover.notice)}</p>' if cover.notice else ""
    return (f'<section class="hb-cover"><p class="hb-cover-org">{escape(cover.organisation)}</p>'
            f'<h1 class="hb-cover-title">{escape(cover.title)}</h1>{subtitle}'
            '<div class="hb-cover-rule"></div>'
            f'<table class="hb-cover-meta"><tr><th>版本</th><td>{escape(cover.edition)}</td></tr>'
            f'<tr><th>印制日期</th><td>{escape(cover.built)}</td></tr></table>{notice}</section>')


def _toc(entries: list[tuple[int, str, str]]) -> str:
    items = "".join(
        f'<li class="hb-toc-{level}"><a href="#{html.escape(anchor)}">{html.escape(title)}</a></li>'
        for level, title, anchor in entries)
    return f'<section class="hb-toc" id="toc" data-title="目录"><h1>目录</h1><ul>{items}</ul></section>'


def document(cover: Cover, chapters: list[Chapter], appendices: list[Appendix],
             site_dir: Path | None = None, site_url: str = "", lang: str = "zh-CN") -> str:
    """The complete HTML of the manual."""
    for chapter in chapters + [c for appendix in appendices for c in appendix.chapters]:
        chapter.anchor = chapter.anchor or chapter_anchor(chapter.url or chapter.src)
    for number, appendix in enumerate(appendices, start=1):
        appendix.anchor = appendix.anchor or f"appendix-{number}"
    all_chapters = chapters + [c for appendix in appendices for c in appendix.chapters]
    links = Links({_normal_url(c.url): c.anchor for c in all_chapters}, site_dir, site_url)

    created = f'<meta name="dcterms.created" content="{html.escape(cover.created)}">' if cover.created else ""
    soup = BeautifulSoup(
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(cover.title)}</title>"
        f'<meta name="author" content="{html.escape(cover.organisation)}">'
        f'<meta name="description" content="{html.escape(cover.subtitle)}">'
        f"{created}</head><body></body></html>", "html.parser")
    body = soup.body
    assert body is not None, "the skeleton above has a <body>"
    toc_entries: list[tuple[int, str, str]] = []
    body.append(BeautifulSoup(_cover(cover), "html.parser"))
    body.append(soup.new_tag("div", attrs={"id": "toc-slot"}))
    for chapter in chapters:
        toc_entries.append((chapter.level, chapter.title, chapter.anchor))
        body.append(print_chapter(soup, chapter, links))
    numerals = "一二三四五六七八九十"
    for number, appendix in enumerate(appendices, start=1):
        name = f"附录{numerals[number - 1] if number <= len(numerals) else number} {appendix.title}"
        toc_entries.append((1, name, appendix.anchor))
        part = soup.new_tag("section", attrs={"class": "hb-chapter hb-appendix hb-level-1",
                                               "id": appendix.anchor, "data-title": name})
        if appendix.body:
            part.append(BeautifulSoup(appendix.body.replace(
                f">{html.escape(appendix.title)}</h1>", f">{html.escape(name)}</h1>", 1), "html.parser"))
        else:
            heading = soup.new_tag("h1", attrs={"class": "hb-appendix-title"})
            heading.string = name
            part.append(heading)
            if appendix.intro:
                intro = soup.new_tag("p")
                intro.string = appendix.intro
                part.append(intro)
            listing = soup.new_tag("ul", attrs={"class": "hb-appendix-list"})
            for chapter in appendix.chapters:
                item = soup.new_tag("li")
                link = soup.new_tag("a", attrs={"href": f"#{chapter.anchor}"})
                link.string = chapter.title
                item.append(link)
                listing.append(item)
            part.append(listing)
        body.append(part)
        for chapter in appendix.chapters:
            toc_entries.append((2, chapter.title, chapter.anchor))
            body.append(print_chapter(soup, chapter, links))
    slot = soup.find(id="toc-slot")
    assert slot is not None, "added above"
    slot.replace_with(BeautifulSoup(_toc(toc_entries), "html.parser"))
    return str(soup)


def write_pdf(document_html: str, target: Path, base_url: str | None = None,
              stylesheet: Path = STYLESHEET) -> tuple[int, list[str]]:
    """Render the manual with WeasyPrint; returns the page count and WeasyPrint's warnings and errors."""
    import weasyprint  # imported here: only PDF builds need WeasyPrint and its libraries

    problems: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            problems.append(record.getMessage())

    handler = Collect(level=logging.WARNING)
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        rendered = weasyprint.HTML(string=document_html, base_url=base_url).render(
            stylesheets=[weasyprint.CSS(filename=str(stylesheet))])
        target.parent.mkdir(parents=True, exist_ok=True)
        rendered.write_pdf(target)
    finally:
        logger.removeHandler(handler)
    return len(rendered.pages), problems
