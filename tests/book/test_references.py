"""The bibliography, the citation labels and the index, as a reader meets them."""

import re
from collections import defaultdict

import pytest

from conftest import REPO, visible_text


@pytest.fixture(scope="module")
def chapters(built_book):
    return {p.name: p.read_text(encoding="utf-8") for p in (built_book.html / "chapters").glob("*.html")}


def bib_titles() -> dict[str, str]:
    """Each entry's title as a reader should see it: no braces, no TeX escapes."""
    from pybtex.database import parse_file

    entries = parse_file(str(REPO / "references.bib")).entries
    def plain(title: str) -> str:
        return re.sub(r"[{}]", "", title).replace("--", "–").replace("``", "“").replace("''", "”")

    return {key: plain(e.fields["title"]) for key, e in entries.items()}


def test_every_title_keeps_its_case_and_shows_no_tex(chapters):
    text = visible_text(chapters["bibliography.html"])
    missing = [(key, title) for key, title in bib_titles().items() if title not in text]
    assert not missing, missing
    assert "\\$" not in text and "\\textdollar" not in text


def test_one_label_names_one_source(chapters):
    """Two sources of one author and year are told apart (2024a, 2024b) wherever they are cited."""
    targets = defaultdict(set)
    for page in chapters.values():
        for target, label in re.findall(r'<a class="reference internal" href="bibliography\.html#(id\d+)"[^>]*>([^<]+)</a>', page):
            if "," in label:  # "World Bank, 2024a"; a textual citation links its year alone
                targets[label].add(target)
    assert len(targets) >= 30
    assert {label: t for label, t in targets.items() if len(t) > 1} == {}


def test_each_index_entry_is_one_term(built_book):
    page = (built_book.html / "genindex.html").read_text(encoding="utf-8")
    entries = [re.sub(r"<[^>]+>", "", e) for e in re.findall(r"<li>(.*)", page)]
    sources = "".join(p.read_text(encoding="utf-8") for p in (REPO / "chapters").glob("*.md"))
    terms = re.findall(r"```\{index\} single: (.*)\n```", sources)
    assert entries and all("single:" not in e and ";" not in e for e in entries), [e for e in entries if "single:" in e or ";" in e]
    shown = {e.split(", [")[0].strip() for e in entries}  # "Council of Foreign Ministers, [1]": a term with a second place
    assert terms and set(terms) <= shown, set(terms) - shown


def test_the_data_dictionary_describes_every_resource_and_field(chapters):
    import json

    descriptor = json.loads((REPO / "data" / "datapackage.json").read_text(encoding="utf-8"))
    text = visible_text(chapters["data.html"])
    for resource in descriptor["resources"]:
        assert f"File: data/{resource['path']}; resource: {resource['name']}" in text, resource["name"]
        assert " ".join(resource["description"].split()) in text, resource["name"]
        for field in (resource.get("schema") or {}).get("fields", []):
            assert " ".join(field.get("description", "").split()) in text, (resource["name"], field["name"])
        if "hash" in resource:
            assert resource["hash"] in text, resource["name"]
    fields = sum(len((r.get("schema") or {}).get("fields", [])) for r in descriptor["resources"])
    assert f"The package holds {len(descriptor['resources'])} resources with {fields} fields in all." in text
    # one table lists every resource with what it holds, in print too, where the fields are left out
    from conftest import html_table

    listed = html_table(chapters["data.html"], "tbl-data-files")[1:]
    assert [tuple(r) for r in listed] == [(r.get("title") or r["name"], r["name"]) for r in descriptor["resources"]]


def test_the_printed_data_appendix_lists_the_files(built_book):
    import json
    import subprocess

    descriptor = json.loads((REPO / "data" / "datapackage.json").read_text(encoding="utf-8"))
    text = " ".join(subprocess.run(["pdftotext", str(built_book.pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    appendix = text[text.index("The data files and what each holds"):]
    assert all(r["name"].replace("_", "") in appendix.replace("_", "").replace(" ", "") for r in descriptor["resources"])
    assert "File: data/" not in text  # each file's own section, with its fields, is online only


def test_the_pdf_index_heads_its_kazakh_terms_readably(built_book):
    import subprocess

    import yaml

    text = subprocess.run(["pdftotext", "-layout", str(built_book.pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    first = next(i for i, page in enumerate(pages) if page.lstrip().startswith("INDEX"))  # its running head
    index = "\f".join(pages[first:])
    heading = yaml.safe_load((REPO / "oicbook" / "report" / "locale" / "en.yml").read_text(encoding="utf-8"))["index"]["kazakh_terms"]
    assert "\ufffd" not in index
    assert index.count(heading) == 1
    page = (built_book.html / "genindex.html").read_text(encoding="utf-8")
    entries = {re.sub(r"<[^>]+>", "", e).split(", [")[0].strip() for e in re.findall(r"<li>(.*)", page)}
    kazakh = {e for e in entries if re.match(r"[\u0400-\u04ff]", e)}
    after = index[index.index(heading):]
    assert kazakh and all(term in after for term in kazakh), kazakh - {t for t in kazakh if t in after}


def test_the_bibliography_runs_by_name_a_person_or_an_organisation_alike(chapters, built_book):
    """Entries follow the first author's name as a reader alphabetises it, surname
    or organisation, with no braces or accents in the way; the printed list carries
    no numbers, which would match nothing in a text that cites by author and year."""
    import subprocess
    import unicodedata
    from pybtex.database import parse_file

    def reading(text: str) -> str:
        bare = unicodedata.normalize("NFKD", re.sub(r"[{}]", "", text))
        return "".join(c for c in bare if not unicodedata.combining(c)).casefold()

    entries = parse_file(str(REPO / "references.bib")).entries
    name_of = {}
    for key, e in entries.items():
        first = e.persons["author"][0]
        name_of[e.fields.get("url", key)] = reading(" ".join(first.prelast_names + first.last_names))
    page = chapters["bibliography.html"]
    urls = [u for u in re.findall(r'<a class="reference external" href="([^"]+)"', page) if u in name_of]
    shown = [name_of[u] for u in dict.fromkeys(urls)]
    assert len(shown) > 50 and shown == sorted(shown)
    text = subprocess.run(["pdftotext", "-layout", str(built_book.pdf), "-"], capture_output=True, text=True, check=True).stdout
    listed = text[text.rindex("Agence France-Presse. OIC members"):]
    assert not re.search(r"^\s*\[\d+\]\s", listed, re.M)
