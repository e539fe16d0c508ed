"""The OIC's economy recomputed from the independent data. Functions take the
loaded DataFrames and return numbers or DataFrames; they read no files."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Measure:
    key: str
    frame: str  # the resource: "gdp_wdi", "gdp_imf" (today's), "gdp_weo2009", "gdp_wb2012" (of the time)
    column: str
    scale: float  # to US dollars (or international dollars)
    kind: str  # "usd" or "ppp"
    vintage: str = "now"  # "now": today's revised data; "then": data published when the article was written
    published: int | None = None  # a release of the time: its year, after which its figures are forecasts


# Today's data: revised since, on later PPP benchmarks (ICP 2011, 2017, 2021).
MEASURES = [
    Measure("wdi_usd", "gdp_wdi", "gdp_current_usd", 1.0, "usd"),
    Measure("wdi_ppp", "gdp_wdi", "gdp_ppp_current_intl_wdi2024_06", 1.0, "ppp"),
    Measure("imf_usd", "gdp_imf", "gdp_current_usd_bn", 1e9, "usd"),
    Measure("imf_ppp", "gdp_imf", "gdp_ppp_current_intl_bn", 1e9, "ppp"),
]
# The data of the time: the IMF's WEO of October 2009 (PPP on ICP 2005) and the
# World Bank's series as published in September 2012.
THEN_MEASURES = [
    Measure("weo2009_usd", "gdp_weo2009", "gdp_current_usd_bn", 1e9, "usd", "then", 2009),
    Measure("weo2009_ppp", "gdp_weo2009", "gdp_ppp_current_intl_bn", 1e9, "ppp", "then", 2009),
    Measure("wb2012_usd", "gdp_wb2012", "gdp_current_usd", 1.0, "usd", "then", 2012),
]
ALL_MEASURES = MEASURES + THEN_MEASURES
VINTAGES = {"now": MEASURES, "then": THEN_MEASURES}
WORLD_CODE = {"gdp_wdi": "WLD", "gdp_imf": "WORLD_SUM", "gdp_weo2009": "WEO_WORLD", "gdp_wb2012": "WLD"}


def other_source(measure: Measure) -> Measure | None:
    """The same kind of measure of the same time from the other publisher, to
    bound a gap; None where there is none (PPP of the time has one publisher)."""
    return next((m for m in ALL_MEASURES if m.kind == measure.kind and m.vintage == measure.vintage and m.frame != measure.frame), None)


def years(frames: dict[str, pd.DataFrame], measure: Measure) -> set[int]:
    """The years a measure has data for: a release of the time's figures for the
    years after its publication are forecasts, not data, and are left out."""
    frame = frames[measure.frame]
    found = set(frame.loc[frame[measure.column].notna(), "year"].astype(int))
    return {y for y in found if measure.published is None or y <= measure.published}


def members_in(year: int, oic_members: pd.DataFrame) -> list[str]:
    """Member states (not observers) that had joined by ``year``."""
    joined = oic_members[(oic_members["status"] == "member") & (oic_members["accession_year"] <= year)]
    return sorted(joined["iso3"].dropna())


def values(frames: dict[str, pd.DataFrame], measure: Measure, year: int) -> pd.Series:
    """GDP by ISO3 code in ``year``, in dollars; missing values dropped."""
    frame = frames[measure.frame]
    rows = frame[frame["year"] == year]
    return (rows.set_index("iso3")[measure.column].dropna() * measure.scale).astype(float)


@dataclass
class Total:
    value: float
    members: int
    missing: list[str]  # members with no value under this measure
    bound: float  # what the missing members add under the other publisher's figures
    unbounded: list[str]  # missing under both publishers


def oic_total(frames, measure: Measure, year: int, oic_members: pd.DataFrame) -> Total:
    members = members_in(year, oic_members)
    have = values(frames, measure, year).reindex(members)
    missing = sorted(have.index[have.isna()])
    other = other_source(measure)
    fill = values(frames, other, year).reindex(missing) if other else pd.Series(float("nan"), index=missing)
    return Total(
        value=float(have.sum()),
        members=len(members),
        missing=missing,
        bound=float(fill.sum()),
        unbounded=sorted(fill.index[fill.isna()]),
    )


def world_total(frames, measure: Measure, year: int) -> float:
    return float(values(frames, measure, year)[WORLD_CODE[measure.frame]])


def oic_series(frames, measure: Measure, years, oic_members: pd.DataFrame) -> pd.DataFrame:
    """OIC total, world total and share per year."""
    rows = []
    for year in years:
        total = oic_total(frames, measure, year, oic_members)
        world = world_total(frames, measure, year)
        rows.append({"year": year, "oic": total.value, "world": world, "share": 100 * total.value / world,
                     "missing": ", ".join(total.missing), "bound": total.bound})
    return pd.DataFrame(rows)


def growth(first: float, last: float, years: int) -> tuple[float, float]:
    """The multiple and the compound annual rate (in percent) between two values."""
    multiple = last / first
    return multiple, 100 * (multiple ** (1 / years) - 1)


def ranks(frames, measure: Measure, year: int, oic_members: pd.DataFrame) -> pd.Series:
    """Rank (1 = largest) of each member with data, by ISO3 code."""
    have = values(frames, measure, year).reindex(members_in(year, oic_members)).dropna()
    return have.rank(ascending=False, method="min").astype(int).sort_values()


def oil_shares(oil: pd.DataFrame, year: int) -> dict[str, float]:
    """Shares of world proved reserves and production, in percent, held by
    OPEC's 2011 members and by the OIC members the extract lists (a lower
    bound: small OIC producers are not in it)."""
    rows = oil[oil["year"] == year]
    world = rows[rows["entity_type"] == "world"].iloc[0]
    countries = rows[rows["entity_type"] == "country"]
    out = {}
    for group, flag in (("opec", "opec_member_2011"), ("oic", "oic_member")):
        members = countries[countries[flag]]
        out[f"{group}_reserves"] = 100 * members["proved_reserves_bn_bbl"].sum() / world["proved_reserves_bn_bbl"]
        out[f"{group}_production"] = 100 * members["production_kbd"].sum() / world["production_kbd"]
    return out


def opec_2011(opec: pd.DataFrame) -> pd.DataFrame:
    return opec[opec["member_in_2011"]]


def opec_oic_2011(opec: pd.DataFrame, oic_members: pd.DataFrame) -> pd.DataFrame:
    """OPEC's 2011 members that were OIC members, by the OIC's own member list."""
    oic = set(members_in(2011, oic_members))
    members = opec_2011(opec)
    return members[members["iso3"].isin(oic)]
