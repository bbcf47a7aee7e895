"""Tests of nqp_helpers.lessons.growth: the build-your-own-economy widget updates in place."""

import io

import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

from nqp_helpers.lessons.growth import draw_economy, make_economy_app
from nqp_helpers.lessons.plotting import use_style
from nqp_helpers.lessons.widgets import over_bars


@pytest.fixture(autouse=True, scope="module")
def style():
    use_style()


def build_economy_app():
    """Notebook 02's economy: human capital growing 0.5 % a year, over 20 years (every control)."""
    return make_economy_app(human_capital_growth=0.5, years=20)


def pixels(app):
    """The app's picture as an array of 8-bit RGBA values."""
    return np.asarray(Image.open(io.BytesIO(app.image.value)), dtype=float)


def test_economy_app_updates_in_place_for_every_control():
    """Each slider, moved within the vertical range, moves the bar, the total marker and the title in place;
    the title says the new values."""
    app = build_economy_app()
    for move in (
        dict(capital_growth=7.0),
        dict(labor_growth=0.5),
        dict(human_capital_growth=1.0),
        dict(tfp_growth=2.5),
        dict(capital_share=0.35),
        dict(years=30),
    ):
        app.set(**move)
        assert app.last_mode == "update", move
    title = app.axes.get_title(loc="left")
    assert "α = 0.35" in title and "g_K = 7" in title and "g_A = 2.5" in title and "30 years" in title
    assert app.axes.get_xticklabels()[0].get_text() == "average over 30 years"


def test_economy_app_updates_draw_the_same_picture_as_full_draws():
    """Moving every slider, out of the -2 to 10 range and back (new ranges set in place: "rescale"), gives
    the pictures and notes of an app that draws everything at every move (antialiasing at most: 2 on 0-255
    channels)."""
    moves = [
        dict(tfp_growth=3.0),
        dict(capital_growth=8.0),
        dict(labor_growth=-2.0),
        dict(human_capital_growth=1.5),
        dict(capital_share=0.6),
        dict(years=35),  # the tick label changes: redrawn with the bar
        dict(years=40),
        dict(tfp_growth=2.0),  # the tick label stays: back in the kept background
        dict(capital_growth=15.0),  # 9 + 0.4 + 0.6 + 2 = 12 % per year: a taller range, set in place
        dict(capital_growth=14.0),
        dict(tfp_growth=-3.0),  # back under 10, but a stack of -4.2 below zero: -6 to 10
        dict(labor_growth=-3.0),
        dict(capital_growth=-2.0),  # -5.4 below zero: the same range
        dict(tfp_growth=2.0),  # -2.4 below zero: -4 to 10
        dict(years=2),
    ]
    app, twin = build_economy_app(), build_economy_app()
    twin.update_function = None  # a full draw at every move: the reference
    modes = []
    for move in moves:
        app.set(**move)
        twin.set(**move)
        assert twin.last_mode == "draw" and app.note.value == twin.note.value
        assert np.abs(pixels(app) - pixels(twin)).max() <= 2, f"{move}: {app.last_mode}"
        modes.append(app.last_mode)
    assert [i for i, m in enumerate(modes) if m != "update"] == [8, 10, 13]
    assert {modes[i] for i in (8, 10, 13)} == {"rescale"}


def test_economy_app_keeps_the_range_while_the_bar_fits():
    """The vertical range is -2 to 10 % per year while the bar and the total fit with 0.3 points to spare,
    and widens in steps of 2 points, whatever the slider's history."""
    app = build_economy_app()
    assert app.axes.get_ylim() == (-2.0, 10.0)
    app.set(capital_share=0.6, capital_growth=15.0)  # stack 9 + 0.4 + 0.2 + 2 = 11.6
    assert app.axes.get_ylim() == (-2.0, 12.0)
    app.set(capital_growth=6.0)
    assert app.axes.get_ylim() == (-2.0, 10.0)


def test_over_bars_lists_what_a_full_draw_paints_over_bars():
    """The horizontal grid lines inside the view, the lines and the visible spines, in drawing order."""
    ax = Figure().subplots()
    draw_economy(ax, 6.0, 1.0, 2.0, 0.4)
    drawn = over_bars(ax)
    grid = [a for a in drawn if a not in ax.lines and a not in ax.spines.values()]
    assert len(grid) == len(ax.get_yticks()[(ax.get_yticks() >= -2) & (ax.get_yticks() <= 10)])
    assert drawn[len(grid) :] == [*ax.lines, *(s for s in ax.spines.values() if s.get_visible())]
