r"""Marx's three elements of a labour process as a small model, his determinants of labour
productivity as an index, and the "fit" of an allocation of workers to tools.

**1. The labour process.** Each element :math:`i` -- workers (劳动者), means of labour
(劳动资料), objects of labour (劳动对象) -- has a quantity :math:`q_i` in natural units
(persons, machines, kg of material per day) and a quality :math:`a_i` (an index, 1 =
the baseline). The first element is labour performed, counted in worker-days (persons each
working one day), with the workers' skill as its quality: Marx's first simple element of the
labour process is purposeful activity, work itself (Capital, vol. 1, ch. 7), while the Chinese
textbook list that the article follows names the workers; the model fits both readings.
Making one unit of product needs :math:`c_i` natural units of element
:math:`i` of baseline quality (the *requirements*), so

.. math:: x_i = a_i q_i / c_i

is the element's *capacity*: the units of product per day it could support if the
other elements were plentiful. Output :math:`Y` (units of product per day) combines
the capacities by one of three rules, the production functions of
:mod:`nqp_helpers.production`:

- fixed proportions (Leontief): :math:`Y = \min_i x_i = \min_i a_i q_i / c_i`;
- Cobb-Douglas: :math:`Y = \prod_i x_i^{w_i}` (constant returns when the weights sum to one);
- CES (Arrow, Chenery, Minhas and Solow 1961) with elasticity of substitution
  :math:`\sigma`: :math:`Y = (\sum_i w_i x_i^{\rho})^{1/\rho}`, :math:`\rho = (\sigma-1)/\sigma`,
  which tends to Cobb-Douglas as :math:`\sigma \to 1` and to fixed proportions as
  :math:`\sigma \to 0`. Both limits are computed exactly, not approximated.

With weights that sum to one every rule gives :math:`Y = x` when all capacities equal
:math:`x`: the rules agree on balanced combinations and differ only in how they treat
unbalanced ones, so switching rules changes the curvature, not the level.

A better instrument can also extend what each worker can do (the article, after Marx's image in
Capital, vol. 1, ch. 7: the means of labour extend the worker's natural limbs).
:class:`LabourProcess` models this with ``labour_extension`` :math:`\eta \in [0, 1]`: the
workers' effective quality is :math:`a_W a_M^{\eta}`. With :math:`\eta = 0` a machine twice
as good is, in the model, exactly two machines; with :math:`\eta = 1` it also doubles what each worker can do.

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
not data. The figures and widgets of notebook 01 are in :mod:`nqp_helpers.lessons.elements`.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ._validate import as_finite, as_numeric, as_scalar, as_whole_number
from .i18n import N_, _
from .production import as_inputs, as_rule, as_sigma, as_weights, ces_output, combine, marginal_products

__all__ = [
    "ELEMENTS",
    "ELEMENTS_ZH",
    "TOY_REQUIREMENTS",
    "TOY_WEIGHTS",
    "TOY_QUANTITIES",
    "TOY_PRICES",
    "TOY_UNITS",
    "DETERMINANTS",
    "DETERMINANT_LABELS",
    "element_index",
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
]

#: The three elements of the labour process, in the order used by every array here.
ELEMENTS = (N_("workers"), N_("means of labour"), N_("objects of labour"))
#: Their Chinese names (劳动者, 劳动资料, 劳动对象).
ELEMENTS_ZH = ("劳动者", "劳动资料", "劳动对象")

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
TOY_UNITS = (N_("persons"), N_("machines"), N_("kg of timber per day"))

#: Marx's five determinants of labour productivity (short keys, in order).
DETERMINANTS = ("skill", "science", "organisation", "means of production", "nature")
#: Long names of the determinants, following the article's list.
DETERMINANT_LABELS = {
    "skill": N_("average skill of workers"),
    "science": N_("science and its technological application"),
    "organisation": N_("social organisation of production"),
    "means of production": N_("scale and efficiency of the means of production"),
    "nature": N_("natural conditions"),
}


def element_index(element: object) -> int:
    """The position (0, 1 or 2) of an element given by name or by index.

    Raises
    ------
    ValueError
        If ``element`` is neither one of :data:`ELEMENTS` nor an index 0-2.

    Examples
    --------
    >>> element_index("means of labour"), element_index(2)
    (1, 2)
    """
    if isinstance(element, numbers.Integral) and not isinstance(element, bool) and 0 <= int(element) < 3:
        return int(element)
    if isinstance(element, str) and element.strip().lower() in ELEMENTS:
        return ELEMENTS.index(element.strip().lower())
    raise ValueError(
        _("element must be one of {elements} or an index 0-2; got {element!r}").format(
            elements=list(ELEMENTS), element=element
        )
    )


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
        Elasticity of substitution for the CES rule, finite and >= 0 (ignored by the others).
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
    weights: tuple[float, ...] = TOY_WEIGHTS
    requirements: tuple[float, ...] = TOY_REQUIREMENTS
    labour_extension: float = 0.0

    def __post_init__(self) -> None:
        rule = as_rule(self.rule)
        sigma = as_sigma(self.sigma)
        if not isinstance(sigma, float):
            raise ValueError(
                _("sigma must be one number for a LabourProcess; got shape {shape}").format(
                    shape=np.shape(sigma)
                )
            )
        w = as_weights(self.weights, 3, sum_to_one=rule == "ces", rule="CES" if rule == "ces" else rule)
        if w.shape != (3,):
            raise ValueError(
                _("weights must hold one weight per element (3); got shape {shape}").format(shape=w.shape)
            )
        c = as_finite("requirements", self.requirements, sign="positive")
        if c.shape != (3,):
            raise ValueError(
                _("requirements must hold one number per element (3); got shape {shape}").format(
                    shape=c.shape
                )
            )
        eta = as_scalar("labour_extension", self.labour_extension, low=0, high=1)
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "sigma", sigma)
        object.__setattr__(self, "weights", tuple(float(v) for v in w))
        object.__setattr__(self, "requirements", tuple(float(v) for v in c))
        object.__setattr__(self, "labour_extension", eta)

    # -- inputs
    def effective_qualities(self, qualities: npt.ArrayLike = 1.0) -> np.ndarray:
        r"""Quality indices with the workers' raised by better means of labour.

        The workers' effective quality is :math:`\tilde a_W = a_W a_M^{\eta}`; the
        other two are unchanged.

        Parameters
        ----------
        qualities : float or array_like, shape (3,) or (..., 3)
            Quality indices (1 = baseline), strictly positive.

        Returns
        -------
        ndarray, shape (3,) or (..., 3)

        Examples
        --------
        >>> print(LabourProcess(labour_extension=1.0).effective_qualities([1.0, 2.0, 1.0]))
        [2. 2. 1.]
        """
        a = as_finite("qualities", qualities, sign="positive")
        if a.ndim and a.shape[-1] != 3:
            raise ValueError(
                _("qualities must be a scalar or have 3 elements on its last axis; got {shape}").format(
                    shape=a.shape
                )
            )
        a = np.broadcast_to(a, a.shape[:-1] + (3,) if a.ndim else (3,)).copy()
        a[..., 0] = a[..., 0] * a[..., 1] ** self.labour_extension
        return a

    def effective_inputs(self, quantities: npt.ArrayLike, qualities: npt.ArrayLike = 1.0) -> np.ndarray:
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
        q = as_inputs("quantities", quantities, n=3)
        a = self.effective_qualities(qualities)
        return q * a / np.asarray(self.requirements)

    def output(self, quantities: npt.ArrayLike, qualities: npt.ArrayLike = 1.0) -> np.ndarray:
        """Output in units of product per day, shape (...); see :meth:`effective_inputs`."""
        x = self.effective_inputs(quantities, qualities)
        return combine(x, self.rule, self.weights, self.sigma)

    def marginal_products(self, quantities: npt.ArrayLike, qualities: npt.ArrayLike = 1.0) -> np.ndarray:
        """Extra output from one more natural unit of each element, shape (..., 3).

        Units: units of product per day per worker, per machine and per kg of material
        a day. Quantities must be strictly positive. Under fixed proportions this is the
        effect of a small increase (see :func:`nqp_helpers.production.marginal_products`).
        """
        x = self.effective_inputs(quantities, qualities)
        a = self.effective_qualities(qualities)
        return marginal_products(x, self.rule, self.weights, self.sigma) * a / np.asarray(self.requirements)

    def ceiling(
        self, quantities: npt.ArrayLike, qualities: npt.ArrayLike = 1.0, element: str | int = "workers"
    ) -> np.ndarray:
        r"""The limit of output as one element's quantity grows without bound.

        Under fixed proportions it is the smallest capacity of the other elements;
        under CES with :math:`\sigma < 1`, :math:`(\sum_{j \ne i} w_j x_j^{\rho})^{1/\rho}`,
        computed as :math:`W^{1/\rho}` times the CES output of the others with weights
        :math:`w_j / W`, :math:`W = \sum_{j \ne i} w_j`; with :math:`\sigma \ge 1` and
        under Cobb-Douglas there is no ceiling (``inf``).

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
        i = element_index(element)
        x = self.effective_inputs(quantities, qualities)
        others = np.delete(x, i, axis=-1)
        if self._is_fixed_proportions():
            return others.min(axis=-1)
        if self.rule == "cobb-douglas" or self.sigma >= 1.0:
            return np.full(x.shape[:-1], np.inf)
        rho = (self.sigma - 1.0) / self.sigma
        w = np.delete(np.asarray(self.weights), i)
        total = w.sum()
        return total ** (1.0 / rho) * ces_output(others, w / total, self.sigma)

    def scarcest(self, quantities: npt.ArrayLike, qualities: npt.ArrayLike = 1.0) -> tuple[str, ...]:
        """The element(s) with the smallest capacity: the ones that bind under fixed proportions.

        Capacities within a relative ``1e-9`` of the smallest count as tied.

        Parameters
        ----------
        quantities : array_like, shape (3,)
            Workers, machines, kg of material per day.
        qualities : float or array_like, shape (3,)
            Quality indices.

        Returns
        -------
        tuple of str
            Names from :data:`ELEMENTS`, in their order (all three when balanced).

        Examples
        --------
        >>> LabourProcess().scarcest([16, 5, 260])
        ('means of labour',)
        >>> LabourProcess().scarcest(TOY_QUANTITIES)
        ('workers', 'means of labour', 'objects of labour')
        """
        x = self.effective_inputs(quantities, qualities)
        if x.shape != (3,):
            raise ValueError(_("quantities must have shape (3,) here; got {shape}").format(shape=x.shape))
        low = np.isclose(x, x.min(), rtol=1e-9, atol=0)
        return tuple(ELEMENTS[k] for k in np.flatnonzero(low))

    def idle_quantities(self, quantities: npt.ArrayLike, qualities: npt.ArrayLike = 1.0) -> np.ndarray:
        r"""The part of each quantity that adds nothing to output.

        Under fixed proportions output :math:`Y` uses :math:`Y c_i / \tilde a_i` natural
        units of element :math:`i`; the rest, :math:`q_i - Y c_i / \tilde a_i`, lies
        idle. Under Cobb-Douglas and CES (:math:`\sigma > 0`) every unit adds output,
        so nothing is idle.

        Parameters
        ----------
        quantities, qualities
            As in :meth:`effective_inputs`.

        Returns
        -------
        ndarray, shape (..., 3)
            Persons, machines, kg of material per day (zeros, up to rounding, for
            the binding element).

        Examples
        --------
        >>> print(LabourProcess(rule="fixed proportions").idle_quantities([16, 5, 260]))
        [ 6.  0. 60.]
        """
        q = as_inputs("quantities", quantities, n=3)
        if not self._is_fixed_proportions():
            return np.zeros(np.broadcast_shapes(q.shape, np.shape(self.effective_qualities(qualities))))
        used = self.output(q, qualities)[..., None] * np.asarray(self.requirements)
        return q - used / self.effective_qualities(qualities)

    def _is_fixed_proportions(self) -> bool:
        """Fixed proportions, or CES at its limit sigma = 0."""
        return self.rule == "fixed proportions" or (self.rule == "ces" and self.sigma == 0.0)

    # -- budget
    def _prices(self, prices: npt.ArrayLike, qualities: npt.ArrayLike) -> tuple[np.ndarray, np.ndarray]:
        p = as_finite("prices", prices, sign="positive")
        if p.shape != (3,):
            raise ValueError(
                _("prices must hold one price per element (3); got shape {shape}").format(shape=p.shape)
            )
        a = self.effective_qualities(qualities)
        if a.shape != (3,):
            raise ValueError(
                _("qualities must be a scalar or of shape (3,) here; got shape {shape}").format(shape=a.shape)
            )
        return p, p * np.asarray(self.requirements) / a

    def output_for_spending(
        self,
        spending_shares: npt.ArrayLike,
        budget: float,
        prices: npt.ArrayLike,
        qualities: npt.ArrayLike = 1.0,
    ) -> np.ndarray:
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
        s = as_inputs("spending_shares", spending_shares, n=3)
        if (np.abs(s.sum(axis=-1) - 1.0) > 1e-9).any():
            raise ValueError(_("spending_shares must sum to 1 along the last axis"))
        budget = as_scalar("budget", budget, low=0, low_open=True)
        p, _cost = self._prices(prices, qualities)
        return self.output(s * budget / p, qualities)

    def best_combination(
        self, budget: float, prices: npt.ArrayLike, qualities: npt.ArrayLike = 1.0
    ) -> BestCombination:
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
        if self._is_fixed_proportions():
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

    def best_combination_on_grid(
        self, budget: float, prices: npt.ArrayLike, qualities: npt.ArrayLike = 1.0, points: int = 201
    ) -> BestCombination:
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
        steps = as_whole_number("points", points, low=3, high=2001) - 1
        i, j = np.meshgrid(np.arange(steps + 1), np.arange(steps + 1), indexing="ij")
        keep = i + j <= steps
        shares = np.stack([i[keep], j[keep], steps - i[keep] - j[keep]], axis=-1) / steps
        y = self.output_for_spending(shares, budget, prices, qualities)
        best = int(np.argmax(y))
        p, _cost = self._prices(prices, qualities)
        budget = float(budget)
        return BestCombination(
            quantities=shares[best] * budget / p,
            spending_shares=shares[best],
            output=float(y[best]),
            unit_cost=budget / float(y[best]),
        )


