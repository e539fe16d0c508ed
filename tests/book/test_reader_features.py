"""Reader features outside the browser: the glossary from its data file, term
links, index entries, the per-chapter citation and a CITATION.cff that cffconvert
accepts; each table as CSV; each chapter's notebook, which runs after download
with the sources archive; figures with alt text from their data, opaque, and
never told apart by colour alone."""

import re
import subprocess
import sys

import pytest

from conftest import csv_against_table, csv_cells, chapter_sources, shown_as_text, spreadsheet_formula, REPO, html_table, rows, table_csv_link, table_csv_rows, visible_text

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
        assert re.search(rf'<dt id="term-[^"]*">(<span class="oicbook-data">)?{entry["abbreviation"]}<', page), entry["abbreviation"]
        assert re.search(rf'<span class="kk[^"]*" lang="kk">{re.escape(entry["kazakh"])}</span>', page), entry["abbreviation"]


def test_chapters_link_every_term(pages):
    linked = set()
    for page in pages.values():
        linked |= set(re.findall(r'href="glossary\.html#term-[^"]*"><span class="xref std std-term">([^<]+)</span>', page))
    terms = {g["abbreviation"] for g in rows("glossary.csv")}
    bodies = {b[k] for b in rows("oic_bodies.csv") for k in ("name", "abbreviation") if b[k]}  # the glossary's entries for the organs
    assert terms <= linked <= terms | bodies, linked - terms - bodies


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
    assert f"Cite this chapter (APA 7): {cff['authors'][0]['name']}. ({str(cff['date-released'])[:4]}). {title}." in text
    assert f"(Version {cff['version']})." in text
    assert "@incollection" not in text  # the BibTeX is a linked file, not a block on the page


def test_the_pdf_carries_the_chapter_citations(built_book):
    text = subprocess.run(["pdftotext", str(built_book.pdf), "-"], capture_output=True, text=True, check=True).stdout
    citing = [name for name, source in chapter_sources().items() if "```{cite-chapter}" in source]
    assert text.count("Cite this chapter") == len(citing) >= len(CHAPTERS)
    assert "@incollection" not in text and "@book{" not in text


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


def test_each_table_is_downloadable_as_csv_a_spreadsheet_can_compute_with(built_book, pages):
    """Under each table, its CSV: named after what it holds, its text as shown,
    its figures as numbers with their unit in the heading and their verdicts apart."""
    checked, names = 0, set()
    for name, page in pages.items():
        for table_id in re.findall(r'<table[^>]*id="([^"]+)"', page):
            href = table_csv_link(page, table_id)
            file = href.rsplit("/", 1)[1]
            assert file.startswith(f"{name}-") and not re.fullmatch(r".*-table-\d+\.csv", file), (name, table_id, file)
            names.add(file)
            downloaded = table_csv_rows((built_book.html / "chapters" / href).resolve())
            assert csv_against_table(downloaded, html_table(page, table_id)) == [], (name, table_id)
            checked += 1
    assert checked == len(names) >= sum(source.count(":::{table}") for source in chapter_sources().values())


def test_the_gdp_table_downloads_as_the_totals_themselves(built_book, pages):
    """Not the page's three figures: the sums, to the dollar, as the data give them."""
    from test_economy import THEN, YEARS, gdp, members_in

    rows_ = table_csv_rows((built_book.html / "chapters" / table_csv_link(pages["economy"], "tbl-gdp")).resolve())
    header, body = rows_[0], {r[0]: dict(zip(rows_[0], r)) for r in rows_[1:]}
    for label, file, column, scale, world_code in THEN:
        for year in YEARS:
            (value_column,) = [h for h in header if h.startswith(str(year)) and h.endswith(": value")]
            total = sum(v for c, v in gdp(file, column, scale, year).items() if c in members_in(year))
            assert float(body[label][value_column]) == pytest.approx(total, rel=1e-9), (label, year)
        values = gdp(file, column, scale, YEARS[-1])
        share = 100 * sum(v for c, v in values.items() if c in members_in(YEARS[-1])) / values[world_code]
        (share_column,) = [h for h in header if h.endswith("(%)")]
        assert float(body[label][share_column]) == pytest.approx(share, rel=1e-9), label


def test_no_csv_cell_opens_as_a_formula(built_book):
    tables = sorted((built_book.html / "_tables").rglob("*.csv"))
    assert tables
    for path in tables:
        assert not [c for c in csv_cells(path) if spreadsheet_formula(c)], path


def unpacked_sources(built_book, target):
    import zipfile

    with zipfile.ZipFile(built_book.html / "oic-chairmanship-sources.zip") as archive:
        archive.extractall(target)
    return target


