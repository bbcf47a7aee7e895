"""Tests of nqp_helpers.paths (the synthesis map) and of its figure in nqp_helpers.lessons.paths.

Accounting under different capital shares is tested in tests/test_accounting.py.
"""

import pytest

from nqp_helpers.lessons.paths import plot_path_map
from nqp_helpers.paths import LABOUR_PRODUCTIVITY, PATH_MAP, PATHS, TERMS, path_grid


def test_map_covers_six_paths_and_every_path_moves_something():
    """Six paths in the article's order, each with one measuring tool; no path moves the labour term. The
    shift-share (path 2) measures labour productivity: capital deepening, human capital and TFP, not TFP
    alone; paths 1 and 2 also move capital (accumulation)."""
    assert list(PATH_MAP) == list(PATHS) and len(PATHS) == 6
    for path, cells in PATH_MAP.items():
        assert set(cells) <= set(TERMS)
        assert len({tool for s, tool in cells.values() if s == 2}) == 1, path
        assert "labour" not in cells
    shift_share = PATH_MAP[PATHS[1]]
    assert {t for t, (s, _) in shift_share.items() if s == 2} == {"capital", "human capital", "TFP"}
    assert {tool for _, tool in shift_share.values()} == {LABOUR_PRODUCTIVITY}
    assert PATH_MAP[PATHS[0]]["capital"][0] >= 1 and PATH_MAP[PATHS[1]]["capital"][0] >= 1


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
    texts = [t.get_text() for t in ax.texts]
    assert {"idea production", "Mincer schooling", "misallocation", "labour share"} <= set(texts)
    # the shift-share's three adjacent cells carry one label, centred on the human-capital column
    (label,) = [t for t in ax.texts if t.get_text() == LABOUR_PRODUCTIVITY]
    assert label.get_position() == (TERMS.index("human capital"), 1)
    assert any(t.startswith("Source:") for t in texts)


def test_plot_path_map_validates_the_map():
    """Unknown terms or strengths in a custom map raise ValueError."""
    with pytest.raises(ValueError, match="unknown term 'land'"):
        plot_path_map(path_map={"p": {"land": (2, "x")}})
    with pytest.raises(ValueError, match="strength must be 1 or 2; got 3"):
        plot_path_map(path_map={"p": {"TFP": (3, "x")}})
