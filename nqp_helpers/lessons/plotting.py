"""Figure style and the figures several notebooks share.

The collection's figure rules (CONTRIBUTING.md): no titles (captions go in the markdown), lower-case
axis labels with units, a colour-blind-safe palette (Okabe and Ito 2008) and
hatches or markers so that figures read in grey too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis

    from ..growth import GrowthSummary

__all__ = [
    "PALETTE",
    "COMPONENT_STYLE",
    "use_style",
    "plot_contributions",
    "stacked_bars",
    "label_years",
    "plain_log_axis",
    "no_negative_zero",
]

#: Okabe-Ito colour-blind-safe palette.
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}

#: Colour and hatch of each growth-accounting component, the same in every notebook.
COMPONENT_STYLE = {
    "capital": {"color": PALETTE["blue"], "hatch": ""},
    "capital deepening": {"color": PALETTE["blue"], "hatch": ""},
    "labour": {"color": PALETTE["orange"], "hatch": "//"},
    "human capital": {"color": PALETTE["green"], "hatch": ".."},
    "TFP": {"color": PALETTE["vermillion"], "hatch": "xx"},
}


def use_style() -> None:
    """Set the collection's matplotlib style (call once, in the setup cell)."""
    import matplotlib as mpl
    from cycler import cycler

    mpl.rcParams.update(
        {
            "figure.figsize": (7.0, 4.0),
            "figure.dpi": 90,
            "savefig.dpi": 150,
            "axes.prop_cycle": cycler(
                color=[
                    PALETTE[c] for c in ("blue", "orange", "green", "vermillion", "sky", "purple", "black")
                ]
            )
            + cycler(linestyle=["-", "--", "-.", ":", "-", "--", "-."]),
            "lines.linewidth": 2,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "legend.frameon": False,
            "font.size": 11,
            "hatch.linewidth": 0.6,
        }
    )


def plot_contributions(
    summaries: Sequence[GrowthSummary],
    labels: Sequence[object],
    ax: Axes | None = None,
    show_total: bool = True,
    legend: bool = True,
) -> Axes:
    """Stacked bars of average annual contributions to growth, one bar per summary.

    Parameters
    ----------
    summaries : sequence of GrowthSummary
        From ``GrowthAccounting.summary`` or ``PerWorkerAccounting.summary``;
        all must have the same parts.
    labels : sequence of str
        One label per bar (an economy, a period).
    ax : matplotlib Axes, optional
        Axes to draw on; a new figure if None.
    show_total : bool
        Mark total growth with a black diamond on each bar.
    legend : bool
        Draw a legend.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        If the numbers of summaries and labels differ, or their parts differ.
    """
    import matplotlib.pyplot as plt

    summaries = list(summaries)
    labels = [str(x) for x in labels]
    if len(summaries) != len(labels) or not summaries:
        raise ValueError(
            f"summaries and labels must be non-empty and of equal length; got "
            f"{len(summaries)} and {len(labels)}"
        )
    names = list(summaries[0].parts)
    if any(list(s.parts) != names for s in summaries):
        raise ValueError("all summaries must have the same parts (do not mix aggregate and per-worker views)")
    if ax is None:
        _, ax = plt.subplots()
    parts = {name: [float(s.parts[name]) for s in summaries] for name in names}
    totals = [float(s.total) for s in summaries] if show_total else None
    stacked_bars(ax, parts, labels, totals=totals, total_label=summaries[0].total_name)
    ax.set_ylabel("contribution to growth (% per year)")
    if legend:
        handles, names_ = ax.get_legend_handles_labels()
        # List the stacked parts top-down, as they appear on the bars; the total marker first.
        order = ([len(handles) - 1] if show_total else []) + list(range(len(names) - 1, -1, -1))
        ax.legend(
            [handles[i] for i in order],
            [names_[i] for i in order],
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
        )
    return ax


def stacked_bars(
    ax: Axes,
    parts: Mapping[str, npt.ArrayLike],
    labels: Sequence[object],
    styles: Mapping[str, Mapping[str, Any]] | None = None,
    totals: npt.ArrayLike | None = None,
    total_label: str = "total",
) -> tuple[np.ndarray, np.ndarray]:
    """Stack signed parts into one bar per label: positive parts upwards from zero, negative downwards.

    The one stacked-bar chart of the collection: growth accounts, shift-share,
    Kaya and mixed aggregate/per-worker views all draw through it.

    Parameters
    ----------
    ax : matplotlib Axes
        Axes to draw on.
    parts : dict of str -> sequence of float
        Part name -> one value per bar, in the order the parts are stacked.
        A part absent from a bar is 0 there (it draws nothing).
    labels : sequence of str
        One tick label per bar.
    styles : dict of str -> dict, optional
        Part name -> keyword arguments for ``ax.bar`` (``color``, ``hatch``);
        by default :data:`COMPONENT_STYLE`, grey for parts it does not name.
    totals : sequence of float, optional
        One total per bar, marked with a black diamond.
    total_label : str
        Legend label of the total marker.

    Returns
    -------
    tuple of ndarray
        The tops of the positive and the bottoms of the negative stacks, one
        value per bar (for callers that set limits).

    Raises
    ------
    ValueError
        If a part or the totals do not have one value per label.
    """
    ticks = [str(x) for x in labels]
    styles = COMPONENT_STYLE if styles is None else styles
    x = np.arange(len(ticks))
    pos, neg = np.zeros(len(ticks)), np.zeros(len(ticks))
    for name, values in parts.items():
        vals = np.asarray(values, dtype=float)
        if vals.shape != x.shape:
            raise ValueError(f"parts[{name!r}] must have one value per bar ({len(ticks)}); got {vals.shape}")
        style = {"color": "grey", "hatch": "", **styles.get(name, {})}
        base = np.where(vals >= 0, pos, neg)
        ax.bar(x, vals, bottom=base, width=0.6, label=name, edgecolor="white", linewidth=0.5, **style)
        pos += np.where(vals >= 0, vals, 0)
        neg += np.where(vals < 0, vals, 0)
    if totals is not None:
        marks = np.asarray(totals, dtype=float)
        if marks.shape != x.shape:
            raise ValueError(f"totals must have one value per label ({len(ticks)}); got {marks.shape}")
        ax.plot(x, marks, "D", color="black", linestyle="none", label=total_label)
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xticks(x, ticks)
    ax.grid(axis="x", visible=False)
    return pos, neg


def label_years(summary: GrowthSummary) -> str:
    """Return "1978-2004" for a summary's period."""
    lo, hi = summary.period
    return f"{lo:g}-{hi:g}"


def plain_log_axis(axis: Axis) -> None:
    """Put one axis on a log scale with ticks at 1, 2, 5 x 10^k written as plain numbers.

    Plain numbers ("0.5", "20") read more easily than powers of ten and draw
    faster (no mathtext), which keeps widgets quick.

    Parameters
    ----------
    axis : matplotlib Axis
        ``ax.xaxis`` or ``ax.yaxis``.
    """
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter, NullLocator

    if axis is axis.axes.yaxis:
        axis.axes.set_yscale("log")
    else:
        axis.axes.set_xscale("log")
    axis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    axis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
    axis.set_minor_locator(NullLocator())
    axis.set_minor_formatter(NullFormatter())


def no_negative_zero(x: float | np.ndarray) -> float:
    """Round away floating-point dust so that a printed zero never shows as "-0.00".

    Examples
    --------
    >>> f"{no_negative_zero(-1e-17):.2f}"
    '0.00'
    """
    return round(float(x), 9) + 0.0
