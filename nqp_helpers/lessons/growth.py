"""Ready-made interactive figures shared by several notebooks.

Each ``make_*_app`` function returns a :class:`~nqp_helpers.lessons.widgets.FigureApp`;
its drawing function is a plain function of the slider values, so tests can
move the sliders and check what is drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..growth import constant_growth_economy, decompose, share_percent
from .plotting import no_negative_zero, plot_contributions
from .widgets import FigureApp, int_slider, slider

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["draw_economy", "make_economy_app"]


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
    e = constant_growth_economy(
        years,
        capital_growth,
        labor_growth,
        tfp_growth,
        capital_share,
        human_capital_growth=human_capital_growth,
    )
    acc = decompose(e["output"], e["capital"], e["labor"], capital_share, e["human_capital"], e["years"])
    s = acc.summary()
    plot_contributions([s], [f"average over {years} years"], ax=ax)
    ax.set_xlim(-0.8, 0.8)
    hc = f", g_h = {human_capital_growth:g}" if human_capital_growth else ""
    ax.set_title(
        f"Y = A K^α (hL)^(1-α), α = {capital_share:g}; growth (% per year): g_K = {capital_growth:g}, "
        f"g_L = {labor_growth:g}{hc}, g_A = {tfp_growth:g}; {years} years\n"
        "Constructed economy (no data): nqp_helpers.growth.constant_growth_economy",
        fontsize=8,
        loc="left",
    )
    ax.set_ylim(min(-2.0, ax.get_ylim()[0]), max(10.0, ax.get_ylim()[1]))
    parts = ", ".join(f"{k} {no_negative_zero(v):.2f}" for k, v in s.parts.items())
    share_txt = share_percent(float(s.parts["TFP"]), float(s.total))
    return (
        f"output growth <b>{no_negative_zero(s.total):.2f} % per year</b> = {parts}; "
        f"TFP share of growth <b>{share_txt}</b>; "
        f"after {years} years output is <b>{e['output'][-1]:.2f}</b> times its first level, "
        f"of which TFP alone accounts for a factor {e['tfp'][-1]:.2f}"
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
            "capital growth g_K (% per year)", capital_growth, -2, 15, 0.25, name="capital_growth"
        ),
        "labor_growth": slider(
            "labour growth g_L (% per year)", labor_growth, -3, 5, 0.25, name="labor_growth"
        ),
    }
    if human_capital_growth is not None:
        controls["human_capital_growth"] = slider(
            "human capital growth g_h (% per year)",
            human_capital_growth,
            -1,
            4,
            0.1,
            name="human_capital_growth",
        )
    controls["tfp_growth"] = slider("TFP growth g_A (% per year)", tfp_growth, -3, 6, 0.1, name="tfp_growth")
    controls["capital_share"] = slider(
        "capital share α", capital_share, 0.05, 0.95, 0.05, name="capital_share"
    )
    if years is not None:
        controls["years"] = int_slider("number of years", years, 2, 50, name="years")
    return FigureApp(
        draw_economy, controls, figsize=(7.0, 3.8), margins={"right": 0.62, "left": 0.12, "top": 0.84}
    )
