r"""Production functions: how inputs combine into output.

Each function takes the inputs on the last axis of an array, :math:`x_i`
(``effective``, shape (..., n)), measured so that they can be compared: in
notebook 01 the *capacities* of the three elements of a labour process (units of
product per day each element could support, see :mod:`nqp_helpers.elements`);
in notebook 03 a domestic and an imported input, both 1 before a supply shock
(see :func:`nqp_helpers.revolutions.supply_shock_loss`). Three rules combine them:

- fixed proportions (Leontief): :math:`Y = \min_i x_i`;
- Cobb-Douglas: :math:`Y = \prod_i x_i^{w_i}` (constant returns when the weights sum to one);
- CES (Arrow, Chenery, Minhas and Solow 1961) with elasticity of substitution
  :math:`\sigma`: :math:`Y = (\sum_i w_i x_i^{\rho})^{1/\rho}`, :math:`\rho = (\sigma-1)/\sigma`.

CES contains the other two as limits: :math:`\sigma \to 0` gives fixed
proportions, :math:`\sigma \to 1` Cobb-Douglas, and :math:`\sigma \to \infty`
the linear :math:`\sum_i w_i x_i` (perfect substitutes). One safeguard, in
:func:`ces_output`, makes the formula converge to these limits smoothly
instead of overflowing or losing digits near them:

- :math:`\sigma = 0` (and :math:`\sigma < 10^{-12}`) is the limit
  :math:`\min_i x_i` itself, and :math:`\sigma = 1` is Cobb-Douglas itself;
- near :math:`\sigma = 1` (:math:`|\rho| < 10^{-3}`) the sum is computed as
  :math:`1 + \sum_i w_i\,\mathrm{expm1}(\rho \ln x_i)`, so nothing cancels;
- everywhere else it is computed in logs (log-sum-exp), so a small
  :math:`\sigma` (:math:`\rho \to -\infty`) or a large one cannot overflow.

With weights that sum to one every rule gives :math:`Y = x` when all inputs
equal :math:`x`: the rules agree on balanced combinations and differ only in how
they treat unbalanced ones.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from ._validate import as_array_in, as_finite, as_float_or_array
from .i18n import _

__all__ = [
    "RULES",
    "as_rule",
    "as_sigma",
    "as_inputs",
    "as_weights",
    "leontief_output",
    "cobb_douglas_output",
    "ces_output",
    "combine",
    "marginal_products",
]

#: Combination rules understood by :func:`combine` (and :class:`nqp_helpers.elements.LabourProcess`).
RULES = ("fixed proportions", "cobb-douglas", "ces")

_RULE_ALIASES = {
    "fixed proportions": "fixed proportions",
    "fixed-proportions": "fixed proportions",
    "leontief": "fixed proportions",
    "cobb-douglas": "cobb-douglas",
    "cobb douglas": "cobb-douglas",
    "cd": "cobb-douglas",
    "ces": "ces",
}

# Below this elasticity CES differs from its limit min(x) by less than ln(1/w) * sigma ~ 1e-11
# (relative), while rho = (sigma - 1) / sigma would overflow: the limit itself is used.
_SIGMA_ZERO = 1e-12
# Where |rho| is below this, the sum is computed with expm1/log1p (sigma near 1).
_RHO_NEAR_ZERO = 1e-3


# ----------------------------------------------------------------------------- validation


def as_rule(rule: object) -> str:
    """The canonical name of a combination rule ("leontief" is read as "fixed proportions").

    Raises
    ------
    ValueError
        If ``rule`` is not one of :data:`RULES` or an accepted alias.

    Examples
    --------
    >>> as_rule("Leontief"), as_rule("CD")
    ('fixed proportions', 'cobb-douglas')
    """
    key = rule.strip().lower() if isinstance(rule, str) else None
    if key not in _RULE_ALIASES:
        raise ValueError(
            _("rule must be one of {rules} (or 'leontief'); got {rule!r}").format(
                rules=list(RULES), rule=rule
            )
        )
    return _RULE_ALIASES[key]


def as_sigma(sigma: npt.ArrayLike | None) -> float | np.ndarray:
    """Validate an elasticity of substitution: finite and >= 0.

    Values below ``1e-12`` become exactly 0 (fixed proportions): there CES and
    its limit differ by less than ``1e-11`` (relative).

    Returns
    -------
    float or ndarray
        A float for a scalar, an array otherwise.

    Raises
    ------
    ValueError
        If sigma is None, not numeric, not finite or negative.

    Examples
    --------
    >>> as_sigma(0.5), as_sigma(1e-15)
    (0.5, 0.0)
    """
    if sigma is None:
        raise ValueError(_("sigma (the elasticity of substitution) is needed for the CES rule; got None"))
    s = as_array_in("sigma", sigma, low=0)
    return as_float_or_array(np.where(s < _SIGMA_ZERO, 0.0, s))


def as_inputs(name: str, value: npt.ArrayLike, n: int | None = None) -> np.ndarray:
    """Validate inputs of a production function: finite, non-negative, the inputs on the last axis.

    Parameters
    ----------
    name : str
        Argument name used in error messages.
    value : array_like, shape (..., n)
        The inputs.
    n : int, optional
        Required number of inputs (length of the last axis).

    Returns
    -------
    ndarray of float

    Raises
    ------
    ValueError
        If the value is a scalar, not numeric, not finite, negative, or has the
        wrong number of inputs.
    """
    arr = as_finite(name, value, sign="non-negative")
    if arr.ndim == 0:
        raise ValueError(
            _("{name} must have the elements on its last axis; got a scalar {value:g}").format(
                name=name, value=float(arr)
            )
        )
    if n is not None and arr.shape[-1] != n:
        raise ValueError(
            _("{name} must have {n} elements on its last axis; got shape {shape}").format(
                name=name, n=n, shape=arr.shape
            )
        )
    return arr


def as_weights(
    weights: npt.ArrayLike | None, n: int, sum_to_one: bool = False, rule: str = "CES"
) -> np.ndarray:
    """Validate the weights of a production function: strictly positive, one per input.

    Parameters
    ----------
    weights : array_like, shape (n,) or (..., n)
        One weight per input on the last axis; leading axes (if any) broadcast
        against those of the inputs.
    n : int
        Number of inputs.
    sum_to_one : bool
        Require the weights to sum to one along the last axis (constant returns).
    rule : str
        Name of the rule, for the messages.

    Returns
    -------
    ndarray of float

    Raises
    ------
    ValueError
        If the weights are missing, not strictly positive, not one per input,
        or do not sum to one when they must.
    """
    if weights is None:
        raise ValueError(_("weights are needed for the {rule} rule; got None").format(rule=rule))
    w = as_finite("weights", weights, sign="positive")
    if w.ndim == 0 or w.shape[-1] != n:
        raise ValueError(
            _("weights must have one weight per element ({n}) on the last axis; got shape {shape}").format(
                n=n, shape=w.shape
            )
        )
    if sum_to_one:
        total = w.sum(axis=-1)
        bad = np.abs(total - 1.0) > 1e-9
        if bad.any():
            got = float(np.asarray(total)[bad].flat[0])
            raise ValueError(
                _("weights must sum to 1 for the {rule} rule (constant returns); got sum {total:g}").format(
                    rule=rule, total=got
                )
            )
    return w


# ----------------------------------------------------------------------------- the three rules


def leontief_output(effective: npt.ArrayLike) -> np.ndarray:
    r"""Output under fixed proportions: the scarcest input binds.

    .. math:: Y = \min_i x_i

    Parameters
    ----------
    effective : array_like, shape (..., n)
        Inputs :math:`x_i`, non-negative; the inputs are on the last axis.

    Returns
    -------
    ndarray, shape (...)
        Output, in the inputs' unit.

    Raises
    ------
    ValueError
        If ``effective`` is a scalar, not numeric, not finite or negative.

    Examples
    --------
    >>> print(leontief_output([32.0, 20.0, 26.0]))
    20.0
    """
    x = as_inputs("effective", effective)
    return x.min(axis=-1)


def cobb_douglas_output(effective: npt.ArrayLike, weights: npt.ArrayLike | None) -> np.ndarray:
    r"""Output under Cobb-Douglas: :math:`Y = \prod_i x_i^{w_i}`.

    Parameters
    ----------
    effective : array_like, shape (..., n)
        Inputs, non-negative.
    weights : array_like, shape (n,) or (..., n)
        Strictly positive output elasticities :math:`w_i`. Their sum is the degree of
        returns to scale (1 = constant returns: doubling every input doubles output).

    Returns
    -------
    ndarray, shape (...)
        Output (0 if any input is 0).

    Raises
    ------
    ValueError
        If the inputs are invalid or the weights are not one positive number per input.

    Examples
    --------
    Doubling workers alone raises output by the factor :math:`2^{0.5}`:

    >>> y = cobb_douglas_output([[20.0, 20.0, 20.0], [40.0, 20.0, 20.0]], [0.5, 0.3, 0.2])
    >>> print(np.round(y, 3))
    [20.    28.284]
    """
    x = as_inputs("effective", effective)
    w = as_weights(weights, x.shape[-1], rule="Cobb-Douglas")
    _leading_shape(x, w)
    return _cobb_douglas(x, w)


def _leading_shape(x: np.ndarray, w: np.ndarray, sigma: float | np.ndarray = 1.0) -> tuple[int, ...]:
    """The shape of the outputs: the leading axes of inputs, weights and sigma, broadcast."""
    try:
        return np.broadcast_shapes(x.shape[:-1], w.shape[:-1], np.shape(sigma))
    except ValueError as exc:
        raise ValueError(
            _(
                "effective, weights and sigma must broadcast together (apart from the inputs' last axis); "
                "got shapes {effective}, {weights} and {sigma}"
            ).format(effective=x.shape, weights=w.shape, sigma=np.shape(sigma))
        ) from exc


def _cobb_douglas(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """exp(sum w ln x) on validated arrays; a zero input gives 0."""
    with np.errstate(divide="ignore"):
        return np.exp((np.log(x) * w).sum(axis=-1))


def ces_output(
    effective: npt.ArrayLike, weights: npt.ArrayLike | None, sigma: npt.ArrayLike | None
) -> np.ndarray:
    r"""Output under CES with elasticity of substitution :math:`\sigma`.

    .. math:: Y = \Big(\sum_i w_i x_i^{\rho}\Big)^{1/\rho}, \qquad \rho = \frac{\sigma - 1}{\sigma}

    :math:`\sigma = 1` is Cobb-Douglas and :math:`\sigma = 0` fixed proportions (the
    limits are used exactly there, and for :math:`\sigma < 10^{-12}`, where the two differ
    by less than :math:`10^{-11}` relative); near the limits the formula is evaluated in
    logs (log-sum-exp, and ``expm1``/``log1p`` near :math:`\sigma = 1`), so it converges
    to them smoothly, and to the linear :math:`\sum_i w_i x_i` as :math:`\sigma \to \infty`.
    For :math:`\sigma < 1` every input is essential (a zero input gives zero output);
    for :math:`\sigma > 1` none is.

    Parameters
    ----------
    effective : array_like, shape (..., n)
        Inputs, non-negative.
    weights : array_like, shape (n,) or (..., n)
        Strictly positive distribution weights that sum to one (constant returns).
    sigma : float or array_like
        Elasticity of substitution, >= 0 and finite. An array broadcasts against
        the leading axes of ``effective`` (one elasticity per combination).

    Returns
    -------
    ndarray, shape (...)
        Output: the leading axes of ``effective``, ``weights`` and ``sigma``, broadcast.

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

    A domestic input (1) and an imported one cut by half (0.5), weights 0.9 and 0.1,
    for three elasticities at once:

    >>> print(np.round(ces_output([1.0, 0.5], [0.9, 0.1], [0.2, 1.0, 5.0]), 4))
    [0.7953 0.933  0.9471]
    """
    x = as_inputs("effective", effective)
    w = as_weights(weights, x.shape[-1], sum_to_one=True)
    return _ces(x, w, as_sigma(sigma))


def _ces(x: np.ndarray, w: np.ndarray, sigma: float | np.ndarray) -> np.ndarray:
    """CES on validated arrays (sigma already >= 0, tiny values already 0): the one safeguard."""
    shape = _leading_shape(x, w, sigma)
    n = x.shape[-1]
    x = np.broadcast_to(x, shape + (n,))
    w = np.broadcast_to(w, shape + (n,))
    s = np.broadcast_to(np.asarray(sigma, dtype=float), shape)
    leontief, cobb = s == 0.0, s == 1.0
    s_safe = np.where(leontief | cobb, 0.5, s)  # the limits are filled in below
    rho = (s_safe - 1.0) / s_safe
    positive = x > 0
    z = rho[..., None] * np.log(np.where(positive, x, 1.0))
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        # Near sigma = 1: sum w x^rho = 1 + sum w expm1(rho ln x), accurate as rho -> 0.
        near = np.log1p((w * np.where(positive, np.expm1(z), -1.0)).sum(axis=-1))
        # Elsewhere: log-sum-exp, which cannot overflow however large |rho| is.
        zz = np.where(positive, z, -np.inf)
        top = zz.max(axis=-1)
        top = np.where(np.isfinite(top), top, 0.0)
        far = top + np.log((w * np.exp(zz - top[..., None])).sum(axis=-1))
        y = np.exp(np.where(np.abs(rho) < _RHO_NEAR_ZERO, near, far) / rho)
    # With sigma < 1 (rho < 0) a zero input means zero output.
    y = np.where((rho < 0) & ~positive.all(axis=-1), 0.0, y)
    y = np.where(cobb, _cobb_douglas(x, w), y)
    return np.where(leontief, x.min(axis=-1), y)


def combine(
    effective: npt.ArrayLike,
    rule: str,
    weights: npt.ArrayLike | None = None,
    sigma: npt.ArrayLike | None = None,
) -> np.ndarray:
    """Output from inputs under a named combination rule.

    Parameters
    ----------
    effective : array_like, shape (..., n)
        Inputs, non-negative.
    rule : {"fixed proportions", "cobb-douglas", "ces"}
        Combination rule ("leontief" is accepted for fixed proportions).
    weights : array_like, shape (n,), optional
        Needed for Cobb-Douglas and CES (see those functions).
    sigma : float, optional
        Elasticity of substitution, needed for CES.

    Returns
    -------
    ndarray, shape (...)
        Output.

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
    rule = as_rule(rule)
    if rule == "fixed proportions":
        return leontief_output(effective)
    if rule == "cobb-douglas":
        return cobb_douglas_output(effective, weights)
    return ces_output(effective, weights, sigma)


