"""What a reader can download beside each page: the PDF and the book's sources
(in every footer), the chapter's notebook (in the theme's download menu) and
each table as CSV (linked under it)."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.util.osutil import relative_uri

from ..core import editions
from ..report.labels import t
from . import archive

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
    links = [("oicbook-pdf", pathto(editions.pdf_name(app.config.language), 1), t("download.pdf")),
             ("oicbook-sources", pathto(archive.ARCHIVE_NAME, 1), t("download.sources"))]
    context["theme_extra_footer"] = "".join(f'<p><a class="{c}" href="{h}">{text}</a></p>' for c, h, text in links)
    if doctree is not None and executed_notebook(app, pagename).is_file():
        # sphinx-book-theme's download menu offers `ipynb_source` (under _sources/)
        # when the context has it; a test fails when the theme stops reading it.
        context["ipynb_source"] = f"{pagename}.ipynb"


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
            target.write_text(archive.downloadable_notebook(executed, title, book), encoding="utf-8")
    archive.write_source_archive(Path(app.srcdir), outdir / archive.ARCHIVE_NAME)


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
        path.write_text(archive.table_csv(rows), encoding="utf-8", newline="")
        href = relative_uri(page_uri, target)
        link = f'<p class="oicbook-csv"><a href="{href}" download>{t("download.table_csv")}</a></p>\n'
        table.parent.insert(table.parent.index(table) + 1, nodes.raw("", link, format="html"))


def setup(app):
    # html-page-context stops at the first handler that returns a template, so
    # this runs before the themes' own (priority 500)
    app.connect("html-page-context", page_downloads, priority=400)
    app.connect("doctree-resolved", link_table_csv)
    app.connect("build-finished", write_downloads)
