"""Export the notebooks, with their stored outputs, to static HTML pages that work offline (make html).

Each notebook in notebooks/ becomes ``_build/html/NN-name.html``; ``index.html``
lists them with what each teaches (from scripts/notebook_index.py). The
notebooks are committed executed, with their widget state, so every figure and
every slider's default figure shows without a kernel. MathJax, require.js and
the Jupyter widgets HTML manager are copied to ``_build/html/assets/`` (fetched
once from the npm registry by scripts/fetch_web_assets.py): the pages load
nothing from the network.

By default the pages are the students' edition: solution cells are left out, so
the pages can go on a course site. ``--with-solutions`` keeps them.

    python -m scripts.export_html                    # every notebook
    python -m scripts.export_html 00 02              # only those whose name contains 00 or 02
    python -m scripts.export_html --out DIR --with-solutions
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import sys
import time
from pathlib import Path

from scripts import fetch_web_assets, nbtools, student_copies
from scripts.notebook_index import NOTEBOOKS

ROOT = nbtools.ROOT
NB_DIR = nbtools.NB_DIR
OUT = ROOT / "_build" / "html"

# The stock templates import mermaid.js from a CDN; no notebook here draws mermaid
# diagrams, so the offline pages drop that block (and make no request for it).
OFFLINE_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""

DATA_CREDIT = (
    "Real data: Penn World Table 11.0 (Feenstra, Inklaar and Timmer, 2015, "
    "<em>American Economic Review</em> 105(10), 3150-3182), CC BY 4.0."
)


def first_heading(nb):
    """The text of the notebook's first '# ' heading, or None."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return None


#: The index pages' words in the Chinese edition (the notebooks' own text comes from the catalogues).
CHINESE = {
    "notebook": "笔记本",
    "deck": "幻灯片",
    "article": "文章部分",
    "what it teaches": "内容",
    "time": "时间",
    "min": "分钟",
    "not exported": "未导出",
    "not yet written": "尚未编写",
    "credit": "据 He Zili《新质生产力理论的科学内涵和时代意义》（题名据英文译出），"
    "《中国高校社会科学》2024 年第 3 期。"
    "数据：宾州世界表（Penn World Table）11.0（Feenstra、Inklaar 和 Timmer，2015，"
    "<em>American Economic Review</em> 105(10)，3150-3182），CC BY 4.0 许可。",
}


#: The Chinese pages' font, for a computer without Chinese fonts: the one the figures use, copied into
#: assets/ (the rule is jupyter/custom/custom.css's, with the font's path in the pages' folder).
CHINESE_FONT_STYLE = (
    '<style>@font-face{font-family:"NQP Noto Sans CJK SC";'
    'src:local("Noto Sans CJK SC"),url("assets/NotoSansCJKsc-Regular.otf") format("opentype");'
    "unicode-range:U+2E80-2FDF,U+3000-303F,U+3040-30FF,U+3100-312F,U+3190-31FF,U+3400-4DBF,"
    "U+4E00-9FFF,U+F900-FAFF,U+FE30-FE4F,U+FF00-FFEF;font-display:swap}"
    'body{--jp-ui-font-family:"NQP Noto Sans CJK SC",system-ui,sans-serif;'
    '--jp-content-font-family:"NQP Noto Sans CJK SC",system-ui,sans-serif;'
    'font-family:"NQP Noto Sans CJK SC",system-ui,sans-serif}</style>'
)


def copy_chinese_font(out):
    """Copy the Chinese font and its licence into ``out/assets/`` (skipped, with a warning, if the set-up
    has not fetched it: the pages then use the reader's own fonts)."""
    from scripts import fonts

    if not fonts.installed():
        print(
            "warning: the Chinese font is missing (python -m scripts.fonts); the pages use the reader's fonts"
        )
        return
    assets = Path(out) / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    for name in (fonts.FONT_NAME, "OFL.txt"):
        target = assets / name
        if not target.exists() or target.stat().st_size != (fonts.FONT_DIR / name).stat().st_size:
            shutil.copyfile(fonts.FONT_DIR / name, target)


