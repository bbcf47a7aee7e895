"""Tests of nqp_helpers.accounting_lessons: the residual, its sensitivity, quality, real data, widgets."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from nqp_helpers import accounting_lessons as al
from nqp_helpers.data import decompose_country, load_country, load_published
from nqp_helpers.growth import constant_growth_economy, decompose
from nqp_helpers.lessons.plotting import use_style

RATES = {"output": 5.0, "capital": 7.5, "labor": 2.0, "human_capital": 0.5}


def new_ax():
    return Figure().subplots()


def bar_heights(ax):
    return [p.get_height() for p in ax.patches]


# ----------------------------------------------------------------- residual
@settings(max_examples=100, deadline=None)
@given(st.floats(-5, 15), st.floats(-3, 5), st.floats(-1, 3), st.floats(-3, 6), st.floats(0.05, 0.95))
def test_residual_recovers_tfp_of_a_constant_growth_economy(gK, gL, gh, gA, alpha):
    """With Cobb-Douglas data and the true share, the rate-form residual equals the TFP growth put in."""
    e = constant_growth_economy(10, gK, gL, gA, alpha, human_capital_growth=gh)
    rates = al.average_growth_rates(e["output"], e["capital"], e["labor"], e["human_capital"], e["years"])
    assert al.solow_residual(rates["output"], gK, gL, alpha, gh) == pytest.approx(gA, abs=1e-9)
    acc = decompose(e["output"], e["capital"], e["labor"], alpha, e["human_capital"], e["years"])
    assert al.residual_sensitivity(rates, alpha) == pytest.approx(acc.summary().parts["TFP"], abs=1e-9)


def test_residual_is_vectorised_over_shares():
    """An array of shares gives one residual per share, linear in the share."""
    out = al.solow_residual(8.0, 10.0, 1.0, np.array([0.2, 0.4, 0.6]))
    assert out.shape == (3,)
    np.testing.assert_allclose(np.diff(out), -0.2 * (10.0 - 1.0))
    assert isinstance(al.solow_residual(8.0, 10.0, 1.0, 0.4), float)


def test_sensitivity_slope_and_error_effects():
    """d g_A / d alpha = -(g_K - g_L - g_h); errors shift g_A by e_Y, -alpha e_K and -(1 - alpha) e_L."""
    a = np.array([0.3, 0.31])
    slope = np.diff(al.residual_sensitivity(RATES, a))[0] / 0.01
    assert slope == pytest.approx(-(7.5 - 2.0 - 0.5))
    base = al.residual_sensitivity(RATES, 0.4)
    assert al.residual_sensitivity(RATES, 0.4, output_error=1.0) - base == pytest.approx(1.0)
    assert al.residual_sensitivity(RATES, 0.4, capital_error=1.0) - base == pytest.approx(-0.4)
    assert al.residual_sensitivity(RATES, 0.4, labor_error=1.0) - base == pytest.approx(-0.6)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: al.solow_residual("8", 10, 1, 0.4), r"output_growth must be a number \(% per year\)"),
        (lambda: al.solow_residual(8, 10, 1, 1.2), r"capital_share must lie in \[0, 1\]; got 1.2"),
        (lambda: al.solow_residual(8, np.nan, 1, 0.4), r"capital_growth must be finite"),
        (lambda: al.solow_residual(8, [1, 2], 1, [0.1, 0.2, 0.3]), r"must broadcast together"),
        (lambda: al.solow_residual(8, 10, [1, "a"], 0.4), r"labor_growth must be a number or an array"),
        (lambda: al.solow_residual(8, 10, [1, None], 0.4), r"labor_growth must be finite"),
        (lambda: al.residual_sensitivity([5, 7], 0.4), r"rates must be a dict"),
        (lambda: al.residual_sensitivity({"output": 5}, 0.4), r"missing capital, labor, human_capital"),
        (
            lambda: al.residual_sensitivity(RATES, 0.4, capital_error="1"),
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
    r = al.average_growth_rates(e["output"], e["capital"], e["labor"], e["human_capital"], e["years"])
    assert r["capital"] == pytest.approx(4.0) and r["human_capital"] == pytest.approx(0.7)
    assert al.average_growth_rates([1, np.e], [1, 1], [1, 1])["human_capital"] == 0.0
    with pytest.raises(ValueError, match=r"at least 2 years"):
        al.average_growth_rates([1.0], [1.0], [1.0])
    with pytest.raises(ValueError, match=r"capital must have the same shape as output \(3,\)"):
        al.average_growth_rates([1, 2, 3], [1, 2], [1, 1, 1])
    with pytest.raises(ValueError, match=r"labor must be strictly positive"):
        al.average_growth_rates([1, 2], [1, 2], [1, 0])
    with pytest.raises(ValueError, match=r"years must be sorted"):
        al.average_growth_rates([1, 2], [1, 2], [1, 1], years=[2001, 2000])


# ----------------------------------------------------------------- periods
PERIODS = [(1978, 1993), (1993, 2004), (2012, None)]


def test_period_table_equals_summaries_of_one_decomposition():
    """Each row equals decompose_country(...).summary(start, end) with the same conventions."""
    rows = al.period_table("CHN", PERIODS, labor="persons")
    ca = decompose_country("CHN", labor="persons")
    for row, (lo, hi) in zip(rows, PERIODS, strict=True):
        ref = ca.summary(lo, hi if hi is not None else 2023)
        assert row.total == pytest.approx(ref.total) and row.parts["TFP"] == pytest.approx(ref.parts["TFP"])
    assert rows[-1].period == (2012, 2023)
    same = al.period_table(ca, PERIODS)
    assert [s.parts["TFP"] for s in same] == [s.parts["TFP"] for s in rows]


def test_period_table_per_worker_identity_and_clipping():
    """Per worker: growth of Y/L = capital deepening + human capital + TFP; clip moves the start."""
    rows = al.period_table("CHN", PERIODS, per_worker=True)
    for s in rows:
        assert sum(s.parts.values()) == pytest.approx(s.total)
    kor = al.period_table("KOR", [(1952, 1978)], clip=True, labor="persons")
    assert kor[0].period == (1953, 1978)
    with pytest.raises(ValueError, match=r"lies outside the data \(1953-2023\).*clip=True"):
        al.period_table("KOR", [(1952, 1978)], labor="persons")


def test_period_table_accepts_a_growth_accounting_with_years():
    """A GrowthAccounting with years is split by period; None means the first or last year."""
    e = constant_growth_economy(20, 5.0, 1.0, 2.0, 0.4, start_year=1990)
    acc = decompose(e["output"], e["capital"], e["labor"], 0.4, years=e["years"])
    rows = al.period_table(acc, [(None, 2000), (2000, None)])
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
        al.period_table(source, periods, **options)


def test_period_table_refuses_options_without_code_and_accounts_without_years():
    """Options need a country code; an accounting needs years and a single economy."""
    acc = decompose([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], [1.0, 1.0, 1.0], 0.3)
    with pytest.raises(ValueError, match=r"must carry years"):
        al.period_table(acc, [(0, 1)])
    with pytest.raises(ValueError, match=r"options \['labor'\] apply only when source is a country code"):
        al.period_table(decompose_country("CHN"), PERIODS, labor="persons")
    from nqp_helpers.growth import decompose_panel

    panel = decompose_panel([[1.0, 2.0]], [[1.0, 2.0]], [[1.0, 1.0]], 0.3, years=[2000, 2001])
    with pytest.raises(ValueError, match=r"single economy"):
        al.period_table(panel, [(2000, 2001)])


def test_summaries_and_part_tables():
    """Text tables list every part and the TFP share; mismatched input is refused."""
    rows = al.period_table("CHN", PERIODS, labor="persons")
    text = al.summaries_table(rows)
    assert "1978-1993" in text and "TFP share (%)" in text and f"{rows[0].parts['TFP']:.2f}" in text
    assert "TFP share" not in al.summaries_table(rows, show_share=False)
    pw = al.period_table("CHN", PERIODS, per_worker=True)
    with pytest.raises(ValueError, match=r"same parts"):
        al.summaries_table([rows[0], pw[0]])
    with pytest.raises(ValueError, match=r"one entry per summary \(3\); got 1"):
        al.summaries_table(rows, ["a"])
    with pytest.raises(ValueError, match=r"non-empty list of GrowthSummary"):
        al.summaries_table([])
    both = {"CHN": rows, "KOR": al.period_table("KOR", [(1950, 1993), (1993, 2004), (2012, None)], clip=True)}
    table = al.part_table(both, "TFP", share=True)
    assert "(1953-1993)" in table and "% of growth" in table
    assert al.part_table(both, "total").splitlines()[1].split()[1] == f"{rows[0].total:.2f}"
    with pytest.raises(ValueError, match=r"part must be 'total' or one of"):
        al.part_table(both, "land")
    with pytest.raises(ValueError, match=r"same number of periods"):
        al.part_table({"a": rows, "b": rows[:1]})
    with pytest.raises(ValueError, match=r"at least one economy"):
        al.part_table({})


# ----------------------------------------------------------------- quality
def test_quality_steps_move_growth_out_of_the_residual():
    """Adding hc lowers TFP by exactly its contribution; the last step is PWT's own rtfpna growth."""
    steps = list(al.quality_adjustment_steps("CHN", 1978, 2023).values())
    assert len({s.total for s in steps}) == 1
    assert steps[1].parts["TFP"] - steps[2].parts["TFP"] == pytest.approx(steps[2].parts["human capital"])
    assert steps[0].parts["human capital"] == 0.0
    rtfp = load_country("CHN", ["rtfpna"], 1978, 2023)["rtfpna"]
    # rtfpna is stored to 7 significant digits, hence the tolerance
    assert steps[3].parts["TFP"] == pytest.approx(100 * np.log(rtfp[-1] / rtfp[0]) / 45, abs=1e-5)


