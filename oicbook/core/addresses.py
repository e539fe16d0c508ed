"""Which addresses the book's sources may give it: web addresses and DOIs only.

An address from ``references.bib``, ``CITATION.cff`` or a data file becomes a
link on a page, in the PDF and in the citation files; anything but ``http``,
``https`` or a DOI (``javascript:``, ``file:``, ``data:``) would become a live
link of another kind. :func:`bib_problems` and :func:`cff_problems` name such
an address by file, entry and field; validation (``oicbook.core.data``) stops
on them before any notebook runs.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml

WEB_SCHEMES = ("http", "https")
DOI = re.compile(r"^(doi:)?10\.\d{4,9}/[^\s<>\"]+$", re.IGNORECASE)
# Fields whose value becomes a link: BibTeX's, and CITATION.cff's at any depth.
BIB_LINK_FIELDS = ("url", "doi")
CFF_LINK_KEYS = ("url", "repository", "repository-code", "repository-artifact", "doi")
EXPECTED = "expected an http or https address, or a DOI"


def is_web_address(text: str) -> bool:
    """An ``http``/``https`` address with a host, and no space or control character in it."""
    if not text or any(ord(c) <= 32 or ord(c) == 127 for c in text):
        return False
    parts = urlsplit(text)
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.netloc)


def is_doi(text: str) -> bool:
    return bool(DOI.match(text or ""))


def is_link_address(text: str) -> bool:
    return is_web_address(text) or is_doi(text)


def unsafe(where: str, field: str, value: str) -> str:
    # The scheme alone is shown: the rest of a hostile address is not the reader's business.
    scheme = urlsplit(value).scheme or "(none)"
    return f"{where}, field '{field}': unsafe-address: the address is not a web address (scheme {scheme!r}); {EXPECTED}"


def bib_problems(root: Path) -> list[str]:
    """Every linking field of every entry of ``references.bib``."""
    from pybtex.database import parse_file

    try:
        text = (root / "references.bib").read_text(encoding="utf-8")
    except FileNotFoundError:
        return ["references.bib: file, (whole file): missing; expected the book's bibliography"]
    problems = []
    for key, entry in parse_file(str(root / "references.bib"), bib_format="bibtex").entries.items():
        for field in BIB_LINK_FIELDS:
            value = entry.fields.get(field)
            if value is not None and not (is_link_address(value) if field == "doi" else is_web_address(value)):
                problems.append(unsafe(f"references.bib: line {_line_of(text, key)} (entry '{key}')", field, value))
    return problems


def _line_of(text: str, key: str) -> int:
    found = re.search(r"@\w+\s*\{\s*" + re.escape(key) + r"\s*,", text)
    return text[: found.start()].count("\n") + 1 if found else 1


def cff_problems(root: Path) -> list[str]:
    """Every address in ``CITATION.cff``, at any depth (the book's, its references')."""
    problems: list[str] = []

    def walk(node, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in CFF_LINK_KEYS and isinstance(value, str):
                    ok = is_doi(value) if key == "doi" else is_web_address(value)
                    if not ok:
                        problems.append(unsafe(f"CITATION.cff: {where or 'top level'}", key, value))
                elif key == "identifiers" and isinstance(value, list):
                    for number, item in enumerate(value, 1):
                        if isinstance(item, dict) and item.get("type") in ("url", "doi") and isinstance(item.get("value"), str):
                            if not (is_doi(item["value"]) if item["type"] == "doi" else is_web_address(item["value"])):
                                problems.append(unsafe(f"CITATION.cff: {where + '.' if where else ''}identifiers[{number}]", "value", item["value"]))
                else:
                    walk(value, f"{where + '.' if where else ''}{key}")
        elif isinstance(node, list):
            for number, item in enumerate(node, 1):
                walk(item, f"{where}[{number}]")

    try:
        walk(yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8")) or {}, "")
    except FileNotFoundError:
        return ["CITATION.cff: file, (whole file): missing; expected the book's citation file"]
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "file"
        return [f"CITATION.cff: {where}, (whole file): invalid-citation-file: {type(exc).__name__}; expected UTF-8 YAML"]
    return problems
