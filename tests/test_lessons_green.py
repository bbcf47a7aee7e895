"""Tests of nqp_helpers.lessons.green: the Kaya chart and the green-accounting widget."""

import numpy as np
import pytest

from nqp_helpers.data import load_toy_green
from nqp_helpers.green import KAYA_FACTORS, kaya_decomposition
from nqp_helpers.lessons.green import KAYA_STYLE, draw_green, make_green_app, plot_kaya


def test_plot_kaya_checks_its_arguments():
    """Invalid input raises a ValueError naming the argument and the rule."""
    with pytest.raises(ValueError, match="non-empty and of equal length"):
        plot_kaya([], [])


def test_plot_kaya_bars_are_the_four_factors_in_order():
    """One bar per factor and period, stacked in the order of the identity, with the factor's style."""
    from matplotlib.colors import to_hex
    from matplotlib.figure import Figure

    g = load_toy_green()
    k = kaya_decomposition(g.population, g.output, g.energy, g.emissions, g.years)
    summaries = [k.summary(2000, 2005), k.summary(2012, 2020)]
    ax = plot_kaya(summaries, ["2000-2005", "2012-2020"], ax=Figure().subplots())
    heights = np.array([bar.get_height() for bar in ax.patches]).reshape(4, 2)  # factors x periods
    expected = [[s.parts[name] for s in summaries] for name in KAYA_FACTORS]
    np.testing.assert_allclose(heights, expected)
    colours = [to_hex(ax.patches[2 * i].get_facecolor()) for i in range(4)]
    assert colours == [KAYA_STYLE[name]["color"].lower() for name in KAYA_FACTORS]


def test_plot_kaya_refuses_a_growth_accounting_summary():
    """plot_kaya only takes Kaya summaries (the parts must be the four Kaya factors)."""
    from nqp_helpers.growth import decompose

    s = decompose([1, 2], [1, 2], [1, 2], 0.3).summary()
    with pytest.raises(ValueError, match="KayaDecomposition.summary"):
        plot_kaya([s], ["x"])


def test_draw_green_bars_are_the_gap_by_period():
    """Each bar is green minus ordinary TFP growth over its period (GreenAccounting.tfp_gap); with a zero
    carbon price every gap is 0 and the note reports equal growth rates."""
    from matplotlib.figure import Figure

    from nqp_helpers.green import decarbonise, green_decompose
    from nqp_helpers.lessons.green import GREEN_PERIODS

    g = load_toy_green()
    ax = Figure().subplots()
    draw_green(ax, carbon_price=150.0, carbon_intensity_growth=-2.5)
    acc = green_decompose(
        g.output,
        g.capital,
        g.labor,
        g.capital_share,
        decarbonise(g.energy, g.emissions, g.years, 2012, -2.5),
        150.0,
        g.human_capital,
        g.years,
    )
    heights = [bar.get_height() for bar in ax.patches]
    np.testing.assert_allclose(heights, [acc.tfp_gap(a, b) for a, b in GREEN_PERIODS])
    text = " ".join(t.get_text() for t in ax.texts)
    assert "carbon price 150" in text and "-2.5 % a year" in text and "Source:" in text
    ax = Figure().subplots()
    note = draw_green(ax, carbon_price=0.0, carbon_intensity_growth=-2.5)
    np.testing.assert_allclose([bar.get_height() for bar in ax.patches], 0.0, atol=1e-12)
    assert "ordinary <b>2.00 %</b>, green <b>2.00 % per year</b>" in note
    with pytest.raises(ValueError, match="periods must be"):
        draw_green(Figure().subplots(), periods=[(1990, 2000)])


def test_green_app_moves_the_right_way():
    """Faster decarbonisation after 2012 raises the 2012-2020 gap and leaves 2000-2005 alone; a higher
    carbon price widens every gap (here all positive after 2005, negative in 2000-2005)."""
    app = make_green_app(carbon_price=100.0, carbon_intensity_growth=-2.5)
    first, _, late, _ = (bar.get_height() for bar in app.axes.patches)
    app.set(carbon_intensity_growth=-8.0)
    heights = [bar.get_height() for bar in app.axes.patches]
    assert heights[2] > late and heights[0] == pytest.approx(first)
    app.set(carbon_price=300.0)
    wider = [bar.get_height() for bar in app.axes.patches]
    assert wider[2] > heights[2] and wider[0] < heights[0] < 0


@pytest.mark.perf
def test_green_app_updates_fast():
    """After a warm-up draw, an update takes under the 100 ms bar (0.25 s guard for a loaded machine)."""
    app = make_green_app(carbon_price=100.0, carbon_intensity_growth=-2.5)
    times = []
    for p in np.linspace(0.0, 300.0, 7):
        app.set(carbon_price=float(p))
        times.append(app.last_seconds)
    assert np.median(times) < 0.25


def pixels(app):
    """The app's current picture as an array of 0-255 channels."""
    import io

    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(app.image.value)), dtype=float)


def test_green_app_updates_in_place_and_draws_the_picture_a_full_draw_gives():
    """Both sliders moved inside the view move the bars and their numbers in place (the grid and the zero
    line drawn over them again); a carbon price of 400 needs a wider scale (±1 point), set in place (the
    figure rendered anew, nothing rebuilt), faster decarbonisation then a wider one still (±2), and a price
    of 0 the first scale again. After each move the picture and the note are those of an app that draws
    everything."""
    from nqp_helpers.lessons.plotting import use_style

    use_style()
    moved, full = make_green_app(), make_green_app()
    full.update_function = None
    moves = [
        {"carbon_price": 120.0},
        {"carbon_intensity_growth": -4.0},
        {"carbon_price": 0.0},
        {"carbon_intensity_growth": 2.0},
        {"carbon_price": 400.0},
        {"carbon_price": 380.0},
        {"carbon_intensity_growth": 1.0},
        {"carbon_intensity_growth": -3.0},
        {"carbon_price": 0.0},
    ]
    modes = []
    for move in moves:
        moved.set(**move)
        full.set(**move)
        assert moved.note.value == full.note.value
        assert np.abs(pixels(moved) - pixels(full)).max() <= 2, move
        modes.append(moved.last_mode)
    assert modes == ["update"] * 4 + ["rescale", "update", "update", "rescale", "rescale"]
    assert moved.axes.get_ylim() == full.axes.get_ylim() != (-2.0, 2.0)
