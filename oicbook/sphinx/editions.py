"""One book in two editions (``oicbook.core.editions``): each page links the
same page of the other edition, with a switch in its header and
``<link rel="alternate" hreflang>`` in its head; the site's root page offers
both editions. The edition's language is Sphinx's ``language``, which the
notebooks read too (``OICBOOK_LANG``), so one setting chooses the edition.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from babel import Locale

from ..core import editions
from ..report.citation import book_title, site_url
from ..report.labels import t
from ..report.numbers import CLDR_LOCALES, LANGUAGE_VARIABLE

SWITCH_TEMPLATE = "oicbook-editions.html"


def language_name(lang: str) -> str:
    """The language's own name for itself, by CLDR: 'English', 'Қазақ тілі'."""
    name = Locale.parse(CLDR_LOCALES[lang]).language_name
    return name[:1].upper() + name[1:]


# The theme's words that Sphinx's own catalogue (``locales/<lang>/LC_MESSAGES/sphinx.po``,
# which Sphinx compiles itself) does not hold: sphinx-book-theme keeps its own
# catalogue, which has no Kazakh.
THEME_CATALOGUES = ("booktheme",)


def theme_catalogues(app, lang: str) -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    locales = Path(app.srcdir) / "locales"
    for domain in THEME_CATALOGUES:
        po = locales / lang / "LC_MESSAGES" / f"{domain}.po"
        if not po.is_file():
            continue
        mo = po.with_suffix(".mo")
        if not mo.is_file() or mo.stat().st_mtime < po.stat().st_mtime:
            with open(po, "rb") as source:
                catalogue = read_po(source)
            with open(mo, "wb") as target:
                write_mo(target, catalogue)
        app.add_message_catalog(domain, str(locales))


def choose_edition(app, config):
    """The notebooks and the words of the code follow Sphinx's ``language``."""
    os.environ[LANGUAGE_VARIABLE] = editions.check(config.language)
    if config.language != editions.SOURCE:
        theme_catalogues(app, config.language)
    options = config.html_theme_options
    end = options.get("article_header_end", ["article-header-buttons.html"])
    options["article_header_end"] = [SWITCH_TEMPLATE, *([end] if isinstance(end, str) else end)]


def alternates(app, pagename: str) -> dict[str, str]:
    """The page's address in each edition: absolute once the book has one, else relative."""
    here = app.config.language
    root = site_url(Path(app.srcdir))
    return {lang: root + editions.page_path(lang, pagename) if root else editions.from_page(here, pagename, lang)
            for lang in editions.LANGUAGES}


def link_editions(app, pagename, templatename, context, doctree):
    here = app.config.language
    links = alternates(app, pagename)
    tags = [f'<link rel="alternate" hreflang="{lang}" href="{html.escape(href)}">' for lang, href in links.items()]
    tags.append(f'<link rel="alternate" hreflang="x-default" href="{html.escape(links[editions.SOURCE])}">')
    context["metatags"] = context.get("metatags", "") + "\n".join(tags) + "\n"
    context["oicbook_editions"] = [
        {"lang": lang, "name": language_name(lang), "href": editions.from_page(here, pagename, lang),
         "title": t("edition.switch", language=language_name(lang))}
        for lang in editions.LANGUAGES if lang != here
    ]


def root_page(root_doc: str, srcdir: Path) -> str:
    """The site's root: the book's title and a way in, in each edition's language."""
    entries, heads, choose = [], [], []
    site = site_url(srcdir)  # absolute addresses once the book has one: search engines require them for hreflang
    for lang in editions.LANGUAGES:
        choose.append(f'<span lang="{lang}">{html.escape(t("edition.choose", lang))}</span>')
        title = html.escape(book_title(srcdir, lang))
        front = editions.page_path(lang, root_doc)
        pdf = editions.folder(lang) + editions.pdf_name(lang)
        heads.append(f'<link rel="alternate" hreflang="{lang}" href="{html.escape(site + front)}">')
        entries.append(
            f'<section lang="{lang}">\n<h2>{title}</h2>\n'
            f'<p><a href="{front}" hreflang="{lang}">{html.escape(t("edition.read", lang))}</a></p>\n'
            f'<p><a href="{pdf}" hreflang="{lang}">{html.escape(t("edition.pdf", lang))}</a></p>\n</section>'
        )
    heads.append(f'<link rel="alternate" hreflang="x-default" href="{html.escape(site)}">' if site else "")
    source_title = html.escape(book_title(srcdir, editions.SOURCE))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{editions.SOURCE}">\n<head>\n<meta charset="utf-8">\n<title>{source_title}</title>\n'
        + (f'<link rel="canonical" href="{html.escape(site)}">\n' if site else "")
        + "\n".join(h for h in heads if h)
        + '\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<style>body{font-family:sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}'
        "h1{font-size:1.5rem}h2{font-size:1.3rem}a{color:#0a58ca}</style>\n</head>\n<body>\n<main>\n"
        + f"<h1>{' / '.join(choose)}</h1>\n"
        + "\n".join(entries)
        + "\n</main>\n</body>\n</html>\n"
    )


def write_root_page(app, exception):
    """The English edition, at the site's root, writes the page that offers
    both; every other edition's own root sends a reader to its front page
    (``oicbook.sphinx.metadata.root_redirect``)."""
    if exception is not None or "html" not in app.builder.format or app.config.language != editions.SOURCE:
        return
    Path(app.outdir, "index.html").write_text(root_page(app.config.root_doc, Path(app.srcdir)), encoding="utf-8")


def setup(app):
    app.connect("config-inited", choose_edition, priority=100)
    app.connect("html-page-context", link_editions)
    app.connect("build-finished", write_root_page, priority=450)
