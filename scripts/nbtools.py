"""The notebook toolkit every script and test uses: what the cells of the collection are, and how a
notebook is read, written, run and chosen on the command line.

What the cells are (the one definition of each):

- a **self-check** is a call of ``check(`` or of a wrapper named like ``lab_check(`` (any ``*_check(``,
  also through a module: ``exercises.check(``), found by parsing the cell's code (:func:`self_checks`);
- an **exercise cell** is a code cell, not a solution, whose self-checks check the student's variable
  ``answer``: the cell where a student replaces ``answer = None`` with an answer. It holds nothing else;
- a **solution cell** is a cell tagged ``solution`` (tags are compared after ``strip().lower()``), or a
  code cell with a self-check of anything other than ``answer`` (a computed value, or ``record=False``),
  whatever its tags say. Solution cells are collapsed in JupyterLab and left out of the students'
  copies, the offline pages and the slides. In a whole notebook (:func:`exercise_layout`) a solution also
  takes in every cell between an exercise cell and its last solution cell, and every code cell between
  the exercise's question and its solution whose names only the solution reads (a split solution);
- an **answer key** is the text ``nqp1:...`` that :func:`nqp_helpers.exercises.encode_answer` makes and
  :func:`nqp_helpers.exercises.check` reads;
- a **navigation cell** is a markdown cell tagged ``navigation`` (the first and the last of each notebook),
  written by :mod:`scripts.navigation`.

A tag that nearly says ``solution`` (``soluton``, ``Solution``, `` solution ``) is an error
(:func:`tag_problems`), and so is an exercise cell that does more than ask for ``answer``
(:func:`exercise_cell_problems`): the students' copies refuse both rather than guess.

Notebooks are read and written with ``nbformat`` (so a notebook the scripts write is byte for byte what
Jupyter writes) and run with ``nbclient``.

Every script is run from the top folder of the collection as a module, and a script that works on
notebooks takes their numbers::

    python -m scripts.run_notebooks            # every notebook
    python -m scripts.run_notebooks 02         # the notebooks whose file name contains 02
    python -m scripts.run_notebooks 02 04      # ... 02 or 04
"""

from __future__ import annotations

import argparse
import ast
import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from scripts.notebook_index import NOTEBOOKS

ROOT = Path(__file__).resolve().parent.parent
NB_DIR = ROOT / "notebooks"
#: The Chinese edition, built from the English notebooks and the catalogues (scripts/translate.py).
CHINESE_DIR = NB_DIR / "zh-CN"
#: Each edition's folder, by the name scripts take with ``--edition``.
EDITIONS = {"en": NB_DIR, "zh": CHINESE_DIR}

SOLUTION_TAG = "solution"
NAVIGATION_TAG = "navigation"

#: An answer key: the prefix ``nqp1:`` and URL-safe base64.
ANSWER_KEY = re.compile(r"nqp1:[A-Za-z0-9_\-=]+")
#: A call of the self-check, ``check(``, or of a wrapper named like ``lab_check(`` (not a method call).
SELF_CHECK = re.compile(r"(?<![\w.])(?:\w+_)?check\(")
#: A self-check call with its exercise number: ``check("2.3", ...`` or ``lab_check("5.1", ...``.
CHECK_NUMBER = re.compile(r'(?<![\w.])(?:\w+_)?check\(\s*"(?P<number>[^"]+)"')
#: ``check("N.M", answer, key="nqp1:...")``: number, the argument checked and the key.
CHECK_CALL = re.compile(
    r'(?<![\w.])check\(\s*"(?P<number>[^"]+)"\s*,\s*(?P<arg>[^\n]+?)\s*,\s*key="(?P<key>'
    + ANSWER_KEY.pattern
    + r')"'
)
#: ``lab_check("N.M", "question", answer, analysis)`` (notebook 05): number, question, argument, analysis.
LAB_CALL = re.compile(
    r'(?<![\w.])lab_check\(\s*"(?P<number>[^"]+)"\s*,\s*"(?P<question>\w+)"\s*,\s*(?P<arg>[^\n]+?)\s*,'
    r"\s*(?P<analysis>\w+)\s*\)"
)
#: The student's placeholder line of an exercise cell, ``answer = None  # ...``.
ANSWER_NONE = re.compile(r"^answer\s*=\s*None\b", re.MULTILINE)
#: The student's variable in an exercise cell.
ANSWER_NAME = "answer"
#: The name of a self-check function: ``check`` or ``<anything>_check``.
SELF_CHECK_NAME = re.compile(r"(?:\w+_)?check")
#: Short forms of the solution tag that are near misses too (difflib does not catch them).
_SOLUTION_ABBREVIATIONS = ("sol", "soln", "sols", "answer-key", "answerkey")

