"""Tests of nqp_helpers.misallocation: aggregate TFP under wedges (Hsieh and Klenow 2009)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nqp_helpers.misallocation import (
    aggregate_tfp,
    allocate,
    default_firms,
    efficient_tfp,
    lognormal_gain,
    lognormal_reform_gain,
    reallocation_gain,
    revenue_productivity,
    tfp_ratio_curve,
    wedges_for_dispersion,
)


@pytest.fixture
def firms():
    rng = np.random.default_rng(11)
    A = np.exp(rng.normal(0, 0.7, 300))
    ty = rng.uniform(-0.6, 0.6, 300)
    tk = rng.uniform(-0.5, 1.5, 300)
    return A, ty, tk


def test_no_wedges_gives_the_efficient_tfp(firms):
    """Without wedges TFP is (sum A_i^(sigma-1))^(1/(sigma-1)) and the reallocation gain is zero."""
    A, _, _ = firms
    for sigma in (1.5, 3.0, 5.0):
        assert aggregate_tfp(A, 0.0, 0.0, 0.4, sigma) == pytest.approx(efficient_tfp(A, sigma), rel=1e-12)
        assert allocate(A, 0.0, 0.0, 2.0, 3.0, 0.4, sigma).tfp == pytest.approx(
            efficient_tfp(A, sigma), rel=1e-12
        )
        assert reallocation_gain(A, sigma=sigma) == pytest.approx(0.0, abs=1e-10)


def test_common_wedges_change_nothing(firms):
    """The same wedges for every firm leave marginal products equal: TFP stays efficient."""
    A, _, _ = firms
    assert aggregate_tfp(A, 0.3, 0.8, 0.4, 3.0) == pytest.approx(efficient_tfp(A, 3.0), rel=1e-12)


def test_closed_form_agrees_with_direct_allocation(firms):
    """Hsieh and Klenow's eq. 16 equals output computed from firms' first-order conditions."""
    A, ty, tk = firms
    for alpha, sigma in ((0.3, 3.0), (0.5, 2.0), (0.1, 6.0)):
        r = allocate(A, ty, tk, capital=5.0, labor=7.0, capital_share=alpha, sigma=sigma)
        assert r.tfp == pytest.approx(aggregate_tfp(A, ty, tk, alpha, sigma), rel=1e-10)
        assert r.capital.sum() == pytest.approx(5.0) and r.labor.sum() == pytest.approx(7.0)


def test_firms_equalise_net_marginal_revenue_products(firms):
    """(1 - tau_Y,i) x revenue per worker is the same in every firm (the labour first-order condition)."""
    A, ty, _ = firms
    sigma = 3.0
    for wedge in (np.zeros(300), ty):
        r = allocate(A, wedge, 0.0, 1.0, 1.0, 0.3, sigma)
        revenue = r.output ** ((sigma - 1) / sigma)  # P_i Y_i up to a common factor
        net = (1 - wedge) * revenue / r.labor
        np.testing.assert_allclose(net, net[0], rtol=1e-9)
    gross = allocate(A, ty, 0.0, 1.0, 1.0, 0.3, sigma)
    assert np.std(gross.output ** (2 / 3) / gross.labor) > 0.01  # with wedges, gross products differ


@settings(max_examples=100, deadline=None)
@given(
    arrays(np.float64, 8, elements=st.floats(0.1, 10.0)),
    arrays(np.float64, 8, elements=st.floats(-0.9, 0.9)),
    arrays(np.float64, 8, elements=st.floats(-0.9, 3.0)),
    st.floats(1.2, 8.0),
    st.floats(0.0, 0.9),
)
def test_wedges_never_raise_tfp_above_efficient(A, ty, tk, sigma, alpha):
    """Equalising marginal products maximises TFP: any wedges give TFP <= the efficient level."""
    assert aggregate_tfp(A, ty, tk, alpha, sigma) <= efficient_tfp(A, sigma) * (1 + 1e-10)
    assert allocate(A, ty, tk, 1.0, 1.0, alpha, sigma).tfp == pytest.approx(
        aggregate_tfp(A, ty, tk, alpha, sigma), rel=1e-9
    )


def test_lognormal_formula_holds_for_many_firms():
    """With ln TFPR normal, independent of TFPQ: ln(TFP_eff / TFP) -> sigma var(ln TFPR) / 2 (HK eq. 17)."""
    rng = np.random.default_rng(17)
    lnA = rng.normal(0, 0.5, 400_000)
    e = rng.normal(size=lnA.size)
    for d in (0.2, 0.4):
        tau = wedges_for_dispersion(lnA, d, 0.0, e)
        gain = reallocation_gain(np.exp(lnA), tau, 0.0, 0.4, 3.0)
        assert gain == pytest.approx(lognormal_gain(d, 3.0), rel=0.02)


def test_loss_does_not_depend_on_the_correlation_in_large_lognormal_samples():
    """With ln TFPQ and ln TFPR jointly normal, TFP/TFP_eff depends on var(ln TFPR) alone (HK eq. 17): with
    4,000,000 firms the loss at dispersion 0.6 is the same for correlations -0.8, 0 and 0.8 (within 0.01 log
    points), while 2,000 firms make it look as if the correlation mattered (a spread above 0.1)."""
    rhos = (-0.8, 0.0, 0.8)
    A, e = default_firms(4_000_000)
    large = [tfp_ratio_curve(A, np.log(A), e, [0.6], rho, 3.0)[0] for rho in rhos]
    assert max(large) - min(large) < 0.01
    a, s = default_firms()
    small = [tfp_ratio_curve(a, np.log(a), s, [0.6], rho, 3.0)[0] for rho in rhos]
    assert max(small) - min(small) > 0.1


@pytest.mark.parametrize("rho", [-0.8, 0.0, 0.8])
def test_large_samples_match_the_closed_form_at_any_correlation(rho):
    """ln(TFP/TFP_eff) = -(sigma/2) var(ln TFPR) (HK eq. 17) for every correlation of ln TFPR with ln TFPQ:
    4,000,000 lognormal firms give it within 0.015 log points at dispersions 0.3 and 0.6, sigma 3."""
    A, e = default_firms(4_000_000)
    curve = tfp_ratio_curve(A, np.log(A), e, [0.3, 0.6], rho, 3.0)
    np.testing.assert_allclose(curve, -1.5 * np.array([0.3, 0.6]) ** 2, atol=0.015)
    # the same number through lognormal_gain, the function the notebook and the widget use
    assert 100 * np.expm1(-curve[1]) == pytest.approx(lognormal_gain(0.6, 3.0), abs=2.0)


def test_more_dispersion_lowers_tfp():
    """TFP relative to efficient falls as the dispersion of ln TFPR rises (same pattern of wedges)."""
    A, e = default_firms()
    curve = tfp_ratio_curve(A, np.log(A), e, np.linspace(0, 1, 21), 0.0, 3.0)
    assert curve[0] == pytest.approx(0.0, abs=1e-12)
    assert np.all(np.diff(curve) < 0)


def test_vectorised_curve_matches_the_closed_form():
    """The widget's vectorised curve equals aggregate_tfp with the same wedges, point by point."""
    A, e = default_firms(500)
    for d, rho in ((0.3, 0.0), (0.7, 0.5), (0.5, -0.4)):
        tau = wedges_for_dispersion(np.log(A), d, rho, e)
        expected = np.log(aggregate_tfp(A, tau, 0.0, 0.3, 3.0) / efficient_tfp(A, 3.0))
        got = tfp_ratio_curve(A, np.log(A), e, np.array([d]), rho, 3.0)[0]
        assert got == pytest.approx(expected, rel=1e-9)


