"""Normalise and segment the source article.

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