_TEXT_MIMES = ("text/plain", "text/html", "text/markdown")
_PICTURE_MIMES = {"image/png", "application/vnd.jupyter.widget-view+json"}


# --------------------------------------------------------------------------- #
# What a cell is
# --------------------------------------------------------------------------- #
def tags(cell: NotebookNode) -> list[str]:
    """The tags of a cell as written (an empty list if it has none; a lone string counts as one tag)."""
    raw = cell.get("metadata", {}).get("tags", [])
    if isinstance(raw, str):
        return [raw]
    return [tag for tag in raw if isinstance(tag, str)] if isinstance(raw, list) else []


def normalised_tags(cell: NotebookNode) -> list[str]:
    """The tags of a cell stripped of spaces and in lower case: what the definitions compare."""
    return [tag.strip().lower() for tag in tags(cell)]


def _near_solution(tag: str) -> bool:
    """Whether a normalised tag nearly says ``solution`` without saying it (``soluton``, ``solutions``)."""
    if tag == SOLUTION_TAG:
        return False
    similar = difflib.SequenceMatcher(None, tag, SOLUTION_TAG).ratio() >= 0.75
    return similar or SOLUTION_TAG in tag or tag in _SOLUTION_ABBREVIATIONS


def tag_problems(cell: NotebookNode) -> list[str]:
    """What is wrong with a cell's tags, one sentence each (an empty list if nothing).

    A tag that is ``solution`` only after ``strip().lower()`` (``" solution "``, ``"Solution"``) counts as
    the solution tag but is still a problem, and so is a near miss (``soluton``, ``solutions``, ``sol``),
    which counts as no tag at all: the students' copies refuse both until the tag is written exactly.

    Examples
    --------
    >>> from nbformat.v4 import new_code_cell
    >>> tag_problems(new_code_cell("x = 1", metadata={"tags": ["soluton"]}))
    ["tag 'soluton' looks like a misspelt 'solution'"]
    >>> tag_problems(new_code_cell("x = 1", metadata={"tags": ["solution"]}))
    []
    """
    found = []
    raw = cell.get("metadata", {}).get("tags", [])
    if not isinstance(raw, list) or not all(isinstance(tag, str) for tag in raw):
        found.append(f"its tags must be a list of strings; got {raw!r}")
    for tag in tags(cell):
        normal = tag.strip().lower()
        if normal == SOLUTION_TAG and tag != SOLUTION_TAG:
            found.append(f"tag {tag!r} must be written exactly {SOLUTION_TAG!r}")
        elif _near_solution(normal):
            found.append(f"tag {tag!r} looks like a misspelt {SOLUTION_TAG!r}")
    return found


@lru_cache(maxsize=2048)
def _syntax_tree(source: str) -> ast.Module | None:
    """A code cell's source as a Python syntax tree (IPython's ``%magic`` and ``!command`` lines become
    calls, as IPython runs them); None if it is not Python."""
    from IPython.core.inputtransformer2 import TransformerManager

    try:
        return ast.parse(TransformerManager().transform_cell(source))
    except (SyntaxError, ValueError):
        return None


@dataclass(frozen=True)
class SelfCheck:
    """One self-check call in a cell's code.

    Attributes
    ----------
    name : str
        The function called: ``check``, ``lab_check``, ...
    number : str or None
        The exercise number, when the call names it as a literal ("2.3").
    checks_answer : bool
        Whether the call checks the student's variable ``answer`` (an argument is the bare name
        ``answer``) and leaves ``record`` alone: the call of an exercise cell. Any other self-check is a
        solution's.
    """

    name: str
    number: str | None
    checks_answer: bool


