"""Figures and the widget for structural change (:mod:`nqp_helpers.structural`).

The shift-share decomposition and the counterfactual economy the widget
explores are computed in :mod:`nqp_helpers.structural`; this module draws them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from .._validate import as_scalar
from ..data import load_toy_sectors
from ..growth import share_percent
from ..i18n import N_, _
from ..structural import ShiftShare, reallocation_scenario
from .plotting import PALETTE, stacked_bars
from .widgets import FigureApp, Redraw, round_up, slider

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes

    from ..data import Series

__all__ = ["PART_STYLE", "plot_shift_share", "draw_structural_change", "make_structural_app"]

#: Colour and hatch of each part of the shift-share decomposition.
PART_STYLE = {
    N_("within"): {"color": PALETTE["vermillion"], "hatch": "xx"},
    N_("between"): {"color": PALETTE["blue"], "hatch": ""},
    N_("interaction"): {"color": PALETTE["sky"], "hatch": ".."},
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
            _("results and labels must be non-empty and of equal length; got {n} and {m}").format(
                n=len(results), m=len(labels)
            )
        )
    if any(r.total.size != 1 for r in results):
        raise ValueError(_("each result must cover one interval: pass the first and last dates only"))
    if ax is None:
        _fig, ax = plt.subplots()

    def value(result: ShiftShare, part: str) -> float:
        """One part (or the total) of a single-interval result, in the unit the chart shows."""
        series = result.percent_of_initial()[part] if percent else getattr(result, part)
        return float(series[0])

    parts = {part: [value(r, part) for r in results] for part in PART_STYLE}
    totals = [value(r, "total") for r in results]
    pos, _neg = stacked_bars(
        ax, parts, labels, styles=PART_STYLE, totals=totals, total_label=_("total change")
    )
    ax.set_ylabel(
        _("change in productivity (% of initial level)") if percent else _("change in productivity")
    )
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
    top: float | None = None,
) -> str:
    """Draw a counterfactual three-sector economy's shift-share decomposition by decade.

    The economy is :func:`~nqp_helpers.structural.reallocation_scenario` of the
    toy data: starting from the 1990 employment shares and productivity, a
    fraction of the agricultural workforce moves to manufacturing and services
    each year, while sector productivity grows at the toy economy's average
    rates, except manufacturing whose rate is set by ``manufacturing_growth``.

    The vertical axis runs from 0 to a round value (:func:`round_up`) with room
    for the legend above the bars (a negative part, which the widget's ranges
    do not produce, extends it below zero).

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
    top : float, optional
        Upper limit of the vertical axis, at least 1.3 times the tallest bar (room for the legend);
        default the round value just above that. The widget passes the limit it shows while the bars
        fit under it, so that the scale stays put.

    Returns
    -------
    str
        One line of HTML: average productivity growth and the structural-change
        share over 1990-2020.

    Raises
    ------
    ValueError
        If an argument is outside its range, or ``top`` leaves no room for the bars and the legend.
    """
    bars = _decades(reallocation, manufacturing_growth, data)
    if top is not None:
        top = as_scalar("top", top, low=bars.room, high=1e9)
    plot_shift_share(bars.results, bars.labels, ax=ax, percent=False)
    ax.set_ylim(0.0 if bars.low >= 0 else None, round_up(bars.room) if top is None else top)
    ax.set_ylabel(_("change in aggregate productivity\n(thousand currency units per worker)"))
    ax.set_title(_title(reallocation, manufacturing_growth), fontsize=9, y=1.0)
    ax.text(
        1.0, -0.1, _("Source: generated toy economy (toy_sectors.csv)"), transform=ax.transAxes,
        ha="right", va="top", fontsize=8,
    )  # fmt: skip
    return bars.note


#: The widget keeps its vertical scale while the bars' room (1.3 times the tallest) fills at least this
#: fraction of it: bars shrinking further are shown on a smaller scale.
_SHRINK = 0.4
#: When the bars outgrow the scale, the new one leaves this factor of room over them.
_GROW = 1.5


class _Decades(NamedTuple):
    """What the chart shows for one setting: the decades' decompositions, bar parts and totals, limits."""

    results: list[ShiftShare]
    labels: list[str]
    parts: dict[str, np.ndarray]
    totals: np.ndarray
    low: float  # the lowest bottom of a bar or total
    room: float  # 1.3 times the tallest bar or total: the least upper limit that leaves room for the legend
    note: str


def _decades(reallocation: float, manufacturing_growth: float, data: Series | None) -> _Decades:
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
    parts = {part: np.array([float(getattr(r, part)[0]) for r in results]) for part in PART_STYLE}
    totals = np.array([float(r.total[0]) for r in results])
    tops = sum(np.where(v >= 0, v, 0.0) for v in parts.values())
    bottoms = sum(np.where(v < 0, v, 0.0) for v in parts.values())
    # Room above the bars for the legend, as plot_shift_share leaves.
    room = 1.3 * max(float(np.max(tops)), float(totals.max()))
    low = min(float(np.min(bottoms)), float(totals.min()))
    whole = scenario.long_difference(decades[0], decades[-1])
    growth = float(whole.productivity_growth()[0])
    # The share of the change, shown only where productivity grew enough to share (MIN_GROWTH_FOR_SHARES).
    part = growth * float(whole.structural_change[0] / whole.total[0])
    sc = share_percent(part, growth, _("productivity growth"))
    note = _(
        "aggregate productivity growth 1990-2020 <b>{growth:.2f} % per year</b>; structural change "
        "(between + interaction) <b>{share}</b> of the total change"
    ).format(growth=growth, share=sc)
    labels = [f"{a:g}-{b:g}" for a, b in periods]
    return _Decades(results, labels, parts, totals, low, room, note)


