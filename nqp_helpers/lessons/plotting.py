"""Figure style and the figures several notebooks share.

The collection's figure rules (CONTRIBUTING.md): no titles (captions go in the markdown), lower-case
axis labels with units, a colour-blind-safe palette (Okabe and Ito 2008) and
hatches or markers so that figures read in grey too.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from ..i18n import N_, _, current_language, translate_printed_lines

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis

    from ..growth import GrowthSummary

__all__ = [
    "PALETTE",
    "COMPONENT_STYLE",
    "use_style",
    "plot_contributions",
    "stacked_bars",
    "label_years",
    "plain_log_axis",
    "no_negative_zero",
]

#: Okabe-Ito colour-blind-safe palette.
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}

#: Colour and hatch of each growth-accounting component, the same in every notebook.
COMPONENT_STYLE = {
    N_("capital"): {"color": PALETTE["blue"], "hatch": ""},
    N_("capital deepening"): {"color": PALETTE["blue"], "hatch": ""},
    N_("labour"): {"color": PALETTE["orange"], "hatch": "//"},
    N_("human capital"): {"color": PALETTE["green"], "hatch": ".."},
    N_("TFP"): {"color": PALETTE["vermillion"], "hatch": "xx"},
}

FONT_FILE = Path(__file__).resolve().parent.parent / "fonts" / "NotoSansCJKsc-Regular.otf"
"""The Chinese edition's font (SIL Open Font License; fetched at set-up by ``scripts/fonts.py``)."""

CJK_FAMILY = "Noto Sans CJK SC"


