"""The book's figures are drawn as wide as the printed text block, so their
text prints at its own size: nothing under 7 points, in either language."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from oicbook.report import figures  # noqa: E402

MIN_POINTS = 7


def _figures():
    series = {"imf_ppp": pd.DataFrame({"year": [2000, 2009], "oic": [3.8e12, 7.4e12]}),
              "weo2009_ppp": pd.DataFrame({"year": [2000, 2009], "oic": [3.7e12, 7.5e12]})}
    points = pd.DataFrame({"year": [2000, 2009], "value": [3.7e12, 7.5e12], "label": ["a", "b"]})
    return [figures.titled(figures.gdp_lines(series, points, {"weo2009_ppp"}), "a title")]


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_figure_text_prints_at_seven_points_or_more(monkeypatch, lang):
    monkeypatch.setenv("OICBOOK_LANG", lang)
    for fig in _figures():
        width = fig.get_size_inches()[0]
        assert width <= figures.PRINT_WIDTH + 1e-9  # never shrunk to fit the page
        sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_text().strip()]
        assert sizes and min(sizes) >= MIN_POINTS, min(sizes)
        plt.close(fig)
