"""Figures and the widget for misallocation (:mod:`nqp_helpers.misallocation`).

Aggregate TFP under wedges, the vectorised curve and the lognormal formula are
computed in :mod:`nqp_helpers.misallocation`; this module draws them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from .._validate import as_scalar
from ..i18n import _
from ..misallocation import default_firms, lognormal_gain, lognormal_reform_gain, tfp_ratio_curve
from .widgets import FigureApp, slider

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.legend import Legend
    from matplotlib.lines import Line2D

__all__ = ["draw_misallocation", "make_misallocation_app"]


_GRID = np.linspace(0.0, 1.0, 51)  # the dispersions along the drawn curve


def _model_curve(A: np.ndarray, log_a: np.ndarray, e: np.ndarray, sigma: float) -> np.ndarray:
    """TFP in % of efficient along :data:`_GRID` (the model's curve; it depends on sigma only)."""
    return 100 * np.exp(tfp_ratio_curve(A, log_a, e, _GRID, 0.0, sigma))


def _points(
    A: np.ndarray, log_a: np.ndarray, e: np.ndarray, d_now: float, d_new: float, sigma: float
) -> tuple[float, float]:
    """TFP now and after the reform, as fractions of efficient TFP."""
    now, new = np.exp(tfp_ratio_curve(A, log_a, e, [d_now, d_new], 0.0, sigma))
    return float(now), float(new)


def _settings(sigma: float, d_now: float, d_new: float, log_a: np.ndarray) -> str:
    """The text in the figure: parameters and source, so that a saved copy stands alone."""
    return _(
        "σ = {sigma:g}; sd of ln TFPR now {now:.2f}, after the reform {new:.2f}\n"
        "ln TFPQ normal, sd {sd:.2f}; wedges independent of TFPQ\n"
        "Source: Hsieh and Klenow (2009) model, simulated firms"
    ).format(sigma=sigma, now=d_now, new=d_new, sd=log_a.std())


def _note(now: float, new: float, d_now: float, d_new: float, sigma: float) -> str:
    return _(
        "TFP now <b>{now:.1f} %</b> of efficient, after the reform <b>{new:.1f} %</b>: "
        "gain <b>{gain:.1f} %</b> (lognormal formula: "
        "{formula:.1f} %)"
    ).format(
        now=100 * now,
        new=100 * new,
        gain=100 * (new / now - 1),
        formula=lognormal_reform_gain(d_now, d_new, sigma),
    )


def _lognormal_curve(sigma: float) -> np.ndarray:
    """TFP in % of efficient along :data:`_GRID` by the lognormal formula (eq. 17)."""
    return np.asarray(100 / (1 + lognormal_gain(_GRID, sigma) / 100))


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
    log_a = np.log(A)
    d_now = as_scalar("dispersion", dispersion, low=0, high=1)
    d_new = as_scalar("target_dispersion", target_dispersion, low=0, high=1)
    now, new = _points(A, log_a, e, d_now, d_new, sigma)
    ax.plot(
        _GRID, _model_curve(A, log_a, e, sigma), label=_("model ({n:,} simulated firms)").format(n=A.size)
    )
    ax.plot(_GRID, _lognormal_curve(sigma), linestyle="--", label=_("lognormal formula (eq. 17)"))
    ax.plot([d_now], [100 * now], "o", color="black", label=_("now"))
    ax.plot([d_new], [100 * new], "s", color="black", markerfacecolor="white", label=_("after the reform"))
    ax.set_xlabel(_("dispersion of log revenue productivity, sd of ln TFPR"))
    ax.set_ylabel(_("TFP (% of the efficient level)"))
    ax.set_xlim(0, 1.0)
    ax.set_ylim(0, 105)
    ax.legend(loc="lower left")
    ax.text(0.99, 0.98, _settings(sigma, d_now, d_new, log_a), transform=ax.transAxes, ha="right", va="top",
            fontsize=8)  # fmt: skip
    return _note(now, new, d_now, d_new, sigma)


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
    >>> app.set(dispersion=0.8).draws, app.last_mode
    (2, 'update')
    """
    figure = _MisallocationFigure(*default_firms())
    controls = {
        "dispersion": slider(
            _("dispersion now (sd of ln TFPR)"), dispersion, 0.0, 1.0, 0.05, name="dispersion"
        ),
        "target_dispersion": slider(
            _("dispersion after reform (sd of ln TFPR)"),
            target_dispersion,
            0.0,
            1.0,
            0.05,
            name="target_dispersion",
        ),
        "sigma": slider(_("elasticity of substitution σ"), sigma, 1.5, 6.0, 0.5, ".1f", name="sigma"),
    }
    return FigureApp(figure.draw, controls, figsize=(7.0, 4.0), update=figure.update)


class _MisallocationFigure:
    """The widget's figure, drawn once by :func:`draw_misallocation` and then moved in place.

    The firms (TFPQ and wedge shocks) are drawn once, when the widget is made: a move rescales the
    same unit-variance ln TFPR pattern by the dispersion (:func:`~nqp_helpers.misallocation.tfp_ratio_curve`),
    so the curve never flickers with new random draws. The model's curve depends on sigma alone and is
    kept for each sigma met; a move of a dispersion slider computes two points only. The axes are fixed
    (0-1 by 0-105 % of efficient TFP, which every value lies in), so an update never rescales.
    """

    def __init__(self, tfpq: np.ndarray, shocks: np.ndarray) -> None:
        self.firms = (tfpq, shocks)
        self.log_a = np.log(tfpq)
        self.curves: dict[float, np.ndarray] = {}

    def curve(self, sigma: float) -> np.ndarray:
        if sigma not in self.curves:
            if len(self.curves) > 64:  # a slider has ten values of sigma; anything typed in is not kept long
                self.curves.clear()
            self.curves[sigma] = _model_curve(self.firms[0], self.log_a, self.firms[1], sigma)
        return self.curves[sigma]

    def draw(self, ax: Axes, dispersion: float, target_dispersion: float, sigma: float) -> str:
        note = draw_misallocation(ax, dispersion, target_dispersion, sigma, firms=self.firms)
        self.lines = list(ax.lines)  # model curve, lognormal curve, "now", "after the reform"
        self.text = ax.texts[0]
        legend = ax.get_legend()
        assert legend is not None
        self.legend = legend
        return note

    def update(
        self, ax: Axes, dispersion: float, target_dispersion: float, sigma: float
    ) -> tuple[str, list[Artist]]:
        d_now = as_scalar("dispersion", dispersion, low=0, high=1)
        d_new = as_scalar("target_dispersion", target_dispersion, low=0, high=1)
        A, e = self.firms
        now, new = _points(A, self.log_a, e, d_now, d_new, sigma)
        model, lognormal, marker_now, marker_new = self.lines
        model.set_ydata(self.curve(sigma))
        lognormal.set_ydata(_lognormal_curve(sigma))
        marker_now.set_data([d_now], [100 * now])
        marker_new.set_data([d_new], [100 * new])
        self.text.set_text(_settings(sigma, d_now, d_new, self.log_a))
        # Drawn in the order of a full draw: lines, the left spine over the curves' start at zero
        # dispersion, the text; and the legend over them should a line ever pass under it.
        changed: list[Artist] = [*self.lines, ax.spines["left"], self.text]
        if any(_under(line, self.legend) for line in self.lines):
            changed.append(self.legend)
        return _note(now, new, d_now, d_new, sigma), changed


def _under(line: Line2D, legend: Legend) -> bool:
    """Whether a line (its path or its markers) passes under the legend's box."""
    box = legend.get_window_extent().padded(line.get_markersize() + line.get_linewidth())
    path = line.get_transform().transform_path(line.get_path())
    return bool(path.intersects_bbox(box, filled=False)) or bool(box.count_contains(path.vertices))
