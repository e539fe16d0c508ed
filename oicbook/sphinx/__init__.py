"""The book's Sphinx extension, split by feature as myst-nb's is; ``setup()``
delegates to each feature's own ``setup()``:

- ``kazakh``: the ``kk`` role, Kazakh spans and data text kept literal;
- ``anchors``: the ``anchor`` role, a target inside a table cell;
- ``cache``: the data-aware reader's other half, pages re-read when their inputs change;
- ``figures``: ``glue:figure`` takes its alt text from the data;
- ``citation``: the ``cite-chapter`` directive and accessible citation lists;
- ``bibliography``: the bibliography's order, by author, a person or an organisation alike;
- ``downloads``: the PDF, the sources, each notebook and each table as CSV, beside every page;
- ``theme``: the theme's settings, its offline assets and the search's Kazakh folding;
- ``styles``: the stylesheets cut to the rules the edition's pages and scripts can use;
- ``metadata``: each page's description, citation tags and JSON-LD, from CITATION.cff;
- ``claimreview``: the ledger's verdicts as schema.org ClaimReview, for fact-check search;
- ``icons``: the theme's icons from a subset of their font;
- ``i18n``: the prose through gettext catalogues, with the notebooks' glue;
- ``editions``: the edition's language, the switch to the other edition and the site's root page;
- ``kernels``: the notebooks' kernels on socket files, so two editions' builds never race for a port;
- ``pdf``: the printed edition: tables that break across pages, lines kept in the text block, Arabic script.

``reader`` is the notebook reader myst-nb calls for ``.md`` (``nb_custom_formats``).
"""

from __future__ import annotations

from . import anchors, bibliography, cache, citation, claimreview, downloads, editions, figures, i18n, icons, kazakh, kernels, metadata, pdf, styles, theme


def setup(app):
    for feature in (editions, kazakh, anchors, cache, figures, bibliography, citation, downloads, theme, styles, metadata, claimreview, icons, i18n, kernels, pdf):
        feature.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
