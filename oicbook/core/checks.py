"""Data checks: each judges one kind of claim against the independent data.

A claim names its check in the ledger's ``check`` column. Each check returns a
:class:`Result`: the verdict, the reason and the independent value as
phrases (``oicbook.report`` words them), the bibliography keys of the sources
it used, and every case it weighed (each measure, year or list), so a chapter
shows the same cases the ledger judged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from . import economy
from .numerals import stated_precision
from .periods import Period
from .phrases import Amount, Label, Ordinal, Percent, Phrase, Ratio, Span, When, listing, phrase, series
from .verdicts import VERDICT_ORDER, best, count_verdict, date_verdict, rank_verdict, value_verdict

ARTICLE_YEARS = range(2009, 2013)  # the chairmanship and the years the article can have drawn on
OIL_YEARS = range(2009, 2012)
SOURCES = {"wdi_usd": "worldbank_wdi_gdp", "wdi_ppp": "worldbank_wdi_bulk", "imf_usd": "imf_weo_2024", "imf_ppp": "imf_weo_2024",
           "weo2009_usd": "imf_weo_2009_10", "weo2009_ppp": "imf_weo_2009_10", "wb2012_usd": "worldbank_gdp_2012_09"}
GDP_FRAMES = ("gdp_wdi", "gdp_imf", "gdp_weo2009", "gdp_wb2012", "oic_members")


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
    gdp_weo2009: pd.DataFrame | None = None
    gdp_wb2012: pd.DataFrame | None = None
    statements: pd.DataFrame | None = None
    claims: pd.DataFrame | None = None
    mentions: pd.DataFrame | None = None
    place_names: pd.DataFrame | None = None

    def need(self, *names: str):
        missing = [n for n in names if getattr(self, n) is None]
        if missing:
            raise ValueError(f"this check needs {missing}: load them into Evidence")
        return self

    @property
    def gdp(self) -> dict[str, pd.DataFrame]:
        """Every GDP table, today's and those of the time, by resource name."""
        return {name: getattr(self, name) for name in ("gdp_wdi", "gdp_imf", "gdp_weo2009", "gdp_wb2012")}

    @classmethod
    def from_book(cls, root=None) -> "Evidence":
        """Evidence that loads each file of the book when a check first needs it,
        so a notebook reads (and records) only what its claims are judged against."""
        return _BookEvidence(root)


class _BookEvidence(Evidence):
    def __init__(self, root=None):  # no fields set: each loads on first use
        self._root = root

    def __getattribute__(self, name):
        own = object.__getattribute__(self, "__dict__")
        if name in Evidence.__dataclass_fields__ and name not in own:
            from .data import load

            own[name] = load(name, object.__getattribute__(self, "_root"))
        return object.__getattribute__(self, name)


@dataclass(frozen=True)
class Case:
    """One thing a check weighed: a measure or a year, the independent value
    there (in the claim's unit) and the verdict it gives."""

    measure: str | None
    year: int | None
    value: float
    verdict: str
    shown: object = None  # the value as a phrase value (an Amount, a Percent, a rank)
    detail: float | None = None  # what the value was derived from, where a chapter shows it too


def case(result: "Result", measure: str | None = None, year: int | None = None) -> Case:
    """The result's case for one measure and year."""
    return next(c for c in result.cases if c.measure == measure and (year is None or c.year == year))


@dataclass
class Result:
    verdict: str
    reason: Phrase
    independent: object  # a phrase value, or "—"
    sources: list[str] = field(default_factory=list)
    value: float | None = None  # the independent value in the claim's unit, where there is one
    cases: list[Case] = field(default_factory=list)
    then: "Result | None" = None  # the verdict against the data of the time, where the book has them
    today: "Result | None" = None  # set on a primary verdict of the time: the same claim against today's data


NONE = "—"


def _measure_reason(chosen: Case, cases: list[Case], year: int):
    """The measure a verdict rests on, then what the other measures weighed give."""
    others = [c for c in cases if c is not chosen]
    if not others:
        return phrase("reason.one_measure", measure=Label("measure", chosen.measure), value=chosen.shown, year=year)
    return phrase("reason.best_measure", measure=Label("measure", chosen.measure), value=chosen.shown, year=year,
                  all=series(phrase("part.measure_value", measure=Label("measure", c.measure), value=c.shown) for c in others))


def _best_measure(claim, cases: list[Case], year: int) -> Result:
    """The best fit among the cases of one time, naming every measure weighed."""
    nearest_first = sorted(cases, key=lambda c: abs(c.value - claim["value"]))  # among equal verdicts, the nearest is named
    verdict = best([c.verdict for c in cases])
    chosen = next(c for c in nearest_first if c.verdict == verdict)
    reason = _measure_reason(chosen, cases, year)
    independent = phrase("part.value_measure_year", value=chosen.shown, measure=Label("measure", chosen.measure), year=year)
    # the source of the figure shown, not of every release weighed: the reason names the others
    return Result(verdict, reason, independent, [SOURCES[chosen.measure]], chosen.value, cases)


