"""The whole book builds strictly, HTML and PDF, and shows the computed numbers."""

import re
import subprocess

import pytest

from oicbook.core.sources import build_sentences
from oicbook.core.editions import LANGUAGES
from tools.build import cache_dir
from conftest import MARK, REPO, rows, visible_text

SPHINX_WARNING = re.compile(r"(WARNING|ERROR|CRITICAL): ")


@pytest.fixture(scope="module")
def intro(built_book):
    return (built_book.html / "chapters" / "intro.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pdf_text(built_book):
    return subprocess.run(["pdftotext", str(built_book.pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("builder", ["html", "pdflatex"])
def test_each_edition_s_strict_build_has_no_warnings(built_book, builder, lang):
    log = (built_book.root / "_build" / "logs" / f"{builder}-{lang}.log").read_text(encoding="utf-8")
    assert "build succeeded" in log
    assert not SPHINX_WARNING.findall(log), [line for line in log.splitlines() if SPHINX_WARNING.search(line)]


def test_build_writes_nothing_into_seeds_or_data(built_book):
    assert built_book.inputs_after == built_book.inputs_before


def test_every_notebook_executed_without_error(built_book):
    from jupyter_cache import get_cache

    cache = get_cache(cache_dir(built_book.root))
    executed = {r.uri.split("/")[-1] for r in cache.list_cache_records()}
    with_code = {p.name for p in (built_book.root / "chapters").glob("*.md") if "```{code-cell}" in p.read_text(encoding="utf-8")}
    assert with_code <= executed
    for project in cache.list_project_records():
        assert not project.traceback, project.uri
    for page in (built_book.html / "chapters").glob("*.html"):
        assert "Traceback (most recent call last)" not in page.read_text(encoding="utf-8"), page.name


def test_intro_numbers_match_the_source(intro):
    text = visible_text(intro)
    body = [s for s in build_sentences(REPO) if s.kind == "sentence"]
    paragraphs = len({s.paragraph for s in body})
    assert f"The article has {len(body)} sentences in {paragraphs} paragraphs" in text
    claims, excluded = rows("claims.csv"), rows("numeral_exclusions.csv")
    assert f"They state {len(claims)} figures" in text
    assert f"{len(excluded)} further numerals state no claim" in text
    # from the 38th CFM (Kazakhstan takes the chair) to the 39th (it passes on)
    events = {r["event"].split(";")[0]: r for r in rows("events_timeline.csv")}
    took = events["38th Session of the OIC Council of Foreign Ministers"]["date_start"]
    passed = events["39th Session of the OIC Council of Foreign Ministers"]["date_start"]
    months = (int(passed[:4]) - int(took[:4])) * 12 + int(passed[5:7]) - int(took[5:7])
    assert f"held the chair for {months} months" in text
    assert "from 28 June 2011 to 15 November 2012" in text
    took_place = events["38th Session of the OIC Council of Foreign Ministers"]["place"].split(",")[0]
    passed_place = events["39th Session of the OIC Council of Foreign Ministers"]["place"].split(",")[0]
    assert f"in {took_place} in June 2011 and passed on at the Council in {passed_place} in November 2012" in text


def test_intro_shows_its_computed_table_and_figure(built_book, intro):
    table = re.search(r'<table[^>]*id="tbl-glance".*?</table>', intro, re.S)
    assert table, "the at-a-glance table is missing"
    body_rows = re.findall(r"<tr[^>]*>", table.group())[1:]
    # the events between the first and the last Council the article numbers that its claims are judged against
    claims = rows("claims.csv")
    judged = {c["event"] for c in claims if c["event"]}
    sessions = [e for e in rows("events_timeline.csv") if e["event"] in {c["event"] for c in claims if c["kind"] == "ordinal" and c["chapter"] == "political"}]
    first, last = min(e["date_start"] for e in sessions), max(e["date_start"] for e in sessions)
    assert len(body_rows) == sum(1 for e in rows("events_timeline.csv") if first <= e["date_start"] <= last and e["event"] in judged)
    assert table.group().count('lang="kk"') >= 6
    assert MARK["inconsistent"] in table.group() and MARK["consistent"] in table.group()
    figure = re.search(r'<figure[^>]*id="fig-timeline".*?</figure>', intro, re.S)
    assert figure, "the timeline figure is missing"
    image = re.search(r'<img[^>]+src="([^"]+\.png)"', figure.group())
    assert image and (built_book.html / "chapters" / image.group(1)).resolve().is_file()
    assert 'href="source_text.html#s058"' in intro


def test_source_text_appendix_lists_every_sentence(built_book):
    page = (built_book.html / "chapters" / "source_text.html").read_text(encoding="utf-8")
    ids = [s.id for s in build_sentences(REPO)]
    for sid in ids:
        assert f'id="{sid.lower()}"' in page, sid
    assert page.count('lang="kk"') >= len(ids)
    assert "split-word:1" in page


def test_html_links_the_pdf(built_book, intro):
    href = re.search(r'class="oicbook-pdf" href="([^"]+)"', intro).group(1)
    assert (built_book.html / "chapters" / href).resolve().read_bytes() == built_book.pdf.read_bytes()


def test_pdf_renders_kazakh(built_book, pdf_text):
    assert "және" in pdf_text  # with the Cyrillic ә, U+04D9
    assert "\u0259" not in pdf_text and "\u018f" not in pdf_text
    assert "Саудабаев" in pdf_text
    for lang in LANGUAGES:
        log = built_book.edition_pdf(lang).with_suffix(".log").read_text(encoding="utf-8", errors="replace")
        assert "Missing character" not in log, lang


def test_pdf_has_the_numbered_table_and_figure(pdf_text):
    assert "Table 1: The chairmanship at a glance" in pdf_text
    assert re.search(r"Fig\. 1: The chairmanship in the independent record", pdf_text)


def test_the_ledger_links_each_event_in_the_chronology_it_judges_against(built_book):
    from oicbook.core import context as rules
    from oicbook.core.data import load

    events = load("events", REPO)
    inside = set(rules.within(events, rules.window(load("office_holders", REPO), events))["id"])
    by_name = {r["event"]: r["id"] for r in rows("events_timeline.csv") if r["source_url"]}
    context = (built_book.html / "chapters" / "context.html").read_text(encoding="utf-8")
    entries = (built_book.html / "chapters" / "ledger.html").read_text(encoding="utf-8")
    linked = 0
    for claim in rows("claims.csv"):
        event = by_name.get(claim["event"])
        if event in inside:
            anchor = f"event-{event.lower()}"
            assert f'id="{anchor}"' in context, anchor
            entry = re.search(rf'<dl[^>]*id="{claim["id"].lower()}".*?</dl>', entries, re.S).group()
            assert f'context.html#{anchor}"' in entry, claim["id"]
            linked += 1
    assert linked


def test_context_chapter_shows_the_window_and_the_article_s_dates(built_book):
    from oicbook.core import context as rules
    from oicbook.core.data import load

    text = visible_text((built_book.html / "chapters" / "context.html").read_text(encoding="utf-8"))
    events = load("events", REPO)
    inside = rules.within(events, rules.window(load("office_holders", REPO), events))
    assert len(inside) and all(name in text for name in inside[inside["source_url"].notna()]["event"])
    # background rows explain the article; they are not listed as events of the chairmanship
    assert not set(inside["kind"]) & rules.BACKGROUND_KINDS
