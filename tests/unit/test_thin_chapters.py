"""Theme chapters stay thin: their code cells call one section function of
``oicbook.report.chapters`` each and glue it, so a downloaded notebook reads as
prose with short code. No claim id is typed into a code cell."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CHAPTERS = Path(__file__).resolve().parents[2] / "chapters"
THEMES = ["political", "economy", "halal", "humanitarian"]
MOST_CODE = 0.35  # the share of a chapter's non-blank lines that may be code


def lines(text: str) -> tuple[list[str], list[str]]:
    """A MyST notebook's non-blank body lines, split into code and prose."""
    body = text.split("---", 2)[2] if text.startswith("---") else text
    code, prose, in_code = [], [], False
    for line in body.splitlines():
        if line.startswith("```{code-cell}"):
            in_code = True
        elif in_code and line.startswith("```"):
            in_code = False
        elif line.strip():
            (code if in_code else prose).append(line)
    return code, prose


def test_line_split_counts_cells():
    code, prose = lines("---\nx: 1\n---\n# T\n\n```{code-cell} ipython3\n:tags: [remove-cell]\n\na = 1\n```\ntext\n")
    assert code == [":tags: [remove-cell]", "a = 1"] and prose == ["# T", "text"]


@pytest.mark.parametrize("chapter", THEMES)
def test_theme_chapter_code_share(chapter):
    code, prose = lines((CHAPTERS / f"{chapter}.md").read_text(encoding="utf-8"))
    assert len(code) / (len(code) + len(prose)) <= MOST_CODE


@pytest.mark.parametrize("chapter", THEMES)
def test_no_claim_id_typed_in_code(chapter):
    code, _ = lines((CHAPTERS / f"{chapter}.md").read_text(encoding="utf-8"))
    assert [line for line in code if re.search(r"\bC\d{3}\b", line)] == []
