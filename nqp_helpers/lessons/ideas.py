"""Figures and the widget for the idea production model (:mod:`nqp_helpers.ideas`).

The model, its closed-form solution and its checks live in :mod:`nqp_helpers.ideas`;
this module only draws what :func:`~nqp_helpers.ideas.simulate_ideas` computes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..ideas import simulate_ideas
from .widgets import FigureApp, slider

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["draw_ideas", "make_ideas_app"]


def draw_ideas(
    ax: Axes,
    research_share: float = 4.0,
    knowledge_spillover: float = 0.5,
    research_elasticity: float = 0.75,
    labor_growth: float = 1.0,
    baseline_share: float = 2.0,
    years: int = 200,
) -> str:
    """Draw TFP growth after the research share moves from a baseline, with the long-run rate.

    Parameters
    ----------
    ax : matplotlib Axes
    research_share, baseline_share : float
        New and old research shares, % of workers (in (0, 100)).
    knowledge_spillover, research_elasticity, labor_growth : float
        phi, lambda and n (% per year), as in :func:`~nqp_helpers.ideas.simulate_ideas`.
    years : int
        Horizon in years.

    Returns
    -------
    str
        One line of HTML: long-run growth, growth in the first year, TFP
        relative to the baseline path at the horizon.
    """
    new = simulate_ideas(
        research_share / 100,
        years=years,
        labor_growth=labor_growth,
        research_elasticity=research_elasticity,
        knowledge_spillover=knowledge_spillover,
        baseline_share=baseline_share / 100,
    )
    base = simulate_ideas(
        baseline_share / 100,
        years=years,
        labor_growth=labor_growth,
        research_elasticity=research_elasticity,
        knowledge_spillover=knowledge_spillover,
        baseline_share=baseline_share / 100,
    )
    ax.plot(new.time, new.tfp_growth, label=f"research share {research_share:g} % from year 0")
    ax.plot(base.time, base.tfp_growth, linestyle="--", label=f"research share stays {baseline_share:g} %")
    ax.axhline(
        new.long_run_growth,
        color="black",
        linestyle=":",
        linewidth=1.2,
        label=r"long-run rate $\lambda n/(1-\phi)$"
        + (" (the dashed path lies on it)" if np.allclose(base.tfp_growth, new.long_run_growth) else ""),
    )
    ax.set_xlabel("years after the change")
    ax.set_ylabel("TFP growth (% per year)")
    ax.set_ylim(0, max(4.0, 1.1 * float(new.tfp_growth.max())))
    ax.set_xlim(0, years)
    ax.legend(loc="upper right")
    ax.text(
        0.01,
        0.02,
        f"λ = {research_elasticity:g}, φ = {knowledge_spillover:g}, n = {labor_growth:g} % per year; "
        f"research share {baseline_share:g} % → {research_share:g} % of workers in year 0\n"
        "Source: idea production function (Jones 1995), model with illustrative parameters",
        transform=ax.transAxes,
        ha="left",
        va="bottom",
        fontsize=8,
    )
    gain = np.exp(new.log_tfp[-1] - base.log_tfp[-1])
    return (
        f"long-run TFP growth <b>{new.long_run_growth:.2f} % per year</b> (both paths); "
        f"first-year growth <b>{new.tfp_growth[0]:.2f} %</b>; after {years:g} years TFP is "
        f"<b>{gain:.2f}</b> times its baseline path"
    )


def make_ideas_app(
    research_share: float = 4.0,
    knowledge_spillover: float = 0.5,
    research_elasticity: float = 0.75,
    labor_growth: float = 1.0,
) -> FigureApp:
    """Build the idea-production widget: research share, φ, λ and n as sliders.

    The baseline research share is 2 % of workers; the economy starts on its
    balanced growth path and the slider sets the new research share.

    Returns
    -------
    FigureApp
        ``app.set(research_share=...)`` redraws; ``app.axes`` holds the lines.

    Examples
    --------
    >>> app = make_ideas_app()
    >>> app.set(knowledge_spillover=0.7).draws
    2
    """
    controls = {
        "research_share": slider(
            "research share s_R (% of workers)", research_share, 0.5, 10.0, 0.5, ".1f", name="research_share"
        ),
        "knowledge_spillover": slider(
            "returns to the stock of ideas φ",
            knowledge_spillover,
            -1.0,
            0.9,
            0.05,
            name="knowledge_spillover",
        ),
        "research_elasticity": slider(
            "returns to research effort λ", research_elasticity, 0.2, 1.0, 0.05, name="research_elasticity"
        ),
        "labor_growth": slider(
            "labour-force growth n (% per year)", labor_growth, 0.1, 3.0, 0.1, ".1f", name="labor_growth"
        ),
    }
    return FigureApp(draw_ideas, controls, figsize=(7.0, 4.0))
