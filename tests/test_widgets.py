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
