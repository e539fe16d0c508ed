"""Make jupyter-cache data-aware, from what each notebook was seen to read.

jupyter-cache hashes only the code cells (and their metadata) of a notebook,
so an edited CSV would leave stale outputs. This reader, registered with
myst-nb as the reader of ``.md`` notebooks, stamps the first code cell's
metadata with a stamp that changes when the notebook must run again:

- when the notebook last ran, its kernel recorded every input it read, with
  its digest (``oicbook.core.inputs``), in ``_build/reads/``;
- the stamp stays the one that run had while every recorded input and the code
  the notebooks run (``oicbook`` less this extension) keep their digests, so
  the cache is hit; when one changed, the stamp changes, and the notebook runs
  again and records afresh. A notebook never run has a stamp of its code alone.

Edits to the Sphinx extension, the tools or the tests re-execute nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import nbformat
from myst_nb.core.read import read_myst_markdown_notebook

from ..core import inputs, paths
from ..report.numbers import language

ROOT: Path | None = None  # set by the Sphinx extension to the book being built
# myst-nb calls a custom reader with the text alone; Sphinx's source-read event
# (``oicbook.sphinx.cache``) says first which page it is.
CURRENT: Path | None = None
METADATA_KEY = "oicbook_inputs"
PACKAGE_DIR = Path(__file__).resolve().parents[1]
# The code a notebook runs is the package without this Sphinx extension: an
# edit here changes how pages are built, not what a notebook computes.
NOT_RUN_BY_NOTEBOOKS = {"sphinx"}


def package_digest() -> str:
    h = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.suffix in {".py", ".yml"} and path.relative_to(PACKAGE_DIR).parts[0] not in NOT_RUN_BY_NOTEBOOKS:
            h.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def record_path(root: Path, page: Path) -> Path:
    """Where the kernel running ``page`` records what it read, one folder an
    edition: the editions' runs differ in their words, never in what they read."""
    try:
        relative = page.resolve().relative_to(root.resolve())
    except ValueError:
        relative = Path(page.name)
    return root / "_build" / "reads" / language() / relative.with_suffix(".json")


def stamp(root: Path, page: Path, code: str) -> str:
    """The page's stamp: its last run's while nothing it read has changed."""
    try:
        last = json.loads(record_path(root, page).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        last = {}
    read = last.get("read", {})
    now = {name: inputs.digest(root, name) for name in read}
    if last.get("stamp") and last.get("code") == code and now == read:
        return last["stamp"]
    # the language too: the two editions' outputs never share a cache entry
    return hashlib.sha256(json.dumps({"code": code, "read": now, "language": language()}, sort_keys=True).encode()).hexdigest()


def read(text: str, path: str | None = None) -> nbformat.NotebookNode:
    """The reader myst-nb calls for ``.md``: a MyST notebook, stamped; and, as
    myst-nb runs it next if its stamp is new, where its kernel is to record
    what it reads."""
    page = Path(path) if path else CURRENT
    notebook = read_myst_markdown_notebook(text, add_source_map=True, path=path)
    code_cells = [c for c in notebook.cells if c.cell_type == "code"]
    if code_cells and page is not None:
        root, code = ROOT or paths.book_root(), package_digest()
        code_cells[0].metadata[METADATA_KEY] = given = stamp(root, page, code)
        os.environ.update({inputs.LOG: str(record_path(root, page)), inputs.STAMP: given,
                           inputs.CODE: code, inputs.BY: str(os.getpid())})
    return notebook


def digest_of_page(path: Path) -> str:
    """The page's stamp, for Sphinx's outdated check ("" for a page without code)."""
    notebook = read_myst_markdown_notebook(path.read_text(encoding="utf-8"), add_source_map=True, path=str(path))
    if not any(c.cell_type == "code" for c in notebook.cells):
        return ""
    return stamp(ROOT or paths.book_root(), path, package_digest())
