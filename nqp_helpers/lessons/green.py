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

__all__ = ["KAYA_STYLE", "plot_kaya", "draw_green", "make_green_app"]

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
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax


def draw_green(
    ax: Axes,
    carbon_price: float = 100.0,
    carbon_intensity_growth: float = -2.5,
    from_year: int = 2012,
    economy: Series | None = None,
) -> str:
    """Draw ordinary and green TFP indices of the toy economy for a carbon price and decarbonisation rate.

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

    Returns
    -------
    str
        One line of HTML: average ordinary and green TFP growth and the charge
        as a share of output in the first and last year.
    """
    g = load_toy_green() if economy is None else economy
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
    ax.plot(g.years, acc.ordinary.tfp_index(), label="ordinary TFP")
    ax.plot(
        g.years, acc.green.tfp_index(), linestyle="--", label=f"green TFP (carbon price {carbon_price:g})"
    )
    ax.axvline(from_year, color="grey", linewidth=0.8, linestyle=":")
    ax.set_xticks(np.arange(g.years[0], g.years[-1] + 1, 5))
    ax.set_xlabel("year")
    ax.set_ylabel(f"TFP index ({g.years[0]} = 1)")
    ax.set_ylim(0.95, 1.75)
    ax.legend(loc="upper left")
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
