"""Figures and widgets of notebook 02: the residual, real data, Bosworth and Collins.

Everything these figures show is computed in :mod:`nqp_helpers.accounting`
(the residual and its sensitivity, a country's accounts, the accounts by
period, the published comparison); this module only draws it. The
build-your-own-economy widget is the shared
:func:`nqp_helpers.lessons.growth.make_economy_app`.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import numpy.typing as npt

from .._validate import as_scalar
from ..accounting import (
    Comparison,
    LabourCompensation,
    average_growth_rates,
    compare_with_bosworth_collins,
    decompose_country,
    part_values,
    residual_sensitivity,
)
from ..data import list_countries, load_country, toy_economy, toy_parameters
from ..growth import GrowthSummary, share_of_growth, share_percent
from ..i18n import N_, _
from .plotting import COMPONENT_STYLE, PALETTE, no_negative_zero, plain_log_axis, stacked_bars
from .widgets import FigureApp, KeptPixels, Redraw, active_when, int_slider, over_bars, slider

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle
    from matplotlib.text import Text
    from matplotlib.ticker import Locator

__all__ = [
    "plain_text",
    "plot_residual_sensitivity",
    "plot_index_paths",
    "plot_recovered_tfp",
    "plot_labour_compensation",
    "MIXED_STYLE",
    "plot_period_lines",
    "plot_comparison",
    "plot_mixed_contributions",
    "draw_residual",
    "draw_country",
    "draw_bosworth_collins",
    "make_residual_app",
    "make_country_app",
    "make_bosworth_collins_app",
]


# Labels that notebook 02 passes to the figures of this module, which show them through the catalogue
# (``_(label)``); marked here because the notebooks' code cells are the same in both editions.
_NOTEBOOK_LABELS = (
    N_("extensive"),
    N_("intensive"),
    N_("TFP index, 1990 = 1 (log scale)"),
    N_("index, 1978 = 1 (log scale)"),
    N_("output per hour"),
)


def plain_text(note: str) -> str:
    """Strip the HTML tags from a widget note, for printing.

    Examples
    --------
    >>> plain_text("TFP <b>2.00 % per year</b>")
    'TFP 2.00 % per year'
    """
    return html.unescape(re.sub(r"<[^>]+>", "", str(note)))


def _locator(n: int) -> Locator:
    """A tick locator with at most n ticks (few ticks keep widget redraws fast)."""
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(n, steps=[1, 2, 5, 10])


def _new_ax(ax: Axes | None) -> Axes:
    if ax is None:
        import matplotlib.pyplot as plt

        _fig, ax = plt.subplots()
    return ax


# --------------------------------------------------------------------------- #
# Figures
# --------------------------------------------------------------------------- #
def plot_residual_sensitivity(
    rates: Mapping[str, float],
    capital_share: float,
    output_error: float = 0.0,
    capital_error: float = 0.0,
    labor_error: float = 0.0,
    true_tfp: float | None = None,
    reference_share: float | None = None,
    ax: Axes | None = None,
    share_range: tuple[float, float] = (0.1, 0.8),
    reference_label: str = N_("true capital share"),
) -> Axes:
    """Measured TFP growth against the assumed capital share, with and without measurement errors.

    Parameters
    ----------
    rates : dict
        True growth rates (% per year), as in
        :func:`nqp_helpers.accounting.residual_sensitivity`.
    capital_share : float
        The assumed share, marked with a dot.
    output_error, capital_error, labor_error : float
        Measurement errors, percentage points per year.
    true_tfp : float, optional
        True TFP growth (known for a toy economy), drawn as a dotted line.
    reference_share : float, optional
        A share to mark with a vertical line (the true or the measured one).
    reference_label : str
        Legend label of that line (shown through the catalogue).
    ax : matplotlib Axes, optional
    share_range : (float, float)
        Range of shares on the horizontal axis, within [0, 1].

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        As :func:`nqp_helpers.accounting.residual_sensitivity`.
    """
    ax = _new_ax(ax)
    lo = as_scalar("share_range[0]", share_range[0], low=0, high=1)
    hi = as_scalar("share_range[1]", share_range[1], low=lo, high=1)
    grid = np.linspace(lo, hi, 71)
    clean = residual_sensitivity(rates, grid)
    errs = dict(output_error=output_error, capital_error=capital_error, labor_error=labor_error)
    measured = residual_sensitivity(rates, grid, **errs)
    point = float(residual_sensitivity(rates, capital_share, **errs))
    ax.plot(grid, clean, color=PALETTE["blue"], linestyle="-", label=_("inputs measured correctly"))
    if any(v != 0 for v in errs.values()):
        ax.plot(
            grid,
            measured,
            color=PALETTE["vermillion"],
            linestyle="--",
            label=_("with your measurement errors"),
        )
    if true_tfp is not None:
        _true_tfp_line(ax, true_tfp)
    if reference_share is not None:
        ax.axvline(reference_share, color="grey", linestyle="-.", linewidth=1, label=_(reference_label))
    ax.plot(
        [capital_share], [point], "o", color=PALETTE["vermillion"], markersize=9, label=_("your assumption")
    )
    ax.axhline(0, color="black", linewidth=0.6)
    ax.set_xlabel(_("assumed capital share α"))
    ax.set_ylabel(_("measured TFP growth (% per year)"))
    ax.set_xticks(np.round(np.arange(lo, hi + 1e-9, 0.1), 2))
    ax.yaxis.set_major_locator(_locator(6))
    ax.legend(**_SENSITIVITY_LEGEND)
    return ax


#: Where :func:`plot_residual_sensitivity` puts its legend (the residual widget makes it again in place).
_SENSITIVITY_LEGEND: dict[str, Any] = {"loc": "upper right", "fontsize": 9}


def _true_tfp_line(ax: Axes, true_tfp: float) -> Line2D:
    """The dotted line of the true TFP growth in :func:`plot_residual_sensitivity`."""
    return ax.axhline(true_tfp, color="black", linestyle=":", linewidth=1.5, label=_("true TFP growth"))


def plot_index_paths(
    years: npt.ArrayLike,
    paths: Mapping[str, npt.ArrayLike],
    ax: Axes | None = None,
    ylabel: str = N_("index, first year = 1 (log scale)"),
    log: bool = True,
) -> Axes:
    """Several index series against years, with distinct line styles and markers.

    Parameters
    ----------
    years : array_like, shape (T,)
    paths : dict of str -> array_like, shape (T,)
        Label -> series (strictly positive when ``log`` is True); labels the catalogue knows are shown
        translated.
    ax : matplotlib Axes, optional
    ylabel : str
        Shown through the catalogue.
    log : bool
        Logarithmic vertical axis (equal slopes mean equal growth rates).

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        If a series has the wrong length, or is not positive on a log axis.
    """
    ax = _new_ax(ax)
    yrs = np.asarray(years, dtype=float)
    styles = ["-", "--", "-.", ":"]
    markers = ["o", "s", "^", "D"]
    for i, (label, series) in enumerate(paths.items()):
        y = np.asarray(series, dtype=float)
        if y.shape != yrs.shape:
            raise ValueError(
                _("path {label!r} must have one value per year ({expected}); got {shape}").format(
                    label=label, expected=yrs.shape[0], shape=y.shape
                )
            )
        if log and not (y > 0).all():
            raise ValueError(_("path {label!r} must be strictly positive on a log scale").format(label=label))
        every = max(1, len(yrs) // 8)
        ax.plot(
            yrs,
            y,
            linestyle=styles[i % 4],
            marker=markers[i % 4],
            markevery=every,
            markersize=5,
            label=_(str(label)),
        )
    if log:
        plain_log_axis(ax.yaxis)
    ax.set_xlabel(_("year"))
    ax.set_ylabel(_(ylabel))
    ax.legend(loc="best")
    return ax


def plot_recovered_tfp(
    years: npt.ArrayLike,
    true: Mapping[str, npt.ArrayLike],
    recovered: Mapping[str, npt.ArrayLike],
    ax: Axes | None = None,
    ylabel: str = N_("TFP index, first year = 1 (log scale)"),
) -> Axes:
    """True TFP indices as lines and the recovered ones as markers on them, with a note saying so.

    Two series that coincide cannot both be seen as lines; drawing the recovered
    index as markers on the true line shows both, and the figure says that they
    coincide.

    Parameters
    ----------
    years : array_like, shape (T,)
    true, recovered : dict of str -> array_like, shape (T,)
        Economy label -> index (strictly positive), the same labels in both (shown through the
        catalogue).
    ax : matplotlib Axes, optional
    ylabel : str
        Shown through the catalogue.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        If the labels differ, a series has the wrong length or is not positive.
    """
    if list(true) != list(recovered):
        raise ValueError(
            _("true and recovered must have the same labels; got {true} and {recovered}").format(
                true=list(true), recovered=list(recovered)
            )
        )
    ax = _new_ax(ax)
    yrs = np.asarray(years, dtype=float)
    colours = [PALETTE["blue"], PALETTE["vermillion"], PALETTE["green"], PALETTE["purple"]]
    markers = ["o", "s", "^", "D"]
    for i, label in enumerate(true):
        t, r = np.asarray(true[label], dtype=float), np.asarray(recovered[label], dtype=float)
        for message, y in (
            (_("true index of {label!r} must be positive with one value per year"), t),
            (_("recovered index of {label!r} must be positive with one value per year"), r),
        ):
            if y.shape != yrs.shape or not (y > 0).all():
                raise ValueError(message.format(label=label))
        colour = colours[i % 4]
        shown = _(str(label))
        ax.plot(
            yrs, t, color=colour, linestyle="-", linewidth=2, label=_("{label}: true").format(label=shown)
        )
        every = max(1, len(yrs) // 10)
        ax.plot(
            yrs,
            r,
            linestyle="none",
            marker=markers[i % 4],
            markevery=every,
            markersize=7,
            markerfacecolor="white",
            markeredgecolor=colour,
            label=_("{label}: recovered by decompose").format(label=shown),
        )
    plain_log_axis(ax.yaxis)
    ax.set_xlabel(_("year"))
    ax.set_ylabel(_(ylabel))
    ax.text(
        0.02,
        0.97,
        _("the recovered indices coincide with the true ones:\nthe markers sit on the lines"),
        transform=ax.transAxes,
        va="top",
        fontsize=9,
    )
    ax.legend(loc="upper left", bbox_to_anchor=(0.0, 0.86), fontsize=8)
    return ax


def plot_labour_compensation(lc: LabourCompensation, ax: Axes | None = None, per: str = "hour") -> Axes:
    """Real labour compensation and output per worker or per hour, as indices (first year = 1, log scale).

    Parameters
    ----------
    lc : LabourCompensation
        From :func:`nqp_helpers.accounting.labour_compensation`.
    ax : matplotlib Axes, optional
    per : {"hour", "worker"}
        Per hour worked or per person engaged.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        If ``per`` is neither "hour" nor "worker".
    """
    if per not in ("hour", "worker"):
        raise ValueError(_("per must be 'hour' or 'worker'; got {value!r}").format(value=per))
    ax = _new_ax(ax)
    yrs = lc.years
    comp, out = lc.levels[f"compensation per {per}"], lc.levels[f"output per {per}"]
    out_label, comp_label = (
        (_("output per hour"), _("labour compensation per hour"))
        if per == "hour"
        else (_("output per worker"), _("labour compensation per worker"))
    )
    ax.plot(yrs, out / out[0], color=PALETTE["blue"], linestyle="-", label=out_label)
    ax.plot(
        yrs,
        comp / comp[0],
        color=PALETTE["vermillion"],
        linestyle="--",
        label=comp_label,
    )
    constant = np.flatnonzero(lc.labour_share != lc.labour_share[0])
    if constant.size and constant[0] > 1:
        last = yrs[constant[0] - 1]
        ax.axvspan(yrs[0], last, color="grey", alpha=0.12, linewidth=0)
        ax.text(
            yrs[0] + 1,
            0.97,
            _("{first}-{last}: PWT labour share constant,\nso the two lines coincide").format(
                first=yrs[0], last=last
            ),
            transform=ax.get_xaxis_transform(),
            va="top",
            fontsize=8,
        )
    ax.set_yscale("log")
    plain_log_axis(ax.yaxis)
    ax.set_xlabel(_("year"))
    ax.set_ylabel(_("index, {year} = 1 (log scale)").format(year=yrs[0]))
    ax.legend(loc="lower right", fontsize=9)
    ax.text(
        1.0,
        -0.16,
        _(
            "{name}. Real: deflated by the GDP deflator. Source: Penn World Table 11.0 "
            "(labsh × rgdpna / emp, / avh)"
        ).format(name=_(lc.name)),
        transform=ax.transAxes,
        ha="right",
        va="top",
        fontsize=7,
        color="dimgrey",
    )
    return ax


def plot_period_lines(
    rows: Mapping[str, Sequence[GrowthSummary]],
    part: str = "TFP",
    ax: Axes | None = None,
    period_labels: Sequence[str] | None = None,
    share: bool = False,
) -> Axes:
    """One line per economy across periods, for one part of the growth accounts.

    Parameters
    ----------
    rows : dict of str -> list of GrowthSummary
        Economy label -> summaries, the same number of periods for each (labels the catalogue knows,
        such as countries' names, are shown translated).
    part : str
        Part to show ("TFP", "capital", ...) or "total".
    ax : matplotlib Axes, optional
    period_labels : list of str, optional
        Tick labels; default the periods of the first economy.
    share : bool
        Show the part as a share of total growth (%) instead of % per year.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        As :func:`nqp_helpers.accounting.part_values`.
    """
    ax = _new_ax(ax)
    values = part_values(rows, part, share)
    first = next(iter(rows.values()))
    x = np.arange(len(first))
    markers = ["o", "s", "^", "D", "v", "P"]
    styles = ["-", "--", "-.", ":", "-", "--"]
    for i, (label, y) in enumerate(values.items()):
        ax.plot(x, y, marker=markers[i % 6], linestyle=styles[i % 6], label=_(str(label)), markersize=7)
    labels = period_labels or [f"{s.period[0]:g}-{s.period[1]:g}" for s in first]
    ax.set_xticks(x, labels)
    ax.axhline(0, color="black", linewidth=0.8)
    if share:
        ylabel = _("{part} share of output growth (%)").format(part=_(part))
    elif part == "total":
        ylabel = _("growth of output (% per year)")
    elif part == "TFP":
        ylabel = _("TFP growth (% per year)")
    else:
        ylabel = _("{part} contribution (% per year)").format(part=_(part))
    ax.set_ylabel(ylabel)
    ax.set_xlabel(_("period"))
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax


def plot_comparison(
    comparison: Comparison,
    ax: Axes | None = None,
    measures: Sequence[str] = ("physical capital", "education", "total factor productivity"),
) -> Axes:
    """Grouped bars: published figures next to each recomputation.

    Parameters
    ----------
    comparison : Comparison
    ax : matplotlib Axes, optional
    measures : sequence of str
        Rows of the comparison to draw.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        If a measure is not in the comparison.
    """
    ax = _new_ax(ax)
    for m in measures:
        if m not in comparison.measures:
            raise ValueError(
                _("unknown measure {value!r}; measures are {measures}").format(
                    value=m, measures=list(comparison.measures)
                )
            )
    ncol = len(comparison.columns)
    width = 0.8 / ncol
    x = np.arange(len(measures))
    colours = [PALETTE[c] for c in ("black", "blue", "sky", "orange", "green", "purple")]
    hatches = ["", "//", "..", "xx", "\\\\", "++"]
    for j, label in enumerate(comparison.columns):
        vals = [comparison.values[comparison.measures.index(m), j] for m in measures]
        key = chr(ord("A") + j)
        ax.bar(
            x - 0.4 + width * (j + 0.5),
            vals,
            width=width,
            color=colours[j % 6],
            hatch=hatches[j % 6],
            edgecolor="white",
            linewidth=0.5,
            label=f"{key}: {_(label)}",
        )
    ax.set_xticks(x, [_(m.replace("total factor productivity", "TFP")) for m in measures])
    growth = [m for m in measures if m in ("output", "employment", "output per worker")]
    ax.set_ylabel(_("growth or contribution (% per year)") if growth else _("contribution (% per year)"))
    ax.axhline(0, color="black", linewidth=0.8)
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper left", bbox_to_anchor=(0.0, -0.12), fontsize=8)
    return ax


#: The colours of :data:`COMPONENT_STYLE`, except that capital deepening, drawn beside capital in
#: :func:`plot_mixed_contributions`, gets its own colour and hatch so that the two can be told apart.
MIXED_STYLE: dict[str, dict[str, str]] = {
    **COMPONENT_STYLE,
    "capital deepening": {"color": PALETTE["sky"], "hatch": "\\\\"},
}


def plot_mixed_contributions(
    summaries: Sequence[GrowthSummary], labels: Sequence[str], ax: Axes | None = None, legend: bool = True
) -> Axes:
    """Stacked bars of summaries whose parts may differ, side by side on one axes.

    The aggregate view (capital, labour, human capital, TFP) can stand next to
    the per-worker view (capital deepening, human capital, TFP): a part that
    a summary lacks is zero in its bar. Every bar keeps its own order of
    parts, and each part appears once in the legend. Drawn with
    :func:`nqp_helpers.lessons.plotting.stacked_bars`, in the colours and
    hatches of :data:`MIXED_STYLE` (capital and capital deepening differ).

    Parameters
    ----------
    summaries : sequence of GrowthSummary
    labels : sequence of str
        One label per bar.
    ax : matplotlib Axes, optional
    legend : bool

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        If the numbers of summaries and labels differ or are zero.
    """
    summaries, labels = list(summaries), [str(x) for x in labels]
    if not summaries or len(summaries) != len(labels):
        raise ValueError(
            _("summaries and labels must be non-empty and of equal length; got {n} and {m}").format(
                n=len(summaries), m=len(labels)
            )
        )
    ax = _new_ax(ax)
    parts = _mixed_parts(summaries)
    names = list(parts)
    totals = [float(s.total) for s in summaries]
    # The parts under their names in the language in use, which the legend shows, with their styles.
    shown = {_(name): values for name, values in parts.items()}
    styles = {_(name): style for name, style in MIXED_STYLE.items()}
    stacked_bars(ax, shown, labels, styles=styles, totals=totals, total_label=_("total growth"))
    ax.set_ylabel(_("contribution to growth (% per year)"))
    if legend:
        handles, texts = ax.get_legend_handles_labels()
        # The total first, then the parts top-down, as they appear on the bars.
        order = [len(handles) - 1, *range(len(names) - 1, -1, -1)]
        ax.legend(
            [handles[i] for i in order],
            [texts[i] for i in order],
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            fontsize=9,
        )
    return ax


def _mixed_parts(summaries: Sequence[GrowthSummary]) -> dict[str, list[float]]:
    """Part name -> one value per summary (0 where a summary lacks the part), in one order of parts in
    which every summary's own order is kept: a new part goes right after the part that precedes it in
    its summary."""
    names: list[str] = []
    for summary in summaries:
        at = 0
        for name in summary.parts:
            if name in names:
                at = names.index(name) + 1
            else:
                names.insert(at, name)
                at += 1
    return {name: [float(s.parts.get(name, 0.0)) for s in summaries] for name in names}


# --------------------------------------------------------------------------- #
# Interactive figures
# --------------------------------------------------------------------------- #
@functools.cache
def _economy_choices() -> dict[str, dict[str, Any]]:
    """Growth rates (% per year) and truths for the residual widget's economies (computed once).

    The keys are the values of the widget's menu, in English; the menu shows them through the catalogue.
    """
    out: dict[str, dict[str, Any]] = {}
    for name, key in (("extensive", N_("toy: extensive")), ("intensive", N_("toy: intensive"))):
        t = toy_economy(name)
        p = toy_parameters(name)
        rates = average_growth_rates(t["output"], t["capital"], t["labor"], t["human_capital"], t.years)
        out[key] = dict(
            rates=rates,
            true_tfp=p["realised_growth_pct_per_year"]["tfp"],
            reference_share=p["capital_share"],
        )
    d = load_country("CHN", ["rgdpna", "rnna", "emp", "hc", "labsh"], 1978, 2004)
    rates = average_growth_rates(d["rgdpna"], d["rnna"], d["emp"], d["hc"], d.years)
    out[N_("China 1978-2004 (PWT, persons)")] = dict(
        rates=rates, true_tfp=None, reference_share=float(np.mean(1 - d["labsh"]))
    )
    return out


#: The legend labels of the residual widget's reference line: the true share (toys), the measured one (China).
_TRUE_SHARE, _PWT_SHARE = N_("true capital share"), N_("PWT capital share (mean)")


def draw_residual(
    ax: Axes,
    economy: str,
    capital_share: float,
    output_error: float = 0.0,
    capital_error: float = 0.0,
    labor_error: float = 0.0,
) -> str:
    """Draw function of :func:`make_residual_app`; returns the key numbers as HTML.

    Parameters
    ----------
    ax : matplotlib Axes
    economy : str
        A key of the app's economy menu ("toy: extensive", "toy: intensive",
        "China 1978-2004 (PWT, persons)").
    capital_share : float
        Assumed capital share.
    output_error, capital_error, labor_error : float
        Measurement errors, percentage points per year.

    Returns
    -------
    str
    """
    choices = _economy_choices()
    if economy not in choices:
        raise ValueError(
            _("economy must be one of {choices}; got {value!r}").format(choices=list(choices), value=economy)
        )
    e = choices[economy]
    plot_residual_sensitivity(
        e["rates"],
        capital_share,
        output_error,
        capital_error,
        labor_error,
        true_tfp=e["true_tfp"],
        reference_share=e["reference_share"],
        ax=ax,
        reference_label=_TRUE_SHARE if e["true_tfp"] is not None else _PWT_SHARE,
    )
    ax.set_ylim(-3, 7)
    ax.set_yticks([-2, 0, 2, 4, 6])
    return _residual_note(e, capital_share, output_error, capital_error, labor_error)


def _residual_note(
    e: Mapping[str, Any], capital_share: float, output_error: float, capital_error: float, labor_error: float
) -> str:
    """The numbers under the residual widget (HTML), for the economy ``e`` of :func:`_economy_choices`."""
    tfp = no_negative_zero(
        float(residual_sensitivity(e["rates"], capital_share, output_error, capital_error, labor_error))
    )
    gy = e["rates"]["output"] + output_error
    share = share_percent(tfp, gy, _("measured output growth"))
    if e["true_tfp"] is not None:
        return _(
            "measured TFP growth <b>{tfp:.2f} % per year</b> (true: {true:.2f}); "
            "TFP share of measured output growth <b>{share}</b>"
        ).format(tfp=tfp, true=e["true_tfp"], share=share)
    return _(
        "measured TFP growth <b>{tfp:.2f} % per year</b> (with the PWT share {pwt_share:.2f}: "
        "{pwt_tfp:.2f}); TFP share of measured output growth <b>{share}</b>"
    ).format(
        tfp=tfp,
        pwt_share=e["reference_share"],
        pwt_tfp=residual_sensitivity(e["rates"], e["reference_share"]),
        share=share,
    )


def _on_top(ax: Axes, redrawn: Sequence[Artist], covers: Sequence[Artist]) -> list[Artist]:
    """Those of ``covers`` (drawn over the others in a full draw: a legend) that the artists an update
    redraws now reach, so that the update draws them again on top.

    A line counts by its path (a long diagonal line may pass beside a legend), markers and patches by
    their extent.
    """
    renderer = ax.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    reached = []
    for cover in covers:
        box = cover.get_window_extent(renderer)
        for artist in redrawn:
            path = getattr(artist, "get_path", None)
            if getattr(artist, "get_linestyle", lambda: "None")() not in ("None", "none", " ", "") and path:
                hit = artist.get_transform().transform_path(path()).intersects_bbox(box, filled=False)
            else:
                hit = False
            if hit or artist.get_window_extent(renderer).overlaps(box):
                reached.append(cover)
                break
    return reached


@functools.cache
def _layer_class() -> Callable[[Callable[[], Sequence[Artist]], float], Artist]:
    """The class of a widget's moving layer (made at first use, as matplotlib is imported only when a
    figure is drawn): ``_layer_class()(artists, zorder)``."""
    from matplotlib.artist import Artist

    class Layer(Artist):
        """Draws, at its zorder, the artists a function gives (artists marked animated, which the axes
        leave out of a render), in their order.

        A widget's update returns the artists it changed, and the app renders its kept background again
        whenever that list differs from the last move's. An update that adds or removes an artist (a
        line, a new legend) returns the layer that draws them instead: one artist, the same at every
        move, so that the background is kept. A saved figure (``savefig``) draws the animated artists
        itself, and the layer then draws nothing.
        """

        def __init__(self, artists: Callable[[], Sequence[Artist]], zorder: float) -> None:
            super().__init__()
            self.artists = artists
            self.set_zorder(zorder)
            self.set_in_layout(False)

        def draw(self, renderer: Any) -> None:
            figure = self.get_figure(root=True)
            if self.get_visible() and figure is not None and not figure.canvas.is_saving():
                for artist in self.artists():
                    artist.draw(renderer)

    return Layer


class _ResidualFigure:
    """Draw and update of :func:`make_residual_app`.

    ``draw`` keeps the lines; ``update`` moves them (the line with measurement errors, the dot of the
    assumed share and, for another economy, the clean line and the true values). Switching between a
    toy economy and China adds or removes the line of the true TFP growth, renames the reference line
    (the true or the PWT capital share) and makes the legend again, in place: the lines keep the order
    of a full draw, and the view does not change. Errors switched on or off (a line and a legend entry
    more or less) draw everything again.

    The lines and the legend are drawn by two layers (see :func:`_layer_class`), at the zorders of
    lines and legends, which every update returns with the spines: the kept background (axes, ticks,
    labels) stays the same when a line comes or goes or the legend is made again, and the legend is
    drawn over the lines at every move, as in a full draw.
    """

    def draw(
        self,
        ax: Axes,
        economy: str,
        capital_share: float,
        output_error: float = 0.0,
        capital_error: float = 0.0,
        labor_error: float = 0.0,
    ) -> str:
        note = draw_residual(ax, economy, capital_share, output_error, capital_error, labor_error)
        self.kind = self._kind(economy, output_error, capital_error, labor_error)
        # Lines are cheap to draw: all of them are redrawn at each update, in their order, by a layer.
        self.lines = list(ax.lines)
        for artist in [*self.lines, *self._legend(ax)]:
            artist.set_animated(True)
        layer = _layer_class()
        self.layers = [
            ax.add_artist(layer(lambda: [line for line in ax.lines if line.get_animated()], 2.0)),
            ax.add_artist(layer(lambda: self._legend(ax), 5.0)),
        ]
        by_label = {line.get_label(): line for line in self.lines}
        self.clean: Line2D = by_label[_("inputs measured correctly")]
        self.measured: Line2D | None = by_label.get(_("with your measurement errors"))
        self.point: Line2D = by_label[_("your assumption")]
        self.truth: Line2D | None = by_label.get(_("true TFP growth"))
        self.reference: Line2D = by_label[_(_TRUE_SHARE) if self.truth else _(_PWT_SHARE)]
        return note

    @staticmethod
    def _legend(ax: Axes) -> list[Artist]:
        """The axes' legend, in a list (empty without one): what the legend layer draws."""
        legend = ax.get_legend()
        return [] if legend is None else [legend]

    @staticmethod
    def _kind(economy: str, *errors: float) -> tuple[bool, bool]:
        """What decides the lines and the legend: a true TFP growth known (toys), and errors switched on."""
        return _economy_choices()[economy]["true_tfp"] is not None, any(v != 0 for v in errors)

    def update(
        self,
        ax: Axes,
        economy: str,
        capital_share: float,
        output_error: float = 0.0,
        capital_error: float = 0.0,
        labor_error: float = 0.0,
    ) -> tuple[str, list[Artist]]:
        errors = dict(output_error=output_error, capital_error=capital_error, labor_error=labor_error)
        if economy not in _economy_choices():
            raise Redraw  # draw_residual names the valid economies
        kind = self._kind(economy, *errors.values())
        if kind[1] != self.kind[1]:
            raise Redraw  # errors switched on or off: the dashed line and its legend entry
        e = _economy_choices()[economy]
        if kind != self.kind:
            self._switch_truth(ax, e["true_tfp"])
            self.kind = kind
        self.clean.set_ydata(residual_sensitivity(e["rates"], self.clean.get_xdata()))
        if self.truth is not None:
            self.truth.set_ydata([e["true_tfp"]] * 2)
        self.reference.set_xdata([e["reference_share"]] * 2)
        if self.measured is not None:
            self.measured.set_ydata(residual_sensitivity(e["rates"], self.measured.get_xdata(), **errors))
        point = float(residual_sensitivity(e["rates"], capital_share, **errors))
        self.point.set_data([capital_share], [point])
        spines = [spine for spine in ax.spines.values() if spine.get_visible()]
        lines, legend = self.layers
        changed = [lines, *spines, legend]  # in the order of a full draw: lines, spines, legend
        return _residual_note(e, capital_share, output_error, capital_error, labor_error), changed

    def _switch_truth(self, ax: Axes, true_tfp: float | None) -> None:
        """Add (a toy economy) or remove (China) the line of the true TFP growth, rename the reference
        line and make the legend again, as :func:`plot_residual_sensitivity` draws them.

        Lines of one zorder are drawn in the order they were added: the lines from the true TFP line (or
        from the reference line, where it goes) on are taken off the axes and added again behind it, so
        that the order (and the legend's order) is that of a full draw. The layers draw the new line and
        the new legend over the kept background.
        """
        start = self.lines.index(self.truth if self.truth is not None else self.reference)
        rest = [line for line in self.lines[start:] if line is not self.truth]
        for line in self.lines[start:]:
            line.remove()
        self.truth = None if true_tfp is None else _true_tfp_line(ax, true_tfp)
        for line in rest:
            ax.add_line(line)
        self.reference.set_label(_(_TRUE_SHARE) if self.truth is not None else _(_PWT_SHARE))
        self.lines = list(ax.lines)
        for artist in [*self.lines, ax.legend(**_SENSITIVITY_LEGEND)]:
            artist.set_animated(True)  # drawn by the layers


