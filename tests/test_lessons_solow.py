"""Tests of nqp_helpers.lessons.solow: the figures and the widget of the Solow lesson."""

import io

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from nqp_helpers.lessons.plotting import use_style
from nqp_helpers.lessons.solow import (
    draw_push,
    make_push_app,
    plot_output_per_worker,
    plot_output_per_worker_growth,
    plot_profit_rate,
    push_note,
    push_title,
)
from nqp_helpers.lessons.widgets import VIEW_STEP, FigureApp, lines_reach, view_rung
from nqp_helpers.solow import profit_rate_accounts, push_scenarios, simulate_solow


def test_figures_and_note_reject_bad_scenarios():
    """The figures and the note name what is wrong with the scenarios they are given."""
    with pytest.raises(ValueError, match="paths must be a non-empty dict"):
        plot_output_per_worker([])
    with pytest.raises(ValueError, match="single-scenario SolowPath"):
        plot_output_per_worker({"two": simulate_solow(years=5, saving_rate=[[0.2], [0.3]])})
    with pytest.raises(ValueError, match="paths must be a non-empty dict"):
        plot_output_per_worker_growth({})
    with pytest.raises(ValueError, match="must contain a 'baseline' scenario"):
        push_note({"investment push": push_scenarios()["investment push"]})


def test_push_note_reports_the_numbers_of_compare_scenarios():
    """The note gives each push's end growth and relative level, then the baseline's growth."""
    note = push_note(push_scenarios(years=400))
    assert note.startswith("In the last 10 years, investment push: 1.00 % per year at the end, level 1.22")
    assert "innovation push: 1.98 % per year" in note and note.endswith("(baseline: 1.00 % per year).")


def line_data(ax, label):
    """The y data of the line with this legend label."""
    (line,) = [ln for ln in ax.get_lines() if ln.get_label() == label]
    return line.get_ydata()


def test_push_app_moves_the_innovation_path_and_the_note():
    """Raising the technology push raises the innovation path's final level and the growth in the note."""
    app = make_push_app(technology_push=0.005)
    before = line_data(app.axes, "innovation push")[-1]
    note = app.note.value
    assert "innovation push: 1.49 % per year" in note
    app.set(technology_push=0.015)
    assert line_data(app.axes, "innovation push")[-1] > before
    assert "innovation push: 2.47 % per year" in app.note.value
    assert app.draws == 2


def test_push_app_saving_slider_moves_only_the_level():
    """A bigger saving push raises the investment path's level; its growth at the end stays near g."""
    app = make_push_app(saving_push=0.05)
    low = line_data(app.axes, "investment push")[-1]
    app.set(saving_push=0.25)
    y = line_data(app.axes, "investment push")
    assert y[-1] > low
    assert y[0] == pytest.approx(1.0)  # drawn relative to the first year
    growth = 100 * np.diff(np.log(y))
    assert growth[-1] == pytest.approx(100 * np.log(1.01), abs=0.1)
    assert growth[22] > growth[-1] + 1.0
    assert "investment push: 1.0" in app.note.value


@pytest.mark.perf
def test_push_app_updates_fast():
    """After a warm-up draw, an update takes under the 100 ms bar (generous bound for a loaded machine)."""
    app = make_push_app()
    times = []
    for v in np.linspace(0.0, 0.3, 7):
        app.set(saving_push=float(v))
        times.append(app.last_seconds)
    assert np.median(times) < 0.25


def test_draw_push_returns_numbers_for_every_push():
    """The note names each push with its end growth and its level relative to the baseline."""
    ax = Figure().subplots()
    note = draw_push(ax, 0.1, 0.01, 0.01, 1 / 3)
    assert len(ax.get_lines()) == 4 + 1  # four scenarios and the push-year line
    for name in ("investment push", "labour push", "innovation push"):
        assert name in note
    assert "x baseline" in note


def test_push_app_title_names_every_parameter():
    """The widget's figure carries the baseline and the pushes, Greek letters as symbols, so that a saved
    figure stands alone; moving a slider changes the title."""
    app = make_push_app(saving_push=0.1, labor_push=0.01, technology_push=0.01, capital_share=1 / 3)
    title = app.axes.get_title()
    assert title == (
        "Solow model, baseline s = 0.20, n = 0.010, g = 0.010, δ = 0.05, α = 0.33\n"
        "pushes from year 20: Δs = 0.10, Δn = 0.010, Δg = 0.010"
    )
    app.set(saving_push=0.25)
    assert "Δs = 0.25" in app.axes.get_title()
    assert push_title(0.1, 0.0, 0.02, 0.4).endswith("Δg = 0.020") and "α = 0.40" in push_title(0.1, 0, 0, 0.4)


