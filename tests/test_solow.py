"""Tests of nqp_helpers.solow: the analytic facts of the Solow model."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nqp_helpers.data import load_country
from nqp_helpers.growth import decompose
from nqp_helpers.solow import (
    SCENARIOS,
    ScenarioEnd,
    as_scenarios,
    average_return_to_capital,
    compare_scenarios,
    convergence,
    decompose_profit_rate_change,
    profit_rate_accounts,
    push_scenarios,
    simulate_solow,
    sources_of_growth,
    steady_state,
)

PARAMS = dict(
    saving_rate=0.25, depreciation=0.05, labor_growth=0.01, technology_growth=0.02, capital_share=0.35
)

params = st.fixed_dictionaries(
    {
        "saving_rate": st.floats(0.05, 0.6),
        "depreciation": st.floats(0.02, 0.1),
        "labor_growth": st.floats(-0.01, 0.03),
        "technology_growth": st.floats(0.0, 0.04),
        "capital_share": st.floats(0.15, 0.6),
    }
)


@settings(max_examples=100, deadline=None)
@given(params)
def test_steady_state_is_a_fixed_point_of_the_law_of_motion(p):
    """k* = (s/(n+g+ng+delta))^(1/(1-alpha)) maps to itself under k' = (s k^a + (1-d) k)/((1+n)(1+g))."""
    k = steady_state(**p).capital_per_effective_worker
    s, d, n, g, a = (
        p[x] for x in ("saving_rate", "depreciation", "labor_growth", "technology_growth", "capital_share")
    )
    nxt = (s * k**a + (1 - d) * k) / ((1 + n) * (1 + g))
    assert nxt == pytest.approx(k, rel=1e-12)
    assert steady_state(**p).capital_output_ratio == pytest.approx(s / (n + g + n * g + d), rel=1e-12)


@settings(max_examples=30, deadline=None)
@given(params, st.floats(0.2, 5.0))
def test_simulation_converges_to_the_steady_state(p, start):
    """From any k0 (here a multiple of k*), k_t converges to k* (the model is globally stable)."""
    k_star = steady_state(**p).capital_per_effective_worker
    half_life = convergence(p["depreciation"], p["labor_growth"], p["technology_growth"], p["capital_share"])
    years = int(40 * half_life.half_life) + 50  # 40 half-lives leave a gap of order 2^-40
    path = simulate_solow(years=years, initial_capital=start * k_star, **p)
    assert path.capital_per_effective_worker[-1] == pytest.approx(k_star, rel=1e-6)


def test_long_run_growth_of_output_per_worker_equals_technology_growth():
    """On the balanced path Y/L grows by the factor 1+g: 100 ln(1+g) % per year; TFP by (1-alpha) of it."""
    path = simulate_solow(years=600, initial_capital=0.3, **PARAMS)
    assert path.output_per_worker_growth[-1] == pytest.approx(100 * np.log(1.02), abs=1e-9)
    tfp_growth = 100 * np.diff(np.log(path.tfp))
    assert tfp_growth[-1] == pytest.approx((1 - 0.35) * 100 * np.log(1.02), abs=1e-12)
    assert path.output_growth[-1] == pytest.approx(100 * np.log(1.01 * 1.02), abs=1e-9)


def test_growth_accounting_on_solow_data_recovers_hicks_neutral_tfp():
    """decompose() on simulated Y, K, L gives TFP growth (1-alpha) ln(1+g) every year, also in transition."""
    path = simulate_solow(years=80, initial_capital=1.0, **PARAMS)
    acc = decompose(path.output, path.capital, path.labor, 0.35)
    np.testing.assert_allclose(acc.tfp_growth, 0.65 * np.log(1.02), atol=1e-12)


def test_saving_push_raises_the_level_not_the_long_run_growth():
    """A higher saving rate lifts output per worker permanently but leaves its long-run growth at ln(1+g)."""
    paths = push_scenarios(years=500, push_year=20)
    base, inv = paths["baseline"], paths["investment push"]
    assert inv.output_per_worker_growth[25] > base.output_per_worker_growth[25] + 0.5
    assert inv.output_per_worker_growth[-1] == pytest.approx(base.output_per_worker_growth[-1], abs=1e-6)
    # level gain equals the steady-state ratio (s1/s0)^(alpha/(1-alpha))
    ratio = inv.output_per_worker[-1] / base.output_per_worker[-1]
    assert ratio == pytest.approx((0.3 / 0.2) ** (0.5), rel=1e-6)


