"""Figures and widgets of notebook 01: the three elements, the determinants, the combination app.

The model -- :class:`~nqp_helpers.elements.LabourProcess`, Marx's determinants as an
index, the fit of workers to tools -- lives in :mod:`nqp_helpers.elements`, the
production functions in :mod:`nqp_helpers.production`; this module only draws what
they compute.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import numpy as np
import numpy.typing as npt

from .._validate import as_scalar
from ..elements import (
    ELEMENTS,
    TOY_QUANTITIES,
    TOY_REQUIREMENTS,
    TOY_UNITS,
    DeterminantAccounting,
    LabourProcess,
    decompose_productivity,
    element_index,
)
from ..i18n import N_, _
from ..production import as_inputs, as_rule
from .widgets import FigureApp, KeptPixels, active_when, drawn_box, slider

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle
    from matplotlib.text import Text

__all__ = [
    "ELEMENT_STYLE",
    "RULE_STYLE",
    "TOY_SOURCE",
    "plot_output_along",
    "plot_determinants",
    "coinciding_lines",
    "note_coinciding_lines",
    "note_source",
    "describe_combination",
    "draw_combination",
    "make_combination_app",
    "draw_determinants",
    "make_determinants_app",
]

#: Colour, hatch and line style of each element in figures (Okabe-Ito colours distinct from the rules
#: in RULE_STYLE; hatches and line styles for grey print).
ELEMENT_STYLE: dict[str, dict[str, Any]] = {
    "workers": {"color": "#E69F00", "hatch": "//", "linestyle": "--"},
    "means of labour": {"color": "#CC79A7", "hatch": "", "linestyle": "-"},
    "objects of labour": {"color": "#56B4E9", "hatch": "..", "linestyle": "-."},
}
#: Line style of each combination rule in figures.
RULE_STYLE: dict[str, dict[str, Any]] = {
    "fixed proportions": {"color": "#D55E00", "linestyle": "-", "label": N_("fixed proportions")},
    "cobb-douglas": {"color": "#0072B2", "linestyle": "--", "label": N_("Cobb-Douglas")},
    "ces": {"color": "#009E73", "linestyle": "-.", "label": N_("CES")},
}
#: The source line of every figure of notebook 01: its numbers describe a toy workshop, not data.
TOY_SOURCE = N_("Toy model with illustrative parameters (notebook 01), not data")
#: Texts shown through the catalogue that are marked nowhere else: a unit, and the source line and curve
#: labels notebook 01 passes to :func:`note_source` and :func:`plot_output_along` (the elements and their
#: other units are marked where :mod:`nqp_helpers.elements` defines them).
_SHOWN_THROUGH_CATALOGUE = (
    N_("kg of timber"),
    N_("Toy model with seeded random skills and machine qualities (notebook 01), not data"),
    N_("baseline: 5 machines of quality 1"),
    N_("more: 10 machines of quality 1"),
    N_("better: 5 machines of quality 2"),
)
_NOTE_BOX = {"boxstyle": "round,pad=0.25", "facecolor": "white", "edgecolor": "0.75", "alpha": 0.9}

_DETERMINANT_STYLE: dict[str, dict[str, Any]] = {
    N_("skill"): {"color": "#009E73", "hatch": ".."},
    N_("science"): {"color": "#D55E00", "hatch": "xx"},
    N_("organisation"): {"color": "#CC79A7", "hatch": "\\\\"},
    N_("means of production"): {"color": "#0072B2", "hatch": ""},
    N_("nature"): {"color": "#56B4E9", "hatch": "--"},
}


def plot_output_along(
    process: LabourProcess,
    quantities: npt.ArrayLike,
    qualities: npt.ArrayLike = 1.0,
    element: str | int = "workers",
    upto: float | None = None,
    ax: Axes | None = None,
    points: int = 201,
    label: str | None = None,
    show_capacities: bool = False,
    show_ceiling: bool = False,
    **line_kw: Any,
) -> Axes:
    """Output as one element's quantity varies, the others fixed (a line on ``ax``).

    Parameters
    ----------
    process : LabourProcess
    quantities : array_like, shape (3,)
        The quantities of the other elements (the varied element's own entry is ignored).
    qualities : float or array_like, shape (3,)
    element : str or int
        The element on the horizontal axis.
    upto : float, optional
        Largest quantity shown (default: 4 times the given one).
    ax : matplotlib Axes, optional
    points : int
        Number of points on the curve.
    label : str, optional
        Legend label (default: the rule's name), shown through the catalogue.
    show_capacities : bool
        Also draw each element's capacity along the same axis: a ray for the varied
        element (its capacity grows with its quantity), flat lines for the others.
        Under fixed proportions output is the lowest of them.
    show_ceiling : bool
        Draw the ceiling set by the other elements (:meth:`LabourProcess.ceiling`) as a
        dotted line in the curve's colour when it is finite.
    **line_kw
        Passed to ``ax.plot`` for the output curve (colour, line style).

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        If ``process`` is not a LabourProcess or the quantities are not three numbers.
    """
    import matplotlib.pyplot as plt

    if not isinstance(process, LabourProcess):
        raise ValueError(_("process must be a LabourProcess; got {process!r}").format(process=process))
    i = element_index(element)
    q0 = as_inputs("quantities", quantities, n=3)
    if q0.shape != (3,):
        raise ValueError(_("quantities must have shape (3,) here; got {shape}").format(shape=q0.shape))
    top = 4.0 * q0[i] if upto is None else as_scalar("upto", upto, low=0, low_open=True)
    if ax is None:
        _fig, ax = plt.subplots()
    grid, y, x = _output_along(process, q0, qualities, i, top, points)
    style: dict[str, Any] = {k: v for k, v in RULE_STYLE[process.rule].items() if k != "label"}
    style.update(line_kw)
    ax.plot(grid, y, label=_(label or RULE_STYLE[process.rule]["label"]), **style)
    if show_capacities:
        for k, name in enumerate(ELEMENTS):
            st = ELEMENT_STYLE[name]
            ax.plot(
                grid[[0, -1]],
                x[:, k],
                color=st["color"],
                linestyle=st["linestyle"],
                linewidth=1.0,
                label=_("capacity of {element}").format(element=_(name)),
            )
    if show_ceiling:
        cap = float(process.ceiling(q0, qualities, element=i))
        if np.isfinite(cap):
            ax.axhline(cap, color=style.get("color", "grey"), linestyle=":", linewidth=1.2)
    ax.set_xlabel(_("{element} ({unit})").format(element=_(ELEMENTS[i]), unit=_(TOY_UNITS[i])))
    ax.set_ylabel(_("output (chairs per day)"))
    return ax


def _output_along(
    process: LabourProcess, q0: npt.ArrayLike, qualities: npt.ArrayLike, i: int, top: float, points: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The grid of element ``i``'s quantity from 0 to ``top``, output along it, and the three capacities at
    its two ends (shape (2, 3)): what :func:`plot_output_along` draws."""
    grid = np.linspace(0.0, top, int(points))
    q = np.repeat(np.asarray(q0, dtype=float)[None, :], grid.size, axis=0)
    q[:, i] = grid
    return grid, process.output(q, qualities), process.effective_inputs(q[[0, -1]], qualities)


def coinciding_lines(ax: Axes, atol: float = 1e-9) -> list[tuple[str, str]]:
    """Pairs of labelled lines on ``ax`` that lie exactly on top of each other.

    Two lines coincide when they have the same points (same x and y data, within ``atol``); a line
    drawn later then hides the earlier one.

    Parameters
    ----------
    ax : matplotlib Axes
    atol : float
        Absolute tolerance on the coordinates, >= 0.

    Returns
    -------
    list of (str, str)
        The labels of each coinciding pair, in drawing order (lines whose label starts with an
        underscore, which a legend ignores, are left out).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().subplots()
    >>> _ = ax.plot([0, 1], [2, 2], label="machines"); _ = ax.plot([0, 1], [2, 2], label="timber")
    >>> _ = ax.plot([0, 1], [1, 3], label="workers")
    >>> coinciding_lines(ax)
    [('machines', 'timber')]
    """
    tolerance = as_scalar("atol", atol, low=0)
    lines = [ln for ln in ax.get_lines() if not str(ln.get_label()).startswith("_")]
    data = [
        (np.asarray(ln.get_xdata(), dtype=float), np.asarray(ln.get_ydata(), dtype=float)) for ln in lines
    ]
    pairs = []
    for i in range(len(lines)):
        for j in range(i + 1, len(lines)):
            (xi, yi), (xj, yj) = data[i], data[j]
            if (
                xi.shape == xj.shape
                and yi.shape == yj.shape
                and np.allclose(xi, xj, rtol=0, atol=tolerance)
                and np.allclose(yi, yj, rtol=0, atol=tolerance)
            ):
                pairs.append((str(lines[i].get_label()), str(lines[j].get_label())))
    return pairs


def note_coinciding_lines(
    ax: Axes,
    extra: str | None = None,
    position: tuple[float, float] = (0.98, 0.04),
    ha: str = "right",
    va: str = "bottom",
) -> list[tuple[str, str]]:
    """Say on the figure which lines coincide, so that a reader knows a hidden line is there.

    Parameters
    ----------
    ax : matplotlib Axes
    extra : str, optional
        A further sentence for a partial overlap the test of :func:`coinciding_lines` cannot see
        (for example, output running along the lowest capacity under fixed proportions).
    position : (float, float)
        Where the note goes, in axes coordinates (0 to 1).
    ha, va : str
        Its horizontal and vertical alignment.

    Returns
    -------
    list of (str, str)
        The coinciding pairs found (see :func:`coinciding_lines`); nothing is written when there are
        none and ``extra`` is not given.
    """
    pairs, text = _coincidence_text(ax, extra)
    if text:
        _write_note(ax, text, position, ha, va)
    return pairs


def _coincidence_text(ax: Axes, extra: str | None) -> tuple[list[tuple[str, str]], str]:
    """The coinciding pairs on ``ax`` and the note that says so ("" when there is nothing to say)."""
    pairs = coinciding_lines(ax)
    lines = []
    for a, b in pairs:  # a long pair goes on three short lines, to fit a narrow panel
        pair = f"{a} = {b}"
        lines += (
            [_("lines that coincide: {pair}").format(pair=pair)]
            if len(pair) <= 60
            else [_("lines that coincide:"), a, f"= {b}"]
        )
    if extra:
        lines.append(extra)
    return pairs, "\n".join(lines)


def _write_note(ax: Axes, text: str, position: tuple[float, float], ha: str, va: str) -> Text:
    """A boxed note in small type over the lines of ``ax`` (an empty text draws nothing, box included)."""
    return ax.text(
        *position,
        text,
        transform=ax.transAxes,
        ha=ha,
        va=va,
        fontsize=8,
        color="0.2",
        bbox=_NOTE_BOX,
        zorder=5,
    )


def note_source(ax: Axes, text: str = TOY_SOURCE, above: str | None = None) -> Text | None:
    """Write a figure's source (and, for a widget, its parameters) above the axes, so that a saved
    figure says what it shows.

    Parameters
    ----------
    ax : matplotlib Axes
    text : str
        The source line, in small grey type, right-aligned above the axes (shown through the catalogue).
    above : str, optional
        A line of parameter values, left-aligned above the axes.

    Returns
    -------
    matplotlib Text or None
        The line of parameter values (a widget changes its text when a slider moves), if any.
    """
    ax.text(1.0, 1.015, _(text), transform=ax.transAxes, ha="right", va="bottom", fontsize=7.5, color="0.35")
    if above:
        return ax.text(0.0, 1.075, above, transform=ax.transAxes, ha="left", va="bottom", fontsize=8)
    return None


def plot_determinants(
    accounting: DeterminantAccounting, ax: Axes | None = None, labels: list[str] | None = None
) -> Axes:
    """Bars of each determinant's contribution and a diamond at total productivity growth.

    Parameters
    ----------
    accounting : DeterminantAccounting
        A single economy (1-D contributions).
    ax : matplotlib Axes, optional
    labels : sequence of str, optional
        Tick labels (default: the determinant names, wrapped).

    Returns
    -------
    matplotlib Axes
    """
    import matplotlib.pyplot as plt

    if not isinstance(accounting, DeterminantAccounting) or np.ndim(accounting.total) != 0:
        raise ValueError(_("accounting must be a DeterminantAccounting of one economy (1-D contributions)"))
    if ax is None:
        _fig, ax = plt.subplots()
    names = accounting.names
    pos = np.arange(len(names) + 1)
    for k, name in enumerate(names):
        st = _DETERMINANT_STYLE.get(name, {"color": "grey", "hatch": ""})
        ax.bar(
            pos[k],
            accounting.contributions[k],
            width=0.6,
            color=st["color"],
            hatch=st["hatch"],
            edgecolor="white",
            linewidth=0.5,
        )
    ax.bar(pos[-1], float(accounting.total), width=0.6, color="white", edgecolor="black", linewidth=1.2)
    ax.plot(pos[-1], float(accounting.total), "D", color="black")
    ax.axhline(0, color="black", linewidth=0.8)
    ticks = list(labels) if labels is not None else [_(n).replace(" ", "\n", 1) for n in names]
    ax.set_xticks(pos, ticks + [_("labour\nproductivity")])
    ax.set_ylabel(_("contribution to growth (% per year)"))
    ax.grid(axis="x", visible=False)
    return ax


def draw_combination(
    ax: Axes,
    rule: str = "cobb-douglas",
    sigma: float = 0.5,
    workers: float = 10.0,
    machines: float = 5.0,
    timber: float = 200.0,
    tool_quality: float = 1.0,
    labour_extension: float = 0.0,
) -> str:
    """Draw the combination widget: output against the number of workers, with capacities.

    Parameters
    ----------
    ax : matplotlib Axes
    rule : str
        Combination rule.
    sigma : float
        Elasticity of substitution (used by CES only).
    workers, machines, timber : float
        Quantities: persons, machines, kg of timber per day (strictly positive).
    tool_quality : float
        Quality index of the machines (1 = baseline).
    labour_extension : float
        :math:`\\eta` in [0, 1].

    Returns
    -------
    str
        One line of HTML: output, the scarcest element, the marginal product of a worker.
    """
    return _CombinationFigure().draw(
        ax, rule, sigma, workers, machines, timber, tool_quality, labour_extension
    )


#: The combination figure's horizontal axis (workers) and its number of points per curve.
_WORKERS_SHOWN, _POINTS = 40.0, 81
#: The names written at the right ends of the combination figure's lines, in drawing order.
_END_NAMES = [
    N_("baseline output"),
    N_("output"),
    N_("capacity: workers"),
    N_("capacity: means of labour"),
    N_("capacity: objects of labour"),
]


class _CombinationFigure:
    """The combination widget's figure: :meth:`draw` draws it and keeps its moving artists; :meth:`update`
    moves them for new values (the app's update in place) and sets the new vertical scale when output
    needs another (80 or 160 chairs)."""

    lines: list[Line2D]
    labels: list[Text]
    coincidence: Text
    above: Text
    kept: KeptPixels
    kept_note: KeptPixels
    kept_above: KeptPixels
    #: The values the curves, their names and the note were drawn for (all but the number of workers).
    shown: tuple[str, float, float, float, float, float]

    def draw(
        self,
        ax: Axes,
        rule: str,
        sigma: float,
        workers: float,
        machines: float,
        timber: float,
        tool_quality: float,
        labour_extension: float,
    ) -> str:
        process, q, a, y, top = _combination_numbers(
            rule, sigma, workers, machines, timber, tool_quality, labour_extension
        )
        plot_output_along(
            LabourProcess(rule=rule, sigma=sigma),
            TOY_QUANTITIES,
            1.0,
            upto=_WORKERS_SHOWN,
            ax=ax,
            points=_POINTS,
            color="grey",
            linestyle=":",
            linewidth=1.5,
            label=N_("baseline output (5 machines, 200 kg)"),
        )
        plot_output_along(
            process,
            q,
            a,
            upto=_WORKERS_SHOWN,
            ax=ax,
            points=_POINTS,
            label=N_("output"),
            show_capacities=True,
            color="black",
            linestyle="-",
            linewidth=2.5,
        )
        ax.plot([workers], [y], "o", color="black", label=_("current combination"))
        self.lines = list(ax.get_lines())
        # Fixed limits and few ticks: the picture does not jump, and it redraws faster. Lines are
        # labelled at their right ends (a legend would double the redraw time).
        self.labels = [
            ax.text(
                _WORKERS_SHOWN * 1.02,
                0.0,
                _(name),
                color=line.get_color(),
                fontsize=9,
                va="center",
                clip_on=False,
            )
            for name, line in zip(_END_NAMES, self.lines, strict=False)
        ]
        # A few versions of each text are kept: a student flips between the three rules and back.
        self.kept = KeptPixels(*self.labels, versions=4)
        self._place_labels(top)
        ax.set_ylim(0, top)
        ax.set_yticks(np.linspace(0, top, 5))
        ax.set_xlim(0, _WORKERS_SHOWN)
        ax.set_xticks([0, 10, 20, 30, 40])
        # Always a note (empty when no lines coincide), so that an update can change its text.
        self.coincidence = _write_note(ax, "", (0.02, 0.97), "left", "top")
        self.kept_note = KeptPixels(self.coincidence, versions=4)
        self.coincidence.set_text(_coincidence_text(ax, _overlap(process))[1])
        above = note_source(
            ax,
            above=describe_combination(
                rule, sigma, workers, machines, timber, tool_quality, labour_extension
            ),
        )
        assert above is not None
        self.above = above
        self.kept_above = KeptPixels(above, versions=4)  # above the axes: nothing moves under it
        self.shown = (rule, sigma, machines, timber, tool_quality, labour_extension)
        return _combination_note(process, q, a, y, timber)

    def update(
        self,
        ax: Axes,
        rule: str,
        sigma: float,
        workers: float,
        machines: float,
        timber: float,
        tool_quality: float,
        labour_extension: float,
    ) -> tuple[str, list[Artist]]:
        process, q, a, y, top = _combination_numbers(
            rule, sigma, workers, machines, timber, tool_quality, labour_extension
        )
        rescale = ax.get_ylim() != (0.0, top)
        if rescale:  # another vertical scale (80 or 160 chairs), set in place: the figure is rendered anew
            ax.set_ylim(0.0, top)
            ax.set_yticks(np.linspace(0, top, 5))
            self.kept.forget()  # the pixels kept under the names and the note show the old grid
            self.kept_note.forget()
        base, output, *capacities, marker = self.lines
        marker.set_data([workers], [y])
        self.above.set_text(
            describe_combination(rule, sigma, workers, machines, timber, tool_quality, labour_extension)
        )
        note = _combination_note(process, q, a, y, timber)
        spines = [ax.spines["left"], ax.spines["bottom"]]
        shown, self.shown = self.shown, (rule, sigma, machines, timber, tool_quality, labour_extension)
        if shown == self.shown and not rescale:
            # Only the number of workers moved: the curves, their names and the note stay (they run along
            # the workers axis); the marker moves along the output curve, under the note if it meets it.
            over = [self.coincidence] if _meets([marker], self.coincidence) else []
            return note, [marker, *spines, cast("Artist", self.kept_above), *over]
        base.set_ydata(
            _output_along(
                LabourProcess(rule=rule, sigma=sigma), TOY_QUANTITIES, 1.0, 0, _WORKERS_SHOWN, _POINTS
            )[1]
        )
        _grid, y_along, ends = _output_along(process, q, a, 0, _WORKERS_SHOWN, _POINTS)
        output.set_ydata(y_along)
        for k, line in enumerate(capacities):
            line.set_ydata(ends[:, k])
        # Text is the slow part of a redraw. The names, outside the axes, keep their pixels while they stay
        # where they are; so does the note over the lines while no line passes under it.
        self._place_labels(top)
        self.coincidence.set_text(_coincidence_text(ax, _overlap(process))[1])
        self.kept_note.free = not _meets(self.lines, self.coincidence)
        kept = cast("list[Artist]", [self.kept, self.kept_above, self.kept_note])  # drawn as artists are
        # In the order a full draw draws them: lines, the spines they may touch, then the text.
        return note, [*self.lines, *spines, *kept]

    def _place_labels(self, top: float) -> None:
        """Put each name at its line's right end, pushed apart so that the names do not overlap."""
        ends = [float(np.asarray(line.get_ydata())[-1]) for line in self.lines[: len(self.labels)]]
        for label, height in zip(self.labels, _label_heights(ends, top), strict=True):
            label.set_y(height)


def _meets(artists: list[Line2D], text: Text) -> bool:
    """Whether any of the lines, as drawn, meets a text's extent, box included (a text that says nothing
    meets nothing): a line of several points when its path, widened by the line width, passes through the
    text's box; a marker when its extent overlaps the box."""
    if not text.get_text():
        return False
    box = drawn_box(text)
    for line in artists:
        if len(line.get_xydata()) > 1:  # type: ignore[arg-type]
            pad = line.get_linewidth() * text.get_figure(root=True).dpi / 72  # type: ignore[union-attr]
            path = line.get_transform().transform_path(line.get_path())
            if path.intersects_bbox(box.padded(pad), filled=False):
                return True
        elif line.get_window_extent().overlaps(box):
            return True
    return False


def _combination_numbers(
    rule: str,
    sigma: float,
    workers: float,
    machines: float,
    timber: float,
    tool_quality: float,
    labour_extension: float,
) -> tuple[LabourProcess, np.ndarray, np.ndarray, float, float]:
    """The process, quantities, qualities, output and the top of the vertical axis (80 or 160 chairs)."""
    process = LabourProcess(rule=rule, sigma=sigma, labour_extension=labour_extension)
    q = np.array([workers, machines, timber], dtype=float)
    a = np.array([1.0, tool_quality, 1.0])
    y = float(process.output(q, a))
    x = process.effective_inputs(q, a)
    top = 80.0 if max(y, float(x[1:].max())) <= 80 else 160.0
    return process, q, a, y, top


def _overlap(process: LabourProcess) -> str | None:
    """The partial overlap the coincidence test cannot see: under fixed proportions, output runs along the
    lowest capacity."""
    return _("output runs along the lowest capacity line") if process.rule == "fixed proportions" else None


def _combination_note(process: LabourProcess, q: np.ndarray, a: np.ndarray, y: float, timber: float) -> str:
    """The line under the combination figure: output, the scarcest element, idle quantities or timber use."""
    if process.rule == "fixed proportions":
        idle = process.idle_quantities(q, a)
        parts = [
            f"{v:.1f} {_(unit.split(' per day')[0])}"
            for v, unit in zip(idle, TOY_UNITS, strict=True)
            if v > 1e-9 * max(1.0, abs(v))
        ]
        # TRANSLATORS: the separator between the items of a list of numbers.
        separator = _(", ")
        extra = (
            _("idle: <b>{items}</b>").format(items=separator.join(parts)) if parts else _("nothing lies idle")
        )
    else:
        extra = _(
            "timber per chair <b>{timber:.1f} kg</b> (the baseline technique needs {need:g} kg)"
        ).format(timber=timber / y, need=TOY_REQUIREMENTS[2])
    return _("output <b>{output:.1f} chairs per day</b>; {scarcity}; {extra}").format(
        output=y, scarcity=_scarcity(process, q, a), extra=extra
    )


def describe_combination(
    rule: str,
    sigma: float,
    workers: float,
    machines: float,
    timber: float,
    tool_quality: float,
    labour_extension: float,
) -> str:
    """The combination widget's parameter values in one line, as its figure shows them.

    Examples
    --------
    >>> describe_combination("ces", 0.5, 20, 5, 200, 1, 0)
    'CES, σ = 0.50 · 20 workers · 5 machines of quality 1.0 · 200 kg of timber a day · η = 0.0'
    >>> describe_combination("fixed proportions", 0.5, 10, 5, 200, 1, 0)[:38]
    'fixed proportions (Leontief) · 10 work'
    """
    name = as_rule(rule)
    head = {"fixed proportions": _("fixed proportions (Leontief)"), "cobb-douglas": _("Cobb-Douglas")}.get(
        name, _("CES, σ = {sigma:.2f}").format(sigma=float(sigma))
    )
    return _(
        "{rule} · {workers:g} workers · {machines:g} machines of quality "
        "{quality:.1f} · {timber:g} kg of timber a day · "
        "η = {eta:.1f}"
    ).format(
        rule=head,
        workers=float(workers),
        machines=float(machines),
        quality=float(tool_quality),
        timber=float(timber),
        eta=float(labour_extension),
    )


def _label_heights(ys: list[float], top: float) -> np.ndarray:
    """Heights at which to write the names of lines ending at heights ys, pushed apart so that they do not
    overlap and kept under the top of the axes."""
    heights = np.minimum(np.asarray(ys, dtype=float), 0.98 * top)
    order = np.argsort(heights, kind="stable")
    gap = 0.065 * top
    placed = np.empty_like(heights)
    last = -np.inf
    for k in order:
        placed[k] = max(heights[k], last + gap)
        last = placed[k]
    shift = max(0.0, last - 0.98 * top)
    return placed - shift


def _scarcity(process: LabourProcess, q: np.ndarray, a: np.ndarray) -> str:
    """Describe the binding element(s) and the marginal product of a worker, in words."""
    names = process.scarcest(q, a)
    if len(names) == 3:
        scarce = _("none: the three elements are balanced")
    elif len(names) == 2:
        scarce = _("{first} and {second} (tied)").format(first=_(names[0]), second=_(names[1]))
    else:
        scarce = _(names[0])
    mp = float(process.marginal_products(q, a)[0])
    if process.rule == "ces":
        text = _("scarcest element: <b>{scarce}</b>; one more worker adds <b>{mp:.2f} chairs per day</b>")
    else:
        text = _(
            "scarcest element: <b>{scarce}</b>; one more worker adds <b>{mp:.2f} chairs per day</b>"
            " (σ is used only by the CES rule)"
        )
    return text.format(scarce=scarce, mp=mp)


def make_combination_app(
    rule: str = "cobb-douglas",
    sigma: float = 0.5,
    workers: float = 10.0,
    machines: float = 5.0,
    timber: float = 200.0,
    tool_quality: float = 1.0,
    labour_extension: float = 0.0,
) -> FigureApp:
    """Widget: choose the combination rule, the elasticity, the quantities and the tool quality.

    Parameters
    ----------
    rule, sigma, workers, machines, timber, tool_quality, labour_extension
        Starting values (see :func:`draw_combination`).

    Returns
    -------
    FigureApp
    """
    import ipywidgets as w

    rule = as_rule(rule)
    controls = {
        "rule": w.Dropdown(
            options=[
                (_("fixed proportions (Leontief)"), "fixed proportions"),
                (_("Cobb-Douglas"), "cobb-douglas"),
                (_("CES"), "ces"),
            ],
            value=rule,
            description=_("combination rule"),
            style={"description_width": "initial"},
        ),
        "sigma": slider(_("elasticity of substitution σ (CES only)"), sigma, 0.05, 3.0, 0.05, name="sigma"),
        "workers": slider(_("workers (persons)"), workers, 1, 40, 1, readout_format=".0f", name="workers"),
        "machines": slider(
            _("machines (number)"), machines, 1, 20, 0.5, readout_format=".1f", name="machines"
        ),
        "timber": slider(_("timber (kg per day)"), timber, 20, 600, 10, readout_format=".0f", name="timber"),
        "tool_quality": slider(
            _("quality of machines (index, 1 = baseline)"), tool_quality, 0.5, 3.0, 0.1, name="tool_quality"
        ),
        "labour_extension": slider(
            _("η: better machines extend workers (0 to 1)"),
            labour_extension,
            0.0,
            1.0,
            0.1,
            name="labour_extension",
        ),
    }
    active_when(controls["sigma"], controls["rule"], lambda chosen: chosen == "ces")
    figure = _CombinationFigure()
    return FigureApp(
        figure.draw,
        controls,
        figsize=(8.6, 3.9),
        margins={"left": 0.085, "right": 0.74, "bottom": 0.14, "top": 0.86},
        update=figure.update,
    )


def draw_determinants(
    ax: Axes,
    skill: float = 1.0,
    science: float = 2.0,
    organisation: float = 0.5,
    means_of_production: float = 5.0,
    nature: float = -0.5,
    capital_share: float = 0.4,
) -> str:
    """Draw the determinants widget: contributions of Marx's five determinants.

    Parameters
    ----------
    ax : matplotlib Axes
    skill, science, organisation, means_of_production, nature : float
        Growth of each determinant, % per year (skill: human capital per worker;
        means of production: capital per worker; the others: their effect on productivity).
    capital_share : float
        :math:`\\alpha` in [0, 1].

    Returns
    -------
    str
        One line of HTML: productivity growth and the part growth accounting calls TFP.
    """
    return _DeterminantsFigure().draw(
        ax, skill, science, organisation, means_of_production, nature, capital_share
    )


class _DeterminantsFigure:
    """The determinants widget's figure: :meth:`draw` draws it and keeps its moving artists; :meth:`update`
    moves the bars, the diamond and the line of growth rates, and sets the new vertical scale when the
    bars need another."""

    bars: list[Rectangle]
    diamond: Line2D
    zero: Line2D
    above: Text

    def draw(
        self,
        ax: Axes,
        skill: float,
        science: float,
        organisation: float,
        means_of_production: float,
        nature: float,
        capital_share: float,
    ) -> str:
        acc, low, high = _determinant_numbers(
            skill, science, organisation, means_of_production, nature, capital_share
        )
        plot_determinants(acc, ax=ax)
        from matplotlib.patches import Rectangle

        self.bars = [bar for bar in ax.patches if isinstance(bar, Rectangle)]
        self.diamond, self.zero = ax.get_lines()
        _determinants_scale(ax, low, high)
        above = note_source(
            ax,
            text=N_("Illustrative growth rates, not data (notebook 01)"),
            above=_describe_determinants(
                skill, science, organisation, means_of_production, nature, capital_share
            ),
        )
        assert above is not None
        self.above = above
        return _determinants_note(acc)

    def update(
        self,
        ax: Axes,
        skill: float,
        science: float,
        organisation: float,
        means_of_production: float,
        nature: float,
        capital_share: float,
    ) -> tuple[str, list[Artist]]:
        acc, low, high = _determinant_numbers(
            skill, science, organisation, means_of_production, nature, capital_share
        )
        if ax.get_ylim() != (low, high):  # another vertical scale: set in place, the figure rendered anew
            _determinants_scale(ax, low, high)
        total = float(acc.total)
        for bar, height in zip(self.bars, [*acc.contributions, total], strict=True):
            bar.set_height(height)
        self.diamond.set_ydata([total])
        self.above.set_text(
            _describe_determinants(skill, science, organisation, means_of_production, nature, capital_share)
        )
        # In the order a full draw draws them: the bars, then the grid, lines and spines drawn over them.
        changed: list[Artist] = [
            *self.bars,
            *(line for line in ax.yaxis.get_gridlines() if line.get_visible()),
            self.diamond,
            self.zero,
            ax.spines["left"],
            ax.spines["bottom"],
            self.above,
        ]
        return _determinants_note(acc), changed


def _determinants_scale(ax: Axes, low: float, high: float) -> None:
    """The determinants figure's vertical scale: from ``low`` to ``high``, ticks every 4 points (8 on a
    range wider than 24)."""
    ax.set_ylim(low, high)
    ax.set_yticks(np.arange(low, high + 1e-9, 4.0 if high - low <= 24 else 8.0))


def _determinant_numbers(
    skill: float,
    science: float,
    organisation: float,
    means_of_production: float,
    nature: float,
    capital_share: float,
) -> tuple[DeterminantAccounting, float, float]:
    """The accounting and the vertical limits (in steps of 2 points, at least -4 to 12)."""
    acc = decompose_productivity(
        [skill, science, organisation, means_of_production, nature], capital_share=capital_share
    )
    low = min(-4.0, 2.0 * np.floor(min(0.0, acc.contributions.min(), float(acc.total)) / 2.0))
    high = max(12.0, 2.0 * np.ceil(max(acc.contributions.max(), float(acc.total)) / 2.0))
    return acc, float(low), float(high)


def _describe_determinants(
    skill: float,
    science: float,
    organisation: float,
    means_of_production: float,
    nature: float,
    capital_share: float,
) -> str:
    """The determinants widget's parameter values in one line, as its figure shows them."""
    return _(
        "growth (% per year): skill {skill:g}, science {science:g}, organisation {organisation:g}, "
        "means of production {means:g}, nature {nature:g}; "
        "capital share α = {alpha:g}"
    ).format(
        skill=skill,
        science=science,
        organisation=organisation,
        means=means_of_production,
        nature=nature,
        alpha=capital_share,
    )


def _determinants_note(acc: DeterminantAccounting) -> str:
    """The line under the determinants figure: productivity growth, its doubling time, the TFP part."""
    total, tfp = float(acc.total), float(acc.tfp)
    years = float(acc.doubling_time)
    if np.isfinite(years):
        text = _(
            "labour productivity grows <b>{total:.2f} % per year</b> and doubles in "
            "<b>{years:.0f} years</b>; growth accounting would call <b>{tfp:.2f}</b> of it TFP "
            "(science + organisation + nature)"
        )
    else:
        text = _(
            "labour productivity grows <b>{total:.2f} % per year</b> and does not double; "
            "growth accounting would call <b>{tfp:.2f}</b> of it TFP (science + organisation + nature)"
        )
    return text.format(total=total, years=years, tfp=tfp)


def make_determinants_app(
    skill: float = 1.0,
    science: float = 2.0,
    organisation: float = 0.5,
    means_of_production: float = 5.0,
    nature: float = -0.5,
    capital_share: float = 0.4,
) -> FigureApp:
    """Widget: a growth slider per determinant and the capital share; bars of contributions.

    Returns
    -------
    FigureApp
    """
    controls = {
        "skill": slider(_("average skill of workers (% per year)"), skill, -2, 6, 0.1, name="skill"),
        "science": slider(_("science and technology (% per year)"), science, -2, 6, 0.1, name="science"),
        "organisation": slider(
            _("social organisation (% per year)"), organisation, -2, 6, 0.1, name="organisation"
        ),
        "means_of_production": slider(
            _("means of production per worker (% per year)"),
            means_of_production,
            -2,
            12,
            0.25,
            name="means_of_production",
        ),
        "nature": slider(_("natural conditions (% per year)"), nature, -3, 3, 0.1, name="nature"),
        "capital_share": slider(_("capital share α"), capital_share, 0.05, 0.95, 0.05, name="capital_share"),
    }
    figure = _DeterminantsFigure()
    return FigureApp(
        figure.draw,
        controls,
        figsize=(8.0, 3.9),
        margins={"left": 0.1, "right": 0.98, "bottom": 0.19, "top": 0.86},
        update=figure.update,
    )
