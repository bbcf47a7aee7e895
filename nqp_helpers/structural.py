r"""Structural change: shift-share decomposition of aggregate labour productivity growth.

Aggregate labour productivity is the employment-weighted mean of sector
productivities,

.. math:: P_t = \frac{Y_t}{L_t} = \sum_i \theta_{i,t}\, p_{i,t},
   \qquad \theta_{i,t} = \frac{L_{i,t}}{L_t}, \quad p_{i,t} = \frac{Y_{i,t}}{L_{i,t}},

with :math:`Y_i` value added and :math:`L_i` employment of sector :math:`i`.
Between two dates 0 and 1, expanding :math:`\theta_{i1} p_{i1} - \theta_{i0}
p_{i0}` gives the exact three-term shift-share decomposition (used, for example, by
de Vries, Timmer and de Vries 2015, who call the last two terms static and
dynamic reallocation):

.. math:: \Delta P = \underbrace{\sum_i \theta_{i0}\, \Delta p_i}_{\text{within}}
   + \underbrace{\sum_i p_{i0}\, \Delta \theta_i}_{\text{between (structural change)}}
   + \underbrace{\sum_i \Delta p_i\, \Delta \theta_i}_{\text{interaction}}.

- *within*: productivity growth inside sectors at the initial employment mix;
- *between*: workers moving towards sectors with high initial productivity;
- *interaction*: workers moving towards sectors whose productivity grows.

McMillan and Rodrik (2011) use the two-term version
:math:`\Delta P = \sum_i \theta_{i0} \Delta p_i + \sum_i p_{i1} \Delta\theta_i`,
whose structural-change term (at end-of-period productivity) equals
*between* + *interaction* here (:attr:`ShiftShare.structural_change`).

References
----------
McMillan, Margaret and Dani Rodrik (2011), "Globalization, Structural Change
and Productivity Growth", NBER Working Paper 17143.
de Vries, Gaaitzen, Marcel Timmer and Klaas de Vries (2015), "Structural
Transformation in Africa: Static Gains, Dynamic Losses", Journal of
Development Studies 51(6), 674-688.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ._validate import as_numeric, as_years

__all__ = [
    "ShiftShare",
    "SectorData",
    "shift_share",
    "load_toy_sectors",
    "plot_shift_share",
    "draw_structural_change",
    "make_structural_app",
]

_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PART_STYLE = {
    "within": {"color": "#D55E00", "hatch": "xx"},
    "between": {"color": "#0072B2", "hatch": ""},
    "interaction": {"color": "#56B4E9", "hatch": ".."},
}


def _as_table(name, value):
    """A (T, S) array of strictly positive finite numbers with T >= 2 and S >= 1."""
    arr = as_numeric(name, value)
    if arr.ndim != 2:
        raise ValueError(f"{name} must be a 2-D array (dates x sectors); got an array of shape {arr.shape}")
    if arr.shape[0] < 2 or arr.shape[1] < 1:
        raise ValueError(f"{name} needs at least 2 dates and 1 sector; got shape {arr.shape}")
    bad = ~np.isfinite(arr)
    if bad.any():
        pos = tuple(int(i) for i in np.argwhere(bad)[0])
        raise ValueError(f"{name} must be finite; got {arr[pos]} at (date, sector) {pos}")
    if (arr <= 0).any():
        pos = tuple(int(i) for i in np.argwhere(arr <= 0)[0])
        raise ValueError(f"{name} must be strictly positive; got {arr[pos]:g} at (date, sector) {pos}")
    return arr


@dataclass(frozen=True)
class ShiftShare:
    """Result of :func:`shift_share`.

    Interval arrays have shape (T-1,) (by sector: (T-1, S)) and are in the
    units of productivity (for example thousand currency units per worker);
    ``within + between + interaction == total`` exactly (to rounding).

    Attributes
    ----------
    productivity : ndarray, shape (T,)
        Aggregate labour productivity P_t.
    shares : ndarray, shape (T, S)
        Employment shares theta (rows sum to one).
    total, within, between, interaction : ndarray, shape (T-1,)
        Change in P over each interval and its three parts.
    within_by_sector, between_by_sector, interaction_by_sector : ndarray, shape (T-1, S)
        The parts sector by sector.
    years : ndarray or None
        Years of the T dates.
    """

    productivity: np.ndarray
    shares: np.ndarray
    total: np.ndarray
    within: np.ndarray
    between: np.ndarray
    interaction: np.ndarray
    within_by_sector: np.ndarray
    between_by_sector: np.ndarray
    interaction_by_sector: np.ndarray
    years: np.ndarray | None

    @property
    def structural_change(self):
        """McMillan and Rodrik's structural-change term: between + interaction."""
        return self.between + self.interaction

    def percent_of_initial(self):
        """Each part as a percentage of aggregate productivity at the start of its interval.

        Returns
        -------
        dict of str -> ndarray, shape (T-1,)
            ``total``, ``within``, ``between``, ``interaction``, in per cent
            (100 x change / P at the start); they still add up.
        """
        base = self.productivity[:-1]
        return {k: 100 * getattr(self, k) / base for k in ("total", "within", "between", "interaction")}


