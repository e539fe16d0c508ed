"""The ledger's verdicts for machines: schema.org ``ClaimReview``, as
fact-checking publishers mark theirs up, one per claim.

Each review names the claim in the edition's language (the article's Kazakh
words in the Kazakh edition, the book's English in the English one), the
article it appears in (CITATION.cff's reference), and the verdict by its name.
A verdict on the scale of truth also has its place on that scale, stated in
``bestRating``/``worstRating``; a claim matched by name alone, one judged
unsupported by plausibility rather than by a record, or one no record could
decide, has its name only.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from ..core.verdicts import CLOSE_TOLERANCE
from .citation import book_metadata, source_article
from .display import percent
from .labels import t
from .numbers import language

# The verdicts that judge a claim true or false, worst first: their places on the scale.
SCALE = ("inconsistent", "close_at_ppp", "close", "consistent")


def rating(verdict: str) -> dict:
    meaning = t(f"verdict_plain.{verdict}", close=percent(100 * CLOSE_TOLERANCE, 0))
    found = {"@type": "Rating", "alternateName": t(f"verdict.{verdict}"), "ratingExplanation": meaning}
    if verdict in SCALE:
        found.update(ratingValue=SCALE.index(verdict) + 1, worstRating=1, bestRating=len(SCALE))
    return found


def claim_reviews(checked: pd.DataFrame, root: Path | None = None) -> dict:
    """One JSON-LD graph of a ``ClaimReview`` per claim of the ledger (its
    primary verdict), each keyed to the claim's entry by ``identifier``; the
    page's address is added where the book has one (``oicbook.sphinx.claimreview``)."""
    book, article = book_metadata(root), source_article(root)
    lang = language()
    appearance = {"@type": "ScholarlyArticle", "headline": article["title"], "inLanguage": "kk", **({"url": article["url"]} if article["url"] else {})}
    author = [{"@type": "Organization", "name": name} for name in book["authors"]]
    graph = [{
        "@type": "ClaimReview",
        "identifier": claim["id"].lower(),
        "claimReviewed": claim["words"] if lang == "kk" else claim["words_english"],
        "itemReviewed": {"@type": "Claim", "appearance": appearance},
        "reviewRating": rating(claim["verdict"]),
        "author": author,
        "datePublished": book["date"],
        "inLanguage": lang,
    } for _, claim in checked.iterrows()]
    return {"@context": "https://schema.org", "@graph": graph}


MIME = "application/ld+json"


class JsonLd:
    """JSON-LD for ``glue``: its text under its own media type (a notebook keeps a
    glued value of a JSON type only as text), read back by ``oicbook.sphinx.claimreview``."""

    def __init__(self, data: dict):
        self.text = json.dumps(data, ensure_ascii=False, sort_keys=False)

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {MIME: self.text, "text/plain": f"JSON-LD, {len(self.text)} characters"}