def test_quality_steps_refuse_periods_without_hours():
    """A period in which avh is missing would repeat a step silently: it is refused."""
    with pytest.raises(ValueError, match=r"needs avh and hc in every year of 1960-1980"):
        al.quality_adjustment_steps("IND", 1960, 1980)


def test_hc_mapping_kinks_and_inverse():
    """PWT hc: slopes 0.134, 0.101, 0.068 per year of schooling; schooling_from_hc inverts it."""
    s = np.array([0.0, 2.0, 4.0, 6.0, 8.0, 12.0])
    phi = np.log(al.hc_from_schooling(s))
    np.testing.assert_allclose(phi, [0, 0.268, 0.536, 0.738, 0.94, 1.212])
    np.testing.assert_allclose(al.schooling_from_hc(al.hc_from_schooling(s)), s, atol=1e-12)
    assert al.hc_from_schooling(0.0) == 1.0
    with pytest.raises(ValueError, match=r"schooling must be >= 0 years; got -1"):
        al.hc_from_schooling([1.0, -1.0])
    with pytest.raises(ValueError, match=r"hc must be >= 1"):
        al.schooling_from_hc(0.9)


@settings(max_examples=100, deadline=None)
@given(st.floats(0, 20))
def test_schooling_round_trip(s):
    """schooling_from_hc(hc_from_schooling(s)) == s for any schooling from 0 to 20 years."""
    assert al.schooling_from_hc(al.hc_from_schooling(s)) == pytest.approx(s, abs=1e-9)


