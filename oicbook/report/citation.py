"""How to cite the book and its chapters, made from ``CITATION.cff``: an
APA-style line and a BibTeX entry."""

from __future__ import annotations

from pathlib import Path

from ..core import inputs, paths
from .display import when


def _cff(root: Path | None = None) -> dict:
    import yaml

    root = root or paths.book_root()
    inputs.record(root, "CITATION.cff")
    return yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))


def _authors(cff: dict) -> str:
    return ", ".join(a.get("name") or f"{a['family-names']}, {a['given-names']}" for a in cff["authors"])


def book_title(root: Path | None = None) -> str:
    """The book's title, as CITATION.cff gives it."""
    return _cff(root)["title"]


LICENCES = {"CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/"}


def book_metadata(root: Path | None = None) -> dict:
    """What a page's head says of the book, all from CITATION.cff."""
    cff = _cff(root)
    return {
        "title": cff["title"],
        "authors": [a.get("name") or f"{a['family-names']}, {a['given-names']}" for a in cff["authors"]],
        "date": str(cff["date-released"]),
        "version": str(cff["version"]),
        "license": cff["license"],
        "license_url": LICENCES[cff["license"]],
        "keywords": ", ".join(cff.get("keywords", [])),
        "abstract": " ".join(cff["abstract"].split()),
    }


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
    apa = f"{authors} ({year}). {title}. In {cff['title']} (Version {cff['version']}, released {when(str(cff['date-released']))})."
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