def self_checks(source: str) -> list[SelfCheck] | None:
    """The self-check calls (``check(``, any ``*_check(``) in a cell's code, in order; None if the code is
    not Python.

    Examples
    --------
    >>> [c.checks_answer for c in self_checks('check("2.3", answer, key=k)\\nlab_check("5.1", "g", 3.2, a)')]
    [True, False]
    >>> self_checks('check("2.3", answer, key=k, record=False)')[0].checks_answer
    False
    """
    tree = _syntax_tree(source)
    if tree is None:
        return None
    calls = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if not SELF_CHECK_NAME.fullmatch(name):
            continue
        values = [*node.args, *(keyword.value for keyword in node.keywords)]
        gives_answer = any(isinstance(v, ast.Name) and v.id == ANSWER_NAME for v in values)
        overrides = any(keyword.arg in (None, "record") for keyword in node.keywords) or any(
            isinstance(arg, ast.Starred) for arg in node.args
        )
        named = [keyword.value for keyword in node.keywords if keyword.arg == "exercise"]
        first = node.args[0] if node.args else named[0] if named else None
        number = (
            str(first.value)
            if isinstance(first, ast.Constant) and isinstance(first.value, (str, int, float))
            else None
        )
        calls.append((node.lineno, node.col_offset, SelfCheck(name, number, gives_answer and not overrides)))
    return [call for *_, call in sorted(calls, key=lambda c: (c[0], c[1]))]


def _unreadable_self_check(source: str) -> bool:
    """Whether a code cell mentions a self-check that its Python cannot show: broken code, a call inside
    a magic (``%time check(...)``, which IPython turns into a string) or inside any other string
    (``exec("check(...)")``)."""
    if not SELF_CHECK.search(source):
        return False
    tree = _syntax_tree(source)
    if tree is None:
        return True
    return any(
        isinstance(node, ast.Constant) and isinstance(node.value, str) and SELF_CHECK.search(node.value)
        for node in ast.walk(tree)
    )


def is_solution(cell: NotebookNode) -> bool:
    """Whether a cell is a solution cell: tagged ``solution`` (after ``strip().lower()``), or code with a
    self-check of anything but the student's ``answer``, whatever its tags say.

    A cell whose self-check cannot be read (not Python, or inside a magic) counts as a solution too: it is
    left out rather than risked. :func:`exercise_layout` adds the cells a solution takes in.
    """
    if SOLUTION_TAG in normalised_tags(cell):
        return True
    if cell.cell_type != "code":
        return False
    calls = self_checks(cell.source)
    return _unreadable_self_check(cell.source) or any(not call.checks_answer for call in calls or [])


def hide_solutions(nb: NotebookNode) -> bool:
    """Collapse the source and the outputs of every solution cell; return whether anything changed.

    JupyterLab honours both flags (``metadata.jupyter.source_hidden`` and ``outputs_hidden``): a student sees
    a collapsed cell and has to click to reveal the worked answer, or the "correct" its check prints.
    :func:`run` applies it, so the state survives ``make notebooks``.
    """
    changed = False
    for cell in nb.cells:
        if not is_solution(cell):
            continue
        flags = cell.metadata.setdefault("jupyter", {})
        wanted = {"source_hidden": True, **({"outputs_hidden": True} if cell.cell_type == "code" else {})}
        for key, value in wanted.items():
            if flags.get(key) is not value:
                flags[key] = value
                changed = True
    return changed


def is_navigation(cell: NotebookNode) -> bool:
    """Whether a cell is a navigation cell: tagged ``navigation``."""
    return NAVIGATION_TAG in normalised_tags(cell)


def is_exercise(cell: NotebookNode) -> bool:
    """Whether a cell is an exercise cell: code, no solution, with self-checks of the student's ``answer``."""
    return cell.cell_type == "code" and not is_solution(cell) and bool(self_checks(cell.source))


