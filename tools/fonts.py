"""The fonts the PDF sets its text in, and which characters they have.

Body text and table cells are set in DejaVu Serif; a run of Arabic script in
Amiri (``oicbook.sphinx.pdf``). The invisible bidirectional marks the LaTeX
preamble drops (catcode 9) need no glyph. ``tools.build`` checks every data
text cell against these before any notebook runs.
"""

from __future__ import annotations

import subprocess
from functools import lru_cache

from fontTools.ttLib import TTFont

from oicbook.core.data import DataError
from oicbook.sphinx.pdf import ARABIC_FONT, ARABIC_RUN

TEXT_FONT = "DejaVu Serif"
# The characters the preamble of _config.yml makes ignored (catcode 9).
DROPPED = {"\u200e", "\u200f", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))}


@lru_cache(maxsize=None)
def _cmap(family: str) -> frozenset[int]:
    try:
        path = subprocess.run(["fc-match", "-f", "%{file}", f"{family}:style=Regular"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        raise DataError(f"fonts: cannot find the font '{family}' (fc-match: {exc}); expected it installed (make book installs it)") from exc
    font = TTFont(path, fontNumber=0, lazy=True)
    if font["name"].getBestFamilyName() != family:
        raise DataError(f"fonts: '{family}' is not installed (fc-match gave {path}); expected it installed (make book installs it)")
    return frozenset(font.getBestCmap())


def has_glyph(char: str) -> bool:
    """Whether the PDF can set ``char`` where data text puts it."""
    if char in DROPPED or char.isspace():
        return True
    if ARABIC_RUN.fullmatch(char):
        return ord(char) in _cmap(ARABIC_FONT)
    return ord(char) in _cmap(TEXT_FONT)


FONTS = f"{TEXT_FONT}; {ARABIC_FONT} for Arabic script"