def catalogue(nb_dir=NB_DIR):
    """Every notebook of the collection: planned ones in reading order, then any other in ``nb_dir``.

    Returns a list of dicts with file, title, section, teaches, minutes (from
    scripts/notebook_index.py, or the first heading for a notebook not listed there)
    and path (None for a planned notebook not yet written). In the Chinese edition the title is
    the notebook's own first heading, and section and teaches are left empty (they are English).
    """
    existing = {p.name: p for p in nbtools.select(nb_dir=nb_dir)}
    entries = [dict(e, path=existing.get(e["file"])) for e in NOTEBOOKS]
    if Path(nb_dir).resolve() == nbtools.CHINESE_DIR.resolve():
        for e in entries:
            title = first_heading(nbtools.read(e["path"])) if e["path"] else None
            e.update(title=title or e["title"], section="", teaches="")
    listed = {e["file"] for e in NOTEBOOKS}
    for name, path in existing.items():
        if name not in listed:
            title = first_heading(nbtools.read(path)) or path.stem
            entries.append(
                {"file": name, "title": title, "section": "", "teaches": "", "minutes": None, "path": path}
            )
    return entries


def not_executed(nb):
    """Positions (1-based) of the code cells that were never run (no execution count, no output)."""
    return [
        i + 1
        for i, c in enumerate(nb.cells)
        if c.cell_type == "code" and c.source.strip() and c.get("execution_count") is None and not c.outputs
    ]


def configure(exporter):
    """Point every CDN URL of an nbconvert HTML or slides exporter at the local ``assets/`` copy."""
    for name, url in fetch_web_assets.URLS.items():
        if exporter.has_trait(name):
            setattr(exporter, name, url)
    exporter.raw_template = OFFLINE_TEMPLATE
    return exporter


def html_exporter():
    """An nbconvert HTMLExporter (JupyterLab look) set up for offline pages."""
    from nbconvert import HTMLExporter

    return configure(HTMLExporter(template_name="lab"))


def rewrite_links(text, targets):
    """Turn links to exported notebooks ('02-x.ipynb#part') into links to their pages."""

    def repl(m):
        name = m.group(2) + ".ipynb"
        return f'{m.group(1)}"{targets[name]}{m.group(3) or ""}"' if name in targets else m.group(0)

    return re.sub(r'(href=)"([\w.\-]+)\.ipynb(#[^"]*)?"', repl, text)


def prepare(path, with_solutions, title=None):
    """Read a notebook for export: without solution cells unless asked, titled for the page."""
    nb = nbtools.read(path)
    if not with_solutions:
        nb = student_copies.strip_solutions(nb)
    if title:
        nb.metadata["title"] = title
    return nb


CREDIT = (
    'Built from He Zili, "Scientific Connotation and Epoch Significance of the Theory of New Quality\n'
    'Productivity", <em>China University Social Sciences</em>, 2024, no. 3. ' + DATA_CREDIT
)


def write_index(out, entries, pages, heading, intro, kind="notebook", edition="en"):
    """Write ``out/index.html``, a plain page (no scripts) listing ``entries`` and linking ``pages``.

    ``pages`` maps a notebook file name to its page, relative to ``out``; ``edition`` "zh" writes the
    page's own words in Chinese (:data:`CHINESE`).
    """
    words = CHINESE if edition == "zh" else {}

    def w(text):
        return words.get(text, text)

    rows = []
    for e in entries:
        number = e["file"][:2] if e["file"][:2].isdigit() else ""
        name = html.escape(e["title"])
        if e["file"] in pages:
            cell = f'<a href="{html.escape(pages[e["file"]])}">{name}</a>'
        else:
            cell = f"{name} <em>({w('not exported') if e.get('path') else w('not yet written')})</em>"
        minutes = f"{e['minutes']} {w('min')}" if e.get("minutes") else ""
        rows.append(
            f"<tr><td>{number}</td><td>{cell}</td><td>{html.escape(e['section'])}</td>"
            f"<td>{html.escape(e['teaches'])}</td><td>{minutes}</td></tr>"
        )
    page = f"""<!DOCTYPE html>
<html lang="{"zh-CN" if edition == "zh" else "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(heading)}</title>
<style>
body {{ font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       max-width: 62rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; vertical-align: top; padding: 0.4rem 0.6rem; border-bottom: 1px solid #ccc; }}
th {{ border-bottom: 2px solid #555; }}
td:first-child, td:last-child {{ white-space: nowrap; }}
a {{ color: #0b5394; }}
small {{ color: #555; }}
</style>
</head>
<body>
<h1>{html.escape(heading)}</h1>
<p>{intro}</p>
<table>
<thead><tr><th>#</th><th>{w(kind)}</th><th>{w("article")}</th><th>{w("what it teaches")}</th>
<th>{w("time")}</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<p><small>{w("credit") if edition == "zh" else CREDIT}</small></p>
</body>
</html>
"""
    (Path(out) / "index.html").write_text(page, encoding="utf-8")


