"""What reference managers and search engines read in each page's head, made
from CITATION.cff and the page's own title and overview, never typed per page:
a description, Highwire Press ``citation_*`` tags, Dublin Core, and schema.org
JSON-LD (the front page a ``Book``, every other page a ``Chapter`` of it)."""

from __future__ import annotations

import html
import json
import textwrap
from pathlib import Path

from docutils import nodes

from ..report.citation import book_metadata
from ..report.labels import t
from ..core import editions

FRONT_PAGE = "chapters/index"
DESCRIPTION_LENGTH = 155


def description(doctree) -> str:
    """The page's first paragraph of prose, its overview, cut at a word to the usual length."""
    for paragraph in doctree.findall(nodes.paragraph):
        if paragraph.parent.tagname in ("section", "document") and len(paragraph.astext()) > 60:
            return textwrap.shorten(" ".join(paragraph.astext().split()), DESCRIPTION_LENGTH, placeholder="…")
    return ""


def head_tags(book: dict, title: str, front: bool, summary: str, page: str = "") -> str:
    def meta(name: str, content: str) -> str:
        return f'<meta name="{name}" content="{html.escape(content, quote=True)}">'

    date = book["date"]
    tags = [meta("description", summary)] if summary else []
    tags += [meta("citation_title", book["title"] if front else title)]
    tags += [meta("citation_author", a) for a in book["authors"]]
    tags += [meta("citation_publication_date", date.replace("-", "/")), meta("citation_language", book["language"])]
    if not front:
        tags.append(meta("citation_inbook_title", book["title"]))
    if book["url"]:
        tags += [meta("citation_public_url", f"{book['url']}{page}.html"), meta("citation_pdf_url", book["url"] + editions.pdf_name(book["language"]))]
    tags += [meta("DC.title", book["title"] if front else title)]
    tags += [meta("DC.creator", a) for a in book["authors"]]
    tags += [meta("DC.date", date), meta("DC.language", book["language"]), meta("DC.type", "Text"), meta("DC.rights", book["license"])]
    if not front:
        tags.append(meta("DC.relation.isPartOf", book["title"]))
    work = {
        "@type": "Book",
        "name": book["title"],
        "author": [{"@type": "Organization", "name": a} for a in book["authors"]],
        "datePublished": date,
        "version": book["version"],
        "inLanguage": book["language"],
        "license": book["license_url"],
        "keywords": book["keywords"],
        **({"url": book["url"]} if book["url"] else {}),
    }
    if not front:
        work = {"@type": "Chapter", "name": title, "inLanguage": book["language"], "isPartOf": work}
        if book["url"]:
            work["url"] = f"{book['url']}{page}.html"
    if summary:
        work["description"] = summary
    tags.append(json_ld_script({"@context": "https://schema.org", **work}))
    return "\n".join(tags)


def json_ld_script(data: dict) -> str:
    """JSON-LD for the page's head, inert inside ``<script>``: every "<" of the
    data escaped, so no text can open or close an element."""
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("<", "\\u003c")
    return f'<script type="application/ld+json">\n{text}\n</script>\n'


def add_metadata(app, pagename, templatename, context, doctree):
    if pagename in ("genindex", "search"):  # pages Sphinx makes, with no prose of their own
        summary = t(f"page.{pagename}_description", book=app.config.project)
        context["metatags"] = context.get("metatags", "") + f'<meta name="description" content="{html.escape(summary, quote=True)}">\n'
        return
    if doctree is None:
        return
    book = {**book_metadata(Path(app.srcdir)), "language": app.config.language}
    heading = next(iter(doctree.findall(nodes.title)), None)
    title = heading.astext() if heading else ""
    context["metatags"] = context.get("metatags", "") + head_tags(book, title, pagename == FRONT_PAGE, description(doctree), pagename)


def root_redirect(app, exception):
    """The site's root page: a valid HTML5 page that sends a reader to the
    book's front page, with a title, a canonical link and a link to follow.
    Written before sphinx-external-toc's own hook, which then leaves it be
    (it writes a bare meta-refresh line only where no index.html exists)."""
    if exception is not None or "html" not in app.builder.format or app.config.language == editions.SOURCE:
        return  # the English edition's root is the site's, which offers every edition (oicbook.sphinx.editions)
    target = f"{app.config.root_doc}.html"
    canonical = html.escape(app.config.html_baseurl + target)  # absolute once the book has an address
    title = html.escape(app.config.project)
    page = (
        "<!DOCTYPE html>\n"
        f'<html lang="{app.config.language}">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
        f'<link rel="canonical" href="{canonical}">\n<meta http-equiv="refresh" content="0; url={target}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n</head>\n'
        f'<body>\n<p><a href="{target}">{title}</a></p>\n</body>\n</html>\n'
    )
    Path(app.outdir, "index.html").write_text(page, encoding="utf-8")


def setup(app):
    app.connect("html-page-context", add_metadata)
    app.connect("build-finished", root_redirect, priority=400)
