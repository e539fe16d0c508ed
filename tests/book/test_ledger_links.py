"""The ledger is the one fact-check: every claim has a row, every row is shown by
a chapter, marks link both ways, and the PDF carries the same marks in text."""

import re
import subprocess

import pytest

from conftest import ledger_entries, MARK, REPO, ledger_marks, rows, visible_text

CHAPTER_PAGES = {"political": "political.html", "economy": "economy.html", "halal": "halal.html", "humanitarian": "humanitarian.html"}


@pytest.fixture(scope="module")
def pages(built_book):
    return {p.name: p.read_text(encoding="utf-8") for p in (built_book.html / "chapters").glob("*.html")}


def test_every_claim_has_a_ledger_row_linking_to_its_sentence_and_chapter(pages):
    ledger = pages["ledger.html"]
    for claim in rows("claims.csv"):
        anchor = claim["id"].lower()
        row = re.search(rf'<dl[^>]*id="{anchor}".*?</dl>', ledger, re.S)
        assert row, f"no ledger row for {claim['id']}"
        assert f'href="source_text.html#{claim["sentence_id"].lower()}"' in row.group()
        assert f'href="{CHAPTER_PAGES[claim["chapter"]]}#' in row.group()
        # the entry is headed by what the claim is about and its sentence's place, not by codes
        heading = visible_text(re.search(r"<dt[^>]*>(.*?)</dt>", row.group(), re.S).group(1)).strip()
        assert heading.startswith(claim["subject"].split("{")[0].strip()), (claim["id"], heading[:80])
        assert f"sentence {int(claim['sentence_id'][1:])}" in heading and not re.search(r"\b[CS]\d{3}\b", heading), claim["id"]


def test_every_claim_is_in_its_chapter_s_part_of_the_ledger_and_no_chapter_links_an_unknown_claim(pages):
    from conftest import chapter_claims, ledger_part

    ids = {c["id"] for c in rows("claims.csv")}
    for chapter, name in CHAPTER_PAGES.items():
        linked = {m.upper() for m in re.findall(r'href="ledger\.html#(c\d{3})"', pages[name])}
        assert linked <= ids, f"{name} links claims not in the ledger: {linked - ids}"
        # the chapter links its part of the ledger, where its claims are set out once
        assert f'href="ledger.html#ledger-{chapter}"' in pages[name], name
        assert ledger_part(pages["ledger.html"], chapter) == chapter_claims(chapter)


def test_chapter_marks_are_text_and_link_to_the_ledger(pages):
    in_ledger = ledger_marks(pages["ledger.html"])
    assert sorted(in_ledger) == sorted(c["id"].lower() for c in rows("claims.csv"))
    for name in CHAPTER_PAGES.values():
        links = re.findall(r'<a class="reference internal" href="ledger\.html#(c\d{3})"><span class="std std-ref">([^<]+)</span></a>', pages[name])
        # the links that give a verdict (its word, in running text or a table); the others link a figure
        verdicts = [(anchor, text) for anchor, text in links if text in MARK.values()]
        # a chapter names a verdict where one of its claims falls short; one whose claims all hold says so once
        chapter = next(c for c, n in CHAPTER_PAGES.items() if n == name)
        short = [c for c in rows("claims.csv") if c["chapter"] == chapter and in_ledger[c["id"].lower()][0] != MARK["consistent"]]
        assert verdicts or not short, name
        # a chapter's verdict is one of the ledger's own verdicts for that claim, as text
        assert all(text in in_ledger[anchor] for anchor, text in verdicts), (name, [v for v in verdicts if v[1] not in in_ledger[v[0]]])


