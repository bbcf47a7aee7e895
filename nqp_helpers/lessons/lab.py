"""The lab's figures (notebook 05): the one-page summary and the widget that analyses any economy.

Everything they show is computed in :mod:`nqp_helpers.lab` (the analysis, the
sensitivity table and verdict, the comparison with China and the world);
this module only draws it.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, cast

import numpy as np

from .._validate import as_bool, as_whole_number
from ..data import list_countries, pwt_years
from ..i18n import _
from ..lab import (
    CITATION,
    TFP_LED_SHARE,
    EconomyAnalysis,
    analyse_economy,
    growth_indices,
    labour_unit,
    sensitivity,
    tfp_share_comparison,
    verdict,
)
from .plotting import COMPONENT_STYLE, plain_log_axis, plot_contributions
from .widgets import FigureApp, KeptPixels, Redraw, over_bars, round_up

if TYPE_CHECKING:
    from matplotlib import path as mpath
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.patches import PathPatch

__all__ = ["summary_figure", "save_summary", "draw_lab", "make_lab_app", "LabApp", "LabChoice"]


def summary_figure(analysis: EconomyAnalysis, figsize: tuple[float, float] = (11.7, 8.3)) -> Figure:
    """One page for a seminar: levels, contributions by period, comparison, sensitivity, citation.

    The page stands alone when saved: a title with the economy's name and the period, a heading per
    panel, axis labels with units, legends inside the page, the verdict, the conventions and the data
    source. Each growth-accounting component keeps its one colour and hatch in every panel
    (:data:`~nqp_helpers.lessons.plotting.COMPONENT_STYLE`: capital blue, labour orange, human capital
    green, TFP vermillion); output and output per unit of labour, which are not components, are black.

    Parameters
    ----------
    analysis : EconomyAnalysis
        Must be ``available``.
    figsize : tuple
        Inches; the default is A4 landscape.

    Returns
    -------
    matplotlib.figure.Figure
    """
    from matplotlib.figure import Figure

    if not analysis.available or analysis.accounting is None:
        raise ValueError(
            _("analysis must be available; {code}: {notes}").format(
                code=analysis.code, notes="; ".join(analysis.notes)
            )
        )
    fig = Figure(figsize=figsize)
    (ax1, ax2), (ax3, ax4) = fig.subplots(2, 2, gridspec_kw={"width_ratios": (1.0, 1.15)})
    fig.subplots_adjust(left=0.13, right=0.84, top=0.89, bottom=0.25, hspace=0.62, wspace=0.6)
    per_unit = labour_unit(analysis.accounting.labor)
    tfp = COMPONENT_STYLE["TFP"]["color"]
    line_styles = {"output": ("-", "black"), "output per unit of labour": ("--", "black"), "TFP": ("-.", tfp)}
    for label, index in growth_indices(analysis).items():
        style, colour = line_styles[label]
        shown = per_unit if label == "output per unit of labour" else label
        ax1.plot(analysis.accounting.years, index, linestyle=style, color=colour, label=_(shown))
    plain_log_axis(ax1.yaxis)
    ax1.set_ylabel(_("index, {year} = 1 (log scale)").format(year=analysis.start))
    ax1.set_xlabel(_("year"))
    ax1.legend(fontsize=9, loc="upper left")
    labels = [f"{a}-{b}" for a, b in analysis.periods]
    plot_contributions(analysis.period_summaries, labels, ax=ax2, legend=False)
    handles, names_ = ax2.get_legend_handles_labels()
    # The parts' names in the language in use (the bars carry the names plot_contributions gave them).
    shown_names = [_(n) for n in names_[::-1]]
    ax2.legend(handles[::-1], shown_names, fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax2.tick_params(axis="x", labelrotation=45, labelsize=8)
    comp = tfp_share_comparison(analysis)
    countries = dict(list_countries())
    names = [
        textwrap.fill(
            _(countries[k])
            if k in countries
            else _("median of the {n} economies").format(n=k.removeprefix("median of ")),
            18,
        )
        for k in comp
    ]
    vals = [100 * v for v in comp.values()]
    ax3.barh(names, vals, color=tfp, hatch=COMPONENT_STYLE["TFP"]["hatch"], edgecolor="white")
    for bar in ax3.patches[1:]:
        bar.set_alpha(0.55)  # the chosen economy in full colour, the two references lighter
    ax3.axvline(100 * TFP_LED_SHARE, color="black", linestyle="--", linewidth=1)
    for i, v in enumerate(vals):
        ax3.text(
            max(v, 0) if np.isfinite(v) else 0,
            i,
            f" {v:.0f} %" if np.isfinite(v) else " " + _("n/a"),
            va="center",
        )
    ax3.set_xlabel(
        _(
            "TFP share of output growth (%); all three with one\n"
            "convention: persons engaged, hc, capital share 1 - labsh"
        ),
        fontsize=9,
    )
    ax3.tick_params(axis="y", labelsize=9)
    ax3.invert_yaxis()
    rows = sensitivity(analysis)
    ax4.barh(
        [r["label"] for r in rows],
        [100 * r["tfp_share"] for r in rows],
        color=tfp,
        hatch=COMPONENT_STYLE["TFP"]["hatch"],
        edgecolor="white",
    )
    ax4.axvline(100 * TFP_LED_SHARE, color="black", linestyle="--", linewidth=1)
    for i, r in enumerate(rows):
        if not np.isfinite(r["tfp_share"]):
            ax4.text(
                0,
                i,
                " " + _("n/a: output grew {growth:.2f} % per year").format(growth=r["output_growth"]),
                va="center",
                fontsize=8,
            )
    ax4.set_xlabel(
        _("TFP share of output growth (%)\n(dashed line: one half, the lab's rule for TFP-led)"), fontsize=9
    )
    ax4.tick_params(axis="y", labelsize=8)
    ax4.invert_yaxis()
    headings = (
        _("(a) Output, {per_unit} and TFP").format(per_unit=_(per_unit)),
        _("(b) Contributions to output growth by sub-period"),
        _("(c) TFP share of output growth, compared"),
        _("(d) TFP share under other assumptions"),
    )
    for ax, heading in zip((ax1, ax2, ax3, ax4), headings, strict=True):
        ax.set_title(heading, loc="left", fontsize=10, fontweight="bold", pad=10)
    fig.suptitle(
        _("Growth accounting: {name}, {start}-{end}").format(
            name=_(analysis.name), start=analysis.start, end=analysis.end
        ),
        fontsize=14,
    )
    fig.text(0.08, 0.085, _("Verdict: {verdict}").format(verdict=verdict(rows)), fontsize=9, wrap=True)
    # The conventions of capital share, labour and human capital (3 to 5 in decompose_country's order).
    conv = analysis.conventions[3:6]
    fig.text(
        0.08,
        0.045,
        _("Conventions: {conventions}").format(conventions="; ".join(conv)),
        fontsize=7,
        wrap=True,
    )
    fig.text(0.08, 0.015, _(CITATION), fontsize=7)
    return fig


def save_summary(
    analysis: EconomyAnalysis, stem: str | os.PathLike[str], overwrite: bool = False
) -> tuple[Path, Path]:
    """Save :func:`summary_figure` as ``stem.png`` and ``stem.pdf``; return the two paths.

    The stem keeps every dot it has (``"kor.v2"`` gives ``kor.v2.png``); a
    stem that already ends in ``.png`` or ``.pdf`` loses that ending. Files
    that exist are never replaced silently: unless ``overwrite`` is True,
    the call refuses, names them, and writes nothing.

    Parameters
    ----------
    analysis : EconomyAnalysis
        Must be ``available``.
    stem : str or Path
        Path without extension, e.g. ``"kor-summary"``, in a folder that exists.
    overwrite : bool, default False
        Replace ``stem.png`` and ``stem.pdf`` if they exist.

    Returns
    -------
    tuple of Path

    Raises
    ------
    ValueError
        If ``stem`` is not a path, its folder does not exist, a file exists
        and ``overwrite`` is False, or the analysis is not available.
    """
    if not isinstance(stem, (str, os.PathLike)) or not str(stem).strip():
        raise ValueError(
            _("stem must be a file path without extension, such as 'kor-summary'; got {value!r}").format(
                value=stem
            )
        )
    overwrite = as_bool("overwrite", overwrite)
    path = Path(stem)
    if path.suffix.lower() in (".png", ".pdf"):
        path = path.with_suffix("")
    if not path.parent.is_dir():
        raise ValueError(
            _("stem must lie in a folder that exists; {folder} does not (create it first)").format(
                folder=path.parent
            )
        )
    paths = (path.with_name(path.name + ".png"), path.with_name(path.name + ".pdf"))
    existing = [p for p in paths if p.exists()]
    if existing and not overwrite:
        raise ValueError(
            _("{path} already exists; choose another stem, or pass overwrite=True to replace it").format(
                path=existing[0]
            )
            if len(existing) == 1
            else _(
                "{first} and {second} already exist; choose another stem, or pass overwrite=True to "
                "replace them"
            ).format(first=existing[0], second=existing[1])
        )
    fig = summary_figure(analysis)
    for p in paths:
        fig.savefig(p, dpi=150)
    return paths


def _economy_options() -> list[str]:
    """The options of the economy box: "CHN — China", the name in the language in use."""
    return [f"{code} — {_(name)}" for code, name in list_countries()]


def _code_of(economy: object) -> str:
    """The code in an option of the economy box ("CHN — China" -> "CHN"), or the text typed, upper case."""
    return str(economy).split(" — ")[0].strip().upper()


class LabChoice(NamedTuple):
    """What the lab's widget has chosen: an economy's code and a period of whole years."""

    code: str
    start: int
    end: int


class LabApp(FigureApp):
    """The lab's widget (:func:`make_lab_app`): a :class:`FigureApp` that also tells what it has chosen.

    The cells after the widget in notebook 05 read :meth:`choice` when they run, so that they analyse
    the economy and period shown in the widget.
    """

    def choice(self) -> LabChoice:
        """The economy and period chosen in the widget now, as ``(code, start, end)``.

        Raises
        ------
        ValueError
            If the box holds text that is not an economy of the list, or the period is shorter
            than two years (the figure says the same).
        """
        economy, period = self.values["economy"], self.values["period"]
        code = _code_of(economy)
        if code not in dict(list_countries()):
            raise ValueError(
                _(
                    "no economy is chosen in the widget (the box holds {value!r}): type a name or a code "
                    "and choose it from the list, then run this cell again"
                ).format(value=economy)
            )
        first, last = int(period[0]), int(period[1])
        if last <= first:
            raise ValueError(
                _(
                    "the period chosen in the widget is {first}-{last}: move its ends apart (two years or "
                    "more), then run this cell again"
                ).format(first=first, last=last)
            )
        return LabChoice(code, first, last)


def draw_lab(ax: Axes, economy: str, period: Sequence[int]) -> str:
    """Draw contributions by sub-period for the chosen economy; return the verdict line.

    ``economy`` is an option of the searchable box ("CHN — China") or any
    text; ``period`` is a (start, end) pair of years. A period of one year
    (start == end), which the range slider allows, draws a note asking for
    two years or more instead of contributions.
    """
    return _draw_lab(ax, economy, period, _analysis(economy, period))


def _analysis(economy: str, period: Sequence[int]) -> EconomyAnalysis | None:
    """The analysis the lab's chart shows for this choice, or None when the box or the period is not a
    choice yet (no economy of the list, fewer than two years)."""
    code = _code_of(economy)
    first, last = int(period[0]), int(period[1])
    if code not in dict(list_countries()) or last <= first:
        return None
    return analyse_economy(code, first, last)


def _draw_lab(ax: Axes, economy: str, period: Sequence[int], analysis: EconomyAnalysis | None) -> str:
    """:func:`draw_lab` with the analysis of this choice already made (``_analysis(economy, period)``)."""
    code = _code_of(economy)
    if code not in dict(list_countries()):
        ax.text(
            0.5,
            0.5,
            _("type to search, then choose an economy from the list"),
            ha="center",
            transform=ax.transAxes,
        )
        ax.set_axis_off()
        return _("no economy chosen yet")
    first, last = int(period[0]), int(period[1])
    if last <= first:
        ax.text(
            0.5,
            0.5,
            _(
                "the period {first}-{last} has no growth to account for:\n"
                "move the ends apart (two years or more)"
            ).format(first=first, last=last),
            ha="center",
            transform=ax.transAxes,
        )
        ax.set_axis_off()
        return _("choose a period of at least two years; now {first}-{last}").format(first=first, last=last)
    ax.set_axis_on()
    assert analysis is not None
    if not analysis.available or analysis.whole is None:
        ax.text(0.5, 0.5, "\n".join(analysis.notes), ha="center", wrap=True, transform=ax.transAxes)
        ax.set_axis_off()
        return _("{name}: growth accounting is not possible here").format(name=_(analysis.name))
    plot_contributions(analysis.period_summaries, [f"{a}-{b}" for a, b in analysis.periods], ax=ax)
    ax.tick_params(axis="x", labelrotation=45, labelsize=8)
    return _note(analysis)


def _note(analysis: EconomyAnalysis) -> str:
    """The line under the lab's chart: growth, TFP, the verdict and the analysis's notes."""
    assert analysis.whole is not None
    notes = "".join("<br>" + _("note: {note}").format(note=n) for n in analysis.notes)
    return (
        _(
            "<b>{name}, {start}-{end}</b>: output growth {growth:.2f} % per year, TFP {tfp:.2f}. {verdict}"
        ).format(
            name=_(analysis.name),
            start=analysis.start,
            end=analysis.end,
            growth=analysis.whole.total,
            tfp=analysis.whole.parts["TFP"],
            verdict=verdict(sensitivity(analysis)),
        )
        + notes
    )


class _Shown(NamedTuple):
    """What the lab's chart shows for one choice (bars only): the stacked parts, totals, labels."""

    parts: dict[str, np.ndarray]
    totals: np.ndarray
    labels: list[str]
    total_name: str
    low: float  # the lowest bar bottom or total, with autoscale's 5 % margin
    high: float  # the highest bar top or total, with the same margin


