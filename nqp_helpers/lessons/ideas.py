"""Figures and the widget for the idea production model (:mod:`nqp_helpers.ideas`).

The model, its closed-form solution and its checks live in :mod:`nqp_helpers.ideas`;
this module only draws what :func:`~nqp_helpers.ideas.simulate_ideas` computes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..i18n import _
from ..ideas import IdeaPath, simulate_ideas
from .widgets import FigureApp, slider

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.legend import Legend
    from matplotlib.lines import Line2D
    from matplotlib.text import Text

__all__ = ["draw_ideas", "make_ideas_app"]


def draw_ideas(
    ax: Axes,
    research_share: float = 4.0,
    knowledge_spillover: float = 0.5,
    research_elasticity: float = 0.75,
    labor_growth: float = 1.0,
    baseline_share: float = 2.0,
    years: int = 200,
) -> str:
    """Draw TFP growth after the research share moves from a baseline, with the long-run rate.

    Parameters
    ----------
    ax : matplotlib Axes
    research_share, baseline_share : float
        New and old research shares, % of workers (in (0, 100)).
    knowledge_spillover, research_elasticity, labor_growth : float
        phi, lambda and n (% per year), as in :func:`~nqp_helpers.ideas.simulate_ideas`.
    years : int
        Horizon in years.

    Returns
    -------
    str
        One line of HTML: long-run growth, growth in the first year, TFP
        relative to the baseline path at the horizon.
    """
    return _IdeasFigure(baseline_share, years).draw(
        ax, research_share, knowledge_spillover, research_elasticity, labor_growth
    )


class _IdeasFigure:
    """The idea-production figure for a baseline research share and a horizon: :meth:`draw` draws it and
    keeps its moving artists; :meth:`update` moves the paths, the long-run line and the texts that name
    the values, and sets a new vertical scale when the fastest growth needs one."""

    lines: list[Line2D]
    legend: Legend
    info: Text

    def __init__(self, baseline_share: float = 2.0, years: int = 200) -> None:
        self.baseline_share, self.years = baseline_share, years

    def draw(
        self,
        ax: Axes,
        research_share: float,
        knowledge_spillover: float,
        research_elasticity: float,
        labor_growth: float,
    ) -> str:
        new, base = self._simulate(research_share, knowledge_spillover, research_elasticity, labor_growth)
        labels = self._labels(research_share, new, base)
        ax.plot(new.time, new.tfp_growth, label=labels[0])
        ax.plot(base.time, base.tfp_growth, linestyle="--", label=labels[1])
        ax.axhline(new.long_run_growth, color="black", linestyle=":", linewidth=1.2, label=labels[2])
        self.lines = list(ax.get_lines())
        ax.set_xlabel(_("years after the change"))
        ax.set_ylabel(_("TFP growth (% per year)"))
        ax.set_ylim(0, _top(new))
        ax.set_xlim(0, self.years)
        self.legend = ax.legend(loc="upper right")
        self.info = ax.text(
            0.01,
            0.02,
            self._describe(research_share, knowledge_spillover, research_elasticity, labor_growth),
            transform=ax.transAxes,
            ha="left",
            va="bottom",
            fontsize=8,
        )
        return self._note(new, base)

    def update(
        self,
        ax: Axes,
        research_share: float,
        knowledge_spillover: float,
        research_elasticity: float,
        labor_growth: float,
    ) -> tuple[str, list[Artist]]:
        new, base = self._simulate(research_share, knowledge_spillover, research_elasticity, labor_growth)
        top = _top(new)
        if ax.get_ylim() != (0.0, top):  # another vertical scale: set in place, the figure is rendered anew
            ax.set_ylim(0, top)
        path, baseline, long_run = self.lines
        path.set_ydata(new.tfp_growth)
        baseline.set_ydata(base.tfp_growth)
        long_run.set_ydata([new.long_run_growth] * 2)
        # The legend names the research share: when a name changes, the legend is drawn again (it is laid
        # out at drawing time); it is drawn again too when a moving line passes under it.
        relabel = False
        for line, entry, label in zip(
            self.lines, self.legend.get_texts(), self._labels(research_share, new, base), strict=True
        ):
            relabel |= entry.get_text() != label
            line.set_label(label)
            entry.set_text(label)
        self.info.set_text(
            self._describe(research_share, knowledge_spillover, research_elasticity, labor_growth)
        )
        over = [self.legend] if relabel or any(_crosses(line, self.legend) for line in self.lines) else []
        # In the order a full draw draws them: lines, the spines they touch, the text, the legend.
        changed: list[Artist] = [*self.lines, ax.spines["left"], ax.spines["bottom"], self.info, *over]
        return self._note(new, base), changed

    def _simulate(
        self,
        research_share: float,
        knowledge_spillover: float,
        research_elasticity: float,
        labor_growth: float,
    ) -> tuple[IdeaPath, IdeaPath]:
        """The path after the research share moves, and the path where it stays at the baseline."""
        paths = tuple(
            simulate_ideas(
                share / 100,
                years=self.years,
                labor_growth=labor_growth,
                research_elasticity=research_elasticity,
                knowledge_spillover=knowledge_spillover,
                baseline_share=self.baseline_share / 100,
            )
            for share in (research_share, self.baseline_share)
        )
        return paths[0], paths[1]

    def _labels(self, research_share: float, new: IdeaPath, base: IdeaPath) -> list[str]:
        on = np.allclose(base.tfp_growth, new.long_run_growth)
        return [
            _("research share {share:g} % from year 0").format(share=research_share),
            _("research share stays {share:g} %").format(share=self.baseline_share),
            _(r"long-run rate $\lambda n/(1-\phi)$ (the dashed path lies on it)")
            if on
            else _(r"long-run rate $\lambda n/(1-\phi)$"),
        ]

    def _describe(
        self,
        research_share: float,
        knowledge_spillover: float,
        research_elasticity: float,
        labor_growth: float,
    ) -> str:
        return _(
            "λ = {lam:g}, φ = {phi:g}, n = {n:g} % per year; "
            "research share {before:g} % → {after:g} % of workers in year 0\n"
            "Source: idea production function (Jones 1995), model with illustrative parameters"
        ).format(
            lam=research_elasticity,
            phi=knowledge_spillover,
            n=labor_growth,
            before=self.baseline_share,
            after=research_share,
        )

    def _note(self, new: IdeaPath, base: IdeaPath) -> str:
        gain = np.exp(new.log_tfp[-1] - base.log_tfp[-1])
        return _(
            "long-run TFP growth <b>{long_run:.2f} % per year</b> (both paths); "
            "first-year growth <b>{first:.2f} %</b>; after {years:g} years TFP is "
            "<b>{gain:.2f}</b> times its baseline path"
        ).format(long_run=new.long_run_growth, first=new.tfp_growth[0], years=self.years, gain=gain)


def _crosses(line: Line2D, over: Artist) -> bool:
    """Whether a line, as drawn (its width included), passes through the extent of an artist drawn over it."""
    box = over.get_window_extent()
    pad = line.get_linewidth() * line.get_figure(root=True).dpi / 72  # type: ignore[union-attr]
    path = line.get_transform().transform_path(line.get_path())
    return bool(path.intersects_bbox(box.expanded(1, 1).padded(pad), filled=False))


def _top(path: IdeaPath) -> float:
    """The top of the vertical axis: 4 % per year, or the next of 6, 10, 15, 20, 30, 40, 60, 100, ... at least
    1.1 times the fastest growth, so that most slider moves keep the scale.

    Examples
    --------
    >>> from nqp_helpers.ideas import simulate_ideas
    >>> _top(simulate_ideas(0.04, baseline_share=0.02)), _top(simulate_ideas(0.10, baseline_share=0.02))
    (4.0, 6.0)
    """
    need = 1.1 * float(np.max(path.tfp_growth))
    if need <= 4.0:
        return 4.0
    power = 10.0 ** np.floor(np.log10(need))
    return float(next(round(k * power, 12) for k in (1, 1.5, 2, 3, 4, 6, 10) if k * power >= need))


def make_ideas_app(
    research_share: float = 4.0,
    knowledge_spillover: float = 0.5,
    research_elasticity: float = 0.75,
    labor_growth: float = 1.0,
) -> FigureApp:
    """Build the idea-production widget: research share, φ, λ and n as sliders.

    The baseline research share is 2 % of workers; the economy starts on its
    balanced growth path and the slider sets the new research share.

    Returns
    -------
    FigureApp
        ``app.set(research_share=...)`` redraws; ``app.axes`` holds the lines.

    Examples
    --------
    >>> app = make_ideas_app()
    >>> app.set(knowledge_spillover=0.7).draws
    2
    """
    controls = {
        "research_share": slider(
            _("research share s_R (% of workers)"),
            research_share,
            0.5,
            10.0,
            0.5,
            ".1f",
            name="research_share",
        ),
        "knowledge_spillover": slider(
            _("returns to the stock of ideas φ"),
            knowledge_spillover,
            -1.0,
            0.9,
            0.05,
            name="knowledge_spillover",
        ),
        "research_elasticity": slider(
            _("returns to research effort λ"), research_elasticity, 0.2, 1.0, 0.05, name="research_elasticity"
        ),
        "labor_growth": slider(
            _("labour-force growth n (% per year)"), labor_growth, 0.1, 3.0, 0.1, ".1f", name="labor_growth"
        ),
    }
    figure = _IdeasFigure()
    return FigureApp(figure.draw, controls, figsize=(7.0, 4.0), update=figure.update)
