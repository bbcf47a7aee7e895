"""Tests of nqp_helpers.production: fixed proportions, Cobb-Douglas and CES, their limits and derivatives."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nqp_helpers.production import (
    RULES,
    as_rule,
    as_sigma,
    ces_output,
    cobb_douglas_output,
    combine,
    leontief_output,
    marginal_products,
)

W = np.array([0.5, 0.3, 0.2])  # the toy workshop's weights (nqp_helpers.elements.TOY_WEIGHTS)
capacities = arrays(np.float64, 3, elements=st.floats(0.01, 1e4, allow_nan=False, allow_infinity=False))
sigmas = st.floats(0.05, 5.0)


def ces2(domestic, imported, import_share, sigma):
    """The two-input CES of the supply-shock lesson: weights 1 - import_share and import_share."""
    return float(ces_output([domestic, imported], [1 - import_share, import_share], sigma))


# ----------------------------------------------------------------------------- the three rules


@settings(max_examples=100, deadline=None)
@given(capacities, st.floats(0.1, 10.0))
def test_cobb_douglas_with_weights_summing_to_one_has_constant_returns(x, k):
    """Cobb-Douglas with shares summing to one: multiplying every element by k multiplies output by k."""
    np.testing.assert_allclose(cobb_douglas_output(k * x, W), k * cobb_douglas_output(x, W), rtol=1e-12)


def test_cobb_douglas_returns_to_scale_equal_the_sum_of_weights():
    """With weights summing to s, doubling every element multiplies output by 2**s."""
    x = np.array([3.0, 7.0, 11.0])
    for w in ([0.3, 0.3, 0.2], [0.5, 0.4, 0.3]):
        ratio = cobb_douglas_output(2 * x, w) / cobb_douglas_output(x, w)
        assert ratio == pytest.approx(2 ** sum(w), rel=1e-12)


@settings(max_examples=100, deadline=None)
@given(capacities, st.floats(0.1, 10.0), sigmas)
def test_ces_has_constant_returns(x, k, sigma):
    """CES with weights summing to one is homogeneous of degree one for every sigma."""
    np.testing.assert_allclose(ces_output(k * x, W, sigma), k * ces_output(x, W, sigma), rtol=1e-9)


@settings(max_examples=100, deadline=None)
@given(capacities, sigmas)
def test_ces_lies_between_the_smallest_and_largest_capacity(x, sigma):
    """CES output is a generalised mean of the capacities: between their minimum and maximum."""
    y = ces_output(x, W, sigma)
    assert x.min() * (1 - 1e-12) <= y <= x.max() * (1 + 1e-12)


@pytest.mark.parametrize("sigma", [0.0, 0.2, 0.5, 1.0, 2.0, 4.0])
def test_every_rule_gives_the_common_capacity_on_a_balanced_combination(sigma):
    """When every element could support x units, every rule gives exactly x units (normalisation)."""
    x = np.array([[20.0, 20.0, 20.0], [3.5, 3.5, 3.5]])
    for rule in ("fixed proportions", "cobb-douglas", "ces"):
        np.testing.assert_allclose(combine(x, rule, W, sigma), [20.0, 3.5], rtol=1e-12)


def test_ces_tends_to_cobb_douglas_as_sigma_tends_to_one():
    """CES -> Cobb-Douglas as sigma -> 1 from either side, smoothly (no cancellation near rho = 0)."""
    x = np.array([[40.0, 20.0, 20.0], [1.0, 300.0, 0.02]])
    cd = cobb_douglas_output(x, W)
    np.testing.assert_array_equal(ces_output(x, W, 1.0), cd)
    for eps in (1e-2, 1e-4, 1e-6, 1e-9, 1e-12):
        for sigma in (1 - eps, 1 + eps):
            err = np.abs(ces_output(x, W, sigma) / cd - 1)
            assert np.all(err < 10 * eps + 1e-13), (sigma, err)


def test_ces_tends_to_fixed_proportions_as_sigma_tends_to_zero():
    """CES -> min_i x_i as sigma -> 0, within the bound Y/min - 1 <= w_b**(-sigma/(1-sigma)) - 1."""
    x = np.array([40.0, 20.0, 26.0])
    errors = []
    for sigma in (0.2, 0.1, 0.03, 0.01, 0.003, 0.001):
        y = ces_output(x, W, sigma)
        bound = W[1] ** (-sigma / (1 - sigma)) - 1
        err = y / x.min() - 1
        assert 0 <= err <= bound + 1e-12
        errors.append(err)
    assert all(b < a for a, b in zip(errors, errors[1:], strict=False))
    assert ces_output(x, W, 0.0) == leontief_output(x) == 20.0
    for tiny in (1e-9, 1e-13, 1e-300):  # no overflow however close to the limit
        assert ces_output([[1e-200, 1.0, 1e200]], W, tiny)[0] == pytest.approx(1e-200, rel=1e-6)
        assert np.isfinite(marginal_products(x, "ces", W, tiny)).all()


def test_ces_is_vectorised_over_leading_axes():
    """Combinations of shape (4, 5, 3) give outputs of shape (4, 5), equal to one-by-one calls."""
    x = np.random.default_rng(3).uniform(1, 50, size=(4, 5, 3))
    y = ces_output(x, W, 0.4)
    assert y.shape == (4, 5)
    assert y[2, 3] == pytest.approx(float(ces_output(x[2, 3], W, 0.4)), rel=1e-14)


def test_zero_capacity_is_fatal_with_complements_but_not_with_substitutes():
    """With sigma <= 1 a missing element stops production; with sigma > 1 the others still produce."""
    x = np.array([0.0, 20.0, 20.0])
    assert cobb_douglas_output(x, W) == 0.0
    assert ces_output(x, W, 0.5) == 0.0 and ces_output(x, W, 0.9999) == 0.0
    sigma = 2.0
    rho = (sigma - 1) / sigma
    expected = (W[1] * 20**rho + W[2] * 20**rho) ** (1 / rho)
    assert ces_output(x, W, sigma) == pytest.approx(expected, rel=1e-12)
    assert ces_output(np.zeros(3), W, 2.0) == 0.0


@pytest.mark.parametrize("rule,sigma", [("cobb-douglas", 1.0), ("ces", 0.5), ("ces", 2.5)])
def test_marginal_products_match_finite_differences(rule, sigma):
    """The analytic marginal products w_i Y/x_i and w_i (Y/x_i)^(1/sigma) equal central differences."""
    x = np.array([33.0, 17.0, 24.0])
    mp = marginal_products(x, rule, W, sigma)
    h = 1e-5
    for i in range(3):
        up, down = x.copy(), x.copy()
        up[i] += h
        down[i] -= h
        fd = (combine(up, rule, W, sigma) - combine(down, rule, W, sigma)) / (2 * h)
        assert mp[i] == pytest.approx(fd, rel=1e-6)


# ----------------------------------------------------------------------------- two inputs (notebook 03)


@settings(max_examples=100, deadline=None)
@given(
    st.floats(0.05, 5.0), st.floats(0.01, 0.9), st.floats(0.1, 3.0), st.floats(0.1, 3.0), st.floats(0.1, 10.0)
)
def test_ces_is_normalised_and_homogeneous_of_degree_one(sigma, w, d, m, lam):
    """Y(1, 1) = 1 for every sigma and share; Y(lam D, lam M) = lam Y(D, M) (constant returns)."""
    assert ces2(1.0, 1.0, w, sigma) == pytest.approx(1.0, rel=1e-12)
    assert ces2(lam * d, lam * m, w, sigma) == pytest.approx(lam * ces2(d, m, w, sigma), rel=1e-9)


def test_ces_limits_cobb_douglas_leontief_and_linear():
    """sigma = 1 is D^(1-w) M^w (and continuous there); sigma -> 0 gives min(D, M); sigma -> inf is linear."""
    d, m, w = 1.3, 0.6, 0.2
    cd = d ** (1 - w) * m**w
    assert ces2(d, m, w, 1.0) == pytest.approx(cd, rel=1e-14)
    assert ces2(d, m, w, 1.0 + 1e-5) == pytest.approx(cd, rel=1e-5)
    assert ces2(d, m, w, 1.0 - 1e-5) == pytest.approx(cd, rel=1e-5)
    assert ces2(d, m, w, 1e-3) == pytest.approx(min(d, m), rel=2e-3)
    assert ces2(d, m, w, 1e6) == pytest.approx((1 - w) * d + w * m, rel=1e-5)


def test_ces_tends_to_the_linear_function_as_sigma_grows():
    """As sigma -> inf (rho -> 1) CES approaches sum w_i x_i from below, the gap shrinking with sigma."""
    x = np.array([40.0, 20.0, 26.0])
    linear = float(W @ x)
    gaps = [linear - float(ces_output(x, W, s)) for s in (10.0, 100.0, 1e3, 1e4)]
    assert all(g > 0 for g in gaps)
    assert all(b < a / 5 for a, b in zip(gaps, gaps[1:], strict=False))
    assert gaps[-1] < 1e-3 * linear


def test_an_array_of_elasticities_gives_one_output_per_elasticity():
    """An array sigma broadcasts against the leading axes: the same as one call per sigma, limits included."""
    x = np.array([40.0, 20.0, 26.0])
    grid = np.array([0.0, 1e-13, 0.1, 0.5, 0.9995, 1.0, 1.0005, 2.0, 1e6])
    together = ces_output(x, W, grid)
    assert together.shape == grid.shape
    for s, y in zip(grid, together, strict=True):
        assert y == float(ces_output(x, W, float(s)))
    both = ces_output(np.stack([x, 2 * x]), W, grid[:, None])
    assert both.shape == (grid.size, 2)
    np.testing.assert_allclose(both[:, 1], 2 * together, rtol=1e-12)


def test_weights_may_vary_along_leading_axes():
    """Weights of shape (..., n) broadcast like the inputs: each row uses its own weights."""
    shares = np.array([0.05, 0.1, 0.3])
    weights = np.stack([1 - shares, shares], axis=-1)
    y = ces_output([1.0, 0.5], weights, 1.0)
    np.testing.assert_allclose(y, 0.5**shares, rtol=1e-14)


def test_rule_names_and_elasticities_are_read_in_one_way():
    """Aliases name the three rules; a tiny sigma is the fixed-proportions limit itself."""
    assert [as_rule(r) for r in ("Leontief", "fixed-proportions", "CD", " CES ")] == [
        "fixed proportions",
        "fixed proportions",
        "cobb-douglas",
        "ces",
    ]
    assert set(RULES) == {as_rule(r) for r in RULES}
    assert as_sigma(1e-13) == 0.0 and as_sigma(2.5) == 2.5
    np.testing.assert_array_equal(as_sigma([0.0, 1e-300, 0.3]), [0.0, 0.0, 0.3])


# ----------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "call,match",
    [
        (lambda: leontief_output(5.0), "last axis; got a scalar"),
        (lambda: leontief_output([1.0, np.nan]), r"effective must be finite; got nan at position 1"),
        (lambda: leontief_output([1.0, -2.0]), r"effective must be non-negative; got -2 at position 1"),
        (lambda: leontief_output(["a", 1.0]), "effective must contain only numbers"),
        (lambda: cobb_douglas_output([1.0, 2.0, 3.0], None), "weights are needed for the Cobb-Douglas rule"),
        (lambda: cobb_douglas_output([1.0, 2.0, 3.0], [0.5, 0.5]), r"one weight per element \(3\)"),
        (lambda: cobb_douglas_output([1.0, 2.0, 3.0], [0.5, 0.0, 0.5]), "weights must be strictly positive"),
        (
            lambda: ces_output([1.0, 2.0, 3.0], [0.5, 0.3, 0.3], 0.5),
            r"weights must sum to 1 for the CES rule \(constant returns\); got sum 1.1",
        ),
        (lambda: ces_output([1.0, 2.0, 3.0], W, -0.5), r"sigma must lie in \[0, inf\); got -0.5"),
        (lambda: ces_output([1.0, 2.0, 3.0], W, [0.5, np.inf]), "sigma must be finite"),
        (lambda: ces_output([1.0, 2.0, 3.0], W, None), "sigma .* is needed for the CES rule"),
        (
            lambda: ces_output([-1.0, 1.0], [0.9, 0.1], 0.5),
            r"effective must be non-negative; got -1 at position 0",
        ),
        (
            lambda: ces_output([1.0, -0.5], [0.9, 0.1], 0.5),
            r"effective must be non-negative; got -0.5 at position 1",
        ),
        (lambda: combine([1.0, 2.0, 3.0], "translog", W), "rule must be one of"),
        (lambda: ces_output(np.ones((4, 2)), [0.9, 0.1], [0.5, 1.0, 2.0]), "must broadcast together"),
        (lambda: cobb_douglas_output(np.ones((4, 2)), np.full((3, 2), 0.5)), "must broadcast together"),
        (lambda: marginal_products([0.0, 2.0, 3.0], "cobb-douglas", W), "strictly positive for marginal"),
    ],
)
def test_invalid_input_raises_a_clear_value_error(call, match):
    """Every invalid argument raises ValueError naming the argument, the rule and the value."""
    with pytest.raises(ValueError, match=match):
        call()
