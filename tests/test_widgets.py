"""Interactive figures redraw in place, quickly, and show what the sliders say."""

import numpy as np
import pytest

from nqp_helpers.lessons.growth import draw_economy, make_economy_app
from nqp_helpers.lessons.plotting import plot_contributions, use_style
from nqp_helpers.lessons.widgets import FigureApp, Redraw, fits, slider


def bar_heights(ax):
    """Heights of the bar patches, in drawing order (capital, labour, human capital, TFP)."""
    return [p.get_height() for p in ax.patches]


def test_economy_app_redraws_when_a_slider_moves():
    """Moving the TFP slider changes the TFP bar and the reported output growth, and swaps the image."""
    use_style()
    app = make_economy_app(capital_growth=6.0, labor_growth=1.0, tfp_growth=2.0, capital_share=0.4)
    before_image, before_note = app.image.value, app.note.value
    assert "5.00 % per year" in before_note and "40 %" in before_note
    app.set(tfp_growth=3.0)
    assert bar_heights(app.axes)[-1] == pytest.approx(3.0)
    assert "6.00 % per year" in app.note.value
    assert app.image.value != before_image and app.draws == 2


def test_economy_app_capital_share_reweights_inputs():
    """Raising the capital share raises capital's contribution alpha * g_K and lowers labour's."""
    app = make_economy_app(human_capital_growth=1.0, years=20)
    app.set(capital_share=0.6)
    cap, lab, hum, tfp = bar_heights(app.axes)
    assert cap == pytest.approx(0.6 * 6.0) and lab == pytest.approx(0.4 * 1.0) and hum == pytest.approx(0.4)
    assert "after 20 years" in app.note.value


@pytest.mark.perf
def test_economy_app_updates_fast():
    """After the first draw, an update (compute and render) takes well under the 100 ms bar."""
    app = make_economy_app()
    times = []
    for g in np.linspace(0.0, 4.0, 6):
        app.set(tfp_growth=float(g))
        times.append(app.last_seconds)
    assert np.median(times) < 0.25  # the benchmark reports the real figure; this guards against regressions


def test_zero_output_growth_says_share_is_undefined():
    """With no output growth at all, the TFP share is reported as undefined, not as a number."""
    from matplotlib.figure import Figure

    ax = Figure().subplots()
    note = draw_economy(ax, 0.0, 0.0, 0.0, 0.4)
    assert "undefined" in note


def test_figure_app_validates_its_arguments():
    """FigureApp refuses a non-callable draw function, no controls, and unknown control names."""
    with pytest.raises(ValueError, match="draw must be callable"):
        FigureApp(None, {"a": slider("a", 1, 0, 2, 0.1)})
    with pytest.raises(ValueError, match="controls must be a non-empty dict"):
        FigureApp(lambda ax: None, {})
    app = FigureApp(lambda ax, a: ax.plot([0, a]) and None, {"a": slider("a", 1, 0, 2, 0.1)})
    with pytest.raises(ValueError, match=r"unknown control\(s\) \['b'\]"):
        app.set(b=1)


def test_plot_contributions_checks_its_inputs():
    """Summaries and labels must match, and aggregate and per-worker views must not be mixed."""
    from nqp_helpers import constant_growth_economy, decompose

    e = constant_growth_economy(5, 5.0, 1.0, 1.0, 0.3)
    acc = decompose(e["output"], e["capital"], e["labor"], 0.3)
    with pytest.raises(ValueError, match="equal length"):
        plot_contributions([acc.summary()], ["a", "b"])
    with pytest.raises(ValueError, match="same parts"):
        plot_contributions([acc.summary(), acc.per_worker().summary()], ["a", "b"])
    ax = plot_contributions([acc.summary(), acc.summary(0, 2)], ["all years", "first two"])
    assert len(ax.patches) == 8


