"""The only way chapters read data: ``load(name)``.

Each resource is validated against ``data/datapackage.json`` (types,
constraints, primary and foreign keys) before it is read. A failure raises
:class:`DataError`, whose message names the file, the row and the field and
says what was expected. ``python -m oicbook.data`` validates everything, which
is the build's first step, so bad input stops it before any notebook runs.
"""

from __future__ import annotations

import hashlib
import sys
from functools import lru_cache
from pathlib import Path

import frictionless
import pandas as pd

from . import paths

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
    """One line: file, row, field, what is wrong, what was expected, what was found."""
    row = getattr(error, "row_number", None)
    where = f"line {row} (data row {row - 1})" if row else "header row" if getattr(error, "field_name", None) else "file"
    schema = resource.schema
    if error.type == "foreign-key":
        names = error.field_names
        fk = next(k for k in schema.foreign_keys if k["fields"] == names or k["fields"] == names[0])
        ref = fk["reference"]
        expected = f"a value present in resource '{ref['resource']}', field {ref['fields']!r}"
        found = error.field_cells
    elif error.type == "primary-key":
        names = schema.primary_key
        expected = f"a unique primary key {tuple(names)}"
        found = [error.cells[schema.field_names.index(n)] for n in names]
    else:
        names = [error.field_name] if getattr(error, "field_name", None) else []
        field = schema.get_field(names[0]) if names and schema.has_field(names[0]) else None
        expected = _expected(field)
        found = getattr(error, "cell", None)
    fields = ", ".join(f"field '{n}'" for n in names) or "(no single field)"
    note = error.note or error.message
    shown = f"; found {found!r}" if found not in (None, "", []) else ""
    return f"{path}: {where}, {fields}: {error.type}: {note}; expected {expected}{shown}"


def _package(root: Path) -> frictionless.Package:
    descriptor = root / "data" / "datapackage.json"
    try:
        return frictionless.Package(str(descriptor), basepath=str(root / "data"))
    except frictionless.FrictionlessException as exc:
        raise DataError(f"{descriptor}: the data package descriptor is invalid: {exc.error.message}") from exc


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"


def _check(package: frictionless.Package, name: str, root: Path) -> None:
    try:
        resource = package.get_resource(name)
    except frictionless.FrictionlessException as exc:
        raise DataError(f"data/datapackage.json: no resource named '{name}'") from exc
    path = f"data/{resource.path}"
    if not (root / path).is_file():
        raise DataError(f"{path}: file, (whole file): missing; expected the file described by resource '{name}'")
    raw = (root / path).read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DataError(f"{path}: row 1, (byte order mark): encoding-error: the file starts with a UTF-8 BOM; expected UTF-8 without a BOM")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(f"{path}: line {line}, (byte {exc.start}): encoding-error: not valid UTF-8; expected UTF-8") from exc
    report = resource.validate()
    errors = [e for task in report.tasks for e in task.errors] + list(report.errors)
    if not errors and resource.schema.has_field("bib_key"):
        _check_bib_keys(path, root)
    if errors:
        lines = [_describe(path, resource, e) for e in errors[:MAX_LISTED]]
        more = f"\n... and {len(errors) - MAX_LISTED} more" if len(errors) > MAX_LISTED else ""
        raise DataError(f"{len(errors)} problem(s) in {path}:\n" + "\n".join(lines) + more)


def _check_bib_keys(path: str, root: Path) -> None:
    """A ``bib_key`` field must name an entry of references.bib."""
    import csv

    from .bib import bib_keys

    known = bib_keys(root)
    with open(root / path, encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            key = row.get("bib_key") or ""
            if key and key not in known:
                raise DataError(
                    f"1 problem(s) in {path}:\n{path}: line {line} (data row {line - 1}), field 'bib_key': "
                    f"unknown-reference: no entry '{key}'; expected a key of references.bib"
                )


@lru_cache(maxsize=None)
def _validated(root: Path, name: str, digest: str) -> None:
    # Keyed on the file's digest, so an edited file is checked again.
    _check(_package(root), name, root)


def validate(name: str, root: Path | None = None) -> None:
    root = root or paths.book_root()
    resource = _package(root).get_resource(name)
    _validated(root, name, _digest(root / "data" / resource.path))


def validate_all(root: Path | None = None) -> int:
    """Validate every resource; return how many there are."""
    root = root or paths.book_root()
    package = _package(root)
    problems = []
    for resource in package.resources:
        try:
            _check(package, resource.name, root)
        except DataError as exc:
            problems.append(str(exc))
    if problems:
        raise DataError("\n".join(problems))
    return len(package.resources)


_PANDAS_TYPES = {"integer": "Int64", "number": "Float64", "string": "string", "boolean": "boolean"}


def load(name: str, root: Path | None = None) -> pd.DataFrame:
    """Read a validated resource, typed as its schema says."""
    root = root or paths.book_root()
    validate(name, root)
    resource = _package(root).get_resource(name)
    frame = pd.read_csv(root / "data" / resource.path, dtype=str, keep_default_na=False, encoding="utf-8")
    for field in resource.schema.fields:
        column = frame[field.name].replace("", pd.NA)
        if field.type == "boolean":
            column = column.map({"True": True, "False": False, "true": True, "false": False}, na_action="ignore")
        frame[field.name] = column.astype(_PANDAS_TYPES.get(field.type, "string"))
    return frame


def seed_text(root: Path | None = None) -> str:
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
