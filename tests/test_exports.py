"""Students' copies, offline HTML pages and slide decks (make student, make html, make slides).

The HTML and slide tests need the JavaScript that ``python -m scripts.fetch_web_assets``
fetches once from the npm registry (``make test`` does that first). They are
skipped only when those assets are missing *and* cannot be fetched (npm is not
installed, or ``make test``'s attempt failed and left its reason in
``_build/web-assets-unavailable.txt``); on CI (CI set) a missing asset always fails.

Running every student copy through nbval takes about as long as the notebook
tests themselves (about 30 s here), so by default only the start notebook's copy
is run; every copy is still checked statically for cells that need a variable
only a solution defines. Set ``NQP_TEST_ALL_STUDENT_COPIES=1`` to run them all.
"""

import base64
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from nqp_helpers.exercises import decode_answer, encode_answer
from scripts import export_html, fetch_web_assets, nbtools, slides, student_copies
from scripts.notebook_index import NOTEBOOKS

NB_DIR = nbtools.NB_DIR
NOTEBOOK_PATHS = nbtools.select()
START = NB_DIR / "00-start-here.ipynb"
PRIMER = NB_DIR / "00a-python-primer.ipynb"  # the first notebook with a widget
CDN_HOSTS = ("unpkg.com", "cdnjs.cloudflare.com", "cdn.jsdelivr.net", "fonts.googleapis.com")


@pytest.fixture(scope="module")
def web_assets():
    """The fetched offline assets; skip only if they are missing and npm cannot fetch them."""
    if fetch_web_assets.ready():
        return fetch_web_assets.CACHE
    message = "offline web assets not fetched: run `python -m scripts.fetch_web_assets` (or `make test`)"
    if not os.environ.get("CI"):
        if shutil.which("npm") is None:
            pytest.skip(message + "; npm is not installed, so they cannot be fetched here")
        if fetch_web_assets.UNAVAILABLE.exists():  # make test tried and failed (no network, say)
            pytest.skip(message + "; the last try failed: " + fetch_web_assets.UNAVAILABLE.read_text()[:300])
    pytest.fail(message)


