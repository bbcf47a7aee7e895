"""Figures and the widget of the Solow lesson (notebook 03): investment, labour and innovation pushes.

The model -- the steady state, the simulation, the push scenarios and their
comparison -- lives in :mod:`nqp_helpers.solow`; this module only draws what it
computes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import numpy.typing as npt

from .._validate import as_numeric
from ..i18n import _
from ..solow import ProfitRateAccounts, SolowPath, as_scenarios, compare_scenarios, push_scenarios
from .plotting import plain_log_axis
from .widgets import LOG_VIEW_STEP, FigureApp, KeptPixels, Redraw, lines_reach, slider, view_rung

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.legend import Legend
    from matplotlib.lines import Line2D
    from matplotlib.transforms import Bbox

__all__ = [
    "SCENARIO_STYLE",
    "plot_output_per_worker",
    "plot_output_per_worker_growth",
    "push_note",
    "push_title",
    "draw_push",
    "make_push_app",
    "plot_profit_rate",
]

#: Line style of each scenario: readable in colour and in grey.
SCENARIO_STYLE: dict[str, dict[str, Any]] = {
    "baseline": {"color": "#000000", "linestyle": "-"},
    "investment push": {"color": "#0072B2", "linestyle": "--"},
    "labour push": {"color": "#E69F00", "linestyle": "-."},
    "innovation push": {"color": "#D55E00", "linestyle": ":"},
}


def plot_output_per_worker(
    paths: dict[str, SolowPath], ax: Axes | None = None, push_year: int | None = None, legend: bool = True
) -> Axes:
    """Output per worker of each scenario on a log scale, each relative to its first year.

    Parameters
    ----------
    paths : dict
        Name -> single-scenario :class:`~nqp_helpers.solow.SolowPath` (as from
        :func:`~nqp_helpers.solow.push_scenarios`).
    ax : matplotlib Axes, optional
        Axes to draw on; a new figure if None.
    push_year : int, optional
        Mark this year with a thin vertical line.
    legend : bool
        Draw a legend.

    Returns
    -------
    matplotlib Axes
    """
    import matplotlib.pyplot as plt

    paths = as_scenarios(paths)
    if ax is None:
        _fig, ax = plt.subplots()
    for name, p in paths.items():
        y = p.output_per_worker
        # The line's gid keeps the scenario's name, its label the name the reader sees.
        ax.plot(p.years, y / y[0], label=_(name), gid=name, lw=2, **SCENARIO_STYLE.get(name, {}))
    plain_log_axis(ax.yaxis)
    if push_year is not None:
        ax.axvline(push_year, color="grey", lw=0.8)
    ax.set_xlabel(_("year of the simulation"))
    ax.set_ylabel(_("output per worker (first year = 1, log scale)"))
    if legend:
        ax.legend(loc="upper left")
    return ax


def plot_output_per_worker_growth(
    paths: dict[str, SolowPath], ax: Axes | None = None, push_year: int | None = None, legend: bool = False
) -> Axes:
    """Annual growth of output per worker (% per year) of each scenario.

    Parameters and return value as in :func:`plot_output_per_worker`.
    """
    import matplotlib.pyplot as plt

    paths = as_scenarios(paths)
    if ax is None:
        _fig, ax = plt.subplots()
    for name, p in paths.items():
        ax.plot(
            p.years[1:],
            p.output_per_worker_growth,
            label=_(name),
            gid=name,
            lw=2,
            **SCENARIO_STYLE.get(name, {}),
        )
    if push_year is not None:
        ax.axvline(push_year, color="grey", lw=0.8)
    ax.set_xlabel(_("year of the simulation"))
    ax.set_ylabel(_("growth of output per worker (% per year)"))
    if legend:
        ax.legend(loc="upper right")
    return ax


def push_note(paths: dict[str, SolowPath]) -> str:
    """One sentence: growth of output per worker in the last 10 years, and its level, in each scenario.

    Parameters
    ----------
    paths : dict
        As returned by :func:`~nqp_helpers.solow.push_scenarios` (must contain ``"baseline"``).

    Returns
    -------
    str
        The numbers of :func:`~nqp_helpers.solow.compare_scenarios`, in words.
    """
    ends = compare_scenarios(paths, last_years=10)
    parts = [
        _("{name}: {growth:.2f} % per year at the end, level {level:.2f} x baseline").format(
            name=_(name), growth=end.growth, level=end.relative_level
        )
        for name, end in ends.items()
        if name != "baseline"
    ]
    # TRANSLATORS: the separator between the scenarios listed in one sentence.
    separator = _("; ")
    return _("In the last 10 years, {scenarios} (baseline: {growth:.2f} % per year).").format(
        scenarios=separator.join(parts), growth=ends["baseline"].growth
    )


def draw_push(
    ax: Axes,
    saving_push: float,
    labor_push: float,
    technology_push: float,
    capital_share: float,
    years: int = 120,
    push_year: int = 20,
) -> str:
    """Widget callback: output per worker in the four scenarios, and :func:`push_note`.

    Parameters
    ----------
    ax : matplotlib Axes
        Output per worker (first year = 1, log scale) is drawn here.
    saving_push, labor_push, technology_push, capital_share : float
        As in :func:`~nqp_helpers.solow.push_scenarios` (baseline s = 0.2, n = 0.01,
        g = 0.01, delta = 0.05).
    years, push_year : int
        Length of the simulation and year of the push.

    Returns
    -------
    str
        Long-run growth of output per worker in each scenario and its level
        at the end relative to the baseline.
    """
    paths = _push_paths(saving_push, labor_push, technology_push, capital_share, years, push_year)
    plot_output_per_worker(paths, ax=ax, push_year=push_year)
    # y = 1.0 fixes the title where matplotlib would put it: placed automatically, it is moved when the
    # widget hides it to keep the rest of the picture, and could not be redrawn alone.
    ax.set_title(push_title(saving_push, labor_push, technology_push, capital_share), fontsize=9, y=1.0)
    return push_note(paths)


def _push_paths(
    saving_push: float,
    labor_push: float,
    technology_push: float,
    capital_share: float,
    years: int = 120,
    push_year: int = 20,
) -> dict[str, SolowPath]:
    """The four scenarios the push widget draws (baseline of :func:`~nqp_helpers.solow.push_scenarios`)."""
    return push_scenarios(
        years=years,
        push_year=push_year,
        saving_push=saving_push,
        labor_push=labor_push,
        technology_push=technology_push,
        capital_share=capital_share,
    )


def _relative_levels(paths: dict[str, SolowPath]) -> dict[str, np.ndarray]:
    """Output per worker of each scenario relative to its first year, as :func:`plot_output_per_worker`
    draws it."""
    return {name: p.output_per_worker / p.output_per_worker[0] for name, p in paths.items()}


def _level_range(levels: dict[str, np.ndarray]) -> tuple[float, float]:
    every = np.concatenate(list(levels.values()))
    return float(every.min()), float(every.max())


class _PushFigure:
    """The push widget's picture: drawn by :func:`draw_push`, then its lines, title and note moved in place.

    The vertical extent is the range of the four paths rounded out to the rungs of :func:`view_rung`
    (anchored at the starting values), so most slider moves keep the axes and only move the lines; a
    move across a rung sets the new extent in place (a rescale).
    """

    def __init__(
        self, saving_push: float, labor_push: float, technology_push: float, capital_share: float
    ) -> None:
        start = _push_paths(saving_push, labor_push, technology_push, capital_share)
        self.start = _level_range(_relative_levels(start))
        self.view: tuple[float, float] | None = None
        self.lines: list[Line2D] = []
        self.still: list[Artist] = []

    def _view(self, levels: dict[str, np.ndarray]) -> tuple[float, float]:
        low, high = _level_range(levels)
        return (
            view_rung(low, self.start[0], up=False, step=LOG_VIEW_STEP),
            view_rung(high, self.start[1], up=True, step=LOG_VIEW_STEP),
        )

    def draw(
        self, ax: Axes, saving_push: float, labor_push: float, technology_push: float, capital_share: float
    ) -> str:
        note = draw_push(ax, saving_push, labor_push, technology_push, capital_share)
        self.lines = [ln for ln in ax.get_lines() if ln.get_gid() in SCENARIO_STYLE]
        self.view = self._view({str(ln.get_gid()): np.asarray(ln.get_ydata()) for ln in self.lines})
        # The rounded-out range joins the data limits; matplotlib's autoscaling (log scale, margins) does
        # the rest, as for the data alone.
        ax.update_datalim([(0.0, self.view[0]), (0.0, self.view[1])], updatex=False)
        ax.autoscale_view(scalex=False)
        # Drawn again over the moved lines, as in a full draw: the push-year line (which they all cross),
        # the title and the legend (the push-year line crosses it).
        self.still = [ax.get_lines()[-1], ax.title]
        legend = ax.get_legend()
        self.legend: tuple[Legend, KeptPixels] | None = None
        self.legend_box: Bbox | None = None
        if legend is not None:
            # The legend's pixels are put back while no path passes under it (the push-year line, which
            # crosses it, does not move).
            self.legend = (legend, KeptPixels(legend))
            self.still.append(cast("Artist", self.legend[1]))
        return note

    def update(
        self, ax: Axes, saving_push: float, labor_push: float, technology_push: float, capital_share: float
    ) -> tuple[str, list[Artist]]:
        paths = _push_paths(saving_push, labor_push, technology_push, capital_share)
        levels = _relative_levels(paths)
        if not self.still:
            raise Redraw
        view = self._view(levels)
        if view != self.view:
            # The paths cross a rung: the new rounded-out range becomes the vertical data limits (it holds
            # every path, so a full draw's data limits are the same), and autoscaling adds the margins.
            self.view = view
            ax.dataLim.intervaly = view
            ax.autoscale_view(scalex=False)
            if self.legend is not None:
                self.legend[1].forget()  # the grid under the legend has moved
        for line in self.lines:
            line.set_ydata(levels[str(line.get_gid())])
        if self.legend is not None:
            legend, kept = self.legend
            if self.legend_box is None:  # the legend does not move: its box is measured once a draw
                self.legend_box = legend.get_window_extent()
            kept.free = not lines_reach(self.legend_box, self.lines, ax.figure.dpi)
        ax.title.set_text(push_title(saving_push, labor_push, technology_push, capital_share))
        return push_note(paths), [*self.lines, *self.still]


def push_title(saving_push: float, labor_push: float, technology_push: float, capital_share: float) -> str:
    """The parameters of the push scenarios in one line, for the title of a saved figure.

    The baseline is that of :func:`~nqp_helpers.solow.push_scenarios`: s = 0.2, n = 0.01, g = 0.01,
    δ = 0.05.
    """
    return _(
        "Solow model, baseline s = 0.20, n = 0.010, g = 0.010, δ = 0.05, α = {alpha:.2f}\n"
        "pushes from year 20: Δs = {ds:.2f}, Δn = {dn:.3f}, Δg = {dg:.3f}"
    ).format(alpha=capital_share, ds=saving_push, dn=labor_push, dg=technology_push)


def make_push_app(
    saving_push: float = 0.1,
    labor_push: float = 0.01,
    technology_push: float = 0.01,
    capital_share: float = 1 / 3,
) -> FigureApp:
    """Widget: investment push vs labour push vs innovation push, with sliders.

    A slider move redraws only the four paths, the title and the legend over the kept rest of the picture;
    the axes change only when the paths cross a step of the view (:func:`view_rung`).

    Parameters
    ----------
    saving_push, labor_push, technology_push, capital_share : float
        Starting values of the sliders (see :func:`~nqp_helpers.solow.push_scenarios`).

    Returns
    -------
    nqp_helpers.lessons.widgets.FigureApp
        Controls ``saving_push``, ``labor_push``, ``technology_push``, ``capital_share``.
    """
    controls = {
        "saving_push": slider(
            _("rise in the saving rate Δs (share of output)"), saving_push, 0.0, 0.3, 0.01, name="saving_push"
        ),
        "labor_push": slider(
            _("rise in labour-force growth Δn (per year)"),
            labor_push,
            0.0,
            0.02,
            0.001,
            readout_format=".3f",
            name="labor_push",
        ),
        "technology_push": slider(
            _("rise in technology growth Δg (per year)"),
            technology_push,
            0.0,
            0.02,
            0.001,
            readout_format=".3f",
            name="technology_push",
        ),
        "capital_share": slider(_("capital share α"), capital_share, 0.2, 0.6, 0.01, name="capital_share"),
    }
    figure = _PushFigure(
        saving_push=controls["saving_push"].value,
        labor_push=controls["labor_push"].value,
        technology_push=controls["technology_push"].value,
        capital_share=controls["capital_share"].value,
    )
    return FigureApp(figure.draw, controls, figsize=(7.0, 4.0), margins={"top": 0.86}, update=figure.update)


def plot_profit_rate(
    years: npt.ArrayLike,
    accounts: ProfitRateAccounts,
    axes: Sequence[Axes] | None = None,
    shade: tuple[float, float] | None = None,
    source: str | None = None,
) -> Sequence[Axes]:
    """Two readings of the same data: Marx's rate of profit and its ratios, next to the gross return.

    Left: the rate of profit :math:`r = s/(c+v)` and the gross return :math:`s/c = (1-\\lambda)Y/K`
    (% per year). Right: the organic composition :math:`c/v` and the rate of surplus value
    :math:`s/v` (ratios).

    Parameters
    ----------
    years : array_like, shape (T,)
    accounts : ProfitRateAccounts
        From :func:`~nqp_helpers.solow.profit_rate_accounts`, each series of shape (T,).
    axes : pair of matplotlib Axes, optional
    shade : (first, last), optional
        Years to shade (for example those in which the labour share is a single carried-back value).
    source : str, optional
        Written small under the right panel, so that a saved figure names its data.

    Returns
    -------
    pair of matplotlib Axes

    Raises
    ------
    ValueError
        If ``accounts`` is not a ProfitRateAccounts or its length differs from ``years``.
    """
    import matplotlib.pyplot as plt

    if not isinstance(accounts, ProfitRateAccounts):
        raise ValueError(
            _("accounts must be a ProfitRateAccounts (see profit_rate_accounts); got {kind}").format(
                kind=type(accounts).__name__
            )
        )
    yrs = as_numeric("years", years)
    if yrs.ndim != 1 or yrs.shape != np.shape(accounts.profit_rate):
        raise ValueError(
            _("years must be 1-D with one year per value ({expected}); got {shape}").format(
                expected=np.shape(accounts.profit_rate), shape=yrs.shape
            )
        )
    if axes is None:
        _fig, axes = plt.subplots(1, 2, figsize=(10.0, 3.8))
    left, right = axes
    left.plot(
        yrs, 100 * accounts.gross_return, color="#0072B2", label=_("gross return s/c = (1 − labsh) Y/K")
    )
    left.plot(
        yrs, 100 * accounts.profit_rate, color="#D55E00", linestyle="--", label=_("rate of profit s/(c + v)")
    )
    left.set_ylabel(_("% per year"))
    left.set_ylim(bottom=0)
    left.legend(loc="lower left", fontsize=9)
    right.plot(yrs, accounts.organic_composition, color="#009E73", label=_("organic composition c/v"))
    right.plot(
        yrs,
        accounts.rate_of_surplus_value,
        color="#CC79A7",
        linestyle="-.",
        label=_("rate of surplus value s/v"),
    )
    right.set_ylabel(_("ratio"))
    right.set_ylim(bottom=0)
    right.legend(loc="upper left", fontsize=9)
    for ax in axes:
        ax.set_xlabel(_("year"))
        if shade is not None:
            ax.axvspan(shade[0], shade[1], color="grey", alpha=0.12, lw=0)
    if source:
        right.text(1.0, -0.2, source, transform=right.transAxes, ha="right", va="top", fontsize=7)
    return axes
