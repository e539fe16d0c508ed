"""The humanitarian chapter's sections."""

from __future__ import annotations

import pandas as pd

from ...core import context
from ...core.checks import recorded_amount
from ..display import when, amount, claim_word, listed, number, stated_link, percent, stated, year_text
from ..labels import t
from ..markup import role
from ..numbers import fixed, integer, listing, significant
from . import Section, cited, credit_word, event_named


def amount_claim(checked: pd.DataFrame, place: str) -> pd.Series:
    """The chapter's amount claim whose record concerns ``place``."""
    amounts = checked[(checked["check"] == "event_amount") & checked["event"].str.contains(place, regex=False).fillna(False)]
    return amounts.iloc[0]


def somalia(checked: pd.DataFrame, events: pd.DataFrame, credits: pd.DataFrame, cite_key: dict[str, str]) -> Section:
    """What the article says was mobilised for Somalia, what was pledged, Kazakhstan's own
    part, and the verdicts on the figure and on the credit."""
    claim = amount_claim(checked, "Somalia")
    own_event = events.loc[events["event"].str.contains("Somalia") & events["event"].str.startswith("Kazakhstan"), "event"].iloc[0]
    pledged, own = recorded_amount(claim["event"]), recorded_amount(own_event)
    pledge = events.set_index("event").loc[claim["event"]]
    turkey, group = event_named(events, "Turkey's contribution to the sum pledged for Somalia"), event_named(events, "special group of Kazakhstan")
    return Section(
        turkey_collected=amount(recorded_amount(turkey["event"])),
        group_source=cited(cite_key, group["source_url"]),
        somalia_stated=stated(claim),
        pledged=amount(pledged),
        own=amount(own),
        own_source=cited(cite_key, events.set_index("event").loc[own_event, "source_url"]),
        pledge_date=when(pledge["date_start"]),
        pledge_source=cited(cite_key, pledge["source_url"]),
        pledge_place=pledge["place"].split(",")[0],
        somalia_verdict=claim_word(claim),
        somalia_credit=credit_word(credits, claim["sentence_id"]),
    )


def syria(checked: pd.DataFrame, events: pd.DataFrame, cite_key: dict[str, str], aid: pd.DataFrame, gdp_usd: pd.DataFrame, gdp_tenge: pd.DataFrame,
          appeals: pd.DataFrame) -> Section:
    """The article's figure for Syrian refugees against the record, and both amounts on one scale;
    and the two tests of plausibility: the figure against all the aid Kazakhstan reported
    for the years before, and the figure read as tenge, at the year's average rate."""
    claim = amount_claim(checked, "Syria")
    record = recorded_amount(claim["event"])
    row = events.set_index("event").loc[claim["event"]]
    # the same allocation, as another source dates it
    same = context.dated_elsewhere(events, row["id"])
    year = int(row["date_start"][:4])
    usd = gdp_usd[(gdp_usd["iso3"] == "KAZ") & (gdp_usd["year"] == year)]["gdp_current_usd_wdi2024_06"].iloc[0]
    tenge = gdp_tenge[(gdp_tenge["iso3"] == "KAZ") & (gdp_tenge["year"] == year)]["gdp_current_lcu"].iloc[0]
    rate = tenge / usd  # the year's average tenge per dollar, at which the World Bank converted
    in_dollars = claim["value"] / rate
    total = aid.sort_values("period_end").iloc[-1]
    asked = appeals["requested_usd"].sum()
    return Section(
        appeals_asked=amount(asked),
        appeals_source=role("cite:p", appeals["bib_key"].iloc[0]),
        syria_asked_share=percent(100 * claim["value"] / asked, 0),
        syria_rate=fixed(rate, 2),
        syria_rate_year=year_text(year),
        syria_as_tenge=amount(in_dollars),
        syria_tenge_ratio=significant(in_dollars / record, 2),
        aid_total=amount(total["amount_usd"]),
        aid_years=when(str(total["period_start"]), str(total["period_end"])),
        aid_total_source=role("cite:p", total["bib_key"]),
        syria_aid_ratio=significant(claim["value"] / total["amount_usd"], 2),
        syria_other_year=when(same.iloc[0]["date_start"]),
        syria_other_source=cited(cite_key, same.iloc[0]["source_url"]),
        syria_stated=stated(claim),
        syria_record=amount(record),
        syria_as_thousands=amount(claim["value"] / 1000),  # millions read as thousands
        syria_ratio=integer(round(claim['value'] / record)),
        syria_against_all=t("finding.aid_more", years=when(str(total["period_start"]), str(total["period_end"]))) if claim["value"] > total["amount_usd"]
        else t("finding.aid_part", share=percent(100 * claim["value"] / total["amount_usd"], 0), years=when(str(total["period_start"]), str(total["period_end"]))),
        syria_verdict=claim_word(claim),
        syria_year=when(row["date_start"]),
        syria_place=listing(row["place"].split("/")),
        syria_source=cited(cite_key, row["source_url"]),
    )


