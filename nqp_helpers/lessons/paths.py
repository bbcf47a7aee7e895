"""The figure of the path map (:mod:`nqp_helpers.paths`): the article's paths against accounting terms."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np

from ..i18n import _
from ..paths import PATH_MAP, TERMS, path_grid
from .plotting import PALETTE

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_path_map"]


def plot_path_map(
    ax: Axes | None = None, path_map: Mapping[str, Mapping[str, tuple[int, str]]] | None = None
) -> Axes:
    """Draw the map of paths (rows) against growth-accounting terms (columns).

    Dark cells with the tool's name: the terms the notebook's tool measures
    (adjacent cells with the same tool share one label, as the shift-share's
    labour productivity spans capital, human capital and TFP); light cells:
    terms the path also moves; blank: not moved. Shades differ in lightness,
    so the figure reads in grey. A small note names the source (this
    collection's reading of the article), so that a saved copy stands alone.

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
        _fig, ax = plt.subplots(figsize=(9.0, 4.2))
    cmap = ListedColormap(["#FFFFFF", "#B9DDF1", PALETTE["blue"]])
    ax.imshow(grid, cmap=cmap, vmin=0, vmax=2, aspect="auto")
    for i, row in enumerate(rows):
        cells = sorted((TERMS.index(term), strength, tool) for term, (strength, tool) in pm[row].items())
        # adjacent cells with the same strength and tool carry one label, centred across them
        runs: list[list[tuple[int, int, str]]] = []
        for cell in cells:
            if runs and runs[-1][-1][0] == cell[0] - 1 and runs[-1][-1][1:] == cell[1:]:
                runs[-1].append(cell)
            else:
                runs.append([cell])
        for run in runs:
            _column, strength, tool = run[0]
            centre = (run[0][0] + run[-1][0]) / 2
            ax.text(
                centre,
                i,
                _(tool) if strength == 2 else _("({tool})").format(tool=_(tool)),
                ha="center",
                va="center",
                fontsize=9,
                color="white" if strength == 2 else "black",
                fontweight="bold" if strength == 2 else "normal",
            )
    ax.set_xticks(np.arange(len(TERMS)), [_(t).replace(" (", "\n(") for t in TERMS])
    ax.set_yticks(np.arange(len(rows)), [_(row) for row in rows])
    ax.set_xticks(np.arange(len(TERMS) + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(len(rows) + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="grey", linewidth=0.6)
    ax.grid(which="major", visible=False)
    ax.tick_params(which="both", length=0)
    ax.xaxis.tick_top()
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.text(
        1.0,
        -0.04,
        _("Source: He Zili (2024), section 4, read through the tools of notebook 04 (not an estimate)"),
        transform=ax.transAxes,
        ha="right",
        va="top",
        fontsize=8,
    )
    return ax
