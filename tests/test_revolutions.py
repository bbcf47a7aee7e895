"""Tests of nqp_helpers.revolutions: timeline data, diffusion, the CES supply shock and their widgets."""

import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nqp_helpers.data import load_country
from nqp_helpers.revolutions import (
    GORDON_TFP,
    REVOLUTIONS,
    adoption_share,
    ces_output,
    diffusion_path,
    hulten_loss,
    make_diffusion_app,
    make_supply_shock_app,
    plot_diffusion,
    plot_periods,
    plot_tfp_wave,
    plot_timeline,
    supply_shock_loss,
    tfp_growth_by_period,
)

ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "source" / "article.txt"


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


@pytest.mark.skipif(not ARTICLE.exists(), reason="the source article is kept outside the repository")
def test_quotes_are_verbatim_apart_from_bracketed_glosses():
    """Every quotation, once the [that is, ...] glosses and [...] elisions are removed, is in the article."""
    text = " ".join(ARTICLE.read_text(encoding="utf-8").split())
    for r in REVOLUTIONS:
        for piece in re.split(r"\s*\[[^\]]*\]\s*", r.quote):
            assert " ".join(piece.split()) in text, (r.number, piece)


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


def test_peak_comes_decades_after_the_invention_and_moves_with_speed_and_lag():
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
    with pytest.raises(ValueError, match="years must be a non-empty 1-D array"):
        diffusion_path(np.ones((2, 3)))
    with pytest.raises(ValueError, match="years_since_invention must be finite"):
        adoption_share(np.inf, 0.1)
    with pytest.raises(ValueError, match="path must be a DiffusionPath"):
        plot_diffusion("not a path")
    with pytest.raises(ValueError, match="path must be a DiffusionPath"):
        plot_tfp_wave(None)


# --------------------------------------------------------------------------- #
# CES supply shock
# --------------------------------------------------------------------------- #
@settings(max_examples=100, deadline=None)
@given(
    st.floats(0.05, 5.0), st.floats(0.01, 0.9), st.floats(0.1, 3.0), st.floats(0.1, 3.0), st.floats(0.1, 10.0)
)
def test_ces_is_normalised_and_homogeneous_of_degree_one(sigma, w, d, m, lam):
    """Y(1, 1) = 1 for every sigma and share; Y(lam D, lam M) = lam Y(D, M) (constant returns)."""
    assert ces_output(1.0, 1.0, w, sigma) == pytest.approx(1.0, rel=1e-12)
    assert ces_output(lam * d, lam * m, w, sigma) == pytest.approx(lam * ces_output(d, m, w, sigma), rel=1e-9)


def test_ces_limits_cobb_douglas_leontief_and_linear():
    """sigma = 1 is D^(1-w) M^w (and continuous there); sigma -> 0 gives min(D, M); sigma -> inf is linear."""
    d, m, w = 1.3, 0.6, 0.2
    cd = d ** (1 - w) * m**w
    assert ces_output(d, m, w, 1.0) == pytest.approx(cd, rel=1e-14)
    assert ces_output(d, m, w, 1.0 + 1e-5) == pytest.approx(cd, rel=1e-5)
    assert ces_output(d, m, w, 1.0 - 1e-5) == pytest.approx(cd, rel=1e-5)
    assert ces_output(d, m, w, 1e-3) == pytest.approx(min(d, m), rel=2e-3)
    assert ces_output(d, m, w, 1e6) == pytest.approx((1 - w) * d + w * m, rel=1e-5)


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


def test_ces_output_rejects_negative_inputs():
    """Input quantities cannot be negative."""
    with pytest.raises(ValueError, match=r"domestic must lie in \[0, inf\); got -1"):
        ces_output(-1.0, 1.0, 0.1, 0.5)
    with pytest.raises(ValueError, match=r"imported must lie in \[0, inf\); got -0.5"):
        ces_output(1.0, -0.5, 0.1, 0.5)


