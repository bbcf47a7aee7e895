"""Ready-made interactive figures shared by several notebooks.

Each ``make_*_app`` function returns a :class:`~nqp_helpers.lessons.widgets.FigureApp`;
its drawing function is a plain function of the slider values, so tests can
move the sliders and check what is drawn. A slider move then updates the
figure in place (the bar heights, the total marker and the title with the
settings move; the axes, the legend and the labels stay as drawn), unless the
bars leave the vertical range, which is then drawn anew.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from ..growth import GrowthSummary, constant_growth_economy, decompose, share_percent
from ..i18n import _
from .plotting import no_negative_zero, plot_contributions
from .widgets import FigureApp, Redraw, int_slider, over_bars, slider

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.patches import Rectangle
    from matplotlib.text import Text

__all__ = ["draw_economy", "make_economy_app"]


def _economy(
    capital_growth: float,
    labor_growth: float,
    tfp_growth: float,
    capital_share: float,
    human_capital_growth: float,
    years: int,
) -> tuple[Any, GrowthSummary]:
    """The constructed economy and the summary of its growth accounts."""
    e = constant_growth_economy(
        years,
        capital_growth,
        labor_growth,
        tfp_growth,
        capital_share,
        human_capital_growth=human_capital_growth,
    )
    acc = decompose(e["output"], e["capital"], e["labor"], capital_share, e["human_capital"], e["years"])
    return e, acc.summary()


def _economy_title(
    capital_growth: float,
    labor_growth: float,
    tfp_growth: float,
    capital_share: float,
    human_capital_growth: float,
    years: int,
) -> str:
    """The settings written on the figure, so that a saved picture says what it shows."""
    if human_capital_growth:
        title = _(
            "Y = A K^α (hL)^(1-α), α = {alpha:g}; growth (% per year): g_K = {g_K:g}, "
            "g_L = {g_L:g}, g_h = {g_h:g}, g_A = {g_A:g}; {years} years\n"
            "Constructed economy (no data): nqp_helpers.growth.constant_growth_economy"
        )
    else:
        title = _(
            "Y = A K^α (hL)^(1-α), α = {alpha:g}; growth (% per year): g_K = {g_K:g}, "
            "g_L = {g_L:g}, g_A = {g_A:g}; {years} years\n"
            "Constructed economy (no data): nqp_helpers.growth.constant_growth_economy"
        )
    return title.format(
        alpha=capital_share,
        g_K=capital_growth,
        g_L=labor_growth,
        g_h=human_capital_growth,
        g_A=tfp_growth,
        years=years,
    )


def _economy_note(e: Any, s: GrowthSummary, years: int) -> str:
    """The numbers under the figure (HTML)."""
    # TRANSLATORS: the separator between the items of a list of numbers.
    separator = _(", ")
    parts = separator.join(f"{_(k)} {no_negative_zero(v):.2f}" for k, v in s.parts.items())
    share_txt = share_percent(float(s.parts["TFP"]), float(s.total))
    return _(
        "output growth <b>{total:.2f} % per year</b> = {parts}; "
        "TFP share of growth <b>{share}</b>; "
        "after {years} years output is <b>{level:.2f}</b> times its first level, "
        "of which TFP alone accounts for a factor {tfp:.2f}"
    ).format(
        total=no_negative_zero(s.total),
        parts=parts,
        share=share_txt,
        years=years,
        level=e["output"][-1],
        tfp=e["tfp"][-1],
    )


def _economy_ylim(s: GrowthSummary) -> tuple[float, float]:
    """Vertical range of the bar: -2 to 10 % per year, widened in steps of 2 points when the bar or the
    total marker (with 0.3 points to spare) would leave it.

    The range depends on the values only, so a figure drawn afresh and one updated in place agree, and
    small moves of a slider keep the axes still.

    Examples
    --------
    >>> from nqp_helpers.growth import GrowthSummary
    >>> _economy_ylim(GrowthSummary((0, 1), 1, "output", 5.0, {"capital": 4.0, "TFP": 1.0}))
    (-2.0, 10.0)
    >>> _economy_ylim(GrowthSummary((0, 1), 1, "output", 10.5, {"capital": 9.0, "TFP": 1.5}))
    (-2.0, 12.0)
    """
    values = np.array([float(v) for v in s.parts.values()])
    top = max(float(values[values > 0].sum()), float(s.total), 0.0)
    bottom = min(float(values[values < 0].sum()), float(s.total), 0.0)
    return min(-2.0, 2.0 * math.floor((bottom - 0.3) / 2)), max(10.0, 2.0 * math.ceil((top + 0.3) / 2))


def draw_economy(
    ax: Axes,
    capital_growth: float,
    labor_growth: float,
    tfp_growth: float,
    capital_share: float,
    human_capital_growth: float = 0.0,
    years: int = 10,
) -> str:
    """Decompose a constant-growth economy and draw its contributions as one stacked bar.

    Parameters
    ----------
    ax : matplotlib Axes
    capital_growth, labor_growth, human_capital_growth, tfp_growth : float
        Growth rates, % per year.
    capital_share : float
        Capital share in [0, 1].
    years : int
        Length of the simulated period in years.

    Returns
    -------
    str
        One line of HTML: output growth and each contribution (% per year), the
        TFP share of growth ("n/a" with the reason when output grows less than
        :data:`~nqp_helpers.growth.MIN_GROWTH_FOR_SHARES` % per year), and what
        the rates imply for levels after ``years``.
    """
    return _EconomyFigure().draw(
        ax, capital_growth, labor_growth, tfp_growth, capital_share, human_capital_growth, years
    )


def make_economy_app(
    capital_growth: float = 6.0,
    labor_growth: float = 1.0,
    tfp_growth: float = 2.0,
    capital_share: float = 0.4,
    human_capital_growth: float | None = None,
    years: int | None = None,
) -> FigureApp:
    """Sliders for the growth of each input and of TFP; bars of the contributions.

    Parameters
    ----------
    capital_growth, labor_growth, tfp_growth : float
        Starting slider values, % per year.
    capital_share : float
        Starting capital share.
    human_capital_growth : float, optional
        If given, a human-capital slider is added with this starting value.
    years : int, optional
        If given, a slider for the number of years is added.

    Returns
    -------
    FigureApp
    """
    controls = {
        "capital_growth": slider(
            _("capital growth g_K (% per year)"), capital_growth, -2, 15, 0.25, name="capital_growth"
        ),
        "labor_growth": slider(
            _("labour growth g_L (% per year)"), labor_growth, -3, 5, 0.25, name="labor_growth"
        ),
    }
    if human_capital_growth is not None:
        controls["human_capital_growth"] = slider(
            _("human capital growth g_h (% per year)"),
            human_capital_growth,
            -1,
            4,
            0.1,
            name="human_capital_growth",
        )
    controls["tfp_growth"] = slider(
        _("TFP growth g_A (% per year)"), tfp_growth, -3, 6, 0.1, name="tfp_growth"
    )
    controls["capital_share"] = slider(
        _("capital share α"), capital_share, 0.05, 0.95, 0.05, name="capital_share"
    )
    if years is not None:
        controls["years"] = int_slider(_("number of years"), years, 2, 50, name="years")
    figure = _EconomyFigure()
    return FigureApp(
        figure.draw,
        controls,
        figsize=(7.0, 3.8),
        margins={"right": 0.62, "left": 0.12, "top": 0.84},
        update=figure.update,
    )


def _average_label(years: int) -> str:
    """The tick label of the bar: the period its average covers."""
    return _("average over {years} years").format(years=years)


class _EconomyFigure:
    """Draw and update of :func:`make_economy_app`: ``draw`` keeps the artists that move, ``update`` moves
    them (bar heights, total marker, title), sets the new vertical range when the bars need one, and names
    what a full draw paints over them."""

    def draw(
        self,
        ax: Axes,
        capital_growth: float,
        labor_growth: float,
        tfp_growth: float,
        capital_share: float,
        human_capital_growth: float = 0.0,
        years: int = 10,
    ) -> str:
        settings = (capital_growth, labor_growth, tfp_growth, capital_share, human_capital_growth, years)
        e, s = _economy(*settings)
        plot_contributions([s], [_average_label(years)], ax=ax)
        ax.set_xlim(-0.8, 0.8)
        # y=1.0 (where matplotlib puts a title when nothing is above the axes) fixes the title's place, so
        # that the title can be updated on its own (automatic placement misplaces a title hidden for the
        # background of an update).
        self.title: Text = ax.set_title(_economy_title(*settings), fontsize=8, loc="left", y=1.0)
        self.ylim = _economy_ylim(s)
        ax.set_ylim(*self.ylim)
        # One container of bars per part (one bar each), in the order of the parts, then the total marker
        # (the diamond) and the zero line. Found by order and marker, not by their labels, which the reader's
        # language may change.
        self.bars: dict[str, Rectangle] = {name: c[0] for name, c in zip(s.parts, ax.containers, strict=True)}
        (self.total,) = [line for line in ax.lines if line.get_marker() == "D"]
        return _economy_note(e, s, years)

    def update(
        self,
        ax: Axes,
        capital_growth: float,
        labor_growth: float,
        tfp_growth: float,
        capital_share: float,
        human_capital_growth: float = 0.0,
        years: int = 10,
    ) -> tuple[str, list[Artist]]:
        settings = (capital_growth, labor_growth, tfp_growth, capital_share, human_capital_growth, years)
        e, s = _economy(*settings)
        if list(s.parts) != list(self.bars):
            raise Redraw
        ylim = _economy_ylim(s)
        if ylim != self.ylim:  # the bars leave the vertical range, or fill too little of it: a new range
            self.ylim = ylim
            ax.set_ylim(*ylim)
        pos = neg = 0.0
        for name, value in s.parts.items():  # stacked as plotting.stacked_bars stacks them
            v = float(value)
            bar = self.bars[name]
            bar.set_y(pos if v >= 0 else neg)
            bar.set_height(v)
            pos, neg = (pos + v, neg) if v >= 0 else (pos, neg + v)
        self.total.set_ydata([float(s.total)])
        self.title.set_text(_economy_title(*settings))
        # The bar's one tick label says the years: redrawn only when it changes (the kept background
        # shows it otherwise), which keeps moves of the other sliders cheaper.
        label = _average_label(years)
        tick = ax.xaxis.get_major_ticks()[0].label1
        relabelled = [tick] if tick.get_text() != label else []
        if relabelled:
            ax.set_xticks([0], [label])
        return _economy_note(e, s, years), [*self.bars.values(), *over_bars(ax), *relabelled, self.title]