def test_wedges_for_dispersion_hits_its_moments_exactly():
    """ln TFPR has exactly the requested standard deviation and correlation with ln TFPQ."""
    rng = np.random.default_rng(3)
    lnA = rng.normal(0, 1, 200)
    tau = wedges_for_dispersion(lnA, 0.55, -0.3, rng.normal(size=200))
    x = np.log(revenue_productivity(tau, 0.0, 0.3))
    assert x.std() == pytest.approx(0.55) and np.corrcoef(x, lnA)[0, 1] == pytest.approx(-0.3)


def test_revenue_productivity_formula():
    """TFPR is (1 + tau_K)^alpha / (1 - tau_Y)."""
    np.testing.assert_allclose(revenue_productivity([0.5, 0.0], [0.0, 3.0], 0.5), [2.0, 2.0])


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: efficient_tfp([1.0, -1.0]), "tfpq must be positive and finite for every firm; got -1"),
        (lambda: efficient_tfp([[1.0, 2.0]]), "tfpq must be a 1-D array"),
        (lambda: efficient_tfp([1.0], sigma=1.0), r"sigma must lie in \(1, 20\]; got 1"),
        (lambda: aggregate_tfp([1.0, 2.0], [0.0, 1.0]), "output_wedge must lie below 1"),
        (lambda: aggregate_tfp([1.0, 2.0], 0.0, [0.0, -1.0]), "capital_wedge must lie above -1; got -1"),
        (
            lambda: aggregate_tfp([1.0, 2.0], [0.0, 0.1, 0.2]),
            r"output_wedge must be a scalar or one value per firm \(2\)",
        ),
        (lambda: aggregate_tfp([1.0, 2.0], capital_share=1.0), r"capital_share must lie in \[0, 1\); got 1"),
        (lambda: aggregate_tfp([1.0, 2.0], [np.nan, 0.0]), "output_wedge must be finite"),
        (lambda: allocate([1.0, 2.0], capital=0.0), r"capital must lie in \(0, inf\]; got 0"),
        (lambda: lognormal_gain(-0.1), r"dispersion must lie in \[0, 3\]"),
        (lambda: wedges_for_dispersion([1.0, 2.0], 0.5, 0.0, [1.0, 2.0]), "same length >= 3"),
        (lambda: wedges_for_dispersion([1.0, 1.0, 1.0], 0.5, 0.0, [1.0, 2.0, 0.0]), "log_tfpq must vary"),
        (lambda: wedges_for_dispersion([1.0, 2.0, 3.0], 0.5, 0.0, [2.0, 4.0, 6.0]), "must not be collinear"),
        (
            lambda: wedges_for_dispersion([1.0, 2.0, 3.0], 0.5, 1.0, [1.0, 0.0, 5.0]),
            r"correlation must lie in \[-0.99, 0.99\]",
        ),
        (lambda: default_firms(2.5), "n_firms must lie in"),
        (lambda: default_firms(10.5), "n_firms must be a whole number"),
    ],
)
def test_bad_arguments_raise(call, match):
    """Every invalid argument raises a ValueError naming it and the rule."""
    with pytest.raises(ValueError, match=match):
        call()


