"""No bad input ends in a traceback: property-based fuzzing of the data files.

Each generated case edits one file of a copy of the book (a data file, the data
package descriptor or the seed) the way a contributor's editor, a spreadsheet or
a bad merge might: bytes, lines, quotes, delimiters, blank lines, headers,
encodings. The loader must then either accept the file or raise its own
``DataError``, naming the file; any other exception fails the case. The runs are
derandomised, so a failure replays, and hypothesis prints the edit that caused it.
This suite runs the validator only, never the build.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oicbook.core import data, paths

REPO = Path(__file__).resolve().parents[2]
SEED = "seeds/" + paths.seed_path(REPO).name
DESCRIPTOR = json.loads((REPO / "data" / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["name"]: f"data/{r['path']}" for r in DESCRIPTOR["resources"]}
CASES = 400


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    for part in ("data", "seeds"):
        shutil.copytree(REPO / part, root / part)
    for name in ("references.bib", "CITATION.cff"):
        shutil.copy(REPO / name, root / name)
    return root


# One edit: a function of the file's bytes, drawn with its parameters.
def _at(raw: bytes, where: float) -> int:
    return int(where * len(raw))


def _lines(raw: bytes) -> list[bytes]:
    return raw.split(b"\n")


EDITS = {
    "replace bytes": lambda raw, w, b: raw[: _at(raw, w)] + b + raw[_at(raw, w) + len(b) :],
    "insert bytes": lambda raw, w, b: raw[: _at(raw, w)] + b + raw[_at(raw, w) :],
    "truncate": lambda raw, w, b: raw[: _at(raw, w)],
    "drop a line": lambda raw, w, b: b"\n".join(l for i, l in enumerate(_lines(raw)) if i != int(w * len(_lines(raw)))),
    "repeat a line": lambda raw, w, b: b"\n".join(_lines(raw)[: int(w * len(_lines(raw))) + 1] + _lines(raw)[int(w * len(_lines(raw))) :]),
    "blank lines": lambda raw, w, b: raw[: _at(raw, w)] + b"\n\n\n" + raw[_at(raw, w) :],
    "stray quote": lambda raw, w, b: raw[: _at(raw, w)] + b'"' + raw[_at(raw, w) :],
    "delimiter ;": lambda raw, w, b: raw.replace(b",", b";", 1 + int(w * 50)),
    "delimiter tab": lambda raw, w, b: raw.replace(b",", b"\t"),
    "header renamed": lambda raw, w, b: b + raw[raw.find(b",") if b"," in raw else 0 :],
    "header dropped": lambda raw, w, b: raw[raw.find(b"\n") + 1 :],
    "header doubled": lambda raw, w, b: _lines(raw)[0] + b"," + _lines(raw)[0] + b"\n" + b"\n".join(_lines(raw)[1:]),
    "columns swapped": lambda raw, w, b: b"\n".join(b",".join(reversed(l.split(b","))) for l in _lines(raw)),
    "utf-16": lambda raw, w, b: raw.decode("utf-8", "replace").encode("utf-16"),
    "latin-1": lambda raw, w, b: raw.decode("utf-8", "replace").encode("latin-1", "replace"),
    "byte order mark": lambda raw, w, b: b"\xef\xbb\xbf" + raw,
    "crlf": lambda raw, w, b: raw.replace(b"\n", b"\r\n"),
    "nul byte": lambda raw, w, b: raw[: _at(raw, w)] + b"\x00" + raw[_at(raw, w) :],
    "emptied": lambda raw, w, b: b"",
    "only header": lambda raw, w, b: _lines(raw)[0] + b"\n",
    "ragged row": lambda raw, w, b: raw + b"a,b\n",
    "long row": lambda raw, w, b: raw + b"," * 40 + b"\n",
}

TARGETS = sorted(RESOURCES) + ["datapackage", "seed"]
SNIPPETS = st.binary(min_size=1, max_size=12) | st.sampled_from(
    [b",", b'"', b'""', b"\n", b"\r", b"\\", b"x", b"-1", b"1e999", b"NaN", b"\xff", b"\xc3", b"{", b"]", b"<b>", b"2011-13-45"]
)


def path_of(target: str) -> str:
    return {"datapackage": "data/datapackage.json", "seed": SEED}.get(target, RESOURCES.get(target, ""))


def check(root: Path, target: str) -> None:
    if target in ("datapackage", "seed"):
        data.validate_all(root)
    else:
        data.validate(target, root)


@settings(max_examples=CASES, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(target=st.sampled_from(TARGETS), edit=st.sampled_from(sorted(EDITS)), where=st.floats(0, 1), snippet=SNIPPETS)
def test_an_edited_file_validates_or_names_itself(book, target, edit, where, snippet):
    path = book / path_of(target)
    original = path.read_bytes()
    try:
        path.write_bytes(EDITS[edit](original, where, snippet))
        try:
            check(book, target)
        except data.DataError as error:
            assert path_of(target) in str(error), f"{edit} on {target}: the error does not name the file:\n{error}"
    finally:
        path.write_bytes(original)


def test_the_unedited_copy_validates(book):
    assert data.validate_all(book) == len(RESOURCES)
