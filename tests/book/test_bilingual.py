"""Every quote of the article, on every page, shows the Kazakh (lang="kk") and
under it the book's English, each labelled; the source text is a parallel
text, sentence by sentence; the PDF carries both languages."""

from __future__ import annotations

import re
import subprocess

import pytest
from bs4 import BeautifulSoup

from conftest import REPO, rows
from oicbook.report.labels import t

SENTENCES = {r["id"]: r for r in rows("sentences.csv")}
ENGLISH = {r["sentence_id"]: r for r in rows("translations.csv")}
CHAPTERS = sorted(p.stem for p in (REPO / "chapters").glob("*.md"))


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def soup(built_book, name: str) -> BeautifulSoup:
    return BeautifulSoup((built_book.html / "chapters" / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def quotes(page: BeautifulSoup) -> list:
    return [q for q in page.select("main blockquote") if q.select("a[href*='source_text.html#s']")]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_quote_gives_the_kazakh_and_its_english(built_book, chapter):
    for quote in quotes(soup(built_book, chapter)):
        sid = quote.select_one("a[href*='source_text.html#s']")["href"].split("#")[1].upper()
        kazakh = quote.select("span.kk[lang=kk]")
        english = quote.select("span.oicbook-en")
        assert [fold(k.get_text()) for k in kazakh] == [fold(SENTENCES[sid]["text"])], (chapter, sid)
        assert [fold(e.get_text()) for e in english] == [fold(ENGLISH[sid]["english"])], (chapter, sid)
        labels = [fold(label.get_text()) for label in quote.select(".oicbook-lang-label")]
        assert len(labels) == 2 and labels[0] != labels[1], (chapter, sid)


def test_the_theme_chapters_quote_the_article(built_book):
    counted = {c: len(quotes(soup(built_book, c))) for c in ["political", "economy", "halal", "humanitarian"]}
    assert all(counted.values()), counted


def test_the_source_text_is_a_parallel_text(built_book):
    page = soup(built_book, "source_text")
    for sid, sentence in SENTENCES.items():
        block = page.find(id=sid.lower())
        assert block is not None and "oicbook-parallel" in block.get("class", []), sid
        assert fold(block.select_one("span.kk[lang=kk]").get_text()) == fold(sentence["text"]), sid
        assert fold(block.select_one("span.oicbook-en").get_text()) == fold(ENGLISH[sid]["english"]), sid
        notes = ENGLISH[sid]["notes"]
        label = t("quote.notes").replace("'", "’")  # a label of the book's own gets typographic quotes
        noted = [p for p in block.find_all("p") if p.select_one(".oicbook-lang-label") and fold(p.select_one(".oicbook-lang-label").get_text()) == label]
        assert [fold(p.select_one("span.oicbook-data").get_text()) for p in noted] == ([fold(notes)] if notes else []), sid


def test_every_ledger_row_gives_the_claims_english(built_book, claims):
    page = soup(built_book, "ledger")
    for cid, claim in claims.items():
        row = page.find(id=cid.lower())
        assert row is not None, cid
        block = row.find_parent("dl") or row.parent
        text = fold(block.get_text(" "))
        assert fold(claim["words_english"]) in text and fold(claim["words"]) in text, cid


def squeezed(text: str) -> str:
    """Text as compared with the PDF's: no white space and no hyphens, since a line may break at either."""
    return re.sub(r"[\s\-\u00ad]", "", text)


def test_the_pdf_gives_both_languages(built_book):
    pdf = squeezed(subprocess.run(["pdftotext", "-raw", str(built_book.pdf), "-"], capture_output=True, text=True, check=True).stdout)
    for sid in SENTENCES:
        assert squeezed(SENTENCES[sid]["text"]) in pdf, sid
        assert squeezed(ENGLISH[sid]["english"]) in pdf, sid
