"""The data-aware cache, Sphinx's half: a page is read again when what it read
changed, though its source did not (``reader`` stamps the notebook itself)."""

from __future__ import annotations

from pathlib import Path

from . import reader


def outdated_by_inputs(app, env, added, changed, removed):
    """Pages whose data or shared code changed since the last build, though their
    source did not: Sphinx would not re-read them, so the cache would not be asked."""
    stored = getattr(env, "oicbook_inputs", {})
    current = {}
    for docname in env.found_docs:
        path = Path(env.doc2path(docname))
        if path.suffix == ".md":
            current[docname] = reader.digest_of_page(path)
    env.oicbook_inputs = current
    # A page never recorded counts as changed: Sphinx saves the environment only
    # when it read some page, so the record may be missing.
    return [d for d, digest in current.items() if stored.get(d) != digest and d not in added | changed]


def note_page(app, docname, source):
    reader.CURRENT = Path(app.env.doc2path(docname))


def setup(app):
    reader.ROOT = Path(app.srcdir)
    app.connect("env-get-outdated", outdated_by_inputs)
    app.connect("source-read", note_page)
