"""The claims ledger with its verdicts: one function, used by every chapter.

A claim is judged against its dated event (dates, ordinals, stated lengths),
or by the data check it names (``oicbook.core.checks``); a claim with neither
has no verdict yet. Reasons and independent values are phrases:
``oicbook.report.ledger`` puts them into words.
"""

from __future__ import annotations

import pandas as pd

from .checks import CHECKS, NONE, Evidence, Result
from .periods import Period
from .phrases import Label, phrase
from .verdicts import date_verdict, duration_verdict, ordinal_verdict

EVENT_KINDS = {"date", "ordinal", "duration"}


def _event_result(claim: pd.Series, event: pd.Series, cite_keys: dict[str, str]) -> Result:
    end = event["date_end"] if pd.notna(event["date_end"]) else None
    record = event["date_start"] if end is None else f"{event['date_start']} – {end}"
    sources = [cite_keys[event["source_url"]]] if event["source_url"] in cite_keys else []
    if claim["kind"] == "date":
        verdict, reason = date_verdict(Period.parse(claim["period_start"], claim["period_end"]), Period.parse(event["date_start"], end))
    elif claim["kind"] == "duration":
        verdict, reason = duration_verdict(claim["value"], claim["event"])
        if verdict == "identified" and pd.notna(claim["period_start"]):
            # a stated period ("for 2006-2016") is checked like a date
            verdict, period = date_verdict(Period.parse(claim["period_start"], claim["period_end"]), Period.parse(event["date_start"], end))
            reason = phrase("reason.duration_and_period", duration=reason, period=period)
    else:
        verdict, reason = ordinal_verdict(claim["value"], claim["event"])
    return Result(verdict, reason, record, sources)


def judge(claim: pd.Series, evidence: Evidence, cite_keys: dict[str, str]) -> Result:
    event = evidence.events.set_index("event").loc[claim["event"]] if pd.notna(claim["event"]) else None
    # A record without a source confirms nothing, whatever would judge the claim.
    if event is not None and pd.isna(event["source_url"]):
        return Result("unverifiable", phrase("reason.no_source"), NONE)
    if pd.notna(claim["check"]):
        result = CHECKS[claim["check"]](claim, evidence)
        if event is not None and event["source_url"] in cite_keys and cite_keys[event["source_url"]] not in result.sources:
            result.sources = [cite_keys[event["source_url"]], *result.sources]  # the linked record, first
        return result
    if claim["kind"] in EVENT_KINDS:
        if event is None:
            return Result("unverifiable", phrase("reason.no_event"), NONE)
        return _event_result(claim, event, cite_keys)
    return Result("unchecked", phrase("reason.no_rule", kind=claim["kind"]), NONE)


def with_judgement(claim: pd.Series, result: Result) -> Result:
    """Where the ledger gives a written judgement, it replaces the computed verdict;
    the reason keeps what the rule found and adds what the judgement says."""
    if pd.isna(claim["judgement"]):
        return result
    reason = phrase("reason.judged", rule=result.reason, verdict=Label("verdict", claim["judgement"]), why=claim["judgement_reason"])
    return Result(claim["judgement"], reason, result.independent, result.sources, result.value, result.cases, result.then)


def results(claims: pd.DataFrame, evidence: Evidence, cite_keys: dict[str, str] | None = None) -> dict[str, Result]:
    """Each claim's result, by claim id."""
    return {row["id"]: with_judgement(row, judge(row, evidence, cite_keys or {})) for _, row in claims.iterrows()}
