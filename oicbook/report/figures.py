"""Figures more than one chapter draws. Each takes DataFrames and returns a Figure."""

from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter, MultipleLocator
import pandas as pd

from .labels import t
from .numbers import date_text, fixed, integer


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
    """The figure with a title that states its finding, as the chapter computed it
    (above its panels, where it has more than one)."""
    text = textwrap.fill(title[:1].upper() + title[1:], 75)
    if len(fig.axes) == 1:
        fig.axes[0].set_title(text, loc="left", fontsize=10)
    else:
        fig.suptitle(text, x=0.01, ha="left", fontsize=10)
    fig.tight_layout()
    return fig


def date_range(rows: pd.DataFrame) -> tuple[str, str]:
    """The first start and the last end among rows with date_start, date_end."""
    ends = rows["date_end"].where(rows["date_end"].notna(), rows["date_start"])
    return rows["date_start"].min(), ends.max()


MEASURE_STYLES = {"wdi_usd": ("-", "o"), "wdi_ppp": ("-", "s"), "imf_usd": ("--", "^"), "imf_ppp": ("--", "D"),
                  # the data of the time, in colour: the IMF's of 2009 dotted, the World Bank's of 2012
                  # dash-dotted, so that the two stay apart in greyscale print too
                  "weo2009_usd": (":", "v"), "weo2009_ppp": (":", "P"), "wb2012_usd": ("-.", "*")}


# one colour for each release of the time, the same in every figure, dark and light
# (blue and orange) so that they differ in greyscale; today's data are grey
RELEASE_COLOURS = {"weo2009": "#0072B2", "wb2012": "#E69F00"}
TODAY_COLOUR = "#9a9a9a"


def colour_of(key: str, then: bool) -> str:
    """The colour of a measure's line: its release's if it is of the time, else grey."""
    return RELEASE_COLOURS[key.rsplit("_", 1)[0]] if then else TODAY_COLOUR


# The printed text block's width (A4 less two one-inch margins), in inches: a
# figure drawn this wide is printed at its own size, so its 8-point labels stay 8 points.
PRINT_WIDTH = 6.27


def shares_in(series: dict[str, pd.DataFrame], year: int, of_the_time: set[str]) -> tuple[list[float], dict[str, float]]:
    """The shares the measures give for ``year``: those of the time, and today's by kind ('usd', 'ppp')."""
    at = {key: float(frame.loc[frame["year"] == year, "share"].iloc[0]) for key, frame in series.items() if (frame["year"] == year).any()}
    return [v for key, v in at.items() if key in of_the_time], {key.rsplit("_", 1)[1]: v for key, v in at.items() if key not in of_the_time}


# the two panels of a figure that sets market rates beside PPP, left to right
KINDS = ("usd", "ppp")


def _of_kind(series: dict[str, pd.DataFrame], kind: str, of_the_time: set[str]) -> list[tuple[str, pd.DataFrame, bool]]:
    """The measures of one kind ('usd' or 'ppp'), each with whether it is of the time:
    today's first, so that the lines of the time are drawn over them."""
    return [(key, frame, key in of_the_time) for key, frame in sorted(series.items(), key=lambda item: item[0] in of_the_time)
            if key.endswith(f"_{kind}")]


def _measure_lines(ax, series: dict[str, pd.DataFrame], kind: str, of_the_time: set[str], column: str, scale: float = 1) -> None:
    """One panel's measures, ``column`` over ``scale`` by year: those of the time in colour, today's in grey."""
    for key, frame, then in _of_kind(series, kind, of_the_time):
        line, marker = MEASURE_STYLES[key]
        ax.plot(frame["year"], frame[column] / scale, line, marker=marker, markevery=3 if then else 5, ms=5 if then else 4,
                color=colour_of(key, then), lw=1.8 if then else 1.2,
                label=f"{t(f'measure.{key}')} {t('figure.of_the_time' if then else 'figure.today')}")


