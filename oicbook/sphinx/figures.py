"""``glue:figure`` with its alt text computed from the figure's data."""

from __future__ import annotations

import ast

from myst_nb.ext.glue.directives import PasteFigureDirective
from myst_nb.ext.glue.utils import RetrievalError, retrieve_glue_data


class DataFigure(PasteFigureDirective):
    """``glue:figure`` whose alt text, unless given, is the text glued beside the
    figure as ``<key>-alt`` (``oicbook.report.preamble.glue_figure`` computes it from
    the figure's data). A figure without one stops the build.

    Kept as an override: myst-nb's directive takes alt text only as a static
    option, and has no hook to read it from the notebook."""

    def run(self):
        if "alt" not in self.options:
            key = f"{self.arguments[0]}-alt"
            try:
                glued = retrieve_glue_data(self.document, key)
            except RetrievalError as error:
                raise self.error(f"figure '{self.arguments[0]}' has no alt text: {error}") from None
            self.options["alt"] = ast.literal_eval(glued.data["text/plain"])
        return super().run()


def setup(app):
    app.add_directive_to_domain("glue", "figure", DataFigure, override=True)
