r"""The Solow growth model, simulated year by year: why more inputs alone run out.

Production is Cobb-Douglas with labour-augmenting (Harrod-neutral) technology,

.. math:: Y_t = K_t^{\alpha} (A_t L_t)^{1-\alpha},

with capital :math:`K`, workers :math:`L`, technology :math:`A` and capital
share :math:`\alpha` (Solow 1956). A constant share :math:`s` of output is
saved and invested, capital depreciates at rate :math:`\delta`, the labour force
grows at rate :math:`n` and technology at rate :math:`g` (all per year):

.. math::
    K_{t+1} = s Y_t + (1-\delta) K_t, \qquad L_{t+1} = (1+n) L_t, \qquad A_{t+1} = (1+g) A_t.

**Effective units.** Divide by :math:`A_{t+1} L_{t+1} = (1+n)(1+g) A_t L_t` and
write :math:`k = K/(AL)`, :math:`y = Y/(AL) = k^{\alpha}`:

.. math:: k_{t+1} = \frac{s k_t^{\alpha} + (1-\delta) k_t}{(1+n)(1+g)}.

**Steady state.** Setting :math:`k_{t+1} = k_t = k^*` gives
:math:`k^*\,[(1+n)(1+g) - (1-\delta)] = s\, k^{*\alpha}`, and since
:math:`(1+n)(1+g) - (1-\delta) = n + g + ng + \delta`,

.. math:: k^* = \left(\frac{s}{n + g + ng + \delta}\right)^{1/(1-\alpha)}, \qquad
          \frac{K}{Y} = \frac{k^*}{k^{*\alpha}} = \frac{s}{n + g + ng + \delta}.

On this balanced growth path :math:`k` is constant, so output per worker
:math:`Y/L = A\, k^{*\alpha}` grows exactly as :math:`A`: by the factor
:math:`1+g` a year, :math:`100 \ln(1+g)` % per year in log points. The saving
rate and labour-force growth change :math:`k^*`, hence the *level* of the path,
never its long-run *growth*. (Measured as Hicks-neutral total factor
productivity, :math:`Y = \mathrm{TFP}\; K^{\alpha} L^{1-\alpha}` with
:math:`\mathrm{TFP} = A^{1-\alpha}`, TFP grows by :math:`(1+g)^{1-\alpha}` a
year: output per worker grows at TFP growth divided by :math:`1-\alpha`, in
log points.)

**Marginal product of capital.** :math:`\partial Y / \partial K = \alpha Y/K =
\alpha k^{\alpha-1}`, which falls as :math:`k` rises (capital deepening); at the
steady state it equals :math:`\alpha (n+g+ng+\delta)/s`.

**Golden rule.** Steady-state consumption per effective worker is
:math:`c^* = k^{*\alpha} - (n+g+ng+\delta) k^*`; it is largest where
:math:`\alpha k^{*\alpha-1} = n+g+ng+\delta`, that is where :math:`s = \alpha`.

**Speed of convergence.** Linearising the law of motion at :math:`k^*`,
:math:`k_{t+1} - k^* \approx \lambda (k_t - k^*)` with
:math:`\lambda = \alpha + (1-\alpha)(1-\delta)/((1+n)(1+g))`: half of any gap
closes in :math:`\ln 2 / (-\ln\lambda)` years.

**The same ratios, read the Marxian way.** :func:`profit_rate_accounts`
computes Marx's rate of profit :math:`r = s/(c+v) = (s/v)/(c/v + 1)` from the
same national-accounts ratios (capital-output ratio and labour share), and
:func:`decompose_profit_rate_change` splits a change in :math:`r` into the part
of the organic composition :math:`c/v` and the part of the rate of surplus
value :math:`s/v`. The model above reads a rising :math:`K/Y` as capital
deepening along a production function; the Marxian reading sees the same
ratio rise as a rising organic composition of capital. The arithmetic is
shared; the causes and what follows differ.

Levels are normalised so that :math:`L_0 = A_0 = 1`: capital and output are in
units of the first year's effective labour, and only ratios and growth rates
carry meaning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from ._validate import as_array_in, as_float_or_array, as_levels, as_scalar
from .i18n import N_, _

if TYPE_CHECKING:
    from .growth import GrowthSummary

__all__ = [
    "SolowPath",
    "SteadyState",
    "Convergence",
    "steady_state",
    "convergence",
    "simulate_solow",
    "push_scenarios",
    "average_return_to_capital",
    "ProfitRateAccounts",
    "profit_rate_accounts",
    "ProfitRateChange",
    "decompose_profit_rate_change",
    "sources_of_growth",
    "SCENARIOS",
    "as_scenarios",
    "ScenarioEnd",
    "compare_scenarios",
]


# --------------------------------------------------------------------------- #
# Validation
# --------------------------------------------------------------------------- #


def _as_parameter(
    name: str,
    value: npt.ArrayLike,
    periods: int,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    high_open: bool = False,
) -> np.ndarray:
    """A model parameter: a scalar or an array whose last axis is one value per year (or 1)."""
    arr = as_array_in(name, value, low, high, low_open=low_open, high_open=high_open)
    if arr.ndim == 0:
        return np.full(periods, float(arr))
    if arr.shape[-1] not in (1, periods):
        raise ValueError(
            _(
                "{name} must be a scalar or an array whose last axis has one value per year "
                "({periods}) or length 1; got shape {shape}"
            ).format(name=name, periods=periods, shape=arr.shape)
        )
    return arr


def _as_count(name: str, value: object, minimum: int) -> int:
    """A whole number of years, at least ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ValueError(
            _("{name} must be a whole number of years; got {value!r}").format(name=name, value=value)
        )
    if value < minimum:
        raise ValueError(
            _("{name} must be at least {minimum}; got {value}").format(
                name=name, minimum=minimum, value=value
            )
        )
    return int(value)


