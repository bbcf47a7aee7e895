"""A student copy can never leak an answer (make student, scripts/student_copies.py).

Each test builds a small notebook by hand (nbformat, inside the test), breaks it the way an author could,
and checks one of two endings: the solution is left out of the copy and nothing of it survives, or the
copy is refused with a message that says why. A few copies are also run in a kernel (about two seconds
each), as ``make student`` runs every copy: two small real notebooks (00 and the lab, 05) and the
synthetic leaks that only running can show. The other tests of the students' edition (every real
notebook, the zip, nbval on a copy) are in tests/test_exports.py.
"""

import copy
import hashlib
import json
import re
import subprocess
import sys

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from nqp_helpers.exercises import encode_answer
from scripts import nbtools, student_copies

ROOT = nbtools.ROOT
KEY = encode_answer(41.25, tol=0.05)
ANSWER = "41.25"
EXERCISE = f'answer = None  # replace None with your answer (yuan)\ncheck("1.1", answer, key="{KEY}")'
WORKED = 'value = price * amount\nprint(f"the order costs {value:.2f} yuan")'
CHECKED = f'check("1.1", value, key="{KEY}", record=False)'
SOLUTION = f"{WORKED}\n{CHECKED}"


def md(source, tags=None):
    """A markdown cell (with tags, if given: a list, or anything to store as it is)."""
    return new_markdown_cell(source, metadata={} if tags is None else {"tags": tags})


def code(source, tags=None, hidden=False, printed=None):
    """A code cell; ``printed`` is its stored output, as a run of the original left it."""
    metadata = {} if tags is None else {"tags": tags}
    if hidden:
        metadata["jupyter"] = {"source_hidden": True}
    cell = new_code_cell(source, metadata=metadata)
    if printed is not None:
        cell.outputs = [new_output("stream", name="stdout", text=printed)]
    return cell


def solution(source=SOLUTION, tags=("solution",), hidden=True, printed=True):
    """A solution cell as the collection writes it (tagged, hidden, with its stored output)."""
    text = f"the order costs {ANSWER} yuan\n✓ Exercise 1.1: correct.\n" if printed else None
    return code(source, tags=list(tags) if isinstance(tags, tuple) else tags, hidden=hidden, printed=text)


def lesson(*exercise, before=(), after=()):
    """A small notebook that runs: a title, a setup cell, ``before``, the question of Exercise 1.1, the
    exercise and its solution as ``exercise`` writes them, a heading, then ``after``."""
    cells = [
        md("# Prices\n\nAn order of 33 chairs at 1.25 yuan each."),
        code("from nqp_helpers.exercises import check\n\nprice, amount = 1.25, 33"),
        *before,
        md("**Exercise 1.1.** What does the order cost, in yuan?"),
        *exercise,
        md("## Key points\n\n- A cost is a price times an amount."),
        *after,
    ]
    return new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}})


def leftovers(nb):
    """Everything of a copy a student can read: sources and outputs, as one text."""
    return "\n".join(nbtools.cell_text(c) for c in nb.cells)


def assert_left_out(nb):
    """The copy of ``nb`` is accepted and shows no trace of the solution (its answer, its check, its
    printed line); the exercise cell is still there."""
    student = student_copies.student_notebook(nb)
    assert student_copies.problems(nb, student) == []
    text = leftovers(student)
    assert ANSWER not in text and "record=False" not in text and "the order costs" not in text
    assert "✓" not in text and "value" not in text
    assert [c.source for c in student.cells if nbtools.is_exercise(c)] == [EXERCISE]
    return student


def assert_refused(nb, tmp_path, reason):
    """write() refuses the notebook, naming it and the reason, and writes nothing."""
    path = tmp_path / "99-leaky.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")  # as it is, even if nbformat would not write it
    with pytest.raises(
        ValueError, match=r"99-leaky.ipynb: the student copy would give solutions away"
    ) as info:
        student_copies.write([path], tmp_path / "student", execute=False)
    assert reason in str(info.value)
    assert not (tmp_path / "student").exists()


