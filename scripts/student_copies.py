"""Write the students' edition of every notebook (make student).

A student copy is the notebook with every cell tagged ``solution`` removed and
the outputs of the exercise cells (code cells that call ``check(`` or a wrapper
such as ``lab_check(``) cleared;
everything else, figures and widget state included, stays as it is. The copies
go to ``student/`` (ignored by git) with a short README.txt, and into
``student.zip`` with ``--zip``, ready for an LMS or a JupyterHub. The copies
need the collection's Python package ``nqp_helpers`` (installed by ``make``)
and nothing else: the data are read through the package.

Before writing, each copy is checked: no solution cell, no solution output and
no passed self-check may survive; the script stops with an error otherwise.

    python -m scripts.student_copies                  # every notebook -> student/
    python -m scripts.student_copies --zip student.zip
    python -m scripts.student_copies --out DIR 00 02  # only notebooks whose name contains 00 or 02

What a solution cell and an exercise cell are is defined once, in :mod:`scripts.nbtools`.
"""

from __future__ import annotations

import argparse
import ast
import copy
import re
import sys
import zipfile
from pathlib import Path

import nbformat

from scripts import nbtools
from scripts.notebook_index import NOTEBOOKS

OUT = nbtools.ROOT / "student"


def strip_solutions(nb):
    """A copy of the notebook without its solution cells."""
    nb = copy.deepcopy(nb)
    nb.cells = [c for c in nb.cells if not nbtools.is_solution(c)]
    return nb


def student_notebook(nb):
    """The students' edition of a notebook (a copy; ``nb`` is not changed).

    Solution cells are removed; exercise cells (code calling ``check(``)
    lose their outputs and execution counts; run-time metadata ("execution") is dropped.
    """
    nb = strip_solutions(nb)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if nbtools.is_exercise(cell):
            cell.outputs = []
            cell.execution_count = None
    return nb


def solution_lines(nb):
    """Lines with a digit that solution cells print and no other cell shows (the worked answers)."""
    printed, elsewhere = set(), set()
    for cell in nb.cells:
        if cell.cell_type != "code":
            elsewhere.update(ln.strip() for ln in cell.source.splitlines())
            continue
        lines = {ln.strip() for text in nbtools.output_texts(cell) for ln in text.splitlines()}
        (printed if nbtools.is_solution(cell) else elsewhere).update(lines)
    return {ln for ln in printed - elsewhere if re.search(r"\d", ln) and len(ln) > 3}


def answer_spellings(key):
    """How a numeric answer stored in a key could be written out ('5.0', '5.00', ...); [] for text."""
    from nqp_helpers.exercises import decode_answer

    payload = decode_answer(key)
    values = payload["answer"] if payload["kind"] == "numbers" else [payload["answer"]]
    if payload["kind"] == "text":
        return []
    spellings = set()
    for v in values:
        spellings.update({repr(float(v)), f"{v:.1f}", f"{v:.2f}", f"{v:.3f}"})
    return sorted(spellings)


def _names(source):
    """(names a cell defines, names it reads) at any depth; (set(), set()) if it is not plain Python."""
    code = "\n".join("" if ln.lstrip().startswith(("%", "!")) else ln for ln in source.splitlines())
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return set(), set()
    stored, loaded = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else stored).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            stored.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            stored.update((a.asname or a.name).split(".")[0] for a in node.names)
    return stored, loaded


def needs_solutions(nb):
    """Names that a non-solution cell reads but only an earlier solution cell defines.

    Such a notebook breaks once its solutions are removed. Returns a list of
    (cell number, name) pairs, cell numbers counted in the original notebook.
    """
    from_solutions, defined, found = set(), set(), []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        stored, loaded = _names(cell.source)
        if nbtools.is_solution(cell):
            from_solutions |= stored - defined
            continue
        found += [(i + 1, name) for name in sorted((loaded - stored) & (from_solutions - defined))]
        defined |= stored
    return found


