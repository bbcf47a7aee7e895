"""Tests of nqp_helpers.accounting: the residual and its sensitivity, a country's accounts, periods, quality,
Bosworth and Collins, development accounting."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nqp_helpers import accounting as ac
from nqp_helpers.accounting import decompose_country
from nqp_helpers.data import list_countries, load_country, load_published
from nqp_helpers.growth import constant_growth_economy, decompose

RATES = {"output": 5.0, "capital": 7.5, "labor": 2.0, "human_capital": 0.5}


# ----------------------------------------------------------------- residual
@settings(max_examples=100, deadline=None)
@given(st.floats(-5, 15), st.floats(-3, 5), st.floats(-1, 3), st.floats(-3, 6), st.floats(0.05, 0.95))
def test_residual_recovers_tfp_of_a_constant_growth_economy(gK, gL, gh, gA, alpha):
    """With Cobb-Douglas data and the true share, the rate-form residual equals the TFP growth put in."""
    e = constant_growth_economy(10, gK, gL, gA, alpha, human_capital_growth=gh)
    rates = ac.average_growth_rates(e["output"], e["capital"], e["labor"], e["human_capital"], e["years"])
    assert ac.solow_residual(rates["output"], gK, gL, alpha, gh) == pytest.approx(gA, abs=1e-9)
    acc = decompose(e["output"], e["capital"], e["labor"], alpha, e["human_capital"], e["years"])
    assert ac.residual_sensitivity(rates, alpha) == pytest.approx(acc.summary().parts["TFP"], abs=1e-9)


def test_residual_is_vectorised_over_shares():
    """An array of shares gives one residual per share, linear in the share."""
    out = ac.solow_residual(8.0, 10.0, 1.0, np.array([0.2, 0.4, 0.6]))
    assert out.shape == (3,)
    np.testing.assert_allclose(np.diff(out), -0.2 * (10.0 - 1.0))
    assert isinstance(ac.solow_residual(8.0, 10.0, 1.0, 0.4), float)


def test_sensitivity_slope_and_error_effects():
    """d g_A / d alpha = -(g_K - g_L - g_h); errors shift g_A by e_Y, -alpha e_K and -(1 - alpha) e_L."""
    a = np.array([0.3, 0.31])
    slope = np.diff(ac.residual_sensitivity(RATES, a))[0] / 0.01
    assert slope == pytest.approx(-(7.5 - 2.0 - 0.5))
    base = ac.residual_sensitivity(RATES, 0.4)
    assert ac.residual_sensitivity(RATES, 0.4, output_error=1.0) - base == pytest.approx(1.0)
    assert ac.residual_sensitivity(RATES, 0.4, capital_error=1.0) - base == pytest.approx(-0.4)
    assert ac.residual_sensitivity(RATES, 0.4, labor_error=1.0) - base == pytest.approx(-0.6)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: ac.solow_residual("8", 10, 1, 0.4), r"output_growth must be a number \(% per year\)"),
        (lambda: ac.solow_residual(8, 10, 1, 1.2), r"capital_share must lie in \[0, 1\]; got 1.2"),
        (lambda: ac.solow_residual(8, np.nan, 1, 0.4), r"capital_growth must be finite"),
        (lambda: ac.solow_residual(8, [1, 2], 1, [0.1, 0.2, 0.3]), r"must broadcast together"),
        (lambda: ac.solow_residual(8, 10, [1, "a"], 0.4), r"labor_growth must be a number or an array"),
        (lambda: ac.solow_residual(8, 10, [1, None], 0.4), r"labor_growth must be finite"),
        (lambda: ac.residual_sensitivity([5, 7], 0.4), r"rates must be a dict"),
        (lambda: ac.residual_sensitivity({"output": 5}, 0.4), r"missing capital, labor, human_capital"),
        (
            lambda: ac.residual_sensitivity(RATES, 0.4, capital_error="1"),
            r"capital_error must be a real number",
        ),
    ],
)
def test_residual_errors(call, message):
    """Bad rates, shares and errors raise ValueError naming the argument and the rule."""
    with pytest.raises(ValueError, match=message):
        call()


def test_average_growth_rates_and_errors():
    """Average rates are 100 ln(X_T / X_0) / years; bad series are refused."""
    e = constant_growth_economy(8, 4.0, 1.0, 1.5, 0.3, human_capital_growth=0.7)
    r = ac.average_growth_rates(e["output"], e["capital"], e["labor"], e["human_capital"], e["years"])
    assert r["capital"] == pytest.approx(4.0) and r["human_capital"] == pytest.approx(0.7)
    assert ac.average_growth_rates([1, np.e], [1, 1], [1, 1])["human_capital"] == 0.0
    with pytest.raises(ValueError, match=r"at least 2 years"):
        ac.average_growth_rates([1.0], [1.0], [1.0])
    with pytest.raises(ValueError, match=r"capital must have the same shape as output \(3,\)"):
        ac.average_growth_rates([1, 2, 3], [1, 2], [1, 1, 1])
    with pytest.raises(ValueError, match=r"labor must be strictly positive"):
        ac.average_growth_rates([1, 2], [1, 2], [1, 0])
    with pytest.raises(ValueError, match=r"years must be sorted"):
        ac.average_growth_rates([1, 2], [1, 2], [1, 1], years=[2001, 2000])


# ----------------------------------------------------------------- periods
PERIODS = [(1978, 1993), (1993, 2004), (2012, None)]


def test_period_table_equals_summaries_of_one_decomposition():
    """Each row equals decompose_country(...).summary(start, end) with the same conventions."""
    rows = ac.period_table("CHN", PERIODS, labor="persons")
    ca = decompose_country("CHN", labor="persons")
    for row, (lo, hi) in zip(rows, PERIODS, strict=True):
        ref = ca.summary(lo, hi if hi is not None else 2023)
        assert row.total == pytest.approx(ref.total) and row.parts["TFP"] == pytest.approx(ref.parts["TFP"])
    assert rows[-1].period == (2012, 2023)
    same = ac.period_table(ca, PERIODS)
    assert [s.parts["TFP"] for s in same] == [s.parts["TFP"] for s in rows]


def test_period_table_per_worker_identity_and_clipping():
    """Per worker: growth of Y/L = capital deepening + human capital + TFP; clip moves the start."""
    rows = ac.period_table("CHN", PERIODS, per_worker=True)
    for s in rows:
        assert sum(s.parts.values()) == pytest.approx(s.total)
    kor = ac.period_table("KOR", [(1952, 1978)], clip=True, labor="persons")
    assert kor[0].period == (1953, 1978)
    with pytest.raises(ValueError, match=r"lies outside the data \(1953-2023\).*clip=True"):
        ac.period_table("KOR", [(1952, 1978)], labor="persons")


def test_period_table_accepts_a_growth_accounting_with_years():
    """A GrowthAccounting with years is split by period; None means the first or last year."""
    e = constant_growth_economy(20, 5.0, 1.0, 2.0, 0.4, start_year=1990)
    acc = decompose(e["output"], e["capital"], e["labor"], 0.4, years=e["years"])
    rows = ac.period_table(acc, [(None, 2000), (2000, None)])
    assert [s.period for s in rows] == [(1990, 2000), (2000, 2010)]
    assert rows[0].parts["TFP"] == pytest.approx(2.0)


@pytest.mark.parametrize(
    "source, periods, options, message",
    [
        ("CHN", [], {}, r"periods must be a non-empty list"),
        ("CHN", "1978-1993", {}, r"periods must be a non-empty list"),
        ("CHN", [(1978,)], {}, r"each period must be a \(start, end\) pair"),
        ("CHN", [(1993, 1978)], {}, r"start < end"),
        ("CHN", [("1978", 1993)], {}, r"period bounds must be years or None"),
        ("CHN", [(1940, 1960)], {}, r"lies outside the data \(1952-2023\)"),
        ("XXX", [(1978, 1993)], {}, r"unknown country code"),
        (None, [(1978, 1993)], {}, r"source must be a country code"),
    ],
)
def test_period_table_errors(source, periods, options, message):
    """Malformed periods, periods outside the data and bad sources raise ValueError."""
    with pytest.raises(ValueError, match=message):
        ac.period_table(source, periods, **options)


def test_period_table_refuses_options_without_code_and_accounts_without_years():
    """Options need a country code; an accounting needs years and a single economy."""
    acc = decompose([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], [1.0, 1.0, 1.0], 0.3)
    with pytest.raises(ValueError, match=r"must carry years"):
        ac.period_table(acc, [(0, 1)])
    with pytest.raises(ValueError, match=r"options \['labor'\] apply only when source is a country code"):
        ac.period_table(decompose_country("CHN"), PERIODS, labor="persons")
    from nqp_helpers.growth import decompose_panel

    panel = decompose_panel([[1.0, 2.0]], [[1.0, 2.0]], [[1.0, 1.0]], 0.3, years=[2000, 2001])
    with pytest.raises(ValueError, match=r"single economy"):
        ac.period_table(panel, [(2000, 2001)])


def test_summaries_and_part_tables():
    """Text tables list every part and the TFP share; mismatched input is refused."""
    rows = ac.period_table("CHN", PERIODS, labor="persons")
    text = ac.summaries_table(rows)
    assert "1978-1993" in text and "TFP share (%)" in text and f"{rows[0].parts['TFP']:.2f}" in text
    assert "TFP share" not in ac.summaries_table(rows, show_share=False)
    pw = ac.period_table("CHN", PERIODS, per_worker=True)
    with pytest.raises(ValueError, match=r"same parts"):
        ac.summaries_table([rows[0], pw[0]])
    with pytest.raises(ValueError, match=r"one entry per summary \(3\); got 1"):
        ac.summaries_table(rows, ["a"])
    with pytest.raises(ValueError, match=r"non-empty list of GrowthSummary"):
        ac.summaries_table([])
    both = {"CHN": rows, "KOR": ac.period_table("KOR", [(1950, 1993), (1993, 2004), (2012, None)], clip=True)}
    table = ac.part_table(both, "TFP", share=True)
    assert "(1953-1993)" in table and "% of growth" in table
    assert ac.part_table(both, "total").splitlines()[1].split()[1] == f"{rows[0].total:.2f}"
    with pytest.raises(ValueError, match=r"part must be 'total' or one of"):
        ac.part_table(both, "land")
    with pytest.raises(ValueError, match=r"same number of periods"):
        ac.part_table({"a": rows, "b": rows[:1]})
    with pytest.raises(ValueError, match=r"at least one economy"):
        ac.part_table({})


# ----------------------------------------------------------------- quality
def test_quality_steps_move_growth_out_of_the_residual():
    """Adding hc lowers TFP by exactly its contribution; the last step is PWT's own rtfpna growth."""
    steps = list(ac.quality_adjustment_steps("CHN", 1978, 2023).values())
    assert len({s.total for s in steps}) == 1
    assert steps[1].parts["TFP"] - steps[2].parts["TFP"] == pytest.approx(steps[2].parts["human capital"])
    assert steps[0].parts["human capital"] == 0.0
    rtfp = load_country("CHN", ["rtfpna"], 1978, 2023)["rtfpna"]
    # rtfpna is stored to 7 significant digits, hence the tolerance
    assert steps[3].parts["TFP"] == pytest.approx(100 * np.log(rtfp[-1] / rtfp[0]) / 45, abs=1e-5)


