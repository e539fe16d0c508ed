"""What a reader can download beside each page: the chapter's notebook, each
table as CSV, and the book's sources as one ZIP to rerun the notebooks with."""

from __future__ import annotations

import csv
import io
import os
import re
import stat
import time
import zipfile
from pathlib import Path

import nbformat

from ..report.labels import t
from ..core.paths import ARCHIVE_NAME

# What a reader needs to rerun a chapter and rebuild the English edition: the
# notebooks, the data, the seed, the code they import, the catalogues the
# configuration names, and the pins. Never build output, and not the build and
# test tools (tools/, tests/, the repository's Makefile, CI).
SOURCE_ENTRIES = (
    "_config.yml", "_toc.yml", "requirements.txt", "pyproject.toml",
    "references.bib", "CITATION.cff", "chapters", "data", "seeds", "oicbook", "locales",
)
# The archive's own Makefile and README, for a reader of the archive: kept in
# archive/ in the repository, at the top of the archive (where a book built
# from the archive itself finds them).
READER_FILES = ("Makefile", "README.md")
READER_FOLDER = "archive"
SKIPPED_PARTS = {"__pycache__", ".ipynb_checkpoints", ".pytest_cache"}
SKIPPED_SUFFIXES = (".mo",)  # compiled catalogues: Sphinx compiles them from the .po files
EARLIEST_ZIP_TIME = 315532800  # 1980-01-01, the first moment a ZIP entry can hold


def source_files(root: Path) -> dict[str, Path]:
    """The archive's entries, sorted: each name in the archive, and the book's
    file under ``root`` it holds (relative to ``root``)."""
    found = {}
    for entry in SOURCE_ENTRIES:
        path = root / entry
        candidates = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in candidates:
            relative = file.relative_to(root)
            if not SKIPPED_PARTS & set(relative.parts) and not any(p.endswith(".egg-info") for p in relative.parts) and not file.name.endswith(SKIPPED_SUFFIXES):
                found[relative.as_posix()] = relative
    for name in READER_FILES:
        kept = Path(READER_FOLDER, name)
        found[name] = kept if (root / kept).is_file() else Path(name)
    return dict(sorted(found.items()))


def write_source_archive(root: Path, target: Path) -> None:
    """A ZIP of the book's sources whose bytes depend only on their content:
    sorted entries, one timestamp (``SOURCE_DATE_EPOCH``), fixed permissions."""
    epoch = max(int(os.environ.get("SOURCE_DATE_EPOCH", EARLIEST_ZIP_TIME)), EARLIEST_ZIP_TIME)
    stamp = time.gmtime(epoch)[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, relative in source_files(root).items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            executable = (root / relative).stat().st_mode & stat.S_IXUSR
            info.external_attr = (0o100755 if executable else 0o100644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, (root / relative).read_bytes())
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(buffer.getvalue())


def downloadable_notebook(executed: Path, title: str, book: str) -> str:
    """The executed notebook as a reader gets it: a first cell that says what to
    fetch to run it, and none of the build's own bookkeeping in the metadata."""
    notebook = nbformat.read(executed, as_version=4)
    notebook.metadata.pop("source_map", None)
    for cell in notebook.cells:
        cell.metadata.pop("oicbook_inputs", None)
    intro = t("download.notebook_intro", title=title, book=book, archive=ARCHIVE_NAME)
    notebook.cells.insert(0, nbformat.v4.new_markdown_cell(intro.strip()))
    for number, cell in enumerate(notebook.cells):
        cell.id = f"cell-{number:03d}"  # jupytext draws random ids; these keep the download reproducible
    return nbformat.writes(notebook)


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP's
# guidance on CSV injection); a plain number is read as a number, so it stays.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^[+-]?(\d[\d,]*)?\.?\d+([eE][+-]?\d+)?$")


def spreadsheet_safe(cell: str) -> str:
    """The cell, with a leading apostrophe if a spreadsheet would read it as a
    formula: the apostrophe makes it text, as OWASP advises."""
    if cell.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.match(cell):
        return "'" + cell
    return cell


BYTE_ORDER_MARK = "\ufeff"  # without it, a spreadsheet may read UTF-8 as a local code page and garble the Kazakh


def table_csv(rows: list[list[str]]) -> str:
    """A table's cells as CSV text (RFC 4180, UTF-8 with a byte-order mark), safe to open in a spreadsheet."""
    buffer = io.StringIO(BYTE_ORDER_MARK)
    buffer.seek(0, io.SEEK_END)
    csv.writer(buffer).writerows([[spreadsheet_safe(cell) for cell in row] for row in rows])
    return buffer.getvalue()
