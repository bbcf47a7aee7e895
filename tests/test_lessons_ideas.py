"""Tests of nqp_helpers.lessons.ideas: the figure and the widget of the idea production model."""

import numpy as np
import pytest

from nqp_helpers.lessons.ideas import draw_ideas, make_ideas_app


def test_draw_ideas_draws_policy_baseline_and_long_run_lines():
    """The drawing has the policy path, the flat baseline and the long-run rate; the note has the numbers."""
    from matplotlib.figure import Figure

    ax = Figure().subplots()
    note = draw_ideas(
        ax, research_share=4.0, knowledge_spillover=0.5, research_elasticity=0.75, labor_growth=1.0
    )
    policy, baseline, long_run = ax.lines
    np.testing.assert_allclose(baseline.get_ydata(), 1.5)
    assert policy.get_ydata()[0] == pytest.approx(1.5 * 2**0.75)
    assert "1.50 % per year" in note and "2.52 %" in note


def test_ideas_app_moves_the_right_way():
    """Raising phi raises the long-run line; raising the research share raises first-year growth only."""
    app = make_ideas_app()
    long_run = app.axes.lines[2].get_ydata()[0]
    first = app.axes.lines[0].get_ydata()[0]
    app.set(knowledge_spillover=0.7)
    assert app.axes.lines[2].get_ydata()[0] > long_run
    assert "2.50 % per year" in app.note.value
    app.set(knowledge_spillover=0.5, research_share=8.0)
    assert app.axes.lines[0].get_ydata()[0] > first
    assert app.axes.lines[2].get_ydata()[0] == pytest.approx(long_run)
    assert app.draws == 4


@pytest.mark.perf
def test_ideas_app_updates_fast():
    """After a warm-up draw, an update (compute and render) stays well under 100 ms (0.25 s guard)."""
    app = make_ideas_app()
    times = []
    for share in np.linspace(1.0, 9.0, 7):
        app.set(research_share=float(share))
        times.append(app.last_seconds)
    assert np.median(times) < 0.25


def test_saved_figure_states_parameters_source_and_coinciding_lines():
    """The figure names λ, φ, n and the research shares with a source, and says that the baseline path lies on
    the long-run line when the economy starts on its balanced growth path."""
    from matplotlib.figure import Figure

    ax = Figure().subplots()
    draw_ideas(ax, research_share=6.0, knowledge_spillover=0.3, research_elasticity=0.5, labor_growth=2.0)
    text = " ".join(t.get_text() for t in ax.texts)
    assert "λ = 0.5, φ = 0.3, n = 2 % per year" in text and "2 % → 6 % of workers" in text
    assert "Source:" in text
    assert any("the dashed path lies on it" in line.get_label() for line in ax.lines)


def pixels(app):
    """The app's current picture as an array of 0-255 channels."""
    import io

    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(app.image.value)), dtype=float)


def test_ideas_app_updates_in_place_and_draws_the_picture_a_full_draw_gives():
    """Every slider moved inside the view moves the paths and texts in place (the legend drawn again when a
    name changes or a line passes under it); φ = 0.9 needs a higher scale (20 % per year), set in place
    (nothing drawn anew but the picture), and φ = 0.3 again the first scale. After each move the picture
    and the note are those of an app that draws everything."""
    from nqp_helpers.lessons.plotting import use_style

    use_style()
    moved, full = make_ideas_app(), make_ideas_app()
    full.update_function = None
    moves = [
        {"research_share": 5.0},
        {"knowledge_spillover": 0.3},
        {"research_elasticity": 0.5},
        {"labor_growth": 1.5},
        {"research_share": 9.0},
        {"knowledge_spillover": 0.9},
        {"research_share": 8.5},
        {"labor_growth": 1.4},
        {"knowledge_spillover": 0.3},
    ]
    modes = []
    for move in moves:
        moved.set(**move)
        full.set(**move)
        assert moved.note.value == full.note.value
        assert np.abs(pixels(moved) - pixels(full)).max() <= 2, move
        modes.append(moved.last_mode)
    assert modes[:8] == ["update"] * 5 + ["rescale", "update", "update"]
    assert modes[8] == "rescale" and moved.axes.get_ylim() == full.axes.get_ylim() != (0.0, 20.0)
    assert moved.axes.get_legend().get_texts()[0].get_text() == "research share 8.5 % from year 0"