def test_quality_steps_refuse_periods_without_hours():
    """A period in which avh is missing would repeat a step silently: it is refused."""
    with pytest.raises(ValueError, match=r"needs avh and hc in every year of 1960-1980"):
        ac.quality_adjustment_steps("IND", 1960, 1980)


# ----------------------------------------------------------------- Bosworth and Collins
def test_bosworth_collins_accounting_identities():
    """Output = employment + output per worker; output per worker = capital + education + TFP."""
    r = ac.bosworth_collins_accounting()
    assert r["employment"] + r["output per worker"] == pytest.approx(r["output"])
    assert r["physical capital"] + r["education"] + r["total factor productivity"] == pytest.approx(
        r["output per worker"]
    )
    d = load_country("CHN", ["rnna", "emp"], 1978, 2004)
    gk = 100 * np.log(d["rnna"][-1] / d["rnna"][0]) / 26
    assert r["physical capital"] == pytest.approx(0.4 * (gk - r["employment"]))
    assert ac.bosworth_collins_accounting(schooling_return=0.0)["education"] == pytest.approx(0.0, abs=1e-12)
    hours = ac.bosworth_collins_accounting(labor="hours", capital_share="labsh", capital="rkna")
    assert hours["output"] == pytest.approx(r["output"]) and hours["employment"] > r["employment"]


