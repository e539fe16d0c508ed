"""Data checks: each judges one kind of claim against the independent data.

A claim names its check in the ledger's ``check`` column. Each check returns a
:class:`Result`: the verdict, the reason, the independent value as text, and
the bibliography keys of the sources it used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from . import economy
from .display import amount, percent
from .labels import t
from .text import listed_items, stated_precision
from .verify import best, count_verdict, rank_verdict, value_verdict

ARTICLE_YEARS = range(2009, 2013)  # the chairmanship and the years the article can have drawn on
OIL_YEARS = range(2009, 2012)
SOURCES = {"wdi_usd": "worldbank_wdi_gdp", "wdi_ppp": "worldbank_wdi_bulk", "imf_usd": "imf_weo_2024", "imf_ppp": "imf_weo_2024"}


@dataclass
class Evidence:
    """The independent data, loaded by the chapter (so the cache knows what it reads)."""

    events: pd.DataFrame
    sentences: pd.DataFrame | None = None
    gdp_wdi: pd.DataFrame | None = None
    gdp_imf: pd.DataFrame | None = None
    oic_members: pd.DataFrame | None = None
    opec_members: pd.DataFrame | None = None
    oil_bp: pd.DataFrame | None = None

    def need(self, *names: str):
        missing = [n for n in names if getattr(self, n) is None]
        if missing:
            raise ValueError(f"this check needs {missing}: load them into Evidence")
        return self

    @property
    def gdp(self) -> dict[str, pd.DataFrame]:
        return {"gdp_wdi": self.gdp_wdi, "gdp_imf": self.gdp_imf}


@dataclass
class Result:
    verdict: str
    reason: str
    independent: str
    sources: list[str] = field(default_factory=list)
    value: float | None = None  # the independent value in the claim's unit, where there is one


def _across_measures(claim, ev: Evidence, compute) -> Result:
    """Judge a claim under every GDP measure; keep the best fit, list them all.

    ``compute(measure, year)`` returns (value, text) for one measure."""
    ev.need("gdp_wdi", "gdp_imf", "oic_members")
    year, precision = int(claim["period_start"]), stated_precision(claim["figure"])
    cases = []
    for m in economy.MEASURES:
        value, text = compute(m, year)
        cases.append((abs(value - claim["value"]), value_verdict(claim["value"], value, precision), t(f"measure.{m.key}"), text, value))
    cases.sort(key=lambda c: c[0])  # nearest first, so among equal verdicts the nearest is named
    verdict = best([c[1] for c in cases])
    _, _, label, text, value = next(c for c in cases if c[1] == verdict)
    listing = "; ".join(f"{c[2]} {c[3]}" for c in cases)
    return Result(verdict, t("reason.best_measure", measure=label, value=text, year=year, all=listing), f"{text} ({label}, {year})",
                  sorted(set(SOURCES.values())), value)


def oic_gdp(claim, ev: Evidence) -> Result:
    def compute(m, year):
        total = economy.oic_total(ev.gdp, m, year, ev.oic_members).value
        return total, amount(total, "USD" if m.kind == "usd" else "intl_dollar")

    return _across_measures(claim, ev, compute)


def oic_gdp_share(claim, ev: Evidence) -> Result:
    def compute(m, year):
        share = 100 * economy.oic_total(ev.gdp, m, year, ev.oic_members).value / economy.world_total(ev.gdp, m, year)
        return share, percent(share)

    return _across_measures(claim, ev, compute)


def opec_members(claim, ev: Evidence) -> Result:
    ev.need("opec_members")
    n = len(economy.opec_2011(ev.opec_members))
    return Result(count_verdict(claim["value"], n), t("reason.count", n=n, what=t("what.opec_2011")), str(n), ["opec_history"], n)


def opec_oic_members(claim, ev: Evidence) -> Result:
    ev.need("opec_members", "oic_members")
    both = economy.opec_oic_2011(ev.opec_members, ev.oic_members)
    names = ", ".join(both["name_en"])
    return Result(count_verdict(claim["value"], len(both)), t("reason.count_named", n=len(both), what=t("what.opec_oic_2011"), names=names),
                  str(len(both)), ["opec_history", "sis_oic"], len(both))


def _oil_share(claim, ev: Evidence, key: str) -> Result:
    ev.need("oil_bp")
    precision = stated_precision(claim["figure"])
    to_unit = 0.01 if claim["unit"] == "fraction" else 1.0
    cases = []
    for year in OIL_YEARS:
        share = economy.oil_shares(ev.oil_bp, year)[key]
        cases.append((value_verdict(claim["value"], share * to_unit, precision), str(year), percent(share), share * to_unit))
    verdict = best([c[0] for c in cases])
    listing = "; ".join(f"{c[1]}: {c[2]} ({t('verdict.' + c[0])})" for c in cases)
    nearest = min((c for c in cases if c[0] == verdict), key=lambda c: abs(c[3] - claim["value"]))
    return Result(verdict, t("reason.by_year", all=listing), listing, ["bp_2021"], nearest[3])


def opec_reserve_share(claim, ev: Evidence) -> Result:
    return _oil_share(claim, ev, "opec_reserves")


def opec_production_share(claim, ev: Evidence) -> Result:
    return _oil_share(claim, ev, "opec_production")


def kazakhstan_gdp_rank(claim, ev: Evidence) -> Result:
    ev.need("gdp_wdi", "gdp_imf", "oic_members")
    cases = []
    for m in economy.MEASURES:
        for year in ARTICLE_YEARS:
            rank = int(economy.ranks(ev.gdp, m, year, ev.oic_members)["KAZ"])
            cases.append((rank_verdict(claim["value"], rank), f"{t(f'measure.{m.key}')} {year}", rank))
    verdict = best([c[0] for c in cases])
    holds = [c[1] for c in cases if c[0] == verdict]
    spread = f"{min(c[2] for c in cases)}–{max(c[2] for c in cases)}"
    nearest = min((c[2] for c in cases if c[0] == verdict), key=lambda r: abs(r - claim["value"]))
    return Result(verdict, t("reason.rank", where="; ".join(holds), spread=spread), spread, sorted(set(SOURCES.values())), nearest)


def recorded_amount(text: str) -> float | None:
    """The US-dollar amount an English record states: '350 million USD pledged' -> 3.5e8."""
    m = re.search(r"(\d[\d,]*(?:\.\d+)?)\s*(million|billion)?\s*USD", text)
    if not m:
        return None
    scale = {"million": 1e6, "billion": 1e9, None: 1.0}[m.group(2)]
    return float(m.group(1).replace(",", "")) * scale


def event_amount(claim, ev: Evidence) -> Result:
    """A stated amount against the amount its linked (and sourced) record states."""
    record = recorded_amount(claim["event"])
    if record is None:
        return Result("unverifiable", t("reason.no_amount"), "—")
    verdict = value_verdict(claim["value"], record, stated_precision(claim["figure"]))
    ratio = claim["value"] / record
    if verdict == "consistent":
        reason = t("reason.same_amount", record=amount(record))
    else:
        reason = t("reason.amount", record=amount(record), ratio=f"{ratio:,.4g}")
    return Result(verdict, reason, amount(record), [], record)


def article_list(claim, ev: Evidence) -> Result:
    """No independent record: the count is set only against the list the article gives."""
    ev.need("sentences")
    sentence = ev.sentences.set_index("id").loc[claim["sentence_id"], "text"]
    items = listed_items(sentence)
    return Result("unverifiable", t("reason.article_list", n=len(items), items=", ".join(items)), "—")


CHECKS = {
    "article_list": article_list,
    "event_amount": event_amount,
    "oic_gdp": oic_gdp,
    "oic_gdp_share": oic_gdp_share,
    "opec_members": opec_members,
    "opec_oic_members": opec_oic_members,
    "opec_reserve_share": opec_reserve_share,
    "opec_production_share": opec_production_share,
    "kazakhstan_gdp_rank": kazakhstan_gdp_rank,
}
