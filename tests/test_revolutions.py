"""Tests of nqp_helpers.revolutions: timeline data, diffusion and the CES supply shock."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nqp_helpers.data import load_country
from nqp_helpers.production import ces_output
from nqp_helpers.revolutions import (
    GORDON_TFP,
    REVOLUTIONS,
    adoption_share,
    diffusion_path,
    hulten_loss,
    supply_shock_loss,
    supply_shock_output,
    tfp_growth_by_period,
)


# --------------------------------------------------------------------------- #
# Data
# --------------------------------------------------------------------------- #
def test_four_revolutions_in_order_with_the_articles_dating():
    """Steam from the 1760s and electricity from the 1860s (dated to a decade); automation and the
    digital-intelligent stage dated only to the twentieth and twenty-first centuries."""
    assert [r.number for r in REVOLUTIONS] == [1, 2, 3, 4]
    assert [(r.start, r.precision) for r in REVOLUTIONS] == [
        (1760, "decade"),
        (1860, "decade"),
        (1900, "century"),
        (2000, "century"),
    ]
    assert "computing power" in REVOLUTIONS[3].key_technology


def test_gordon_periods_are_contiguous_and_peak_in_1920_1970():
    """The five periods tile 1890-2014; 1920-70 is the fastest; the post-1970 average is 0.64 % per year."""
    assert GORDON_TFP.starts[1:] == GORDON_TFP.ends[:-1]
    assert GORDON_TFP.values[int(np.argmax(GORDON_TFP.values))] == 1.89
    assert GORDON_TFP.weighted_mean(1970, 2014) == pytest.approx((24 * 0.57 + 10 * 1.03 + 10 * 0.40) / 44)
    assert round(GORDON_TFP.weighted_mean(1970, 2014), 2) == 0.64
    with pytest.raises(ValueError, match="boundaries of the published periods"):
        GORDON_TFP.weighted_mean(1975, 2014)


def test_tfp_growth_by_period_is_the_annualised_log_change_of_rtfpna():
    """Growth over a period is 100 (ln TFP_end - ln TFP_start)/(end - start), from the PWT rtfpna series."""
    usa = load_country("USA", "rtfpna", start=1994, end=2004)
    expected = 100 * np.log(usa["rtfpna"][-1] / usa["rtfpna"][0]) / 10
    got = tfp_growth_by_period(["USA", "CHN"], [(1994, 2004), (2004, 2014)])
    assert got.shape == (2, 2)
    assert got[0, 0] == pytest.approx(expected, rel=1e-12)


def test_tfp_growth_by_period_leaves_missing_data_missing():
    """Where rtfpna is missing at either end of a period the result is NaN, never a filled-in value."""
    got = tfp_growth_by_period("USA", [(1950, 1960), (1960, 1970)])
    assert np.isnan(got[0, 0]) and np.isfinite(got[0, 1])


@pytest.mark.parametrize(
    "periods, message",
    [
        ([(2004, 1994)], "start < end"),
        ([(1994.5, 2004)], "whole years"),
        ([1994, 2004], r"list of \(start, end\) pairs"),
        ([(1940, 1960)], "within 1950-2023"),
    ],
)
def test_tfp_growth_by_period_rejects_bad_periods(periods, message):
    """Periods must be (start, end) pairs of whole years inside the data."""
    with pytest.raises(ValueError, match=message):
        tfp_growth_by_period("USA", periods)


# --------------------------------------------------------------------------- #
# Diffusion
# --------------------------------------------------------------------------- #
@settings(max_examples=100, deadline=None)
@given(st.floats(0.02, 1.0), st.floats(0.001, 0.2), st.floats(0.0, 80.0))
def test_logistic_adoption_starts_at_s0_and_is_symmetric_about_its_midpoint(v, s0, x):
    """S(0) = S0, S(t_half) = 1/2 and S(t_half + x) + S(t_half - x) = 1."""
    mid = np.log((1 - s0) / s0) / v
    assert adoption_share(0.0, v, s0) == pytest.approx(s0, rel=1e-9)
    assert adoption_share(mid, v, s0) == pytest.approx(0.5, abs=1e-12)
    assert adoption_share(mid + x, v, s0) + adoption_share(mid - x, v, s0) == pytest.approx(1.0, abs=1e-12)


def test_tfp_growth_is_the_derivative_of_the_log_tfp_gain():
    """tfp_growth equals 100 d(tfp_gain)/dt (checked with central differences)."""
    years = np.arange(1870, 2031, 0.01)
    p = diffusion_path(years, 1882, speed=0.12, gain=0.6, lag=8)
    numeric = 100 * np.gradient(p.tfp_gain, years)
    np.testing.assert_allclose(numeric[1:-1], p.tfp_growth[1:-1], atol=1e-6)


def test_peak_comes_decades_after_adoption_starts_and_moves_with_speed_and_lag():
    """The peak is at t0 + lag + ln((1-S0)/S0)/v with height 25 G v: slower diffusion, later and lower peak;
    a longer lag shifts the peak one for one."""
    years = np.arange(1870, 2100, 0.01)
    fast = diffusion_path(years, 1882, speed=0.2, gain=0.5, lag=10)
    slow = diffusion_path(years, 1882, speed=0.08, gain=0.5, lag=10)
    for p in (fast, slow):
        assert years[np.argmax(p.tfp_growth)] == pytest.approx(p.peak_year, abs=0.01)
        assert p.tfp_growth.max() == pytest.approx(p.peak_growth, rel=1e-6)
    assert slow.peak_year > fast.peak_year and slow.peak_growth < fast.peak_growth
    assert slow.peak_year - 1882 > 60
    assert slow.half_adoption_year == pytest.approx(1882 + np.log(99) / 0.08)
    assert slow.peak_year - slow.half_adoption_year == pytest.approx(10.0)
    longer = diffusion_path(years, 1882, speed=0.08, gain=0.5, lag=25)
    assert longer.peak_year - slow.peak_year == pytest.approx(15.0)
    later = diffusion_path(years, adoption_start=1900, speed=0.08, gain=0.5, lag=10)
    assert later.adoption_start == 1900 and later.peak_year - slow.peak_year == pytest.approx(18.0)


def test_diffusion_rejects_bad_parameters():
    """Speed and gain must be positive, the lag non-negative, the initial share in (0, 0.5), years 1-D."""
    years = np.arange(1880, 1990)
    with pytest.raises(ValueError, match=r"speed must lie in \(0, inf"):
        diffusion_path(years, speed=0.0)
    with pytest.raises(ValueError, match=r"gain must lie in \(0, inf"):
        diffusion_path(years, gain=-0.5)
    with pytest.raises(ValueError, match=r"lag must lie in \[0, inf"):
        diffusion_path(years, lag=-1)
    with pytest.raises(ValueError, match=r"initial_share must lie in \(0, 0.5\)"):
        diffusion_path(years, initial_share=0.5)
    with pytest.raises(ValueError, match="adoption_start must be finite"):
        diffusion_path(years, adoption_start=np.nan)
    with pytest.raises(ValueError, match="years must be a non-empty 1-D array"):
        diffusion_path(np.ones((2, 3)))
    with pytest.raises(ValueError, match="years_since_start must be finite"):
        adoption_share(np.inf, 0.1)


# --------------------------------------------------------------------------- #
# CES supply shock
# --------------------------------------------------------------------------- #
def test_an_essential_input_cut_to_zero_stops_production_only_with_complements():
    """With sigma < 1, M = 0 gives Y = 0; with sigma > 1, Y = (1-w)^(sigma/(sigma-1)) D."""
    assert supply_shock_loss(1.0, 0.5, 0.1) == pytest.approx(100.0)
    assert supply_shock_loss(1.0, 2.0, 0.1) == pytest.approx(100 * (1 - 0.9**2))


def test_loss_falls_with_substitutability_and_with_domestic_capacity():
    """Output loss decreases in sigma and in capacity, and is zero once capacity covers the cut."""
    sig = np.geomspace(0.05, 5, 50)
    loss = supply_shock_loss(0.5, sig, 0.1)
    assert np.all(np.diff(loss) < 0)
    cap = np.linspace(0, 0.5, 11)
    assert np.all(np.diff(supply_shock_loss(0.5, 0.3, 0.1, cap)) < 0)
    assert supply_shock_loss(0.4, 0.3, 0.1, capacity=0.4) == 0.0
    assert supply_shock_loss(0.4, 0.3, 0.1, capacity=0.9) == 0.0


def test_hulten_loss_is_the_log_rule_converted_to_percent():
    """Hulten's rule d ln Y = w d ln M, integrated at the pre-shock share, is a loss of -w ln(1 - net cut)
    log points, i.e. 100 (1 - (1 - net cut)^w) % of output: more than w x cut for a large cut, and the
    same as w x cut for a tiny one; capacity lowers the net cut one for one."""
    log_points = -100 * 0.1 * np.log(1 - 0.5)
    assert hulten_loss(0.5, 0.1) == pytest.approx(100 * (1 - np.exp(-log_points / 100)), rel=1e-12)
    assert hulten_loss(0.5, 0.1) == pytest.approx(100 * (1 - 0.5**0.1), rel=1e-12)
    assert 100 * 0.1 * 0.5 < hulten_loss(0.5, 0.1) < log_points
    assert hulten_loss(1e-6, 0.1) == pytest.approx(100 * 0.1 * 1e-6, rel=1e-5)
    assert hulten_loss(0.6, 0.05, 0.2) == pytest.approx(hulten_loss(0.4, 0.05), rel=1e-12)
    assert hulten_loss(1.0, 0.1) == pytest.approx(100.0)


def test_hulten_first_order_holds_for_small_shocks_whatever_sigma():
    """For a tiny cut the loss is cost share x cut (Hulten's theorem), for complements and substitutes."""
    for sigma in (0.05, 0.3, 1.0, 3.0):
        assert supply_shock_loss(1e-5, sigma, 0.1) == pytest.approx(100 * 0.1 * 1e-5, rel=1e-3)


def test_large_shocks_with_complements_exceed_the_hulten_loss():
    """Beyond first order, complements (sigma < 1) amplify losses; sigma = 1 reproduces Hulten exactly."""
    assert supply_shock_loss(0.5, 1.0, 0.1) == pytest.approx(hulten_loss(0.5, 0.1), rel=1e-12)
    assert supply_shock_loss(0.5, 0.2, 0.1) > 3 * hulten_loss(0.5, 0.1)
    assert supply_shock_loss(0.5, 3.0, 0.1) < hulten_loss(0.5, 0.1)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(cut=1.2), r"cut must lie in \[0, 1\]; got 1.2"),
        (dict(cut=-0.1), r"cut must lie in \[0, 1\]; got -0.1"),
        (dict(capacity=-0.2), r"capacity must lie in \[0, 1\]; got -0.2"),
        (dict(import_share=0.0), r"import_share must lie in \(0, 1\); got 0"),
        (dict(import_share=1.0), r"import_share must lie in \(0, 1\); got 1"),
        (dict(sigma=0.0), r"sigma must lie in \(0, inf\); got 0"),
        (dict(sigma=-1.0), r"sigma must lie in \(0, inf\); got -1"),
    ],
)
def test_supply_shock_rejects_bad_input(kwargs, message):
    """Shares, cuts and capacities are fractions; sigma is a positive elasticity."""
    args = dict(cut=0.5, sigma=0.5, import_share=0.1, capacity=0.0) | kwargs
    with pytest.raises(ValueError, match=message):
        supply_shock_loss(**args)


