"""The economy chapter's numbers against its data, recomputed here without the book's code."""

import re

import pytest


from oicbook.report.display import ordinal
from conftest import MARK, chapter_claims, html_table, ledger_entries, ledger_part, rows, visible_text

MEASURES = [  # (label, file, column, scale, world code): today's data, then the data of the time
    ("WDI 2024, current US$", "gdp_wdi_oic_world_1990_2023.csv", "gdp_current_usd", 1.0, "WLD"),
    ("WDI 2024, PPP", "gdp_wdi_oic_world_1990_2023.csv", "gdp_ppp_current_intl_wdi2024_06", 1.0, "WLD"),
    ("IMF WEO Apr. 2024, current US$", "gdp_imf_weo_apr2024_oic_world_1990_2023.csv", "gdp_current_usd_bn", 1e9, "WORLD_SUM"),
    ("IMF WEO Apr. 2024, PPP", "gdp_imf_weo_apr2024_oic_world_1990_2023.csv", "gdp_ppp_current_intl_bn", 1e9, "WORLD_SUM"),
    ("IMF WEO Oct. 2009, current US$", "gdp_imf_weo_oct2009_oic_world.csv", "gdp_current_usd_bn", 1e9, "WEO_WORLD"),
    ("IMF WEO Oct. 2009, PPP", "gdp_imf_weo_oct2009_oic_world.csv", "gdp_ppp_current_intl_bn", 1e9, "WEO_WORLD"),
    ("World Bank Sept. 2012, current US$", "gdp_wdi_2012_09_oic_world.csv", "gdp_current_usd", 1.0, "WLD"),
]


def verdict(stated, value, step, at_ppp=False):
    """The book's stated rule, written out again: rounds to the stated figure at its
    written step, or within 10 % (close), or neither; the article's US dollars near a
    figure at purchasing-power parity, a measure it does not name, are close at best."""
    near = abs(value - stated) <= step / 2 + 1e-9 * step or abs(value - stated) / stated <= 0.10
    if near and at_ppp:
        return MARK["close"]
    if abs(value - stated) <= step / 2 + 1e-9 * step:
        return MARK["consistent"]
    return MARK["close"] if near else MARK["inconsistent"]


@pytest.fixture(scope="module")
def page(built_book):
    return (built_book.html / "chapters" / "economy.html").read_text(encoding="utf-8")


def members_in(year):
    return {m["iso3"] for m in rows("oic_members.csv") if m["status"] == "member" and int(m["accession_year"]) <= year}


def gdp(file, column, scale, year):
    out = {}
    for r in rows(file):
        if int(r["year"]) == year and r[column]:
            out[r["iso3"]] = float(r[column]) * scale
    return out


THEN = MEASURES[4:]  # the table shows the data of the time; today's are drawn in the figure


def trillions(text):
    number, scale = re.match(r"([\d.]+) (trillion|billion)", text).groups()
    return float(number) * (1e12 if scale == "trillion" else 1e9)


YEARS = (2000, 2009)  # one column each, headed by the article's figure for it; then the share of the world


def test_oic_gdp_recomputed_to_the_rounding_shown(page):
    header, *table = html_table(page, "tbl-gdp")
    assert len(table) == len(THEN)
    assert [h.split(" ")[0] for h in header[1:3]] == [str(y) for y in YEARS]
    for label, file, column, scale, world_code in THEN:
        row = next(r for r in table if r[0] == label)
        for cell, year in zip(row[1:3], YEARS):
            values = gdp(file, column, scale, year)
            total = sum(v for c, v in values.items() if c in members_in(year))
            assert trillions(cell) == pytest.approx(total, rel=5e-3)  # shown to three figures
        values = gdp(file, column, scale, YEARS[-1])
        total = sum(v for c, v in values.items() if c in members_in(YEARS[-1]))
        assert row[3] == f"{100 * total / values[world_code]:.2f} %"


def test_gdp_verdicts(page, claims):
    header, *table = html_table(page, "tbl-gdp")
    stated = {2000: float(claims["C002"]["value"]), 2009: float(claims["C003"]["value"])}
    for label, file, column, scale, _ in THEN:
        row = next(r for r in table if r[0] == label)
        for cell, year in zip(row[1:3], YEARS):
            total = sum(v for c, v in gdp(file, column, scale, year).items() if c in members_in(year))
            # written to a tenth of a trillion, in US dollars
            assert cell.endswith(f"({verdict(stated[year], total, 1e11, at_ppp='PPP' in label)})"), (label, year)


def test_member_counts(page):
    opec = rows("opec_members_2011.csv")
    in_2011 = [o for o in opec if o["member_in_2011"] == "True"]
    both = [o for o in in_2011 if o["iso3"] in members_in(2011)]
    text = visible_text(page)
    assert f"OPEC (ОПЕК) had {len(in_2011)} members in 2011, and {len(both)} of them were OIC members" in text
    word = MARK["consistent"]  # running text gives the verdict as a word, linked to its entry
    assert f"The article has both counts right (both {word})." in text.replace("’", "'")


