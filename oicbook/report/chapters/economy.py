"""The economy chapter's sections. Each claim is found in the ledger by the
check that judges it (``check`` column), never by its id."""

from __future__ import annotations

import pandas as pd

from ...core import economy
from ...core.checks import ARTICLE_YEARS, OIL_YEARS, Evidence, Result, case, implied_growth, source_decimals
from ...core.fit import measure_fits, share_hypotheses, statement_verdicts
from ...core.names import named_countries
from ...core.verdicts import in_unit_named
from ..display import number, when, amount, claim_word, mark, ordinal, percent, stated, year_text
from ..display import judged as judged_cell
from ..figures import gdp_lines, share_lines, shares_in, titled
from ..labels import t
from ..markup import Md, markdown, role
from ..numbers import fixed, listing
from ..words import words
from . import Section, cited, event_named, verdicts_in_words


def in_words(key: str) -> str:
    """A measure as a sentence names it: 'the IMF's World Economic Outlook of
    October 2009, at purchasing-power parity' (tables keep the short label)."""
    measure = next(m for m in economy.ALL_MEASURES if m.key == key)
    return t("finding.measure_in_words", release=t(f"release.{measure.frame}"), kind=t(f"kind_in_words.{measure.kind}"))


def _share_in_words(result, keys: set[str]) -> str:
    """The nearest share of the time as a sentence gives it: '10.65 % for 2009, in
    the IMF's World Economic Outlook of October 2009, at purchasing-power parity'."""
    case = next((c for c in result.cases if c.measure in keys and c.value == result.value), None)
    if case is None:
        return words(result.independent)
    return t("finding.share_in", value=percent(case.value), year=year_text(case.year), release=in_words(case.measure))


def by_check(checked: pd.DataFrame, check: str) -> pd.DataFrame:
    """The ledger's claims judged by ``check``, in the order of their periods."""
    return checked[checked["check"] == check].sort_values(["period_start", "id"], kind="stable")


def one(checked: pd.DataFrame, check: str) -> pd.Series:
    return by_check(checked, check).iloc[0]


def _name_of(members: pd.DataFrame) -> pd.Series:
    return members.dropna(subset=["iso3"]).set_index("iso3")["name_en"]


def gdp(checked: pd.DataFrame, found: dict[str, Result], evidence: Evidence) -> Section:
    """OIC GDP by measure and year against the article's two totals and its share; growth; the series."""
    members = evidence.oic_members
    gdp_claims = [row for _, row in by_check(checked, "oic_gdp").iterrows()]
    share_claim = one(checked, "oic_gdp_share")
    share_year = int(share_claim["period_start"])
    # one row per measure of the time; the article's figure heads its year's column
    columns = {t("column.measure"): []}
    for claim in gdp_claims:
        columns[t("column.year_against", year=year_text(int(claim["period_start"])), stated=stated(claim))] = []
    share_column = t("column.share_against", year=year_text(share_year), stated=stated(share_claim))
    columns[share_column] = []
    for m in economy.THEN_MEASURES:  # today's data are drawn in the figure; the verdict is the time's
        columns[t("column.measure")].append(t(f"measure.{m.key}"))
        for claim, key in zip(gdp_claims, list(columns)[1:-1]):
            year = int(claim["period_start"])
            if year not in economy.years(evidence.gdp, m):
                columns[key].append("—")
                continue
            judged = case(found[claim["id"]], m.key)
            # read in the unit the article names, as the ledger reads it
            columns[key].append(judged_cell(words(judged.shown), in_unit_named(judged.verdict, claim["unit"], m.kind)))
        # the share the ledger judged under this measure, not computed again
        share_case = next((c for c in found[share_claim["id"]].cases if c.measure == m.key and c.year == share_year), None)
        columns[share_column].append(percent(share_case.value) if share_case else "—")
    table = pd.DataFrame(columns)

    first, last = gdp_claims
    year_a, year_b = int(first["period_start"]), int(last["period_start"])
    ppp_b = economy.oic_total(evidence.gdp, economy.MEASURES[1], year_b, members).value
    return Section(
        implied_world(checked, evidence),
        gdp_table=table.to_dict("list"),
        year_a=year_text(year_a),
        year_b=year_text(year_b),
        members_a=len(economy.members_in(year_a, members)),
        members_b=len(economy.members_in(year_b, members)),
        wdi_ppp_b=amount(ppp_b, "intl_dollar"),
        stated_b=stated(last),
        share_stated=stated(share_claim),
        # one word for both totals where they share a verdict, each linked to its entry where they do not
        totals_verdict=claim_word(first) if first["verdict"] == last["verdict"] else Md(listing([claim_word(first), claim_word(last)])),
    )