def export_pages(paths, out, exporter, suffix, build, quiet=False):
    """The loop shared by the pages and the slides: copy the offline assets, convert each notebook.

    Parameters
    ----------
    paths : list of pathlib.Path
        Notebooks to export (all from one folder).
    out : pathlib.Path
        Output folder; created if needed. Files exported earlier stay and stay linked.
    exporter : nbconvert exporter
        Converts one notebook node to HTML.
    suffix : str
        File ending of the exported files (".html", ".slides.html").
    build : callable
        ``build(entry) -> notebook node``: reads and prepares one notebook of the catalogue.
    quiet : bool
        Do not print one line per file.

    Returns
    -------
    tuple
        (catalogue entries, {notebook file: exported file} to link, {notebook file: path written}).
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    fetch_web_assets.copy_to(out)
    chinese = bool(paths) and nbtools.edition_of(paths[0]) == "zh"
    if chinese:
        copy_chinese_font(out)
    paths = [Path(p).resolve() for p in paths]
    entries = catalogue(paths[0].parent) if paths else catalogue()
    pages = {e["file"]: Path(e["file"]).stem + suffix for e in entries if e["path"]}
    todo = [e for e in entries if e["path"] is not None and e["path"].resolve() in paths]
    exported = {e["file"] for e in todo}
    links = {f: p for f, p in pages.items() if f in exported or (out / p).exists()}
    written = {}
    for e in todo:
        start = time.perf_counter()
        nb = build(e)
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": Path(e["file"]).stem}})
        target = out / pages[e["file"]]
        if chinese:
            body = body.replace("</head>", CHINESE_FONT_STYLE + "</head>", 1)
        target.write_text(rewrite_links(body, links), encoding="utf-8")
        written[e["file"]] = target
        if not quiet:
            print(f"{target}: {time.perf_counter() - start:.1f} s")
    return entries, links, written


def export(paths, out=OUT, with_solutions=False, quiet=False):
    """Export notebooks to static pages in ``out``, with the offline assets and an index page.

    Parameters
    ----------
    paths : list of pathlib.Path
        Notebooks to export (all from one folder).
    out : pathlib.Path
        Output folder; created if needed. Pages exported earlier stay and stay linked.
    with_solutions : bool
        Keep solution cells (instructors' edition).
    quiet : bool
        Do not print one line per page.

    Returns
    -------
    dict
        Notebook file name -> path of the page written.

    Raises
    ------
    RuntimeError
        If the offline web assets are missing and cannot be fetched.
    """

    def build(e):
        nb = prepare(e["path"], with_solutions, e["title"])
        missing = not_executed(nb)
        if missing:
            print(f"warning: {e['file']}: {len(missing)} code cells have no outputs; run `make notebooks`")
        return nb

    entries, links, written = export_pages(paths, out, html_exporter(), ".html", build, quiet)
    if paths and nbtools.edition_of(paths[0]) == "zh":
        kept = "含答案（教师版）" if with_solutions else "不含答案"
        intro = (
            f"笔记本的静态网页，附最近一次完整运行的输出，{kept}。滑块只显示默认图形；要移动滑块，请在 "
            "JupyterLab 中打开笔记本。网页不从互联网加载任何内容。"
        )
        write_index(out, entries, links, "新质生产力：笔记本（中文版）", intro, edition="zh")
        return written
    edition = "with solutions (instructors' edition)" if with_solutions else "without solutions"
    intro = (
        f"Static pages of the notebooks with the outputs of their last full run, {edition}. "
        "Sliders show their default figure; to move them, open the notebook in JupyterLab. "
        "The pages load nothing from the internet."
    )
    write_index(out, entries, links, "New quality productive forces (新质生产力): the notebooks", intro)
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m scripts.export_html", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help=f"output folder (default {OUT.relative_to(ROOT)}; zh: .../zh-CN)",
    )
    parser.add_argument("--with-solutions", action="store_true", help="keep solution cells")
    args, paths = nbtools.parse_args(parser, argv, editions=True)
    if args.out is None:
        args.out = OUT / "zh-CN" if args.edition == "zh" else OUT
    try:
        export(paths, args.out, args.with_solutions)
    except RuntimeError as exc:  # web assets could not be fetched
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"open {args.out / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
