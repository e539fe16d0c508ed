"""Normalise, segment and scan the source article.

Every rewrite goes through :class:`Traced`, which remembers for each character
of the normalised text the span of the raw seed it came from. That is what lets
a sentence be shown both as written and as normalised.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import pysbd

LOWER = "а-яёәіңғүұқөһ"
UPPER = "А-ЯЁӘІҢҒҮҰҚӨҺ"


@dataclass
class Traced:
    """Text plus, per character, the raw span ``(start, end)`` it stands for."""

    text: str
    spans: list[tuple[int, int]]
    changes: list[tuple[int, int, str]] = field(default_factory=list)

    @classmethod
    def of(cls, raw: str) -> "Traced":
        return cls(raw, [(i, i + 1) for i in range(len(raw))])

    def sub(self, pattern: str, repl: str, rule: str) -> "Traced":
        """Apply ``re.sub`` and keep the origin map and a change log."""
        out, spans, changes = [], [], list(self.changes)
        pos = 0
        for m in re.finditer(pattern, self.text):
            out.append(self.text[pos : m.start()])
            spans.extend(self.spans[pos : m.start()])
            new = m.expand(repl)
            raw_start = self.spans[m.start()][0]
            raw_end = self.spans[m.end() - 1][1] if m.end() > m.start() else raw_start
            out.append(new)
            spans.extend([(raw_start, raw_end)] * len(new))
            changes.append((raw_start, raw_end, rule))
            pos = m.end()
        out.append(self.text[pos:])
        spans.extend(self.spans[pos:])
        return Traced("".join(out), spans, changes)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return self.spans[start][0], self.spans[end - 1][1]


# Ordered rewrite rules: (rule id, pattern, replacement). Documented in the
# source-text appendix, which renders NORMALISATION_RULES with their reasons.
NORMALISATION_RULES: list[tuple[str, str, str, str]] = [
    ("schwa", "ə", "ә", "Latin small schwa U+0259 written for Cyrillic ә U+04D9"),
    ("schwa", "Ə", "Ә", "Latin capital schwa U+018F written for Cyrillic Ә U+04D8"),
    ("nbsp", "\u00a0", " ", "non-breaking space made an ordinary space"),
    ("split-word", rf"(?<=[{LOWER}])- +(?=[{LOWER}])", "",
     "a word hyphenated at a line end by the extraction is rejoined"),
    ("paragraph-join", r"([.:])\.+(?=\S)", "\\1\n\n",
     "two paragraphs glued by '..' (or ':.', '...') are split again"),
    ("glued-stop", rf"(?<=[{LOWER}])\.(?=\d)", " ",
     "a stray full stop glued between a word and a number is a lost line break"),
    ("spaces", r"(?<=\S) {2,}(?=\S)", " ", "a run of spaces made one space"),
]


def normalise(raw: str, compounds: list[tuple[str, str]]) -> Traced:
    """Apply the rules, then the compound decisions ``(written, normalised)``."""
    t = Traced.of(raw)
    for rule, pattern, repl, _why in NORMALISATION_RULES:
        t = t.sub(pattern, repl, rule)
    for written, normalised in compounds:
        t = t.sub(rf"(?<![{LOWER}{UPPER}\w]){re.escape(written)}", normalised, "compound")
    return t


# Segmenter fixes: pySBD ends a sentence at these, wrongly.
_INITIAL_END = re.compile(rf"(?:^|\s)[{UPPER}A-Z]\.\s*$")
_ABBREV_END = re.compile(r"(?:трлн|млрд|млн)\.\s*$")
_REF_ONLY = re.compile(r"^\s*\[\d+\]\s*\.?\s*$")


@dataclass
class Sentence:
    id: str
    paragraph: int
    kind: str
    raw_start: int
    raw_end: int
    text: str
    changes: str


def _segments(paragraph: str) -> list[tuple[int, int]]:
    seg = pysbd.Segmenter(language="kk", clean=False, char_span=True)
    spans = [(s.start, s.end) for s in seg.segment(paragraph)]
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        piece = paragraph[start:end]
        if merged:
            prev = paragraph[merged[-1][0] : merged[-1][1]]
            if _INITIAL_END.search(prev) or _ABBREV_END.search(prev) or _REF_ONLY.match(piece):
                merged[-1] = (merged[-1][0], end)
                continue
        merged.append((start, end))
    return merged


def _describe(changes: list[tuple[int, int, str]], start: int, end: int, internal_breaks: int) -> str:
    counts = Counter(rule for s, e, rule in changes if s >= start and e <= end)
    if internal_breaks:
        counts["line-break"] += internal_breaks
    return "; ".join(f"{rule}:{n}" for rule, n in sorted(counts.items()))


def segment(traced: Traced) -> list[Sentence]:
    sentences: list[Sentence] = []
    text = traced.text
    # Paragraphs are separated by a blank line; a single newline stays inside one.
    for number, m in enumerate(re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text), 1):
        para_start = m.start()
        for s, e in _segments(m.group()):
            piece = text[para_start + s : para_start + e]
            lead = len(piece) - len(piece.lstrip())
            body = piece.strip()
            if not body:
                continue
            a = para_start + s + lead
            b = a + len(body)
            raw_start, raw_end = traced.raw_span(a, b)
            clean = re.sub(r"\s+", " ", body)
            sentences.append(
                Sentence(
                    id=f"S{len(sentences) + 1:03d}",
                    paragraph=number,
                    kind="heading" if not re.search(r"\s", clean) else "sentence",
                    raw_start=raw_start,
                    raw_end=raw_end,
                    text=clean,
                    changes=_describe(traced.changes, raw_start, raw_end, body.count("\n")),
                )
            )
    return sentences


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
    '3,7 трлн.' -> 1e11, '12,03%' -> 0.01, '40%' -> 10, '2/3' -> 1/3, '538 млн' -> 1e6."""
    if m := re.match(r"(\d+)\s*/\s*(\d+)", figure):
        return 1 / int(m.group(2))
    m = re.match(r"(\d+)(?:,(\d+))?\s*(трлн|млрд|млн)?", figure)
    if not m:
        return 1.0
    whole, decimals, scale = m.groups()
    step = 10.0 ** -len(decimals) if decimals else 10.0 ** (len(whole) - len(whole.rstrip("0")))
    return step * (_SCALES[scale] if scale else 1)


def listed_items(text: str) -> list[str]:
    """The items of a list the sentence gives after a dash: '… 4 бағытын – сауда,
    транспорт, туризм және қаржы.' -> ['сауда', 'транспорт', 'туризм', 'қаржы']."""
    if "–" not in text:
        return []
    tail = text.split("–", 1)[1].strip().rstrip(".")
    return [item.strip() for item in re.split(r",\s*|\s+және\s+", tail) if item.strip()]


def named_countries(text: str, names: list[tuple[str, str]]) -> list[str]:
    """ISO3 codes of the countries a text names, in order of first mention.
    ``names``: (Kazakh stem, ISO3), matched at the start of a word."""
    found = []
    for stem, iso3 in names:
        m = re.search(rf"(?<![{LOWER}{UPPER}\w]){re.escape(stem)}", text)
        if m:
            found.append((m.start(), iso3))
    return [iso3 for _, iso3 in sorted(found)]
