"""The context chapter's rules and numbers, each expectation computed here from
the raw CSV rows, not from the rules under test."""

import re
from datetime import date

from conftest import REPO, rows
from oicbook.core import context
from oicbook.core.data import load
from oicbook.report.chapters import context as sections
from oicbook.report.display import when
from oicbook.report.labels import t

EVENTS = {r["id"]: r for r in rows("events_timeline.csv")}


def _day(text: str, last: bool = False) -> date:
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], 28 if last else 1)  # month precision is enough here
    return date(parts[0], 12 if last else 1, 31 if last else 1)


def _chair_rows():
    chairs = [r for r in rows("office_holders.csv") if r["office"] == "council_chair"]
    kaz = next(r for r in chairs if r["country"] == "KAZ")
    before = next(r for r in chairs if r["end_event"] == kaz["start_event"])
    return kaz, before


def _frames():
    return {name: load(name, REPO) for name in ("events", "office_holders", "mentions", "claims", "oic_bodies", "oic_members", "source_copies", "sentences")}


def test_window_runs_from_the_council_before_the_chair_to_the_council_that_ended_it():
    kaz, before = _chair_rows()
    span = context.window(load("office_holders", REPO), load("events", REPO))
    assert span.first == _day(EVENTS[before["start_event"]]["date_start"])
    closing = EVENTS[kaz["end_event"]]
    assert span.last == _day(closing["date_end"] or closing["date_start"])


def test_chronology_counts_the_events_of_the_window_and_the_article_s_mentions():
    f = _frames()
    kaz, before = _chair_rows()
    first = _day(EVENTS[before["start_event"]]["date_start"])
    closing = EVENTS[kaz["end_event"]]
    last = _day(closing["date_end"] or closing["date_start"])
    inside = {i for i, e in EVENTS.items() if first <= _day(e["date_start"]) <= last and e["kind"] not in context.BACKGROUND_KINDS}
    mentioned = {r["event_id"] for r in rows("mentions.csv") if r["event_id"]}
    listed = {i for i in inside if i in mentioned or EVENTS[i]["kind"] in context.ARGUED_KINDS}
    got = sections.chronology(f["events"], f["mentions"], f["office_holders"], {r: "k" for r in f["events"]["source_url"].dropna()})
    assert listed < inside  # the chronology leaves out the events that neither the article nor the chapter's argument needs
    dates = got["chronicle"][t("column.when")]
    for event_id in inside:
        assert any(f"{{anchor}}`event-{event_id.lower()}`" in d for d in dates) == (event_id in listed), event_id
    # one row for each event, a link to the first sentence that mentions it, or "no", in the last column
    assert len(dates) == len(listed)
    said = got["chronicle"][t("column.in_the_article")]
    anchored = [re.search(r"event-(e\d+)", d).group(1).upper() for d in dates]
    for event_id, cell in zip(anchored, said):
        sentences = sorted({r["sentence_id"] for r in rows("mentions.csv") if r["event_id"] == event_id})
        assert re.findall(r"<(s\d{3})>", cell) == [s.lower() for s in sentences[:1]] or (not sentences and cell == t("mention.absent")), event_id
        # named where a mention names it; where every mention only describes it, said so
        hows = {r["how"] for r in rows("mentions.csv") if r["event_id"] == event_id}
        if hows:
            assert t("mention.present" if "named" in hows else "mention.described") in cell, event_id
    assert got["window_first"] == when(EVENTS[before["start_event"]]["date_start"], EVENTS[before["start_event"]]["date_end"])


def test_the_article_s_date_range_is_computed_from_what_it_names():
    f = _frames()
    named = {r["event_id"] for r in rows("mentions.csv") if r["event_id"] and r["how"] == "named"}
    sourced = [EVENTS[e] for e in named if EVENTS[e]["source_url"]]
    latest = max(sourced, key=lambda e: _day(e["date_start"]))
    dated = context.dating(f["events"], f["mentions"])
    assert dated.not_before == _day(latest["date_start"])
    assert dated.latest_event["id"] == latest["id"]
    # "three years ago" is among the numerals that state no claim, not a claim
    text = {r["id"]: r["text"] for r in rows("sentences.csv")}
    ago = [x for x in rows("numeral_exclusions.csv") if f"{x['numeral']} жыл бұрын" in text[x["sentence_id"]]]
    assert len(ago) == 1
    assert not any(c["sentence_id"] == ago[0]["sentence_id"] and c["kind"] == "duration" for c in rows("claims.csv"))


