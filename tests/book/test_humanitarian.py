"""The humanitarian chapter's amounts, ratio, counts and verdicts against its data."""

import re

import pytest

from oicbook.report.display import amount, number, when  # tested in tests/unit
from conftest import MARK, chapter_claims, html_table, ledger_entries, ledger_marks, ledger_part, rows, visible_text


CREDIT = {"borne_out": "borne out", "shared": "shared", "overstated": "overstated", "not_shown": "not shown"}


@pytest.fixture(scope="module")
def page(built_book):
    return (built_book.html / "chapters" / "humanitarian.html").read_text(encoding="utf-8")


def usd(text: str) -> float:
    """The first amount an event's text gives: '350 million USD', '500,000 USD'."""
    number, scale = re.search(r"([\d,.]+)( million)? USD", text).groups()
    return float(number.replace(",", "")) * (1e6 if scale else 1)


def recorded(claim_id: str) -> dict[str, str]:
    """The event a claim is checked against: claims.csv names it."""
    event = next(c["event"] for c in rows("claims.csv") if c["id"] == claim_id)
    return next(e for e in rows("events_timeline.csv") if e["event"] == event)


@pytest.fixture(scope="module")
def verdicts(built_book):
    return ledger_marks((built_book.html / "chapters" / "ledger.html").read_text(encoding="utf-8"))


def test_somalia_amounts_and_verdict(page, claims, verdicts):
    stated = float(claims["C024"]["value"])
    pledge = recorded("C024")
    own = next(e for e in rows("events_timeline.csv") if e["event"].startswith("Kazakhstan") and "Somalia" in e["event"])
    pledged, given = usd(pledge["event"]), usd(own["event"])
    text = visible_text(page)
    assert f"The article says that {amount(stated)} was mobilised" in text
    assert f"gives {amount(pledged)}, pledged by the OIC" in text
    assert re.search(rf"in {pledge['place'].split(',')[0]} on {re.escape(when(pledge['date_start']))} \[[^\]]+\]\.", text)  # with its source
    assert f"coalition was {amount(given)} [Total.kz, 2011]." in " ".join(text.replace("[ ", "[").replace(" ]", "]").split())  # with its source
    assert "% of the sum pledged" not in text  # a share the claim is not measured by
    assert 'id="tbl-amounts"' not in page  # the sums are told, with their sources, in the text; the chronology lists them
    credit = next(c for c in rows("credit_claims.csv") if c["sentence_id"] == claims["C024"]["sentence_id"])
    assert (f"The members’ pledged total that the article gives is {verdicts['c024'][0].split(' ')[0]} with the record; "
            f"the credit it draws from that total is {CREDIT[credit['verdict']]}.") in text.replace("'", "’")


def test_syria_amount_ratio_and_verdict(page, claims, verdicts):
    stated = float(claims["C025"]["value"])
    record = usd(recorded("C025")["event"])
    text = visible_text(page)
    # the two readings, recomputed from the data: the scale of all the aid reported, and tenge at the year's rate
    total = max(rows("kazakhstan_aid.csv"), key=lambda r: int(r["period_end"]))
    year = recorded("C025")["date_start"][:4]
    tenge = next(float(r["gdp_current_lcu"]) for r in rows("gdp_lcu_wdi_kaz.csv") if r["year"] == year)
    dollars = next(float(r["gdp_current_usd_wdi2024_06"]) for r in rows("gdp_wdi_oic_world_1990_2023.csv") if r["iso3"] == "KAZ" and r["year"] == year)
    as_tenge = stated / (tenge / dollars)
    assert f"{amount(stated)} is {stated / float(total['amount_usd']):.1f} times the {amount(float(total['amount_usd']))} of humanitarian aid" in text
    assert f"of {tenge / dollars:.2f} tenge to the dollar in {year}" in text
    assert f"would give {amount(as_tenge)}, still {as_tenge / record:.1f} times the recorded sum" in text
    # the slip of scale, thousands written as millions, against the recorded sum
    assert f"Thousands written as millions would give {amount(stated / 1000)}, half the recorded sum" in text and stated / 1000 * 2 == record
    assert f"judge it {verdicts['c025'][0].split(' ')[0]} on its scale" in text
    assert f"Kazakhstan allocating {amount(record)} through the OIC" in text


def test_social_items_are_listed_once_each(page):
    social = rows("social_items.csv")
    assert 'id="tbl-social"' not in page and 'id="tbl-social-domains"' not in page  # a list of the article's own items argued nothing
    assert f"Of these, {number(sum(1 for s in social if s['year']))} carry a year" in visible_text(page)


def test_verdicts_of_the_humanitarian_claims(page, claims, built_book, verdicts):
    ledger = (built_book.html / "chapters" / "ledger.html").read_text(encoding="utf-8")
    assert ledger_part(ledger, "humanitarian") == chapter_claims("humanitarian")
    expected = {"C021": "inconsistent", "C022": "unverifiable", "C023": "consistent", "C024": "consistent", "C025": claims["C025"]["judgement"]}
    assert {c: verdicts[c.lower()][0] for c in expected} == {c: MARK[v] for c, v in expected.items()}
    entries = ledger_entries(ledger)
    # the Dushanbe sentence: no Council met there in its year; the record's Councils of Dushanbe and of that year are named
    events = {e["id"]: e for e in rows("events_timeline.csv")}
    dushanbe = next(e for e in events.values() if e["place"].startswith("Dushanbe") and "Council of Foreign Ministers" in e["event"])
    same_year = next(e for e in events.values() if e["date_start"][:4] == claims["C021"]["period_start"] and "Council of Foreign Ministers" in e["event"])
    reason = entries["C021"]
    assert f"no Council met in Dushanbe in {claims['C021']['period_start']}" in reason
    assert dushanbe["date_start"][:4] in reason and same_year["place"].split(",")[0] in reason


def test_handover_is_quoted_and_checked(page, verdicts):
    text = visible_text(page)
    assert "(S071)" in text  # the quotation keeps its sentence's id
    # the 39th Council's ordinal, given with the month and the city the record gives, is confirmed
    closing = [c["id"].lower() for c in rows("claims.csv") if c["sentence_id"] == "S071"]
    assert len(closing) == 2 and all(verdicts[c][0] == MARK["consistent"] for c in closing)
    paragraph = re.search(r"<p>[^<]*?The article closes by judging.*?</p>", page, re.S).group()
    assert "bears out the date and the number it gives the" in visible_text(paragraph)
    assert all(f'href="ledger.html#{c}"' in paragraph for c in closing)


def test_the_dushanbe_slip_is_traced_to_the_ministry_s_briefing(page, claims):
    """The article's year for the Dushanbe Council is the one the Foreign Ministry's
    briefing of the women's programme gives; the chapter quotes it from that source."""
    briefing = next(e for e in rows("events_timeline.csv") if e["id"] == "E12")
    text = visible_text(page)
    assert f"{claims['C021']['period_start']} council meeting in Dushanbe" in text
    assert f"In {when(briefing['source_date'][:7])} Kazakhstan’s Foreign Ministry told a news agency" in text  # the page's apostrophe
