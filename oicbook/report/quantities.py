"""Cells that remember what they show: a figure's number and unit, a verdict's
code, beside the words a page prints. A table's CSV download gives these as
numbers and codes, so a spreadsheet can compute with them; the page prints the
words. Both are ``str``, so a table builder treats them as any other cell.
"""

from __future__ import annotations

import json
import numbers
from collections.abc import Iterable

from .markup import Md


class Figure(str):
    """'4.11 trillion USD' that knows it is 4.11e12 in ``USD`` (a unit code of ``locale/``: ``unit.<code>``)."""

    value: float
    unit: str

    def __new__(cls, text: str, value: float, unit: str):
        made = super().__new__(cls, text)
        made.value, made.unit = float(value), unit
        return made


class Judged(Md):
    """A figure and the verdict on it in one cell: '(close)' after '7.43 trillion international dollars'."""

    figure: Figure
    status: str

    def __new__(cls, text: str, figure: Figure, status: str):
        made = super().__new__(cls, text)
        made.figure, made.status = figure, status
        return made


# The media type of a glued table's column specs, read back from the page's glue data.
TABLE_MIME = "application/vnd.oicbook.table-columns"  # JSON text: a notebook keeps a glued non-JSON type as text
MISSING = ("", "—")


def _missing(cell) -> bool:
    if cell is None or (isinstance(cell, numbers.Number) and cell != cell):  # None, NaN
        return True
    return isinstance(cell, str) and cell.strip() in MISSING


def column_spec(cells: list) -> dict:
    """What a column holds for a spreadsheet: figures (``number``), figures each
    with a verdict (``judged``), or text as the page shows it. Figures of one
    unit name it (``unit``); figures of several name each row's (``units``)."""
    present = [c for c in cells if not _missing(c)]
    judged = bool(present) and all(isinstance(c, Judged) for c in present)
    figures = [c.figure if judged else c for c in present]
    if not present or not all(isinstance(f, Figure) for f in figures):
        return {"kind": "text"}
    spec = {"kind": "judged" if judged else "number",
            "values": [None if _missing(c) else (c.figure if judged else c).value for c in cells]}
    if len({f.unit for f in figures}) == 1:
        spec["unit"] = figures[0].unit
    else:  # figures of several units (US dollars and international dollars): each row names its own
        spec["units"] = [None if _missing(c) else (c.figure if judged else c).unit for c in cells]
    if judged:
        spec["verdicts"] = [None if _missing(c) else c.status for c in cells]
    return spec


def table_specs(columns: dict[str, Iterable]) -> str:
    """Each column's spec, in order, as JSON text (what a notebook keeps of a glued value)."""
    return json.dumps([column_spec(list(cells)) for cells in columns.values()], ensure_ascii=False)
