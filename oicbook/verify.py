"""Verdicts: one set of statuses and one set of rules for the whole book.

The statuses and the rules' wording live in ``locale/``; this module holds
the rules. ``oicbook.ledger`` applies them to the claims ledger.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .labels import t

STATUSES = ["consistent", "close", "inconsistent", "unverifiable", "unchecked"]
PRECISIONS = ["year", "month", "day"]


@dataclass(frozen=True)
class Period:
    first: date
    last: date
    precision: str

    @classmethod
    def parse(cls, start: str, end: str | None = None) -> "Period":
        """'2010', '2010-03' or '2010-03-17', with an optional end of any precision."""
        lo = _bounds(start)
        hi = _bounds(end) if end else lo
        return cls(lo[0], hi[1], min(lo[2], hi[2], key=PRECISIONS.index))

    def at(self, precision: str) -> tuple[str, str]:
        width = {"year": 4, "month": 7, "day": 10}[precision]
        return self.first.isoformat()[:width], self.last.isoformat()[:width]


def _bounds(text: str) -> tuple[date, date, str]:
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31), "year"
    if len(parts) == 2:
        last_day = calendar.monthrange(parts[0], parts[1])[1]
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], last_day), "month"
    return date(*parts), date(*parts), "day"


def _show(p: Period, precision: str) -> str:
    a, b = p.at(precision)
    return a if a == b else f"{a}/{b}"


def date_verdict(claim: Period, record: Period) -> tuple[str, str]:
    precision = min(claim.precision, record.precision, key=PRECISIONS.index)
    c, r = claim.at(precision), record.at(precision)
    label = t(f"precision.{precision}")
    if c == r:
        return "consistent", t("reason.same_period", precision=label)
    if c[0] <= r[1] and r[0] <= c[1]:
        return "close", t("reason.overlap", precision=label)
    return "inconsistent", t("reason.apart", claim=_show(claim, precision), record=_show(record, precision))


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def ordinal_verdict(value: float, event: str) -> tuple[str, str]:
    n = ordinal(int(value))
    if re.search(rf"\b{n}\b", event):
        return "consistent", t("reason.same_ordinal", ordinal=n)
    return "inconsistent", t("reason.other_ordinal", ordinal=n)


# Tolerances for figures without a stated precision (derived quantities), and
# the band beyond a figure's own rounding within which it is still 'close'.
CONSISTENT_TOLERANCE = 0.05
CLOSE_TOLERANCE = 0.10
VERDICT_ORDER = {"consistent": 0, "close": 1, "inconsistent": 2, "unverifiable": 3, "unchecked": 4}


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
    if precision is None and relative <= CONSISTENT_TOLERANCE:
        return "consistent"
    return "close" if relative <= CLOSE_TOLERANCE else "inconsistent"


def count_verdict(stated: int, computed: int) -> str:
    return "consistent" if int(stated) == int(computed) else "inconsistent"


def rank_verdict(stated: int, computed: int) -> str:
    gap = abs(int(stated) - int(computed))
    return "consistent" if gap == 0 else "close" if gap == 1 else "inconsistent"


def best(verdicts: list[str]) -> str:
    return min(verdicts, key=VERDICT_ORDER.__getitem__)


_ENGLISH_NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                    "nineteen", "twenty"]


def duration_verdict(value: float, event: str) -> tuple[str, str]:
    """A stated length (a 'ten-year' programme) against the length the record names."""
    n = int(value)
    names = "|".join(re.escape(x) for x in (str(n), _ENGLISH_NUMBERS[n] if n < len(_ENGLISH_NUMBERS) else str(n)))
    if re.search(rf"\b(?:{names})-year\b", event, re.IGNORECASE):
        return "consistent", t("reason.same_duration", years=n)
    return "inconsistent", t("reason.other_duration", years=n)


def mark(status: str) -> str:
    """The verdict as text, never colour alone: a sign and a word."""
    return f"{t(f'verdict_mark.{status}')} {t(f'verdict.{status}')}"
