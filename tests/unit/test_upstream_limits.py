"""The book patches a few upstream behaviours; each test here holds the upstream
limit that makes its patch needed, and fails when the limit is gone, so the
patch can go too."""

from __future__ import annotations

import inspect
from pathlib import Path

import sphinx
import sphinx_thebe
from docutils.core import publish_string
from myst_nb.ext.glue.directives import PasteFigureDirective


def test_docutils_still_gives_citations_the_deprecated_biblioentry_role():
    # oicbook.sphinx.citation renders citations as list items instead
    html = publish_string(".. [Ref] A citation.\n\nSee [Ref]_.\n", writer_name="html5").decode()
    assert 'role="doc-biblioentry"' in html


def test_myst_nb_glue_figure_still_takes_alt_text_only_as_an_option():
    # oicbook.sphinx.figures reads it from the notebook instead
    assert "alt" in PasteFigureDirective.option_spec
    assert "-alt" not in inspect.getsource(PasteFigureDirective)


def test_sphinx_thebe_still_declares_its_cdn_address_in_a_script():
    # oicbook.sphinx.theme drops thebe's assets
    assert "THEBE_JS_URL" in inspect.getsource(sphinx_thebe.init_thebe_core)


def test_the_theme_still_offers_the_notebook_it_finds_in_the_context():
    # oicbook.sphinx.downloads sets `ipynb_source`
    import sphinx_book_theme.header_buttons as buttons

    assert 'context.get("ipynb_source")' in inspect.getsource(buttons)


def test_sphinx_search_still_keeps_a_split_query_defined_before_it():
    # oicbook/sphinx/static/oicbook-search.js defines splitQuery
    searchtools = Path(sphinx.__file__).parent / "themes" / "basic" / "static" / "searchtools.js"
    assert 'if (typeof splitQuery === "undefined")' in searchtools.read_text(encoding="utf-8")


def test_the_theme_still_loads_fontawesome_script_in_the_block_the_book_overrides():
    # oicbook/sphinx/templates/layout.html repeats the theme's "css" block
    # without the script; the rest of the block must still be the theme's own
    import re

    import pydata_sphinx_theme

    def block(text: str) -> str:
        body = re.search(r"\{%-? block css %\}(.*?)\{%-? endblock css %\}", text, re.S).group(1)
        return " ".join(body.split())

    theme = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
    ours = Path(__file__).resolve().parents[2] / "oicbook" / "sphinx" / "templates" / "layout.html"
    upstream = block((theme / "layout.html").read_text(encoding="utf-8"))
    assert "fontawesome.js" in (theme / "static" / "webpack-macros.html").read_text(encoding="utf-8")
    assert upstream.replace("{{ _webpack.head_js_preload() }}", "").strip() == block(ours.read_text(encoding="utf-8"))


def test_the_theme_stylesheet_still_names_the_full_fonts_and_its_link_icons():
    # oicbook.sphinx.icons swaps that source for the subset in the built copy
    import pydata_sphinx_theme

    from oicbook.sphinx.icons import FACES, STYLESHEET, full_source, link_icons

    css = (Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static" / STYLESHEET).read_text(encoding="utf-8")
    assert all(full_source(face) in css for face in FACES)
    assert 0xF09B in link_icons(css)  # the github link icon


def test_the_theme_still_loads_the_search_index_in_every_page_head():
    # oicbook/sphinx/templates/layout.html defers the scripts of this block;
    # its replace() only works while they are plain `<script src="` tags
    import re

    import pydata_sphinx_theme

    theme = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "layout.html"
    block = re.search(r"\{%-? block extrahead %\}(.*?)\{%-? endblock extrahead %\}", theme.read_text(encoding="utf-8"), re.S).group(1)
    scripts = re.findall(r'<script src="\{\{ pathto\(\'([^\']+)\'', block)
    assert scripts == ["_static/searchtools.js", "_static/language_data.js", "searchindex.js"]


def test_jupyter_client_still_picks_a_kernels_tcp_ports_before_the_kernel_binds_them():
    # oicbook.sphinx.kernels moves the kernels to socket files instead
    from jupyter_client.provisioning.local_provisioner import LocalProvisioner

    source = inspect.getsource(LocalProvisioner.pre_launch)
    assert "find_available_port" in source


def test_jupyter_cache_still_starts_kernels_through_nbclient_execute_alone():
    # oicbook.sphinx.kernels replaces that one call
    import jupyter_cache.executors.utils as cache_executor
    import nbclient

    assert cache_executor.executenb is nbclient.execute or cache_executor.executenb.__module__ == "oicbook.sphinx.kernels"
    assert "executenb(" in inspect.getsource(cache_executor.single_nb_execution)
