"""Measure the build: ``python -m tools.bench [--runs N]`` (``make bench``).

Both editions, and the English one alone as the book was built before
it had a second edition. Works in a temporary copy of the book, so the published book and its caches
are left alone. Prints each measurement (median of the runs), the ratios the
project targets, and which notebooks an edit of one data file re-executed.
This is a benchmark, not a test: it prints; it never fails on a slow machine.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import jupytext
from jupyter_cache import get_cache
from nbclient import NotebookClient

from oicbook.core import editions, paths

from tools import build

IGNORED = shutil.ignore_patterns("_build", ".venv", ".git", "__pycache__", ".pytest_cache", "*.egg-info")
EDITED = "data/chair_proposals.csv"  # read by one chapter only


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def clean(root: Path) -> None:
    shutil.rmtree(root / "_build", ignore_errors=True)


def floor(root: Path) -> None:
    """Execute every chapter notebook once, one after another, with nbclient."""
    for page in sorted((root / "chapters").glob("*.md")):
        notebook = jupytext.read(page)
        if any(cell.cell_type == "code" for cell in notebook.cells):
            NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(page.parent)}}).execute()


def edit_and_rebuild(root: Path) -> tuple[float, list[str]]:
    path = root / EDITED
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("an internet resource", "an internet portal"), encoding="utf-8")
    moment = time.time()
    seconds = timed(lambda: build.build_html(root))
    executed = sorted(
        f"{lang}:{r.uri.split('/')[-1]}" for lang in editions.LANGUAGES
        for r in get_cache(build.cache_dir(root, lang)).list_cache_records() if r.created.timestamp() >= moment
    )
    path.write_text(original, encoding="utf-8")
    build.build_html(root)  # back to the unedited state, untimed
    return seconds, executed


def english_alone(root: Path) -> None:
    """The English edition alone, HTML then PDF, as the book built before it had a second edition."""
    build.run_builder(root, "html", editions.SOURCE)
    build.run_builder(root, "pdflatex", editions.SOURCE)


def both_editions(root: Path) -> None:
    build.build_html(root)
    build.build_pdf(root)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (default 3)")
    args = parser.parse_args(argv)
    source = paths.book_root()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "book"
        shutil.copytree(source, root, ignore=IGNORED)
        results: dict[str, list[float]] = {"floor": [], "english_alone": [], "clean_both": [], "no_change": [],
                                           "one_file_edit": [], "clean_html": []}
        executed: list[str] = []
        for _ in range(args.runs):
            results["floor"].append(timed(lambda: floor(root)))
            clean(root)
            results["english_alone"].append(timed(lambda: english_alone(root)))
            clean(root)
            results["clean_both"].append(timed(lambda: both_editions(root)))
            results["no_change"].append(timed(lambda: both_editions(root)))
            seconds, executed = edit_and_rebuild(root)
            results["one_file_edit"].append(seconds)
            clean(root)
            results["clean_html"].append(timed(lambda: build.build_html(root)))
    median = {k: statistics.median(v) for k, v in results.items()}
    print(f"runs per measurement: {args.runs} (median shown)")
    for name, values in results.items():
        print(f"  {name:15s} {median[name]:7.1f} s   (runs: {', '.join(f'{v:.1f}' for v in values)})")
    print("ratios (target):")
    print(f"  both editions / English alone, clean HTML+PDF  {median['clean_both'] / median['english_alone']:5.2f}   (<= 1.5)")
    print(f"  no-change / clean, both editions HTML+PDF      {median['no_change'] / median['clean_both']:5.2f}   (<= 0.15)")
    print(f"  one-file edit / clean HTML, both editions      {median['one_file_edit'] / median['clean_html']:5.2f}")
    print(f"  clean HTML, both editions / floor (English)    {median['clean_html'] / median['floor']:5.2f}")
    print(f"editing {EDITED} re-executed: {', '.join(executed) or 'nothing'}")


if __name__ == "__main__":
    main()
