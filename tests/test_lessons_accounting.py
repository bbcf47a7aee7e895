"""Tests of nqp_helpers.lessons.accounting: the figures and widgets of notebook 02."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from nqp_helpers import accounting as ac
from nqp_helpers.accounting import decompose_country
from nqp_helpers.lessons import accounting as la
from nqp_helpers.lessons.growth import draw_economy, make_economy_app
from nqp_helpers.lessons.plotting import use_style

RATES = {"output": 5.0, "capital": 7.5, "labor": 2.0, "human_capital": 0.5}
PERIODS = [(1978, 1993), (1993, 2004), (2012, None)]


def new_ax():
    return Figure().subplots()


def bar_heights(ax):
    return [p.get_height() for p in ax.patches]


def part_heights(ax, part):
    """Heights of the bars of one part (one per stacked bar), found by its legend label."""
    (bars,) = [c for c in ax.containers if c.get_label() == part]
    return [p.get_height() for p in bars]


# ----------------------------------------------------------------- figures
def test_plot_residual_sensitivity_draws_the_point_where_it_belongs():
    """The dot sits at (share, residual); an error adds a second (dashed) line."""
    ax = la.plot_residual_sensitivity(RATES, 0.45, ax=new_ax())
    assert len(ax.lines) == 3  # clean line, point, zero line
    ax = la.plot_residual_sensitivity(
        RATES, 0.45, capital_error=1.0, true_tfp=0.5, reference_share=0.4, ax=new_ax()
    )
    point = [ln for ln in ax.lines if ln.get_marker() == "o"][0]
    assert point.get_xdata()[0] == 0.45
    assert point.get_ydata()[0] == pytest.approx(ac.residual_sensitivity(RATES, 0.45, capital_error=1.0))
    with pytest.raises(ValueError, match=r"share_range\[1\] must lie in"):
        la.plot_residual_sensitivity(RATES, 0.4, ax=new_ax(), share_range=(0.5, 0.2))


def test_other_plots_check_their_inputs():
    """Index paths, period lines and comparison bars refuse inconsistent input."""
    with pytest.raises(ValueError, match=r"one value per year \(3\)"):
        la.plot_index_paths([1, 2, 3], {"a": [1, 2]}, ax=new_ax())
    with pytest.raises(ValueError, match=r"strictly positive on a log scale"):
        la.plot_index_paths([1, 2], {"a": [1, -2]}, ax=new_ax())
    ax = la.plot_index_paths([1, 2], {"a": [1, 2], "b": [1, 3]}, ax=new_ax())
    assert len(ax.lines) == 2 and ax.get_yscale() == "log"
    rows = {"CHN": ac.period_table("CHN", PERIODS)}
    ax = la.plot_period_lines(rows, "TFP", ax=new_ax())
    assert list(ax.lines[0].get_ydata()) == [s.parts["TFP"] for s in rows["CHN"]]
    with pytest.raises(ValueError, match=r"part must be 'total'"):
        la.plot_period_lines(rows, "land", ax=new_ax())
    with pytest.raises(ValueError, match=r"same number of periods"):
        la.plot_period_lines({"a": rows["CHN"], "b": rows["CHN"][:1]}, ax=new_ax())
    c = ac.compare_with_bosworth_collins()
    ax = la.plot_comparison(c, ax=new_ax())
    assert len(ax.patches) == 3 * len(c.columns)
    with pytest.raises(ValueError, match=r"unknown measure 'land'"):
        la.plot_comparison(c, ax=new_ax(), measures=("land",))


def test_mixed_contributions_put_different_views_side_by_side():
    """Aggregate and per-worker bars share one axes; each part appears once in the legend; stacks add up."""
    ca = decompose_country("CHN", 2012, 2023)
    s, pw = ca.summary(), ca.per_worker().summary()
    ax = la.plot_mixed_contributions([s, pw], ["output", "output per hour"], ax=new_ax())
    # drawn with stacked_bars: a part a view lacks is a bar of height 0 there
    assert sum(h != 0 for h in bar_heights(ax)) == 7
    labels = ax.get_legend_handles_labels()[1]
    assert len(labels) == len(set(labels)) == 6  # 5 parts + total growth
    names = ["capital deepening", "capital", "labour", "human capital", "TFP"]
    per_worker_bar = [part_heights(ax, n)[1] for n in names]
    positive = sum(h for h in per_worker_bar if h > 0)
    assert positive == pytest.approx(sum(v for v in pw.parts.values() if v > 0))
    # each bar keeps its own order: capital deepening at the bottom of the per-worker bar
    (deepening,) = [c for c in ax.containers if c.get_label() == "capital deepening"]
    assert deepening[1].get_y() == 0.0
    with pytest.raises(ValueError, match=r"equal length; got 2 and 1"):
        la.plot_mixed_contributions([s, pw], ["output"], ax=new_ax())


def test_plain_text_strips_tags():
    """Widget notes print without HTML tags or entities."""
    assert la.plain_text("a <b>1 &lt; 2</b>") == "a 1 < 2"


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
    app = la.make_residual_app()
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
        la.draw_residual(new_ax(), "Atlantis", 0.4)


def test_country_app_switches_conventions_and_explains_gaps():
    """Turning off hc zeroes its bar; missing hours (India before 1970) and bad periods are explained."""
    app = la.make_country_app()
    # aggregate bar (4 parts) next to the per-worker bar (3 parts)
    assert sum(h != 0 for h in bar_heights(app.axes)) == 4 + 3
    assert part_heights(app.axes, "human capital")[0] > 0 and "China 2012-2023" in app.note.value
    tfp_with = tfp_in(app.note.value)
    app.set(human_capital=False)
    assert part_heights(app.axes, "human capital")[0] == 0.0
    assert tfp_in(app.note.value) > tfp_with
    app.set(code="IND", start=1960, end=1990)
    assert "avh is missing" in app.note.value
    assert app.axes.get_xticklabels()[1].get_text() == "output per worker"
    app.set(start=1995, end=1990)
    assert "choose an end year after the start year" in app.note.value
    app.set(end=2023)
    assert "India 1995-2023" in app.note.value
    with pytest.raises(ValueError, match=r"unknown country codes \['XXX'\]"):
        la.make_country_app(codes=("CHN", "XXX"))
    with pytest.raises(ValueError, match=r"code must be one of codes"):
        la.make_country_app(code="USA", codes=("CHN",))


def test_bosworth_collins_app_reacts_to_share_and_schooling():
    """A higher capital share raises the capital bar; a zero return to schooling removes education."""
    app = la.make_bosworth_collins_app()
    heights = bar_heights(app.axes)
    assert heights[:4] == pytest.approx([7.3, 3.2, 0.3, 3.6])
    app.set(capital_share=0.5)
    assert bar_heights(app.axes)[5] > heights[5]
    app.set(human_capital="mincer", schooling_return=0.0)
    assert bar_heights(app.axes)[6] == pytest.approx(0.0, abs=1e-12)
    with pytest.raises(ValueError, match=r"human_capital must be 'hc' or 'mincer'"):
        la.draw_bosworth_collins(new_ax(), human_capital="years")


def build_economy_app():
    """Notebook 02's economy: the shared app with human capital growing 0.5 % a year, over 20 years."""
    return make_economy_app(human_capital_growth=0.5, years=20)


