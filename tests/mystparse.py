"""Markdown parsed as the book parses it: MyST's own docutils parser with the
book's extensions, for tests of what ``oicbook.report.markup`` writes."""

from __future__ import annotations

import io
from pathlib import Path

import yaml

from docutils import nodes
from docutils.core import publish_doctree
from myst_parser.parsers.docutils_ import Parser

from oicbook.report import markup
from oicbook.report.markup import fold

# the book's own MyST extensions, as _config.yml sets them
EXTENSIONS = yaml.safe_load((Path(__file__).resolve().parents[1] / "_config.yml").read_text(encoding="utf-8"))["parse"]["myst_enable_extensions"]
# Nodes that plain data text may produce, and nothing more.
TEXT_NODES = (nodes.document, nodes.paragraph, nodes.inline, nodes.Text)


def doctree(markdown: str) -> nodes.document:
    settings = {"myst_enable_extensions": EXTENSIONS, "report_level": 5, "halt_level": 5, "warning_stream": io.StringIO()}
    return publish_doctree(markdown, parser=Parser(), settings_overrides=settings)


def data_spans(tree: nodes.Node) -> list[nodes.inline]:
    return [n for n in tree.findall(nodes.inline) if markup.DATA_CLASS in n["classes"]]


def assert_inert(span: nodes.inline, text: str) -> None:
    """The span holds the text as written and no other node."""
    assert span.astext() == fold(text)
    assert all(isinstance(n, nodes.Text) for n in span.findall(include_self=False)), span.pformat()