def test_sliders_refuse_starting_values_they_would_clamp():
    """slider and int_slider refuse a starting value outside [min, max] (ipywidgets would move it to the
    nearer end silently), naming the argument; the ends themselves are accepted."""
    from nqp_helpers.lessons.widgets import int_slider

    with pytest.raises(ValueError, match=r"capital_share must lie in \[0.05, 0.95\]; got 1.2"):
        slider("capital share α", 1.2, 0.05, 0.95, 0.05, name="capital_share")
    with pytest.raises(ValueError, match=r"capital share α must be a real number; got '0.4'"):
        slider("capital share α", "0.4", 0.05, 0.95, 0.05)
    with pytest.raises(ValueError, match=r"years must be a whole number; got 2.5"):
        int_slider("number of years", 2.5, 2, 50, name="years")
    with pytest.raises(ValueError, match=r"years must lie in \[2, 50\]; got 51"):
        int_slider("number of years", 51, 2, 50, name="years")
    with pytest.raises(ValueError, match=r"needs min < max"):
        slider("x", 1.0, 2.0, 1.0, 0.1)
    assert slider("a", 0.05, 0.05, 0.95, 0.05).value == 0.05 and int_slider("n", 50, 2, 50).value == 50
    with pytest.raises(ValueError, match=r"capital_share must lie in \[0.05, 0.95\]; got 0"):
        make_economy_app(capital_share=0.0)


def test_figure_app_never_leaves_a_stale_figure():
    """When draw raises, the picture becomes a notice and the note the message: a ValueError stops there
    (app.error says why), any other exception is raised again after the notice is shown."""

    def draw(ax, a):
        if a > 1.5:
            raise ValueError("a must be at most 1.5")
        if a < 0.5:
            raise RuntimeError("a bug")
        ax.plot([0, a])
        return f"a = {a}"

    app = FigureApp(draw, {"a": slider("a", 1.0, 0.0, 2.0, 0.1)})
    good = app.image.value
    app.set(a=1.8)
    assert app.error == "a must be at most 1.5" and "a must be at most 1.5" in app.note.value
    assert app.image.value != good and not app.axes.lines and not app.axes.axison
    app.set(a=1.0)
    assert app.error is None and app.note.value == "a = 1.0" and app.axes.lines
    with pytest.raises(RuntimeError, match="a bug"):
        app.set(a=0.2)
    assert app.error == "RuntimeError: a bug" and "a bug" in app.note.value and not app.axes.lines


def test_near_zero_growth_shows_n_a_with_the_reason():
    """Output growth below 0.5 % per year shows the TFP share as n/a with the reason, never as a number."""
    from matplotlib.figure import Figure

    note = draw_economy(Figure().subplots(), 1.0, -0.5, 0.1, 0.4)
    assert "TFP share of growth <b>n/a (output growth is 0.20 % per year" in note
    note = draw_economy(Figure().subplots(), 0.5, -0.5, 0.1, 0.4)  # 0.2 - 0.3 + 0.1 = 0
    assert "output growth <b>0.00 % per year" in note and "-0.00" not in note


# --------------------------------------------------------------------------- #
# Updates in place: move the artists that change, draw them over the kept background
# --------------------------------------------------------------------------- #
class Wave:
    """A line y = a sin(x) on fixed axes, drawn once and then moved in place (the pattern apps follow)."""

    x = np.linspace(0.0, 6.0, 200)

    def draw(self, ax, amplitude):
        ax.set_ylim(-2.0, 2.0)
        ax.set_xlabel("x")
        (self.line,) = ax.plot(self.x, amplitude * np.sin(self.x))
        self.label = ax.text(0.02, 0.9, f"a = {amplitude:.2f}", transform=ax.transAxes)
        return f"amplitude {amplitude:.2f}"

    def update(self, ax, amplitude):
        y = amplitude * np.sin(self.x)
        if not fits(ax, y=y):
            raise Redraw
        self.line.set_ydata(y)
        self.label.set_text(f"a = {amplitude:.2f}")
        return f"amplitude {amplitude:.2f}", [self.line, self.label]


def wave_app(update=True):
    wave = Wave()
    control = slider("amplitude a", 0.5, 0.1, 3.0, 0.1, name="amplitude")
    return FigureApp(wave.draw, {"amplitude": control}, update=wave.update if update else None)


