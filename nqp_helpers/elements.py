r"""Marx's three elements of a labour process as a small model, his determinants of labour
productivity as an index, and the "fit" of an allocation of workers to tools.

**1. The labour process.** Each element :math:`i` -- workers (劳动者), means of labour
(劳动资料), objects of labour (劳动对象) -- has a quantity :math:`q_i` in natural units
(persons, machines, kg of material per day) and a quality :math:`a_i` (an index, 1 =
the baseline). Making one unit of product needs :math:`c_i` natural units of element
:math:`i` of baseline quality (the *requirements*), so

.. math:: x_i = a_i q_i / c_i

is the element's *capacity*: the units of product per day it could support if the
other elements were plentiful. Output :math:`Y` (units of product per day) combines
the capacities by one of three rules:

- fixed proportions (Leontief): :math:`Y = \min_i x_i = \min_i a_i q_i / c_i`;
- Cobb-Douglas: :math:`Y = \prod_i x_i^{w_i}` (constant returns when the weights sum to one);
- CES (Arrow, Chenery, Minhas and Solow 1961) with elasticity of substitution
  :math:`\sigma`: :math:`Y = (\sum_i w_i x_i^{\rho})^{1/\rho}`, :math:`\rho = (\sigma-1)/\sigma`,
  which tends to Cobb-Douglas as :math:`\sigma \to 1` and to fixed proportions as
  :math:`\sigma \to 0`. Both limits are computed exactly, not approximated.

With weights that sum to one every rule gives :math:`Y = x` when all capacities equal
:math:`x`: the rules agree on balanced combinations and differ only in how they treat
unbalanced ones, so switching rules changes the curvature, not the level.

A better instrument can also extend what each worker can do (the article: the means of
labour "extend the ... natural limbs" of the worker). :class:`LabourProcess` models this
with ``labour_extension`` :math:`\eta \in [0, 1]`: the workers' effective quality is
:math:`a_W a_M^{\eta}`. With :math:`\eta = 0` a machine twice as good is, in the model,
exactly two machines; with :math:`\eta = 1` it also doubles what each worker can do.

**2. Marx's determinants of labour productivity** (Capital, vol. 1, ch. 1): the workers'
average skill, science and its technological application, the social organisation of
production, the scale and efficiency of the means of production, and natural
conditions. As an index, :math:`P = \prod_j d_j^{e_j}`, so that
:math:`g_P = \sum_j e_j g_{d_j}` splits log growth additively (the logic of growth
accounting: :mod:`nqp_helpers.growth`).

**3. Fit.** Workers of skill :math:`s_i` use tools of quality :math:`t_j`; a pair makes
:math:`s_i t_j` units per day (complements: the production is supermodular). Which
worker gets which tool is an *allocation*; the same inputs give different output under
different allocations, and matching skill to tool quality gives the most
(the rearrangement inequality; Becker 1973).

The toy numbers (``TOY_*``) describe an illustrative workshop making chairs; they are
not data.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass

import numpy as np

from ._validate import as_numeric, as_scalar

__all__ = [
    "ELEMENTS",
    "ELEMENTS_ZH",
    "RULES",
    "TOY_REQUIREMENTS",
    "TOY_WEIGHTS",
    "TOY_QUANTITIES",
    "TOY_PRICES",
    "TOY_UNITS",
    "DETERMINANTS",
    "DETERMINANT_LABELS",
    "ELEMENT_STYLE",
    "RULE_STYLE",
    "leontief_output",
    "cobb_douglas_output",
    "ces_output",
    "combine",
    "marginal_products",
    "LabourProcess",
    "BestCombination",
    "determinant_elasticities",
    "productivity_index",
    "determinant_growth",
    "decompose_productivity",
    "DeterminantAccounting",
    "pair_output",
    "assignment_output",
    "matched_assignment",
    "mismatched_assignment",
    "random_assignments",
    "expected_random_output",
    "plot_output_along",
    "plot_determinants",
    "draw_combination",
    "make_combination_app",
    "draw_determinants",
    "make_determinants_app",
]

#: The three elements of the labour process, in the order used by every array here.
ELEMENTS = ("workers", "means of labour", "objects of labour")
#: Their Chinese names (劳动者, 劳动资料, 劳动对象).
ELEMENTS_ZH = ("劳动者", "劳动资料", "劳动对象")
#: Combination rules understood by :func:`combine` and :class:`LabourProcess`.
RULES = ("fixed proportions", "cobb-douglas", "ces")

#: Toy workshop: natural units of each element needed per chair (worker-days,
#: machine-days, kg of timber). Illustrative, not data.
TOY_REQUIREMENTS = (0.5, 0.25, 10.0)
#: Toy workshop: Cobb-Douglas / CES weights of workers, means and objects of labour.
TOY_WEIGHTS = (0.5, 0.3, 0.2)
#: Toy workshop: baseline quantities (workers, machines, kg of timber per day): each
#: element can support 20 chairs per day.
TOY_QUANTITIES = (10.0, 5.0, 200.0)
#: Toy workshop: prices (yuan per worker-day, yuan per machine-day, yuan per kg).
TOY_PRICES = (200.0, 150.0, 4.0)
#: Units of the toy workshop's quantities.
TOY_UNITS = ("persons", "machines", "kg of timber per day")

#: Marx's five determinants of labour productivity (short keys, in order).
DETERMINANTS = ("skill", "science", "organisation", "means of production", "nature")
#: Long names of the determinants, following the article's list.
DETERMINANT_LABELS = {
    "skill": "average skill of workers",
    "science": "science and its technological application",
    "organisation": "social organisation of production",
    "means of production": "scale and efficiency of the means of production",
    "nature": "natural conditions",
}

_RULE_ALIASES = {
    "fixed proportions": "fixed proportions",
    "fixed-proportions": "fixed proportions",
    "leontief": "fixed proportions",
    "cobb-douglas": "cobb-douglas",
    "cobb douglas": "cobb-douglas",
    "cd": "cobb-douglas",
    "ces": "ces",
}

#: Colour, hatch and line style of each element in figures (Okabe-Ito colours distinct from the rules
#: in RULE_STYLE; hatches and line styles for grey print).
ELEMENT_STYLE = {
    "workers": {"color": "#E69F00", "hatch": "//", "linestyle": "--"},
    "means of labour": {"color": "#CC79A7", "hatch": "", "linestyle": "-"},
    "objects of labour": {"color": "#56B4E9", "hatch": "..", "linestyle": "-."},
}
#: Line style of each combination rule in figures.
RULE_STYLE = {
    "fixed proportions": {"color": "#D55E00", "linestyle": "-", "label": "fixed proportions"},
    "cobb-douglas": {"color": "#0072B2", "linestyle": "--", "label": "Cobb-Douglas"},
    "ces": {"color": "#009E73", "linestyle": "-.", "label": "CES"},
}
_DETERMINANT_STYLE = {
    "skill": {"color": "#009E73", "hatch": ".."},
    "science": {"color": "#D55E00", "hatch": "xx"},
    "organisation": {"color": "#CC79A7", "hatch": "\\\\"},
    "means of production": {"color": "#0072B2", "hatch": ""},
    "nature": {"color": "#56B4E9", "hatch": "--"},
}


# ----------------------------------------------------------------------------- validation


def _where(arr, pos):
    return "" if arr.ndim == 0 else f" at position {pos[0] if len(pos) == 1 else tuple(int(p) for p in pos)}"


def _array(name, value, positive=False):
    """Finite float array; non-negative (or strictly positive) entries."""
    arr = as_numeric(name, value)
    bad = ~np.isfinite(arr)
    if bad.any():
        pos = tuple(np.argwhere(bad)[0]) if arr.ndim else ()
        raise ValueError(f"{name} must be finite; got {arr[pos]}{_where(arr, pos)}")
    bad = arr <= 0 if positive else arr < 0
    if bad.any():
        pos = tuple(np.argwhere(bad)[0]) if arr.ndim else ()
        rule = "strictly positive" if positive else "non-negative"
        raise ValueError(f"{name} must be {rule}; got {arr[pos]:g}{_where(arr, pos)}")
    return arr


def _inputs(name, value, n=None):
    """Capacities or quantities with the elements on the last axis."""
    arr = _array(name, value)
    if arr.ndim == 0:
        raise ValueError(f"{name} must have the elements on its last axis; got a scalar {float(arr):g}")
    if n is not None and arr.shape[-1] != n:
        raise ValueError(f"{name} must have {n} elements on its last axis; got shape {arr.shape}")
    return arr


def _weights(weights, n, sum_to_one=False, rule="CES"):
    if weights is None:
        raise ValueError(f"weights are needed for the {rule} rule; got None")
    w = _array("weights", weights, positive=True)
    if w.ndim != 1 or w.shape[0] != n:
        raise ValueError(
            f"weights must be a 1-D array with one weight per element ({n}); got shape {w.shape}"
        )
    if sum_to_one and abs(w.sum() - 1.0) > 1e-9:
        raise ValueError(f"weights must sum to 1 for the {rule} rule (constant returns); got sum {w.sum():g}")
    return w


def _rule(rule):
    key = str(rule).strip().lower() if isinstance(rule, str) else None
    if key not in _RULE_ALIASES:
        raise ValueError(f"rule must be one of {list(RULES)} (or 'leontief'); got {rule!r}")
    return _RULE_ALIASES[key]


def _sigma(sigma):
    if sigma is None:
        raise ValueError("sigma (the elasticity of substitution) is needed for the CES rule; got None")
    sigma = as_scalar("sigma", sigma, low=0, high=100)
    # Below 1e-12 CES differs from its limit min(x) by less than ln(1/w) * sigma ~ 1e-11 (relative),
    # while rho = (sigma - 1) / sigma would overflow: use the limit itself.
    return 0.0 if sigma < _SIGMA_ZERO else sigma


_SIGMA_ZERO = 1e-12


def _element(element):
    if isinstance(element, numbers.Integral) and not isinstance(element, bool) and 0 <= element < 3:
        return int(element)
    if isinstance(element, str) and element.strip().lower() in ELEMENTS:
        return ELEMENTS.index(element.strip().lower())
    raise ValueError(f"element must be one of {list(ELEMENTS)} or an index 0-2; got {element!r}")


# ----------------------------------------------------------------------------- combination rules


def leontief_output(effective):
    r"""Output under fixed proportions: the scarcest capacity binds.

    .. math:: Y = \min_i x_i

    Parameters
    ----------
    effective : array_like, shape (..., n)
        Capacities :math:`x_i = a_i q_i / c_i` of the n elements (units of product per
        day), non-negative; the elements are on the last axis.

    Returns
    -------
    ndarray, shape (...)
        Output, units of product per day.

    Raises
    ------
    ValueError
        If ``effective`` is a scalar, not numeric, not finite or negative.

    Examples
    --------
    >>> print(leontief_output([32.0, 20.0, 26.0]))
    20.0
    """
    x = _inputs("effective", effective)
    return x.min(axis=-1)


def cobb_douglas_output(effective, weights):
    r"""Output under Cobb-Douglas: :math:`Y = \prod_i x_i^{w_i}`.

    Parameters
    ----------
    effective : array_like, shape (..., n)
        Capacities (units of product per day), non-negative.
    weights : array_like, shape (n,)
        Strictly positive output elasticities :math:`w_i`. Their sum is the degree of
        returns to scale (1 = constant returns: doubling every element doubles output).

    Returns
    -------
    ndarray, shape (...)
        Output, units of product per day (0 if any capacity is 0).

    Raises
    ------
    ValueError
        If the inputs are invalid or the weights are not one positive number per element.

    Examples
    --------
    Doubling workers alone raises output by the factor :math:`2^{0.5}`:

    >>> y = cobb_douglas_output([[20.0, 20.0, 20.0], [40.0, 20.0, 20.0]], [0.5, 0.3, 0.2])
    >>> print(np.round(y, 3))
    [20.    28.284]
    """
    x = _inputs("effective", effective)
    w = _weights(weights, x.shape[-1], rule="Cobb-Douglas")
    with np.errstate(divide="ignore"):
        return np.exp((np.log(x) * w).sum(axis=-1))


def _ces_log(x, w, rho, sum_to_one):
    """ln of (sum w x^rho) for x > 0 where flagged, handling zeros and tiny |rho| accurately."""
    pos = x > 0
    logx = np.log(np.where(pos, x, 1.0))
    z = rho * logx
    if sum_to_one and abs(rho) < 1e-3:
        # sum w exp(z) = 1 + sum w expm1(z): accurate as rho -> 0 (the Cobb-Douglas limit).
        s = np.where(pos, np.expm1(z), -1.0)
        with np.errstate(divide="ignore"):
            return np.log1p((w * s).sum(axis=-1))
    zz = np.where(pos, z, -np.inf)
    m = zz.max(axis=-1, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)
    with np.errstate(divide="ignore"):
        return m[..., 0] + np.log((w * np.exp(zz - m)).sum(axis=-1))


def ces_output(effective, weights, sigma):
    r"""Output under CES with elasticity of substitution :math:`\sigma`.

    .. math:: Y = \Big(\sum_i w_i x_i^{\rho}\Big)^{1/\rho}, \qquad \rho = \frac{\sigma - 1}{\sigma}

    :math:`\sigma = 1` is Cobb-Douglas and :math:`\sigma = 0` fixed proportions (the
    limits are used exactly there, and for :math:`\sigma < 10^{-12}`, where the two differ
    by less than :math:`10^{-11}` relative); near the limits the formula is evaluated in
    logs (log-sum-exp, and ``expm1``/``log1p`` near :math:`\sigma = 1`), so it converges
    to them smoothly. For :math:`\sigma < 1` every element is essential (a zero capacity
    gives zero output); for :math:`\sigma > 1` none is.

    Parameters
    ----------
    effective : array_like, shape (..., n)
        Capacities (units of product per day), non-negative.
    weights : array_like, shape (n,)
        Strictly positive distribution weights that sum to one (constant returns).
    sigma : float
        Elasticity of substitution, in [0, 100].

    Returns
    -------
    ndarray, shape (...)
        Output, units of product per day.

    Raises
    ------
    ValueError
        If the inputs are invalid, the weights do not sum to one, or sigma is negative.

    Examples
    --------
    With :math:`\sigma = 0.5` (:math:`\rho = -1`) output is a weighted harmonic mean:

    >>> print(np.round(ces_output([40.0, 20.0, 20.0], [0.5, 0.3, 0.2], 0.5), 3))
    26.667
    >>> print(ces_output([40.0, 20.0, 20.0], [0.5, 0.3, 0.2], 0.0))
    20.0
    """
    x = _inputs("effective", effective)
    w = _weights(weights, x.shape[-1], sum_to_one=True)
    sigma = _sigma(sigma)
    if sigma == 0.0:
        return x.min(axis=-1)
    if sigma == 1.0:
        return cobb_douglas_output(x, w)
    rho = (sigma - 1.0) / sigma
    with np.errstate(over="ignore"):
        y = np.exp(_ces_log(x, w, rho, sum_to_one=True) / rho)
    if rho < 0:
        y = np.where((x > 0).all(axis=-1), y, 0.0)
    return y


def combine(effective, rule, weights=None, sigma=None):
    """Output from capacities under a named combination rule.

    Parameters
    ----------
    effective : array_like, shape (..., n)
        Capacities (units of product per day), non-negative.
    rule : {"fixed proportions", "cobb-douglas", "ces"}
        Combination rule ("leontief" is accepted for fixed proportions).
    weights : array_like, shape (n,), optional
        Needed for Cobb-Douglas and CES (see those functions).
    sigma : float, optional
        Elasticity of substitution, needed for CES.

    Returns
    -------
    ndarray, shape (...)
        Output, units of product per day.

    Raises
    ------
    ValueError
        For an unknown rule or missing or invalid parameters.

    Examples
    --------
    >>> x = [20.0, 20.0, 20.0]
    >>> [round(float(combine(x, r, [0.5, 0.3, 0.2], 0.5)), 9) for r in RULES]
    [20.0, 20.0, 20.0]
    """
    rule = _rule(rule)
    if rule == "fixed proportions":
        return leontief_output(effective)
    if rule == "cobb-douglas":
        return cobb_douglas_output(effective, weights)
    return ces_output(effective, weights, sigma)


def marginal_products(effective, rule, weights=None, sigma=None):
    r"""Extra output from one more unit of each capacity, :math:`\partial Y / \partial x_i`.

    Cobb-Douglas: :math:`w_i Y / x_i`; CES: :math:`w_i (Y / x_i)^{1/\sigma}`; fixed
    proportions: the effect of a small *increase* (right derivative), 1 for an element
    that is strictly the scarcest and 0 for every other (raising a non-binding element,
    or one of several tied scarcest ones, adds nothing).

    Parameters
    ----------
    effective : array_like, shape (..., n)
        Capacities (units of product per day), strictly positive.
    rule, weights, sigma
        As in :func:`combine`.

    Returns
    -------
    ndarray, shape (..., n)
        Units of product per unit of capacity (dimensionless).

    Raises
    ------
    ValueError
        As :func:`combine`, and if a capacity is zero.

    Examples
    --------
    >>> print(marginal_products([40.0, 20.0, 20.0], "cobb-douglas", [0.5, 0.3, 0.2]))
    [0.35355339 0.42426407 0.28284271]
    >>> print(marginal_products([32.0, 20.0, 26.0], "fixed proportions"))
    [0. 1. 0.]
    """
    rule = _rule(rule)
    x = _inputs("effective", effective)
    if (x <= 0).any():
        pos = tuple(np.argwhere(x <= 0)[0])
        raise ValueError(f"effective must be strictly positive for marginal products; got 0{_where(x, pos)}")
    n = x.shape[-1]
    if rule == "fixed proportions" or (rule == "ces" and _sigma(sigma) == 0.0):
        others = np.where(np.eye(n, dtype=bool), np.inf, x[..., None, :]).min(axis=-1)
        return (x < others).astype(float)
    y = combine(x, rule, weights, sigma)[..., None]
    if rule == "cobb-douglas":
        w = _weights(weights, n, rule="Cobb-Douglas")
        return w * y / x
    w = _weights(weights, n, sum_to_one=True)
    return w * (y / x) ** (1.0 / _sigma(sigma))


# ----------------------------------------------------------------------------- the labour process


@dataclass(frozen=True)
class BestCombination:
    """The output-maximising combination of the three elements for a budget.

    Attributes
    ----------
    quantities : ndarray, shape (3,)
        Workers, machines, kg of material per day (natural units).
    spending_shares : ndarray, shape (3,)
        Fraction of the budget spent on each element (sums to one).
    output : float
        Units of product per day.
    unit_cost : float
        Cost of one unit of product at the optimum (currency per unit): budget / output.
    """

    quantities: np.ndarray
    spending_shares: np.ndarray
    output: float
    unit_cost: float


@dataclass(frozen=True)
class LabourProcess:
    r"""A labour process: three elements with quantities and qualities, and a combination rule.

    Parameters
    ----------
    rule : {"fixed proportions", "cobb-douglas", "ces"}
        How the capacities combine (see the module docstring).
    sigma : float
        Elasticity of substitution for the CES rule, in [0, 100] (ignored by the others).
    weights : sequence of 3 float
        Weights of workers, means and objects of labour, strictly positive; they must
        sum to one for CES (for Cobb-Douglas their sum is the degree of returns to scale).
    requirements : sequence of 3 float
        Natural units of each element (of quality 1) needed per unit of product,
        strictly positive. Default: the toy workshop, 0.5 worker-days, 0.25
        machine-days and 10 kg of timber per chair.
    labour_extension : float
        :math:`\eta \in [0, 1]`: elasticity of the workers' effective quality with
        respect to the quality of the means of labour (0: a better machine is simply
        more machine; 1: it raises what each worker can do in proportion).

    Raises
    ------
    ValueError
        If any parameter breaks the rules above.

    Examples
    --------
    The toy workshop's baseline (10 workers, 5 machines, 200 kg of timber a day) is
    balanced: every element could support 20 chairs a day, so every rule gives 20.

    >>> shop = LabourProcess(rule="ces", sigma=0.5)
    >>> print(shop.effective_inputs(TOY_QUANTITIES))
    [20. 20. 20.]
    >>> print(np.round(shop.output([[10, 5, 200], [20, 5, 200]]), 3))
    [20.    26.667]
    """

    rule: str = "cobb-douglas"
    sigma: float = 0.5
    weights: tuple = TOY_WEIGHTS
    requirements: tuple = TOY_REQUIREMENTS
    labour_extension: float = 0.0

    def __post_init__(self):
        rule = _rule(self.rule)
        sigma = _sigma(self.sigma)
        w = _weights(self.weights, 3, sum_to_one=rule == "ces", rule="CES" if rule == "ces" else rule)
        c = _array("requirements", self.requirements, positive=True)
        if c.shape != (3,):
            raise ValueError(f"requirements must hold one number per element (3); got shape {c.shape}")
        eta = as_scalar("labour_extension", self.labour_extension, low=0, high=1)
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "sigma", sigma)
        object.__setattr__(self, "weights", tuple(float(v) for v in w))
        object.__setattr__(self, "requirements", tuple(float(v) for v in c))
        object.__setattr__(self, "labour_extension", eta)

    # -- inputs
    def _qualities(self, qualities):
        a = _array("qualities", qualities, positive=True)
        if a.ndim and a.shape[-1] != 3:
            raise ValueError(f"qualities must be a scalar or have 3 elements on its last axis; got {a.shape}")
        a = np.broadcast_to(a, a.shape[:-1] + (3,) if a.ndim else (3,)).copy()
        a[..., 0] = a[..., 0] * a[..., 1] ** self.labour_extension
        return a

    def effective_inputs(self, quantities, qualities=1.0):
        r"""Capacities :math:`x_i = \tilde a_i q_i / c_i` (units of product per day).

        Parameters
        ----------
        quantities : array_like, shape (..., 3)
            Workers, machines, kg of material per day; non-negative.
        qualities : float or array_like, shape (3,) or (..., 3)
            Quality indices (1 = baseline), strictly positive. The workers' effective
            quality is :math:`\tilde a_W = a_W a_M^{\eta}`.

        Returns
        -------
        ndarray, shape (..., 3)
        """
        q = _inputs("quantities", quantities, n=3)
        a = self._qualities(qualities)
        return q * a / np.asarray(self.requirements)

    def output(self, quantities, qualities=1.0):
        """Output in units of product per day, shape (...); see :meth:`effective_inputs`."""
        x = self.effective_inputs(quantities, qualities)
        return combine(x, self.rule, self.weights, self.sigma)

    def marginal_products(self, quantities, qualities=1.0):
        """Extra output from one more natural unit of each element, shape (..., 3).

        Units: units of product per day per worker, per machine and per kg of material
        a day. Quantities must be strictly positive. Under fixed proportions this is the
        effect of a small increase (see :func:`marginal_products`).
        """
        x = self.effective_inputs(quantities, qualities)
        a = self._qualities(qualities)
        return marginal_products(x, self.rule, self.weights, self.sigma) * a / np.asarray(self.requirements)

    def ceiling(self, quantities, qualities=1.0, element="workers"):
        r"""The limit of output as one element's quantity grows without bound.

        Under fixed proportions it is the smallest capacity of the other elements;
        under CES with :math:`\sigma < 1`, :math:`(\sum_{j \ne i} w_j x_j^{\rho})^{1/\rho}`;
        with :math:`\sigma \ge 1` and under Cobb-Douglas there is no ceiling (``inf``).

        Parameters
        ----------
        quantities, qualities
            As in :meth:`effective_inputs` (the chosen element's own quantity is ignored).
        element : str or int
            "workers", "means of labour", "objects of labour" or 0, 1, 2.

        Returns
        -------
        ndarray, shape (...)
            Units of product per day.
        """
        i = _element(element)
        x = self.effective_inputs(quantities, qualities)
        others = np.delete(x, i, axis=-1)
        if self.rule == "fixed proportions" or (self.rule == "ces" and self.sigma == 0.0):
            return others.min(axis=-1)
        if self.rule == "cobb-douglas" or self.sigma >= 1.0:
            return np.full(x.shape[:-1], np.inf)
        rho = (self.sigma - 1.0) / self.sigma
        w = np.delete(np.asarray(self.weights), i)
        y = np.exp(_ces_log(others, w, rho, sum_to_one=False) / rho)
        return np.where((others > 0).all(axis=-1), y, 0.0)

    # -- budget
    def _prices(self, prices, qualities):
        p = _array("prices", prices, positive=True)
        if p.shape != (3,):
            raise ValueError(f"prices must hold one price per element (3); got shape {p.shape}")
        a = self._qualities(qualities)
        if a.shape != (3,):
            raise ValueError(f"qualities must be a scalar or of shape (3,) here; got shape {a.shape}")
        return p, p * np.asarray(self.requirements) / a

    def output_for_spending(self, spending_shares, budget, prices, qualities=1.0):
        """Output when a budget is split among the elements in the given shares.

        Parameters
        ----------
        spending_shares : array_like, shape (..., 3)
            Fractions of the budget spent on each element (non-negative; each row sums to 1).
        budget : float
            Currency per day, > 0.
        prices : array_like, shape (3,)
            Price of one natural unit of each element (currency per worker-day,
            per machine-day, per kg), > 0.
        qualities : float or array_like, shape (3,)
            Quality indices.

        Returns
        -------
        ndarray, shape (...)
            Units of product per day.
        """
        s = _inputs("spending_shares", spending_shares, n=3)
        if (np.abs(s.sum(axis=-1) - 1.0) > 1e-9).any():
            raise ValueError("spending_shares must sum to 1 along the last axis")
        budget = as_scalar("budget", budget, low=0, low_open=True)
        p, _ = self._prices(prices, qualities)
        return self.output(s * budget / p, qualities)

    def best_combination(self, budget, prices, qualities=1.0):
        r"""The analytic output-maximising combination for a budget.

        With :math:`\pi_i = p_i c_i / \tilde a_i` the cost of one unit of capacity of
        element :math:`i`, the optimal spending shares are

        - fixed proportions: :math:`\pi_i / \sum_j \pi_j` (all capacities equal);
        - Cobb-Douglas: :math:`w_i / \sum_j w_j` (independent of prices);
        - CES: :math:`w_i^{\sigma} \pi_i^{1-\sigma} / \sum_j w_j^{\sigma} \pi_j^{1-\sigma}`,

        from the first-order conditions :math:`\partial Y / \partial x_i \propto \pi_i`.

        Parameters
        ----------
        budget : float
            Currency per day, > 0.
        prices : array_like, shape (3,)
            Currency per natural unit of each element, > 0.
        qualities : float or array_like, shape (3,)
            Quality indices.

        Returns
        -------
        BestCombination

        Examples
        --------
        >>> best = LabourProcess().best_combination(3550, TOY_PRICES)
        >>> print(best.quantities, round(best.output, 2))
        [  8.875   7.1   177.5  ] 20.44
        """
        budget = as_scalar("budget", budget, low=0, low_open=True)
        p, pi = self._prices(prices, qualities)
        w = np.asarray(self.weights)
        if self.rule == "fixed proportions" or (self.rule == "ces" and self.sigma == 0.0):
            shares = pi / pi.sum()
        elif self.rule == "cobb-douglas" or self.sigma == 1.0:
            shares = w / w.sum()
        else:
            k = self.sigma * np.log(w) + (1.0 - self.sigma) * np.log(pi)
            k = np.exp(k - k.max())
            shares = k / k.sum()
        q = shares * budget / p
        y = float(self.output(q, qualities))
        return BestCombination(quantities=q, spending_shares=shares, output=y, unit_cost=budget / y)

    def best_combination_on_grid(self, budget, prices, qualities=1.0, points=201):
        """The best combination found by trying every split of the budget on a grid.

        The spending shares run over the simplex in steps of ``1 / (points - 1)``; this
        is the brute-force check of :meth:`best_combination`.

        Parameters
        ----------
        budget, prices, qualities
            As in :meth:`best_combination`.
        points : int
            Grid points per share, in [3, 2001].

        Returns
        -------
        BestCombination
        """
        n = as_scalar("points", points, low=3, high=2001)
        if n != int(n):
            raise ValueError(f"points must be a whole number; got {points}")
        steps = int(n) - 1
        i, j = np.meshgrid(np.arange(steps + 1), np.arange(steps + 1), indexing="ij")
        keep = i + j <= steps
        shares = np.stack([i[keep], j[keep], steps - i[keep] - j[keep]], axis=-1) / steps
        y = self.output_for_spending(shares, budget, prices, qualities)
        best = int(np.argmax(y))
        p, _ = self._prices(prices, qualities)
        budget = float(budget)
        return BestCombination(
            quantities=shares[best] * budget / p,
            spending_shares=shares[best],
            output=float(y[best]),
            unit_cost=budget / float(y[best]),
        )


# ----------------------------------------------------------------------------- Marx's determinants


def determinant_elasticities(capital_share=0.4):
    r"""Elasticities of labour productivity with respect to Marx's five determinants.

    Read through a Cobb-Douglas production function
    :math:`Y = A K^{\alpha} (hL)^{1-\alpha}`, output per worker is
    :math:`Y/L = A (K/L)^{\alpha} h^{1-\alpha}`. Skill is measured by human capital per
    worker :math:`h` (elasticity :math:`1-\alpha`), the scale of the means of
    production by capital per worker :math:`K/L` (elasticity :math:`\alpha`), and
    science, organisation and nature are measured by their own effect on
    productivity (elasticity 1 each): together they make up :math:`A`, TFP.

    Parameters
    ----------
    capital_share : float
        :math:`\alpha` in [0, 1].

    Returns
    -------
    ndarray, shape (5,)
        In the order of :data:`DETERMINANTS`.

    Examples
    --------
    >>> print(determinant_elasticities(0.4))
    [0.6 1.  1.  0.4 1. ]
    """
    a = as_scalar("capital_share", capital_share, low=0, high=1)
    return np.array([1.0 - a, 1.0, 1.0, a, 1.0])


def _elasticities(elasticities, capital_share, n):
    if elasticities is None:
        if n != 5:
            raise ValueError(f"default elasticities need the 5 determinants; got {n} (give elasticities)")
        return determinant_elasticities(capital_share)
    e = as_numeric("elasticities", elasticities)
    if e.ndim != 1 or e.shape[0] != n or not np.isfinite(e).all():
        raise ValueError(
            f"elasticities must be {n} finite numbers, one per determinant; got {elasticities!r}"
        )
    return e


def productivity_index(levels, elasticities=None, capital_share=0.4):
    r"""Labour productivity as a multiplicative index, :math:`P = \prod_j d_j^{e_j}`.

    Parameters
    ----------
    levels : array_like, shape (..., J)
        Level of each determinant (indices, strictly positive), determinants on the last axis.
    elasticities : array_like, shape (J,), optional
        :math:`e_j`; default :func:`determinant_elasticities` (needs J = 5).
    capital_share : float
        Used only for the default elasticities.

    Returns
    -------
    ndarray, shape (...)
        The index (1 when every determinant is 1).

    Raises
    ------
    ValueError
        If a level is not strictly positive or the elasticities do not match.

    Examples
    --------
    >>> print(np.round(productivity_index([1.0, 1.0, 1.0, 2.0, 1.0], capital_share=0.5), 4))
    1.4142
    """
    d = _array("levels", levels, positive=True)
    if d.ndim == 0:
        raise ValueError("levels must have the determinants on its last axis; got a scalar")
    e = _elasticities(elasticities, capital_share, d.shape[-1])
    return np.exp((np.log(d) * e).sum(axis=-1))


def determinant_growth(levels):
    """Growth of each determinant, % per year (100 x log difference), from level paths.

    Parameters
    ----------
    levels : array_like, shape (T, J)
        One row per year (consecutive years), one column per determinant; strictly positive.

    Returns
    -------
    ndarray, shape (T-1, J)

    Examples
    --------
    >>> print(np.round(determinant_growth([[1.0, 1.0], [np.exp(0.02), 1.0]]), 6))
    [[2. 0.]]
    """
    d = _array("levels", levels, positive=True)
    if d.ndim != 2 or d.shape[0] < 2:
        raise ValueError(f"levels must have shape (T, J) with T >= 2 years; got shape {d.shape}")
    return 100.0 * np.diff(np.log(d), axis=0)


@dataclass(frozen=True)
class DeterminantAccounting:
    """Growth of labour productivity split into the contributions of its determinants.

    Attributes
    ----------
    names : tuple of str
        Determinants, in order.
    growth : ndarray, shape (..., J)
        Growth of each determinant, % per year.
    elasticities : ndarray, shape (J,)
    contributions : ndarray, shape (..., J)
        :math:`e_j g_j`, % per year.
    total : ndarray, shape (...)
        Growth of labour productivity, % per year: the sum of the contributions.
    """

    names: tuple
    growth: np.ndarray
    elasticities: np.ndarray
    contributions: np.ndarray
    total: np.ndarray

    def part(self, names):
        """Sum of the contributions of the named determinants (% per year)."""
        names = [names] if isinstance(names, str) else list(names)
        unknown = [n for n in names if n not in self.names]
        if unknown:
            raise ValueError(f"unknown determinant(s) {unknown}; the determinants are {list(self.names)}")
        idx = [self.names.index(n) for n in names]
        return self.contributions[..., idx].sum(axis=-1)

    @property
    def tfp(self):
        """The part growth accounting measures as TFP: science + organisation + nature."""
        return self.part(("science", "organisation", "nature"))


def decompose_productivity(growth, elasticities=None, capital_share=0.4, names=DETERMINANTS):
    r"""Split productivity growth into additive contributions, :math:`g_P = \sum_j e_j g_j`.

    Taking logs of :math:`P = \prod_j d_j^{e_j}` and differencing gives the split
    exactly (no approximation in log differences).

    Parameters
    ----------
    growth : array_like, shape (..., J)
        Growth of each determinant, % per year (log difference x 100).
    elasticities : array_like, shape (J,), optional
        Default :func:`determinant_elasticities` (needs J = 5).
    capital_share : float
        Used only for the default elasticities.
    names : sequence of str, length J
        Names of the determinants.

    Returns
    -------
    DeterminantAccounting

    Raises
    ------
    ValueError
        If growth is not finite or the lengths do not match.

    Examples
    --------
    >>> acc = decompose_productivity([1.0, 2.0, 0.5, 5.0, -0.5], capital_share=0.4)
    >>> print(np.round(acc.contributions, 2), round(float(acc.total), 2), round(float(acc.tfp), 2))
    [ 0.6  2.   0.5  2.  -0.5] 4.6 2.0
    """
    g = as_numeric("growth", growth)
    if g.ndim == 0:
        raise ValueError("growth must have the determinants on its last axis; got a scalar")
    if not np.isfinite(g).all():
        pos = tuple(np.argwhere(~np.isfinite(g))[0])
        raise ValueError(f"growth must be finite; got {g[pos]}{_where(g, pos)}")
    names = tuple(str(n) for n in names)
    if len(names) != g.shape[-1]:
        raise ValueError(f"names must have one entry per determinant ({g.shape[-1]}); got {len(names)}")
    e = _elasticities(elasticities, capital_share, g.shape[-1])
    c = g * e
    return DeterminantAccounting(names=names, growth=g, elasticities=e, contributions=c, total=c.sum(axis=-1))


# ----------------------------------------------------------------------------- fit: workers and tools


def _skills_tools(skills, tools):
    s = _array("skills", skills, positive=True)
    t = _array("tools", tools, positive=True)
    if s.ndim != 1 or t.ndim != 1 or s.shape != t.shape or s.size < 2:
        raise ValueError(
            "skills and tools must be 1-D of the same length (at least 2); "
            f"got shapes {s.shape} and {t.shape}"
        )
    return s, t


def _technology(technology):
    if technology not in ("complements", "substitutes"):
        raise ValueError(f"technology must be 'complements' or 'substitutes'; got {technology!r}")
    return technology


def pair_output(skills, tools, technology="complements"):
    """Output of workers paired with tools, units of product per day for each pair.

    Parameters
    ----------
    skills : array_like
        Skill indices :math:`s_i` (1 = baseline), strictly positive.
    tools : array_like
        Tool qualities :math:`t_j`: units of product per day a worker of skill 1 makes
        with the tool; strictly positive; broadcast against ``skills``.
    technology : {"complements", "substitutes"}
        ``s * t`` (skill and tool quality reinforce each other: supermodular) or
        ``s + t`` (they simply add up: no gain from matching).

    Returns
    -------
    ndarray

    Examples
    --------
    >>> print(pair_output([1.0, 2.0], [3.0, 4.0]))
    [3. 8.]
    """
    s = _array("skills", skills, positive=True)
    t = _array("tools", tools, positive=True)
    return s * t if _technology(technology) == "complements" else s + t


def assignment_output(skills, tools, assignment=None, technology="complements"):
    """Total output when worker i uses tool ``assignment[i]``.

    Parameters
    ----------
    skills, tools : array_like, shape (n,)
        As in :func:`pair_output`; the same inputs whatever the assignment.
    assignment : array_like of int, shape (..., n), optional
        Each row a permutation of 0..n-1 (every worker gets a different tool). Default:
        worker i uses tool i.
    technology : {"complements", "substitutes"}

    Returns
    -------
    ndarray, shape (...)
        Units of product per day.

    Raises
    ------
    ValueError
        If an assignment row is not a permutation, or the inputs are invalid.

    Examples
    --------
    >>> s, t = [1.0, 2.0, 3.0], [1.0, 2.0, 4.0]
    >>> print(assignment_output(s, t, [[0, 1, 2], [2, 1, 0]]))
    [17. 11.]
    """
    s, t = _skills_tools(skills, tools)
    n = s.size
    if assignment is None:
        a = np.arange(n)
    else:
        raw = np.asarray(assignment)
        if raw.dtype.kind not in "iu" or raw.ndim == 0 or raw.shape[-1] != n:
            raise ValueError(
                f"assignment must be integers with {n} entries on the last axis; got {raw!r:.60}"
            )
        a = raw
        ok = (np.sort(a, axis=-1) == np.arange(n)).all(axis=-1)
        if not np.all(ok):
            row = np.argwhere(~np.atleast_1d(ok))[0]
            raise ValueError(
                f"assignment must give each worker a different tool: row {tuple(int(r) for r in row)} "
                f"is not a permutation of 0..{n - 1}"
            )
    return pair_output(s, t[a], technology).sum(axis=-1)


def matched_assignment(skills, tools):
    """Positive assortative matching: the k-th most skilled worker gets the k-th best tool.

    With complementary skill and tool quality this maximises total output (the
    rearrangement inequality: for sorted sequences, the sum of products is largest
    when both are sorted the same way).

    Parameters
    ----------
    skills, tools : array_like, shape (n,)

    Returns
    -------
    ndarray of int, shape (n,)

    Examples
    --------
    >>> print(matched_assignment([3.0, 1.0, 2.0], [1.0, 4.0, 2.0]))
    [1 0 2]
    """
    s, t = _skills_tools(skills, tools)
    a = np.empty(s.size, dtype=int)
    a[np.argsort(s, kind="stable")] = np.argsort(t, kind="stable")
    return a


def mismatched_assignment(skills, tools):
    """Negative assortative matching: the most skilled worker gets the worst tool.

    With complementary skill and tool quality this gives the least output.

    Examples
    --------
    >>> print(mismatched_assignment([3.0, 1.0, 2.0], [1.0, 4.0, 2.0]))
    [0 1 2]
    """
    s, t = _skills_tools(skills, tools)
    a = np.empty(s.size, dtype=int)
    a[np.argsort(s, kind="stable")] = np.argsort(t, kind="stable")[::-1]
    return a


def random_assignments(n, draws, rng):
    """Skill-blind assignments: ``draws`` random permutations of n tools to n workers.

    Parameters
    ----------
    n : int
        Number of workers (and tools), >= 2.
    draws : int
        Number of assignments, >= 1.
    rng : numpy.random.Generator

    Returns
    -------
    ndarray of int, shape (draws, n)

    Examples
    --------
    >>> a = random_assignments(4, 3, np.random.default_rng(0))
    >>> print(a.shape, bool((np.sort(a, axis=1) == np.arange(4)).all()))
    (3, 4) True
    """
    n_ = as_scalar("n", n, low=2, high=10_000)
    d_ = as_scalar("draws", draws, low=1, high=1_000_000)
    if n_ != int(n_) or d_ != int(d_):
        raise ValueError(f"n and draws must be whole numbers; got n={n}, draws={draws}")
    if not isinstance(rng, np.random.Generator):
        raise ValueError(f"rng must be a numpy.random.Generator (np.random.default_rng(seed)); got {rng!r}")
    base = np.broadcast_to(np.arange(int(n_)), (int(d_), int(n_)))
    return rng.permuted(base, axis=1)


def expected_random_output(skills, tools, technology="complements"):
    r"""Expected total output when tools are assigned to workers at random.

    Complements: each worker meets each tool with probability :math:`1/n`, so
    :math:`E[Y] = \sum_i s_i \bar t = n \bar s \bar t`. Substitutes:
    :math:`\sum_i s_i + \sum_j t_j` for every assignment.

    Examples
    --------
    >>> print(expected_random_output([1.0, 2.0, 3.0, 4.0], [1.0, 1.5, 2.0, 4.0]))
    21.25
    """
    s, t = _skills_tools(skills, tools)
    if _technology(technology) == "complements":
        return float(s.size * s.mean() * t.mean())
    return float(s.sum() + t.sum())


# ----------------------------------------------------------------------------- figures and widgets


def plot_output_along(
    process,
    quantities,
    qualities=1.0,
    element="workers",
    upto=None,
    ax=None,
    points=201,
    label=None,
    show_capacities=False,
    show_ceiling=False,
    **line_kw,
):
    """Output as one element's quantity varies, the others fixed (a line on ``ax``).

    Parameters
    ----------
    process : LabourProcess
    quantities : array_like, shape (3,)
        The quantities of the other elements (the varied element's own entry is ignored).
    qualities : float or array_like, shape (3,)
    element : str or int
        The element on the horizontal axis.
    upto : float, optional
        Largest quantity shown (default: 4 times the given one).
    ax : matplotlib Axes, optional
    points : int
        Number of points on the curve.
    label : str, optional
        Legend label (default: the rule's name).
    show_capacities : bool
        Also draw each element's capacity along the same axis: a ray for the varied
        element (its capacity grows with its quantity), flat lines for the others.
        Under fixed proportions output is the lowest of them.
    show_ceiling : bool
        Draw the ceiling set by the other elements (:meth:`LabourProcess.ceiling`) as a
        dotted line in the curve's colour when it is finite.
    **line_kw
        Passed to ``ax.plot`` for the output curve (colour, line style).

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        If ``process`` is not a LabourProcess or the quantities are not three numbers.
    """
    import matplotlib.pyplot as plt

    if not isinstance(process, LabourProcess):
        raise ValueError(f"process must be a LabourProcess; got {process!r}")
    i = _element(element)
    q0 = _inputs("quantities", quantities, n=3)
    if q0.shape != (3,):
        raise ValueError(f"quantities must have shape (3,) here; got {q0.shape}")
    top = 4.0 * q0[i] if upto is None else as_scalar("upto", upto, low=0, low_open=True)
    if ax is None:
        _, ax = plt.subplots()
    grid = np.linspace(0.0, top, int(points))
    q = np.repeat(q0[None, :], grid.size, axis=0)
    q[:, i] = grid
    style = {k: v for k, v in RULE_STYLE[process.rule].items() if k != "label"}
    style.update(line_kw)
    ax.plot(grid, process.output(q, qualities), label=label or RULE_STYLE[process.rule]["label"], **style)
    if show_capacities:
        x = process.effective_inputs(q[[0, -1]], qualities)
        for k, name in enumerate(ELEMENTS):
            st = ELEMENT_STYLE[name]
            ax.plot(
                grid[[0, -1]],
                x[:, k],
                color=st["color"],
                linestyle=st["linestyle"],
                linewidth=1.0,
                label=f"capacity of {name}",
            )
    if show_ceiling:
        cap = float(process.ceiling(q0, qualities, element=i))
        if np.isfinite(cap):
            ax.axhline(cap, color=style.get("color", "grey"), linestyle=":", linewidth=1.2)
    ax.set_xlabel(f"{ELEMENTS[i]} ({TOY_UNITS[i]})")
    ax.set_ylabel("output (chairs per day)")
    return ax


def plot_determinants(accounting, ax=None, labels=None):
    """Bars of each determinant's contribution and a diamond at total productivity growth.

    Parameters
    ----------
    accounting : DeterminantAccounting
        A single economy (1-D contributions).
    ax : matplotlib Axes, optional
    labels : sequence of str, optional
        Tick labels (default: the determinant names, wrapped).

    Returns
    -------
    matplotlib Axes
    """
    import matplotlib.pyplot as plt

    if not isinstance(accounting, DeterminantAccounting) or np.ndim(accounting.total) != 0:
        raise ValueError("accounting must be a DeterminantAccounting of one economy (1-D contributions)")
    if ax is None:
        _, ax = plt.subplots()
    names = accounting.names
    pos = np.arange(len(names) + 1)
    for k, name in enumerate(names):
        st = _DETERMINANT_STYLE.get(name, {"color": "grey", "hatch": ""})
        ax.bar(
            pos[k],
            accounting.contributions[k],
            width=0.6,
            color=st["color"],
            hatch=st["hatch"],
            edgecolor="white",
            linewidth=0.5,
        )
    ax.bar(pos[-1], float(accounting.total), width=0.6, color="white", edgecolor="black", linewidth=1.2)
    ax.plot(pos[-1], float(accounting.total), "D", color="black")
    ax.axhline(0, color="black", linewidth=0.8)
    ticks = list(labels) if labels is not None else [n.replace(" ", "\n", 1) for n in names]
    ax.set_xticks(pos, ticks + ["labour\nproductivity"])
    ax.set_ylabel("contribution to growth (% per year)")
    ax.grid(axis="x", visible=False)
    return ax


def draw_combination(
    ax,
    rule="cobb-douglas",
    sigma=0.5,
    workers=10.0,
    machines=5.0,
    timber=200.0,
    tool_quality=1.0,
    labour_extension=0.0,
):
    """Draw the combination widget: output against the number of workers, with capacities.

    Parameters
    ----------
    ax : matplotlib Axes
    rule : str
        Combination rule.
    sigma : float
        Elasticity of substitution (used by CES only).
    workers, machines, timber : float
        Quantities: persons, machines, kg of timber per day (strictly positive).
    tool_quality : float
        Quality index of the machines (1 = baseline).
    labour_extension : float
        :math:`\\eta` in [0, 1].

    Returns
    -------
    str
        One line of HTML: output, the scarcest element, the marginal product of a worker.
    """
    process = LabourProcess(rule=rule, sigma=sigma, labour_extension=labour_extension)
    q = np.array([workers, machines, timber], dtype=float)
    a = np.array([1.0, tool_quality, 1.0])
    plot_output_along(
        LabourProcess(rule=rule, sigma=sigma),
        TOY_QUANTITIES,
        1.0,
        upto=40.0,
        ax=ax,
        points=81,
        color="grey",
        linestyle=":",
        linewidth=1.5,
        label="baseline (5 machines, 200 kg)",
    )
    plot_output_along(
        process,
        q,
        a,
        upto=40.0,
        ax=ax,
        points=81,
        label="output",
        show_capacities=True,
        color="black",
        linestyle="-",
        linewidth=2.5,
    )
    y = float(process.output(q, a))
    ax.plot([workers], [y], "o", color="black", label="current combination")
    # Fixed limits and few ticks: the picture does not jump, and it redraws faster. Lines are
    # labelled at their right ends (a legend would double the redraw time).
    x = process.effective_inputs(q, a)
    top = 80.0 if max(y, float(x[1:].max())) <= 80 else 160.0
    ends = [line.get_ydata()[-1] for line in ax.get_lines()[:6]]
    names = [
        "baseline output",
        "output",
        "capacity: workers",
        "capacity: means of labour",
        "capacity: objects of labour",
    ]
    _label_ends(ax, 40.0, ends[:5], names, top, colors=[ln.get_color() for ln in ax.get_lines()[:5]])
    ax.set_ylim(0, top)
    ax.set_yticks(np.linspace(0, top, 5))
    ax.set_xlim(0, 40)
    ax.set_xticks([0, 10, 20, 30, 40])
    if process.rule == "fixed proportions":
        idle = q - y * np.asarray(process.requirements) / process._qualities(a)
        parts = [
            f"{v:.1f} {unit.split(' per day')[0]}"
            for v, unit in zip(idle, TOY_UNITS, strict=True)
            if v > 1e-9 * max(1.0, abs(v))
        ]
        extra = f"idle: <b>{', '.join(parts)}</b>" if parts else "nothing lies idle"
    else:
        extra = (
            f"timber per chair <b>{timber / y:.1f} kg</b> "
            f"(the baseline technique needs {TOY_REQUIREMENTS[2]:g} kg)"
        )
    return f"output <b>{y:.1f} chairs per day</b>; {_scarcity(process, q, a)}; {extra}"


def _label_ends(ax, x, ys, names, top, colors):
    """Write names just right of x at heights ys, pushed apart so that they do not overlap."""
    ys = np.minimum(np.asarray(ys, dtype=float), 0.98 * top)
    order = np.argsort(ys, kind="stable")
    gap = 0.065 * top
    placed = np.empty_like(ys)
    last = -np.inf
    for k in order:
        placed[k] = max(ys[k], last + gap)
        last = placed[k]
    shift = max(0.0, last - 0.98 * top)
    for k in range(len(ys)):
        ax.text(
            x * 1.02, placed[k] - shift, names[k], color=colors[k], fontsize=9, va="center", clip_on=False
        )


def _scarcity(process, q, a):
    """Describe the binding element(s) and the marginal product of a worker, in words."""
    x = process.effective_inputs(q, a)
    low = np.isclose(x, x.min(), rtol=1e-9, atol=0)
    names = [ELEMENTS[k] for k in np.flatnonzero(low)]
    if len(names) == 3:
        scarce = "none: the three elements are balanced"
    elif len(names) == 2:
        scarce = f"{names[0]} and {names[1]} (tied)"
    else:
        scarce = names[0]
    mp = float(process.marginal_products(q, a)[0])
    used = "" if process.rule == "ces" else " (σ is used only by the CES rule)"
    return f"scarcest element: <b>{scarce}</b>; one more worker adds <b>{mp:.2f} chairs per day</b>{used}"


def make_combination_app(
    rule="cobb-douglas",
    sigma=0.5,
    workers=10.0,
    machines=5.0,
    timber=200.0,
    tool_quality=1.0,
    labour_extension=0.0,
):
    """Widget: choose the combination rule, the elasticity, the quantities and the tool quality.

    Parameters
    ----------
    rule, sigma, workers, machines, timber, tool_quality, labour_extension
        Starting values (see :func:`draw_combination`).

    Returns
    -------
    FigureApp
    """
    import ipywidgets as w

    from .lessons.widgets import FigureApp, slider

    rule = _rule(rule)
    controls = {
        "rule": w.Dropdown(
            options=[
                ("fixed proportions (Leontief)", "fixed proportions"),
                ("Cobb-Douglas", "cobb-douglas"),
                ("CES", "ces"),
            ],
            value=rule,
            description="combination rule",
            style={"description_width": "initial"},
        ),
        "sigma": slider("elasticity of substitution σ (CES only)", sigma, 0.05, 3.0, 0.05),
        "workers": slider("workers (persons)", workers, 1, 40, 1, readout_format=".0f"),
        "machines": slider("machines (number)", machines, 1, 20, 0.5, readout_format=".1f"),
        "timber": slider("timber (kg per day)", timber, 20, 600, 10, readout_format=".0f"),
        "tool_quality": slider("quality of machines (index, 1 = baseline)", tool_quality, 0.5, 3.0, 0.1),
        "labour_extension": slider(
            "η: better machines extend workers (0 to 1)", labour_extension, 0.0, 1.0, 0.1
        ),
    }
    return FigureApp(
        draw_combination, controls, figsize=(8.6, 3.6), margins={"left": 0.085, "right": 0.74, "bottom": 0.15}
    )


def draw_determinants(
    ax, skill=1.0, science=2.0, organisation=0.5, means_of_production=5.0, nature=-0.5, capital_share=0.4
):
    """Draw the determinants widget: contributions of Marx's five determinants.

    Parameters
    ----------
    ax : matplotlib Axes
    skill, science, organisation, means_of_production, nature : float
        Growth of each determinant, % per year (skill: human capital per worker;
        means of production: capital per worker; the others: their effect on productivity).
    capital_share : float
        :math:`\\alpha` in [0, 1].

    Returns
    -------
    str
        One line of HTML: productivity growth and the part growth accounting calls TFP.
    """
    acc = decompose_productivity(
        [skill, science, organisation, means_of_production, nature], capital_share=capital_share
    )
    plot_determinants(acc, ax=ax)
    low = min(-4.0, 2.0 * np.floor(min(0.0, acc.contributions.min(), float(acc.total)) / 2.0))
    high = max(12.0, 2.0 * np.ceil(max(acc.contributions.max(), float(acc.total)) / 2.0))
    ax.set_ylim(low, high)
    ax.set_yticks(np.arange(low, high + 1e-9, 4.0 if high - low <= 24 else 8.0))
    total, tfp = float(acc.total), float(acc.tfp)
    years = 0.0 if total == 0 else 100.0 * np.log(2.0) / total
    double = f"doubles in <b>{years:.0f} years</b>" if total > 0 else "does not double"
    return (
        f"labour productivity grows <b>{total:.2f} % per year</b> and {double}; "
        f"growth accounting would call <b>{tfp:.2f}</b> of it TFP (science + organisation + nature)"
    )


def make_determinants_app(
    skill=1.0, science=2.0, organisation=0.5, means_of_production=5.0, nature=-0.5, capital_share=0.4
):
    """Widget: a growth slider per determinant and the capital share; bars of contributions.

    Returns
    -------
    FigureApp
    """
    from .lessons.widgets import FigureApp, slider

    controls = {
        "skill": slider("average skill of workers (% per year)", skill, -2, 6, 0.1),
        "science": slider("science and technology (% per year)", science, -2, 6, 0.1),
        "organisation": slider("social organisation (% per year)", organisation, -2, 6, 0.1),
        "means_of_production": slider(
            "means of production per worker (% per year)", means_of_production, -2, 12, 0.25
        ),
        "nature": slider("natural conditions (% per year)", nature, -3, 3, 0.1),
        "capital_share": slider("capital share α", capital_share, 0.05, 0.95, 0.05),
    }
    return FigureApp(
        draw_determinants, controls, figsize=(8.0, 3.6), margins={"left": 0.1, "right": 0.98, "bottom": 0.2}
    )