def _effective_depreciation(
    depreciation: np.ndarray, labor_growth: np.ndarray, technology_growth: np.ndarray
) -> np.ndarray:
    """n + g + n g + delta, which must be positive for a steady state to exist."""
    eff = (1 + labor_growth) * (1 + technology_growth) - (1 - depreciation)
    if np.any(eff <= 0):
        bad = float(np.asarray(eff)[np.asarray(eff <= 0)].flat[0])
        raise ValueError(
            _(
                "labor_growth + technology_growth + labor_growth * technology_growth + depreciation must be "
                "positive for a steady state to exist; got {bad:g}"
            ).format(bad=bad)
        )
    return eff


# --------------------------------------------------------------------------- #
# Steady state and convergence
# --------------------------------------------------------------------------- #
@dataclass(frozen=True)
class SteadyState:
    """The balanced growth path of the Solow model (values per effective worker).

    Attributes
    ----------
    capital_per_effective_worker : float or ndarray
        :math:`k^* = (s/(n+g+ng+\\delta))^{1/(1-\\alpha)}`.
    output_per_effective_worker : float or ndarray
        :math:`y^* = k^{*\\alpha}`.
    consumption_per_effective_worker : float or ndarray
        :math:`c^* = (1-s) y^*`.
    capital_output_ratio : float or ndarray
        :math:`K/Y = s/(n+g+ng+\\delta)`, in years of output.
    marginal_product_of_capital : float or ndarray
        :math:`\\alpha Y/K = \\alpha (n+g+ng+\\delta)/s`, a fraction per year
        (gross of depreciation).
    output_per_worker_growth : float or ndarray
        Long-run growth of output per worker, :math:`100 \\ln(1+g)`, % per year.
    """

    capital_per_effective_worker: float | np.ndarray
    output_per_effective_worker: float | np.ndarray
    consumption_per_effective_worker: float | np.ndarray
    capital_output_ratio: float | np.ndarray
    marginal_product_of_capital: float | np.ndarray
    output_per_worker_growth: float | np.ndarray


def steady_state(
    saving_rate: npt.ArrayLike = 0.2,
    depreciation: npt.ArrayLike = 0.05,
    labor_growth: npt.ArrayLike = 0.01,
    technology_growth: npt.ArrayLike = 0.02,
    capital_share: npt.ArrayLike = 1 / 3,
) -> SteadyState:
    """Steady state of the discrete-time Solow model (see the module docstring).

    Parameters
    ----------
    saving_rate : float or array_like
        Share of output invested, in (0, 1].
    depreciation : float or array_like
        Depreciation rate of capital, fraction per year, in [0, 1].
    labor_growth : float or array_like
        Growth of the labour force, fraction per year, > -1.
    technology_growth : float or array_like
        Growth of labour-augmenting technology A, fraction per year, > -1.
    capital_share : float or array_like
        Capital's share alpha, in (0, 1).

    Arrays broadcast against each other (for example a grid of saving rates).

    Returns
    -------
    SteadyState
        Floats when every argument is a scalar, arrays of the broadcast shape otherwise.

    Raises
    ------
    ValueError
        If an argument is outside its range, or ``n + g + n g + delta <= 0``.

    Examples
    --------
    With s = 0.2, delta = 0.05, n = 0.01, g = 0.02 and alpha = 1/3, capital is
    0.2 / 0.0802 = 2.49 years of output:

    >>> ss = steady_state(0.2, 0.05, 0.01, 0.02, 1 / 3)
    >>> round(ss.capital_output_ratio, 3), round(ss.capital_per_effective_worker, 3)
    (2.494, 3.938)
    >>> round(ss.output_per_worker_growth, 3)
    1.98
    """
    s = as_array_in("saving_rate", saving_rate, 0, 1, low_open=True)
    d = as_array_in("depreciation", depreciation, 0, 1)
    n = as_array_in("labor_growth", labor_growth, -1, None, low_open=True)
    g = as_array_in("technology_growth", technology_growth, -1, None, low_open=True)
    a = as_array_in("capital_share", capital_share, 0, 1, low_open=True, high_open=True)
    eff = _effective_depreciation(d, n, g)
    k = (s / eff) ** (1 / (1 - a))
    y = k**a
    return SteadyState(
        capital_per_effective_worker=as_float_or_array(k),
        output_per_effective_worker=as_float_or_array(y),
        consumption_per_effective_worker=as_float_or_array((1 - s) * y),
        capital_output_ratio=as_float_or_array(s / eff),
        marginal_product_of_capital=as_float_or_array(a * eff / s),
        output_per_worker_growth=as_float_or_array(
            np.broadcast_to(100 * np.log1p(g), np.broadcast(s, d, n, g, a).shape)
        ),
    )