def test_a_well_made_notebook_gives_a_clean_copy():
    """The fixture itself: its solution is left out, nothing else is, and the copy is accepted."""
    nb = lesson(code(EXERCISE), solution())
    student = assert_left_out(nb)
    assert len(student.cells) == len(nb.cells) - 1
    assert nbtools.exercise_layout(nb).notes == ()


# --------------------------------------------------------------------------- #
# Tags: missing, misspelt, padded
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("hidden", [True, False], ids=["hidden", "shown"])
def test_a_solution_without_its_tag_is_still_left_out(hidden):
    """Leak ruled out: a solution cell whose tag was lost would be copied. Its check of a computed value
    makes it a solution whatever its tags say; the layout notes it so the tag gets fixed."""
    nb = lesson(code(EXERCISE), solution(tags=None, hidden=hidden))
    assert_left_out(nb)
    assert any("so it is a solution: tag it" in note for note in nbtools.exercise_layout(nb).notes)


@pytest.mark.parametrize(
    ("tags", "reason"),
    [
        (["soluton"], "tag 'soluton' looks like a misspelt 'solution'"),
        (["solutions"], "tag 'solutions' looks like a misspelt 'solution'"),
        (["sol"], "tag 'sol' looks like a misspelt 'solution'"),
        ([" solution "], "tag ' solution ' must be written exactly 'solution'"),
        (["Solution"], "tag 'Solution' must be written exactly 'solution'"),
        ("solution", "its tags must be a list of strings; got 'solution'"),
    ],
    ids=["misspelt", "plural", "abbreviated", "padded", "capitalised", "a string"],
)
def test_a_near_miss_tag_is_an_error_and_its_cell_is_left_out(tmp_path, tags, reason):
    """Leak ruled out: a tag that nearly says solution would leave a worked answer with no check call (a
    print) in the copy as an ordinary cell. The copy is refused until the tag is right; the pages and
    slides, which share strip_solutions, leave the cell out meanwhile."""
    nb = lesson(code(EXERCISE), solution(WORKED, tags=None, hidden=False))
    nb.cells[4].metadata["tags"] = tags  # after new_notebook, which would refuse a string
    assert_refused(nb, tmp_path, reason)
    assert ANSWER not in leftovers(student_copies.strip_solutions(nb))


def test_tags_are_compared_after_strip_and_lower():
    """A padded or capitalised solution tag counts as the tag (is_solution), and navigation too."""
    assert nbtools.is_solution(md("x", tags=[" Solution "]))
    assert nbtools.is_navigation(md("x", tags=["Navigation"]))
    assert not nbtools.is_solution(md("x", tags=["answer"]))
    assert nbtools.tag_problems(md("x", tags=["answer", "notebook-map", "solution"])) == []


def test_a_hidden_cell_without_the_tag_is_an_error(tmp_path):
    """Leak ruled out: a hidden, untagged cell that prints the answer without a check call. Hidden code
    is how solutions look; an untagged one is refused."""
    nb = lesson(code(EXERCISE), code(WORKED, hidden=True, printed=f"the order costs {ANSWER} yuan\n"))
    assert_refused(nb, tmp_path, "is hidden like a solution but not tagged 'solution'")


# --------------------------------------------------------------------------- #
# What counts as a solution: any self-check of something but `answer`
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize(
    "source",
    [
        f'answer = price * amount\ncheck("1.1", answer, key="{KEY}", record=False)',
        f'import nqp_helpers.exercises as ex\nex.check("1.1", price * amount, key="{KEY}")',
        f'def solve():\n    return check("1.1", price * amount, key="{KEY}")\n\n\nsolve()',
        f'check("1.1", answer=price * amount, key="{KEY}")',
        'lab_check("1.1", "cost", price * amount, analysis)',
    ],
    ids=["record=False", "module.check", "inside a function", "keyword", "lab_check"],
)
def test_any_check_of_a_computed_value_is_a_solution(source):
    """Leak ruled out: an untagged solution whose check is written another way (record=False on
    `answer`, a module-qualified check, a check inside a function, a keyword argument, a lab_check
    wrapper) would be copied. Each is a solution by what it does."""
    nb = lesson(code(EXERCISE), code(source))
    assert nbtools.is_solution(nb.cells[4]) and not nbtools.is_exercise(nb.cells[4])
    assert_left_out(nb)


