"""The bibliography's order: by author, a person or an organisation alike.

pybtex's author-year-title sort keeps the braces of an organisation's name
('{Agence France-Presse}'), and a brace sorts after every letter, so every
organisation fell after every person. The book's style sorts on the name as
it reads, without braces or accents."""

from __future__ import annotations

import unicodedata

from pybtex.plugin import register_plugin
from pybtex.style.formatting.plain import Style as Plain
from pybtex.style.sorting.author_year_title import SortingStyle as AuthorYearTitle

STYLE = "oicbook"


def reading_order(text: str) -> str:
    """A name as a reader alphabetises it: no braces, no accents, no case."""
    bare = unicodedata.normalize("NFKD", text.replace("{", "").replace("}", ""))
    return "".join(c for c in bare if not unicodedata.combining(c)).casefold()


class ByName(AuthorYearTitle):
    def person_key(self, person):
        return reading_order(super().person_key(person))


class Style(Plain):
    default_sorting_style = "oicbook"


def setup(app):
    register_plugin("pybtex.style.sorting", STYLE, ByName)
    register_plugin("pybtex.style.formatting", STYLE, Style)