def _title(reallocation: float, manufacturing_growth: float) -> str:
    return _(
        "Counterfactual toy economy: {reallocation:.1f} % of employment leaves agriculture a year;\n"
        "manufacturing productivity grows {growth:.1f} % a year"
    ).format(reallocation=reallocation, growth=manufacturing_growth)


class _StructuralFigure:
    """The widget's figure, drawn by :func:`draw_structural_change` and then moved in place.

    The vertical scale stays put while the bars fit under it with room for the legend and still fill
    more than :data:`_SHRINK` of it; otherwise it changes to a new round scale (:func:`round_up`; 1.5
    times the room needed when the bars grew out of it, so that a slider moved on does not rescale at
    every step). Every move sets the bars' bottoms and heights, the total markers and the title; a new
    scale only sets the vertical limits too (the app renders the picture again, nothing is rebuilt).
    The chart is drawn again only when a bar would reach the legend or go below zero, which the
    widget's ranges do not produce.
    """

    def __init__(self, data: Series) -> None:
        self.data = data
        self.top: float | None = None
        self.legend_bottom: float | None = None  # in display pixels: the legend does not move

    def limit(self, bars: _Decades) -> float:
        """The upper limit to show: the one shown while it suits the bars, else a new round one."""
        if self.top is None or bars.room < _SHRINK * self.top:
            return round_up(bars.room)
        if bars.room > self.top:  # growing bars: leave them room to grow on, as a list doubles its memory
            return round_up(_GROW * bars.room)
        return self.top

    def draw(self, ax: Axes, reallocation: float, manufacturing_growth: float) -> str:
        bars = _decades(reallocation, manufacturing_growth, self.data)
        self.top = self.limit(bars)
        note = draw_structural_change(ax, reallocation, manufacturing_growth, data=self.data, top=self.top)
        from matplotlib.patches import Rectangle

        # The bars, part by part, decade by decade, as stacked_bars drew them.
        self.bars = [p for p in ax.patches if isinstance(p, Rectangle)]
        self.totals, self.zero = ax.lines  # the total markers, the line at zero
        self.legend_bottom = None
        return note

    def update(self, ax: Axes, reallocation: float, manufacturing_growth: float) -> tuple[str, list[Artist]]:
        bars = _decades(reallocation, manufacturing_growth, self.data)
        if bars.low < 0 or self.top is None:
            raise Redraw
        top = self.limit(bars)
        if top != self.top:  # a new scale: the limits draw_structural_change sets (bottom 0 when low >= 0)
            self.top = top
            ax.set_ylim(0.0, top)
        base = np.zeros(len(bars.labels))
        for k, values in enumerate(
            bars.parts.values()
        ):  # stacked as stacked_bars stacks them (none < 0 here)
            for bar, b, v in zip(self.bars[k * base.size : (k + 1) * base.size], base, values, strict=True):
                bar.set_y(b)
                bar.set_height(v)
            base = base + values
        self.totals.set_ydata(bars.totals)
        ax.title.set_text(_title(reallocation, manufacturing_growth))
        # The grid lines are drawn over the bars: those the bars can reach move with them. The legend lies
        # above the bars (the limit leaves room for it), so the grid lines under it stay in the background.
        if self.legend_bottom is None:  # measured once per full draw (placed in axes coordinates)
            box = ax.get_legend()
            assert box is not None
            self.legend_bottom = float(box.get_window_extent().y0)
        legend = float(ax.transData.inverted().transform((0.0, self.legend_bottom))[1])
        if max(float(base.max()), float(bars.totals.max())) >= legend:
            raise Redraw
        # The tick positions are those of the current view (a tick's own position is updated only when the
        # figure is rendered: after a new scale it is still the old one), and only those inside the view
        # are drawn.
        locs = ax.yaxis.get_majorticklocs()
        ticks = ax.yaxis.get_major_ticks(len(locs))
        grid = [
            t.gridline
            for t, loc in zip(ticks, locs, strict=True)
            if t.gridline.get_visible() and 0.0 <= loc < legend
        ]
        # In the order of a full draw: the bars, the grid lines over them, the markers and the line at zero,
        # the spines (over the grid lines' ends and the bars' feet), the title.
        moving = [*self.bars, *grid, self.totals, self.zero, ax.spines["left"], ax.spines["bottom"], ax.title]
        return bars.note, moving


def make_structural_app(reallocation: float = 1.0, manufacturing_growth: float = 6.5) -> FigureApp:
    """Build the structural-change widget: speed of reallocation and manufacturing productivity growth.

    Returns
    -------
    FigureApp

    Examples
    --------
    >>> app = make_structural_app()
    >>> app.set(reallocation=1.1).draws, app.last_mode
    (2, 'update')
    """
    data = load_toy_sectors()
    controls = {
        "reallocation": slider(
            _("workers leaving agriculture (% of employment per year)"),
            reallocation,
            0.0,
            1.9,
            0.1,
            ".1f",
            name="reallocation",
        ),
        "manufacturing_growth": slider(
            _("manufacturing productivity growth (% per year)"),
            manufacturing_growth,
            0.0,
            10.0,
            0.5,
            ".1f",
            name="manufacturing_growth",
        ),
    }

    figure = _StructuralFigure(data)
    margins = {"left": 0.13, "top": 0.86, "bottom": 0.14}  # room for the settings above, the source below
    return FigureApp(figure.draw, controls, figsize=(7.0, 4.2), margins=margins, update=figure.update)
