"""Where the book's files are, found from wherever the code runs."""

from __future__ import annotations

import os
from pathlib import Path

SEED_NAME = "000_6d19eb848c4ad410.txt"
# The book's sources as one download, beside the HTML: what a notebook away from the book needs.
ARCHIVE_NAME = "oic-chairmanship-sources.zip"


def book_root(start: Path | None = None) -> Path:
    """The folder holding ``data/datapackage.json``: ``$OICBOOK_ROOT``, else the
    nearest one at or above ``start`` (default: the working directory), so a
    notebook finds the data of the copy of the book it sits in."""
    if os.environ.get("OICBOOK_ROOT"):
        return Path(os.environ["OICBOOK_ROOT"]).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "data" / "datapackage.json").is_file():
            return folder
    raise FileNotFoundError(
        f"no data/datapackage.json at or above {here}. This notebook needs the book's data: "
        f"download {ARCHIVE_NAME} (linked at the foot of every page of the book), "
        "unpack it, and either put the notebook in its chapters/ folder or set OICBOOK_ROOT "
        "to the unpacked folder"
    )


def data_dir(root: Path | None = None) -> Path:
    return (root or book_root()) / "data"


def seed_path(root: Path | None = None) -> Path:
    return (root or book_root()) / "seeds" / SEED_NAME