@dataclass(frozen=True)
class Convergence:
    """How fast the Solow economy closes a gap to its steady state.

    Attributes
    ----------
    persistence : float or ndarray
        :math:`\\lambda`, the share of a (small) gap left after one year.
    speed : float or ndarray
        :math:`-\\ln\\lambda`, the log-gap closed per year.
    half_life : float or ndarray
        Years needed to close half of the gap, :math:`\\ln 2 / (-\\ln\\lambda)`.
    """

    persistence: float | np.ndarray
    speed: float | np.ndarray
    half_life: float | np.ndarray


def convergence(
    depreciation: npt.ArrayLike = 0.05,
    labor_growth: npt.ArrayLike = 0.01,
    technology_growth: npt.ArrayLike = 0.02,
    capital_share: npt.ArrayLike = 1 / 3,
) -> Convergence:
    """Speed of convergence near the steady state (linearised law of motion).

    :math:`\\lambda = \\alpha + (1-\\alpha)(1-\\delta)/((1+n)(1+g))`; the saving
    rate drops out because :math:`s k^{*\\alpha-1} = n+g+ng+\\delta` at the
    steady state.

    Parameters
    ----------
    depreciation, labor_growth, technology_growth, capital_share : float or array_like
        As in :func:`steady_state` (fractions per year; share in (0, 1)).

    Returns
    -------
    Convergence

    Raises
    ------
    ValueError
        If an argument is outside its range or ``n + g + n g + delta <= 0``.

    Examples
    --------
    >>> c = convergence(0.05, 0.01, 0.02, 1 / 3)
    >>> round(c.persistence, 4), round(c.half_life, 1)
    (0.9481, 13.0)
    """
    d = as_array_in("depreciation", depreciation, 0, 1)
    n = as_array_in("labor_growth", labor_growth, -1, None, low_open=True)
    g = as_array_in("technology_growth", technology_growth, -1, None, low_open=True)
    a = as_array_in("capital_share", capital_share, 0, 1, low_open=True, high_open=True)
    _effective_depreciation(d, n, g)
    lam = a + (1 - a) * (1 - d) / ((1 + n) * (1 + g))
    with np.errstate(divide="ignore"):
        speed = -np.log(lam)
        half = np.where(speed > 0, np.log(2) / np.where(speed > 0, speed, 1.0), np.inf)
    return Convergence(
        persistence=as_float_or_array(lam), speed=as_float_or_array(speed), half_life=as_float_or_array(half)
    )


# --------------------------------------------------------------------------- #
# Simulation
# --------------------------------------------------------------------------- #
@dataclass(frozen=True)
class SolowPath:
    """A simulated Solow economy (one or many scenarios), year by year.

    Arrays have shape (..., T): any leading axes are scenarios, the last axis
    is time. Levels are normalised with :math:`L_0 = A_0 = 1`.

    Attributes
    ----------
    years : ndarray, shape (T,)
        Calendar years (``start_year`` onwards).
    capital, labor, technology, output : ndarray, shape (..., T)
        :math:`K_t`, :math:`L_t`, :math:`A_t` (labour-augmenting) and :math:`Y_t`.
    saving_rate, depreciation, labor_growth, technology_growth, capital_share : ndarray, shape (..., T)
        The parameters in force in each year (the value in year t governs
        output in t and the step from t to t+1).
    """

    years: np.ndarray
    capital: np.ndarray
    labor: np.ndarray
    technology: np.ndarray
    output: np.ndarray
    saving_rate: np.ndarray
    depreciation: np.ndarray
    labor_growth: np.ndarray
    technology_growth: np.ndarray
    capital_share: np.ndarray

    @property
    def output_per_worker(self) -> np.ndarray:
        """:math:`Y/L`, in units of the first year's technology level."""
        return self.output / self.labor

    @property
    def capital_per_worker(self) -> np.ndarray:
        """:math:`K/L`."""
        return self.capital / self.labor

    @property
    def capital_per_effective_worker(self) -> np.ndarray:
        """:math:`k = K/(AL)`."""
        return self.capital / (self.technology * self.labor)

    @property
    def capital_output_ratio(self) -> np.ndarray:
        """:math:`K/Y`, in years of output."""
        return self.capital / self.output

    @property
    def marginal_product_of_capital(self) -> np.ndarray:
        """:math:`\\alpha Y/K`, fraction per year, gross of depreciation."""
        return self.capital_share * self.output / self.capital

    @property
    def tfp(self) -> np.ndarray:
        """Hicks-neutral TFP :math:`A^{1-\\alpha}`: :math:`Y = \\mathrm{TFP}\\,K^\\alpha L^{1-\\alpha}`."""
        return self.technology ** (1 - self.capital_share)

    @property
    def output_per_worker_growth(self) -> np.ndarray:
        """Annual growth of :math:`Y/L`, log differences x 100 (% per year), shape (..., T-1)."""
        return 100 * np.diff(np.log(self.output_per_worker), axis=-1)

    @property
    def output_growth(self) -> np.ndarray:
        """Annual growth of :math:`Y`, log differences x 100 (% per year), shape (..., T-1)."""
        return 100 * np.diff(np.log(self.output), axis=-1)

    def scenario(self, index: int | tuple[int, ...]) -> SolowPath:
        """Return one scenario (a leading-axis index) as its own :class:`SolowPath`."""
        fields = (
            "capital",
            "labor",
            "technology",
            "output",
            "saving_rate",
            "depreciation",
            "labor_growth",
            "technology_growth",
            "capital_share",
        )
        return SolowPath(years=self.years, **{f: getattr(self, f)[index] for f in fields})