def test_plot_profit_rate_draws_both_readings_of_the_data():
    """Left: the gross return lies above the rate of profit (the same surplus over a larger advance); right:
    c/v and s/v as given; the source is written on the figure."""
    acc = profit_rate_accounts([100.0, 100.0, 100.0], [300.0, 400.0, 500.0], [0.5, 0.5, 0.6])
    left, right = plot_profit_rate([2000, 2001, 2002], acc, shade=(2000, 2001), source="Source: test")
    gross, profit = (ln.get_ydata() for ln in left.get_lines())
    assert np.all(gross > profit)
    np.testing.assert_allclose(profit, 100 * acc.profit_rate)
    comp, surplus = (ln.get_ydata() for ln in right.get_lines())
    np.testing.assert_allclose(comp, [6.0, 8.0, 500 / 60])
    np.testing.assert_allclose(surplus, [1.0, 1.0, 0.4 / 0.6])
    assert [t.get_text() for t in right.texts] == ["Source: test"]


def test_plot_profit_rate_rejects_what_it_cannot_draw():
    """It needs ProfitRateAccounts and one year per value."""
    acc = profit_rate_accounts([100.0, 100.0], [300.0, 400.0], 0.5)
    with pytest.raises(ValueError, match="accounts must be a ProfitRateAccounts"):
        plot_profit_rate([2000, 2001], {"profit_rate": [0.1, 0.1]})
    with pytest.raises(ValueError, match=r"years must be 1-D with one year per value \(\(2,\)\); got \(3,\)"):
        plot_profit_rate([2000, 2001, 2002], acc)


# Updates in place: the picture and the note a full redraw gives, at a fraction of the cost


def pixels(app):
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(app.image.value)), dtype=float)


def test_push_app_moves_the_paths_in_place_and_draws_what_a_full_redraw_draws():
    """Each slider moves the paths, the title and the note in place while the paths stay within their
    step of the view; a faster innovation push (a higher end level) sets a taller axis in place (a
    rescale) and the first push the first axis again. After every move the picture and the note are those
    of a widget that draws everything."""
    use_style()
    moved, full = make_push_app(), make_push_app()
    full.update_function = None
    top = moved.axes.get_ylim()[1]
    moves = [
        ("saving_push", 0.12),
        ("labor_push", 0.012),
        ("capital_share", 0.35),
        ("technology_push", 0.009),
        ("technology_push", 0.02),  # the innovation path leaves the view
        ("saving_push", 0.2),
        ("capital_share", 0.3),
    ]
    modes = []
    for name, value in moves:
        moved.set(**{name: value})
        full.set(**{name: value})
        modes.append(moved.last_mode)
        assert full.last_mode == "draw" and moved.error is None
        assert moved.note.value == full.note.value, (name, value)
        assert np.abs(pixels(moved) - pixels(full)).max() <= 2, (name, value, moved.last_mode)
    assert modes == ["update"] * 4 + ["rescale", "update", "update"]
    assert moved.axes.get_ylim()[1] > top
    moved.set(technology_push=0.01)  # back inside the first view: rescaled to it
    full.set(technology_push=0.01)
    assert moved.last_mode == "rescale" and moved.axes.get_ylim() == full.axes.get_ylim()
    assert np.abs(pixels(moved) - pixels(full)).max() <= 2


def test_push_app_starts_with_the_picture_draw_push_gives():
    """At the starting values the view is matplotlib's autoscaling of the paths, as draw_push gives it."""
    use_style()
    app = make_push_app()
    plain = FigureApp(draw_push, app.controls, figsize=(7.0, 4.0), margins={"top": 0.86})
    assert app.axes.get_ylim() == plain.axes.get_ylim()
    assert np.abs(pixels(app) - pixels(plain)).max() == 0


def test_view_rung_rounds_out_to_steps_anchored_at_the_start():
    """Rungs are start x VIEW_STEP**k: the start itself, then the next one up (a maximum) or down (a
    minimum); a value without a rung (zero, negative, not finite) is returned as it is."""
    assert view_rung(8.0, 8.0, up=True) == 8.0 and view_rung(8.0, 8.0, up=False) == 8.0
    assert view_rung(8.1, 8.0, up=True) == pytest.approx(8.0 * VIEW_STEP)
    assert view_rung(7.9, 8.0, up=True) == 8.0 and view_rung(5.0, 8.0, up=True) == pytest.approx(8 / 1.5)
    assert view_rung(7.9, 8.0, up=False) == pytest.approx(8.0 / VIEW_STEP)
    assert view_rung(30.0, 8.0, up=True) == pytest.approx(8.0 * VIEW_STEP**4)
    assert view_rung(0.0, 8.0, up=False) == 0.0 and view_rung(3.0, -1.0, up=True) == 3.0


def test_lines_reach_sees_segments_that_cross_a_box_without_a_point_inside():
    """A vertical line from the bottom to the top of the axes crosses a box in the middle although
    neither end lies in it; a line beside the box does not reach it."""
    ax = Figure(dpi=72).subplots()
    ax.set(xlim=(0, 10), ylim=(0, 10))
    (across,) = ax.plot([5, 5], [0, 10], lw=1)
    (beside,) = ax.plot([9, 9], [0, 10], lw=1)
    x0, y0 = ax.transData.transform((4, 4))
    x1, y1 = ax.transData.transform((6, 6))
    box = Bbox.from_extents(x0, y0, x1, y1)
    assert lines_reach(box, [across], 72) and not lines_reach(box, [beside], 72)
    assert lines_reach(box, [beside, across], 72)