def test_build_economy_app_reports_every_contribution():
    """TFP growth raises output growth one for one; the note lists every part and the years."""
    app = build_economy_app()
    assert "output growth <b>5.30 % per year</b>" in app.note.value
    app.set(tfp_growth=3.0)
    assert "output growth <b>6.30 % per year</b>" in app.note.value
    assert bar_heights(app.axes)[3] == pytest.approx(3.0)
    app.set(years=40)
    assert "after 40 years" in app.note.value and "capital 2.40" in app.note.value
    note = draw_economy(new_ax(), 0.0, 0.0, 0.0, 0.4, human_capital_growth=0.0, years=5)
    assert "undefined" in note


@pytest.mark.perf
@pytest.mark.parametrize(
    "factory, name, values",
    [
        (la.make_residual_app, "capital_share", [0.3, 0.35, 0.45, 0.5, 0.42, 0.38, 0.4]),
        (la.make_country_app, "start", [2000, 2002, 2004, 2006, 2008, 2010, 2012]),
        (la.make_bosworth_collins_app, "capital_share", [0.3, 0.35, 0.45, 0.5, 0.42, 0.38, 0.4]),
        (build_economy_app, "tfp_growth", [1.0, 1.5, 2.5, 3.0, 0.5, 2.0, 2.2]),
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


def test_widgets_never_show_a_share_of_near_zero_growth():
    """Japan 2014-2020 grew -0.01 % a year: the country widget says n/a with the reason instead of 4533 %;
    the residual widget does the same when measured output growth is near zero."""
    note = la.draw_country(new_ax(), "JPN", 2014, 2020)
    assert "4533" not in note and "share of output growth n/a (output growth is -0.01 % per year" in note
    assert "= <b>" in la.draw_country(new_ax(), "CHN", 2012, 2023)
    note = la.draw_residual(new_ax(), "toy: extensive", 0.4, output_error=-4.99999)
    assert "TFP share of measured output growth <b>n/a (measured output growth is 0.00 % per year" in note


def test_accounting_widgets_refuse_starting_values_they_cannot_show():
    """An unknown economy, a start year outside the slider or after the end raise ValueError naming it."""
    with pytest.raises(ValueError, match=r"economy must be one of .*; got 'Atlantis'"):
        la.make_residual_app(economy="Atlantis")
    with pytest.raises(ValueError, match=r"capital_share must lie in \[0.1, 0.8\]; got 0.9"):
        la.make_residual_app(capital_share=0.9)
    with pytest.raises(ValueError, match=r"start must lie in \[1950, 2022\]; got 1940"):
        la.make_country_app(start=1940)
    with pytest.raises(ValueError, match=r"start must be before end; got start=2015, end=2010"):
        la.make_country_app(start=2015, end=2010)
    with pytest.raises(ValueError, match=r"codes must be a non-empty list of country codes; got 'CHN'"):
        la.make_country_app(codes="CHN")


def test_capital_and_capital_deepening_have_different_colours():
    """In the mixed view (the country widget) capital and capital deepening are told apart by colour."""
    ca = decompose_country("CHN", 2012, 2023)
    ax = la.plot_mixed_contributions([ca.summary(), ca.per_worker().summary()], ["a", "b"], ax=new_ax())
    colour = {c.get_label(): c[0].get_facecolor() for c in ax.containers}
    assert colour["capital"] != colour["capital deepening"]


def test_country_app_figure_states_its_conventions_and_source():
    """The widget figure stands alone: country, period, labour measure and source are drawn on it, and
    output per hour is labelled per hour."""
    app = la.make_country_app()
    title = app.axes.get_title(loc="left")
    assert "China, 2012-2023" in title and "hours" in title and "Penn World Table 11.0" in title
    assert app.axes.get_xticklabels()[1].get_text() == "output per hour"
    app.set(labor="persons", human_capital=False)
    assert "persons" in app.axes.get_title(loc="left") and "not adjusted" in app.axes.get_title(loc="left")


def test_economy_app_figure_states_its_parameters():
    """The build-your-own-economy figure carries the slider values and says the economy is constructed."""
    app = build_economy_app()
    app.set(capital_share=0.35)
    title = app.axes.get_title(loc="left")
    assert "α = 0.35" in title and "g_K = 6" in title and "Constructed economy" in title


def test_recovered_tfp_is_drawn_as_markers_on_the_true_line():
    """True indices are lines, recovered ones markers only, and the figure says that they coincide."""
    yrs = np.arange(5)
    true = {"a": np.exp(0.01 * yrs)}
    ax = la.plot_recovered_tfp(yrs, true, {"a": np.exp(0.01 * yrs)}, ax=new_ax())
    styles = [ln.get_linestyle() for ln in ax.lines]
    assert styles == ["-", "None"]
    assert any("coincide" in t.get_text() for t in ax.texts)
    with pytest.raises(ValueError, match=r"same labels"):
        la.plot_recovered_tfp(yrs, true, {"b": true["a"]}, ax=new_ax())
    with pytest.raises(ValueError, match=r"positive with one value per year"):
        la.plot_recovered_tfp(yrs, true, {"a": np.ones(3)}, ax=new_ax())


def test_labour_compensation_figure_marks_the_constant_share_years():
    """Two index lines, the years of a constant PWT labour share shaded, the source written on the figure."""
    ax = la.plot_labour_compensation(ac.labour_compensation("CHN", 1978, 2023), ax=new_ax())
    assert len(ax.lines) == 2 and len(ax.patches) == 1
    assert any("Penn World Table 11.0" in t.get_text() for t in ax.texts)
    assert any("1978-1992" in t.get_text() for t in ax.texts)
    with pytest.raises(ValueError, match=r"per must be 'hour' or 'worker'"):
        la.plot_labour_compensation(ac.labour_compensation("CHN", 2000, 2010), per="day")


# ----------------------------------------------------------------- updates in place
def pixels(app):
    """The app's picture as an array of 8-bit RGBA values."""
    import io

    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(app.image.value)), dtype=float)