def _today_with_then(by_vintage: dict[str, Result | None]) -> Result:
    """Today's result, carrying the result of the time as ``then`` and every case of both."""
    result, then = by_vintage["now"], by_vintage["then"]
    result.then = then
    result.cases = result.cases + (then.cases if then else [])
    return result


def _across_measures(claim, ev: Evidence, compute) -> Result:
    """Judge a claim under every GDP measure, those of the time and today's;
    keep each time's best fit (the time's is the verdict, today's beside it)
    and list every case. Today's fit reads the same kind of measure, PPP or
    market rates, as the fit of the time, so the two compare like with like.
    ``compute(measure, year)`` returns (value, shown)."""
    ev.need(*GDP_FRAMES)
    year, precision = int(claim["period_start"]), stated_precision(claim["figure"])
    kind = {m.key: m.kind for m in economy.ALL_MEASURES}
    cases = {}
    for vintage, measures in economy.VINTAGES.items():
        cases[vintage] = []
        for m in measures:
            if year in economy.years(ev.gdp, m):
                value, shown = compute(m, year)
                cases[vintage].append(Case(m.key, year, value, value_verdict(claim["value"], value, precision), shown))
    then = _best_measure(claim, cases["then"], year) if cases["then"] else None
    now = cases["now"]
    if then is not None:
        fitted = kind[next(c.measure for c in then.cases if c.value == then.value)]
        now = [c for c in now if kind[c.measure] == fitted] or now
    result = _best_measure(claim, now, year)
    result.cases = cases["now"]
    return _today_with_then({"now": result, "then": then})


def oic_gdp(claim, ev: Evidence) -> Result:
    def compute(m, year):
        total = economy.oic_total(ev.gdp, m, year, ev.oic_members).value
        return total, Amount(total, "USD" if m.kind == "usd" else "intl_dollar")

    return _across_measures(claim, ev, compute)


def oic_gdp_share(claim, ev: Evidence) -> Result:
    def compute(m, year):
        share = 100 * economy.oic_total(ev.gdp, m, year, ev.oic_members).value / economy.world_total(ev.gdp, m, year)
        return share, Percent(share)

    return _across_measures(claim, ev, compute)


def implied_growth(first, last, ev: Evidence) -> Result:
    """The yearly growth two stated OIC totals imply, against the growth of the
    totals under each measure (no written precision: the tolerances apply).
    Each case's value is the yearly rate in percent; its detail, the multiple.
    The verdict is today's data's; ``then``, that of the data of the time."""
    ev.need(*GDP_FRAMES)
    year_a, year_b = int(first["period_start"]), int(last["period_start"])
    stated_multiple, stated_rate = economy.growth(first["value"], last["value"], year_b - year_a)
    by_vintage = {}
    for vintage, measures in economy.VINTAGES.items():
        cases = []
        for m in measures:
            if not {year_a, year_b} <= economy.years(ev.gdp, m):
                continue
            a = economy.oic_total(ev.gdp, m, year_a, ev.oic_members).value
            b = economy.oic_total(ev.gdp, m, year_b, ev.oic_members).value
            multiple, rate = economy.growth(a, b, year_b - year_a)
            cases.append(Case(m.key, year_b, rate, value_verdict(stated_rate, rate), Percent(rate), multiple))
        verdict = best([c.verdict for c in cases])
        chosen = min((c for c in cases if c.verdict == verdict), key=lambda c: abs(c.value - stated_rate))
        reason = _measure_reason(chosen, cases, year_b)
        by_vintage[vintage] = Result(verdict, reason, chosen.shown, sorted({SOURCES[c.measure] for c in cases}), chosen.value, cases)
    return _today_with_then(by_vintage)


def opec_members(claim, ev: Evidence) -> Result:
    ev.need("opec_members")
    n = len(economy.opec_2011(ev.opec_members))
    verdict = count_verdict(claim["value"], n)
    reason = phrase("reason.count", n=n, what=Label("what", "opec_2011"))
    return Result(verdict, reason, n, ["opec_history"], n, [Case(None, 2011, n, verdict, n)])


def opec_oic_members(claim, ev: Evidence) -> Result:
    ev.need("opec_members", "oic_members")
    both = economy.opec_oic_2011(ev.opec_members, ev.oic_members)
    verdict = count_verdict(claim["value"], len(both))
    reason = phrase("reason.count_named", n=len(both), what=Label("what", "opec_oic_2011"), names=listing(both["name_en"], ", "))
    return Result(verdict, reason, len(both), ["opec_history", "sis_oic"], len(both), [Case(None, 2011, len(both), verdict, len(both))])


