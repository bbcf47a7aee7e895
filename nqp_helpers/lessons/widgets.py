"""Interactive figures: sliders around a pure drawing function.

:class:`FigureApp` keeps one matplotlib figure and one image widget. When a
control moves, it clears the axes, calls the notebook's drawing function and
swaps the new picture into the same image widget: no flicker or scroll jump
happens. Because the picture is stored as the image widget's value, it also
survives an export to static HTML with the widget state saved.

An app may also give an ``update`` function, which moves the artists that
change (``set_data``, bar heights, text) instead of drawing everything again.
Then a slider move redraws only what changed: the rest of the picture (axes,
ticks, labels, legends, everything that does not move) is kept as a rendered
background and the changed artists are drawn over it (blitting, as in
matplotlib's own animation guide). When the data leave the view, ``update``
may set new axis limits itself: the app notices that the view changed and
renders the whole figure once more, but builds nothing anew (a "rescale").
``update`` raises :class:`Redraw` only when the picture must be built again
(other lines, another number of bars, a notice instead of a chart), and the
app then clears the axes and draws everything. Where the time goes, and why
this matters for a class moving sliders at once, is measured by ``make bench``.

Tests call :meth:`FigureApp.set` (or move a control's ``value``) and check what
was drawn: no browser is needed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from .._validate import as_scalar, as_whole_number
from ..i18n import _

if TYPE_CHECKING:
    import ipywidgets
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.lines import Line2D
    from matplotlib.transforms import Bbox

__all__ = [
    "FigureApp",
    "Redraw",
    "fits",
    "slider",
    "int_slider",
    "over_bars",
    "round_up",
    "VIEW_STEP",
    "LOG_VIEW_STEP",
    "view_rung",
    "lines_reach",
    "png_bytes",
    "active_when",
    "KeptPixels",
    "drawn_box",
]


class Redraw(Exception):
    """Raised by an app's ``update`` function when moving artists (and setting new limits) is not enough:
    the picture must be built again."""


def fits(ax: Axes, x: Any = None, y: Any = None) -> bool:
    """Whether data lie inside an axes' current view, so that an update need not rescale.

    Parameters
    ----------
    ax : matplotlib Axes
    x, y : array_like, optional
        The data to check along each axis (NaNs ignored); None skips an axis.

    Returns
    -------
    bool
        True if every finite value lies within the axis limits.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().subplots()
    >>> _ = ax.set_ylim(0, 10)
    >>> fits(ax, y=[1, 9.5]), fits(ax, y=[1, 12])
    (True, False)
    """
    import numpy as np

    for data, (low, high) in ((x, ax.get_xlim()), (y, ax.get_ylim())):
        if data is None:
            continue
        values = np.asarray(data, dtype=float)
        values = values[np.isfinite(values)]
        low, high = min(low, high), max(low, high)
        if values.size and (values.min() < low or values.max() > high):
            return False
    return True


def slider(
    description: str,
    value: float,
    min: float,
    max: float,
    step: float,
    readout_format: str = ".2f",
    *,
    name: str | None = None,
) -> ipywidgets.FloatSlider:
    """A labelled float slider wide enough to read its description.

    Parameters
    ----------
    description : str
        The label, with the quantity and its unit ("capital share α").
    value : float
        Starting value, inside ``[min, max]``: ipywidgets would silently move
        a value outside the range to its nearer end, so it is refused here.
    min, max, step : float
        Range and step of the slider.
    readout_format : str
        Format of the number shown next to the slider.
    name : str, optional
        The argument the starting value came from (``"capital_share"``), for
        the error message; default the description.

    Returns
    -------
    ipywidgets.FloatSlider

    Raises
    ------
    ValueError
        If ``value`` is not a real number or lies outside ``[min, max]``.

    Examples
    --------
    >>> slider("capital share α", 1.2, 0.05, 0.95, 0.05, name="capital_share")
    Traceback (most recent call last):
    ...
    ValueError: capital_share must lie in [0.05, 0.95]; got 1.2
    """
    import ipywidgets as w

    _check_range(description, min, max)
    start = as_scalar(name or description, value, low=min, high=max)
    return w.FloatSlider(
        value=start, min=min, max=max, step=step, readout_format=readout_format, **_look(description)
    )


def int_slider(
    description: str, value: int, min: int, max: int, step: int = 1, *, name: str | None = None
) -> ipywidgets.IntSlider:
    """A labelled integer slider; ``value`` must be a whole number in ``[min, max]`` (see :func:`slider`).

    Examples
    --------
    >>> int_slider("first year", 1949, 1950, 2022, name="start")
    Traceback (most recent call last):
    ...
    ValueError: start must lie in [1950, 2022]; got 1949
    """
    import ipywidgets as w

    _check_range(description, min, max)
    start = as_whole_number(name or description, value, low=min, high=max)
    return w.IntSlider(value=start, min=min, max=max, step=step, **_look(description))


def active_when(
    target: ipywidgets.ValueWidget, source: ipywidgets.ValueWidget, rule: Callable[[Any], bool]
) -> None:
    """Grey out a control while it has no effect: ``target`` is disabled whenever ``rule(source.value)`` is
    false, now and after every change of ``source``.

    A slider that moves nothing (σ while the rule is not CES) otherwise leaves a student wondering what
    went wrong; greyed out, it says that it waits for another choice.

    Examples
    --------
    >>> import ipywidgets as w
    >>> rule, sigma = w.Dropdown(options=["ces", "leontief"], value="leontief"), w.FloatSlider()
    >>> active_when(sigma, rule, lambda value: value == "ces")
    >>> sigma.disabled, (setattr(rule, "value", "ces") or sigma.disabled)
    (True, False)
    """

    def follow(_change: Any = None) -> None:
        target.disabled = not rule(source.value)

    follow()
    source.observe(follow, names="value")


def _check_range(description: str, low: float, high: float) -> None:
    """A slider needs a range that is not empty."""
    if not low < high:
        raise ValueError(
            _("the slider {description!r} needs min < max; got min={low}, max={high}").format(
                description=description, low=low, high=high
            )
        )


def _look(description: str) -> dict[str, Any]:
    """What every slider of the collection shares: its label, live updates and a width to read the label."""
    import ipywidgets as w

    return {
        "description": description,
        "continuous_update": True,
        "style": {"description_width": "initial"},
        "layout": w.Layout(width="460px"),
    }


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
    update : callable, optional
        ``update(axes, **values) -> (str or None, artists)``: moves the artists
        that the last ``draw`` made (keep them on the object or closure that
        owns both functions) to the new values, and returns the note and the
        artists it changed. It changes nothing else but, when the data leave
        the view (see :func:`fits`), the axis limits and ticks: the figure is
        then rendered whole again (``last_mode == "rescale"``). It raises
        :class:`Redraw` when the picture must be built again. The changed artists are
        drawn over the kept background, so they should be the top layer of
        their axes (a legend drawn over a moving line is drawn under it). The
        background is rendered with the changed artists hidden; a moving
        axes title therefore needs a fixed position (``ax.set_title(...,
        y=1.0)``), since matplotlib places a visible title automatically.
        Without ``update``, every move draws everything.

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
    last_mode : {"draw", "update", "rescale"}
        Whether the last redraw drew everything (axes cleared, artists made
        anew), moved artists over the kept background, or moved artists and
        changed the view: an ``update`` may set new axis limits, and the
        whole figure is then rendered again, but nothing is rebuilt.
    error : str or None
        Why the last redraw could not draw (None when it could). When
        ``draw`` raises, the figure is replaced by a notice and the message is
        shown in red under it, so that a figure is never left stale: a
        ``ValueError`` (a choice the model refuses) stops there; any other
        exception is raised again after the notice is shown.
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
        update: Callable[..., tuple[str | None, Sequence[Artist]]] | None = None,
    ) -> None:
        import ipywidgets as w
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        if not callable(draw):
            raise ValueError(_("draw must be callable; got {draw!r}").format(draw=draw))
        if update is not None and not callable(update):
            raise ValueError(_("update must be callable or None; got {update!r}").format(update=update))
        if not controls or not all(hasattr(c, "value") for c in controls.values()):
            raise ValueError(_("controls must be a non-empty dict of widgets that have a value"))
        self.draw_function = draw
        self.update_function = update
        self.controls = dict(controls)
        self.fig = Figure(figsize=figsize, layout=layout)
        # One canvas for the figure's life: its renderer (and pixel buffer) is made once, not at every move.
        self.canvas = FigureCanvasAgg(self.fig)
        self._background: Any = None  # the rendered picture without the moving artists
        self._moving: list[Artist] = []
        self._background_view: tuple[tuple[float, ...], ...] = ()
        self.last_mode: Literal["draw", "update", "rescale"] = "draw"
        self.axes: Axes | np.ndarray = self.fig.subplots(nrows, ncols, squeeze=True)
        if layout is None:
            adjust = {"left": 0.1, "right": 0.97, "bottom": 0.13, "top": 0.96, "wspace": 0.3, "hspace": 0.35}
            self.fig.subplots_adjust(**{**adjust, **(margins or {})})
        self.image = w.Image(format="png", layout=w.Layout(max_width="100%", height="auto"))
        self.note = w.HTML()
        self.last_seconds = float("nan")
        self.draws = 0
        self.error: str | None = None
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
            raise ValueError(
                _("unknown control(s) {unknown}; controls are {controls}").format(
                    unknown=sorted(unknown), controls=sorted(self.controls)
                )
            )
        for name, value in values.items():
            self.controls[name].value = value
        return self

    def _on_change(self, change: dict[str, Any]) -> None:
        self.redraw()

    def _all_axes(self) -> list[Axes]:
        return self.fig.axes

    def redraw(self) -> None:
        """Draw the picture for the current values and swap it in.

        With an ``update`` function and a picture already drawn without error,
        the changed artists are moved and drawn over the kept background;
        otherwise (or when ``update`` raises :class:`Redraw`) the axes are
        cleared and drawn again. If drawing raises, the picture becomes a
        notice and the note the error message (see ``error``): the old figure
        never stays on screen.
        """
        start = time.perf_counter()
        failure: Exception | None = None
        try:
            moved, text = self._update() if self._can_update() else (False, None)
            if not moved:
                text = self._draw_everything()
            self.error = None
        except Exception as exc:
            failure = exc
            text = self._show_failure(exc)
            self._render_everything()
        self.image.value = self._png()
        self.note.value = text or ""
        self.last_seconds = time.perf_counter() - start
        self.draws += 1
        if failure is not None and not isinstance(failure, ValueError):
            raise failure

    def _can_update(self) -> bool:
        return self.update_function is not None and self.draws > 0 and self.error is None

    def _draw_everything(self) -> str | None:
        """Clear every axes, call ``draw`` and render the whole figure.

        With an ``update`` function, it is asked at once which artists move at these values, and the
        figure is rendered once without them (the background the next moves reuse) and once more with
        them drawn over it: one full render per view, not two.
        """
        self.last_mode = "draw"
        for ax in self._all_axes():
            ax.clear()
        text = self.draw_function(self.axes, **self.values)
        changed: list[Artist] = []
        if self.update_function is not None:
            try:
                _note, moving = self.update_function(self.axes, **self.values)
                changed = list(moving)
            except Redraw:  # an update that cannot keep even the view just drawn: render it whole
                changed = []
        if changed:
            self._blit(changed)
        else:
            self._render_everything()
        return text

    def _render_everything(self) -> None:
        self._background, self._moving = None, []
        self.canvas.draw()

    def _update(self) -> tuple[bool, str | None]:
        """Move the changed artists and draw them over the background: (True, note), or (False, None)
        when ``update`` asks for a full draw."""
        assert self.update_function is not None
        try:
            text, changed = self.update_function(self.axes, **self.values)
        except Redraw:
            return False, None
        self.last_mode = "update"
        self._blit(list(changed))
        return True, text

    def _view(self) -> tuple[tuple[float, ...], ...]:
        """What fixes the view of every axes: its data limits (a new one needs a new background)."""
        return tuple(tuple(ax.viewLim.bounds) for ax in self._all_axes())

    def _blit(self, changed: list[Artist]) -> None:
        """Draw the changed artists over the background (rendered first, without them, when they differ
        from the last move's or the view has changed)."""
        view = self._view()
        if self.last_mode == "update" and self._background is not None and view != self._background_view:
            self.last_mode = "rescale"
        if self._background is None or changed != self._moving or view != self._background_view:
            # The background: everything but the moving artists, rendered once until the view changes.
            for artist in changed:
                artist.set_visible(False)
            self.canvas.draw()
            self._background = self.canvas.copy_from_bbox(self.fig.bbox)
            for artist in changed:
                artist.set_visible(True)
            self._moving = changed
            self._background_view = view
        self.canvas.restore_region(self._background)
        renderer = self.canvas.get_renderer()
        for artist in changed:
            artist.draw(renderer)

    def _png(self) -> bytes:
        """The canvas as PNG: the picture travels to the browser at every move (see :func:`png_bytes`)."""
        width, height = self.canvas.get_width_height()
        pixels = np.frombuffer(self.canvas.buffer_rgba(), dtype=np.uint8).reshape(height, width, 4)
        return png_bytes(pixels)

    def _show_failure(self, exc: Exception) -> str:
        """Replace the figure by a notice; return the message as the note."""
        import html

        self.error = f"{type(exc).__name__}: {exc}" if not isinstance(exc, ValueError) else str(exc)
        for ax in self._all_axes():
            ax.clear()
            ax.set_axis_off()
        first = self._all_axes()[0]
        first.text(
            0.0, 0.5, _("nothing to draw for this choice:\nsee the message below"), transform=first.transAxes
        )
        return f"<span style='color:#D55E00'>{html.escape(self.error)}</span>"

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        return self.widget._repr_mimebundle_(**kwargs)


def png_bytes(pixels: np.ndarray) -> bytes:
    """Encode 8-bit RGBA pixels, shape (height, width, 4), as a PNG file, quickly.

    A PNG file is the signature, an IHDR chunk (size, 8 bits, colour type 6 = RGBA), IDAT chunks holding
    the zlib-compressed rows, each prefixed by its filter type, and an IEND chunk; every chunk is its
    length, type, data and CRC-32 (PNG Specification, version 1.2, chapters 3, 4.1 and 6). Here
    every row has filter type 0 (none) and zlib works at level 1. Pillow's encoder chooses a filter for
    each row, which is not an option of its ``save``: on a widget's 700 x 400 picture it takes about
    8 ms where this takes 2.5 ms, for files of the same size (36 KB, ``make bench``'s machine), and
    the picture is encoded at every slider move.

    Examples
    --------
    >>> import io
    >>> from PIL import Image
    >>> pixels = np.arange(2 * 3 * 4, dtype=np.uint8).reshape(2, 3, 4)
    >>> bool((np.asarray(Image.open(io.BytesIO(png_bytes(pixels)))) == pixels).all())
    True
    """
    import struct
    import zlib

    pixels = np.asarray(pixels)
    if pixels.dtype != np.uint8 or pixels.ndim != 3 or pixels.shape[2] != 4 or 0 in pixels.shape:
        raise ValueError(
            _("pixels must be 8-bit RGBA of shape (height, width, 4); got {dtype} of shape {shape}").format(
                dtype=pixels.dtype, shape=pixels.shape
            )
        )
    height, width = pixels.shape[:2]
    rows = np.zeros((height, 1 + 4 * width), dtype=np.uint8)  # column 0: filter type 0 for every row
    rows[:, 1:] = pixels.reshape(height, 4 * width)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8 bits, RGBA, deflate, no interlace
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows.tobytes(), 1))
        + chunk(b"IEND", b"")
    )


