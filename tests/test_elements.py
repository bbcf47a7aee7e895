"""Tests of nqp_helpers.elements: the three-elements model, Marx's determinants index and "fit"."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from matplotlib.figure import Figure

from nqp_helpers.elements import (
    DETERMINANTS,
    ELEMENTS,
    TOY_PRICES,
    TOY_QUANTITIES,
    TOY_WEIGHTS,
    DeterminantAccounting,
    LabourProcess,
    assignment_output,
    ces_output,
    cobb_douglas_output,
    combine,
    decompose_productivity,
    determinant_elasticities,
    determinant_growth,
    draw_combination,
    draw_determinants,
    expected_random_output,
    leontief_output,
    make_combination_app,
    make_determinants_app,
    marginal_products,
    matched_assignment,
    mismatched_assignment,
    pair_output,
    plot_determinants,
    plot_output_along,
    productivity_index,
    random_assignments,
)
from nqp_helpers.growth import constant_growth_economy, decompose
from nqp_helpers.lessons.plotting import use_style

W = np.array(TOY_WEIGHTS)
capacities = arrays(np.float64, 3, elements=st.floats(0.01, 1e4, allow_nan=False, allow_infinity=False))
sigmas = st.floats(0.05, 5.0)


# ----------------------------------------------------------------------------- combination rules


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


def test_raising_a_non_binding_element_adds_nothing_under_fixed_proportions():
    """Under fixed proportions the scarcest element binds: more of another element adds no output."""
    shop = LabourProcess(rule="fixed proportions")
    base = shop.output([10, 5, 200])
    assert shop.output([16, 5, 200]) == base == 20.0
    mp = shop.marginal_products([16, 5, 260])
    np.testing.assert_array_equal(mp, [0.0, 4.0, 0.0])  # one more machine: 1 / 0.25 chairs


def test_raising_one_element_adds_little_with_strong_complements():
    """Doubling workers alone adds 41 % under Cobb-Douglas, a third at sigma 0.5, under 8 % at sigma 0.1."""
    gains = {}
    for rule, sigma in (("cobb-douglas", 1.0), ("ces", 0.5), ("ces", 0.1), ("fixed proportions", 0.0)):
        shop = LabourProcess(rule=rule, sigma=sigma)
        gains[(rule, sigma)] = float(shop.output([20, 5, 200]) / shop.output([10, 5, 200]) - 1)
    assert gains[("cobb-douglas", 1.0)] == pytest.approx(2**0.5 - 1, rel=1e-12)
    assert gains[("ces", 0.5)] == pytest.approx(1 / 3, rel=1e-12)
    assert 0 < gains[("ces", 0.1)] < 0.08
    assert gains[("fixed proportions", 0.0)] == 0.0


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


@pytest.mark.parametrize("rule,sigma", [("cobb-douglas", 1.0), ("ces", 0.3), ("ces", 0.8), ("ces", 2.0)])
def test_marginal_product_of_workers_falls_as_workers_are_added(rule, sigma):
    """Diminishing returns: with the other elements fixed, each extra worker adds less than the last."""
    shop = LabourProcess(rule=rule, sigma=sigma)
    q = np.column_stack([np.linspace(1, 40, 60), np.full(60, 5.0), np.full(60, 200.0)])
    mp = shop.marginal_products(q)[:, 0]
    assert np.all(mp > 0) and np.all(np.diff(mp) < 0)


def test_ceiling_is_the_limit_of_output_as_one_element_grows():
    """With complements (sigma < 1) output approaches a finite ceiling set by the other elements."""
    shop = LabourProcess(rule="ces", sigma=0.5)
    cap = float(shop.ceiling(TOY_QUANTITIES, element="workers"))
    assert cap == pytest.approx(1 / (0.3 / 20 + 0.2 / 20), rel=1e-12)
    assert shop.output([1e9, 5, 200]) == pytest.approx(cap, rel=1e-6)
    assert shop.output([1e3, 5, 200]) < cap
    assert float(LabourProcess(rule="fixed proportions").ceiling([0, 5, 260], element=0)) == 20.0
    assert np.isinf(LabourProcess(rule="ces", sigma=1.5).ceiling(TOY_QUANTITIES))
    assert np.isinf(LabourProcess().ceiling(TOY_QUANTITIES, element="objects of labour"))


# ----------------------------------------------------------------------------- best combination


@pytest.mark.parametrize(
    "rule,sigma,qualities",
    [
        ("cobb-douglas", 1.0, 1.0),
        ("ces", 0.5, 1.0),
        ("ces", 2.0, [1.0, 1.5, 0.8]),
        ("fixed proportions", 0.0, 1.0),
        ("ces", 0.5, [1.2, 2.0, 1.0]),
    ],
)
def test_grid_search_never_beats_the_analytic_best_combination(rule, sigma, qualities):
    """The analytic optimum is the maximum: no split of the budget on a fine grid gives more output,
    and the grid's best split lies within one grid step of the analytic shares."""
    shop = LabourProcess(rule=rule, sigma=sigma, labour_extension=0.5)
    best = shop.best_combination(3550, TOY_PRICES, qualities)
    grid = shop.best_combination_on_grid(3550, TOY_PRICES, qualities, points=401)
    assert grid.output <= best.output * (1 + 1e-12)
    assert grid.output == pytest.approx(best.output, rel=2e-3)
    np.testing.assert_allclose(grid.spending_shares, best.spending_shares, atol=1 / 400 + 1e-12)


