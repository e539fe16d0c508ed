"""What a verdict says, as codes and values, not words.

A rule in ``oicbook.core`` explains itself with a :class:`Phrase`: a key of
the book's wording (``reason.same_period``) and the values it names, each kept
as what it is (an amount, a share, a measure's code, a verdict's code).
``oicbook.report.words`` turns a phrase into words in the book's language, so
every rule can be tested without the wording, and translated without the rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Phrase:
    key: str
    params: dict = field(default_factory=dict)


def phrase(key: str, **params) -> Phrase:
    return Phrase(key, params)


@dataclass(frozen=True)
class Amount:
    """Money: 6.87e12 in USD, or in international dollars (``intl_dollar``)."""

    value: float
    unit: str = "USD"


@dataclass(frozen=True)
class Percent:
    """A share in percent: 71.16; ``digits``, the decimals to show (a source's 77.2 keeps one)."""

    value: float
    digits: int = 2


@dataclass(frozen=True)
class Ratio:
    """How many times one value is another."""

    value: float


@dataclass(frozen=True)
class Label:
    """A word of the book's own, by its group and code: ("measure", "wdi_usd")."""

    group: str
    code: str


@dataclass(frozen=True)
class Ordinal:
    n: int


@dataclass(frozen=True)
class When:
    """A date or a span as its source writes it ("2011-06"), for the reader's calendar."""

    text: str
    end: str | None = None


@dataclass(frozen=True)
class Span:
    """A range of whole numbers, such as the ranks 11 to 13."""

    low: int
    high: int


@dataclass(frozen=True)
class Listing:
    items: tuple
    separator: str = "; "
    last: str | None = None  # the label joining the last two items ("and"), where the list reads as a sentence


def listing(items, separator: str = "; ", last: str | None = None) -> Listing:
    return Listing(tuple(items), separator, last)


def series(items) -> Listing:
    """A list read as a sentence: 'a, b and c'."""
    return Listing(tuple(items), ", ", "part.and")