def make_residual_app(
    economy: str = "toy: extensive",
    capital_share: float = 0.4,
    output_error: float = 0.0,
    capital_error: float = 0.0,
    labor_error: float = 0.0,
) -> FigureApp:
    """Widget: the Solow residual against the assumed capital share and mismeasured inputs.

    Parameters
    ----------
    economy : str
        Starting economy (see :func:`draw_residual`).
    capital_share : float
        Starting assumed capital share.
    output_error, capital_error, labor_error : float
        Starting measurement errors, percentage points per year, in [-3, 3].

    Returns
    -------
    FigureApp

    Raises
    ------
    ValueError
        An unknown economy, or a starting value outside its slider's range
        (capital share 0.1-0.8).
    """
    import ipywidgets as w

    if economy not in _economy_choices():
        raise ValueError(
            _("economy must be one of {choices}; got {value!r}").format(
                choices=list(_economy_choices()), value=economy
            )
        )
    controls = {
        "economy": w.Dropdown(
            options=[(_(key), key) for key in _economy_choices()],
            value=economy,
            description=_("economy"),
            style={"description_width": "initial"},
        ),
        "capital_share": slider(
            _("assumed capital share α"), capital_share, 0.1, 0.8, 0.01, name="capital_share"
        ),
        "output_error": slider(
            _("output growth overstated by (points per year)"), output_error, -3, 3, 0.1, name="output_error"
        ),
        "capital_error": slider(
            _("capital growth overstated by (points per year)"),
            capital_error,
            -3,
            3,
            0.1,
            name="capital_error",
        ),
        "labor_error": slider(
            _("labour growth overstated by (points per year)"), labor_error, -3, 3, 0.1, name="labor_error"
        ),
    }
    figure = _ResidualFigure()
    return FigureApp(
        figure.draw,
        controls,
        figsize=(7.0, 4.0),
        margins={"left": 0.11, "bottom": 0.13},
        update=figure.update,
    )