def test_cobb_douglas_spends_the_weight_share_on_each_element_whatever_the_prices():
    """With Cobb-Douglas the cost-minimising spending shares equal the weights, independently of prices."""
    shop = LabourProcess()
    for prices in (TOY_PRICES, [50.0, 900.0, 1.0]):
        best = shop.best_combination(1000, prices)
        np.testing.assert_allclose(best.spending_shares, W, rtol=1e-12)
        assert best.quantities @ np.asarray(prices) == pytest.approx(1000, rel=1e-12)


def test_ces_best_output_is_budget_over_the_ces_unit_cost():
    """At the CES optimum Y = B / P, P = (sum w^sigma pi^(1-sigma))^(1/(1-sigma)), pi_i = p_i c_i / a_i."""
    sigma, budget = 0.5, 3550.0
    shop = LabourProcess(rule="ces", sigma=sigma)
    pi = np.array(TOY_PRICES) * np.array(shop.requirements)
    unit_cost = (W**sigma * pi ** (1 - sigma)).sum() ** (1 / (1 - sigma))
    best = shop.best_combination(budget, TOY_PRICES)
    assert best.output == pytest.approx(budget / unit_cost, rel=1e-12)
    assert best.unit_cost == pytest.approx(unit_cost, rel=1e-12)


def test_fixed_proportions_best_combination_is_balanced():
    """Under fixed proportions the best use of a budget equalises the capacities: nothing is wasted."""
    shop = LabourProcess(rule="fixed proportions")
    best = shop.best_combination(3550, TOY_PRICES)
    np.testing.assert_allclose(shop.effective_inputs(best.quantities), [20.0, 20.0, 20.0], rtol=1e-12)
    np.testing.assert_allclose(best.quantities, TOY_QUANTITIES, rtol=1e-12)


# ----------------------------------------------------------------------------- quality and quantity


def test_without_labour_extension_a_better_machine_is_just_more_machine():
    """With eta = 0, doubling machine quality gives exactly the output of doubling the number of machines."""
    for rule in ("fixed proportions", "cobb-douglas", "ces"):
        shop = LabourProcess(rule=rule, labour_extension=0.0)
        assert shop.output([14, 5, 260], [1, 2, 1]) == pytest.approx(
            float(shop.output([14, 10, 260])), rel=1e-14
        )


