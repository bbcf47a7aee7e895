"""Figures and widgets of the revolutions lesson (notebook 03): timeline, TFP record, diffusion, shocks.

The model -- the article's dating of the revolutions, the published TFP record,
the logistic diffusion model and the CES supply shock -- lives in
:mod:`nqp_helpers.revolutions`; this module only draws what it computes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from .._validate import as_array_in
from ..i18n import _
from ..revolutions import (
    GORDON_TFP,
    REVOLUTIONS,
    DiffusionPath,
    PublishedPeriods,
    Revolution,
    diffusion_path,
    hulten_loss,
    supply_shock_loss,
)
from .plotting import plain_log_axis
from .widgets import FigureApp, Redraw, lines_reach, slider, view_rung

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.legend import Legend
    from matplotlib.lines import Line2D
    from matplotlib.transforms import Bbox

__all__ = [
    "plot_timeline",
    "plot_periods",
    "plot_tfp_wave",
    "plot_diffusion",
    "diffusion_note",
    "diffusion_title",
    "draw_diffusion",
    "make_diffusion_app",
    "plot_supply_shock",
    "draw_supply_shock",
    "make_supply_shock_app",
]

_GREY = "#7f7f7f"
_REVOLUTION_COLORS = ("#0072B2", "#E69F00", "#009E73", "#D55E00")
_REVOLUTION_HATCH = ("", "//", "..", "xx")


def plot_timeline(
    ax: Axes | None = None, revolutions: Sequence[Revolution] = REVOLUTIONS, until: int = 2024
) -> Axes:
    """Timeline of the revolutions: when the article dates each one, and how precisely.

    A filled marker shows a start the article dates to a decade; a hatched
    band shows a start it places only within a century. The line from the
    start to ``until`` is a reminder that each technology stays in use after
    the next one arrives.

    Parameters
    ----------
    ax : matplotlib Axes, optional
    revolutions : sequence of Revolution
    until : int
        Right end of the lines (the present).

    Returns
    -------
    matplotlib Axes
    """
    import matplotlib.pyplot as plt

    if ax is None:
        _fig, ax = plt.subplots(figsize=(8.0, 3.2))
    for i, r in enumerate(revolutions):
        y = len(revolutions) - i
        color = _REVOLUTION_COLORS[i % 4]
        if r.precision == "decade":
            ax.plot([r.start + 5, until], [y, y], color=color, lw=2, linestyle="-")
            ax.plot(r.start + 5, y, "o", color=color, markersize=9, linestyle="none")
            ax.barh(y, r.end + 1 - r.start, left=r.start, height=0.35, color=color)
        else:
            ax.barh(
                y,
                min(r.end + 1, until) - r.start,
                left=r.start,
                height=0.35,
                facecolor="white",
                edgecolor=color,
                hatch=_REVOLUTION_HATCH[i % 4],
            )
        # The names pass through the catalogue (the key technology without its bracketed Chinese term)
        ax.annotate(
            _("{number}. {name}: {technology}").format(
                number=r.number, name=_(r.name), technology=_(r.key_technology).split(" (")[0]
            ),
            (r.start, y + 0.28),
            fontsize=9,
            color="black",
        )
    ax.set_ylim(0.4, len(revolutions) + 0.8)
    ax.set_yticks([])
    ax.set_xlim(1740, until + 6)
    ax.set_xlabel(_("year (as the article dates each revolution)"))
    ax.grid(axis="y", visible=False)
    return ax


def plot_periods(
    periods: PublishedPeriods | tuple[Sequence[float], Sequence[float], Sequence[float]],
    ax: Axes | None = None,
    label: str | None = None,
    color: str = "black",
    linestyle: str = "-",
    **kwargs: Any,
) -> Axes:
    """Draw average growth rates over periods as horizontal steps.

    Parameters
    ----------
    periods : PublishedPeriods or tuple (starts, ends, values)
        Periods and their average growth (% per year).
    ax : matplotlib Axes, optional
    label, color, linestyle : passed to matplotlib.

    Returns
    -------
    matplotlib Axes
    """
    import matplotlib.pyplot as plt

    starts: Sequence[float]
    ends: Sequence[float]
    values: Sequence[float]
    if isinstance(periods, PublishedPeriods):
        starts, ends, values = periods.starts, periods.ends, periods.values
    else:
        starts, ends, values = periods
    if not len(starts) == len(ends) == len(values):
        raise ValueError(_("periods must give as many starts, ends and values"))
    if ax is None:
        _fig, ax = plt.subplots()
    for i, (s, e, v) in enumerate(zip(starts, ends, values, strict=True)):
        if np.isfinite(v):
            ax.plot(
                [s, e],
                [v, v],
                color=color,
                linestyle=linestyle,
                lw=3,
                solid_capstyle="butt",
                label=label if i == 0 else None,
                **kwargs,
            )
    ax.axhline(0, color="black", lw=0.6)
    ax.set_ylabel(_("TFP growth (% per year)"))
    return ax


def plot_tfp_wave(
    path: DiffusionPath, ax: Axes | None = None, compare: PublishedPeriods | None = GORDON_TFP
) -> Axes:
    """The TFP growth a diffusing technology contributes (% per year), with its peak marked.

    Parameters
    ----------
    path : DiffusionPath
    ax : matplotlib Axes, optional
    compare : PublishedPeriods or None
        Measured TFP growth drawn in grey for scale.

    Returns
    -------
    matplotlib Axes
    """
    import matplotlib.pyplot as plt

    _check_path(path)
    if ax is None:
        _fig, ax = plt.subplots()
    if compare is not None:
        plot_periods(compare, ax=ax, label=_("measured, US (Gordon 2016)"), color=_GREY)
    ax.plot(path.years, path.tfp_growth, color="#D55E00", lw=2, linestyle="--", label=_("model contribution"))
    ax.axvline(path.peak_year, color="#D55E00", lw=0.8, linestyle=":")
    ax.set_xlabel(_("year"))
    ax.set_ylabel(_("TFP growth (% per year)"))
    ax.set_xlim(path.years[0], path.years[-1])
    ax.set_ylim(*_wave_ylim(_wave_top(path, compare)))
    ax.legend(loc="upper right", fontsize=9)
    return ax


def _check_path(path: object) -> None:
    """Refuse anything but a :class:`DiffusionPath`."""
    if not isinstance(path, DiffusionPath):
        raise ValueError(
            _("path must be a DiffusionPath (see diffusion_path); got {kind}").format(
                kind=type(path).__name__
            )
        )


def _wave_top(path: DiffusionPath, compare: PublishedPeriods | None = GORDON_TFP) -> float:
    """The highest growth rate :func:`plot_tfp_wave` must show: the model's peak or the measured record's."""
    return max(path.peak_growth, max(compare.values) if compare is not None else 0.0)


def _wave_ylim(top: float) -> tuple[float, float]:
    """The vertical range of :func:`plot_tfp_wave` for a highest growth rate ``top`` (room for the legend)."""
    return -0.05 * top, 1.45 * top


def plot_diffusion(
    path: DiffusionPath,
    axes: Sequence[Axes] | None = None,
    compare: PublishedPeriods | None = GORDON_TFP,
) -> Sequence[Axes]:
    """Adoption (left) and the TFP growth it contributes (right, :func:`plot_tfp_wave`).

    The figure's title gives the parameters (:func:`diffusion_title`), so that a saved figure stands alone.

    Parameters
    ----------
    path : DiffusionPath
    axes : pair of matplotlib Axes, optional
    compare : PublishedPeriods or None
        Measured TFP growth drawn in grey on the right for scale.

    Returns
    -------
    pair of matplotlib Axes
    """
    import matplotlib.pyplot as plt

    _check_path(path)
    if axes is None:
        _fig, axes = plt.subplots(1, 2, figsize=(10.0, 3.8))
    left, right = axes
    left.plot(path.years, 100 * path.adoption, color="#0072B2", lw=2, label=_("adoption"))
    left.plot(
        path.years,
        100 * path.tfp_gain / path.gain,
        color="#D55E00",
        lw=2,
        linestyle="--",
        label=_("productivity effect (share of full gain)"),
    )
    left.set_ylim(-3, 103)
    left.set_xlabel(_("year"))
    left.set_ylabel(_("share (%)"))
    left.legend(loc="upper left", fontsize=9)
    plot_tfp_wave(path, ax=right, compare=compare)
    left.figure.suptitle(diffusion_title(path), fontsize=9)
    return axes


def diffusion_note(path: DiffusionPath) -> str:
    """One sentence with the half-adoption year and the peak of a :class:`DiffusionPath`.

    Years are counted from the first year of adoption (``path.adoption_start``), not from the
    invention, which comes earlier.
    """
    _check_path(path)
    return _(
        "Half of users have adopted by {half:.0f}; the technology's contribution to TFP "
        "growth peaks in {peak:.0f}, {after:.0f} years after "
        "adoption started in {start:.0f}, at {growth:.2f} % per year."
    ).format(
        half=path.half_adoption_year,
        peak=path.peak_year,
        after=path.peak_year - path.adoption_start,
        start=path.adoption_start,
        growth=path.peak_growth,
    )


def diffusion_title(path: DiffusionPath) -> str:
    """The parameters of a :class:`DiffusionPath` in one line, for the title of a saved figure."""
    return _(
        "Logistic diffusion from {start:.0f}: v = {speed:.2f} per year, "
        "ℓ = {lag:.0f} years, G = {gain:.2f} log points, S₀ = {share:.0f} %"
    ).format(
        start=path.adoption_start,
        speed=path.speed,
        lag=path.lag,
        gain=path.gain,
        share=100 * path.initial_share,
    )


def draw_diffusion(
    ax: Axes,
    speed: float,
    lag: float,
    gain: float,
    adoption_start: float = 1882,
    first: int = 1870,
    last: int = 2030,
) -> str:
    """Widget callback: draw :func:`plot_tfp_wave`, title it with the parameters (so that a saved
    figure stands alone) and return :func:`diffusion_note`."""
    path = diffusion_path(np.arange(first, last + 1), adoption_start, speed=speed, gain=gain, lag=lag)
    plot_tfp_wave(path, ax)
    # y = 1.0 fixes the title where matplotlib would put it: placed automatically, it is moved when the
    # widget hides it to keep the rest of the picture, and could not be redrawn alone.
    ax.set_title(diffusion_title(path), fontsize=9, y=1.0)
    return diffusion_note(path)


class _DiffusionFigure:
    """The diffusion widget's picture: drawn by :func:`draw_diffusion`, then the model's wave, its peak
    line, the title and the note moved in place.

    The vertical range is that of :func:`plot_tfp_wave`, with the highest growth rate rounded up to a rung
    of :func:`~nqp_helpers.lessons.widgets.view_rung` anchored at the starting values. On the starting rung
    the picture is the one :func:`draw_diffusion` draws (from the notebook's starting values: as long as
    the model's peak stays under the measured record's 1.89 % per year); a higher peak changes the axes
    only when it crosses a rung.
    """

    def __init__(self, speed: float, lag: float, gain: float) -> None:
        self.start = _wave_top(self._path(speed, lag, gain))
        self.top = float("nan")
        self.model: Line2D | None = None
        self.peak: Line2D | None = None
        self.still: list[Artist] = []
        self.legend: Legend | None = None
        self.legend_box: Bbox | None = None

    @staticmethod
    def _path(speed: float, lag: float, gain: float) -> DiffusionPath:
        return diffusion_path(np.arange(1870, 2031), 1882, speed=speed, gain=gain, lag=lag)

    def draw(self, ax: Axes, speed: float, lag: float, gain: float) -> str:
        note = draw_diffusion(ax, speed, lag, gain)
        self.top = view_rung(_wave_top(self._path(speed, lag, gain)), self.start, up=True)
        ax.set_ylim(*_wave_ylim(self.top))
        lines = ax.get_lines()
        self.model = next(ln for ln in lines if ln.get_label() == _("model contribution"))
        self.peak = lines[-1]
        # Drawn again over the moved lines, as in a full draw: the left axis line (the wave starts on it)
        # and the title; the legend too, when the wave or the peak line reaches it (see update).
        self.still = [ax.spines["left"], ax.title]
        self.legend, self.legend_box = ax.get_legend(), None
        return note

    def update(self, ax: Axes, speed: float, lag: float, gain: float) -> tuple[str, list[Artist]]:
        path = self._path(speed, lag, gain)
        if self.model is None or self.peak is None or self.legend is None:
            raise Redraw
        top = view_rung(_wave_top(path), self.start, up=True)
        if top != self.top:  # the wave crosses a rung: a new vertical scale, nothing else drawn anew
            self.top = top
            ax.set_ylim(*_wave_ylim(top))
        self.model.set_ydata(path.tfp_growth)
        self.peak.set_xdata([path.peak_year, path.peak_year])
        ax.title.set_text(diffusion_title(path))
        if self.legend_box is None:  # the legend does not move: its box is measured once per full draw
            self.legend_box = self.legend.get_window_extent()
        moved = [self.model, self.peak]
        reached = lines_reach(self.legend_box, moved, ax.figure.dpi)
        return diffusion_note(path), [*moved, *self.still, *([self.legend] if reached else [])]


def make_diffusion_app(speed: float = 0.1, lag: float = 10.0, gain: float = 0.5) -> FigureApp:
    """Widget: how the speed of adoption and the lag move the productivity wave.

    One panel (the right panel of :func:`plot_diffusion`) keeps each update fast: a slider move redraws
    only the wave, its peak line, the title and the legend over the kept rest of the picture.

    Returns
    -------
    nqp_helpers.lessons.widgets.FigureApp
        Controls ``speed`` (per year), ``lag`` (years) and ``gain`` (log points).
    """
    controls = {
        "speed": slider(_("speed of adoption v (per year)"), speed, 0.04, 0.4, 0.01, name="speed"),
        "lag": slider(
            _("lag from adoption to productivity ℓ (years)"),
            lag,
            0.0,
            30.0,
            1.0,
            readout_format=".0f",
            name="lag",
        ),
        "gain": slider(_("total TFP gain G (log points)"), gain, 0.1, 1.0, 0.05, name="gain"),
    }
    figure = _DiffusionFigure(controls["speed"].value, controls["lag"].value, controls["gain"].value)
    return FigureApp(figure.draw, controls, figsize=(7.0, 4.0), margins={"top": 0.9}, update=figure.update)


def plot_supply_shock(
    cut: float,
    capacity: float,
    import_share: float,
    sigma: float | None = None,
    ax: Axes | None = None,
    sigmas: npt.ArrayLike | None = None,
) -> Axes:
    """Output loss against the elasticity of substitution, with and without domestic capacity.

    Parameters
    ----------
    cut, capacity, import_share : float
        As in :func:`~nqp_helpers.revolutions.supply_shock_loss`.
    sigma : float, optional
        Elasticity to mark with a point.
    ax : matplotlib Axes, optional
    sigmas : array_like, optional
        Grid of elasticities (default 0.05 to 5, log-spaced).

    Returns
    -------
    matplotlib Axes
    """
    import matplotlib.pyplot as plt

    if ax is None:
        _fig, ax = plt.subplots()
    grid = (
        np.geomspace(0.05, 5.0, 120)
        if sigmas is None
        else as_array_in("sigmas", sigmas, 0, None, low_open=True)
    )
    ax.plot(
        grid,
        supply_shock_loss(cut, grid, import_share, 0.0),
        color="#0072B2",
        lw=2,
        label=_("no domestic capacity"),
    )
    if capacity > 0:
        ax.plot(
            grid,
            supply_shock_loss(cut, grid, import_share, capacity),
            color="#009E73",
            lw=2,
            linestyle="--",
            label=_capacity_label(capacity),
        )
    ax.axhline(
        float(hulten_loss(cut, import_share, 0.0)),
        color=_GREY,
        lw=1.5,
        linestyle=":",
        label=_("first-order (Hulten) loss, no capacity (the σ = 1 loss)"),
    )
    if sigma is not None:
        ax.plot(
            sigma,
            supply_shock_loss(cut, sigma, import_share, capacity),
            "D",
            color="black",
            markersize=7,
            label=_sigma_label(sigma),
        )
    plain_log_axis(ax.xaxis)
    ax.set_xlabel(_("elasticity of substitution σ (log scale)"))
    ax.set_ylabel(_("output lost (% of pre-shock output)"))
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper right", fontsize=9)
    return ax


def draw_supply_shock(ax: Axes, cut: float, capacity: float, import_share: float, sigma: float) -> str:
    """Widget callback: draw :func:`plot_supply_shock`, title it with the parameters (so that a saved
    figure stands alone) and return the loss in words."""
    plot_supply_shock(cut, capacity, import_share, sigma=sigma, ax=ax)
    # y = 1.0 fixes the title where matplotlib would put it: placed automatically, it is moved when the
    # widget hides it to keep the rest of the picture, and could not be redrawn alone.
    ax.set_title(_supply_shock_title(cut, capacity, import_share, sigma), fontsize=9, y=1.0)
    return _supply_shock_note(cut, capacity, import_share, sigma)


def _capacity_label(capacity: float) -> str:
    return _("domestic capacity {capacity:.0f} % of imports").format(capacity=100 * capacity)


def _sigma_label(sigma: float) -> str:
    return f"σ = {sigma:.2f}"


def _supply_shock_title(cut: float, capacity: float, import_share: float, sigma: float) -> str:
    return _(
        "CES model: {cut:.0f} % of imports cut, domestic capacity {capacity:.0f} %, "
        "cost share ω = {share:.2f}, σ = {sigma:.2f}"
    ).format(cut=100 * cut, capacity=100 * capacity, share=import_share, sigma=sigma)


def _supply_shock_note(cut: float, capacity: float, import_share: float, sigma: float) -> str:
    loss = supply_shock_loss(cut, sigma, import_share, capacity)
    first = hulten_loss(cut, import_share, capacity)
    return _(
        "With σ = {sigma:.2f}, cutting {cut:.0f} % of an input with a {share:.0f} % "
        "cost share, and domestic capacity of {capacity:.0f} %, output falls by {loss:.1f} % "
        "(first-order estimate: {first:.1f} %)."
    ).format(
        sigma=sigma, cut=100 * cut, share=100 * import_share, capacity=100 * capacity, loss=loss, first=first
    )


def make_supply_shock_app(
    cut: float = 0.5, capacity: float = 0.0, import_share: float = 0.1, sigma: float = 0.3
) -> FigureApp:
    """Widget: output lost when a critical imported input is cut.

    Returns
    -------
    nqp_helpers.lessons.widgets.FigureApp
        Controls ``cut``, ``capacity``, ``import_share`` and ``sigma``.
    """
    controls = {
        "cut": slider(_("share of imports cut off"), cut, 0.0, 1.0, 0.05, name="cut"),
        "capacity": slider(
            _("domestic capacity (share of pre-shock imports)"), capacity, 0.0, 1.0, 0.05, name="capacity"
        ),
        "import_share": slider(
            _("cost share of the imported input ω"), import_share, 0.02, 0.5, 0.01, name="import_share"
        ),
        "sigma": slider(_("elasticity of substitution σ"), sigma, 0.05, 5.0, 0.05, name="sigma"),
    }
    figure = _SupplyShockFigure(
        controls["cut"].value,
        controls["capacity"].value,
        controls["import_share"].value,
        controls["sigma"].value,
    )
    return FigureApp(figure.draw, controls, figsize=(7.0, 4.0), margins={"top": 0.9}, update=figure.update)


#: The supply-shock widget keeps its vertical range while the curves reach at least this fraction of it.
_SHRINK = 0.4
#: When the curves outgrow the range, the new one is the rung above this factor times their maximum.
_GROW = 1.5


class _SupplyShockFigure:
    """The supply-shock widget's picture: drawn by :func:`draw_supply_shock`, then its curves, marker,
    legend entries, title and note moved in place.

    The vertical range is matplotlib's autoscaling (from 0) of the curves' range rounded out to the rungs
    of :func:`~nqp_helpers.lessons.widgets.view_rung`, anchored at the starting values (where it is the
    range :func:`draw_supply_shock` gives). The top rung stays while the curves fit under it and reach
    at least :data:`_SHRINK` of it; curves outgrowing it get the rung above :data:`_GROW` times their
    maximum (room to grow on: the loss rises fast with the cut), curves shrinking far the rung just above
    their maximum. A move that changes the range sets it in place (the app renders the picture again;
    nothing is drawn anew). Turning domestic capacity on or off adds or removes a curve and a legend
    entry, and draws everything again.

    The legend (no frame: its handles and words) is drawn over the curves in a full draw. A move draws
    again the entries whose words changed (σ, the capacity), and the whole entry (handle and words) of
    every row of the legend that a curve, the first-order line or the marker now crosses.
    """

    sigmas = np.geomspace(0.05, 5.0, 120)  # the default grid of plot_supply_shock

    def __init__(self, cut: float, capacity: float, import_share: float, sigma: float) -> None:
        self.start = _span(self._curves(cut, capacity, import_share, sigma))
        self.view: tuple[float, float] | None = None
        self.lines: list[Line2D] = []
        self.legend: Legend | None = None
        self.rows: list[Bbox] | None = None  # the legend's rows in display pixels, once it has been drawn
        self.placed = False  # whether the picture has been rendered since the last full draw
        self.box: Bbox | None = None  # the legend's box in display pixels (it does not move)

    @classmethod
    def _curves(cls, cut: float, capacity: float, import_share: float, sigma: float) -> list[np.ndarray]:
        """The y data of the lines :func:`plot_supply_shock` draws, in its order."""
        grid = cls.sigmas
        curves = [np.asarray(supply_shock_loss(cut, grid, import_share, 0.0))]
        if capacity > 0:
            curves.append(np.asarray(supply_shock_loss(cut, grid, import_share, capacity)))
        first = float(hulten_loss(cut, import_share, 0.0))
        curves.append(np.array([first, first]))
        curves.append(np.atleast_1d(supply_shock_loss(cut, sigma, import_share, capacity)))
        return curves

    def _view(self, curves: list[np.ndarray]) -> tuple[float, float]:
        """The curves' range rounded out: the maximum up to the rung shown (see the class), the minimum,
        which moves the top of the view only through matplotlib's 5 % margin, down to its starting value
        or to 0, so that it changes the view at most once on the way down and never on the way up."""
        low, high = _span(curves)
        base = self.start[0]
        top = self.view[1] if self.view is not None else None
        if top is None or high < _SHRINK * top:  # the first view, or curves shrunk far below the shown one
            top = view_rung(high, self.start[1], up=True)
        elif high > top:  # curves outgrowing the view: room to grow on
            top = view_rung(_GROW * high, self.start[1], up=True)
        return (base if 0 < base <= low else min(low, 0.0)), top

    def _scale(self, ax: Axes) -> None:
        """Scale the vertical axis as a full draw does: the rounded-out range joins the data limits (which
        hold the lines' data), and the axis is scaled again from 0."""
        assert self.view is not None
        ax.update_datalim([(1.0, self.view[0]), (1.0, self.view[1])], updatex=False)
        ax.set_autoscaley_on(True)
        ax.autoscale_view(scalex=False)
        ax.set_ylim(bottom=0)

    def draw(self, ax: Axes, cut: float, capacity: float, import_share: float, sigma: float) -> str:
        note = draw_supply_shock(ax, cut, capacity, import_share, sigma)
        self.lines = list(ax.get_lines())
        self.legend = ax.get_legend()
        self.rows, self.placed, self.box = None, False, None
        self.view = self._view([np.asarray(ln.get_ydata(), dtype=float) for ln in self.lines])
        self._scale(ax)
        return note

    def update(
        self, ax: Axes, cut: float, capacity: float, import_share: float, sigma: float
    ) -> tuple[str, list[Artist]]:
        curves = self._curves(cut, capacity, import_share, sigma)
        if self.legend is None or len(curves) != len(self.lines):
            raise Redraw
        for line, y in zip(self.lines[:-1], curves[:-1], strict=True):
            line.set_ydata(y)
        marker = self.lines[-1]
        marker.set_data([sigma], curves[-1])
        view = self._view(curves)
        if view != self.view:  # a new range: the data limits a full draw has (the lines' and the range's)
            self.view = view
            low, high = _span(curves)
            ax.dataLim.intervaly = (min(low, view[0]), max(high, view[1]))
            self._scale(ax)
        # Legend entries follow the lines' order: no capacity, [capacity], first-order loss, σ.
        texts = self.legend.get_texts()
        labelled = []  # the entries whose words change
        for i in ([1] if capacity > 0 else []) + [len(self.lines) - 1]:
            label = _sigma_label(sigma) if i == len(self.lines) - 1 else _capacity_label(capacity)
            if texts[i].get_text() != label:
                self.lines[i].set_label(label)
                texts[i].set_text(label)
                labelled.append(i)
        ax.title.set_text(_supply_shock_title(cut, capacity, import_share, sigma))
        note = _supply_shock_note(cut, capacity, import_share, sigma)
        # Drawn again over the curves, as in a full draw: the axis lines (the first-order line ends on the
        # left one, a curve at zero lies on the bottom one), the title, and the legend entries whose words
        # changed or that a line crosses (the longest entry, which sets the legend's width and place,
        # never changes: the rows stay where they are).
        legend = self._entries(labelled, ax.figure.dpi)
        self.placed = True  # the app renders the picture after every update
        return note, [*self.lines, ax.spines["left"], ax.spines["bottom"], ax.title, *legend]

    def _entries(self, labelled: list[int], dpi: float) -> list[Artist]:
        """What of the legend to draw over the moved lines: the words of the ``labelled`` entries, and the
        handle and words of every entry whose row a line reaches (in the legend's order, as it draws).

        The rows are measured once the legend has been drawn (matplotlib places its entries then); before
        that (the update that follows a full draw), the whole legend is drawn again if a line reaches it.
        """
        assert self.legend is not None
        texts, handles = self.legend.get_texts(), self.legend.legend_handles
        if self.box is None:
            self.box = self.legend.get_window_extent()
        if self.rows is None and not lines_reach(self.box, self.lines, dpi):
            return [texts[i] for i in labelled]  # no line reaches the legend: its place is enough
        if self.rows is None:
            if not self.placed:
                return [self.legend]
            self.rows = [self._row(text, handle) for text, handle in zip(texts, handles, strict=True)]
        entries: list[Artist] = []
        for i, (text, handle, row) in enumerate(zip(texts, handles, self.rows, strict=True)):
            if handle is not None and lines_reach(row, self.lines, dpi):
                entries += [handle, text]
            elif i in labelled:
                entries.append(text)
        return entries

    def _row(self, text: Artist, handle: Artist | None) -> Bbox:
        """The row of one legend entry, in display pixels: from the legend's left to its right edge, as
        high as its words and handle."""
        from matplotlib.transforms import Bbox

        assert self.box is not None
        box = self.box
        parts = [text.get_window_extent()] + ([handle.get_window_extent()] if handle is not None else [])
        height = Bbox.union(parts)
        return Bbox.from_extents(box.x0, height.y0, box.x1, height.y1)


def _span(curves: list[np.ndarray]) -> tuple[float, float]:
    every = np.concatenate([np.ravel(c) for c in curves])
    return float(every.min()), float(every.max())
