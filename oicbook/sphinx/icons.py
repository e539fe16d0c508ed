"""The theme's icons from subsets of FontAwesome's fonts: only the glyphs the
built pages and the theme's scripts name, and the theme's own link icons
(about twenty, a few kB, for the full fonts' 156 and 118 kB). The theme's
stylesheet maps each ``fa-*`` class, and each ``--pst-icon-*`` variable, to a
code point; the built copy of that stylesheet then names each subset as its
face's only source. (A second @font-face would not do: a browser falls back to
the full font for any glyph the subset lacks, and fetches it.)"""

from __future__ import annotations

import re
from pathlib import Path

FACES = ("fa-solid-900", "fa-brands-400")  # the faces the theme's classes and link icons use
STYLESHEET = Path("styles") / "pydata-sphinx-theme.css"
CLASS = re.compile(r"\bfa-[a-z0-9-]+")


def full_source(face: str) -> str:
    fonts = "../vendor/fontawesome/webfonts"
    return f'src:url({fonts}/{face}.woff2) format("woff2"),url({fonts}/{face}.ttf) format("truetype")'


def subset_name(face: str) -> str:
    return f"{face}-subset.woff"


def code_points(stylesheet: str) -> dict[str, int]:
    """``{"fa-bars": 0xf0c9, ...}`` from rules such as ``.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}``."""
    points = {}
    for selectors, code in re.findall(r"((?:\.fa-[a-z0-9-]+:before,?)+)\{content:\"\\([0-9a-f]+)\"\}", stylesheet):
        for name in re.findall(r"\.(fa-[a-z0-9-]+):before", selectors):
            points[name] = int(code, 16)
    return points


def link_icons(stylesheet: str) -> set[int]:
    """The theme's own icons for links (``--pst-icon-github:"\\f09b"``, or the character itself), drawn wherever such a link is."""
    values = re.findall(r"--pst-icon-[a-z0-9-]+:\"(\\[0-9a-f]+|[^\"\\])\"", stylesheet)  # an escape, or the character itself
    return {int(v[1:], 16) if v.startswith("\\") else ord(v) for v in values}


def used_classes(outdir: Path) -> set[str]:
    names = set()
    for path in list(outdir.rglob("*.html")) + list((outdir / "_static" / "scripts").glob("*.js")):
        names |= set(CLASS.findall(path.read_text(encoding="utf-8", errors="replace")))
    return names


def write_subsets(app, exception) -> None:
    if exception is not None or "html" not in app.builder.format:
        return
    from fontTools import subset

    outdir = Path(app.outdir)
    static = outdir / "_static"
    stylesheet = (static / STYLESHEET).read_text(encoding="utf-8")
    points = code_points(stylesheet)
    wanted = sorted({points[name] for name in used_classes(outdir) if name in points} | link_icons(stylesheet) | {0x20})
    if len(wanted) < 3:
        raise RuntimeError("icons: no FontAwesome class of the pages is in the theme's stylesheet; the theme has changed")
    for face in FACES:
        ours = f'src:url(../{subset_name(face)}) format("woff")'
        if full_source(face) not in stylesheet and ours not in stylesheet:  # ours: an incremental build keeps the patched copy
            raise RuntimeError(f"icons: {STYLESHEET} no longer names {face} as {full_source(face)!r}; the theme has changed")
        options = subset.Options()
        options.flavor = "woff"
        font = subset.load_font(str(static / "vendor" / "fontawesome" / "webfonts" / f"{face}.ttf"), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=wanted)
        subsetter.subset(font)
        subset.save_font(font, str(static / subset_name(face)), options)
        stylesheet = stylesheet.replace(full_source(face), ours)
    (static / STYLESHEET).write_text(stylesheet, encoding="utf-8")


def setup(app):
    app.connect("build-finished", write_subsets)
