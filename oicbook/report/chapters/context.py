"""The context chapter's sections: the organisation, whose chair is what, the
chairmanship month by month, and the article as a source."""

from __future__ import annotations

import re

import pandas as pd

from ...core import context
from ...core.numerals import stated_value
from ..display import event_target, listed, sentence_link, when, year_text
from ..labels import t
from ..markup import Md, kk, literal, role
from . import Section, cited, dated, event_named

REFERENCE_MARKER = re.compile(r"\[(\d+)\]")


NEW_NAME = "ИЫҰ"  # the Organisation of Islamic Cooperation, as the article abbreviates the name of 2011
AGO = "жыл бұрын"  # "years ago": the article counts back from its time of writing

def _overlapping(terms: pd.DataFrame, first, last) -> pd.DataFrame:
    """The terms that share more than a day with first..last."""
    return terms[(terms["first"] < last) & (terms["last"].isna() | (terms["last"] > first))]


def _months(first, last) -> int:
    # whole months: 28 June to 15 November is four months and some days, not five
    return (last.year - first.year) * 12 + last.month - first.month - (last.day < first.day)


def organisation(members: pd.DataFrame, events: pd.DataFrame, cite_key: dict[str, str]) -> Section:
    """Members and observers, the founding, the Charter, the suspension and the new name."""
    charter = events[events["event"].str.contains("Charter")].iloc[0]
    _, suspension = context.uprisings(events)
    rename = events[events["event"].str.contains("renamed")].iloc[0]
    founded = events[events["event"].str.startswith("The OIC is founded")].iloc[0]
    joined = events[events["event"].str.startswith("Kazakhstan becomes a member of the OIC")].iloc[0]
    reinstated = event_named(events, "reinstates Syria's membership")

    return Section(
        n_members=int((members["status"] == "member").sum()),
        n_observers=int((members["status"] == "observer").sum()),
        suspended=members.loc[members["notes"].str.contains("suspended", na=False) & members["notes"].str.contains(suspension["date_start"][:4], na=False), "name_en"].iloc[0],
        suspended_when=when(suspension["date_start"], suspension["date_end"]),
        suspended_month=when(suspension["date_start"][:7]),
        suspended_place=suspension["place"].split(",")[0],
        founded_day=when(founded["date_start"]),
        founded_place=founded["place"].split(",")[0],
        founded_cite=cited(cite_key, founded["source_url"]),
        joined_year=when(joined["date_start"]),
        suspended_cite=cited(cite_key, suspension["source_url"]),
        suspension_proposed_month=when(context.suspension_proposed(events)["date_start"][:7]),
        reinstated=when(reinstated["date_start"]),
        reinstated_year=year_text(int(reinstated["date_start"][:4])),
        reinstated_cite=cited(cite_key, reinstated["source_url"]),
        charter_signed=when(charter["date_start"]),
        charter_place=charter["place"].split(",")[0],
        charter_ratified=when(charter["source_date"]),
        charter_cite=cited(cite_key, charter["source_url"]),
        rename_day=when(rename["date_start"]),
        rename_cite=cited(cite_key, rename["source_url"]),
    )


def _term_when(term: pd.Series, events: pd.DataFrame) -> str:
    """A term's dates at the precision its source gives them; 'from …' while it runs."""
    first, last = context.term_span(term, events)
    return when(first, last) if last else t("office.from", day=when(first))


def _day(stamp) -> str:
    return stamp.date().isoformat()


