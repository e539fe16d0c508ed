"""The humanitarian chapter's amounts, ratio, counts and verdicts against its data."""

from collections import Counter

import pytest

from conftest import MARK, html_table, rows, visible_text


@pytest.fixture(scope="module")
def page(built_book):
    return (built_book.html / "chapters" / "humanitarian.html").read_text(encoding="utf-8")


def test_somalia_amounts_and_verdict(page, claims):
    assert float(claims["C028"]["value"]) == 350e6
    text = visible_text(page)
    assert "The article says that 350 million USD was mobilised" in text
    assert "The record (Table" in text and "gives 350 million USD as pledged" in text
    assert "Kazakhstan’s own transfer through the OIC’s humanitarian coalition was 500,000 USD, or 0.14 % of the sum pledged" in text
    table = html_table(page, "tbl-somalia")[1:]
    assert [(r[0], r[2], r[3]) for r in table] == [("2011-08-17", "Istanbul, Turkey", "350 million USD"), ("2011-09-02", "Kazakhstan", "500,000 USD")]
    assert "The ledger’s verdict is ≈ close, given by written judgement" in text


def test_syria_amount_ratio_and_verdict(page, claims):
    stated = float(claims["C029"]["value"])
    assert stated == 200e6
    ratio = stated / 400_000
    text = visible_text(page)
    assert f"the article’s figure is {ratio:,.0f} times the recorded one (≠ inconsistent)" in text
    assert html_table(page, "tbl-syria")[1][3] == "400,000 USD"


def test_counts_by_domain_and_year(page):
    social = rows("social_items.csv")
    table = html_table(page, "tbl-social-domains")
    header, body = table[0], table[1:]
    assert header == ["Domain", "2009", "2012", "without a year", "Total"]
    counts = Counter((s["domain"], s["year"] or "none") for s in social)
    for domain, y2009, y2012, none, total in body:
        assert (int(y2009), int(y2012), int(none)) == (counts[(domain, "2009")], counts[(domain, "2012")], counts[(domain, "none")])
        assert int(total) == sum(n for (d, _), n in counts.items() if d == domain)
    assert sum(int(r[4]) for r in body) == len(social) == len(html_table(page, "tbl-social")) - 1


def test_verdicts_of_the_humanitarian_claims(page, claims):
    table = {r[0]: r for r in html_table(page, "tbl-humanitarian-claims")[1:]}
    assert sorted(table) == sorted(c for c, v in claims.items() if v["chapter"] == "humanitarian")
    expected = {"C024": "close", "C025": "inconsistent", "C026": "unverifiable", "C027": "identified", "C028": "close", "C029": "inconsistent"}
    assert {c: table[c][4].split(":")[0] for c in expected} == {c: MARK[v] for c, v in expected.items()}
    # the Dushanbe sentence: no Council met there in its year; the record's Councils of Dushanbe and of that year are named
    events = {e["id"]: e for e in rows("events_timeline.csv")}
    dushanbe = next(e for e in events.values() if e["place"].startswith("Dushanbe") and "Council of Foreign Ministers" in e["event"])
    same_year = next(e for e in events.values() if e["date_start"][:4] == claims["C025"]["period_start"] and "Council of Foreign Ministers" in e["event"])
    reason = table["C025"][4]
    assert f"no Council met in Dushanbe in {claims['C025']['period_start']}" in reason
    assert dushanbe["date_start"][:4] in reason and same_year["place"].split(",")[0] in reason


def test_handover_is_quoted_and_checked(page):
    text = visible_text(page)
    assert "(S071)" in text
    assert f"C030 {MARK['consistent']}: same period at month precision; C031 {MARK['identified']}" in text
