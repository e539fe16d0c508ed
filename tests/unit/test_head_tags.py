"""A page's head tags keep data text inert, whatever a title holds."""

import json
import re

from oicbook.sphinx.metadata import head_tags

BOOK = {"title": 'A "book" & <more>', "authors": ["One", "Two"], "date": "2026-11-28", "version": "0.1.0",
        "language": "en", "license": "CC-BY-4.0", "license_url": "https://creativecommons.org/licenses/by/4.0/", "keywords": "k", "abstract": "a",
        "url": "", "repository": ""}


def test_a_hostile_title_stays_text_in_every_tag():
    title = 'Chapter </script><script>alert(1)</script> "x"'
    tags = head_tags(BOOK, title, front=False, summary="<b>bold</b> summary")
    assert tags.count("<script") == 1 and tags.count("</script>") == 1
    data = json.loads(re.search(r'<script type="application/ld\+json">\n(.*)\n</script>', tags, re.S).group(1))
    assert (data["@type"], data["name"], data["isPartOf"]["name"], data["description"]) == ("Chapter", title, BOOK["title"], "<b>bold</b> summary")
    assert '<meta name="citation_title" content="Chapter &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;x&quot;">' in tags
    assert "<b>" not in tags.split("<script")[0]


def test_the_front_page_is_the_book_and_names_no_book_it_is_part_of():
    tags = head_tags(BOOK, "ignored", front=True, summary="")
    data = json.loads(re.search(r"<script[^>]*>\n(.*)\n</script>", tags, re.S).group(1))
    assert data["@type"] == "Book" and data["name"] == BOOK["title"] and "isPartOf" not in data
    assert "citation_inbook_title" not in tags and 'name="description"' not in tags
    assert re.findall(r'name="citation_author" content="([^"]*)"', tags) == BOOK["authors"]


def test_icon_code_points_are_read_from_the_theme_stylesheet():
    from oicbook.sphinx.icons import code_points

    css = '.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}.fa-moon:before{content:"\\f186"}.x{color:red}'
    assert code_points(css) == {"fa-bars": 0xF0C9, "fa-navicon": 0xF0C9, "fa-moon": 0xF186}


def test_link_icons_are_read_as_escapes_or_as_characters():
    from oicbook.sphinx.icons import link_icons

    assert link_icons('--pst-icon-github:"\\f09b";--pst-icon-gitlab:"\uf296";--x:"y"') == {0xF09B, 0xF296}


def test_with_an_address_each_page_names_its_own_and_the_pdfs():
    from oicbook.core.editions import pdf_name

    book = {**BOOK, "url": "https://owner.github.io/book/"}
    tags = head_tags(book, "Halal", front=False, summary="", page="chapters/halal")
    assert re.findall(r'name="citation_public_url" content="([^"]*)"', tags) == ["https://owner.github.io/book/chapters/halal.html"]
    assert re.findall(r'name="citation_pdf_url" content="([^"]*)"', tags) == ["https://owner.github.io/book/" + pdf_name(BOOK["language"])]
    data = json.loads(re.search(r"<script[^>]*>\n(.*)\n</script>", tags, re.S).group(1))
    assert (data["url"], data["isPartOf"]["url"]) == ("https://owner.github.io/book/chapters/halal.html", book["url"])


def test_without_an_address_no_page_claims_one():
    tags = head_tags(BOOK, "Halal", front=False, summary="", page="chapters/halal")
    assert "citation_public_url" not in tags and "citation_pdf_url" not in tags and '"url"' not in tags


def test_a_chapters_citation_carries_its_address_in_every_format(tmp_path):
    import yaml

    from oicbook.report.citation import chapter_citation, chapter_formats
    from conftest import REPO

    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    (tmp_path / "CITATION.cff").write_text(yaml.safe_dump({**cff, "url": "https://owner.github.io/book"}), encoding="utf-8")
    address = "https://owner.github.io/book/chapters/halal.html"
    line = chapter_citation("Halal", "halal", tmp_path, "chapters/halal")
    assert line["apa"].endswith(f"(Version {cff['version']}). {address}") and line["url"] == address
    formats = chapter_formats("Halal", "halal", "en", tmp_path, "chapters/halal")
    assert f"url       = {{{address}}}" in formats[".bib"]
    assert f"UR  - {address}" in formats[".ris"].split("\r\n")
    assert json.loads(formats[".json"])[0]["URL"] == address


def test_a_bibtex_entry_names_its_publisher_and_leaves_out_an_empty_field():
    from oicbook.report.citation import chapter_citation, _author_names, _cff

    entry = chapter_citation("Halal", "halal", page="chapters/halal")["bibtex"]
    fields = dict(re.findall(r"^  (\w+)\s*= \{(.*)\},?$", entry, re.M))
    assert fields["publisher"] == ", ".join(_author_names(_cff()))
    assert ("url" in fields) is bool(_cff().get("url"))