def png(width, height):
    """A valid PNG of the given size (blank), base64-encoded as notebooks store images."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff" * width for _ in range(height))
    body = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
    body += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    return base64.b64encode(b"\x89PNG\r\n\x1a\n" + body).decode("ascii")


KEY_41 = encode_answer(41.25, tol=0.05)


def synthetic_notebook():
    """A small notebook with every kind of cell the collection uses."""

    def nav():
        return new_markdown_cell("", metadata={"tags": ["navigation"]})

    def code(source, outputs=(), **meta):
        cell = new_code_cell(source, metadata=meta, execution_count=1)
        cell.outputs = list(outputs)
        return cell

    figure = new_output("display_data", data={"image/png": png(4, 450), "text/plain": "<Figure>"})
    widget = new_output(
        "execute_result",
        data={"application/vnd.jupyter.widget-view+json": {"model_id": "abc", "version_major": 2}},
        execution_count=1,
    )
    long_text = "\n\n".join(
        ["A paragraph of explanation that runs over more than one line of the slide. " * 2] * 14
    )
    cells = [
        nav(),  # 0 skip
        new_markdown_cell("# A title\n\nWhat this teaches."),  # 1 slide
        new_markdown_cell("Some words before the code."),  # 2 -
        code("x = 1\nprint(x)", [new_output("stream", name="stdout", text="1\n")]),  # 3 -
        new_markdown_cell("## A section\n\nIntroduction."),  # 4 slide
        code("fig, ax = plt.subplots()", [figure]),  # 5 fragment (little before it)
        new_markdown_cell("**Figure 1.1.** A caption.\n\n**What to notice.** Something."),  # 6 -
        new_markdown_cell(long_text),  # 7 subslide (the slide is full)
        new_markdown_cell("The next figure shows it."),  # 8 subslide (lead-in to a figure on a full slide)
        code("# NBVAL_IGNORE_OUTPUT\napp", [widget]),  # 9 fragment (its lead-in opened the slide)
        new_markdown_cell("### A subsection\n\nMore."),  # 10 subslide
        new_markdown_cell("**Exercise 1.1.** What is 33 times 1.25?"),  # 11 subslide
        code(
            f'answer = None\ncheck("1.1", answer, key="{KEY_41}")',
            [new_output("stream", name="stdout", text="…\n")],
        ),
        code(
            "value = 33 * 1.25\n"
            'print(f"{value:.2f} units")\n'
            f'check("1.1", value, key="{KEY_41}", record=False)',
            [new_output("stream", name="stdout", text="41.25 units\n")],
            tags=["solution"],
            jupyter={"source_hidden": True},
        ),  # 13 skip
        new_markdown_cell(""),  # 14 skip (empty)
        nav(),  # 15 skip
    ]
    label = {
        "model_module": "@jupyter-widgets/controls",
        "model_module_version": "2.0.0",
        "model_name": "LabelModel",
        "state": {"value": "a widget"},
    }
    widgets = {
        "application/vnd.jupyter.widget-state+json": {
            "state": {"abc": label},
            "version_major": 2,
            "version_minor": 0,
        }
    }
    metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3"}, "widgets": widgets}
    return new_notebook(cells=cells, metadata=metadata)


EXPECTED_TYPES = [
    "skip", "slide", "-", "-", "slide", "fragment", "-", "subslide", "subslide", "fragment",
    "subslide", "subslide", "-", "skip", "skip", "skip",
]  # fmt: skip


# --------------------------------------------------------------------------- #
# Students' copies
# --------------------------------------------------------------------------- #
def test_student_notebook_removes_solutions_and_clears_exercise_outputs():
    """The student copy drops solution cells, clears the exercise cells' outputs and keeps the rest."""
    nb = synthetic_notebook()
    copy = student_copies.student_notebook(nb)
    assert len(copy.cells) == len(nb.cells) - 1
    assert not any(nbtools.is_solution(c) for c in copy.cells)
    check_cells = [c for c in copy.cells if nbtools.is_exercise(c)]
    assert len(check_cells) == 1 and check_cells[0].outputs == [] and check_cells[0].execution_count is None
    assert copy.cells[5].outputs == nb.cells[5].outputs  # figures stay
    assert len(nb.cells) == 16 and nb.cells[12].outputs  # the original is untouched
    assert student_copies.problems(nb, copy) == []


def test_problems_catch_every_kind_of_leak():
    """A copy that keeps an untagged solution, a passed check, a solution's output or a written-out
    answer is refused, each with its reason."""
    nb = synthetic_notebook()
    leaky = student_copies.strip_solutions(nb)
    solution = nb.cells[13].copy()
    solution.metadata = {}
    leaky.cells.append(solution)  # the solution, untagged
    leaky.cells[12].outputs = [new_output("stream", name="stdout", text="✓ Exercise 1.1: correct.\n")]
    leaky.cells[12].source = f'answer = 41.25\ncheck("1.1", answer, key="{KEY_41}")'
    found = " | ".join(student_copies.problems(nb, leaky))
    assert "record=False" in found
    assert "exercise cell with outputs" in found
    assert "passed self-check" in found
    assert "41.25 units" in found
    assert "writes out its answer (41.25)" in found


def test_a_cell_that_needs_a_solution_is_found():
    """A later cell reading a variable that only a solution cell defines would fail in the student copy;
    it is reported (a variable also defined by an ordinary cell is fine)."""
    nb = synthetic_notebook()
    nb.cells.insert(14, new_code_cell("print(value, x)"))
    assert student_copies.needs_solutions(nb) == [(15, "value")]
    assert "uses 'value', which only a solution cell defines" in " ".join(
        student_copies.problems(nb, student_copies.student_notebook(nb))
    )
    nb.cells.insert(3, new_code_cell("value = 0"))
    assert student_copies.needs_solutions(nb) == []