def test_chair_terms_and_their_length_in_months():
    f = _frames()
    kaz, _ = _chair_rows()
    start, end = _day(EVENTS[kaz["start_event"]]["date_start"]), _day(EVENTS[kaz["end_event"]]["date_start"])
    got = sections.chairs(f["office_holders"], f["events"], f["oic_bodies"], {u: "k" for u in set(f["events"]["source_url"].dropna()) | set(f["office_holders"]["source_url"]) | set(f["oic_bodies"]["source_url"])})
    assert got["chair_months"] == (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)  # whole months
    assert got["chair_first"] == when(EVENTS[kaz["start_event"]]["date_start"])
    summit = next(r for r in rows("office_holders.csv") if r["office"] == "summit_chair")
    assert got["summit_holder"] == summit["holder"]


def test_every_claim_s_event_is_a_mention_in_the_claim_s_sentence():
    ids = {e["event"]: i for i, e in EVENTS.items()}
    mentions = {(r["sentence_id"], r["event_id"]) for r in rows("mentions.csv")}
    for claim in rows("claims.csv"):
        if claim["event"]:
            assert (claim["sentence_id"], ids[claim["event"]]) in mentions, claim["id"]


def test_dates_read_as_people_write_them():
    # CLDR's en_GB interval patterns: a thin space either side of the dash, and
    # the month as wide as the skeleton asks (CLDR has only "Sept" for ranges).
    assert when("2010-05-18", "2010-05-20") == "18\u2009–\u200920 May 2010"
    assert when("2011-09-29", "2011-10-01") == "29 September\u2009–\u20091 October 2011"
    assert when("2011-06") == "June 2011"
    assert when("2012") == "2012"
    assert when("2011", "2012") == "2011\u2009–\u20092012"
    assert when("2012-12-30", "2013-01-02") == "30 December 2012\u2009–\u20092 January 2013"


def test_dates_read_in_kazakh_as_kazakh_writes_them(monkeypatch):
    monkeypatch.setenv("OICBOOK_LANG", "kk")
    assert when("2011-06-28") == "2011\u202fж. 28 маусым"  # a narrow no-break space, as CLDR has it
    assert when("2011-06") == "2011\u202fж. маусым"
    assert when("2010-05-18", "2010-05-20") == "2010\u202fж. 18–20 мамыр"
    assert when("2011-09-29", "2011-10-01") == "2011\u202fж. 29 қыркүйек – 1 қазан"


def test_a_term_spans_from_its_date_or_its_event_and_stays_open_while_it_runs():
    import pandas as pd

    from oicbook.core.context import term_span

    events = pd.DataFrame({"id": ["E01", "E02"], "date_start": ["2011-06-28", "2012-11-15"]})
    row = lambda **f: pd.Series({"start": None, "start_event": None, "end": None, "end_event": None, **f})
    assert term_span(row(start_event="E01", end_event="E02"), events) == ("2011-06-28", "2012-11-15")
    assert term_span(row(start="2009", end="2011-06"), events) == ("2009", "2011-06")
    assert term_span(row(start_event="E02"), events) == ("2012-11-15", None)


def test_the_passage_that_counts_back_is_dated_by_the_event_it_names():
    """The article's one "N years ago" is dated from the event the book identifies it with:
    that event's year plus N, N read from the Kazakh number word in the sentence."""
    f = _frames()
    text = {r["id"]: r["text"] for r in rows("sentences.csv")}
    ago = [x for x in rows("numeral_exclusions.csv") if f"{x['numeral']} жыл бұрын" in text[x["sentence_id"]]]
    assert len(ago) == 1
    event = next(EVENTS[m["event_id"]] for m in rows("mentions.csv") if m["sentence_id"] == ago[0]["sentence_id"] and m["event_id"])
    words = {"бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5}
    got = sections.the_source(f["source_copies"], f["events"], f["mentions"], f["sentences"],
                              {r: "k" for r in [*f["events"]["source_url"].dropna(), *f["source_copies"]["url"]]}, load("numeral_exclusions", REPO))
    assert got["ago_sentence"] == ago[0]["sentence_id"]
    assert got["ago_written"] == str(int(event["date_start"][:4]) + words[ago[0]["numeral"]])
    assert got["ago_event_place"] == event["place"].split(",")[0]