def implied_world(checked: pd.DataFrame, evidence: Evidence) -> Section:
    """The world total the article's share and its last total imply, and whether it lies
    between the world totals of the release of the time at market rates and at PPP."""
    last, share_claim = by_check(checked, "oic_gdp").iloc[-1], one(checked, "oic_gdp_share")
    year = int(last["period_start"])
    implied = float(last["value"]) / (float(share_claim["value"]) / 100)
    worlds = {m.kind: economy.world_total(evidence.gdp, m, year) for m in economy.THEN_MEASURES if m.frame == "gdp_weo2009"}
    between = min(worlds.values()) < implied < max(worlds.values())
    return Section(
        share_verdict=claim_word(share_claim),
        implied_where=t("finding.world_between" if between else "finding.world_outside"),
        share_total=stated(last),
        implied_world=amount(implied),
        world_usd=amount(worlds["usd"]),
        world_ppp=amount(worlds["ppp"], "intl_dollar"),
    )


# the releases of the time and today's data, each at market rates and at PPP, as in the table beside it
FIGURE_MEASURES = ("weo2009_ppp", "weo2009_usd", "wb2012_usd", "wdi_ppp", "wdi_usd")


def gdp_chart(checked: pd.DataFrame, evidence: Evidence) -> Section:
    """The article's two totals drawn against the whole series under each measure."""
    first, last = (row for _, row in by_check(checked, "oic_gdp").iterrows())
    year_b = int(last["period_start"])
    # the years the data of the time cover: the span the article could have drawn on
    then_years = set().union(*(economy.years(evidence.gdp, m) for m in economy.THEN_MEASURES))
    years = sorted(set(evidence.gdp_wdi["year"].unique()) & set(range(min(then_years), max(then_years) + 1)))
    series = {m.key: economy.oic_series(evidence.gdp, m, sorted(set(years) & economy.years(evidence.gdp, m)), evidence.oic_members)
              for m in economy.ALL_MEASURES if m.key in FIGURE_MEASURES}
    points = pd.DataFrame({"year": [int(first["period_start"]), year_b], "value": [first["value"], last["value"]],
                           "label": [f"{stated(c)} ({int(c['period_start'])})" for c in (first, last)]})
    at_b = {key: frame.loc[frame["year"] == year_b, "oic"].iloc[0] for key, frame in series.items() if (frame["year"] == year_b).any()}
    nearest = min(at_b, key=lambda key: abs(at_b[key] - last["value"]))
    def span(kind: str) -> str:
        """The range under one kind of measure, in trillions of its own unit: 'low–high', or one figure where they meet."""
        values = [v for key, v in at_b.items() if key.endswith(kind)]
        return "–".join(fixed(v / 1e12, 1) for v in sorted({min(values), max(values)}))

    title = t("figure.gdp_title", year=year_b, stated=stated(last), measure=t(f"measure.{nearest}"), usd=span("_usd"), ppp=span("_ppp"))
    return Section(
        gdp_years=f"{years[0]}–{years[-1]}",
        gdp_figure=titled(gdp_lines(series, points, {m.key for m in economy.THEN_MEASURES}), title),
    )


SHARE_MEASURES = ("weo2009_usd", "weo2009_ppp", "wb2012_usd", "wdi_usd", "wdi_ppp")


def share_chart(checked: pd.DataFrame, evidence: Evidence) -> Section:
    """The article's share of world GDP drawn against the share under each measure, year by year."""
    claim = one(checked, "oic_gdp_share")
    year = int(claim["period_start"])
    then_years = set().union(*(economy.years(evidence.gdp, m) for m in economy.THEN_MEASURES))
    span = range(min(then_years), max(then_years) + 1)
    series = {}
    for m in economy.ALL_MEASURES:
        if m.key not in SHARE_MEASURES:
            continue
        frame = economy.oic_series(evidence.gdp, m, sorted(set(span) & economy.years(evidence.gdp, m)), evidence.oic_members)
        frame["share"] = [100 * oic / economy.world_total(evidence.gdp, m, int(y)) for y, oic in zip(frame["year"], frame["oic"])]
        series[m.key] = frame
    then = {m.key for m in economy.THEN_MEASURES}
    point = {"year": year, "share": float(claim["value"]), "stated": stated(claim),
             "label": t("figure.article_share", stated=stated(claim), year=year_text(year))}
    of_then, today = shares_in(series, year, then)  # today's at market rates and at PPP
    title = t("figure.share_title", stated=stated(claim), year=year_text(year), then_low=percent(min(of_then), 1),
              then_high=percent(max(of_then), 1), today_usd=percent(today["usd"], 1), today_ppp=percent(today["ppp"], 1))
    years = sorted(set().union(*(set(f["year"]) for f in series.values())))
    return Section(share_years=f"{int(years[0])}–{int(years[-1])}", share_figure=titled(share_lines(series, point, then), title))


