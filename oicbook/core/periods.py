"""Periods as the article and the records state them: a year, a month or a day,
or a span between two of them, each with the precision it was stated to."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

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
