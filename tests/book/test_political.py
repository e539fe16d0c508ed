"""The political chapter's numbers against its data."""

import re

import pytest

from oicbook.report.display import number, when
from conftest import REPO, chapter_claims, folded, html_table, ledger_part, rows, visible_text


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
    events = rows("events_timeline.csv")
    libya = min((e for e in events if e["kind"] == "arab_spring"), key=lambda e: e["date_start"])
    envoys = next(e for e in events if "permanent representatives on Libya" in e["event"])
    # both meetings on Libya, the envoys' first, came before the term began (the Council in Astana)
    astana = next(e for e in events if e["event"].startswith("38th Session of the OIC Council"))
    assert envoys["date_start"] < libya["date_start"] < astana["date_start"]
    assert f"its permanent representatives met on {when(envoys['date_start'])}" in text
    assert f"the Executive Committee’s ministers on {when(libya['date_start'])}" in text
    assert 'id="tbl-domains"' not in page and 'id="tbl-themes"' not in page  # the coding is not counted on the page


def test_the_councils_are_said_to_hold_only_if_the_ledger_holds_them(page, built_book):
    from conftest import MARK, ledger_marks

    ledger = (built_book.html / "chapters" / "ledger.html").read_text(encoding="utf-8")
    marks = ledger_marks(ledger)
    political = chapter_claims("political")
    # the overview says in one sentence that the Councils' numbers, places and dates hold, and links the ledger's part
    assert all(marks[c.lower()][0] == MARK["consistent"] for c in political)
    overview = visible_text(page.split('id="what-did-kazakhstan-propose-as-chair"')[0])
    assert "as the record does" in overview and "numbers the Councils that framed the chairmanship" in overview
    # each of those claims is named there, linked to its ledger entry
    head = page.split('id="what-did-kazakhstan-propose-as-chair"')[0]
    assert sorted(set(re.findall(r'href="ledger\.html#(c\d{3})"', head))) == sorted(c.lower() for c in political)
    assert 'href="ledger.html#ledger-political"' in page
    assert 'id="does-the-article-date-the-chairmanship-s-councils-correctly"' not in page  # the bookkeeping section is gone


def test_every_political_claim_is_in_the_ledger_s_part_for_the_chapter(page, built_book):
    ledger = (built_book.html / "chapters" / "ledger.html").read_text(encoding="utf-8")
    assert ledger_part(ledger, "political") == chapter_claims("political")
    assert 'href="ledger.html#ledger-political"' in page and 'id="tbl-political-claims"' not in page


def test_every_quoted_sentence_is_marked_kazakh_and_linked(page):
    # each show() of the chapter gives one block quote per sentence, in order
    source = (REPO / "chapters" / "political.md").read_text(encoding="utf-8")
    quoted = re.findall(r'"(S\d{3})"', "".join(re.findall(r"show\(([^)]*)\)", source)))
    blocks = re.findall(r"<blockquote>(.*?)</blockquote>", page, re.S)
    assert sorted(re.findall(r'href="source_text.html#(s\d{3})"', "".join(blocks))) == sorted(s.lower() for s in quoted)


def test_the_president_s_proposals_and_which_the_article_names(page):
    proposals = rows("chair_proposals.csv")
    header, *table = html_table(page, "tbl-proposals")
    assert [r[0].split(" [")[0] for r in table] == [p["proposal"] for p in proposals]
    assert [r[-1] for r in table] == ["yes" if p["sentence_id"] else "no" for p in proposals]  # "yes" links to the sentence
    # the chair's own account at the year's end names some of them, cited once in the column's name; all it names are economic
    assert [r[1] for r in table] == ["yes" if p["chair_account"] == "true" else "no" for p in proposals]
    assert header[1].endswith("[Embassy of the Republic of Kazakhstan, 2012]")
    assert {p["domain"] for p in proposals if p["chair_account"] == "true"} == {"economic"}
    # the programme's domains, as the data give them, and the count the chapter argues from
    assert len(table[0]) == 3  # the proposal, the chair's account, the article: the domain is said in the prose
    economic = sum(p["domain"] == "economic" for p in proposals)
    assert economic > len(proposals) / 2  # "an economic programme": most of it, as the text says
    # the request to back Kazakhstan's own EXPO bid is not counted among the proposals for the Organisation
    for_oic = sum(p["domain"] != "own_bid" for p in proposals)
    assert for_oic == len(proposals) - 1
    assert f"{number(for_oic)} proposals for the Organisation, {number(economic)} of them on the members" in visible_text(page).replace("’", "'")
    for p in proposals:
        assert (f'href="source_text.html#{p["sentence_id"].lower()}"' in page) if p["sentence_id"] else True
    carried = next(e for e in rows("events_timeline.csv") if e["id"] == next(p["outcome_event"] for p in proposals if p["outcome_event"]))
    assert f"from the Council's resolution in {carried['place'].split(',')[0]} ({folded(when(carried['date_start'], carried['date_end'] or None))}) to the founding" in visible_text(page).replace("’", "'")
