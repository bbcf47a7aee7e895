"""Tests of nqp_helpers.paths (the synthesis map) and of its figure in nqp_helpers.lessons.paths.

Accounting under different capital shares is tested in tests/test_accounting.py.
"""

import pytest

from nqp_helpers.lessons.paths import plot_path_map
from nqp_helpers.paths import PATH_MAP, PATHS, TERMS, path_grid


def test_map_covers_six_paths_and_every_path_moves_something():
    """Six paths in the article's order, each with exactly one main term; no path's main term is labour."""
    assert list(PATH_MAP) == list(PATHS) and len(PATHS) == 6
    for path, cells in PATH_MAP.items():
        assert set(cells) <= set(TERMS)
        assert [s for s, _ in cells.values()].count(2) == 1, path
        assert "labour" not in cells


def test_path_grid_marks_what_each_path_moves():
    """The grid has one row per path and one column per term: 2 for the measured term, 1 for others moved."""
    grid = path_grid()
    assert grid.shape == (len(PATHS), len(TERMS))
    for i, cells in enumerate(PATH_MAP.values()):
        for term, (strength, _) in cells.items():
            assert grid[i, TERMS.index(term)] == strength
    assert (grid > 0).sum() == sum(len(cells) for cells in PATH_MAP.values())
    with pytest.raises(ValueError, match="unknown term 'land'"):
        path_grid({"p": {"land": (2, "x")}})


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
