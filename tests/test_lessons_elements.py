"""Tests of nqp_helpers.lessons.elements: the figures and widgets of notebook 01."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from nqp_helpers.elements import ELEMENTS, TOY_QUANTITIES, LabourProcess, decompose_productivity
from nqp_helpers.lessons.elements import (
    TOY_SOURCE,
    coinciding_lines,
    describe_combination,
    draw_combination,
    draw_determinants,
    make_combination_app,
    make_determinants_app,
    note_coinciding_lines,
    plot_determinants,
    plot_output_along,
)
from nqp_helpers.lessons.plotting import use_style


@pytest.mark.parametrize(
    "call,match",
    [
        (lambda: plot_output_along("shop", TOY_QUANTITIES), "process must be a LabourProcess"),
        (
            lambda: plot_output_along(LabourProcess(), np.ones((2, 3))),
            r"quantities must have shape \(3,\) here",
        ),
        (lambda: plot_determinants(decompose_productivity(np.zeros((2, 5)))), "one economy"),
        (lambda: coinciding_lines(Figure().subplots(), atol=-1.0), r"atol must lie in \[0, inf"),
        (lambda: describe_combination("leontief-ish", 0.5, 10, 5, 200, 1, 0), "rule must be"),
    ],
)
def test_invalid_input_raises_a_clear_value_error(call, match):
    """Every invalid argument raises ValueError naming the argument, the rule and the value."""
    with pytest.raises(ValueError, match=match):
        call()


def test_plot_output_along_draws_output_capacities_and_ceiling():
    """The static helper draws the output curve, three capacity lines and the CES ceiling."""
    ax = Figure().subplots()
    shop = LabourProcess(rule="ces", sigma=0.5)
    plot_output_along(shop, TOY_QUANTITIES, ax=ax, show_capacities=True, show_ceiling=True, points=41)
    lines = ax.get_lines()
    assert len(lines) == 5
    np.testing.assert_allclose(lines[0].get_ydata()[[0, 10]], [0.0, 20.0], atol=1e-12)
    assert lines[-1].get_ydata()[0] == pytest.approx(40.0)  # ceiling 1 / (0.3/20 + 0.2/20)
    assert ax.get_xlabel() == "workers (persons)"


def note_output(app):
    """The output number in the combination app's note (chairs per day)."""
    return float(app.note.value.split("<b>")[1].split(" chairs")[0])


def test_combination_app_shows_the_bottleneck_and_the_rule_change():
    """Under fixed proportions more workers add nothing; switching to Cobb-Douglas they add output;
    more machines under Leontief then raise output to the next bottleneck (timber)."""
    use_style()
    app = make_combination_app(rule="fixed proportions", workers=10, timber=260)
    assert note_output(app) == 20.0 and "<b>workers and means of labour (tied)" in app.note.value
    assert "idle: <b>60.0 kg of timber</b>" in app.note.value
    before = app.image.value
    app.set(workers=16)
    assert note_output(app) == 20.0 and "adds <b>0.00 chairs" in app.note.value
    assert "idle: <b>6.0 persons, 60.0 kg of timber</b>" in app.note.value
    assert app.image.value != before
    app.set(rule="cobb-douglas")
    assert note_output(app) == pytest.approx(20 * 1.6**0.5 * 1.3**0.2, abs=0.05)
    app.set(rule="fixed proportions", machines=10)
    assert note_output(app) == 26.0 and "objects of labour" in app.note.value
    marker = [ln for ln in app.axes.get_lines() if ln.get_label() == "current combination"][0]
    assert marker.get_ydata()[0] == pytest.approx(26.0)


def test_combination_app_sigma_moves_ces_between_leontief_and_cobb_douglas():
    """Under CES, raising sigma raises the output of an unbalanced combination to and past Cobb-Douglas."""
    app = make_combination_app(rule="ces", sigma=0.1, workers=20)
    low = note_output(app)
    app.set(sigma=1.0)
    assert low < note_output(app) == pytest.approx(20 * 2**0.5, abs=0.05)
    app.set(sigma=2.0)
    assert note_output(app) > 20 * 2**0.5


def test_combination_app_quality_versus_quantity():
    """With eta = 0 doubling machine quality equals doubling machines; with eta = 1 it gives more."""
    app = make_combination_app(tool_quality=2.0)
    by_quality = note_output(app)
    app.set(tool_quality=1.0, machines=10)
    assert note_output(app) == pytest.approx(by_quality)
    app.set(tool_quality=2.0, machines=5, labour_extension=1.0)
    assert note_output(app) == pytest.approx(20 * 2**0.8, abs=0.05) and note_output(app) > by_quality


