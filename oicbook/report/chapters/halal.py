"""The halal chapter's sections."""

from __future__ import annotations

import pandas as pd

from ..display import when, claim_verdict, sentence_ref, span, stated
from ..figures import milestones as milestones_figure
from ..labels import t
from ..markup import Md, kk, role
from . import Section


def milestones(steps: pd.DataFrame) -> Section:
    """The halal and food-security milestones on one dated line, each with its source."""
    ordered = steps.sort_values(["date_start", "id"], kind="stable").reset_index(drop=True)

    def source(row):
        parts = [sentence_ref(row["sentence_id"])] if pd.notna(row["sentence_id"]) else []
        parts += [role("cite:p", row["bib_key"])] if pd.notna(row["bib_key"]) else []
        return Md(" ").join(parts)

    kinds = steps["source_kind"].value_counts()
    fund = steps[steps["milestone"].str.contains("food security", case=False) & (steps["source_kind"] == "independent")]
    return Section(
        steps_table={
            t("column.when"): [span(r["date_start"], r["date_end"]) for _, r in ordered.iterrows()],
            t("column.milestone"): ordered["milestone"],
            t("column.source"): [source(r) for _, r in ordered.iterrows()],
        },
        steps_figure=milestones_figure(ordered),
        n_steps=len(steps),
        n_article_steps=int(kinds.get("article", 0)),
        n_independent_steps=int(kinds.get("independent", 0)),
        food_fund_first=when(fund.iloc[0]["date_start"], fund.iloc[0]["date_end"]),
        food_fund_last=when(fund.iloc[-1]["date_start"], fund.iloc[-1]["date_end"]),
    )


def food_exports(goods: pd.DataFrame) -> pd.DataFrame:
    return goods[(goods["direction"] == "export") & (goods["sector"] == "food and agriculture")]


def food_base(goods: pd.DataFrame) -> Section:
    """The food and agricultural goods among Kazakhstan's exports to OIC states."""
    food = food_exports(goods)
    return Section(
        food_table={
            t("column.goods"): food["good"],
            t("column.words"): [kk(w) for w in food["words"]],
            t("column.sentence"): [sentence_ref(s) for s in food["sentence_id"]],
        },
        n_food=len(food),
        n_exports=int((goods["direction"] == "export").sum()),
    )


def summary(checked: pd.DataFrame, goods: pd.DataFrame) -> Section:
    """The article's two halal figures with their verdicts, and the food exports."""
    committee = checked[checked["kind"] == "date"].iloc[0]
    enterprises = checked[checked["unit"] == "enterprises"].iloc[0]
    return Section(
        committee_year=stated(committee),
        n_enterprises=int(enterprises["value"]),
        committee_status=claim_verdict(committee),
        enterprises_status=claim_verdict(enterprises),
        food_goods=", ".join(food_exports(goods)["good"]),
    )
