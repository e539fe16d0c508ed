"""The book's prose through Sphinx's gettext catalogues (``locales/<lang>/LC_MESSAGES``).

Three things myst-nb does not do for a translated notebook:

- What a code cell glues is computed in the edition's language by the
  notebook itself (``oicbook.report.labels``), so it is never a message of
  the catalogues: ``OutputRenderer``, the notebook renderer the book names in
  ``nb_render_plugin``, marks everything rendered from an output untranslatable.
- Sphinx parses each translated message as a document of its own, which
  myst-nb hands to plain MyST, where a ``{glue:text}`` role finds no glue data.
  The renderer keeps itself as the page's, and ``Parser`` hands it to each of
  the page's translated messages (Sphinx translates a page right after
  parsing it), so the roles find the page's glue.
- Ids counted in a translated message can repeat the page's: ``unique_ids``
  gives a repeated one a new id.
"""

from __future__ import annotations

from docutils import nodes
from myst_nb.core.render import NbElementRenderer
from myst_nb.sphinx_ import Parser as NotebookParser
from myst_parser.parsers.sphinx_ import MystParser

RENDERER_KEY = "nb_renderer"
# The renderer of the page being read (one page at a time in each process).
_page_renderer: NbElementRenderer | None = None


def untranslatable(made: list[nodes.Node]) -> list[nodes.Node]:
    """``made``, marked as never a message of the catalogues: it is computed in
    the edition's language already."""
    for node in made:
        for element in node.findall(nodes.Element):
            # an inline element is never a message of its own; and Sphinx
            # unwraps every inline that has the attribute, moving its text
            # to the end of its parent (RemoveTranslatableInline)
            if not isinstance(element, nodes.Inline):
                element["translatable"] = False
    return made


class OutputRenderer(NbElementRenderer):
    """myst-nb's renderer, with what a notebook outputs kept out of the catalogues."""

    def _render_markdown_base(self, data, *, fmt: str, inline: bool) -> list[nodes.Element]:
        return untranslatable(super()._render_markdown_base(data, fmt=fmt, inline=inline))

    def render_nb_finalise(self, metadata: dict) -> None:
        global _page_renderer
        super().render_nb_finalise(metadata)
        _page_renderer = self  # myst-nb drops it from the page once parsed


class Parser(NotebookParser):
    """myst-nb's parser, whose translated messages can paste the page's glue."""

    def parse(self, inputstring: str, document: nodes.document) -> None:
        global _page_renderer
        if document.current_source.endswith("<translated>"):
            if _page_renderer is not None:
                document.attributes[RENDERER_KEY] = _page_renderer
            try:
                MystParser.parse(self, inputstring, document)
            finally:
                document.attributes.pop(RENDERER_KEY, None)
            return
        _page_renderer = None  # a page without code has no glue
        super().parse(inputstring, document)


def unique_ids(app, doctree) -> None:
    """A translated message is parsed as a document of its own, whose ids
    ('id6', for a citation in it) are counted afresh and can repeat one of the
    page's: a second element with an id already taken gets a new one."""
    seen: set[str] = set()
    for node in doctree.findall(nodes.Element):
        taken = [i for i in node.get("ids", []) if i in seen]
        seen.update(node.get("ids", []))
        if taken:
            node["ids"] = [i for i in node["ids"] if i not in taken]
            if not node["ids"]:
                doctree.set_id(node)
                seen.update(node["ids"])


def setup(app) -> None:
    app.add_source_parser(Parser, override=True)
    app.connect("doctree-read", unique_ids)
