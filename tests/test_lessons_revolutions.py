"""Tests of nqp_helpers.lessons.revolutions: the figures and widgets of the revolutions lesson."""

import io

import numpy as np
import pytest

from nqp_helpers.lessons.plotting import use_style
from nqp_helpers.lessons.revolutions import (
    diffusion_note,
    draw_diffusion,
    draw_supply_shock,
    make_diffusion_app,
    make_supply_shock_app,
    plot_diffusion,
    plot_periods,
    plot_tfp_wave,
    plot_timeline,
)
from nqp_helpers.lessons.widgets import FigureApp
from nqp_helpers.revolutions import GORDON_TFP, diffusion_path, supply_shock_loss


def test_diffusion_figures_reject_what_is_not_a_diffusion_path():
    """The figures say what they need when given something else."""
    with pytest.raises(ValueError, match="path must be a DiffusionPath"):
        plot_diffusion("not a path")
    with pytest.raises(ValueError, match="path must be a DiffusionPath"):
        plot_tfp_wave(None)


def test_diffusion_note_reports_half_adoption_and_the_peak():
    """The note gives the half-adoption year, the peak year, its lag after adoption started (not after the
    invention, which comes earlier) and its height."""
    note = diffusion_note(diffusion_path(np.arange(1870, 2031), 1882, speed=0.1, gain=0.5, lag=10))
    assert note == (
        "Half of users have adopted by 1928; the technology's contribution to TFP growth peaks in 1938, "
        "56 years after adoption started in 1882, at 1.25 % per year."
    )
    assert "invention" not in note
    with pytest.raises(ValueError, match="path must be a DiffusionPath"):
        diffusion_note("1882")


def test_widget_figures_name_their_parameters_so_a_saved_figure_stands_alone():
    """Each widget's figure carries its parameter values, Greek letters as symbols, in its title; moving a
    slider changes the title."""
    app = make_diffusion_app(speed=0.1, lag=10.0, gain=0.5)
    title = app.axes.get_title()
    assert title == (
        "Logistic diffusion from 1882: v = 0.10 per year, ℓ = 10 years, G = 0.50 log points, S₀ = 1 %"
    )
    app.set(lag=20.0)
    assert "ℓ = 20 years" in app.axes.get_title()
    shock = make_supply_shock_app(cut=0.5, capacity=0.0, import_share=0.1, sigma=0.3)
    assert shock.axes.get_title() == (
        "CES model: 50 % of imports cut, domestic capacity 0 %, cost share ω = 0.10, σ = 0.30"
    )
    shock.set(sigma=1.0)
    assert "σ = 1.00" in shock.axes.get_title() and "sigma" not in shock.axes.get_title()


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


@pytest.mark.perf
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
    assert left.figure.get_suptitle().startswith(
        "Logistic diffusion from 1882: v = 0.10 per year, ℓ = 10 years"
    )


# Updates in place: the picture and the note a full redraw gives, at a fraction of the cost


def pixels(app):
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(app.image.value)), dtype=float)


def follow(factory, moves):
    """Move a widget and its twin that draws everything at every move; check that both show the same
    picture (8-bit channels: antialiasing at most) and note after each move. Returns the widget and, for
    each move, its mode and the kinds of artists it drew again."""
    use_style()
    moved, full = factory(), factory()
    full.update_function = None
    seen = []
    for name, value in moves:
        moved.set(**{name: value})
        full.set(**{name: value})
        assert full.last_mode == "draw" and moved.error is None
        assert moved.note.value == full.note.value, (name, value)
        assert np.abs(pixels(moved) - pixels(full)).max() <= 2, (name, value, moved.last_mode)
        seen.append((moved.last_mode, {type(a).__name__ for a in moved._moving}))
    return moved, seen


