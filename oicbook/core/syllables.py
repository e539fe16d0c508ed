"""Kazakh line breaks from the language's syllables.

Debian's TeX Live has no Kazakh hyphenation patterns, so the Kazakh PDF
hyphenates each word it prints by rule (``oicbook.sphinx.pdf``). A Kazakh
syllable begins with at most one consonant, so a word may break before
every consonant that a vowel follows: ор-на-лас-қан, сәй-кес-тен-ді-ріл-ген.
A break leaves at least two letters, one of them a vowel, on each side. The
rule never breaks a consonant cluster of a Russian loan word (министр-лер),
only before its last consonant, which is where Kazakh spelling allows it.
"""

from __future__ import annotations

import re

VOWELS = set("аәеёиоөуұүыіэюяАӘЕЁИОӨУҰҮЫІЭЮЯ")
# The soft and hard signs belong to the consonant before them and start no syllable.
SIGNS = set("ьъЬЪ")
CYRILLIC_WORD = re.compile(r"[а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ]+")
MIN_PART = 2


def is_consonant(letter: str) -> bool:
    return bool(CYRILLIC_WORD.fullmatch(letter)) and letter not in VOWELS and letter not in SIGNS


def breaks(word: str) -> list[int]:
    """The positions where ``word`` may break: before each consonant a vowel follows."""
    points = []
    for i in range(MIN_PART, len(word) - 1):
        if is_consonant(word[i]) and word[i + 1] in VOWELS and len(word) - i >= MIN_PART:
            before = word[points[-1] if points else 0:i]
            if any(letter in VOWELS for letter in before):
                points.append(i)
    return points


def hyphenated(word: str) -> str:
    """The word with a hyphen at each break: 'ор-на-лас-қан'."""
    parts, at = [], 0
    for point in breaks(word):
        parts.append(word[at:point])
        at = point
    return "-".join(parts + [word[at:]])
