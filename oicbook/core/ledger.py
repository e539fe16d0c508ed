"""The claims ledger with its verdicts: one function, used by every chapter.

A claim is judged against its dated event (dates, ordinals, stated lengths),
or by the data check it names (``oicbook.core.checks``); a claim with neither
has no verdict yet. Reasons and independent values are phrases:
``oicbook.report.ledger`` puts them into words.

One yardstick: where the book has data published when the article was
written, the verdict against them is the claim's verdict (the one every
tally, mark and gap counts), and today's verdict stands beside it as
``today``. A text is judged by what its author could have read.
"""

from __future__ import annotations

import dataclasses
import re

import pandas as pd

from . import economy
from .checks import CHECKS, NONE, Evidence, Result
from .periods import Period
from .phrases import Label, Ordinal, When, phrase
from .text import LOWER, UPPER
from .verdicts import at_ppp_only, date_verdict, duration_verdict, in_unit_named, ordinal_verdict

EVENT_KINDS = {"date", "ordinal", "duration"}
# The Kazakh case endings a place name may carry ('Астанада', 'Душанбеде');
# any other ending makes another word ('Қазақстандық', 'Kazakh').
_CASE_ENDINGS = "|".join(["да", "де", "та", "те", "ға", "ге", "қа", "ке", "на", "не", "а", "е", "дан", "ден", "тан", "тен", "нан", "нен",
                          "ның", "нің", "дың", "дің", "тың", "тің", "ны", "ні", "ды", "ді", "ты", "ті", "мен", "бен", "пен", "ғы", "гі"])


def named_places(text: str, place_names: pd.DataFrame) -> list[str]:
    """The places a Kazakh sentence names, as the records write them."""
    return [row["name_en"] for _, row in place_names.iterrows()
            if re.search(rf"(?<![{LOWER}{UPPER}]){re.escape(row['stem'])}(?:{_CASE_ENDINGS})?(?![{LOWER}{UPPER}])", text)]


def _record_period(event: pd.Series) -> Period:
    return Period.parse(event["date_start"], event["date_end"] if pd.notna(event["date_end"]) else None)


def _placed_ordinal(claim: pd.Series, event: pd.Series, evidence: Evidence) -> tuple[str, object] | None:
    """An ordinal the record gives too is confirmed where the sentence places the
    session as the record does, by its place or by a date it states for the same
    event, and nothing in the sentence places it elsewhere."""
    evidence.need("sentences", "claims", "place_names")
    text = evidence.sentences.set_index("id").loc[claim["sentence_id"], "text"]
    places = named_places(text, evidence.place_names)
    same_place = [p for p in places if p in event["place"]]
    dated = evidence.claims[(evidence.claims["sentence_id"] == claim["sentence_id"]) & (evidence.claims["event"] == claim["event"])
                            & (evidence.claims["kind"] == "date")]
    dates = [date_verdict(Period.parse(d["period_start"], d["period_end"]), _record_period(event))[0] for _, d in dated.iterrows()]
    if len(same_place) < len(places) or "inconsistent" in dates or not (same_place or "consistent" in dates):
        return None
    dated_too = "consistent" in dates
    where = (phrase("part.place_and_date", place=same_place[0]) if same_place and dated_too
             else phrase("part.in_place", place=same_place[0]) if same_place else phrase("part.at_date"))
    return "consistent", phrase("reason.ordinal_placed", ordinal=Ordinal(int(claim["value"])), where=where)


