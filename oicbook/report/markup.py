"""The one way data text enters a page: as Markdown that shows it literally.

Text from a data file, the seed or ``references.bib`` is never formatted into
Markdown directly. It goes through :func:`literal`, which backslash-escapes
every ASCII punctuation character. CommonMark, and so MyST, reads an escaped
character as that character and nothing else, so no role, directive, link,
image, emphasis, footnote, HTML tag, entity or table delimiter can start from
data text. The escaped text is wrapped in a span of class ``oicbook-data``,
which the Sphinx extension exempts from smart quotes, so it is shown exactly
as written, and which tests use to find data text on a page.

Markdown written by the book's own code is an :class:`Md`. Like markupsafe's
``Markup`` for HTML, ``Md.format`` and ``Md.join`` escape every argument that
is not already an ``Md``; numbers are formatted, not escaped.
"""

from __future__ import annotations

import numbers
import re
import string
from collections.abc import Iterable

from pandas import isna
from pandas.api.types import is_scalar

DATA_CLASS = "oicbook-data"
KAZAKH_CLASS = "kk"
ENGLISH_CLASS = "oicbook-en"  # the book's English translation of the Kazakh
LABEL_CLASS = "oicbook-lang-label"

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character
_WHITESPACE = re.compile(r"[\s\u2028\u2029]+")
# Control characters: CommonMark replaces U+0000 itself; the others cannot stand in HTML or XML.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# A role's name and target must be plain names; its label may be words, but
# nothing in it may close the role or its target.
_PLAIN = re.compile(r"^[\w.:+-]+$")
_LABEL = re.compile(r"^[^`<>\s](?:[^`<>\n]*[^`<>\s])?$")


class Md(str):
    """Markdown that the book's code wrote, trusted as markup."""

    def __add__(self, other):
        return Md(str.__add__(self, markdown(other)))

    def __radd__(self, other):
        return Md(str.__add__(markdown(other), self))

    def join(self, parts: Iterable) -> Md:
        return Md(str.join(self, (markdown(p) for p in parts)))

    def format(self, *args, **kwargs) -> Md:
        return Md(_FORMATTER.vformat(self, args, kwargs))


class _EscapingFormatter(string.Formatter):
    def format_field(self, value, format_spec):
        if isinstance(value, numbers.Number) and not isinstance(value, bool):
            return format(value, format_spec)
        return markdown(value)


_FORMATTER = _EscapingFormatter()


def fold(text: str) -> str:
    """Text as :func:`literal` shows it: every run of white space (line breaks
    included) as one space, control characters as U+FFFD."""
    return _WHITESPACE.sub(" ", _CONTROL.sub("\ufffd", str(text)))


def escape(text: str) -> str:
    """The Markdown for ``text`` with every ASCII punctuation character escaped."""
    return _PUNCTUATION.sub(r"\\\1", fold(text))


def literal(text) -> Md:
    """Data text as Markdown that shows it literally, in a span marked as data."""
    text = "" if _missing(text) else str(text)
    if not text:
        return Md("")
    return Md(f"[{escape(text)}]{{.{DATA_CLASS}}}")


def markdown(value) -> Md:
    """``value`` as Markdown: an ``Md`` as it is, a number formatted, anything else literal."""
    if isinstance(value, Md):
        return value
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return Md(str(value))
    if isinstance(value, numbers.Real) and not _missing(value):
        return Md(format(value, "g"))  # as tabulate showed floats
    return literal(value)


def kk(text) -> Md:
    """Kazakh data text: shown literally, marked ``lang="kk"`` in HTML."""
    text = "" if _missing(text) else str(text)
    if not text:
        return Md("")
    return Md(f"[{escape(text)}]{{.{KAZAKH_CLASS} .{DATA_CLASS}}}")


def translation(text) -> Md:
    """The book's English translation of Kazakh data text: shown literally, in a
    span of its own class, so pages and tests can tell it from the Kazakh."""
    text = "" if _missing(text) else str(text)
    if not text:
        return Md("")
    return Md(f"[{escape(text)}]{{.{ENGLISH_CLASS} .{DATA_CLASS}}}")