def shift_share(productivity, employment, years=None):
    r"""Split the change in aggregate labour productivity into within, between and interaction.

    Parameters
    ----------
    productivity : array_like, shape (T, S)
        Labour productivity (value added per worker) of S sectors at T >= 2
        dates, in any constant unit (for example thousand currency units per
        worker at constant prices).
    employment : array_like, shape (T, S)
        Employment of each sector (persons, any unit); only the shares matter.
    years : array_like, shape (T,), optional
        Strictly increasing dates.

    Returns
    -------
    ShiftShare
        One decomposition per interval between consecutive dates. Pass two
        rows (first and last date) for a single long-difference decomposition.

    Raises
    ------
    ValueError
        If either table is not 2-D, has fewer than 2 dates, holds a
        non-finite or non-positive value, or the shapes differ; if years are
        invalid.

    Examples
    --------
    Two sectors with productivity 1 and 4; a tenth of the workers move to the
    productive sector while productivity in each rises by one:

    >>> r = shift_share([[1.0, 4.0], [2.0, 5.0]], [[50, 50], [40, 60]])
    >>> print(r.within, r.between, r.interaction, r.total)
    [1.] [0.3] [0.] [1.3]
    """
    p = _as_table("productivity", productivity)
    emp = _as_table("employment", employment)
    if emp.shape != p.shape:
        raise ValueError(f"employment must have the same shape as productivity {p.shape}; got {emp.shape}")
    yrs = as_years(years, p.shape[0])
    theta = emp / emp.sum(axis=1, keepdims=True)
    dp = np.diff(p, axis=0)
    dtheta = np.diff(theta, axis=0)
    within = theta[:-1] * dp
    between = p[:-1] * dtheta
    inter = dp * dtheta
    agg = (theta * p).sum(axis=1)
    return ShiftShare(
        productivity=agg,
        shares=theta,
        total=np.diff(agg),
        within=within.sum(axis=1),
        between=between.sum(axis=1),
        interaction=inter.sum(axis=1),
        within_by_sector=within,
        between_by_sector=between,
        interaction_by_sector=inter,
        years=yrs,
    )


@dataclass(frozen=True)
class SectorData:
    """The toy three-sector economy (``data/toy_sectors.csv``).

    Attributes
    ----------
    years : ndarray of int, shape (T,)
    sectors : list of str
        Sector names, column order of the tables.
    employment : ndarray, shape (T, S)
        Millions of persons employed.
    value_added : ndarray, shape (T, S)
        Billions of a constant currency unit.
    meta : dict
        The metadata file (units, parameters, seed, sha256).
    """

    years: np.ndarray
    sectors: list
    employment: np.ndarray
    value_added: np.ndarray
    meta: dict

    @property
    def productivity(self):
        """Labour productivity, thousand currency units per worker, shape (T, S)."""
        return self.value_added / self.employment


