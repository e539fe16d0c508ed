"""Which measure and which release of the data the article's economic figures
fit, and what its share of world GDP may have been computed from.

The article never says whether its totals are at current US dollars or at
purchasing-power parity, nor which release it read. Each candidate, one
measure of one release, is scored by the checks it passes (consistent or
close): the two totals, the growth they imply, the largest economies it names,
and Kazakhstan's place. The rules are the ledger's own (``verdicts``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import economy
from .checks import Case, Evidence, Result, case, judged
from .numerals import stated_precision
from .verdicts import value_verdict

PASSING = {"consistent", "close"}


@dataclass(frozen=True)
class Fit:
    measure: economy.Measure
    totals: tuple[Case | None, ...]  # one per stated total, in the order of their years
    growth: Case | None
    same_leaders: bool | None  # the members the article names are the largest, in any order
    same_order: bool | None  # ... and in the article's order
    rank: Case | None  # Kazakhstan's place in the latest year of the totals

    @property
    def checks(self) -> list[bool]:
        """Each check as passed or not; a check the release has no data for does not count."""
        verdicts = [c.verdict in PASSING for c in (*self.totals, self.growth, self.rank) if c is not None]
        return verdicts + [b for b in (self.same_leaders,) if b is not None]

    @property
    def passed(self) -> int:
        return sum(self.checks)

    @property
    def distance(self) -> float:
        """How far the totals are, relatively, added up: it breaks ties."""
        return sum(abs(c.value - c.detail) / c.detail for c in self.totals if c is not None)


def _case_or_none(result: Result, measure: str, year: int | None = None) -> Case | None:
    try:
        return case(result, measure, year)
    except StopIteration:
        return None


def measure_fits(totals: list[pd.Series], growth: Result, rank_claim: pd.Series, results: dict[str, Result],
                 leaders: list[str], ev: Evidence) -> list[Fit]:
    """Every measure of every release, with what it says of each checkable figure, best fit first."""
    year = max(int(c["period_start"]) for c in totals)
    fits = []
    for m in economy.ALL_MEASURES:
        judged = []
        for claim in totals:
            c = _case_or_none(results[claim["id"]], m.key)
            judged.append(Case(c.measure, c.year, c.value, c.verdict, c.shown, float(claim["value"])) if c else None)
        same = order = None
        if year in economy.years(ev.gdp, m):
            top = list(economy.ranks(ev.gdp, m, year, ev.oic_members).index[: len(leaders)])
            same, order = set(top) == set(leaders), top == leaders
        fits.append(Fit(m, tuple(judged), _case_or_none(growth, m.key), same, order, _case_or_none(results[rank_claim["id"]], m.key, year)))
    return sorted(fits, key=lambda f: (-f.passed, f.distance))


@dataclass(frozen=True)
class Hypothesis:
    key: str  # the kind: "same_measure", "ppp_over_usd", "stated_over_world"
    numerator: str  # a measure's key, or "stated"
    denominator: str  # a measure's key
    year: int
    value: float  # the share, in percent
    verdict: str


def share_hypotheses(share_claim: pd.Series, total_claim: pd.Series, ev: Evidence) -> list[Hypothesis]:
    """What the article's share of world GDP could have been computed from, in
    its own year: each measure's own share; a PPP total over a current-dollar
    world total of the same release time; and the article's own total over each
    current-dollar world total. Judged at the precision the share is written to."""
    year, precision = int(share_claim["period_start"]), stated_precision(share_claim["figure"])
    available = [m for m in economy.ALL_MEASURES if year in economy.years(ev.gdp, m)]

    def total(m):
        return economy.oic_total(ev.gdp, m, year, ev.oic_members).value

    out = []

    def add(key, numerator, denominator, value):
        out.append(Hypothesis(key, numerator, denominator, year, value, value_verdict(share_claim["value"], value, precision)))

    for m in available:
        add("same_measure", m.key, m.key, 100 * total(m) / economy.world_total(ev.gdp, m, year))
    for ppp in (m for m in available if m.kind == "ppp"):
        for usd in (m for m in available if m.kind == "usd" and m.vintage == ppp.vintage):
            add("ppp_over_usd", ppp.key, usd.key, 100 * total(ppp) / economy.world_total(ev.gdp, usd, year))
    for usd in (m for m in available if m.kind == "usd" and m.vintage == "then"):  # a world total the author could have read
        add("stated_over_world", "stated", usd.key, 100 * float(total_claim["value"]) / economy.world_total(ev.gdp, usd, year))
    return sorted(out, key=lambda h: abs(h.value - float(share_claim["value"])))


def statement_verdicts(claims: pd.DataFrame, statements: pd.DataFrame) -> list[tuple[pd.Series, pd.Series, str | None]]:
    """Each statement of the time beside the claim its check names, with the verdict
    the claim's figure gets against it (at the claim's written precision), or
    None where the statement is of another measure and is set beside it only."""
    out = []
    for (_, said), judged_here in zip(statements.iterrows(), judged(statements)):
        for _, claim in claims[claims["check"] == said["measure"]].iterrows():
            to_unit = 0.01 if claim["unit"] == "fraction" else 1.0
            verdict = value_verdict(float(claim["value"]), float(said["value"]) * to_unit, stated_precision(claim["figure"])) if judged_here else None
            out.append((said, claim, verdict))
    return out