def pixels(app):
    import io

    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(app.image.value)), dtype=float)


def test_an_update_in_place_draws_the_same_picture_as_a_full_redraw():
    """Blitting the moved artists over the kept background gives the picture a full redraw gives."""
    use_style()
    moved, full = wave_app(), wave_app(update=False)
    for a in (0.8, 1.3, 1.9):
        moved.set(amplitude=a)
        full.set(amplitude=a)
        assert moved.last_mode == "update" and full.last_mode == "draw"
        assert moved.note.value == full.note.value == f"amplitude {a:.2f}"
        assert np.abs(pixels(moved) - pixels(full)).max() <= 2  # 8-bit channels: antialiasing at most


def test_data_that_leave_the_view_draw_everything_again():
    """update raises Redraw when the line would leave the axes: the app draws everything, the view grows
    with the data, and the next move inside the view is again an update."""
    app = wave_app()
    app.set(amplitude=2.5)
    assert app.last_mode == "draw"
    app.set(amplitude=1.0)
    assert app.last_mode == "update"


class StretchingWave(Wave):
    """The wave on a vertical range of ±2, or ±(a rounded up) for a taller wave: the range is set in place."""

    @staticmethod
    def top(amplitude):
        return max(2.0, float(np.ceil(amplitude)))

    def draw(self, ax, amplitude):
        note = super().draw(ax, amplitude)
        ax.set_ylim(-self.top(amplitude), self.top(amplitude))
        return note

    def update(self, ax, amplitude):
        if ax.get_ylim() != (-self.top(amplitude), self.top(amplitude)):
            ax.set_ylim(-self.top(amplitude), self.top(amplitude))
        self.line.set_ydata(amplitude * np.sin(self.x))
        self.label.set_text(f"a = {amplitude:.2f}")
        return f"amplitude {amplitude:.2f}", [self.line, self.label]


def test_an_update_that_sets_new_limits_renders_the_new_view_and_builds_nothing_anew():
    """A move that changes an axes' limits is a "rescale": the kept background is rendered again for the new
    view (ticks and grid of the new range), the same artists are moved, and the picture is the full
    redraw's; the next move inside the view is again a plain update."""
    use_style()
    wave = StretchingWave()
    control = slider("amplitude a", 0.5, 0.1, 5.0, 0.1, name="amplitude")
    moved = FigureApp(wave.draw, {"amplitude": control}, update=wave.update)
    twin = StretchingWave()
    full = FigureApp(twin.draw, {"amplitude": slider("a", 0.5, 0.1, 5.0, 0.1, name="amplitude")})
    line = wave.line
    modes = []
    for a in (1.5, 3.4, 3.1, 0.9):
        moved.set(amplitude=a)
        full.set(amplitude=a)
        modes.append(moved.last_mode)
        assert np.abs(pixels(moved) - pixels(full)).max() <= 2, a
        assert moved.axes.get_ylim() == full.axes.get_ylim()
    assert modes == ["update", "rescale", "update", "rescale"]
    assert wave.line is line and moved.axes.get_lines() == [line]  # moved, never made anew


def test_a_refused_choice_in_an_update_shows_the_notice_and_the_next_move_draws_everything():
    """A ValueError raised by update becomes the notice; the move after it draws the figure afresh."""

    class Fussy(Wave):
        def update(self, ax, amplitude):
            if amplitude > 1.0:
                raise ValueError("amplitude must be at most 1 here; got 1.5")
            return super().update(ax, amplitude)

    fussy = Fussy()
    app = FigureApp(fussy.draw, {"amplitude": slider("a", 0.5, 0.1, 3.0, 0.1)}, update=fussy.update)
    app.set(amplitude=1.5)
    assert app.error and "at most 1" in app.note.value
    app.set(amplitude=0.7)
    assert app.error is None and app.last_mode == "draw" and app.note.value == "amplitude 0.70"
    assert app.fig.axes[0].lines[0].get_visible()


def test_update_must_be_callable():
    with pytest.raises(ValueError, match="update must be callable or None; got 3"):
        FigureApp(Wave().draw, {"amplitude": slider("a", 0.5, 0.1, 3.0, 0.1)}, update=3)


