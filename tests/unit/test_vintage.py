"""The data of the time: the derived tables regenerate from the raw files, and
the recomputed totals, shares and ranks equal what the raw IMF and World Bank
files say, read here on their own, without the book's loader or generator."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import REPO, rows
from oicbook.core import economy
from oicbook.core.checks import Evidence, case
from oicbook.core.data import load
from oicbook.core.verdicts import value_verdict
from tools import vintage

RAW = REPO / "data" / "vintage"


def raw_weo(file: str) -> list[dict[str, str]]:
    text = (RAW / file).read_bytes().decode("latin-1")
    return [r for r in csv.DictReader(io.StringIO(text), delimiter="\t") if r.get("WEO Subject Code")]


def number(cell: str) -> float | None:
    cell = cell.replace(",", "").strip()
    return None if cell in ("", "n/a", "--") else float(cell)


def members(year: int) -> set[str]:
    return {m["iso3"] for m in rows("oic_members.csv") if m["status"] == "member" and m["iso3"] and int(m["accession_year"]) <= year}


@pytest.fixture(scope="module")
def evidence():
    return Evidence.from_book(REPO)


def test_the_derived_tables_regenerate_from_the_raw_files():
    for name, text in vintage.tables(REPO / "data").items():
        assert (REPO / "data" / name).read_text(encoding="utf-8") == text, name


def test_the_raw_files_are_the_ones_described():
    import hashlib

    described = {r["path"]: r["hash"] for r in json.loads((REPO / "data" / "datapackage.json").read_text(encoding="utf-8"))["resources"] if r.get("type") == "file"}
    assert sorted(described) == sorted(f"vintage/{p.name}" for p in RAW.iterdir() if p.suffix in {".tsv", ".csv"})  # beside them, their SOURCES.md
    for path, digest in described.items():
        assert digest == "sha256:" + hashlib.sha256((REPO / "data" / path).read_bytes()).hexdigest(), path


@pytest.mark.parametrize("subject, key", [("NGDPD", "weo2009_usd"), ("PPPGDP", "weo2009_ppp")])
@pytest.mark.parametrize("year", [2000, 2009])
def test_weo_2009_totals_and_shares_equal_the_raw_file(evidence, subject, key, year):
    by_country = {r["ISO"]: number(r[str(year)]) for r in raw_weo("WEOOct2009all.tsv") if r["WEO Subject Code"] == subject}
    world = next(number(r[str(year)]) for r in raw_weo("WEOOct2009alla.tsv") if r["Country Group Name"] == "World" and r["WEO Subject Code"] == subject)
    expected = sum(v for c, v in by_country.items() if c in members(year) and v is not None) * 1e9
    measure = next(m for m in economy.THEN_MEASURES if m.key == key)
    assert economy.oic_total(evidence.gdp, measure, year, evidence.oic_members).value == pytest.approx(expected)
    assert economy.world_total(evidence.gdp, measure, year) == pytest.approx(world * 1e9)


def test_world_bank_2012_totals_and_kazakhstans_rank_equal_the_raw_file(evidence):
    with open(RAW / "wb_gdp_current_usd_okfn_2012-09-20.csv", encoding="utf-8", newline="") as f:
        raw = [r for r in csv.DictReader(f) if r["Year"] == "2009"]
    values = {r["Country Code"]: float(r["Value"]) for r in raw if r["Country Code"] in members(2009)}
    measure = next(m for m in economy.THEN_MEASURES if m.key == "wb2012_usd")
    assert economy.oic_total(evidence.gdp, measure, 2009, evidence.oic_members).value == pytest.approx(sum(values.values()))
    expected_rank = 1 + sum(v > values["KAZ"] for v in values.values())
    assert economy.ranks(evidence.gdp, measure, 2009, evidence.oic_members)["KAZ"] == expected_rank


def test_estimates_follow_the_raw_files_last_actual_year():
    weo = {(r["ISO"], r["WEO Subject Code"]): r for r in raw_weo("WEOOct2009all.tsv")}
    derived = {(r["iso3"], r["year"]): r for r in rows("gdp_imf_weo_oct2009_oic_world.csv")}
    kaz = weo[("KAZ", "NGDPD")]
    last_actual = int(kaz["Estimates Start After"])
    assert derived[("KAZ", str(last_actual))]["estimate"] == "False"
    assert derived[("KAZ", str(last_actual + 1))]["estimate"] == "True"


def test_each_gdp_claim_is_judged_against_both_times(evidence):
    from oicbook.core.bib import bib_keys_by_url
    from oicbook.core.ledger import results

    claims = load("claims", REPO)
    found = results(claims, evidence, bib_keys_by_url(REPO))
    for _, claim in claims[claims["check"] == "oic_gdp"].iterrows():
        result = found[claim["id"]]  # the primary verdict: the data of the time's, with today's beside it
        then_cases = [c for c in result.cases if c.measure in {m.key for m in economy.THEN_MEASURES}]
        assert result.today is not None and then_cases
        fit = min((c.verdict for c in then_cases), key=["consistent", "close", "inconsistent"].index)
        nearest = min((c for c in then_cases if c.verdict == fit), key=lambda c: abs(c.value - float(claim["value"])))
        kind = next(m.kind for m in economy.THEN_MEASURES if m.key == nearest.measure)
        # a dollar figure that fits only at purchasing-power parity is the right figure in the wrong unit
        wrong_unit = claim["unit"] == "USD" and kind == "ppp" and fit != "inconsistent"
        assert result.verdict == ("close" if wrong_unit else fit)
        for c in then_cases:
            measure = next(m for m in economy.THEN_MEASURES if m.key == c.measure)
            total = economy.oic_total(evidence.gdp, measure, int(claim["period_start"]), evidence.oic_members).value
            assert c.value == pytest.approx(total)
            assert c.verdict == value_verdict(float(claim["value"]), total, 1e11)  # written to a tenth of a trillion
        assert result.today.verdict == min((c.verdict for c in result.cases if c.measure in {m.key for m in economy.MEASURES}),
                                           key=["consistent", "close", "inconsistent"].index)


def test_the_best_fit_passes_the_most_checks(evidence):
    from oicbook.core.bib import bib_keys_by_url
    from oicbook.core.checks import implied_growth
    from oicbook.core.fit import measure_fits
    from oicbook.core.ledger import results

    claims = load("claims", REPO)
    found = results(claims, evidence, bib_keys_by_url(REPO))
    totals = [r for _, r in claims[claims["check"] == "oic_gdp"].sort_values("period_start").iterrows()]
    rank_claim = claims[claims["check"] == "kazakhstan_gdp_rank"].iloc[0]
    leaders = ["IDN", "TUR", "IRN", "SAU"]  # the article's order, S029
    fits = measure_fits(totals, implied_growth(*totals, evidence), rank_claim, found, leaders, evidence)
    assert [f.passed for f in fits] == sorted((f.passed for f in fits), reverse=True)
    best = fits[0]
    for claim, c in zip(totals, best.totals):
        assert c.verdict == case(found[claim["id"]], best.measure.key).verdict in {"consistent", "close"}
    assert len(fits) == len(economy.ALL_MEASURES)
