"""The printed edition, set for print rather than poured from the HTML.

Every table breaks across pages (a longtable) and sets its cells ragged
right, so no row is lost and a narrow column never stretches its words
apart; addresses break anywhere (``xurl``), a line may break after a
slash, and the bibliography is ragged right; the running footer names the chapter, whose
title is short enough to share the line with the page number; a paragraph
may stretch rather than run into the margin. A run of Arabic script, which
DejaVu lacks, is set right to left in Amiri (``fonts-hosny-amiri``, SIL Open
Font License 1.1).

Kazakh has no hyphenation patterns in Debian's TeX Live, so the Kazakh
edition hyphenates by rule: once Sphinx has written the LaTeX, every Kazakh
word in it is given its syllable breaks (``oicbook.core.syllables``) in a
``\babelhyphenation`` list the preamble reads. Table cells and captions stay
ragged right in both editions.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..core.syllables import CYRILLIC_WORD, breaks, hyphenated
from .citation import CITATION_LINE

ARABIC_FONT = "Amiri"
_ARABIC_LETTERS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
# A run of Arabic words, with the spaces between them, set as one right-to-left run.
ARABIC_RUN = re.compile(f"[{_ARABIC_LETTERS}]+(?:[ \u00a0]+[{_ARABIC_LETTERS}]+)*")

PREAMBLE = r"""
\usepackage{ragged2e}
\usepackage{xurl}
\usepackage[justification=RaggedRight,singlelinecheck=false]{caption}
\setlength{\emergencystretch}{3em}
\makeatletter
% Sphinx's \X and \Y columns (sphinxlatextables.sty), with ragged-right cells.
\newcolumntype{\X}[2]{>{\RaggedRight\arraybackslash}p{\dimexpr
      (\linewidth-\spx@arrayrulewidth)*#1/#2-\tw@\tabcolsep-\spx@arrayrulewidth\relax}}
\newcolumntype{\Y}[1]{>{\RaggedRight\arraybackslash}p{\dimexpr
      #1\dimexpr\linewidth-\spx@arrayrulewidth\relax-\tw@\tabcolsep-\spx@arrayrulewidth\relax}}
% Sphinx's footer (sphinxlatexstylepage.sty) with the chapter instead of the section.
\fancypagestyle{normal}{%
  \fancyhf{}%
  \fancyfoot[RO]{{\py@HeaderFamily\thepage}}%
  \fancyfoot[LO]{{\py@HeaderFamily\nouppercase{\leftmark}}}%
  \fancyhead[RO]{{\py@HeaderFamily \@title\sphinxheadercomma\py@release}}%
  \renewcommand{\headrulewidth}{0.4pt}%
  \renewcommand{\footrulewidth}{0.4pt}}
% A line may break after a slash (a path, "Jordan/Lebanon"); the bibliography
% is ragged right.
\newXeTeXintercharclass\oicbook@breakafter
\XeTeXcharclass`\/=\oicbook@breakafter
\XeTeXinterchartoks\oicbook@breakafter 0={\allowbreak}
\XeTeXinterchartokenstate=1
\AtBeginEnvironment{thebibliography}{\RaggedRight}
% A verdict, an amount's unit or a month is read as one word: never broken at a line's end, however narrow its column.
\hyphenation{consistent inconsistent implausible unverifiable identified described million billion trillion
January February March April June July August September October November December}
% A figure goes on a page of its own only when it fills most of one; a smaller
% one shares a page with the text round it.
\renewcommand{\topfraction}{0.85}
\renewcommand{\textfraction}{0.1}
\renewcommand{\floatpagefraction}{0.8}
\makeatother
\TeXXeTstate=1
\newfontfamily\oicbookarabicfont{@ARABIC@}[Script=Arabic]
\newcommand{\oicbookarabic}[1]{{\oicbookarabicfont\beginR #1\endR}}
""".replace("@ARABIC@", ARABIC_FONT)

# Where a longtable cannot go: it must stand in the page's own column.
_NOT_LONG = (nodes.admonition, nodes.list_item, nodes.footnote, nodes.entry, nodes.sidebar, nodes.topic)


class PrintTables(SphinxPostTransform):
    """Every table that stands in the text column becomes a longtable."""

    default_priority = 200
    formats = ("latex",)

    def run(self, **kwargs):
        for table in self.document.findall(nodes.table):
            parent, nested = table.parent, False
            while parent is not None:
                nested = nested or isinstance(parent, _NOT_LONG)
                parent = parent.parent
            if not nested and "longtable" not in table["classes"]:
                table["classes"].append("longtable")


# A section whose label starts so is left out of print, with its subsections:
# the online page carries it (the data appendix's file-by-file list).
ONLINE_ONLY = "online-only-"


class OnlineOnly(SphinxPostTransform):
    """Sections labelled ``online-only-…`` are left out of the PDF."""

    default_priority = 190
    formats = ("latex",)

    def run(self, **kwargs):
        gone = set()
        for section in list(self.document.findall(nodes.section)):
            if section.parent is not None and any(name.startswith(ONLINE_ONLY) for name in section["ids"] + section["names"]):
                # the chapter's citation line, where it closes the section, stays in print
                kept = [p for p in section.findall(nodes.paragraph) if CITATION_LINE in p["classes"]]
                for line in kept:
                    line.parent.remove(line)
                gone.update(i for node in section.findall(nodes.Element) for i in node.get("ids", []))
                parent, at = section.parent, section.parent.index(section)
                parent.remove(section)
                for offset, line in enumerate(kept):
                    parent.insert(at + offset, line)
        for target in list(self.document.findall(nodes.target)):
            if target.get("refid") in gone or gone & set(target.get("ids", [])):
                target.parent.remove(target)
        # a link into what print leaves out keeps its words and loses its target
        for ref in list(self.document.findall(nodes.reference)):
            target = ref.get("refid") or ref.get("refuri", "").rpartition("#")[2]
            if target in gone:
                ref.replace_self(nodes.inline("", "", *ref.children))


class ArabicRuns(SphinxPostTransform):
    """Each run of Arabic script in the text is set with ``\\oicbookarabic``."""

    default_priority = 200
    formats = ("latex",)

    def run(self, **kwargs):
        for text in list(self.document.findall(nodes.Text)):
            if not ARABIC_RUN.search(text) or isinstance(text.parent, (nodes.raw, nodes.literal_block)):
                continue
            parts, at = [], 0
            for run in ARABIC_RUN.finditer(text):
                parts += [nodes.Text(text[at:run.start()]), nodes.raw("", r"\oicbookarabic{", format="latex"),
                          nodes.Text(run.group()), nodes.raw("", "}", format="latex")]
                at = run.end()
            parts.append(nodes.Text(text[at:]))
            text.parent.replace(text, [p for p in parts if not isinstance(p, nodes.Text) or str(p)])


HYPHENATION_FILE = "oicbook-hyphenation.inc"  # not .tex: the LaTeX Makefile makes a PDF of every .tex
# Read once babel has set up Kazakh (the Kazakh edition's language).
KAZAKH_PREAMBLE = rf"""
\InputIfFileExists{{{HYPHENATION_FILE}}}{{}}{{}}
"""


def _kazakh_edition(config) -> bool:
    return "kazakh" in dict(config.latex_elements).get("babel", "")


def add_preamble(app, config):
    elements = dict(config.latex_elements)
    elements["preamble"] = elements.get("preamble", "") + PREAMBLE + (KAZAKH_PREAMBLE if _kazakh_edition(config) else "")
    config.latex_elements = elements


def write_hyphenation(app, exception):
    """Every Kazakh word the LaTeX holds, with its syllable breaks, for babel."""
    if exception or app.builder.name != "latex" or not _kazakh_edition(app.config):
        return
    words = set()
    for tex in Path(app.outdir).glob("*.tex"):
        words |= {w.lower() for w in CYRILLIC_WORD.findall(tex.read_text(encoding="utf-8"))}
    listed = "\n".join(hyphenated(w) for w in sorted(words) if breaks(w))
    (Path(app.outdir) / HYPHENATION_FILE).write_text(f"\\babelhyphenation[kazakh]{{%\n{listed}}}\n", encoding="utf-8")


def setup(app):
    app.connect("config-inited", add_preamble)
    app.connect("build-finished", write_hyphenation)
    app.add_post_transform(OnlineOnly)
    app.add_post_transform(PrintTables)
    app.add_post_transform(ArabicRuns)