def _is_answer_none(statement: ast.stmt) -> bool:
    """Whether a statement is ``answer = None``."""
    return (
        isinstance(statement, ast.Assign)
        and [getattr(t, "id", None) for t in statement.targets] == [ANSWER_NAME]
        and isinstance(statement.value, ast.Constant)
        and statement.value.value is None
    )


def exercise_cell_problems(cell: NotebookNode) -> list[str]:
    """What is wrong with an exercise cell, one sentence each (an empty list if nothing).

    An exercise cell holds ``answer = None`` and then its self-check of ``answer``, and nothing else
    (comments aside): anything more could compute, print or fill in the answer.

    Examples
    --------
    >>> from nbformat.v4 import new_code_cell
    >>> exercise_cell_problems(new_code_cell('answer = None  # % per year\\ncheck("1.1", answer, key=k)'))
    []
    >>> exercise_cell_problems(new_code_cell('answer = 41.25\\ncheck("1.1", answer, key=k)'))
    ['line 1 is not `answer = None` or a self-check of `answer`', 'it has no `answer = None` line']
    """
    tree = _syntax_tree(cell.source)
    if tree is None:
        return ["it is not Python"]
    found = []
    asked = any(_is_answer_none(statement) for statement in tree.body)
    placed = False
    for statement in tree.body:
        if _is_answer_none(statement):
            placed = True
            continue
        calls = self_checks(ast.unparse(statement)) or []
        is_check = (
            isinstance(statement, ast.Expr)
            and isinstance(statement.value, ast.Call)
            and len(calls) == 1
            and calls[0].checks_answer
        )
        if not is_check:
            found.append(f"line {statement.lineno} is not `answer = None` or a self-check of `answer`")
        elif asked and not placed:
            found.append(f"line {statement.lineno} checks `answer` before `answer = None`")
    if not asked:
        found.append("it has no `answer = None` line")
    return found


def cell_names(source: str) -> tuple[set[str], set[str]]:
    """(the names a code cell defines, the names it reads), at any depth; two empty sets if it is not
    Python.

    Examples
    --------
    >>> defined, read = cell_names("import numpy as np\\nvalue = np.log(x)")
    >>> sorted(defined), sorted(read)
    (['np', 'value'], ['np', 'x'])
    """
    tree = _syntax_tree(source)
    stored: set[str] = set()
    loaded: set[str] = set()
    for node in ast.walk(tree) if tree is not None else []:
        if isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else stored).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            stored.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            stored.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
    return stored, loaded


def answer_keys(text: str) -> list[str]:
    """The answer keys in a text, in order."""
    return ANSWER_KEY.findall(text)


def exercise_numbers(text: str) -> set[str]:
    """The exercise numbers that the self-check calls in a text name ("2.3", "5.1", ...)."""
    return {m["number"] for m in CHECK_NUMBER.finditer(text)}


# --------------------------------------------------------------------------- #
# A notebook's exercises and their solutions
# --------------------------------------------------------------------------- #
@dataclass(frozen=True)
class Exercise:
    """One exercise of a notebook; cells are positions in ``nb.cells`` (counted from 0).

    Attributes
    ----------
    number : str or None
        The exercise number its self-check names ("2.3"), if it names one.
    cell : int
        The exercise cell.
    question : int
        The first cell of the exercise: the markdown cell just before the exercise cell (its question),
        or the exercise cell itself when there is none since the previous exercise.
    solution : tuple of int
        Its solution cells, in order (empty if it has none).
    """

    number: str | None
    cell: int
    question: int
    solution: tuple[int, ...]


@dataclass(frozen=True)
class ExerciseLayout:
    """Where a notebook's exercises and solutions are (see :func:`exercise_layout`).

    Attributes
    ----------
    exercises : tuple of Exercise
        In notebook order.
    solutions : frozenset of int
        Every cell a students' edition leaves out (positions counted from 0).
    errors : tuple of str
        What makes the notebook unsafe to hand out as it is (near-miss tags, a malformed exercise cell, a
        cell inside a solution that is not part of it, ...); cells counted from 1, as JupyterLab shows.
    notes : tuple of str
        Cells left out although they are not tagged ``solution`` (they should be tagged).
    """

    exercises: tuple[Exercise, ...]
    solutions: frozenset[int]
    errors: tuple[str, ...]
    notes: tuple[str, ...]