def test_the_sources_archive_holds_what_a_rerun_needs(built_book, tmp_path):
    import json

    root = unpacked_sources(built_book, tmp_path / "sources")
    package = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    needed = ["requirements.txt", "pyproject.toml", "references.bib", "CITATION.cff", "oicbook/report/preamble.py",
              "oicbook/report/locale/en.yml", "seeds/000_6d19eb848c4ad410.txt", *(f"data/{r['path']}" for r in package["resources"])]
    needed += [f"chapters/{p.name}" for p in (REPO / "chapters").glob("*.md")]
    assert [n for n in needed if not (root / n).is_file()] == []
    assert not [p for p in root.rglob("*") if {"_build", ".venv", ".git", "__pycache__"} & set(p.parts)]
    assert not [p for p in root.iterdir() if p.name in {"tools", "tests", ".ci", "archive"}]
    # its Makefile and README are the reader's, not the repository's
    assert [(root / n).read_bytes() == (REPO / "archive" / n).read_bytes() for n in ("Makefile", "README.md")] == [True, True]
    assert (root / "seeds" / "000_6d19eb848c4ad410.txt").read_bytes() == (REPO / "seeds" / "000_6d19eb848c4ad410.txt").read_bytes()
    # what the configuration names is there: the catalogues of every other edition
    import yaml

    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    for folder in config["sphinx"]["config"]["locale_dirs"]:
        held = sorted(p.relative_to(root / folder).as_posix() for p in (root / folder).rglob("*.po"))
        assert held and held == sorted(p.relative_to(REPO / folder).as_posix() for p in (REPO / folder).rglob("*.po"))
    assert (root / config["html"]["favicon"]).is_file() and all((root / b).is_file() for b in config["bibtex_bibfiles"])


def page_commands(page: str) -> list[str]:
    """The shell commands a page gives, in its code blocks, in order."""
    from bs4 import BeautifulSoup

    blocks = BeautifulSoup(page, "html.parser").select("div.highlight-sh pre")
    return [line for block in blocks for line in block.get_text().splitlines() if line.strip()]


def glued_text(notebook_path, key):
    import nbformat

    notebook = nbformat.read(notebook_path, as_version=4)
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("metadata", {}).get("scrapbook", {}).get("name") == key:
                return next(v for k, v in output["data"].items() if k.endswith("text/plain"))
    raise AssertionError(f"{key} was not glued")


