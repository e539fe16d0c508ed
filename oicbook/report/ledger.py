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
    one), sources, event_id (the linked event's, where it has a source); and, where the book has data of the time, the same against
    them: verdict_then, reason_then, independent_then, sources_then."""
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
    # against the data of the time, where the book has them (else missing)
    then = [r.then for r in found]
    out["verdict_then"] = pd.array([t.verdict if t else None for t in then], dtype="string")
    out["reason_then"] = pd.array([words(t.reason) if t else None for t in then], dtype="string")
    out["independent_then"] = pd.array([words(t.independent) if t else None for t in then], dtype="string")
    out["sources_then"] = pd.array(["; ".join(t.sources) if t else None for t in then], dtype="string")
    return out


def gap_words(row: pd.Series) -> str:
    """A gap in its kind's measure: '83 %' (relative), '3.21 points', '1 place', '1,504 days'."""
    from .labels import t
    from .numbers import fixed, integer, plural_form

    g = row["gap"]
    if row["measure"] == "relative":
        return t("gap.relative", value=integer(round(100 * g)))
    if row["measure"] == "points":
        return t("gap.points", value=fixed(g, 2))
    n = int(round(g))
    return t(f"gap.{row['measure']}_{'one' if plural_form(n) == 'one' else 'other'}", value=integer(n))