def test_labour_push_raises_output_growth_but_not_growth_per_worker():
    """Faster labour-force growth raises total output growth but dilutes capital: lower Y/L, same growth."""
    paths = push_scenarios(years=500, push_year=20, labor_push=0.01)
    base, lab = paths["baseline"], paths["labour push"]
    assert lab.output_growth[-1] == pytest.approx(100 * np.log(1.02 * 1.01), abs=1e-6)
    assert lab.output_growth[-1] > base.output_growth[-1]
    assert lab.output_per_worker_growth[-1] == pytest.approx(base.output_per_worker_growth[-1], abs=1e-6)
    assert lab.output_per_worker[-1] < base.output_per_worker[-1]


def test_only_the_innovation_push_raises_long_run_growth_per_worker():
    """Raising g from 0.01 to 0.02 raises the long-run growth of Y/L from ln 1.01 to ln 1.02."""
    paths = push_scenarios(years=500, technology_push=0.01)
    assert paths["innovation push"].output_per_worker_growth[-1] == pytest.approx(
        100 * np.log(1.02), abs=1e-6
    )
    assert list(paths) == list(SCENARIOS)


def test_marginal_product_of_capital_falls_as_capital_deepens():
    """After a saving push, alpha Y/K falls every year towards alpha (n+g+ng+delta)/s_new."""
    inv = push_scenarios(years=400, push_year=20, saving_push=0.1)["investment push"]
    mpk = inv.marginal_product_of_capital
    assert np.all(np.diff(mpk[21:]) < 0)
    eff = 1.01 * 1.01 - 0.95
    assert mpk[0] == pytest.approx(eff / 3 / 0.2, rel=1e-10)
    assert mpk[-1] == pytest.approx(eff / 3 / 0.3, rel=1e-6)
    assert steady_state(0.3, 0.05, 0.01, 0.01, 1 / 3).marginal_product_of_capital == pytest.approx(
        eff / 3 / 0.3
    )


def test_golden_rule_saving_rate_equals_capital_share():
    """Steady-state consumption per effective worker is largest at s = alpha."""
    s = np.linspace(0.01, 0.99, 9801)
    for alpha in (0.25, 0.33, 0.5):
        c = steady_state(s, 0.05, 0.01, 0.02, alpha).consumption_per_effective_worker
        assert s[np.argmax(c)] == pytest.approx(alpha, abs=1e-4)


def test_half_life_matches_the_simulated_closing_of_a_small_gap():
    """Near k*, half of a gap closes in ln 2 / (-ln lambda) years, lambda = a + (1-a)(1-d)/((1+n)(1+g))."""
    c = convergence(0.05, 0.01, 0.02, 0.35)
    k_star = steady_state(**PARAMS).capital_per_effective_worker
    path = simulate_solow(years=200, initial_capital=k_star * (1 + 1e-6), **PARAMS)
    gap = path.capital_per_effective_worker / k_star - 1
    years_to_half = np.interp(0.5, (gap / gap[0])[::-1], np.arange(200)[::-1])
    assert years_to_half == pytest.approx(c.half_life, abs=0.01)
    assert c.persistence == pytest.approx(0.35 + 0.65 * 0.95 / (1.01 * 1.02))


def test_vectorised_scenarios_equal_separate_runs():
    """Stacking scenarios on a leading axis gives exactly the row-by-row simulations."""
    s = np.array([[0.15], [0.25], [0.35]])
    both = simulate_solow(years=60, saving_rate=s, initial_capital=2.0)
    for i in range(3):
        one = simulate_solow(years=60, saving_rate=float(s[i, 0]), initial_capital=2.0)
        np.testing.assert_allclose(both.output[i], one.output, rtol=1e-14)
        np.testing.assert_allclose(both.scenario(i).capital, one.capital, rtol=1e-14)


def test_a_parameter_path_is_the_same_as_restarting_at_the_change():
    """A saving-rate path that changes in year 30 equals a run restarted from k_30 with the new rate."""
    s = np.where(np.arange(100) < 30, 0.2, 0.3)
    whole = simulate_solow(years=100, saving_rate=s)
    first = simulate_solow(years=31, saving_rate=0.2)
    rest = simulate_solow(years=70, saving_rate=0.3, initial_capital=first.capital_per_effective_worker[-1])
    np.testing.assert_allclose(
        whole.capital_per_effective_worker[30:], rest.capital_per_effective_worker, rtol=1e-12
    )


