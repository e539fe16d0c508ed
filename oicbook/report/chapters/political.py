"""The political chapter's sections."""

from __future__ import annotations

import pandas as pd

from ..display import number, said, when
from ..labels import t, t_form
from ..markup import Md, role
from ..numbers import integer, plural_form
from ...core import context
from . import Section, cited, event_named


def off_by_years(years: int) -> str:
    """'2 years early' (the record's year is later than the article's), '1 year late'."""
    n = abs(years)
    return t_form(f"finding.{'early' if years > 0 else 'late'}", plural_form(n), n=integer(n))


def initiatives(agenda: pd.DataFrame) -> Section:
    """Kazakhstan's own initiatives on the political agenda."""
    own = agenda[agenda["origin"] == "initiative"]
    return Section(
        n_initiatives=number(len(own)),
    )


def agenda_coded(agenda: pd.DataFrame) -> Section:
    """The agenda the article names, coded by domain and origin."""
    counts = agenda["origin"].value_counts()
    return Section(n_items=len(agenda), n_inherited=int(counts.get("inherited", 0)), n_domestic=number(int(counts.get("domestic", 0))))


def uprisings(events: pd.DataFrame, cite_key: dict[str, str]) -> Section:
    """The Arab uprisings on the OIC's agenda, which the article's list of 2011 leaves out:
    the first meeting on them in the record (Syria's suspension is the context chapter's), and
    Kazakhstan's part in the debates on Syria."""
    first, _ = context.uprisings(events)
    envoys = event_named(events, "permanent representatives on Libya")
    chaired = event_named(events, "in Jeddah on the situation in Syria, chaired by Kazakhstan's Foreign Minister")
    stance = event_named(events, "must rely on diplomacy, not arms")
    at_makkah = event_named(events, "lay some of the blame")
    recommended = context.suspension_recommended(events)
    proposed = context.suspension_proposed(events)
    return Section(
        proposed_cite=cited(cite_key, proposed["source_url"]),
        libya_day=when(first["date_start"]), libya_cite=cited(cite_key, first["source_url"]),
        envoys_day=when(envoys["date_start"]), envoys_cite=cited(cite_key, envoys["source_url"]),
        chaired_day=when(chaired["date_start"]), chaired_cite=cited(cite_key, chaired["source_url"]),
        stance_day=when(stance["date_start"]), stance_cite=cited(cite_key, stance["source_url"]),
        makkah_cite=cited(cite_key, at_makkah["source_url"]),
        recommended_day=when(recommended["date_start"]), recommended_cite=cited(cite_key, recommended["source_url"]),
        exco_cite=cited(cite_key, event_named(events, "urges the Syrian authorities")["source_url"]),
        open_cite=cited(cite_key, event_named(events, "open to all member states at ministerial level")["source_url"]),
    )


def renaming(events: pd.DataFrame, cite_key: dict[str, str]) -> Section:
    """Kazakhstan's part in the new name, as the record shows it: its minister, as the new chair, read out the resolution."""
    read_out = event_named(events, "reads out the resolution changing the Organisation's name")
    return Section(rename_read_cite=cited(cite_key, read_out["source_url"]))


def afghanistan(events: pd.DataFrame, cite_key: dict[str, str]) -> Section:
    """Where Kazakhstan took up Afghanistan in those months: the Contact Group it hosted, the Istanbul Process."""
    icg, hoa = event_named(events, "International Contact Group on Afghanistan"), event_named(events, "launches the Heart of Asia")
    return Section(icg_day=when(icg["date_start"]), icg_cite=cited(cite_key, icg["source_url"]),
                   hoa_day=when(hoa["date_start"]), hoa_cite=cited(cite_key, hoa["source_url"]))


def intolerance(events: pd.DataFrame, cite_key: dict[str, str]) -> Section:
    """The OIC's change of approach on religious intolerance in the chair's first months,
    beside the article's words on Islamophobia, and its limits after the film protests of 2012."""
    resolution = event_named(events, "adopts Resolution 16/18")
    istanbul = event_named(events, "on carrying out Resolution 16/18")
    ban_call = event_named(events, "global ban on insulting the Prophet")  # dated to its month in the prose
    no_revival = event_named(events, "will not revive that campaign")
    return Section(resolution_when=when(resolution["date_start"]), resolution_cite=cited(cite_key, resolution["source_url"]),
                   istanbul_day=when(istanbul["date_start"]), istanbul_cite=cited(cite_key, istanbul["source_url"]),
                   ban_call_when=when(ban_call["date_start"][:7]), ban_call_cite=cited(cite_key, ban_call["source_url"]),
                   no_revival_when=when(no_revival["date_start"]), no_revival_cite=cited(cite_key, no_revival["source_url"]))


