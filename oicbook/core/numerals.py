"""The numerals of the Kazakh article, and the values, periods, precisions and
lists its words state."""

from __future__ import annotations

import re

from .verdicts import FRACTION_BAND, ROUND_PERCENT_STEP

from .text import LOWER, UPPER

# Numerals: digits (with decimal commas, ranges and fractions), Roman numerals,
# and Kazakh cardinal/ordinal number words taken as whole tokens.
_DIGITS = r"\d+(?:,\d+)?(?:\s*[-–/]\s*\d+(?:,\d+)?)?"
_ROMAN = r"(?<![A-Za-z])[IVXLCDM]+(?![A-Za-z])"
_NUMBER_WORDS = (
    "бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|жиырма|отыз|қырық|елу|"
    "алпыс|жетпіс|сексен|тоқсан|жүз|мың"
)
_WORD = rf"(?<![{LOWER}{UPPER}])(?i:{_NUMBER_WORDS})(?:інші|ыншы|нші|ншы|шы|ші|жылдық)?(?![{LOWER}{UPPER}])"
NUMERAL = re.compile(rf"{_DIGITS}|{_ROMAN}|{_WORD}")


def numerals(text: str) -> list[tuple[int, int, str]]:
    """Every numeral in ``text`` as ``(start, end, token)``."""
    return [(m.start(), m.end(), m.group()) for m in NUMERAL.finditer(text)]


# Reading a stated figure back from its Kazakh words, so that the ledger's
# value and period can be checked against the text rather than trusted.
_SCALES = {"трлн": 10**12, "млрд": 10**9, "млн": 10**6}
_WORD_VALUES = {
    "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8,
    "тоғыз": 9, "он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "алпыс": 60,
    "жетпіс": 70, "сексен": 80, "тоқсан": 90, "жүз": 100, "мың": 1000,
}
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
MONTHS = {
    "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6,
    "шілде": 7, "тамыз": 8, "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
}


def roman_value(numeral: str) -> int:
    values = [_ROMAN_VALUES[c] for c in numeral.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def stated_value(figure: str) -> float:
    """The number a figure states: '3,7 трлн.' -> 3.7e12, '2/3' -> 0.667, 'VII-ші' -> 7."""
    if m := re.match(r"(\d+)\s*/\s*(\d+)", figure):
        return int(m.group(1)) / int(m.group(2))
    if m := re.match(r"(\d+(?:,\d+)?)\s*(трлн|млрд|млн)?", figure):
        number = float(m.group(1).replace(",", "."))
        return number * _SCALES[m.group(2)] if m.group(2) else number
    if m := re.match(r"[IVXLCDM]+", figure):
        return roman_value(m.group())
    for word, value in sorted(_WORD_VALUES.items(), key=lambda kv: -len(kv[0])):
        if figure.lower().startswith(word):
            return value
    raise ValueError(f"no number in {figure!r}")


def stated_period(words: str) -> tuple[str, str] | None:
    """The period Kazakh words give: '2011 жылы 28-30 маусым' -> ('2011-06-28', '2011-06-30')."""
    years = re.search(r"(\d{4})(?:\s*-\s*(\d{4}))?\s*жыл", words)
    if not years:
        return None
    first, last = years.group(1), years.group(2) or years.group(1)
    months = "|".join(MONTHS)
    day_month = re.search(rf"(\d{{1,2}})(?:\s*-\s*(\d{{1,2}}))?\s*({months})", words)
    if day_month:
        month = MONTHS[day_month.group(3)]
        d1, d2 = int(day_month.group(1)), int(day_month.group(2) or day_month.group(1))
        return f"{first}-{month:02d}-{d1:02d}", f"{last}-{month:02d}-{d2:02d}"
    month_only = re.search(rf"({months})", words)
    if month_only:
        month = MONTHS[month_only.group(1)]
        return f"{first}-{month:02d}", f"{last}-{month:02d}"
    return first, last


def stated_precision(figure: str) -> float:
    """The rounding step the figure is written to, in the figure's own unit:
    '3,7 трлн.' -> 1e11, '12,03%' -> 0.01, '40%' -> 1, '538 млн' -> 1e6,
    '350 млн' -> 1e7. A percentage is read to its last written digit, even a
    zero; an amount's trailing zeros are read as rounding. A common fraction
    ('2/3') has no rounding step: its step is twice the stated band
    (``verdicts.FRACTION_BAND`` points), so that half of it is the band."""
    if re.match(r"(\d+)\s*/\s*(\d+)", figure):
        return 2 * FRACTION_BAND / 100
    m = re.match(r"(\d+)(?:,(\d+))?\s*(трлн|млрд|млн)?", figure)
    if not m:
        return 1.0
    whole, decimals, scale = m.groups()
    if decimals:
        step = 10.0 ** -len(decimals)
    elif "%" in figure:
        # a whole percentage ending in zero ('40%') is a round figure, read to the nearest five
        step = ROUND_PERCENT_STEP if whole.endswith("0") else 1.0
    else:
        step = 10.0 ** (len(whole) - len(whole.rstrip("0")))
    return step * (_SCALES[scale] if scale else 1)

