"""The ``anchor`` role: a target inside a line of text or a table cell, where
MyST's ``(name)=`` target, which stands on a line of its own, cannot go.

``{anchor}`event-e14``` puts an empty target with that id in place; Sphinx's
standard domain records it as a label without a title, so ``{ref}`a title
<event-e14>``` links to it in the HTML and in the PDF.
"""

from __future__ import annotations

from docutils import nodes


def anchor_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    label = nodes.fully_normalize_name(text)
    node = nodes.target(rawtext, "", ids=[nodes.make_id(label)], names=[label])
    inliner.document.note_explicit_target(node, node)
    return [node], []


def setup(app):
    app.add_role("anchor", anchor_role)
