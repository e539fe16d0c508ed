"""How far each claim is from its record, measured in the claim's own kind and
in a unit a reader counts in: amounts by how many times one is the other,
shares by percentage points, counts and ranks by whole numbers, dates in the
unit the article writes them in (years for a year, months for a month, days
for a day). Gaps of different kinds are never put on one scale, so each is
ranked only among its own kind."""

from __future__ import annotations

import pandas as pd

from .periods import Period

# The measure of each kind, and its unit (a date's unit is its precision).
MEASURES = {"amount": "ratio", "share": "points", "count": "difference", "rank": "places", "date": "date"}


def _apart(claim: pd.Series, event: pd.Series) -> tuple[int, str]:
    """Whole years, months or days between the stated period and the record's,
    at the precision the article states (0 where they overlap at it)."""
    stated = Period.parse(claim["period_start"], claim["period_end"])
    record = Period.parse(event["date_start"], event["date_end"] if pd.notna(event["date_end"]) else None)
    if stated.precision == "day":
        first, last = (record.first - stated.last).days, (stated.first - record.last).days
        return max(first, last, 0), "days"
    if stated.precision == "month":
        index = lambda d: d.year * 12 + d.month
        return max(index(record.first) - index(stated.last), index(stated.first) - index(record.last), 0), "months"
    return max(record.first.year - stated.last.year, stated.first.year - record.last.year, 0), "years"


def gap(claim: pd.Series, events: pd.DataFrame) -> tuple[float, str] | None:
    """The claim's gap from its record and the gap's unit, or None where it has no numeric record."""
    kind = claim["kind"]
    if kind == "date":
        sourced = events[events["source_url"].notna()].set_index("event")
        if pd.isna(claim["event"]) or claim["event"] not in sourced.index or pd.isna(claim["period_start"]):
            return None
        return _apart(claim, sourced.loc[claim["event"]])
    if kind not in MEASURES or pd.isna(claim["independent_value"]):
        return None
    stated, record = float(claim["value"]), float(claim["independent_value"])
    if kind == "amount":
        return max(stated, record) / min(stated, record), "ratio"
    if kind == "share":
        scale = 100 if claim["unit"] == "fraction" else 1
        return abs(stated - record) * scale, "points"
    return abs(stated - record), MEASURES[kind]


def ranked(checked: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """The claims that fall short of consistent and have a gap, with ``gap`` and
    ``measure`` (its unit), largest first within each kind, kinds in MEASURES
    order; dates by their unit, years before months before days."""
    judged = checked[~checked["verdict"].isin(["unverifiable", "consistent"])]  # no record to measure from, or nothing to rank
    found = [gap(c, events) for _, c in judged.iterrows()]
    out = judged.assign(gap=[g[0] if g else None for g in found], measure=[g[1] if g else None for g in found])
    out = out[out["gap"].notna()].copy()
    out["kind_order"] = out["kind"].map(list(MEASURES).index)
    out["unit_order"] = out["measure"].map({"years": 0, "months": 1, "days": 2}).fillna(0)
    return out.sort_values(["kind_order", "unit_order", "gap"], ascending=[True, True, False], kind="stable").drop(columns=["kind_order", "unit_order"])
