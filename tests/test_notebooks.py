"""Every notebook follows the house anatomy; nbval itself checks the outputs.

These tests read the .ipynb files (no kernel) with the scripts' notebook toolkit,
which defines what a solution cell, an exercise cell and a navigation cell are:
they keep the structure that students and instructors rely on from drifting.
"""

import argparse
import re
import shutil

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from scripts import navigation, nbtools, slides
from scripts.notebook_index import NOTEBOOKS

PATHS = [nbtools.NB_DIR / entry["file"] for entry in NOTEBOOKS]


def cells(path):
    return nbtools.read(path).cells


def test_every_notebook_is_in_the_index():
    """Each notebook file has an entry in scripts/notebook_index.py (so it appears in the map)."""
    indexed = [e["file"] for e in NOTEBOOKS]
    assert sorted(p.name for p in nbtools.NB_DIR.glob("*.ipynb")) == sorted(indexed)
    assert indexed == sorted(indexed), "reading order is the order of the file names"


def test_navigation_is_current():
    """Navigation lines and the map in the start notebook match the index (run `make notebooks`)."""
    assert navigation.update(check=True) == []


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_anatomy(path):
    """Navigation first and last, a title, learning goals, time, key points, further reading."""
    cs = cells(path)
    assert nbtools.is_navigation(cs[0]) and nbtools.is_navigation(cs[-1])
    text = "\n".join(c.source for c in cs if c.cell_type == "markdown")
    assert re.search(r"^# \S", cs[1].source, re.M), "the second cell starts with the title"
    for heading in (
        "**You will learn**",
        "**Time**",
        "## Key points",
        "## Further reading",
        "## For the seminar",
    ):
        assert heading in text, heading


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_outputs_come_from_one_clean_run(path):
    """Execution counts run 1, 2, 3, ... and no cell stored an error."""
    code = [c for c in cells(path) if c.cell_type == "code" and c.source.strip()]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    assert not [o for c in code for o in c.get("outputs", []) if o["output_type"] == "error"]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_widgets_and_solutions_follow_the_conventions(path):
    """Widget cells are NBVAL_IGNORE_OUTPUT; solutions are collapsed, code and outputs; exercises have
    self-checks."""
    cs = cells(path)
    for c in cs:
        if c.cell_type != "code":
            continue
        outputs = c.get("outputs", [])
        if any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs):
            assert c.source.startswith("# NBVAL_IGNORE_OUTPUT"), c.source[:80]
        if nbtools.is_solution(c):
            assert c.metadata.get("jupyter", {}).get("source_hidden") is True
            assert c.metadata.get("jupyter", {}).get("outputs_hidden") is True, "a solution shows its output"
        assert ".set_title(" not in c.source, "captions go in markdown, not in titles"
    checks = [c for c in cs if nbtools.is_exercise(c)]
    solutions = [c for c in cs if nbtools.is_solution(c)]
    assert len(solutions) >= len(checks) > 0


def _prefix(path):
    """The number a notebook's figures and questions carry: "2" for 02-..., "P" for the primer."""
    stem = path.name.split("-")[0]
    return "P" if stem.endswith("a") else str(int(stem))


def _exercises_heading(cs):
    return next(
        (i for i, c in enumerate(cs) if c.cell_type == "markdown" and c.source.startswith("## Exercises")),
        len(cs),
    )


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_questions_are_asked_where_the_idea_is_taught(path):
    """Two to four in-flow checks (numbered Q<notebook>.<k>) per notebook, each before the exercises at the
    end, each a multiple choice whose every option has its own feedback, each with a hidden solution."""
    from nqp_helpers.exercises import IN_FLOW_NUMBER, check, decode_answer

    nb = nbtools.read(path)
    layout = nbtools.exercise_layout(nb)
    in_flow = [e for e in layout.exercises if e.number and IN_FLOW_NUMBER.fullmatch(e.number)]
    assert 2 <= len(in_flow) <= 4, f"{len(in_flow)} in-flow checks"
    end = _exercises_heading(nb.cells)
    for k, exercise in enumerate(in_flow, start=1):
        assert exercise.number == f"Q{_prefix(path)}.{k}", "numbered in order, with the notebook's number"
        assert exercise.cell < end, f"{exercise.number} sits among the exercises at the end"
        assert exercise.solution, f"{exercise.number} has no solution cell"
        keys = nbtools.answer_keys(nb.cells[exercise.cell].source)
        payload = decode_answer(keys[0])
        assert payload["kind"] == "choice" and len(payload["options"]) >= 2
        question = nb.cells[exercise.question].source
        for label, message in payload["options"].items():
            assert f"({label})" in question, f"{exercise.number}: option ({label}) is not in its question"
            assert f"\n\n({label}) " in question, f"{exercise.number}: option ({label}) is not a paragraph"
            # the callback: each option gets its own feedback; only the right one passes
            feedback = check(exercise.number, label, keys[0], record=False)
            assert feedback.passed is (label == payload["answer"]) and message in feedback.message
        solved = "".join(nb.cells[j].source for j in exercise.solution)
        assert f'check("{exercise.number}", "{payload["answer"]}"' in solved, "the solution gives the answer"


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_scaffolds_are_comments_just_before_their_exercise(path):
    """A scaffold cell runs no code (nbval and the students' copies are unaffected) and sits right before
    the exercise cell of the exercise it names."""
    import ast

    cs = cells(path)
    for i, cell in enumerate(cs):
        m = re.match(r"# Scaffold for Exercise (\S+):", cell.source) if cell.cell_type == "code" else None
        if not m:
            continue
        assert ast.parse(cell.source).body == [], f"cell {i + 1}: a scaffold holds only comments"
        assert "___" in cell.source, f"cell {i + 1}: a scaffold has blanks to fill"
        nxt = cs[i + 1]
        assert nbtools.is_exercise(nxt), f"cell {i + 1}: a scaffold comes just before its exercise cell"
        assert f'check("{m[1]}"' in nxt.source, f"cell {i + 1}: the scaffold names exercise {m[1]}"