def test_with_labour_extension_better_machines_raise_what_each_worker_does():
    """With eta = 1 and Cobb-Douglas, doubling machine quality multiplies output by 2^(w_W + w_M),
    doubling the number of machines only by 2^(w_M); and the marginal product of a worker rises."""
    shop = LabourProcess(labour_extension=1.0)
    base = shop.output(TOY_QUANTITIES)
    assert shop.output(TOY_QUANTITIES, [1, 2, 1]) / base == pytest.approx(2 ** (0.5 + 0.3), rel=1e-12)
    assert shop.output([10, 10, 200]) / base == pytest.approx(2**0.3, rel=1e-12)
    mp_better = shop.marginal_products(TOY_QUANTITIES, [1, 2, 1])[0]
    mp_more = shop.marginal_products([10, 10, 200])[0]
    assert mp_better > mp_more > shop.marginal_products(TOY_QUANTITIES)[0]


# ----------------------------------------------------------------------------- determinants


def test_log_growth_of_the_index_splits_exactly_into_contributions():
    """100 * diff(ln P) equals the sum of e_j * g_j year by year, to rounding, for any level paths."""
    rng = np.random.default_rng(7)
    levels = np.exp(np.cumsum(rng.normal(0.02, 0.03, size=(25, 5)), axis=0))
    acc = decompose_productivity(determinant_growth(levels), capital_share=0.35)
    direct = 100 * np.diff(np.log(productivity_index(levels, capital_share=0.35)))
    np.testing.assert_allclose(acc.total, direct, atol=1e-12)
    np.testing.assert_allclose(acc.contributions.sum(axis=-1), direct, atol=1e-12)


def test_determinants_reproduce_per_worker_growth_accounting():
    """With skill = human capital and the means of production = capital per worker, the index gives the
    same split as decompose(...).per_worker(): capital deepening, human capital, and TFP =
    science + organisation + nature."""
    e = constant_growth_economy(
        20, capital_growth=6.0, labor_growth=1.0, tfp_growth=2.0, capital_share=0.4, human_capital_growth=1.0
    )
    pw = decompose(e["output"], e["capital"], e["labor"], 0.4, e["human_capital"], e["years"]).per_worker()
    s = pw.summary()
    acc = decompose_productivity([1.0, 1.2, 0.5, 6.0 - 1.0, 0.3], capital_share=0.4)
    assert acc.part("skill") == pytest.approx(s.parts["human capital"], abs=1e-10)
    assert acc.part("means of production") == pytest.approx(s.parts["capital deepening"], abs=1e-10)
    assert acc.tfp == pytest.approx(s.parts["TFP"], abs=1e-10)
    assert acc.total == pytest.approx(s.total, abs=1e-10)


def test_default_elasticities_follow_the_capital_share():
    """Skill carries 1 - alpha, the means of production alpha, the three TFP-type determinants 1."""
    np.testing.assert_allclose(determinant_elasticities(0.3), [0.7, 1, 1, 0.3, 1])
    assert productivity_index(np.ones(5)) == 1.0
    acc = decompose_productivity([[1.0, 0, 0, 0, 0], [0, 0, 0, 2.0, 0]], capital_share=0.25)
    np.testing.assert_allclose(acc.total, [0.75, 0.5])
    assert isinstance(acc, DeterminantAccounting) and acc.names == DETERMINANTS


# ----------------------------------------------------------------------------- fit


@pytest.fixture
def workshop():
    rng = np.random.default_rng(11)
    return rng.lognormal(0, 0.3, 6), rng.lognormal(0.7, 0.5, 6)


def test_matched_assignment_is_the_frontier_and_mismatched_the_floor(workshop):
    """Under complements, skill-matched assignment gives the most output of all 720 assignments and
    anti-matched the least (rearrangement inequality)."""
    s, t = workshop
    every = np.array(list(itertools.permutations(range(6))))
    y = assignment_output(s, t, every)
    assert assignment_output(s, t, matched_assignment(s, t)) == pytest.approx(y.max(), rel=1e-14)
    assert assignment_output(s, t, mismatched_assignment(s, t)) == pytest.approx(y.min(), rel=1e-14)
    assert y.mean() == pytest.approx(expected_random_output(s, t), rel=1e-12)