def _event_result(claim: pd.Series, event: pd.Series, cite_keys: dict[str, str], evidence: Evidence) -> Result:
    end = event["date_end"] if pd.notna(event["date_end"]) else None
    record = When(event["date_start"], end)
    period = _record_period(event)
    sources = [cite_keys[event["source_url"]]] if event["source_url"] in cite_keys else []
    if claim["kind"] == "date":
        verdict, reason = date_verdict(Period.parse(claim["period_start"], claim["period_end"]), period)
    elif claim["kind"] == "duration":
        verdict, reason = duration_verdict(claim["value"], claim["event"])
        if verdict == "identified" and pd.notna(claim["period_start"]):
            # a stated period ("for 2006-2016") is checked like a date
            verdict, in_period = date_verdict(Period.parse(claim["period_start"], claim["period_end"]), period)
            reason = phrase("reason.duration_and_period", duration=reason, period=in_period)
    else:
        verdict, reason = ordinal_verdict(claim["value"], claim["event"])
        if verdict == "identified":
            verdict, reason = _placed_ordinal(claim, event, evidence) or (verdict, reason)
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
        return _event_result(claim, event, cite_keys, evidence)
    return Result("unchecked", phrase("reason.no_rule", kind=claim["kind"]), NONE)


def primary(result: Result) -> Result:
    """The verdict of the time first, where there is one, with today's as ``today``;
    every case weighed, of both times, stays with it."""
    if result.then is None:
        return result
    then = result.then
    today = Result(result.verdict, result.reason, result.independent, result.sources, result.value,
                   [c for c in result.cases if c not in then.cases])
    cases = result.cases + [c for c in then.cases if c not in result.cases]
    return Result(then.verdict, then.reason, then.independent, then.sources, then.value, cases, then=None, today=today)


def with_judgement(claim: pd.Series, result: Result) -> Result:
    """Where the ledger gives a written judgement, it replaces the computed verdict;
    the reason keeps what the rule found and adds what the judgement says."""
    if pd.isna(claim["judgement"]):
        return result
    if claim["judgement"] == "unverifiable" and result.value is None:  # the record at hand does not measure the claim, so what the rule found of it misleads
        reason = phrase("reason.judged_alone", verdict=Label("verdict", claim["judgement"]), why=claim["judgement_reason"])
    else:
        reason = phrase("reason.judged", rule=result.reason, verdict=Label("verdict", claim["judgement"]), why=claim["judgement_reason"])
    return Result(claim["judgement"], reason, result.independent, result.sources, result.value, result.cases, result.then, result.today)


def as_named(claim: pd.Series, result: Result) -> Result:
    """A figure near the record only at purchasing-power parity, which the article
    calls US dollars, is close at best, and its reason says why, keeping what the
    rule found."""
    kind = {m.key: m.kind for m in economy.VINTAGES["then"]}
    shown = [kind[c.measure] for c in _shown(result) if c.measure in kind]
    measure_kind = shown[0] if shown else None
    if not at_ppp_only(result.verdict, claim["unit"], measure_kind):
        return result
    reason = phrase("reason.close_at_ppp", verdict=Label("verdict", result.verdict), rule=result.reason)
    return dataclasses.replace(result, verdict=in_unit_named(result.verdict, claim["unit"], measure_kind), reason=reason)


def results(claims: pd.DataFrame, evidence: Evidence, cite_keys: dict[str, str] | None = None) -> dict[str, Result]:
    """Each claim's primary result, by claim id."""
    return {row["id"]: with_judgement(row, as_named(row, primary(judge(row, evidence, cite_keys or {}))))
            for _, row in claims.iterrows()}


def numbers_a_meeting(claims: pd.DataFrame) -> pd.Series:
    """Whether each claim numbers or dates a meeting the article names: an
    ordinal, or a date of an event the article also numbers. These are the
    easiest claims to check, and a tally that mixes them with the article's
    figures says little about its judgement."""
    numbered = set(claims.loc[claims["kind"] == "ordinal", "event"].dropna())
    return (claims["kind"] == "ordinal") | ((claims["kind"] == "date") & claims["event"].isin(numbered))


def _shown(result: Result) -> list:
    """The cases the figure a verdict shows comes from."""
    return [c for c in result.cases if c.value == result.value and c.verdict == result.verdict]