@pytest.mark.parametrize(
    "exercise",
    [
        f'my_answer = None\ncheck("1.1", my_answer, key="{KEY}")',
        f'answer = None\ncheck("1.2", answer, key="{KEY}")',
    ],
    ids=["another variable", "another number"],
)
def test_a_solution_without_its_exercise_cell_is_refused(tmp_path, exercise):
    """An exercise cell that does not check `answer` is left out like a solution, so the exercise would
    vanish; a solution whose exercise number no exercise cell asks is refused instead."""
    nb = lesson(code(exercise), solution())
    assert_refused(nb, tmp_path, "checks exercise 1.1, which has no exercise cell")


@pytest.mark.parametrize(
    "source",
    [
        f'%time check("1.1", price * amount, key="{KEY}")',
        f'exec(\'check("1.1", price * amount, key="{KEY}")\')',
        f'check("1.1", price * amount, key="{KEY}"',
    ],
    ids=["magic", "string", "broken code"],
)
def test_a_check_that_cannot_be_read_is_refused(tmp_path, source):
    """Leak ruled out: a solution's check hidden in a magic (%time), in a string (exec) or in code that
    does not parse cannot be read as Python; the copy is refused rather than guessed."""
    nb = lesson(code(EXERCISE), code(source))
    assert_refused(nb, tmp_path, "its self-check is not plain Python")


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        (f'answer = {ANSWER}\ncheck("1.1", answer, key="{KEY}")', "writes out its answer (41.25)"),
        (f'answer = None\nprint(price * amount)\ncheck("1.1", answer, key="{KEY}")', "line 2 is not"),
        (f'check("1.1", answer, key="{KEY}")', "it has no `answer = None` line"),
        (f'answer = None  # about {ANSWER} yuan\ncheck("1.1", answer, key="{KEY}")', "shows '41.25'"),
    ],
    ids=["filled in", "prints", "no answer = None", "answer in a comment"],
)
def test_an_exercise_cell_that_does_more_than_ask_is_refused(tmp_path, source, reason):
    """Leak ruled out: an exercise cell (the one the students keep) that fills in, prints or comments the
    answer. It may hold `answer = None` and its check only."""
    assert_refused(lesson(code(source), solution()), tmp_path, reason)


# --------------------------------------------------------------------------- #
# Split solutions
# --------------------------------------------------------------------------- #
def test_a_solution_split_after_the_exercise_is_left_out_whole():
    """Leak ruled out: a solution split over two cells, of which only the second (the check) is tagged:
    the untagged first half, between the exercise and its check, prints the answer."""
    nb = lesson(code(EXERCISE), code(WORKED, printed=f"the order costs {ANSWER} yuan\n"), solution(CHECKED))
    assert_left_out(nb)


@pytest.mark.parametrize("tagged", [True, False], ids=["check tagged", "nothing tagged"])
def test_a_solution_split_around_the_exercise_is_left_out_whole(tagged):
    """Leak ruled out: the first half of a split solution placed before the exercise cell (after its
    question): it sets names that only the solution reads, so it is part of the solution."""
    first = code(WORKED, printed=f"the order costs {ANSWER} yuan\n")
    nb = lesson(first, code(EXERCISE), solution(CHECKED, tags=["solution"] if tagged else None))
    assert_left_out(nb)
    assert nbtools.exercise_layout(nb).exercises[0].solution == (3, 5)


def test_a_lesson_cell_the_solution_also_reads_is_kept():
    """The split rule takes in only cells whose names nothing kept reads: a lesson cell that a later
    kept cell also uses stays (and no error)."""
    nb = lesson(code(EXERCISE), solution(), before=[code("total = price * amount")], after=[code("total")])
    layout = nbtools.exercise_layout(nb)
    assert 2 not in layout.solutions and layout.errors == ()