@pytest.mark.parametrize(
    "options, message",
    [
        (dict(labor="workers"), r"labor must be 'persons' or 'hours'"),
        (dict(capital="cn"), r"capital must be 'rnna' or 'rkna'"),
        (dict(capital_share="pwt"), r"capital_share must be a number in \[0, 1\] or 'labsh'"),
        (dict(capital_share=1.4), r"capital_share must lie in \[0, 1\]; got 1.4"),
        (dict(schooling_return=7), r"schooling_return must lie in \[0, 0.3\]; got 7"),
    ],
)
def test_bosworth_collins_accounting_errors(options, message):
    """Bad options raise ValueError naming the argument."""
    with pytest.raises(ValueError, match=message):
        ac.bosworth_collins_accounting(**options)


def test_comparison_table_keeps_the_published_figures():
    """The first column is the stored published table, unchanged; differences are column minus it."""
    c = ac.compare_with_bosworth_collins()
    pub = load_published().values
    assert c.column(c.columns[0]) == {m: pub[m] for m in ac.BC_MEASURES}
    d = c.differences(c.columns[1])
    assert d["output"] == pytest.approx(c.values[0, 1] - 9.3)
    assert c.values.shape == (6, 5) and "Journal of Economic Perspectives" in c.citation
    assert "E: PWT 11.0, capital share 1 - labsh, hours, hc" in str(c)
    with pytest.raises(ValueError, match=r"unknown column"):
        c.column("nope")
    with pytest.raises(ValueError, match=r"non-empty dict"):
        ac.compare_with_bosworth_collins({})
    with pytest.raises(ValueError, match=r"may not set \['start'\]"):
        ac.compare_with_bosworth_collins({"x": dict(start=1990)})


# ----------------------------------------------------------------- a country's accounts (decompose_country)
def test_china_1978_2004_contributions_sum_to_output_growth():
    """For China 1978-2004 capital + labour + human capital + TFP equals output growth, year by year."""
    ca = decompose_country("CHN", 1978, 2004)
    acc = ca.accounting
    parts = (
        acc.capital_contribution + acc.labor_contribution + acc.human_capital_contribution + acc.tfp_growth
    )
    np.testing.assert_allclose(parts, acc.output_growth, rtol=0, atol=1e-14)
    s = ca.summary()
    assert s.total == pytest.approx(sum(s.parts.values()), abs=1e-12)
    assert ca.years[0] == 1978 and ca.years[-1] == 2004 and ca.labor == "hours" and ca.human_capital


