"""Tests of nqp_helpers.paths: the synthesis map and accounting under different capital shares."""

import numpy as np
import pytest

from nqp_helpers.growth import decompose
from nqp_helpers.paths import PATH_MAP, PATHS, TERMS, accounting_by_capital_share, plot_path_map


def test_share_sensitivity_is_minus_capital_deepening_net_of_quality():
    """d g_A / d alpha = -(g_K - g_L - g_h): a higher share lowers TFP growth when capital outgrows labour."""
    t = np.arange(0, 21)
    K, L, h = np.exp(0.08 * t), np.exp(0.01 * t), np.exp(0.01 * t)
    Y = np.exp(0.02 * t) * K**0.4 * (h * L) ** 0.6
    s = accounting_by_capital_share(Y, K, L, {"0.3": 0.3, "0.4": 0.4, "0.5": 0.5}, human_capital=h)
    tfp = [float(s[k].parts["TFP"]) for k in ("0.3", "0.4", "0.5")]
    assert tfp[1] == pytest.approx(2.0)
    np.testing.assert_allclose(np.diff(tfp), -0.1 * (8 - 1 - 1))


def test_time_varying_share_matches_decompose():
    """A per-year share gives the same summary as decompose with that share."""
    rng = np.random.default_rng(2)
    Y, K, L = (np.exp(np.cumsum(rng.normal(0.05, 0.02, 12))) for _ in range(3))
    share = rng.uniform(0.3, 0.5, 12)
    years = np.arange(2000, 2012)
    s = accounting_by_capital_share(Y, K, L, {"data": share}, years=years, start=2002, end=2010)
    ref = decompose(Y, K, L, share, years=years).summary(2002, 2010)
    assert s["data"].parts == pytest.approx(ref.parts) and s["data"].period == (2002, 2010)


def test_bad_share_specifications_raise():
    """An empty or non-dict specification, or an out-of-range share, raises ValueError."""
    with pytest.raises(ValueError, match="capital_shares must be a non-empty dict"):
        accounting_by_capital_share([1, 2], [1, 2], [1, 2], {})
    with pytest.raises(ValueError, match="capital_shares must be a non-empty dict"):
        accounting_by_capital_share([1, 2], [1, 2], [1, 2], [0.4])
    with pytest.raises(ValueError, match=r"capital_share must lie in \[0, 1\]; got 1.2"):
        accounting_by_capital_share([1, 2], [1, 2], [1, 2], {"x": 1.2})


def test_map_covers_six_paths_and_every_path_moves_something():
    """Six paths in the article's order, each with exactly one main term; no path's main term is labour."""
    assert list(PATH_MAP) == list(PATHS) and len(PATHS) == 6
    for path, cells in PATH_MAP.items():
        assert set(cells) <= set(TERMS)
        assert [s for s, _ in cells.values()].count(2) == 1, path
        assert "labour" not in cells


def test_plot_path_map_draws_the_grid_and_labels():
    """The image has one cell per path and term; the main tools are written in the cells."""
    from matplotlib.figure import Figure

    ax = plot_path_map(Figure().subplots())
    grid = ax.images[0].get_array()
    assert grid.shape == (6, 5)
    assert grid[0, TERMS.index("TFP")] == 2 and grid[2, TERMS.index("human capital")] == 2
    assert grid[:, TERMS.index("labour")].sum() == 0
    texts = {t.get_text() for t in ax.texts}
    assert {"idea production", "shift-share", "Mincer schooling", "misallocation", "labour share"} <= texts


def test_plot_path_map_validates_the_map():
    """Unknown terms or strengths in a custom map raise ValueError."""
    with pytest.raises(ValueError, match="unknown term 'land'"):
        plot_path_map(path_map={"p": {"land": (2, "x")}})
    with pytest.raises(ValueError, match="strength must be 1 or 2; got 3"):
        plot_path_map(path_map={"p": {"TFP": (3, "x")}})
