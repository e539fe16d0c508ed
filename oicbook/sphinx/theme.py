"""The theme as the book needs it: a default colour mode, no live-code assets
(the book runs offline), and a search that folds the Latin schwa into Kazakh ә."""

from __future__ import annotations

from pathlib import Path


def configure(app, config):
    config.html_static_path.append(str(Path(__file__).resolve().parent / "static"))
    config.templates_path.append(str(Path(__file__).resolve().parent / "templates"))
    # The theme's default mode is empty, which its own script reports as a
    # console error on a reader's first visit; "auto" follows the system.
    config.html_context.setdefault("default_mode", "auto")


# Jupyter Book always loads sphinx-design and sphinx-togglebutton; the book
# uses neither (a test checks that no page carries their classes), and their
# assets would cost every page some 80 kB.
UNUSED = ("sphinx-design", "design-tabs", "togglebutton")


def is_unused(asset) -> bool:
    name = getattr(asset, "filename", None) or ""
    return any(part in name for part in UNUSED)


def is_thebe(asset) -> bool:
    return "thebe" in (getattr(asset, "filename", None) or "") or "THEBE_JS_URL" in str(getattr(asset, "attributes", {}).get("body", ""))


def drop_thebe(app, pagename, templatename, context, doctree):
    """Live code (thebe) is off in this book, yet Jupyter Book always loads
    sphinx-thebe, which declares its CDN address twice: a script error on every
    page. The book runs offline, so its thebe assets go. Kept as a patch:
    jupyter-book has no setting that leaves sphinx-thebe out; a test fails
    when sphinx-thebe stops adding that script."""
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if not (is_thebe(asset) or is_unused(asset))]


def setup(app):
    app.connect("config-inited", configure)
    app.connect("html-page-context", drop_thebe, priority=400)
    # Defines Sphinx's splitQuery hook before searchtools.js, which keeps a
    # definition it finds (Sphinx 7.4); a test fails when searchtools stops.
    app.add_js_file("oicbook-search.js")
    app.add_css_file("oicbook.css")
