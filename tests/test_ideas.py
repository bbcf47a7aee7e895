"""Tests of nqp_helpers.ideas: the idea production function of Romer (1990) and Jones (1995)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nqp_helpers.ideas import balanced_growth_rate, simulate_ideas


def euler_path(research_share, years, n, lam, phi, theta, A0, L0=1.0, dt=1e-3):
    """Independent numerical solution of dA/dt = theta (s L)^lambda A^phi (explicit Euler in ln A)."""
    steps = int(round(years / dt))
    lnA = np.log(A0)
    out = [lnA]
    for k in range(steps):
        t = k * dt
        lnA += dt * theta * (research_share * L0 * np.exp(n * t)) ** lam * np.exp((phi - 1) * lnA)
        if (k + 1) % int(round(1 / dt)) == 0:
            out.append(lnA)
    return np.array(out)


def test_closed_form_solves_the_differential_equation():
    """The exact solution agrees with a fine Euler integration of dA/dt = theta (s_R L)^lambda A^phi."""
    p = simulate_ideas(
        0.03,
        years=20,
        labor_growth=1.5,
        research_elasticity=0.7,
        knowledge_spillover=0.4,
        research_productivity=0.2,
        initial_tfp=1.3,
    )
    ref = euler_path(0.03, 20, 0.015, 0.7, 0.4, 0.2, 1.3)
    np.testing.assert_allclose(p.log_tfp, ref, atol=2e-5)


def test_growth_rate_is_the_right_hand_side_of_the_model():
    """Reported growth equals theta (s_R L_t)^lambda A_t^(phi - 1) at every date."""
    p = simulate_ideas(
        0.05,
        years=100,
        labor_growth=2.0,
        research_elasticity=0.5,
        knowledge_spillover=-0.5,
        research_productivity=0.1,
        initial_tfp=2.0,
    )
    rhs = 0.1 * (0.05 * np.exp(0.02 * p.time)) ** 0.5 * np.exp(-1.5 * p.log_tfp)
    np.testing.assert_allclose(p.tfp_growth, 100 * rhs, rtol=1e-12)
    # and it is the time derivative of ln A (central differences on a fine grid)
    fine = simulate_ideas(
        0.05,
        years=10,
        labor_growth=2.0,
        research_elasticity=0.5,
        knowledge_spillover=-0.5,
        research_productivity=0.1,
        initial_tfp=2.0,
        steps_per_year=1000,
    )
    slope = np.gradient(fine.log_tfp, fine.time)[1:-1]
    np.testing.assert_allclose(100 * slope, fine.tfp_growth[1:-1], rtol=1e-5)


@settings(max_examples=60, deadline=None)
@given(
    share=st.floats(0.005, 0.2),
    n=st.floats(0.8, 3.0),
    lam=st.floats(0.5, 1.0),
    phi=st.floats(-1.0, 0.8),
    A0=st.floats(0.1, 50.0),
)
def test_simulated_growth_converges_to_the_analytic_rate(share, n, lam, phi, A0):
    """Whatever the start, TFP growth converges to lambda n / (1 - phi) (Jones 1995)."""
    p = simulate_ideas(
        share, years=2000, labor_growth=n, research_elasticity=lam, knowledge_spillover=phi, initial_tfp=A0
    )
    target = balanced_growth_rate(n, lam, phi)
    assert p.long_run_growth == pytest.approx(target)
    assert p.tfp_growth[-1] == pytest.approx(target, rel=0.02)
    # the gap closes: later growth is closer to the target than earlier growth
    gaps = np.abs(p.tfp_growth - target)
    assert gaps[-1] <= gaps[len(gaps) // 2] + 1e-12


def test_on_the_balanced_path_growth_is_constant():
    """Starting on the balanced growth path of the same research share, growth never moves."""
    p = simulate_ideas(0.02, years=300, labor_growth=1.2, knowledge_spillover=0.3, baseline_share=0.02)
    np.testing.assert_allclose(p.tfp_growth, 0.75 * 1.2 / 0.7, rtol=1e-12)


def test_research_share_raises_level_not_long_run_growth_when_phi_below_one():
    """With phi < 1 more research raises TFP growth for a while and TFP for ever, not long-run growth."""
    base = simulate_ideas(0.02, years=1500, baseline_share=0.02)
    more = simulate_ideas(0.04, years=1500, baseline_share=0.02)
    assert more.tfp_growth[0] == pytest.approx(base.tfp_growth[0] * 2**0.75)
    assert more.tfp_growth[-1] == pytest.approx(base.tfp_growth[-1], rel=0.01)
    assert np.all(np.diff(more.log_tfp - base.log_tfp) > 0)  # the level gap keeps widening towards its limit
    # limit of the level gap: A^(1-phi) ratio -> ratio of s_R^lambda, so ln gap -> lambda ln 2 / (1-phi)
    assert (more.log_tfp - base.log_tfp)[-1] == pytest.approx(0.75 * np.log(2) / 0.5, rel=0.01)


def test_romer_case_growth_is_proportional_to_research_effort():
    """With phi = lambda = 1 and a constant labour force, growth is theta s_R L for ever (Romer 1990)."""
    for share in (0.01, 0.02, 0.04):
        p = simulate_ideas(
            share,
            years=100,
            labor_growth=0.0,
            research_elasticity=1.0,
            knowledge_spillover=1.0,
            research_productivity=0.5,
        )
        np.testing.assert_allclose(p.tfp_growth, 100 * 0.5 * share, rtol=1e-12)
        np.testing.assert_allclose(p.log_tfp, 0.5 * share * p.time, rtol=1e-12)
        assert np.isnan(p.long_run_growth)


def test_romer_case_with_growing_labour_force_explodes():
    """With phi = 1 and n > 0 TFP growth rises without bound: the scale effect Jones (1995) criticised."""
    p = simulate_ideas(0.02, years=100, labor_growth=1.0, knowledge_spillover=1.0, research_elasticity=1.0)
    assert np.all(np.diff(p.tfp_growth) > 0)
    assert p.tfp_growth[-1] == pytest.approx(p.tfp_growth[0] * np.exp(1.0))


def test_zero_labour_growth_with_phi_below_one_lets_growth_die_out():
    """With n = 0 and phi < 1 TFP growth falls towards zero (the n -> 0 limit is handled exactly)."""
    p = simulate_ideas(0.05, years=2000, labor_growth=0.0, knowledge_spillover=0.5)
    assert p.long_run_growth == 0.0
    assert np.all(np.diff(p.tfp_growth) < 0) and p.tfp_growth[-1] < 0.05 * p.tfp_growth[0]


def test_balanced_growth_rate_rises_with_spillovers_and_returns():
    """lambda n / (1 - phi) rises with phi (standing on shoulders), lambda and n."""
    assert balanced_growth_rate(1.0, 0.75, 0.5) == pytest.approx(1.5)
    assert balanced_growth_rate(1.0, 0.75, 0.8) > balanced_growth_rate(1.0, 0.75, 0.5)
    assert balanced_growth_rate(1.0, 1.0, 0.5) > balanced_growth_rate(1.0, 0.5, 0.5)
    assert balanced_growth_rate(2.0, 0.75, 0.5) == pytest.approx(2 * balanced_growth_rate(1.0, 0.75, 0.5))


@pytest.mark.parametrize(
    "kwargs, match",
    [
        (dict(research_share=0.0), r"research_share must lie in \(0, 1\); got 0"),
        (dict(research_share=1.2), r"research_share must lie in \(0, 1\); got 1.2"),
        (dict(research_share="a lot"), "research_share must be a real number"),
        (dict(years=0), r"years must lie in \(0, 2000\]; got 0"),
        (dict(labor_growth=12), r"labor_growth must lie in \[-5, 10\]; got 12"),
        (dict(research_elasticity=0.0), r"research_elasticity must lie in \(0, 1\]; got 0"),
        (dict(knowledge_spillover=1.5), r"knowledge_spillover must lie in \[-2, 1\]; got 1.5"),
        (dict(research_productivity=-1), r"research_productivity must lie in \(0, inf\]; got -1"),
        (dict(initial_tfp=0), r"initial_tfp must lie in \(0, inf\]; got 0"),
        (dict(steps_per_year=2.5), "steps_per_year must be a whole number; got 2.5"),
        (dict(initial_tfp=1.0, baseline_share=0.02), "give initial_tfp or baseline_share, not both"),
        (dict(baseline_share=0.02, knowledge_spillover=1.0), "baseline_share needs a balanced growth path"),
        (dict(baseline_share=0.02, labor_growth=0.0), "baseline_share needs a balanced growth path"),
        (dict(baseline_share=1.0), r"baseline_share must lie in \(0, 1\); got 1"),
    ],
)
def test_simulate_ideas_rejects_bad_arguments(kwargs, match):
    """Every out-of-range argument raises a ValueError naming it, its rule and its value."""
    args = dict(research_share=0.02)
    args.update(kwargs)
    with pytest.raises(ValueError, match=match):
        simulate_ideas(**args)


def test_balanced_growth_rate_rejects_romer_case():
    """phi = 1 has no finite balanced growth rate; the error says which argument and why."""
    with pytest.raises(ValueError, match=r"knowledge_spillover must lie in \[-2, 1\); got 1"):
        balanced_growth_rate(1.0, 0.75, 1.0)
    with pytest.raises(ValueError, match=r"research_elasticity must lie in \(0, 1\]; got 1.5"):
        balanced_growth_rate(1.0, 1.5, 0.5)


def test_whole_steps_per_year_may_be_given_as_a_float():
    """steps_per_year = 2.0 means two points per year: 10 years give 21 points, half a year apart."""
    p = simulate_ideas(0.02, years=10, steps_per_year=2.0)
    assert p.time.size == 21
    np.testing.assert_allclose(np.diff(p.time), 0.5)