def test_unrelated_code_inside_a_solution_is_refused(tmp_path):
    """Leak ruled out: a code cell between an exercise and its solution that is neither tagged nor needed
    only by the solution (it prints the answer on its own)."""
    nb = lesson(code(EXERCISE), code("print(33 * 1.25)"), solution())
    assert_refused(nb, tmp_path, "sits between exercise 1.1 and its solution but is no part of it")


def test_a_cell_that_needs_the_solution_is_refused(tmp_path):
    """Leak ruled out (and a broken copy): a kept cell after the solution that reads its variables."""
    nb = lesson(code(EXERCISE), solution(), after=[code('print(f"{value:.2f} yuan")')])
    assert_refused(nb, tmp_path, "uses 'value', which only a solution cell defines")


# --------------------------------------------------------------------------- #
# Answers written in markdown
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize(
    "cells",
    [
        [md(f"33 × 1.25 = {ANSWER} yuan.", tags=["solution"])],
        [md(f"**Solution.** 33 × 1.25 = {ANSWER} yuan."), solution()],
        [solution(WORKED, printed=False), md(f"So it costs {ANSWER} yuan."), solution(CHECKED)],
    ],
    ids=["tagged markdown", "markdown before the check", "markdown between two solution cells"],
)
def test_a_worked_answer_in_markdown_inside_a_solution_is_left_out(cells):
    """Leak ruled out: a worked answer written in markdown, tagged solution or inside the solution (between
    the exercise cell and its last solution cell)."""
    assert_left_out(lesson(code(EXERCISE), *cells))


@pytest.mark.parametrize(
    "cells",
    [
        [solution(), md(f"So the order costs {ANSWER} yuan.")],
        [md(f"Answer: {ANSWER} yuan")],
        [solution(), md("The order costs 41.3 yuan, give or take.")],
        [solution(), md("The order costs 4125 fen.")],
    ],
    ids=["after the solution", "no solution cell", "rounded", "in fen"],
)
def test_a_markdown_answer_outside_a_solution_is_refused(tmp_path, cells):
    """Leak ruled out: markdown that states the value of the key (a rounding of it that the check
    accepts, or the same digits at a scale of 100) where the exercise is read, outside any solution."""
    assert_refused(lesson(code(EXERCISE), *cells), tmp_path, "which passes the check of exercise 1.1")


def test_numbers_before_the_question_and_after_the_next_heading_are_not_answers():
    """The lesson may show the number an exercise asks to read off (before the question), and a later
    section may mention it; only the exercise's own stretch is read for answers."""
    nb = lesson(code(EXERCISE), solution(), before=[md(f"An order costs {ANSWER} yuan.")])
    nb.cells.append(md(f"In PWT {ANSWER}, ..."))
    assert student_copies.problems(nb, student_copies.student_notebook(nb)) == []


# --------------------------------------------------------------------------- #
# Widget state
# --------------------------------------------------------------------------- #
def test_a_solutions_widget_state_is_left_out():
    """Leak ruled out: a widget shown only by a solution cell keeps its state (here a label holding the
    answer) in the notebook's metadata; the copy drops it and keeps the lesson's widgets."""
    nb = lesson(code(EXERCISE), solution())

    def view(model):
        data = {"application/vnd.jupyter.widget-view+json": {"model_id": model, "version_major": 2}}
        return new_output("display_data", data=data)

    nb.cells[1].outputs = [view("lesson")]
    nb.cells[4].outputs.append(view("answer"))
    label = {"state": {"value": f"{ANSWER} yuan", "layout": "IPY_MODEL_box", "style": "IPY_MODEL_style"}}
    slider = {"state": {"style": "IPY_MODEL_style"}}
    state = {"lesson": slider, "answer": label, "box": {"state": {}}, "style": {"state": {}}}
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": state}}
    student = assert_left_out(nb)
    kept = student.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    assert set(kept) == {"lesson", "style"}  # the style both use stays
    assert set(nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]) == set(state)


