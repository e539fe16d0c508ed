"""The halal chapter's numbers and statuses against its data."""

import pytest

from oicbook.core.bib import bib_keys
from oicbook.report.display import when  # tested in tests/unit
from oicbook.report.labels import t
from conftest import MARK, REPO, chapter_claims, folded, html_table, ledger_entries, ledger_part, rows, visible_text


@pytest.fixture(scope="module")
def page(built_book):
    return (built_book.html / "chapters" / "halal.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def political(built_book):
    """The food-security strand is told with the chair's programme, in the political chapter."""
    return (built_book.html / "chapters" / "political.html").read_text(encoding="utf-8")


def test_every_milestone_has_its_source():
    keys = bib_keys(REPO)
    for row in rows("halal_milestones.csv"):
        # the article's own claims stay in its text and the ledger; the tables hold what sources date
        assert row["source_kind"] == "independent" and row["bib_key"] in keys, row["id"]


HALAL = ("halal in Kazakhstan", "OIC halal standards")


def written(step: dict[str, str]) -> str:
    return folded(when(step["date_start"], step["date_end"] or None))


def shown(table: list[list[str]]) -> list[tuple[str, str]]:
    return [(folded(r[0]), r[1]) for r in table]


def expected(steps: list[dict[str, str]]) -> list[tuple[str, str]]:
    """The rows as the chapter's tables show them: by date, the date as people write it."""
    ordered = sorted(steps, key=lambda s: (s["date_start"], s["id"]))
    return [(written(s), s["milestone"]) for s in ordered]


def test_each_strand_has_its_own_table_and_every_milestone_is_shown_once(page, political):
    steps = rows("halal_milestones.csv")
    tables = {"tbl-halal-record": (HALAL, page), "tbl-food-security": (("food security",), political)}
    shown_rows = []
    for name, (strands, where) in tables.items():
        table = html_table(where, name)[1:]
        assert shown(table) == expected([s for s in steps if s["strand"] in strands]), name
        assert all(r[2] for r in table), "every milestone shows its source"
        shown_rows += shown(table)
    assert sorted(shown_rows) == sorted(expected(steps))


def test_halal_counts_and_findings(page):
    steps = rows("halal_milestones.csv")
    halal = [s for s in steps if s["strand"] in HALAL]
    text = visible_text(page)
    committee = next(c for c in rows("claims.csv") if c["chapter"] == "halal" and c["kind"] == "date" and c["sentence_id"] == "S036")
    assert f"the committee of {committee['period_start']} has no source" in text
    first = min((s for s in halal if s["strand"] == "halal in Kazakhstan" and s["source_kind"] == "independent"), key=lambda s: s["date_start"])
    assert f"A halal standard was approved at state level in {written(first)}; by 2011" in text and "standard" in first["milestone"]
    certifiers = next(s for s in halal if "bodies certify" in s["milestone"])
    assert f"and by {certifiers['date_start'][:4]} the certifiers had multiplied" in text
    assert f"halal centre of the Spiritual Administration of Muslims of Kazakhstan, dated {written(certifiers)}, describes" in text
    smiic = [s for s in steps if s["strand"] == "OIC halal standards"]
    for words, before in (("enters into force", "came into force on "), ("first halal standard", "first halal standard on ")):
        step = next(s for s in smiic if words in s["milestone"])
        assert f"{before}{written(step)}" in text, words
    rules = next(s for s in smiic if "bodies that certify halal goods" in s["milestone"])
    assert f"the OIC's first halal standards, completed in {written(rules)}, set rules for the bodies that certify" in text.replace("’", "'")
    assembly = next(s for s in smiic if "first General Assembly" in s["milestone"])
    assert f"({written(assembly)}) does not include Kazakhstan" in text
    # the source's list of ratifying states, which the sentence reads, leaves Kazakhstan out
    assert "Kazakhstan is not among them" in assembly["note"]
    # the fund for small business is weighed once, with the chair's programme
    assert not any("small and medium-sized business" in s["milestone"] for s in halal)
    assert "Kazakhstan proposed a working group" not in text


def test_food_security_keeps_the_fund_and_the_organisation_apart(political):
    page = political
    food = [s for s in rows("halal_milestones.csv") if s["strand"] == "food security"]
    text = visible_text(page)
    record = [s for s in food if s["source_kind"] == "independent"]
    proposed = next(s for s in record if "regional fund" in s["milestone"])
    founded = next(s for s in record if "constituent General Assembly" in s["milestone"])
    assert "fund" in proposed["milestone"] and "Organization" in founded["milestone"] and "fund" not in founded["milestone"]
    assert f"At the Astana Council ({written(proposed)}), a report of the time has" in text
    assert "What came of it was an organisation, not a fund" in text
    assert f"to the founding of the Islamic Organization for Food Security in Astana ({written(founded)})" in text
    # the Kazakh word the chapter quotes stands in the sentence it comes from
    credited = next(c for c in rows("credit_claims.csv") if "Қорын" in c["words"] and "азық-түлік" in c["words"])
    sentence = next(s for s in rows("sentences.csv") if s["id"] == credited["sentence_id"])
    assert "Қорын" in sentence["text"] and f'<a class="reference internal" href="source_text.html#{sentence["id"].lower()}"' in page


def test_statuses_of_the_halal_claims(page, claims, built_book):
    ledger = (built_book.html / "chapters" / "ledger.html").read_text(encoding="utf-8")
    assert ledger_part(ledger, "halal") == chapter_claims("halal")
    entries = ledger_entries(ledger)
    # both are linked to an event known only from the article, with no source of its own
    event = next(e for e in rows("events_timeline.csv") if e["event"] == claims["C010"]["event"])
    assert not event["source_url"] and claims["C011"]["event"] == event["event"]
    word = MARK  # an entry gives its verdict as a word
    entries = {c: e.replace(" :", ":") for c, e in entries.items()}  # the bold word's closing tag read as a space
    assert f"{word['unverifiable']}: {t('reason.no_source')}" in entries["C010"] and f"{word['unverifiable']}: {t('reason.no_source')}" in entries["C011"]
    # the programme's stated period is checked against its time in force ("ten-year" names it, and is no claim)
    programme = claims["C012"]
    record = next(e for e in rows("events_timeline.csv") if e["event"] == programme["event"])
    overlap = t("reason.overlap", claim=when(programme["period_start"], programme["period_end"]),
                record=when(record["date_start"][:4], record["date_end"][:4]))
    assert f"{word['close']}: {' '.join(overlap.split())}" in entries["C012"]  # the entries are read with their spaces folded
    assert "Stated: 2000 ·" in entries["C010"] and "Stated: 15 enterprises ·" in entries["C011"]