def draw_country(
    ax: Axes,
    code: str,
    start: int,
    end: int,
    labor: str = "hours",
    human_capital: bool = True,
    capital: str = "rnna",
) -> str:
    """Draw function of :func:`make_country_app`: aggregate and per-worker accounts of one period.

    Parameters
    ----------
    ax : matplotlib Axes
    code : str
        Country code.
    start, end : int
        First and last year.
    labor, human_capital, capital
        As :func:`nqp_helpers.accounting.decompose_country`.

    Returns
    -------
    str
        Key numbers, or why the period cannot be accounted for.
    """
    return _draw_country(ax, code, start, end, labor, human_capital, capital)[0]


def _draw_country(
    ax: Axes, code: str, start: int, end: int, labor: str, human_capital: bool, capital: str
) -> tuple[str, Text | None]:
    """:func:`draw_country`, returning the title too (None when the choice cannot be accounted for)."""
    try:
        view = _CountryAccounts(code, start, end, labor, human_capital, capital)
    except ValueError as exc:
        ax.set_axis_off()
        ax.text(
            0.0,
            0.5,
            _("no growth accounts for this choice:\nsee the message below"),
            fontsize=11,
            transform=ax.transAxes,
        )
        return f"<span style='color:#D55E00'>{html.escape(str(exc))}</span>", None
    plot_mixed_contributions([view.aggregate, view.per_worker], view.labels, ax=ax)
    ax.set_xlim(-0.6, 1.6)
    ax.set_ylim(*view.ylim)
    # y=1.0 (where matplotlib puts a title when nothing is above the axes) fixes the title's place, so that
    # an update can redraw the title alone.
    title = ax.set_title(view.title, fontsize=8, loc="left", y=1.0)
    return view.note, title


