"""Every notebook follows the house anatomy; nbval itself checks the outputs.

These tests read the .ipynb files as JSON (no kernel): they keep the structure
that students and instructors rely on from drifting.
"""

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import navigation  # noqa: E402
from notebook_index import NOTEBOOKS  # noqa: E402

PATHS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def src(cell):
    return "".join(cell["source"])


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def test_every_notebook_is_in_the_index():
    """Each notebook file has an entry in scripts/notebook_index.py (so it appears in the map)."""
    indexed = {e["file"] for e in NOTEBOOKS}
    assert {p.name for p in PATHS} <= indexed


def test_navigation_is_current():
    """Navigation lines and the map in the start notebook match the index (run `make notebooks`)."""
    assert navigation.update(check=True) == []


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_anatomy(path):
    """Navigation first and last, a title, learning goals, time, key points, further reading."""
    cs = cells(path)
    assert "navigation" in tags(cs[0]) and "navigation" in tags(cs[-1])
    text = "\n".join(src(c) for c in cs if c["cell_type"] == "markdown")
    assert re.search(r"^# \S", src(cs[1]), re.M), "the second cell starts with the title"
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
    code = [c for c in cells(path) if c["cell_type"] == "code" and src(c).strip()]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1))
    assert not [o for c in code for o in c.get("outputs", []) if o["output_type"] == "error"]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_widgets_and_solutions_follow_the_conventions(path):
    """Widget cells are NBVAL_IGNORE_OUTPUT; solutions are collapsed; exercises have self-checks."""
    cs = cells(path)
    for c in cs:
        if c["cell_type"] != "code":
            continue
        outputs = c.get("outputs", [])
        if any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs):
            assert src(c).startswith("# NBVAL_IGNORE_OUTPUT"), src(c)[:80]
        if "solution" in tags(c):
            assert c["metadata"].get("jupyter", {}).get("source_hidden") is True
        assert ".set_title(" not in src(c), "captions go in markdown, not in titles"
    checks = [
        c for c in cs if c["cell_type"] == "code" and "solution" not in tags(c) and "answer = None" in src(c)
    ]
    solutions = [c for c in cs if "solution" in tags(c)]
    assert len(solutions) >= len(checks) > 0
