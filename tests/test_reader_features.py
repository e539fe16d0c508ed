"""Reader features so far: the glossary from its data file, term links, index
entries, the per-chapter citation, and a CITATION.cff that cffconvert accepts."""

import re
import subprocess
import sys

import pytest

from conftest import REPO, rows, visible_text

CHAPTERS = ["political", "economy", "halal", "humanitarian"]
UPPER = "А-ЯӘІҢҒҮҰҚӨҺЁ"
LOWER = "а-яәіңғүұқөһё"


@pytest.fixture(scope="module")
def pages(built_book):
    return {p.stem: p.read_text(encoding="utf-8") for p in (built_book.html / "chapters").glob("*.html")}


def test_every_abbreviation_of_the_article_is_in_the_glossary():
    used = set()
    for sentence in rows("sentences.csv"):
        used |= set(re.findall(rf"(?<![{UPPER}{LOWER}])[{UPPER}]{{2,}}(?![{LOWER}])", sentence["text"]))
    glossary = {g["abbreviation"] for g in rows("glossary.csv")}
    assert used == glossary


def test_the_glossary_page_lists_every_entry_with_its_kazakh_marked(pages):
    page = pages["glossary"]
    for entry in rows("glossary.csv"):
        assert re.search(rf'<dt id="term-[^"]*">{entry["abbreviation"]}', page), entry["abbreviation"]
        assert f'<span class="kk" lang="kk">{entry["kazakh"]}</span>' in page, entry["abbreviation"]


def test_chapters_link_every_term(pages):
    linked = set()
    for page in pages.values():
        linked |= set(re.findall(r'href="glossary\.html#term-[^"]*"><span class="xref std std-term">([^<]+)</span>', page))
    assert linked == {g["abbreviation"] for g in rows("glossary.csv")}


def test_index_names_people_places_and_bodies(built_book):
    index = visible_text((built_book.html / "genindex.html").read_text(encoding="utf-8"))
    for entry in ("Saudabayev, Kanat", "Astana", "Djibouti", "OPEC", "Islamic Organization for Food Security", "World Bank"):
        assert entry in index, entry


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_chapter_says_how_to_cite_it(pages, chapter):
    import yaml

    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    text = visible_text(pages[chapter])
    title = re.search(r"<h1>([^<]+)", pages[chapter]).group(1).strip()
    assert f"Cite this chapter {cff['authors'][0]['name']} ({str(cff['date-released'])[:4]}). {title}." in text
    assert f"(Version {cff['version']}, released {cff['date-released']})" in text
    assert f"@incollection{{oic_chairmanship_{chapter}," in text


def test_the_pdf_carries_the_chapter_citations(built_book):
    text = subprocess.run(["pdftotext", str(built_book.pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert text.count("Cite this chapter") == len(CHAPTERS)


def test_citation_cff_validates_with_cffconvert(tmp_path):
    # cffconvert 2.0.0 pins jsonschema<4, which the book's own stack cannot share, so it gets its own venv
    venv = tmp_path / "cff"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", "cffconvert==2.0.0"], check=True)
    result = subprocess.run([str(venv / "bin" / "cffconvert"), "--validate", "-i", str(REPO / "CITATION.cff")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "CITATION.cff"
    broken.write_text((REPO / "CITATION.cff").read_text(encoding="utf-8").replace("cff-version: 1.2.0", "cff-version: 9.9.9"), encoding="utf-8")
    assert subprocess.run([str(venv / "bin" / "cffconvert"), "--validate", "-i", str(broken)], capture_output=True).returncode != 0