def use_chinese_font() -> None:
    """Draw text with Noto Sans CJK SC, which has Latin letters and digits too; DejaVu Sans after it.

    matplotlib takes each character of a plain label from the first font of ``font.family`` that has
    it. The words around mathematics (``"产出 $g_Y$"``) are drawn in the first font alone, so Noto
    Sans CJK SC comes first; the mathematics keeps the collection's mathtext fonts. A character no
    font has is an error, not an empty box (:func:`nqp_helpers.i18n.use_language`).

    Raises
    ------
    FileNotFoundError
        If the font has not been fetched (the set-up fetches it: ``python -m scripts.fonts``).
    """
    import matplotlib as mpl
    from matplotlib import font_manager

    if not FONT_FILE.exists():
        raise FileNotFoundError(
            f"the Chinese font {FONT_FILE.name} is missing from {FONT_FILE.parent}; "
            "fetch it with `python -m scripts.fonts` in the collection's folder (make lab does this)"
        )
    if CJK_FAMILY not in {f.name for f in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(str(FONT_FILE))
    mpl.rcParams["font.family"] = [CJK_FAMILY, "DejaVu Sans"]
    # the font has one weight: bold text is drawn in the regular weight, without a note in the output
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    translate_figure_text()


def translate_figure_text() -> None:
    """Show every text a figure is given through the catalogue: a label the catalogue knows appears in
    the language in use.

    The package's own figures translate their labels where they make them (``_()``). A figure drawn in a
    notebook's code cell is the same code in both editions (``ax.set_xlabel("year")``): its labels are in
    the catalogue (``scripts/translate.py`` collects the string labels of the notebooks' code cells), and
    this makes matplotlib look each text up as it is set (``Text.set_text``, which every title, axis label,
    legend entry, tick label and annotation goes through). A text the catalogue does not hold, and every
    text in English, is unchanged. Called by :func:`use_chinese_font`; calling it again does nothing.
    """
    from matplotlib.text import Text

    if getattr(Text.set_text, "_nqp_translates", False):
        return
    original = Text.set_text

    def set_text(self: Text, s: Any) -> None:
        original(self, _(s) if isinstance(s, str) and s else s)

    set_text._nqp_translates = True  # type: ignore[attr-defined]
    Text.set_text = set_text  # type: ignore[method-assign]


def use_style() -> None:
    """Set the collection's matplotlib style (call once, in the setup cell); in Chinese, its font, and
    the translation of the lines code cells print (:func:`nqp_helpers.i18n.translate_printed_lines`)."""
    import matplotlib as mpl
    from cycler import cycler

    mpl.rcParams.update(
        {
            "figure.figsize": (7.0, 4.0),
            "figure.dpi": 90,
            "savefig.dpi": 150,
            "axes.prop_cycle": cycler(
                color=[
                    PALETTE[c] for c in ("blue", "orange", "green", "vermillion", "sky", "purple", "black")
                ]
            )
            + cycler(linestyle=["-", "--", "-.", ":", "-", "--", "-."]),
            "lines.linewidth": 2,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "legend.frameon": False,
            "font.size": 11,
            "hatch.linewidth": 0.6,
        }
    )
    if current_language() != "en":
        use_chinese_font()
        translate_printed_lines()


def plot_contributions(
    summaries: Sequence[GrowthSummary],
    labels: Sequence[object],
    ax: Axes | None = None,
    show_total: bool = True,
    legend: bool = True,
) -> Axes:
    """Stacked bars of average annual contributions to growth, one bar per summary.

    Parameters
    ----------
    summaries : sequence of GrowthSummary
        From ``GrowthAccounting.summary`` or ``PerWorkerAccounting.summary``;
        all must have the same parts.
    labels : sequence of str
        One label per bar (an economy, a period).
    ax : matplotlib Axes, optional
        Axes to draw on; a new figure if None.
    show_total : bool
        Mark total growth with a black diamond on each bar.
    legend : bool
        Draw a legend.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        If the numbers of summaries and labels differ, or their parts differ.
    """
    import matplotlib.pyplot as plt

    summaries = list(summaries)
    labels = [str(x) for x in labels]
    if len(summaries) != len(labels) or not summaries:
        raise ValueError(
            _("summaries and labels must be non-empty and of equal length; got {n} and {m}").format(
                n=len(summaries), m=len(labels)
            )
        )
    names = list(summaries[0].parts)
    if any(list(s.parts) != names for s in summaries):
        raise ValueError(
            _("all summaries must have the same parts (do not mix aggregate and per-worker views)")
        )
    if ax is None:
        ax = plt.subplots()[1]
    parts = {name: [float(s.parts[name]) for s in summaries] for name in names}
    totals = [float(s.total) for s in summaries] if show_total else None
    stacked_bars(ax, parts, labels, totals=totals, total_label=summaries[0].total_name)
    ax.set_ylabel(_("contribution to growth (% per year)"))
    if legend:
        handles, names_ = ax.get_legend_handles_labels()
        # List the stacked parts top-down, as they appear on the bars; the total marker first.
        order = ([len(handles) - 1] if show_total else []) + list(range(len(names) - 1, -1, -1))
        ax.legend(
            [handles[i] for i in order],
            [names_[i] for i in order],
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
        )
    return ax


def stacked_bars(
    ax: Axes,
    parts: Mapping[str, npt.ArrayLike],
    labels: Sequence[object],
    styles: Mapping[str, Mapping[str, Any]] | None = None,
    totals: npt.ArrayLike | None = None,
    total_label: str = N_("total"),
) -> tuple[np.ndarray, np.ndarray]:
    """Stack signed parts into one bar per label: positive parts upwards from zero, negative downwards.

    The one stacked-bar chart of the collection: growth accounts, shift-share,
    Kaya and mixed aggregate/per-worker views all draw through it.

    Parameters
    ----------
    ax : matplotlib Axes
        Axes to draw on.
    parts : dict of str -> sequence of float
        Part name -> one value per bar, in the order the parts are stacked.
        A part absent from a bar is 0 there (it draws nothing).
    labels : sequence of str
        One tick label per bar.
    styles : dict of str -> dict, optional
        Part name -> keyword arguments for ``ax.bar`` (``color``, ``hatch``);
        by default :data:`COMPONENT_STYLE`, grey for parts it does not name.
    totals : sequence of float, optional
        One total per bar, marked with a black diamond.
    total_label : str
        Legend label of the total marker.

    Returns
    -------
    tuple of ndarray
        The tops of the positive and the bottoms of the negative stacks, one
        value per bar (for callers that set limits).

    Raises
    ------
    ValueError
        If a part or the totals do not have one value per label.
    """
    ticks = [str(x) for x in labels]
    styles = COMPONENT_STYLE if styles is None else styles
    x = np.arange(len(ticks))
    pos, neg = np.zeros(len(ticks)), np.zeros(len(ticks))
    for name, values in parts.items():
        vals = np.asarray(values, dtype=float)
        if vals.shape != x.shape:
            raise ValueError(
                _("parts[{name!r}] must have one value per bar ({n}); got {shape}").format(
                    name=name, n=len(ticks), shape=vals.shape
                )
            )
        style = {"color": "grey", "hatch": "", **styles.get(name, {})}
        base = np.where(vals >= 0, pos, neg)
        ax.bar(x, vals, bottom=base, width=0.6, label=_(name), edgecolor="white", linewidth=0.5, **style)
        pos += np.where(vals >= 0, vals, 0)
        neg += np.where(vals < 0, vals, 0)
    if totals is not None:
        marks = np.asarray(totals, dtype=float)
        if marks.shape != x.shape:
            raise ValueError(
                _("totals must have one value per label ({n}); got {shape}").format(
                    n=len(ticks), shape=marks.shape
                )
            )
        ax.plot(x, marks, "D", color="black", linestyle="none", label=_(total_label))
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xticks(x, ticks)
    ax.grid(axis="x", visible=False)
    return pos, neg


def label_years(summary: GrowthSummary) -> str:
    """Return "1978-2004" for a summary's period."""
    lo, hi = summary.period
    return f"{lo:g}-{hi:g}"


def plain_log_axis(axis: Axis) -> None:
    """Put one axis on a log scale with ticks at 1, 2, 5 x 10^k written as plain numbers.

    Plain numbers ("0.5", "20") read more easily than powers of ten and draw
    faster (no mathtext), which keeps widgets quick.

    Parameters
    ----------
    axis : matplotlib Axis
        ``ax.xaxis`` or ``ax.yaxis``.
    """
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter, NullLocator

    if axis is axis.axes.yaxis:
        axis.axes.set_yscale("log")
    else:
        axis.axes.set_xscale("log")
    axis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    axis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:g}"))
    axis.set_minor_locator(NullLocator())
    axis.set_minor_formatter(NullFormatter())


def no_negative_zero(x: float | np.ndarray) -> float:
    """Round away floating-point dust so that a printed zero never shows as "-0.00".

    Examples
    --------
    >>> f"{no_negative_zero(-1e-17):.2f}"
    '0.00'
    """
    return round(float(x), 9) + 0.0