def simulate_solow(
    years: int = 100,
    saving_rate: npt.ArrayLike = 0.2,
    depreciation: npt.ArrayLike = 0.05,
    labor_growth: npt.ArrayLike = 0.01,
    technology_growth: npt.ArrayLike = 0.02,
    capital_share: npt.ArrayLike = 1 / 3,
    initial_capital: npt.ArrayLike | None = None,
    start_year: int = 0,
) -> SolowPath:
    """Simulate the Solow model year by year, for one or many scenarios at once.

    Parameters
    ----------
    years : int
        Number of years T to simulate (T >= 2).
    saving_rate : float or array_like, shape (..., T) or (..., 1)
        Share of output invested, in (0, 1]. A scalar holds for all years;
        an array gives a path (last axis = years) and leading axes stack
        scenarios, which are all simulated in one vectorised pass.
    depreciation : float or array_like
        Depreciation rate, fraction per year, in [0, 1].
    labor_growth : float or array_like
        Labour-force growth n, fraction per year, > -1.
    technology_growth : float or array_like
        Growth g of labour-augmenting technology, fraction per year, > -1.
    capital_share : float or array_like
        Capital share alpha, in (0, 1).
    initial_capital : float or array_like, optional
        Capital per effective worker :math:`k_0 = K_0/(A_0 L_0)` in the first
        year, > 0. Default: the steady state of the first year's parameters,
        so that nothing happens until a parameter changes.
    start_year : int
        Calendar year of the first observation.

    Returns
    -------
    SolowPath
        Levels, ratios and growth rates, shape (..., T).

    Raises
    ------
    ValueError
        If ``years`` is not a whole number >= 2; if a parameter is outside its
        range or its last axis is neither T nor 1; if ``n + g + n g + delta``
        is not positive in some year; if ``initial_capital`` is not positive.

    Examples
    --------
    Starting at the steady state, output per worker grows at ln(1.02) = 1.98 %
    per year from the first year:

    >>> path = simulate_solow(years=50, technology_growth=0.02)
    >>> np.round(path.output_per_worker_growth[[0, -1]], 3)
    array([1.98, 1.98])

    Two scenarios in one call (rows): saving 20 % and 30 % of output, both
    starting from the 20 % steady state:

    >>> two = simulate_solow(years=300, saving_rate=[[0.2], [0.3]], initial_capital=3.938)
    >>> np.round(two.capital_output_ratio[:, -1], 2)
    array([2.49, 3.74])
    """
    T = _as_count("years", years, 2)
    s = _as_parameter("saving_rate", saving_rate, T, low=0, high=1, low_open=True)
    d = _as_parameter("depreciation", depreciation, T, low=0, high=1)
    n = _as_parameter("labor_growth", labor_growth, T, low=-1, low_open=True)
    g = _as_parameter("technology_growth", technology_growth, T, low=-1, low_open=True)
    a = _as_parameter("capital_share", capital_share, T, low=0, high=1, low_open=True, high_open=True)
    try:
        shape = np.broadcast_shapes(s.shape, d.shape, n.shape, g.shape, a.shape)
    except ValueError as exc:
        raise ValueError(
            _(
                "saving_rate, depreciation, labor_growth, technology_growth and capital_share must broadcast "
                "to one shape; got {s}, {d}, {n}, {g}, {a}"
            ).format(s=s.shape, d=d.shape, n=n.shape, g=g.shape, a=a.shape)
        ) from exc
    shape = shape[:-1] + (T,)
    s, d, n, g, a = (np.broadcast_to(p, shape) for p in (s, d, n, g, a))
    eff = _effective_depreciation(d, n, g)
    if isinstance(start_year, bool) or not isinstance(start_year, (int, np.integer)):
        raise ValueError(_("start_year must be a whole number; got {value!r}").format(value=start_year))

    if initial_capital is None:
        k0 = (s[..., 0] / eff[..., 0]) ** (1 / (1 - a[..., 0]))
    else:
        k0 = np.broadcast_to(
            as_array_in("initial_capital", initial_capital, 0, None, low_open=True), shape[:-1]
        )
    # time on the first axis so that each step works on a contiguous slice
    sT, dT, aT = (np.moveaxis(p, -1, 0) for p in (s, d, a))
    grow = np.moveaxis((1 + n) * (1 + g), -1, 0)
    k = np.empty((T,) + shape[:-1])
    k[0] = k0
    for t in range(T - 1):
        k[t + 1] = (sT[t] * k[t] ** aT[t] + (1 - dT[t]) * k[t]) / grow[t]
    k = np.moveaxis(k, 0, -1)
    ones = np.ones(shape[:-1] + (1,))
    L = np.concatenate([ones, np.cumprod(1 + n[..., :-1], axis=-1)], axis=-1)
    A = np.concatenate([ones, np.cumprod(1 + g[..., :-1], axis=-1)], axis=-1)
    K = k * A * L
    Y = K**a * (A * L) ** (1 - a)
    return SolowPath(
        years=np.arange(T) + int(start_year),
        capital=K,
        labor=L,
        technology=A,
        output=Y,
        saving_rate=s.copy(),
        depreciation=d.copy(),
        labor_growth=n.copy(),
        technology_growth=g.copy(),
        capital_share=a.copy(),
    )