def _oil_share(claim, ev: Evidence, key: str) -> Result:
    """Today's back-series by year; ``then``, the shares published at the time
    (``statements``), where the book has any for this check."""
    ev.need("oil_bp", "statements")
    precision = stated_precision(claim["figure"])
    to_unit = 0.01 if claim["unit"] == "fraction" else 1.0
    cases = []
    for year in OIL_YEARS:
        share = economy.oil_shares(ev.oil_bp, year)[key]
        cases.append(Case(None, year, share * to_unit, value_verdict(claim["value"], share * to_unit, precision), Percent(share)))
    verdict = best([c.verdict for c in cases])
    every = listing(phrase("part.year_value_verdict", year=c.year, value=c.shown, verdict=Label("verdict", c.verdict)) for c in cases)
    nearest = min((c for c in cases if c.verdict == verdict), key=lambda c: abs(c.value - claim["value"]))
    result = Result(verdict, _by_verdict("reason.by_year", cases, [phrase("part.year_value", year=c.year, value=c.shown) for c in cases]),
                    every, ["bp_2021"], nearest.value, cases)
    result.then = _statements_of_the_time(claim, ev.statements, precision, to_unit)
    return result


def source_decimals(value) -> int:
    """The decimals a published figure is printed with (77.2 -> 1, 40 -> 0): a share is
    shown as its source gave it, no more precisely."""
    return len(repr(float(value)).split(".")[1].rstrip("0"))


def judged(statements: pd.DataFrame) -> pd.Series:
    """Which statements of the time a claim is judged against: every figure of its
    measure that a source printed, since a writer of the time could have read any of
    them, including a count with more in it than the source's headline (OPEC's reserves
    with Canada's oil sands, which BP printed beside its headline and which today's
    data count in). A figure of another measure (the President's share of GDP) is said
    beside, not judged."""
    return statements["judged"]


def judged_for(statements: pd.DataFrame, check: str) -> pd.DataFrame:
    """The statements of the time that a claim of this check is judged against: the
    sources' headlines and any wider count they printed."""
    return statements[(statements["measure"] == check) & judged(statements)]


def _statements_of_the_time(claim, statements: pd.DataFrame, precision: float, to_unit: float) -> Result | None:
    """The claim judged against the shares published at the time for its check (the ``judged`` ones)."""
    said = judged_for(statements, claim["check"])
    if said.empty:
        return None
    cases = [
        Case(row["id"], None if pd.isna(row["refers_to_year"]) else int(row["refers_to_year"]), float(row["value"]) * to_unit,
             value_verdict(claim["value"], float(row["value"]) * to_unit, precision), Percent(float(row["value"]), source_decimals(row["value"])))
        for _, row in said.iterrows()
    ]
    verdict = best([c.verdict for c in cases])
    # who gave it, and what it counts where that is more than the source's headline
    whose = lambda row: row["who"] if pd.isna(row["scope"]) else f"{row['who']}, {row['scope']}"
    given = [phrase("part.said", who=whose(row), date=When(row["date"]), value=c.shown) for c, (_, row) in zip(cases, said.iterrows())]
    at = min((i for i, c in enumerate(cases) if c.verdict == verdict), key=lambda i: abs(cases[i].value - claim["value"]))
    nearest, row, independent = cases[at], said.iloc[at], given[at]
    if pd.notna(row["scope"]):  # a wider count is shown beside its source's own headline
        headline = said[(said["bib_key"] == row["bib_key"]) & said["scope"].isna()].iloc[0]
        independent = phrase("part.said_beside", said=independent,
                             headline=Percent(float(headline["value"]), source_decimals(headline["value"])))
    return Result(verdict, _by_verdict("reason.statements", cases, given), independent, sorted(set(said["bib_key"])), nearest.value, cases)


def _by_verdict(key: str, cases: list[Case], given: list) -> Phrase:
    """The figures a claim was set against, grouped by the verdict each gives, the
    best first: 'consistent with 70.0 % (…); inconsistent with 77.2 % (…) and 81.3 % (…)'."""
    groups = {}
    for g, c in zip(given, cases):
        groups.setdefault(c.verdict, []).append(g)
    return phrase(key, all=listing(phrase("part.verdict_with", verdict=Label("verdict", v), given=series(groups[v]))
                                   for v in sorted(groups, key=VERDICT_ORDER.__getitem__)))


def opec_reserve_share(claim, ev: Evidence) -> Result:
    return _oil_share(claim, ev, "opec_reserves")


