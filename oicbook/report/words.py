"""Phrases into words: what ``oicbook.core`` says as codes and values, in the
book's language (``locale/``)."""

from __future__ import annotations

from datetime import date

from ..core.phrases import Amount, Label, Listing, Ordinal, Percent, Phrase, Ratio, Span, When
from .display import amount, ordinal, percent, when
from .labels import t
from .numbers import significant


def words(value) -> str:
    """A phrase, or one of its values, as the reader reads it."""
    match value:
        case Phrase(key=key, params=params):
            return t(key, **{name: words(v) for name, v in params.items()})
        case Amount(value=number, unit=unit):
            return amount(number, unit)
        case Percent(value=number, digits=digits):
            return percent(number, digits)
        case Ratio(value=number):
            return significant(number, 4)
        case Label(group=group, code=code):
            return t(f"{group}.{code}")
        case Ordinal(n=n):
            return ordinal(n)
        case Span(low=low, high=high):
            return f"{low}–{high}"
        case Listing(items=items, separator=separator, last=last):
            said = [words(item) for item in items]
            if last and len(said) > 1:
                return f"{separator.join(said[:-1])} {t(last)} {said[-1]}"
            return separator.join(said)
        case When(text=text, end=end):
            return when(text, end)
        case date():
            return when(value.isoformat())
    return str(value)