def test_china_conventions_state_every_choice():
    """The conventions name output, capital, the capital share, hours and hc in plain words."""
    ca = decompose_country("CHN", 1978, 2004)
    assert ca.conventions[:6] == [
        "period: 1978-2004, as requested",
        "output: rgdpna (real GDP at constant 2021 national prices, mil. 2021US$)",
        "capital: rnna (capital stock at constant 2021 national prices, mil. 2021US$)",
        "capital share: 1 - labsh, year by year (each interval uses the average of its two years)",
        "labour: emp x avh (total hours worked, millions of hours per year)",
        "human capital: hc (index based on years of schooling and returns to education)",
    ]


def test_decompose_country_matches_decompose_on_the_raw_series():
    """decompose_country equals decompose on rgdpna, rnna, emp*avh, 1-labsh and hc loaded directly."""
    s = load_country("KOR", ["rgdpna", "rnna", "emp", "avh", "labsh", "hc"], 1970, 2020)
    acc = decompose(s.rgdpna, s.rnna, s.emp * s.avh, 1 - s.labsh, s.hc, years=s.years)
    ca = decompose_country("KOR", 1970, 2020)
    np.testing.assert_array_equal(ca.accounting.tfp_growth, acc.tfp_growth)


def test_persons_instead_of_hours_is_stated():
    """labor='persons' uses emp and says so; the human capital term is unchanged."""
    hours = decompose_country("CHN", 1978, 2004)
    persons = decompose_country("CHN", 1978, 2004, labor="persons")
    assert persons.labor == "persons"
    assert "labor='persons'" in persons.conventions[4]
    np.testing.assert_array_equal(
        persons.accounting.human_capital_contribution, hours.accounting.human_capital_contribution
    )


def test_missing_hours_fall_back_to_persons_and_say_so():
    """When avh is missing in the period, labour is emp (persons) and the conventions give the years."""
    ca = decompose_country("AGO")
    assert ca.labor == "persons"
    assert any(
        c.startswith("labour: emp (persons engaged, millions); avh is missing for AGO in")
        for c in ca.conventions
    )


def test_missing_human_capital_is_not_adjusted_and_says_so():
    """When hc is missing in the period, labour is not quality-adjusted and the conventions say so."""
    ca = decompose_country("AZE")
    assert not ca.human_capital
    assert np.all(ca.accounting.human_capital_contribution == 0)
    assert any(c.startswith("human capital: not adjusted (hc missing for AZE in") for c in ca.conventions)
    off = decompose_country("CHN", 1978, 2004, human_capital=False)
    assert "human capital: not adjusted (human_capital=False)" in off.conventions


def test_default_period_is_the_latest_complete_run():
    """Without start and end, China's period is 1952-2023 and the conventions explain the choice."""
    ca = decompose_country("CHN")
    assert ca.years[0] == 1952 and ca.years[-1] == 2023
    assert ca.conventions[0].startswith("period: 1952-2023, the longest run of consecutive years")
    only_end = decompose_country("CHN", end=2000)
    assert only_end.years[0] == 1952 and only_end.years[-1] == 2000
    only_start = decompose_country("CHN", start=1990)
    assert only_start.years[0] == 1990 and only_start.years[-1] == 2023


def test_capital_services_can_replace_the_stock():
    """capital='rkna' uses capital services and names them in the conventions."""
    ca = decompose_country("USA", 1990, 2019, capital="rkna")
    assert ca.capital == "rkna" and ca.conventions[2].startswith("capital: rkna (capital services")


def test_decompose_country_errors():
    """Bad options, missing core data in a requested period and too little data raise clear ValueErrors."""
    with pytest.raises(ValueError, match=r"labor must be 'hours' or 'persons'; got 'workers'"):
        decompose_country("CHN", labor="workers")
    with pytest.raises(ValueError, match=r"capital must be 'rnna' .* or 'rkna' .*; got 'cn'"):
        decompose_country("CHN", capital="cn")
    with pytest.raises(ValueError, match="human_capital must be True or False; got 'yes'"):
        decompose_country("CHN", human_capital="yes")
    with pytest.raises(
        ValueError, match=r"rgdpna, rnna, emp, labsh are missing for CHN in 1950-1951; choose start >= 1952"
    ):
        decompose_country("CHN", 1950, 2000)
    with pytest.raises(ValueError, match=r"missing for CHN in 1951 \(the requested end year\)"):
        decompose_country("CHN", end=1951)
    with pytest.raises(
        ValueError, match=r"too little data for BGD \(Bangladesh\).*labsh is missing in every year"
    ):
        decompose_country("BGD")
    with pytest.raises(
        ValueError, match=r"too little data for CHN \(China\): the period is the single year 2023"
    ):
        decompose_country("CHN", start=2023)
    with pytest.raises(ValueError, match="unknown country code 'CHA'"):
        decompose_country("CHA")


