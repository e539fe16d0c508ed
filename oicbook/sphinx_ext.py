"""Sphinx glue for the book: the ``kk`` role, the data-aware reader, figure alt
texts from data, the downloads beside each page, and accessible citations."""

from __future__ import annotations

import ast
from pathlib import Path

from docutils import nodes
from myst_nb.ext.glue.directives import PasteFigureDirective
from myst_nb.ext.glue.utils import RetrievalError, retrieve_glue_data
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from . import downloads, markup, nbreader
from .bib import chapter_citation
from .labels import t


class kazakh(nodes.inline):
    """Kazakh text: ``lang="kk"`` in HTML, plain text elsewhere (fonts only).
    English smart quotes would change it, so it gets none."""


def kk_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    return [kazakh(rawtext, text, classes=[markup.KAZAKH_CLASS], support_smartquotes=False)], []


def visit_kazakh_html(self, node):
    self.body.append(self.starttag(node, "span", "", lang="kk"))


def depart_kazakh_html(self, node):
    self.body.append("</span>")


def _pass(self, node):
    pass


class DataText(SphinxTransform):
    """Data text arrives as escaped spans (``oicbook.markup``) or as glued
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


class DataFigure(PasteFigureDirective):
    """``glue:figure`` whose alt text, unless given, is the text glued beside the
    figure as ``<key>-alt`` (``oicbook.preamble.glue_figure`` computes it from
    the figure's data). A figure without one stops the build."""

    def run(self):
        if "alt" not in self.options:
            key = f"{self.arguments[0]}-alt"
            try:
                glued = retrieve_glue_data(self.document, key)
            except RetrievalError as error:
                raise self.error(f"figure '{self.arguments[0]}' has no alt text: {error}") from None
            self.options["alt"] = ast.literal_eval(glued.data["text/plain"])
        return super().run()


PDF_NAME = "oic-chairmanship.pdf"  # the build puts it in the HTML root
NOTEBOOKS = "_sources"  # the downloadable .ipynb goes beside the page's .md source


def executed_notebook(app, docname: str) -> Path:
    return Path(app.env.mystnb_config.output_folder) / f"{docname}.ipynb"


def page_downloads(app, pagename, templatename, context, doctree):
    """Every page's footer links the PDF and the sources; a notebook page also
    offers its notebook as ``.ipynb`` in the theme's download menu (myst-nb
    writes it, but nothing links it)."""
    if "pathto" not in context:
        return
    pathto = context["pathto"]
    links = [("oicbook-pdf", pathto(PDF_NAME, 1), t("download.pdf")),
             ("oicbook-sources", pathto(downloads.ARCHIVE_NAME, 1), t("download.sources"))]
    context["theme_extra_footer"] = "".join(f'<p><a class="{c}" href="{h}">{text}</a></p>' for c, h, text in links)
    if doctree is not None and executed_notebook(app, pagename).is_file():
        context["ipynb_source"] = f"{pagename}.ipynb"  # sphinx-book-theme puts it under _sources/


def write_downloads(app, exception):
    """After a good HTML build: the downloadable notebooks and the sources ZIP."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    book = app.config.project
    for docname in sorted(app.env.found_docs):
        executed = executed_notebook(app, docname)
        if executed.is_file():
            title = app.env.titles[docname].astext()
            target = outdir / NOTEBOOKS / f"{docname}.ipynb"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(downloads.downloadable_notebook(executed, title, book), encoding="utf-8")
    downloads.write_source_archive(Path(app.srcdir), outdir / downloads.ARCHIVE_NAME)


def link_table_csv(app, doctree, docname):
    """Each table of a page is written as CSV beside the HTML, and linked under it."""
    if app.builder.format != "html":
        return
    page_uri = app.builder.get_target_uri(docname)
    for number, table in enumerate(list(doctree.findall(nodes.table)), 1):
        name = table["ids"][0] if table["ids"] else f"table-{number}"
        rows = [[entry.astext() for entry in row.findall(nodes.entry)] for row in table.findall(nodes.row)]
        target = f"_tables/{docname}/{name}.csv"
        path = Path(app.outdir) / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(downloads.table_csv(rows), encoding="utf-8", newline="")
        href = relative_uri(page_uri, target)
        link = f'<p class="oicbook-csv"><a href="{href}" download>{t("download.table_csv")}</a></p>\n'
        table.parent.insert(table.parent.index(table) + 1, nodes.raw("", link, format="html"))


def visit_citation_html(self, node):
    # docutils gives each entry the deprecated role doc-biblioentry inside a
    # role="list", which axe-core reports as a critical violation; list items are valid
    if not isinstance(node.previous_sibling(), type(node)):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def depart_citation_html(self, node):
    self.body.append("</div>\n")
    if not isinstance(node.next_node(descend=False, siblings=True), type(node)):
        self.body.append("</div>\n")


def configure(app, config):
    config.html_static_path.append(str(Path(__file__).resolve().parent / "static"))
    # The theme's default mode is empty, which its own script reports as a
    # console error on a reader's first visit; "auto" follows the system.
    config.html_context.setdefault("default_mode", "auto")


def is_thebe(asset) -> bool:
    return "thebe" in (getattr(asset, "filename", None) or "") or "THEBE_JS_URL" in str(getattr(asset, "attributes", {}).get("body", ""))


def drop_thebe(app, pagename, templatename, context, doctree):
    """Live code (thebe) is off in this book, yet Jupyter Book always loads
    sphinx-thebe, which declares its CDN address twice: a script error on every
    page. The book runs offline, so its thebe assets go."""
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if not is_thebe(asset)]


def setup(app):
    nbreader.ROOT = Path(app.srcdir)
    app.add_role("kk", kk_role)
    app.add_transform(DataText)
    app.add_directive("cite-chapter", CiteChapter)
    app.connect("env-get-outdated", outdated_by_inputs)
    app.add_directive_to_domain("glue", "figure", DataFigure, override=True)
    app.connect("config-inited", configure)
    # html-page-context stops at the first handler that returns a template, so
    # these run before the themes' own (priority 500)
    app.connect("html-page-context", drop_thebe, priority=400)
    app.connect("html-page-context", page_downloads, priority=400)
    app.connect("doctree-resolved", link_table_csv)
    app.connect("build-finished", write_downloads)
    app.add_js_file("oicbook-search.js")
    app.add_node(nodes.citation, override=True, html=(visit_citation_html, depart_citation_html))
    app.add_node(
        kazakh,
        html=(visit_kazakh_html, depart_kazakh_html),
        latex=(_pass, _pass),
        text=(_pass, _pass),
        man=(_pass, _pass),
        texinfo=(_pass, _pass),
    )
    return {"parallel_read_safe": True, "parallel_write_safe": True}
