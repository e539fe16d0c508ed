"""Numbers and dates in the edition's language, by CLDR's rules through Babel:
'1,234,567.5' and '28 June 2011' in English, '1 234 567,5' and
'2011 ж. 28 маусым' in Kazakh.

The edition's language is ``OICBOOK_LANG`` (``en`` unless set), which the
build sets for each edition's notebooks.
"""

from __future__ import annotations

import math
import os
import re
from datetime import date
from functools import lru_cache

from babel import Locale
from babel.lists import format_list
from babel.dates import format_skeleton, match_skeleton, parse_pattern
from babel.numbers import format_decimal

from ..core import editions

LANGUAGE_VARIABLE = "OICBOOK_LANG"
# The book's English is British ("28 June 2011"); its Kazakh is Kazakhstan's.
CLDR_LOCALES = {"en": "en_GB", "kk": "kk_KZ"}  # one per edition (oicbook.core.editions)


def language() -> str:
    """The edition's language: one of ``oicbook.core.editions.LANGUAGES``."""
    lang = os.environ.get(LANGUAGE_VARIABLE, editions.SOURCE)
    if lang not in editions.LANGUAGES:
        raise ValueError(f"{LANGUAGE_VARIABLE}={lang!r}: the book has editions in {', '.join(editions.LANGUAGES)} only")
    return lang


@lru_cache(maxsize=None)
def _locale(lang: str) -> Locale:
    return Locale.parse(CLDR_LOCALES[lang])


def locale() -> Locale:
    return _locale(language())


def integer(n: int) -> str:
    """A whole number with the language's grouping: '1,504', '1 504'."""
    return format_decimal(n, "#,##0", locale=locale())


def fixed(value: float, digits: int) -> str:
    """A number with exactly ``digits`` decimals: '3.21', '3,21'."""
    return format_decimal(value, "#,##0" + ("." + "0" * digits if digits else ""), locale=locale())


def significant(value: float, digits: int) -> str:
    """A number to at most ``digits`` significant figures, trailing zeros
    dropped, grouped: '6.87', '500,000', '0.1234'."""
    if value == 0:
        return integer(0)
    rounded = round(value, digits - 1 - math.floor(math.log10(abs(value))))
    return format_decimal(rounded, "#,##0." + "#" * 12, locale=locale())


def listing(items: list[str], style: str = "standard") -> str:
    """Items joined as the language lists them: 'a, b and c', 'a және b';
    with ``style="or"``, as alternatives: 'a, b or c', 'a не b'."""
    return format_list(list(items), style=style, locale=locale())


def plural_form(n: int) -> str:
    """CLDR's plural category of ``n`` ('one', 'other'): which form of a noun follows it."""
    return locale().plural_form(n)


def ordinal_form(n: int) -> str:
    """CLDR's ordinal category of ``n`` ('one', 'two', 'few', 'many', 'other'):
    which suffix the language writes after it (1st, 2nd; 6-шы, 7-ші)."""
    return locale().ordinal_form(n)


def date_text(day: date, skeleton: str) -> str:
    """A date in CLDR's pattern for the skeleton: ``yMMMMd`` '28 June 2011'
    (en), '2011 ж. 28 маусым' (kk); ``yMMMM`` 'June 2011'; ``y`` '2011'."""
    return format_skeleton(skeleton, day, locale=locale())


_WIDEST_DIFFERENCE = ("y", "M", "d")


def date_range(first: date, last: date, skeleton: str) -> str:
    """Two dates as one range in CLDR's interval pattern: '18 – 20 May 2010',
    '29 September – 1 October 2011', '2011 – 2012'.

    Where CLDR has no interval pattern for a skeleton with wide months, it has
    one for abbreviated months; as CLDR's spec says (and Babel does not), the
    nearest pattern's month field is widened to the one the skeleton asks for."""
    loc = locale()
    values = {"y": lambda d: d.year, "M": lambda d: (d.year, d.month), "d": lambda d: d}
    differing = [f for f in _WIDEST_DIFFERENCE if f in skeleton and values[f](first) != values[f](last)]
    if not differing:
        return date_text(first, skeleton)
    nearest = match_skeleton(skeleton, loc.interval_formats)
    parts = loc.interval_formats[nearest] if nearest else {}
    if differing[0] in parts:
        patterns = [_widened(p, skeleton) for p in parts[differing[0]]]
        return "".join(parse_pattern(p).apply(d, loc) for p, d in zip(patterns, (first, last)))
    return loc.interval_formats[None].format(date_text(first, skeleton), date_text(last, skeleton))


def _widened(pattern: str, skeleton: str) -> str:
    if "MMMM" in skeleton:
        return re.sub(r"(?<![ML'])M{3}(?!M)", "MMMM", pattern)
    return pattern
