r"""Misallocation: aggregate TFP when wedges keep marginal products apart (Hsieh and Klenow 2009).

An industry has :math:`M` firms with physical productivity (TFPQ) :math:`A_i`
and output :math:`Y_i = A_i K_i^{\alpha} L_i^{1-\alpha}`, combined with
constant elasticity of substitution :math:`\sigma > 1`,
:math:`Y = (\sum_i Y_i^{(\sigma-1)/\sigma})^{\sigma/(\sigma-1)}`. Firm
:math:`i` keeps a share :math:`1-\tau_{Y,i}` of its revenue (an output wedge)
and pays :math:`1+\tau_{K,i}` times the rental rate for capital (a capital
wedge). Profit maximisation makes revenue productivity

.. math:: \mathrm{TFPR}_i = P_i A_i \propto \frac{(1+\tau_{K,i})^{\alpha}}{1-\tau_{Y,i}}

differ across firms only because of the wedges. With the industry's capital
:math:`K` and labour :math:`L` fixed, :math:`Y = \mathrm{TFP}\, K^\alpha
L^{1-\alpha}` with (Hsieh and Klenow 2009, eq. 16)

.. math:: \mathrm{TFP} = \Big[\sum_i \Big(A_i\,
   \frac{\overline{\mathrm{TFPR}}}{\mathrm{TFPR}_i}\Big)^{\sigma-1}\Big]^{1/(\sigma-1)},

where :math:`\overline{\mathrm{TFPR}} \propto 1 / \big[(\sum_i s_i
\frac{1-\tau_{Y,i}}{1+\tau_{K,i}})^{\alpha} (\sum_i s_i
(1-\tau_{Y,i}))^{1-\alpha}\big]` is an average over firms weighted by revenue
shares :math:`s_i \propto (A_i/\mathrm{TFPR}_i)^{\sigma-1}`. Without
dispersion in TFPR (no wedges, or the same wedge for every firm) marginal
products are equal and TFP reaches its efficient level
:math:`(\sum_i A_i^{\sigma-1})^{1/(\sigma-1)}`. When :math:`\ln A` and
:math:`\ln \mathrm{TFPR}` are jointly normal and only output wedges differ,
:math:`\ln \mathrm{TFP}_{eff} - \ln \mathrm{TFP} = \tfrac{\sigma}{2}
\operatorname{var}(\ln \mathrm{TFPR})` (their eq. 17), so the gain from
removing dispersion :math:`v` is :math:`e^{\sigma v/2} - 1`. The
covariance of :math:`\ln A` and :math:`\ln \mathrm{TFPR}` cancels from this
result: under joint lognormality the loss depends on
:math:`\operatorname{var}(\ln \mathrm{TFPR})` alone, whether the wedges fall
on the most productive firms or on the least. In a finite sample of firms the
sums in eq. 16 are dominated by a few firms in the upper tail, so the loss
computed from a few thousand firms differs from the formula and seems to
depend on the correlation; the difference is sampling noise and shrinks as the
sample grows (``tests/test_misallocation.py`` checks this with millions of
firms).

These are the model's gains: what TFP would be if factors moved until
marginal products were equal, holding everything else fixed. They are not a
forecast of what any reform would deliver. Hsieh and Klenow estimate that
moving China's and India's manufacturing to the dispersion measured in the
United States would raise manufacturing TFP by 30-50 % and 40-60 %.

Reference
---------
Hsieh, Chang-Tai and Peter J. Klenow (2009), "Misallocation and Manufacturing
TFP in China and India", Quarterly Journal of Economics 124(4), 1403-1448.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ._validate import as_array_in, as_float_or_array, as_numeric, as_scalar, as_whole_number
from .i18n import _

__all__ = [
    "Allocation",
    "efficient_tfp",
    "revenue_productivity",
    "aggregate_tfp",
    "allocate",
    "reallocation_gain",
    "lognormal_gain",
    "lognormal_reform_gain",
    "wedges_for_dispersion",
    "tfp_ratio_curve",
    "default_firms",
]


def _tfpq(value: npt.ArrayLike) -> np.ndarray:
    """Physical productivity of each firm: a 1-D array of positive, finite numbers."""
    a = as_numeric("tfpq", value)
    if a.ndim != 1 or a.size < 1:
        raise ValueError(
            _("tfpq must be a 1-D array with one entry per firm; got shape {shape}").format(shape=a.shape)
        )
    if not np.isfinite(a).all() or (a <= 0).any():
        bad = a[~np.isfinite(a) | (a <= 0)][0]
        raise ValueError(_("tfpq must be positive and finite for every firm; got {bad:g}").format(bad=bad))
    return a


def _wedge(name: str, value: npt.ArrayLike, n: int, low: float | None) -> np.ndarray:
    """A wedge for each of ``n`` firms: below 1 (``low`` None, output wedges) or above ``low``."""
    w = as_array_in(name, value)
    if w.ndim == 0:
        w = np.full(n, float(w))
    if w.shape != (n,):
        raise ValueError(
            _("{name} must be a scalar or one value per firm ({n}); got shape {shape}").format(
                name=name, n=n, shape=w.shape
            )
        )
    bad = (w >= 1) if low is None else (w <= low)
    if bad.any():
        rule = (
            _("{name} must lie below 1 (a firm must keep part of its revenue); got {value:g}")
            if low is None
            else _("{name} must lie above -1; got {value:g}")
        )
        raise ValueError(rule.format(name=name, value=w[bad][0]))
    return w


def _params(capital_share: float, sigma: float) -> tuple[float, float]:
    """The capital share alpha in [0, 1) and the elasticity of substitution sigma in (1, 20]."""
    a = as_scalar("capital_share", capital_share, low=0, high=1, high_open=True)
    s = as_scalar("sigma", sigma, low=1, high=20, low_open=True)
    return a, s


def efficient_tfp(tfpq: npt.ArrayLike, sigma: float = 3.0) -> float:
    r"""TFP with equal marginal products: :math:`(\sum_i A_i^{\sigma-1})^{1/(\sigma-1)}`.

    Parameters
    ----------
    tfpq : array_like, shape (M,)
        Physical productivity of each firm, positive.
    sigma : float
        Elasticity of substitution between firms' products, in (1, 20].

    Returns
    -------
    float

    Examples
    --------
    >>> print(round(efficient_tfp([1.0, 1.0, 1.0, 1.0], sigma=3.0), 6))
    2.0
    """
    A = _tfpq(tfpq)
    _alpha, s = _params(0.5, sigma)
    return float(np.sum(A ** (s - 1)) ** (1 / (s - 1)))


def revenue_productivity(
    output_wedge: npt.ArrayLike = 0.0, capital_wedge: npt.ArrayLike = 0.0, capital_share: float = 1 / 3
) -> np.ndarray:
    """TFPR up to a common factor: ``(1 + capital_wedge) ** capital_share / (1 - output_wedge)``.

    Parameters
    ----------
    output_wedge : float or array_like, shape (M,)
        tau_Y < 1 for each firm (positive: taxed; negative: subsidised).
    capital_wedge : float or array_like, shape (M,)
        tau_K > -1 for each firm (positive: capital costs more).
    capital_share : float
        alpha in [0, 1).

    Returns
    -------
    ndarray, shape (M,)

    Examples
    --------
    >>> print(revenue_productivity([0.0, 0.5], 0.0))
    [1. 2.]
    """
    n = max(np.size(output_wedge), np.size(capital_wedge))
    ty = _wedge("output_wedge", output_wedge, n, None)
    tk = _wedge("capital_wedge", capital_wedge, n, -1.0)
    a = as_scalar("capital_share", capital_share, low=0, high=1, high_open=True)
    return (1 + tk) ** a / (1 - ty)


def _revenue_shares(A: np.ndarray, tfpr: np.ndarray, sigma: float) -> np.ndarray:
    """Revenue shares s_i proportional to (A_i / TFPR_i)^(sigma - 1), computed in logs for safety."""
    x = (sigma - 1) * (np.log(A) - np.log(tfpr))
    w = np.exp(x - x.max())
    return w / w.sum()


def aggregate_tfp(
    tfpq: npt.ArrayLike,
    output_wedge: npt.ArrayLike = 0.0,
    capital_wedge: npt.ArrayLike = 0.0,
    capital_share: float = 1 / 3,
    sigma: float = 3.0,
) -> float:
    r"""Industry TFP under wedges, Hsieh and Klenow's closed form (their eq. 16).

    Parameters
    ----------
    tfpq : array_like, shape (M,)
        Physical productivity A_i, positive.
    output_wedge : float or array_like, shape (M,)
        tau_Y,i < 1.
    capital_wedge : float or array_like, shape (M,)
        tau_K,i > -1.
    capital_share : float
        alpha in [0, 1).
    sigma : float
        Elasticity of substitution, in (1, 20].

    Returns
    -------
    float
        TFP such that industry output is TFP * K**alpha * L**(1 - alpha).

    Raises
    ------
    ValueError
        If an argument is outside its range or the shapes do not match.

    Examples
    --------
    The same wedge for everyone changes nothing; different wedges cost TFP:

    >>> A = [1.0, 2.0]
    >>> print(round(aggregate_tfp(A, 0.3), 4), round(efficient_tfp(A), 4),
    ...       round(aggregate_tfp(A, [0.0, 0.5]), 4))
    2.2361 2.2361 1.8856
    """
    A = _tfpq(tfpq)
    a, s = _params(capital_share, sigma)
    ty = _wedge("output_wedge", output_wedge, A.size, None)
    tk = _wedge("capital_wedge", capital_wedge, A.size, -1.0)
    tfpr = (1 + tk) ** a / (1 - ty)
    shares = _revenue_shares(A, tfpr, s)
    mrpk = 1 / np.sum(shares * (1 - ty) / (1 + tk))
    mrpl = 1 / np.sum(shares * (1 - ty))
    tfpr_bar = mrpk**a * mrpl ** (1 - a)
    return float(np.sum((A * tfpr_bar / tfpr) ** (s - 1)) ** (1 / (s - 1)))


@dataclass(frozen=True)
class Allocation:
    """Where capital and labour go under wedges (:func:`allocate`).

    Attributes
    ----------
    capital, labor, output : ndarray, shape (M,)
        Each firm's capital, labour and physical output.
    total_output : float
        CES aggregate of firm outputs.
    tfp : float
        total_output / (K**alpha * L**(1 - alpha)).
    tfpr : ndarray, shape (M,)
        Revenue productivity (up to a common factor).
    """

    capital: np.ndarray
    labor: np.ndarray
    output: np.ndarray
    total_output: float
    tfp: float
    tfpr: np.ndarray


def allocate(
    tfpq: npt.ArrayLike,
    output_wedge: npt.ArrayLike = 0.0,
    capital_wedge: npt.ArrayLike = 0.0,
    capital: float = 1.0,
    labor: float = 1.0,
    capital_share: float = 1 / 3,
    sigma: float = 3.0,
) -> Allocation:
    """Allocate fixed capital and labour across firms as profit-maximising firms facing wedges do.

    From the first-order conditions, firm i's labour is proportional to
    ``(1 - tau_Y,i) * s_i`` and its capital to ``(1 - tau_Y,i) / (1 + tau_K,i) * s_i``,
    with revenue shares ``s_i ~ (A_i / TFPR_i) ** (sigma - 1)``. This computes
    output directly, independently of :func:`aggregate_tfp`, and agrees with it.

    Parameters
    ----------
    tfpq, output_wedge, capital_wedge, capital_share, sigma
        As in :func:`aggregate_tfp`.
    capital, labor : float
        Industry totals to allocate (positive).

    Returns
    -------
    Allocation

    Examples
    --------
    >>> r = allocate([1.0, 2.0], output_wedge=[0.0, 0.5])
    >>> print(np.round(r.labor, 4), round(r.tfp, 4))
    [0.6667 0.3333] 1.8856
    """
    A = _tfpq(tfpq)
    a, s = _params(capital_share, sigma)
    ty = _wedge("output_wedge", output_wedge, A.size, None)
    tk = _wedge("capital_wedge", capital_wedge, A.size, -1.0)
    K = as_scalar("capital", capital, low=0, low_open=True)
    L = as_scalar("labor", labor, low=0, low_open=True)
    tfpr = (1 + tk) ** a / (1 - ty)
    shares = _revenue_shares(A, tfpr, s)
    lab = (1 - ty) * shares
    cap = (1 - ty) / (1 + tk) * shares
    Li = L * lab / lab.sum()
    Ki = K * cap / cap.sum()
    Yi = A * Ki**a * Li ** (1 - a)
    rho = (s - 1) / s
    Y = float(np.sum(Yi**rho) ** (1 / rho))
    return Allocation(
        capital=Ki, labor=Li, output=Yi, total_output=Y, tfp=Y / (K**a * L ** (1 - a)), tfpr=tfpr
    )


def reallocation_gain(
    tfpq: npt.ArrayLike,
    output_wedge: npt.ArrayLike = 0.0,
    capital_wedge: npt.ArrayLike = 0.0,
    capital_share: float = 1 / 3,
    sigma: float = 3.0,
) -> float:
    """TFP gain from equalising marginal products, % (100 x (efficient / actual - 1)).

    Parameters
    ----------
    tfpq, output_wedge, capital_wedge, capital_share, sigma
        As in :func:`aggregate_tfp`.

    Returns
    -------
    float
        Per cent; 0 without dispersion of TFPR.

    Examples
    --------
    >>> print(round(reallocation_gain([1.0, 2.0], [0.0, 0.5]), 2))
    18.59
    """
    actual = aggregate_tfp(tfpq, output_wedge, capital_wedge, capital_share, sigma)
    return 100 * (efficient_tfp(tfpq, sigma) / actual - 1)


def lognormal_gain(dispersion: npt.ArrayLike, sigma: float = 3.0) -> float | np.ndarray:
    r"""Gain from removing dispersion of log TFPR when it is normal: :math:`100(e^{\sigma v / 2} - 1)`.

    Parameters
    ----------
    dispersion : float or array_like
        Standard deviation of ln TFPR (v = dispersion**2), in [0, 3].
    sigma : float
        Elasticity of substitution, in (1, 20].

    Returns
    -------
    float or ndarray
        Per cent.

    Examples
    --------
    >>> print(round(lognormal_gain(0.5, 3.0), 2))
    45.5
    """
    d = as_array_in("dispersion", dispersion, low=0, high=3)
    _alpha, s = _params(0.5, sigma)
    return as_float_or_array(100 * np.expm1(s * d**2 / 2))


def lognormal_reform_gain(dispersion: float, target_dispersion: float, sigma: float = 3.0) -> float:
    r"""Gain, in %, of a reform that lowers the dispersion of ln TFPR, by the lognormal formula.

    Removing all dispersion v raises TFP by a factor :math:`e^{\sigma v/2}`
    (:func:`lognormal_gain`), so lowering it from :math:`v_0` to :math:`v_1`
    gains :math:`100(e^{\sigma (v_0 - v_1)/2} - 1)` per cent.

    Parameters
    ----------
    dispersion, target_dispersion : float
        Standard deviation of ln TFPR before and after a reform (v = dispersion**2), in [0, 3].
    sigma : float
        Elasticity of substitution, in (1, 20].

    Returns
    -------
    float
        Per cent; negative when the reform raises dispersion.

    Examples
    --------
    >>> print(round(lognormal_reform_gain(0.6, 0.4, sigma=3.0), 1))
    35.0
    """
    d_now = as_scalar("dispersion", dispersion, low=0, high=3)
    d_new = as_scalar("target_dispersion", target_dispersion, low=0, high=3)
    _alpha, s = _params(0.5, sigma)
    return float(100 * np.expm1(s * (d_now**2 - d_new**2) / 2))


def _log_tfpr_pattern(log_tfpq: npt.ArrayLike, shocks: npt.ArrayLike, correlation: float) -> np.ndarray:
    """ln TFPR per unit of dispersion: standard deviation 1, the given correlation with ln TFPQ.

    ``correlation * z + sqrt(1 - correlation**2) * e``, with z the standardised
    ``log_tfpq`` and e the shocks made orthogonal to z and standardised.
    """
    z = as_array_in("log_tfpq", log_tfpq)
    e = as_array_in("shocks", shocks)
    if z.ndim != 1 or z.size < 3 or e.shape != z.shape:
        raise ValueError(
            _("log_tfpq and shocks must be 1-D of the same length >= 3; got {z} and {e}").format(
                z=z.shape, e=e.shape
            )
        )
    rho = as_scalar("correlation", correlation, low=-0.99, high=0.99)
    zs = z - z.mean()
    if zs.std() == 0:
        raise ValueError(_("log_tfpq must vary across firms (its standard deviation is 0)"))
    zs = zs / zs.std()
    es = e - e.mean()
    es = es - (es @ zs) / (zs @ zs) * zs
    if es.std() < 1e-12:
        raise ValueError(_("shocks must not be collinear with log_tfpq"))
    es = es / es.std()
    return rho * zs + np.sqrt(1 - rho**2) * es


def wedges_for_dispersion(
    log_tfpq: npt.ArrayLike, dispersion: float, correlation: float, shocks: npt.ArrayLike
) -> np.ndarray:
    """Output wedges whose ln TFPR has a set standard deviation and correlation with ln TFPQ.

    ``ln TFPR = dispersion * (correlation * z + sqrt(1 - correlation**2) * e)``
    where z is ln TFPQ standardised and e the shocks made orthogonal to z and
    standardised, so the sample moments are exact. Then ``tau_Y = 1 - exp(-ln TFPR)``.

    Parameters
    ----------
    log_tfpq : array_like, shape (M,)
        ln A of each firm (M >= 3, not all equal).
    dispersion : float
        Standard deviation of ln TFPR, in [0, 3].
    correlation : float
        Correlation of ln TFPR with ln TFPQ, in [-0.99, 0.99].
    shocks : array_like, shape (M,)
        Draws (for example standard normal from a seeded ``rng``), not
        collinear with ``log_tfpq``.

    Returns
    -------
    ndarray, shape (M,)
        Output wedges tau_Y (< 1).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> lnA = rng.normal(0, 1, 500)
    >>> tau = wedges_for_dispersion(lnA, 0.4, 0.5, rng.normal(size=500))
    >>> x = -np.log(1 - tau)
    >>> print(round(float(x.std()), 6), round(float(np.corrcoef(x, lnA)[0, 1]), 6))
    0.4 0.5
    """
    d = as_scalar("dispersion", dispersion, low=0, high=3)
    x = d * _log_tfpr_pattern(log_tfpq, shocks, correlation)
    return -np.expm1(-x)


def tfp_ratio_curve(
    tfpq: npt.ArrayLike,
    log_tfpq: npt.ArrayLike,
    shocks: npt.ArrayLike,
    dispersions: npt.ArrayLike,
    correlation: float,
    sigma: float,
) -> np.ndarray:
    """ln(TFP / TFP_eff) for many dispersions of ln TFPR at once (output wedges only), vectorised.

    For each dispersion d the output wedges are those of
    :func:`wedges_for_dispersion` (``log_tfpq``, d, ``correlation``, ``shocks``),
    and TFP is :func:`aggregate_tfp` with them, computed for all d in one pass:
    with output wedges only, TFPR_bar = 1 / sum(s_i / TFPR_i), so
    ln TFP = sigma / (sigma - 1) * ln S1 - ln S2 with
    S1 = sum A^(sigma-1) TFPR^(1-sigma) and S2 = sum A^(sigma-1) TFPR^(-sigma).

    Parameters
    ----------
    tfpq : array_like, shape (M,)
        Physical productivity A_i, positive.
    log_tfpq : array_like, shape (M,)
        The variable ln TFPR is correlated with (ln A in the notebook and the widget).
    shocks : array_like, shape (M,)
        Wedge shocks, as in :func:`wedges_for_dispersion`.
    dispersions : array_like, shape (D,)
        Standard deviations of ln TFPR, each in [0, 3].
    correlation : float
        Correlation of ln TFPR with ``log_tfpq``, in [-0.99, 0.99].
    sigma : float
        Elasticity of substitution, in (1, 20].

    Returns
    -------
    ndarray, shape (D,)
        ln(TFP / efficient TFP), 0 without dispersion and negative otherwise.

    Raises
    ------
    ValueError
        If an argument is outside its range or the firm arrays differ in length.

    Examples
    --------
    >>> A, e = default_firms(500)
    >>> print(np.round(tfp_ratio_curve(A, np.log(A), e, [0.0, 0.5], 0.0, 3.0), 3))
    [ 0.    -0.235]
    """
    A = _tfpq(tfpq)
    u = _log_tfpr_pattern(log_tfpq, shocks, correlation)  # unit-variance ln TFPR pattern
    if u.shape != A.shape:
        raise ValueError(
            _("tfpq must have one entry per firm of log_tfpq ({n}); got {size}").format(n=u.size, size=A.size)
        )
    d = as_array_in("dispersions", dispersions, low=0, high=3)
    _alpha, s = _params(0.5, sigma)
    x = np.outer(d, u)  # (D, M) ln TFPR
    w = (s - 1) * (np.log(A) - x)
    m = w.max(axis=1, keepdims=True)
    q = np.exp(w - m)
    ln_s1 = m[:, 0] + np.log(q.sum(axis=1))
    ln_s2 = m[:, 0] + np.log((q * np.exp(-x)).sum(axis=1))
    ln_tfp = s / (s - 1) * ln_s1 - ln_s2
    return ln_tfp - np.log(efficient_tfp(A, s))


def default_firms(
    n_firms: int = 2000, tfpq_sd: float = 0.8, seed: int = 2009
) -> tuple[np.ndarray, np.ndarray]:
    """Firm productivities and wedge shocks used by the widget and the notebook.

    Parameters
    ----------
    n_firms : int
        Number of firms M, in [3, 5,000,000].
    tfpq_sd : float
        Standard deviation of ln TFPQ (> 0).
    seed : int
        Seed of ``numpy.random.default_rng``.

    Returns
    -------
    tuple of ndarray, shape (M,)
        ``(tfpq, shocks)``: TFPQ = exp(normal(0, tfpq_sd)) and standard normal shocks.

    Examples
    --------
    >>> A, e = default_firms(10)
    >>> A.shape, e.shape
    ((10,), (10,))
    """
    n = as_whole_number("n_firms", n_firms, low=3, high=5_000_000)
    sd = as_scalar("tfpq_sd", tfpq_sd, low=0, high=5, low_open=True)
    rng = np.random.default_rng(seed)
    return np.exp(rng.normal(0.0, sd, n)), rng.normal(size=n)
