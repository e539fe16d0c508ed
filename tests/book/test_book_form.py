"""The book reads as a book: the introduction answers first, the running text
carries no apparatus, nothing is said twice, the theme chapters keep to a few
tables and figures, and the English PDF stays the length of a print book."""

import re
import subprocess
from collections import defaultdict

import pytest
from bs4 import BeautifulSoup


ARGUED = ["intro", "context", "political", "economy", "halal", "humanitarian"]
THEMES = ["political", "economy", "halal", "humanitarian"]
CODE = re.compile(r"\b[SC]\d{3}\b")
NOT_RUNNING_TEXT = ["table", "figure", "figcaption", "blockquote", "pre", "nav", "header", "footer"]
SHORTEST_REPEAT = 12  # words: a sentence this long said on two pages is said twice
MOST_TABLES, MOST_FIGURES = 4, 3
MOST_PDF_PAGES = 100


def article(html: str):
    soup = BeautifulSoup(html, "html.parser")
    return soup.find("article") or soup


def running_text(html: str) -> list[str]:
    """Paragraphs, list items and definitions outside tables, quotations and figures."""
    out = []
    for element in article(html).find_all(["p", "li", "dd", "dt"]):
        if element.find_parent(NOT_RUNNING_TEXT) or element.find_parent(class_=["oicbook-parallel", "citation", "bibliography"]) or "oicbook-citation" in (element.get("class") or []):
            continue
        if element.find_parent(["li", "dd"]) and element.name == "p":
            continue
        out.append(" ".join(element.get_text(" ").split()))
    return out


def sentences(texts: list[str]) -> set[str]:
    """The long sentences of these texts, compared without case and punctuation."""
    found = set()
    for text in texts:
        for sentence in re.split(r"(?<=[.!?;:])\s+", text):
            words = re.findall(r"[^\W_]+", sentence.lower())
            if len(words) >= SHORTEST_REPEAT:
                found.add(" ".join(words))
    return found


def repeated(pages: dict[str, str]) -> dict[str, list[str]]:
    """Each long sentence that stands on more than one page, with the pages."""
    where = defaultdict(list)
    for name, html in pages.items():
        for sentence in sentences(running_text(html)):
            where[sentence].append(name)
    return {s: names for s, names in where.items() if len(names) > 1}


@pytest.fixture(scope="module")
def chapter_pages(built_book):
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted((built_book.html / "chapters").glob("*.html"))}


def test_the_introduction_opens_with_findings_linked_to_their_evidence(chapter_pages):
    page = article(chapter_pages["intro"])
    first = page.find("section").find("section")  # the chapter's first section
    items = first.find_all("li")
    assert len(items) >= 5, "the introduction opens with its findings, one to an item"
    links = [a["href"] for a in first.find_all("a", href=True)]
    assert sum(h.startswith("ledger.html#c") for h in links) >= 4, "its figures link to their ledger entries"
    assert {f"{t}.html" for t in THEMES} <= {h.split("#")[0] for h in links}, "each finding points to the chapter that argues it"
    assert not page.find("table") and not page.find("figure")


@pytest.mark.parametrize("chapter", ARGUED)
def test_running_text_and_key_findings_hold_no_codes(chapter_pages, chapter):
    texts = running_text(chapter_pages[chapter])
    assert texts
    assert [t for t in texts if CODE.search(t)] == []
    for box in article(chapter_pages[chapter]).select("div.findings, aside.findings"):
        text = box.get_text(" ")
        assert not CODE.search(text), text[:200]


def test_no_long_sentence_is_said_on_two_pages(chapter_pages):
    assert repeated(chapter_pages) == {}


def test_the_repeat_scan_finds_a_repeat():
    long = "The article dates the clause on Islamic investment funds to the year of the law it went into."
    pages = {"a": f"<article><p>{long} Other words.</p></article>", "b": f"<article><ul><li>{long.upper()}</li></ul></article>",
             "c": "<article><p>The article dates the clause to a year.</p></article>"}
    assert list(repeated(pages).values()) == [["a", "b"]]
    assert running_text("<article><blockquote><p>S001 quoted</p></blockquote><p>C002 here</p></article>") == ["C002 here"]


@pytest.mark.parametrize("chapter", THEMES)
def test_a_theme_chapter_keeps_to_a_few_tables_and_figures(chapter_pages, chapter):
    page = article(chapter_pages[chapter])
    assert len(page.find_all("table")) <= MOST_TABLES
    assert len(page.find_all("figure")) <= MOST_FIGURES
    assert not page.find(id=re.compile(r"^tbl-.*-claims$")), "a chapter links its part of the ledger, never repeats it"


def test_the_english_pdf_is_a_print_book_without_bibtex(built_book):
    info = subprocess.run(["pdfinfo", str(built_book.pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert pages <= MOST_PDF_PAGES
    text = subprocess.run(["pdftotext", str(built_book.pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert not re.search(r"@(book|incollection|misc|article)\{", text)
