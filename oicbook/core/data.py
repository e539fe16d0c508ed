"""The only way chapters read data: ``load(name)``.

Each resource is validated against ``data/datapackage.json`` (types,
constraints, primary and foreign keys) before it is read. A failure raises
:class:`DataError`, whose message names the file, the row and the field and
says what was expected. ``python -m oicbook.core.data`` validates everything, which
is the build's first step, so bad input stops it before any notebook runs.

Data is validated once per build: ``validate_all`` leaves a stamp in
``_build/`` with each resource's digest (its description, its file, the files
its foreign keys reach, and the seed for the sentences), and ``load`` trusts a
resource whose digest is stamped, so no notebook kernel validates again. A
notebook run outside the build, or after an edit, validates what it reads once.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import re
import sys
import unicodedata
from datetime import date
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import pandas as pd

from . import addresses, inputs, paths
from .bib import bib_keys, bib_keys_by_url

if TYPE_CHECKING:
    import frictionless

MAX_LISTED = 10


class DataError(ValueError):
    """A data file does not match its description in the data package."""


def _expected(field: frictionless.Field | None) -> str:
    if field is None:
        return "a value matching the schema"
    parts = [field.type]
    for key, value in (field.constraints or {}).items():
        parts.append(f"{key}={value!r}" if key != "required" else "required")
    return ", ".join(parts)


def _describe(path: str, resource: frictionless.Resource, error) -> str:
    """One line: file, row, field, what is wrong, what was expected, what was found.

    Built from what the error carries, never assuming it: a malformed row may
    have fewer cells than the schema has fields."""
    row = getattr(error, "row_number", None)
    label = getattr(error, "field_name", None) or getattr(error, "label", None)
    where = f"line {row} (data row {row - 1})" if row else "header row" if label else "file"
    schema = resource.schema
    cells = list(getattr(error, "cells", None) or [])
    if error.type == "foreign-key":
        names = list(getattr(error, "field_names", None) or [])
        fk = next((k for k in schema.foreign_keys if k["fields"] in (names, names[0] if names else None)), None)
        ref = (fk or {}).get("reference", {})
        expected = f"a value present in resource '{ref.get('resource', '?')}', field {ref.get('fields', '?')!r}"
        found = getattr(error, "field_cells", None)
    elif error.type == "primary-key":
        names = list(schema.primary_key)
        expected = f"a unique primary key {tuple(names)}"
        found = [_cell(cells, schema.field_names.index(n)) for n in names if n in schema.field_names]
    else:
        names = [label] if label else []
        field = schema.get_field(names[0]) if names and schema.has_field(names[0]) else None
        expected = _expected(field)
        if error.type == "constraint-error":  # the rule is the descriptor's, and may be what is wrong
            expected += f", as {DESCRIPTOR} describes the field"
        found = getattr(error, "cell", None)
    fields = ", ".join(f"field '{n}'" for n in names) or "(no single field)"
    note = error.note or error.message
    shown = f"; found {found!r}" if found not in (None, "", []) else ""
    return f"{path}: {where}, {fields}: {error.type}: {note}; expected {expected}{shown}"


def _cell(cells: list, index: int):
    return cells[index] if index < len(cells) else None


DESCRIPTOR = "data/datapackage.json"


def _descriptor(root: Path) -> dict:
    """The descriptor as JSON, its shape checked (no frictionless needed)."""
    raw = _descriptor_bytes(root)
    try:
        parsed = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        _package(root)  # raises the error that names the line
        raise
    _check_descriptor(parsed)
    return parsed


def _descriptor_bytes(root: Path) -> bytes:
    try:
        return (root / DESCRIPTOR).read_bytes()
    except FileNotFoundError as exc:
        raise DataError(f"{DESCRIPTOR}: file, (whole file): missing; expected the data package descriptor") from exc


def _package(root: Path) -> frictionless.Package:
    descriptor = root / DESCRIPTOR
    try:
        raw = descriptor.read_bytes()
    except FileNotFoundError as exc:
        raise DataError(f"{DESCRIPTOR}: file, (whole file): missing; expected the data package descriptor") from exc
    try:
        parsed = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(f"{DESCRIPTOR}: line {line}: encoding-error: byte {exc.start} is not UTF-8; expected UTF-8 JSON") from exc
    except json.JSONDecodeError as exc:
        raise DataError(f"{DESCRIPTOR}: line {exc.lineno}, column {exc.colno}: invalid-json: {exc.msg}; expected a JSON data package descriptor") from exc
    _check_descriptor(parsed)
    key = (str(root), hashlib.sha256(raw).hexdigest())
    if key not in _PACKAGES:
        _PACKAGES[key] = _frictionless_package(parsed, root)
    return _PACKAGES[key]


_PACKAGES: dict[tuple[str, str], frictionless.Package] = {}  # one per book root and descriptor, as validation reads it


def _frictionless_package(parsed: dict, root: Path) -> frictionless.Package:
    # jsonschema, under frictionless, imports rfc3987_syntax for its "iri" format
    # check alone, which no profile of this package uses; building that grammar
    # costs about 7 s in every process that validates (the build's first step,
    # `make validate`, the tests). Kernels trust the stamp and never validate.
    sys.modules.setdefault("rfc3987_syntax", None)
    import frictionless  # only to validate: a kernel reading stamped data never imports it

    try:
        return frictionless.Package(parsed, basepath=str(root / "data"))
    except frictionless.FrictionlessException as exc:
        raise DataError(f"{DESCRIPTOR}: the data package descriptor is invalid: {exc.error.message}") from exc
    except (TypeError, ValueError, AttributeError, KeyError) as exc:  # frictionless on a descriptor of the wrong shape
        raise DataError(f"{DESCRIPTOR}: the data package descriptor is invalid: {type(exc).__name__}: {exc}") from exc


def _check_descriptor(parsed) -> None:
    """The shape the loader relies on, and every resource's file inside data/."""
    if not isinstance(parsed, dict) or not isinstance(parsed.get("resources"), list):
        raise DataError(f"{DESCRIPTOR}: (whole file), field 'resources': invalid-descriptor: expected an object with a list of resources")
    for number, resource in enumerate(parsed["resources"], 1):
        if not isinstance(resource, dict) or not isinstance(resource.get("name"), str) or not isinstance(resource.get("path"), str):
            raise DataError(f"{DESCRIPTOR}: resource {number}, fields 'name' and 'path': invalid-descriptor: expected a name and a path, both text")
        if resource.get("type") == "file":
            if not isinstance(resource.get("hash"), str) or not resource["hash"].startswith("sha256:"):
                raise DataError(f"{DESCRIPTOR}: resource '{resource['name']}', field 'hash': invalid-descriptor: expected a raw file's 'sha256:' digest")
        elif not isinstance(resource.get("schema"), dict) or not isinstance(resource["schema"].get("fields"), list):
            raise DataError(f"{DESCRIPTOR}: resource '{resource['name']}', field 'schema': invalid-descriptor: expected a table schema with a list of fields")
        path = resource["path"]
        inside = PurePosixPath(path)
        if "://" in path or "\\" in path or inside.is_absolute() or ".." in inside.parts or not inside.parts or ":" in inside.parts[0]:
            raise DataError(
                f"{DESCRIPTOR}: resource '{resource['name']}', field 'path': path-outside-data: {path!r} leaves data/; "
                "expected a relative path to a file inside data/"
            )