def chairs(offices: pd.DataFrame, events: pd.DataFrame, bodies: pd.DataFrame, cite_key: dict[str, str]) -> Section:
    """Who chaired what, and why the Council's chair sat on the Executive Committee."""
    terms = context.terms(offices, events)
    chair = context.kazakh_chair(offices, events)
    during = _overlapping(terms, chair["first"], chair["last"])
    summit = during[during["office"] == "summit_chair"].iloc[0]
    secretary = during[during["office"] == "secretary_general"].iloc[0]
    ministers = during[during["office"] == "foreign_minister"]
    outgoing, incoming = ministers.iloc[0], ministers.iloc[-1]
    chairs = terms[terms["office"] == "council_chair"].sort_values("first")
    months = _months(chair["first"], chair["last"])
    return Section(
        chair_months=months,
        chair_first=when(_day(chair["first"])),
        chair_last=when(_day(chair["last"])),
        predecessor=chairs[chairs["last"] == chair["first"]].iloc[0]["holder"],
        successor=chairs[chairs["first"] == chair["last"]].iloc[0]["holder"],
        summit_holder=summit["holder"],
        summit_first=when(_day(summit["first"])),
        summit_last=when(_day(summit["last"])),
        summit_cite=Md(" ").join(cited(cite_key, events.set_index("id").loc[summit[f], "source_url"]) for f in ("start_event", "end_event")),
        secretary=secretary["holder"],
        secretary_years=when(secretary["start"], secretary["end"]),
        secretary_cite=cited(cite_key, secretary["source_url"]),
        outgoing=outgoing["holder"],
        incoming=incoming["holder"],
        change_day=when(_day(incoming["first"])),
        change_cite=cited(cite_key, incoming["source_url"]),
    )


def other_chairs(events: pd.DataFrame, cite_key: dict[str, str]) -> Section:
    """The other chairs Kazakhstan held in those years: the OSCE's, the SCO's summit, CICA's."""
    osce, sco, cica = (event_named(events, words) for words in ("Kazakhstan chairs the OSCE", "Shanghai Cooperation Organisation", "chairmanship of CICA"))
    return Section(
        osce_year=when(osce["date_start"]), osce_cite=cited(cite_key, osce["source_url"]),
        sco_day=when(sco["date_start"], sco["date_end"]), sco_cite=cited(cite_key, sco["source_url"]),
        cica_until=when(cica["date_start"], cica["date_end"]),
    )


def chronology(events: pd.DataFrame, mentions: pd.DataFrame, offices: pd.DataFrame, cite_key: dict[str, str]) -> Section:
    """The events of the window that the article mentions or whose absence the
    chapter argues, one row each, with the sentences that mention it; each row
    carries the event's anchor, which the ledger links to."""
    span = context.window(offices, events)
    rows = context.chronicled(events, span, mentions)
    mentioned = context.mentioned(mentions)
    named = set(mentions.loc[mentions["how"] == "named", "event_id"].dropna())

    def in_article(event_id) -> Md:
        """'yes' where the article names the event, 'described' where it only describes what the chapter
        identifies with it (an allocation it gives another sum for, thanks it calls appreciation), linked to
        the first sentence that mentions it (its later mentions are the source text's to show)."""
        sentences = mentioned.get(event_id, [])
        if not sentences:
            return Md(t("mention.absent"))
        return role("ref", sentences[0].lower(), t("mention.present") if event_id in named else t("mention.described"))

    return Section(
        chronicle={
            t("column.when"): [Md("{}{}").format(role("anchor", event_target(r["id"])), dated(events, r)) for _, r in rows.iterrows()],
            # the city alone, the country being plain from it; a joined pair may break at its slash
            t("column.place"): [p.split(",")[0].replace("/", " / ") for p in rows["place"]],
            t("column.event"): [Md("{} {}").format(r["event"], cited(cite_key, r["source_url"])) for _, r in rows.iterrows()],
            t("column.in_the_article"): [in_article(e) for e in rows["id"]],
        },
        window_first=when(span.opening["date_start"], span.opening["date_end"]),
        window_last=when(span.closing["date_start"], span.closing["date_end"]),
        iphrc_cite=cited(cite_key, event_named(events, "Independent Permanent Human Rights Commission")["source_url"]),
    )