def problems(original, student):
    """What in a student copy would give a solution away (empty list if nothing).

    Checks: no cell tagged solution; no code cell passing ``record=False`` (the
    solution idiom); no exercise cell with outputs; no passed self-check ("✓")
    in any output; no line that only a solution printed; no exercise cell whose
    source spells out the numeric answer stored in its key; and no cell that
    needs a variable only a solution defines (the copy would not run).
    """
    found = []
    for i, cell in enumerate(student.cells):
        where = f"cell {i + 1}"
        if nbtools.is_solution(cell):
            found.append(f"{where} is tagged solution")
        if cell.cell_type == "code" and "record=False" in cell.source:
            found.append(f"{where} calls check(..., record=False), as solutions do")
        if nbtools.is_exercise(cell):
            if cell.outputs:
                found.append(f"{where} is an exercise cell with outputs")
            code = "\n".join(ln.split("#")[0] for ln in nbtools.ANSWER_KEY.sub("", cell.source).splitlines())
            for key in nbtools.answer_keys(cell.source):
                for spelling in answer_spellings(key):
                    if re.search(rf"(?<![\d.]){re.escape(spelling)}(?![\d])", code):
                        found.append(f"{where} writes out its answer ({spelling})")
        if cell.cell_type == "code" and any("✓ Exercise" in text for text in nbtools.output_texts(cell)):
            found.append(f"{where} shows a passed self-check")
    for number, name in needs_solutions(original):
        found.append(f"cell {number} of the original uses {name!r}, which only a solution cell defines")
    text = "\n".join(nbtools.cell_text(c) for c in student.cells)
    for line in sorted(solution_lines(original)):
        if line in text:
            found.append(f"a solution's output appears in the copy: {line!r}")
    return found


def readme(names):
    """The README.txt that goes with the copies."""
    titles = {e["file"]: e for e in NOTEBOOKS}
    rows = []
    for name in names:
        e = titles.get(name)
        rows.append(f"  {name}" + (f"  -  {e['title']} (about {e['minutes']} min)" if e else ""))
    return (
        "New quality productive forces (新质生产力): notebooks, students' edition\n"
        "=====================================================================\n\n"
        "Start with 00-start-here.ipynb and follow the links at the top and bottom of each notebook.\n\n"
        + "\n".join(rows)
        + "\n\n"
        "How to run them. Open the notebooks in JupyterLab on your course's JupyterHub, or on your own\n"
        "computer in a copy of the whole collection (run `make lab` there). The notebooks need the\n"
        "collection's Python package nqp_helpers, which also holds the data; they use no internet.\n\n"
        "Exercises. Each exercise has a cell with `answer = None`: replace None with your answer and\n"
        "run the cell; the self-check tells you whether it is right and, if not, what to look at again.\n"
        "It never shows the answer. Solutions are not in this edition. The exercises you pass are\n"
        "recorded only on the computer where you run the notebooks (~/.nqp_helpers/progress.json);\n"
        "the start notebook lists them. Nothing is sent anywhere.\n\n"
        "Data: Penn World Table 11.0 (Feenstra, Inklaar and Timmer, 2015, American Economic Review\n"
        "105(10), 3150-3182), licensed CC BY 4.0.\n"
    )


def write(paths, out=OUT, zip_path=None):
    """Write student copies of ``paths`` into ``out`` (and a zip); return the copies written.

    Old ``*.ipynb`` files and README.txt in ``out`` are replaced; nothing else there is touched.

    Raises
    ------
    ValueError
        If a copy would still give a solution away (see :func:`problems`).
    """
    out = Path(out)
    copies = {}
    for path in paths:
        original = nbtools.read(path)
        student = student_notebook(original)
        found = problems(original, student)
        if found:
            raise ValueError(f"{path.name}: the student copy would give solutions away: " + "; ".join(found))
        nbformat.validate(student)
        copies[path.name] = student
    out.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("*.ipynb"), out / "README.txt"]:
        old.unlink(missing_ok=True)
    for name, nb in copies.items():
        nbtools.write(nb, out / name)
    (out / "README.txt").write_text(readme(list(copies)), encoding="utf-8")
    if zip_path is not None:
        zip_path = Path(zip_path)
        with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name in ["README.txt", *copies]:
                zf.write(out / name, f"{out.name}/{name}")
    return [out / name for name in copies]


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m scripts.student_copies", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--out", type=Path, default=OUT, help=f"output folder (default {OUT.relative_to(nbtools.ROOT)}/)"
    )
    parser.add_argument("--zip", type=Path, default=None, help="also write this zip file")
    args, paths = nbtools.parse_args(parser, argv)
    try:
        written = write(paths, args.out, args.zip)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    if args.zip:
        print(f"wrote {args.zip}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