def ranks(checked: pd.DataFrame, evidence: Evidence, sentences: pd.DataFrame, country_names: pd.DataFrame) -> Section:
    """The largest members and Kazakhstan's rank, for each measure and year the article can have drawn on."""
    members, name_of = evidence.oic_members, _name_of(evidence.oic_members)
    claim = one(checked, "kazakhstan_gdp_rank")
    leaders = _leaders(checked, sentences, country_names)
    ranks, same_leaders = [], []
    # every measure and year the article can have drawn on; the ledger judges the claim's own year
    for m in economy.ALL_MEASURES:
        for year in sorted(set(ARTICLE_YEARS) & economy.years(evidence.gdp, m)):
            order = economy.ranks(evidence.gdp, m, year, members)
            ranks.append(int(order["KAZ"]))
            same_leaders.append(set(order.index[: len(leaders)]) == set(leaders))
    return Section(
        leaders_how_often=t("finding.how_often." + ("always" if all(same_leaders) else "nearly" if sum(same_leaders) >= 0.75 * len(same_leaders) else "often" if sum(same_leaders) >= 0.5 * len(same_leaders) else "sometimes")),
        leaders=listing(name_of[c] for c in leaders),
        rank_spread=f"{min(ranks)}–{max(ranks)}",
        rank_verdict=claim_word(claim),
        rank_stated=ordinal(int(claim["value"])),
        rank_years=f"{min(ARTICLE_YEARS)}–{max(ARTICLE_YEARS)}",
    )


def opec(checked: pd.DataFrame, evidence: Evidence) -> Section:
    """OPEC's members in 2011 and which of them were OIC members."""
    in_2011 = economy.opec_2011(evidence.opec_members)
    both = economy.opec_oic_2011(evidence.opec_members, evidence.oic_members)
    return Section(
        n_opec=len(in_2011),
        n_opec_oic=len(both),
        opec_oic_names=listing(both["name_en"]),
        opec_verdicts=verdicts_in_words([one(checked, "opec_members"), one(checked, "opec_oic_members")]),
    )


def oil(checked: pd.DataFrame, evidence: Evidence) -> Section:
    """The article's two oil shares, judged, and the OIC's own shares of world oil in today's back-series."""
    reserves_claim, production_claim = one(checked, "opec_reserve_share"), one(checked, "opec_production_share")
    last = economy.oil_shares(evidence.oil_bp, max(OIL_YEARS))
    return Section(
        reserves_stated=reserves_claim["figure"],
        production_stated=production_claim["figure"],
        oil_years=f"{min(OIL_YEARS)}–{max(OIL_YEARS)}",
        oic_reserves_last=percent(last["oic_reserves"], 0),
        oic_production_last=percent(last["oic_production"], 0),
        oil_last_year=year_text(max(OIL_YEARS)),
        reserves_verdict=claim_word(reserves_claim),
        production_verdict=claim_word(production_claim),
        oil_verdicts_today=verdicts_in_words([reserves_claim, production_claim], today=True),
    )


def trade(items: pd.DataFrame, checked: pd.DataFrame) -> Section:
    """The areas of economic cooperation the article says Kazakhstan set, and the
    years it gives the OIC programme it sets them under."""
    areas = items[items["type"] == "area of cooperation"]
    programme = checked[checked["event"].str.contains("Ten-Year Programme", na=False, regex=False)].iloc[0]
    return Section(areas=listing(areas["item"].str.lower()), n_areas=len(areas),
                   programme_stated=stated(programme), programme_record=programme["independent"], programme_mark=claim_word(programme))