def test_determinants_app_redraws_bars_and_total():
    """Moving a determinant's growth moves its bar by elasticity times the change, and the total with it."""
    use_style()
    app = make_determinants_app()
    heights = [p.get_height() for p in app.axes.patches]
    np.testing.assert_allclose(heights, [0.6, 2.0, 0.5, 2.0, -0.5, 4.6], atol=1e-12)
    assert "4.60 % per year" in app.note.value and "<b>2.00</b>" in app.note.value
    app.set(science=3.0)
    assert app.axes.patches[1].get_height() == pytest.approx(3.0)
    assert app.axes.patches[-1].get_height() == pytest.approx(5.6)
    app.set(capital_share=0.5)
    heights = [p.get_height() for p in app.axes.patches]
    assert heights[0] == pytest.approx(0.5) and heights[3] == pytest.approx(2.5)


def test_determinants_note_handles_no_growth():
    """With zero growth the note says productivity does not double (no division by zero)."""
    ax = Figure().subplots()
    note = draw_determinants(ax, 0.0, 0.0, 0.0, 0.0, 0.0, 0.4)
    assert "does not double" in note and "0.00 % per year" in note


def test_draw_combination_on_a_plain_axes_labels_every_line():
    """The draw function works without a widget and labels output, baseline and the three capacities."""
    ax = Figure().subplots()
    note = draw_combination(ax, rule="ces", sigma=0.5, workers=16)
    texts = [t.get_text() for t in ax.texts]
    assert "output" in texts and "capacity: objects of labour" in texts and len(texts) == 8
    assert "σ is used only" not in note and "timber per chair <b>8.1 kg</b>" in note  # 200 kg / 24.6 chairs
    assert [e for e in ELEMENTS if f"capacity: {e}" in texts] == list(ELEMENTS)


def test_coinciding_lines_are_found_and_said_on_the_figure():
    """Two lines with the same points are reported (and written on the axes); lines that differ anywhere,
    or that a legend ignores, are not; without a coincidence nothing is written."""
    ax = Figure().subplots()
    ax.plot([0, 1, 2], [1, 1, 1], label="means")
    ax.plot([0, 1, 2], [1, 1, 1.001], label="almost")
    ax.plot([0, 1, 2], [1, 1, 1], label="objects")
    ax.plot([0, 1, 2], [1, 1, 1], label="_hidden")
    assert note_coinciding_lines(ax) == [("means", "objects")]
    assert ax.texts[-1].get_text() == "lines that coincide: means = objects"
    bare = Figure().subplots()
    bare.plot([0, 1], [0, 1], label="one")
    assert note_coinciding_lines(bare) == [] and len(bare.texts) == 0
    assert note_coinciding_lines(bare, extra="a partial overlap") == [] and len(bare.texts) == 1


def test_combination_figure_stands_alone():
    """The widget's figure names its parameters (σ as a symbol, only under CES), its source, and the lines
    that coincide: at the defaults output lies on the baseline and the capacities of machines and timber
    coincide; more machines separate output from the baseline; fixed proportions add the overlap note."""
    ax = Figure().subplots()
    draw_combination(ax)
    texts = " | ".join(t.get_text() for t in ax.texts)
    assert "Cobb-Douglas · 10 workers · 5 machines of quality 1.0 · 200 kg of timber a day · η = 0.0" in texts
    assert TOY_SOURCE in texts and "σ" not in texts
    assert "baseline output (5 machines, 200 kg) = output" in texts
    assert "capacity of means of labour = capacity of objects of labour" in texts
    ax = Figure().subplots()
    draw_combination(ax, rule="ces", sigma=0.25, workers=20, machines=8)
    texts = " | ".join(t.get_text() for t in ax.texts)
    assert "CES, σ = 0.25 · 20 workers · 8 machines" in texts and "= output" not in texts
    ax = Figure().subplots()
    draw_combination(ax, rule="fixed proportions", machines=10, timber=400)
    texts = " | ".join(t.get_text() for t in ax.texts)
    assert "fixed proportions (Leontief)" in texts and "lowest capacity line" in texts
    assert "capacity of means of labour = capacity of objects of labour" in texts


def test_determinants_figure_names_its_growth_rates_and_capital_share():
    """The determinants widget writes every growth rate and α in the figure, and moves them with the
    sliders."""
    use_style()
    app = make_determinants_app()
    texts = " | ".join(t.get_text() for t in app.axes.texts)
    assert "skill 1, science 2, organisation 0.5, means of production 5, nature -0.5" in texts
    assert "capital share α = 0.4" in texts and "not data" in texts
    app.set(capital_share=0.6, science=4.0)
    texts = " | ".join(t.get_text() for t in app.axes.texts)
    assert "science 4," in texts and "α = 0.6" in texts


@pytest.mark.perf
@pytest.mark.parametrize(
    "factory,name,values",
    [
        (make_combination_app, "workers", [12.0, 14, 16, 18, 20, 22, 24, 26]),
        (make_determinants_app, "science", [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5]),
    ],
)
def test_widgets_update_fast(factory, name, values):
    """After the first draw, an update (compute and render) stays well under the 100 ms bar
    (0.25 s here, generous for a loaded machine; the report gives the measured median)."""
    use_style()
    app = factory()
    times = []
    for v in values:
        app.set(**{name: v})
        times.append(app.last_seconds)
    assert np.median(times) < 0.25


