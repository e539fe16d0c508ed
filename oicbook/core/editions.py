"""The book's editions: one per language, built from the same sources.

English, the language the book is written in, sits at the site's root, so the
addresses readers have cited stay put; every other edition sits in a folder
named by its language (``kk/``), with the same page names under it.
"""

from __future__ import annotations

SOURCE = "en"
LANGUAGES = ("en", "kk")
BOOK_NAME = "oic-chairmanship"


def check(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"language {lang!r}: the book has editions in {', '.join(LANGUAGES)} only")
    return lang


def folder(lang: str) -> str:
    """The edition's folder under the site's root, ending in a slash ('' for English)."""
    return "" if check(lang) == SOURCE else f"{lang}/"


def pdf_name(lang: str) -> str:
    """The edition's PDF, named with its language; it sits in the edition's folder."""
    return f"{BOOK_NAME}-{check(lang)}.pdf"


def page_path(lang: str, page: str) -> str:
    """A page's path from the site's root: ``kk/chapters/intro.html``."""
    return f"{folder(lang)}{page}.html"


def from_page(lang: str, page: str, other: str) -> str:
    """The relative link from ``page`` of edition ``lang`` to the same page of edition ``other``."""
    up = "../" * (page_path(lang, page).count("/"))
    return up + page_path(other, page)
