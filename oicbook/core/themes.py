"""The text measure: which themes the article gives its sentences to.

A sentence belongs to a theme when one of its words begins with one of the
theme's stems. Kazakh is agglutinative (банк, банктер, банкіне), so stems are
matched at the start of a word, never inside one.
"""

from __future__ import annotations

import re

import pandas as pd

from .text import LOWER, UPPER

_WORD = re.compile(rf"[{LOWER}{UPPER}]+(?:-[{LOWER}{UPPER}]+)*")


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def theme_matrix(sentences: pd.DataFrame, stems: pd.DataFrame) -> pd.DataFrame:
    """A boolean table: one row per sentence (indexed by id), one column per theme."""
    by_theme = stems.groupby("theme", sort=False)["stem"].apply(tuple)
    rows = {}
    for sid, text in zip(sentences["id"], sentences["text"]):
        tokens = words(text)
        rows[sid] = {theme: any(tok.startswith(stem) for tok in tokens for stem in group) for theme, group in by_theme.items()}
    return pd.DataFrame.from_dict(rows, orient="index")


def matched_stems(text: str, stems: pd.DataFrame) -> list[str]:
    tokens = words(text)
    return sorted({stem for stem in stems["stem"] if any(tok.startswith(stem) for tok in tokens)})