def pixels(app):
    """The app's current picture as an array of 0-255 channels."""
    import io

    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(app.image.value)), dtype=float)


def moves_match_a_full_draw(factory, moves):
    """Make the same moves on the app and on a copy that draws everything at every move; after each move
    the pictures agree to antialiasing (at most 2 on 0-255 channels) and the notes are equal. Returns the
    app's mode after each move."""
    use_style()
    moved, full = factory(), factory()
    full.update_function = None
    modes = []
    for move in moves:
        moved.set(**move)
        full.set(**move)
        assert full.last_mode == "draw" and moved.error is None
        assert moved.note.value == full.note.value, move
        assert np.abs(pixels(moved) - pixels(full)).max() <= 2, move
        modes.append(moved.last_mode)
    return modes


def test_combination_app_updates_in_place_and_draws_the_picture_a_full_draw_gives():
    """Every control moved inside the view moves artists in place; more machines and timber than the scale
    holds (capacities above 80 chairs) need a new scale (160), set in place, the next move updates again,
    and weaker tools bring back the scale of 80 chairs."""
    moves = [
        {"workers": 14},
        {"workers": 3},
        {"rule": "ces"},
        {"sigma": 1.5},
        {"machines": 7},
        {"timber": 300},
        {"tool_quality": 1.4},
        {"labour_extension": 0.6},
        {"rule": "fixed proportions"},
        {"workers": 25},
        {"timber": 600},
    ]
    assert moves_match_a_full_draw(make_combination_app, moves) == ["update"] * len(moves)
    modes = moves_match_a_full_draw(
        make_combination_app,
        [{"machines": 20}, {"tool_quality": 3.0}, {"workers": 30}, {"sigma": 2.0}, {"tool_quality": 1.0}],
    )
    assert modes == ["update", "rescale", "update", "update", "rescale"]


def test_a_moving_marker_under_the_note_brings_the_note_back_over_it():
    """The note over the lines is drawn again when the moving marker meets it (a full draw puts the note on
    top), and not when the marker is far from it or the note says nothing."""
    from nqp_helpers.lessons.elements import _meets

    use_style()
    app = make_combination_app(rule="fixed proportions")
    ax = app.axes
    note = next(t for t in ax.texts if "lines that coincide" in t.get_text())
    marker = ax.get_lines()[-1]
    assert not _meets([marker], note) and _meets(
        ax.get_lines(), note
    )  # the flat capacity lines pass under it
    marker.set_data([1.5], [76.0])  # the top left corner, where the note is
    assert _meets([marker], note)
    note.set_text("")
    assert not _meets([marker], note)


def test_determinants_app_updates_in_place_and_draws_the_picture_a_full_draw_gives():
    """Every control moved inside the view moves the bars in place (the grid and the zero line drawn over
    them again); a contribution beyond 12 points needs a new scale, set in place, and a smaller one the
    first scale again."""
    moves = [
        {"skill": 2.0},
        {"science": -1.5},
        {"organisation": 3.0},
        {"means_of_production": 8.0},
        {"nature": 2.5},
        {"capital_share": 0.6},
    ]
    assert moves_match_a_full_draw(make_determinants_app, moves) == ["update"] * len(moves)
    modes = moves_match_a_full_draw(
        make_determinants_app,
        [{"capital_share": 0.9}, {"means_of_production": 12.0}, {"skill": 3.0}, {"means_of_production": 4.0}],
    )
    assert modes == ["update", "rescale", "update", "rescale"]
    # A taller range has more ticks (every 4 points: 16 appears from -4 to 18 on), set in place with it.
    climb = [{"capital_share": 0.7}, {"means_of_production": 10.5}, {"organisation": 4.5}, {"nature": 1.9}]
    assert moves_match_a_full_draw(make_determinants_app, climb) == ["update", "update", "rescale", "rescale"]


def test_the_sigma_slider_is_greyed_out_unless_the_rule_is_ces():
    """σ enters only the CES rule (Leontief and Cobb-Douglas are its limits σ -> 0 and σ = 1, fixed by the
    rule), so the slider is disabled while another rule is chosen and enabled with CES."""
    app = make_combination_app(rule="fixed proportions")
    rule, sigma = app.controls["rule"], app.controls["sigma"]
    seen = []
    for chosen in ("cobb-douglas", "ces", "fixed proportions"):
        rule.value = chosen
        seen.append((chosen, sigma.disabled))
    assert seen == [("cobb-douglas", True), ("ces", False), ("fixed proportions", True)]
    assert make_combination_app(rule="ces").controls["sigma"].disabled is False