def load_toy_sectors(data_dir=None):
    """Load the toy three-sector economy, checking the file against its sha256.

    Parameters
    ----------
    data_dir : str or Path, optional
        Folder holding ``toy_sectors.csv`` and ``toy_sectors.meta.json``
        (default: the repository's ``data/``).

    Returns
    -------
    SectorData

    Raises
    ------
    ValueError
        If a file is missing or the CSV does not match the sha256 in its
        metadata (rebuild with ``python scripts/make_paths_data.py``).

    Examples
    --------
    >>> d = load_toy_sectors()
    >>> d.sectors, int(d.years[0]), int(d.years[-1]), float(d.productivity[0, 0])
    (['agriculture', 'manufacturing', 'services'], 1990, 2020, 1.5)
    """
    folder = Path(data_dir) if data_dir is not None else _DATA_DIR
    meta, header, rows = _read_checked(folder, "toy_sectors.csv", "toy_sectors.meta.json")
    sectors = list(meta["sectors"])
    years = np.array(sorted({int(r[0]) for r in rows}))
    emp = np.full((years.size, len(sectors)), np.nan)
    va = np.full_like(emp, np.nan)
    for r in rows:
        t, j = int(r[0]) - years[0], sectors.index(r[1])
        emp[t, j], va[t, j] = float(r[2]), float(r[3])
    return SectorData(years=years, sectors=sectors, employment=emp, value_added=va, meta=meta)


def _read_checked(folder, csv_name, meta_name):
    """Read a CSV of this module's toy data after checking its sha256 against the metadata."""
    csv_path, meta_path = Path(folder) / csv_name, Path(folder) / meta_name
    for path in (csv_path, meta_path):
        if not path.exists():
            raise ValueError(f"{path} does not exist; run `python scripts/make_paths_data.py` to build it")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    raw = csv_path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != meta.get("sha256"):
        raise ValueError(
            f"{csv_path} does not match its metadata: sha256 {digest} but {meta_name} expects "
            f"{meta.get('sha256')}; run `python scripts/make_paths_data.py` to rebuild it"
        )
    reader = csv.reader(raw.decode("utf-8").splitlines())
    header = next(reader)
    return meta, header, list(reader)


def plot_shift_share(results, labels, ax=None, percent=True, legend=True):
    """Stacked bars of within, between and interaction, one bar per decomposition.

    Parameters
    ----------
    results : sequence of ShiftShare
        Each with a single interval (a long difference).
    labels : sequence of str
        One label per bar.
    ax : matplotlib Axes, optional
    percent : bool
        Show parts as % of initial aggregate productivity (True) or in
        productivity units (False).
    legend : bool

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        If the numbers of results and labels differ, or a result has more
        than one interval.
    """
    import matplotlib.pyplot as plt

    results, labels = list(results), [str(x) for x in labels]
    if not results or len(results) != len(labels):
        raise ValueError(
            f"results and labels must be non-empty and of equal length; got {len(results)} and {len(labels)}"
        )
    if any(r.total.size != 1 for r in results):
        raise ValueError("each result must cover one interval: pass the first and last dates only")
    if ax is None:
        _, ax = plt.subplots()
    x = np.arange(len(results))
    pos, neg = np.zeros(len(results)), np.zeros(len(results))
    for part in ("within", "between", "interaction"):
        if percent:
            vals = np.array([float(r.percent_of_initial()[part][0]) for r in results])
        else:
            vals = np.array([float(getattr(r, part)[0]) for r in results])
        base = np.where(vals >= 0, pos, neg)
        ax.bar(
            x, vals, bottom=base, width=0.6, label=part, edgecolor="white", linewidth=0.5, **PART_STYLE[part]
        )
        pos += np.where(vals >= 0, vals, 0)
        neg += np.where(vals < 0, vals, 0)
    totals = [float(r.percent_of_initial()["total"][0] if percent else r.total[0]) for r in results]
    ax.plot(x, totals, "D", color="black", linestyle="none", label="total change")
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xticks(x, labels)
    ax.set_ylabel("change in productivity (% of initial level)" if percent else "change in productivity")
    ax.grid(axis="x", visible=False)
    if legend:
        top = max(float(pos.max()), max(totals))
        ax.set_ylim(top=1.3 * top if top > 0 else 1.0)
        ax.legend(loc="upper center", ncols=4, fontsize=9, columnspacing=1.0)
    return ax


