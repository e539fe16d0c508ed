"""Build the book: ``python -m tools.build [html] [pdf]`` (both by default).

The one build sequence, used by the Makefile and by the tests alike:

1. validate the data package and the seed, and, for a PDF, check that its
   fonts have every character of the data's text (bad input stops here,
   before any notebook runs, and nothing is written);
2. build each edition (``oicbook.core.editions``: English, Kazakh) as strict
   HTML, then as a PDF with XeLaTeX, the editions side by side on the two
   cores, each in its own staging folder (``_build/staging`` for English,
   ``_build/staging-kk``), which also keeps its execution cache and Sphinx's
   environment between builds. The Kazakh edition's configuration is the
   English one with its language, titles, PDF name and LaTeX language set
   (``_build/editions/kk/_config.yml``, written here). Sphinx's LaTeX builder
   writes every page on every run, so a PDF whose inputs are unchanged since
   it was made is kept (``pdf_inputs``);
3. check each LaTeX log for missing glyphs;
4. only then publish: swap the new site into ``_build/html`` (English at its
   root, each other edition in its folder, ``kk/``) and the PDFs and their logs
   into ``_build/latex``, so a failed build never replaces a good book; each
   PDF is put beside its edition's HTML, where every page links it.

``SOURCE_DATE_EPOCH`` (the last commit's time, unless set) makes the output
reproducible.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

from oicbook.core import data, editions, paths
from tools import fonts
from oicbook.report.labels import t

STRICT = ["-W", "-n", "--keep-going"]


class BuildError(RuntimeError):
    pass


def staging_root(root: Path, lang: str = editions.SOURCE) -> Path:
    return root / "_build" / ("staging" if lang == editions.SOURCE else f"staging-{lang}")


def staging(root: Path, lang: str = editions.SOURCE) -> Path:
    """Where jupyter-book writes an edition: ``<root>/_build/staging/_build``."""
    return staging_root(root, lang) / "_build"


def cache_dir(root: Path, lang: str = editions.SOURCE) -> Path:
    return staging(root, lang) / ".jupyter_cache"


def latex_outputs(lang: str) -> tuple[str, str, str]:
    pdf = editions.pdf_name(lang)
    return pdf, pdf.replace(".pdf", ".log"), pdf.replace(".pdf", ".tex")


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

    released = yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))["date-released"]
    moment = datetime.datetime.combine(released, datetime.time(), tzinfo=datetime.timezone.utc)
    return str(int(moment.timestamp()))


# What an edition in another language changes in the book's configuration.
# Babel, not polyglossia: polyglossia has no Kazakh (it falls back to English
# rules and captions); babel's Kazakh locale (babel-kk.ini) sets the script and
# dates but no captions, which come from the locale file (latex.*).
LATEX_LANGUAGE = {"kk": "kazakh"}
CAPTIONS = ("contents", "chapter", "figure", "table", "index", "bib", "page", "part", "appendix")


def edition_config(root: Path, lang: str) -> Path:
    """The configuration the edition builds with: ``_config.yml`` itself for
    English, and for another language a copy with its language set."""
    if lang == editions.SOURCE:
        return root / "_config.yml"
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = t("edition.short_title", lang)
    config["latex"]["latex_documents"]["targetname"] = latex_outputs(lang)[2]
    sphinx = config["sphinx"]["config"]
    sphinx["language"] = lang
    sphinx["numfig_format"] = {kind: t(f"latex.numfig.{kind}", lang) + " %s" for kind in ("figure", "table", "code-block", "section")}
    name = LATEX_LANGUAGE[lang]
    captions = "".join(f"\\setlocalecaption{{{name}}}{{{c}}}{{{t(f'latex.caption.{c}', lang)}}}\n" for c in CAPTIONS)
    elements = sphinx["latex_elements"]
    elements["polyglossia"] = ""
    elements["babel"] = f"\\usepackage{{babel}}\n\\babelprovide[import,main]{{{name}}}\n{captions}"
    return write_edition_file(root, lang, "_config.yml", config)


def write_edition_file(root: Path, lang: str, name: str, content: dict) -> Path:
    """An edition's generated configuration file, under ``_build/editions/<lang>/``."""
    target = root / "_build" / "editions" / lang / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def edition_toc(root: Path, lang: str) -> Path:
    """The table of contents: ``_toc.yml``, its parts' captions in the edition's language."""
    if lang == editions.SOURCE:
        return root / "_toc.yml"
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    for part in toc.get("parts", []):
        if "caption" in part:
            part["caption"] = t(f"toc_caption.{part['caption']}", lang)
    return write_edition_file(root, lang, "_toc.yml", toc)


def run_builder(root: Path, builder: str, lang: str = editions.SOURCE) -> str:
    """Run one jupyter-book builder strictly for one edition into its staging folder; return its log."""
    cmd = [jupyter_book(), "build", str(root), "--builder", builder, "--path-output", str(staging_root(root, lang)),
           "--config", str(edition_config(root, lang)), "--toc", str(edition_toc(root, lang)), *STRICT]
    env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch(root), "FORCE_SOURCE_DATE": "1"}
    proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True, env=env)
    log = proc.stdout + proc.stderr
    logs = root / "_build" / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    (logs / f"{builder}-{lang}.log").write_text(log, encoding="utf-8")
    if proc.returncode != 0:
        raise BuildError(f"the {lang} edition: {' '.join(cmd)} failed (exit {proc.returncode}); the published book is unchanged:\n{log}")
    return log


