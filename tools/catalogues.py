"""Refresh the translation catalogues: ``python -m tools.catalogues`` (``make catalogues``).

The English pages are the source. Sphinx's gettext builder extracts their
prose into templates (``.pot``), one per page; ``sphinx-intl update`` merges
each into ``locales/<lang>/LC_MESSAGES/chapters/<page>.po``. A message whose
English changed comes back fuzzy, and a new one empty, so the book's
catalogue tests fail until a translator has seen them: the editions never
drift apart silently. What the notebooks compute is never a message: they
write it in each edition's language (``oicbook/report/locale/``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from oicbook.core import editions, paths
from tools.build import STRICT, jupyter_book

# every edition but the one the book is written in
LANGUAGES = tuple(lang for lang in editions.LANGUAGES if lang != editions.SOURCE)


def templates(root: Path) -> Path:
    return root / "_build" / "catalogues" / "_build" / "gettext"


def extract(root: Path) -> Path:
    cmd = [jupyter_book(), "build", str(root), "--builder", "custom", "--custom-builder", "gettext",
           "--path-output", str(root / "_build" / "catalogues"), *STRICT]
    proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"extracting the messages failed:\n{proc.stdout}{proc.stderr}")
    return templates(root)


def update(root: Path, pot_dir: Path) -> None:
    sphinx_intl = str(Path(sys.executable).parent / "sphinx-intl")
    for lang in LANGUAGES:
        subprocess.run([sphinx_intl, "update", "-p", str(pot_dir), "-d", str(root / "locales"), "-l", lang],
                       cwd=root, check=True)


def main() -> None:
    root = paths.book_root()
    update(root, extract(root))


if __name__ == "__main__":
    main()
