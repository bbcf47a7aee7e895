r"""Human capital from schooling: the Penn World Table's mapping (piecewise Mincer returns).

This is the package's one mapping between years of schooling and human
capital, and it is the one behind the Penn World Table's index ``hc``. A
worker with :math:`S` years of schooling supplies :math:`h = e^{\psi(S)}`
units of "raw" labour, where :math:`\psi'(S)` is the return to one more year
of schooling (the Mincer return: the percentage wage gain from a year of
schooling, in log points). The return falls with schooling, following
Psacharopoulos's (1994) survey of returns by region: 13.4 % for each of the
first 4 years, 10.1 % for years 5 to 8 and 6.8 % for every year beyond 8, as
in Hall and Jones (1999) and Caselli (2005, section 3.1).

.. math:: \psi(S) = 0.134 \min(S, 4) + 0.101 \min(\max(S-4, 0), 4)
          + 0.068 \max(S-8, 0).

The Penn World Table computes ``hc`` this way from average years of
schooling, taken from Barro and Lee (2013) and from the Cohen-Soto-Leker data
(Cohen and Leker 2014), following Caselli (2005): see Feenstra, Inklaar and
Timmer (2015) and the PWT documentation "Human capital in PWT 9.0". So
:func:`schooling_from_human_capital` applied to ``hc`` recovers the average
years of schooling behind it, on the assumption that PWT 11.0 keeps that
documented mapping. Schooling is limited to [0, 25] years, so h lies in
[1, 8.13]; every ``hc`` in the table fits (the largest is 3.99, about 14.5
years of schooling).

In growth accounting with :math:`Y = A K^\alpha (hL)^{1-\alpha}`, schooling
contributes :math:`(1-\alpha)\, g_h` to output growth, where :math:`g_h =
\Delta \psi(S)` is the growth of :math:`h` (see
:func:`nqp_helpers.growth.decompose`).

References
----------
Hall, Robert E. and Charles I. Jones (1999), "Why Do Some Countries Produce So
Much More Output Per Worker Than Others?", Quarterly Journal of Economics
114(1), 83-116.
Psacharopoulos, George (1994), "Returns to Investment in Education: A Global
Update", World Development 22(9), 1325-1343.
Caselli, Francesco (2005), "Accounting for Cross-Country Income
Differences", in P. Aghion and S. Durlauf (eds), Handbook of Economic Growth,
vol. 1A, Elsevier, 679-741.
Feenstra, Robert C., Robert Inklaar and Marcel P. Timmer (2015), "The Next
Generation of the Penn World Table", American Economic Review 105(10),
3150-3182; the human-capital documentation: "Human capital in PWT 9.0",
www.ggdc.net/pwt.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from ._validate import as_numeric
from .i18n import _

__all__ = [
    "MINCER_RETURNS",
    "MINCER_BREAKS",
    "mincer_exponent",
    "human_capital_from_schooling",
    "schooling_from_human_capital",
    "marginal_return",
]

#: Returns per year of schooling (log points) in the three brackets (Psacharopoulos 1994; PWT ``hc``).
MINCER_RETURNS = (0.134, 0.101, 0.068)
#: Upper ends of the first two brackets, in years of schooling.
MINCER_BREAKS = (4.0, 8.0)


def _check_schedule(returns: npt.ArrayLike, breaks: npt.ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    r = as_numeric("returns", returns)
    b = as_numeric("breaks", breaks)
    if r.ndim != 1 or b.ndim != 1 or r.size != b.size + 1:
        raise ValueError(
            _(
                "returns must have one more entry than breaks (one return per bracket); "
                "got {returns} returns and {breaks} breaks"
            ).format(returns=r.size, breaks=b.size)
        )
    if not np.isfinite(r).all() or ((r < 0) | (r > 1)).any():
        raise ValueError(
            _("returns must lie in [0, 1] (log points per year of schooling); got {returns}").format(
                returns=r.tolist()
            )
        )
    if not np.isfinite(b).all() or (b <= 0).any() or (np.diff(b) <= 0).any():
        raise ValueError(
            _("breaks must be positive and strictly increasing; got {breaks}").format(breaks=b.tolist())
        )
    return r, b


def _check_schooling(value: npt.ArrayLike) -> np.ndarray:
    s = as_numeric("years_of_schooling", value)
    if not np.isfinite(s).all():
        raise ValueError(_("years_of_schooling must be finite"))
    if ((s < 0) | (s > 25)).any():
        bad = s[(s < 0) | (s > 25)].flat[0]
        raise ValueError(_("years_of_schooling must lie in [0, 25]; got {value:g}").format(value=bad))
    return s


def mincer_exponent(
    years_of_schooling: npt.ArrayLike,
    returns: npt.ArrayLike = MINCER_RETURNS,
    breaks: npt.ArrayLike = MINCER_BREAKS,
) -> float | np.ndarray:
    r"""The piecewise-linear Mincer exponent :math:`\psi(S)` (log points).

    Parameters
    ----------
    years_of_schooling : float or array_like
        Average years of schooling S, in [0, 25]; any shape.
    returns : sequence of float
        Return per year in each bracket, in [0, 1]; default 0.134, 0.101, 0.068.
    breaks : sequence of float
        Bracket ends, strictly increasing; default 4 and 8 years.

    Returns
    -------
    float or ndarray
        psi(S), same shape as ``years_of_schooling``.

    Raises
    ------
    ValueError
        If schooling lies outside [0, 25] or the schedule is malformed.

    Examples
    --------
    >>> print(np.round(mincer_exponent([0, 4, 8, 12]), 3))
    [0.    0.536 0.94  1.212]
    """
    s = _check_schooling(years_of_schooling)
    r, b = _check_schedule(returns, breaks)
    lower = np.concatenate([[0.0], b])
    upper = np.concatenate([b, [np.inf]])
    years_in = np.clip(s[..., None] - lower, 0.0, upper - lower)
    out = years_in @ r
    return float(out) if out.ndim == 0 else out


def human_capital_from_schooling(
    years_of_schooling: npt.ArrayLike,
    returns: npt.ArrayLike = MINCER_RETURNS,
    breaks: npt.ArrayLike = MINCER_BREAKS,
) -> float | np.ndarray:
    r"""Human capital per worker :math:`h = e^{\psi(S)}` (1 with no schooling).

    With the default returns this is the Penn World Table's ``hc`` for
    average years of schooling :math:`S` (see the module's description).

    Parameters
    ----------
    years_of_schooling, returns, breaks
        As in :func:`mincer_exponent`.

    Returns
    -------
    float or ndarray
        h, an index; same shape as ``years_of_schooling``.

    Examples
    --------
    >>> print(f"{human_capital_from_schooling(10):.3f}")
    2.933
    >>> print(f"{human_capital_from_schooling(4.0):.4f} {human_capital_from_schooling(10.0):.4f}")
    1.7092 2.9329
    """
    out = np.exp(mincer_exponent(years_of_schooling, returns, breaks))
    return float(out) if np.ndim(out) == 0 else out


def schooling_from_human_capital(
    human_capital: npt.ArrayLike,
    returns: npt.ArrayLike = MINCER_RETURNS,
    breaks: npt.ArrayLike = MINCER_BREAKS,
) -> float | np.ndarray:
    """Invert :func:`human_capital_from_schooling`: years of schooling implied by h.

    Applied to the Penn World Table's ``hc`` (with the default returns), it
    gives the average years of schooling behind the index.

    Parameters
    ----------
    human_capital : float or array_like
        h >= 1, any shape, at most the value for 25 years. Returns must be
        positive for the inverse to exist.
    returns, breaks
        As in :func:`mincer_exponent`.

    Returns
    -------
    float or ndarray
        Years of schooling S with ``human_capital_from_schooling(S) == h``.

    Raises
    ------
    ValueError
        If h < 1 (less than no schooling), h exceeds the value for 25 years,
        or a return is zero (the schedule is then not invertible).

    Examples
    --------
    >>> print(f"{schooling_from_human_capital(2.933):.2f}")
    10.00
    >>> print(f"{schooling_from_human_capital(human_capital_from_schooling(7.25)):.2f} years")
    7.25 years
    """
    r, b = _check_schedule(returns, breaks)
    if (r <= 0).any():
        raise ValueError(
            _("returns must all be positive to invert the schedule; got {returns}").format(returns=r.tolist())
        )
    h = as_numeric("human_capital", human_capital)
    top = np.exp(mincer_exponent(25.0, r, b))
    if not np.isfinite(h).all() or ((h < 1) | (h > top)).any():
        bad = h[~np.isfinite(h) | (h < 1) | (h > top)].flat[0]
        raise ValueError(
            _("human_capital must lie in [1, {top:.3f}] (0 to 25 years of schooling); got {value:g}").format(
                top=top, value=bad
            )
        )
    psi = np.log(h)
    knots = np.concatenate([[0.0], b, [25.0]])
    values = np.array([mincer_exponent(k, r, b) for k in knots])
    out = np.interp(psi, values, knots)  # psi is piecewise linear and increasing in S
    return float(out) if out.ndim == 0 else out


def marginal_return(
    years_of_schooling: npt.ArrayLike,
    returns: npt.ArrayLike = MINCER_RETURNS,
    breaks: npt.ArrayLike = MINCER_BREAKS,
) -> float | np.ndarray:
    """Return to the next year of schooling at S (log points per year).

    Parameters
    ----------
    years_of_schooling, returns, breaks
        As in :func:`mincer_exponent`; at a break the higher bracket applies.

    Returns
    -------
    float or ndarray

    Examples
    --------
    >>> print(marginal_return([2, 4, 6, 10]))
    [0.134 0.101 0.101 0.068]
    """
    s = _check_schooling(years_of_schooling)
    r, b = _check_schedule(returns, breaks)
    out = r[np.searchsorted(b, s, side="right")]
    return float(out) if out.ndim == 0 else out