def test_diffusion_app_moves_the_wave_in_place_and_draws_what_a_full_redraw_draws():
    """Every slider moves the wave, its peak line and the title in place while the peak stays under its
    step of the view; the legend is drawn again when the peak line passes under it; a peak above the
    view (v = 0.3: 25 G v = 4.1 % per year) sets a taller axis in place (a rescale, nothing rebuilt), and
    a slower wave the first axis again."""
    moves = [
        ("speed", 0.11),
        ("lag", 15.0),
        ("gain", 0.55),
        ("speed", 0.04),  # the peak comes in 2012, under the legend
        ("lag", 30.0),
        ("speed", 0.3),
        ("gain", 0.5),
        ("lag", 0.0),
        ("speed", 0.1),
    ]
    app, seen = follow(make_diffusion_app, moves)
    modes = [mode for mode, _ in seen]
    assert modes == ["update"] * 5 + ["rescale", "update", "update", "rescale"]
    assert "Legend" in seen[3][1] and "Legend" not in seen[2][1]
    assert app.axes.get_ylim()[1] == pytest.approx(1.45 * max(GORDON_TFP.values))  # the first axis again


def test_supply_shock_app_moves_curves_and_legend_entries_in_place():
    """σ, capacity, the cut and the cost share move the curves, the marker, the changed legend entries
    and the title in place. A loss outgrowing the view, or shrinking far below it, changes the range in
    place (a rescale: the new range leaves room to grow on); adding or removing the capacity curve draws
    everything. The legend entries a line crosses are drawn again over it: the whole legend at the move
    that draws everything (the entries are placed only once it is rendered), then entry by entry."""
    moves = [
        ("sigma", 0.6),
        ("capacity", 0.2),  # a second curve and legend entry: drawn again
        ("capacity", 0.25),
        ("cut", 0.45),
        ("import_share", 0.09),
        ("cut", 0.9),  # the loss outgrows the view
        ("sigma", 2.0),
        ("import_share", 0.1),
        ("capacity", 0.0),  # the capacity curve goes
        ("cut", 0.2),  # the loss shrinks far below the view
        ("cut", 0.3),  # and outgrows the smaller one
        ("cut", 0.35),  # within the room left to grow on
        ("cut", 0.0),  # no loss at all
        ("import_share", 0.45),
        ("cut", 0.5),
        ("cut", 0.9),  # a curve crosses the σ entry of the legend
        ("capacity", 0.3),
        ("capacity", 0.0),
        ("sigma", 1.5),
    ]
    app, seen = follow(make_supply_shock_app, moves)
    modes = [mode for mode, _ in seen]
    assert modes == [
        "update", "draw", "update", "update", "update", "rescale", "update", "update", "draw",
        "rescale", "rescale", "update", "rescale", "update", "rescale", "update", "draw", "draw", "update",
    ]  # fmt: skip
    assert "Legend" in seen[16][1] and "Legend" not in seen[15][1]
    legend = app.axes.get_legend()  # entries: no capacity, first-order loss, σ
    assert legend not in app._moving
    assert legend.legend_handles[-1] in app._moving and legend.get_texts()[-1] in app._moving
    assert not {*legend.legend_handles[:-1], *legend.get_texts()[:-1]} & set(app._moving)
    sigma = legend.get_texts()[-1].get_text()
    assert sigma == "σ = 1.50" and "σ = 1.50" in app.axes.get_title()


@pytest.mark.parametrize(
    "factory, draw, top",
    [(make_diffusion_app, draw_diffusion, 0.9), (make_supply_shock_app, draw_supply_shock, 0.9)],
)
def test_widgets_start_with_the_picture_their_drawing_function_gives(factory, draw, top):
    """At the starting values the view is the one the drawing function gives: updates in place change
    nothing a student sees first."""
    use_style()
    app = factory()
    plain = FigureApp(draw, app.controls, figsize=(7.0, 4.0), margins={"top": top})
    assert app.axes.get_ylim() == plain.axes.get_ylim()
    assert np.abs(pixels(app) - pixels(plain)).max() == 0