def _resource(package: frictionless.Package, name: str) -> frictionless.Resource:
    if not package.has_resource(name):
        known = ", ".join(sorted(r.name for r in package.resources))
        raise DataError(f"data/datapackage.json: no resource named '{name}'; expected one of: {known}")
    return package.get_resource(name)


def _described(descriptor: dict, name: str) -> dict:
    by_name = {r["name"]: r for r in descriptor["resources"]}
    if name not in by_name:
        raise DataError(f"data/datapackage.json: no resource named '{name}'; expected one of: {', '.join(sorted(by_name))}")
    return by_name[name]


def _check(package: frictionless.Package, name: str, root: Path) -> None:
    resource = _resource(package, name)
    path = f"data/{resource.path}"
    if not paths.inside(root / path, paths.data_dir(root)):
        raise DataError(f"{path}: file, (whole file): outside-data: the file resolves outside data/ (a symbolic link); expected a file inside data/ (its content was not read)")
    if not (root / path).is_file():
        raise DataError(f"{path}: file, (whole file): missing; expected the file described by resource '{name}'")
    raw = (root / path).read_bytes()
    if not resource.tabular:  # a raw file kept as published: its digest must match
        return _check_file(path, resource, raw)
    if raw.startswith(b"\xef\xbb\xbf"):
        first = resource.schema.field_names[0] if resource.schema.field_names else "?"
        raise DataError(f"{path}: row 1 (header), field '{first}': encoding-error: the file starts with a UTF-8 byte order mark; expected UTF-8 without one")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw[: exc.start].count(b"\n") + 1
        column = raw[line_start : exc.start].count(b",")  # the cell the bad byte sits in
        names = resource.schema.field_names
        field = f"field '{names[column]}'" if column < len(names) else "(beyond the last field)"
        raise DataError(f"{path}: line {line} (data row {line - 1}), {field}: encoding-error: byte {exc.start} is not UTF-8; expected UTF-8 text") from exc
    report = resource.validate()
    errors = [_describe(path, resource, e) for task in report.tasks for e in task.errors]
    errors += [_describe(path, resource, e) for e in report.errors]
    if not errors:
        errors = _book_rules(path, resource, root)
    _raise_all(path, errors)