# ----------------------------------------------------------------- Bosworth and Collins
def test_bosworth_collins_accounting_identities():
    """Output = employment + output per worker; output per worker = capital + education + TFP."""
    r = al.bosworth_collins_accounting()
    assert r["employment"] + r["output per worker"] == pytest.approx(r["output"])
    assert r["physical capital"] + r["education"] + r["total factor productivity"] == pytest.approx(
        r["output per worker"]
    )
    d = load_country("CHN", ["rnna", "emp"], 1978, 2004)
    gk = 100 * np.log(d["rnna"][-1] / d["rnna"][0]) / 26
    assert r["physical capital"] == pytest.approx(0.4 * (gk - r["employment"]))
    assert al.bosworth_collins_accounting(schooling_return=0.0)["education"] == pytest.approx(0.0, abs=1e-12)
    hours = al.bosworth_collins_accounting(labor="hours", capital_share="labsh", capital="rkna")
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
        al.bosworth_collins_accounting(**options)


def test_comparison_table_keeps_the_published_figures():
    """The first column is the stored published table, unchanged; differences are column minus it."""
    c = al.compare_with_bosworth_collins()
    pub = load_published().values
    assert c.column(c.columns[0]) == {m: pub[m] for m in al.BC_MEASURES}
    d = c.differences(c.columns[1])
    assert d["output"] == pytest.approx(c.values[0, 1] - 9.3)
    assert c.values.shape == (6, 5) and "Journal of Economic Perspectives" in c.citation
    assert "E: PWT 11.0, capital share 1 - labsh, hours, hc" in str(c)
    with pytest.raises(ValueError, match=r"unknown column"):
        c.column("nope")
    with pytest.raises(ValueError, match=r"non-empty dict"):
        al.compare_with_bosworth_collins({})
    with pytest.raises(ValueError, match=r"may not set \['start'\]"):
        al.compare_with_bosworth_collins({"x": dict(start=1990)})