def saved_pixels(app, dpi=150):
    """The app's figure saved as a PNG (as a student would save it), as an array of 8-bit RGBA values."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    app.fig.savefig(buffer, format="png", dpi=dpi)
    return np.asarray(Image.open(buffer), dtype=float)


def assert_updates_draw_what_full_draws_draw(factory, moves, saved=()):
    """Move an app and a twin that draws everything at every move through the same moves: the pictures
    agree (antialiasing at most: 2 on 0-255 channels) and so do the notes; after the moves numbered in
    ``saved``, so do the figures saved as files. Returns the modes of the app's redraws, for the caller
    to check that updates, rescales and full draws were met."""
    app, twin = factory(), factory()
    twin.update_function = None  # a full draw at every move: the reference
    modes = []
    for i, move in enumerate(moves):
        app.set(**move)
        twin.set(**move)
        assert twin.last_mode == "draw"
        assert app.error is None and app.note.value == twin.note.value, move
        assert np.abs(pixels(app) - pixels(twin)).max() <= 2, f"{move}: {app.last_mode}"
        if i in saved:
            assert np.abs(saved_pixels(app) - saved_pixels(twin)).max() <= 2, f"saved after {move}"
        modes.append(app.last_mode)
    return modes


def test_residual_app_updates_in_place_for_every_control():
    """Each control moved within the view moves the lines in place; the other toy economy too."""
    app = la.make_residual_app(capital_error=1.0)
    for move in (
        dict(capital_share=0.5),
        dict(output_error=0.5),
        dict(capital_error=-1.0),
        dict(labor_error=0.3),
        dict(economy="toy: intensive"),
    ):
        app.set(**move)
        assert app.last_mode == "update", move


def test_residual_app_updates_draw_the_same_picture_as_full_draws():
    """Updates (the legend drawn over the lines, the true TFP line added or removed and the legend made
    again between a toy economy and China), and the full draws errors switched on or off need, give the
    pictures and notes of full draws, and the same saved figures."""
    china = "China 1978-2004 (PWT, persons)"
    moves = [
        dict(capital_share=0.5),
        dict(output_error=1.0),  # errors on: a dashed line and a legend entry more, drawn afresh
        dict(output_error=3.0),  # the dashed line crosses the legend
        dict(capital_share=0.8),
        dict(capital_error=-3.0),
        dict(labor_error=2.0),
        dict(economy="toy: intensive"),
        dict(capital_share=0.1),
        dict(economy=china),  # no true TFP line, another reference line and legend: in place
        dict(capital_share=0.3),
        dict(economy="toy: extensive"),  # the true TFP line back, between the dashed and reference lines
        dict(economy=china),
        dict(output_error=0.0),
        dict(capital_error=0.0),
        dict(labor_error=0.0),  # errors off: drawn afresh
        dict(capital_share=0.6),
        dict(economy="toy: intensive"),  # from a picture drawn for China
    ]
    modes = assert_updates_draw_what_full_draws_draw(la.make_residual_app, moves, saved=(9, 16))
    assert [i for i, mode in enumerate(modes) if mode == "draw"] == [1, 14]
    assert modes.count("update") == len(moves) - 2


def test_residual_app_switches_between_toys_and_china_over_the_kept_background():
    """Between a toy economy and China the true TFP line comes or goes, the reference line is renamed and
    the legend made again, all drawn by the same two layers over the kept background: nothing is
    rendered again, and the legend lists what a full draw lists, in its order."""
    app = la.make_residual_app()
    background, moving = app._background, list(app._moving)

    def legend_texts(ax):
        return [t.get_text() for t in ax.get_legend().texts]

    for economy in ("China 1978-2004 (PWT, persons)", "toy: intensive"):
        app.set(economy=economy)
        assert app.last_mode == "update" and app._background is background and app._moving == moving
        fresh = new_ax()
        la.draw_residual(fresh, economy, 0.4)
        assert legend_texts(app.axes) == legend_texts(fresh)
        assert [ln.get_label() for ln in app.axes.lines][:-1] == [ln.get_label() for ln in fresh.lines][:-1]
        assert ("true TFP growth" in legend_texts(app.axes)) == economy.startswith("toy")


def test_country_app_updates_in_place_for_every_control():
    """Within the vertical range, every control (a country with the same range too) updates in place;
    switching hours and persons relabels the bars in place; a new range is set in place (a rescale)."""
    app = la.make_country_app(code="KOR", start=2012, end=2023)
    for move, mode in (
        (dict(code="USA"), "update"),  # the United States 2012-2023 keeps Korea's range, -1 to 4 % per year
        (dict(start=2013), "update"),
        (dict(end=2022), "update"),
        (dict(human_capital=False), "update"),
        (dict(capital="rkna"), "update"),
        (dict(labor="persons"), "update"),
        (dict(code="CHN"), "rescale"),  # China grew faster: -1 to 8 % per year, the bars and legend kept
    ):
        app.set(**move)
        assert app.last_mode == mode, move
    assert app.axes.get_xticklabels()[1].get_text() == "output per worker"
    assert app.axes.get_ylim() == (-1.0, 8.0)


def test_country_app_updates_draw_the_same_picture_as_full_draws():
    """Updates, rescales (a new vertical range set in place), titles and the legend put back as the pixels
    they were rendered with, and the full draws a period without accounts needs, give the pictures and
    notes of full draws, and the same saved figures."""
    moves = [
        dict(start=2010),
        dict(start=2005),  # faster growth: a taller range, set in place
        dict(start=2004),
        dict(human_capital=False),
        dict(labor="persons"),
        dict(capital="rkna"),
        dict(end=2020),
        dict(code="JPN"),  # a lower range
        dict(start=2014),  # Japan 2014-2020 shrank: -2 to 2 % per year
        dict(end=2013),  # no accounts: the notice, drawn afresh
        dict(end=2018),  # drawn afresh after the notice
        dict(labor="hours"),
        dict(human_capital=True),
        dict(code="CHN"),
        dict(code="JPN"),  # a title seen before: its pixels put back
        dict(code="CHN"),
        dict(labor="persons"),
        dict(labor="hours"),  # put back too
    ]
    modes = assert_updates_draw_what_full_draws_draw(la.make_country_app, moves, saved=(8, 15))
    assert [i for i, mode in enumerate(modes) if mode == "draw"] == [9, 10]
    assert [i for i, mode in enumerate(modes) if mode == "rescale"] == [1, 7, 8, 13, 14, 15]


def test_country_app_keeps_its_vertical_range_while_the_bars_fit():
    """The vertical range rounds outwards (whole points below, even points above, 0.3 points to spare), so
    that small moves keep the axes still; it is -1 to 8 % per year for China 2012-2023, and starts at -1
    when nothing is negative (China 1978-2019)."""
    app = la.make_country_app()
    assert app.axes.get_ylim() == (-1.0, 8.0)
    tops = [max(p.get_y(), p.get_y() + p.get_height()) for p in app.axes.patches]
    assert 6.0 < max(tops) <= 8.0 - 0.3  # the highest stack, 6.5 % per year, with room to spare
    assert la.make_country_app(start=1978, end=2019).axes.get_ylim() == (-1.0, 10.0)
    assert la._country_ylim({"a": [9.8, 1.0]}, [9.8, 1.0]) == (-1.0, 12.0)
    assert la._country_ylim({"a": [-1.2, 1.0]}, [-1.2, 1.0]) == (-2.0, 2.0)


def test_bosworth_collins_app_updates_in_place_for_every_control():
    """Every control moves your recomputation's bars in place (the range is fixed)."""
    app = la.make_bosworth_collins_app()
    for move in (
        dict(capital_share=0.5),
        dict(human_capital="mincer"),
        dict(schooling_return=10.0),
        dict(labor="hours"),
        dict(capital="rkna"),
    ):
        app.set(**move)
        assert app.last_mode == "update", move


