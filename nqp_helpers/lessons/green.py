"""Figures and the widget for green productivity (:mod:`nqp_helpers.green`).

The Kaya identity, green output and green growth accounting are computed in
:mod:`nqp_helpers.green`; this module draws them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..data import load_toy_green
from ..green import KAYA_FACTORS, GreenAccounting, decarbonise, green_decompose
from ..growth import GrowthSummary
from ..i18n import _
from .plotting import PALETTE, stacked_bars
from .widgets import FigureApp, slider

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle
    from matplotlib.text import Annotation, Text

    from ..data import Series

__all__ = ["KAYA_STYLE", "GREEN_PERIODS", "plot_kaya", "draw_green", "make_green_app"]

#: Colour and hatch of each Kaya factor, in the order of :data:`nqp_helpers.green.KAYA_FACTORS`.
KAYA_STYLE = {
    "population": {"color": PALETTE["orange"], "hatch": "//"},
    "output per person": {"color": PALETTE["blue"], "hatch": ""},
    "energy intensity": {"color": PALETTE["green"], "hatch": ".."},
    "carbon intensity": {"color": PALETTE["purple"], "hatch": "xx"},
}


def plot_kaya(
    summaries: Sequence[GrowthSummary], labels: Sequence[str], ax: Axes | None = None, legend: bool = True
) -> Axes:
    """Stacked bars of the four Kaya factors' contributions to emissions growth (% per year).

    Parameters
    ----------
    summaries : sequence of GrowthSummary
        From :meth:`~nqp_helpers.green.KayaDecomposition.summary`.
    labels : sequence of str
        One per bar.
    ax : matplotlib Axes, optional
    legend : bool

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        If the numbers of summaries and labels differ or a summary is not a
        Kaya summary.
    """
    import matplotlib.pyplot as plt

    summaries, labels = list(summaries), [str(x) for x in labels]
    if not summaries or len(summaries) != len(labels):
        raise ValueError(
            _("summaries and labels must be non-empty and of equal length; got {n} and {m}").format(
                n=len(summaries), m=len(labels)
            )
        )
    if any(not isinstance(s, GrowthSummary) or list(s.parts) != list(KAYA_FACTORS) for s in summaries):
        raise ValueError(_("summaries must come from KayaDecomposition.summary()"))
    if ax is None:
        _fig, ax = plt.subplots()
    parts = {name: [float(s.parts[name]) for s in summaries] for name in KAYA_FACTORS}
    totals = [float(s.total) for s in summaries]
    stacked_bars(ax, parts, labels, styles=KAYA_STYLE, totals=totals, total_label=_("emissions growth"))
    ax.set_ylabel(_("contribution to emissions growth (% per year)"))
    if legend:
        top = max(max(totals), max(sum(v for v in vals if v > 0) for vals in zip(*parts.values())))
        ax.set_ylim(top=1.45 * top if top > 0 else 1.0)
        ax.legend(loc="upper center", ncols=3, fontsize=9, columnspacing=1.0)
    return ax


#: Periods of Figure 4.8 (the Kaya periods of Figure 4.7, then the whole span).
GREEN_PERIODS = ((2000, 2005), (2005, 2012), (2012, 2020), (2000, 2020))


def draw_green(
    ax: Axes,
    carbon_price: float = 100.0,
    carbon_intensity_growth: float = -2.5,
    from_year: int = 2012,
    economy: Series | None = None,
    periods: Sequence[tuple[int, int]] = GREEN_PERIODS,
) -> str:
    """Draw green minus ordinary TFP growth by period for a carbon price and a decarbonisation rate.

    One bar per period: the average gap between green and ordinary TFP growth
    (percentage points per year, :meth:`~nqp_helpers.green.GreenAccounting.tfp_gap`),
    the whole span hatched. The figure states the carbon price, the emissions
    path and the source, so that a saved copy stands alone. The vertical axis
    runs from -s to s, with s the first of 0.4, 1, 2, 4, 10, ... at least 1.35
    times the largest gap: a slider move keeps the scale unless a bar outgrows
    it or shrinks to a smaller step.

    Parameters
    ----------
    ax : matplotlib Axes
    carbon_price : float
        Currency units per tonne of CO2.
    carbon_intensity_growth : float
        Change of carbon intensity C/E after ``from_year``, % per year
        (negative: decarbonisation). Energy use is unchanged.
    from_year : int
        Year after which the decarbonisation rate applies.
    economy : Series, optional
        The green toy economy; default :func:`nqp_helpers.data.load_toy_green`.
    periods : sequence of (start, end)
        Periods of the bars, each within the economy's years.

    Returns
    -------
    str
        One line of HTML: average ordinary and green TFP growth and the charge
        as a share of output in the first and last year.

    Raises
    ------
    ValueError
        If a period is empty or outside the economy's years, or an argument
        is refused by :func:`~nqp_helpers.green.green_decompose`.
    """
    figure = _GreenFigure(load_toy_green() if economy is None else economy, from_year, periods)
    return figure.draw(ax, carbon_price, carbon_intensity_growth)


class _GreenFigure:
    """The green-accounting figure for an economy and periods: :meth:`draw` draws it and keeps its moving
    artists; :meth:`update` moves the bars, their numbers and the line of settings, and sets the new
    vertical scale when the bars need another."""

    bars: list[Rectangle]
    numbers: list[Annotation]
    zero: Line2D
    info: Text

    def __init__(self, economy: Series, from_year: int, periods: Sequence[tuple[int, int]]) -> None:
        first, last = int(economy.years[0]), int(economy.years[-1])
        self.periods = [(int(a), int(b)) for a, b in periods]
        if not self.periods or any(not first <= a < b <= last for a, b in self.periods):
            raise ValueError(
                _("periods must be non-empty (start, end) pairs within {first}-{last}; got {periods}").format(
                    first=first, last=last, periods=self.periods
                )
            )
        self.economy, self.from_year = economy, from_year
        self.whole = [a == first and b == last for a, b in self.periods]

    def draw(self, ax: Axes, carbon_price: float, carbon_intensity_growth: float) -> str:
        acc, gaps = self._account(carbon_price, carbon_intensity_growth)
        x = np.arange(len(self.periods))
        bars = ax.bar(
            x,
            gaps,
            width=0.6,
            color=[PALETTE["sky"] if w else PALETTE["green"] for w in self.whole],
            hatch=None,
            edgecolor="black",
            linewidth=0.6,
        )
        for bar, w in zip(bars, self.whole):
            if w:
                bar.set_hatch("//")
        self.bars = list(bars)
        self.numbers = [
            ax.annotate("", (xi, 0.0), xytext=(0, 3), textcoords="offset points", ha="center", fontsize=9)
            for xi in x
        ]
        self._number(gaps)
        self.zero = ax.axhline(0, color="black", linewidth=0.8)
        ax.set_xticks(x, [f"{a}-{b}" for a, b in self.periods])
        ax.set_xlabel(_("period (last bar, hatched: the whole span)"))
        ax.set_ylabel(_("green minus ordinary TFP growth\n(percentage points per year)"))
        span = _span(gaps)
        ax.set_ylim(-span, span)
        self.info = ax.text(
            0.01,
            0.98,
            self._describe(carbon_price, carbon_intensity_growth),
            transform=ax.transAxes,
            ha="left",
            va="top",
            fontsize=8,
        )
        return self._note(acc)

    def update(
        self, ax: Axes, carbon_price: float, carbon_intensity_growth: float
    ) -> tuple[str, list[Artist]]:
        acc, gaps = self._account(carbon_price, carbon_intensity_growth)
        span = _span(gaps)
        if ax.get_ylim() != (-span, span):  # another vertical scale: set in place, the figure rendered anew
            ax.set_ylim(-span, span)
        for bar, gap in zip(self.bars, gaps, strict=True):
            bar.set_height(gap)
        self._number(gaps)
        self.info.set_text(self._describe(carbon_price, carbon_intensity_growth))
        # In the order a full draw draws them: the bars, then the grid, line and spines drawn over them,
        # then the text.
        changed: list[Artist] = [
            *self.bars,
            *(line for axis in (ax.xaxis, ax.yaxis) for line in axis.get_gridlines() if line.get_visible()),
            self.zero,
            ax.spines["left"],
            ax.spines["bottom"],
            *self.numbers,
            self.info,
        ]
        return self._note(acc), changed

    def _account(
        self, carbon_price: float, carbon_intensity_growth: float
    ) -> tuple[GreenAccounting, np.ndarray]:
        """The green accounts and the gap of each period (percentage points per year)."""
        g = self.economy
        C = decarbonise(g.energy, g.emissions, g.years, self.from_year, carbon_intensity_growth)
        acc = green_decompose(
            g.output,
            g.capital,
            g.labor,
            g.capital_share,
            C,
            carbon_price,
            human_capital=g.human_capital,
            years=g.years,
        )
        return acc, np.array([acc.tfp_gap(a, b) for a, b in self.periods])

    def _number(self, gaps: np.ndarray) -> None:
        """Write each gap just above its bar (just below when it is negative)."""
        for note, xi, gap in zip(self.numbers, range(len(gaps)), gaps, strict=True):
            note.set_text(f"{gap:+.2f}")
            note.xy = (xi, gap)
            note.xyann = (0, 3 if gap >= 0 else -3)
            note.set_verticalalignment("bottom" if gap >= 0 else "top")

    def _describe(self, carbon_price: float, carbon_intensity_growth: float) -> str:
        return _(
            "carbon price {price:g} currency units per t CO2; "
            "emissions: the data's to {year},\n"
            "then CO2 per unit of energy {rate:+.1f} % a year\n"
            "Source: generated toy economy (toy_green.csv); model"
        ).format(price=carbon_price, year=self.from_year, rate=carbon_intensity_growth)

    def _note(self, acc: GreenAccounting) -> str:
        years = self.economy.years
        o = acc.ordinary.summary().parts["TFP"]
        gr = acc.green.summary().parts["TFP"]
        return _(
            "TFP growth {first}-{last}: ordinary <b>{ordinary:.2f} %</b>, "
            "green <b>{green:.2f} % per year</b>; "
            "emission charge <b>{charge_first:.1f} %</b> of output in {first}, "
            "<b>{charge_last:.1f} %</b> in {last}"
        ).format(
            first=years[0],
            last=years[-1],
            ordinary=o,
            green=gr,
            charge_first=100 * acc.charge_share[0],
            charge_last=100 * acc.charge_share[-1],
        )


def _span(gaps: np.ndarray) -> float:
    """Half the height of the vertical axis: 0.4 points, or the next of 1, 2, 4, 10, 20, ... at least 1.35
    times the largest gap (few steps: a slider move seldom changes the scale).

    Examples
    --------
    >>> _span(np.array([-0.1, 0.2])), _span(np.array([0.1, -0.5])), _span(np.array([1.42]))
    (0.4, 1.0, 2.0)
    """
    need = 1.35 * float(np.abs(gaps).max())
    if need <= 0.4:
        return 0.4
    power = 10.0 ** np.floor(np.log10(need))
    return float(next(round(k * power, 12) for k in (1, 2, 4, 10) if k * power >= need))


def make_green_app(carbon_price: float = 100.0, carbon_intensity_growth: float = -2.5) -> FigureApp:
    """Build the green-accounting widget: carbon price and decarbonisation rate after 2012.

    The figure is :func:`draw_green`: the gap between green and ordinary TFP
    growth by period.

    Returns
    -------
    FigureApp

    Examples
    --------
    >>> app = make_green_app()
    >>> app.set(carbon_price=200.0).draws
    2
    """
    economy = load_toy_green()
    controls = {
        "carbon_price": slider(
            _("carbon price (currency units per t CO2)"),
            carbon_price,
            0.0,
            400.0,
            10.0,
            ".0f",
            name="carbon_price",
        ),
        "carbon_intensity_growth": slider(
            _("change of CO2 per unit of energy after 2012 (% per year)"),
            carbon_intensity_growth,
            -10.0,
            3.0,
            0.5,
            ".1f",
            name="carbon_intensity_growth",
        ),
    }

    figure = _GreenFigure(economy, 2012, GREEN_PERIODS)
    return FigureApp(figure.draw, controls, figsize=(7.0, 4.0), update=figure.update)
