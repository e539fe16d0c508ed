"""What a notebook read, recorded as it reads it.

``load`` and the few functions that read a file outside the data package
(the seed, ``references.bib``, ``CITATION.cff``) call :func:`record` with the
input's name. When the build runs the notebook, it names a file for the record
in ``OICBOOK_READS`` (with the stamp it gave the run in ``OICBOOK_READS_STAMP``
and the code's digest in ``OICBOOK_READS_CODE``); the record, each input with
its digest, is written there by the notebook's kernel, never by the build's own
process (``OICBOOK_READS_BY`` holds its id), whose reads are not the notebook's. The next build re-executes the notebook when one
of those digests changed (``oicbook.sphinx.reader``). Outside the build nothing
is written.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from . import paths

LOG = "OICBOOK_READS"
STAMP = "OICBOOK_READS_STAMP"
CODE = "OICBOOK_READS_CODE"
BY = "OICBOOK_READS_BY"
FILES = {"seed": paths.seed_path, "references.bib": lambda root: root / "references.bib", "CITATION.cff": lambda root: root / "CITATION.cff"}
DATA = "data:"  # a resource of the data package: "data:claims"

_read: dict[str, str] = {}


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"


def digest(root: Path, name: str) -> str:
    """An input's digest now: a resource's (its description, its file and what
    its foreign keys reach) or a file's."""
    if name.startswith(DATA):
        from .data import DataError, resource_digest

        try:
            return resource_digest(root, name[len(DATA):])
        except DataError:
            return "missing"
    return file_digest(FILES[name](root)) if name in FILES else "unknown"


def record(root: Path, name: str) -> None:
    """Note that this process read ``name``; in the build, write the record."""
    _read[name] = digest(root, name)
    target = os.environ.get(LOG)
    if target and os.environ.get(BY) != str(os.getpid()):
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        entry = {"stamp": os.environ.get(STAMP), "code": os.environ.get(CODE), "read": _read}
        Path(target).write_text(json.dumps(entry, indent=1, sort_keys=True), encoding="utf-8")