def test_lab_check_wrappers_count_as_exercise_cells():
    """Cells calling a wrapper such as lab_check( are exercise cells; a definition or a method is not."""
    assert nbtools.is_exercise(new_code_cell('lab_check("5.1", "g", answer, analysis)'))
    assert nbtools.is_exercise(new_code_cell('check("0.1", answer, key=k)'))
    assert not nbtools.is_exercise(new_code_cell("x = app.check_inputs(1)"))
    assert not nbtools.is_exercise(new_code_cell("print('no check here')"))


def test_write_refuses_a_leaky_notebook(tmp_path):
    """write() raises ValueError naming the notebook when a copy would give a solution away."""
    nb = synthetic_notebook()
    # a misspelt tag (a lost tag is no leak any more: its check of a computed value makes it a solution)
    nb.cells[13].metadata = {"tags": ["soluton"]}
    path = tmp_path / "99-leaky.ipynb"
    nbtools.write(nb, path)
    with pytest.raises(ValueError, match="99-leaky.ipynb: the student copy would give solutions away"):
        student_copies.write([path], tmp_path / "student")
    assert not (tmp_path / "student").exists()


@pytest.fixture(scope="module")
def student_dir(tmp_path_factory):
    """Student copies of every notebook of the collection, with a zip; each copy is also run and checked
    with NQP_TEST_ALL_STUDENT_COPIES=1 (tests/test_student_copies.py runs 00 and 05 always)."""
    out = tmp_path_factory.mktemp("copies") / "student"
    run = bool(os.environ.get("NQP_TEST_ALL_STUDENT_COPIES"))
    student_copies.write(NOTEBOOK_PATHS, out, zip_path=out.parent / "student.zip", execute=run)
    return out


def test_every_notebook_has_a_student_copy_without_solutions(student_dir):
    """Each notebook has a copy; no copy has a solution cell or exercise outputs, and every other cell
    is unchanged."""
    assert sorted(p.name for p in student_dir.glob("*.ipynb")) == [p.name for p in NOTEBOOK_PATHS]
    for path in NOTEBOOK_PATHS:
        original = nbtools.read(path)
        copy = nbtools.read(student_dir / path.name)
        kept = [c for c in original.cells if not nbtools.is_solution(c)]
        assert len(copy.cells) == len(kept), path.name
        for before, after in zip(kept, copy.cells, strict=True):
            assert not nbtools.is_solution(after), path.name
            assert before.source == after.source
            if nbtools.is_exercise(after):
                assert after.outputs == [] and after.execution_count is None, path.name
            elif after.cell_type == "code":
                assert after.outputs == before.outputs, path.name


def test_no_answer_appears_in_plain_text_in_the_copies(student_dir):
    """No answer stored in a check key is written out in its exercise cell, no output shows a passed
    check, and no line that only a solution printed survives anywhere in the copy."""
    for path in NOTEBOOK_PATHS:
        original = nbtools.read(path)
        copy = nbtools.read(student_dir / path.name)
        text = json.dumps([c for c in copy.cells], ensure_ascii=False)
        assert "✓ Exercise" not in text and "✓ Question" not in text, path.name
        assert "record=False" not in text, path.name
        for line in student_copies.solution_lines(original):
            assert line not in text, (path.name, line)
        for cell in copy.cells:
            if not nbtools.is_exercise(cell):
                continue
            code = nbtools.ANSWER_KEY.sub("", cell.source)
            for key in nbtools.answer_keys(cell.source):
                payload = decode_answer(key)
                if payload["kind"] in ("text", "choice"):  # a choice's cell lists every option's letter
                    continue
                values = payload["answer"] if payload["kind"] == "numbers" else [payload["answer"]]
                for v in values:
                    for spelling in {repr(float(v)), f"{v:.2f}"}:
                        assert not re.search(rf"(?<![\d.]){re.escape(spelling)}(?!\d)", code), (path.name, v)


