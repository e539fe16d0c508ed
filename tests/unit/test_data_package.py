"""The data package describes every data file, and the loader enforces it."""

import json
import re

from tools import countries
from oicbook.core.data import load, validate_all
from conftest import REPO

DESCRIPTOR = json.loads((REPO / "data" / "datapackage.json").read_text(encoding="utf-8"))


def test_package_validates():
    assert validate_all(REPO) == len(DESCRIPTOR["resources"])


def test_every_data_file_is_described_and_every_description_has_a_file():
    described = {r["path"] for r in DESCRIPTOR["resources"]}
    data = REPO / "data"
    on_disk = {p.relative_to(data).as_posix() for p in data.rglob("*") if p.is_file() and p.suffix in {".csv", ".tsv"}}
    assert described == on_disk


def test_every_resource_has_sources_licences_and_described_fields():
    for resource in DESCRIPTOR["resources"]:
        assert resource.get("sources") and resource.get("licenses"), resource["name"]
        for field in resource.get("schema", {}).get("fields", []):  # a raw file has no schema; its hash is checked
            assert field.get("description"), f"{resource['name']}.{field['name']}"


def test_country_rows_point_to_iso3_codes():
    for resource in DESCRIPTOR["resources"]:
        names = [f["name"] for f in resource.get("schema", {}).get("fields", [])]
        if "iso3" in names and resource["name"] != "countries":
            keys = resource["schema"].get("foreignKeys", [])
            assert any(k["fields"] == "iso3" and k["reference"]["resource"] == "countries" for k in keys), resource["name"]


def test_countries_file_regenerates_identically(tmp_path):
    out = tmp_path / "countries.csv"
    countries.write(out)
    assert out.read_bytes() == (REPO / "data" / "countries.csv").read_bytes()


def test_loader_types_columns_as_the_schema_says():
    gdp = load("gdp_wdi", REPO)
    assert str(gdp["year"].dtype) == "Int64" and str(gdp["gdp_current_usd"].dtype) == "Float64"
    assert gdp["is_oic_member"].dtype == "boolean"
    assert gdp.loc[gdp["iso3"] == "WLD", "is_oic_member"].eq(False).all()


def test_chapters_read_data_only_through_the_loader():
    for chapter in (REPO / "chapters").glob("*.md"):
        text = chapter.read_text(encoding="utf-8")
        assert not re.search(r"read_csv|open\(|Path\(", text), chapter.name
    # modules may load() data (the kernel records what it reads), but only the
    # loader and the seed's pipeline open data files themselves
    for module in (REPO / "oicbook").rglob("*.py"):
        if module.name not in {"data.py", "sources.py"}:
            assert not re.search(r"read_csv|csv\.(Dict)?[Rr]eader", module.read_text(encoding="utf-8")), module.name


def test_every_url_in_the_event_data_is_in_the_bibliography():
    from oicbook.core.bib import bib_keys_by_url

    keys = bib_keys_by_url(REPO)
    events = load("events", REPO)
    missing = set(events["source_url"].dropna()) - set(keys)
    assert not missing


def test_coded_words_stand_in_their_sentences():
    from conftest import rows

    sentences = {r["id"]: r["text"] for r in rows("sentences.csv")}
    for name in ("agenda_items.csv", "trade_goods.csv", "economic_items.csv", "claims.csv"):
        for row in rows(name):
            assert row["words"] in sentences[row["sentence_id"]], f"{name} {row.get('id')}"


def test_validation_runs_once_per_build_and_again_after_an_edit(book_copy, monkeypatch):
    from oicbook.core import data

    assert data.validate_all(book_copy) == len(json.loads((book_copy / "data" / "datapackage.json").read_text(encoding="utf-8"))["resources"])
    checked = []
    monkeypatch.setattr(data, "_check", lambda package, name, root: checked.append(name))
    data._validated.cache_clear()
    data.load("claims", book_copy)
    assert checked == []  # stamped by validate_all: trusted
    # an edit of a file that claims' foreign keys reach makes claims unstamped
    events = book_copy / "data" / "events_timeline.csv"
    events.write_text(events.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    data.load("claims", book_copy)
    assert checked == ["claims"]
    data.load("glossary", book_copy)  # reaches nothing edited
    assert checked == ["claims"]


def test_claims_are_numbered_without_gaps():
    # a reader who meets C001, C004 ... in print thinks entries are missing
    ids = load("claims")["id"].tolist()
    assert ids == [f"C{n:03d}" for n in range(1, len(ids) + 1)]


def test_no_two_bibliography_entries_share_an_address():
    # one source, one entry: a reader meets it under one label
    urls = re.findall(r"^\s*url\s*=\s*\{([^}]*)\}", (REPO / "references.bib").read_text(encoding="utf-8"), re.M)
    assert len(urls) > 50 and len(urls) == len(set(urls)), sorted(u for u in urls if urls.count(u) > 1)