def test_the_summary_s_judgement_matches_the_ledger(pages):
    """The summary judges in words, no tally: the claims it names as misses fall short in
    their entries, the meeting numbers it calls right are all consistent, and today's data
    move some verdicts of the time each way."""
    marks = ledger_marks(pages["ledger.html"])
    claims = {c["id"].lower(): c for c in rows("claims.csv")}
    summary = pages["ledger.html"].split('id="summary"')[1].split('id="credit-claims"')[0]
    judgement = next(p for p in re.findall(r"<p>(.*?)</p>", summary, re.S) if "Where it matters" in p)  # the judgement in words, first
    named = re.findall(r'href="#(c\d{3})"', judgement)
    assert named and all(marks[c][0] != MARK["consistent"] for c in named), named
    assert all(marks[c][0] == MARK["consistent"] for c, claim in claims.items() if claim["kind"] == "ordinal")
    order = {MARK[s]: i for i, s in enumerate(["consistent", "close", "close_at_ppp", "inconsistent"])}
    moved = {c: order[now] - order[then] for c, (then, now) in ((c, m) for c, m in marks.items() if len(m) == 2) if then in order and now in order}
    # today's data move some verdicts of the time: the GDP totals fall, and the summary says so; none rise
    paragraph = visible_text(next(p for p in re.findall(r"<p>(.*?)</p>", summary, re.S) if "revised data" in p))
    assert {c for c, d in moved.items() if d > 0} == {c for c, claim in claims.items() if claim["check"] == "oic_gdp"}
    assert not any(d < 0 for d in moved.values()) and "GDP totals" in paragraph
    ledger = visible_text(pages["ledger.html"])
    # the meetings' numbers and dates, the easiest to check, are counted apart from the article's other
    # claims, here from the entries' own verdicts
    from oicbook.report.display import number

    numbered = {claims[c]["event"] for c in claims if claims[c]["kind"] == "ordinal"}
    meeting = {c for c in claims if claims[c]["kind"] == "ordinal" or (claims[c]["kind"] == "date" and claims[c]["event"] in numbered)}
    held = [c for c, m in marks.items() if m[0] == MARK["consistent"]]
    assert len(meeting & set(held)) > len(held) / 2  # without the split, the meetings would be most of what holds

    # the other claims are not tallied by verdict (a count of claims weighs a membership count with the Syria sum)
    others = set(claims) - meeting
    # the judgement names every other claim the record contradicts
    assert {c for c in others if marks[c][0] == MARK["inconsistent"]} <= set(named)
    assert f"its {number(len(others))} claims on the economies" in ledger
    assert not any(f"{number(sum(marks[c][0] == word for c in others))} {word}" in ledger for word in set(MARK.values()))
    # the meetings are counted as meetings: one is right when every number and date it is given holds
    events = {claims[c]["event"] for c in meeting}
    right = [e for e in events if all(marks[c][0] == MARK["consistent"] for c in meeting if claims[c]["event"] == e)]
    assert f"of the {number(len(events))} meetings it numbers or dates, it gives {number(len(right))} as the record does" in ledger
    assert len(right) == len(events) - 1 and "of the fifth, the Council in Dushanbe, it gives the number right but, in another passage, a year in which no Council met there" in ledger
    # the meetings' table gives each meeting's claims together, in the order the meetings met
    met = {e["event"]: e["date_start"] for e in rows("events_timeline.csv")}
    in_table = re.findall(r'href="#(c\d{3})"', pages["ledger.html"].split('id="tbl-ledger-meetings"')[1].split("</table>")[0])
    assert in_table == sorted(in_table, key=lambda c: (met[claims[c]["event"]], c))
    assert "In all, its claims come to" not in ledger
    # the meetings and the other claims have a table each, the misses first in the table of the other claims
    tables = re.findall(r'<table[^>]*id="(tbl-ledger-(?:claims|meetings))".*?</table>', pages["ledger.html"], re.S)
    assert tables == ["tbl-ledger-claims", "tbl-ledger-meetings"]
    table = re.search(r'<table[^>]*id="tbl-ledger-claims".*?</table>', pages["ledger.html"], re.S).group()
    listed = re.findall(r'href="#(c\d{3})"', table)
    assert set(listed) == others and meeting == {m for m in re.findall(r'href="#(c\d{3})"', pages["ledger.html"].split('id="tbl-ledger-meetings"')[1].split("</table>")[0])}
    severity = [MARK[s] for s in ("unsupported", "inconsistent", "close_at_ppp", "close", "consistent", "unverifiable") if s in MARK]
    ranks = [severity.index(marks[c][0]) for c in listed]
    assert ranks == sorted(ranks), listed
    assert "read by kind of claim" not in ledger and not re.search(r"\d+ consistent(, | and )\d+", ledger)
    assert "claims in the ledger" not in visible_text(pages["intro.html"])  # the introduction gives findings, not tallies
    assert 'id="tbl-ledger-summary"' not in pages["ledger.html"]  # the tally table is gone; its judgement is said in words