#: Scenario names of :func:`push_scenarios`, in order.
SCENARIOS = (N_("baseline"), N_("investment push"), N_("labour push"), N_("innovation push"))


def push_scenarios(
    years: int = 120,
    push_year: int = 20,
    saving_rate: float = 0.2,
    saving_push: float = 0.1,
    labor_growth: float = 0.01,
    labor_push: float = 0.01,
    technology_growth: float = 0.01,
    technology_push: float = 0.01,
    depreciation: float = 0.05,
    capital_share: float = 1 / 3,
) -> dict[str, SolowPath]:
    """Baseline, "investment push", "labour push" and "innovation push" paths, simulated together.

    Every scenario starts on the baseline steady state. From ``push_year`` on,
    one thing changes permanently: the saving rate rises by ``saving_push``
    (investment push), labour-force growth by ``labor_push`` (labour push), or
    technology growth by ``technology_push`` (innovation push).

    Parameters
    ----------
    years : int
        Years to simulate (> push_year + 1).
    push_year : int
        Year (counted from 0) in which the change takes effect, >= 1.
    saving_rate, labor_growth, technology_growth, depreciation, capital_share : float
        Baseline parameters (fractions per year; see :func:`simulate_solow`).
    saving_push : float
        Rise in the saving rate, >= 0, with saving_rate + saving_push <= 1.
    labor_push : float
        Rise in labour-force growth, fraction per year, >= 0.
    technology_push : float
        Rise in technology growth, fraction per year, >= 0.

    Returns
    -------
    dict
        Scenario name (see ``SCENARIOS``) -> :class:`SolowPath`.

    Raises
    ------
    ValueError
        If a parameter is outside its range, or the push comes too late.

    Examples
    --------
    In the long run only the innovation push changes the growth of output per
    worker (from ln 1.01 to ln 1.02, in % per year):

    >>> paths = push_scenarios(years=400)
    >>> {k: round(float(p.output_per_worker_growth[-1]), 2) for k, p in paths.items()}
    {'baseline': 1.0, 'investment push': 1.0, 'labour push': 1.0, 'innovation push': 1.98}
    """
    T = _as_count("years", years, 3)
    t0 = _as_count("push_year", push_year, 1)
    if t0 > T - 2:
        raise ValueError(
            _("push_year must be at most years - 2 = {most} so that its effect is seen; got {value}").format(
                most=T - 2, value=t0
            )
        )
    s = as_scalar("saving_rate", saving_rate, 0, 1, low_open=True)
    ds = as_scalar("saving_push", saving_push, 0, 1 - s)
    dn = as_scalar("labor_push", labor_push, 0, None)
    dg = as_scalar("technology_push", technology_push, 0, None)
    after = (np.arange(T) >= t0).astype(float)
    zero = np.zeros(T)
    s_path = s + np.stack([zero, ds * after, zero, zero])
    n_path = labor_growth + np.stack([zero, zero, dn * after, zero])
    g_path = technology_growth + np.stack([zero, zero, zero, dg * after])
    path = simulate_solow(T, s_path, depreciation, n_path, g_path, capital_share)
    return {name: path.scenario(i) for i, name in enumerate(SCENARIOS)}