def test_every_country_decomposes_or_says_there_is_too_little_data():
    """Default decompose_country works for 139 of 185 countries; the rest raise 'too little data'."""
    worked, refused = [], []
    for code, _ in list_countries():
        try:
            ca = decompose_country(code)
        except ValueError as err:
            assert str(err).startswith(f"too little data for {code}"), str(err)
            refused.append(code)
        else:
            acc = ca.accounting
            assert np.isfinite(acc.tfp_growth).all()
            assert len(ca.years) >= 2 and ca.years[-1] - ca.years[0] == len(ca.years) - 1
            worked.append(code)
    assert len(worked) == 139 and len(refused) == 46


def test_assumed_capital_share_replaces_labsh():
    """With an assumed capital share, capital's contribution is that share times capital growth,
    and countries without a labour share in the data can still be accounted for."""
    acc = decompose_country("CHN", 1978, 2004, labor="persons", capital_share=0.4)
    a = acc.accounting
    np.testing.assert_allclose(a.capital_contribution, 0.4 * a.capital_growth, atol=1e-15)
    assert "0.4 in every year (assumed, not measured)" in " ".join(acc.conventions)
    bgd = decompose_country("BGD", capital_share=0.4)
    assert bgd.years.size > 2
    with pytest.raises(ValueError, match="pass an assumed share, for example capital_share=0.4"):
        decompose_country("BGD")


@pytest.mark.parametrize(
    "share, message",
    [
        ("share", r"capital_share must be 'labsh' or a number in \[0, 1\]; got 'share'"),
        (1.5, r"capital_share must lie in \[0, 1\]; got 1.5"),
    ],
)
def test_bad_capital_share_is_refused(share, message):
    """A capital share that is neither 'labsh' nor a number in [0, 1] raises ValueError."""
    with pytest.raises(ValueError, match=message):
        decompose_country("CHN", capital_share=share)


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (2000, 1990, r"start must not be after end; got start=2000, end=1990"),
        (1900, None, r"start must lie in the data range 1950-2023; got 1900"),
        (None, 2030, r"end must lie in the data range 1950-2023; got 2030"),
        (1978.5, None, r"start must be a whole year; got 1978.5"),
        ("1978", None, r"start must be a year \(an integer such as 1978\); got '1978'"),
        (True, None, r"start must be a year"),
    ],
)
def test_bad_years_are_refused(start, end, message):
    """Years out of range, not whole, not numbers or in the wrong order raise ValueError (as load_country)."""
    with pytest.raises(ValueError, match=message):
        decompose_country("USA", start=start, end=end)


def test_country_accounting_records_the_share_and_the_levels_it_used():
    """capital_share is 'labsh' or the assumed number; decompose on the stored levels repeats the accounts."""
    ca = decompose_country("KOR", 1970, 2020)
    assert ca.capital_share == "labsh"
    lv = ca.levels
    again = decompose(
        lv["output"], lv["capital"], lv["labor"], lv["capital_share"], lv["human_capital"], ca.years
    )
    np.testing.assert_array_equal(again.tfp_growth, ca.accounting.tfp_growth)
    s = load_country("KOR", ["labsh"], 1970, 2020)
    np.testing.assert_array_equal(lv["capital_share"], 1 - s.labsh)
    assumed = decompose_country("AZE", capital_share=0.4)
    assert assumed.capital_share == 0.4 and np.all(assumed.levels["capital_share"] == 0.4)
    assert not assumed.human_capital and "human_capital" not in assumed.levels


# ----------------------------------------------------------------- one rule for a complete run of years
def test_complete_run_is_the_latest_run_and_respects_the_bounds():
    """The run ends in the latest year in [start, end] with every variable and goes back while they last."""
    assert ac.complete_run("CHN") == (1952, 2023)
    assert ac.complete_run("CHN", 1940, 2000) == (1952, 2000)
    hours = ["rgdpna", "rnna", "emp", "avh"]
    assert ac.complete_run("IND", variables=hours) == (1970, 2023)
    assert ac.complete_run("IND", 1960, 1980, variables=hours) == (1970, 1980)
    assert ac.complete_run("CHN", 2023) == (2023, 2023)
    assert ac.complete_run("BGD", variables=["rgdpna", "rnna", "emp", "labsh"]) is None
    with pytest.raises(ValueError, match="unknown country code 'CHA'"):
        ac.complete_run("CHA")
    with pytest.raises(ValueError, match="start must be a real number"):
        ac.complete_run("CHN", "1978")


