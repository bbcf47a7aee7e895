"""Write the students' edition of every notebook (make student).

A student copy is the notebook without its solutions: every cell that :func:`scripts.nbtools.exercise_layout`
finds to be part of a solution is left out (a cell tagged ``solution``, a cell that checks anything but the
student's ``answer``, the cells between an exercise and its solution, the first half of a split solution),
with the widget state that only those cells showed; the outputs of the exercise cells are cleared.
Everything else, figures and widget state included, stays as it is. The copies go to ``student/`` with a
short README.txt, and into ``student.zip`` with ``--zip``, ready for an LMS or a JupyterHub. They need the
collection's Python package ``nqp_helpers`` (installed by ``make``) and nothing else.

Nothing is written until every copy has passed two checks (the script stops with an error otherwise):

1. it is read (:func:`problems`): the notebook's layout is unambiguous (no near-miss tag such as
   ``soluton``, no exercise cell that does more than ask for ``answer``), no solution or passed self-check
   is left, no later cell needs a solution's variables, and no text near an exercise shows a number that
   would pass its self-check;
2. it is run (:func:`execution_problems`), top to bottom in a fresh kernel in a temporary folder, with every
   self-check watched: it must run without error, no self-check may pass, and no output near an exercise
   may show a number that would pass its self-check (this covers ``lab_check``, whose keys exist only at
   run time).

``--out`` never deletes or overwrites a file it did not write: it keeps a manifest of what it wrote (with
checksums), and it refuses the notebooks folder, any folder that holds the source notebooks and the
repository's top folder.

    python -m scripts.student_copies                  # every notebook -> student/
    python -m scripts.student_copies --zip student.zip
    python -m scripts.student_copies --out DIR 00 02  # only notebooks whose name contains 00 or 02

What a solution cell and an exercise cell are is defined once, in :mod:`scripts.nbtools`.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import os
import re
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import nbformat
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell

from nqp_helpers.exercises import check, decode_answer, encode_answer
from scripts import nbtools
from scripts.notebook_index import NOTEBOOKS

OUT = nbtools.ROOT / "student"
#: The manifest of what the script wrote in an output folder, one "<SHA-256>  <file name>" line per file
#: (the format of ``sha256sum``, so ``sha256sum -c .student-copies.txt`` checks the folder).
MANIFEST = ".student-copies.txt"
#: How a passed self-check starts when shown (:class:`nqp_helpers.exercises.Feedback`).
PASSED = "✓ Exercise"
#: Seconds one cell of a copy may take when the copy is run.
CELL_TIMEOUT = 300

_WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_MODEL_REFERENCE = re.compile(r"IPY_MODEL_(\w+)")
#: A number as text: 41.25, -3.973, 5, 1e-3 (not a piece of a word or of a longer number).
_NUMBER = re.compile(r"(?<![\w.])[-−]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\w])")
#: "Exercise 2.3" names an exercise; its number is no answer.
_EXERCISE_LABEL = re.compile(r"Exercise\s+\d+(?:\.\d+)*", re.IGNORECASE)
#: The colour codes of a terminal, which a kernel's tracebacks carry.
_ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")
#: A line of the manifest: a file this script writes (a plain name, no folder) and its checksum.
_MANIFEST_LINE = re.compile(r"(?P<digest>[0-9a-f]{64})  (?P<name>[\w.-]+\.ipynb|README\.txt)")


# --------------------------------------------------------------------------- #
# The students' edition
# --------------------------------------------------------------------------- #
def _widget_views(cells: Iterable[NotebookNode]) -> set[str]:
    """The widget models that the outputs of ``cells`` show."""
    return {
        out["data"][_WIDGET_VIEW].get("model_id")
        for cell in cells
        for out in cell.get("outputs", [])
        if _WIDGET_VIEW in out.get("data", {})
    }


def _reachable(state: Mapping[str, Any], models: set[str]) -> set[str]:
    """``models`` and every model their state refers to ("IPY_MODEL_<id>"), at any depth."""
    seen: set[str] = set()
    todo = [m for m in models if m in state]
    while todo:
        model = todo.pop()
        if model not in seen:
            seen.add(model)
            todo += [m for m in _MODEL_REFERENCE.findall(json.dumps(state[model])) if m in state]
    return seen


def strip_solutions(nb: NotebookNode) -> NotebookNode:
    """A copy of the notebook without its solution cells (as :func:`scripts.nbtools.exercise_layout` finds
    them), and without the widget state that only those cells showed (a slider or label in a solution could
    hold its answer)."""
    layout = nbtools.exercise_layout(nb)
    removed = [c for i, c in enumerate(nb.cells) if i in layout.solutions]
    nb = copy.deepcopy(nb)
    nb.cells = [c for i, c in enumerate(nb.cells) if i not in layout.solutions]
    state = nb.metadata.get("widgets", {}).get(_WIDGET_STATE, {}).get("state")
    if state:
        kept = _reachable(state, _widget_views(nb.cells))
        for model in _reachable(state, _widget_views(removed)) - kept:
            del state[model]
    return nb


def student_notebook(nb: NotebookNode) -> NotebookNode:
    """The students' edition of a notebook (a copy; ``nb`` is not changed).

    Solution cells are removed (:func:`strip_solutions`); exercise cells lose their outputs and execution
    counts; run-time metadata ("execution") is dropped.
    """
    nb = strip_solutions(nb)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if nbtools.is_exercise(cell):
            cell.outputs = []
            cell.execution_count = None
    return nb


# --------------------------------------------------------------------------- #
# Reading a copy for leaks
# --------------------------------------------------------------------------- #
def solution_lines(nb: NotebookNode) -> set[str]:
    """Lines with a digit that solution cells print and no other cell shows (the worked answers)."""
    solutions = nbtools.exercise_layout(nb).solutions
    printed: set[str] = set()
    elsewhere: set[str] = set()
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            elsewhere.update(ln.strip() for ln in cell.source.splitlines())
            continue
        lines = {ln.strip() for text in nbtools.output_texts(cell) for ln in text.splitlines()}
        (printed if i in solutions else elsewhere).update(lines)
    return {ln for ln in printed - elsewhere if re.search(r"\d", ln) and len(ln) > 3}


def answer_spellings(key: str) -> list[str]:
    """How a numeric answer in a key could be written out ('5.0', '5.00', ...); [] for text or a choice."""
    payload = decode_answer(key)
    if payload["kind"] in ("text", "choice"):
        return []
    values = payload["answer"] if payload["kind"] == "numbers" else [payload["answer"]]
    spellings = set()
    for v in values:
        spellings.update({repr(float(v)), f"{v:.1f}", f"{v:.2f}", f"{v:.3f}"})
    return sorted(spellings)


def passes(text: str, exercise: str, key: str) -> bool:
    """Whether ``text``, typed as an answer, would pass the self-check of ``key``.

    For a key that holds several numbers, one number that matches any of them is enough.

    Examples
    --------
    >>> key = encode_answer(41.25, tol=0.05)
    >>> passes("41.25", "1.1", key), passes("41.2", "1.1", key), passes("33", "1.1", key)
    (True, True, False)
    """
    payload = decode_answer(key)
    if payload["kind"] == "numbers":
        tolerance = {"tol": payload["tol"], "rel_tol": payload["rel_tol"]}
        return any(passes(text, exercise, encode_answer(v, **tolerance)) for v in payload["answer"])
    return check(exercise, text, key, record=False).passed


def _texts(cell: NotebookNode) -> list[str]:
    """What a reader sees of a cell: its source (answer keys left out) and the text of its outputs."""
    return [nbtools.ANSWER_KEY.sub("", cell.source), *nbtools.output_texts(cell)]


def _is_heading(cell: NotebookNode) -> bool:
    """Whether a cell is markdown that starts with a heading ("## Key points")."""
    return cell.cell_type == "markdown" and cell.source.lstrip().startswith("#")


def answer_leaks(nb: NotebookNode, keys: Mapping[str, Sequence[str]]) -> list[str]:
    """Where a student copy shows a value that would pass an exercise's self-check, one sentence each.

    Each exercise is read from its question up to the next exercise's question or the next heading: the
    markdown, the code (answer keys left out) and every text output. A number that would pass the
    exercise's self-check (a text answer: a whole line that would) is a leak. The lesson before the
    question is not read: an exercise may ask to read a number off a table or a figure there.

    Parameters
    ----------
    nb : NotebookNode
        A student copy.
    keys : mapping
        Exercise number -> the answer keys of that exercise.
    """
    found = []
    exercises = nbtools.exercise_layout(nb).exercises
    for k, exercise in enumerate(exercises):
        number = exercise.number or "?"
        stop = exercises[k + 1].question if k + 1 < len(exercises) else len(nb.cells)
        stop = next((j for j in range(exercise.cell + 1, stop) if _is_heading(nb.cells[j])), stop)
        for j in range(exercise.question, stop):
            shown = [
                v
                for text in _texts(nb.cells[j])
                for key in keys.get(number, [])
                for v in _answers_in(text, number, key)
            ]
            for value in dict.fromkeys(shown):
                found.append(
                    f"cell {j + 1} of the copy shows {value!r}, which passes the check of exercise {number}"
                )
    return found


def _answers_in(text: str, number: str, key: str) -> list[str]:
    """The numbers in ``text`` (for a text answer: the lines) that would pass the self-check of ``key``;
    a number of three significant digits or more also at a scale of 100 (an answer in per cent written as
    a fraction, or in yuan written in fen). The exercise's own number ("Exercise 2.3", ``check("2.3",``)
    is no answer."""
    text = _EXERCISE_LABEL.sub("", text).replace(f'"{number}"', "").replace(f"'{number}'", "")
    if decode_answer(key)["kind"] in ("text", "choice"):
        candidates = [line.strip() for line in text.splitlines() if line.strip()]
        return [line for line in dict.fromkeys(candidates) if passes(line, number, key)]
    found = []
    for value in dict.fromkeys(m.group().replace("−", "-") for m in _NUMBER.finditer(text)):
        digits = re.sub(r"\D", "", value.split("e")[0].split("E")[0]).lstrip("0")
        factors = (1, 100, 0.01) if len(digits) >= 3 else (1,)  # "0.4" x 100 would be a coincidence
        if any(passes(repr(float(value) * factor), number, key) for factor in factors):
            found.append(value)
    return found


def _static_keys(nb: NotebookNode) -> dict[str, list[str]]:
    """Exercise number -> the answer keys its exercise cells hold."""
    keys: dict[str, list[str]] = {}
    for exercise in nbtools.exercise_layout(nb).exercises:
        keys.setdefault(exercise.number or "?", []).extend(
            nbtools.answer_keys(nb.cells[exercise.cell].source)
        )
    return keys


def needs_solutions(nb: NotebookNode) -> list[tuple[int, str]]:
    """Names that a kept cell reads but only an earlier solution cell defines.

    Such a notebook breaks once its solutions are removed. Returns a list of (cell number, name) pairs,
    cell numbers counted from 1 in the original notebook.
    """
    solutions = nbtools.exercise_layout(nb).solutions
    from_solutions: set[str] = set()
    defined: set[str] = set()
    found = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        stored, loaded = nbtools.cell_names(cell.source)
        if i in solutions:
            from_solutions |= stored - defined
            continue
        found += [(i + 1, name) for name in sorted((loaded - stored) & (from_solutions - defined))]
        defined |= stored
    return found


def problems(original: NotebookNode, student: NotebookNode) -> list[str]:
    """What in a student copy would give a solution away, one sentence each (empty list if nothing).

    Checks: the original's layout has no error (near-miss tags, malformed exercise cells, code inside a
    solution that is not part of it: :func:`scripts.nbtools.exercise_layout`); the copy has no solution
    cell (tagged, or checking anything but ``answer``), no ``record=False``, no exercise cell with outputs
    or more than ``answer = None`` and its check, no passed self-check ("✓") in any output, no line that
    only a solution printed, no number near an exercise that passes its check (:func:`answer_leaks`), and
    no cell that needs a variable only a solution defines (the copy would not run).
    """
    found = list(nbtools.exercise_layout(original).errors)
    for i, cell in enumerate(student.cells):
        where = f"cell {i + 1} of the copy"
        found += [f"{where}: {problem}" for problem in nbtools.tag_problems(cell)]
        if nbtools.SOLUTION_TAG in nbtools.normalised_tags(cell):
            found.append(f"{where} is tagged solution")
        elif nbtools.is_solution(cell):
            found.append(f"{where} checks something other than `answer`, as solutions do")
        if cell.cell_type == "code" and "record=False" in cell.source:
            found.append(f"{where} calls check(..., record=False), as solutions do")
        if nbtools.is_exercise(cell):
            if cell.outputs:
                found.append(f"{where} is an exercise cell with outputs")
            found += [f"{where} (an exercise cell): {p}" for p in nbtools.exercise_cell_problems(cell)]
            code = "\n".join(ln.split("#")[0] for ln in nbtools.ANSWER_KEY.sub("", cell.source).splitlines())
            for key in nbtools.answer_keys(cell.source):
                for spelling in answer_spellings(key):
                    if re.search(rf"(?<![\d.]){re.escape(spelling)}(?![\d])", code):
                        found.append(f"{where} writes out its answer ({spelling})")
        if any(PASSED in text for text in nbtools.output_texts(cell)):
            found.append(f"{where} shows a passed self-check")
    for number, name in needs_solutions(original):
        found.append(f"cell {number} of the original uses {name!r}, which only a solution cell defines")
    text = "\n".join(nbtools.cell_text(c) for c in student.cells)
    for line in sorted(solution_lines(original)):
        if line in text:
            found.append(f"a solution's output appears in the copy: {line!r}")
    found += answer_leaks(student, _static_keys(student))
    return list(dict.fromkeys(found))


# --------------------------------------------------------------------------- #
# Running a copy with its self-checks watched
# --------------------------------------------------------------------------- #
#: Run before the copy, in its kernel: every call of nqp_helpers.exercises.check (lab_check's too) is logged.
WATCH = """\
import json as _nqp_json, sys as _nqp_sys
import IPython as _nqp_ipython
import nqp_helpers.exercises as _nqp_exercises