# --------------------------------------------------------------------------- #
# Figures and widgets
# --------------------------------------------------------------------------- #
def test_timeline_and_periods_draw_what_they_are_given():
    """The timeline labels all four revolutions; plot_periods draws one segment per period with data."""
    ax = plot_timeline()
    labels = [t.get_text() for t in ax.texts]
    assert len(labels) == 4 and labels[0].startswith("1. mechanisation")
    ax = plot_periods(GORDON_TFP)
    assert len(ax.get_lines()) == 5 + 1  # five periods and the zero line
    ax = plot_periods(([1, 2], [2, 3], [0.5, np.nan]))
    assert len(ax.get_lines()) == 1 + 1
    with pytest.raises(ValueError, match="as many starts, ends and values"):
        plot_periods(([1, 2], [2], [0.5, 0.4]))


def model_line(ax):
    (line,) = [ln for ln in ax.get_lines() if ln.get_label() == "model contribution"]
    return line.get_xdata(), line.get_ydata()


def test_diffusion_app_speed_moves_the_peak_earlier_and_higher():
    """Faster adoption brings the TFP-growth peak forward and raises it; the note reports the new year."""
    app = make_diffusion_app(speed=0.08, lag=10.0, gain=0.5)
    x, y = model_line(app.axes)
    peak_before, height_before = x[np.argmax(y)], y.max()
    assert "peaks in 1949" in app.note.value
    app.set(speed=0.2)
    x, y = model_line(app.axes)
    assert x[np.argmax(y)] < peak_before and y.max() > height_before
    assert "peaks in 1915" in app.note.value


def test_diffusion_app_lag_moves_the_peak_later():
    """A longer lag from adoption to productivity delays the peak by the same number of years."""
    app = make_diffusion_app(speed=0.1, lag=0.0)
    x, y = model_line(app.axes)
    before = x[np.argmax(y)]
    app.set(lag=20.0)
    x, y = model_line(app.axes)
    assert x[np.argmax(y)] == pytest.approx(before + 20, abs=1)


def test_supply_shock_app_reacts_to_sigma_and_capacity():
    """Higher sigma lowers the marked loss; domestic capacity adds a second, lower curve and a lower loss."""
    app = make_supply_shock_app(cut=0.5, capacity=0.0, import_share=0.1, sigma=0.2)
    (marker,) = [ln for ln in app.axes.get_lines() if ln.get_marker() == "D"]
    loss_low_sigma = marker.get_ydata()[0]
    assert loss_low_sigma == pytest.approx(supply_shock_loss(0.5, 0.2, 0.1))
    assert "output falls by 20.5 %" in app.note.value
    app.set(sigma=2.0)
    (marker,) = [ln for ln in app.axes.get_lines() if ln.get_marker() == "D"]
    assert marker.get_ydata()[0] < loss_low_sigma
    n_lines = len(app.axes.get_lines())
    app.set(capacity=0.3)
    assert len(app.axes.get_lines()) == n_lines + 1
    assert "domestic capacity of 30 %" in app.note.value


@pytest.mark.parametrize(
    "factory, control, values",
    [
        (make_diffusion_app, "speed", np.linspace(0.05, 0.35, 7)),
        (make_supply_shock_app, "sigma", np.linspace(0.1, 3.0, 7)),
    ],
)
def test_widgets_update_fast(factory, control, values):
    """After a warm-up draw, an update takes under the 100 ms bar (generous bound for a loaded machine)."""
    app = factory()
    times = []
    for v in values:
        app.set(**{control: float(v)})
        times.append(app.last_seconds)
    assert np.median(times) < 0.25


def test_plot_diffusion_draws_adoption_and_the_lagged_effect():
    """Left panel: adoption rises from about S0 to about 100 %, and the productivity effect trails it."""
    path = diffusion_path(np.arange(1870, 2031), 1882, speed=0.1, gain=0.5, lag=10)
    left, right = plot_diffusion(path)
    adoption, effect = (ln.get_ydata() for ln in left.get_lines()[:2])
    assert adoption[12] == pytest.approx(1.0, abs=1e-9) and adoption[-1] > 99.9
    assert np.all(effect <= adoption + 1e-12)
    assert any(ln.get_label() == "model contribution" for ln in right.get_lines())
