"""Figures more than one chapter draws. Each takes DataFrames and returns a Figure."""

from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter
import pandas as pd

from .labels import t
from .numbers import date_text, fixed


def month_axis(ax, locator, every_label_with_year: bool = False) -> None:
    """Date ticks with month names in the edition's language (CLDR, through
    Babel): 'Jan 2012' on each tick, or the year only on January's and the first."""
    ax.xaxis.set_major_locator(locator)

    def label(value, position):
        day = mdates.num2date(value).date()
        with_year = every_label_with_year or day.month == 1 or position == 0
        return date_text(day, "yMMM" if with_year else "MMM")

    ax.xaxis.set_major_formatter(FuncFormatter(label))


def described(fig, key: str, **values):
    """The figure with its alt text, ``alt.<key>`` filled from the figure's own
    data; ``oicbook.report.preamble.glue_figure`` glues it beside the figure."""
    fig.alt_text = t(f"alt.{key}", **values)
    return fig


def titled(fig, title: str):
    """The figure with a title that states its finding, as the chapter computed it."""
    fig.axes[0].set_title(textwrap.fill(title[:1].upper() + title[1:], 75), loc="left", fontsize=10)
    fig.tight_layout()
    return fig


def date_range(rows: pd.DataFrame) -> tuple[str, str]:
    """The first start and the last end among rows with date_start, date_end."""
    ends = rows["date_end"].where(rows["date_end"].notna(), rows["date_start"])
    return rows["date_start"].min(), ends.max()


MEASURE_STYLES = {"wdi_usd": ("-", "o"), "wdi_ppp": ("-", "s"), "imf_usd": ("--", "^"), "imf_ppp": ("--", "D"),
                  # the data of the time: dotted, and in colour
                  "weo2009_usd": (":", "v"), "weo2009_ppp": (":", "P"), "wb2012_usd": (":", "*")}


# The printed text block's width (A4 less two one-inch margins), in inches: a
# figure drawn this wide is printed at its own size, so its 8-point labels stay 8 points.
PRINT_WIDTH = 6.27


def gdp_lines(series: dict[str, pd.DataFrame], points: pd.DataFrame, of_the_time: set[str]):
    """OIC GDP by year under each measure (trillions), with the article's points:
    the measures of the time (``of_the_time``) in colour, today's in grey behind them.

    ``series``: measure key -> frame with year, oic. ``points``: year, value, label.
    """
    fig, ax = plt.subplots(figsize=(PRINT_WIDTH, 4.4))
    for key, frame in sorted(series.items(), key=lambda item: item[0] in of_the_time):
        line, marker = MEASURE_STYLES[key]
        style = {} if key in of_the_time else {"color": "#9a9a9a", "lw": 1.2}
        drawn, = ax.plot(frame["year"], frame["oic"] / 1e12, line, marker=marker, markevery=5, ms=4, **style)
        # each line labelled at its end, so no legend has to be matched by eye
        last = frame.iloc[-1]
        ax.annotate(t(f"measure.{key}"), (last["year"], last["oic"] / 1e12), xytext=(12, 0), textcoords="offset points",
                    fontsize=8, va="center", color=drawn.get_color())
    ax.plot(points["year"], points["value"] / 1e12, "o", ms=11, mfc="none", mec="#D55E00", mew=2)
    for _, p in points.iterrows():
        ax.annotate(p["label"], (p["year"], p["value"] / 1e12), xytext=(0, -18), textcoords="offset points", fontsize=8, ha="center")
    first, last_year = min(f["year"].min() for f in series.values()), max(f["year"].max() for f in series.values())
    ax.set_xlim(first - 0.5, last_year + 0.3 * (last_year - first))  # room for the labels at the lines' ends
    ax.set_xticks(range(int(first + (-first) % 5), int(last_year) + 1, 5))
    ax.set_xlabel(t("figure.year"))
    ax.set_ylabel(t("figure.gdp_trillions"))
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    fig.tight_layout()
    every = pd.concat([frame.assign(measure=key) for key, frame in series.items()], ignore_index=True)
    high = every.loc[every["oic"].idxmax()]
    circled = [t("alt.gdp_point", value=fixed(p['value'] / 1e12, 2), year=int(p["year"])) for _, p in points.iterrows()]
    return described(fig, "gdp_lines", first=int(every["year"].min()), last=int(every["year"].max()), measures=len(series),
                     low=fixed(every['oic'].min() / 1e12, 2), high=fixed(high['oic'] / 1e12, 2),
                     high_measure=t(f"measure.{high['measure']}"), high_year=int(high["year"]), n=len(points),
                     points="; ".join(circled))
