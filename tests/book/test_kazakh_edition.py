"""The Kazakh edition, built beside the English one: every page linked to its
counterpart, its prose from the catalogues, its quotes in the article's
Kazakh alone, its PDF set in Kazakh. Expectations come from the catalogues,
the locale files and the data, never typed."""

from __future__ import annotations

import posixpath
import re
import subprocess

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from oicbook.core.editions import LANGUAGES, page_path
from oicbook.report.labels import t
from conftest import REPO, rows

SENTENCES = {r["id"]: r for r in rows("sentences.csv")}
CHAPTERS = sorted(p.stem for p in (REPO / "chapters").glob("*.md"))


def page(built_book, lang: str, name: str) -> BeautifulSoup:
    return BeautifulSoup((built_book.edition_html(lang) / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def catalogue(name: str) -> dict[str, str]:
    with open(REPO / "locales" / "kk" / "LC_MESSAGES" / "chapters" / f"{name}.po", "rb") as f:
        return {m.id: m.string for m in read_po(f) if m.id}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_page_links_its_counterpart_in_the_other_edition(built_book, lang, chapter):
    name = f"chapters/{chapter}"
    html = page(built_book, lang, name)
    assert html.html["lang"] == lang
    here = page_path(lang, name)
    alternates = {link["hreflang"]: link["href"] for link in html.find_all("link", rel="alternate")}
    assert set(alternates) == {*LANGUAGES, "x-default"}
    switch = {a["hreflang"]: a["href"] for a in html.select("a.oicbook-edition")}
    assert set(switch) == set(LANGUAGES) - {lang}
    for other, href in {**switch, **{k: v for k, v in alternates.items() if k != "x-default"}}.items():
        landed = posixpath.normpath(posixpath.join(posixpath.dirname(here), href))
        assert landed == page_path(other, name), (other, href)
        assert (built_book.html / landed).is_file()


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_kazakh_edition_s_headings_are_the_catalogue_s(built_book, chapter):
    messages = catalogue(chapter)
    english = [fold(h.get_text()).rstrip("#").strip() for h in page(built_book, "en", f"chapters/{chapter}").select("main h1, main h2")]
    kazakh = [fold(h.get_text()).rstrip("#").strip() for h in page(built_book, "kk", f"chapters/{chapter}").select("main h1, main h2")]
    assert len(english) == len(kazakh)
    for en, kk in zip(english, kazakh):
        number = re.match(r"^[\dA-Z.]*\.?\s*", en).group(0)
        title = en[len(number):]
        if title in messages:
            assert kk == number + messages[title], (en, kk)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_kazakh_edition_quotes_the_article_alone(built_book, chapter):
    html = page(built_book, "kk", f"chapters/{chapter}")
    assert not html.select("main span.oicbook-en")
    for quote in html.select("main blockquote"):
        link = quote.select_one("a[href*='source_text.html#s']")
        if link:
            sid = link["href"].split("#")[1].upper()
            assert [fold(k.get_text()) for k in quote.select("span.kk[lang=kk]")] == [fold(SENTENCES[sid]["text"])]
            # in the order written: the sentence, then its id
            assert fold(quote.get_text()).startswith(fold(SENTENCES[sid]["text"])), sid


@pytest.mark.parametrize("lang", LANGUAGES)
def test_computed_findings_keep_their_words_in_place(built_book, lang):
    """A glued finding reads in order, its data text where the sentence puts
    it, so each finding ends as a sentence does (Sphinx moves a marked inline
    to the end of its parent)."""
    findings = page(built_book, lang, "chapters/political").select("main div.admonition li p")
    assert findings
    for finding in findings:
        assert fold(finding.get_text()).endswith("."), fold(finding.get_text())


def test_the_kazakh_source_text_gives_every_sentence_in_kazakh_only(built_book):
    html = page(built_book, "kk", "chapters/source_text")
    blocks = html.select("div.oicbook-parallel.oicbook-original")
    assert len(blocks) == len(SENTENCES)
    assert not html.select("span.oicbook-en")


def test_the_site_root_offers_both_editions(built_book):
    root = BeautifulSoup((built_book.html / "index.html").read_text(encoding="utf-8"), "html.parser")
    for lang in LANGUAGES:
        section = root.select_one(f"section[lang={lang}]")
        for a in section.find_all("a"):
            assert (built_book.html / a["href"]).is_file(), a["href"]


def test_the_kazakh_pdf_is_set_in_kazakh(built_book):
    text = subprocess.run(["pdftotext", str(built_book.edition_pdf("kk")), "-"], capture_output=True, text=True, check=True).stdout
    log = built_book.edition_pdf("kk").with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log
    # Sphinx heads the contents with the first part's caption
    assert re.search(rf"^{t('toc_caption.The book', 'kk')}$", text, re.M)
    assert t("latex.caption.index", "kk") in text
    assert re.search(rf"{t('latex.numfig.table', 'kk')} 1:", text)
    assert re.search(rf"{t('latex.numfig.figure', 'kk')} 1:", text)
    assert t("edition.short_title", "kk").split(",")[0] in text
    assert catalogue("intro")["What the book finds"] in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_ledger_gives_the_reserve_headlines_as_a_range_of_shares(built_book, lang):
    """The headline shares of OPEC's reserves the article's two-thirds is judged against
    stand in the ledger's summary as a range of shares, in the edition's own words and
    numbers (a range of ranks' wording would read 'from place 77.2 %')."""
    import yaml
    from babel.numbers import format_decimal

    labels = yaml.safe_load((REPO / "oicbook" / "report" / "locale" / f"{lang}.yml").read_text(encoding="utf-8"))
    check = next(c["check"] for c in rows("claims.csv") if c["id"] == "C007")
    values = [float(s["value"]) for s in rows("statements_of_the_time.csv") if s["measure"] == check and s["judged"] == "True" and not s["scope"]]  # the headlines
    share = lambda v: f"{format_decimal(v, '#,##0.0', locale=lang)} {labels['unit']['percent']}"
    expected = labels["finding"]["value_range"].format(low=share(min(values)), high=share(max(values)))
    assert len(values) > 1 and expected in fold(page(built_book, lang, "chapters/ledger").get_text(" "))
