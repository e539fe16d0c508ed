"""The introduction's findings: the book's answer, each a plain sentence whose
figures come from the same checks and records as the chapter that argues it."""

from __future__ import annotations

import pandas as pd

from ...core import context
from ...core.checks import Evidence
from ...core.ledger import Result
from ...core.periods import Period
from ..display import listed, number, stated, when, year_text
from ..markup import Md, role
from ..labels import t
from ..numbers import listing
from . import Section, event_named
from .economy import by_check, headline, implied_world, one, statements
from .political import off_by_years


COUNCIL = "Session of the OIC Council of Foreign Ministers"


def figure(claim: pd.Series) -> Md:
    """The article's figure as a reader reads it, linked to its ledger entry."""
    return role("ref", claim["id"].lower(), stated(claim))


def councils(checked: pd.DataFrame, events: pd.DataFrame) -> Section:
    """The Councils the article names, where they met, and the first it dates otherwise than the record, if any."""
    sessions = events[events["event"].str.contains(COUNCIL, regex=False) & events["event"].isin(checked["event"])].sort_values("date_start")
    named = checked[checked["event"].isin(sessions["event"])]
    missed = named[(named["kind"] == "date") & (named["verdict"] != "consistent") & named["period_start"].notna()]
    places = listing(sessions["place"].str.split(",").str[0])
    if missed.empty:
        return Section(councils_finding=t("intro.councils_right", places=places))
    claim = missed.iloc[0]
    record = sessions[sessions["event"] == claim["event"]].iloc[0]
    year = int(str(claim["period_start"])[:4])
    off = Period.parse(record["date_start"]).first.year - year
    that_year = events[events["event"].str.contains(COUNCIL, regex=False) & events["date_start"].str.startswith(str(year))].iloc[0]
    return Section(councils_finding=t("intro.councils_but", places=places, place=record["place"].split(",")[0], year=year_text(year),
                                      off=off_by_years(off), other=that_year["place"].split(",")[0]))


def findings(checked: pd.DataFrame, found: dict[str, Result], evidence: Evidence, events: pd.DataFrame) -> Section:
    """What the introduction states first: the chair's span, and the figures of each finding."""
    start, end = event_named(events, "elected Chair"), event_named(events, "chairmanship passes")
    _, suspension = context.uprisings(events)
    economy = headline(checked, found, evidence)
    said = statements(checked, evidence)
    world = implied_world(checked, evidence)
    somalia = checked[checked["check"].eq("event_amount") & checked["event"].str.contains("Somalia", na=False)].iloc[0]
    syria = checked[checked["check"].eq("event_amount") & checked["event"].str.contains("Syria", na=False)].iloc[0]
    pledge = events[events["event"] == somalia["event"]].iloc[0]
    food = event_named(events, "food security institution")
    return Section(
        councils(checked, events),
        chair_first=when(start["date_start"]),
        chair_last=when(end["date_start"]),
        chair_from=start["place"].split(",")[0],
        chair_to=end["place"].split(",")[0],
        gdp_stated=listed(figure(c) for _, c in by_check(checked, "oic_gdp").iterrows()),
        gdp_then=listing([economy["head_then_a"], economy["head_then_b"]]),
        gdp_gap=economy["head_gap"],
        gdp_release=economy["head_release"],
        share_stated=figure(one(checked, "oic_gdp_share")),
        share_nearest=economy["head_share_nearest_value"],
        share_rose=economy["head_share_rose"],
        implied_world=world["implied_world"],
        implied_where=world["implied_where"],
        said_share=said["said_share"],
        said_nearest=said["said_nearest"],
        said_date=said["said_date"],
        somalia_stated=figure(somalia),
        pledge_place=pledge["place"].split(",")[0],
        pledge_day=when(pledge["date_start"]),
        syria_stated=figure(syria),
        syria_record=syria["independent"],
        suspended_when=when(suspension["date_start"][:7]),
        food_day=when(food["date_start"], food["date_end"]),
        food_place=food["place"].split(",")[0],
    )