def _shown(analysis: EconomyAnalysis | None) -> _Shown | None:
    """The numbers :func:`draw_lab` draws as bars for this analysis, or None when it draws a note instead."""
    if analysis is None or not analysis.available or analysis.whole is None:
        return None
    summaries = analysis.period_summaries
    parts = {name: np.array([float(s.parts[name]) for s in summaries]) for name in summaries[0].parts}
    totals = np.array([float(s.total) for s in summaries])
    tops = sum(np.where(v >= 0, v, 0.0) for v in parts.values())
    bottoms = sum(np.where(v < 0, v, 0.0) for v in parts.values())
    low = min(0.0, float(np.min(bottoms)), float(totals.min()))
    high = max(0.0, float(np.max(tops)), float(totals.max()))
    margin = 0.05 * (high - low)
    return _Shown(
        parts,
        totals,
        [f"{a}-{b}" for a, b in analysis.periods],
        summaries[0].total_name,
        low - margin if low < 0 else 0.0,
        high + margin if high > 0 else 0.0,
    )


def _bar_paths(shown: _Shown) -> list[mpath.Path]:
    """The bars of each part as one path, stacked as :func:`~nqp_helpers.lessons.plotting.stacked_bars`
    stacks them: bar ``i`` is 0.6 wide, centred on ``i``, from the top of the positive parts below it
    (the bottom of the negative ones when it is negative) and as high as its value."""
    from matplotlib import path as mpath

    n = len(shown.labels)
    left = np.arange(n) - 0.3  # as Axes.bar places a bar of width 0.6 centred on its tick
    right = left + 0.6
    codes = np.tile([mpath.Path.MOVETO, *[mpath.Path.LINETO] * 3, mpath.Path.CLOSEPOLY], n)
    pos, neg = np.zeros(n), np.zeros(n)
    paths = []
    for values in shown.parts.values():
        bottom = np.where(values >= 0, pos, neg)
        top = bottom + values
        xs = np.stack([left, right, right, left, left], axis=1)
        ys = np.stack([bottom, bottom, top, top, bottom], axis=1)
        paths.append(mpath.Path(np.stack([xs, ys], axis=2).reshape(-1, 2), codes))
        pos = pos + np.where(values >= 0, values, 0.0)
        neg = neg + np.where(values < 0, values, 0.0)
    return paths