#: A figure's caption: "**Figure 2.3.**" at the start of a markdown line.
CAPTION = re.compile(r"^\*\*Figure (?P<number>(?P<notebook>\w+)\.\d+)\.\*\*", re.MULTILINE)


def test_figure_numbers_are_unique_across_the_collection():
    """Every caption's number is used once in the whole collection and starts with its notebook's number."""
    seen = {}
    for path in PATHS:
        for cell in cells(path):
            if cell.cell_type != "markdown":
                continue
            for m in CAPTION.finditer(cell.source):
                assert m["notebook"] == _prefix(path), f"{path.name}: Figure {m['number']}"
                assert m["number"] not in seen, f"Figure {m['number']} in {path.name} and {seen[m['number']]}"
                seen[m["number"]] = path.name
    assert len(seen) > 20


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_every_figure_says_what_to_notice(path):
    """A caption is followed, in its cell or the next, by what the reader should notice in the figure."""
    cs = [c.source if c.cell_type == "markdown" else "" for c in cells(path)]
    for i, text in enumerate(cs):
        for m in CAPTION.finditer(text):
            after = text[m.end() :] + (cs[i + 1] if i + 1 < len(cs) else "")
            assert re.search(r"\*\*What (to notice|the data show)", after), f"Figure {m['number']}"


def test_the_structural_rules_can_fail(tmp_path):
    """The caption and in-flow rules above catch a duplicate figure number and a misplaced question."""
    assert CAPTION.search("**Figure 2.3.** A caption")["notebook"] == "2"
    assert _exercises_heading([new_markdown_cell("text"), new_markdown_cell("## Exercises")]) == 1


# --------------------------------------------------------------------------- #
# The notebook toolkit of the scripts (scripts/nbtools.py)
# --------------------------------------------------------------------------- #
KEY = "nqp1:AbC-d_e="


def test_the_three_kinds_of_cell_are_defined_once():
    """A solution cell is tagged solution; an exercise cell is code calling check( or a *_check( wrapper
    and is no solution; an answer key is nqp1: followed by URL-safe base64."""
    solution = new_code_cell(f'check("2.3", 4.0, key="{KEY}", record=False)', metadata={"tags": ["solution"]})
    exercise = new_code_cell(f'answer = None  # your answer (% per year)\ncheck("2.3", answer, key="{KEY}")')
    lab = new_code_cell('answer = None\nlab_check("5.1", "growth", answer, analysis)')
    assert nbtools.is_solution(solution) and not nbtools.is_exercise(solution)
    assert nbtools.is_exercise(exercise) and nbtools.is_exercise(lab) and not nbtools.is_solution(exercise)
    assert not nbtools.is_exercise(new_code_cell("app.check_inputs(1)"))
    assert not nbtools.is_exercise(new_markdown_cell('check("2.3", answer, key=k)'))
    assert nbtools.answer_keys(exercise.source + solution.source) == [KEY, KEY]
    assert nbtools.exercise_numbers(exercise.source + lab.source) == {"2.3", "5.1"}
    assert nbtools.CHECK_CALL.search(exercise.source)["key"] == KEY
    assert nbtools.LAB_CALL.search(lab.source)["question"] == "growth"