# ----------------------------------------------------------------------------- Marx's determinants


def determinant_elasticities(capital_share: float = 0.4) -> np.ndarray:
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


def _elasticities(elasticities: npt.ArrayLike | None, capital_share: float, n: int) -> np.ndarray:
    """The elasticities given, or the default ones for Marx's five determinants."""
    if elasticities is None:
        if n != 5:
            raise ValueError(
                _("default elasticities need the 5 determinants; got {n} (give elasticities)").format(n=n)
            )
        return determinant_elasticities(capital_share)
    e = as_numeric("elasticities", elasticities)
    if e.ndim != 1 or e.shape[0] != n or not np.isfinite(e).all():
        raise ValueError(
            _("elasticities must be {n} finite numbers, one per determinant; got {elasticities!r}").format(
                n=n, elasticities=elasticities
            )
        )
    return e


def productivity_index(
    levels: npt.ArrayLike, elasticities: npt.ArrayLike | None = None, capital_share: float = 0.4
) -> np.ndarray:
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
    d = as_finite("levels", levels, sign="positive")
    if d.ndim == 0:
        raise ValueError(_("levels must have the determinants on its last axis; got a scalar"))
    e = _elasticities(elasticities, capital_share, d.shape[-1])
    return np.exp((np.log(d) * e).sum(axis=-1))


