"""Rerun one chapter outside the build: ``python -m oicbook.report.rerun economy``.

What the sources archive's ``make chapter NAME=economy`` runs. The chapter's
MyST notebook (``chapters/<name>.md``) is executed top to bottom against the
data beside it, validated first, and written with its outputs to
``reruns/<name>.ipynb`` (outside ``chapters/``, where the book's build would
take it for a page). Nothing is cached: every cell runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core import paths
from ..core.data import DataError, validate_all

RERUNS = "reruns"


def chapters(root: Path) -> list[str]:
    return sorted(p.stem for p in (root / "chapters").glob("*.md"))


def rerun(name: str, root: Path) -> Path:
    import jupytext
    import nbformat
    from nbclient import NotebookClient

    notebook = jupytext.read(root / "chapters" / f"{name}.md")
    NotebookClient(notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(root / "chapters")}}).execute()
    target = root / RERUNS / f"{name}.ipynb"
    target.parent.mkdir(exist_ok=True)
    nbformat.write(notebook, target)
    return target


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("name", help="the chapter's file name without .md, e.g. economy")
    args = parser.parse_args(argv)
    root = paths.book_root()
    if args.name not in chapters(root):
        parser.error(f"no chapter {args.name!r}; the chapters are: {', '.join(chapters(root))}")
    try:
        validate_all(root)
    except DataError as exc:
        print(f"the data did not validate, so the chapter was not run:\n{exc}", file=sys.stderr)
        sys.exit(1)
    target = rerun(args.name, root)
    print(f"chapters/{args.name}.md rerun against {root / 'data'}; its outputs are in {target.relative_to(root)}")


if __name__ == "__main__":
    main()
