"""The figure of the path map (:mod:`nqp_helpers.paths`): the article's paths against accounting terms."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np

from ..paths import PATH_MAP, TERMS, path_grid
from .plotting import PALETTE

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_path_map"]


def plot_path_map(
    ax: Axes | None = None, path_map: Mapping[str, Mapping[str, tuple[int, str]]] | None = None
) -> Axes:
    """Draw the map of paths (rows) against growth-accounting terms (columns).

    Dark cells with the tool's name: the term the notebook's tool measures;
    light cells: terms the path also moves; blank: not moved. Shades differ
    in lightness, so the figure reads in grey.

    Parameters
    ----------
    ax : matplotlib Axes, optional
    path_map : dict, optional
        Like :data:`nqp_helpers.paths.PATH_MAP` (default).

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        As :func:`nqp_helpers.paths.path_grid`: a term not in
        :data:`~nqp_helpers.paths.TERMS` or a strength other than 1 or 2.
    """
    import matplotlib.pyplot as plt
    from matplotlib.colors import ListedColormap

    pm = PATH_MAP if path_map is None else path_map
    grid = path_grid(pm)
    rows = list(pm)
    if ax is None:
        _, ax = plt.subplots(figsize=(9.0, 4.2))
    cmap = ListedColormap(["#FFFFFF", "#B9DDF1", PALETTE["blue"]])
    ax.imshow(grid, cmap=cmap, vmin=0, vmax=2, aspect="auto")
    for i, row in enumerate(rows):
        for term, (strength, tool) in pm[row].items():
            j = TERMS.index(term)
            color = "white" if strength == 2 else "black"
            text = tool if strength == 2 else f"({tool})"
            ax.text(
                j,
                i,
                text,
                ha="center",
                va="center",
                fontsize=9,
                color=color,
                fontweight="bold" if strength == 2 else "normal",
            )
    ax.set_xticks(np.arange(len(TERMS)), [t.replace(" (", "\n(") for t in TERMS])
    ax.set_yticks(np.arange(len(rows)), rows)
    ax.set_xticks(np.arange(len(TERMS) + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(len(rows) + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="grey", linewidth=0.6)
    ax.grid(which="major", visible=False)
    ax.tick_params(which="both", length=0)
    ax.xaxis.tick_top()
    for spine in ax.spines.values():
        spine.set_visible(False)
    return ax