# the chair's own account of its term, which named its major initiatives (chair_proposals.chair_account)
ACCOUNT_KEY = "kazembro_handover_2012"


def proposals(proposals: pd.DataFrame, events: pd.DataFrame, offices: pd.DataFrame, cite_key: dict[str, str]) -> Section:
    """The President's proposals as chair (how many concern the members' economies, which
    the prose says rather than a column of the same word), which of them the article
    mentions, and what the record says the one carried through became: the chapter's spine."""
    by_id = events.set_index("id")
    credited = proposals[proposals["sentence_id"].notna()]
    carried = by_id.loc[credited["outcome_event"].dropna().iloc[0]]
    economic = proposals[proposals["domain"] == "economic"]
    expo = event_named(events, "to host EXPO-2017")
    handed_on = context.kazakh_chair(offices, events)["last"]
    return Section(
        proposals_table={
            t("column.proposal"): [Md("{} {}").format(p, role("cite:p", k)) for p, k in zip(proposals["proposal"], proposals["bib_key"])],
            # the chair's own account of its year, at the Council that took the chair from it, cited once in the column's name
            Md("{} {}").format(t("column.chair_account"), role("cite:p", ACCOUNT_KEY)): [Md(t("answer.yes" if named else "answer.no"))
                                                                                        for named in proposals["chair_account"]],
            t("column.in_article"): [said(s, t("answer.yes")) if pd.notna(s) else Md(t("answer.no")) for s in proposals["sentence_id"]],
        },
        # the proposals for the Organisation; the request to back Kazakhstan's own EXPO bid is a favour asked, not one of them
        n_proposals=number(int((proposals["domain"] != "own_bid").sum())),
        n_economic=number(len(economic)),
        expo_day=when(expo["date_start"]),
        expo_cite=cited(cite_key, expo["source_url"]),
        expo_days_after=number((pd.Timestamp(expo["date_start"]) - pd.Timestamp(handed_on)).days),
        food_place=carried["place"].split(",")[0],
        food_when=when(carried["date_start"], carried["date_end"]),
        # the address opened the Council at which Kazakhstan took the chair
        address_date=when(event_named(events, "elected Chair")["date_start"]),
    )


def dushanbe_context(events: pd.DataFrame, cite_key: dict[str, str]) -> Section:
    """What stood behind the Dushanbe sentences: Kazakhstan's own OSCE year and CICA,
    and the UN's list of least developed countries."""
    osce, cica, ldc = (event_named(events, words) for words in ("Kazakhstan chairs the OSCE", "Nazarbayev proposes", "The UN's list of least developed"))
    handed = event_named(events, "chairmanship of CICA")
    return Section(
        osce_year=when(osce["date_start"]), osce_source=cited(cite_key, osce["source_url"]),
        cica_date=when(cica["date_start"]), cica_source=cited(cite_key, cica["source_url"]),
        cica_handed=when(handed["date_start"], handed["date_end"]), cica_handed_source=cited(cite_key, handed["source_url"]),
        ldc_year=when(ldc["date_start"]), ldc_source=cited(cite_key, ldc["source_url"]),
    )


def religion_law(events: pd.DataFrame, cite_key: dict[str, str]) -> Section:
    """The law on religious activity of the chair's first year, and the violence of that
    year around it: the context of the article's closing view of religion and the state."""
    law = event_named(events, "new Law on religious activity")
    bombing = event_named(events, "first known suicide bombing in Kazakhstan")
    attacks = event_named(events, "reaction against the new law on religious activity")
    return Section(religion_law_when=when(law["date_start"]), religion_law_cite=cited(cite_key, law["source_url"]),
                   bombing_day=when(bombing["date_start"]), bombing_place=bombing["place"].split(",")[0],
                   bombing_cite=cited(cite_key, bombing["source_url"]),
                   attacks_when=when(attacks["date_start"], attacks["date_end"]), attacks_cite=cited(cite_key, attacks["source_url"]))