def social_record(social: pd.DataFrame, checked: pd.DataFrame) -> Section:
    """The social and cultural items the article credits, with the year it gives, where it gives one."""
    dated = social[social["year"].notna()]
    date_claims = checked[(checked["kind"] == "date") & checked["sentence_id"].isin(dated["sentence_id"])]
    # the Council the article dates, judged by its check; the other dated item is the women's conference
    meeting = date_claims[date_claims["check"] == "council_place_year"].iloc[0]
    women = date_claims[date_claims["check"].fillna("") != "council_place_year"].iloc[0]
    return Section(
        n_dated=number(len(dated)),
        dushanbe_verdict=claim_word(meeting),
        women_verdict=claim_word(women),
    )


def handover(claims: pd.DataFrame, events: pd.DataFrame, offices: pd.DataFrame, cite_key: dict[str, str]) -> Section:
    """The verdicts on the handover the article's last sentence reports, each in a word,
    and the record's words of thanks and appreciation for the chair; where the
    minister who chaired the thanks was succeeded at home that same day, it says so,
    since the context chapter dates his successor's appointment."""
    appreciation, thanks = event_named(events, "expresses its appreciation to Kazakhstan"), event_named(events, "thanks Kazakhstan as chair")
    ministers = context.terms(offices, events)
    ministers = ministers[ministers["office"] == "foreign_minister"]
    succeeded = ministers[ministers["first"] == pd.Timestamp(appreciation["date_start"])]
    return Section(
        acm_same_day=t("finding.succeeded_same_day", successor=succeeded.iloc[0]["holder"]) if len(succeeded) else "",
        handover=listed(stated_link(c) for _, c in claims.iterrows()),
        acm_day=when(appreciation["date_start"]), acm_place=appreciation["place"].split(",")[0], acm_cite=cited(cite_key, appreciation["source_url"]),
        thanks_cite=cited(cite_key, thanks["source_url"]),
    )


def social_context(events: pd.DataFrame, checked: pd.DataFrame, cite_key: dict[str, str]) -> Section:
    """The OIC decisions behind the article's social record: the women's organisation
    (set up by one Council, given its statute by the next), the water vision, the
    plan of action for Central Asia, and the health ministers' conference it numbers."""
    statute, water, plan, health = (event_named(events, words) for words in
                                    ("Women Development Organization", "Water Vision", "Plan of Action for Cooperation with Central Asia",
                                     "Islamic Conference of Health Ministers"))
    numbered = checked[(checked["event"] == health["event"]) & (checked["kind"] == "ordinal")].iloc[0]
    briefing = event_named(events, "Women Affairs in the Muslim World")
    return Section(
        health_stated=stated(numbered),
        health_date=when(health["date_start"], health["date_end"]),
        health_place=health["place"].split(",")[0],
        health_source=cited(cite_key, health["source_url"]),
        health_verdict=claim_word(numbered),
        wdo_statute_date=when(statute["date_start"], statute["date_end"]),
        wdo_source=cited(cite_key, statute["source_url"]),
        water_date=when(water["date_start"], water["date_end"]),
        water_place=water["place"].split(",")[0],
        water_source=cited(cite_key, water["source_url"]),
        plan_date=when(plan["date_start"], plan["date_end"]),
        plan_source=cited(cite_key, plan["source_url"]),
        # the Foreign Ministry's briefing of its women's programme, before the chairmanship
        briefing_date=when(briefing["source_date"][:7]),
        briefing_source=cited(cite_key, briefing["source_url"]),
    )