def finance(checked: pd.DataFrame, events: pd.DataFrame, cite_key: dict[str, str]) -> Section:
    """The funds the article says Kazakh banks raised, and its dated claims on Islamic finance.

    These are the chapter's claims that no data check judges: the ledger
    judges them against the record alone."""
    claims = checked[(checked["chapter"] == "economy") & checked["check"].isna()]
    funds = claims[claims["unit"] == "USD"].iloc[0]
    institutions = claims[claims["unit"] == "institutions"].iloc[0]
    law = claims[claims["event"].str.contains(" law ", regex=False)].iloc[0]
    bank = claims[claims["event"].str.contains("Hilal", regex=False)].iloc[0]
    forum = claims[claims["event"].str.contains("World Islamic Economic Forum", regex=False) & (claims["kind"] == "date")].iloc[0]
    first, last = int(funds["period_start"]), int(funds["period_end"])
    return Section(
        bank_stated=stated(bank),
        bank_record=bank["independent"],
        bank_verdict=claim_word(bank),
        forum_stated=stated(forum),
        forum_record=forum["independent"],
        forum_verdict=claim_word(forum),
        funds_stated=stated(funds),
        n_institutions=int(institutions["value"]),
        funds_period=f"{first}–{last}",
        funds_verdicts=verdicts_in_words([institutions, funds]),
        law_stated=stated(law),
        law_record=law["independent"],
        law_verdict=claim_word(law),
        **_laws_and_sukuk(events, cite_key),
    )


def _laws_and_sukuk(events: pd.DataFrame, cite_key: dict[str, str]) -> dict:
    """The law the article's clause went into, and the first sukuk: the dated record
    of Kazakh Islamic finance in the years the article speaks of."""
    funds_law, sukuk = event_named(events, 'Law of the Republic of Kazakhstan "On investment funds"'), event_named(events, "sukuk")
    return dict(
        funds_law_date=when(funds_law["date_start"]),
        funds_law_source=cited(cite_key, funds_law["source_url"]),
        sukuk_date=when(sukuk["date_start"]),
        sukuk_source=cited(cite_key, sukuk["source_url"]),
    )


def _name(key: str) -> str:
    """A measure's name, or the article's own total where a share is computed from it."""
    return t("column.the_article_total") if key == "stated" else t(f"measure.{key}")


def _leaders(checked: pd.DataFrame, sentences: pd.DataFrame, country_names: pd.DataFrame) -> list[str]:
    """The members the article names as the largest economies: in the sentence before the rank's."""
    claim = one(checked, "kazakhstan_gdp_rank")
    ids = list(sentences["id"])
    named_in = sentences.iloc[ids.index(claim["sentence_id"]) - 1]["text"]
    return named_countries(named_in, list(zip(country_names["stem"], country_names["iso3"])))


def fit(checked: pd.DataFrame, found: dict[str, Result], evidence: Evidence, sentences: pd.DataFrame, country_names: pd.DataFrame) -> Section:
    """Which measure of which release the article's figures fit best, scored by the checks each passes."""
    totals = [row for _, row in by_check(checked, "oic_gdp").iterrows()]
    growth_result = implied_growth(*totals, evidence)
    fits = measure_fits(totals, growth_result, one(checked, "kazakhstan_gdp_rank"), found, _leaders(checked, sentences, country_names), evidence)
    best = fits[0]
    return Section(
        fit_summary=t("finding.fit_all" if best.passed == len(best.checks) else "finding.fit_some", measure=in_words(best.measure.key),
                      passed=number(best.passed), of=number(len(best.checks))),
        fit_year=year_text(int(totals[-1]["period_start"])),
    )


THEN_KEYS = {m.key for m in economy.THEN_MEASURES}


def statements(checked: pd.DataFrame, evidence: Evidence) -> Section:
    """The President's share of world GDP, a figure of another measure, set beside
    the shares we computed; and BP's headline share of oil reserves at the time."""
    rows = statement_verdicts(checked, evidence.statements)
    nazarbayev = next(s for s, c, v in rows if s["measure"] == "oic_gdp_share")
    share_claim = one(checked, "oic_gdp_share")
    hypotheses = share_hypotheses(share_claim, by_check(checked, "oic_gdp").iloc[-1], evidence)
    of_the_time = [h for h in hypotheses if h.numerator in THEN_KEYS | {"stated"} and h.denominator in THEN_KEYS]
    near = min(of_the_time, key=lambda h: abs(h.value - float(nazarbayev["value"])))
    bp = evidence.statements[evidence.statements["bib_key"].str.startswith("bp_")].iloc[0]
    return Section(
        said_share=percent(float(nazarbayev["value"]), 1),  # as he said it
        said_date=when(nazarbayev["date"]),
        said_quote=nazarbayev["statement"],
        said_cite=role("cite:p", nazarbayev["bib_key"]),
        said_nearest=percent(near.value),
        bp_share_then=percent(float(bp["value"]), source_decimals(bp["value"])),  # as BP printed it
        bp_year_then=year_text(bp["refers_to_year"]),
        bp_published=when(bp["date"]),
        said_nearest_how=t("finding.own_share", measure=_name(near.numerator)) if near.key == "same_measure"
        else t("finding.computed_as", how=t(f"hypothesis.{near.key}"), numerator=_name(near.numerator), denominator=_name(near.denominator)),
    )


