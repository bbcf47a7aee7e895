r"""Structural change: shift-share decomposition of aggregate labour productivity growth.

Aggregate labour productivity is the employment-weighted mean of sector
productivities,

.. math:: P_t = \frac{Y_t}{L_t} = \sum_i \theta_{i,t}\, p_{i,t},
   \qquad \theta_{i,t} = \frac{L_{i,t}}{L_t}, \quad p_{i,t} = \frac{Y_{i,t}}{L_{i,t}},

with :math:`Y_i` value added and :math:`L_i` employment of sector :math:`i`.
Between two dates 0 and 1, expanding :math:`\theta_{i1} p_{i1} - \theta_{i0}
p_{i0}` gives the exact three-term shift-share decomposition (used, for example, by
de Vries, Timmer and de Vries 2015, who call the last two terms static and
dynamic reallocation):

.. math:: \Delta P = \underbrace{\sum_i \theta_{i0}\, \Delta p_i}_{\text{within}}
   + \underbrace{\sum_i p_{i0}\, \Delta \theta_i}_{\text{between (structural change)}}
   + \underbrace{\sum_i \Delta p_i\, \Delta \theta_i}_{\text{interaction}}.

- *within*: productivity growth inside sectors at the initial employment mix;
- *between*: workers moving towards sectors with high initial productivity;
- *interaction*: workers moving towards sectors whose productivity grows.

McMillan and Rodrik (2011) use the two-term version
:math:`\Delta P = \sum_i \theta_{i0} \Delta p_i + \sum_i p_{i1} \Delta\theta_i`,
whose structural-change term (at end-of-period productivity) equals
*between* + *interaction* here (:attr:`ShiftShare.structural_change`).

References
----------
McMillan, Margaret and Dani Rodrik (2011), "Globalization, Structural Change
and Productivity Growth", NBER Working Paper 17143.
de Vries, Gaaitzen, Marcel Timmer and Klaas de Vries (2015), "Structural
Transformation in Africa: Static Gains, Dynamic Losses", Journal of
Development Studies 51(6), 674-688.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ._validate import as_levels, as_numeric, as_scalar, as_years
from .i18n import _

__all__ = [
    "ShiftShare",
    "ReallocationScenario",
    "shift_share",
    "reallocation_scenario",
]


def _as_table(name: str, value: npt.ArrayLike) -> np.ndarray:
    """A (T, S) array of strictly positive finite numbers with T >= 2 and S >= 1."""
    arr = as_numeric(name, value)
    if arr.ndim != 2:
        raise ValueError(
            _("{name} must be a 2-D array (dates x sectors); got an array of shape {shape}").format(
                name=name, shape=arr.shape
            )
        )
    if arr.shape[0] < 2 or arr.shape[1] < 1:
        raise ValueError(
            _("{name} needs at least 2 dates and 1 sector; got shape {shape}").format(
                name=name, shape=arr.shape
            )
        )
    return as_levels(name, arr, ndim=2)


@dataclass(frozen=True)
class ShiftShare:
    """Result of :func:`shift_share`.

    Interval arrays have shape (T-1,) (by sector: (T-1, S)) and are in the
    units of productivity (for example thousand currency units per worker);
    ``within + between + interaction == total`` exactly (to rounding).

    Attributes
    ----------
    productivity : ndarray, shape (T,)
        Aggregate labour productivity P_t.
    shares : ndarray, shape (T, S)
        Employment shares theta (rows sum to one).
    total, within, between, interaction : ndarray, shape (T-1,)
        Change in P over each interval and its three parts.
    within_by_sector, between_by_sector, interaction_by_sector : ndarray, shape (T-1, S)
        The parts sector by sector.
    years : ndarray or None
        Years of the T dates.
    """

    productivity: np.ndarray
    shares: np.ndarray
    total: np.ndarray
    within: np.ndarray
    between: np.ndarray
    interaction: np.ndarray
    within_by_sector: np.ndarray
    between_by_sector: np.ndarray
    interaction_by_sector: np.ndarray
    years: np.ndarray | None

    @property
    def structural_change(self) -> np.ndarray:
        """McMillan and Rodrik's structural-change term: between + interaction."""
        return self.between + self.interaction

    def percent_of_initial(self) -> dict[str, np.ndarray]:
        """Each part as a percentage of aggregate productivity at the start of its interval.

        Returns
        -------
        dict of str -> ndarray, shape (T-1,)
            ``total``, ``within``, ``between``, ``interaction``, in per cent
            (100 x change / P at the start); they still add up.
        """
        base = self.productivity[:-1]
        return {k: 100 * getattr(self, k) / base for k in ("total", "within", "between", "interaction")}

    def productivity_growth(self) -> np.ndarray:
        """Average growth of aggregate productivity over each interval, % per year.

        Log points x 100 divided by the length of the interval in years (per
        interval when ``years`` is None).

        Returns
        -------
        ndarray, shape (T-1,)

        Examples
        --------
        >>> r = shift_share([[1.0, 1.0], [2.0, 2.0]], [[1, 1], [1, 1]], years=[2000, 2010])
        >>> print(np.round(r.productivity_growth(), 4))
        [6.9315]
        """
        steps = np.ones(self.total.shape) if self.years is None else np.diff(self.years)
        return 100 * np.diff(np.log(self.productivity)) / steps