def test_printed_text_is_what_a_reader_sees_under_a_cell():
    """printed_text keeps streams and plain-text results and drops a figure's "<Figure ...>" stand-in;
    output_texts also keeps HTML, which could carry an answer."""
    cell = new_code_cell("x")
    cell.outputs = [
        new_output("stream", name="stdout", text="TFP growth: 1.20 % per year\n"),
        new_output("display_data", data={"image/png": "iVBOR", "text/plain": "<Figure size 630x360>"}),
        new_output("execute_result", data={"text/plain": "3.5", "text/html": "<b>3.5</b>"}),
    ]
    assert nbtools.printed_text(cell) == "TFP growth: 1.20 % per year\n3.5"
    assert nbtools.output_texts(cell)[-1] == "<b>3.5</b>"
    assert nbtools.cell_text(cell).startswith("x\nTFP growth")


def test_notebooks_are_chosen_by_number():
    """`02` chooses the notebook whose file name contains 02, `02 04` two of them, nothing every notebook
    (`00` also chooses the primer `00a-...`; `00-` only the start notebook);
    a number that matches nothing stops the script with status 1."""
    assert [p.name[:2] for p in nbtools.select(["02"])] == ["02"]
    assert [p.name[:2] for p in nbtools.select(["04", "02"])] == ["02", "04"]
    assert nbtools.select() == sorted(nbtools.NB_DIR.glob("*.ipynb"))
    parser = argparse.ArgumentParser()
    parser.add_argument("--out")
    args, paths = nbtools.parse_args(parser, ["--out", "x", "00", "05"])
    assert args.out == "x" and [p.name.split("-")[0] for p in paths] == ["00", "00a", "05"]
    assert [p.name for p in nbtools.select(["00-"])] == ["00-start-here.ipynb"]
    with pytest.raises(SystemExit) as stop:
        nbtools.parse_args(argparse.ArgumentParser(), ["99"])
    assert stop.value.code == 1


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_reading_and_writing_changes_no_byte(path, tmp_path):
    """A notebook read and written by the toolkit (nbformat) is byte for byte the file Jupyter wrote, so the
    scripts that edit notebooks change only what they mean to."""
    nbtools.write(nbtools.read(path), tmp_path / path.name)
    assert (tmp_path / path.name).read_bytes() == path.read_bytes()


def test_navigation_rewrites_a_stale_cell_through_nbformat(tmp_path, monkeypatch):
    """A navigation cell edited by hand is rewritten from the index, and the file is then exactly what it
    was (nothing else in the notebook changes)."""
    folder = tmp_path / "notebooks"
    shutil.copytree(nbtools.NB_DIR, folder)
    monkeypatch.setattr(navigation, "NB_DIR", folder)
    path = folder / PATHS[2].name
    nb = nbtools.read(path)
    nb.cells[0].source = "edited by hand"
    nbtools.write(nb, path)
    assert navigation.update(check=True) == [path.name]
    assert navigation.update() == [path.name]
    assert path.read_bytes() == PATHS[2].read_bytes()


def test_run_executes_a_notebook_in_its_own_folder(tmp_path):
    """run() executes every cell in a fresh kernel started in the notebook's folder, stores the outputs
    with execution counts from 1, and drops the run-time metadata."""
    path = tmp_path / "tiny.ipynb"
    nb = new_notebook(cells=[new_code_cell("import os\nprint(os.getcwd())"), new_code_cell("1 + 1")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbtools.write(nb, path)
    nbtools.run(path)
    done = nbtools.read(path)
    assert nbtools.printed_text(done.cells[0]) == str(tmp_path)
    assert nbtools.printed_text(done.cells[1]) == "2"
    assert [c.execution_count for c in done.cells] == [1, 2]
    assert all("execution" not in c.metadata for c in done.cells)


def test_slide_metadata_is_current():
    """Every notebook's slide types are what `make slide-metadata` sets from its structure (`make notebooks`
    refreshes them), so a live slideshow never shows a stale layout."""
    assert slides.update_notebooks(sorted(nbtools.NB_DIR.glob("*.ipynb")), check=True) == []


def test_hide_solutions_collapses_code_and_output_and_is_idempotent():
    """`hide_solutions` sets source_hidden and outputs_hidden on a solution cell (only there), reports a
    change once, and nothing the second time."""
    nb = new_notebook(
        cells=[
            new_code_cell('answer = None\ncheck("1.1", answer, key="nqp1:x")'),
            new_code_cell('check("1.1", 2.0, key="nqp1:x", record=False)', metadata={"tags": ["solution"]}),
        ]
    )
    assert nbtools.hide_solutions(nb) is True
    assert nb.cells[1].metadata["jupyter"] == {"source_hidden": True, "outputs_hidden": True}
    assert "jupyter" not in nb.cells[0].metadata
    assert nbtools.hide_solutions(nb) is False