def test_average_return_to_capital_is_the_marginal_product_in_cobb_douglas():
    """capital_share x Y/K on simulated data equals the model's marginal product alpha Y/K."""
    path = simulate_solow(years=50, initial_capital=1.0, **PARAMS)
    np.testing.assert_allclose(
        average_return_to_capital(path.output, path.capital, 0.35),
        path.marginal_product_of_capital,
        rtol=1e-14,
    )
    panel = average_return_to_capital(
        [[1.0, 2.0], [3.0, 4.0]], [[2.0, 2.0], [3.0, 8.0]], [[0.5, 0.5], [0.4, 0.4]]
    )
    np.testing.assert_allclose(panel, [[0.25, 0.5], [0.4, 0.2]])


def test_sources_of_growth_add_up():
    """More inputs + better inputs + TFP equal output growth."""
    path = simulate_solow(years=40, initial_capital=1.0, **PARAMS)
    acc = decompose(path.output, path.capital, path.labor, 0.35, human_capital=np.linspace(1, 1.3, 40))
    parts = sources_of_growth(acc.summary())
    assert parts["more inputs"] + parts["better inputs"] + parts["TFP"] == pytest.approx(
        parts["output growth"]
    )
    with pytest.raises(ValueError, match="aggregate GrowthSummary"):
        sources_of_growth(acc.per_worker().summary())


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(years=1), "years must be at least 2"),
        (dict(years=10.0), "years must be a whole number"),
        (dict(saving_rate=0.0), r"saving_rate must lie in \(0, 1\]; got 0"),
        (dict(saving_rate=1.2), r"saving_rate must lie in \(0, 1\]; got 1.2"),
        (dict(saving_rate="high"), "saving_rate must be numeric"),
        (dict(depreciation=-0.1), r"depreciation must lie in \[0, 1\]; got -0.1"),
        (dict(labor_growth=-1.0), r"labor_growth must lie in \(-1, inf\); got -1"),
        (dict(technology_growth=np.nan), "technology_growth must be finite"),
        (dict(capital_share=1.0), r"capital_share must lie in \(0, 1\); got 1"),
        (dict(capital_share=True), "capital_share must be a number, not a boolean"),
        (dict(labor_growth=-0.05, technology_growth=0.0, depreciation=0.01), "must be positive for a steady"),
        (dict(years=10, saving_rate=np.full(7, 0.2)), "last axis has one value per year"),
        (
            dict(years=10, saving_rate=np.full((2, 10), 0.2), depreciation=np.full((3, 10), 0.05)),
            "must broadcast",
        ),
        (dict(initial_capital=0.0), r"initial_capital must lie in \(0, inf\); got 0"),
        (dict(start_year=1.5), "start_year must be a whole number"),
    ],
)
def test_simulate_solow_rejects_bad_input(kwargs, message):
    """Every parameter is checked at the boundary, with the argument, rule and value in the message."""
    with pytest.raises(ValueError, match=message):
        simulate_solow(**kwargs)