def _readers(names: list[tuple[set[str], set[str]]], cell: int, name: str) -> list[int]:
    """The later code cells that read ``name`` as ``cell`` set it (up to the next cell that sets it)."""
    found = []
    for later in range(cell + 1, len(names)):
        stored, loaded = names[later]
        if name in loaded:
            found.append(later)
        if name in stored:
            break
    return found


def _feeds_only(names: list[tuple[set[str], set[str]]], cell: int, left_out: set[int]) -> bool:
    """Whether the names a code cell sets are read by cells left out, and by no cell kept."""
    readers = {r for name in names[cell][0] for r in _readers(names, cell, name)}
    return bool(readers) and readers <= left_out


def _solution_cells(cells: list[NotebookNode]) -> tuple[set[int], list[str], list[str]]:
    """Step 1 of :func:`exercise_layout`, cell by cell: (solution cells and near misses, errors, notes)."""
    left_out: set[int] = set()
    errors: list[str] = []
    notes: list[str] = []
    for i, cell in enumerate(cells):
        where = f"cell {i + 1}"
        errors += [f"{where}: {problem}" for problem in tag_problems(cell)]
        if any(_near_solution(tag) for tag in normalised_tags(cell)):
            left_out.add(i)
        if is_solution(cell):
            left_out.add(i)
            if SOLUTION_TAG not in normalised_tags(cell):
                notes.append(f"{where} checks something other than `answer`, so it is a solution: tag it")
        if cell.cell_type != "code":
            continue
        if _unreadable_self_check(cell.source):
            errors.append(
                f"{where}: its self-check is not plain Python (in a magic, a string or broken code)"
            )
        if cell.get("metadata", {}).get("jupyter", {}).get("source_hidden") and i not in left_out:
            errors.append(
                f"{where} is hidden like a solution but not tagged {SOLUTION_TAG!r}: tag it or show it"
            )
        if is_exercise(cell) and i not in left_out:
            errors += [f"{where} (an exercise cell): {problem}" for problem in exercise_cell_problems(cell)]
    return left_out, errors, notes


def _solution_blocks(cells: list[NotebookNode], left_out: set[int]) -> list[Exercise]:
    """Step 2 of :func:`exercise_layout`: each exercise with every cell from its exercise cell to its last
    solution cell (the last one checking its number, else the first solution cell before the next
    exercise)."""
    starts = [i for i, c in enumerate(cells) if i not in left_out and is_exercise(c)]
    exercises = []
    previous_end = -1
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(cells)
        number = next((call.number for call in self_checks(cells[start].source) or []), None)
        candidates = [j for j in range(start + 1, end) if j in left_out]
        checked = [j for j in candidates if number in {c.number for c in self_checks(cells[j].source) or []}]
        last = max(checked) if checked else min(candidates, default=start)
        markdown = [j for j in range(start - 1, previous_end, -1) if cells[j].cell_type == "markdown"]
        exercises.append(
            Exercise(number, start, markdown[0] if markdown else start, tuple(range(start + 1, last + 1)))
        )
        previous_end = last
    return exercises


