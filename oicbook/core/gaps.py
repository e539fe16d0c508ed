"""How far each claim is from its record, measured in the claim's own kind:
amounts by relative error, shares by percentage points, counts and ranks by
whole numbers, dates by days. Gaps of different kinds are never put on one
scale, so each is ranked only among its own kind."""

from __future__ import annotations

import pandas as pd

from .periods import Period

# The measure of each kind, and its unit.
MEASURES = {"amount": "relative", "share": "points", "count": "difference", "rank": "places", "date": "days"}


def _days_apart(claim: pd.Series, event: pd.Series) -> int:
    """Days between the stated period and the record's, 0 where they overlap."""
    stated = Period.parse(claim["period_start"], claim["period_end"])
    record = Period.parse(event["date_start"], event["date_end"] if pd.notna(event["date_end"]) else None)
    if stated.last < record.first:
        return (record.first - stated.last).days
    if record.last < stated.first:
        return (stated.first - record.last).days
    return 0


def gap(claim: pd.Series, events: pd.DataFrame) -> float | None:
    """The claim's gap from its record in its kind's measure, or None where it has no numeric record."""
    kind = claim["kind"]
    if kind == "date":
        sourced = events[events["source_url"].notna()].set_index("event")
        if pd.isna(claim["event"]) or claim["event"] not in sourced.index or pd.isna(claim["period_start"]):
            return None
        return float(_days_apart(claim, sourced.loc[claim["event"]]))
    if kind not in MEASURES or pd.isna(claim["independent_value"]):
        return None
    stated, record = float(claim["value"]), float(claim["independent_value"])
    if kind == "amount":
        return abs(stated - record) / record
    if kind == "share":
        scale = 100 if claim["unit"] == "fraction" else 1
        return abs(stated - record) * scale
    return abs(stated - record)


def ranked(checked: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """The claims with a gap, with ``gap`` and ``measure``, largest first within each kind, kinds in MEASURES order."""
    judged = checked[checked["verdict"] != "unverifiable"]  # no record to measure from
    out = judged.assign(gap=[gap(c, events) for _, c in judged.iterrows()])
    out = out[out["gap"].notna()].copy()
    out["measure"] = out["kind"].map(MEASURES)
    out["kind_order"] = out["kind"].map(list(MEASURES).index)
    return out.sort_values(["kind_order", "gap"], ascending=[True, False], kind="stable").drop(columns="kind_order")