class _CountryAccounts:
    """What the country widget shows for one choice: the two summaries, their bars, limits, title and note.

    Raises ValueError (as :func:`nqp_helpers.accounting.decompose_country`) when the choice cannot be
    accounted for.
    """

    def __init__(self, code: str, start: int, end: int, labor: str, human_capital: bool, capital: str):
        if not start < end:
            raise ValueError(
                _("choose an end year after the start year (now {start}-{end})").format(start=start, end=end)
            )
        ca = decompose_country(code, start, end, labor=labor, human_capital=human_capital, capital=capital)
        s, pw = ca.summary(), ca.per_worker().summary()
        per_unit = _("output per hour") if ca.labor == "hours" else _("output per worker")
        self.aggregate, self.per_worker = s, pw
        self.labels = [_("output"), per_unit]
        self.parts = _mixed_parts([s, pw])
        self.totals = [float(s.total), float(pw.total)]
        self.ylim = _country_ylim(self.parts, self.totals)
        self.title = _(
            "{name}, {start}-{end}: {labour}, {schooling},\ncapital {capital}, capital share 1 - labsh. "
            "Source: Penn World Table 11.0"
        ).format(
            name=_(ca.name),
            start=start,
            end=end,
            labour=_("labour in hours") if ca.labor == "hours" else _("labour in persons"),
            schooling=_("adjusted for schooling (hc)")
            if ca.human_capital
            else _("not adjusted for schooling"),
            capital=ca.capital,
        )
        # What the data lacked (conventions 4 and 5 of decompose_country: labour, human capital).
        notes = []
        if ca.labor != labor:
            notes.append(ca.conventions[4])
        if human_capital and not ca.human_capital:
            notes.append(ca.conventions[5])
        extra = f"<br><i>{html.escape('; '.join(notes))}</i>" if notes else ""
        total, tfp = no_negative_zero(s.total), no_negative_zero(s.parts["TFP"])
        share = share_percent(tfp, total, _("output growth"))
        note = (
            _(
                "{name} {start}-{end}: output <b>{total:.2f}</b>, TFP <b>{tfp:.2f}</b> % per year = "
                "<b>{share}</b> of output growth; {per_unit} {per_unit_growth:.2f} % per year, of which "
                "capital deepening {deepening:.2f}"
            )
            if np.isfinite(share_of_growth(tfp, total))
            else _(
                "{name} {start}-{end}: output <b>{total:.2f}</b>, TFP <b>{tfp:.2f}</b> % per year "
                "(share of output growth {share}); {per_unit} {per_unit_growth:.2f} % per year, of which "
                "capital deepening {deepening:.2f}"
            )
        )
        self.note = (
            note.format(
                name=html.escape(_(ca.name)),
                start=start,
                end=end,
                total=total,
                tfp=tfp,
                share=share,
                per_unit=per_unit,
                per_unit_growth=pw.total,
                deepening=pw.parts["capital deepening"],
            )
            + extra
        )