def test_gain_from_matching_is_n_times_the_covariance_of_sorted_skills_and_tools(workshop):
    """Frontier minus expected random output = n * cov(sorted s, sorted t) >= 0."""
    s, t = workshop
    gain = assignment_output(s, t, matched_assignment(s, t)) - expected_random_output(s, t)
    cov = np.mean((np.sort(s) - s.mean()) * (np.sort(t) - t.mean()))
    assert gain == pytest.approx(6 * cov, rel=1e-12) and gain > 0


def test_random_assignments_average_the_expected_output(workshop):
    """The mean over random assignments is within 4 standard errors of n * mean(s) * mean(t)."""
    s, t = workshop
    y = assignment_output(s, t, random_assignments(6, 4000, np.random.default_rng(5)))
    assert abs(y.mean() - expected_random_output(s, t)) < 4 * y.std() / np.sqrt(y.size)


def test_assignment_does_not_matter_without_complementarity(workshop):
    """With additive production (s + t) every assignment gives the same output: fit needs complementarity."""
    s, t = workshop
    a = random_assignments(6, 50, np.random.default_rng(1))
    y = assignment_output(s, t, a, technology="substitutes")
    np.testing.assert_allclose(y, expected_random_output(s, t, "substitutes"), rtol=1e-14)
    np.testing.assert_allclose(pair_output([1.0, 2.0], [3.0, 4.0], "substitutes"), [4.0, 6.0])


def test_random_assignments_are_reproducible_permutations():
    """Each row is a permutation of 0..n-1, and the same seed gives the same draws."""
    a = random_assignments(5, 100, np.random.default_rng(2))
    b = random_assignments(5, 100, np.random.default_rng(2))
    np.testing.assert_array_equal(a, b)
    assert (np.sort(a, axis=1) == np.arange(5)).all()


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
        (lambda: ces_output([1.0, 2.0, 3.0], W, -0.5), r"sigma must lie in \[0, 100\]; got -0.5"),
        (lambda: ces_output([1.0, 2.0, 3.0], W, None), "sigma .* is needed for the CES rule"),
        (lambda: combine([1.0, 2.0, 3.0], "translog", W), "rule must be one of"),
        (lambda: marginal_products([0.0, 2.0, 3.0], "cobb-douglas", W), "strictly positive for marginal"),
        (lambda: LabourProcess(rule="ces", weights=(0.5, 0.5, 0.5)), "must sum to 1 for the CES rule"),
        (lambda: LabourProcess(requirements=(1.0, 2.0)), r"requirements must hold one number per element"),
        (lambda: LabourProcess(requirements=(1.0, 0.0, 2.0)), "requirements must be strictly positive"),
        (lambda: LabourProcess(labour_extension=1.5), r"labour_extension must lie in \[0, 1\]; got 1.5"),
        (lambda: LabourProcess().output([1.0, 2.0]), "quantities must have 3 elements on its last axis"),
        (lambda: LabourProcess().output(TOY_QUANTITIES, [1.0, 2.0]), "qualities must be a scalar or have 3"),
        (lambda: LabourProcess().output(TOY_QUANTITIES, 0.0), "qualities must be strictly positive"),
        (lambda: LabourProcess().ceiling(TOY_QUANTITIES, element="land"), "element must be one of"),
        (lambda: LabourProcess().best_combination(0, TOY_PRICES), r"budget must lie in \(0, inf\]; got 0"),
        (lambda: LabourProcess().best_combination(100, [1.0, 2.0]), "prices must hold one price per element"),
        (
            lambda: LabourProcess().best_combination(100, TOY_PRICES, np.ones((2, 3))),
            r"qualities must be a scalar or of shape \(3,\) here",
        ),
        (lambda: LabourProcess().output_for_spending([0.5, 0.5, 0.5], 100, TOY_PRICES), "must sum to 1"),
        (
            lambda: LabourProcess().best_combination_on_grid(100, TOY_PRICES, points=10.5),
            "points must be a whole number",
        ),
        (lambda: productivity_index(np.ones(4)), "default elasticities need the 5 determinants; got 4"),
        (lambda: productivity_index(np.ones(3), [1.0, 2.0]), "elasticities must be 3 finite numbers"),
        (lambda: productivity_index(2.0), "levels must have the determinants on its last axis"),
        (lambda: productivity_index([1.0, 0.0, 1.0, 1.0, 1.0]), "levels must be strictly positive; got 0"),
        (lambda: determinant_growth(np.ones(5)), r"levels must have shape \(T, J\) with T >= 2"),
        (
            lambda: decompose_productivity([1.0, np.inf, 0, 0, 0]),
            "growth must be finite; got inf at position 1",
        ),
        (lambda: decompose_productivity(1.0), "growth must have the determinants on its last axis"),
        (lambda: decompose_productivity([1.0, 2.0], [1, 1], names=("a",)), "names must have one entry"),
        (lambda: decompose_productivity(np.zeros(5)).part("luck"), r"unknown determinant\(s\) \['luck'\]"),
        (lambda: pair_output([1.0], [1.0], "perfect"), "technology must be 'complements' or 'substitutes'"),
        (lambda: assignment_output([1.0, 2.0], [1.0, 2.0, 3.0]), "same length"),
        (
            lambda: assignment_output([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], [[0, 0, 1]]),
            r"row \(0,\) is not a permutation of 0..2",
        ),
        (lambda: assignment_output([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], [0.0, 1.0, 2.0]), "must be integers"),
        (lambda: matched_assignment([1.0, -1.0], [1.0, 2.0]), "skills must be strictly positive"),
        (lambda: random_assignments(4, 10, 42), "rng must be a numpy.random.Generator"),
        (lambda: random_assignments(4.5, 10, np.random.default_rng(0)), "n and draws must be whole numbers"),
        (lambda: plot_output_along("shop", TOY_QUANTITIES), "process must be a LabourProcess"),
        (
            lambda: plot_output_along(LabourProcess(), np.ones((2, 3))),
            r"quantities must have shape \(3,\) here",
        ),
        (lambda: plot_determinants(decompose_productivity(np.zeros((2, 5)))), "one economy"),
    ],
)
def test_invalid_input_raises_a_clear_value_error(call, match):
    """Every invalid argument raises ValueError naming the argument, the rule and the value."""
    with pytest.raises(ValueError, match=match):
        call()


