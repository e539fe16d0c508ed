"""Data text has one way onto a page: ``oicbook.report.markup``. No chapter or module
builds Markdown by string formatting: none makes IPython's ``Markdown`` itself,
writes a role or a bold mark into an f-string, or joins cells with a plain
string join where Markdown is built."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHAPTERS = sorted((REPO / "chapters").glob("*.md"))
MODULES = sorted(p for p in (REPO / "oicbook").rglob("*.py") if p.name not in {"markup.py", "preamble.py"})

# Markdown made by hand from values: the ways it was done before markup existed.
BY_HAND = {
    "IPython Markdown made directly": re.compile(r"(?<![\w.])Markdown\("),
    "a role written into an f-string": re.compile(r"""f["'][^"'\n]*\{\{(ref|cite|kk|term|numref)"""),
    "bold written into an f-string": re.compile(r"""f["'][^"'\n]*\*\*\{"""),
    "a table from DataFrame.to_markdown": re.compile(r"\.to_markdown\("),
}


def code_cells(path: Path) -> str:
    return "\n".join(re.findall(r"```\{code-cell\}[^\n]*\n(.*?)```", path.read_text(encoding="utf-8"), re.S))


@pytest.mark.parametrize("path", CHAPTERS + MODULES, ids=lambda p: p.name)
def test_no_markdown_is_built_by_hand(path):
    code = code_cells(path) if path.suffix == ".md" else path.read_text(encoding="utf-8")
    found = {what: pattern.findall(code) for what, pattern in BY_HAND.items()}
    assert not any(found.values()), {k: v for k, v in found.items() if v}


def test_the_check_finds_markdown_built_by_hand():
    sample = 'glue("x", Markdown(f"**{mark(v)}** {{ref}}`a`"), display=False)\nframe.to_markdown(index=False)'
    assert all(pattern.search(sample) for pattern in BY_HAND.values())
