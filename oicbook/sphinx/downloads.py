"""What a reader can download beside each page: the PDF and the book's sources
(in every footer), the chapter's notebook (in the theme's download menu) and
each table as CSV (linked under it)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from docutils import nodes
from sphinx.util.osutil import relative_uri

from ..core import editions
from ..report.labels import t
from ..report.quantities import TABLE_MIME
from . import archive

NOTEBOOKS = "_sources"  # the downloadable .ipynb goes beside the page's .md source


def executed_notebook(app, docname: str) -> Path:
    return Path(app.env.mystnb_config.output_folder) / f"{docname}.ipynb"


def glue_data(app, docname: str) -> dict:
    """What the page's notebook glued, by key, as myst-nb wrote it beside the executed notebook ({} if nothing)."""
    path = executed_notebook(app, docname).with_suffix(".glue.json")
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


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


TABLE_OPENING = re.compile(r"^(:{3,})\{table\}")
GLUED = re.compile(r"\{glue:md\}[ `](\w+)")


def glued_tables(source: str) -> dict[str, str]:
    """Which glued table each named ``table`` directive of a page's source shows: {name: glue key}."""
    found, fence, name = {}, None, None
    for line in source.splitlines():
        opening = TABLE_OPENING.match(line)
        if fence is None and opening:
            fence, name = opening.group(1), None
        elif fence is not None and line.strip() == fence:
            fence = None
        elif fence is not None and line.startswith(":name:"):
            name = line.split(":", 2)[2].strip()
        elif fence is not None and name and (key := GLUED.search(line)):
            found[name] = key.group(1)
    return found


def column_specs(app, docname: str) -> dict[str, list[dict]]:
    """The column specs of the page's glued tables, by table name (``oicbook.report.quantities``)."""
    glue, source = glue_data(app, docname), Path(app.env.doc2path(docname))
    if not glue or not source.is_file():
        return {}
    specs = {}
    for name, key in glued_tables(source.read_text(encoding="utf-8")).items():
        data = glue.get(key, {}).get("data", {})
        if TABLE_MIME in data:
            specs[name] = json.loads(data[TABLE_MIME])
    return specs


def table_name(table, docname: str, number: int) -> str:
    """A download's name, after what the table holds: the page, then the
    table's own name ('economy-gdp'), else its section's ('data-claims')."""
    page = Path(docname).name
    if table["ids"]:
        return f"{page}-{table['ids'][0].removeprefix('tbl-').removeprefix(page + '-')}"
    section = next((node for node in _ancestors(table) if isinstance(node, nodes.section) and node["ids"]), None)
    return f"{page}-{section['ids'][0]}" if section is not None else f"{page}-table-{number}"


def _ancestors(node):
    while node.parent is not None:
        node = node.parent
        yield node


def link_table_csv(app, doctree, docname):
    """Each table of a page is written as CSV beside the HTML, and linked under it."""
    if app.builder.format != "html":
        return
    page_uri = app.builder.get_target_uri(docname)
    specs = column_specs(app, docname)
    taken = set()
    for number, table in enumerate(list(doctree.findall(nodes.table)), 1):
        name = table_name(table, docname, number)
        name = name if name not in taken else f"{name}-{number}"
        taken.add(name)
        shown = [[entry.astext() for entry in row.findall(nodes.entry)] for row in table.findall(nodes.row)]
        table_specs = specs.get(table["ids"][0]) if table["ids"] else None
        target = f"{TABLES}/{name}.csv"
        path = Path(app.outdir) / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(archive.table_csv(spreadsheet_rows(shown, table_specs)), encoding="utf-8", newline="")
        href = relative_uri(page_uri, target)
        link = f'<p class="oicbook-csv"><a href="{href}" download>{t("download.table_csv")}</a></p>\n'
        table.parent.insert(table.parent.index(table) + 1, nodes.raw("", link, format="html"))


TABLES = "_tables"


def spreadsheet_rows(shown: list[list[str]], specs: list[dict] | None) -> list[list[str]]:
    """The table for a spreadsheet: a column of figures as numbers, its unit in
    its heading, and a verdict on them in a column of its own; any other column
    as the page shows it."""
    header, body = shown[0], shown[1:]
    if not specs or len(specs) != len(header):
        return shown
    columns = []
    for index, (title, spec) in enumerate(zip(header, specs)):
        if spec["kind"] == "text" or len(spec["values"]) != len(body):
            columns.append([title, *(row[index] for row in body)])
            continue
        if "unit" in spec:
            columns.append([t("download.csv_in_unit", column=title, unit=t(f"unit.{spec['unit']}")), *(_plain(v) for v in spec["values"])])
        else:
            columns.append([t("download.csv_value", column=title), *(_plain(v) for v in spec["values"])])
            columns.append([t("download.csv_unit", column=title), *(t(f"unit.{u}") if u else "" for u in spec["units"])])
        if spec["kind"] == "judged":
            columns.append([t("download.csv_verdict", column=title), *(t(f"verdict.{v}") if v else "" for v in spec["verdicts"])])
    return [list(row) for row in zip(*columns)]


def _plain(value) -> str:
    """A number as a spreadsheet reads it in any language: digits, a full stop, no grouping."""
    return "" if value is None else format(value, ".15g")


def setup(app):
    # html-page-context stops at the first handler that returns a template, so
    # this runs before the themes' own (priority 500)
    app.connect("html-page-context", page_downloads, priority=400)
    app.connect("doctree-resolved", link_table_csv)
    app.connect("build-finished", write_downloads)
