"""The political chapter's numbers against its data."""

import re
from collections import Counter

import pytest

from oicbook.report.display import when
from conftest import MARK, REPO, folded, html_table, ledger_marks, rows


@pytest.fixture(scope="module")
def page(built_book):
    return (built_book.html / "chapters" / "political.html").read_text(encoding="utf-8")


def test_agenda_words_are_in_their_sentences():
    sentences = {r["id"]: r["text"] for r in rows("sentences.csv")}
    for item in rows("agenda_items.csv"):
        assert item["words"] in sentences[item["sentence_id"]], item["id"]


def test_counts_per_domain(page):
    agenda = rows("agenda_items.csv")
    expected = Counter((a["domain"], a["origin"]) for a in agenda)
    table = html_table(page, "tbl-domains")
    header, body = table[0], table[1:]
    assert header == ["Domain", "Kazakhstan’s initiatives", "Inherited agenda", "Domestic view", "Total"]
    assert {r[0] for r in body} == {a["domain"] for a in agenda}
    for domain, initiative, inherited, domestic, total in body:
        assert int(initiative) == expected[(domain, "initiative")], domain
        assert int(inherited) == expected[(domain, "inherited")], domain
        assert int(domestic) == expected[(domain, "domestic")], domain
        assert int(total) == sum(n for (d, _), n in expected.items() if d == domain), domain
    assert sum(int(r[4]) for r in body) == len(agenda)


def test_theme_counts(page):
    stems = rows("theme_stems.csv")
    body = [s for s in rows("sentences.csv") if s["kind"] == "sentence"]
    expected = Counter()
    for sentence in body:
        tokens = [w.lower() for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", sentence["text"])]
        for theme in {s["theme"] for s in stems if any(tok.startswith(s["stem"]) for tok in tokens)}:
            expected[theme] += 1
    table = html_table(page, "tbl-themes")[1:]
    assert {r[0]: int(r[1]) for r in table} == dict(expected)
    assert [int(r[1]) for r in table] == sorted((int(r[1]) for r in table), reverse=True)


def test_three_session_dates_and_verdicts(page):
    table = html_table(page, "tbl-arc")[1:]
    assert len(table) == 3
    by_session = {r[0].split(" (")[0]: r for r in table}
    assert by_session["37th session"][3].startswith("2010-05-18 – 2010-05-20")
    dated = {c["sentence_id"]: c for c in rows("claims.csv") if c["kind"] == "date"}
    as_written = lambda c: folded(when(c["period_start"], None if c["period_start"] == c["period_end"] else c["period_end"]))  # tested in tests/unit
    assert by_session["38th session"][2] == as_written(dated["S058"]) and by_session["38th session"][3].startswith("2011-06-28 – 2011-06-30")
    assert by_session["38th session"][4].startswith(MARK["consistent"])
    assert by_session["39th session"][2] == as_written(dated["S071"]) and by_session["39th session"][3].startswith("2012-11-15 – 2012-11-17")
    assert by_session["39th session"][4].startswith(MARK["consistent"])


def test_every_political_claim_is_shown_with_its_verdict(page, built_book):
    political = [c["id"] for c in rows("claims.csv") if c["chapter"] == "political"]
    table = html_table(page, "tbl-political-claims")[1:]
    assert [r[0] for r in table] == political
    in_ledger = ledger_marks((built_book.html / "chapters" / "ledger.html").read_text(encoding="utf-8"))
    assert [r[4].split(": ")[0] for r in table] == [in_ledger[c.lower()][0] for c in political]


def test_every_quoted_sentence_is_marked_kazakh_and_linked(page):
    # each show() of the chapter gives one block quote per sentence, in order
    source = (REPO / "chapters" / "political.md").read_text(encoding="utf-8")
    quoted = re.findall(r'"(S\d{3})"', "".join(re.findall(r"show\(([^)]*)\)", source)))
    lost = [s["id"] for s in rows("sentences.csv") if s["kind"] == "sentence" and s["text"].rstrip().endswith(":")]
    quoted += lost  # show(*lost["lost_ids"]): the sentences whose lists were lost
    blocks = re.findall(r"<blockquote>(.*?)</blockquote>", page, re.S)
    assert sorted(re.findall(r'href="source_text.html#(s\d{3})"', "".join(blocks))) == sorted(s.lower() for s in quoted)