def exercise_layout(nb: NotebookNode) -> ExerciseLayout:
    """Find a notebook's exercises and every cell of their solutions, by what the cells do.

    A cell is left out of the students' edition when:

    1. it is a solution cell (:func:`is_solution`: the tag, or a self-check of a computed value), or it
       carries a near miss of the tag (an error too);
    2. it lies between an exercise cell and the exercise's last solution cell (before the next exercise):
       markdown there is part of the solution; a code cell there must be one (or set names that only the
       solution reads), otherwise it is an error;
    3. it is a code cell between the exercise's question and its solution that sets names only left-out
       cells read (the first half of a split solution).

    A solution that checks an exercise with no exercise cell (its variable is not called ``answer``, or
    the number is wrong) is an error too: the exercise would vanish from the students' edition.

    Parameters
    ----------
    nb : NotebookNode
        The notebook (not changed).

    Returns
    -------
    ExerciseLayout
        The exercises, the cells to leave out, the errors and notes.
    """
    cells = nb.cells
    left_out, errors, notes = _solution_cells(cells)
    blocks = _solution_blocks(cells, left_out)
    owned = {exercise.cell: set(exercise.solution) for exercise in blocks}
    for own in owned.values():
        left_out |= own
    names = [cell_names(c.source) if c.cell_type == "code" else (set(), set()) for c in cells]
    for exercise in blocks:  # step 3: the first halves of split solutions, until nothing changes
        changed = bool(exercise.solution)
        while changed:
            changed = False
            for j in range(exercise.question, exercise.cell):
                if j not in left_out and cells[j].cell_type == "code" and _feeds_only(names, j, left_out):
                    left_out.add(j)
                    owned[exercise.cell].add(j)
                    changed = True
                    notes.append(
                        f"cell {j + 1} sets names that only a solution reads: left out as part of it"
                    )
    exercises = []
    for block in blocks:
        label = f"exercise {block.number}" if block.number else f"the exercise in cell {block.cell + 1}"
        for j in block.solution:
            if is_solution(cells[j]):
                continue
            if cells[j].cell_type == "code" and not _feeds_only(names, j, left_out):
                errors.append(
                    f"cell {j + 1} sits between {label} and its solution but is no part of it: tag it"
                )
            else:
                notes.append(f"cell {j + 1} sits inside the solution of {label}: left out as part of it")
        exercises.append(Exercise(block.number, block.cell, block.question, tuple(sorted(owned[block.cell]))))
    asked = {exercise.number for exercise in exercises}
    for i in sorted(left_out):
        for number in dict.fromkeys(c.number for c in self_checks(cells[i].source) or [] if c.number):
            if number not in asked:
                errors.append(
                    f"cell {i + 1} checks exercise {number}, which has no exercise cell "
                    "(a cell with `answer = None` and a self-check of `answer`)"
                )
    return ExerciseLayout(tuple(exercises), frozenset(left_out), tuple(errors), tuple(notes))


# --------------------------------------------------------------------------- #
# The text of a cell
# --------------------------------------------------------------------------- #
def _joined(value: str | list[str]) -> str:
    """Notebook text as one string (stored either as a string or as a list of lines)."""
    return value if isinstance(value, str) else "".join(value)


def printed_text(cell: NotebookNode) -> str:
    """What a code cell printed, as a reader sees it under the cell: its streams and plain-text results.

    The plain-text stand-in of a figure or a widget ("<Figure ...>") is left out. Outputs are joined and
    the final newline is dropped.
    """
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(_joined(out["text"]))
        elif out.get("output_type") in ("execute_result", "display_data"):
            data = out.get("data", {})
            if "text/plain" in data and not (_PICTURE_MIMES & set(data)):
                parts.append(_joined(data["text/plain"]) + "\n")
    return "".join(parts).rstrip("\n")


def output_texts(cell: NotebookNode) -> list[str]:
    """Every text stored in a cell's outputs: streams, plain text, HTML and markdown (figures excluded)."""
    texts = []
    for out in cell.get("outputs", []):
        if "text" in out:
            texts.append(_joined(out["text"]))
        for mime in _TEXT_MIMES:
            value = out.get("data", {}).get(mime)
            if value:
                texts.append(_joined(value))
    return texts


def cell_text(cell: NotebookNode) -> str:
    """A cell's source and every text of its outputs, one after the other, separated by newlines."""
    return "\n".join([cell.source, *output_texts(cell)])


# --------------------------------------------------------------------------- #
# Reading, writing and running notebooks
# --------------------------------------------------------------------------- #
def read(path: str | Path) -> NotebookNode:
    """Read a notebook file (converted to nbformat 4 if it is older)."""
    return nbformat.read(path, as_version=4)


