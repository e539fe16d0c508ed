"""How to cite a chapter, and citation lists that assistive technology reads."""

from __future__ import annotations

import html
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx.util.texescape import escape

from sphinx.util.osutil import relative_uri

from ..report import citation as book_citation
from ..report.citation import book_metadata, chapter_formats
from ..report.display import when
from ..report.labels import t
from .i18n import untranslatable


class PendingCitation(nodes.General, nodes.Element):
    """Where ``{cite-chapter}`` stood, until the chapter's title is final."""


class CiteChapter(SphinxDirective):
    """``{cite-chapter}``: how to cite this chapter, made from CITATION.cff and
    the chapter's title once the page is read, so that a translated title is
    the one cited (``fill_chapter_citations``)."""

    def run(self):
        self.env.note_dependency(str(Path(self.env.srcdir) / "CITATION.cff"))
        return [PendingCitation()]


CITATION_LINE = "oicbook-citation"  # the class of a chapter's "Cite this chapter" line, which print keeps (oicbook.sphinx.pdf)


def citation_nodes(root: Path, docname: str, title: str) -> list[nodes.Node]:
    key = Path(docname).name
    citation = book_citation.chapter_citation(title or key, key, root, docname)
    # One line: the BibTeX, RIS and CSL-JSON files join it in HTML (link_citation_files).
    lead = t("cite.chapter", style=citation["style"])
    apa = nodes.inline("", "", nodes.Text(citation["before"]), nodes.emphasis(citation["title"], citation["title"]),
                       nodes.Text(citation["after"]), classes=["oicbook-cite-apa"])
    if citation["url"]:
        apa += [nodes.Text(" "), nodes.reference(citation["url"], citation["url"], refuri=citation["url"])]
    return untranslatable([nodes.paragraph("", "", nodes.strong(lead, lead), nodes.Text(" "), apa, classes=[CITATION_LINE])])


def fill_chapter_citations(app, doctree):
    """After the page is read and translated: its citation, with its title as the reader sees it."""
    title = next(iter(doctree.findall(nodes.title)), None)
    for node in list(doctree.findall(PendingCitation)):
        node.replace_self(citation_nodes(Path(app.srcdir), app.env.docname, title.astext() if title else ""))


class BookVersion(SphinxDirective):
    """``{book-version}``: the book's version and release date, from CITATION.cff."""

    def run(self):
        root = Path(self.env.srcdir)
        self.env.note_dependency(str(root / "CITATION.cff"))
        book = book_metadata(root)
        text = t("cite.version", version=book["version"], released=when(book["date"]))
        return untranslatable([nodes.paragraph("", text, classes=["oicbook-version"])])


class BookRepository(SphinxDirective):
    """``{book-repository}``: how the PDFs, the Kazakh edition and the tests are
    built, and the command that clones the book's repository, from CITATION.cff's
    ``repository-code`` (the one place it is set); nothing while it has none."""

    def run(self):
        root = Path(self.env.srcdir)
        self.env.note_dependency(str(root / "CITATION.cff"))
        address = book_metadata(root)["repository"]
        if not address:
            return []
        command = f"git clone {address}"
        return untranslatable([nodes.paragraph("", t("cite.repository")), nodes.literal_block(command, command, language="sh")])


def visit_citation_html(self, node):
    # Kept as an override: docutils gives each entry the deprecated role
    # doc-biblioentry inside a role="list", which axe-core reports as a
    # critical violation; list items are valid. A test fails when docutils stops.
    if not isinstance(node.previous_sibling(), type(node)):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def depart_citation_html(self, node):
    self.body.append("</div>\n")
    if not isinstance(node.next_node(descend=False, siblings=True), type(node)):
        self.body.append("</div>\n")


def name_the_project(app, config):
    """Sphinx's ``project``, which the notebooks' first cell reads, and the
    PDF's metadata are the book's entry in CITATION.cff: the book is named in one place."""
    book = book_metadata(Path(app.srcdir))
    config.project = book["title"]
    config.html_baseurl = book["url"]  # Sphinx's canonical link on every page, once the book has an address
    config.version = config.release = book["version"]  # the PDF's title page: "Version 0.1.0"
    config.today = when(book["date"])  # and its date: the release's, not the build's
    # the PDF's title stays the title page's own (Sphinx sets it at \maketitle)
    fields = {"pdfauthor": "; ".join(book["authors"]), "pdfsubject": book["abstract"],
              "pdfkeywords": book["keywords"], "pdflang": config.language}
    setup_line = ", ".join(f"{key}={{{escape(value)}}}" for key, value in fields.items())
    elements = dict(config.latex_elements)
    elements.setdefault("releasename", t("cite.version_name"))
    elements["preamble"] = elements.get("preamble", "") + f"\n\\AtBeginDocument{{\\hypersetup{{{setup_line}}}}}\n"
    config.latex_elements = elements


CITATIONS = "_citations"  # a chapter's citation files, beside the HTML


def link_citation_files(app, doctree, docname):
    """Under a chapter's citation: its BibTeX, RIS and CSL-JSON, written as files and linked."""
    if app.builder.format != "html":
        return
    line = next((p for p in doctree.findall(nodes.paragraph) if CITATION_LINE in p["classes"]), None)
    if line is None:
        return
    title = app.env.titles[docname].astext()
    key = Path(docname).name
    links = []
    for suffix, text in chapter_formats(title, key, app.config.language, Path(app.srcdir), docname).items():
        target = f"{CITATIONS}/{key}{suffix}"
        path = Path(app.outdir) / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        href = relative_uri(app.builder.get_target_uri(docname), target)
        label = html.escape(t("cite.download_" + suffix[1:]))
        links.append(f'<a class="oicbook-cite-{suffix[1:]}" href="{href}" download>{label}</a>')
    line += nodes.raw("", f' <span class="oicbook-cite-files">{" · ".join(links)}</span>', format="html")


def setup(app):
    app.connect("config-inited", name_the_project)
    app.connect("doctree-read", fill_chapter_citations)
    app.connect("doctree-resolved", link_citation_files)
    app.add_directive("cite-chapter", CiteChapter)
    app.add_directive("book-version", BookVersion)
    app.add_directive("book-repository", BookRepository)
    app.add_node(nodes.citation, override=True, html=(visit_citation_html, depart_citation_html))