@pytest.mark.parametrize("variables", [ac.CORE_VARIABLES, (*ac.CORE_VARIABLES, "labsh")])
def test_complete_years_form_one_run_so_latest_is_longest(variables):
    """For every economy of PWT 11.0 the complete years form one unbroken run, and complete_run returns it:
    the latest complete run and the longest one are the same periods."""
    for code, _ in list_countries():
        s = load_country(code, list(variables), allow_missing=True)
        complete = s.years[np.all([np.isfinite(s[v]) for v in variables], axis=0)]
        run = ac.complete_run(code, variables=variables)
        if complete.size == 0:
            assert run is None
            continue
        assert run == (int(complete[0]), int(complete[-1])), code
        assert complete.size == run[1] - run[0] + 1, code


def test_decompose_country_default_period_is_the_complete_run():
    """Without start and end, decompose_country covers complete_run of output, capital, employment, labsh."""
    for code in ("CHN", "IND", "USA", "AGO", "ABW"):
        ca = decompose_country(code)
        run = ac.complete_run(code, variables=(*ac.CORE_VARIABLES, "labsh"))
        assert (int(ca.years[0]), int(ca.years[-1])) == run


# ----------------------------------------------------------------- the residual under other capital shares
def test_share_sensitivity_is_minus_capital_deepening_net_of_quality():
    """d g_A / d alpha = -(g_K - g_L - g_h): a higher share lowers TFP growth when capital outgrows labour."""
    t = np.arange(0, 21)
    K, L, h = np.exp(0.08 * t), np.exp(0.01 * t), np.exp(0.01 * t)
    Y = np.exp(0.02 * t) * K**0.4 * (h * L) ** 0.6
    s = ac.accounting_by_capital_share(Y, K, L, {"0.3": 0.3, "0.4": 0.4, "0.5": 0.5}, human_capital=h)
    tfp = [float(s[k].parts["TFP"]) for k in ("0.3", "0.4", "0.5")]
    assert tfp[1] == pytest.approx(2.0)
    np.testing.assert_allclose(np.diff(tfp), -0.1 * (8 - 1 - 1))


def test_time_varying_share_matches_decompose():
    """A per-year share gives the same summary as decompose with that share."""
    rng = np.random.default_rng(2)
    Y, K, L = (np.exp(np.cumsum(rng.normal(0.05, 0.02, 12))) for _ in range(3))
    share = rng.uniform(0.3, 0.5, 12)
    years = np.arange(2000, 2012)
    s = ac.accounting_by_capital_share(Y, K, L, {"data": share}, years=years, start=2002, end=2010)
    ref = decompose(Y, K, L, share, years=years).summary(2002, 2010)
    assert s["data"].parts == pytest.approx(ref.parts) and s["data"].period == (2002, 2010)


def test_bad_share_specifications_raise():
    """An empty or non-dict specification, or an out-of-range share, raises ValueError."""
    with pytest.raises(ValueError, match="capital_shares must be a non-empty dict"):
        ac.accounting_by_capital_share([1, 2], [1, 2], [1, 2], {})
    with pytest.raises(ValueError, match="capital_shares must be a non-empty dict"):
        ac.accounting_by_capital_share([1, 2], [1, 2], [1, 2], [0.4])
    with pytest.raises(ValueError, match=r"capital_share must lie in \[0, 1\]; got 1.2"):
        ac.accounting_by_capital_share([1, 2], [1, 2], [1, 2], {"x": 1.2})


def test_rate_form_and_data_form_agree_for_a_constant_share():
    """With a constant share, the period average of the interval residuals equals the residual of the
    average rates: residual_sensitivity on average rates = accounting_by_capital_share on the levels."""
    d = load_country("CHN", ["rgdpna", "rnna", "emp", "hc"], 1978, 2004)
    rates = ac.average_growth_rates(d.rgdpna, d.rnna, d.emp, d.hc, d.years)
    shares = {f"{a:g}": a for a in (0.3, 0.4, 0.5)}
    on_data = ac.accounting_by_capital_share(d.rgdpna, d.rnna, d.emp, shares, d.hc, d.years)
    np.testing.assert_allclose(
        ac.residual_sensitivity(rates, [0.3, 0.4, 0.5]),
        [float(on_data[k].parts["TFP"]) for k in shares],
        rtol=0,
        atol=1e-12,
    )


# ----------------------------------------------------------------- tables by economy and period
def test_part_values_are_the_summaries_numbers():
    """part_values gives each economy's part per period (or its share of growth, in %) as plain floats."""
    rows = {"CHN": ac.period_table("CHN", PERIODS, labor="persons")}
    assert ac.part_values(rows, "TFP")["CHN"] == [float(s.parts["TFP"]) for s in rows["CHN"]]
    assert ac.part_values(rows, "total")["CHN"] == [float(s.total) for s in rows["CHN"]]
    shares = ac.part_values(rows, "capital", share=True)["CHN"]
    assert shares == pytest.approx([100 * s.parts["capital"] / s.total for s in rows["CHN"]])
    with pytest.raises(ValueError, match=r"part must be 'total' or one of"):
        ac.part_values(rows, "land")


