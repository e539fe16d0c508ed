"""The whole book builds strictly, HTML and PDF, and shows the computed numbers."""

import re
import subprocess

import pytest

from oicbook.core.sources import build_sentences
from oicbook.report.display import when
from oicbook.core.editions import LANGUAGES
from tools.build import cache_dir
from conftest import REPO, rows, visible_text

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


def test_intro_findings_match_the_record(intro):
    text = visible_text(intro)
    events = {r["event"].split(";")[0]: r for r in rows("events_timeline.csv")}
    took, passed = (events[f"{n}th Session of the OIC Council of Foreign Ministers"] for n in (38, 39))
    assert f"from {when(took['date_start'])}, when the Council in {took['place'].split(',')[0]} elected it, to {when(passed['date_start'])}" in text
    claims = {c["id"]: c for c in rows("claims.csv")}
    somalia = next(c for c in claims.values() if c["check"] == "event_amount" and "Somalia" in c["event"])
    pledge = next(e for e in rows("events_timeline.csv") if e["event"] == somalia["event"])
    assert f"pledged in {pledge['place'].split(',')[0]} on {when(pledge['date_start'])}" in text
    # each finding's figure is the ledger's, linked to its entry
    for claim in (c for c in claims.values() if c["check"] in ("oic_gdp", "oic_gdp_share", "event_amount")):
        assert f'href="ledger.html#{claim["id"].lower()}"' in intro, claim["id"]


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
    # the first table of the first chapter that has one is Table 1
    first = next(m for name in ("intro", "context") for m in re.findall(r":::\{table\} ([^\n]+)", (REPO / "chapters" / f"{name}.md").read_text(encoding="utf-8")))
    assert f"Table 1: {first[:30]}" in pdf_text.replace("’", "'")
    assert re.search(r"Fig\. 1: OIC combined GDP", pdf_text)


def test_the_ledger_links_each_event_in_the_chronology_it_judges_against(built_book):
    from oicbook.core import context as rules
    from oicbook.core.data import load

    events = load("events", REPO)
    inside = set(rules.chronicled(events, rules.window(load("office_holders", REPO), events), load("mentions", REPO))["id"])
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
    window = rules.window(load("office_holders", REPO), events)
    inside = rules.within(events, window)
    listed = rules.chronicled(events, window, load("mentions", REPO))
    assert len(listed) and all(name in text for name in listed[listed["source_url"].notna()]["event"])
    # the chronology lists what the article mentions and the decisions it passes over, nothing else
    mentioned = {r["event_id"] for r in rows("mentions.csv") if r["event_id"]}
    left_out = inside[~inside["id"].isin(mentioned) & ~inside["kind"].isin(rules.ARGUED_KINDS)]
    assert len(left_out) and not any(name in text for name in left_out["event"])
    # background rows explain the article; they are not listed as events of the chairmanship
    assert not set(inside["kind"]) & rules.BACKGROUND_KINDS


def test_the_dating_names_the_sentences_that_use_the_new_name(built_book):
    """The dating argument rests on where the article writes ИЫҰ: exactly those sentences are linked."""
    page = (built_book.html / "chapters" / "source_text.html").read_text(encoding="utf-8")
    paragraph = next(p for p in re.findall(r"<p>(.*?)</p>", page, re.S) if "names for the Organisation may suggest" in p)
    linked = re.findall(r'href="#(s\d{3})"', paragraph)
    assert linked == [r["id"].lower() for r in rows("sentences.csv") if "ИЫҰ" in r["text"]]
    assert any("ИКҰ" in r["text"] and r["id"].lower() not in linked for r in rows("sentences.csv"))


def test_the_chronology_links_each_event_to_the_first_sentence_that_mentions_it(built_book):
    """Each row of the chronology, in both editions, links the first sentence that
    mentions its event, and says "no" where none does."""
    import yaml

    from oicbook.core import context as rules
    from oicbook.core.data import load

    events = load("events", REPO)
    listed = set(rules.chronicled(events, rules.window(load("office_holders", REPO), events), load("mentions", REPO))["id"])
    for lang in LANGUAGES:
        absent = yaml.safe_load((REPO / "oicbook" / "report" / "locale" / f"{lang}.yml").read_text(encoding="utf-8"))["mention"]["absent"]
        page = (built_book.edition_html(lang) / "chapters" / "context.html").read_text(encoding="utf-8")
        table = page.split('id="tbl-chronology"')[1].split("</table>")[0]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)[1:]:
            event = re.search(r'id="event-(e\d+)"', row).group(1).upper()
            assert event in listed, event
            last = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)[-1]
            said = sorted({m["sentence_id"].lower() for m in rows("mentions.csv") if m["event_id"] == event})
            assert re.findall(r'source_text\.html#(s\d{3})"', last) == said[:1], (lang, event)
            if not said:
                assert visible_text(last).strip() == absent, (lang, event)
        assert len(re.findall(r'id="event-e\d+"', table)) == len(listed), lang
