"""Slides from the notebooks: slide metadata for JupyterLab's RISE, and offline reveal.js decks.

Two jobs:

``--set-metadata`` gives every cell of every notebook a slide type
(``cell.metadata.slideshow.slide_type``), which both the JupyterLab slideshow
extension (jupyterlab-rise: the "Render as Reveal Slideshow" button) and nbconvert's
reveal.js exporter read. The rules, applied to each cell in order:

- navigation cells, solution cells and empty cells: ``skip``;
- markdown beginning with a ``# `` or ``## `` heading: ``slide``; with ``### ``: ``subslide``;
- an exercise question (markdown beginning ``**Exercise``): ``subslide``, and its
  self-check cell stays with it (``-``);
- a figure caption (markdown beginning ``**Figure``) stays with its figure (``-``);
- a cell that draws a figure or a widget: ``fragment`` (it appears on the next
  click), or a ``subslide`` of its own when more than ``FIGURE_ROOM`` lines
  precede it on the slide; a short lead-in just before it (``LEAD_IN`` lines at
  most) then opens that sub-slide instead;
- anything else, long markdown included: ``-`` (same slide), or ``subslide`` when
  the slide is full.

"Full" is an estimate of the lines a slide can show at the exporter's 960 x 700
size (``BUDGET``). The types depend only on the cells' content and tags, so
running the script again changes nothing. A cell tagged ``slide-manual`` keeps
the type an author gave it.

Without ``--set-metadata`` the script exports reveal.js decks to
``_build/slides/NN-name.slides.html`` with an index page. The decks work
offline: reveal.js, MathJax, require.js, jQuery and the widgets HTML manager are
copied into ``_build/slides/assets/`` (fetched once from the npm registry by
scripts/fetch_web_assets.py). A notebook without slide metadata gets the
types above in memory. Solution cells are left out unless ``--with-solutions``.

    python -m scripts.slides                          # every notebook -> _build/slides/
    python -m scripts.slides 02 --with-solutions
    python -m scripts.slides --set-metadata           # write slide types into notebooks/*.ipynb
    python -m scripts.slides --set-metadata --check   # exit 1 if any notebook would change
"""

from __future__ import annotations

import argparse
import base64
import math
import struct
import sys
from pathlib import Path

from scripts import export_html, nbtools, student_copies

ROOT = nbtools.ROOT
OUT = ROOT / "_build" / "slides"

MANUAL_TAG = "slide-manual"
BUDGET = 26  # lines on a slide before text moves to the next one (a 960 x 700 slide shows about 20;
#               the decks scroll, so a little more is allowed)
FIGURE_ROOM = 8  # a figure gets a slide of its own unless at most this many lines precede it
LEAD_IN = 4  # a markdown cell of at most this many lines just before a figure travels with it
LINE_CHARS = 70  # characters per line of prose at that size
LINE_PX = 30  # pixels per line of text, to convert figure heights
WIDGET_LINES = 22  # sliders above a figure
FIGURE_MIMES = ("image/png", "image/jpeg", "image/svg+xml", "application/vnd.jupyter.widget-view+json")


def _first_line(cell):
    for line in cell.source.splitlines():
        if line.strip():
            return line.strip()
    return ""


def _png_height(data):
    """Height in pixels of a base64 PNG (from its IHDR chunk), or None."""
    try:
        head = base64.b64decode(data[:44] if isinstance(data, str) else "".join(data)[:44])
        if head[:8] == b"\x89PNG\r\n\x1a\n":
            return struct.unpack(">I", head[20:24])[0]
    except (ValueError, struct.error):
        pass
    return None


def _text_lines(text):
    return sum(max(1, math.ceil(len(line) / LINE_CHARS)) for line in text.splitlines()) if text else 0


def cell_lines(cell):
    """Estimated height of a cell on a slide, in lines of text."""
    if cell.cell_type == "markdown":
        first = _first_line(cell)
        return _text_lines(cell.source) + (1 if first.startswith("#") else 0)
    lines = max(1, len(cell.source.splitlines()))
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        if "application/vnd.jupyter.widget-view+json" in data:
            lines += WIDGET_LINES
        elif "image/png" in data:
            px = _png_height(data["image/png"]) or 16 * LINE_PX
            lines += math.ceil(px / LINE_PX)
        elif "image/svg+xml" in data or "image/jpeg" in data:
            lines += 16
        elif "text" in out:
            text = out["text"] if isinstance(out["text"], str) else "".join(out["text"])
            lines += min(_text_lines(text), 25)
        elif "text/plain" in data:
            text = data["text/plain"] if isinstance(data["text/plain"], str) else "".join(data["text/plain"])
            lines += min(_text_lines(text), 25)
    return lines


def _draws(cell):
    """Whether a code cell shows a figure or a widget."""
    if cell.cell_type != "code":
        return False
    if cell.source.lstrip().startswith("# NBVAL_IGNORE_OUTPUT"):
        return True
    return any(m in out.get("data", {}) for out in cell.get("outputs", []) for m in FIGURE_MIMES)


def _kind(cell, nxt, used):
    """Slide type of one cell, given the next cell and the lines already on the current slide."""
    first = _first_line(cell)
    if MANUAL_TAG in nbtools.tags(cell):
        return cell.get("metadata", {}).get("slideshow", {}).get("slide_type", "-")
    if nbtools.is_navigation(cell) or nbtools.is_solution(cell) or not cell.source.strip():
        return "skip"
    if cell.cell_type == "markdown":
        if first.startswith(("# ", "## ")):
            return "slide"
        if first.startswith(("### ", "**Exercise")):
            return "subslide"
        if first.startswith("**Figure"):
            return "-"
        # a short lead-in to a figure opens the figure's slide when this one already has content
        if nxt is not None and _draws(nxt) and cell_lines(cell) <= LEAD_IN and used > FIGURE_ROOM:
            return "subslide"
    elif nbtools.is_exercise(cell):
        return "-"
    elif _draws(cell):
        return "subslide" if used > FIGURE_ROOM else "fragment"
    return "subslide" if used > 0 and used + cell_lines(cell) > BUDGET else "-"


