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


# Folders of a working copy that are not the book: what the build writes, and tooling.
NOT_SOURCES = frozenset({"_build", ".git", ".venv", "tests", "node_modules", "__pycache__", ".pytest_cache", ".ipynb_checkpoints"})


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, its symbolic links followed, stays inside ``folder``."""
    return path.resolve().is_relative_to(folder.resolve())


def leaving(root: Path) -> list[Path]:
    """The book's files and folders (relative to ``root``) that resolve outside
    it: a symbolic link could otherwise bring any file of the build machine in."""
    found = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [name for name in subfolders if name not in NOT_SOURCES]
        for name in [*subfolders, *names]:
            if not inside(Path(folder, name), root):
                found.append(Path(folder, name).relative_to(root))
    return sorted(found)
