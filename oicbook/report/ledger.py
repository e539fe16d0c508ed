"""The claims ledger as chapters show it: the core's verdicts, with their
reasons and independent values in words."""

from __future__ import annotations

import pandas as pd

from ..core.checks import Evidence
from ..core.ledger import results
from .words import words


def verdicts(claims: pd.DataFrame, evidence: Evidence, cite_keys: dict[str, str] | None = None) -> pd.DataFrame:
    """The claims with five more columns: verdict, reason (words), independent
    (words), independent_value (a number in the claim's unit, where there is
    one), sources."""
    by_id = results(claims, evidence, cite_keys)
    found = [by_id[claim_id] for claim_id in claims["id"]]
    out = claims.copy()
    out["verdict"] = [r.verdict for r in found]
    out["reason"] = [words(r.reason) for r in found]
    out["independent"] = [words(r.independent) for r in found]
    out["independent_value"] = pd.array([r.value for r in found], dtype="Float64")
    out["sources"] = ["; ".join(r.sources) for r in found]
    return out