def average_return_to_capital(
    output: npt.ArrayLike, capital: npt.ArrayLike, capital_share: npt.ArrayLike
) -> np.ndarray:
    """Average gross return to capital implied by income shares: capital_share x Y / K.

    With Cobb-Douglas production and competitive factor markets this equals
    the marginal product of capital :math:`\\alpha Y/K`; in data it is capital
    income per unit of capital, gross of depreciation (subtract the
    depreciation rate for a net return).

    Parameters
    ----------
    output, capital : array_like, shape (T,) or (N, T)
        Real output and real capital stock in the same unit (for example PWT
        ``rgdpna`` and ``rnna``, mil. 2021 US$), positive.
    capital_share : float or array_like, same shape
        Capital's share of income in [0, 1] (for example ``1 - labsh``).

    Returns
    -------
    ndarray
        Fraction per year, same shape as ``output``.

    Raises
    ------
    ValueError
        If levels are not positive and finite, shapes differ, or a share is outside [0, 1].

    Examples
    --------
    >>> average_return_to_capital([100.0, 110.0], [300.0, 400.0], 0.4)
    array([0.13333333, 0.11      ])
    """
    ndim = np.ndim(output)
    if ndim not in (1, 2):
        raise ValueError(
            _("output must be a 1-D series or a 2-D panel; got {ndim} dimensions").format(ndim=ndim)
        )
    Y = as_levels("output", output, ndim=ndim)
    K = as_levels("capital", capital, ndim=np.ndim(capital) if np.ndim(capital) in (1, 2) else 1)
    if K.shape != Y.shape:
        raise ValueError(
            _("capital must have the same shape as output {expected}; got {shape}").format(
                expected=Y.shape, shape=K.shape
            )
        )
    share = as_array_in("capital_share", capital_share, 0, 1)
    try:
        share = np.broadcast_to(share, Y.shape)
    except ValueError as exc:
        raise ValueError(
            _("{name} must be a scalar or match output's shape {expected}; got {shape}").format(
                name="capital_share", expected=Y.shape, shape=share.shape
            )
        ) from exc
    return share * Y / K


# --------------------------------------------------------------------------- #
# The same ratios read the Marxian way: organic composition and profit rate
# --------------------------------------------------------------------------- #
@dataclass(frozen=True)
class ProfitRateAccounts:
    r"""Marx's rate of profit and its two ratios, computed from national accounts.

    With value added :math:`Y`, the labour share :math:`\lambda` and the
    capital stock :math:`K`: wages (variable capital, one turnover a year)
    :math:`v = \lambda Y`, surplus value :math:`s = (1-\lambda) Y` and constant
    capital :math:`c \approx K`.

    Attributes
    ----------
    organic_composition : ndarray
        :math:`c/v = (K/Y)/\lambda` (years of wages embodied in the stock).
    rate_of_surplus_value : ndarray
        :math:`s/v = (1-\lambda)/\lambda` (dimensionless).
    profit_rate : ndarray
        :math:`r = s/(c+v) = (s/v)/(c/v + 1)`, a fraction per year.
    gross_return : ndarray
        :math:`s/c = (1-\lambda) Y/K`, the rate of profit when wages advanced
        are left out of the denominator: the Solow lesson's gross return to
        capital (:func:`average_return_to_capital`), a fraction per year.
    """

    organic_composition: np.ndarray
    rate_of_surplus_value: np.ndarray
    profit_rate: np.ndarray
    gross_return: np.ndarray


def profit_rate_accounts(
    output: npt.ArrayLike, capital: npt.ArrayLike, labour_share: npt.ArrayLike
) -> ProfitRateAccounts:
    r"""Marx's rate of profit, organic composition and rate of surplus value from national accounts.

    Marx (*Capital*, vol. III, chapters 3 and 13) writes the rate of profit as
    surplus value over the whole capital advanced, constant :math:`c` plus
    variable :math:`v`, and divides through by :math:`v`:

    .. math:: r = \frac{s}{c + v} = \frac{s/v}{c/v + 1}.

    A common way to approximate the three magnitudes with national accounts
    (used, among many others, by Basu and Manolakos 2013) takes value added
    :math:`Y`, the labour share :math:`\lambda` and the fixed capital stock
    :math:`K`: wages :math:`v = \lambda Y` (the wage bill of a year, that is one
    turnover of variable capital a year), surplus value :math:`s = (1-\lambda)Y`
    (all non-wage income, gross of depreciation) and constant capital
    :math:`c \approx K` (circulating constant capital, such as materials, is
    left out: value added nets it out). Then

    .. math:: \frac{c}{v} = \frac{K/Y}{\lambda}, \qquad
              \frac{s}{v} = \frac{1-\lambda}{\lambda}, \qquad
              r = \frac{(1-\lambda) Y}{K + \lambda Y}
                = \frac{(1-\lambda) Y/K}{1 + \lambda Y/K}.

    Leaving :math:`v` out of the denominator gives :math:`s/c = (1-\lambda)Y/K`,
    the gross return to capital of the Solow lesson, so :math:`r < s/c`
    whenever :math:`\lambda > 0`. These are prices, not Marx's labour values:
    the approximation sets aside the transformation problem, the split of
    labour into productive and unproductive, and the difference between
    capital at constant and at current prices.

    Parameters
    ----------
    output, capital : array_like, shape (T,)
        Value added and the capital stock in the same unit (for example PWT
        ``rgdpna`` and ``rnna``, mil. 2021 US$), positive.
    labour_share : float or array_like, shape (T,)
        Labour's share of value added, in (0, 1] (PWT ``labsh``).

    Returns
    -------
    ProfitRateAccounts

    Raises
    ------
    ValueError
        If a level is not positive and finite, the shapes differ, or a labour
        share is outside (0, 1].

    Examples
    --------
    Capital three years of output and a labour share of one half: c/v = 6,
    s/v = 1 and r = 1/7, against a gross return s/c of 1/6.

    >>> acc = profit_rate_accounts([100.0], [300.0], 0.5)
    >>> acc.organic_composition, acc.rate_of_surplus_value
    (array([6.]), array([1.]))
    >>> print(np.round(acc.profit_rate, 4), np.round(acc.gross_return, 4))
    [0.1429] [0.1667]
    """
    Y = as_levels("output", output)
    K = as_levels("capital", capital)
    if K.shape != Y.shape:
        raise ValueError(
            _("capital must have the same shape as output {expected}; got {shape}").format(
                expected=Y.shape, shape=K.shape
            )
        )
    share = as_array_in("labour_share", labour_share, 0, 1, low_open=True)
    try:
        share = np.broadcast_to(share, Y.shape)
    except ValueError as exc:
        raise ValueError(
            _("{name} must be a scalar or match output's shape {expected}; got {shape}").format(
                name="labour_share", expected=Y.shape, shape=share.shape
            )
        ) from exc
    wages, surplus = share * Y, (1 - share) * Y
    return ProfitRateAccounts(
        organic_composition=K / wages,
        rate_of_surplus_value=surplus / wages,
        profit_rate=surplus / (K + wages),
        gross_return=surplus / K,
    )