def shift_share(
    productivity: npt.ArrayLike, employment: npt.ArrayLike, years: npt.ArrayLike | None = None
) -> ShiftShare:
    r"""Split the change in aggregate labour productivity into within, between and interaction.

    Parameters
    ----------
    productivity : array_like, shape (T, S)
        Labour productivity (value added per worker) of S sectors at T >= 2
        dates, in any constant unit (for example thousand currency units per
        worker at constant prices).
    employment : array_like, shape (T, S)
        Employment of each sector (persons, any unit); only the shares matter.
    years : array_like, shape (T,), optional
        Strictly increasing dates.

    Returns
    -------
    ShiftShare
        One decomposition per interval between consecutive dates. Pass two
        rows (first and last date) for a single long-difference decomposition.

    Raises
    ------
    ValueError
        If either table is not 2-D, has fewer than 2 dates, holds a
        non-finite or non-positive value, or the shapes differ; if years are
        invalid.

    Examples
    --------
    Two sectors with productivity 1 and 4; a tenth of the workers move to the
    productive sector while productivity in each rises by one:

    >>> r = shift_share([[1.0, 4.0], [2.0, 5.0]], [[50, 50], [40, 60]])
    >>> print(r.within, r.between, r.interaction, r.total)
    [1.] [0.3] [0.] [1.3]
    """
    p = _as_table("productivity", productivity)
    emp = _as_table("employment", employment)
    if emp.shape != p.shape:
        raise ValueError(
            _("employment must have the same shape as productivity {expected}; got {shape}").format(
                expected=p.shape, shape=emp.shape
            )
        )
    yrs = as_years(years, p.shape[0])
    theta = emp / emp.sum(axis=1, keepdims=True)
    dp = np.diff(p, axis=0)
    dtheta = np.diff(theta, axis=0)
    within = theta[:-1] * dp
    between = p[:-1] * dtheta
    inter = dp * dtheta
    agg = (theta * p).sum(axis=1)
    return ShiftShare(
        productivity=agg,
        shares=theta,
        total=np.diff(agg),
        within=within.sum(axis=1),
        between=between.sum(axis=1),
        interaction=inter.sum(axis=1),
        within_by_sector=within,
        between_by_sector=between,
        interaction_by_sector=inter,
        years=yrs,
    )