def _check_file(path: str, resource, raw: bytes) -> None:
    expected = resource.hash.split(":", 1)[1]
    found = hashlib.sha256(raw).hexdigest()
    if found != expected:
        raise DataError(f"{path}: file, (whole file), field 'hash': hash-mismatch: the raw file was changed; expected SHA-256 {expected}; found {found}")


HTML = re.compile(r"<\s*[A-Za-z/!?]")
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DATE_YEARS = (1960, 2030)


def _book_rules(path: str, resource: frictionless.Resource, root: Path) -> list[str]:
    """Rules a table schema cannot state: plain text in every text cell (no
    HTML, no control character: data text must never become live markup), web
    addresses only, finite numbers, ranges that end after they start, real
    dates within the book's years, known bibliography keys."""
    fields = resource.schema.fields
    text_fields = [f.name for f in fields if f.type == "string"]
    number_fields = [f.name for f in fields if f.type == "number"]
    date_fields = [f.name for f in fields if (f.constraints or {}).get("pattern") == DATE_PATTERN]
    address_fields = [f.name for f in fields if f.format == "uri"]
    # A row's source is cited by its url, so the url must be an entry's.
    cited_fields = [f.name for f in fields if f.name in ("source_url", "url") and f.format == "uri"]
    ranges = _ranges(fields)
    keys = urls = None
    problems = []
    with open(root / path, encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            where = f"{path}: line {line} (data row {line - 1})"
            for name in text_fields:
                if HTML.search(row.get(name) or ""):
                    problems.append(f"{where}, field '{name}': html-in-text: the cell holds markup; expected plain text; found {row[name]!r}")
                problems += _control_characters(where, name, row.get(name) or "")
            for name in address_fields:
                if row.get(name) and not addresses.is_web_address(row[name]):
                    problems.append(addresses.unsafe(where, name, row[name]))
            for name in number_fields:
                if row.get(name) and not math.isfinite(float(row[name])):
                    problems.append(f"{where}, field '{name}': not-finite: the number is infinite or not a number once read; expected a finite number; found {row[name]!r}")
            for start, end in ranges:
                problems += _reversed(where, start, end, row, fields)
            for name in date_fields:
                value = row.get(name) or ""
                if value and not _real_date(value):
                    problems.append(
                        f"{where}, field '{name}': date-out-of-range: not a calendar date within {DATE_YEARS[0]}–{DATE_YEARS[1]}; "
                        f"expected YYYY, YYYY-MM or YYYY-MM-DD in that range; found {value!r}"
                    )
            for name in cited_fields:
                if row.get(name):
                    urls = urls if urls is not None else bib_keys_by_url(root)
                    if row[name] not in urls:
                        problems.append(f"{where}, field '{name}': uncited-source: no entry of references.bib has this url; expected the source listed there; found {row[name]!r}")
            if row.get("source_kind"):
                problems += _dated_by(where, row)
            if row.get("bib_key"):
                keys = keys if keys is not None else bib_keys(root)
                if row["bib_key"] not in keys:
                    problems.append(f"{where}, field 'bib_key': unknown-reference: no entry {row['bib_key']!r}; expected a key of references.bib")
    return problems


LINE_BREAKS = "\t\n\r"  # whitespace a cell of several lines may hold; other control characters print as nothing or break a file


def _control(char: str) -> bool:
    return unicodedata.category(char) == "Cc" and char not in LINE_BREAKS


def _control_characters(where: str, name: str, text: str) -> list[str]:
    found = sorted({f"U+{ord(c):04X}" for c in text if _control(c)})
    if not found:
        return []
    at = next(i for i, c in enumerate(text) if _control(c))
    return [f"{where}, field '{name}': control-character: {', '.join(found)} at character {at + 1}; expected printable text"]


def _ranges(fields) -> list[tuple[str, str]]:
    """Pairs of fields a row gives as a range: ``x_start``/``x_end``, ``start``/``end``."""
    names = [f.name for f in fields]
    return [(n, n.replace("start", "end")) for n in names if n.endswith("start") and n.replace("start", "end") in names]


def _reversed(where: str, start: str, end: str, row: dict[str, str], fields) -> list[str]:
    """A range whose end comes before its start; dates of different precision
    compare on what both give (2011 against 2011-06-28 is no reversal)."""
    first, last = row.get(start) or "", row.get(end) or ""
    if not first or not last:
        return []
    kind = next(f.type for f in fields if f.name == start)
    if kind in ("integer", "number"):
        reversed_ = float(last) < float(first)
    else:
        reversed_ = last[: len(first)] < first[: len(last)]
    if not reversed_:
        return []
    return [f"{where}, field '{end}': range-reversed: the range ends ({last}) before it starts ({first}); expected {end} on or after {start}"]


def _dated_by(where: str, row: dict[str, str]) -> list[str]:
    """A milestone dated by an independent source names it; one dated by the
    article, or placed by the book from it, names the article's sentence."""
    needed = "bib_key" if row["source_kind"] == "independent" else "sentence_id"
    if row.get(needed):
        return []
    return [f"{where}, field '{needed}': missing-source: a milestone dated by {row['source_kind']!r} needs its {needed}; found none"]


def _real_date(text: str) -> bool:
    parts = [int(p) for p in text.split("-")]
    if not DATE_YEARS[0] <= parts[0] <= DATE_YEARS[1]:
        return False
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def check_seed(root: Path) -> None:
    """The seed must still give, sentence by sentence, the committed data/sentences.csv
    (which is validated first, so its columns are known to be there)."""
    from .sources import SENTENCE_FIELDS, build_sentences

    seed = paths.seed_path(root)
    if not seed.is_file():
        raise DataError(f"seeds/{seed.name}: file, (whole file): missing; expected the source article")
    try:
        regenerated = build_sentences(root)
    except UnicodeDecodeError as exc:
        raw = seed.read_bytes()
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(f"seeds/{seed.name}: line {line}, (text): encoding-error: byte {exc.start} is not UTF-8; expected the article in UTF-8") from exc
    with open(paths.data_dir(root) / "sentences.csv", encoding="utf-8", newline="") as f:
        recorded = list(csv.DictReader(f))
    text = seed.read_text(encoding="utf-8")
    for index, (new, old) in enumerate(zip(regenerated, recorded)):
        for name in SENTENCE_FIELDS:
            if str(getattr(new, name)) != old.get(name):
                line = text[: new.raw_start].count("\n") + 1
                raise DataError(
                    f"seeds/{seed.name}: line {line} (sentence {old.get('id')}, data/sentences.csv line {index + 2}), field '{name}': "
                    f"seed-changed: the seed no longer gives the recorded sentence; expected {old.get(name)!r}; found {str(getattr(new, name))!r}"
                )
    if len(regenerated) != len(recorded):
        raise DataError(
            f"seeds/{seed.name}: line {text.count(chr(10)) + 1}, field 'id': seed-changed: the seed gives {len(regenerated)} sentences; "
            f"expected the {len(recorded)} of data/sentences.csv"
        )


def _rows(root: Path, name: str) -> list[dict[str, str]]:
    """A validated resource's rows as plain strings."""
    with open(paths.data_dir(root) / _described(_descriptor(root), name)["path"], encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _glossary_renderings(root: Path) -> list[dict]:
    return [
        {"abbreviation": r["abbreviation"], "renderings": [x for x in [r["english"], r["english_abbreviation"], *(r["english_in_text"] or "").split("; ")] if x]}
        for r in _rows(root, "glossary")
    ]


def _excluded_numerals(root: Path) -> dict[str, set[str]]:
    excluded: dict[str, set[str]] = {}
    for r in _rows(root, "numeral_exclusions"):
        excluded.setdefault(r["sentence_id"], set()).add(r["numeral"])
    return excluded


def _raise_all(path: str, problems: list[str]) -> None:
    if problems:
        more = f"\n... and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
        raise DataError(f"{len(problems)} problem(s) in {path}:\n" + "\n".join(problems[:MAX_LISTED]) + more)


def _unfaithful(where: str, kazakh: str, english: str, excluded: set[str], glossary: list[dict], field: str) -> list[str]:
    from . import translation

    found = translation.number_problems(kazakh, english, excluded) + translation.glossary_problems(kazakh, english, glossary)
    return [f"{where}, field '{field}': translation-unfaithful: {p}; expected the English to keep the Kazakh's facts" for p in found]


def check_translations(root: Path) -> None:
    """Every sentence has its translation, and each translation keeps the facts
    of its Kazakh: the numbers, the glossary's abbreviations, and the Kazakh
    words its notes quote (``oicbook.core.translation``)."""
    from . import translation

    for other in ("sentences", *CROSS_INPUTS["translations"]):
        validate(other, root)  # the rows read below have the columns their schemas name
    sentences = {r["id"]: r["text"] for r in _rows(root, "sentences")}
    excluded, glossary = _excluded_numerals(root), _glossary_renderings(root)
    rows = _rows(root, "translations")
    problems = []
    for line, row in enumerate(rows, start=2):
        kazakh, where = sentences[row["sentence_id"]], f"data/translations.csv: line {line} (data row {line - 1}, sentence {row['sentence_id']})"
        problems += _unfaithful(where, kazakh, row["english"], excluded.get(row["sentence_id"], set()), glossary, "english")
        problems += [f"{where}, field 'notes': note-unquoted: {p}; expected each note to quote the sentence's words" for p in translation.note_problems(kazakh, row["notes"])]
    missing = sorted(set(sentences) - {r["sentence_id"] for r in rows})
    problems += [f"data/translations.csv: line {len(rows) + 2}, field 'sentence_id': translation-missing: no row for sentence {m}; expected one for every sentence of data/sentences.csv" for m in missing]
    _raise_all("data/translations.csv", problems)


def check_claim_words(root: Path) -> None:
    """Each claim's English words keep the numbers and abbreviations of its Kazakh words."""
    for other in CROSS_INPUTS["claims"]:
        validate(other, root)
    excluded, glossary = _excluded_numerals(root), _glossary_renderings(root)
    problems = []
    for line, row in enumerate(_rows(root, "claims"), start=2):
        where = f"data/claims.csv: line {line} (data row {line - 1}, claim {row['id']})"
        problems += _unfaithful(where, row["words"], row["words_english"], excluded.get(row["sentence_id"], set()), glossary, "words_english")
    _raise_all("data/claims.csv", problems)


def _quote_problems(where: str, row: dict, sentences: dict[str, str], excluded: dict, glossary: list[dict]) -> list[str]:
    """A row that quotes the article: its Kazakh words verbatim from its sentence,
    and its English keeping their numbers and abbreviations."""
    problems = []
    if row["words"] not in sentences[row["sentence_id"]]:
        problems.append(f"{where}, field 'words': words-not-in-sentence: expected the words verbatim from sentence {row['sentence_id']}; found {row['words']!r}")
    return problems + _unfaithful(where, row["words"], row["words_english"], excluded.get(row["sentence_id"], set()), glossary, "words_english")


def check_mentions(root: Path) -> None:
    """Each mention names one event or one body, in words its sentence holds
    verbatim, and its English keeps their numbers and abbreviations."""
    validate("sentences", root)
    for other in CROSS_INPUTS["mentions"]:
        validate(other, root)
    sentences = {r["id"]: r["text"] for r in _rows(root, "sentences")}
    excluded, glossary = _excluded_numerals(root), _glossary_renderings(root)
    problems = []
    for line, row in enumerate(_rows(root, "mentions"), start=2):
        where = f"data/mentions.csv: line {line} (data row {line - 1}, sentence {row['sentence_id']})"
        if bool(row["event_id"]) == bool(row["body_id"]):
            problems.append(f"{where}, field 'event_id': mention-target: the row gives {'both' if row['event_id'] else 'neither'} of event_id and body_id; expected exactly one")
        problems += _quote_problems(where, row, sentences, excluded, glossary)
    _raise_all("data/mentions.csv", problems)


def check_credit_claims(root: Path) -> None:
    """Each claim of credit quotes its sentence verbatim, keeps its numbers in
    English, and rests on an event or a page."""
    for other in CROSS_INPUTS["credit_claims"]:
        validate(other, root)
    sentences = {r["id"]: r["text"] for r in _rows(root, "sentences")}
    excluded, glossary = _excluded_numerals(root), _glossary_renderings(root)
    problems = []
    for line, row in enumerate(_rows(root, "credit_claims"), start=2):
        where = f"data/credit_claims.csv: line {line} (data row {line - 1}, credit {row['id']})"
        problems += _quote_problems(where, row, sentences, excluded, glossary)
        if not row["event_id"] and not row["bib_key"]:
            problems.append(f"{where}, field 'event_id': credit-unsourced: expected an event_id or a bib_key for the record the verdict rests on")
    _raise_all("data/credit_claims.csv", problems)


def check_offices(root: Path) -> None:
    """Each term starts on a date or at an event, never both; it ends on one,
    at one, or not yet; and it does not end before it starts."""
    events = {r["id"]: r["date_start"] for r in _rows(root, "events")}
    problems = []
    for line, row in enumerate(_rows(root, "office_holders"), start=2):
        where = f"data/office_holders.csv: line {line} (data row {line - 1}, {row['office']} {row['holder']})"
        if bool(row["start"]) == bool(row["start_event"]):
            problems.append(f"{where}, field 'start': term-start: expected exactly one of start and start_event")
        if row["end"] and row["end_event"]:
            problems.append(f"{where}, field 'end': term-end: expected at most one of end and end_event")
        first = row["start"] or events.get(row["start_event"], "")
        last = row["end"] or events.get(row["end_event"], "")
        if first and last and last[: len(first)] < first[: len(last)]:
            problems.append(f"{where}, field 'end': term-order: the term ends ({last}) before it starts ({first}); expected the end after the start")
    _raise_all("data/office_holders.csv", problems)


# Checks across files, run once a resource itself is valid.
CROSS_CHECKS = {"sentences": check_seed, "translations": check_translations, "claims": check_claim_words, "mentions": check_mentions, "office_holders": check_offices, "credit_claims": check_credit_claims}
# The files a cross check reads besides the resource and its foreign keys.
CROSS_INPUTS = {"sentences": ["normalisation_compounds"], "translations": ["numeral_exclusions", "glossary"], "claims": ["numeral_exclusions", "glossary"], "credit_claims": ["numeral_exclusions", "glossary"], "mentions": ["numeral_exclusions", "glossary"]}


@lru_cache(maxsize=None)
def _validated(root: Path, name: str, digest: str) -> None:
    # Keyed on the digest, so an edited file is checked again.
    _check(_package(root), name, root)
    if name in CROSS_CHECKS:
        CROSS_CHECKS[name](root)


def resource_digest(root: Path, name: str, descriptor: dict | None = None) -> str:
    """What a resource's validity depends on: its description, its file, the
    resources its foreign keys reach (and theirs), and the seed for the sentences."""
    descriptor = descriptor or _descriptor(root)
    h = hashlib.sha256()
    todo, seen = [name], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        resource = _described(descriptor, current)
        h.update(json.dumps(resource, sort_keys=True, ensure_ascii=False).encode())
        h.update(inputs.file_digest(root / "data" / resource["path"]).encode())
        todo += [fk["reference"]["resource"] or current for fk in resource.get("schema", {}).get("foreignKeys", [])]
    if name == "sentences":
        h.update(inputs.file_digest(paths.seed_path(root)).encode())
    return h.hexdigest()


def stamp_path(root: Path) -> Path:
    return root / "_build" / "validated.json"


def _stamped(root: Path) -> dict[str, str]:
    try:
        return json.loads(stamp_path(root).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}


def _validation_digest(root: Path, name: str, descriptor: dict | None = None) -> str:
    """A resource's digest, and those of the files its cross check reads."""
    digest = resource_digest(root, name, descriptor)
    for other in CROSS_INPUTS.get(name, []):
        digest += inputs.file_digest(root / "data" / _described(descriptor or _descriptor(root), other)["path"])
    return digest


def validate(name: str, root: Path | None = None) -> None:
    root = root or paths.book_root()
    digest = _validation_digest(root, name)
    if _stamped(root).get(name) == digest:
        return  # validated by this build's first step, unchanged since
    _validated(root, name, digest)


def check_glyphs(root: Path, has_glyph, fonts: str) -> None:
    """Every character of every text cell that a page can print is one the
    printed book's fonts have (``has_glyph``, from ``tools.build``): a
    character none has would stop XeLaTeX with a log line that names no row."""
    problems = {}
    for resource in _descriptor(root)["resources"]:
        if resource.get("format") != "csv" or "/" in resource["path"]:  # the raw files of the time are read, never printed
            continue
        text_fields = [f["name"] for f in resource["schema"]["fields"] if f.get("type", "string") == "string"]
        for line, row in enumerate(_rows(root, resource["name"]), start=2):
            for field in text_fields:
                for char in dict.fromkeys(row.get(field) or ""):
                    if not has_glyph(char):
                        problems.setdefault(f"data/{resource['path']}", []).append(
                            f"data/{resource['path']}: line {line} (data row {line - 1}), field '{field}': no-glyph: "
                            f"U+{ord(char):04X} is in none of the PDF's fonts ({fonts}); expected text the printed book can set")
    for path, found in problems.items():
        _raise_all(path, found)


def check_inside(root: Path) -> None:
    """No file the build reads from the book's folders resolves outside the book."""
    leaving = paths.leaving(root)
    _raise_all("the book's folders", [
        f"{path.as_posix()}: file, (whole file): outside-book: a symbolic link that resolves outside the book; "
        "expected a file of the book itself (its content was not read)" for path in leaving])


def validate_all(root: Path | None = None) -> int:
    """Validate every resource and stamp them valid; return how many there are."""
    root = root or paths.book_root()
    stamp_path(root).unlink(missing_ok=True)
    check_inside(root)
    package = _package(root)
    problems = addresses.bib_problems(root) + addresses.cff_problems(root)
    for resource in package.resources:
        try:
            _check(package, resource.name, root)
            if resource.name in CROSS_CHECKS:
                CROSS_CHECKS[resource.name](root)
        except DataError as exc:
            problems.append(str(exc))
    if problems:
        raise DataError("\n".join(dict.fromkeys(problems)))  # a cross check may report a file again
    descriptor = _descriptor(root)
    stamp = {r.name: _validation_digest(root, r.name, descriptor) for r in package.resources}
    stamp_path(root).parent.mkdir(parents=True, exist_ok=True)
    stamp_path(root).write_text(json.dumps(stamp, indent=1, sort_keys=True), encoding="utf-8")
    return len(package.resources)


_PANDAS_TYPES = {"integer": "Int64", "number": "Float64", "string": "string", "boolean": "boolean"}


def load(name: str, root: Path | None = None) -> pd.DataFrame:
    """Read a validated resource, typed as its schema says."""
    root = root or paths.book_root()
    validate(name, root)
    inputs.record(root, inputs.DATA + name)
    resource = _described(_descriptor(root), name)
    if resource.get("type") == "file":
        raise DataError(f"data/{resource['path']}: resource '{name}' is a raw file, not a table; expected the table derived from it")
    frame = pd.read_csv(root / "data" / resource["path"], dtype=str, keep_default_na=False, encoding="utf-8")
    for field in resource["schema"]["fields"]:
        column = frame[field["name"]].replace("", pd.NA)
        if field["type"] == "boolean":
            column = column.map({"True": True, "False": False, "true": True, "false": False}, na_action="ignore")
        frame[field["name"]] = column.astype(_PANDAS_TYPES.get(field["type"], "string"))
    return frame


def describe(root: Path | None = None) -> dict:
    """The data package's descriptor, each resource validated and recorded as
    read, for the pages that describe the data itself."""
    root = root or paths.book_root()
    descriptor = _descriptor(root)
    for resource in descriptor["resources"]:
        validate(resource["name"], root)
        inputs.record(root, inputs.DATA + resource["name"])
    return descriptor


def seed_text(root: Path | None = None) -> str:
    root = root or paths.book_root()
    inputs.record(root, "seed")
    return paths.seed_path(root).read_text(encoding="utf-8")


def main() -> None:
    try:
        count = validate_all()
    except DataError as exc:
        print(f"data validation failed:\n{exc}", file=sys.stderr)
        sys.exit(1)
    print(f"data package valid: {count} resources")


if __name__ == "__main__":
    main()
