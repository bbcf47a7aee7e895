"""Interactive figures redraw in place, quickly, and show what the sliders say."""

import numpy as np
import pytest

from nqp_helpers.lessons.growth import draw_economy, make_economy_app
from nqp_helpers.lessons.plotting import plot_contributions, use_style
from nqp_helpers.lessons.widgets import FigureApp, slider


def bar_heights(ax):
    """Heights of the bar patches, in drawing order (capital, labour, human capital, TFP)."""
    return [p.get_height() for p in ax.patches]


def test_economy_app_redraws_when_a_slider_moves():
    """Moving the TFP slider changes the TFP bar and the reported output growth, and swaps the image."""
    use_style()
    app = make_economy_app(capital_growth=6.0, labor_growth=1.0, tfp_growth=2.0, capital_share=0.4)
    before_image, before_note = app.image.value, app.note.value
    assert "5.00 % per year" in before_note and "40 %" in before_note
    app.set(tfp_growth=3.0)
    assert bar_heights(app.axes)[-1] == pytest.approx(3.0)
    assert "6.00 % per year" in app.note.value
    assert app.image.value != before_image and app.draws == 2


def test_economy_app_capital_share_reweights_inputs():
    """Raising the capital share raises capital's contribution alpha * g_K and lowers labour's."""
    app = make_economy_app(human_capital_growth=1.0, years=20)
    app.set(capital_share=0.6)
    cap, lab, hum, tfp = bar_heights(app.axes)
    assert cap == pytest.approx(0.6 * 6.0) and lab == pytest.approx(0.4 * 1.0) and hum == pytest.approx(0.4)
    assert "after 20 years" in app.note.value


@pytest.mark.perf
def test_economy_app_updates_fast():
    """After the first draw, an update (compute and render) takes well under the 100 ms bar."""
    app = make_economy_app()
    times = []
    for g in np.linspace(0.0, 4.0, 6):
        app.set(tfp_growth=float(g))
        times.append(app.last_seconds)
    assert np.median(times) < 0.25  # the benchmark reports the real figure; this guards against regressions


def test_zero_output_growth_says_share_is_undefined():
    """With no output growth at all, the TFP share is reported as undefined, not as a number."""
    from matplotlib.figure import Figure

    ax = Figure().subplots()
    note = draw_economy(ax, 0.0, 0.0, 0.0, 0.4)
    assert "undefined" in note


def test_figure_app_validates_its_arguments():
    """FigureApp refuses a non-callable draw function, no controls, and unknown control names."""
    with pytest.raises(ValueError, match="draw must be callable"):
        FigureApp(None, {"a": slider("a", 1, 0, 2, 0.1)})
    with pytest.raises(ValueError, match="controls must be a non-empty dict"):
        FigureApp(lambda ax: None, {})
    app = FigureApp(lambda ax, a: ax.plot([0, a]) and None, {"a": slider("a", 1, 0, 2, 0.1)})
    with pytest.raises(ValueError, match=r"unknown control\(s\) \['b'\]"):
        app.set(b=1)


def test_plot_contributions_checks_its_inputs():
    """Summaries and labels must match, and aggregate and per-worker views must not be mixed."""
    from nqp_helpers import constant_growth_economy, decompose

    e = constant_growth_economy(5, 5.0, 1.0, 1.0, 0.3)
    acc = decompose(e["output"], e["capital"], e["labor"], 0.3)
    with pytest.raises(ValueError, match="equal length"):
        plot_contributions([acc.summary()], ["a", "b"])
    with pytest.raises(ValueError, match="same parts"):
        plot_contributions([acc.summary(), acc.per_worker().summary()], ["a", "b"])
    ax = plot_contributions([acc.summary(), acc.summary(0, 2)], ["all years", "first two"])
    assert len(ax.patches) == 8


def test_sliders_refuse_starting_values_they_would_clamp():
    """slider and int_slider refuse a starting value outside [min, max] (ipywidgets would move it to the
    nearer end silently), naming the argument; the ends themselves are accepted."""
    from nqp_helpers.lessons.widgets import int_slider

    with pytest.raises(ValueError, match=r"capital_share must lie in \[0.05, 0.95\]; got 1.2"):
        slider("capital share α", 1.2, 0.05, 0.95, 0.05, name="capital_share")
    with pytest.raises(ValueError, match=r"capital share α must be a real number; got '0.4'"):
        slider("capital share α", "0.4", 0.05, 0.95, 0.05)
    with pytest.raises(ValueError, match=r"years must be a whole number; got 2.5"):
        int_slider("number of years", 2.5, 2, 50, name="years")
    with pytest.raises(ValueError, match=r"years must lie in \[2, 50\]; got 51"):
        int_slider("number of years", 51, 2, 50, name="years")
    with pytest.raises(ValueError, match=r"needs min < max"):
        slider("x", 1.0, 2.0, 1.0, 0.1)
    assert slider("a", 0.05, 0.05, 0.95, 0.05).value == 0.05 and int_slider("n", 50, 2, 50).value == 50
    with pytest.raises(ValueError, match=r"capital_share must lie in \[0.05, 0.95\]; got 0"):
        make_economy_app(capital_share=0.0)


def test_figure_app_never_leaves_a_stale_figure():
    """When draw raises, the picture becomes a notice and the note the message: a ValueError stops there
    (app.error says why), any other exception is raised again after the notice is shown."""

    def draw(ax, a):
        if a > 1.5:
            raise ValueError("a must be at most 1.5")
        if a < 0.5:
            raise RuntimeError("a bug")
        ax.plot([0, a])
        return f"a = {a}"

    app = FigureApp(draw, {"a": slider("a", 1.0, 0.0, 2.0, 0.1)})
    good = app.image.value
    app.set(a=1.8)
    assert app.error == "a must be at most 1.5" and "a must be at most 1.5" in app.note.value
    assert app.image.value != good and not app.axes.lines and not app.axes.axison
    app.set(a=1.0)
    assert app.error is None and app.note.value == "a = 1.0" and app.axes.lines
    with pytest.raises(RuntimeError, match="a bug"):
        app.set(a=0.2)
    assert app.error == "RuntimeError: a bug" and "a bug" in app.note.value and not app.axes.lines


def test_near_zero_growth_shows_n_a_with_the_reason():
    """Output growth below 0.5 % per year shows the TFP share as n/a with the reason, never as a number."""
    from matplotlib.figure import Figure

    note = draw_economy(Figure().subplots(), 1.0, -0.5, 0.1, 0.4)
    assert "TFP share of growth <b>n/a (output growth is 0.20 % per year" in note
    note = draw_economy(Figure().subplots(), 0.5, -0.5, 0.1, 0.4)  # 0.2 - 0.3 + 0.1 = 0
    assert "output growth <b>0.00 % per year" in note and "-0.00" not in note
