"""The chapters' sections: each function computes, from the data a chapter
loaded, one section's results: the numbers and words its prose names, the
tables and figures it shows. The chapter glues them (``glue_section``) right
before the prose that uses them, so its own code stays short."""

from __future__ import annotations

import pandas as pd

from ...core.context import dated_elsewhere
from ..display import claim_word, when
from ..labels import t
from ..markup import Md, role


class Section(dict):
    """One section's results, by the glue key the prose uses: a number or
    plain text, ``Md`` (linked text), a dict of columns (a table), or a figure."""


def cited(cite_key: dict[str, str], url: str) -> Md:
    """A citation of the bibliography entry whose address is ``url``."""
    return role("cite:p", cite_key[url])


def dated(events: pd.DataFrame, event: pd.Series) -> str:
    """When an event happened, as people write it; a gift of aid that two sources
    date to different years keeps both ('2012 or 2013')."""
    first = when(event["date_start"], event["date_end"])
    others = dated_elsewhere(events, event["id"])
    return first if others.empty else t("part.either", first=first, second=when(others.iloc[0]["date_start"], others.iloc[0]["date_end"]))


def verdicts_in_words(claims, today: bool = False) -> Md:
    """Two claims' verdicts in words, each linked to its ledger entry: 'both consistent',
    or 'close and consistent respectively'."""
    first, second = claims
    key = "verdict_today" if today else "verdict"
    if first[key] == second[key]:
        return Md(t("finding.both", word=claim_word(first, today)))
    return Md(t("finding.respectively", first=claim_word(first, today), second=claim_word(second, today)))


def credit_word(credits: pd.DataFrame, sentence_id: str) -> Md:
    """For running text: the verdict on the credit the sentence gives Kazakhstan,
    in a word linked to the ledger's table of credits."""
    verdict = credits.loc[credits["sentence_id"] == sentence_id, "verdict"].iloc[0]
    return role("ref", "credit-claims", t(f"credit.{verdict}"))


def event_named(events: pd.DataFrame, words: str) -> pd.Series:
    """The event of the record whose name holds ``words``."""
    return events[events["event"].str.contains(words, regex=False)].iloc[0]
