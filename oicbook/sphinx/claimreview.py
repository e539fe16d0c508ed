"""Fact-check markup: a page whose notebook glues ``claim_reviews`` (the
ledger) carries them in its head as schema.org ``ClaimReview`` JSON-LD, each
review with the address of its claim's entry once the book has an address."""

from __future__ import annotations

import json
from pathlib import Path

from ..report.citation import book_metadata
from ..report.claimreview import MIME
from .downloads import glue_data
from .metadata import json_ld_script

GLUE_KEY = "claim_reviews"


def glued(app, docname: str) -> dict | None:
    """The page's glued reviews, if its notebook glued any."""
    found = glue_data(app, docname).get(GLUE_KEY)
    return json.loads(found["data"][MIME]) if found else None


def add_claim_reviews(app, pagename, templatename, context, doctree):
    if doctree is None or app.builder.format != "html":
        return
    reviews = glued(app, pagename)
    if reviews is None:
        return
    site = book_metadata(Path(app.srcdir))["url"]  # the edition's address, empty until the book has one
    if site:
        for review in reviews["@graph"]:
            review["url"] = f"{site}{pagename}.html#{review['identifier']}"
    context["metatags"] = context.get("metatags", "") + json_ld_script(reviews)


def setup(app):
    app.connect("html-page-context", add_claim_reviews)