def test_supply_shock_output_is_the_two_input_ces_of_domestic_and_imported_inputs():
    """Output after the shock is CES(D = 1, M = 1 - net cut) with weights 1 - w and w: 1 without a cut,
    M^w with sigma = 1, min(1, M) as sigma -> 0; arrays of every argument broadcast together."""
    assert supply_shock_output(0.0, 0.3, 0.1) == pytest.approx(1.0, rel=1e-14)
    assert supply_shock_output(0.5, 1.0, 0.1) == pytest.approx(0.5**0.1, rel=1e-14)
    assert supply_shock_output(0.5, 1e-4, 0.1) == pytest.approx(0.5, rel=1e-3)
    assert supply_shock_output(0.5, 0.3, 0.1, capacity=0.2) == pytest.approx(
        float(ces_output([1.0, 0.7], [0.9, 0.1], 0.3)), rel=1e-14
    )
    cuts, sigmas = np.linspace(0, 0.9, 4), np.array([[0.1], [1.0], [3.0]])
    grid = supply_shock_output(cuts, sigmas, [0.05, 0.1, 0.2, 0.3])
    assert grid.shape == (3, 4)
    assert grid[2, 3] == pytest.approx(float(ces_output([1.0, 0.1], [0.7, 0.3], 3.0)), rel=1e-14)
    np.testing.assert_allclose(100 * (1 - grid), supply_shock_loss(cuts, sigmas, [0.05, 0.1, 0.2, 0.3]))
