"""Imported by the hidden first cell of every chapter: ``from oicbook.report.preamble import *``.

It sets one figure style and the display options, and gives chapters the few
names they use: ``load``, ``glue``, ``t``, ``md_table``, ``md``, ``Md``,
``literal``, ``kk``, ``bold``, ``role``, ``code_block``, ``sentence_ref``. Markdown built from data goes through
``oicbook.report.markup`` (``Md``, ``literal``, ``md_table``), never through string
formatting, so data text always shows literally.
"""

from __future__ import annotations

import io
import numbers

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Image, Markdown
from matplotlib_inline.backend_inline import set_matplotlib_formats
from myst_nb import glue as myst_glue

from ..core.data import load, seed_text
from .display import quote, sentence_ref, with_english
from .labels import t
from .numbers import integer, listing
from .markup import Md, bold, code_block, kk, literal, role, table, target
from .quantities import TABLE_MIME, table_specs

# Okabe-Ito: distinguishable with colour-blindness and in greyscale by lightness;
# figures never rely on colour alone (markers and labels carry the meaning).
PALETTE = ["#000000", "#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442"]

plt.rcParams.update(
    {
        "figure.figsize": (8, 4.5),
        "figure.dpi": 100,
        "savefig.dpi": 150,
        "figure.facecolor": "white",  # opaque, so figures stay legible in dark mode
        "axes.facecolor": "white",
        "savefig.facecolor": "white",
        "font.family": "DejaVu Sans",  # covers Kazakh Cyrillic
        "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "svg.hashsalt": "oicbook",  # stable SVG ids between builds
        "text.parse_math": False,  # a "$" in data text is a dollar sign, never mathtext
    }
)
# PNG serves both outputs: LaTeX cannot include SVG without a converter.
set_matplotlib_formats("png")
pd.set_option("display.max_columns", 20)
pd.set_option("display.width", 120)


def glue(name: str, value, display: bool = False) -> None:
    """myst-nb's ``glue``, with a whole number written in the edition's
    language ('1,504', '1 504'); any other number must be written first."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        value = integer(int(value))
    elif isinstance(value, numbers.Real) and not isinstance(value, bool):
        raise TypeError(f"glue '{name}': write a fraction with oicbook.report.numbers (fixed, significant) before gluing it")
    myst_glue(name, value, display=display)


class Table:
    """A computed table for ``glue``: its Markdown, which the page shows, and
    what each column holds (``oicbook.report.quantities``), which its CSV
    download is made from (``oicbook.sphinx.downloads``)."""

    def __init__(self, columns: dict):
        self.markdown = table(columns)
        self.specs = table_specs(columns)

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/markdown": self.markdown, TABLE_MIME: self.specs, "text/plain": f"a table of {self.markdown.count(chr(10)) - 2} rows"}


def md_table(columns: pd.DataFrame | dict) -> Table:
    """A computed table (a DataFrame, or a dict of columns) to be glued inside a
    ``table`` directive; every cell that is not ``Md`` is shown literally."""
    return Table({name: columns[name].tolist() for name in columns.columns} if isinstance(columns, pd.DataFrame) else columns)


def md(text: Md) -> Markdown:
    """Markdown built with ``Md`` (so its data text is escaped), for ``glue`` or display."""
    if not isinstance(text, Md):
        raise TypeError("md() takes Md, built with oicbook.report.markup; data text goes through literal()")
    return Markdown(text)


def quoter(sentences: pd.DataFrame):
    """``show(*ids)``: the sentences with these ids as block quotes, in Kazakh
    with their ids, each with the book's English translation under it (in the
    Kazakh edition, the Kazakh alone)."""
    by_id = sentences.set_index("id", drop=False)
    english = load("translations").set_index("sentence_id")["english"] if with_english() else None
    return lambda *ids: md(Md("\n").join(quote(by_id.loc[i], None if english is None else english[i]) for i in ids))


def glue_section(section: dict) -> None:
    """Glue each result of a section under its key: a table (a dict of columns)
    as Markdown, ``Md`` as Markdown, a figure with its alt text, else as it is."""
    for key, value in section.items():
        if isinstance(value, dict):
            glue(key, md_table(value), display=False)
        elif isinstance(value, Md):
            glue(key, md(value), display=False)
        elif getattr(value, "alt_text", None) is not None or isinstance(value, plt.Figure):
            glue_figure(key, value)
        else:
            glue(key, value, display=False)


def glue_figure(name: str, fig) -> None:
    """Glue a figure, and beside it (as ``<name>-alt``) the alt text its
    drawing function computed from the data; close it so it shows only once."""
    if not getattr(fig, "alt_text", None):
        raise ValueError(f"figure '{name}' has no alt text: draw it with a function of oicbook.report.figures")
    glue(name, Image(data=palette_png(fig), format="png"), display=False)
    glue(f"{name}-alt", fig.alt_text, display=False)
    plt.close(fig)


def palette_png(fig) -> bytes:
    """The figure as a PNG of at most 64 colours, without dithering: a quarter
    of the full-colour file's size for the same lines, text and fills, so that
    a page with figures stays within its weight."""
    from PIL import Image as PILImage

    drawn = io.BytesIO()
    fig.savefig(drawn, format="png", bbox_inches="tight")
    image = PILImage.open(drawn).convert("RGB").quantize(colors=64, method=PILImage.Quantize.MEDIANCUT, dither=PILImage.Dither.NONE)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


__all__ = ["Md", "bold", "code_block", "glue", "glue_figure", "glue_section", "kk", "listing", "literal", "load", "md", "md_table", "pd", "plt", "quoter", "role", "seed_text", "sentence_ref", "t", "target"]