def test_other_functions_reject_bad_input():
    """steady_state, convergence, push_scenarios, average_return_to_capital and the scenario checks name
    what is wrong."""
    with pytest.raises(ValueError, match=r"saving_rate must lie in \(0, 1\]"):
        steady_state(saving_rate=-0.2)
    with pytest.raises(ValueError, match="must be positive for a steady state"):
        steady_state(labor_growth=-0.1, technology_growth=0.0, depreciation=0.05)
    with pytest.raises(ValueError, match=r"capital_share must lie in \(0, 1\)"):
        convergence(capital_share=0.0)
    with pytest.raises(ValueError, match="push_year must be at most years - 2 = 8"):
        push_scenarios(years=10, push_year=9)
    with pytest.raises(ValueError, match=r"saving_push must lie in \[0, 0.8\]; got 0.9"):
        push_scenarios(saving_push=0.9)
    with pytest.raises(ValueError, match=r"technology_push must lie in \[0, inf\]"):
        push_scenarios(technology_push=-0.01)
    with pytest.raises(ValueError, match="capital must have the same shape as output"):
        average_return_to_capital([1.0, 2.0], [1.0, 2.0, 3.0], 0.3)
    with pytest.raises(ValueError, match="output must be strictly positive"):
        average_return_to_capital([1.0, -2.0], [1.0, 2.0], 0.3)
    with pytest.raises(ValueError, match=r"capital_share must lie in \[0, 1\]; got 1.5"):
        average_return_to_capital([1.0, 2.0], [1.0, 2.0], 1.5)
    with pytest.raises(ValueError, match="output must be a 1-D series or a 2-D panel"):
        average_return_to_capital(1.0, 1.0, 0.3)
    with pytest.raises(ValueError, match="paths must be a non-empty dict"):
        as_scenarios([])
    with pytest.raises(ValueError, match="single-scenario SolowPath"):
        as_scenarios({"two": simulate_solow(years=5, saving_rate=[[0.2], [0.3]])})
    with pytest.raises(ValueError, match="must contain a 'baseline' scenario"):
        compare_scenarios({"investment push": push_scenarios()["investment push"]})
    with pytest.raises(ValueError, match=r"last_years must be at most the number of growth rates \(119\)"):
        compare_scenarios(push_scenarios(), last_years=120)
    with pytest.raises(ValueError, match="last_years must be a whole number"):
        compare_scenarios(push_scenarios(), last_years=2.5)


def test_scenarios_compare_by_end_growth_and_level_relative_to_the_baseline():
    """At the end of a long run, growth per worker is ln(1+g) in every scenario but the innovation push
    (ln(1+g+dg)); the investment push's level is (s1/s0)^(alpha/(1-alpha)) times the baseline's."""
    ends = compare_scenarios(push_scenarios(years=500), last_years=10)
    assert list(ends) == list(SCENARIOS) and all(isinstance(e, ScenarioEnd) for e in ends.values())
    for name in ("baseline", "investment push", "labour push"):
        assert ends[name].growth == pytest.approx(100 * np.log(1.01), abs=1e-6)
    assert ends["innovation push"].growth == pytest.approx(100 * np.log(1.02), abs=1e-6)
    assert ends["baseline"].relative_level == 1.0
    assert ends["investment push"].relative_level == pytest.approx(1.5**0.5, rel=1e-6)
    assert ends["labour push"].relative_level < 1.0 < ends["innovation push"].relative_level


def test_end_growth_is_the_mean_of_the_last_annual_rates():
    """The growth reported is the plain average of the last n annual log growth rates of Y/L."""
    paths = push_scenarios(years=60, push_year=20)
    for n in (1, 5, 59):
        ends = compare_scenarios(paths, last_years=n)
        inv = paths["investment push"]
        assert ends["investment push"].growth == pytest.approx(inv.output_per_worker_growth[-n:].mean())


# --------------------------------------------------------------------------- #
# The Marxian reading of the same ratios
# --------------------------------------------------------------------------- #
@settings(max_examples=200, deadline=None)
@given(st.floats(1.0, 1e6), st.floats(0.1, 20.0), st.floats(0.05, 1.0))
def test_profit_rate_identities(output, capital_output, labour_share):
    """r = s/(c+v) = (s/v)/(c/v + 1); c/v = (K/Y)/labsh; s/v = (1-labsh)/labsh; s/c is the gross return
    (1 - labsh) Y/K of average_return_to_capital; r = (s/c)/(1 + labsh Y/K), so r <= s/c."""
    capital = capital_output * output
    acc = profit_rate_accounts([output], [capital], labour_share)
    q, e, r = acc.organic_composition[0], acc.rate_of_surplus_value[0], acc.profit_rate[0]
    assert r == pytest.approx(e / (q + 1), rel=1e-12)
    assert q == pytest.approx(capital_output / labour_share, rel=1e-12)
    assert e == pytest.approx((1 - labour_share) / labour_share, rel=1e-12, abs=1e-15)
    gross = average_return_to_capital([output], [capital], 1 - labour_share)[0]
    assert acc.gross_return[0] == pytest.approx(gross, rel=1e-12, abs=1e-15)
    assert r == pytest.approx(gross / (1 + labour_share / capital_output), rel=1e-12, abs=1e-15)
    assert r <= acc.gross_return[0]