@dataclass(frozen=True)
class ReallocationScenario:
    """A counterfactual three-sector economy, from :func:`reallocation_scenario`.

    Attributes
    ----------
    years : ndarray, shape (T,)
        Years of the data the scenario starts from.
    productivity : ndarray, shape (T, 3)
        Labour productivity of agriculture, manufacturing and services, in the
        unit of the data.
    shares : ndarray, shape (T, 3)
        Employment shares of the three sectors (rows sum to one).
    """

    years: np.ndarray
    productivity: np.ndarray
    shares: np.ndarray

    def long_difference(self, start: float, end: float) -> ShiftShare:
        """Shift-share decomposition between two years of the scenario (a single interval).

        Parameters
        ----------
        start, end : float
            Years of the scenario, ``start < end``.

        Returns
        -------
        ShiftShare
            With one interval, ready for a bar of a shift-share chart.

        Raises
        ------
        ValueError
            If a year is not a year of the scenario, or ``end`` is not after ``start``.
        """
        rows = []
        for name, value in (("start", start), ("end", end)):
            year = as_scalar(name, value)
            if year not in self.years:
                raise ValueError(
                    _("{name} must be a year of the scenario ({first:g}-{last:g}); got {year:g}").format(
                        name=name, first=self.years[0], last=self.years[-1], year=year
                    )
                )
            rows.append(int(np.flatnonzero(self.years == year)[0]))
        return shift_share(self.productivity[rows], self.shares[rows], self.years[rows])


def reallocation_scenario(
    productivity: npt.ArrayLike,
    employment: npt.ArrayLike,
    years: npt.ArrayLike,
    reallocation: float = 1.0,
    manufacturing_growth: float = 6.5,
) -> ReallocationScenario:
    """A counterfactual three-sector economy: workers leave agriculture at a set pace.

    Starting from the first year's employment shares and productivity, a
    fixed number of percentage points of total employment leaves agriculture
    each year (35 % of the movers go to manufacturing, 65 % to services;
    agriculture keeps at least 1 % of employment). Sector productivity grows
    at its average rate in the data, except manufacturing, whose rate is set
    by ``manufacturing_growth``.

    Parameters
    ----------
    productivity : array_like, shape (T, 3)
        Labour productivity of agriculture, manufacturing and services, in
        that order, T >= 2 years.
    employment : array_like, shape (T, 3)
        Employment of the three sectors (only the first year's shares matter).
    years : array_like, shape (T,)
        Strictly increasing years.
    reallocation : float
        Percentage points of total employment leaving agriculture per year,
        in [0, 1.9].
    manufacturing_growth : float
        Manufacturing productivity growth, % per year, in [-5, 15].

    Returns
    -------
    ReallocationScenario

    Raises
    ------
    ValueError
        If an argument lies outside its range, the tables are not (T, 3)
        tables of positive numbers, or the years are invalid.

    Examples
    --------
    Ten years at one point a year move 10 % of the workforce out of agriculture:

    >>> s = reallocation_scenario(
    ...     [[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]], [[60, 20, 20], [60, 20, 20]], [2000, 2010],
    ...     reallocation=1.0, manufacturing_growth=0.0,
    ... )
    >>> print(np.round(s.shares[-1], 3))
    [0.5   0.235 0.265]
    """
    move = as_scalar("reallocation", reallocation, low=0, high=1.9) / 100
    g_m = as_scalar("manufacturing_growth", manufacturing_growth, low=-5, high=15) / 100
    p = _as_table("productivity", productivity)
    emp = _as_table("employment", employment)
    if p.shape[1] != 3:
        raise ValueError(
            _(
                "productivity must have 3 sectors (agriculture, manufacturing, services); got {n} columns"
            ).format(n=p.shape[1])
        )
    if emp.shape != p.shape:
        raise ValueError(
            _("employment must have the same shape as productivity {expected}; got {shape}").format(
                expected=p.shape, shape=emp.shape
            )
        )
    yrs = as_years(years, p.shape[0])
    if yrs is None:
        raise ValueError(_("years must be given: the scenario grows productivity year by year; got None"))
    t = yrs - yrs[0]
    theta0 = emp[0] / emp[0].sum()
    g = np.log(p[-1] / p[0]) / t[-1]
    g[1] = g_m
    prod = p[0] * np.exp(np.outer(t, g))
    moved = np.minimum(move * t, theta0[0] - 0.01)
    dest = np.array([0.0, 0.35, 0.65])  # split of movers between manufacturing and services
    shares = theta0 + np.outer(moved, dest) - np.outer(moved, [1.0, 0.0, 0.0])
    return ReallocationScenario(years=yrs, productivity=prod, shares=shares)
