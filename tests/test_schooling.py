"""Tests of nqp_helpers.schooling: the piecewise Mincer schedule of Hall and Jones (1999)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nqp_helpers.growth import decompose
from nqp_helpers.schooling import (
    MINCER_RETURNS,
    human_capital_from_schooling,
    marginal_return,
    mincer_exponent,
    schooling_from_human_capital,
)


def test_schedule_matches_hall_and_jones_by_hand():
    """psi(S) = 0.134 S up to 4 years, + 0.101 per year to 8, + 0.068 per year beyond."""
    assert mincer_exponent(3.0) == pytest.approx(0.134 * 3)
    assert mincer_exponent(6.0) == pytest.approx(0.134 * 4 + 0.101 * 2)
    assert mincer_exponent(12.5) == pytest.approx(0.134 * 4 + 0.101 * 4 + 0.068 * 4.5)
    assert human_capital_from_schooling(0.0) == 1.0
    assert human_capital_from_schooling(10.0) == pytest.approx(np.exp(0.536 + 0.404 + 0.136))


def test_schedule_is_continuous_and_concave():
    """h is continuous at the breaks and each extra year adds less than the one before (falling returns)."""
    s = np.linspace(0, 20, 2001)
    psi = mincer_exponent(s)
    steps = np.diff(psi)
    assert np.all(steps > 0)
    assert np.all(np.diff(steps) <= 1e-12)
    for b in (4.0, 8.0):
        assert mincer_exponent(b + 1e-9) == pytest.approx(mincer_exponent(b - 1e-9), abs=1e-8)


def test_marginal_return_is_the_slope():
    """The return to the next year equals the slope of psi inside each bracket."""
    for s, r in ((1.0, 0.134), (5.5, 0.101), (15.0, 0.068), (4.0, 0.101), (8.0, 0.068)):
        assert marginal_return(s) == pytest.approx(r)
        assert (mincer_exponent(s + 0.01) - mincer_exponent(s)) / 0.01 == pytest.approx(r)


@settings(max_examples=200, deadline=None)
@given(st.floats(0.0, 25.0))
def test_inverse_gives_back_years_of_schooling(s):
    """schooling_from_human_capital undoes human_capital_from_schooling."""
    assert schooling_from_human_capital(human_capital_from_schooling(s)) == pytest.approx(s, abs=1e-9)


def test_arrays_keep_their_shape():
    """Vectorised: a (2, 3) array of schooling gives a (2, 3) array of human capital."""
    s = np.array([[0, 2, 4], [6, 8, 10]])
    h = human_capital_from_schooling(s)
    assert h.shape == (2, 3) and h[0, 0] == 1.0
    np.testing.assert_allclose(schooling_from_human_capital(h), s, atol=1e-12)


def test_schooling_contribution_through_decompose():
    """Leaving schooling out of the accounts moves (1 - alpha) g_h from human capital into TFP."""
    years = np.arange(1990, 2021)
    S = np.linspace(6.0, 9.0, years.size)
    h = human_capital_from_schooling(S)
    K = np.exp(0.06 * (years - 1990))
    L = np.exp(0.01 * (years - 1990))
    A = np.exp(0.02 * (years - 1990))
    Y = A * K**0.4 * (h * L) ** 0.6
    with_h = decompose(Y, K, L, 0.4, human_capital=h, years=years).summary()
    without = decompose(Y, K, L, 0.4, years=years).summary()
    g_h = 100 * (mincer_exponent(9.0) - mincer_exponent(6.0)) / 30
    assert with_h.parts["human capital"] == pytest.approx(0.6 * g_h)
    assert with_h.parts["TFP"] == pytest.approx(2.0)
    assert without.parts["TFP"] == pytest.approx(2.0 + 0.6 * g_h)


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: mincer_exponent(-1), r"years_of_schooling must lie in \[0, 25\]; got -1"),
        (lambda: mincer_exponent([3, 30]), r"years_of_schooling must lie in \[0, 25\]; got 30"),
        (lambda: mincer_exponent(np.nan), "years_of_schooling must be finite"),
        (lambda: mincer_exponent("ten"), "years_of_schooling must be numeric"),
        (lambda: mincer_exponent(5, returns=(0.1, 0.1)), "returns must have one more entry than breaks"),
        (lambda: mincer_exponent(5, returns=(0.1, -0.1, 0.1)), r"returns must lie in \[0, 1\]"),
        (lambda: mincer_exponent(5, breaks=(8, 4)), "breaks must be positive and strictly increasing"),
        (lambda: schooling_from_human_capital(0.9), r"human_capital must lie in \[1, "),
        (lambda: schooling_from_human_capital(100.0), r"human_capital must lie in \[1, "),
        (lambda: schooling_from_human_capital(2.0, returns=(0.1, 0.0, 0.1)), "returns must all be positive"),
        (lambda: marginal_return(26), r"years_of_schooling must lie in \[0, 25\]; got 26"),
    ],
)
def test_bad_arguments_raise(call, match):
    """Out-of-range schooling, malformed schedules and impossible h raise ValueError naming the argument."""
    with pytest.raises(ValueError, match=match):
        call()


def test_default_returns_are_the_published_ones():
    """The defaults are 13.4 %, 10.1 % and 6.8 % (Hall and Jones 1999, from Psacharopoulos 1994)."""
    assert MINCER_RETURNS == (0.134, 0.101, 0.068)


def test_pwt_hc_mapping_kinks_and_inverse():
    """PWT hc: slopes 0.134, 0.101, 0.068 per year of schooling; schooling_from_human_capital inverts it.

    This was the second copy of the mapping (accounting_lessons.hc_from_schooling); both agree to 1e-15.
    """
    s = np.array([0.0, 2.0, 4.0, 6.0, 8.0, 12.0])
    psi = np.log(human_capital_from_schooling(s))
    np.testing.assert_allclose(psi, [0, 0.268, 0.536, 0.738, 0.94, 1.212])
    np.testing.assert_allclose(schooling_from_human_capital(human_capital_from_schooling(s)), s, atol=1e-12)
    assert human_capital_from_schooling(0.0) == 1.0
    with pytest.raises(ValueError, match=r"years_of_schooling must lie in \[0, 25\]; got -1"):
        human_capital_from_schooling([1.0, -1.0])
    with pytest.raises(ValueError, match=r"human_capital must lie in \[1, "):
        schooling_from_human_capital(0.9)


def test_every_pwt_hc_has_a_schooling_and_maps_back():
    """Every hc in the Penn World Table extract lies in the mapping's range and round-trips exactly."""
    from nqp_helpers.data import load_panel

    hc = load_panel("hc")["hc"]
    hc = hc[np.isfinite(hc)]
    s = schooling_from_human_capital(hc)
    assert 0 <= s.min() and s.max() < 25
    np.testing.assert_allclose(human_capital_from_schooling(s), hc, rtol=1e-13)