def test_zip_and_readme(student_dir):
    """student.zip holds README.txt and every copy under student/; the README lists each notebook."""
    with zipfile.ZipFile(student_dir.parent / "student.zip") as zf:
        names = set(zf.namelist())
    assert names == {f"student/{p.name}" for p in NOTEBOOK_PATHS} | {"student/README.txt"}
    readme = (student_dir / "README.txt").read_text(encoding="utf-8")
    for path in NOTEBOOK_PATHS:
        assert path.name in readme
    assert "Solutions are not in this edition" in readme and "never" in readme


def run_lax(paths, cwd):
    """Run notebooks with nbval in lax mode (errors fail, outputs are not compared)."""
    env = {**os.environ, "NQP_PROGRESS_FILE": str(cwd / "progress.json")}
    env.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    cmd = [sys.executable, "-m", "pytest", "--nbval-lax", "--nbval-current-env", "-o", "addopts=",
           "-p", "no:cacheprovider", "-q", *map(str, paths)]  # fmt: skip
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=1200)


def test_student_copy_of_the_start_notebook_runs(student_dir, tmp_path):
    """The start notebook's student copy runs top to bottom without errors (nbval, lax mode)."""
    result = run_lax([student_dir / START.name], tmp_path)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "passed" in result.stdout


@pytest.mark.skipif(
    not os.environ.get("NQP_TEST_ALL_STUDENT_COPIES"),
    reason="set NQP_TEST_ALL_STUDENT_COPIES=1 to run them all",
)
def test_every_student_copy_runs(student_dir, tmp_path):
    """Every student copy runs without its solution cells (no later cell needs a solution's variables)."""
    result = run_lax(sorted(student_dir.glob("*.ipynb")), tmp_path)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]


# --------------------------------------------------------------------------- #
# Offline pages and decks: shared checks
# --------------------------------------------------------------------------- #
def local_references(page):
    """Every URL a page loads by itself: script src, stylesheet href, require() paths, widget renderer."""
    text = page.read_text(encoding="utf-8")
    refs = re.findall(r"<script[^>]*\ssrc=\"([^\"]+)\"", text)
    refs += re.findall(r"<link[^>]*\shref=\"([^\"]+)\"", text)
    refs += re.findall(r"widgetRendererSrc = '([^']+)'", text)
    refs += re.findall(r"\"(assets/[^\"]+\.js)\"", text)
    return text, refs


def assert_offline(page):
    """Nothing the page loads comes from the network, and every local file it loads exists."""
    text, refs = local_references(page)
    assert refs, page
    for ref in refs:
        assert not re.match(r"(https?:)?//", ref), f"{page.name} loads {ref} from the network"
        assert (page.parent / ref.split("?")[0]).is_file(), f"{page.name} loads {ref}, which is missing"
    for host in CDN_HOSTS:
        assert host not in text, f"{page.name} mentions {host}"
    return text


# --------------------------------------------------------------------------- #
# make html
# --------------------------------------------------------------------------- #
@pytest.fixture(scope="module")
def html_dir(tmp_path_factory, web_assets):
    out = tmp_path_factory.mktemp("html")
    export_html.export([START, PRIMER], out, quiet=True)
    return out


def test_html_page_is_offline_and_complete(html_dir):
    """The exported start notebook loads only local files (MathJax, require.js; the widgets manager in the
    primer, which has a widget) and holds the notebook's text and figures."""
    page = html_dir / "00-start-here.html"
    text = assert_offline(page)
    for needed in ("assets/mathjax/MathJax.js", "assets/requirejs/require.js"):
        assert needed in text
    with_widget = assert_offline(html_dir / PRIMER.with_suffix(".html").name)
    assert "assets/html-manager/dist/embed-amd.js" in with_widget  # widgets need their manager
    assert "Start here: a map of the collection" in text
    assert "data:image/png;base64," in text
    assert "record=False" not in text  # students' edition: no solution cells