def _country_ylim(parts: Mapping[str, Sequence[float]], totals: Sequence[float]) -> tuple[float, float]:
    """Vertical range of the country widget: from a whole number at least 0.3 points below the lowest stack
    or total (at most -1) to an even number at least 0.3 points above the highest (at least 2).

    The range depends on the values only, so that a figure drawn afresh and one updated in place agree;
    the rounding keeps the axes still while a slider moves a little, and a small contribution that
    changes sign (labour, often) does not move the zero line.

    Examples
    --------
    >>> _country_ylim({"capital": [3.8, 0.0], "labour": [-0.3, 0.0], "TFP": [2.0, 2.0]}, [5.9, 6.5])
    (-1.0, 8.0)
    >>> _country_ylim({"capital": [4.1, 3.5], "TFP": [3.3, 3.3]}, [8.9, 7.5])
    (-1.0, 10.0)
    """
    values = np.array(list(parts.values()), dtype=float).reshape(len(parts), -1)
    top = max(float(np.where(values > 0, values, 0).sum(axis=0).max()), max(totals), 0.0)
    bottom = min(float(np.where(values < 0, values, 0).sum(axis=0).min()), min(totals), 0.0)
    return float(min(-1, np.floor(bottom - 0.3))), float(max(2, 2 * np.ceil((top + 0.3) / 2)))


