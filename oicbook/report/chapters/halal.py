"""The sections built from the halal milestones: the halal chapter's (the
article's claims, the record of halal standards and certification) and the
food-security strand, which the political chapter gives with the chair's
programme."""

from __future__ import annotations

import pandas as pd

from ..display import stated, when
from ..labels import t
from ..markup import Md, role
from . import Section, verdicts_in_words

HALAL = ("halal in Kazakhstan", "OIC halal standards")


def _ordered(steps: pd.DataFrame) -> pd.DataFrame:
    return steps.sort_values(["date_start", "id"], kind="stable").reset_index(drop=True)


def _source(row) -> Md:
    return role("cite:p", row["bib_key"]) if pd.notna(row["bib_key"]) else Md("—")


def _table(steps: pd.DataFrame) -> dict:
    ordered = _ordered(steps)
    return {
        t("column.when"): [when(r["date_start"], r["date_end"]) for _, r in ordered.iterrows()],
        t("column.milestone"): ordered["milestone"],
        t("column.source"): [_source(r) for _, r in ordered.iterrows()],
    }


def _independent(steps: pd.DataFrame, strand: str) -> pd.DataFrame:
    return _ordered(steps[(steps["strand"] == strand) & (steps["source_kind"] == "independent")])


def _one(rows: pd.DataFrame, words: str) -> pd.Series:
    """The one row whose milestone contains ``words``; the chapter names its rows by what they say."""
    found = rows[rows["milestone"].str.contains(words, regex=False)]
    if len(found) != 1:
        raise ValueError(f"halal_milestones.csv: expected one milestone containing {words!r}, found {len(found)}")
    return found.iloc[0]


def _when(row) -> str:
    return when(row["date_start"], row["date_end"])  # when() reads a missing end as none


def _figures(checked: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The article's two dated halal figures: the committee's year and the enterprises."""
    return checked[checked["kind"] == "date"].iloc[0], checked[checked["unit"] == "enterprises"].iloc[0]


def summary(checked: pd.DataFrame, steps: pd.DataFrame) -> Section:
    """The key findings: the record of halal work, the article's two figures, SMIIC."""
    committee, enterprises = _figures(checked)
    in_kazakhstan = _independent(steps, "halal in Kazakhstan")
    first = in_kazakhstan.iloc[0]
    smiic = _independent(steps, "OIC halal standards")
    return Section(
        committee_year=stated(committee),
        n_enterprises=int(enterprises["value"]),
        halal_verdicts=verdicts_in_words([committee, enterprises]),
        first_record=_when(first),
        smiic_in_force=_when(_one(smiic, "enters into force")),
        smiic_standard=_when(_one(smiic, "first halal standard")),
        certifier_rules_year=_when(_one(smiic, "bodies that certify halal goods")),
        certifiers_year=when(_one(in_kazakhstan, "bodies certify")["date_start"][:4]),
        halal_expo=_when(_one(in_kazakhstan, "halal exhibition in Astana")),
    )


def record(steps: pd.DataFrame, checked: pd.DataFrame) -> Section:
    """The halal milestones of the record and of the article."""
    halal = steps[steps["strand"].isin(HALAL)]
    smiic = _independent(steps, "OIC halal standards")
    return Section(
        halal_table=_table(halal[halal["source_kind"] == "independent"]),
        smiic_assembly=_when(_one(smiic, "first General Assembly")),
        certifiers_day=_when(_one(_independent(steps, "halal in Kazakhstan"), "bodies certify")),
    )


def food_security(steps: pd.DataFrame) -> Section:
    """The food-security proposal as the article words it and as the record shows it:
    the proposal's date, the founding's, and the steps between."""
    record_rows = _independent(steps, "food security")
    return Section(
        food_table=_table(record_rows),
        food_fund_first=_when(_one(record_rows, "regional fund")),
        food_fund_last=_when(_one(record_rows, "constituent General Assembly")),
    )