# ----------------------------------------------------------------- figures
def test_plot_residual_sensitivity_draws_the_point_where_it_belongs():
    """The dot sits at (share, residual); an error adds a second (dashed) line."""
    ax = al.plot_residual_sensitivity(RATES, 0.45, ax=new_ax())
    assert len(ax.lines) == 3  # clean line, point, zero line
    ax = al.plot_residual_sensitivity(
        RATES, 0.45, capital_error=1.0, true_tfp=0.5, reference_share=0.4, ax=new_ax()
    )
    point = [ln for ln in ax.lines if ln.get_marker() == "o"][0]
    assert point.get_xdata()[0] == 0.45
    assert point.get_ydata()[0] == pytest.approx(al.residual_sensitivity(RATES, 0.45, capital_error=1.0))
    with pytest.raises(ValueError, match=r"share_range\[1\] must lie in"):
        al.plot_residual_sensitivity(RATES, 0.4, ax=new_ax(), share_range=(0.5, 0.2))


def test_other_plots_check_their_inputs():
    """Index paths, period lines and comparison bars refuse inconsistent input."""
    with pytest.raises(ValueError, match=r"one value per year \(3\)"):
        al.plot_index_paths([1, 2, 3], {"a": [1, 2]}, ax=new_ax())
    with pytest.raises(ValueError, match=r"strictly positive on a log scale"):
        al.plot_index_paths([1, 2], {"a": [1, -2]}, ax=new_ax())
    ax = al.plot_index_paths([1, 2], {"a": [1, 2], "b": [1, 3]}, ax=new_ax())
    assert len(ax.lines) == 2 and ax.get_yscale() == "log"
    rows = {"CHN": al.period_table("CHN", PERIODS)}
    ax = al.plot_period_lines(rows, "TFP", ax=new_ax())
    assert list(ax.lines[0].get_ydata()) == [s.parts["TFP"] for s in rows["CHN"]]
    with pytest.raises(ValueError, match=r"part must be 'total'"):
        al.plot_period_lines(rows, "land", ax=new_ax())
    with pytest.raises(ValueError, match=r"same number of periods"):
        al.plot_period_lines({"a": rows["CHN"], "b": rows["CHN"][:1]}, ax=new_ax())
    c = al.compare_with_bosworth_collins()
    ax = al.plot_comparison(c, ax=new_ax())
    assert len(ax.patches) == 3 * len(c.columns)
    with pytest.raises(ValueError, match=r"unknown measure 'land'"):
        al.plot_comparison(c, ax=new_ax(), measures=("land",))


def test_mixed_contributions_put_different_views_side_by_side():
    """Aggregate and per-worker bars share one axes; each part appears once in the legend; stacks add up."""
    ca = decompose_country("CHN", 2012, 2023)
    s, pw = ca.summary(), ca.per_worker().summary()
    ax = al.plot_mixed_contributions([s, pw], ["output", "output per hour"], ax=new_ax())
    assert len(ax.patches) == 7
    labels = ax.get_legend_handles_labels()[1]
    assert len(labels) == len(set(labels)) == 6  # 5 parts + total growth
    positive = sum(p.get_height() for p in ax.patches[4:] if p.get_height() > 0)
    assert positive == pytest.approx(sum(v for v in pw.parts.values() if v > 0))
    with pytest.raises(ValueError, match=r"equal length; got 2 and 1"):
        al.plot_mixed_contributions([s, pw], ["output"], ax=new_ax())


def test_plain_text_strips_tags():
    """Widget notes print without HTML tags or entities."""
    assert al.plain_text("a <b>1 &lt; 2</b>") == "a 1 < 2"


# ----------------------------------------------------------------- widgets
def tfp_in(note):
    """The first number after 'TFP growth <b>' or 'TFP <b>' in a note."""
    import re

    return float(re.search(r"TFP[a-z ]*<b>(-?[0-9.]+)", note).group(1))


def median_update(app, name, values):
    times = []
    for v in values:
        app.set(**{name: v})
        times.append(app.last_seconds)
    return float(np.median(times))


@pytest.fixture(autouse=True, scope="module")
def style():
    use_style()