def test_bosworth_collins_app_updates_draw_the_same_picture_as_full_draws():
    """Updates give the pictures and notes of full draws, at the ends of the sliders too (a bar cut at the
    edge of the range, the legend redrawn over the grid line that crosses it)."""
    moves = [
        dict(capital_share=0.2),
        dict(capital_share=0.7),
        dict(human_capital="mincer"),
        dict(schooling_return=0.0),
        dict(schooling_return=15.0),
        dict(labor="hours"),
        dict(capital="rkna"),
        dict(capital_share=0.45),
        dict(human_capital="hc"),
    ]
    modes = assert_updates_draw_what_full_draws_draw(la.make_bosworth_collins_app, moves)
    assert set(modes) == {"update"}


def test_the_schooling_return_slider_is_greyed_out_while_human_capital_is_pwt_hc():
    """The return per year of schooling enters only the Mincer index (1 + r)^S; with PWT's hc it has no
    effect, so its slider is disabled until the Mincer option is chosen."""
    app = la.make_bosworth_collins_app()
    choice, slider_ = app.controls["human_capital"], app.controls["schooling_return"]
    seen = [slider_.disabled]
    for chosen in ("mincer", "hc"):
        choice.value = chosen
        seen.append(slider_.disabled)
    assert seen == [True, False, True]
