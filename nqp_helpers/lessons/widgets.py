"""Interactive figures: sliders around a pure drawing function.

:class:`FigureApp` keeps one matplotlib figure and one image widget. When a
control moves, it clears the axes, calls the notebook's drawing function and
swaps the new picture into the same image widget: the figure is updated in
place, not rebuilt, and no flicker or scroll jump happens. Because the picture
is stored as the image widget's value, it also survives an export to static
HTML with the widget state saved.

Tests call :meth:`FigureApp.set` (or move a control's ``value``) and check what
was drawn: no browser is needed.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import ipywidgets
    import numpy as np
    from matplotlib.axes import Axes

__all__ = ["FigureApp", "slider", "int_slider"]


def slider(
    description: str, value: float, min: float, max: float, step: float, readout_format: str = ".2f"
) -> ipywidgets.FloatSlider:
    """A labelled float slider wide enough to read its description."""
    import ipywidgets as w

    return w.FloatSlider(
        value=value,
        min=min,
        max=max,
        step=step,
        description=description,
        readout_format=readout_format,
        continuous_update=True,
        style={"description_width": "initial"},
        layout=w.Layout(width="460px"),
    )


def int_slider(description: str, value: int, min: int, max: int, step: int = 1) -> ipywidgets.IntSlider:
    """A labelled integer slider."""
    import ipywidgets as w

    return w.IntSlider(
        value=value,
        min=min,
        max=max,
        step=step,
        description=description,
        continuous_update=True,
        style={"description_width": "initial"},
        layout=w.Layout(width="460px"),
    )


class FigureApp:
    """A figure that redraws itself when any of its controls change.

    Parameters
    ----------
    draw : callable
        ``draw(axes, **values) -> str or None``: draws on cleared axes (one Axes,
        or an array of them when ``nrows * ncols > 1``) using the current control
        values as keyword arguments. A returned string is shown under the figure
        (HTML allowed): use it for the numbers the figure is about.
    controls : dict of str -> ipywidgets widget
        Keyword name -> widget with a ``value``.
    nrows, ncols : int
        Subplot grid.
    figsize : tuple of float
        Figure size in inches.
    layout : {None, "constrained", "tight"}
        Matplotlib layout engine. None (fixed margins, set with ``margins``)
        is the fastest: constrained layout adds about 20 ms to every redraw.
    margins : dict, optional
        Passed to ``Figure.subplots_adjust`` when ``layout`` is None.

    Attributes
    ----------
    fig : matplotlib.figure.Figure
    axes : Axes or ndarray of Axes
    image : ipywidgets.Image
        Holds the PNG of the current figure.
    note : ipywidgets.HTML
        Holds the text returned by ``draw``.
    last_seconds : float
        Time the last redraw took (compute and render), in seconds.
    """

    def __init__(
        self,
        draw: Callable[..., str | None],
        controls: dict[str, ipywidgets.ValueWidget],
        nrows: int = 1,
        ncols: int = 1,
        figsize: tuple[float, float] = (7.0, 4.0),
        layout: Literal["constrained", "tight"] | None = None,
        margins: dict[str, float] | None = None,
    ) -> None:
        import ipywidgets as w
        from matplotlib.figure import Figure

        if not callable(draw):
            raise ValueError(f"draw must be callable; got {draw!r}")
        if not controls or not all(hasattr(c, "value") for c in controls.values()):
            raise ValueError("controls must be a non-empty dict of widgets that have a value")
        self.draw_function = draw
        self.controls = dict(controls)
        self.fig = Figure(figsize=figsize, layout=layout)
        self.axes: Axes | np.ndarray = self.fig.subplots(nrows, ncols, squeeze=True)
        if layout is None:
            adjust = {"left": 0.1, "right": 0.97, "bottom": 0.13, "top": 0.96, "wspace": 0.3, "hspace": 0.35}
            self.fig.subplots_adjust(**{**adjust, **(margins or {})})
        self.image = w.Image(format="png", layout=w.Layout(max_width="100%", height="auto"))
        self.note = w.HTML()
        self.last_seconds = float("nan")
        self.draws = 0
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.widget = w.VBox([w.VBox(list(self.controls.values())), self.image, self.note])
        self.redraw()

    @property
    def values(self) -> dict[str, Any]:
        """Current control values, by keyword name."""
        return {name: c.value for name, c in self.controls.items()}

    def set(self, **values: Any) -> FigureApp:
        """Move controls as a student would (each change redraws once)."""
        unknown = set(values) - set(self.controls)
        if unknown:
            raise ValueError(f"unknown control(s) {sorted(unknown)}; controls are {sorted(self.controls)}")
        for name, value in values.items():
            self.controls[name].value = value
        return self

    def _on_change(self, change: dict[str, Any]) -> None:
        self.redraw()

    def _all_axes(self) -> list[Axes]:
        return self.fig.axes

    def redraw(self) -> None:
        """Clear the axes, draw again with the current values and swap the picture in."""
        start = time.perf_counter()
        for ax in self._all_axes():
            ax.clear()
        text = self.draw_function(self.axes, **self.values)
        buffer = io.BytesIO()
        self.fig.savefig(buffer, format="png", dpi=self.fig.dpi, pil_kwargs={"compress_level": 1})
        self.image.value = buffer.getvalue()
        self.note.value = text or ""
        self.last_seconds = time.perf_counter() - start
        self.draws += 1

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        return self.widget._repr_mimebundle_(**kwargs)
