"""The chapters' sections: each function computes, from the data a chapter
loaded, one section's results: the numbers and words its prose names, the
tables and figures it shows. The chapter glues them (``glue_section``) right
before the prose that uses them, so its own code stays short."""

from __future__ import annotations

import pandas as pd

from ..display import number
from ..labels import t
from ..markup import Md, role
from ..numbers import integer, listing


class Section(dict):
    """One section's results, by the glue key the prose uses: a number or
    plain text, ``Md`` (linked text), a dict of columns (a table), or a figure."""


def cited(cite_key: dict[str, str], url: str) -> Md:
    """A citation of the bibliography entry whose address is ``url``."""
    return role("cite:p", cite_key[url])


def event_named(events: pd.DataFrame, words: str) -> pd.Series:
    """The event of the record whose name holds ``words``."""
    return events[events["event"].str.contains(words, regex=False)].iloc[0]


def counts_in_words(verdicts: pd.Series) -> str:
    """'5 consistent and 1 close': each verdict with how many claims carry it, most
    first; 'all five consistent' where they share one."""
    counts = verdicts.value_counts()
    if len(counts) == 1:
        return t("part.all", n=number(int(counts.iloc[0])), what=t(f"verdict.{counts.index[0]}"))
    return listing(t("part.count", n=integer(n), what=t(f"verdict.{v}")) for v, n in counts.items())


def chapter_claims(checked: pd.DataFrame, chapter: str) -> Section:
    """The chapter's claims of the ledger: how many, and the verdicts counted (the ledger sets them out)."""
    return Section({f"n_{chapter}_claims": len(checked), f"{chapter}_counts": counts_in_words(checked["verdict"])})
