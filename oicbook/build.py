"""Build the book: ``python -m oicbook.build [html] [pdf]`` (both by default).

The one build sequence, used by the Makefile and by the tests alike:
validate the data package (bad input stops here, before any notebook runs),
build strict HTML, build the PDF with XeLaTeX, check the LaTeX log for
missing glyphs, and put the PDF beside the HTML, where every page links it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from . import data, paths
from .sphinx_ext import PDF_NAME

STRICT = ["-W", "-n", "--keep-going"]


class BuildError(RuntimeError):
    pass


def jupyter_book() -> str:
    beside = Path(sys.executable).parent / "jupyter-book"
    return str(beside) if beside.exists() else "jupyter-book"


def run_builder(root: Path, builder: str) -> str:
    """Run one jupyter-book builder strictly; return its log, raise on failure."""
    cmd = [jupyter_book(), "build", str(root), "--builder", builder, *STRICT]
    proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
    log = proc.stdout + proc.stderr
    logs = root / "_build" / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    (logs / f"{builder}.log").write_text(log, encoding="utf-8")
    if proc.returncode != 0:
        raise BuildError(f"{' '.join(cmd)} failed (exit {proc.returncode}):\n{log}")
    return log


def build_html(root: Path) -> str:
    return run_builder(root, "html")


def build_pdf(root: Path) -> str:
    log = run_builder(root, "pdflatex")
    latex_dir = root / "_build" / "latex"
    pdf = latex_dir / PDF_NAME
    if not pdf.is_file():
        raise BuildError(f"{pdf} was not produced")
    tex_log = (latex_dir / PDF_NAME.replace(".pdf", ".log")).read_text(encoding="utf-8", errors="replace")
    missing = [line for line in tex_log.splitlines() if "Missing character" in line]
    if missing:
        raise BuildError("the PDF lacks glyphs:\n" + "\n".join(missing[:20]))
    html_dir = root / "_build" / "html"
    if html_dir.is_dir():
        shutil.copy2(pdf, html_dir / PDF_NAME)
    return log


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("targets", nargs="*", help="html, pdf, or both (the default)")
    args = parser.parse_args(argv)
    args.targets = args.targets or ["html", "pdf"]
    if set(args.targets) - {"html", "pdf"}:
        parser.error(f"unknown target(s): {sorted(set(args.targets) - {'html', 'pdf'})}")
    root = paths.book_root()
    try:
        print(f"data package valid: {data.validate_all(root)} resources")
        if "html" in args.targets:
            build_html(root)
            print(f"HTML: {root / '_build' / 'html' / 'index.html'}")
        if "pdf" in args.targets:
            build_pdf(root)
            print(f"PDF: {root / '_build' / 'latex' / PDF_NAME}")
    except (data.DataError, BuildError) as exc:
        print(f"build stopped:\n{exc}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