def draw_structural_change(ax, reallocation=1.0, manufacturing_growth=6.5, data=None):
    """Draw a counterfactual three-sector economy's shift-share decomposition by decade.

    Starting from the toy economy's 1990 employment shares and productivity,
    a fraction of the agricultural workforce moves to manufacturing and
    services each year (split as in the toy data), while sector productivity
    grows at the toy economy's average rates, except manufacturing whose rate
    is set by ``manufacturing_growth``.

    Parameters
    ----------
    ax : matplotlib Axes
    reallocation : float
        Percentage points of total employment leaving agriculture per year,
        in [0, 1.9] (agriculture keeps a positive share).
    manufacturing_growth : float
        Manufacturing productivity growth, % per year, in [-5, 15].
    data : SectorData, optional
        Default: :func:`load_toy_sectors`.

    Returns
    -------
    str
        One line of HTML: average productivity growth and the structural-change
        share over 1990-2020.
    """
    from ._validate import as_scalar

    move = as_scalar("reallocation", reallocation, low=0, high=1.9) / 100
    g_m = as_scalar("manufacturing_growth", manufacturing_growth, low=-5, high=15) / 100
    d = load_toy_sectors() if data is None else data
    years = d.years
    t = years - years[0]
    theta0 = d.employment[0] / d.employment[0].sum()
    p = d.productivity
    g = np.log(p[-1] / p[0]) / (t[-1])
    g[1] = g_m
    prod = p[0] * np.exp(np.outer(t, g))
    moved = np.minimum(move * t, theta0[0] - 0.01)
    dest = np.array([0.0, 0.35, 0.65])  # split of movers between manufacturing and services
    shares = theta0 + np.outer(moved, dest) - np.outer(moved, [1.0, 0.0, 0.0])
    decades = [0, 10, 20, 30]
    results = [
        shift_share(prod[[a, b]], shares[[a, b]]) for a, b in zip(decades[:-1], decades[1:], strict=True)
    ]
    labels = [f"{years[a]}-{years[b]}" for a, b in zip(decades[:-1], decades[1:], strict=True)]
    plot_shift_share(results, labels, ax=ax)
    whole = shift_share(prod[[0, -1]], shares[[0, -1]])
    growth = 100 * np.log(whole.productivity[1] / whole.productivity[0]) / t[-1]
    sc = float(whole.structural_change[0] / whole.total[0])
    return (
        f"aggregate productivity growth 1990-2020 <b>{growth:.2f} % per year</b>; structural change "
        f"(between + interaction) <b>{100 * sc:.0f} %</b> of the total change"
    )


def make_structural_app(reallocation=1.0, manufacturing_growth=6.5):
    """Build the structural-change widget: speed of reallocation and manufacturing productivity growth.

    Returns
    -------
    FigureApp

    Examples
    --------
    >>> app = make_structural_app()
    >>> app.set(reallocation=0.5).draws
    2
    """
    from .lessons.widgets import FigureApp, slider

    data = load_toy_sectors()
    controls = {
        "reallocation": slider(
            "workers leaving agriculture (% of employment per year)", reallocation, 0.0, 1.9, 0.1, ".1f"
        ),
        "manufacturing_growth": slider(
            "manufacturing productivity growth (% per year)", manufacturing_growth, 0.0, 10.0, 0.5, ".1f"
        ),
    }

    def draw(ax, reallocation, manufacturing_growth):
        return draw_structural_change(ax, reallocation, manufacturing_growth, data=data)

    return FigureApp(draw, controls, figsize=(7.0, 4.0))
