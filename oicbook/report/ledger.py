"""The claims ledger as chapters show it: the core's verdicts, with their
reasons and independent values in words."""

from __future__ import annotations

import pandas as pd

from ..core.checks import Evidence
from ..core.ledger import results
from .words import words


def verdicts(claims: pd.DataFrame, evidence: Evidence, cite_keys: dict[str, str] | None = None) -> pd.DataFrame:
    """The claims with more columns: verdict, reason (words), independent
    (words), independent_value (a number in the claim's unit, where there is
    one), sources, event_id (the linked event's, where it has a source), all
    of the primary verdict (against the data of the time where the book has
    them); of_the_time, whether it is; and, beside a verdict of the time,
    the same against today's data: verdict_today, reason_today,
    independent_today, sources_today (else missing)."""
    by_id = results(claims, evidence, cite_keys)
    found = [by_id[claim_id] for claim_id in claims["id"]]
    out = claims.copy()
    out["verdict"] = [r.verdict for r in found]
    out["reason"] = [words(r.reason) for r in found]
    out["independent"] = [words(r.independent) for r in found]
    out["independent_value"] = pd.array([r.value for r in found], dtype="Float64")
    out["sources"] = ["; ".join(r.sources) for r in found]
    # the linked event's id, where it has a source: the context chapter lists it there
    sourced = evidence.events[evidence.events["source_url"].notna()].set_index("event")["id"]
    out["event_id"] = pd.array([sourced.get(e) if pd.notna(e) else None for e in claims["event"]], dtype="string")
    # beside a verdict of the time, today's (else missing)
    today = [r.today for r in found]
    out["of_the_time"] = [t is not None for t in today]
    out["verdict_today"] = pd.array([t.verdict if t else None for t in today], dtype="string")
    out["reason_today"] = pd.array([words(t.reason) if t else None for t in today], dtype="string")
    out["independent_today"] = pd.array([words(t.independent) if t else None for t in today], dtype="string")
    out["sources_today"] = pd.array(["; ".join(t.sources) if t else None for t in today], dtype="string")
    return out


def gap_words(row: pd.Series) -> str:
    """A gap in a unit a reader counts in: '500 times the record', '1.45 percentage
    points', '1 place', '5 years apart'; where the figure agrees and a written
    judgement made the verdict, it says so instead of 'off by 0'."""
    from .labels import t
    from .numbers import fixed, integer, plural_form, significant

    g = row["gap"]
    if g == (1 if row["measure"] == "ratio" else 0):
        if pd.notna(row.get("judgement")):
            return t("gap.none_judged")
        return t("gap.overlap") if row["kind"] == "date" and row["verdict"] == "close" else t("gap.none")
    if row["measure"] == "ratio":
        if g >= 1.5:
            bigger = "stated" if float(row["value"]) > float(row["independent_value"]) else "record"
            return t(f"gap.times_{bigger}", value=significant(g, 2))
        return t("gap.relative", value=integer(round(100 * (g - 1))))
    if row["measure"] == "points":
        return t("gap.points", value=fixed(g, 1))
    n = int(round(g))
    return t(f"gap.{row['measure']}_{'one' if plural_form(n) == 'one' else 'other'}", value=integer(n))