# ----------------------------------------------------------------- development accounting
def test_development_accounting_factors_multiply_to_the_gap():
    """capital x human capital x TFP ratios equal the output-per-worker ratio; log shares sum to one."""
    d = ac.development_accounting("CHN", 2019)
    r = d.ratios
    assert r["capital"] * r["human capital"] * r["TFP"] == pytest.approx(r["output per worker"])
    assert sum(d.log_shares.values()) == pytest.approx(1.0)
    assert 0 < r["output per worker"] < 1
    # our TFP level and PWT's own (different capital measure and shares) tell the same story
    assert r["TFP"] == pytest.approx(d.pwt_ctfp, rel=0.25)


def test_development_accounting_errors():
    """A year without data and an impossible capital share are refused with clear messages."""
    with pytest.raises(ValueError, match="year must be one in which CHN and USA both have"):
        ac.development_accounting("CHN", 1900)
    with pytest.raises(ValueError, match=r"capital_share must lie in \(0, 1\)"):
        ac.development_accounting("CHN", 2019, capital_share=1.0)
    with pytest.raises(ValueError, match="did you mean"):
        ac.development_accounting("CHA", 2019)


def test_development_accounting_against_itself_has_no_gap_to_split():
    """The reference against itself: every ratio is 1, the shares of the (absent) log gap are NaN, and the
    table says why instead of printing 'nan %'."""
    d = ac.development_accounting("USA", 2019)
    assert all(v == pytest.approx(1.0) for v in d.ratios.values())
    assert all(np.isnan(v) for v in d.log_shares.values())
    text = d.table()
    assert "nan" not in text and text.count("n/a") == 4
    assert "USA is the reference economy itself; there is no gap to split" in text


def test_development_accounting_does_not_split_a_tiny_gap():
    """Within MIN_LOG_GAP_FOR_SHARES of the reference (Switzerland, 2019: a log gap of 0.03) the shares are
    n/a, not +338 % and -212 %; a wide gap still splits."""
    close = ac.development_accounting("CHE", 2019)
    assert abs(np.log(close.ratios["output per worker"])) < ac.MIN_LOG_GAP_FOR_SHARES
    assert all(np.isnan(v) for v in close.log_shares.values())
    assert "smaller in size than 0.05" in close.table()
    assert np.isfinite(list(ac.development_accounting("KOR", 2019).log_shares.values())).all()


def test_development_accounting_refuses_odd_years_and_references():
    """A fractional or text year and a reference that is not a code are refused, naming the argument."""
    with pytest.raises(ValueError, match=r"year must be a whole number; got 2019.5"):
        ac.development_accounting("CHN", 2019.5)
    with pytest.raises(ValueError, match=r"year must be a real number; got '2019'"):
        ac.development_accounting("CHN", "2019")
    with pytest.raises(ValueError, match=r"reference must be a 3-letter country code"):
        ac.development_accounting("CHN", 2019, reference=5)
    with pytest.raises(ValueError, match=r"unknown country code 'XXX'; .*\(in reference\)"):
        ac.development_accounting("CHN", 2019, reference="XXX")


def test_tables_show_n_a_below_the_threshold_and_say_why():
    """summaries_table and part_table print n/a (not -14 % or 4533 %) where growth is below 0.5 % per year,
    with one line giving the reason; part_values gives NaN there."""
    jpn = ac.period_table("JPN", [(1978, 1993), (2004, 2012)], labor="persons")
    assert jpn[1].total < 0.5 < jpn[0].total
    table = ac.summaries_table(jpn)
    assert table.splitlines()[2].endswith("n/a") and "n/a: output growth below 0.5 % per year" in table
    assert "n/a" not in ac.summaries_table(jpn, show_share=False)
    assert np.isnan(ac.part_values({"JPN": jpn}, "TFP", share=True)["JPN"][1])
    text = ac.part_table({"JPN": jpn}, "TFP", share=True)
    assert text.splitlines()[1].split()[-1] == "n/a" and text.endswith("is undefined")
    assert "n/a" not in ac.part_table({"JPN": jpn}, "TFP")


def test_decompose_country_human_capital_must_be_a_bool():
    """human_capital accepts True or False only."""
    with pytest.raises(ValueError, match=r"human_capital must be True or False; got 'yes'"):
        decompose_country("CHN", 1978, 2004, human_capital="yes")


# ----------------------------------------------------------------- labour compensation
def test_compensation_growth_is_productivity_growth_plus_the_change_in_ln_labour_share():
    """g(pay per worker) = g(output per worker) + yearly change in ln labsh, exactly; per hour too."""
    lc = ac.labour_compensation("CHN", 1993, 2023)
    for start, end in [(1993, 2012), (2012, 2023), (1993, 2023)]:
        g = lc.growth(start, end)
        assert g["compensation per worker"] == pytest.approx(
            g["output per worker"] + g["labour share"], abs=1e-12
        )
        assert g["compensation per hour"] == pytest.approx(
            g["output per hour"] + g["labour share"], abs=1e-12
        )
    ratio = lc.levels["compensation per worker"] / lc.levels["output per worker"]
    assert np.allclose(ratio, lc.labour_share), "compensation over productivity is the labour share"