def determinant_growth(levels: npt.ArrayLike) -> np.ndarray:
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
    d = as_finite("levels", levels, sign="positive")
    if d.ndim != 2 or d.shape[0] < 2:
        raise ValueError(
            _("levels must have shape (T, J) with T >= 2 years; got shape {shape}").format(shape=d.shape)
        )
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

    names: tuple[str, ...]
    growth: np.ndarray
    elasticities: np.ndarray
    contributions: np.ndarray
    total: np.ndarray

    def part(self, names: str | Sequence[str]) -> np.ndarray:
        """Sum of the contributions of the named determinants (% per year)."""
        wanted = [names] if isinstance(names, str) else list(names)
        unknown = [n for n in wanted if n not in self.names]
        if unknown:
            raise ValueError(
                _("unknown determinant(s) {unknown}; the determinants are {names}").format(
                    unknown=unknown, names=list(self.names)
                )
            )
        idx = [self.names.index(n) for n in wanted]
        return self.contributions[..., idx].sum(axis=-1)

    @property
    def tfp(self) -> np.ndarray:
        """The part growth accounting measures as TFP: science + organisation + nature."""
        return self.part(("science", "organisation", "nature"))

    @property
    def doubling_time(self) -> np.ndarray:
        r"""Years for labour productivity to double at its growth rate: :math:`100 \ln 2 / g_P`.

        ``inf`` where productivity does not grow (:math:`g_P \le 0`).

        Examples
        --------
        >>> print(np.round(decompose_productivity([1.0, 2.0, 0.5, 5.0, -0.5]).doubling_time, 1))
        15.1
        """
        total = np.asarray(self.total, dtype=float)
        return np.where(total > 0, 100.0 * np.log(2.0) / np.where(total > 0, total, 1.0), np.inf)


