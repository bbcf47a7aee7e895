"""Figures and the widget for misallocation (:mod:`nqp_helpers.misallocation`).

Aggregate TFP under wedges, the vectorised curve and the lognormal formula are
computed in :mod:`nqp_helpers.misallocation`; this module draws them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from .._validate import as_scalar
from ..misallocation import default_firms, lognormal_gain, lognormal_reform_gain, tfp_ratio_curve
from .widgets import FigureApp, slider

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["draw_misallocation", "make_misallocation_app"]


def draw_misallocation(
    ax: Axes,
    dispersion: float = 0.6,
    target_dispersion: float = 0.4,
    sigma: float = 3.0,
    firms: tuple[npt.ArrayLike, npt.ArrayLike] | None = None,
) -> str:
    """Draw TFP relative to its efficient level against the dispersion of ln TFPR.

    Parameters
    ----------
    ax : matplotlib Axes
    dispersion, target_dispersion : float
        Standard deviation of ln TFPR now and after a reform, in [0, 1].
    sigma : float
        Elasticity of substitution, in (1, 20].
    firms : tuple (tfpq, shocks), optional
        Firm productivities and wedge shocks; default
        :func:`~nqp_helpers.misallocation.default_firms`.

    Returns
    -------
    str
        One line of HTML: TFP now and after the reform (% of efficient) and
        the gain from the reform, with the lognormal formula for comparison.

    Notes
    -----
    ln TFPR is drawn independently of ln TFPQ (correlation 0). There is no
    correlation control: when ln TFPQ and ln TFPR are jointly normal, the loss
    depends on var(ln TFPR) alone (Hsieh and Klenow 2009, eq. 17), and the
    apparent effect of the correlation in a sample of 2,000 firms is sampling
    noise (see :mod:`nqp_helpers.misallocation`). The figure carries its
    parameters and source, so that a saved copy stands alone.
    """
    if firms is None:
        firms = default_firms()
    A, e = (np.asarray(f, dtype=float) for f in firms)
    d_now = as_scalar("dispersion", dispersion, low=0, high=1)
    d_new = as_scalar("target_dispersion", target_dispersion, low=0, high=1)
    grid = np.linspace(0.0, 1.0, 51)
    curve = tfp_ratio_curve(A, np.log(A), e, np.concatenate([grid, [d_now, d_new]]), 0.0, sigma)
    now, new = np.exp(curve[-2]), np.exp(curve[-1])
    ax.plot(grid, 100 * np.exp(curve[:-2]), label=f"model ({A.size:,} simulated firms)")
    lognormal = 100 / (1 + lognormal_gain(grid, sigma) / 100)  # TFP in % of efficient, eq. 17
    ax.plot(grid, lognormal, linestyle="--", label="lognormal formula (eq. 17)")
    ax.plot([d_now], [100 * now], "o", color="black", label="now")
    ax.plot([d_new], [100 * new], "s", color="black", markerfacecolor="white", label="after the reform")
    ax.set_xlabel("dispersion of log revenue productivity, sd of ln TFPR")
    ax.set_ylabel("TFP (% of the efficient level)")
    ax.set_xlim(0, 1.0)
    ax.set_ylim(0, 105)
    ax.legend(loc="lower left")
    ax.text(
        0.99,
        0.98,
        f"σ = {sigma:g}; sd of ln TFPR now {d_now:.2f}, after the reform {d_new:.2f}\n"
        f"ln TFPQ normal, sd {np.log(A).std():.2f}; wedges independent of TFPQ\n"
        "Source: Hsieh and Klenow (2009) model, simulated firms",
        transform=ax.transAxes,
        ha="right",
        va="top",
        fontsize=8,
    )
    return (
        f"TFP now <b>{100 * now:.1f} %</b> of efficient, after the reform <b>{100 * new:.1f} %</b>: "
        f"gain <b>{100 * (new / now - 1):.1f} %</b> (lognormal formula: "
        f"{lognormal_reform_gain(d_now, d_new, sigma):.1f} %)"
    )


def make_misallocation_app(
    dispersion: float = 0.6, target_dispersion: float = 0.4, sigma: float = 3.0
) -> FigureApp:
    """Build the misallocation widget: wedge dispersion now and after a reform, and sigma.

    There is deliberately no control for the correlation of wedges with
    productivity: under the model's joint lognormality it does not change the
    loss (:func:`draw_misallocation`, Notes).

    Returns
    -------
    FigureApp

    Examples
    --------
    >>> app = make_misallocation_app()
    >>> app.set(dispersion=0.8).draws
    2
    """
    firms = default_firms()
    controls = {
        "dispersion": slider("dispersion now (sd of ln TFPR)", dispersion, 0.0, 1.0, 0.05, name="dispersion"),
        "target_dispersion": slider(
            "dispersion after reform (sd of ln TFPR)",
            target_dispersion,
            0.0,
            1.0,
            0.05,
            name="target_dispersion",
        ),
        "sigma": slider("elasticity of substitution σ", sigma, 1.5, 6.0, 0.5, ".1f", name="sigma"),
    }

    def draw(ax: Axes, dispersion: float, target_dispersion: float, sigma: float) -> str:
        return draw_misallocation(ax, dispersion, target_dispersion, sigma, firms=firms)

    return FigureApp(draw, controls, figsize=(7.0, 4.0))
