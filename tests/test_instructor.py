"""The instructors' kit (instructor/) stays true to the notebooks and the package.

The answer files must be current and give, for every exercise, the answer that the notebook's own solution
cell checks; every notebook has a seminar plan whose timing fits in 90 minutes; every widget move a plan
describes is replayed with the package and must print what the plan says; and every decimal number a plan
quotes must come from a notebook, an answers file or a replayed widget.
"""

import ast
import functools
import re
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from nqp_helpers.exercises import check, decode_answer  # noqa: E402
from scripts import instructor_answers as ia  # noqa: E402
from scripts import nbtools  # noqa: E402

ROOT = nbtools.ROOT
ENTRIES = nbtools.existing_entries()
IDS = [e["file"].split("-")[0] for e in ENTRIES]  # "00", "00a", "01", ...
KIT = ROOT / "instructor"
NUMBER = re.compile(r"(?<![\d.])\d+\.\d+")


@functools.cache
def notebook(name):
    return nbtools.read(nbtools.NB_DIR / name)


def answers_text(entry):
    return ia.answers_path(entry).read_text(encoding="utf-8")


def plan_path(entry):
    return KIT / (Path(entry["file"]).stem + ".md")


def sections(text):
    """{exercise number: its section of an answers file}."""
    parts = re.split(r"^## (Exercise|Question) ", text, flags=re.MULTILINE)[1:]
    return {
        ("Q" if kind == "Question" else "") + p.split("\n", 1)[0].strip(): p
        for kind, p in zip(parts[::2], parts[1::2], strict=True)
    }


def table_after(lines, start):
    """Rows (lists of cell strings) of the first markdown table at or after line ``start``, header first."""
    i = start
    while i < len(lines) and not lines[i].lstrip().startswith("|"):
        i += 1
    rows = []
    while i < len(lines) and lines[i].lstrip().startswith("|"):
        cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
        if not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
            rows.append(cells)
        i += 1
    return rows


def timing_rows(text):
    """(block, minutes) rows of a plan's timing table, and the stated total (or None)."""
    lines = text.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.strip() == "## Timing")
    rows = table_after(lines, start)
    col = [c.lower() for c in rows[0]].index("minutes")
    blocks, total = [], None
    for row in rows[1:]:
        if row[0].lower() == "total":
            total = int(row[col])
        else:
            blocks.append((row[0], int(row[col])))
    return blocks, total


def plain(html):
    text = re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>", " ", html or ""))
    return " ".join(text.split())


def widget_demos(text):
    """[(factory expression, [(moves dict, [quoted note snippets]), ...]), ...] from a plan."""
    lines = text.splitlines()
    demos = []
    for i, line in enumerate(lines):
        m = re.match(r"^### Widget: `(.+)`\s*$", line)
        if not m:
            continue
        rows = table_after(lines, i + 1)
        header = [c.lower() for c in rows[0]]
        move_col, note_col = header.index("move"), header.index("the note under the figure shows")
        steps = []
        for row in rows[1:]:
            moves = {}
            for token in re.findall(r"`([^`]+)`", row[move_col]):
                name, value = token.split("=", 1)
                moves[name.strip()] = ast.literal_eval(value.strip())
            steps.append((moves, re.findall(r'"([^"]+)"', row[note_col])))
        demos.append((m.group(1), steps))
    return demos


