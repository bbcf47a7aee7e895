"""Tests of nqp_helpers.structural: the shift-share decomposition and the toy three-sector economy."""

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nqp_helpers.data import load_toy_sectors
from nqp_helpers.structural import reallocation_scenario, shift_share

positive = st.floats(1e-3, 1e4, allow_nan=False, allow_infinity=False)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    st.integers(2, 6).flatmap(
        lambda T: st.integers(1, 5).flatmap(
            lambda S: st.tuples(
                arrays(np.float64, (T, S), elements=positive), arrays(np.float64, (T, S), elements=positive)
            )
        )
    )
)
@example(  # found by a fresh run: a high-productivity sector with almost no workers
    (np.array([[2279.0, 1e-3], [1e-3, 1e-3]]), np.array([[1e-3, 2279.0], [2279.0, 2279.0]]))
)
def test_parts_sum_exactly_to_the_total_on_random_data(tables):
    """within + between + interaction equals the change in aggregate productivity, whatever the data."""
    p, emp = tables
    r = shift_share(p, emp)
    # Rounding scales with the sectors' productivity, not with the aggregate: a sector at 2,279 employing
    # almost nobody leaves the aggregate near 0.001 but its terms near 2,279 x its share.
    scale = np.abs(p).max()
    np.testing.assert_allclose(r.within + r.between + r.interaction, r.total, rtol=1e-10, atol=1e-12 * scale)
    # by-sector parts add up to the totals
    np.testing.assert_allclose(r.within_by_sector.sum(axis=1), r.within, rtol=1e-12, atol=1e-9)
    # percentages of the initial level add up too
    pct = r.percent_of_initial()
    np.testing.assert_allclose(
        pct["within"] + pct["between"] + pct["interaction"],
        pct["total"],
        rtol=1e-9,
        atol=1e-10 * 100 * scale / r.productivity[:-1].min(),
    )


def test_aggregate_productivity_is_total_value_added_per_worker():
    """sum_i theta_i p_i equals total value added over total employment."""
    d = load_toy_sectors()
    r = shift_share(d.productivity, d.employment, d.years)
    np.testing.assert_allclose(
        r.productivity, d.value_added.sum(axis=1) / d.employment.sum(axis=1), rtol=1e-12
    )
    np.testing.assert_allclose(r.shares.sum(axis=1), 1.0)


def test_no_reallocation_means_no_between_or_interaction_term():
    """With constant employment shares (employment may grow), only the within term is non-zero."""
    rng = np.random.default_rng(5)
    p = np.exp(np.cumsum(rng.normal(0.03, 0.02, (10, 4)), axis=0))
    emp = np.outer(np.exp(0.01 * np.arange(10)), [10.0, 20.0, 30.0, 40.0])
    r = shift_share(p, emp)
    np.testing.assert_allclose(r.between, 0.0, atol=1e-12)
    np.testing.assert_allclose(r.interaction, 0.0, atol=1e-12)
    np.testing.assert_allclose(r.within, r.total, rtol=1e-12)


def test_no_productivity_change_means_only_structural_change():
    """With productivity frozen in every sector, all change is 'between' (reallocation)."""
    p = np.array([[1.0, 3.0, 5.0]] * 3)
    emp = np.array([[60, 20, 20], [50, 25, 25], [40, 30, 30]], dtype=float)
    r = shift_share(p, emp)
    np.testing.assert_allclose(r.within, 0.0, atol=1e-15)
    np.testing.assert_allclose(r.interaction, 0.0, atol=1e-15)
    np.testing.assert_allclose(r.between, [0.3, 0.3])  # -0.1 x 1 + 0.05 x 3 + 0.05 x 5


