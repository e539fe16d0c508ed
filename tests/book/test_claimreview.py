"""The ledger's verdicts for machines: one schema.org ClaimReview per claim, in
both editions, saying what the page says, in schema.org's own vocabulary."""

import json

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import REPO, ledger_marks, rows
from oicbook.core import editions

LABELS = {lang: yaml.safe_load((REPO / "oicbook" / "report" / "locale" / f"{lang}.yml").read_text(encoding="utf-8")) for lang in editions.LANGUAGES}


def vocabulary():
    from rdflib.namespace import SDO

    return set(SDO.__annotations__)


def reviews(html):
    soup = BeautifulSoup(html, "html.parser")
    found = [json.loads(s.string) for s in soup.head.find_all("script", type="application/ld+json")]
    (graph,) = [d for d in found if "@graph" in d]
    return soup, graph


@pytest.mark.parametrize("lang", editions.LANGUAGES)
def test_the_ledger_carries_a_claim_review_for_every_claim(built_book, lang):
    page = (built_book.edition_html(lang) / "chapters" / "ledger.html").read_text(encoding="utf-8")
    soup, graph = reviews(page)
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    claims = {c["id"].lower(): c for c in rows("claims.csv")}
    by_id = {r["identifier"]: r for r in graph["@graph"]}
    assert graph["@context"] == "https://schema.org" and sorted(by_id) == sorted(claims)
    words = LABELS[lang]["verdict"]
    primary = {anchor: marks[0] for anchor, marks in ledger_marks(page).items()} if lang == editions.SOURCE else None
    places = {}
    for anchor, review in by_id.items():
        assert review["@type"] == "ClaimReview" and soup.find(id=anchor) is not None, anchor
        assert review["claimReviewed"] == (claims[anchor]["words"] if lang == "kk" else claims[anchor]["words_english"]), anchor
        item = review["itemReviewed"]
        assert item["@type"] == "Claim" and item["appearance"]["url"] == cff["references"][0]["url"], anchor
        assert review["author"] == [{"@type": "Organization", "name": a["name"]} for a in cff["authors"]], anchor
        assert review["datePublished"] == str(cff["date-released"]) and review["inLanguage"] == lang, anchor
        assert "url" not in review  # no address is set in this build (tests/book/test_address.py sets one)
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating" and rating["alternateName"] in words.values(), anchor
        if primary is not None:
            assert rating["alternateName"] == primary[anchor], anchor  # the verdict the entry shows
        if "ratingValue" in rating:
            assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"], anchor
            places[rating["alternateName"]] = rating["ratingValue"]
    # the stated scale runs from the record contradicting the claim to the record giving it
    assert places[words["inconsistent"]] < places[words["close"]] < places[words["consistent"]]


@pytest.mark.parametrize("lang", editions.LANGUAGES)
def test_the_claim_reviews_use_schema_org_s_vocabulary(built_book, lang):
    known = vocabulary()
    _, graph = reviews((built_book.edition_html(lang) / "chapters" / "ledger.html").read_text(encoding="utf-8"))
    used = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "@type":
                    used.add(("type", value))
                elif not key.startswith("@"):
                    used.add(("property", key))
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(graph)
    assert ("type", "ClaimReview") in used and ("property", "reviewRating") in used
    for kind, name in used:
        assert name in known and (name[0].isupper() if kind == "type" else name[0].islower()), (kind, name)