class _LabFigure:
    """The lab's chart, drawn by :func:`draw_lab` and then moved in place.

    After a full draw the bars of each part become one patch of that part's style (one hatched path
    is painted about five times faster than five, with the same pixels). The vertical axis runs
    between round values (:func:`~nqp_helpers.lessons.widgets.round_up`) that stay put while the bars
    fit and fill more than :data:`_SHRINK` of it. A choice with the same parts moves the bars, the
    total markers and the period labels in place; when its bars leave the scale or fill too little of
    it, the vertical limits change in place too (a rescale). A choice with another number of
    sub-periods also moves the period ticks and sets the horizontal limits that a full draw's
    autoscale gives (a rescale). A note instead of bars, other parts or another total draw the chart
    again.
    """

    def __init__(self) -> None:
        self.shown: _Shown | None = None
        self.limits: tuple[float, float] | None = None
        self._made: tuple[tuple[str, int, int], EconomyAnalysis | None] | None = None
        self.bars: list[PathPatch] = []  # each part's bars as one patch, in the order they are stacked
        self.legend: KeptPixels | None = None

    def analysis(self, economy: str, period: Sequence[int]) -> EconomyAnalysis | None:
        """The analysis of this choice, made once a redraw (a full draw asks ``update`` at once which
        artists move: both use the analysis the draw made)."""
        key = (economy, int(period[0]), int(period[1]))
        if self._made is None or self._made[0] != key:
            self._made = (key, _analysis(economy, period))
        return self._made[1]

    def limit(self, shown: _Shown) -> tuple[float, float]:
        """The vertical limits to show: those shown while they suit the bars, else new round ones."""
        if self.limits is not None:
            low, high = self.limits
            if low <= shown.low and shown.high <= high and shown.high - shown.low >= _SHRINK * (high - low):
                return self.limits
        return (-round_up(-shown.low) if shown.low < 0 else 0.0, round_up(shown.high))

    def draw(self, ax: Axes, economy: str, period: Sequence[int]) -> str:
        """Draw the chart on cleared axes (:func:`draw_lab`) on round vertical limits, each part's bars as
        one patch; return the note."""
        self._made = None  # a full draw makes the analysis anew
        analysis = self.analysis(economy, period)
        note = _draw_lab(ax, economy, period, analysis)
        self.shown = _shown(analysis)
        if self.shown is not None:
            from matplotlib.patches import PathPatch, Rectangle

            self.limits = self.limit(self.shown)
            ax.set_ylim(*self.limits)
            # The bars, part by part, period by period, as stacked_bars drew them, become one patch per
            # part with the style of its first bar, painted in the same order. The data limits stay
            # those of the bars (add_artist adds none), the legend keeps its own handles.
            rectangles = [p for p in ax.patches if isinstance(p, Rectangle)]
            n = len(self.shown.labels)
            self.bars = []
            for k, path in enumerate(_bar_paths(self.shown)):
                bars = PathPatch(path)
                bars.update_from(rectangles[k * n])
                bars.set_label("_nolegend_")
                self.bars.append(bars)
            for rectangle in rectangles:
                rectangle.remove()
            for bars in self.bars:
                ax.add_artist(bars)
            self.totals, self.zero = ax.lines  # the total markers, the line at zero
            # The legend beside the axes does not change until the next full draw, and nothing moves under
            # it: a new scale puts its pixels back instead of drawing its texts again.
            legend = ax.get_legend()
            self.legend = KeptPixels(legend) if legend is not None else None
        return note

    def update(self, ax: Axes, economy: str, period: Sequence[int]) -> tuple[str, list[Artist]]:
        """Move the bars, markers and period labels to this choice, with new vertical limits when the bars
        leave them or fill too little of them, and new horizontal limits and ticks for another number of
        bars; return the note and the moved artists. Raises Redraw where a full draw is needed (see the
        class)."""
        analysis = self.analysis(economy, period)
        shown = _shown(analysis)
        old = self.shown
        if (
            shown is None
            or old is None
            or list(shown.parts) != list(old.parts)
            or shown.total_name != old.total_name
        ):
            raise Redraw
        limits = self.limit(shown)
        if limits != self.limits:  # the bars leave the scale, or fill too little of it: a new scale
            self.limits = limits
            ax.set_ylim(*limits)
        assert analysis is not None  # shown is not None
        note = _note(analysis)
        paths = _bar_paths(shown)
        for bars, path in zip(self.bars, paths, strict=True):
            bars.set_path(path)
        n = len(shown.labels)
        x = np.arange(n)
        self.totals.set_data(x, shown.totals)
        if n != len(old.labels):
            # Another number of sub-periods: the horizontal data limits become the outer edges of the
            # first and the last bar (the markers lie between them), and autoscale adds its margins,
            # exactly as in a full draw; the vertical limits are always set, never autoscaled.
            ax.dataLim.intervalx = paths[0].get_extents().intervalx
            ax.autoscale_view(scaley=False)
            ax.set_xticks(x)
        labels = ax.xaxis.set_ticklabels(shown.labels)
        self.shown = shown
        # In the order of a full draw: the bars, the grid lines over them, the markers and the line at
        # zero, the spines (over the bars' feet and the grid lines' ends), the period labels.
        moving = [*self.bars, *over_bars(ax), *labels]  # grid, markers, zero line, spines: over the bars
        if self.legend is not None:
            moving.append(cast("Artist", self.legend))  # drawn (and shown, hidden) as an artist is
        return note, moving