def test_hand_computed_two_sector_example():
    """Two sectors: within = theta0 . dp, between = p0 . dtheta, interaction = dp . dtheta, by hand."""
    r = shift_share([[1.0, 4.0], [2.0, 6.0]], [[80, 20], [60, 40]])
    assert r.within[0] == pytest.approx(0.8 * 1 + 0.2 * 2)
    assert r.between[0] == pytest.approx(1 * -0.2 + 4 * 0.2)
    assert r.interaction[0] == pytest.approx(1 * -0.2 + 2 * 0.2)
    assert r.structural_change[0] == pytest.approx(2 * -0.2 + 6 * 0.2)  # McMillan-Rodrik: end-period p
    assert r.total[0] == pytest.approx((0.6 * 2 + 0.4 * 6) - (0.8 * 1 + 0.2 * 4))


def test_toy_economy_moves_workers_out_of_agriculture():
    """In the toy data agriculture's share falls from 60 % to 25 % and reallocation adds to productivity."""
    d = load_toy_sectors()
    r = shift_share(d.productivity[[0, -1]], d.employment[[0, -1]])
    np.testing.assert_allclose(r.shares[0], [0.6, 0.2, 0.2])
    np.testing.assert_allclose(r.shares[1], [0.25, 0.29, 0.46])
    assert r.between[0] > 0 and r.interaction[0] > 0 and r.within[0] > 0
    growth = np.log(d.productivity[-1] / d.productivity[0]) / 30 * 100
    np.testing.assert_allclose(growth, [4.5, 6.5, 4.0], atol=1e-9)


@pytest.mark.parametrize(
    "p, emp, years, match",
    [
        ([1.0, 2.0], [1.0, 2.0], None, "productivity must be a 2-D array"),
        ([[1.0, 2.0]], [[1.0, 2.0]], None, "needs at least 2 dates and 1 sector"),
        (
            [[1.0, 2.0], [1.0, -2.0]],
            [[1, 1], [1, 1]],
            None,
            r"productivity must be strictly positive; got -2",
        ),
        ([[1.0, 2.0], [1.0, np.nan]], [[1, 1], [1, 1]], None, "productivity must be finite; got nan"),
        ([[1.0, 2.0], [1.0, 2.0]], [[1, 1], [0, 1]], None, "employment must be strictly positive; got 0"),
        ([[1.0, 2.0], [1.0, 2.0]], [[1, 1, 1], [1, 1, 1]], None, "employment must have the same shape"),
        ([[1.0, 2.0], [1.0, 2.0]], [[1, 1], [1, 1]], [2001, 2000], "years must be sorted"),
        ([["a", 2.0], [1.0, 2.0]], [[1, 1], [1, 1]], None, "productivity must contain only numbers"),
    ],
)
def test_shift_share_rejects_bad_input(p, emp, years, match):
    """Bad tables raise a ValueError naming the argument and the rule."""
    with pytest.raises(ValueError, match=match):
        shift_share(p, emp, years)


def _toy_scenario(reallocation=1.0, manufacturing_growth=6.5):
    """The counterfactual of the structural-change widget, built on the toy three-sector economy."""
    d = load_toy_sectors()
    return reallocation_scenario(d.productivity, d.employment, d.years, reallocation, manufacturing_growth)


def test_scenario_moves_the_set_share_of_workers_out_of_agriculture():
    """Each year `reallocation` points leave agriculture, 35 % to manufacturing and 65 % to services."""
    s = _toy_scenario(reallocation=1.0)
    np.testing.assert_allclose(s.shares.sum(axis=1), 1.0, rtol=1e-12)
    np.testing.assert_allclose(s.shares[0], [0.6, 0.2, 0.2])
    np.testing.assert_allclose(s.shares[10], [0.5, 0.2 + 0.035, 0.2 + 0.065])
    np.testing.assert_allclose(np.diff(s.shares[:, 0]), -0.01, rtol=1e-9)