def test_the_largest_gap_is_said_in_its_own_unit(pages):
    """The largest amount gap, recomputed from the claim and the amount its record
    states, is given in times, never in per cent, where the summary names the
    miss; the gaps table and the paragraph of gaps are gone."""
    text = visible_text(pages["ledger.html"])
    claims = {c["id"]: c for c in rows("claims.csv")}

    def ratio(claim):
        amount, scale = re.search(r"([\d,.]+) (million )?USD", claim["event"]).groups()
        record = float(amount.replace(",", "")) * (1e6 if scale else 1)
        return max(float(claim["value"]), record) / min(float(claim["value"]), record)

    judged = [c for c in claims.values() if c["check"] == "event_amount"]
    top = max(judged, key=ratio)
    sentence = text[text.index("Where it matters"):]
    sentence = sentence[: sentence.index("And it dates")]
    assert f"{round(ratio(top)):,} times the record" in sentence
    # and first against what Kazakhstan reported giving in all, the five years before
    from oicbook.report.display import number

    aid = rows("kazakhstan_aid.csv")[0]
    times = int(float(top["value"]) // float(aid["amount_usd"]))
    assert f"more than {number(times)} times all the humanitarian aid Kazakhstan reported for {aid['period_start']}–{aid['period_end']}" in sentence
    assert not re.search(r"\d{3,}(\.\d+)? %", sentence)
    assert "How far do the ones that miss go" not in text
    # a year stated against a day is judged in years, in its entry
    events = {e["event"]: e for e in rows("events_timeline.csv")}
    law = next(c for c in claims.values() if c["kind"] == "date" and " law " in c["event"])  # as the economy chapter finds it
    entry = ledger_entries(pages["ledger.html"])[law["id"]]
    assert f"the article says {law['period_start']}; the record says {events[law['event']]['date_start'][:4]}" in entry.replace("’", "'")
    assert " days" not in entry
    assert 'id="tbl-discrepancies"' not in pages["ledger.html"]


def ledger_marks_of_claims() -> set[str]:
    from oicbook.core.bib import bib_keys_by_url
    from oicbook.core.checks import Evidence
    from oicbook.core.data import load
    from oicbook.core.ledger import results

    return {r.verdict for r in results(load("claims", REPO), Evidence.from_book(REPO), bib_keys_by_url(REPO)).values()}


def test_the_pdf_carries_the_marks_in_text(built_book):
    text = subprocess.run(["pdftotext", str(built_book.pdf), "-"], capture_output=True, text=True, check=True).stdout
    for word in {MARK[c] for c in ledger_marks_of_claims()}:  # every verdict a claim carries
        assert word in text, word
    assert "THE CLAIMS LEDGER" in text
    # the claims' entries are online only (tests/book/test_print.py); the two tables of every claim are in print
    syria = next(c for c in rows("claims.csv") if c["check"] == "event_amount" and "Syria" in c["subject"])
    assert f"· sentence {int(syria['sentence_id'][1:])} ·" not in text
    assert re.search(r"What\s+the\s+article\s+says\s+of\s+economies,\s+laws,\s+aid\s+and\s+the\s+OIC’s\s+work", text)
    assert re.search(r"The\s+meetings\s+the\s+article\s+numbers\s+and\s+dates", text)


def test_a_dollar_figure_matched_only_at_ppp_is_close_and_its_entry_says_why(pages):
    """A figure the article gives in US dollars whose record of the time is at
    purchasing-power parity is close, read from the row itself, and its entry's
    reason begins by saying it is close only at purchasing-power parity."""
    from conftest import html_table
    from oicbook.report.labels import t

    table = html_table(pages["ledger.html"], "tbl-ledger-claims")[1:]
    at_ppp = [row for row in table if "USD" in row[1] and "international dollars" in row[2]]
    assert at_ppp and all(row[3].startswith(MARK["close"]) for row in at_ppp)
    entries = ledger_entries(pages["ledger.html"])
    lead = " ".join(t("reason.close_at_ppp", verdict=t("verdict.close"), rule="").split())
    dollars = [c["id"] for c in rows("claims.csv") if c["check"] == "oic_gdp"]
    assert dollars and all(lead[:40] in " ".join(entries[c].split()) for c in dollars)


def test_a_wider_count_is_judged_like_a_headline_and_named_where_it_is_the_record(pages):
    """Every count a source of the time printed is judged, its headline and a count with
    more in it (a statement with a scope); where the nearest is the wider count, the
    claims table gives it as the record with what it counts."""
    from conftest import html_table

    said = [s for s in rows("statements_of_the_time.csv") if s["judged"] == "True"]
    claims = {c["check"]: c for c in rows("claims.csv") if c["check"]}
    table = {re.sub(r"\s+", " ", row[0]): row for row in html_table(pages["ledger.html"], "tbl-ledger-claims")[1:]}
    scoped = [s for s in said if s["scope"]]
    assert scoped
    for check in {s["measure"] for s in scoped}:
        claim = claims[check]
        stated = 100 * float(claim["value"]) if claim["unit"] == "fraction" else float(claim["value"])
        nearest = min((s for s in said if s["measure"] == check), key=lambda s: abs(float(s["value"]) - stated))
        row = next(r for name, r in table.items() if name.startswith(claim["subject"].split("{")[0].strip()))
        assert nearest["scope"] and nearest["scope"] in row[2] and f"{float(nearest['value']):g} %" in row[2], row


def test_the_claims_table_gives_today_s_verdict_after_the_verdict_of_the_time(pages):
    """A claim judged against data of the article's time shows today's verdict in the
    same cell, after it; a claim with one verdict shows that verdict alone. Read
    against the entries' own verdicts, so a dropped or swapped verdict fails."""
    from oicbook.report.labels import t

    marks = ledger_marks(pages["ledger.html"])
    table = re.search(r'<table[^>]*id="tbl-ledger-claims".*?</table>', pages["ledger.html"], re.S).group()
    body = re.findall(r"<tr[^>]*>(.*?)</tr>", table.split("<tbody")[1], re.S)
    assert body
    both = 0
    for row in body:
        claim = re.search(r'href="#(c\d{3})"', row).group(1)
        last = visible_text(re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)[-1]).strip()
        given = marks[claim]
        expected = given[0] if len(given) == 1 else t("part.verdict_and_today", verdict=given[0], today=given[1])
        assert last == expected, (claim, last, expected)
        both += len(given) == 2
    assert both  # some claims have data of their time and today's


def test_a_record_judged_unable_to_decide_its_claim_is_cited_not_given_as_the_record(pages):
    """Where we judge a claim unverifiable though a page bears on it (the announcement
    of a conference, not a report that it was held), its entry cites that page but
    gives no record value, so that an announcement's date never reads as the event's."""
    from oicbook.report.labels import t

    entries = ledger_entries(pages["ledger.html"])
    judged = [c for c in rows("claims.csv") if c["judgement"] == "unverifiable" and not c["check"]]  # judged against a page, not data
    assert judged
    for claim in judged:
        assert re.search(rf"{re.escape(t('column.independent'))}: — \[", entries[claim["id"]]), claim["id"]