def label(text: str) -> Md:
    """A label the book's code writes before a text, such as "Kazakh:"."""
    return Md(f"[{escape(text)}]{{.{LABEL_CLASS}}}")


def role(name: str, target: str, label: str | None = None) -> Md:
    """A MyST role such as ``{ref}`S001 <s001>```: a name, target or label
    that could close the role or start markup is refused."""
    for part, pattern in ((name, _PLAIN), (target, _PLAIN), (label, _LABEL)):
        if part is not None and not pattern.match(str(part)):
            raise ValueError(f"not a plain name, id or label for a {{{name}}} role: {part!r}")
    content = target if label is None else f"{label} <{target}>"
    return Md(f"{{{name}}}`{content}`")


def target(name: str) -> Md:
    """A MyST target line, ``(name)=``, for a plain name only."""
    if not _PLAIN.match(str(name)):
        raise ValueError(f"not a plain name for a target: {name!r}")
    return Md(f"({name})=\n")


def code_block(text: str, language: str) -> Md:
    """A fenced code block that shows ``text`` as it is: the fence is longer
    than any run of backticks in it, so the text cannot close it."""
    if not _PLAIN.match(language):
        raise ValueError(f"not a plain language name: {language!r}")
    runs = [len(r) for r in re.findall(r"`+", text)]
    fence = "`" * max(3, max(runs, default=0) + 1)
    return Md(f"{fence}{language}\n{text}\n{fence}\n")


_URL = re.compile(r"https?://[A-Za-z0-9._~:/?#\[\]@!$&'*+,;=%-]+\Z")


def link(url: str) -> Md:
    """An address shown as itself and linked; anything but a plain http(s) URL is refused."""
    if not _URL.match(str(url)):
        raise ValueError(f"not a plain http(s) address: {url!r}")
    target = str(url).replace("(", "%28").replace(")", "%29")
    return Md(f"[{escape(url)}]({target})")


def bold(value) -> Md:
    return Md("**{}**").format(value)


def table(columns: dict[str, Iterable]) -> Md:
    """A pipe table from columns of cells. A cell that is not ``Md`` is shown
    literally, so data text keeps every table's number of columns; column names
    are escaped too. Columns of numbers are right-aligned."""
    headers = list(columns)
    cells = [list(values) for values in columns.values()]
    lengths = {len(c) for c in cells}
    if len(lengths) > 1:
        raise ValueError(f"table columns differ in length: {dict(zip(headers, map(len, cells)))}")
    body = [[_cell(v) for v in column] for column in cells]
    aligns = ["---:" if _numeric(column) else ":---" for column in cells]
    lines = [_row([_header(h) for h in headers]), "|" + "|".join(aligns) + "|"]
    lines += [_row(list(row)) for row in zip(*body)]
    return Md("\n".join(lines) + "\n")


def frame_table(frame) -> Md:
    """:func:`table` of a DataFrame's columns (its index left out)."""
    return table({name: frame[name].tolist() for name in frame.columns})


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _header(value) -> str:
    """A column's name: the book's own label, escaped but not marked as data,
    so it keeps the page's typography."""
    return value if isinstance(value, Md) else escape(str(value))


def _cell(value) -> str:
    text = markdown(value)
    if "\n" in text:
        raise ValueError(f"a table cell cannot hold a line break: {text!r}")
    return text


def _numeric(column: list) -> bool:
    """A column of numbers, or of text that reads as numbers ("1,234.50")."""
    present = [v for v in column if not _missing(v)]
    return bool(present) and all(_number_like(v) for v in present)


def _number_like(value) -> bool:
    if isinstance(value, numbers.Number):
        return not isinstance(value, bool)
    if isinstance(value, Md):
        return False
    try:
        float(str(value).replace(",", ""))
    except ValueError:
        return False
    return True


def _missing(value) -> bool:
    """None, NaN and pandas' NA: an empty cell."""
    return value is None or (is_scalar(value) and bool(isna(value)))