class _CountryFigure:
    """Draw and update of :func:`make_country_app`.

    ``draw`` keeps the bars, the total markers and the title; ``update`` moves them, and relabels the
    bars (per hour or per worker), when the new choice has the same parts (the legend). A new vertical
    range is set in place (a rescale: the axes are rendered again, nothing is rebuilt). Other parts, and
    a move to or from a choice that cannot be accounted for (the notice), draw everything again.

    The title and the legend, above and beside the axes where nothing moves, are returned by every
    update as a :class:`~nqp_helpers.lessons.widgets.KeptPixels`: the legend, which does not change, is
    put back from its pixels; the title, which changes at nearly every move but often comes back (a
    student flips between countries, or moves a slider back and forth), is drawn again only when its
    words are new.
    """

    def draw(
        self,
        ax: Axes,
        code: str,
        start: int,
        end: int,
        labor: str = "hours",
        human_capital: bool = True,
        capital: str = "rnna",
    ) -> str:
        note, title = _draw_country(ax, code, start, end, labor, human_capital, capital)
        self.view: tuple[Any, ...] | None = None
        if title is not None:  # accounts were drawn (not the notice)
            self.title = title
            # The bars are labelled with the parts' names in the language in use (_(name)).
            self.view = ([str(c.get_label()) for c in ax.containers], ax.get_ylim())
            self.bars: dict[str, list[Rectangle]] = {str(c.get_label()): list(c) for c in ax.containers}
            (self.totals,) = [line for line in ax.lines if line.get_label() == _("total growth")]
            # Above the axes and beside them, where nothing moves: the title is drawn again when its words
            # are new (the last 16 are kept: a student flips between the five countries), the legend put
            # back from its pixels (it does not change until the next full draw).
            legend = ax.get_legend()
            self.kept = KeptPixels(title, *([legend] if legend is not None else []), versions=16)
        return note

    def update(
        self,
        ax: Axes,
        code: str,
        start: int,
        end: int,
        labor: str = "hours",
        human_capital: bool = True,
        capital: str = "rnna",
    ) -> tuple[str, list[Artist]]:
        try:
            view = _CountryAccounts(code, start, end, labor, human_capital, capital)
        except ValueError:
            raise Redraw from None  # draw_country shows the notice
        if self.view is None or [_(name) for name in view.parts] != self.view[0]:
            raise Redraw  # other parts: other bars and another legend
        if view.ylim != self.view[1]:  # a new vertical range: set in place, the axes are rendered again
            ax.set_ylim(*view.ylim)
            self.view = (self.view[0], view.ylim)
        moving: list[Artist] = []
        pos, neg = np.zeros(2), np.zeros(2)
        for name, values in view.parts.items():  # stacked as plotting.stacked_bars stacks them
            vals = np.asarray(values, dtype=float)
            base = np.where(vals >= 0, pos, neg)
            for bar, bottom, height in zip(self.bars[_(name)], base, vals, strict=True):
                bar.set_y(float(bottom))
                bar.set_height(float(height))
                moving.append(bar)
            pos += np.where(vals >= 0, vals, 0)
            neg += np.where(vals < 0, vals, 0)
        self.totals.set_ydata(view.totals)
        # The title (the choices) and the legend are returned at every move, so that the kept background
        # stays the same from move to move; the bar labels (per hour or per worker) only when they change.
        texts = [t for t in ax.get_xticklabels() if t.get_text() not in view.labels]
        if texts:
            ax.set_xticks([0, 1], view.labels)
        self.title.set_text(view.title)
        return view.note, [*moving, *over_bars(ax), *texts, cast("Artist", self.kept)]