def test_html_page_carries_the_widget_state(html_dir):
    """The widget state stored in the notebook is embedded, and every widget view refers to a model in it,
    so the sliders and their default figure show without a kernel."""
    text = (html_dir / PRIMER.with_suffix(".html").name).read_text(encoding="utf-8")
    state_json = re.search(
        r'<script type="application/vnd.jupyter.widget-state\+json">\s*(\{.*?\})\s*</script>', text, re.S
    )
    assert state_json, "no widget state in the page"
    state = json.loads(state_json.group(1))["state"]
    stored = nbtools.read(PRIMER).metadata["widgets"]["application/vnd.jupyter.widget-state+json"]
    assert set(state) == set(stored["state"])
    views = re.findall(
        r'<script type="application/vnd.jupyter.widget-view\+json">\s*(\{.*?\})\s*</script>', text, re.S
    )
    assert views and all(json.loads(v)["model_id"] in state for v in views)
    sliders = [m for m in state.values() if m["model_name"] in ("FloatSliderModel", "IntSliderModel")]
    assert sliders and all("value" in m["state"] for m in sliders)


def test_html_index_lists_every_notebook(html_dir):
    """index.html links the exported page and names every notebook of the collection, planned or extra."""
    index = (html_dir / "index.html").read_text(encoding="utf-8")
    assert 'href="00-start-here.html"' in index
    for entry in export_html.catalogue():
        assert entry["title"].replace("'", "&#x27;") in index, entry["file"]
    assert "<script" not in index


def test_html_index_links_every_page_present(tmp_path):
    """With pages for every notebook in the folder, the index links each one exactly once."""
    entries = export_html.catalogue()
    pages = {e["file"]: Path(e["file"]).stem + ".html" for e in entries if e["path"]}
    export_html.write_index(tmp_path, entries, pages, "t", "i")
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    for page in pages.values():
        assert index.count(f'href="{page}"') == 1
    assert len(pages) == len(NOTEBOOK_PATHS)


def test_catalogue_includes_notebooks_missing_from_the_index(tmp_path):
    """A notebook added to the folder but not yet to scripts/notebook_index.py is listed by its heading."""
    nb = synthetic_notebook()
    nbtools.write(nb, tmp_path / "07-extra.ipynb")
    entries = export_html.catalogue(tmp_path)
    extra = [e for e in entries if e["file"] == "07-extra.ipynb"]
    assert extra and extra[0]["title"] == "A title"
    assert [e["file"] for e in entries[: len(NOTEBOOKS)]] == [e["file"] for e in NOTEBOOKS]


def test_links_between_notebooks_point_to_pages():
    """Links to exported notebooks become links to their pages; other links are left alone."""
    text = '<a href="01-a.ipynb">x</a> <a href="02-b.ipynb#part">y</a> <a href="https://x.org/c.ipynb">z</a>'
    out = export_html.rewrite_links(text, {"01-a.ipynb": "01-a.html", "02-b.ipynb": "02-b.slides.html"})
    assert (
        out
        == '<a href="01-a.html">x</a> <a href="02-b.slides.html#part">y</a> <a href="https://x.org/c.ipynb">z</a>'
    )


# --------------------------------------------------------------------------- #
# Slides
# --------------------------------------------------------------------------- #
def test_slide_types_follow_the_rules():
    """Headings open slides, ### and exercises subslides; figures are fragments unless the slide is full;
    captions and check cells stay put; navigation, solution and empty cells are skipped."""
    assert slides.slide_types(synthetic_notebook()) == EXPECTED_TYPES


def test_set_metadata_is_idempotent(tmp_path):
    """Setting slide metadata twice gives the same file, and the second run reports no change."""
    path = tmp_path / "nb.ipynb"
    nbtools.write(synthetic_notebook(), path)
    assert slides.update_notebooks([path]) == ["nb.ipynb"]
    first = path.read_bytes()
    assert slides.update_notebooks([path]) == []
    assert slides.update_notebooks([path], check=True) == []
    assert path.read_bytes() == first
    nb = nbtools.read(path)
    assert [c.metadata["slideshow"]["slide_type"] for c in nb.cells] == EXPECTED_TYPES


