"""The verdict rules of ``oicbook.core``, without words: codes and phrases.

The values at the edges of each tolerance are computed from the tolerances the
rules state, not typed, so a change of tolerance moves the test with it.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from oicbook.core import economy
from oicbook.core.checks import Evidence, case, event_amount, implied_growth, recorded_amount
from oicbook.core.ledger import as_named, results, with_judgement
from oicbook.core.periods import Period
from oicbook.core.phrases import Amount, Label, Ordinal, Phrase, Ratio, When, phrase
from oicbook.core.verdicts import (
    CLOSE_TOLERANCE,
    CONSISTENT_TOLERANCE,
    ROUND_PERCENT_STEP,
    STATUSES,
    best,
    count_verdict,
    date_verdict,
    duration_verdict,
    english_ordinal,
    ordinal_verdict,
    rank_verdict,
    value_verdict,
)


def test_periods_parse_each_precision_and_spans():
    assert Period.parse("2010") == Period(date(2010, 1, 1), date(2010, 12, 31), "year")
    assert Period.parse("2012-02") == Period(date(2012, 2, 1), date(2012, 2, 29), "month")
    assert Period.parse("2011-06-28", "2011-06-30") == Period(date(2011, 6, 28), date(2011, 6, 30), "day")
    assert Period.parse("2011-06-28", "2011-07").precision == "month"


def test_a_figure_rounds_to_itself_at_its_own_precision():
    step = 0.1e12  # "3,7 трлн." is written to a tenth of a trillion
    assert value_verdict(3.7e12, 3.7e12 + step / 2, step) == "consistent"
    assert value_verdict(3.7e12, 3.7e12 + step / 2 + 1e9, step) == "close"
    assert value_verdict(3.7e12, 3.7e12 * (1 + CLOSE_TOLERANCE) + 1e9, step) == "inconsistent"


def test_a_derived_figure_is_judged_by_the_tolerances():
    assert value_verdict(100, 100 * (1 + CONSISTENT_TOLERANCE)) == "consistent"
    assert value_verdict(100, 100 * (1 + CONSISTENT_TOLERANCE) + 0.01) == "close"
    assert value_verdict(100, 100 * (1 + CLOSE_TOLERANCE)) == "close"
    assert value_verdict(100, 100 * (1 + CLOSE_TOLERANCE) + 0.01) == "inconsistent"


def test_counts_ranks_and_the_best_of_several():
    assert (count_verdict(12, 12), count_verdict(12, 11)) == ("consistent", "inconsistent")
    assert [rank_verdict(12, r) for r in (12, 11, 13, 10)] == ["consistent", "close", "close", "inconsistent"]
    assert best(["inconsistent", "close", "unverifiable"]) == "close"
    assert best(list(reversed(STATUSES))) == STATUSES[0]


def test_dates_say_why_as_phrases():
    assert date_verdict(Period.parse("2011-06"), Period.parse("2011-06-28", "2011-06-30")) == (
        "consistent", phrase("reason.same_period", precision=Label("precision", "month")))
    assert date_verdict(Period.parse("2011-06-27", "2011-06-29"), Period.parse("2011-06-28", "2011-06-30")) == (
        "close", phrase("reason.overlap", claim=When("2011-06-27", "2011-06-29"), record=When("2011-06-28", "2011-06-30")))
    assert date_verdict(Period.parse("2009"), Period.parse("2010-05-18", "2010-05-20")) == (
        "inconsistent", phrase("reason.apart", claim=When("2009"), record=When("2010")))


def test_ordinals_and_durations_are_found_in_the_records_name():
    assert [english_ordinal(n) for n in (1, 2, 3, 11, 12, 13, 21, 38, 112)] == ["1st", "2nd", "3rd", "11th", "12th", "13th", "21st", "38th", "112th"]
    assert ordinal_verdict(38, "38th Session of the Council") == ("identified", phrase("reason.same_ordinal", ordinal=Ordinal(38)))
    assert ordinal_verdict(37, "137th Session")[0] == "inconsistent"
    assert duration_verdict(10, "Ten-Year Programme of Action")[0] == "identified"
    assert duration_verdict(10, "10-year plan")[0] == "identified"
    assert duration_verdict(5, "Ten-Year Programme")[0] == "inconsistent"


def test_an_amount_is_read_from_an_english_record():
    assert recorded_amount("350 million USD pledged") == 350e6
    assert recorded_amount("1.5 billion USD") == 1.5e9
    assert recorded_amount("USD 2,000 pledged") is None
    assert recorded_amount("749,000 USD") == 749e3


def claim(**fields) -> pd.Series:
    base = {"id": "C900", "sentence_id": "S001", "value": None, "unit": None, "kind": "amount", "figure": "1",
            "period_start": None, "period_end": None, "event": None, "check": None, "judgement": None, "judgement_reason": None}
    return pd.Series({**base, **fields})


def test_an_amount_against_its_record_keeps_the_ratio_as_a_value():
    result = event_amount(claim(value=200e6, figure="200 млн", event="400,000 USD raised"), None)
    assert result.verdict == "inconsistent"
    assert result.reason == phrase("reason.amount", record=Amount(400e3), ratio=Ratio(500.0))
    assert result.value == 400e3 and result.cases[0].verdict == "inconsistent"


def test_a_written_judgement_keeps_the_rule_inside_its_reason():
    ruled = event_amount(claim(value=200e6, figure="200 млн", event="400,000 USD raised"), None)
    judged = with_judgement(claim(judgement="close", judgement_reason="a later total"), ruled)
    assert judged.verdict == "close"
    assert judged.reason == phrase("reason.judged", rule=ruled.reason, verdict=Label("verdict", "close"), why="a later total")


def test_a_dollar_figure_that_fits_only_at_ppp_is_close_at_best_and_says_why():
    """Near a figure at purchasing-power parity, a measure the article does not
    name, its US dollars are close at best: the reason says so and keeps what the
    rule found; a figure in the unit the record gives, or one that misses at PPP
    too, keeps its verdict."""
    from oicbook.core.checks import Case, Result

    kind = {m.key: m.kind for m in economy.VINTAGES["then"]}
    ppp = next(k for k, v in kind.items() if v == "ppp")
    market = next(k for k, v in kind.items() if v != "ppp")
    ruled = Result("close", phrase("reason.no_source"), "—", [], 7.43e12, [Case(ppp, 2009, 7.43e12, "close"), Case(market, 2009, 4.11e12, "inconsistent")])
    found = as_named(claim(unit="USD"), ruled)
    assert found.verdict == "close"
    exact = Result("consistent", ruled.reason, "—", [], 7.43e12, [Case(ppp, 2009, 7.43e12, "consistent"), Case(market, 2009, 4.11e12, "inconsistent")])
    assert as_named(claim(unit="USD"), exact).verdict == "close"  # the right figure in a measure it does not name
    assert found.reason == phrase("reason.close_at_ppp", verdict=Label("verdict", "close"), rule=ruled.reason)
    assert as_named(claim(unit="intl_dollar"), ruled) is ruled
    at_market = Result("close", ruled.reason, "—", [], 4.11e12, [Case(market, 2009, 4.11e12, "close")])
    assert as_named(claim(unit="USD"), at_market) is at_market
    missed = Result("inconsistent", ruled.reason, "—", [], 7.43e12, [Case(ppp, 2009, 7.43e12, "inconsistent")])
    assert as_named(claim(unit="USD"), missed) is missed


def gdp_frames(then_growth: float = 2.0):
    """Two members and the world, in today's sources and those of the time, for
    2000 and 2009 (a release of 2009 has no forecast in it then); the data of the time grow ``then_growth`` times."""
    rows = {"wdi": [], "imf": [], "weo2009": [], "wb2012": []}
    for year, scale in ((2000, 1.0), (2009, 2.0)):
        then = 1.0 if year == 2000 else then_growth
        for iso3, base in (("AAA", 1.0e12), ("BBB", 2.0e12), ("WORLD", 30e12)):
            value = base * scale
            rows["wdi"].append({"iso3": "WLD" if iso3 == "WORLD" else iso3, "year": year, "gdp_current_usd": value, "gdp_ppp_current_intl_wdi2024_06": 2 * value})
            rows["imf"].append({"iso3": "WORLD_SUM" if iso3 == "WORLD" else iso3, "year": year, "gdp_current_usd_bn": value / 1e9, "gdp_ppp_current_intl_bn": 2 * value / 1e9})
            rows["weo2009"].append({"iso3": "WEO_WORLD" if iso3 == "WORLD" else iso3, "year": year,
                                    "gdp_current_usd_bn": base * then / 1e9, "gdp_ppp_current_intl_bn": 2 * base * then / 1e9})
            rows["wb2012"].append({"iso3": "WLD" if iso3 == "WORLD" else iso3, "year": year, "gdp_current_usd": base * then})
    members = pd.DataFrame({"iso3": ["AAA", "BBB"], "name_en": ["A", "B"], "status": ["member", "member"], "accession_year": [1969, 1969]})
    return {f"gdp_{k}": pd.DataFrame(v) for k, v in rows.items()}, members


def test_a_release_s_forecasts_are_not_data_of_the_time():
    frames, _ = gdp_frames()
    weo = next(m for m in economy.THEN_MEASURES if m.frame == "gdp_weo2009")
    later = pd.concat([frames["gdp_weo2009"], frames["gdp_weo2009"].assign(year=weo.published + 1)])
    assert weo.published + 1 not in economy.years({**frames, "gdp_weo2009": later}, weo)
    assert weo.published in economy.years({**frames, "gdp_weo2009": later}, weo)


def test_the_implied_growth_is_judged_under_every_measure_of_both_times():
    frames, members = gdp_frames(then_growth=1.5)
    evidence = Evidence(events=pd.DataFrame(), oic_members=members, **frames)
    first = claim(value=3e12, period_start="2000")
    last = claim(value=6e12, period_start="2009")  # doubled, as every measure of today did
    result = implied_growth(first, last, evidence)
    assert [c.measure for c in result.cases] == [m.key for m in economy.ALL_MEASURES]
    multiple, rate = economy.growth(3e12, 6e12, 9)
    for c in result.cases[: len(economy.MEASURES)]:
        assert c.detail == pytest.approx(multiple) and c.value == pytest.approx(rate) and c.verdict == "consistent"
    assert result.verdict == "consistent"
    # the data of the time grew 1.5 times: a 4.1 % yearly rate against the stated 7.2 %
    assert [c.detail for c in result.then.cases] == pytest.approx([1.5] * len(economy.THEN_MEASURES))
    assert result.then.verdict == "inconsistent"
    assert case(result, "wdi_ppp").year == 2009


def test_results_are_keyed_by_claim_and_a_claim_without_a_rule_is_unchecked():
    claims = pd.DataFrame([claim(id="C901", kind="count", value=4)])
    found = results(claims, Evidence(events=pd.DataFrame({"event": [], "source_url": []})))
    assert found["C901"].verdict == "unchecked"
    assert found["C901"].reason == Phrase("reason.no_rule", {"kind": "count"})


def test_stated_tolerances_for_fractions_and_percentages():
    from oicbook.core.numerals import stated_precision
    from oicbook.core.verdicts import FRACTION_BAND

    two_thirds, band = 2 / 3, FRACTION_BAND / 100
    step = stated_precision("2/3")
    assert value_verdict(two_thirds, two_thirds + band, step) == "consistent"
    assert value_verdict(two_thirds, two_thirds + band + 1e-6, step) != "consistent"
    # a percentage is read to its last written digit, a zero too
    # a round percentage is read to the nearest five points; any other to its last digit
    assert stated_precision("40%") == ROUND_PERCENT_STEP and stated_precision("43%") == 1 and stated_precision("12,03%") == pytest.approx(0.01)
    assert value_verdict(40, 40 + ROUND_PERCENT_STEP / 2, stated_precision("40%")) == "consistent"
    assert value_verdict(40, 40 + ROUND_PERCENT_STEP / 2 + 0.01, stated_precision("40%")) == "close"
    assert value_verdict(43, 43.51, stated_precision("43%")) == "close"
    # an amount's trailing zeros stay rounding
    assert stated_precision("350 млн.") == 1e7


def test_a_name_match_identifies_and_never_confirms():
    assert ordinal_verdict(37, "37th Session of the OIC Council of Foreign Ministers")[0] == "identified"
    assert duration_verdict(10, "Ten-Year Programme")[0] == "identified"
    assert STATUSES.index("identified") > STATUSES.index("consistent")


def events_frame(rows):
    cols = ["id", "date_start", "date_end", "event", "place", "kind", "article_claim", "source_url", "source_date", "source_note"]
    return pd.DataFrame([{c: r.get(c, pd.NA) for c in cols} for r in rows]).astype("string")


def test_a_council_placed_in_the_wrong_year_or_place():
    from oicbook.core.checks import council_place_year

    events = events_frame([
        {"id": "E01", "date_start": "2009", "event": "36th Session of the OIC Council of Foreign Ministers", "place": "Damascus, Syria", "source_url": "u1"},
        {"id": "E02", "date_start": "2010-05-18", "date_end": "2010-05-20", "event": "37th Session of the OIC Council of Foreign Ministers", "place": "Dushanbe, Tajikistan", "source_url": "u2"},
    ])
    ev = Evidence(events=events)
    wrong = council_place_year(claim(kind="date", period_start="2009", period_end="2009", event="37th Session of the OIC Council of Foreign Ministers"), ev)
    assert wrong.verdict == "inconsistent"
    assert wrong.reason == phrase("reason.place_or_year", city="Dushanbe", year=2009, here=Ordinal(37), here_year="2010", there=Ordinal(36), there_city="Damascus")
    right = council_place_year(claim(kind="date", period_start="2010", period_end="2010", event="37th Session of the OIC Council of Foreign Ministers"), ev)
    assert right.verdict == "consistent"




def test_gaps_are_measured_in_each_kind_s_own_measure():
    from oicbook.core.gaps import gap, ranked

    events = events_frame([{"id": "E01", "date_start": "2010-05-18", "date_end": "2010-05-20", "event": "a Council", "place": "x", "source_url": "u"}])
    share = claim(kind="share", unit="fraction", value=2 / 3, independent_value=0.70, verdict="close")
    amount = claim(kind="amount", unit="USD", value=200e6, independent_value=400e3, verdict="inconsistent")
    when = claim(kind="date", period_start="2009", period_end="2009", event="a Council", independent_value=pd.NA, verdict="inconsistent")
    assert gap(share, events) == (pytest.approx(100 * (0.70 - 2 / 3)), "points")
    assert gap(amount, events) == (pytest.approx(200e6 / 400e3), "ratio")  # 500 times, never "49,900 %"
    assert gap(when, events) == (2010 - 2009, "years")  # a year against a day is judged in years
    in_month = claim(kind="date", period_start="2010-03", period_end="2010-03", event="a Council", independent_value=pd.NA, verdict="close")
    assert gap(in_month, events) == (5 - 3, "months")
    on_day = claim(kind="date", period_start="2010-05-10", period_end="2010-05-10", event="a Council", independent_value=pd.NA, verdict="close")
    assert gap(on_day, events) == ((date(2010, 5, 18) - date(2010, 5, 10)).days, "days")
    order = ranked(pd.DataFrame([share, amount, when]).assign(id=["A", "B", "C"]), events)
    assert list(order["kind"]) == ["amount", "share", "date"]
    agreed = claim(kind="count", unit="members", value=12, independent_value=12, verdict="consistent")
    assert "D" not in set(ranked(pd.DataFrame([share, agreed]).assign(id=["A", "D"]), events)["id"])  # nothing to rank