def test_ranks(page, claims):
    year = int(claims["C009"]["period_start"])  # the year of the GDP figures the rank's sentence follows
    ranks, then = [], []
    for label, file, column, scale, _ in MEASURES:
        for each in range(2009, 2013):
            if "Oct. 2009" in label and each > 2009:
                continue  # a release's figures for later years are forecasts, not data of the time
            values = {c: v for c, v in gdp(file, column, scale, each).items() if c in members_in(each)}
            if not values:
                continue
            rank = sorted(values, key=values.get, reverse=True).index("KAZ") + 1
            ranks.append(rank)
            if (label, file, column, scale, _) in THEN and each == year:
                then.append(rank)
    text = visible_text(page)
    # recomputed from the files: the data of the time in the rank's year, and every measure and year
    assert f"on the data of the time it ranks {ordinal(min(then))} to {ordinal(max(then))}" in text
    assert f"Kazakhstan ranks {min(ranks)}–{max(ranks)}" in text
    assert 'id="tbl-ranks"' not in page


def test_the_oil_shares_of_today_are_not_a_table(page):
    assert 'id="tbl-oil"' not in page  # the verdicts that count are the time's; today's are named in a sentence


def test_the_ledger_judges_the_article_against_each_published_oil_share(page, claims, built_book):
    """Each oil share published at the time stands in the claim's ledger entry, grouped
    under the verdict the article's figure gets against it; a count with more in it than
    the source's headline (the oil sands) is judged too, and the chapter names it and what
    it holds. The chapter says so in words, with no table. The President's share of GDP
    is another measure, and is said in the text, not judged."""
    said = [s for s in rows("statements_of_the_time.csv")]
    oil = [s for s in said if s["judged"] == "True"]
    scoped = [s for s in said if s["scope"]]
    assert scoped and all(s in oil for s in scoped)
    oil_section = visible_text(page.split('id="economy-oil"')[1].split("<section")[0])
    assert all(f"{float(s['value']):.0f} %" in oil_section for s in scoped) and "oil sands" in oil_section
    assert 'id="tbl-oil-published"' not in page and "<table" not in page.split("How much of the world")[1].split("<h2")[0]
    entries = ledger_entries((built_book.html / "chapters" / "ledger.html").read_text(encoding="utf-8"))
    by_check = {c["check"]: c for c in claims.values() if c["check"]}
    status = {mark: s for s, mark in MARK.items()}
    # the article writes 2/3 (a fraction: within 5 points) and 40% (a round figure: to the nearest 5 points)
    step = {"opec_reserve_share": 10.0, "opec_production_share": 5.0}
    for s in oil:
        claim = by_check[s["measure"]]
        mark = status[verdict(100 * float(claim["value"]) if claim["unit"] == "fraction" else float(claim["value"]), float(s["value"]), step[s["measure"]])]
        entry = entries[claim["id"]].split(MARK["consistent"] + ":", 1)[-1]  # the reason, after the verdict
        groups = dict(re.findall(r"(\w+) with ([^;]*)", entry.split("Against today")[0]))  # each verdict and the figures under it
        shown = f"{float(s['value']):g}"
        assert re.search(rf"\b{re.escape(shown)} % \({re.escape(s['who'])}, ", groups.get(mark, "")), (s["id"], mark, groups)
    president = next(s for s in said if s["measure"] == "oic_gdp_share")
    assert all(president["statement"] not in entries[c] for c in entries)
    text = visible_text(page)
    assert f"at market rates the share was nearer the {float(president['value']):.1f} % the President of Kazakhstan gave" in text
    assert president["statement"] in text


def test_article_values_in_the_tables_are_the_ledgers(page, claims, built_book):
    ledger = (built_book.html / "chapters" / "ledger.html").read_text(encoding="utf-8")
    economy = [c for c in claims.values() if c["chapter"] == "economy"]
    assert ledger_part(ledger, "economy") == chapter_claims("economy")
    entries = ledger_entries(ledger)
    for claim in economy:
        # headed by what it is about and its sentence's place in the article
        assert entries[claim["id"]].startswith(claim["subject"].split("{")[0].strip())
        assert f" · sentence {int(claim['sentence_id'][1:])} · " in entries[claim["id"]]
        assert claim["words"] in entries[claim["id"]] and claim["words_english"] in entries[claim["id"]]
    assert 'id="tbl-economy-claims"' not in page  # the chapter links its part of the ledger instead of repeating it
    assert 'id="tbl-finance"' not in page  # the dated claims are the ledger's to set out


def test_islamic_finance_has_no_arithmetic_without_meaning(page):
    assert "from each institution" not in visible_text(page)  # an average per lender said nothing


def test_the_rebasing_is_dated_from_its_row(page):
    """The national-accounts rebasing the chapter names is dated as its data row dates it."""
    from oicbook.report.display import when

    rebased = next(e for e in rows("events_timeline.csv") if "GDP rebased" in e["event"])
    assert f"when Nigeria rebased its national accounts, on {when(rebased['date_start'])}, its GDP came out far larger" in visible_text(page)
