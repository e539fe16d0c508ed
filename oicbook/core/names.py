"""Country names found in the article's Kazakh text."""

from __future__ import annotations

import re

from .text import LOWER, UPPER


def named_countries(text: str, names: list[tuple[str, str]]) -> list[str]:
    """ISO3 codes of the countries a text names, in order of first mention.
    ``names``: (Kazakh stem, ISO3), matched at the start of a word."""
    found = []
    for stem, iso3 in names:
        m = re.search(rf"(?<![{LOWER}{UPPER}\w]){re.escape(stem)}", text)
        if m:
            found.append((m.start(), iso3))
    return [iso3 for _, iso3 in sorted(found)]