def write(nb: NotebookNode, path: str | Path) -> None:
    """Write a notebook file exactly as Jupyter writes it."""
    nbformat.write(nb, path)


def execute(
    nb: NotebookNode,
    folder: str | Path | None = None,
    timeout: int = 600,
    env: Mapping[str, str] | None = None,
) -> NotebookNode:
    """Run every cell of ``nb`` top to bottom in a fresh ``python3`` kernel, in place.

    Parameters
    ----------
    nb : NotebookNode
        The notebook; its outputs and execution counts are replaced.
    folder : path, optional
        The kernel's working folder (the notebook's own folder, so that relative paths work as in
        JupyterLab); the current folder if None.
    timeout : int
        Seconds one cell may take.
    env : mapping, optional
        The kernel's environment variables (this process's own if None).

    Returns
    -------
    NotebookNode
        ``nb`` itself, without the run-time metadata ("execution") that would change at every run.

    Raises
    ------
    nbclient.exceptions.CellExecutionError
        If a cell raises; ``nb`` then holds the outputs up to that cell.
    """
    from nbclient import NotebookClient

    resources = {"metadata": {"path": str(folder)}} if folder is not None else {}
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", resources=resources)
    if env is None:
        client.execute()
    else:
        client.execute(env=dict(env))
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    return nb


def run(path: str | Path) -> None:
    """Re-execute a notebook file in place, from its own folder, and store its outputs."""
    path = Path(path)
    nb = read(path)
    execute(nb, path.parent)
    hide_solutions(nb)
    write(nb, path)


# --------------------------------------------------------------------------- #
# Which notebooks
# --------------------------------------------------------------------------- #
def select(names: Sequence[str] = (), nb_dir: str | Path = NB_DIR) -> list[Path]:
    """The notebooks in ``nb_dir`` whose file name contains one of ``names`` (every one if none), sorted."""
    paths = sorted(Path(nb_dir).glob("*.ipynb"))
    if names:
        paths = [p for p in paths if any(name in p.name for name in names)]
    return paths


def existing_entries(nb_dir: str | Path = NB_DIR) -> list[dict]:
    """The entries of the table of contents (:mod:`scripts.notebook_index`) whose notebook exists."""
    return [e for e in NOTEBOOKS if (Path(nb_dir) / str(e["file"])).exists()]


def edition_of(path: str | Path) -> str:
    """The edition a notebook belongs to: "zh" for one in notebooks/zh-CN/, else "en"."""
    return "zh" if Path(path).resolve().parent == CHINESE_DIR.resolve() else "en"


def parse_args(
    parser: argparse.ArgumentParser,
    argv: Sequence[str] | None = None,
    nb_dir: str | Path = NB_DIR,
    editions: bool = False,
) -> tuple[argparse.Namespace, list[Path]]:
    """Parse the command line of a script that works on notebooks: its options, then the notebooks chosen.

    Adds the positional arguments of the convention (``NN ...``: the notebooks whose file name contains
    one of them; every notebook when none is given) to ``parser``, parses ``argv`` and selects. With
    ``editions``, also ``--edition en|zh``, which chooses the folder (:data:`EDITIONS`) in place of
    ``nb_dir``.

    Returns
    -------
    tuple
        (the parsed arguments, the chosen notebook paths). When no notebook matches, the script stops with
        exit status 1 and a message saying so.
    """
    parser.add_argument(
        "notebooks",
        nargs="*",
        metavar="NN",
        help="only the notebooks whose file name contains one of these, e.g. 02 (default: every notebook)",
    )
    if editions:
        parser.add_argument(
            "--edition", choices=sorted(EDITIONS), default="en", help="en: notebooks/; zh: notebooks/zh-CN/"
        )
    args = parser.parse_args(argv)
    if editions:
        nb_dir = EDITIONS[args.edition]
    paths = select(args.notebooks, nb_dir)
    if not paths:
        parser.exit(1, f"no notebook matches {' '.join(args.notebooks) or '*.ipynb'} in {nb_dir}\n")
    return args, paths
