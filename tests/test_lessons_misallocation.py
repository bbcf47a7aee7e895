"""Tests of nqp_helpers.lessons.misallocation: the misallocation figure and widget."""

import numpy as np
import pytest

from nqp_helpers.lessons.misallocation import draw_misallocation, make_misallocation_app
from nqp_helpers.misallocation import aggregate_tfp, default_firms, wedges_for_dispersion


def test_draw_reports_the_reform_gain():
    """The note's gain matches TFP after / TFP now from the closed form; the lognormal value is shown too."""
    from matplotlib.figure import Figure

    ax = Figure().subplots()
    A, e = default_firms()
    note = draw_misallocation(ax, 0.6, 0.4, 0.0, 3.0, firms=(A, e))
    now = aggregate_tfp(A, wedges_for_dispersion(np.log(A), 0.6, 0.0, e), sigma=3.0)
    new = aggregate_tfp(A, wedges_for_dispersion(np.log(A), 0.4, 0.0, e), sigma=3.0)
    assert f"gain <b>{100 * (new / now - 1):.1f} %</b>" in note
    assert "lognormal formula: 35.0 %" in note
    with pytest.raises(ValueError, match=r"dispersion must lie in \[0, 1\]; got 1.5"):
        draw_misallocation(ax, 1.5)


def test_misallocation_app_moves_the_right_way():
    """More dispersion lowers the 'now' marker; a positive correlation lowers it more."""
    app = make_misallocation_app()
    now = app.axes.lines[2].get_ydata()[0]
    app.set(dispersion=0.8)
    lower = app.axes.lines[2].get_ydata()[0]
    assert lower < now
    app.set(correlation=0.6)
    assert app.axes.lines[2].get_ydata()[0] < lower


@pytest.mark.perf
def test_misallocation_app_updates_fast():
    """After a warm-up draw, an update takes under the 100 ms bar (0.25 s guard for a loaded machine)."""
    app = make_misallocation_app()
    times = []
    for d in np.linspace(0.1, 0.9, 7):
        app.set(target_dispersion=float(d))
        times.append(app.last_seconds)
    assert np.median(times) < 0.25
