"""The book's bibliography (``references.bib``) as data: keys by url."""

from __future__ import annotations

from pathlib import Path

from pybtex.database import parse_file

from . import paths


def bib_keys_by_url(root: Path | None = None) -> dict[str, str]:
    """Map each entry's url to its key, to cite a data row's source by its url."""
    database = parse_file(str((root or paths.book_root()) / "references.bib"), bib_format="bibtex")
    return {entry.fields["url"]: key for key, entry in database.entries.items() if "url" in entry.fields}


def _cff(root: Path | None = None) -> dict:
    import yaml

    return yaml.safe_load(((root or paths.book_root()) / "CITATION.cff").read_text(encoding="utf-8"))


def _authors(cff: dict) -> str:
    return ", ".join(a.get("name") or f"{a['family-names']}, {a['given-names']}" for a in cff["authors"])


def book_citation(root: Path | None = None) -> dict[str, str]:
    """The whole-book citation, from ``CITATION.cff``: an APA-style line and BibTeX."""
    cff = _cff(root)
    authors, year = _authors(cff), str(cff["date-released"])[:4]
    apa = f"{authors} ({year}). {cff['title']} (Version {cff['version']})."
    bibtex = (
        "@book{oic_chairmanship_book,\n"
        f"  author  = {{{{{authors}}}}},\n"
        f"  title   = {{{cff['title']}}},\n"
        f"  year    = {{{year}}},\n"
        f"  version = {{{cff['version']}}},\n"
        f"  note    = {{Released {cff['date-released']}}}\n"
        "}"
    )
    return {"apa": apa, "bibtex": bibtex}


def chapter_citation(title: str, key: str, root: Path | None = None) -> dict[str, str]:
    """A chapter's citation: the chapter's title within the book, with version and date."""
    cff = _cff(root)
    authors, year = _authors(cff), str(cff["date-released"])[:4]
    apa = f"{authors} ({year}). {title}. In {cff['title']} (Version {cff['version']}, released {cff['date-released']})."
    bibtex = (
        f"@incollection{{oic_chairmanship_{key},\n"
        f"  author    = {{{{{authors}}}}},\n"
        f"  title     = {{{title}}},\n"
        f"  booktitle = {{{cff['title']}}},\n"
        f"  year      = {{{year}}},\n"
        f"  version   = {{{cff['version']}}},\n"
        f"  note      = {{Released {cff['date-released']}}}\n"
        "}"
    )
    return {"apa": apa, "bibtex": bibtex}


def bib_keys(root: Path | None = None) -> set[str]:
    """Every key in references.bib."""
    return set(parse_file(str((root or paths.book_root()) / "references.bib"), bib_format="bibtex").entries)