# --------------------------------------------------------------------------- #
# The real notebooks
# --------------------------------------------------------------------------- #
PATHS = nbtools.select()


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name[:2])
def test_the_layout_of_every_notebook_agrees_with_its_tags(path):
    """On the collection, what the cells do and what their tags say find the same solution cells, with
    no error and no note."""
    nb = nbtools.read(path)
    layout = nbtools.exercise_layout(nb)
    assert layout.solutions == {i for i, c in enumerate(nb.cells) if "solution" in nbtools.tags(c)}
    assert (layout.errors, layout.notes) == ((), ())
    assert len(layout.exercises) == len([c for c in nb.cells if nbtools.is_exercise(c)]) > 0


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name[:2])
def test_without_any_solution_tag_every_copy_is_the_same(path):
    """Leak ruled out: solution tags missing from a real notebook, notebook 05's lab_check solutions
    included (they pass no record=False): the copy is the same as with the tags, and accepted."""
    nb = nbtools.read(path)
    untagged = copy.deepcopy(nb)
    for cell in untagged.cells:
        cell.metadata["tags"] = [t for t in nbtools.tags(cell) if t != "solution"]
    student = student_copies.student_notebook(untagged)
    assert [c.source for c in student.cells] == [c.source for c in student_copies.student_notebook(nb).cells]
    assert student_copies.problems(untagged, student) == []


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name[:2])
def test_a_misspelt_tag_in_a_real_notebook_is_refused(path):
    """Leak ruled out: one solution tag misspelt in a real notebook is an error, never a kept cell."""
    nb = nbtools.read(path)
    first = next(c for c in nb.cells if "solution" in nbtools.tags(c))
    first.metadata["tags"] = ["soluton"]
    found = student_copies.problems(nb, student_copies.student_notebook(nb))
    assert any("looks like a misspelt 'solution'" in f for f in found)


# --------------------------------------------------------------------------- #
# Running the copies
# --------------------------------------------------------------------------- #
def test_a_copy_whose_self_check_passes_when_run_is_refused(tmp_path):
    """Leak ruled out: a copy in which a self-check passes though no cell shows it: a renamed check
    (`verify`) whose feedback is thrown away, on a value computed before the question. Reading finds
    nothing; running the copy, with every check watched, does."""
    sneaky = code(
        f'from nqp_helpers.exercises import check as verify\n\n_ = verify("1.1", price * amount, "{KEY}")'
    )
    nb = lesson(code(EXERCISE), solution(), before=[sneaky])
    student = student_copies.student_notebook(nb)
    assert student_copies.problems(nb, student) == []
    found = student_copies.execution_problems(student)
    assert "when run, cell 3 of the copy passes the self-check of exercise 1.1" in found
    assert any("the copy records passed exercises" in f for f in found)


def test_a_copy_that_prints_the_answer_when_run_is_refused(tmp_path):
    """Leak ruled out: a kept cell after the exercise whose stored output was cleared (or never run) but
    which prints the answer when a student runs it."""
    nb = lesson(code(EXERCISE), solution(), after=[])
    nb.cells.insert(5, code('print(f"{price * amount:.2f}")'))
    student = student_copies.student_notebook(nb)
    assert student_copies.problems(nb, student) == []
    assert student_copies.execution_problems(student) == [
        "when run, cell 5 of the copy shows '41.25', which passes the check of exercise 1.1"
    ]


def test_a_copy_that_does_not_run_is_refused():
    """A copy that fails when run is refused, with the error."""
    nb = lesson(code(EXERCISE), solution(), after=[code("1 / 0")])
    assert student_copies.execution_problems(student_copies.student_notebook(nb)) == [
        "the copy does not run: ZeroDivisionError: division by zero"
    ]