def import_namespace(nb):
    """A namespace with every name the notebook imports (imports only; nothing else is run)."""
    body = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            try:
                tree = ast.parse(cell.source)
            except SyntaxError:
                continue
            body += [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    namespace = {}
    exec(compile(ast.Module(body=body, type_ignores=[]), "<imports>", "exec"), namespace)
    return namespace


@functools.cache
def replay(entry_file):
    """Replay every widget demo of a plan: [(expression, step, moves, snippets, note, values)]."""
    entry = next(e for e in ENTRIES if e["file"] == entry_file)
    nb = notebook(entry_file)
    namespace = import_namespace(nb)
    results = []
    for expression, steps in widget_demos(plan_path(entry).read_text(encoding="utf-8")):
        app = eval(expression, namespace)
        for number, (moves, snippets) in enumerate(steps, start=1):
            if moves:
                app.set(**moves)
            results.append((expression, number, moves, snippets, plain(app.note.value), app.values))
    return tuple(results)


@functools.cache
def corpus():
    """Every decimal number shown in a notebook (markdown, code, stored text) or in an answers file."""
    found = set()
    for entry in ENTRIES:
        for cell in notebook(entry["file"]).cells:
            found.update(NUMBER.findall(cell.source))
            if cell.cell_type == "code":
                found.update(NUMBER.findall(nbtools.printed_text(cell)))
        found.update(NUMBER.findall(answers_text(entry)))
    return found


# --- answers -------------------------------------------------------------------------------------------


def test_answers_are_current():
    """instructor/answers/ is what `python -m scripts.instructor_answers` writes from the notebooks as they
    are now."""
    assert ia.main(["--check"]) == 0


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_every_exercise_and_key_is_in_the_answers(entry):
    """Every self-check key and every exercise number used in the notebook appears in its answers file."""
    nb, text = notebook(entry["file"]), answers_text(entry)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    keys = set(nbtools.answer_keys(code))
    numbers = nbtools.exercise_numbers(code)
    assert all(k in text for k in keys), "a key of the notebook is missing from its answers file"
    assert numbers == set(sections(text)), "the answers file does not list exactly the notebook's exercises"
    assert numbers, "every notebook of the collection has exercises"


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_questions_are_quoted_verbatim(entry):
    """The question shown for each exercise is text from one of the notebook's markdown cells, unchanged."""
    markdown = [c.source for c in notebook(entry["file"]).cells if c.cell_type == "markdown"]
    for number, section in sections(answers_text(entry)).items():
        block = section.split("**Question** (verbatim from the notebook):\n\n", 1)[1].split("\n\n**", 1)[0]
        question = "\n".join(ln[2:] if ln.startswith("> ") else ln.lstrip(">") for ln in block.splitlines())
        assert question.strip(), f"exercise {number} has no question"
        assert any(question.strip() in m for m in markdown), f"exercise {number}: question not verbatim"


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_every_exercise_has_a_solution_that_passes(entry):
    """Each exercise has a solution cell that checks the same key and whose stored output says correct."""
    for ex in ia.find_exercises(notebook(entry["file"])):
        assert ex.solution_source is not None, f"exercise {ex.number} has no solution cell"
        if ex.kind == "check":
            assert ex.key in ex.solution_source, f"exercise {ex.number}: the solution checks another key"
        assert ex.passed, f"exercise {ex.number}: the solution's stored output does not say correct"


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_decoded_answer_matches_what_the_solution_prints(entry):
    """The answer decoded from each key is a number the solution cell itself printed (within the key's
    tolerance), the answers file states it exactly, and the rounded value it shows passes the self-check."""
    found = sections(answers_text(entry))
    for ex in ia.find_exercises(notebook(entry["file"])):
        if ex.kind != "check":
            continue
        payload = decode_answer(ex.key)
        if payload["kind"] == "choice":  # the right option and every option's feedback are listed
            assert f"**Answer: ({payload['answer']})**" in found[ex.number]
            assert all(message in found[ex.number] for message in payload["options"].values())
            assert check(ex.number, payload["answer"], ex.key, record=False).passed
            continue
        if payload["kind"] == "text":  # accepted forms are listed; the first one passes the check
            assert all(f"`{a}`" in found[ex.number] for a in payload["answer"])
            assert check(ex.number, payload["answer"][0], ex.key, record=False).passed
            continue
        values = payload["answer"] if payload["kind"] == "numbers" else [payload["answer"]]
        printed = [
            float(x)
            for line in ex.solution_output.splitlines()
            if not line.startswith("✓")
            for x in re.findall(r"-?\d+(?:\.\d+)?", line)
        ]
        for v in values:
            tol = payload["tol"] if payload["tol"] is not None else payload["rel_tol"] * abs(v)
            assert any(abs(p - v) <= tol for p in printed), f"exercise {ex.number}: {v} is not printed"
        stated = values[0] if payload["kind"] == "number" else values
        assert f"Stored in the key as {stated!r}." in found[ex.number]
        shown = re.search(r"\*\*Answer: \[?([^\]*]+)\]?\*\*", found[ex.number]).group(1)
        typed = [float(x) for x in shown.split(",")]
        answer = typed[0] if payload["kind"] == "number" else typed
        assert check(ex.number, answer, ex.key, record=False).passed, f"exercise {ex.number}: rounded fails"


def test_lab_answers_are_the_default_economys_values(monkeypatch, tmp_path):
    """For lab_check exercises the answers file gives the value the package computes for the notebook's
    default economy; that value passes lab_check, and (except the fastest decade, which the notebook draws
    but does not print) it is the number the notebook's stored tables show."""
    from nqp_helpers.lab import LAB_QUESTIONS, analyse_economy, lab_check

    monkeypatch.setenv("NQP_PROGRESS_FILE", str(tmp_path / "progress.json"))
    lab = [e for e in ENTRIES if any(x.kind == "lab" for x in ia.find_exercises(notebook(e["file"])))]
    assert lab, "the lab notebook has lab_check exercises"
    for entry in lab:
        nb = notebook(entry["file"])
        analysis = analyse_economy(*ia.lab_default(nb))
        found = sections(answers_text(entry))
        outputs = "\n".join(nbtools.printed_text(c) for c in nb.cells if c.cell_type == "code")
        for ex in ia.find_exercises(nb):
            if ex.kind != "lab":
                continue
            value = float(LAB_QUESTIONS[ex.lab_question][1](analysis))
            assert f"Computed as `lab_check` computes it: {value!r}." in found[ex.number]
            assert lab_check(ex.number, ex.lab_question, value, analysis).passed
            if ex.lab_question == "fastest_period":
                assert value in [a for a, _ in analysis.periods]
            else:
                assert re.search(rf"(?<![\d.])({value:.2f}|{value:.1f})(?!\d)", outputs), ex.number


# --- plans ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_every_notebook_has_a_plan_that_fits_in_90_minutes(entry):
    """Each notebook has instructor/<notebook>.md whose timing table sums to at most 90 minutes."""
    path = plan_path(entry)
    assert path.exists(), f"no plan {path.name}"
    blocks, total = timing_rows(path.read_text(encoding="utf-8"))
    assert len(blocks) >= 4 and all(m > 0 for _, m in blocks)
    assert sum(m for _, m in blocks) <= 90
    assert total is None or total == sum(m for _, m in blocks), "the total row disagrees with the blocks"


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_plan_has_every_part(entry):
    """A plan has learning goals, a demonstration order, 4-6 discussion questions with notes,
    misconceptions, homework, and a widget to project wherever the notebook has one."""
    text = plan_path(entry).read_text(encoding="utf-8")
    for heading in (
        "## Learning goals",
        "## Timing",
        "## What to demonstrate",
        "## Discussion questions",
        "## Common misconceptions",
        "## Homework",
    ):
        assert re.search(rf"^{re.escape(heading)}", text, re.MULTILINE), heading
    discussion = text.split("## Discussion questions", 1)[1].split("\n## ", 1)[0]
    questions = re.findall(r"^\d+\. \*\*", discussion, re.MULTILINE)
    assert 4 <= len(questions) <= 6
    assert discussion.count("*Notes") == len(questions), "every discussion question has notes"
    has_widget = any(
        "NBVAL_IGNORE_OUTPUT" in c.source for c in nbtools.read(nbtools.NB_DIR / entry["file"]).cells
    )
    assert bool(widget_demos(text)) == has_widget, "the plan projects a widget where the notebook has one"


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_plan_widgets_are_the_notebooks_and_show_what_the_plan_says(entry):
    """Every widget a plan projects is built by the same call as in the notebook's widget cell; replaying
    the plan's moves with the package, every control reaches the value named (a slider can be moved
    there) and the note under the figure contains the quoted text."""
    nb = notebook(entry["file"])
    widget_cells = [" ".join(c.source.split()) for c in nb.cells if "NBVAL_IGNORE_OUTPUT" in c.source]
    for expression, _ in widget_demos(plan_path(entry).read_text(encoding="utf-8")):
        assert any(" ".join(expression.split()) in cell for cell in widget_cells), expression
    for expression, step, moves, snippets, note, values in replay(entry["file"]):
        where = f"{expression}, step {step}"
        for name, value in moves.items():
            got = values[name]
            if isinstance(value, float):
                assert abs(got - value) < 1e-9, f"{where}: {name} cannot be set to {value}"
            else:
                assert tuple(got) == value if isinstance(value, tuple) else got == value, where
        assert snippets, f"{where}: no quoted note"
        for snippet in snippets:
            assert " ".join(snippet.split()) in note, f"{where}: {snippet!r} not in {note!r}"


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_plan_numbers_come_from_the_notebooks(entry):
    """Every decimal number in a plan is shown in a notebook, in an answers file, or by a replayed widget
    move of the plan (nothing is quoted from memory)."""
    sources = set(corpus())
    for _, _, moves, _, note, _ in replay(entry["file"]):
        sources.update(NUMBER.findall(note))
        sources.update(NUMBER.findall(repr(moves)))
    numbers = set(NUMBER.findall(plan_path(entry).read_text(encoding="utf-8")))
    assert numbers - sources == set()


def test_readme_overview_matches_the_plans():
    """The kit's README lists every notebook with its plan's minutes, and its key results are numbers the
    notebooks show."""
    text = (KIT / "README.md").read_text(encoding="utf-8")
    lines = text.splitlines()
    rows = table_after(lines, next(i for i, ln in enumerate(lines) if ln.strip() == "## The sessions"))
    header = [c.lower() for c in rows[0]]
    minutes = {r[0].split()[0]: int(r[header.index("minutes")]) for r in rows[1:]}  # "00a Python primer"
    assert set(minutes) == set(IDS)
    for entry in ENTRIES:
        blocks, _ = timing_rows(plan_path(entry).read_text(encoding="utf-8"))
        assert minutes[entry["file"].split("-")[0]] == sum(m for _, m in blocks)
    results = " ".join(r[header.index("key result")] for r in rows[1:])
    assert set(NUMBER.findall(results)) - corpus() == set()


def test_links_in_the_kit_resolve():
    """Every relative link in instructor/ points to an existing file."""
    for path in KIT.rglob("*.md"):
        prose = re.sub(r"(?s)```.*?```|`[^`\n]*`", "", path.read_text(encoding="utf-8"))  # not code
        for target in re.findall(r"\]\(([^)#\s]+)\)", prose):
            if "://" not in target:
                assert (path.parent / target).resolve().exists(), f"{path.name}: broken link {target}"


def test_students_copies_never_include_the_kit(tmp_path):
    """`make student` (python -m scripts.student_copies) writes notebooks and a README only: nothing from
    instructor/, and no answers file."""
    out = tmp_path / "student"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "scripts.student_copies",
            "--out",
            str(out),
            "--zip",
            str(tmp_path / "student.zip"),
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    import zipfile

    names = [p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()]
    names += zipfile.ZipFile(tmp_path / "student.zip").namelist()
    assert names
    assert not [n for n in names if "instructor" in n or "answers" in n.lower()]
    assert {Path(n).suffix for n in names} <= {".ipynb", ".txt"}