def opec_production_share(claim, ev: Evidence) -> Result:
    return _oil_share(claim, ev, "opec_production")


def kazakhstan_gdp_rank(claim, ev: Evidence) -> Result:
    """Kazakhstan's rank among the members for every measure, in the year the
    claim gives (the year of the GDP figures its sentence follows), or in every
    year the article can have drawn on where it gives none; today's data give
    the result, those of the time ``then``."""
    ev.need(*GDP_FRAMES)
    wanted = {int(claim["period_start"])} if pd.notna(claim["period_start"]) else set(ARTICLE_YEARS)
    by_vintage = {}
    for vintage, measures in economy.VINTAGES.items():
        cases = []
        for m in measures:
            for year in sorted(wanted & economy.years(ev.gdp, m)):
                rank = int(economy.ranks(ev.gdp, m, year, ev.oic_members)["KAZ"])
                cases.append(Case(m.key, year, rank, rank_verdict(claim["value"], rank), rank))
        verdict = best([c.verdict for c in cases])
        # the year is said once where there is one
        holds = series(Label("measure", c.measure) if len(wanted) == 1 else phrase("part.measure_year", measure=Label("measure", c.measure), year=c.year)
                       for c in cases if c.verdict == verdict)
        spread = Span(min(int(c.value) for c in cases), max(int(c.value) for c in cases))
        years = listing(sorted({str(c.year) for c in cases}))
        # the record shown is the nearest rank, with every measure that gives it and their sources; the reason gives the spread
        nearest = min((c.value for c in cases if c.verdict == verdict), key=lambda r: abs(r - claim["value"]))
        giving = [c for c in cases if c.value == nearest]
        shown = phrase("part.value_where", value=Ordinal(int(nearest)),
                       where=listing(phrase("part.measure_year", measure=Label("measure", c.measure), year=c.year) for c in giving))
        by_vintage[vintage] = Result(verdict, phrase("reason.rank", rank=Ordinal(int(nearest)), where=holds, spread=spread, years=years), shown,
                                     sorted({SOURCES[c.measure] for c in giving}), nearest, cases)
    return _today_with_then(by_vintage)


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
        return Result("unverifiable", phrase("reason.no_amount"), NONE)
    verdict = value_verdict(claim["value"], record, stated_precision(claim["figure"]))
    if verdict == "consistent":
        reason = phrase("reason.same_amount", record=Amount(record))
    else:
        reason = phrase("reason.amount", record=Amount(record), ratio=Ratio(claim["value"] / record))
    return Result(verdict, reason, Amount(record), [], record, [Case(None, None, record, verdict, Amount(record))])


def _session(event: str) -> int | None:
    m = re.match(r"(\d+)(?:st|nd|rd|th) Session of the OIC Council of Foreign Ministers", event)
    return int(m.group(1)) if m else None


def council_place_year(claim, ev: Evidence) -> Result:
    """A Council the sentence places by city and year. The record's Council in
    that city is the linked event; where it met in another year, and another
    Council met in the stated year elsewhere, the sentence errs in its year or
    its place, and the check says so without choosing."""
    from .bib import bib_keys_by_url

    events = ev.events
    linked = events.set_index("event", drop=False).loc[claim["event"]]
    stated = Period.parse(claim["period_start"], claim["period_end"])
    end = linked["date_end"] if pd.notna(linked["date_end"]) else None
    recorded = When(linked["date_start"], end)  # the record's date as a reader reads it, never an ISO string
    verdict, reason = date_verdict(stated, Period.parse(linked["date_start"], end))
    if verdict == "consistent":
        return Result(verdict, reason, recorded)
    councils = events[events["event"].map(_session).notna() & events["source_url"].notna()]
    in_year = councils[councils["date_start"].str[:4] == str(stated.first.year)]
    if in_year.empty:
        return Result(verdict, reason, recorded)
    other = in_year.iloc[0]
    city = lambda row: row["place"].split(",")[0]
    reason = phrase("reason.place_or_year", city=city(linked), year=stated.first.year,
                    here=Ordinal(_session(linked["event"])), here_year=linked["date_start"][:4],
                    there=Ordinal(_session(other["event"])), there_city=city(other))
    keys = bib_keys_by_url()
    return Result("inconsistent", reason, recorded, [keys[other["source_url"]]] if other["source_url"] in keys else [])


CHECKS = {
    "council_place_year": council_place_year,
    "event_amount": event_amount,
    "oic_gdp": oic_gdp,
    "oic_gdp_share": oic_gdp_share,
    "opec_members": opec_members,
    "opec_oic_members": opec_oic_members,
    "opec_reserve_share": opec_reserve_share,
    "opec_production_share": opec_production_share,
    "kazakhstan_gdp_rank": kazakhstan_gdp_rank,
}