def test_residual_app_moves_with_share_and_errors():
    """A higher assumed share lowers measured TFP (capital outgrows labour); overstated capital lowers it."""
    app = al.make_residual_app()
    before = tfp_in(app.note.value)
    assert before == pytest.approx(0.5, abs=0.01) and "(true: 0.50)" in app.note.value
    app.set(capital_share=0.5)
    assert tfp_in(app.note.value) == pytest.approx(0.0, abs=0.01)
    app.set(capital_share=0.4, capital_error=1.0)
    assert tfp_in(app.note.value) == pytest.approx(0.1, abs=0.01)
    dashed = [ln for ln in app.axes.lines if ln.get_linestyle() == "--"]
    assert dashed, "an error draws the dashed line"
    app.set(economy="China 1978-2004 (PWT, persons)")
    assert "PWT share" in app.note.value and app.draws == 5


def test_residual_app_refuses_unknown_economy():
    """draw_residual names the valid economies."""
    with pytest.raises(ValueError, match=r"economy must be one of"):
        al.draw_residual(new_ax(), "Atlantis", 0.4)


def test_country_app_switches_conventions_and_explains_gaps():
    """Turning off hc zeroes its bar; missing hours (India before 1970) and bad periods are explained."""
    app = al.make_country_app()
    assert len(app.axes.patches) == 4 + 3  # aggregate bar (4 parts) next to the per-worker bar (3 parts)
    assert bar_heights(app.axes)[2] > 0 and "China 2012-2023" in app.note.value
    tfp_with = tfp_in(app.note.value)
    app.set(human_capital=False)
    assert bar_heights(app.axes)[2] == 0.0
    assert tfp_in(app.note.value) > tfp_with
    app.set(code="IND", start=1960, end=1990)
    assert "avh is missing" in app.note.value
    assert app.axes.get_xticklabels()[1].get_text() == "output per worker"
    app.set(start=1995, end=1990)
    assert "choose an end year after the start year" in app.note.value
    app.set(end=2023)
    assert "India 1995-2023" in app.note.value
    with pytest.raises(ValueError, match=r"unknown country codes \['XXX'\]"):
        al.make_country_app(codes=("CHN", "XXX"))
    with pytest.raises(ValueError, match=r"code must be one of codes"):
        al.make_country_app(code="USA", codes=("CHN",))


def test_bosworth_collins_app_reacts_to_share_and_schooling():
    """A higher capital share raises the capital bar; a zero return to schooling removes education."""
    app = al.make_bosworth_collins_app()
    heights = bar_heights(app.axes)
    assert heights[:4] == pytest.approx([7.3, 3.2, 0.3, 3.6])
    app.set(capital_share=0.5)
    assert bar_heights(app.axes)[5] > heights[5]
    app.set(human_capital="mincer", schooling_return=0.0)
    assert bar_heights(app.axes)[6] == pytest.approx(0.0, abs=1e-12)
    with pytest.raises(ValueError, match=r"human_capital must be 'hc' or 'mincer'"):
        al.draw_bosworth_collins(new_ax(), human_capital="years")


def test_build_economy_app_reports_every_contribution():
    """TFP growth raises output growth one for one; the note lists every part and the years."""
    app = al.make_build_economy_app()
    assert "output growth <b>5.30 % per year</b>" in app.note.value
    app.set(tfp_growth=3.0)
    assert "output growth <b>6.30 % per year</b>" in app.note.value
    assert bar_heights(app.axes)[3] == pytest.approx(3.0)
    app.set(years=40)
    assert "after 40 years" in app.note.value and "capital 2.40" in app.note.value
    note = al.draw_build_economy(new_ax(), 0.0, 0.0, 0.0, 0.0, 0.4, 5)
    assert "undefined" in note


@pytest.mark.parametrize(
    "factory, name, values",
    [
        (al.make_residual_app, "capital_share", [0.3, 0.35, 0.45, 0.5, 0.42, 0.38, 0.4]),
        (al.make_country_app, "start", [2000, 2002, 2004, 2006, 2008, 2010, 2012]),
        (al.make_bosworth_collins_app, "capital_share", [0.3, 0.35, 0.45, 0.5, 0.42, 0.38, 0.4]),
        (al.make_build_economy_app, "tfp_growth", [1.0, 1.5, 2.5, 3.0, 0.5, 2.0, 2.2]),
    ],
)
def test_widgets_update_fast(factory, name, values):
    """After a warm-up draw, the median update (compute and render) stays under the 0.25 s guard.

    The target is 0.1 s; the guard is generous because other jobs share the CPU. The best of
    three rounds is used so that a burst of load elsewhere does not fail the test.
    """
    app = factory()
    app.redraw()
    best = min(median_update(app, name, values) for _ in range(3))
    assert best < 0.25