def test_the_start_notebooks_copy_is_written_after_a_clean_run(tmp_path):
    """A real copy, run as `make student` runs every copy: no error, no pass, no answer shown. (The
    other notebooks are run with NQP_TEST_ALL_STUDENT_COPIES=1, in tests/test_exports.py.)"""
    written = student_copies.write(nbtools.select(["00-"]), tmp_path / "student", execute=True)
    assert [p.name for p in written] == ["00-start-here.ipynb"]


def test_the_lab_copy_is_checked_with_its_run_time_keys(tmp_path):
    """Leak ruled out: notebook 05's answers exist only at run time (lab_check makes each key from the
    student's economy), so no text of the notebook holds them. Its copy, run with every self-check
    watched, shows each lab_check call's key; none passes and nothing is recorded; and a cell planted
    after Exercise 5.1 that prints the answer is the one thing refused."""
    student = student_copies.student_notebook(nbtools.read(nbtools.select(["05"])[0]))
    first = next(i for i, c in enumerate(student.cells) if nbtools.is_exercise(c) and "lab_check" in c.source)
    leak = "shares = analysis.whole.shares\nprint(f\"{100 * (shares['capital'] + shares['labour']):.1f} %\")"
    student.cells.insert(first + 1, code(leak))
    run = student_copies.run_watched(student, tmp_path)
    calls = [c for c in run.metadata["self_checks"] if not c[0].startswith("Q")]  # the lab's own checks
    assert [c[0] for c in calls] == ["5.1", "5.2", "5.3", "5.4"]
    assert all(key.startswith("nqp1:") and not passed for _, key, passed, _ in calls)
    assert [run.cells[cell - 1].source.splitlines()[-1].split("(")[0] for *_, cell in calls] == [
        "lab_check"
    ] * 4
    assert run.metadata["recorded"] == []
    [leak] = student_copies.problems_when_run(run)
    assert re.fullmatch(
        rf"when run, cell {first + 2} of the copy shows '[\d.]+', which passes the check of exercise 5.1",
        leak,
    )


# --------------------------------------------------------------------------- #
# Where the copies go: --out and --zip
# --------------------------------------------------------------------------- #
def snapshot(folder):
    """Every file under a folder with the SHA-256 of its bytes."""
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_out_notebooks_refuses_and_deletes_nothing():
    """`python -m scripts.student_copies --out notebooks 00` (which once deleted notebooks 01-05) stops
    with an error before touching anything: every file in notebooks/ is still there, unchanged."""
    before = snapshot(nbtools.NB_DIR)
    result = subprocess.run(
        [sys.executable, "-m", "scripts.student_copies", "--out", "notebooks", "00"],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=300,
    )  # fmt: skip
    assert result.returncode == 1
    assert "error: --out must not be the notebooks folder" in result.stderr
    assert snapshot(nbtools.NB_DIR) == before


@pytest.mark.parametrize(
    ("out", "reason"),
    [
        (ROOT, "must not be the repository's top folder"),
        (ROOT.parent, "must not be a folder that holds source notebooks"),
        (nbtools.NB_DIR, "must not be the notebooks folder"),
        (nbtools.NB_DIR / "student", "must not be the notebooks folder or a folder inside it"),
    ],
    ids=["repository", "above the repository", "notebooks", "inside notebooks"],
)
def test_out_refuses_the_collections_folders(out, reason):
    """--out refuses the repository, any folder above it, the notebooks folder and any folder in it."""
    with pytest.raises(ValueError, match=reason):
        student_copies.check_out(out)