@dataclass(frozen=True)
class ProfitRateChange:
    """A change in the rate of profit split into the part of each ratio (fractions per year).

    Attributes
    ----------
    total : float or ndarray
        :math:`r_1 - r_0`.
    from_organic_composition : float or ndarray
        The part due to the change in :math:`c/v`.
    from_surplus_value : float or ndarray
        The part due to the change in :math:`s/v`; the two parts add up to ``total``.
    """

    total: float | np.ndarray
    from_organic_composition: float | np.ndarray
    from_surplus_value: float | np.ndarray


def decompose_profit_rate_change(
    organic_composition: tuple[npt.ArrayLike, npt.ArrayLike],
    rate_of_surplus_value: tuple[npt.ArrayLike, npt.ArrayLike],
) -> ProfitRateChange:
    r"""Split a change in the rate of profit into the parts of c/v and s/v, exactly.

    With :math:`r = f(e, q) = e/(q+1)`, :math:`q = c/v` and :math:`e = s/v`,
    the change from :math:`(q_0, e_0)` to :math:`(q_1, e_1)` is split by
    averaging the two orders in which the ratios can be changed (a Shapley
    decomposition, so the parts add up to the total with no residual):

    .. math::
        \Delta_q = \tfrac12\big[f(e_0, q_1) - f(e_0, q_0) + f(e_1, q_1) - f(e_1, q_0)\big],\qquad
        \Delta_e = \tfrac12\big[f(e_1, q_0) - f(e_0, q_0) + f(e_1, q_1) - f(e_0, q_1)\big].

    A rising organic composition lowers :math:`r` (:math:`\Delta_q < 0` when
    :math:`q_1 > q_0`); a rising rate of surplus value raises it. If one ratio
    does not change, its part is exactly zero.

    Parameters
    ----------
    organic_composition : pair (before, after)
        :math:`c/v` at the start and the end, each >= 0 (floats or arrays that broadcast).
    rate_of_surplus_value : pair (before, after)
        :math:`s/v` at the start and the end, each >= 0.

    Returns
    -------
    ProfitRateChange
        Fractions per year (multiply by 100 for percentage points).

    Raises
    ------
    ValueError
        If an argument is not a pair, or a ratio is negative or not finite.

    Examples
    --------
    c/v rises from 6 to 8 with s/v = 1 throughout: r falls from 1/7 to 1/9,
    all of it from the organic composition.

    >>> ch = decompose_profit_rate_change((6.0, 8.0), (1.0, 1.0))
    >>> round(ch.total, 4), round(ch.from_organic_composition, 4), ch.from_surplus_value
    (-0.0317, -0.0317, 0.0)
    """
    pairs = []
    for name, pair in (
        ("organic_composition", organic_composition),
        ("rate_of_surplus_value", rate_of_surplus_value),
    ):
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise ValueError(
                _("{name} must be a pair (before, after); got {pair!r}").format(name=name, pair=pair)
            )
        pairs.append(tuple(as_array_in(name, x, 0, None) for x in pair))
    (q0, q1), (e0, e1) = pairs

    def rate(e: np.ndarray, q: np.ndarray) -> np.ndarray:
        return e / (q + 1)

    from_q = 0.5 * (rate(e0, q1) - rate(e0, q0) + rate(e1, q1) - rate(e1, q0))
    from_e = 0.5 * (rate(e1, q0) - rate(e0, q0) + rate(e1, q1) - rate(e0, q1))
    return ProfitRateChange(
        total=as_float_or_array(rate(e1, q1) - rate(e0, q0)),
        from_organic_composition=as_float_or_array(from_q),
        from_surplus_value=as_float_or_array(from_e),
    )