def counted_back(exclusions: pd.DataFrame, events: pd.DataFrame, mentions: pd.DataFrame, sentences: pd.DataFrame) -> tuple[pd.Series, pd.Series, int]:
    """The article's one "N years ago", the event the book identifies it with, and N:
    a passage dated by what it counts back to."""
    text = sentences.set_index("id")["text"]
    ago = next(x for _, x in exclusions.iterrows() if f"{x['numeral']} {AGO}" in text[x["sentence_id"]])
    mention = mentions[(mentions["sentence_id"] == ago["sentence_id"]) & mentions["event_id"].notna()].iloc[0]
    return ago, events.set_index("id").loc[mention["event_id"]], int(stated_value(ago["numeral"]))


def the_source(copies: pd.DataFrame, events: pd.DataFrame, mentions: pd.DataFrame, sentences: pd.DataFrame, cite_key: dict[str, str],
               exclusions: pd.DataFrame) -> Section:
    """Where the article is found, when it can have been written (the latest event it
    names, and where it writes the Organisation's new name), and what its extraction lost."""
    dated = context.dating(events, mentions)
    latest = dated.latest_event
    latest_sentence = mentions[(mentions["event_id"] == latest["id"]) & (mentions["how"] == "named")].iloc[0]
    markers = sorted({int(m) for text in sentences["text"] for m in REFERENCE_MARKER.findall(text)})
    heading = sentences[sentences["kind"] == "heading"].iloc[-1]
    ago, counted, years = counted_back(exclusions, events, mentions, sentences)
    somalia = events[(events["kind"] == "humanitarian") & events["event"].str.contains("Executive Committee")].iloc[0]
    return Section(
        somalia_day=when(somalia["date_start"]),
        ago_sentence=ago["sentence_id"],
        ago_event_when=when(counted["date_start"][:7]),
        ago_event_place=counted["place"].split(",")[0],
        ago_event_cite=cited(cite_key, counted["source_url"]),
        ago_written=year_text(int(counted["date_start"][:4]) + years),
        # the Foreign Ministry's briefing on the same programme (the humanitarian chapter's source for it)
        briefing_when=when(event_named(events, "Women Affairs in the Muslim World")["source_date"][:7]),
        copies_table={
            t("column.where"): [Md("{} {}").format(c["site"], cited(cite_key, c["url"])) for _, c in copies.iterrows()],
            t("column.taken_as"): [t(f"copy_role.{r}") for r in copies["role"]],
            t("column.shows"): copies["evidence"].tolist(),
        },
        copies_checked=when(copies["checked"].max()),
        not_before=when(latest["date_start"]),
        latest_event=latest["event"].split(";")[0],
        latest_cite=cited(cite_key, latest["source_url"]),
        latest_sentence=latest_sentence["sentence_id"],
        new_name_in=listed(sentence_link(s) for s in sentences.loc[sentences["text"].str.contains(NEW_NAME, regex=False), "id"]),
        n_markers=len(markers),
        first_marker=markers[0],
        last_marker=markers[-1],
        heading_words=kk(heading["text"]),
    )


def bodies_glossary(bodies: pd.DataFrame, mentions: pd.DataFrame, cite_key: dict[str, str]) -> Md:
    """The glossary's entries for the organs and bodies: each under its name
    and abbreviation, with what it does and the article's own words for it."""
    entries = []
    for _, b in bodies.iterrows():
        names = Md("\n").join([literal(b["name"])] + ([literal(b["abbreviation"])] if pd.notna(b["abbreviation"]) else []))
        facts = Md("; ").join(Md("{} {}").format(Md(t(f"glossary.{k}")), b[k]) for k in ("founded", "seat") if pd.notna(b[k]))
        said = mentions[mentions["body_id"] == b["id"]]
        words = Md("; ").join(Md("{} ({})").format(kk(m["words"]), sentence_link(m["sentence_id"])) for _, m in said.iterrows())
        entries.append(
            names + Md("\n  {} {}{}{}\n").format(b["role"], cited(cite_key, b["source_url"]),
                                                Md(" {}.").format(facts) if facts else Md(""),
                                                Md(" {}: {}.").format(Md(t("glossary.in_article")), words) if len(said) else Md(""))
        )
    return Md("```{glossary}\n") + Md("\n").join(entries) + Md("```\n")
