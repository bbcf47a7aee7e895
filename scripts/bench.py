"""Measure what students feel: notebook run time, slider response, the data engine, import cost.

``make bench`` runs this script (a measurement, not a unit test) after the
tests marked ``perf`` (the wall-clock guards kept out of ``make test``). It prints a
table and writes it to ``benchmarks/latest.md``. Every figure is measured
against a floor taken in the same run on the same machine:

1. the nbval run of every notebook / the same number of nbval runs of a
   one-cell notebook (the floor set by starting a kernel);
2. every control of every widget, moved over its range (compute and redraw) /
   redrawing an empty figure of the same size and number of axes; target
   under 50 ms and at most 2x that floor (issue 19); each row says how the
   moves redrew (moved in place, a new scale, or drawn again);
3. ``decompose_panel`` on the whole Penn World Table panel / taking the log
   differences of the same arrays (the memory-bound floor), and a per-country
   Python loop of ``decompose`` for comparison;
4. ``import nqp_helpers`` / importing numpy and matplotlib alone;
5. in Chromium, the time from a slider key press to the new picture on screen
   (:mod:`scripts.browser_test`), median and 95th percentile per notebook and
   overall, target p95 < 150 ms. These rows come from
   ``benchmarks/browser_latency.json``; the notebooks whose stored measurement
   is missing or stale (their code, the package or the browser test changed)
   are measured again first when Chromium and Playwright are here
   (``make test-browser`` installs Playwright). Without them the rows say they
   were not measured, and the bench goes on.

    python -m scripts.bench                 # re-measure the browser rows only when stale
    python -m scripts.bench --browser always   # measure them again in any case
    python -m scripts.bench --browser never    # leave them out of this run (marked not measured)
    python -m scripts.bench --callbacks lab    # only the widgets (here: those named *lab*), printed
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import inspect
import os
import pkgutil
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from scripts import browser_test, nbtools

ROOT = nbtools.ROOT
OUT = ROOT / "benchmarks" / "latest.md"
TARGETS = {
    "nbval": 2.0,
    "callback_ms": 50.0,  # issue 19: a widget update under 50 ms at the median
    "callback_ratio": 2.0,  # and at most 2x an empty redraw of the same figure
    "panel_ratio": 3.0,
    "import_extra": 0.10,
}


def best_of(fn, repeat=7):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def _nbval_seconds(paths, env, cwd=None):
    base = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts="]
    t = time.perf_counter()
    subprocess.run(
        base + ["--nbval", "--nbval-current-env", *map(str, paths)],
        check=True,
        env=env,
        capture_output=True,
        cwd=cwd,
    )
    return time.perf_counter() - t


def _one_cell_notebooks(folder, n, source):
    """Write n executed one-cell notebooks running ``source`` into folder."""
    from nbformat.v4 import new_code_cell, new_notebook

    paths = []
    for i in range(n):
        nb = new_notebook(cells=[new_code_cell(source)])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbtools.execute(nb)
        path = Path(folder) / f"floor{i}.ipynb"
        nbtools.write(nb, path)
        paths.append(path)
    return paths


def bench_notebooks():
    """nbval over all notebooks vs the same number of one-cell notebooks (two floors, same run, best of 3).

    The strict floor runs ``1 + 1`` (kernel start-up only); the second floor
    runs the imports every lesson's setup cell makes (numpy, matplotlib,
    ipywidgets, the package), which no notebook can avoid.
    """
    notebooks = nbtools.select()
    imports = (
        "import numpy, matplotlib.pyplot, ipywidgets, "
        "nqp_helpers.lessons.widgets, nqp_helpers.lessons.plotting"
    )
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "NQP_PROGRESS_FILE": str(Path(tmp) / "progress.json")}
        (Path(tmp) / "kernel").mkdir()
        (Path(tmp) / "imports").mkdir()
        kernel_only = _one_cell_notebooks(Path(tmp) / "kernel", len(notebooks), "1 + 1")
        with_imports = _one_cell_notebooks(Path(tmp) / "imports", len(notebooks), imports)
        runs = {"floor": [], "imports": [], "full": []}
        for _ in range(3):  # interleaved and repeated: the best of three is the least disturbed run
            runs["floor"].append(_nbval_seconds(kernel_only, env))
            runs["imports"].append(_nbval_seconds(with_imports, env))
            runs["full"].append(_nbval_seconds(notebooks, env, cwd=ROOT))
        floor, floor_imports, full = (min(runs[k]) for k in ("floor", "imports", "full"))
    return len(notebooks), full, floor, floor_imports


def app_factories():
    """Every make_*_app function in the package (the lesson layer included), with a name for the table."""
    import nqp_helpers

    found = []
    for mod in pkgutil.walk_packages(nqp_helpers.__path__, prefix="nqp_helpers."):
        module = importlib.import_module(mod.name)
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("make_") and name.endswith("_app") and fn.__module__ == module.__name__:
                found.append((f"{mod.name.removeprefix('nqp_helpers.')}.{name}", fn))
    return found


def empty_redraw(fig):
    """Time to render an empty figure of the same size, settings and number of axes as an app's figure, the
    way an app renders (one Agg canvas kept for the figure's life, the pixels encoded as PNG by the
    apps' own encoder): the floor an app's redraw is compared with."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from nqp_helpers.lessons.widgets import png_bytes

    blank = Figure(figsize=fig.get_size_inches(), dpi=fig.dpi)
    blank.subplots(*_grid(fig))
    canvas = FigureCanvasAgg(blank)

    def render():
        canvas.draw()
        width, height = canvas.get_width_height()
        png_bytes(np.frombuffer(canvas.buffer_rgba(), dtype=np.uint8).reshape(height, width, 4))

    return statistics.median(best_of(render, 1) for _ in range(9))


def _grid(fig):
    spec = fig.axes[0].get_subplotspec() if fig.axes and fig.axes[0].get_subplotspec() else None
    if spec is None:
        return 1, 1
    rows, cols = spec.get_gridspec().get_geometry()
    return rows, cols


def bench_callbacks(only=()):
    """Median compute-and-redraw time of every control of every app (or of the apps whose names contain
    one of ``only``), each control moved over eleven values twice from its start value, the others at
    theirs, against the app's empty redraw."""
    from nqp_helpers.lessons.plotting import use_style

    use_style()
    rows = []
    for name, factory in app_factories():
        if only and not any(part in name for part in only):
            continue
        app = factory()
        floor = empty_redraw(app.fig)
        for control_name, control in app.controls.items():
            values = _values_for(control)
            times, modes = [], []
            for v in values[1:] + values[:1] + values[1:]:  # from the start value, twice over the range
                app.set(**{control_name: v})
                times.append(app.last_seconds)
                modes.append(app.last_mode)
            app.set(**{control_name: values[0]})  # back to its start value, untimed, for the next control
            med = statistics.median(times)
            rows.append((name, control_name, 1000 * med, 1000 * max(times), med / floor, modes))
    return rows


def _values_for(control):
    """Eleven values spread over a control's range (or its options); the first is the current value."""
    if hasattr(control, "options") and control.options:
        opts = [o[1] if isinstance(o, tuple) else o for o in control.options]
        at = opts.index(control.value) if control.value in opts else 0
        return ((opts[at:] + opts[:at]) * 11)[:11]
    if isinstance(control.value, bool):
        return [bool((i + control.value) % 2) for i in range(11)]
    lo, hi = control.min, control.max
    if isinstance(control.value, tuple):  # a range slider: move its start
        start, end = control.value
        return [(s, end) for s in [start, *range(lo, end, max(1, (end - lo) // 10))][:11]]
    vals = np.linspace(lo + 0.1 * (hi - lo), hi - 0.1 * (hi - lo), 10)
    return [control.value, *(type(control.value)(round(v / control.step) * control.step) for v in vals)]


def callback_row(name, control, med, worst, ratio, modes):
    """A row of the table for one control: median and worst time, ratio to the floor, how it redrew."""
    ok = med < TARGETS["callback_ms"] and ratio <= TARGETS["callback_ratio"]
    how = ", ".join(f"{modes.count(m)} {m}" for m in ("update", "rescale", "draw") if m in modes)
    return (
        f"| callback `{name}` ({control}; {how}) | {med:.0f} ms (max {worst:.0f}) | empty redraw | "
        f"{ratio:.2f} | < {TARGETS['callback_ms']:.0f} ms, ≤ {TARGETS['callback_ratio']:.0f}x | "
        f"{'yes' if ok else 'no'} |"
    )


def bench_panel():
    """decompose_panel on the whole PWT panel vs its log-difference floor and a per-country loop."""
    from nqp_helpers import decompose, decompose_panel, load_panel

    p = load_panel(["rgdpna", "rnna", "emp", "hc", "labsh"])
    Y, K, L, H, s = (p.values[v] for v in ("rgdpna", "rnna", "emp", "hc", "labsh"))

    def engine():
        decompose_panel(Y, K, L, 1 - s, human_capital=H, years=p.years, allow_missing=True)

    def floor():
        for x in (Y, K, L, H):
            np.diff(np.log(x), axis=-1)

    def loop():
        for i in range(Y.shape[0]):
            ok = (
                np.isfinite(Y[i])
                & np.isfinite(K[i])
                & np.isfinite(L[i])
                & np.isfinite(H[i])
                & np.isfinite(s[i])
            )
            if ok.sum() >= 2:
                decompose(Y[i][ok], K[i][ok], L[i][ok], 1 - s[i][ok], human_capital=H[i][ok])

    return Y.shape, best_of(engine), best_of(floor), best_of(loop, 3)


def bench_import():
    """Import time of numpy + matplotlib alone, and with nqp_helpers, in fresh interpreters."""

    def run(code):
        return min(
            float(
                subprocess.run(
                    [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", check=True
                ).stdout
            )
            for _ in range(7)
        )

    prefix = "import time; t = time.perf_counter(); import numpy, matplotlib, matplotlib.pyplot; "
    base = run(prefix + "print(time.perf_counter() - t)")
    full = run(prefix + "import nqp_helpers; print(time.perf_counter() - t)")
    return base, full


def browser_unavailable():
    """Why the browser measurement cannot run here (None when it can)."""
    if not os.access(browser_test.CHROMIUM, os.X_OK):
        return f"no Chromium at {browser_test.CHROMIUM} (Debian: apt-get install chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "Playwright is not installed in this environment (make test-browser installs it)"
    return None


def bench_browser(mode="auto"):
    """The browser latency report, measuring again the notebooks whose stored measurement is missing or
    stale (all of them with mode "always"; none with "never"). Returns (report or None, what was not
    measured and why: a list of sentences)."""
    paths = nbtools.select()
    report = browser_test.read_report()
    todo = paths if mode == "always" else browser_test.stale_notebooks(report, paths)
    notes = []
    if todo and mode != "never":
        why = browser_unavailable()
        if why is None:
            names = [p.stem for p in todo]
            print(f"measuring key press to picture in Chromium: {' '.join(names)} ...", flush=True)
            done = subprocess.run(
                [sys.executable, "-m", "scripts.browser_test", *names], cwd=ROOT, check=False
            )
            if done.returncode:
                notes.append("the browser test reported problems while measuring (see its output above)")
            report = browser_test.read_report()
            todo = browser_test.stale_notebooks(report, paths)
        else:
            notes.append(f"not measured: {why}")
    elif todo:
        notes.append("not measured: left out with --browser never")
    if todo:
        notes.append(
            "no current measurement of "
            + ", ".join(p.name for p in todo)
            + " (run `make test-browser`, or `python -m scripts.bench --browser always`)"
        )
    return report, paths, todo, notes


def browser_rows(report, paths, stale):
    """Table rows: key press to picture per notebook with sliders, and overall (current entries only)."""
    target = browser_test.TARGET_P95_MS
    rows, every, arrivals = [], [], []
    current = [p for p in paths if p not in stale]
    for path in current:
        entry = report["notebooks"][path.name]
        samples = browser_test.notebook_samples(entry)
        if not samples:
            continue
        every += samples
        to_src = [v for sl in entry["sliders"] for v in sl.get("to_src_ms", [])]
        arrivals += to_src
        rows.append(_browser_row(path.stem, entry, samples, to_src, target))
    if every:
        rows.append(_browser_row("all notebooks", None, every, arrivals, target))
    for path in stale:
        rows.append(
            f"| browser: key press to new picture, {path.stem} | not measured in this run | | | "
            f"p95 < {target:.0f} ms | |"
        )
    return rows


def _browser_row(name, entry, samples, to_src, target):
    st = browser_test.summarise(samples)
    k = sum(1 for sl in entry["sliders"] if sl["samples_ms"]) if entry else 0
    sliders = f", {k} slider{'' if k == 1 else 's'}" if entry else ""
    arrival = (
        f"picture arrives (kernel round trip): median {browser_test.percentile(to_src, 50):.0f} ms"
        if to_src
        else ""
    )
    return (
        f"| browser: key press to new picture, {name} (n = {st['n']}{sliders}) | "
        f"median {st['median']:.0f} ms, p95 {st['p95']:.0f} ms (max {st['max']:.0f}) | {arrival} | | "
        f"p95 < {target:.0f} ms | "
        f"{'yes' if st['p95'] < target else 'no'} |"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m scripts.bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--browser",
        choices=("auto", "always", "never"),
        default="auto",
        help="measure key press to picture in Chromium: when stale (auto, default), always, or never",
    )
    parser.add_argument(
        "--callbacks",
        nargs="*",
        metavar="APP",
        help="time only the widget callbacks (of the apps whose names contain APP), print, write nothing",
    )
    args = parser.parse_args(argv)
    if args.callbacks is not None:
        for row in bench_callbacks(args.callbacks):
            print(callback_row(*row))
        return
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, by `make bench`.",
        "",
    ]
    n, full, floor, floor_imports = bench_notebooks()
    ok = full / floor <= TARGETS["nbval"]
    lines += [
        "| measurement | value | floor (same run) | ratio | target | met |",
        "|---|---|---|---|---|---|",
        f"| nbval, all {n} notebooks | {full:.1f} s | {floor:.1f} s ({n} one-cell notebooks) | "
        f"{full / floor:.2f} | ≤ {TARGETS['nbval']:.0f}x | {'yes' if ok else 'no'} |",
        f"| nbval, all {n} notebooks | {full:.1f} s | {floor_imports:.1f} s ({n} notebooks that only import "
        f"numpy, matplotlib, ipywidgets, nqp_helpers) | {full / floor_imports:.2f} | (context) | |",
    ]
    lines += [callback_row(*row) for row in bench_callbacks()]
    browser_at = len(lines)
    shape, engine, lfloor, loop = bench_panel()
    ok = engine / lfloor <= TARGETS["panel_ratio"]
    lines.append(
        f"| `decompose_panel`, PWT {shape[0]} x {shape[1]} | {1000 * engine:.2f} ms | "
        f"{1000 * lfloor:.2f} ms (log differences) | {engine / lfloor:.2f} | ≤ 3x | "
        f"{'yes' if ok else 'no'} |"
    )
    lines.append(
        f"| per-country loop of `decompose` | {1000 * loop:.1f} ms | same floor | "
        f"{loop / lfloor:.0f} | (for comparison) | |"
    )
    base, with_pkg = bench_import()
    extra = with_pkg / base - 1
    lines.append(
        f"| `import nqp_helpers` after numpy + matplotlib | {1000 * with_pkg:.0f} ms | "
        f"{1000 * base:.0f} ms | +{100 * extra:.1f} % | < +10 % | "
        f"{'yes' if extra < TARGETS['import_extra'] else 'no'} |"
    )
    report, paths, stale, notes = bench_browser(args.browser)
    lines[browser_at:browser_at] = browser_rows(report, paths, stale)
    lines += ["", _browser_note(report, paths, stale, notes)]
    text = "\n".join(lines) + "\n"
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(text)
    print(f"written to {OUT.relative_to(ROOT)}")


def _browser_note(report, paths, stale, notes):
    """The sentence under the table: what the browser rows measure, when and where, and what is missing."""
    entries = [report["notebooks"][p.name] for p in paths if p not in stale] if report else []
    text = (
        "Browser rows: ms from a slider key press (keydown, ArrowRight/ArrowLeft in turn) to the first "
        "frame after the new picture is decoded, in headless Chromium, every slider of every notebook "
        "(`benchmarks/browser_latency.json`, written by `make test-browser`)"
    )
    if entries:
        dates = sorted({e["measured"][:10] for e in entries})
        text += f"; measured {' to '.join(dict.fromkeys([dates[0], dates[-1]]))} on {entries[0]['machine']}"
    return text + "." + "".join(f" {n[0].upper()}{n[1:]}." for n in notes)


if __name__ == "__main__":
    main()