def sources_of_growth(summary: GrowthSummary) -> dict[str, float | np.ndarray]:
    """Group a growth account into more inputs, better inputs and TFP.

    "More inputs" (extensive growth, 粗放型增长) is the contribution of capital
    plus that of labour (hours or persons); "better inputs" is the
    contribution of human capital (labour quality); TFP is the residual. The
    three add up to output growth. Capital is counted as "more" even though
    new capital may embody better technology: growth accounting cannot tell
    the two apart.

    Parameters
    ----------
    summary : GrowthSummary
        From ``GrowthAccounting.summary`` (the aggregate view, with parts
        capital, labour, human capital and TFP).

    Returns
    -------
    dict
        ``{"more inputs", "better inputs", "TFP", "output growth"}``, % per year.

    Raises
    ------
    ValueError
        If ``summary`` does not have the parts of an aggregate growth account.

    Examples
    --------
    >>> from nqp_helpers.growth import constant_growth_economy, decompose
    >>> e = constant_growth_economy(11, 6.0, 1.0, 2.0, 0.4, human_capital_growth=1.0)
    >>> acc = decompose(e["output"], e["capital"], e["labor"], 0.4, human_capital=e["human_capital"])
    >>> {k: round(float(v), 2) for k, v in sources_of_growth(acc.summary()).items()}
    {'more inputs': 3.0, 'better inputs': 0.6, 'TFP': 2.0, 'output growth': 5.6}
    """
    parts = getattr(summary, "parts", None)
    need = ("capital", "labour", "human capital", "TFP")
    if not isinstance(parts, dict) or any(k not in parts for k in need):
        raise ValueError(
            _(
                "summary must be an aggregate GrowthSummary with parts capital, labour, human capital "
                "and TFP (use acc.summary(), not acc.per_worker().summary())"
            )
        )
    return {
        "more inputs": parts["capital"] + parts["labour"],
        "better inputs": parts["human capital"],
        "TFP": parts["TFP"],
        "output growth": summary.total,
    }


# --------------------------------------------------------------------------- #
# Comparing scenarios
# --------------------------------------------------------------------------- #
def as_scenarios(paths: object) -> dict[str, SolowPath]:
    """Validate scenarios: a non-empty dict of name -> single-scenario :class:`SolowPath`.

    Raises
    ------
    ValueError
        If ``paths`` is not such a dict (for example a stacked, many-scenario path).
    """
    if not isinstance(paths, dict) or not paths:
        raise ValueError(_("paths must be a non-empty dict of name -> SolowPath (see push_scenarios)"))
    for name, p in paths.items():
        if not isinstance(p, SolowPath) or p.output.ndim != 1:
            raise ValueError(
                _("paths[{name!r}] must be a single-scenario SolowPath; got {kind}").format(
                    name=name, kind=type(p).__name__
                )
            )
    return paths


@dataclass(frozen=True)
class ScenarioEnd:
    """Where a scenario stands at the end of a simulation, next to the baseline.

    Attributes
    ----------
    growth : float
        Average growth of output per worker over the last years, % per year.
    relative_level : float
        Output per worker in the last year, relative to the baseline's (baseline = 1).
    """

    growth: float
    relative_level: float


def compare_scenarios(paths: dict[str, SolowPath], last_years: int = 10) -> dict[str, ScenarioEnd]:
    """Growth at the end of each scenario and its level relative to the baseline.

    Parameters
    ----------
    paths : dict
        Name -> single-scenario :class:`SolowPath`, as from :func:`push_scenarios`;
        must contain ``"baseline"``.
    last_years : int
        Number of final annual growth rates averaged, >= 1.

    Returns
    -------
    dict
        Scenario name -> :class:`ScenarioEnd`, in the order of ``paths``.

    Raises
    ------
    ValueError
        If ``paths`` is not a dict of single-scenario paths with a baseline, or
        ``last_years`` is not a whole number of years within the simulation.

    Examples
    --------
    After 400 years only the innovation push grows faster than the baseline:

    >>> ends = compare_scenarios(push_scenarios(years=400))
    >>> {k: round(e.growth, 2) for k, e in ends.items()}
    {'baseline': 1.0, 'investment push': 1.0, 'labour push': 1.0, 'innovation push': 1.98}
    >>> round(ends["investment push"].relative_level, 2)
    1.22
    """
    paths = as_scenarios(paths)
    if "baseline" not in paths:
        raise ValueError(_("paths must contain a 'baseline' scenario to compare with"))
    shortest = min(p.years.size for p in paths.values()) - 1
    n = _as_count("last_years", last_years, 1)
    if n > shortest:
        raise ValueError(
            _("last_years must be at most the number of growth rates ({most}); got {value}").format(
                most=shortest, value=n
            )
        )
    base = paths["baseline"].output_per_worker[-1]
    return {
        name: ScenarioEnd(
            growth=float(p.output_per_worker_growth[-n:].mean()),
            relative_level=float(p.output_per_worker[-1] / base),
        )
        for name, p in paths.items()
    }