_nqp_calls = []
_nqp_check = _nqp_exercises.check
_nqp_first = _nqp_ipython.get_ipython().execution_count  # this cell's count, as the kernel reports it


def _nqp_watched_check(*args, **kwargs):
    feedback = _nqp_check(*args, **kwargs)
    key = kwargs.get("key", args[2] if len(args) > 2 else None)
    count = _nqp_ipython.get_ipython().execution_count
    _nqp_calls.append([str(feedback.exercise), key, bool(feedback.passed), count])
    return feedback


_nqp_exercises.check = _nqp_watched_check
for _nqp_module in list(_nqp_sys.modules.values()):
    if getattr(_nqp_module, "check", None) is _nqp_check:
        _nqp_module.check = _nqp_watched_check
"""
#: Run after the copy: prints the log and the exercises recorded as passed (read by the package itself).
REPORT = "print(_nqp_json.dumps([_nqp_first, _nqp_calls, _nqp_exercises.progress()]))"


def run_watched(student: NotebookNode, folder: str | Path, timeout: int = CELL_TIMEOUT) -> NotebookNode:
    """Run a student copy in ``folder`` (its working folder, with the progress file there), watching every
    self-check; return the copy as run, with its ``metadata["self_checks"]``, a list of
    ``[exercise, key, passed, cell]`` (``cell`` counted from 1) with one entry per call, and its
    ``metadata["recorded"]``, the exercises recorded as passed in the progress file.

    Raises
    ------
    nbclient.exceptions.CellExecutionError
        If a cell of the copy raises.
    """
    folder = Path(folder)
    run = copy.deepcopy(student)
    run.cells = [new_code_cell(WATCH), *run.cells, new_code_cell(REPORT)]
    env = {
        **os.environ,
        "NQP_PROGRESS_FILE": str(folder / "progress.json"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(nbtools.ROOT), os.environ.get("PYTHONPATH")])),
    }
    nbtools.execute(run, folder, timeout=timeout, env=env)
    first, calls, recorded = json.loads(nbtools.printed_text(run.cells.pop()))
    offset = first - run.cells.pop(0).execution_count  # the kernel may count from the next cell
    cell_of = {c.get("execution_count"): i + 1 for i, c in enumerate(run.cells) if c.cell_type == "code"}
    run.metadata["self_checks"] = [
        [exercise, key, passed, cell_of.get(count - offset)] for exercise, key, passed, count in calls
    ]
    run.metadata["recorded"] = recorded
    return run


def execution_problems(student: NotebookNode, timeout: int = CELL_TIMEOUT) -> list[str]:
    """What running a student copy shows that it should not, one sentence each (empty list if nothing).

    The copy is run top to bottom in a fresh kernel in a temporary folder (the progress file is there too),
    every self-check watched (:func:`run_watched`); it must run without error, and then pass
    :func:`problems_when_run`.
    """
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    with tempfile.TemporaryDirectory(prefix="nqp-student-copy-") as folder:
        try:
            run = run_watched(student, folder, timeout)
        except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
            lines = _ANSI_COLOUR.sub("", str(exc)).strip().splitlines()
            return [f"the copy does not run: {lines[-1] if lines else type(exc).__name__}"]
    return problems_when_run(run)


def problems_when_run(run: NotebookNode) -> list[str]:
    """What a copy run by :func:`run_watched` shows that it should not, one sentence each.

    No self-check may pass (however its feedback is shown or hidden), none may be recorded in the progress
    file, no output may show a pass, and no output near an exercise may show a value that passes its
    check, with the keys the self-checks used at run time (:func:`answer_leaks`; for ``lab_check`` these
    exist only at run time).
    """
    found = []
    keys: dict[str, list[str]] = {}
    for exercise, key, passed, cell in run.metadata["self_checks"]:
        if passed:
            found.append(f"when run, cell {cell} of the copy passes the self-check of exercise {exercise}")
        if isinstance(key, str) and key not in keys.get(exercise, []):
            keys.setdefault(exercise, []).append(key)
    if run.metadata["recorded"]:
        found.append(f"when run, the copy records passed exercises: {run.metadata['recorded']}")
    for i, cell in enumerate(run.cells):
        if any(PASSED in text for text in nbtools.output_texts(cell)):
            found.append(f"when run, cell {i + 1} of the copy shows a passed self-check")
    found += [f"when run, {leak}" for leak in answer_leaks(run, keys)]
    return list(dict.fromkeys(found))


# --------------------------------------------------------------------------- #
# Where the copies go
# --------------------------------------------------------------------------- #
def check_out(out: str | Path, sources: Sequence[Path] = ()) -> Path:
    """The output folder, resolved, if the copies may go there.

    Raises
    ------
    ValueError
        If ``out`` is the repository's top folder, the notebooks folder or a folder inside it, a folder
        that holds any source notebook (of the collection or in ``sources``: the notebooks' own folder,
        the repository, the home folder, ...), or a file.
    """
    folder = Path(out).resolve()
    if folder == nbtools.ROOT:
        raise ValueError(f"--out must not be the repository's top folder; got {out}")
    if folder.is_relative_to(nbtools.NB_DIR.resolve()):
        raise ValueError(f"--out must not be the notebooks folder or a folder inside it; got {out}")
    for source in [*sources, *nbtools.select()]:
        if Path(source).resolve().is_relative_to(folder):
            raise ValueError(
                f"--out must not be a folder that holds source notebooks ({source.name}); got {out}"
            )
    if folder.exists() and not folder.is_dir():
        raise ValueError(f"--out must be a folder; got the file {out}")
    return folder


def _digest(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def written_before(folder: Path) -> dict[str, str]:
    """File name -> checksum of what this script wrote in ``folder`` last time (its manifest; {} if none).

    Raises
    ------
    ValueError
        If the manifest cannot be read.
    """
    manifest = folder / MANIFEST
    if not manifest.is_file():
        return {}
    files = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        match = _MANIFEST_LINE.fullmatch(line)
        if match is None:
            raise ValueError(
                f"{manifest} is damaged (line {line!r}); remove the folder {folder} and run again"
            )
        files[match["name"]] = match["digest"]
    return files


def _ours(path: Path, before: Mapping[str, str]) -> bool:
    """Whether ``path`` is a plain file this script wrote and nobody changed since."""
    return (
        path.is_file()
        and not path.is_symlink()
        and path.name in before
        and _digest(path) == before[path.name]
    )


def check_zip(zip_path: str | Path, folder: Path, sources: Sequence[Path] = ()) -> Path:
    """The zip file's path, resolved, if it may be written.

    Raises
    ------
    ValueError
        If it lies in the notebooks folder or is a source notebook, or an existing file there is not a zip
        of student copies (all its names under ``<out folder name>/``).
    """
    path = Path(zip_path).resolve()
    if path.is_relative_to(nbtools.NB_DIR.resolve()) or path in {Path(s).resolve() for s in sources}:
        raise ValueError(f"--zip must not be in the notebooks folder or be a source notebook; got {zip_path}")
    if path.exists() or path.is_symlink():
        if path.is_symlink() or not zipfile.is_zipfile(path):
            raise ValueError(f"--zip would overwrite {zip_path}, which is not a zip of student copies")
        with zipfile.ZipFile(path) as zf:
            if not all(name.startswith(f"{folder.name}/") for name in zf.namelist()):
                raise ValueError(f"--zip would overwrite {zip_path}, which is not a zip of student copies")
    return path


def readme_chinese(names: Sequence[str]) -> str:
    """The README.txt that goes with the Chinese edition's copies."""
    minutes = {e["file"]: e["minutes"] for e in NOTEBOOKS}
    rows = [f"  {name}" + (f"（约 {minutes[name]} 分钟）" if name in minutes else "") for name in names]
    return (
        "新质生产力：笔记本（学生版，中文）\n"
        "==================================\n\n"
        "从 00-start-here.ipynb 开始，按每个笔记本顶部和底部的链接阅读。\n\n" + "\n".join(rows) + "\n\n"
        "如何运行：在课程的 JupyterHub 上用 JupyterLab 打开这些笔记本，或在自己的电脑上、在整个项目的副本中\n"
        "运行 `make lab EDITION=zh`。笔记本需要项目的 Python 包 nqp_helpers（数据也在其中），不使用互联网。\n"
        "请把笔记本留在名为 zh-CN 的文件夹中：包据此以中文绘图和给出反馈。\n\n"
        "练习：每道练习有一个 `answer = None` 的单元格；把 None 换成你的答案并运行该单元格，自测会告诉你\n"
        "答案是否正确；如不正确，会告诉你该重新看什么，但从不给出答案。本版不含答案。你通过的练习只记录在\n"
        "运行笔记本的电脑上（~/.nqp_helpers/progress.json），开始笔记本会列出它们；不会发送到任何地方。\n\n"
        "数据：宾州世界表（Penn World Table）11.0（Feenstra、Inklaar 和 Timmer，2015，American Economic\n"
        "Review 105(10)，3150-3182），CC BY 4.0 许可。\n"
    )