def test_check_mode_reports_without_writing(tmp_path):
    """--check reports a notebook without slide metadata and leaves the file unchanged."""
    path = tmp_path / "nb.ipynb"
    nbtools.write(synthetic_notebook(), path)
    before = path.read_bytes()
    assert slides.update_notebooks([path], check=True) == ["nb.ipynb"]
    assert path.read_bytes() == before


def test_manual_slide_type_is_kept():
    """A cell tagged slide-manual keeps the type its author gave it."""
    nb = synthetic_notebook()
    nb.cells[3].metadata = {"tags": ["slide-manual"], "slideshow": {"slide_type": "notes"}}
    slides.set_metadata(nb)
    assert nb.cells[3].metadata["slideshow"] == {"slide_type": "notes"}
    assert nb.cells[1].metadata["slideshow"] == {"slide_type": "slide"}


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=lambda p: p.name[:2])
def test_real_notebooks_get_sensible_slides(path):
    """In each notebook the title opens a slide, navigation and solutions are skipped, and far from every
    cell starts a slide."""
    nb = nbtools.read(path)
    types = slides.slide_types(nb)
    shown = [t for t in types if t != "skip"]
    assert types[[i for i, c in enumerate(nb.cells) if c.source.startswith("# ")][0]] == "slide"
    for cell, kind in zip(nb.cells, types, strict=True):
        if nbtools.is_navigation(cell) or nbtools.is_solution(cell):
            assert kind == "skip"
    starts = sum(t in ("slide", "subslide") for t in shown)
    assert starts <= 0.75 * len(shown), (starts, len(shown))


def test_slide_deck_is_offline_and_follows_the_metadata(tmp_path, web_assets):
    """A deck of the synthetic notebook loads reveal.js and MathJax locally, has one section per slide
    and subslide, and leaves out skipped and solution cells."""
    nb_dir = tmp_path / "notebooks"
    nb_dir.mkdir()
    nbtools.write(synthetic_notebook(), nb_dir / "07-extra.ipynb")
    written = slides.export([nb_dir / "07-extra.ipynb"], tmp_path / "slides", quiet=True)
    deck = written["07-extra.ipynb"]
    text = assert_offline(deck)
    assert "assets/reveal.js/dist/reveal.js" in text and "assets/reveal.js/dist/theme/white.css" in text
    leaves = len(re.findall(r"<section(?![^>]*>\s*<section)", text))
    assert leaves == EXPECTED_TYPES.count("slide") + EXPECTED_TYPES.count("subslide")
    assert 'class="fragment"' in text
    assert "33 * 1.25" not in text and "41.25 units" not in text
    index = (tmp_path / "slides" / "index.html").read_text(encoding="utf-8")
    assert 'href="07-extra.slides.html"' in index


def test_start_notebook_deck(tmp_path, web_assets):
    """The start notebook exports to an offline deck without its solutions."""
    deck = slides.export([START], tmp_path, quiet=True)["00-start-here.ipynb"]
    text = assert_offline(deck)
    assert "record=False" not in text and "<section" in text