def make_country_app(
    codes: Sequence[str] = ("CHN", "IND", "JPN", "KOR", "USA"),
    code: str = "CHN",
    start: int = 2012,
    end: int = 2023,
) -> FigureApp:
    """Widget: growth accounts of any country and period from the Penn World Table.

    Parameters
    ----------
    codes : sequence of str
        Countries offered in the menu.
    code : str
        Starting country.
    start, end : int
        Starting period: whole years, ``start`` in 1950-2022, ``end`` in
        1951-2023, ``start < end``.

    Returns
    -------
    FigureApp

    Raises
    ------
    ValueError
        Unknown codes, a ``code`` not among them, or a starting period
        outside the sliders' ranges or with ``start >= end``.
    """
    import ipywidgets as w

    names = dict(list_countries())
    if isinstance(codes, str) or not isinstance(codes, Sequence) or not codes:
        raise ValueError(
            _("codes must be a non-empty list of country codes; got {value!r}").format(value=codes)
        )
    unknown = [c for c in codes if c not in names]
    if unknown:
        raise ValueError(
            _("unknown country codes {codes}; list_countries() gives the valid ones").format(codes=unknown)
        )
    if code not in codes:
        raise ValueError(
            _("code must be one of codes {codes}; got {value!r}").format(codes=list(codes), value=code)
        )
    style = {"description_width": "initial"}
    controls = {
        "code": w.Dropdown(
            options=[(f"{_(names[c])} ({c})", c) for c in codes],
            value=code,
            description=_("country"),
            style=style,
        ),
        "start": int_slider(_("first year"), start, 1950, 2022, name="start"),
        "end": int_slider(_("last year"), end, 1951, 2023, name="end"),
        "labor": w.ToggleButtons(
            options=[(_("hours"), "hours"), (_("persons"), "persons")],
            value="hours",
            description=_("labour"),
            style=style,
        ),
        "human_capital": w.Checkbox(
            value=True, description=_("adjust labour for schooling (hc)"), style=style
        ),
        "capital": w.ToggleButtons(
            options=[(_("stock rnna"), "rnna"), (_("services rkna"), "rkna")],
            value="rnna",
            description=_("capital"),
            style=style,
        ),
    }
    if not controls["start"].value < controls["end"].value:
        raise ValueError(
            _("start must be before end; got start={start}, end={end}").format(start=start, end=end)
        )
    figure = _CountryFigure()
    return FigureApp(
        figure.draw,
        controls,
        figsize=(7.0, 3.8),
        margins={"left": 0.1, "right": 0.7, "top": 0.84},
        update=figure.update,
    )


