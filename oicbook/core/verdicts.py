"""Verdicts: one set of statuses and one set of rules for the whole book.

Each rule returns a status code and, where it explains itself, a
:class:`~oicbook.core.phrases.Phrase`; ``oicbook.report`` puts both into
words. ``oicbook.core.ledger`` applies the rules to the claims ledger.
"""

from __future__ import annotations

import re

from .periods import PRECISIONS, Period
from .phrases import Label, Ordinal, Phrase, When, phrase

# "identified": the claim is matched to a record only by a name or a number the
# record also carries (the 37th Council, a ten-year programme); that places the
# claim, it does not confirm it, so it is never counted as consistent.
# "close_at_ppp": no longer given (a figure the article gives in US dollars that is
# near the record only at purchasing-power parity is "close", and its reason says
# so); kept so that a verdict of that name still reads as words.
# "unsupported" is given by judgement only: no record measures what the claim
# states, and the records at hand point far from it.
STATUSES = ["consistent", "close", "close_at_ppp", "identified", "inconsistent", "unsupported", "unverifiable", "unchecked"]
# Tolerances for figures without a stated precision (derived quantities), and
# the band beyond a figure's own rounding within which it is still 'close'.
CONSISTENT_TOLERANCE = 0.05
CLOSE_TOLERANCE = 0.10
# A common fraction ("2/3") is written loosely, so it gets a stated band, in
# percentage points either side, instead of a rounding step.
FRACTION_BAND = 5.0
# A whole percentage ending in zero ("40%") is written as a round figure: it is
# read to the nearest five points, not to the nearest one.
ROUND_PERCENT_STEP = 5.0
VERDICT_ORDER = {status: rank for rank, status in enumerate(STATUSES)}
_EPSILON = 1e-12


def _show(p: Period, precision: str) -> When:
    a, b = p.at(precision)
    return When(a, None if a == b else b)


def date_verdict(claim: Period, record: Period) -> tuple[str, Phrase]:
    precision = min(claim.precision, record.precision, key=PRECISIONS.index)
    c, r = claim.at(precision), record.at(precision)
    if c == r:
        return "consistent", phrase("reason.same_period", precision=Label("precision", precision))
    if c[0] <= r[1] and r[0] <= c[1]:
        return "close", phrase("reason.overlap", claim=_show(claim, precision), record=_show(record, precision))
    return "inconsistent", phrase("reason.apart", claim=_show(claim, precision), record=_show(record, precision))


def english_ordinal(n: int) -> str:
    """'37th': how the English records name a session, to find it there."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def ordinal_verdict(value: float, event: str) -> tuple[str, Phrase]:
    n = int(value)
    if re.search(rf"\b{english_ordinal(n)}\b", event):
        return "identified", phrase("reason.same_ordinal", ordinal=Ordinal(n))
    return "inconsistent", phrase("reason.other_ordinal", ordinal=Ordinal(n))


def value_verdict(stated: float, computed: float, precision: float | None = None) -> str:
    """A stated figure against an independent value.

    consistent: the independent value rounds to the stated figure at the
    precision the article writes it in (or, for a derived figure without one,
    lies within CONSISTENT_TOLERANCE of it); close: within CLOSE_TOLERANCE;
    inconsistent: further.
    """
    difference = abs(computed - stated)
    if precision is not None and difference <= precision / 2 + 1e-12:
        return "consistent"
    relative = difference / abs(stated)
    # A value exactly at a tolerance is within it, whatever the floating-point error.
    if precision is None and relative <= CONSISTENT_TOLERANCE + _EPSILON:
        return "consistent"
    return "close" if relative <= CLOSE_TOLERANCE + _EPSILON else "inconsistent"


def count_verdict(stated: int, computed: int) -> str:
    return "consistent" if int(stated) == int(computed) else "inconsistent"


def rank_verdict(stated: int, computed: int) -> str:
    gap = abs(int(stated) - int(computed))
    return "consistent" if gap == 0 else "close" if gap == 1 else "inconsistent"


def at_ppp_only(verdict: str, unit: str, measure_kind: str) -> bool:
    """Whether a figure the article gives in US dollars fits only at purchasing-power
    parity, a measure it does not name."""
    return unit == "USD" and measure_kind == "ppp" and verdict in ("consistent", "close")


def in_unit_named(verdict: str, unit: str, measure_kind: str) -> str:
    """A verdict on a figure against one measure, read in the unit the article
    names: US dollars matched only at purchasing-power parity are close at best,
    the right figure under a measure the article does not name."""
    return "close" if at_ppp_only(verdict, unit, measure_kind) else verdict


def best(verdicts: list[str]) -> str:
    return min(verdicts, key=VERDICT_ORDER.__getitem__)


_ENGLISH_NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                    "nineteen", "twenty"]


def duration_verdict(value: float, event: str) -> tuple[str, Phrase]:
    """A stated length (a 'ten-year' programme) against the length the record names."""
    n = int(value)
    names = "|".join(re.escape(x) for x in (str(n), _ENGLISH_NUMBERS[n] if n < len(_ENGLISH_NUMBERS) else str(n)))
    if re.search(rf"\b(?:{names})-year\b", event, re.IGNORECASE):
        return "identified", phrase("reason.same_duration", years=n)
    return "inconsistent", phrase("reason.other_duration", years=n)