def test_profit_rate_without_wages_in_the_denominator_is_the_gross_return():
    """As the wages advanced become negligible next to the capital stock (v/c -> 0), r tends to s/c."""
    acc = profit_rate_accounts([1.0, 1.0], [1e9, 3.0], 0.5)
    assert acc.profit_rate[0] == pytest.approx(acc.gross_return[0], rel=1e-9)
    assert acc.profit_rate[1] == pytest.approx(0.5 / 3.5) and acc.gross_return[1] == pytest.approx(0.5 / 3)


@settings(max_examples=200, deadline=None)
@given(*(st.floats(0.0, top, allow_subnormal=False) for top in (20.0, 20.0, 5.0, 5.0)))
def test_profit_rate_change_splits_exactly_and_each_part_has_the_sign_of_its_ratio(q0, q1, e0, e1):
    """The two parts add up to r1 - r0; a rising c/v lowers r, a rising s/v raises it; an unchanged ratio
    contributes exactly zero."""
    ch = decompose_profit_rate_change((q0, q1), (e0, e1))
    assert ch.total == pytest.approx(e1 / (q1 + 1) - e0 / (q0 + 1), abs=1e-12)
    assert ch.from_organic_composition + ch.from_surplus_value == pytest.approx(ch.total, abs=1e-12)
    assert (q1 - q0) * ch.from_organic_composition <= 0 and (e1 - e0) * ch.from_surplus_value >= 0
    if abs(e1 - e0) > 1e-6:
        assert ch.from_surplus_value != 0
    if abs(q1 - q0) > 1e-6 and e0 + e1 > 1e-6:
        assert ch.from_organic_composition != 0
    assert decompose_profit_rate_change((q0, q0), (e0, e1)).from_organic_composition == 0.0
    assert decompose_profit_rate_change((q0, q1), (e0, e0)).from_surplus_value == 0.0


def test_profit_rate_change_on_chinas_data_comes_from_the_organic_composition():
    """With PWT China 2008-2023 the parts add up to the fall in r, and c/v accounts for more than all of it
    (s/v rose a little)."""
    chn = load_country("CHN", ["rgdpna", "rnna", "labsh"], start=2008, end=2023)
    acc = profit_rate_accounts(chn["rgdpna"], chn["rnna"], chn["labsh"])
    ch = decompose_profit_rate_change(
        (acc.organic_composition[0], acc.organic_composition[-1]),
        (acc.rate_of_surplus_value[0], acc.rate_of_surplus_value[-1]),
    )
    assert ch.total == pytest.approx(acc.profit_rate[-1] - acc.profit_rate[0], rel=1e-12)
    assert ch.total < 0 and ch.from_organic_composition < ch.total and ch.from_surplus_value > 0


@pytest.mark.parametrize(
    "args, message",
    [
        (([100.0], [0.0], 0.5), "capital"),
        (([100.0, 90.0], [300.0], 0.5), r"capital must have the same shape as output \(2,\); got \(1,\)"),
        (([100.0], [300.0], 0.0), r"labour_share must lie in \(0, 1\]; got 0"),
        (([100.0], [300.0], 1.2), r"labour_share must lie in \(0, 1\]; got 1.2"),
        (([100.0], [300.0], [0.5, 0.6]), "labour_share must be a scalar or match output's shape"),
    ],
)
def test_profit_rate_accounts_reject_bad_input(args, message):
    """Levels are positive, shapes agree, and the labour share lies in (0, 1] (v > 0)."""
    with pytest.raises(ValueError, match=message):
        profit_rate_accounts(*args)


@pytest.mark.parametrize(
    "args, message",
    [
        ((6.0, (1.0, 1.0)), r"organic_composition must be a pair \(before, after\); got 6.0"),
        (((6.0, 7.0, 8.0), (1.0, 1.0)), r"organic_composition must be a pair"),
        (((6.0, 7.0), (1.0,)), r"rate_of_surplus_value must be a pair"),
        (((-1.0, 7.0), (1.0, 1.0)), r"organic_composition must lie in \[0, inf\); got -1"),
        (((6.0, 7.0), (1.0, np.nan)), "rate_of_surplus_value must be finite"),
    ],
)
def test_decompose_profit_rate_change_rejects_bad_input(args, message):
    """Each ratio is a pair (before, after) of finite, non-negative numbers."""
    with pytest.raises(ValueError, match=message):
        decompose_profit_rate_change(*args)