# --------------------------------------------------------------------------- #
# The web assets themselves
# --------------------------------------------------------------------------- #
def test_web_assets_are_pinned_and_complete(web_assets):
    """The cache holds each pinned package with every file the pages load, and its manifest says so."""
    manifest = json.loads((web_assets / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["packages"] == {
        p.name: {"version": p.version, "integrity": p.integrity} for p in fetch_web_assets.PACKAGES
    }
    for url in fetch_web_assets.URLS.values():
        target = web_assets / url.split("?")[0].removeprefix("assets/")
        assert target.exists(), url
    assert all(p.integrity.startswith("sha512-") for p in fetch_web_assets.PACKAGES)


def test_keep_patterns():
    """'dir/*' keeps a whole folder; other patterns match within one folder level only."""
    keep = ("dist/theme/*.css", "plugin/notes/notes.js", "fonts/TeX/*")
    assert fetch_web_assets._keep("dist/theme/white.css", keep)
    assert not fetch_web_assets._keep("dist/theme/fonts/a.css", keep)
    assert fetch_web_assets._keep("fonts/TeX/woff/a.woff", keep)
    assert not fetch_web_assets._keep("plugin/notes/speaker-view.html", keep)


def test_missing_npm_is_explained(tmp_path, monkeypatch):
    """Without npm, fetching fails with a message that says what to install."""
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(RuntimeError, match="npm \\(from Node.js\\) is needed once"):
        fetch_web_assets.fetch(tmp_path / "cache")
    assert not fetch_web_assets.ready(tmp_path / "cache")


def fake_npm(tmp_path, tarballs):
    """An executable standing in for `npm pack --json`: copies prepared tarballs, prints npm's JSON.

    A small shell launcher runs the stand-in with this Python: a `#!` line cannot hold the path of a
    Python in a folder whose name has a space (a collection checked out in "课程 资料/nqp")."""
    import shlex

    if os.name == "nt":
        pytest.skip("the npm stand-in is a POSIX shell launcher; Windows would need an npm.cmd")
    script = tmp_path / "npm.py"
    script.write_text(
        "import json, os, shutil, sys\n"
        f"tarballs = {json.dumps({k: str(v) for k, v in tarballs.items()})}\n"
        "specs = [a for a in sys.argv[2:] if not a.startswith('--')]\n"
        "out = []\n"
        "for spec in specs:\n"
        "    shutil.copy(tarballs[spec], '.')\n"
        "    out.append({'id': spec, 'filename': os.path.basename(tarballs[spec])})\n"
        "print(json.dumps(out))\n",
        encoding="utf-8",
    )
    launcher = tmp_path / "npm"
    launcher.write_text(
        f'#!/bin/sh\nexec {shlex.quote(sys.executable)} {shlex.quote(str(script))} "$@"\n', encoding="utf-8"
    )
    launcher.chmod(0o755)
    return str(launcher)


def npm_tarball(path, files):
    """An npm-style .tgz (files under package/) and its sha512 'integrity'."""
    import io
    import tarfile

    with tarfile.open(path, "w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return fetch_web_assets._sha512(path)


def test_fetch_keeps_only_listed_files_and_checks_the_hash(tmp_path, monkeypatch):
    """fetch() unpacks only the files a package lists, writes the manifest, and refuses a tarball whose
    sha512 differs from the pinned one (no network: npm is replaced by a stand-in)."""
    tgz = tmp_path / "demo-1.0.0.tgz"
    integrity = npm_tarball(
        tgz, {"dist/demo.js": b"define([],{})", "src/big.js": b"x" * 100, "../evil": b"!"}
    )
    package = fetch_web_assets.Package("demo", "1.0.0", integrity, ("dist/*",), "demo")
    monkeypatch.setattr(fetch_web_assets, "PACKAGES", (package,))
    monkeypatch.setattr(fetch_web_assets, "REQUIRED", ("demo/dist/demo.js",))
    npm = fake_npm(tmp_path, {"demo@1.0.0": tgz})
    cache = fetch_web_assets.fetch(tmp_path / "cache", npm=npm)
    assert fetch_web_assets.ready(cache)
    files = sorted(str(p.relative_to(cache)) for p in cache.rglob("*") if p.is_file())
    assert files == ["demo/dist/demo.js", "manifest.json"]
    copied = fetch_web_assets.copy_to(tmp_path / "site", cache)
    assert (copied / "demo" / "dist" / "demo.js").read_bytes() == b"define([],{})"

    bad = fetch_web_assets.Package("demo", "1.0.0", "sha512-" + "A" * 86 + "==", ("dist/*",), "demo")
    monkeypatch.setattr(fetch_web_assets, "PACKAGES", (bad,))
    with pytest.raises(RuntimeError, match="tarball sha512 is .* expected"):
        fetch_web_assets.fetch(tmp_path / "cache2", npm=npm)
    assert not (tmp_path / "cache2").exists()
    assert not fetch_web_assets.ready(cache)  # the manifest no longer matches the pins