def _dress_panel(ax, kind: str, first: int, last: int) -> None:
    """A panel's title (its measure), year axis, grid, a tick every five years, and its
    own legend below it, where no line runs, one entry a line (as long as any language
    needs), so that no line is read under the other panel's measure."""
    ax.set_title(t(f"figure.panel_{kind}"), fontsize=9, loc="left")
    ax.set_xlabel(t("figure.year"))
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_xticks(range(first + (-first) % 5, last + 1, 5))
    ax.legend(loc="upper left", bbox_to_anchor=(0, -0.2), ncol=1, fontsize=7, frameon=False)


def share_lines(series: dict[str, pd.DataFrame], point: dict, of_the_time: set[str]):
    """The OIC's share of world GDP by year (percent), one panel at market
    exchange rates and one at PPP, on one scale: the measures of the time in
    colour, today's in grey, each with its own marker; the article's share
    circled in both, so that it is read against each measure.

    ``series``: measure key ('…_usd' or '…_ppp') -> frame with year, share.
    ``point``: year, share, label.
    """
    fig, axes = plt.subplots(1, 2, figsize=(PRINT_WIDTH, 4.6), sharey=True)
    first = min(int(f["year"].min()) for f in series.values())
    last = max(int(f["year"].max()) for f in series.values())
    for ax, kind in zip(axes, KINDS):
        _measure_lines(ax, series, kind, of_the_time, "share")
        ax.plot([point["year"]], [point["share"]], "o", ms=11, mfc="none", mec="#D55E00", mew=2, label=point["label"])
        _dress_panel(ax, kind, first, last)
    axes[0].set_ylabel(t("figure.share_axis"))
    axes[0].set_ylim(bottom=0)
    axes[0].yaxis.set_major_locator(MultipleLocator(2))
    axes[0].yaxis.set_major_formatter(FuncFormatter(lambda value, position: integer(round(value))))  # whole percent, in the edition's digits
    fig.tight_layout()
    then, today = shares_in(series, point["year"], of_the_time)
    return described(fig, "share_lines", first=first, last=last, measures=len(series), year=point["year"],
                     then_low=fixed(min(then), 1), then_high=fixed(max(then), 1),
                     today_usd=fixed(today["usd"], 1), today_ppp=fixed(today["ppp"], 1), stated=point["stated"])


def gdp_lines(series: dict[str, pd.DataFrame], points: pd.DataFrame, of_the_time: set[str]):
    """OIC GDP by year (trillions), one panel at market exchange rates and one at
    PPP, on one scale, so that the article's circled figures are read against
    each: the measures of the time (``of_the_time``) dotted, today's in grey.

    ``series``: measure key ('…_usd' or '…_ppp') -> frame with year, oic.
    ``points``: year, value, label.
    """
    fig, axes = plt.subplots(1, 2, figsize=(PRINT_WIDTH, 4.8), sharey=True)
    first = min(f["year"].min() for f in series.values())
    last_year = max(f["year"].max() for f in series.values())
    for ax, kind in zip(axes, KINDS):
        _measure_lines(ax, series, kind, of_the_time, "oic", 1e12)
        # the circles' values in the legend, one to a line, not beside them: no label crosses a line in either language
        ax.plot(points["year"], points["value"] / 1e12, "o", ms=11, mfc="none", mec="#D55E00", mew=2,
                label="\n".join([t("figure.article_points") + ":", *points["label"]]))
        _dress_panel(ax, kind, int(first), int(last_year))
    axes[0].set_ylabel(t("figure.gdp_trillions"))
    fig.tight_layout()
    every = pd.concat([frame.assign(measure=key) for key, frame in series.items()], ignore_index=True)
    high = every.loc[every["oic"].idxmax()]
    circled = [t("alt.gdp_point", value=fixed(p['value'] / 1e12, 2), year=int(p["year"])) for _, p in points.iterrows()]
    return described(fig, "gdp_lines", first=int(every["year"].min()), last=int(every["year"].max()), measures=len(series),
                     low=fixed(every['oic'].min() / 1e12, 2), high=fixed(high['oic'] / 1e12, 2),
                     high_measure=t(f"measure.{high['measure']}"), high_year=int(high["year"]), n=len(points),
                     points="; ".join(circled))