def test_png_bytes_gives_the_pixels_back_exactly_and_refuses_what_is_not_rgba():
    """PNG is lossless: a decoder returns every pixel of a widget's canvas unchanged; anything but 8-bit
    RGBA of shape (height, width, 4) is refused with a message that names the argument."""
    import io

    from PIL import Image

    from nqp_helpers.lessons.widgets import png_bytes

    app = wave_app()
    width, height = app.canvas.get_width_height()
    canvas = np.frombuffer(app.canvas.buffer_rgba(), dtype=np.uint8).reshape(height, width, 4)
    decoded = np.asarray(Image.open(io.BytesIO(png_bytes(canvas))))
    assert decoded.dtype == np.uint8 and np.array_equal(decoded, canvas)
    for bad in (canvas[:, :, :3], canvas.astype(float), np.zeros((0, 4, 4), np.uint8)):
        with pytest.raises(ValueError, match="pixels must be 8-bit RGBA"):
            png_bytes(bad)


def test_kept_pixels_draw_an_artist_once_and_then_put_its_pixels_back_until_it_changes():
    """Over a kept background, a kept legend is drawn the first time and its pixels put back afterwards; a
    kept text is drawn again when its words change; forget() and ``free = False`` draw afresh; the picture
    is always the one a full render gives."""
    from unittest import mock

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from nqp_helpers.lessons.widgets import KeptPixels

    fig = Figure(figsize=(3, 2))
    canvas = FigureCanvasAgg(fig)
    ax = fig.subplots()
    ax.plot([0, 1], [0, 1], label="a line")
    legend, text = ax.legend(), ax.text(0.1, 0.8, "words")
    kept = KeptPixels(legend, text)

    def full_render():
        canvas.draw()
        return np.asarray(canvas.buffer_rgba()).copy()

    kept.set_visible(False)
    canvas.draw()
    background = canvas.copy_from_bbox(fig.bbox)
    kept.set_visible(True)
    renderer = canvas.get_renderer()
    calls = []
    with (
        mock.patch.object(legend, "draw", wraps=legend.draw) as drawn_legend,
        mock.patch.object(text, "draw", wraps=text.draw) as drawn_text,
    ):
        for change in (None, None, "other words", "forget", "busy"):
            if change == "other words":
                text.set_text(change)
            elif change == "forget":
                kept.forget()
            elif change == "busy":
                kept.free = False
            canvas.restore_region(background)
            before = (drawn_legend.call_count, drawn_text.call_count)
            kept.draw(renderer)
            calls.append((drawn_legend.call_count - before[0], drawn_text.call_count - before[1]))
            blitted = np.asarray(canvas.buffer_rgba()).copy()
            assert np.array_equal(blitted, full_render()), change
    assert calls == [(1, 1), (0, 0), (0, 1), (1, 1), (1, 1)]  # (legend, text) drawn afresh


def test_kept_pixels_with_versions_put_back_a_text_seen_lately_and_refuse_zero_versions():
    """With versions=2 the pixels of the last two texts drawn are kept: a text that comes back is put back
    while it is one of them, and drawn again once two newer texts have been drawn."""
    from unittest import mock

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from nqp_helpers.lessons.widgets import KeptPixels

    fig = Figure(figsize=(3, 2))
    canvas = FigureCanvasAgg(fig)
    text = fig.subplots().set_title("A", y=1.0)
    kept = KeptPixels(text, versions=2)
    canvas.draw()
    drawn = []
    with mock.patch.object(text, "draw", wraps=text.draw) as draw:
        for words in ("A", "B", "A", "C", "B", "A"):
            text.set_text(words)
            before = draw.call_count
            kept.draw(canvas.get_renderer())
            drawn.append(draw.call_count - before)
    assert drawn == [1, 1, 0, 1, 0, 1]  # A, B kept; A put back; C pushes out A; B put back; A drawn again
    with pytest.raises(ValueError, match="versions"):
        KeptPixels(text, versions=0)