def readme(names: Sequence[str]) -> str:
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


def write(
    paths: Sequence[Path],
    out: str | Path = OUT,
    zip_path: str | Path | None = None,
    execute: bool = True,
    on_note: Callable[[str], None] | None = None,
) -> list[Path]:
    """Write student copies of ``paths`` into ``out`` (and a zip); return the copies written.

    Every copy is made and checked before anything is written. In ``out``, only files that this script
    wrote there before (listed with their checksums in its manifest, and unchanged since) are replaced or,
    when no longer part of the edition, removed; nothing else there is touched.

    Parameters
    ----------
    paths : sequence of Path
        The notebooks.
    out : path
        The output folder (see :func:`check_out`).
    zip_path : path, optional
        Also write the copies and the README into this zip file.
    execute : bool
        Run each copy and refuse it if running shows a leak (:func:`execution_problems`). ``make student``
        always does; tests that only read the copies may skip it.
    on_note : callable, optional
        Called with each note (a cell left out although it is not tagged ``solution``).

    Raises
    ------
    ValueError
        If a copy would give a solution away (:func:`problems`, :func:`execution_problems`), or if
        ``out`` or ``zip_path`` may not be written, or a file in ``out`` would be overwritten that this
        script did not write.
    """
    folder = check_out(out, paths)
    zip_file = check_zip(zip_path, folder, paths) if zip_path is not None else None
    copies = {}
    for path in paths:
        original = nbtools.read(path)
        student = student_notebook(original)
        found = problems(original, student)
        if execute and not found:
            found = execution_problems(student)
        if found:
            raise ValueError(f"{path.name}: the student copy would give solutions away: " + "; ".join(found))
        nbformat.validate(student)
        for note in nbtools.exercise_layout(original).notes:
            if on_note is not None:
                on_note(f"{path.name}: {note}")
        copies[path.name] = student

    names = [*copies, "README.txt"]
    before = written_before(folder) if folder.is_dir() else {}
    for name in names:
        target = folder / name
        if (target.exists() or target.is_symlink()) and not _ours(target, before):
            raise ValueError(
                f"{target} exists and was not written by this script (or was changed since): "
                "move it away or choose another --out"
            )
    folder.mkdir(parents=True, exist_ok=True)
    for name in before:
        if name not in names and _ours(folder / name, before):
            (folder / name).unlink()
    for name, nb in copies.items():
        nbtools.write(nb, folder / name)
    chinese = bool(paths) and nbtools.edition_of(paths[0]) == "zh"
    text = readme_chinese(list(copies)) if chinese else readme(list(copies))
    (folder / "README.txt").write_text(text, encoding="utf-8")
    manifest = "".join(f"{_digest(folder / name)}  {name}\n" for name in names)
    (folder / MANIFEST).write_text(manifest, encoding="utf-8")
    if zip_file is not None:
        with zipfile.ZipFile(zip_file, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name in ["README.txt", *copies]:
                zf.write(folder / name, f"{folder.name}/{name}")
    return [folder / name for name in copies]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.student_copies", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="output folder (default student/; zh: student/zh-CN/)",
    )
    parser.add_argument("--zip", type=Path, default=None, help="also write this zip file")
    args, paths = nbtools.parse_args(parser, argv, editions=True)
    if args.out is None:
        args.out = OUT / "zh-CN" if args.edition == "zh" else OUT

    def note(text: str) -> None:
        print(f"note: {text}", file=sys.stderr)

    try:
        written = write(paths, args.out, args.zip, execute=True, on_note=note)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path} (checked: read and run, no answer shown, no self-check passed)")
    if args.zip:
        print(f"wrote {args.zip}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
