"""Tests of nqp_helpers.structural: the shift-share decomposition and the toy three-sector economy."""

import shutil

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nqp_helpers.structural import (
    draw_structural_change,
    load_toy_sectors,
    make_structural_app,
    plot_shift_share,
    shift_share,
)

positive = st.floats(1e-3, 1e4, allow_nan=False, allow_infinity=False)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(2, 6).flatmap(
        lambda T: st.integers(1, 5).flatmap(
            lambda S: st.tuples(
                arrays(np.float64, (T, S), elements=positive), arrays(np.float64, (T, S), elements=positive)
            )
        )
    )
)
def test_parts_sum_exactly_to_the_total_on_random_data(tables):
    """within + between + interaction equals the change in aggregate productivity, whatever the data."""
    p, emp = tables
    r = shift_share(p, emp)
    np.testing.assert_allclose(
        r.within + r.between + r.interaction, r.total, rtol=1e-10, atol=1e-10 * np.abs(r.productivity).max()
    )
    # by-sector parts add up to the totals
    np.testing.assert_allclose(r.within_by_sector.sum(axis=1), r.within, rtol=1e-12, atol=1e-9)
    # percentages of the initial level add up too
    pct = r.percent_of_initial()
    np.testing.assert_allclose(
        pct["within"] + pct["between"] + pct["interaction"], pct["total"], rtol=1e-9, atol=1e-9
    )


def test_aggregate_productivity_is_total_value_added_per_worker():
    """sum_i theta_i p_i equals total value added over total employment."""
    d = load_toy_sectors()
    r = shift_share(d.productivity, d.employment, d.years)
    np.testing.assert_allclose(
        r.productivity, d.value_added.sum(axis=1) / d.employment.sum(axis=1), rtol=1e-12
    )
    np.testing.assert_allclose(r.shares.sum(axis=1), 1.0)


def test_no_reallocation_means_no_between_or_interaction_term():
    """With constant employment shares (employment may grow), only the within term is non-zero."""
    rng = np.random.default_rng(5)
    p = np.exp(np.cumsum(rng.normal(0.03, 0.02, (10, 4)), axis=0))
    emp = np.outer(np.exp(0.01 * np.arange(10)), [10.0, 20.0, 30.0, 40.0])
    r = shift_share(p, emp)
    np.testing.assert_allclose(r.between, 0.0, atol=1e-12)
    np.testing.assert_allclose(r.interaction, 0.0, atol=1e-12)
    np.testing.assert_allclose(r.within, r.total, rtol=1e-12)


def test_no_productivity_change_means_only_structural_change():
    """With productivity frozen in every sector, all change is 'between' (reallocation)."""
    p = np.array([[1.0, 3.0, 5.0]] * 3)
    emp = np.array([[60, 20, 20], [50, 25, 25], [40, 30, 30]], dtype=float)
    r = shift_share(p, emp)
    np.testing.assert_allclose(r.within, 0.0, atol=1e-15)
    np.testing.assert_allclose(r.interaction, 0.0, atol=1e-15)
    np.testing.assert_allclose(r.between, [0.3, 0.3])  # -0.1 x 1 + 0.05 x 3 + 0.05 x 5


def test_hand_computed_two_sector_example():
    """Two sectors: within = theta0 . dp, between = p0 . dtheta, interaction = dp . dtheta, by hand."""
    r = shift_share([[1.0, 4.0], [2.0, 6.0]], [[80, 20], [60, 40]])
    assert r.within[0] == pytest.approx(0.8 * 1 + 0.2 * 2)
    assert r.between[0] == pytest.approx(1 * -0.2 + 4 * 0.2)
    assert r.interaction[0] == pytest.approx(1 * -0.2 + 2 * 0.2)
    assert r.structural_change[0] == pytest.approx(2 * -0.2 + 6 * 0.2)  # McMillan-Rodrik: end-period p
    assert r.total[0] == pytest.approx((0.6 * 2 + 0.4 * 6) - (0.8 * 1 + 0.2 * 4))


def test_toy_economy_moves_workers_out_of_agriculture():
    """In the toy data agriculture's share falls from 60 % to 25 % and reallocation adds to productivity."""
    d = load_toy_sectors()
    r = shift_share(d.productivity[[0, -1]], d.employment[[0, -1]])
    np.testing.assert_allclose(r.shares[0], [0.6, 0.2, 0.2])
    np.testing.assert_allclose(r.shares[1], [0.25, 0.29, 0.46])
    assert r.between[0] > 0 and r.interaction[0] > 0 and r.within[0] > 0
    growth = np.log(d.productivity[-1] / d.productivity[0]) / 30 * 100
    np.testing.assert_allclose(growth, [4.5, 6.5, 4.0], atol=1e-9)


def test_toy_sectors_metadata_has_units_description_and_hash():
    """The metadata documents units, a description, the generator, its seed and the sha256 that matches."""
    d = load_toy_sectors()
    m = d.meta
    for key in ("description", "units", "seed", "script", "sha256", "parameters", "licence"):
        assert key in m
    assert m["units"]["employment_millions"].startswith("millions")
    assert [c["name"] for c in m["columns"]] == [
        "year",
        "sector",
        "employment_millions",
        "value_added_billions",
    ]


