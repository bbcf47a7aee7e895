r"""Idea production: how research effort drives TFP growth (Romer 1990; Jones 1995).

New ideas raise total factor productivity (全要素生产率, TFP) :math:`A`. The
idea production function is

.. math:: \dot A_t = \theta\, (s_R L_t)^{\lambda} A_t^{\phi},
   \qquad \text{so} \qquad
   g_{A,t} = \frac{\dot A_t}{A_t} = \theta\, (s_R L_t)^{\lambda} A_t^{\phi - 1},

where :math:`s_R` is the research share (the fraction of workers doing
research), :math:`L_t = L_0 e^{n t}` the labour force growing at rate
:math:`n`, :math:`\theta > 0` the productivity of research, :math:`\lambda \in
(0, 1]` the returns to research effort (:math:`\lambda < 1`: duplication,
"stepping on toes") and :math:`\phi` the returns to the existing stock of
ideas (:math:`\phi > 0`: "standing on shoulders"; :math:`\phi < 0`: ideas get
harder to find).

- Romer (1990) has :math:`\phi = 1` and :math:`\lambda = 1`: TFP growth
  :math:`\theta s_R L` is proportional to research effort, so a higher research
  share raises growth for ever (and a growing labour force makes growth
  explode: the "scale effect").
- Jones (1995) argues :math:`\phi < 1`. Then a constant growth rate needs
  :math:`\lambda n + (\phi - 1) g_A = 0`, that is

  .. math:: g_A^{*} = \frac{\lambda\, n}{1 - \phi},

  the semi-endogenous long-run rate: it does not depend on :math:`s_R`. A
  higher research share raises TFP growth for a while and the *level* of TFP
  for ever, but not long-run growth.

The model has a closed-form solution. For :math:`\phi < 1` let :math:`z =
A^{1-\phi}`; then :math:`\dot z = (1-\phi)\,\theta (s_R L_0)^{\lambda}
e^{\lambda n t}`, so

.. math:: z_t = z_0 + (1-\phi)\, \theta (s_R L_0)^{\lambda}
   \frac{e^{\lambda n t} - 1}{\lambda n},
   \qquad g_{A,t} = \frac{\theta (s_R L_0)^{\lambda} e^{\lambda n t}}{z_t},

which tends to :math:`g_A^*` as :math:`t \to \infty` (the fraction
:math:`(e^{\lambda n t}-1)/(\lambda n)` is read as :math:`t` when
:math:`n = 0`). For :math:`\phi = 1`, :math:`\ln A_t = \ln A_0 + \theta (s_R
L_0)^{\lambda} (e^{\lambda n t} - 1)/(\lambda n)`.

References
----------
Romer, Paul M. (1990), "Endogenous Technological Change", Journal of Political
Economy 98(5), part 2, S71-S102.
Jones, Charles I. (1995), "R&D-Based Models of Economic Growth", Journal of
Political Economy 103(4), 759-784.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validate import as_scalar, as_whole_number
from .i18n import _

__all__ = ["IdeaPath", "balanced_growth_rate", "simulate_ideas"]


def balanced_growth_rate(
    labor_growth: float, research_elasticity: float = 0.75, knowledge_spillover: float = 0.5
) -> float:
    r"""Long-run TFP growth of the semi-endogenous model, :math:`g_A^* = \lambda n / (1 - \phi)`.

    Parameters
    ----------
    labor_growth : float
        Growth of the labour force (and of researchers) n, % per year, in [-5, 10].
    research_elasticity : float
        Returns to research effort lambda, in (0, 1].
    knowledge_spillover : float
        Returns to the stock of ideas phi ("standing on shoulders"), in [-2, 1).

    Returns
    -------
    float
        Long-run TFP growth, % per year.

    Raises
    ------
    ValueError
        If an argument lies outside its range; in particular phi = 1 (the
        Romer case) has no balanced growth path with a finite rate when n > 0.

    Examples
    --------
    >>> balanced_growth_rate(1.0, research_elasticity=0.75, knowledge_spillover=0.5)
    1.5
    """
    n = as_scalar("labor_growth", labor_growth, low=-5, high=10)
    lam = as_scalar("research_elasticity", research_elasticity, low=0, high=1, low_open=True)
    phi = as_scalar("knowledge_spillover", knowledge_spillover, low=-2, high=1, high_open=True)
    return lam * n / (1 - phi)


@dataclass(frozen=True)
class IdeaPath:
    """A simulated path of the idea production model.

    Attributes
    ----------
    time : ndarray, shape (T,)
        Years since the start (0, dt, 2 dt, ...).
    log_tfp : ndarray, shape (T,)
        Natural log of TFP, ln A.
    tfp_growth : ndarray, shape (T,)
        Instantaneous TFP growth dA/dt / A, % per year.
    researchers : ndarray, shape (T,)
        Research effort s_R L, in the units of ``initial_labor``.
    long_run_growth : float
        lambda n / (1 - phi) in % per year when phi < 1; nan when phi = 1
        (no finite balanced growth rate unless n = 0, when growth stays at
        its initial value).
    """

    time: np.ndarray
    log_tfp: np.ndarray
    tfp_growth: np.ndarray
    researchers: np.ndarray
    long_run_growth: float

    @property
    def tfp(self) -> np.ndarray:
        """TFP level A (exp of ``log_tfp``)."""
        return np.exp(self.log_tfp)


def simulate_ideas(
    research_share: float,
    years: float = 200,
    labor_growth: float = 1.0,
    research_elasticity: float = 0.75,
    knowledge_spillover: float = 0.5,
    research_productivity: float = 0.3,
    initial_tfp: float | None = None,
    initial_labor: float = 1.0,
    baseline_share: float | None = None,
    steps_per_year: int = 1,
) -> IdeaPath:
    r"""Solve the idea production model :math:`\dot A = \theta (s_R L)^\lambda A^\phi` exactly.

    Parameters
    ----------
    research_share : float
        Fraction of workers doing research s_R, in (0, 1).
    years : float
        Length of the simulation in years, in (0, 2000].
    labor_growth : float
        Labour-force growth n, % per year, in [-5, 10].
    research_elasticity : float
        lambda, in (0, 1].
    knowledge_spillover : float
        phi, in [-2, 1]; phi = 1 is Romer's case.
    research_productivity : float
        theta > 0 (TFP growth per unit of research effort when A = 1 and
        lambda = 1), per year.
    initial_tfp : float, optional
        A at time 0 (> 0). Default 1. Cannot be combined with ``baseline_share``.
    initial_labor : float
        L at time 0 (> 0); an index, 1 by default.
    baseline_share : float, optional
        If given, A at time 0 is set so that the economy starts on the
        balanced growth path it would follow with research share
        ``baseline_share``; ``research_share`` then applies from time 0 (a
        policy change). Needs phi < 1 and n > 0.
    steps_per_year : int
        Points per year in the output (the solution is exact at every point).

    Returns
    -------
    IdeaPath

    Raises
    ------
    ValueError
        If an argument lies outside its range, if both ``initial_tfp`` and
        ``baseline_share`` are given, or if ``baseline_share`` is used without
        a balanced growth path (phi = 1 or n <= 0).

    Examples
    --------
    An economy on its balanced growth path keeps growing at lambda n / (1 - phi):

    >>> p = simulate_ideas(0.02, years=50, baseline_share=0.02)
    >>> print(np.round(p.tfp_growth[[0, -1]], 6), p.long_run_growth)
    [1.5 1.5] 1.5

    Doubling the research share multiplies growth at first by 2 ** 0.75 = 1.68
    (lambda = 0.75), then growth falls slowly back towards 1.5 % per year:

    >>> p = simulate_ideas(0.04, years=300, baseline_share=0.02)
    >>> print(np.round(p.tfp_growth[[0, 50, 300]], 2))
    [2.52 2.08 1.57]
    """
    s = as_scalar("research_share", research_share, low=0, high=1, low_open=True, high_open=True)
    horizon = as_scalar("years", years, low=0, high=2000, low_open=True)
    n = as_scalar("labor_growth", labor_growth, low=-5, high=10) / 100
    lam = as_scalar("research_elasticity", research_elasticity, low=0, high=1, low_open=True)
    phi = as_scalar("knowledge_spillover", knowledge_spillover, low=-2, high=1)
    theta = as_scalar("research_productivity", research_productivity, low=0, low_open=True)
    L0 = as_scalar("initial_labor", initial_labor, low=0, low_open=True)
    steps = as_whole_number("steps_per_year", steps_per_year, low=1, high=1000)
    if initial_tfp is not None and baseline_share is not None:
        raise ValueError(_("give initial_tfp or baseline_share, not both"))
    if baseline_share is not None:
        s0 = as_scalar("baseline_share", baseline_share, low=0, high=1, low_open=True, high_open=True)
        if phi >= 1 or n <= 0:
            raise ValueError(
                _(
                    "baseline_share needs a balanced growth path: knowledge_spillover < 1 and "
                    "labor_growth > 0; got knowledge_spillover={phi:g}, labor_growth={n:g}"
                ).format(phi=phi, n=100 * n)
            )
        g_star = lam * n / (1 - phi)
        log_A0 = np.log(theta * (s0 * L0) ** lam / g_star) / (1 - phi)
    else:
        A0 = 1.0 if initial_tfp is None else as_scalar("initial_tfp", initial_tfp, low=0, low_open=True)
        log_A0 = np.log(A0)

    t = np.linspace(0.0, horizon, int(round(horizon * steps)) + 1)
    c = theta * (s * L0) ** lam  # research input term at t = 0
    rate = lam * n
    # (exp(rate t) - 1) / rate, read as t when rate = 0
    ramp = t.copy() if rate == 0 else np.expm1(rate * t) / rate
    push = c * np.exp(rate * t)  # theta (s_R L_t)^lambda
    if phi < 1:
        z = np.exp((1 - phi) * log_A0) + (1 - phi) * c * ramp
        log_A = np.log(z) / (1 - phi)
        growth = push / z
        long_run = 100 * rate / (1 - phi)
    else:
        log_A = log_A0 + c * ramp
        growth = push
        long_run = float("nan")
    return IdeaPath(
        time=t,
        log_tfp=log_A,
        tfp_growth=100 * growth,
        researchers=s * L0 * np.exp(n * t),
        long_run_growth=float(long_run),
    )