def test_lognormal_reform_gain_is_the_ratio_of_the_two_gains():
    """Lowering dispersion from d0 to d1 gains (1 + gain(d0)) / (1 + gain(d1)) - 1; nothing when d0 = d1."""
    for d0, d1, sigma in ((0.6, 0.4, 3.0), (0.5, 0.0, 2.0), (0.3, 0.7, 5.0)):
        ratio = (1 + lognormal_gain(d0, sigma) / 100) / (1 + lognormal_gain(d1, sigma) / 100)
        assert lognormal_reform_gain(d0, d1, sigma) == pytest.approx(100 * (ratio - 1), rel=1e-12)
    assert lognormal_reform_gain(0.5, 0.5) == 0.0
    assert lognormal_reform_gain(0.6, 0.4, 3.0) == pytest.approx(100 * np.expm1(1.5 * (0.36 - 0.16)))


@pytest.mark.parametrize(
    "call, match",
    [
        (
            lambda: tfp_ratio_curve([1.0, 2.0], [0.0, 1.0, 2.0], [1.0, 0.0, 5.0], [0.1], 0.0, 3.0),
            "tfpq must have one",
        ),
        (
            lambda: tfp_ratio_curve([1.0, 2.0, 3.0], [0.0, 1.0, 2.0], [1.0, 0.0, 5.0], [4.0], 0.0, 3.0),
            r"dispersions must lie in \[0, 3\]; got 4",
        ),
        (
            lambda: tfp_ratio_curve([1.0, 2.0, 3.0], [0.0, 1.0, 2.0], [1.0, 0.0, 5.0], [0.1], 0.0, 0.5),
            r"sigma must lie in \(1, 20\]; got 0.5",
        ),
        (
            lambda: tfp_ratio_curve([1.0, 2.0, 3.0], [0.0, 1.0, 2.0], [1.0, 0.0, 5.0], [0.1], 1.0, 3.0),
            r"correlation must lie in \[-0.99, 0.99\]; got 1",
        ),
        (
            lambda: tfp_ratio_curve([1.0, 2.0, 3.0], [0.0, 1.0, np.inf], [1.0, 0.0, 5.0], [0.1], 0.0, 3.0),
            "log_tfpq must be finite; got inf",
        ),
        (lambda: lognormal_reform_gain(0.5, -0.1), r"target_dispersion must lie in \[0, 3\]; got -0.1"),
    ],
)
def test_curve_and_reform_gain_reject_bad_arguments(call, match):
    """Every invalid argument raises a ValueError naming it, the rule and the value."""
    with pytest.raises(ValueError, match=match):
        call()