def test_corrupted_file_is_refused(tmp_path):
    """A CSV that does not match the sha256 in its metadata raises a ValueError naming the fix."""
    from nqp_helpers.structural import _DATA_DIR

    for name in ("toy_sectors.csv", "toy_sectors.meta.json"):
        shutil.copy(_DATA_DIR / name, tmp_path / name)
    with open(tmp_path / "toy_sectors.csv", "a", encoding="utf-8") as f:
        f.write("2021,agriculture,1,1\n")
    with pytest.raises(ValueError, match="does not match its metadata"):
        load_toy_sectors(tmp_path)
    (tmp_path / "toy_sectors.meta.json").unlink()
    with pytest.raises(ValueError, match="does not exist; run `python scripts/make_paths_data.py`"):
        load_toy_sectors(tmp_path)


@pytest.mark.parametrize(
    "p, emp, years, match",
    [
        ([1.0, 2.0], [1.0, 2.0], None, "productivity must be a 2-D array"),
        ([[1.0, 2.0]], [[1.0, 2.0]], None, "needs at least 2 dates and 1 sector"),
        (
            [[1.0, 2.0], [1.0, -2.0]],
            [[1, 1], [1, 1]],
            None,
            r"productivity must be strictly positive; got -2",
        ),
        ([[1.0, 2.0], [1.0, np.nan]], [[1, 1], [1, 1]], None, "productivity must be finite; got nan"),
        ([[1.0, 2.0], [1.0, 2.0]], [[1, 1], [0, 1]], None, "employment must be strictly positive; got 0"),
        ([[1.0, 2.0], [1.0, 2.0]], [[1, 1, 1], [1, 1, 1]], None, "employment must have the same shape"),
        ([[1.0, 2.0], [1.0, 2.0]], [[1, 1], [1, 1]], [2001, 2000], "years must be sorted"),
        ([["a", 2.0], [1.0, 2.0]], [[1, 1], [1, 1]], None, "productivity must contain only numbers"),
    ],
)
def test_shift_share_rejects_bad_input(p, emp, years, match):
    """Bad tables raise a ValueError naming the argument and the rule."""
    with pytest.raises(ValueError, match=match):
        shift_share(p, emp, years)


def test_plot_shift_share_checks_its_arguments():
    """The plot needs one label per result and single-interval results."""
    d = load_toy_sectors()
    one = shift_share(d.productivity[[0, -1]], d.employment[[0, -1]])
    many = shift_share(d.productivity, d.employment)
    with pytest.raises(ValueError, match="equal length"):
        plot_shift_share([one], ["a", "b"])
    with pytest.raises(ValueError, match="one interval"):
        plot_shift_share([many], ["a"])


def test_plot_shift_share_bars_are_the_parts():
    """Bar heights are the three parts in % of the initial level."""
    from matplotlib.figure import Figure

    d = load_toy_sectors()
    r = shift_share(d.productivity[[0, -1]], d.employment[[0, -1]])
    ax = plot_shift_share([r], ["1990-2020"], ax=Figure().subplots())
    heights = [bar.get_height() for bar in ax.patches]
    pct = r.percent_of_initial()
    np.testing.assert_allclose(heights, [pct["within"][0], pct["between"][0], pct["interaction"][0]])


def test_faster_reallocation_raises_the_structural_change_share():
    """Moving more workers out of agriculture each year raises the between bars and the reported share."""
    from matplotlib.figure import Figure

    ax = Figure().subplots()
    slow = draw_structural_change(ax, reallocation=0.2)
    slow_between = [b.get_height() for b in ax.patches[3:6]]
    ax.clear()
    fast = draw_structural_change(ax, reallocation=1.5)
    fast_between = [b.get_height() for b in ax.patches[3:6]]
    assert all(f > s for f, s in zip(fast_between, slow_between, strict=True))
    share = [int(t.split("<b>")[2].split(" %")[0]) for t in (slow, fast)]
    assert share[1] > share[0]
    with pytest.raises(ValueError, match=r"reallocation must lie in \[0, 1.9\]; got 3"):
        draw_structural_change(ax, reallocation=3)


def test_no_reallocation_leaves_only_within():
    """With nobody moving, the between and interaction bars are zero in every decade."""
    from matplotlib.figure import Figure

    ax = Figure().subplots()
    note = draw_structural_change(ax, reallocation=0.0)
    heights = np.array([b.get_height() for b in ax.patches]).reshape(3, 3)  # parts x decades
    np.testing.assert_allclose(heights[1:], 0.0, atol=1e-12)
    assert "<b>0 %</b>" in note


def test_structural_app_moves_the_right_way_and_fast():
    """Raising manufacturing productivity growth raises the within bars; updates stay well under 100 ms."""
    app = make_structural_app()
    within = [b.get_height() for b in app.axes.patches[:3]]
    app.set(manufacturing_growth=9.0)
    assert all(a > b for a, b in zip([b.get_height() for b in app.axes.patches[:3]], within, strict=True))
    times = []
    for v in np.linspace(0.2, 1.8, 7):
        app.set(reallocation=float(v))
        times.append(app.last_seconds)
    assert np.median(times) < 0.25