def test_scenario_keeps_one_percent_in_agriculture():
    """Agriculture never falls below 1 % of employment: once it would, workers stop leaving it."""
    s = _toy_scenario(reallocation=1.9)
    assert s.shares[-1, 0] == pytest.approx(0.60 - 30 * 0.019)  # 3 % left in 2020: the floor does not bind
    years = np.arange(2000, 2061)
    long = reallocation_scenario(np.ones((61, 3)), np.tile([60.0, 20.0, 20.0], (61, 1)), years, 1.9, 0.0)
    assert long.shares[:, 0].min() == pytest.approx(0.01)
    assert np.all(long.shares > 0) and long.shares[-1, 0] == pytest.approx(0.01)


def test_scenario_productivity_grows_at_the_data_rates_except_manufacturing():
    """Agriculture and services grow at their 1990-2020 averages (4.5, 4 %); manufacturing at the set rate."""
    s = _toy_scenario(manufacturing_growth=9.0)
    growth = 100 * np.diff(np.log(s.productivity), axis=0)
    np.testing.assert_allclose(growth, np.tile([4.5, 9.0, 4.0], (30, 1)), rtol=1e-9)


def test_scenario_without_reallocation_has_only_within_change():
    """With nobody moving, every long difference is all within: between and interaction are zero."""
    s = _toy_scenario(reallocation=0.0)
    r = s.long_difference(1990, 2020)
    np.testing.assert_allclose([r.between[0], r.interaction[0]], 0.0, atol=1e-12)
    assert r.within[0] == pytest.approx(r.total[0])


def test_long_difference_is_shift_share_of_the_two_years():
    """long_difference(a, b) is shift_share of the rows of years a and b, with those years attached."""
    s = _toy_scenario()
    r = s.long_difference(2000, 2010)
    ref = shift_share(s.productivity[[10, 20]], s.shares[[10, 20]])
    np.testing.assert_allclose(r.total, ref.total, rtol=1e-12)
    np.testing.assert_allclose(r.between, ref.between, rtol=1e-12)
    np.testing.assert_array_equal(r.years, [2000, 2010])


def test_productivity_growth_is_the_average_log_growth_per_year():
    """productivity_growth = 100 ln(P_end / P_start) / years; per interval when there are no years."""
    d = load_toy_sectors()
    r = shift_share(d.productivity[[0, -1]], d.employment[[0, -1]], [1990, 2020])
    assert r.productivity_growth()[0] == pytest.approx(
        100 * np.log(r.productivity[1] / r.productivity[0]) / 30
    )
    no_years = shift_share(d.productivity[[0, -1]], d.employment[[0, -1]])
    assert no_years.productivity_growth()[0] == pytest.approx(30 * r.productivity_growth()[0])


@pytest.mark.parametrize(
    "kwargs, match",
    [
        (dict(reallocation=3), r"reallocation must lie in \[0, 1.9\]; got 3"),
        (dict(manufacturing_growth=20), r"manufacturing_growth must lie in \[-5, 15\]; got 20"),
        (dict(productivity=[[1.0, 2.0], [1.0, 2.0]]), "productivity must have 3 sectors"),
        (dict(employment=[[1.0, 2.0, 3.0]] * 3), "employment must have the same shape"),
        (dict(years=None), "years must be given"),
        (dict(years=[2001, 2000]), "years must be sorted"),
    ],
)
def test_reallocation_scenario_rejects_bad_arguments(kwargs, match):
    """Bad arguments raise a ValueError naming the argument, the rule and the value."""
    args = dict(productivity=[[1.0, 2.0, 3.0]] * 2, employment=[[6, 2, 2]] * 2, years=[2000, 2001])
    args.update(kwargs)
    with pytest.raises(ValueError, match=match):
        reallocation_scenario(**args)


def test_long_difference_needs_years_of_the_scenario():
    """A year outside the scenario is refused with the scenario's range in the message."""
    s = _toy_scenario()
    with pytest.raises(ValueError, match=r"end must be a year of the scenario \(1990-2020\); got 2030"):
        s.long_difference(1990, 2030)
    with pytest.raises(ValueError, match="years must be sorted"):
        s.long_difference(2000, 1990)
