"""Tests of nqp_helpers.green: the Kaya identity and green growth accounting."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nqp_helpers.data import load_toy_green
from nqp_helpers.green import (
    KAYA_FACTORS,
    decarbonise,
    green_decompose,
    green_output,
    kaya_decomposition,
)

levels = arrays(np.float64, 9, elements=st.floats(1e-3, 1e6, allow_nan=False, allow_infinity=False))


@settings(max_examples=200, deadline=None)
@given(levels, levels, levels, levels)
def test_kaya_parts_sum_exactly_to_emissions_growth(P, Y, E, C):
    """The four log-change contributions add up to emissions growth, whatever the data."""
    k = kaya_decomposition(P, Y, E, C)
    total = sum(k.contributions.values())
    np.testing.assert_allclose(total, k.emissions_growth, rtol=0, atol=1e-10)
    product = np.prod(np.array(list(k.levels.values())), axis=0)
    np.testing.assert_allclose(product, C, rtol=1e-12)


def test_kaya_summary_on_the_toy_economy():
    """Average contributions (% per year) add up to emissions growth and emissions level off after 2012."""
    g = load_toy_green()
    k = kaya_decomposition(g.population, g.output, g.energy, g.emissions, g.years)
    s = k.summary()
    assert s.total == pytest.approx(sum(s.parts.values()))
    assert list(s.parts) == list(KAYA_FACTORS)
    assert s.parts["population"] == pytest.approx(0.5)
    assert k.summary(2000, 2005).total > 8 and abs(k.summary(2012, 2020).total) < 0.5
    assert (
        k.summary(2012, 2020).parts["carbon intensity"] < 0 < k.summary(2000, 2012).parts["carbon intensity"]
    )


def test_zero_carbon_price_gives_ordinary_tfp():
    """With a carbon price of zero, green TFP is ordinary TFP exactly."""
    g = load_toy_green()
    acc = green_decompose(
        g.output, g.capital, g.labor, g.capital_share, g.emissions, 0.0, g.human_capital, g.years
    )
    np.testing.assert_array_equal(acc.green.tfp_growth, acc.ordinary.tfp_growth)
    assert acc.tfp_gap() == 0.0


def test_green_tfp_gap_follows_the_decoupling_formula():
    """g_A(green) - g_A = g_{Y - pC} - g_Y, which is about s/(1-s) (g_Y - g_C) for small steps."""
    t = np.arange(0, 41)
    Y = 1000 * np.exp(0.05 * t)
    C = 2000 * np.exp(0.01 * t)
    K, L = np.exp(0.06 * t), np.exp(0.01 * t)
    acc = green_decompose(Y, K, L, 0.4, C, carbon_price=30.0)
    gap = acc.green.tfp_growth - acc.ordinary.tfp_growth
    np.testing.assert_allclose(gap, np.diff(np.log(Y - 30 * C / 1000)) - np.diff(np.log(Y)), rtol=1e-12)
    s = acc.charge_share[:-1]
    np.testing.assert_allclose(gap, s / (1 - s) * (0.05 - 0.01), rtol=0.05)
    assert np.all(gap > 0)  # emissions grow more slowly than output: green TFP grows faster


def test_emissions_growing_faster_than_output_lower_green_tfp():
    """When emissions outpace output, charging for them lowers measured TFP growth."""
    t = np.arange(0, 11)
    Y = 1000 * np.exp(0.05 * t)
    C = 1000 * np.exp(0.08 * t)
    acc = green_decompose(Y, np.ones(11), np.ones(11), 0.4, C, carbon_price=50.0)
    assert np.all(acc.green.tfp_growth < acc.ordinary.tfp_growth)


def test_green_output_units():
    """Charge in billions = price per tonne x Mt / 1000."""
    np.testing.assert_allclose(green_output([1000.0, 2000.0], [2000.0, 1000.0], 100.0), [800.0, 1900.0])


def test_decarbonise_keeps_the_past_and_changes_carbon_intensity():
    """Before from_year emissions are as observed; after it carbon intensity changes at the set rate."""
    g = load_toy_green()
    C = decarbonise(g.energy, g.emissions, g.years, 2012, -5.0)
    before = g.years <= 2012
    np.testing.assert_array_equal(C[before], g.emissions[before])
    ci = C / g.energy
    np.testing.assert_allclose(np.diff(np.log(ci[g.years >= 2012])), -0.05, rtol=1e-12)


@pytest.mark.parametrize(
    "call, match",
    [
        (
            lambda: kaya_decomposition([1, 2], [1, 2], [1, 2], [1, 2, 3]),
            r"emissions must have the same length",
        ),
        (lambda: kaya_decomposition([1], [1], [1], [1]), r"needs at least 2 years"),
        (lambda: kaya_decomposition([1, -2], [1, 2], [1, 2], [1, 2]), "population must be strictly positive"),
        (
            lambda: kaya_decomposition([1, 2], [1, 2], [1, 2], [1, 2], years=[2001, 2000]),
            "years must be sorted",
        ),
        (lambda: green_output([100.0], [2000.0], 60.0), "makes the emission charge"),
        (lambda: green_output([100.0], [20.0], -1.0), r"carbon_price must lie in \[0, 10000\]; got -1"),
        (lambda: green_output([100.0, 100.0], [20.0], 1.0), "emissions must have the same shape as output"),
        (
            lambda: decarbonise([1, 1], [1, 1], [2000, 2001], 1999, -1.0),
            "from_year must be a year of the data",
        ),
        (
            lambda: decarbonise([1, 1], [1, 1], [2000, 2001], 2000, -40.0),
            r"carbon_intensity_growth must lie in",
        ),
        (
            lambda: decarbonise([1, 1], [1, 1, 1], [2000, 2001], 2000, -4.0),
            "emissions must have the same shape",
        ),
        (lambda: decarbonise([1, 1], [1, 1], None, 2000, -4.0), "years must be given"),
    ],
)
def test_bad_arguments_raise(call, match):
    """Invalid input raises a ValueError naming the argument and the rule."""
    with pytest.raises(ValueError, match=match):
        call()


def test_kaya_levels_multiply_to_emissions_in_the_order_of_the_identity():
    """levels follow KAYA_FACTORS: P x (Y/P) x (E/Y) x (C/E) = C, with the named units."""
    k = kaya_decomposition([10.0, 20.0], [100.0, 300.0], [50.0, 60.0], [200.0, 180.0])
    assert tuple(k.levels) == KAYA_FACTORS and tuple(k.contributions) == KAYA_FACTORS
    np.testing.assert_allclose(k.levels["output per person"], [10.0, 15.0])
    np.testing.assert_allclose(k.levels["carbon intensity"], [4.0, 3.0])


def test_resource_drag_is_the_gap_between_the_two_balanced_growth_rates():
    """The drag equals g minus output-per-worker growth on the balanced growth path of
    Y = K^a R^b T^c (AL)^(1-a-b-c), the latter found by iterating g_Y = a g_Y - b*decline + (1-a-b-c)(g+n)."""
    from nqp_helpers.green import resource_growth_drag

    g, n, decline, a, b, c = 2.0, 0.5, 1.0, 0.35, 0.05, 0.05
    g_y = 0.0
    for _ in range(2000):  # a contraction with factor a: converges to the fixed point
        g_y = a * g_y - b * decline + (1 - a - b - c) * (g + n)
    assert resource_growth_drag(g, n, decline, a, b, c) == pytest.approx(g - (g_y - n))
    assert resource_growth_drag(g, n, decline, a, 0.0, 0.0) == 0.0  # no limits, no drag


@pytest.mark.parametrize(
    "args, match",
    [
        ((2.0, 0.0, 1.0, 1.0, 0.05), "capital_share must lie in"),
        ((2.0, 0.0, 1.0, 0.35, -0.1), "resource_share must lie in"),
        ((20.0, 0.0, 1.0, 0.35, 0.05), "technology_growth must lie in"),
        ((2.0, 0.0, 1.0, 0.6, 0.3, 0.2), "must be below 1; got 1.1"),
    ],
)
def test_resource_drag_rejects_bad_arguments(args, match):
    """Shares outside [0, 1), rates outside [-10, 10] and shares that sum to 1 or more raise ValueError."""
    from nqp_helpers.green import resource_growth_drag

    with pytest.raises(ValueError, match=match):
        resource_growth_drag(*args)