def test_compensation_grows_like_productivity_while_pwt_labour_share_is_constant():
    """China 1952-1992: PWT's labsh is one number, so compensation and productivity grow at the same rate."""
    lc = ac.labour_compensation("CHN")
    assert lc.years[0] == 1952 and lc.years[-1] == 2023
    g = lc.growth(1952, 1992)
    assert g["labour share"] == 0.0
    assert g["compensation per hour"] == pytest.approx(g["output per hour"], abs=1e-12)
    assert "2021 US$" in lc.units


def test_real_compensation_checks_its_inputs():
    """Bad shares, lengths and levels raise ValueErrors that name the argument."""
    with pytest.raises(ValueError, match=r"labor_share must lie in \(0, 1\]; got 1.2"):
        ac.real_compensation([1.0, 2.0], 1.2, [1.0, 1.0])
    with pytest.raises(ValueError, match=r"labor_share must lie in \(0, 1\]; got 0"):
        ac.real_compensation([1.0, 2.0], [0.5, 0.0], [1.0, 1.0])
    with pytest.raises(ValueError, match=r"employment must have one value per year of output \(2\); got 3"):
        ac.real_compensation([1.0, 2.0], 0.5, [1.0, 1.0, 1.0])
    with pytest.raises(ValueError, match=r"labor_share must be a number or one value per year \(2\); got 3"):
        ac.real_compensation([1.0, 2.0], [0.5, 0.5, 0.5], [1.0, 1.0])
    with pytest.raises(ValueError, match=r"hours must have one value per year of output \(2\); got 1"):
        ac.real_compensation([1.0, 2.0], 0.5, [1.0, 1.0], hours=[2000.0])
    with pytest.raises(ValueError, match=r"output must be strictly positive"):
        ac.real_compensation([1.0, -2.0], 0.5, [1.0, 1.0])
    lc = ac.labour_compensation("CHN", 2000, 2010)
    with pytest.raises(
        ValueError, match=r"start and end must satisfy 2000 <= start < end <= 2010; got 2010-2000"
    ):
        lc.growth(2010, 2000)


# ----------------------------------------------------------------- two tests of intensive growth
def test_intensive_growth_tests_agree_with_the_period_table():
    """The TFP and output figures are the period table's; labour productivity grows faster than output
    exactly when labour input shrinks (the article's test), as in China 2012-2023 counting persons."""
    tests = ac.intensive_growth_tests("CHN", ac.CHINA_PERIODS)
    rows = ac.period_table("CHN", ac.CHINA_PERIODS, labor="persons")
    for t, r in zip(tests, rows, strict=True):
        assert t.tfp == pytest.approx(r.parts["TFP"]) and t.output == pytest.approx(r.total)
        assert t.tfp_share == pytest.approx(100 * r.parts["TFP"] / r.total)
        labour_shrinks = r.parts["labour"] < 0
        assert (t.output_per_labour > t.output) == labour_shrinks
    last = tests[-1]
    assert last.period == (2012, 2023) and last.labour_productivity_share > 100
    assert last.tfp < tests[-2].tfp and last.tfp_share < tests[-2].tfp_share


# ----------------------------------------------------------------- other studies, official figures
def test_published_estimates_sit_beside_the_pwt_figure_for_the_same_years():
    """Each study's own period is recomputed from PWT 11.0; an unverified figure stays None."""
    rows = ac.published_tfp_estimates()
    assert {r.study.split(" (")[0] for r in rows} >= {"Young", "Bosworth and Collins", "Zhu"}
    assert any("CIP" in r.study for r in rows)
    bc = next(r for r in rows if r.study.startswith("Bosworth"))
    assert bc.published == load_published().values["total factor productivity"]
    assert bc.own_persons == pytest.approx(
        ac.period_table("CHN", [(1978, 2004)], labor="persons")[0].parts["TFP"]
    )
    zhu = next(r for r in rows if r.study.startswith("Zhu"))
    assert zhu.published is None and zhu.own_persons < 0
    text = ac.published_estimates_table(rows)
    assert "not verified" in text and len(text.splitlines()) == len(rows) + 1


def test_contribution_rate_comparison_moves_towards_the_official_method():
    """Dropping the schooling adjustment raises the TFP share; a lower fixed capital share raises it more."""
    c = ac.contribution_rate_comparison(window=5, capital_shares=(0.3, 0.5))
    assert c.years[0] == 2012 and c.official[0] == 52.2 and c.values.shape == (len(c.years), 4)
    a, b, low, high = c.values.T
    assert (b > a).all() and (low > b).all() and (high < low).all()
    assert ">60.0" in c.table() and "2007-2012" in c.table()
    with pytest.raises(ValueError, match=r"window"):
        ac.contribution_rate_comparison(window=0)
    with pytest.raises(ValueError, match=r"capital_shares"):
        ac.contribution_rate_comparison(capital_shares=(1.5,))
