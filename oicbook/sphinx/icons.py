"""The theme's icons from a subset of FontAwesome's solid font: only the
glyphs the built pages and the theme's scripts name (about twenty, a few kB,
for the full font's 156 kB). The theme's stylesheet maps each ``fa-*`` class
to a code point; the built copy of that stylesheet then names the subset as the
solid face's only source. (A second @font-face would not do: a browser falls
back to the full font for any glyph the subset lacks, and fetches it.)"""

from __future__ import annotations

import re
from pathlib import Path

SUBSET = "fa-solid-subset.woff"
FULL_SOURCE = 'src:url(../vendor/fontawesome/webfonts/fa-solid-900.woff2) format("woff2"),url(../vendor/fontawesome/webfonts/fa-solid-900.ttf) format("truetype")'
STYLESHEET = Path("styles") / "pydata-sphinx-theme.css"
CLASS = re.compile(r"\bfa-[a-z0-9-]+")


def code_points(stylesheet: str) -> dict[str, int]:
    """``{"fa-bars": 0xf0c9, ...}`` from rules such as ``.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}``."""
    points = {}
    for selectors, code in re.findall(r"((?:\.fa-[a-z0-9-]+:before,?)+)\{content:\"\\([0-9a-f]+)\"\}", stylesheet):
        for name in re.findall(r"\.(fa-[a-z0-9-]+):before", selectors):
            points[name] = int(code, 16)
    return points


def used_classes(outdir: Path) -> set[str]:
    names = set()
    for path in list(outdir.rglob("*.html")) + list((outdir / "_static" / "scripts").glob("*.js")):
        names |= set(CLASS.findall(path.read_text(encoding="utf-8", errors="replace")))
    return names


def write_subset(app, exception) -> None:
    if exception is not None or "html" not in app.builder.format:
        return
    from fontTools import subset

    outdir = Path(app.outdir)
    static = outdir / "_static"
    stylesheet = (static / STYLESHEET).read_text(encoding="utf-8")
    if FULL_SOURCE not in stylesheet:
        raise RuntimeError(f"icons: {STYLESHEET} no longer names the solid font as {FULL_SOURCE!r}; the theme has changed")
    points = code_points(stylesheet)
    wanted = sorted({points[name] for name in used_classes(outdir) if name in points} | {0x20})
    if len(wanted) < 2:
        raise RuntimeError("icons: no FontAwesome class of the pages is in the theme's stylesheet; the theme has changed")
    options = subset.Options()
    options.flavor = "woff"
    font = subset.load_font(str(static / "vendor" / "fontawesome" / "webfonts" / "fa-solid-900.ttf"), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    subset.save_font(font, str(static / SUBSET), options)
    (static / STYLESHEET).write_text(stylesheet.replace(FULL_SOURCE, f'src:url(../{SUBSET}) format("woff")'), encoding="utf-8")


def setup(app):
    app.connect("build-finished", write_subset)
