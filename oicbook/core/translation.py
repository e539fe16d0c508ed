"""Does an English translation keep the facts of its Kazakh sentence?

Two checks, each returning problems as phrases for the loader's errors:

- the numbers: every figure, date, count and ordinal the numeral reader finds
  in the Kazakh has its counterpart in the English, and the English adds none;
  a numeral the ledger excludes (a reference marker, an idiom such as
  *бірінші кезекте*, "first of all") may stand in the English or not;
- the abbreviations: every glossary abbreviation the sentence uses is rendered
  by one of its glossary names.

Notes quote the Kazakh words they are about in «guillemets»; those words must
stand in the sentence.
"""

from __future__ import annotations

import re
from collections import Counter

from .numerals import _WORD_VALUES, numerals, roman_value
from .text import LOWER, UPPER

_EN_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100, "thousand": 1000,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "tenth": 10,
}
# Order matters: a fraction before its digits, a number word only as a whole
# word ("ten-year" counts, "often" does not). "one of" is a partitive (Kazakh
# бірі, which the numeral reader does not count either), not a count.
_EN_NUMERAL = re.compile(
    r"(?P<fraction>\d+/\d+)"
    r"|(?P<number>\d+(?:\.\d+)?)(?:st|nd|rd|th)?"
    r"|(?<![A-Za-z])(?P<roman>[IVXLC]{2,})(?![A-Za-z])"
    rf"|(?<![A-Za-z])(?P<word>(?i:{'|'.join(_EN_WORDS)}))(?![A-Za-z])(?!\s+of\b)"
)
_KK_WORD = re.compile(rf"^({'|'.join(sorted(_WORD_VALUES, key=len, reverse=True))})", re.IGNORECASE)


def kazakh_values(token: str) -> list[float]:
    """The numbers one numeral token of the Kazakh states: '28-30' -> [28, 30],
    '3,7' -> [3.7], '2/3' -> [0.667], 'VII' -> [7], 'онжылдық' -> [10]."""
    if m := re.fullmatch(r"(\d+)\s*/\s*(\d+)", token):
        return [int(m.group(1)) / int(m.group(2))]
    if re.match(r"\d", token):
        return [float(part.replace(",", ".")) for part in re.split(r"\s*[-–]\s*", token)]
    if re.fullmatch(r"[IVXLCDM]+", token):
        return [float(roman_value(token))]
    m = _KK_WORD.match(token)
    return [float(_WORD_VALUES[m.group(1).lower()])]


def english_values(text: str) -> list[float]:
    """The numbers an English text states, as :func:`kazakh_values` reads the Kazakh."""
    values = []
    for m in _EN_NUMERAL.finditer(text):
        if m.group("fraction"):
            a, b = m.group("fraction").split("/")
            values.append(int(a) / int(b))
        elif m.group("number"):
            values.append(float(m.group("number")))
        elif m.group("roman"):
            values.append(float(roman_value(m.group("roman"))))
        else:
            values.append(float(_EN_WORDS[m.group("word").lower()]))
    return values


def _counted(values) -> Counter:
    return Counter(round(v, 6) for v in values)


def number_problems(kazakh: str, english: str, excluded: set[str] = frozenset()) -> list[str]:
    """Numbers of the Kazakh missing from the English, and numbers the English adds."""
    required, optional = Counter(), Counter()
    for _, _, token in numerals(kazakh):
        (optional if token in excluded else required).update(_counted(kazakh_values(token)))
    found = _counted(english_values(english))
    problems = [f"the Kazakh states {_shown(v)}, the English does not" for v in sorted((required - found).elements())]
    added = found - required - optional
    problems += [f"the English states {_shown(v)}, the Kazakh does not" for v in sorted(added.elements())]
    return problems


def _shown(value: float) -> str:
    return f"{value:g}"


def uses(kazakh: str, abbreviation: str) -> bool:
    """Whether the sentence uses the abbreviation as a word (suffixes may follow a hyphen)."""
    return re.search(rf"(?<![{LOWER}{UPPER}]){re.escape(abbreviation)}(?![{LOWER}{UPPER}])", kazakh) is not None


def glossary_problems(kazakh: str, english: str, glossary: list[dict]) -> list[str]:
    """Abbreviations of the glossary the sentence uses that the English renders by none of their names.
    ``glossary`` rows have ``abbreviation`` and ``renderings``, the English forms accepted for it."""
    return [
        f"the Kazakh uses {row['abbreviation']}, the English has none of {' / '.join(row['renderings'])}"
        for row in glossary
        if uses(kazakh, row["abbreviation"]) and not any(r in english for r in row["renderings"])
    ]


NOTE_WORDS = re.compile(r"«((?:[^«»]|«[^«»]*»)+)»")


def note_words(notes: str) -> list[str]:
    """The Kazakh words each note is about, as the notes quote them: «…» (a quote
    may hold one nested pair of guillemets, as a name does)."""
    return NOTE_WORDS.findall(notes or "")


def note_problems(kazakh: str, notes: str) -> list[str]:
    problems = [f"a note quotes «{w}», which does not stand in the sentence" for w in note_words(notes) if w not in kazakh]
    parts = [p for p in (notes or "").split(" | ") if p.strip()]
    problems += [f"the note {p[:40]!r}… names no Kazakh words in «»" for p in parts if not NOTE_WORDS.match(p)]
    return problems
