"""Tests of nqp_helpers.elements: the three-elements model, Marx's determinants index and "fit"."""

import itertools

import numpy as np
import pytest

from nqp_helpers.elements import (
    DETERMINANTS,
    ELEMENTS,
    TOY_PRICES,
    TOY_QUANTITIES,
    TOY_WEIGHTS,
    DeterminantAccounting,
    LabourProcess,
    assignment_output,
    decompose_productivity,
    determinant_elasticities,
    determinant_growth,
    element_index,
    expected_random_output,
    matched_assignment,
    mismatched_assignment,
    pair_output,
    productivity_index,
    random_assignments,
)
from nqp_helpers.growth import constant_growth_economy, decompose

W = np.array(TOY_WEIGHTS)


# ----------------------------------------------------------------------------- the labour process


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


def test_doubling_time_is_70_over_the_growth_rate():
    """At g % per year (log points) a level doubles in 100 ln 2 / g years; without growth never."""
    acc = decompose_productivity([[1.0, 2.0, 0.5, 5.0, -0.5], np.zeros(5), [-1.0, 0, 0, 0, 0]])
    years = acc.doubling_time
    assert years[0] == pytest.approx(100 * np.log(2) / 4.6, rel=1e-12)
    assert np.exp(acc.total[0] / 100 * years[0]) == pytest.approx(2.0, rel=1e-12)
    assert np.isinf(years[1]) and np.isinf(years[2])


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


# ----------------------------------------------------------------------------- bottlenecks and qualities


def test_scarcest_elements_bind_and_the_rest_lies_idle_under_fixed_proportions():
    """Under fixed proportions the scarcest element binds; q_i - Y c_i / a_i of every other element lies
    idle, and removing exactly that much leaves output unchanged."""
    shop = LabourProcess(rule="fixed proportions")
    q = np.array([16.0, 5.0, 260.0])
    assert shop.scarcest(q) == ("means of labour",)
    assert shop.scarcest([10, 5, 260]) == ("workers", "means of labour")
    assert shop.scarcest(TOY_QUANTITIES) == ELEMENTS
    idle = shop.idle_quantities(q)
    np.testing.assert_allclose(idle, [6.0, 0.0, 60.0], atol=1e-12)
    assert shop.output(q - idle) == pytest.approx(float(shop.output(q)), rel=1e-14)
    np.testing.assert_allclose(LabourProcess(rule="ces", sigma=0.0).idle_quantities(q), idle, atol=1e-12)


def test_nothing_is_idle_when_every_element_adds_output():
    """Under Cobb-Douglas and CES (sigma > 0) every element has a positive marginal product: nothing idle."""
    for shop in (LabourProcess(), LabourProcess(rule="ces", sigma=0.5)):
        q = np.array([[16.0, 5.0, 260.0], [10.0, 5.0, 200.0]])
        np.testing.assert_array_equal(shop.idle_quantities(q), np.zeros((2, 3)))
        assert np.all(shop.marginal_products(q) > 0)


def test_effective_qualities_raise_only_the_workers_and_only_with_labour_extension():
    """The workers' effective quality is a_W a_M^eta; the qualities of the means and objects are unchanged."""
    a = [1.5, 2.0, 0.8]
    np.testing.assert_allclose(LabourProcess(labour_extension=0.0).effective_qualities(a), a)
    np.testing.assert_allclose(
        LabourProcess(labour_extension=0.5).effective_qualities(a), [1.5 * 2**0.5, 2, 0.8]
    )
    np.testing.assert_allclose(LabourProcess(labour_extension=1.0).effective_qualities(2.0), [4.0, 2.0, 2.0])


def test_elements_are_named_or_numbered():
    """Each element can be given by its name or its position 0-2."""
    assert [element_index(e) for e in ELEMENTS] == [0, 1, 2]
    assert element_index(np.int64(2)) == 2 and element_index(" Workers ") == 0


# ----------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "call,match",
    [
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
        (lambda: element_index(True), "element must be one of"),
        (lambda: element_index(3), r"or an index 0-2; got 3"),
        (lambda: LabourProcess(sigma=[0.5, 1.0]), "sigma must be one number for a LabourProcess"),
        (lambda: LabourProcess(sigma=-1.0), r"sigma must lie in \[0, inf\); got -1"),
        (
            lambda: LabourProcess(weights=np.ones((2, 3)) / 3),
            r"weights must hold one weight per element \(3\)",
        ),
        (lambda: LabourProcess().scarcest(np.ones((2, 3))), r"quantities must have shape \(3,\) here"),
        (lambda: LabourProcess().idle_quantities([1.0, -1.0, 1.0]), "quantities must be non-negative"),
    ],
)
def test_invalid_input_raises_a_clear_value_error(call, match):
    """Every invalid argument raises ValueError naming the argument, the rule and the value."""
    with pytest.raises(ValueError, match=match):
        call()