def headline(checked: pd.DataFrame, found: dict[str, Result], evidence: Evidence) -> Section:
    """The chapter's findings in words, with the figures that carry them: the GDP
    totals against the data of the time, the share, the oil shares and the rank."""
    first, last = (row for _, row in by_check(checked, "oic_gdp").iterrows())
    share_claim, rank_claim = one(checked, "oic_gdp_share"), one(checked, "kazakhstan_gdp_rank")
    then_keys = {m.key for m in economy.THEN_MEASURES}
    # the release of the time nearest the article's two totals, and its figures
    nearest = lambda claim: min((c for c in found[claim["id"]].cases if c.measure in then_keys), key=lambda c: abs(c.value - claim["value"]))
    best_a, best_b = nearest(first), nearest(last)
    usd_key = next(m.key for m in economy.THEN_MEASURES if m.vintage == "then" and m.kind == "usd" and m.key.split("_")[0] == best_b.measure.split("_")[0])
    usd_b = case(found[last["id"]], usd_key)
    gap = max(abs(c.value - claim["value"]) / c.value for c, claim in ((best_a, first), (best_b, last)))
    share_result = found[share_claim["id"]]
    rank_then = [c for c in found[rank_claim["id"]].cases if c.measure in then_keys]
    reserves, production = one(checked, "opec_reserve_share"), one(checked, "opec_production_share")
    # the article's larger point: the OIC's weight in the world economy grew between its two years
    year_a, year_b = int(first["period_start"]), int(last["period_start"])
    share = lambda m, y: economy.oic_total(evidence.gdp, m, y, evidence.oic_members).value / economy.world_total(evidence.gdp, m, y)
    both_years = [m for m in economy.ALL_MEASURES if {year_a, year_b} <= economy.years(evidence.gdp, m)]
    rose = [m for m in both_years if share(m, year_b) > share(m, year_a)]
    best_pp = next(m for m in economy.ALL_MEASURES if m.key == best_b.measure)  # the release the totals match
    said = evidence.statements[evidence.statements["judged"]]
    headline_said = said[said["scope"].isna()]  # the sources' own headline figures, the ones judged
    of = lambda claim: headline_said[headline_said["measure"] == claim["check"]]["value"]
    scoped = evidence.statements[evidence.statements["scope"].notna() & (evidence.statements["measure"] == reserves["check"])]
    return Section(
        head_stated_a=stated(first), head_stated_b=stated(last),
        head_share_rose=t("finding.all_measures") if len(rose) == len(both_years) else t("finding.some_measures", n=number(len(rose)), of=number(len(both_years))),
        head_release=in_words(best_b.measure),
        head_then_a=amount(best_a.value, "intl_dollar"), head_then_b=amount(best_b.value, "intl_dollar"),
        head_gap=percent(100 * gap, 0),
        head_usd_b=amount(usd_b.value),
        head_share=stated(share_claim),
        head_share_nearest=_share_in_words(share_result, then_keys),
        head_share_nearest_value=percent(share_result.value),
        head_share_a=percent(100 * share(best_pp, year_a), 1), head_share_b=percent(100 * share(best_pp, year_b), 1),
        head_rank=ordinal(int(rank_claim["value"])),
        head_rank_then=t("finding.rank_range", low=ordinal(min(int(c.value) for c in rank_then)), high=ordinal(max(int(c.value) for c in rank_then))),
        head_reserves_sands=listing(percent(v, 0) for v in scoped["value"]),
        head_production_all=listing(percent(v, 0) for v in of(production)),
    )


def rebasing(events: pd.DataFrame, cite_key: dict[str, str]) -> Section:
    """A rebasing of national accounts since the article, Nigeria's, dated and sourced."""
    rebased = event_named(events, "GDP rebased")
    return Section(rebased_day=when(rebased["date_start"]), rebased_cite=cited(cite_key, rebased["source_url"]))


def railway(events: pd.DataFrame, cite_key: dict[str, str]) -> Section:
    """The railway the article says will link Kazakhstan to the Gulf: when the record
    has its building begun and its sections opened."""
    begun, first_link, whole = (event_named(events, words) for words in
                                ("Construction begins on the Kazakh section", "section of the railway to Iran opens", "opens along its whole length"))
    return Section(
        rail_begun=when(begun["date_start"]), rail_begun_source=cited(cite_key, begun["source_url"]),
        rail_link=when(first_link["date_start"]), rail_whole=when(whole["date_start"]), rail_whole_source=cited(cite_key, whole["source_url"]),
    )
