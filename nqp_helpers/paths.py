r"""The six paths of the article's section 4 on the growth-accounting map, and factor shares.

Growth accounting (:mod:`nqp_helpers.growth`) splits output growth into

.. math:: g_Y = \bar\alpha\, g_K + (1-\bar\alpha)\, g_L + (1-\bar\alpha)\, g_h + g_A .

Each path of the article moves one or more of these terms, and the sixth
(distribution "according to contribution") concerns the weights
:math:`\bar\alpha` and :math:`1-\bar\alpha` themselves: the factor shares of
income. This module holds

- :data:`PATH_MAP` and :func:`plot_path_map`: which term each path moves, as
  read in notebook 04 (a reading of the article through the tools used
  there, not an estimate);
- :func:`accounting_by_capital_share`: the same data accounted with
  different capital shares, to show that the share is an empirical quantity
  whose choice moves measured TFP. Since :math:`g_A = g_Y - \alpha g_K -
  (1-\alpha)(g_L + g_h)`, a constant share changes TFP growth by
  :math:`\partial g_A / \partial \alpha = -(g_K - g_L - g_h)`: where capital
  grows faster than quality-adjusted labour, a higher capital share means
  lower measured TFP growth.
"""

from __future__ import annotations

import numpy as np

from .growth import decompose

__all__ = ["TERMS", "PATHS", "PATH_MAP", "accounting_by_capital_share", "plot_path_map"]

#: Columns of the map: the growth-accounting terms and the weights.
TERMS = ("capital", "labour", "human capital", "TFP", "factor shares (weights)")

#: The six paths of section 4, short names in the article's order.
PATHS = (
    "1 means of labour, innovation system",
    "2 modern industrial system",
    "3 new workforce",
    "4 green productivity",
    "5 industrial organisation, factor combination",
    "6 institutions, distribution by contribution",
)

#: path -> {term: (strength, tool)}; strength 2 = the term the notebook's tool measures,
#: 1 = a term the path also moves, as the article describes it.
PATH_MAP = {
    PATHS[0]: {
        "TFP": (2, "idea production"),
        "capital": (1, "new equipment"),
    },
    PATHS[1]: {
        "TFP": (2, "shift-share"),
        "capital": (1, "equipment renewal"),
    },
    PATHS[2]: {
        "human capital": (2, "Mincer schooling"),
        "TFP": (1, "more researchers"),
    },
    PATHS[3]: {
        "TFP": (2, "green TFP, Kaya"),
        "capital": (1, "green investment"),
    },
    PATHS[4]: {
        "TFP": (2, "misallocation"),
    },
    PATHS[5]: {
        "factor shares (weights)": (2, "labour share"),
    },
}


def accounting_by_capital_share(
    output, capital, labor, capital_shares, human_capital=None, years=None, start=None, end=None
):
    """Growth accounts of the same data under several capital shares.

    Parameters
    ----------
    output, capital, labor, human_capital, years
        As in :func:`nqp_helpers.growth.decompose`.
    capital_shares : dict of str -> float or array_like
        Label -> capital share (a constant in [0, 1] or one value per year),
        for example ``{"1 - labsh": 1 - labsh, "0.4": 0.4, "0.5": 0.5}``.
    start, end : optional
        Period of the summaries (see :meth:`GrowthAccounting.summary`).

    Returns
    -------
    dict of str -> GrowthSummary
        Average contributions in % per year, one summary per label.

    Raises
    ------
    ValueError
        If ``capital_shares`` is empty or not a dict, or as
        :func:`nqp_helpers.growth.decompose`.

    Examples
    --------
    Capital grows 6 %, labour 1 %, output 5 %: raising the share from 0.4 to
    0.5 lowers TFP growth by 0.1 x (6 - 1) = 0.5 points.

    >>> Y, K, L = [1, np.exp(0.05)], [1, np.exp(0.06)], [1, np.exp(0.01)]
    >>> s = accounting_by_capital_share(Y, K, L, {"0.4": 0.4, "0.5": 0.5})
    >>> print({k: round(float(v.parts["TFP"]), 2) for k, v in s.items()})
    {'0.4': 2.0, '0.5': 1.5}
    """
    if not isinstance(capital_shares, dict) or not capital_shares:
        raise ValueError(f"capital_shares must be a non-empty dict of label -> share; got {capital_shares!r}")
    out = {}
    for label, share in capital_shares.items():
        acc = decompose(output, capital, labor, share, human_capital=human_capital, years=years)
        out[str(label)] = acc.summary(start, end)
    return out


def plot_path_map(ax=None, path_map=None):
    """Draw the map of paths (rows) against growth-accounting terms (columns).

    Dark cells with the tool's name: the term the notebook's tool measures;
    light cells: terms the path also moves; blank: not moved. Shades differ
    in lightness, so the figure reads in grey.

    Parameters
    ----------
    ax : matplotlib Axes, optional
    path_map : dict, optional
        Like :data:`PATH_MAP` (default).

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        If the map names a term not in :data:`TERMS` or a strength other than 1 or 2.
    """
    import matplotlib.pyplot as plt
    from matplotlib.colors import ListedColormap

    pm = PATH_MAP if path_map is None else path_map
    rows = list(pm)
    grid = np.zeros((len(rows), len(TERMS)))
    for i, row in enumerate(rows):
        for term, (strength, _) in pm[row].items():
            if term not in TERMS:
                raise ValueError(f"unknown term {term!r} in the path map; terms are {TERMS}")
            if strength not in (1, 2):
                raise ValueError(f"strength must be 1 or 2; got {strength!r} for {row!r}, {term!r}")
            grid[i, TERMS.index(term)] = strength
    if ax is None:
        _, ax = plt.subplots(figsize=(9.0, 4.2))
    cmap = ListedColormap(["#FFFFFF", "#B9DDF1", "#0072B2"])
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
