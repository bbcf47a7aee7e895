"""Tests of nqp_helpers.lessons.solow: the figures and the widget of the Solow lesson."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from nqp_helpers.lessons.solow import (
    draw_push,
    make_push_app,
    plot_output_per_worker,
    plot_output_per_worker_growth,
    plot_profit_rate,
    push_note,
    push_title,
)
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