def draw_bosworth_collins(
    ax: Axes,
    capital_share: float = 0.4,
    human_capital: str = "hc",
    schooling_return: float = 7.0,
    labor: str = "persons",
    capital: str = "rnna",
) -> str:
    """Draw function of :func:`make_bosworth_collins_app`: published vs your recomputation.

    Parameters
    ----------
    ax : matplotlib Axes
    capital_share : float
        Constant capital share.
    human_capital : {"hc", "mincer"}
        PWT ``hc``, or :math:`(1 + r)^S` with ``schooling_return`` r in % per year of schooling.
    schooling_return : float
        Return per year of schooling, per cent (used with "mincer").
    labor, capital
        As :func:`nqp_helpers.accounting.bosworth_collins_accounting`.

    Returns
    -------
    str
    """
    comp = _bosworth_collins(capital_share, human_capital, schooling_return, labor, capital)
    plot_comparison(comp, ax=ax, measures=_BC_MEASURES)
    ax.set_ylim(-0.5, 8.5)
    ax.legend(loc="upper right", fontsize=8)
    return _bosworth_collins_note(comp)


#: The label of the recomputed column (shown through the catalogue), and the rows the Bosworth and Collins
#: widget shows.
_BC_LABEL = N_("your recomputation (PWT 11.0)")
_BC_MEASURES = ("output per worker", "physical capital", "education", "total factor productivity")


def _bosworth_collins(
    capital_share: float, human_capital: str, schooling_return: float, labor: str, capital: str
) -> Comparison:
    """The published figures and your recomputation (see :func:`draw_bosworth_collins`)."""
    if human_capital not in ("hc", "mincer"):
        raise ValueError(
            _("human_capital must be 'hc' or 'mincer'; got {value!r}").format(value=human_capital)
        )
    r = None if human_capital == "hc" else schooling_return / 100
    return compare_with_bosworth_collins(
        {_BC_LABEL: dict(capital_share=capital_share, schooling_return=r, labor=labor, capital=capital)}
    )


def _bosworth_collins_note(comp: Comparison) -> str:
    """The numbers under the Bosworth and Collins widget (HTML)."""
    mine, diff = comp.column(_BC_LABEL), comp.differences(_BC_LABEL)
    return _(
        "yours: physical capital <b>{capital:.2f}</b>, education <b>{education:.2f}</b>, "
        "TFP <b>{tfp:.2f}</b> % per year; TFP minus published: <b>{difference:+.2f}</b> points"
    ).format(
        capital=mine["physical capital"],
        education=mine["education"],
        tfp=mine["total factor productivity"],
        difference=diff["total factor productivity"],
    )


class _BosworthCollinsFigure:
    """Draw and update of :func:`make_bosworth_collins_app`: ``update`` moves the bars of your
    recomputation (the axes keep their fixed range; a bar beyond it is cut at the edge, as in a full
    draw), with the grid, the zero line and, where a bar reaches it, the legend drawn over them."""

    def draw(
        self,
        ax: Axes,
        capital_share: float = 0.4,
        human_capital: str = "hc",
        schooling_return: float = 7.0,
        labor: str = "persons",
        capital: str = "rnna",
    ) -> str:
        note = draw_bosworth_collins(ax, capital_share, human_capital, schooling_return, labor, capital)
        (self.bars,) = [list(c) for c in ax.containers if str(c.get_label()).endswith(_(_BC_LABEL))]
        return note

    def update(
        self,
        ax: Axes,
        capital_share: float = 0.4,
        human_capital: str = "hc",
        schooling_return: float = 7.0,
        labor: str = "persons",
        capital: str = "rnna",
    ) -> tuple[str, list[Artist]]:
        comp = _bosworth_collins(capital_share, human_capital, schooling_return, labor, capital)
        j = comp.columns.index(_BC_LABEL)
        for bar, measure in zip(self.bars, _BC_MEASURES, strict=True):
            bar.set_height(float(comp.values[comp.measures.index(measure), j]))
        legend = [ax.legend_] if ax.legend_ is not None else []
        changed = [*self.bars, *over_bars(ax)]
        return _bosworth_collins_note(comp), changed + _on_top(ax, changed, legend)


def make_bosworth_collins_app() -> FigureApp:
    """Widget: recompute Bosworth and Collins (2008) for China 1978-2004 with your own choices.

    Returns
    -------
    FigureApp
    """
    import ipywidgets as w

    style = {"description_width": "initial"}
    controls = {
        "capital_share": slider(_("capital share α"), 0.4, 0.2, 0.7, 0.01, name="capital_share"),
        "human_capital": w.ToggleButtons(
            options=[(_("PWT hc"), "hc"), (_("return r per year of schooling"), "mincer")],
            value="hc",
            description=_("human capital"),
            style=style,
        ),
        "schooling_return": slider(
            _("return r per year of schooling (%)"),
            7.0,
            0.0,
            15.0,
            0.5,
            readout_format=".1f",
            name="schooling_return",
        ),
        "labor": w.ToggleButtons(
            options=[(_("persons"), "persons"), (_("hours"), "hours")],
            value="persons",
            description=_("labour"),
            style=style,
        ),
        "capital": w.ToggleButtons(
            options=[(_("stock rnna"), "rnna"), (_("services rkna"), "rkna")],
            value="rnna",
            description=_("capital"),
            style=style,
        ),
    }
    active_when(controls["schooling_return"], controls["human_capital"], lambda chosen: chosen == "mincer")
    figure = _BosworthCollinsFigure()
    return FigureApp(
        figure.draw,
        controls,
        figsize=(7.0, 3.8),
        margins={"left": 0.1, "bottom": 0.1},
        update=figure.update,
    )