def decompose_productivity(
    growth: npt.ArrayLike,
    elasticities: npt.ArrayLike | None = None,
    capital_share: float = 0.4,
    names: Sequence[str] = DETERMINANTS,
) -> DeterminantAccounting:
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
    g = as_finite("growth", growth)
    if g.ndim == 0:
        raise ValueError(_("growth must have the determinants on its last axis; got a scalar"))
    labels = tuple(str(n) for n in names)
    if len(labels) != g.shape[-1]:
        raise ValueError(
            _("names must have one entry per determinant ({n}); got {count}").format(
                n=g.shape[-1], count=len(labels)
            )
        )
    e = _elasticities(elasticities, capital_share, g.shape[-1])
    c = g * e
    return DeterminantAccounting(
        names=labels, growth=g, elasticities=e, contributions=c, total=c.sum(axis=-1)
    )


# ----------------------------------------------------------------------------- fit: workers and tools


def _skills_tools(skills: npt.ArrayLike, tools: npt.ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """Skills and tools: strictly positive, 1-D, of the same length (at least 2)."""
    s = as_finite("skills", skills, sign="positive")
    t = as_finite("tools", tools, sign="positive")
    if s.ndim != 1 or t.ndim != 1 or s.shape != t.shape or s.size < 2:
        raise ValueError(
            _(
                "skills and tools must be 1-D of the same length (at least 2); "
                "got shapes {skills} and {tools}"
            ).format(skills=s.shape, tools=t.shape)
        )
    return s, t


def _technology(technology: str) -> str:
    """'complements' or 'substitutes'."""
    if technology not in ("complements", "substitutes"):
        raise ValueError(
            _("technology must be 'complements' or 'substitutes'; got {technology!r}").format(
                technology=technology
            )
        )
    return technology


def pair_output(skills: npt.ArrayLike, tools: npt.ArrayLike, technology: str = "complements") -> np.ndarray:
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
    s = as_finite("skills", skills, sign="positive")
    t = as_finite("tools", tools, sign="positive")
    return s * t if _technology(technology) == "complements" else s + t


def assignment_output(
    skills: npt.ArrayLike,
    tools: npt.ArrayLike,
    assignment: npt.ArrayLike | None = None,
    technology: str = "complements",
) -> np.ndarray:
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
                _(
                    "assignment must be integers with {n} entries on the last axis; got {assignment!r:.60}"
                ).format(n=n, assignment=raw)
            )
        a = raw
        ok = (np.sort(a, axis=-1) == np.arange(n)).all(axis=-1)
        if not np.all(ok):
            row = np.argwhere(~np.atleast_1d(ok))[0]
            raise ValueError(
                _(
                    "assignment must give each worker a different tool: "
                    "row {row} is not a permutation of 0..{last}"
                ).format(row=tuple(int(r) for r in row), last=n - 1)
            )
    return pair_output(s, t[a], technology).sum(axis=-1)


def matched_assignment(skills: npt.ArrayLike, tools: npt.ArrayLike) -> np.ndarray:
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


def mismatched_assignment(skills: npt.ArrayLike, tools: npt.ArrayLike) -> np.ndarray:
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


def random_assignments(n: int, draws: int, rng: np.random.Generator) -> np.ndarray:
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
        raise ValueError(
            _("n and draws must be whole numbers; got n={n}, draws={draws}").format(n=n, draws=draws)
        )
    if not isinstance(rng, np.random.Generator):
        raise ValueError(
            _("rng must be a numpy.random.Generator (np.random.default_rng(seed)); got {rng!r}").format(
                rng=rng
            )
        )
    base = np.broadcast_to(np.arange(int(n_)), (int(d_), int(n_)))
    return rng.permuted(base, axis=1)


def expected_random_output(
    skills: npt.ArrayLike, tools: npt.ArrayLike, technology: str = "complements"
) -> float:
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