#: The lab's chart keeps its vertical scale while the bars span at least this fraction of it.
_SHRINK = 0.4


def make_lab_app(economy: str = "KOR", period: tuple[int, int] = (1970, 2023)) -> LabApp:
    """A searchable choice of economy and a period slider around :func:`draw_lab`.

    Parameters
    ----------
    economy : str
        Starting economy: a code of the Penn World Table extract ("KOR").
    period : (int, int)
        Starting period: two whole years of the data (1950-2023), start < end.

    Returns
    -------
    LabApp
        A :class:`FigureApp` whose :meth:`LabApp.choice` gives the economy and period chosen now.

    Raises
    ------
    ValueError
        An unknown economy, or a period that is not two whole years inside
        the data with start < end (the slider would silently move them).
    """
    import ipywidgets as w

    options = _economy_options()
    matches = [o for o in options if o.split(" — ")[0] == _code_of(economy)]
    if not matches:
        raise ValueError(
            _("economy must be a code in the Penn World Table extract; got {value!r}").format(value=economy)
        )
    years = pwt_years()
    if isinstance(period, (str, bytes)) or not isinstance(period, Sequence) or len(period) != 2:
        raise ValueError(_("period must be a (start, end) pair of years; got {value!r}").format(value=period))
    lo, hi = int(years[0]), int(years[-1])
    first = as_whole_number("period[0]", period[0], low=lo, high=hi)
    last = as_whole_number("period[1]", period[1], low=lo, high=hi)
    if not first < last:
        raise ValueError(_("period must have start < end; got {value!r}").format(value=tuple(period)))
    period = (first, last)
    controls = {
        "economy": w.Combobox(
            value=matches[0],
            options=options,
            ensure_option=True,
            description=_("economy"),
            placeholder=_("type a name or code"),
            layout=w.Layout(width="460px"),
        ),
        "period": w.IntRangeSlider(
            value=period,
            min=int(years[0]),
            max=int(years[-1]),
            step=1,
            description=_("period (years)"),
            continuous_update=False,
            style={"description_width": "initial"},
            layout=w.Layout(width="460px"),
        ),
    }
    figure = _LabFigure()
    margins = {"right": 0.72, "bottom": 0.25}
    return LabApp(figure.draw, controls, figsize=(8.0, 4.0), margins=margins, update=figure.update)
