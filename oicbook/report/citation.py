"""How to cite the book and its chapters, made from ``CITATION.cff``: an
APA-style line and a BibTeX entry."""

from __future__ import annotations

import json
from pathlib import Path

from ..core import editions, inputs, paths
from .labels import t
from .numbers import language


def _cff(root: Path | None = None) -> dict:
    import yaml

    root = root or paths.book_root()
    inputs.record(root, "CITATION.cff")
    return yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))


def _author_names(cff: dict) -> list[str]:
    """Each author as CITATION.cff gives them: a group's name, or 'Family, Given'."""
    return [a.get("name") or f"{a['family-names']}, {a['given-names']}" for a in cff["authors"]]


def _authors(cff: dict) -> str:
    return ", ".join(_author_names(cff))


def _title(cff: dict, lang: str | None = None) -> str:
    """The edition's title: CITATION.cff's in English, its translation (``edition.title``) in another edition."""
    lang = lang or language()
    return cff["title"] if lang == editions.SOURCE else t("edition.title", lang)


def _abstract(cff: dict) -> str:
    return " ".join(cff["abstract"].split()) if language() == editions.SOURCE else t("edition.abstract")


def book_title(root: Path | None = None, lang: str | None = None) -> str:
    """The title of the edition in ``lang`` (default: this one's), CITATION.cff's in English."""
    return _title(_cff(root), lang)


LICENCES = {"CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/"}


def book_metadata(root: Path | None = None) -> dict:
    """What a page's head says of the book, all from CITATION.cff."""
    cff = _cff(root)
    return {
        "title": _title(cff),
        "authors": _author_names(cff),
        "date": str(cff["date-released"]),
        "version": str(cff["version"]),
        "license": cff["license"],
        "license_url": LICENCES[cff["license"]],
        "keywords": ", ".join(cff.get("keywords", [])),
        "abstract": _abstract(cff),
        "url": public_url(cff),
        "repository": cff.get("repository-code", ""),
    }


def source_article(root: Path | None = None) -> dict[str, str]:
    """The article the book reads, as CITATION.cff's first reference gives it."""
    article = (_cff(root).get("references") or [{}])[0]
    return {"title": article.get("title", ""), "url": article.get("url", "")}


def _site(cff: dict) -> str:
    """CITATION.cff's ``url``, the one place the site's address is set, ending
    in a slash; empty until the book is published."""
    url = cff.get("url", "")
    return url if not url or url.endswith("/") else url + "/"


def site_url(root: Path | None = None) -> str:
    """The site's root, where the English edition is and the other editions' folders."""
    return _site(_cff(root))


def public_url(cff: dict) -> str:
    """Where this edition is read online: the site, or its folder on the site
    (``kk/``); empty until the book is published."""
    site = _site(cff)
    return site + editions.folder(language()) if site else ""


def page_url(cff: dict, page: str) -> str:
    """A page's public address (``page`` as Sphinx names it), or empty while the book has none."""
    url = public_url(cff)
    return f"{url}{page}.html" if url else ""


STYLE = "APA 7"


def _apa_authors(cff: dict) -> str:
    """APA's author element: a group author as written, ending in a full stop."""
    authors = _authors(cff)
    return authors if authors.endswith(".") else authors + "."


def book_citation(root: Path | None = None) -> dict[str, str]:
    """The whole-book citation, from ``CITATION.cff``: an APA 7 line (its title
    to be set in italics: ``title``) and BibTeX."""
    cff = _cff(root)
    authors, year = _authors(cff), str(cff["date-released"])[:4]
    url = public_url(cff)
    before = f"{_apa_authors(cff)} ({year}). "
    after = f" ({t('cite.version_name')} {cff['version']})."
    bibtex = _bibtex("book", "oic_chairmanship_book", [
        ("author", f"{{{authors}}}"), ("title", _title(cff)), ("publisher", authors), ("year", year),
        ("version", str(cff["version"])), ("url", url), ("note", t("cite.released", date=cff["date-released"]))])
    return _line(before, _title(cff), after, url, bibtex)


def _line(before: str, title: str, after: str, url: str, bibtex: str) -> dict[str, str]:
    """A citation's parts: the APA line (``title`` in italics, then the
    ``url`` once the book has one) and the BibTeX entry."""
    apa = before + title + after + (f" {url}" if url else "")
    return {"apa": apa, "before": before, "title": title, "after": after, "url": url, "style": STYLE, "bibtex": bibtex}


# Titles are braced whole: BibTeX styles lower-case a title's words, and a
# title's proper nouns ('Islamic', 'Kazakhstan') must keep their capitals.
PROTECTED = ("title", "booktitle")


def _braced(name: str, value: str) -> str:
    return f"{{{{{value}}}}}" if name in PROTECTED else f"{{{value}}}"


def _bibtex(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    """A BibTeX entry, its fields aligned, an empty field left out."""
    width = max(len(name) for name, _ in fields)
    lines = [f"  {name.ljust(width)} = {_braced(name, value)}" for name, value in fields if value]
    return f"@{kind}{{{key},\n" + ",\n".join(lines) + "\n}"


def chapter_citation(title: str, key: str, root: Path | None = None, page: str = "") -> dict[str, str]:
    """A chapter's citation as APA 7 gives a chapter of a book: the chapter's
    title, then "In" the book's title (in italics: ``title``), its version and
    the chapter's address (``page``, as Sphinx names it) once the book has one."""
    cff = _cff(root)
    authors, year = _authors(cff), str(cff["date-released"])[:4]
    url = page_url(cff, page) if page else ""
    before = f"{_apa_authors(cff)} ({year}). {title}. {t('cite.in_book')} "
    after = f" ({t('cite.version_name')} {cff['version']})."
    bibtex = _bibtex("incollection", f"oic_chairmanship_{key}", [
        ("author", f"{{{authors}}}"), ("title", title), ("booktitle", _title(cff)), ("publisher", authors),
        ("year", year), ("version", str(cff["version"])), ("url", url), ("note", t("cite.released", date=cff["date-released"]))])
    return _line(before, _title(cff), after, url, bibtex)


def chapter_formats(title: str, key: str, language: str, root: Path | None = None, page: str = "") -> dict[str, str]:
    """A chapter's citation for reference managers: BibTeX, RIS and CSL-JSON, by file suffix."""
    cff = _cff(root)
    released = str(cff["date-released"])
    authors = _author_names(cff)
    url = page_url(cff, page) if page else ""
    ris = ["TY  - CHAP", *[f"AU  - {a}" for a in authors], f"PY  - {released[:4]}", f"DA  - {released.replace('-', '/')}",
           f"TI  - {title}", f"T2  - {_title(cff)}", f"PB  - {_authors(cff)}", f"ET  - {cff['version']}",
           *([f"UR  - {url}"] if url else []), f"LA  - {language}", "ER  - "]
    csl = [{
        "id": f"oic_chairmanship_{key}",
        "type": "chapter",
        "title": title,
        "container-title": _title(cff),
        "author": [{"literal": a} for a in authors],
        "issued": {"date-parts": [[int(part) for part in released.split("-")]]},
        "version": str(cff["version"]),
        "publisher": _authors(cff),
        "language": language,
        **({"URL": url} if url else {}),
    }]
    return {".bib": chapter_citation(title, key, root, page)["bibtex"] + "\n", ".ris": "\r\n".join(ris) + "\r\n",
            ".json": json.dumps(csl, ensure_ascii=False, indent=1) + "\n"}