# ----------------------------------------------------------------------------- figures and widgets


def test_plot_output_along_draws_output_capacities_and_ceiling():
    """The static helper draws the output curve, three capacity lines and the CES ceiling."""
    ax = Figure().subplots()
    shop = LabourProcess(rule="ces", sigma=0.5)
    plot_output_along(shop, TOY_QUANTITIES, ax=ax, show_capacities=True, show_ceiling=True, points=41)
    lines = ax.get_lines()
    assert len(lines) == 5
    np.testing.assert_allclose(lines[0].get_ydata()[[0, 10]], [0.0, 20.0], atol=1e-12)
    assert lines[-1].get_ydata()[0] == pytest.approx(40.0)  # ceiling 1 / (0.3/20 + 0.2/20)
    assert ax.get_xlabel() == "workers (persons)"


def note_output(app):
    """The output number in the combination app's note (chairs per day)."""
    return float(app.note.value.split("<b>")[1].split(" chairs")[0])


def test_combination_app_shows_the_bottleneck_and_the_rule_change():
    """Under fixed proportions more workers add nothing; switching to Cobb-Douglas they add output;
    more machines under Leontief then raise output to the next bottleneck (timber)."""
    use_style()
    app = make_combination_app(rule="fixed proportions", workers=10, timber=260)
    assert note_output(app) == 20.0 and "<b>workers and means of labour (tied)" in app.note.value
    assert "idle: <b>60.0 kg of timber</b>" in app.note.value
    before = app.image.value
    app.set(workers=16)
    assert note_output(app) == 20.0 and "adds <b>0.00 chairs" in app.note.value
    assert "idle: <b>6.0 persons, 60.0 kg of timber</b>" in app.note.value
    assert app.image.value != before
    app.set(rule="cobb-douglas")
    assert note_output(app) == pytest.approx(20 * 1.6**0.5 * 1.3**0.2, abs=0.05)
    app.set(rule="fixed proportions", machines=10)
    assert note_output(app) == 26.0 and "objects of labour" in app.note.value
    marker = [ln for ln in app.axes.get_lines() if ln.get_label() == "current combination"][0]
    assert marker.get_ydata()[0] == pytest.approx(26.0)


