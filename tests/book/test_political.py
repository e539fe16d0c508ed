"""The political chapter's numbers against its data."""

import re

import pytest

from oicbook.report.display import when
from conftest import REPO, folded, html_table, ledger_part, rows, visible_text


@pytest.fixture(scope="module")
def page(built_book):
    return (built_book.html / "chapters" / "political.html").read_text(encoding="utf-8")


def test_agenda_words_are_in_their_sentences():
    sentences = {r["id"]: r["text"] for r in rows("sentences.csv")}
    for item in rows("agenda_items.csv"):
        assert item["words"] in sentences[item["sentence_id"]], item["id"]


def test_the_inherited_agenda_and_the_uprisings_it_leaves_out(page):
    agenda = rows("agenda_items.csv")
    text = visible_text(page)
    inherited = sum(a["origin"] == "inherited" for a in agenda)
    assert inherited > len(agenda) / 2  # what the sentence below says, from the coding
    assert "Almost all of it was on the OIC’s table before Kazakhstan took the chair" in text
    libya = min((e for e in rows("events_timeline.csv") if e["kind"] == "arab_spring"), key=lambda e: e["date_start"])
    assert f"met on Libya on {when(libya['date_start'])}" in text
    assert 'id="tbl-domains"' not in page and 'id="tbl-themes"' not in page  # the coding is not counted on the page


def test_session_dates_are_found_in_words(page):
    dated = {c["sentence_id"]: c for c in rows("claims.csv") if c["kind"] == "date" and c["chapter"] == "political"}
    for claim in dated.values():
        # each date the article gives a session, as the finding names it, with its sentence
        date = folded(when(claim['period_start'], None if claim['period_start'] == claim['period_end'] else claim['period_end']))
        assert re.search(rf'<a [^>]*href="source_text.html#{claim["sentence_id"].lower()}"[^>]*>(<[^>]+>)*{re.escape(date)}<', page.replace("\u2009", " ")), claim["id"]
    assert 'id="tbl-arc"' not in page  # the sessions' table repeated the introduction's


def test_every_political_claim_is_in_the_ledger_s_part_for_the_chapter(page, built_book):
    political = [c["id"] for c in rows("claims.csv") if c["chapter"] == "political"]
    ledger = (built_book.html / "chapters" / "ledger.html").read_text(encoding="utf-8")
    assert ledger_part(ledger, "political") == political
    assert 'href="ledger.html#ledger-political"' in page and 'id="tbl-political-claims"' not in page


def test_every_quoted_sentence_is_marked_kazakh_and_linked(page):
    # each show() of the chapter gives one block quote per sentence, in order
    source = (REPO / "chapters" / "political.md").read_text(encoding="utf-8")
    quoted = re.findall(r'"(S\d{3})"', "".join(re.findall(r"show\(([^)]*)\)", source)))
    lost = [s["id"] for s in rows("sentences.csv") if s["kind"] == "sentence" and s["text"].rstrip().endswith(":")]
    quoted += lost  # show(*lost["lost_ids"]): the sentences whose lists were lost
    blocks = re.findall(r"<blockquote>(.*?)</blockquote>", page, re.S)
    assert sorted(re.findall(r'href="source_text.html#(s\d{3})"', "".join(blocks))) == sorted(s.lower() for s in quoted)


def test_the_president_s_proposals_and_which_the_article_names(page):
    proposals = rows("chair_proposals.csv")
    table = html_table(page, "tbl-proposals")[1:]
    assert [r[0].split(" [")[0] for r in table] == [p["proposal"] for p in proposals]
    assert [r[1] for r in table] == ["yes" if p["sentence_id"] else "no" for p in proposals]  # "yes" links to the sentence
    for p in proposals:
        assert (f'href="source_text.html#{p["sentence_id"].lower()}"' in page) if p["sentence_id"] else True
    carried = next(e for e in rows("events_timeline.csv") if e["id"] == next(p["outcome_event"] for p in proposals if p["outcome_event"]))
    assert f"the Council in {carried['place'].split(',')[0]} ({folded(when(carried['date_start'], carried['date_end'] or None))}) resolved" in visible_text(page)
