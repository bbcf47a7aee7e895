r"""The six paths of the article's section 4 on the growth-accounting map.

Growth accounting (:mod:`nqp_helpers.growth`) splits output growth into

.. math:: g_Y = \bar\alpha\, g_K + (1-\bar\alpha)\, g_L + (1-\bar\alpha)\, g_h + g_A .

Each path of the article moves one or more of these terms, and the sixth
(distribution "according to contribution") concerns the weights
:math:`\bar\alpha` and :math:`1-\bar\alpha` themselves: the factor shares of
income. This module holds the map as content: :data:`PATHS`, :data:`TERMS`,
:data:`PATH_MAP` (which term each path moves, as read in notebook 04: a
reading of the article through the tools used there, not an estimate) and
:func:`path_grid`, the map as numbers. The figure is
:func:`nqp_helpers.lessons.paths.plot_path_map`; how the capital share moves
measured TFP is :func:`nqp_helpers.accounting.accounting_by_capital_share`.

The shift-share decomposition of path 2 measures labour productivity
:math:`Y/L`, whose growth is
:math:`\bar\alpha (g_K - g_L) + (1-\bar\alpha) g_h + g_A`: capital deepening,
human capital and TFP together, not TFP alone. Its row therefore marks the
three adjacent columns capital, human capital and TFP with one tool (the
figure writes the label once across them). Paths 1 and 2 also ask for
accumulation: the "iterative upgrading of labor materials" and "equipment
renewal" are investment, more capital per worker.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from .i18n import N_, _

__all__ = ["TERMS", "LABOUR_PRODUCTIVITY", "PATHS", "PATH_MAP", "path_grid"]

#: Columns of the map: the growth-accounting terms and the weights.
TERMS = (N_("labour"), N_("capital"), N_("human capital"), N_("TFP"), N_("factor shares (weights)"))

#: The tool of path 2: it measures labour productivity, which spans three columns.
LABOUR_PRODUCTIVITY = N_("shift-share: labour productivity Y/L")

#: The six paths of section 4, short names in the article's order.
PATHS = (
    N_("1 means of labour, innovation system"),
    N_("2 modern industrial system"),
    N_("3 new workforce"),
    N_("4 green productivity"),
    N_("5 industrial organisation, factor combination"),
    N_("6 institutions, distribution by contribution"),
)

#: path -> {term: (strength, tool)}; strength 2 = a term the notebook's tool measures,
#: 1 = a term the path also moves, as the article describes it. Path 2's tool measures
#: labour productivity, which contains capital deepening, human capital and TFP.
PATH_MAP = {
    PATHS[0]: {
        "TFP": (2, N_("idea production")),
        "capital": (1, N_("upgraded equipment")),
    },
    PATHS[1]: {
        "capital": (2, LABOUR_PRODUCTIVITY),
        "human capital": (2, LABOUR_PRODUCTIVITY),
        "TFP": (2, LABOUR_PRODUCTIVITY),
    },
    PATHS[2]: {
        "human capital": (2, N_("Mincer schooling")),
        "TFP": (1, N_("more researchers")),
    },
    PATHS[3]: {
        "TFP": (2, N_("green TFP, Kaya")),
        "capital": (1, N_("green investment")),
    },
    PATHS[4]: {
        "TFP": (2, N_("misallocation")),
    },
    PATHS[5]: {
        "factor shares (weights)": (2, N_("labour share")),
    },
}


def path_grid(path_map: Mapping[str, Mapping[str, tuple[int, str]]] | None = None) -> np.ndarray:
    """The path map as a grid: one row per path, one column per term of :data:`TERMS`.

    Parameters
    ----------
    path_map : dict, optional
        Like :data:`PATH_MAP` (the default): path -> {term: (strength, tool)}.

    Returns
    -------
    ndarray of float, shape (number of paths, len(TERMS))
        2 where the path's tool measures the term, 1 where the path also moves
        it, 0 where it does not.

    Raises
    ------
    ValueError
        If the map names a term not in :data:`TERMS` or a strength other than 1 or 2.

    Examples
    --------
    >>> grid = path_grid()
    >>> grid.shape, grid[:, TERMS.index("TFP")].tolist()
    ((6, 5), [2.0, 2.0, 1.0, 2.0, 2.0, 0.0])
    >>> grid[1].tolist()  # path 2: labour productivity = capital deepening, h and TFP
    [0.0, 2.0, 2.0, 2.0, 0.0]
    """
    pm = PATH_MAP if path_map is None else path_map
    grid = np.zeros((len(pm), len(TERMS)))
    for i, (row, cells) in enumerate(pm.items()):
        for term, (strength, _tool) in cells.items():
            if term not in TERMS:
                raise ValueError(
                    _("unknown term {term!r} in the path map; terms are {terms}").format(
                        term=term, terms=TERMS
                    )
                )
            if strength not in (1, 2):
                raise ValueError(
                    _("strength must be 1 or 2; got {strength!r} for {row!r}, {term!r}").format(
                        strength=strength, row=row, term=term
                    )
                )
            grid[i, TERMS.index(term)] = strength
    return grid