def test_the_archive_route_on_the_page_reruns_a_chapter_after_a_data_edit(built_book, tmp_path):
    """The route "Using this book" gives first, followed in an empty folder:
    unpack the archive, set up, rerun a chapter, edit the data, rerun. Offline,
    the setup step is the one this environment already made (VENV names it)."""
    import csv
    import os
    import subprocess
    from pathlib import Path

    page = (built_book.html / "chapters" / "using.html").read_text(encoding="utf-8")
    commands = page_commands(page)
    assert commands[:2] == ["make setup", "make chapter NAME=economy"], commands
    assert "oic-chairmanship-sources.zip" in page
    root = unpacked_sources(built_book, tmp_path / "empty")
    env = {**{k: v for k, v in os.environ.items() if k not in ("OICBOOK_ROOT", "PYTHONPATH")}, "VENV": str(Path(sys.executable).parent.parent)}

    def follow(command):
        done = subprocess.run(command.split(), cwd=root, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
        return root / "reruns" / "economy.ipynb"

    before = glued_text(follow(commands[1]), "head_stated_b")
    claims = root / "data" / "claims.csv"
    with open(claims, encoding="utf-8", newline="") as f:
        table = list(csv.DictReader(f))
    row = next(r for r in table if r["id"] == "C003")
    new = float(row["value"]) * 0.6  # the edit the page suggests: another figure for the claim it names
    row["value"] = str(int(new))
    with open(claims, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(table[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)
    after = glued_text(follow(commands[1]), "head_stated_b")
    assert before != after and f"{new / 1e12:.1f}" in after, (before, after)


def run_downloaded(notebook_path, cwd):
    """Run a downloaded notebook as a reader would, from its folder; add a last
    cell that reports where the book's package came from."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(notebook_path, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell("import oicbook, oicbook.core.paths\nprint(oicbook.__file__)\nprint(oicbook.core.paths.book_root())"))
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}).execute()
    return notebook.cells[-1].outputs[0]["text"]


@pytest.fixture
def downloaded(built_book, tmp_path, monkeypatch):
    """The halal chapter's notebook as the page links it, and the sources
    archive unpacked; the kernel imports the package from the archive."""
    import shutil

    sources = unpacked_sources(built_book, tmp_path / "sources")
    monkeypatch.setenv("PYTHONPATH", str(sources))
    monkeypatch.delenv("OICBOOK_ROOT", raising=False)
    page = (built_book.html / "chapters" / "halal.html").read_text(encoding="utf-8")
    assert 'href="../_sources/chapters/halal.ipynb"' in page
    elsewhere = tmp_path / "Downloads"
    elsewhere.mkdir()
    notebook = shutil.copy(built_book.html / "_sources" / "chapters" / "halal.ipynb", elsewhere / "halal.ipynb")
    return sources, elsewhere, notebook


def test_a_downloaded_notebook_says_first_what_to_fetch(downloaded):
    import nbformat

    first = nbformat.read(downloaded[2], as_version=4).cells[0]
    assert first.cell_type == "markdown"
    assert "oic-chairmanship-sources.zip" in first.source and "OICBOOK_ROOT" in first.source


def test_a_downloaded_notebook_runs_with_oicbook_root(downloaded, monkeypatch):
    sources, elsewhere, notebook = downloaded
    monkeypatch.setenv("OICBOOK_ROOT", str(sources))
    package, root = run_downloaded(notebook, elsewhere).split()
    assert package.startswith(str(sources)) and root == str(sources)


def test_a_downloaded_notebook_runs_from_the_sources_chapters_folder(downloaded):
    import shutil

    sources, _, notebook = downloaded
    placed = shutil.copy(notebook, sources / "chapters" / "downloaded.ipynb")
    package, root = run_downloaded(placed, sources / "chapters").split()
    assert root == str(sources)


def test_a_downloaded_notebook_without_the_sources_says_what_to_fetch(downloaded):
    from nbclient.exceptions import CellExecutionError

    _, elsewhere, notebook = downloaded
    with pytest.raises(CellExecutionError, match="oic-chairmanship-sources.zip"):
        run_downloaded(notebook, elsewhere)


def figure_alts(pages) -> dict[str, list[str]]:
    import html

    return {name: [html.unescape(a) for a in re.findall(r'<figure[^>]*>\s*<img alt="([^"]*)"', page)] for name, page in pages.items()}


def test_every_figure_has_alt_text_computed_from_its_data(pages):
    alts = [a for page_alts in figure_alts(pages).values() for a in page_alts]
    assert len(alts) >= sum(source.count("```{glue:figure}") for source in chapter_sources().values())
    assert len(set(alts)) == len(alts)
    assert all(re.search(r"\d", a) and not a.endswith(".png") for a in alts), alts


def test_figure_alt_texts_state_the_data_file_counts(pages, claims):
    alts = figure_alts(pages)
    # the humanitarian sums are told in one table; a dot chart of five points argued nothing the text did not
    assert not alts.get("humanitarian")
    # the GDP chart: the measures it draws, and the article's two totals circled
    from oicbook.report.chapters.economy import FIGURE_MEASURES

    totals = [c for c in claims.values() if c["check"] == "oic_gdp"]
    assert any(f"under {len(FIGURE_MEASURES)} measures" in a and f"the article's {len(totals)} figures are circled" in a.replace("’", "'") for a in alts["economy"])


def test_a_figure_without_alt_text_is_refused():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from oicbook.report.preamble import glue_figure

    with pytest.raises(ValueError, match="no alt text"):
        glue_figure("bare", plt.figure())


def test_figure_images_are_opaque(built_book):
    from PIL import Image

    images = sorted((built_book.html / "_images").glob("*.png"))
    assert len(images) >= sum(source.count("```{glue:figure}") for source in chapter_sources().values())
    for path in images:
        image = Image.open(path)
        if "A" in image.getbands():
            assert image.getchannel("A").getextrema()[0] == 255, path.name


def test_figures_never_rely_on_colour_alone():
    from oicbook.report import figures

    assert len(set(figures.MEASURE_STYLES.values())) == len(figures.MEASURE_STYLES)


def test_the_archive_rebuilds_the_english_edition_as_the_page_says(built_book, tmp_path):
    """`make html`, which the page offers for the whole book, works from the archive alone."""
    import os
    import subprocess
    from pathlib import Path

    page = (built_book.html / "chapters" / "using.html").read_text(encoding="utf-8")
    assert "make html" in " ".join(visible_text(page).split())
    root = unpacked_sources(built_book, tmp_path / "empty")
    env = {**{k: v for k, v in os.environ.items() if k not in ("OICBOOK_ROOT", "PYTHONPATH")}, "VENV": str(Path(sys.executable).parent.parent)}
    done = subprocess.run(["make", "html"], cwd=root, env=env, capture_output=True, text=True)
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    built = sorted(p.stem for p in (root / "_build" / "html" / "chapters").glob("*.html"))
    assert built == sorted(p.stem for p in (REPO / "chapters").glob("*.md"))
