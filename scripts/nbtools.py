"""The notebook toolkit every script and test uses: what the cells of the collection are, and how a
notebook is read, written, run and chosen on the command line.

What the cells are (the one definition of each):

- a **solution cell** is a cell tagged ``solution``: collapsed in JupyterLab, left out of the students'
  copies, the offline pages and the slides;
- an **exercise cell** is a code cell, not a solution, that calls the self-check ``check(`` or a wrapper
  named like ``lab_check(``: the cell where a student replaces ``answer = None`` with an answer;
- an **answer key** is the text ``nqp1:...`` that :func:`nqp_helpers.exercises.encode_answer` makes and
  :func:`nqp_helpers.exercises.check` reads;
- a **navigation cell** is a markdown cell tagged ``navigation`` (the first and the last of each notebook),
  written by :mod:`scripts.navigation`.

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
import re
from collections.abc import Sequence
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from scripts.notebook_index import NOTEBOOKS

ROOT = Path(__file__).resolve().parent.parent
NB_DIR = ROOT / "notebooks"

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

_TEXT_MIMES = ("text/plain", "text/html", "text/markdown")
_PICTURE_MIMES = {"image/png", "application/vnd.jupyter.widget-view+json"}


# --------------------------------------------------------------------------- #
# What a cell is
# --------------------------------------------------------------------------- #
def tags(cell: NotebookNode) -> list[str]:
    """The tags of a cell (an empty list if it has none)."""
    return list(cell.get("metadata", {}).get("tags", []))


def is_solution(cell: NotebookNode) -> bool:
    """Whether a cell is a solution cell: tagged ``solution``."""
    return SOLUTION_TAG in tags(cell)


def is_navigation(cell: NotebookNode) -> bool:
    """Whether a cell is a navigation cell: tagged ``navigation``."""
    return NAVIGATION_TAG in tags(cell)


def is_exercise(cell: NotebookNode) -> bool:
    """Whether a cell is an exercise cell: code calling ``check(`` or a ``*_check(`` wrapper; no solution."""
    return cell.cell_type == "code" and bool(SELF_CHECK.search(cell.source)) and not is_solution(cell)


def answer_keys(text: str) -> list[str]:
    """The answer keys in a text, in order."""
    return ANSWER_KEY.findall(text)


def exercise_numbers(text: str) -> set[str]:
    """The exercise numbers that the self-check calls in a text name ("2.3", "5.1", ...)."""
    return {m["number"] for m in CHECK_NUMBER.finditer(text)}


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


def execute(nb: NotebookNode, folder: str | Path | None = None, timeout: int = 600) -> NotebookNode:
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

    Returns
    -------
    NotebookNode
        ``nb`` itself, without the run-time metadata ("execution") that would change at every run.
    """
    from nbclient import NotebookClient

    resources = {"metadata": {"path": str(folder)}} if folder is not None else {}
    NotebookClient(nb, timeout=timeout, kernel_name="python3", resources=resources).execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    return nb


def run(path: str | Path) -> None:
    """Re-execute a notebook file in place, from its own folder, and store its outputs."""
    path = Path(path)
    nb = read(path)
    execute(nb, path.parent)
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
    return [e for e in NOTEBOOKS if (Path(nb_dir) / e["file"]).exists()]


def parse_args(
    parser: argparse.ArgumentParser, argv: Sequence[str] | None = None, nb_dir: str | Path = NB_DIR
) -> tuple[argparse.Namespace, list[Path]]:
    """Parse the command line of a script that works on notebooks: its options, then the notebooks chosen.

    Adds the positional arguments of the convention (``NN ...``: the notebooks whose file name contains
    one of them; every notebook when none is given) to ``parser``, parses ``argv`` and selects.

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
    args = parser.parse_args(argv)
    paths = select(args.notebooks, nb_dir)
    if not paths:
        parser.exit(1, f"no notebook matches {' '.join(args.notebooks) or '*.ipynb'} in {nb_dir}\n")
    return args, paths
