"""Figures and the widget for structural change (:mod:`nqp_helpers.structural`).

The shift-share decomposition and the counterfactual economy the widget
explores are computed in :mod:`nqp_helpers.structural`; this module draws them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..data import load_toy_sectors
from ..growth import share_percent
from ..structural import ShiftShare, reallocation_scenario
from .plotting import PALETTE, stacked_bars
from .widgets import FigureApp, slider

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..data import Series

__all__ = ["PART_STYLE", "plot_shift_share", "draw_structural_change", "make_structural_app"]

#: Colour and hatch of each part of the shift-share decomposition.
PART_STYLE = {
    "within": {"color": PALETTE["vermillion"], "hatch": "xx"},
    "between": {"color": PALETTE["blue"], "hatch": ""},
    "interaction": {"color": PALETTE["sky"], "hatch": ".."},
}


def plot_shift_share(
    results: Sequence[ShiftShare],
    labels: Sequence[str],
    ax: Axes | None = None,
    percent: bool = True,
    legend: bool = True,
) -> Axes:
    """Stacked bars of within, between and interaction, one bar per decomposition.

    Parameters
    ----------
    results : sequence of ShiftShare
        Each with a single interval (a long difference).
    labels : sequence of str
        One label per bar.
    ax : matplotlib Axes, optional
    percent : bool
        Show parts as % of initial aggregate productivity (True) or in
        productivity units (False).
    legend : bool

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        If the numbers of results and labels differ, or a result has more
        than one interval.
    """
    import matplotlib.pyplot as plt

    results, labels = list(results), [str(x) for x in labels]
    if not results or len(results) != len(labels):
        raise ValueError(
            f"results and labels must be non-empty and of equal length; got {len(results)} and {len(labels)}"
        )
    if any(r.total.size != 1 for r in results):
        raise ValueError("each result must cover one interval: pass the first and last dates only")
    if ax is None:
        _, ax = plt.subplots()

    def value(result: ShiftShare, part: str) -> float:
        """One part (or the total) of a single-interval result, in the unit the chart shows."""
        series = result.percent_of_initial()[part] if percent else getattr(result, part)
        return float(series[0])

    parts = {part: [value(r, part) for r in results] for part in PART_STYLE}
    totals = [value(r, "total") for r in results]
    pos, _ = stacked_bars(ax, parts, labels, styles=PART_STYLE, totals=totals, total_label="total change")
    ax.set_ylabel("change in productivity (% of initial level)" if percent else "change in productivity")
    if legend:
        top = max(float(pos.max()), max(totals))
        ax.set_ylim(top=1.3 * top if top > 0 else 1.0)
        ax.legend(loc="upper center", ncols=4, fontsize=9, columnspacing=1.0)
    return ax


def draw_structural_change(
    ax: Axes,
    reallocation: float = 1.0,
    manufacturing_growth: float = 6.5,
    data: Series | None = None,
) -> str:
    """Draw a counterfactual three-sector economy's shift-share decomposition by decade.

    The economy is :func:`~nqp_helpers.structural.reallocation_scenario` of the
    toy data: starting from the 1990 employment shares and productivity, a
    fraction of the agricultural workforce moves to manufacturing and services
    each year, while sector productivity grows at the toy economy's average
    rates, except manufacturing whose rate is set by ``manufacturing_growth``.

    Parameters
    ----------
    ax : matplotlib Axes
    reallocation : float
        Percentage points of total employment leaving agriculture per year,
        in [0, 1.9] (agriculture keeps a positive share).
    manufacturing_growth : float
        Manufacturing productivity growth, % per year, in [-5, 15].
    data : Series, optional
        The toy three-sector economy; default :func:`nqp_helpers.data.load_toy_sectors`.

    Returns
    -------
    str
        One line of HTML: average productivity growth and the structural-change
        share over 1990-2020.
    """
    d = load_toy_sectors() if data is None else data
    scenario = reallocation_scenario(
        d.productivity,
        d.employment,
        d.years,
        reallocation=reallocation,
        manufacturing_growth=manufacturing_growth,
    )
    decades = scenario.years[[0, 10, 20, 30]]
    periods = list(zip(decades[:-1], decades[1:], strict=True))
    results = [scenario.long_difference(a, b) for a, b in periods]
    # One unit for every bar (a percentage of each decade's own starting level would change the base).
    plot_shift_share(results, [f"{a:g}-{b:g}" for a, b in periods], ax=ax, percent=False)
    ax.set_ylabel("change in aggregate productivity\n(thousand currency units per worker)")
    ax.set_title(
        f"Counterfactual toy economy: {reallocation:.1f} % of employment leaves agriculture a year;\n"
        f"manufacturing productivity grows {manufacturing_growth:.1f} % a year",
        fontsize=9,
    )
    ax.text(
        1.0, -0.1, "Source: generated toy economy (toy_sectors.csv)", transform=ax.transAxes,
        ha="right", va="top", fontsize=8,
    )  # fmt: skip
    whole = scenario.long_difference(decades[0], decades[-1])
    growth = float(whole.productivity_growth()[0])
    # The share of the change, shown only where productivity grew enough to share (MIN_GROWTH_FOR_SHARES).
    part = growth * float(whole.structural_change[0] / whole.total[0])
    sc = share_percent(part, growth, "productivity growth")
    return (
        f"aggregate productivity growth 1990-2020 <b>{growth:.2f} % per year</b>; structural change "
        f"(between + interaction) <b>{sc}</b> of the total change"
    )


def make_structural_app(reallocation: float = 1.0, manufacturing_growth: float = 6.5) -> FigureApp:
    """Build the structural-change widget: speed of reallocation and manufacturing productivity growth.

    Returns
    -------
    FigureApp

    Examples
    --------
    >>> app = make_structural_app()
    >>> app.set(reallocation=0.5).draws
    2
    """
    data = load_toy_sectors()
    controls = {
        "reallocation": slider(
            "workers leaving agriculture (% of employment per year)",
            reallocation,
            0.0,
            1.9,
            0.1,
            ".1f",
            name="reallocation",
        ),
        "manufacturing_growth": slider(
            "manufacturing productivity growth (% per year)",
            manufacturing_growth,
            0.0,
            10.0,
            0.5,
            ".1f",
            name="manufacturing_growth",
        ),
    }

    def draw(ax: Axes, reallocation: float, manufacturing_growth: float) -> str:
        return draw_structural_change(ax, reallocation, manufacturing_growth, data=data)

    margins = {"left": 0.13, "top": 0.86, "bottom": 0.14}  # room for the settings above, the source below
    return FigureApp(draw, controls, figsize=(7.0, 4.2), margins=margins)
