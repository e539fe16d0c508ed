"""What reference managers and search engines read: each page's head against
CITATION.cff, the root page, the icon, and the book's name in its notebooks."""

import json
from datetime import date

import pytest
import yaml
from bs4 import BeautifulSoup

from oicbook.report.labels import t
from conftest import REPO

FRONT = "chapters/index.html"


@pytest.fixture(scope="module")
def cff():
    return yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pages(built_book):
    found = {p.relative_to(built_book.html).as_posix(): p for p in (built_book.html / "chapters").glob("*.html")}
    assert FRONT in found and len(found) >= 10
    return {name: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for name, p in found.items()}


def metas(soup, name):
    return [m["content"] for m in soup.head.find_all("meta", attrs={"name": name})]


def released(cff) -> str:
    value = cff["date-released"]
    return value.isoformat() if isinstance(value, date) else str(value)


def test_every_page_carries_citation_tags_from_citation_cff(pages, cff):
    authors = [a.get("name") or f"{a['family-names']}, {a['given-names']}" for a in cff["authors"]]
    for name, soup in pages.items():
        front = name == FRONT
        title = cff["title"] if front else soup.find("h1").get_text(" ", strip=True).rstrip("#").strip()
        assert metas(soup, "citation_title") == [title], name
        assert metas(soup, "DC.title") == [title], name
        assert metas(soup, "citation_author") == authors == metas(soup, "DC.creator"), name
        assert metas(soup, "citation_publication_date") == [released(cff).replace("-", "/")], name
        assert metas(soup, "DC.date") == [released(cff)], name
        assert metas(soup, "citation_language") == [soup.html["lang"]] == metas(soup, "DC.language"), name
        assert metas(soup, "citation_inbook_title") == ([] if front else [cff["title"]]), name
        # a page names the book's address, its own and the PDF's, exactly when CITATION.cff gives one
        url = cff.get("url", "").rstrip("/")
        assert metas(soup, "citation_public_url") == ([f"{url}/{name}"] if url else []), name
        assert len(metas(soup, "citation_pdf_url")) == (1 if url else 0), name
        canonical = soup.find("link", rel="canonical")
        assert (canonical["href"] if canonical else "") == (f"{url}/{name}" if url else ""), name


def test_every_page_has_a_description_from_its_own_prose(pages):
    for name, soup in pages.items():
        (summary,) = metas(soup, "description")
        body = "".join(soup.find("main").get_text().split())
        assert 60 <= len(summary) <= 160, (name, summary)
        assert "".join(summary.rstrip("…").split()) in body, name


def test_the_index_and_search_pages_are_described_and_name_the_book(built_book, cff):
    for name in ("genindex.html", "search.html"):
        soup = BeautifulSoup((built_book.html / name).read_text(encoding="utf-8"), "html.parser")
        (summary,) = metas(soup, "description")
        assert cff["title"] in summary and len(summary) > 60, name


def test_json_ld_is_a_book_on_the_front_page_and_a_chapter_of_it_elsewhere(pages, cff):
    for name, soup in pages.items():
        # the page's own first; the ledger adds its claim reviews after it (tests/book/test_claimreview.py)
        script, *reviews = soup.head.find_all("script", attrs={"type": "application/ld+json"})
        assert len(reviews) == (1 if name == "chapters/ledger.html" else 0), name
        data = json.loads(script.string)
        assert data["@context"] == "https://schema.org"
        book = data if name == FRONT else data["isPartOf"]
        assert data["@type"] == ("Book" if name == FRONT else "Chapter"), name
        assert (book["@type"], book["name"], book["version"], book["datePublished"]) == ("Book", cff["title"], str(cff["version"]), released(cff))
        if name != FRONT:
            assert data["name"] == metas(soup, "citation_title")[0]


