"""The chairmanship in its context, as rules on the data: the terms of the
OIC's chairs and officers, the window the context chapter tells (from the
Council before Kazakhstan's chair to the Council that ended it), what the
article mentions of it, and the dates the article's own text allows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from .periods import Period

def term_span(term: pd.Series, events: pd.DataFrame) -> tuple[str, str | None]:
    """A term's start and end as its source gives them: its own date, or the
    start of the event it begins or ends at; no end while it runs."""
    starts = events.set_index("id")["date_start"]

    def text(field: str):
        if pd.notna(term[field]):
            return term[field]
        return starts[term[f"{field}_event"]] if pd.notna(term[f"{field}_event"]) else None

    return text("start"), text("end")


def terms(offices: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Each term with its first and last day: from its date or its event's
    start; an open term (still running) has no last day."""

    def day(text, last: bool):
        if text is None:
            return pd.NaT
        period = Period.parse(text)
        return pd.Timestamp(period.last if last else period.first)

    spans = [term_span(r, events) for _, r in offices.iterrows()]
    out = offices.copy()
    out["first"] = [day(start, last=False) for start, _ in spans]
    # a term that ends at an event ends on that event's first day
    out["last"] = [day(end, last=pd.notna(r["end"])) for (_, end), (_, r) in zip(spans, offices.iterrows())]
    return out


def kazakh_chair(offices: pd.DataFrame, events: pd.DataFrame) -> pd.Series:
    """Kazakhstan's term as chair of the Council of Foreign Ministers."""
    chairs = terms(offices, events)
    return chairs[(chairs["office"] == "council_chair") & (chairs["country"] == "KAZ")].iloc[0]


@dataclass(frozen=True)
class Window:
    """The span the chapter tells: the Council that opened it to the Council that closed it."""

    opening: pd.Series
    closing: pd.Series

    @property
    def first(self) -> date:
        return Period.parse(self.opening["date_start"]).first

    @property
    def last(self) -> date:
        return Period.parse(self.closing["date_start"], self.closing["date_end"] if pd.notna(self.closing["date_end"]) else None).last


def window(offices: pd.DataFrame, events: pd.DataFrame) -> Window:
    """From the start of the term before Kazakhstan's (the Council where its
    predecessor took the chair) to the end of the Council where Kazakhstan's ended."""
    chair = offices[(offices["office"] == "council_chair")]
    by_id = events.set_index("id", drop=False)
    kaz = chair[chair["country"] == "KAZ"].iloc[0]
    before = chair[chair["end_event"] == kaz["start_event"]].iloc[0]
    return Window(by_id.loc[before["start_event"]], by_id.loc[kaz["end_event"]])


# Kinds of row that explain the article without being events of the OIC in the
# chairmanship: Kazakhstan's own diplomacy, and reference facts such as a UN list.
BACKGROUND_KINDS = {"kazakhstan", "reference"}


def within(events: pd.DataFrame, span: Window) -> pd.DataFrame:
    """The OIC's events that start inside the window (an event dated only to its
    year starts on its first day), in date order; background rows stay out."""
    first = events["date_start"].map(lambda d: Period.parse(d).first)
    inside = (first >= span.first) & (first <= span.last) & ~events["kind"].isin(BACKGROUND_KINDS)
    return events[inside].sort_values(["date_start", "id"], key=lambda column: column.map(_in_order) if column.name == "date_start" else column,
                                      kind="stable")


def _in_order(start: str) -> tuple:
    """Where a date falls in a chronology: an event dated only to its year after the
    dated events of that year, since it may fall at any time in it."""
    period = Period.parse(start)
    return (period.first.year, period.precision == "year", period.first)


# Kinds of event whose absence from the article the context chapter argues:
# the OIC's decisions, and its response to the Arab uprisings.
ARGUED_KINDS = {"decision", "arab_spring"}


def chronicled(events: pd.DataFrame, span: Window, mentions: pd.DataFrame) -> pd.DataFrame:
    """The events the chronology lists: those in the window that the article
    mentions, and the decisions and uprisings whose absence it argues."""
    rows = within(events, span)
    return rows[rows["id"].isin(mentioned(mentions)) | rows["kind"].isin(ARGUED_KINDS)]


def suspension_recommended(events: pd.DataFrame) -> pd.Series:
    """The Executive Committee's recommendation to suspend Syria, the first step to the suspension."""
    spring = events[events["kind"] == "arab_spring"]
    return spring[spring["event"].str.contains("recommends that the Council in Djibouti suspend", regex=False)].iloc[0]


def suspension_proposed(events: pd.DataFrame) -> pd.Series:
    """Who put the suspension of Syria to the Executive Committee: the member whose
    proposal it was (a row of the meeting, which the chronology gives once, as its recommendation)."""
    return events[events["event"].str.contains("proposes that Syria's membership be suspended", regex=False)].iloc[0]


def uprisings(events: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The Arab uprisings on the OIC's agenda: its first meeting on them in the
    record, and the decision that suspended Syria."""
    spring = events[events["kind"] == "arab_spring"].sort_values("date_start", kind="stable")
    return spring.iloc[0], spring[spring["event"].str.contains("suspends")].iloc[0]


def dated_elsewhere(events: pd.DataFrame, event_id: str) -> pd.DataFrame:
    """The rows that record the same gift of aid, to the same place, at another date:
    two sources that disagree on its year. Aid is the one kind whose place names
    its recipients, so a shared place is a shared gift."""
    row = events.set_index("id").loc[event_id]
    if row["kind"] != "humanitarian":
        return events.iloc[0:0]
    return events[(events["id"] != event_id) & (events["kind"] == "humanitarian") & (events["place"] == row["place"])
                  & (events["date_start"] != row["date_start"])]


def mentioned(mentions: pd.DataFrame) -> dict[str, list[str]]:
    """For each event the article mentions, the sentences that mention it, in order."""
    rows = mentions[mentions["event_id"].notna()]
    return {e: sorted(set(group["sentence_id"])) for e, group in rows.groupby("event_id")}


@dataclass(frozen=True)
class Dating:
    """When the article can have been written, from its own words.

    ``not_before``: the start of the latest sourced event it names as past.
    """

    not_before: date
    latest_event: pd.Series


def dating(events: pd.DataFrame, mentions: pd.DataFrame) -> Dating:
    sourced = events[events["source_url"].notna()].set_index("id", drop=False)
    named = mentions[mentions["event_id"].isin(sourced.index) & (mentions["how"] == "named")]
    firsts = {e: Period.parse(sourced.loc[e, "date_start"]).first for e in named["event_id"]}
    latest = max(firsts, key=firsts.get)
    return Dating(firsts[latest], sourced.loc[latest])