def each_edition(action, root: Path) -> dict[str, str]:
    """``action(root, lang)`` for every edition at once, one a core; the first failure is raised."""
    with ThreadPoolExecutor(max_workers=len(editions.LANGUAGES)) as pool:
        running = {lang: pool.submit(action, root, lang) for lang in editions.LANGUAGES}
        return {lang: job.result() for lang, job in running.items()}


def swap(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is, in one rename, so a reader never sees half a book."""
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def fresh(target: Path) -> Path:
    new = target.with_name(target.name + ".new")
    shutil.rmtree(new, ignore_errors=True)
    return new


def publish_site(root: Path) -> None:
    """The site: the English edition at its root, every other edition in its folder."""
    target = root / "_build" / "html"
    new = fresh(target)
    for lang in editions.LANGUAGES:
        shutil.copytree(staging(root, lang) / "html", new / editions.folder(lang), dirs_exist_ok=True)
    swap(new, target)


def build_html(root: Path) -> dict[str, str]:
    logs = each_edition(lambda root, lang: run_builder(root, "html", lang), root)
    publish_site(root)
    return logs


PDF_STAMP = ".oicbook-pdf-inputs"
SYSTEM_PACKAGES = Path("/var/lib/dpkg/status")  # TeX Live and the fonts come from Debian


def pdf_inputs(root: Path, lang: str) -> str:
    """One digest of what an edition's PDF is made from: the book's files,
    Sphinx's environment and doctrees as the last build left them, the edition's
    generated configuration, the system's packages and the build date.

    Sphinx's LaTeX builder writes every page again on every build, which takes
    longer than the HTML build that found nothing to do; with this digest
    unchanged, the PDF already built from these very inputs is kept."""
    h = hashlib.sha256(source_date_epoch(root).encode())
    files = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [name for name in subfolders if name not in paths.NOT_SOURCES]
        files += [Path(folder, name) for name in names if not name.endswith(".mo")]
    files += [p for p in (staging(root, lang) / ".doctrees").rglob("*") if p.is_file()]
    files += [root / "_build" / "editions" / lang / name for name in ("_config.yml", "_toc.yml")]
    files += [SYSTEM_PACKAGES]
    for path in sorted(files):
        if path.is_file():
            h.update(str(path).encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def check_pdf(root: Path, lang: str) -> str:
    latex = staging(root, lang) / "latex"
    pdf, tex_log, _ = latex_outputs(lang)
    stamp, log_file = latex / PDF_STAMP, root / "_build" / "logs" / f"pdflatex-{lang}.log"
    if (latex / pdf).is_file() and log_file.is_file() and stamp.is_file() and stamp.read_text() == pdf_inputs(root, lang):
        print(f"PDF ({lang}): made from these very inputs already, kept")
        return log_file.read_text(encoding="utf-8")  # the log of the build that made it
    stamp.unlink(missing_ok=True)
    log = run_builder(root, "pdflatex", lang)
    if not (latex / pdf).is_file():
        raise BuildError(f"{latex / pdf} was not produced; the published book is unchanged")
    missing = [line for line in (latex / tex_log).read_text(encoding="utf-8", errors="replace").splitlines() if "Missing character" in line]
    if missing:
        raise BuildError(f"the {lang} PDF lacks glyphs; the published book is unchanged:\n" + "\n".join(missing[:20]))
    stamp.write_text(pdf_inputs(root, lang))
    return log


def build_pdf(root: Path) -> dict[str, str]:
    logs = each_edition(check_pdf, root)
    target = root / "_build" / "latex"
    new = fresh(target)
    new.mkdir(parents=True)
    for lang in editions.LANGUAGES:
        for name in latex_outputs(lang):
            shutil.copy2(staging(root, lang) / "latex" / name, new / name)
    swap(new, target)
    for lang in editions.LANGUAGES:
        pdf = editions.pdf_name(lang)
        for html in (staging(root, lang) / "html", root / "_build" / "html" / editions.folder(lang)):
            if html.is_dir():
                shutil.copy2(target / pdf, html / pdf)
    return logs


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
        if "pdf" in args.targets:
            data.check_glyphs(root, fonts.has_glyph, fonts.FONTS)
        if "html" in args.targets:
            build_html(root)
            print(f"HTML: {root / '_build' / 'html' / 'index.html'} ({', '.join(editions.LANGUAGES)})")
        if "pdf" in args.targets:
            build_pdf(root)
            for lang in editions.LANGUAGES:
                print(f"PDF: {root / '_build' / 'latex' / editions.pdf_name(lang)}")
    except (data.DataError, BuildError) as exc:
        print(f"build stopped:\n{exc}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
