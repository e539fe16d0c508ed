"""The halal chapter's numbers and statuses against its data."""

from collections import Counter

import pytest

from oicbook.core.bib import bib_keys
from oicbook.report.display import when  # tested in tests/unit
from conftest import MARK, REPO, html_table, rows, visible_text


@pytest.fixture(scope="module")
def page(built_book):
    return (built_book.html / "chapters" / "halal.html").read_text(encoding="utf-8")


def test_every_milestone_has_its_source():
    keys = bib_keys(REPO)
    for row in rows("halal_milestones.csv"):
        if row["source_kind"] == "article":
            assert row["sentence_id"] and not row["bib_key"], row["id"]
        else:
            assert row["bib_key"] in keys, row["id"]


def test_milestones_table_and_counts(page):
    steps = rows("halal_milestones.csv")
    table = html_table(page, "tbl-milestones")[1:]
    assert len(table) == len(steps)
    assert [r[0][:10] for r in table] == sorted(r[0][:10] for r in table)
    assert all(r[2] for r in table), "every milestone shows its source"
    kinds = Counter(s["source_kind"] for s in steps)
    text = visible_text(page)
    assert f"holds {len(steps)} dated milestones: {kinds['article']} dated by the article and {kinds['independent']} by independent sources" in text
    fund = [s for s in sorted(steps, key=lambda s: s["date_start"]) if "food security" in s["milestone"].lower() and s["source_kind"] == "independent"]
    first, last = fund[0], fund[-1]
    assert f"session ({when(first['date_start'], first['date_end'] or None)}) to" in text
    assert f"Food Security in Astana ({when(last['date_start'], last['date_end'] or None)})" in text


def test_food_exports_come_from_the_trade_data(page):
    food = [g for g in rows("trade_goods.csv") if g["direction"] == "export" and g["sector"] == "food and agriculture"]
    table = html_table(page, "tbl-food")[1:]
    assert [r[0] for r in table] == [g["good"] for g in food] == ["wheat", "flour", "barley", "animal feed"]
    assert [r[1] for r in table] == [g["words"] for g in food]


def test_statuses_of_the_halal_claims(page):
    table = {r[0]: r for r in html_table(page, "tbl-halal-claims")[1:]}
    halal = [c["id"] for c in rows("claims.csv") if c["chapter"] == "halal"]
    assert sorted(table) == sorted(halal)
    assert table["C012"][4] == f"{MARK['unverifiable']}: the independent record cites no source"
    assert table["C013"][4] == f"{MARK['unverifiable']}: the independent record cites no source"
    # the ten-year programme is identified by name, and its stated period is checked against its time in force
    assert table["C014"][4].startswith(f"{MARK['close']}: the record names a 10-year programme too; its period: periods overlap")
    assert (table["C012"][3], table["C013"][3]) == ("2000", "15 enterprises")