def marginal_products(
    effective: npt.ArrayLike,
    rule: str,
    weights: npt.ArrayLike | None = None,
    sigma: npt.ArrayLike | None = None,
) -> np.ndarray:
    r"""Extra output from one more unit of each input, :math:`\partial Y / \partial x_i`.

    Cobb-Douglas: :math:`w_i Y / x_i`; CES: :math:`w_i (Y / x_i)^{1/\sigma}`; fixed
    proportions (and CES with :math:`\sigma = 0`): the effect of a small *increase*
    (right derivative), 1 for an input that is strictly the scarcest and 0 for every
    other (raising a non-binding input, or one of several tied scarcest ones, adds
    nothing).

    Parameters
    ----------
    effective : array_like, shape (..., n)
        Inputs, strictly positive.
    rule, weights, sigma
        As in :func:`combine`.

    Returns
    -------
    ndarray, shape (..., n)
        Units of output per unit of input (dimensionless when both are in the same unit).

    Raises
    ------
    ValueError
        As :func:`combine`, and if an input is zero.

    Examples
    --------
    >>> print(marginal_products([40.0, 20.0, 20.0], "cobb-douglas", [0.5, 0.3, 0.2]))
    [0.35355339 0.42426407 0.28284271]
    >>> print(marginal_products([32.0, 20.0, 26.0], "fixed proportions"))
    [0. 1. 0.]
    """
    rule = as_rule(rule)
    x = as_inputs("effective", effective)
    if (x <= 0).any():
        pos = tuple(int(p) for p in np.argwhere(x <= 0)[0])
        raise ValueError(
            _("effective must be strictly positive for marginal products; got 0 at position {pos}").format(
                pos=pos[0] if len(pos) == 1 else pos
            )
        )
    n = x.shape[-1]
    others = np.where(np.eye(n, dtype=bool), np.inf, x[..., None, :]).min(axis=-1)
    scarcest = (x < others).astype(float)
    if rule == "fixed proportions":
        return scarcest
    if rule == "cobb-douglas":
        w = as_weights(weights, n, rule="Cobb-Douglas")
        return w * _cobb_douglas(x, w)[..., None] / x
    w = as_weights(weights, n, sum_to_one=True)
    s = np.asarray(as_sigma(sigma))
    y = _ces(x, w, s)[..., None]
    zero = s == 0.0
    with np.errstate(over="ignore"):
        mp = w * (y / x) ** (1.0 / np.where(zero, 1.0, s)[..., None])
    return np.where(zero[..., None], scarcest, mp)
