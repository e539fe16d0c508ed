"""Kazakh text and data text on the page.

The ``kk`` role marks hand-written Kazakh; data text arrives as escaped spans
from ``oicbook.report.markup``. Kazakh gets ``lang="kk"`` in HTML, and neither Kazakh
nor data text gets smart quotes, so both are shown exactly as written.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms import SphinxTransform

from ..report import markup
from ..report.labels import t
from sphinx.util.texescape import escape

# makeindex reads bytes, so it heads each Kazakh (Cyrillic) term's group with
# the first byte of its UTF-8, which XeLaTeX sets as a replacement character.
# The PDF's index puts those groups under one named heading instead.
INDEX_GROUPS = r"""
\makeatletter
\newif\ifoicbook@kazakhgroup
\def\sphinxstyleindexlettergroup#1{%
  \ifnum`#1>127\relax
    \ifoicbook@kazakhgroup\else\global\oicbook@kazakhgrouptrue{\Large\sffamily @HEADING@}\nopagebreak\vspace{1mm}\fi
  \else{\Large\sffamily#1}\nopagebreak\vspace{1mm}\fi}
\makeatother
"""


def name_the_kazakh_index_group(app, config):
    elements = dict(config.latex_elements)
    elements["preamble"] = elements.get("preamble", "") + INDEX_GROUPS.replace("@HEADING@", escape(t("index.kazakh_terms")))
    config.latex_elements = elements


class kazakh(nodes.inline):
    """Kazakh text: ``lang="kk"`` in HTML, plain text elsewhere (fonts only)."""


def kk_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    return [kazakh(rawtext, text, classes=[markup.KAZAKH_CLASS], support_smartquotes=False)], []


def visit_kazakh_html(self, node):
    self.body.append(self.starttag(node, "span", "", lang="kk"))


def depart_kazakh_html(self, node):
    self.body.append("</span>")


def _pass(self, node):
    pass


class DataText(SphinxTransform):
    """Data text arrives as escaped spans (``oicbook.report.markup``) or as glued
    plain text (``{glue:text}``): a span of Kazakh becomes a ``kazakh`` node,
    and neither gets smart quotes, so data text is shown exactly as written.
    Runs before Sphinx's smart quotes (750)."""

    default_priority = 700
    LITERAL_CLASSES = {markup.DATA_CLASS, "pasted-text"}  # myst-nb's class for {glue:text}

    def apply(self, **kwargs):
        for node in list(self.document.findall(nodes.inline)):
            classes = node.get("classes", [])
            if self.LITERAL_CLASSES.intersection(classes):
                node["support_smartquotes"] = False  # Sphinx reads this of every parent
            if markup.KAZAKH_CLASS in classes and not isinstance(node, kazakh):
                node.replace_self(kazakh(node.rawsource, "", *node.children, **node.attributes))


def setup(app):
    app.connect("config-inited", name_the_kazakh_index_group)
    app.add_role("kk", kk_role)
    app.add_transform(DataText)
    app.add_node(
        kazakh,
        html=(visit_kazakh_html, depart_kazakh_html),
        latex=(_pass, _pass),
        text=(_pass, _pass),
        man=(_pass, _pass),
        texinfo=(_pass, _pass),
    )