def test_out_refuses_the_folder_of_its_sources(tmp_path):
    """Copies of notebooks in a folder may not be written over that folder (it holds the sources)."""
    path = tmp_path / "99-safe.ipynb"
    nbtools.write(lesson(code(EXERCISE), solution()), path)
    with pytest.raises(ValueError, match="holds source notebooks"):
        student_copies.write([path], tmp_path, execute=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["99-safe.ipynb"]


def test_out_replaces_only_its_own_files(tmp_path):
    """In an existing folder, write() leaves other files alone, replaces and removes only copies it wrote
    (listed in its manifest, unchanged since), and refuses to overwrite a file it did not write or that
    was changed since."""
    sources = tmp_path / "src"
    sources.mkdir()
    for name in ("98-a.ipynb", "99-b.ipynb"):
        nbtools.write(lesson(code(EXERCISE), solution()), sources / name)
    out = tmp_path / "student"
    out.mkdir()
    (out / "mine.ipynb").write_text("a student's own notebook", encoding="utf-8")
    student_copies.write(sorted(sources.glob("*.ipynb")), out, execute=False)
    assert sorted(student_copies.written_before(out)) == ["98-a.ipynb", "99-b.ipynb", "README.txt"]
    student_copies.write([sources / "98-a.ipynb"], out, execute=False)  # 99-b is no longer in the edition
    assert sorted(p.name for p in out.glob("*.ipynb")) == ["98-a.ipynb", "mine.ipynb"]
    assert (out / "mine.ipynb").read_text(encoding="utf-8") == "a student's own notebook"
    (out / "98-a.ipynb").write_text("changed by hand", encoding="utf-8")
    with pytest.raises(ValueError, match="exists and was not written by this script"):
        student_copies.write([sources / "98-a.ipynb"], out, execute=False)
    assert (out / "98-a.ipynb").read_text(encoding="utf-8") == "changed by hand"
    nbtools.write(lesson(code(EXERCISE), solution()), sources / "mine.ipynb")
    with pytest.raises(ValueError, match="mine.ipynb exists and was not written by this script"):
        student_copies.write([sources / "mine.ipynb"], out, execute=False)


def test_out_refuses_a_link_to_a_notebook(tmp_path):
    """A copy is never written through a symbolic link (it could point at a source notebook)."""
    source = tmp_path / "99-a.ipynb"
    nbtools.write(lesson(code(EXERCISE), solution()), source)
    out = tmp_path / "student"
    out.mkdir()
    (out / "99-a.ipynb").symlink_to(source)
    before = source.read_bytes()
    with pytest.raises(ValueError, match="was not written by this script"):
        student_copies.write([source], out, execute=False)
    assert source.read_bytes() == before


def test_zip_overwrites_only_a_zip_of_copies(tmp_path):
    """--zip refuses to overwrite a file that is not a zip of student copies, and a source notebook."""
    source = tmp_path / "99-a.ipynb"
    nbtools.write(lesson(code(EXERCISE), solution()), source)
    other = tmp_path / "notes.zip"
    other.write_text("not a zip", encoding="utf-8")
    with pytest.raises(ValueError, match="not a zip of student copies"):
        student_copies.write([source], tmp_path / "student", zip_path=other, execute=False)
    with pytest.raises(ValueError, match="must not be in the notebooks folder or be a source notebook"):
        student_copies.write([source], tmp_path / "student", zip_path=source, execute=False)
    zip_path = tmp_path / "student.zip"
    for _ in range(2):  # the second run replaces the zip of the first
        student_copies.write([source], tmp_path / "student", zip_path=zip_path, execute=False)
    assert other.read_text(encoding="utf-8") == "not a zip"


def test_the_manifest_lists_what_was_written(tmp_path):
    """The manifest names each file written with the SHA-256 of its bytes (sha256sum's format), and
    nothing else; a manifest that names a path outside the folder is refused, not followed."""
    source = tmp_path / "99-a.ipynb"
    nbtools.write(lesson(code(EXERCISE), solution()), source)
    out = tmp_path / "student"
    student_copies.write([source], out, execute=False)
    lines = (out / student_copies.MANIFEST).read_text(encoding="utf-8").splitlines()
    listed = dict(reversed(line.split("  ")) for line in lines)
    assert listed == {p.name: h for p, h in snapshot(out).items() if p.name != student_copies.MANIFEST}
    (out / student_copies.MANIFEST).write_text(f"{'0' * 64}  ../99-a.ipynb\n", encoding="utf-8")
    with pytest.raises(ValueError, match="is damaged"):
        student_copies.write([source], out, execute=False)
    assert source.exists()