# --------------------------------------------------------------------------- #
# Helpers for updates in place (moving artists without redrawing the view)
# --------------------------------------------------------------------------- #
def over_bars(ax: Axes) -> list[Artist]:
    """What a full draw paints over an axes' bars, in the order it paints them: the horizontal grid lines
    inside the view, the lines (markers, the zero line) and the visible spines.

    An update in place that moves bars returns these too, so that the bars do not cover them. After an
    update has set new limits, the ticks are those of the new view: matplotlib places tick ``i`` at the
    ``i``-th location of the axis' locator when it draws.
    """
    low, high = sorted(ax.get_ylim())
    locations = ax.yaxis.get_majorticklocs()
    ticks = ax.yaxis.get_major_ticks(len(locations))
    grid = [
        t.gridline
        for t, at in zip(ticks, locations, strict=True)
        if t.gridline.get_visible() and low <= at <= high
    ]
    return [*grid, *ax.lines, *(s for s in ax.spines.values() if s.get_visible())]


def round_up(value: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten that is at least ``value``.

    Axis limits snapped to these round values stay put while a slider moves the bars a little, and
    move by at most a quarter when they must.

    Examples
    --------
    >>> round_up(13.08), round_up(0.7), round_up(40.0), round_up(0.0)
    (15.0, 0.8, 40.0, 1.0)
    """
    if not value > 0:
        return 1.0
    power = 10.0 ** np.floor(np.log10(value))
    for mantissa in _ROUND_MANTISSAS:
        if mantissa * power >= value * (1 - 1e-12):
            return float(mantissa * power)
    return float(10 * power)


_ROUND_MANTISSAS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


#: Step of the widgets' views. A widget rounds the range of its data out to the nearest
#: ``start x VIEW_STEP**k`` (k a whole number; "start" is the range at the sliders' starting values), so
#: that the axes stay put, and the picture is updated in place, until the data cross a step; the data
#: then still fill at least 1 / VIEW_STEP of the range. At the starting values the view is the one
#: matplotlib's autoscaling gives (k = 0), so the first picture is unchanged.
VIEW_STEP = 1.5

#: The same on a log scale, where a step takes less room: a path that ends at 8 in a view up to 16 still
#: fills three quarters of the height from 1.
LOG_VIEW_STEP = 2.0


def view_rung(value: float, start: float, up: bool, step: float = VIEW_STEP) -> float:
    """The nearest ``start * step**k`` (k a whole number) at or above ``value`` (``up``) or at or below it.

    Parameters
    ----------
    value : float
        The data's maximum (``up=True``) or minimum (``up=False``).
    start : float
        The same at the sliders' starting values: the rung k = 0.
    up : bool
        Round up (a maximum) or down (a minimum).
    step : float
        Ratio of neighbouring rungs, > 1.

    Returns
    -------
    float
        The rung; ``value`` itself when ``value`` or ``start`` is not a positive finite number (no rung
        exists then, and the view follows the data).

    Examples
    --------
    >>> view_rung(2.0, 2.0, up=True), view_rung(2.1, 2.0, up=True), view_rung(1.9, 2.0, up=False)
    (2.0, 3.0, 1.3333333333333333)
    >>> view_rung(0.0, 2.0, up=False)
    0.0
    """
    if not (np.isfinite(value) and np.isfinite(start) and value > 0 and start > 0):
        return float(value)
    k = np.log(value / start) / np.log(step)
    k = np.ceil(k - 1e-9) if up else np.floor(k + 1e-9)
    return float(start * step**k)


class KeptPixels:
    """Artists drawn in an update in place whose pixels are put back when nothing about them has changed.

    Drawing text costs far more than copying its pixels: matplotlib lays out and renders every glyph. An
    app that returns a ``KeptPixels`` among its changed artists gets each artist drawn afresh when its
    text or place changed (a text) or the first time (any other artist: a legend whose entries stay), and
    otherwise the pixels it covered the last time put back. That is right only while nothing that moves
    lies under it: the app sets ``free`` to False while something may, and calls :meth:`forget` when
    what lies under it changes for good (a new scale, a legend with other entries). Pixels are put back
    first, then the changed artists drawn, then their pixels kept, so that close texts never cover each
    other's new letters. :class:`FigureApp` shows, hides and draws it like any artist.

    With ``versions`` > 1 the pixels of that many recent versions of each artist are kept (a title that
    names the choice comes back when a student flips between a few countries); each costs the pixels of
    the artist's box, about 80 KB for a two-line title.
    """

    def __init__(self, *artists: Artist, versions: int = 1) -> None:
        self.artists = artists
        self.free = True
        self.versions = as_whole_number("versions", versions, low=1)
        self.kept: dict[int, dict[tuple[Any, ...], Any]] = {}

    def forget(self) -> None:
        """Draw every artist afresh next time (what lies under them has changed)."""
        self.kept.clear()

    def set_visible(self, visible: bool) -> None:
        for artist in self.artists:
            artist.set_visible(visible)

    @staticmethod
    def _key(artist: Artist) -> tuple[Any, ...]:
        """What must be the same for the kept pixels to be right: a text's words and place; nothing for
        any other artist (its owner calls :meth:`forget` when it changes)."""
        from matplotlib.text import Text

        if isinstance(artist, Text):
            return (artist.get_text(), artist.get_position())
        return (True,)

    def draw(self, renderer: Any) -> None:
        fresh = []
        for k, artist in enumerate(self.artists):
            if not artist.get_visible():
                continue
            key = (*self._key(artist), renderer, renderer.width, renderer.height)
            if self.free and key in self.kept.get(k, {}):
                renderer.restore_region(self.kept[k][key])
            else:
                fresh.append((k, artist, key))
        for _k, artist, _key in fresh:
            artist.draw(renderer)
        for k, artist, key in fresh:
            if self.free and key[0]:  # an empty text covers nothing
                kept = self.kept.setdefault(k, {})
                kept[key] = renderer.copy_from_bbox(drawn_box(artist, renderer))
                while len(kept) > self.versions:  # the oldest version goes
                    del kept[next(iter(kept))]
            else:
                self.kept.pop(k, None)


def drawn_box(artist: Artist, renderer: Any = None) -> Bbox:
    """The whole pixels an artist covers, in display pixels, with a margin for antialiasing: one pixel
    around a text's letters, two around the edge of its box or of any other artist."""
    from matplotlib.text import Text
    from matplotlib.transforms import Bbox

    if isinstance(artist, Text):
        box = artist.get_window_extent(renderer).padded(1.0)
        patch = artist.get_bbox_patch()
        if patch is not None:
            box = Bbox.union([box, patch.get_window_extent().padded(2.0)])
    else:
        box = artist.get_window_extent(renderer).padded(2.0)
    x0, y0, x1, y1 = box.extents
    return Bbox.from_extents(np.floor(x0), np.floor(y0), np.ceil(x1), np.ceil(y1))


def lines_reach(box: Bbox, lines: Sequence[Line2D], dpi: float) -> bool:
    """Whether any of these lines, drawn as they now are, would touch a box (in display pixels).

    A widget that moves lines in place draws them over the kept picture; an artist that a full draw puts
    over them (a legend) must then be drawn again, but only when a moved line reaches it.

    Parameters
    ----------
    box : matplotlib Bbox
        The box, in display pixels (``legend.get_window_extent()``).
    lines : sequence of Line2D
    dpi : float
        Resolution of the figure (the lines' widths and markers are in points).

    Returns
    -------
    bool

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from matplotlib.transforms import Bbox
    >>> ax = Figure(dpi=72).subplots()
    >>> _ = ax.set(xlim=(0, 10), ylim=(0, 10))
    >>> (line,) = ax.plot([0, 10], [1, 1], lw=2)
    >>> y = ax.transData.transform((0, 1))[1]
    >>> lines_reach(Bbox.from_extents(0, y + 2, 1000, y + 50), [line], 72), lines_reach(
    ...     Bbox.from_extents(0, y + 5, 1000, y + 50), [line], 72)
    (True, False)
    """
    for line in lines:
        marker = line.get_marker() not in ("None", "", " ", None)
        width = max(line.get_linewidth(), line.get_markersize() if marker else 0.0)
        path = line.get_transform().transform_path(line.get_path())
        if path.intersects_bbox(box.padded(width * dpi / 144 + 2.0), filled=False):
            return True
    return False
