"""Figures and the widget for green productivity (:mod:`nqp_helpers.green`).

The Kaya identity, green output and green growth accounting are computed in
:mod:`nqp_helpers.green`; this module draws them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..data import load_toy_green
from ..green import KAYA_FACTORS, decarbonise, green_decompose
from ..growth import GrowthSummary
from .plotting import PALETTE, stacked_bars
from .widgets import FigureApp, slider

if TYPE_CHECKING:
    from matplotlib.axes import Axes

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
            "summaries and labels must be non-empty and of equal length; "
            f"got {len(summaries)} and {len(labels)}"
        )
    if any(not isinstance(s, GrowthSummary) or list(s.parts) != list(KAYA_FACTORS) for s in summaries):
        raise ValueError("summaries must come from KayaDecomposition.summary()")
    if ax is None:
        _, ax = plt.subplots()
    parts = {name: [float(s.parts[name]) for s in summaries] for name in KAYA_FACTORS}
    totals = [float(s.total) for s in summaries]
    stacked_bars(ax, parts, labels, styles=KAYA_STYLE, totals=totals, total_label="emissions growth")
    ax.set_ylabel("contribution to emissions growth (% per year)")
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
    path and the source, so that a saved copy stands alone.

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
    g = load_toy_green() if economy is None else economy
    first, last = int(g.years[0]), int(g.years[-1])
    periods = [(int(a), int(b)) for a, b in periods]
    if not periods or any(not first <= a < b <= last for a, b in periods):
        raise ValueError(f"periods must be non-empty (start, end) pairs within {first}-{last}; got {periods}")
    C = decarbonise(g.energy, g.emissions, g.years, from_year, carbon_intensity_growth)
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
    gaps = np.array([acc.tfp_gap(a, b) for a, b in periods])
    whole = [a == first and b == last for a, b in periods]
    x = np.arange(len(periods))
    bars = ax.bar(
        x,
        gaps,
        width=0.6,
        color=[PALETTE["sky"] if w else PALETTE["green"] for w in whole],
        hatch=None,
        edgecolor="black",
        linewidth=0.6,
    )
    for bar, w in zip(bars, whole):
        if w:
            bar.set_hatch("//")
    for xi, gap in zip(x, gaps):
        ax.annotate(
            f"{gap:+.2f}",
            (xi, gap),
            xytext=(0, 3 if gap >= 0 else -3),
            textcoords="offset points",
            ha="center",
            va="bottom" if gap >= 0 else "top",
            fontsize=9,
        )
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xticks(x, [f"{a}-{b}" for a, b in periods])
    ax.set_xlabel("period (last bar, hatched: the whole span)")
    ax.set_ylabel("green minus ordinary TFP growth\n(percentage points per year)")
    span = max(0.4, 1.35 * float(np.abs(gaps).max()))
    ax.set_ylim(-span, span)
    ax.text(
        0.01,
        0.98,
        f"carbon price {carbon_price:g} currency units per t CO2; emissions: the data's to {from_year},\n"
        f"then CO2 per unit of energy {carbon_intensity_growth:+.1f} % a year\n"
        "Source: generated toy economy (toy_green.csv); model",
        transform=ax.transAxes,
        ha="left",
        va="top",
        fontsize=8,
    )
    o = acc.ordinary.summary().parts["TFP"]
    gr = acc.green.summary().parts["TFP"]
    return (
        f"TFP growth {g.years[0]}-{g.years[-1]}: ordinary <b>{o:.2f} %</b>, "
        f"green <b>{gr:.2f} % per year</b>; "
        f"emission charge <b>{100 * acc.charge_share[0]:.1f} %</b> of output in {g.years[0]}, "
        f"<b>{100 * acc.charge_share[-1]:.1f} %</b> in {g.years[-1]}"
    )


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
            "carbon price (currency units per t CO2)",
            carbon_price,
            0.0,
            400.0,
            10.0,
            ".0f",
            name="carbon_price",
        ),
        "carbon_intensity_growth": slider(
            "change of CO2 per unit of energy after 2012 (% per year)",
            carbon_intensity_growth,
            -10.0,
            3.0,
            0.5,
            ".1f",
            name="carbon_intensity_growth",
        ),
    }

    def draw(ax: Axes, carbon_price: float, carbon_intensity_growth: float) -> str:
        return draw_green(ax, carbon_price, carbon_intensity_growth, economy=economy)

    return FigureApp(draw, controls, figsize=(7.0, 4.0))