def test_combination_app_sigma_moves_ces_between_leontief_and_cobb_douglas():
    """Under CES, raising sigma raises the output of an unbalanced combination to and past Cobb-Douglas."""
    app = make_combination_app(rule="ces", sigma=0.1, workers=20)
    low = note_output(app)
    app.set(sigma=1.0)
    assert low < note_output(app) == pytest.approx(20 * 2**0.5, abs=0.05)
    app.set(sigma=2.0)
    assert note_output(app) > 20 * 2**0.5


def test_combination_app_quality_versus_quantity():
    """With eta = 0 doubling machine quality equals doubling machines; with eta = 1 it gives more."""
    app = make_combination_app(tool_quality=2.0)
    by_quality = note_output(app)
    app.set(tool_quality=1.0, machines=10)
    assert note_output(app) == pytest.approx(by_quality)
    app.set(tool_quality=2.0, machines=5, labour_extension=1.0)
    assert note_output(app) == pytest.approx(20 * 2**0.8, abs=0.05) and note_output(app) > by_quality


def test_determinants_app_redraws_bars_and_total():
    """Moving a determinant's growth moves its bar by elasticity times the change, and the total with it."""
    use_style()
    app = make_determinants_app()
    heights = [p.get_height() for p in app.axes.patches]
    np.testing.assert_allclose(heights, [0.6, 2.0, 0.5, 2.0, -0.5, 4.6], atol=1e-12)
    assert "4.60 % per year" in app.note.value and "<b>2.00</b>" in app.note.value
    app.set(science=3.0)
    assert app.axes.patches[1].get_height() == pytest.approx(3.0)
    assert app.axes.patches[-1].get_height() == pytest.approx(5.6)
    app.set(capital_share=0.5)
    heights = [p.get_height() for p in app.axes.patches]
    assert heights[0] == pytest.approx(0.5) and heights[3] == pytest.approx(2.5)


def test_determinants_note_handles_no_growth():
    """With zero growth the note says productivity does not double (no division by zero)."""
    ax = Figure().subplots()
    note = draw_determinants(ax, 0.0, 0.0, 0.0, 0.0, 0.0, 0.4)
    assert "does not double" in note and "0.00 % per year" in note


def test_draw_combination_on_a_plain_axes_labels_every_line():
    """The draw function works without a widget and labels output, baseline and the three capacities."""
    ax = Figure().subplots()
    note = draw_combination(ax, rule="ces", sigma=0.5, workers=16)
    texts = [t.get_text() for t in ax.texts]
    assert "output" in texts and "capacity: objects of labour" in texts and len(texts) == 5
    assert "σ is used only" not in note and "timber per chair <b>8.1 kg</b>" in note  # 200 kg / 24.6 chairs
    assert [e for e in ELEMENTS if f"capacity: {e}" in texts] == list(ELEMENTS)


@pytest.mark.parametrize(
    "factory,name,values",
    [
        (make_combination_app, "workers", [12.0, 14, 16, 18, 20, 22, 24, 26]),
        (make_determinants_app, "science", [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5]),
    ],
)
def test_widgets_update_fast(factory, name, values):
    """After the first draw, an update (compute and render) stays well under the 100 ms bar
    (0.25 s here, generous for a loaded machine; the report gives the measured median)."""
    use_style()
    app = factory()
    times = []
    for v in values:
        app.set(**{name: v})
        times.append(app.last_seconds)
    assert np.median(times) < 0.25