def slide_types(nb):
    """The slide type of every cell of ``nb`` under the rules in this module's docstring.

    Returns
    -------
    list of str
        One of "slide", "subslide", "fragment", "-", "skip" (or, for a cell tagged
        ``slide-manual``, the type it already has) per cell.
    """
    types = []
    used = 0
    cells = nb.cells
    for i, cell in enumerate(cells):
        nxt = next((c for c in cells[i + 1 :] if _kind(c, None, 0) != "skip"), None)
        kind = _kind(cell, nxt, used)
        if kind in ("slide", "subslide"):
            used = cell_lines(cell)
        elif kind not in ("skip", "notes"):
            used += cell_lines(cell)
        types.append(kind)
    return types


def set_metadata(nb):
    """Write the slide types of :func:`slide_types` into the cells; return True if anything changed."""
    changed = False
    for cell, kind in zip(nb.cells, slide_types(nb), strict=True):
        if MANUAL_TAG in nbtools.tags(cell):
            continue
        if cell.metadata.get("slideshow") != {"slide_type": kind}:
            cell.metadata["slideshow"] = {"slide_type": kind}
            changed = True
    return changed


def has_slide_metadata(nb):
    return any("slideshow" in c.get("metadata", {}) for c in nb.cells)


def update_notebooks(paths, check=False):
    """Set slide metadata in these notebook files; return the names of those that changed (or would)."""
    stale = []
    for path in paths:
        nb = nbtools.read(path)
        if set_metadata(nb):
            stale.append(path.name)
            if not check:
                nbtools.write(nb, path)
    return stale


def slides_exporter(theme="white"):
    """An nbconvert SlidesExporter set up for offline decks (local assets, scrolling slides, numbers)."""
    from nbconvert import SlidesExporter

    exporter = export_html.configure(SlidesExporter())
    exporter.reveal_theme = theme  # 'white' ships its fonts; 'simple' would load Google Fonts
    exporter.reveal_scroll = True
    exporter.reveal_number = "c/t"
    return exporter


def export(paths, out=OUT, with_solutions=False, quiet=False):
    """Export reveal.js decks of these notebooks to ``out`` with offline assets and an index page.

    Returns
    -------
    dict
        Notebook file name -> path of the deck written.

    Raises
    ------
    RuntimeError
        If the offline web assets are missing and cannot be fetched.
    """

    def build(e):
        nb = nbtools.read(e["path"])
        if not has_slide_metadata(nb):
            set_metadata(nb)
        if not with_solutions:
            nb = student_copies.strip_solutions(nb)
        nb.metadata["title"] = e["title"]
        return nb

    entries, links, written = export_html.export_pages(
        paths, out, slides_exporter(), ".slides.html", build, quiet
    )
    if paths and nbtools.edition_of(paths[0]) == "zh":
        kept = "含答案" if with_solutions else "不含答案"
        intro = (
            f"笔记本的 reveal.js 幻灯片，{kept}，附最近一次完整运行的输出。"
            "方向键在幻灯片之间移动（向下：一节的下一部分）；"
            "按 S 显示讲者备注，按 F 全屏。要现场运行单元格，请在 JupyterLab 中打开笔记本并使用幻灯片放映按钮"
            "（jupyterlab-rise）。幻灯片不从互联网加载任何内容。"
        )
        heading = "新质生产力：幻灯片（中文版）"
        export_html.write_index(out, entries, links, heading, intro, "deck", edition="zh")
        return written
    edition = "with solutions" if with_solutions else "without solutions"
    intro = (
        f"reveal.js slides of the notebooks, {edition}, with the outputs of their last full run. "
        "Arrow keys move between slides (down: the next part of a section); press S for speaker notes, "
        "F for full screen. To run cells live, open the notebook in JupyterLab and use the slideshow "
        "button (jupyterlab-rise). The decks load nothing from the internet."
    )
    export_html.write_index(
        out, entries, links, "New quality productive forces (新质生产力): slides", intro, "deck"
    )
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m scripts.slides", description=__doc__.splitlines()[0])
    parser.add_argument("--set-metadata", action="store_true", help="write slide types into the notebooks")
    parser.add_argument(
        "--check", action="store_true", help="with --set-metadata: only report, exit 1 if stale"
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help=f"output folder (default {OUT.relative_to(ROOT)}; zh: .../zh-CN)",
    )
    parser.add_argument("--with-solutions", action="store_true", help="keep solution cells in the decks")
    args, paths = nbtools.parse_args(parser, argv, editions=True)
    if args.out is None:
        args.out = OUT / "zh-CN" if args.edition == "zh" else OUT
    if args.set_metadata and args.edition == "zh":
        parser.exit(
            2, "the Chinese edition copies its slide types from the English notebooks: set them there\n"
        )
    if args.set_metadata:
        stale = update_notebooks(paths, check=args.check)
        for name in stale:
            print(f"{'out of date' if args.check else 'updated'}: {name}")
        return 1 if (args.check and stale) else 0
    try:
        export(paths, args.out, args.with_solutions)
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"open {args.out / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
