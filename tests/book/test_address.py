"""The book's address, set in one place (CITATION.cff's ``url``): with it, every
output names it (canonical links, absolute ``hreflang``, ``citation_pdf_url``,
the APA line and the BibTeX, RIS and CSL-JSON files); without it, as in the
session's own build, none does and the edition links stay relative."""

import json
import shutil

import pytest
from bs4 import BeautifulSoup

from conftest import build
from oicbook.core import editions

ADDRESS = "https://example.org/oic-book/"
REPOSITORY = "https://example.org/oic-book.git"


@pytest.fixture(scope="module")
def addressed(built_book, tmp_path_factory):
    """The session's build, copied with its caches, rebuilt with an address set."""
    root = tmp_path_factory.mktemp("addressed") / "book"
    shutil.copytree(built_book.root, root)
    cff = root / "CITATION.cff"
    text = cff.read_text(encoding="utf-8")
    assert "\nurl:" not in text  # the session's build has no address
    cff.write_text(text.replace("\ndate-released:", f'\nurl: "{ADDRESS}"\nrepository-code: "{REPOSITORY}"\ndate-released:', 1), encoding="utf-8")
    result = build(root, "html")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return root / "_build" / "html"


def chapter_pages(html):
    """Every chapter page of both editions: (edition, page name, soup)."""
    for lang in editions.LANGUAGES:
        for path in sorted((html / editions.folder(lang) / "chapters").glob("*.html")):
            yield lang, f"chapters/{path.stem}", BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def metas(soup, name):
    return [m["content"] for m in soup.head.find_all("meta", attrs={"name": name})]


def alternates(soup):
    return {link["hreflang"]: link["href"] for link in soup.head.find_all("link", rel="alternate") if link.get("hreflang")}


def citation_files(html, lang, soup, page):
    folder = html / editions.folder(lang) / "chapters"
    return {a["class"][0].rsplit("-", 1)[1]: (folder / a["href"]).resolve().read_text(encoding="utf-8")
            for a in soup.select("p.oicbook-citation .oicbook-cite-files a")}


def test_with_an_address_every_output_carries_it(addressed):
    cited = 0
    for lang, page, soup in chapter_pages(addressed):
        here = ADDRESS + editions.page_path(lang, page)
        assert soup.find("link", rel="canonical")["href"] == here, (lang, page)
        assert alternates(soup) == {**{other: ADDRESS + editions.page_path(other, page) for other in editions.LANGUAGES},
                                    "x-default": ADDRESS + editions.page_path(editions.SOURCE, page)}, (lang, page)
        assert metas(soup, "citation_public_url") == [here], (lang, page)
        assert metas(soup, "citation_pdf_url") == [ADDRESS + editions.folder(lang) + editions.pdf_name(lang)], (lang, page)
        graphs = [json.loads(s.string) for s in soup.head.find_all("script", type="application/ld+json")]
        # the front page is the Book, at the edition's address; every other page a Chapter, at its own
        assert graphs[0]["url"] == (ADDRESS + editions.folder(lang) if page == "chapters/index" else here), (lang, page)
        for graph in graphs[1:]:  # the ledger's claim reviews: each at its entry
            assert [r["url"] for r in graph["@graph"]] == [f"{here}#{r['identifier']}" for r in graph["@graph"]], (lang, page)
        line = soup.find("p", class_="oicbook-citation")
        if line is None:
            continue
        cited += 1
        assert line.find(class_="oicbook-cite-apa").get_text().endswith(f" {here}"), (lang, page)
        files = citation_files(addressed, lang, soup, page)
        assert f"= {{{here}}}" in files["bib"] and f"UR  - {here}" in files["ris"].splitlines(), (lang, page)
        assert json.loads(files["json"])[0]["URL"] == here, (lang, page)
    assert cited >= 2 * 7  # the introduction, the context chapter, the four themes and the ledger, in both editions
    root = BeautifulSoup((addressed / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert root.find("link", rel="canonical")["href"] == ADDRESS
    assert alternates(root) == {**{lang: ADDRESS + editions.page_path(lang, "chapters/index") for lang in editions.LANGUAGES}, "x-default": ADDRESS}


def test_without_an_address_no_output_names_one(built_book):
    for lang, page, soup in chapter_pages(built_book.html):
        assert soup.find("link", rel="canonical") is None, (lang, page)
        assert alternates(soup) and not [h for h in alternates(soup).values() if "://" in h], (lang, page)
        assert metas(soup, "citation_public_url") == metas(soup, "citation_pdf_url") == [], (lang, page)
        line = soup.find("p", class_="oicbook-citation")
        if line is not None:
            files = citation_files(built_book.html, lang, soup, page)
            assert "url" not in files["bib"] and "UR  -" not in files["ris"] and "URL" not in json.loads(files["json"])[0], (lang, page)


def test_the_clone_command_shows_only_where_the_repository_is_named(addressed, built_book):
    """"Using this book" gives the command that clones the repository named in
    CITATION.cff, and no word about a repository while none is named."""
    for lang in editions.LANGUAGES:
        page = BeautifulSoup((addressed / editions.folder(lang) / "chapters" / "using.html").read_text(encoding="utf-8"), "html.parser")
        assert [c.get_text().strip() for c in page.select("article pre")].count(f"git clone {REPOSITORY}") == 1, lang
        unnamed = (built_book.edition_html(lang) / "chapters" / "using.html").read_text(encoding="utf-8")
        assert "git clone" not in unnamed and "make test" not in unnamed, lang
