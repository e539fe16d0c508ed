"""Sphinx glue for the book: the ``kk`` role and the data-aware reader."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from . import nbreader
from .bib import chapter_citation
from .labels import t


class kazakh(nodes.inline):
    """Kazakh text: ``lang="kk"`` in HTML, plain text elsewhere (fonts only)."""


def kk_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    return [kazakh(rawtext, text)], []


def visit_kazakh_html(self, node):
    self.body.append(self.starttag(node, "span", "", lang="kk", CLASS="kk"))


def depart_kazakh_html(self, node):
    self.body.append("</span>")


def _pass(self, node):
    pass


def outdated_by_inputs(app, env, added, changed, removed):
    """Pages whose data or shared code changed since the last build, though their
    source did not: Sphinx would not re-read them, so the cache would not be asked."""
    stored = getattr(env, "oicbook_inputs", {})
    current = {}
    for docname in env.found_docs:
        path = Path(env.doc2path(docname))
        if path.suffix == ".md":
            current[docname] = nbreader.digest_of_page(path)
    env.oicbook_inputs = current
    # A page never recorded counts as changed: Sphinx saves the environment only
    # when it read some page, so the record may be missing.
    return [d for d, digest in current.items() if stored.get(d) != digest and d not in added | changed]


class CiteChapter(SphinxDirective):
    """``{cite-chapter}``: how to cite this chapter, made at build time from
    CITATION.cff and the chapter's title (the first title in the document)."""

    def run(self):
        root = Path(self.env.srcdir)
        self.env.note_dependency(str(root / "CITATION.cff"))
        title = next(iter(self.state.document.findall(nodes.title)), None)
        key = Path(self.env.docname).name
        citation = chapter_citation(title.astext() if title else key, key, root)
        block = nodes.literal_block(citation["bibtex"], citation["bibtex"], language="bibtex")
        return [nodes.rubric("", t("cite.chapter")), nodes.paragraph("", citation["apa"]), block]


PDF_NAME = "oic-chairmanship.pdf"  # the build puts it in the HTML root


def link_pdf(app, pagename, templatename, context, doctree):
    """A download link to the whole-book PDF in every page's footer."""
    if "pathto" in context:
        href = context["pathto"](PDF_NAME, 1)
        context["theme_extra_footer"] = f'<p><a class="oicbook-pdf" href="{href}">Download the whole book as PDF</a></p>'


def setup(app):
    nbreader.ROOT = Path(app.srcdir)
    app.add_role("kk", kk_role)
    app.add_directive("cite-chapter", CiteChapter)
    app.connect("env-get-outdated", outdated_by_inputs)
    app.connect("html-page-context", link_pdf)
    app.add_node(
        kazakh,
        html=(visit_kazakh_html, depart_kazakh_html),
        latex=(_pass, _pass),
        text=(_pass, _pass),
        man=(_pass, _pass),
        texinfo=(_pass, _pass),
    )
    return {"parallel_read_safe": True, "parallel_write_safe": True}