def test_the_site_root_is_a_valid_page_offering_each_edition(built_book, cff):
    from oicbook.core.editions import LANGUAGES, folder

    page = (built_book.html / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    assert page.startswith("<!DOCTYPE html>") and soup.title.string == cff["title"]
    fronts = [a["href"] for a in soup.body.find_all("a") if a["href"].endswith(".html")]
    assert fronts == [folder(lang) + FRONT for lang in LANGUAGES]
    assert all((built_book.html / front).exists() for front in fronts)
    # one heading for the page, in every edition's language
    (heading,) = soup.find_all("h1")
    assert {span["lang"]: span.get_text() for span in heading.find_all("span")} == {lang: t("edition.choose", lang) for lang in LANGUAGES}


def test_another_edition_s_root_redirects_to_its_front_page(built_book):
    from oicbook.core.editions import LANGUAGES, SOURCE, folder

    for lang in LANGUAGES:
        if lang == SOURCE:
            continue
        soup = BeautifulSoup((built_book.html / folder(lang) / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert soup.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={FRONT}"
        assert soup.body.a["href"] == FRONT and (built_book.html / folder(lang) / FRONT).exists()


def test_every_page_names_an_icon_that_exists(pages, built_book):
    for name, soup in pages.items():
        icon = soup.head.find("link", rel="icon")
        assert icon and (built_book.html / "chapters" / icon["href"]).resolve().is_file(), name


def test_the_notebooks_name_the_book(built_book, cff):
    notebooks = list((built_book.html / "_sources").rglob("*.ipynb"))
    assert len(notebooks) >= 10
    for notebook in notebooks:
        text = "".join("".join(cell["source"]) for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"])
        assert "Project name not set" not in text, notebook.name
        assert cff["title"] in text, notebook.name


def test_the_pdf_title_page_shows_the_version(built_book, cff):
    import subprocess

    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(built_book.pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert f"Version {cff['version']}" in first
    from babel.dates import format_date

    assert format_date(cff["date-released"], "d MMMM y", locale="en_GB") in first


def test_the_pdf_metadata_comes_from_citation_cff(built_book, cff):
    import subprocess

    info = subprocess.run(["pdfinfo", str(built_book.pdf)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["Subject"].strip() == " ".join(cff["abstract"].split())
    assert fields["Keywords"].strip() == ", ".join(cff["keywords"])
    assert fields["Author"].strip() == "; ".join(a["name"] for a in cff["authors"])


def test_no_page_needs_the_assets_the_book_leaves_out(pages, built_book):
    """sphinx-design's and sphinx-togglebutton's assets are not loaded: no page uses their classes."""
    for name, soup in pages.items():
        used = {c for tag in soup.find_all(class_=True) for c in tag["class"]}
        # togglebutton's selector is ".toggle, .admonition.dropdown"
        dropdowns = [tag for tag in soup.select(".admonition.dropdown")]
        assert not {c for c in used if c.startswith("sd-")} and "toggle" not in used and not dropdowns, name
        loaded = [tag.get("src") or tag.get("href") for tag in soup.find_all(["script", "link"])]
        assert not [u for u in loaded if u and any(part in u for part in ("sphinx-design", "design-tabs", "togglebutton", "fontawesome"))], name
    css = (built_book.html / "_static" / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    for face in ("fa-solid-900", "fa-brands-400"):
        subset = built_book.html / "_static" / f"{face}-subset.woff"
        assert 0 < subset.stat().st_size < 20_000, face
        assert subset.name in css and f"{face}.woff2" not in css, face
    # every icon a page shows is in a subset: the classes' code points, and the github link icon
    from fontTools.ttLib import TTFont

    from oicbook.sphinx.icons import code_points, link_icons, used_classes

    have = set()
    for face in ("fa-solid-900", "fa-brands-400"):
        have |= set(TTFont(str(built_book.html / "_static" / f"{face}-subset.woff")).getBestCmap())
    points = code_points(css)
    shown = {points[c] for c in used_classes(built_book.html) if c in points} | link_icons(css)
    assert shown and shown <= have, sorted(map(hex, shown - have))


def test_citations_follow_apa_7_with_the_book_title_in_italics(pages, cff):
    authors = cff["authors"][0]["name"]
    year = released(cff)[:4]
    url = cff.get("url", "").rstrip("/")
    for name, soup in pages.items():
        line = soup.find("p", class_="oicbook-citation")
        if line is None:
            continue
        line = line.find(class_="oicbook-cite-apa")
        title = metas(soup, "citation_title")[0]
        address = f" {url}/{name}" if url else ""
        # the page sets apostrophes as typographers do; the words are CITATION.cff's
        assert line.get_text().replace("’", "'") == f"{authors}. ({year}). {title}. In {cff['title']} (Version {cff['version']}).{address}".replace("’", "'"), name
        assert line.em.get_text().replace("’", "'") == cff["title"], name
    quoted = [b for b in pages["chapters/using.html"].find_all("blockquote") if b.em and b.em.get_text().replace("’", "'") == cff["title"]]
    assert [" ".join(b.get_text().split()).replace("’", "'") for b in quoted] == [f"{authors}. ({year}). {cff['title']} (Version {cff['version']}).{' ' + url + '/' if url else ''}"]


def test_the_front_page_shows_the_version(pages, cff):
    from babel.dates import format_date

    line = pages[FRONT].find("p", class_="oicbook-version").get_text()
    assert line == f"Version {cff['version']}, released {format_date(cff['date-released'], 'd MMMM y', locale='en_GB')}."


def test_each_chapter_offers_its_citation_as_bibtex_ris_and_csl_json(pages, built_book, cff):
    offered = 0
    for name, soup in pages.items():
        if soup.find("p", class_="oicbook-citation") is None:
            continue
        offered += 1
        title = metas(soup, "citation_title")[0]
        files = {a["class"][0].rsplit("-", 1)[1]: (built_book.html / "chapters" / a["href"]).resolve() for a in soup.select("p.oicbook-citation .oicbook-cite-files a")}
        assert sorted(files) == ["bib", "json", "ris"], name
        bib = files["bib"].read_text(encoding="utf-8")
        assert bib.startswith("@incollection{oic_chairmanship_") and f"title     = {{{{{title}}}}}" in bib, name  # braced whole: BibTeX keeps its capitals
        ris = files["ris"].read_text(encoding="utf-8").splitlines()
        assert ris[0] == "TY  - CHAP" and f"TI  - {title}" in ris and f"T2  - {cff['title']}" in ris and ris[-1].startswith("ER  -"), name
        (item,) = json.loads(files["json"].read_text(encoding="utf-8"))
        assert (item["type"], item["title"], item["container-title"], item["version"]) == ("chapter", title, cff["title"], str(cff["version"])), name
        assert item["issued"]["date-parts"] == [[int(p) for p in released(cff).split("-")]], name
    citing = [p for p in (REPO / "chapters").glob("*.md") if "```{cite-chapter}" in p.read_text(encoding="utf-8")]
    assert offered == len(citing) >= 4


def test_no_page_waits_for_the_search_index_before_it_paints(pages):
    # the search scripts are deferred, and still come before the theme's own
    # deferred script, so they run first
    for name, soup in pages.items():
        sources = {s["src"].split("?")[0].rsplit("/", 1)[-1]: s for s in soup.find_all("script", src=True)}
        for script in ("searchtools.js", "language_data.js", "searchindex.js"):
            assert sources[script].has_attr("defer"), (name, script)
        order = list(sources)
        assert order.index("searchindex.js") < order.index("pydata-sphinx-theme.js"), name
