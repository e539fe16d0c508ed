"""The book's bibliography (``references.bib``) as data: keys by url."""

from __future__ import annotations

from pathlib import Path

from pybtex.database import parse_file

from . import inputs, paths


def bib_keys_by_url(root: Path | None = None) -> dict[str, str]:
    """Map each entry's url to its key, to cite a data row's source by its url."""
    root = root or paths.book_root()
    inputs.record(root, "references.bib")
    database = parse_file(str(root / "references.bib"), bib_format="bibtex")
    return {entry.fields["url"]: key for key, entry in database.entries.items() if "url" in entry.fields}


def bib_keys(root: Path | None = None) -> set[str]:
    """Every key in references.bib."""
    return set(parse_file(str((root or paths.book_root()) / "references.bib"), bib_format="bibtex").entries)
