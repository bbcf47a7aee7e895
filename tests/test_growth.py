"""Tests of nqp_helpers.growth: the growth-accounting identity and its conventions."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nqp_helpers.growth import constant_growth_economy, decompose, decompose_panel, summarise


def cobb_douglas(A, K, L, h, alpha):
    """Y = A K^alpha (h L)^(1 - alpha)."""
    return A * K**alpha * (h * L) ** (1 - alpha)


@pytest.fixture
def economy():
    rng = np.random.default_rng(0)
    T = 30
    K = 100 * np.exp(np.cumsum(rng.normal(0.06, 0.02, T)))
    L = 50 * np.exp(np.cumsum(rng.normal(0.01, 0.005, T)))
    h = 2 * np.exp(np.cumsum(rng.normal(0.008, 0.002, T)))
    A = np.exp(np.cumsum(rng.normal(0.015, 0.01, T)))
    A /= A[0]
    return dict(A=A, K=K, L=L, h=h, years=np.arange(1990, 1990 + T))


levels = arrays(np.float64, 12, elements=st.floats(1e-3, 1e6, allow_nan=False, allow_infinity=False))


@settings(max_examples=200, deadline=None)
@given(levels, levels, levels, levels, arrays(np.float64, 12, elements=st.floats(0, 1)))
def test_identity_holds_on_random_data(Y, K, L, h, share):
    """Contributions plus TFP growth equal output growth to 1e-12, whatever the data."""
    acc = decompose(Y, K, L, share, human_capital=h)
    total = (
        acc.capital_contribution + acc.labor_contribution + acc.human_capital_contribution + acc.tfp_growth
    )
    np.testing.assert_allclose(total, acc.output_growth, rtol=0, atol=1e-12)


def test_cobb_douglas_data_gives_back_true_tfp(economy):
    """Cobb-Douglas data built from a known A_t gives back A_t (as an index, A_0 = 1)."""
    e = economy
    Y = cobb_douglas(e["A"], e["K"], e["L"], e["h"], 0.4)
    acc = decompose(Y, e["K"], e["L"], 0.4, human_capital=e["h"], years=e["years"])
    np.testing.assert_allclose(acc.tfp_index(), e["A"], rtol=1e-12)
    np.testing.assert_allclose(acc.tfp_growth, np.diff(np.log(e["A"])), atol=1e-12)


def test_time_varying_share_recovers_tfp_for_translog_midpoint():
    """With a constant share written as a per-year array, results equal the scalar case exactly."""
    rng = np.random.default_rng(1)
    Y, K, L = (np.exp(np.cumsum(rng.normal(0.05, 0.02, 10))) for _ in range(3))
    a = decompose(Y, K, L, 0.35)
    b = decompose(Y, K, L, np.full(10, 0.35))
    for name in ("capital_contribution", "labor_contribution", "tfp_growth"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name))


def test_tornqvist_share_is_average_of_adjacent_years():
    """The share used for interval t is the mean of the shares in t-1 and t."""
    acc = decompose([1, 2, 4], [1, 2, 4], [1, 1, 1], [0.2, 0.4, 0.8])
    np.testing.assert_allclose(acc.capital_share, [0.3, 0.6])
    np.testing.assert_allclose(acc.capital_contribution, [0.3 * np.log(2), 0.6 * np.log(2)])


def test_no_human_capital_means_zero_contribution(economy):
    """Without human capital, its contribution is zero and TFP absorbs the quality growth."""
    e = economy
    Y = cobb_douglas(e["A"], e["K"], e["L"], e["h"], 0.4)
    acc = decompose(Y, e["K"], e["L"], 0.4)
    np.testing.assert_array_equal(acc.human_capital_contribution, 0.0)
    np.testing.assert_allclose(acc.tfp_growth, np.diff(np.log(e["A"])) + 0.6 * np.diff(np.log(e["h"])))


def test_per_worker_view_is_consistent(economy):
    """g_Y - g_L = capital deepening + human capital + TFP, and TFP is the aggregate residual."""
    e = economy
    Y = cobb_douglas(e["A"], e["K"], e["L"], e["h"], 0.3)
    acc = decompose(Y, e["K"], e["L"], 0.3, human_capital=e["h"])
    pw = acc.per_worker()
    np.testing.assert_allclose(
        pw.capital_deepening + pw.human_capital_contribution + pw.tfp_growth,
        pw.output_per_worker_growth,
        atol=1e-12,
    )
    np.testing.assert_array_equal(pw.tfp_growth, acc.tfp_growth)
    np.testing.assert_allclose(pw.output_per_worker_growth, np.diff(np.log(Y / e["L"])), atol=1e-12)


def test_summary_averages_per_year_and_shares_sum_to_one(economy):
    """Summary rates are total log growth / years x 100; shares of growth add up to 1."""
    e = economy
    Y = cobb_douglas(e["A"], e["K"], e["L"], e["h"], 0.4)
    acc = decompose(Y, e["K"], e["L"], 0.4, human_capital=e["h"], years=e["years"])
    s = acc.summary(1995, 2005)
    assert s.period == (1995, 2005) and s.years == 10
    assert s.total == pytest.approx(100 * np.log(Y[15] / Y[5]) / 10, abs=1e-10)
    assert sum(s.parts.values()) == pytest.approx(s.total, abs=1e-10)
    assert sum(s.shares.values()) == pytest.approx(1.0, abs=1e-12)
    assert "TFP" in s.table()


def test_summary_with_gaps_divides_by_calendar_years():
    """Observations five years apart: the annual rate divides by 5 years, not by 1 interval."""
    years = [2000, 2005, 2010]
    Y = [1.0, np.exp(0.25), np.exp(0.5)]
    acc = decompose(Y, [1, 1, 1], [1, 1, 1], 0.3, years=years)
    assert acc.summary().total == pytest.approx(5.0)
    assert acc.summary(2005, 2010).total == pytest.approx(5.0)


def test_summary_rejects_years_not_in_data(economy):
    """A period whose ends are not years of the data is refused."""
    e = economy
    acc = decompose(e["K"], e["K"], e["L"], 0.3, years=e["years"])
    with pytest.raises(ValueError, match="start and end must be years of the data"):
        acc.summary(1980, 2000)
    with pytest.raises(ValueError, match="start < end"):
        acc.summary(2000, 1995)
    plain = decompose(e["K"], e["K"], e["L"], 0.3)
    with pytest.raises(ValueError, match="interval indices"):
        plain.summary(0, 99)


def test_summarise_is_log_growth_over_the_period_divided_by_its_length():
    """summarise averages any parts: 100 x (sum of log growth over the intervals in (start, end]) / years,
    for a panel row by row; it is what GrowthAccounting.summary returns."""
    years = np.array([2001, 2002, 2005])  # intervals of 1, 1 and 3 years
    gaps = np.array([1.0, 1.0, 3.0])
    parts = {"a": np.array([[0.01, 0.03, 0.09], [0.0, 0.0, 0.3]]), "b": np.array([[0.02, 0.0, 0.0]] * 2)}
    total = parts["a"] + parts["b"]
    s = summarise(parts, total, "growth", years, gaps, 2001, 2005)
    np.testing.assert_allclose(s.parts["a"], [100 * 0.12 / 4, 100 * 0.3 / 4])
    np.testing.assert_allclose(s.total, 100 * total[:, 1:].sum(axis=1) / 4)
    assert s.period == (2001, 2005) and s.years == 4.0
    acc = decompose([1.0, 2.0, 3.0], [1.0, 1.5, 2.0], [1.0, 1.0, 1.0], 0.3, years=[2000, 2001, 2002])
    ref = acc.summary(2001, 2002)
    again = summarise(
        {"TFP": acc.tfp_growth}, acc.output_growth, "output growth", acc.years, acc.interval_years, 2001, 2002
    )
    assert again.total == ref.total and again.parts["TFP"] == ref.parts["TFP"]
    with pytest.raises(ValueError, match="start and end must be years of the data"):
        summarise(parts, total, "growth", years, gaps, 2003, 2005)


def test_panel_rows_equal_single_decompositions(economy):
    """decompose_panel on N rows equals decompose on each row."""
    rng = np.random.default_rng(3)
    Y, K, L, h = (np.exp(rng.normal(0, 0.1, (4, 20)).cumsum(axis=1)) for _ in range(4))
    share = rng.uniform(0.2, 0.6, (4, 20))
    panel = decompose_panel(Y, K, L, share, human_capital=h)
    for i in range(4):
        one = decompose(Y[i], K[i], L[i], share[i], human_capital=h[i])
        np.testing.assert_allclose(panel.tfp_growth[i], one.tfp_growth, atol=1e-15)
    assert panel.tfp_index().shape == (4, 20)
    assert panel.summary().total.shape == (4,)


def test_panel_missing_values_propagate_only_when_allowed():
    """With allow_missing, an interval touching a NaN is NaN; the rest is untouched."""
    Y = np.array([[1.0, 2.0, np.nan, 4.0, 8.0]])
    ones = np.ones_like(Y)
    with pytest.raises(ValueError, match=r"output must be finite; got nan at position \(0, 2\)"):
        decompose_panel(Y, ones, ones, 0.3)
    acc = decompose_panel(Y, ones, ones, 0.3, allow_missing=True)
    assert np.isnan(acc.output_growth[0, 1:3]).all()
    np.testing.assert_allclose(acc.output_growth[0, [0, 3]], np.log(2))


# ----- every bad input raises a ValueError naming argument, rule and value -----

GOOD = dict(output=[1.0, 2.0, 3.0], capital=[1.0, 2.0, 3.0], labor=[1.0, 1.0, 1.0], capital_share=0.3)


def call(**changes):
    args = {**GOOD, **changes}
    return decompose(**args)


@pytest.mark.parametrize(
    "changes, message",
    [
        (dict(capital=[1.0, 2.0]), r"capital must have the same shape as output \(3,\); got \(2,\)"),
        (dict(labor=[1.0, 1.0, 1.0, 1.0]), r"labor must have the same shape"),
        (dict(human_capital=[1.0, 1.0]), r"human_capital must have the same shape"),
        (dict(output=[1.0], capital=[1.0], labor=[1.0]), r"at least 2 years \(T >= 2\); got T = 1"),
        (dict(output=[1.0, 0.0, 3.0]), r"output must be strictly positive; got 0 at position 1"),
        (dict(capital=[1.0, -2.0, 3.0]), r"capital must be strictly positive; got -2 at position 1"),
        (dict(labor=[1.0, np.nan, 1.0]), r"labor must be finite; got nan at position 1"),
        (dict(output=[1.0, np.inf, 1.0]), r"output must be finite; got inf at position 1"),
        (dict(human_capital=[1.0, 1.0, -1.0]), r"human_capital must be strictly positive"),
        (dict(capital_share=1.3), r"capital_share must lie in \[0, 1\]; got 1.3"),
        (dict(capital_share=[0.3, -0.1, 0.3]), r"capital_share must lie in \[0, 1\]; got -0.1 at position 1"),
        (dict(capital_share=np.nan), r"capital_share must be a number in \[0, 1\]; got nan"),
        (dict(capital_share=[0.3, 0.3]), r"capital_share must be a scalar, one value per year \(length 3\)"),
        (dict(output=[[1.0, 2.0], [1.0, 2.0]]), r"output must be a 1-D series.*use decompose_panel"),
        (dict(output=["a", "b", "c"]), r"output must contain only numbers"),
        (dict(output=[1.0, "2", 3.0]), r"output must contain only numbers; got .2. at position 1"),
        (dict(capital=[1.0, None, 3.0]), r"capital must contain only numbers; got None at position 1"),
        (dict(output="123"), r"output must be numeric; got the text '123'"),
        (dict(capital_share="0.3"), r"capital_share must be numeric"),
        (dict(years=[2000, 2002, 2001]), r"years must be sorted in increasing order; 2001 at position 2"),
        (dict(years=[2000, 2001, 2001]), r"years must not repeat; 2001 appears twice"),
        (dict(years=[2000, 2001]), r"years must have one entry per observation \(3\); got 2"),
        (dict(years=[2000, np.nan, 2002]), r"years must be finite"),
        (dict(output=[1.0, np.nan, 3.0], years=[2000, 2001, 2002]), r"got nan at position 1 \(year 2001\)"),
    ],
)
def test_bad_input_raises_clear_value_error(changes, message):
    """Each kind of bad input raises ValueError naming the argument, the rule and the value."""
    with pytest.raises(ValueError, match=message):
        call(**changes)


def test_panel_requires_two_dimensions():
    """decompose_panel refuses a 1-D series with a message saying what shape it needs."""
    with pytest.raises(ValueError, match=r"output must be a 2-D panel \(countries x years\)"):
        decompose_panel([1.0, 2.0], [1.0, 2.0], [1.0, 2.0], 0.3)


# ----- shares of growth are shown only where growth is large enough to share -----


def test_shares_are_nan_below_the_one_threshold():
    """A share of growth below MIN_GROWTH_FOR_SHARES (0.5 % per year), or of a fall, is NaN, not 4533 %."""
    from nqp_helpers.growth import MIN_GROWTH_FOR_SHARES, share_of_growth, share_percent
    from nqp_helpers.lab import MIN_GROWTH_FOR_SHARES as lab_threshold

    assert lab_threshold is MIN_GROWTH_FOR_SHARES == 0.5
    assert share_of_growth(1.0, 4.0) == 0.25 and share_of_growth(0.2, 0.5) == pytest.approx(0.4)
    assert np.isnan(share_of_growth(-0.27, -0.01)) and np.isnan(share_of_growth(1.0, 0.49))
    assert np.isnan(share_of_growth(1.0, -3.0)) and np.isnan(share_of_growth(0.0, 0.0))
    np.testing.assert_array_equal(np.isnan(share_of_growth([1.0, 1.0], [0.1, 2.0])), [True, False])
    assert share_percent(1.0, 4.0) == "25 %" and share_percent(-0.001, 2.0) == "0 %"
    assert share_percent(-0.27, -0.01).startswith("n/a (output growth is -0.01 % per year")


def test_summary_table_says_why_shares_are_missing():
    """A period of near-zero growth prints n/a for every share and a line giving the reason."""
    flat = decompose([1.0, 1.001, 1.002], [1.0, 1.02, 1.04], [1.0, 1.0, 1.0], 0.4, years=[2000, 2001, 2002])
    s = flat.summary()
    assert s.total == pytest.approx(0.1, abs=1e-3)
    assert all(np.isnan(v) for v in s.shares.values())
    text = s.table()
    assert "%" not in text.splitlines()[1] and text.count("n/a") == 6
    assert text.endswith("a share of growth is undefined below 0.5 % per year")


# ----- more bad inputs, each a ValueError naming the argument, the rule and the value -----


@pytest.mark.parametrize(
    "changes, message",
    [
        (dict(output=np.ma.array([1.0, 2.0, 3.0], mask=[0, 1, 0])), r"output must not be a masked array.*1"),
        (dict(capital_share=np.ma.masked), r"capital_share must not be a masked array"),
        (dict(output=[[1.0, 2.0], [3.0]], years=[2000, 2001, 2002]), r"output must be a rectangular array"),
        (dict(output=None, years=[2000, 2001, 2002]), r"output must contain only numbers; got None"),
        (dict(output=[10**400, 1.0, 2.0]), r"output must hold numbers a float can store"),
        (dict(capital_share=10**400), r"capital_share must hold numbers a float can store"),
        (dict(years=[2000, 10**400, 2002]), r"years must hold numbers a float can store"),
    ],
)
def test_more_bad_inputs_name_the_argument(changes, message):
    """Masked arrays, ragged or missing output given with years, and integers too large for a float
    raise ValueError naming the argument at fault (never years for output's fault, never OverflowError)."""
    with pytest.raises(ValueError, match=message):
        call(**changes)


def test_masked_array_without_masked_values_is_plain_data():
    """A masked array that masks nothing is read as its data."""
    plain = call()
    masked = call(output=np.ma.array([1.0, 2.0, 3.0]))
    np.testing.assert_array_equal(plain.tfp_growth, masked.tfp_growth)


def test_panel_share_axis_is_explicit_when_ambiguous():
    """With as many countries as years a 1-D share is refused unless shares_axis says what it runs over;
    each reading equals decompose on every row with that share."""
    rng = np.random.default_rng(5)
    Y, K, L = (np.exp(rng.normal(0, 0.1, (3, 3)).cumsum(axis=1)) for _ in range(3))
    shares = [0.3, 0.4, 0.5]
    with pytest.raises(ValueError, match=r"capital_share is ambiguous: its length 3 .* shares_axis="):
        decompose_panel(Y, K, L, shares)
    by_year = decompose_panel(Y, K, L, shares, shares_axis="years")
    by_country = decompose_panel(Y, K, L, shares, shares_axis="countries")
    for i in range(3):
        row_by_year, row_by_country = (decompose(Y[i], K[i], L[i], a) for a in (shares, shares[i]))
        np.testing.assert_allclose(by_year.tfp_growth[i], row_by_year.tfp_growth)
        np.testing.assert_allclose(by_country.tfp_growth[i], row_by_country.tfp_growth)
    with pytest.raises(ValueError, match=r"shares_axis must be None, 'years' or 'countries'; got 'rows'"):
        decompose_panel(Y, K, L, 0.3, shares_axis="rows")
    wide = np.ones((2, 4))
    with pytest.raises(ValueError, match=r"one value per year \(length 4\).*shares_axis='countries'"):
        decompose_panel(wide, wide, wide, [0.3, 0.4])
    per_country = decompose_panel(wide, wide, wide, [0.3, 0.4], shares_axis="countries")
    np.testing.assert_array_equal(per_country.capital_share, [[0.3] * 3, [0.4] * 3])


def test_allow_missing_must_be_a_bool():
    """allow_missing accepts True or False only, not a merely truthy value such as 'no' or 1."""
    Y = np.ones((2, 3))
    for bad in ("no", 1, None):
        with pytest.raises(ValueError, match=r"allow_missing must be True or False"):
            decompose_panel(Y, Y, Y, 0.3, allow_missing=bad)
    assert decompose_panel(Y, Y, Y, 0.3, allow_missing=np.True_).tfp_growth.shape == (2, 2)


def test_summary_refuses_text_and_fractional_bounds(economy):
    """summary(start, end) refuses text years, and fractional interval indices when years are unknown."""
    e = economy
    acc = decompose(e["K"], e["K"], e["L"], 0.3, years=e["years"])
    with pytest.raises(ValueError, match=r"start must be a real number; got '1995'"):
        acc.summary("1995", 2000)
    with pytest.raises(ValueError, match=r"end must be a real number; got \[2000\]"):
        acc.summary(1995, [2000])
    plain = decompose(e["K"], e["K"], e["L"], 0.3)
    with pytest.raises(ValueError, match=r"start must be a whole number; got 0.5"):
        plain.summary(0.5, 3)
    assert plain.summary(1.0, 3.0).period == (1, 3)


def test_constant_growth_economy_checks_its_start_year():
    """The start year must be a whole number."""
    with pytest.raises(ValueError, match=r"start_year must be a real number; got '2000'"):
        constant_growth_economy(5, 1.0, 1.0, 1.0, 0.3, start_year="2000")
    with pytest.raises(ValueError, match=r"start_year must be a whole number; got 2000.5"):
        constant_growth_economy(5, 1.0, 1.0, 1.0, 0.3, start_year=2000.5)


def test_per_worker_labour_unit_names_the_total_and_changes_no_number():
    """per_worker("hour") labels the total "output per hour growth" with the same numbers; bad units raise."""
    e = constant_growth_economy(10, 6.0, 1.0, 2.0, 0.4, human_capital_growth=0.5)
    acc = decompose(e["output"], e["capital"], e["labor"], 0.4, e["human_capital"], e["years"])
    w, h = acc.per_worker().summary(), acc.per_worker("hour").summary()
    assert w.total_name == "output per worker growth" and h.total_name == "output per hour growth"
    assert h.total == w.total and h.parts == w.parts
    with pytest.raises(ValueError, match=r"labour_unit must be 'worker', 'hour' or 'person'; got 'day'"):
        acc.per_worker("day")
