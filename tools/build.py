"""Build the book: ``python -m tools.build [html] [pdf]`` (both by default).

The one build sequence, used by the Makefile and by the tests alike:

1. validate the data package and the seed (bad input stops here, before any
   notebook runs, and nothing is written);
2. build strict HTML, then the PDF with XeLaTeX, into a staging folder
   (``_build/staging``, which also keeps the execution cache and Sphinx's
   environment between builds);
3. check the LaTeX log for missing glyphs;
4. only then publish: swap the new output into ``_build/html`` and
   ``_build/latex``, so a failed build never replaces a good book; the PDF is
   put beside the HTML, where every page links it.

``SOURCE_DATE_EPOCH`` (the last commit's time, unless set) makes the output
reproducible.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from oicbook.core import data, paths
from oicbook.sphinx.downloads import PDF_NAME

STRICT = ["-W", "-n", "--keep-going"]
LATEX_OUTPUTS = (PDF_NAME, PDF_NAME.replace(".pdf", ".log"), PDF_NAME.replace(".pdf", ".tex"))


class BuildError(RuntimeError):
    pass


def staging(root: Path) -> Path:
    """Where jupyter-book writes: ``<root>/_build/staging/_build``."""
    return root / "_build" / "staging" / "_build"


def cache_dir(root: Path) -> Path:
    return staging(root) / ".jupyter_cache"


def jupyter_book() -> str:
    beside = Path(sys.executable).parent / "jupyter-book"
    return str(beside) if beside.exists() else "jupyter-book"


def source_date_epoch(root: Path) -> str:
    """The last commit's time, or the release date in CITATION.cff outside git."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    proc = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True)
    if proc.returncode == 0 and proc.stdout.strip():
        return proc.stdout.strip()
    import datetime

    import yaml

    released = yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))["date-released"]
    moment = datetime.datetime.combine(released, datetime.time(), tzinfo=datetime.timezone.utc)
    return str(int(moment.timestamp()))


def run_builder(root: Path, builder: str) -> str:
    """Run one jupyter-book builder strictly into the staging folder; return its log."""
    cmd = [jupyter_book(), "build", str(root), "--builder", builder, "--path-output", str(root / "_build" / "staging"), *STRICT]
    env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch(root), "FORCE_SOURCE_DATE": "1"}
    proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True, env=env)
    log = proc.stdout + proc.stderr
    logs = root / "_build" / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    (logs / f"{builder}.log").write_text(log, encoding="utf-8")
    if proc.returncode != 0:
        raise BuildError(f"{' '.join(cmd)} failed (exit {proc.returncode}); the published book is unchanged:\n{log}")
    return log


def publish(source: Path, target: Path, names: tuple[str, ...] | None = None) -> None:
    """Replace ``target`` with a copy of ``source`` (or of the given files in it)
    in one rename, so a reader never sees half a book."""
    new, old = target.with_name(target.name + ".new"), target.with_name(target.name + ".old")
    for leftover in (new, old):
        shutil.rmtree(leftover, ignore_errors=True)
    if names is None:
        shutil.copytree(source, new)
    else:
        new.mkdir(parents=True)
        for name in names:
            shutil.copy2(source / name, new / name)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def build_html(root: Path) -> str:
    log = run_builder(root, "html")
    publish(staging(root) / "html", root / "_build" / "html")
    return log


def build_pdf(root: Path) -> str:
    log = run_builder(root, "pdflatex")
    latex = staging(root) / "latex"
    if not (latex / PDF_NAME).is_file():
        raise BuildError(f"{latex / PDF_NAME} was not produced; the published book is unchanged")
    tex_log = (latex / LATEX_OUTPUTS[1]).read_text(encoding="utf-8", errors="replace")
    missing = [line for line in tex_log.splitlines() if "Missing character" in line]
    if missing:
        raise BuildError("the PDF lacks glyphs; the published book is unchanged:\n" + "\n".join(missing[:20]))
    publish(latex, root / "_build" / "latex", LATEX_OUTPUTS)
    for html in (staging(root) / "html", root / "_build" / "html"):
        if html.is_dir():
            shutil.copy2(latex / PDF_NAME, html / PDF_NAME)
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
