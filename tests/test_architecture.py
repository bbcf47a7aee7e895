"""The architecture of the collection holds: one layer for models, one for lessons, checked by tools.

Each test states one rule of the package map at the top of CONTRIBUTING.md. The import contracts and the
type-check settings live in ``pyproject.toml``; these tests run the same tools as ``make lint``.
"""

import ast
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from scripts import nbtools

ROOT = nbtools.ROOT
PACKAGE = ROOT / "nqp_helpers"
VENV_BIN = Path(sys.executable).parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def module_name(path):
    """The dotted name of a module file of the collection ("nqp_helpers.lessons" for its __init__.py)."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
SCRIPTS = sorted((ROOT / "scripts").glob("*.py"))


def run_tool(name):
    """Run a command-line tool of the project's environment from the top folder; (status, its output)."""
    tool = VENV_BIN / name
    if not tool.exists():
        pytest.fail(
            f"{name} is not installed next to {sys.executable}: run `make` to install the environment"
        )
    result = subprocess.run([str(tool)], cwd=ROOT, capture_output=True, text=True, timeout=900)
    return result.returncode, result.stdout + result.stderr


# --------------------------------------------------------------------------- #
# Layers and contracts
# --------------------------------------------------------------------------- #
def test_import_contracts_hold():
    """`lint-imports` passes: models import no figures, widgets or lessons, and the layers (lessons over
    the lab, over accounting, over the data, over growth, over validation) are never imported upwards."""
    status, output = run_tool("lint-imports")
    assert status == 0, output[-4000:]


def test_every_module_is_a_model_or_a_lesson():
    """Every module of nqp_helpers is either in the lesson layer (nqp_helpers.lessons) or listed in the
    "pure numpy" contract of pyproject.toml, so a new model module cannot escape the contract."""
    contracts = PYPROJECT["tool"]["importlinter"]["contracts"]
    pure = next(c for c in contracts if c["name"].startswith("Models are pure numpy"))
    listed = set(pure["source_modules"])
    # the package itself only re-exports the models; listing it would put the lesson layer in the contract
    models = {m for m in MODULES if m != "nqp_helpers" and not m.startswith("nqp_helpers.lessons")}
    assert sorted(models - listed) == [], "add these model modules to the pure-numpy contract"
    assert sorted(listed - set(MODULES)) == [], "the contract lists modules that do not exist"


def bound_modules(tree, importer):
    """Names in a module's code that stand for a module of the package ({local name: module})."""
    bound = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "nqp_helpers":
                    local = alias.asname or alias.name.split(".")[0]
                    bound[local] = alias.name if alias.asname else "nqp_helpers"
        elif isinstance(node, ast.ImportFrom):
            source = imported_from(node, importer)
            for alias in node.names:
                if f"{source}.{alias.name}" in MODULES:
                    bound[alias.asname or alias.name] = f"{source}.{alias.name}"
    return bound


def imported_from(node, importer):
    """The absolute module name an ``ImportFrom`` node imports from."""
    if node.level == 0:
        return node.module or ""
    package = importer if MODULES[importer].name == "__init__.py" else importer.rsplit(".", 1)[0]
    base = package.split(".")
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def dotted(node):
    """'a.b.c' for a chain of names and attributes, None for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        head = dotted(node.value)
        return None if head is None else f"{head}.{node.attr}"
    return None


def is_private(name):
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


#: The two names the gettext convention spells with underscores (nqp_helpers.i18n): public by design.
GETTEXT_NAMES = {("nqp_helpers.i18n", "_"), ("nqp_helpers.i18n", "N_")}


def private_uses(tree, importer):
    """Private names (leading underscore) that a module's code takes from another module of the package."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            source = imported_from(node, importer)
            if source.split(".")[0] != "nqp_helpers":
                continue
            for alias in node.names:
                if f"{source}.{alias.name}" in MODULES:  # a module, such as the helper file _validate
                    continue
                if (source, alias.name) in GETTEXT_NAMES:  # the gettext convention: _() and N_()
                    continue
                if is_private(alias.name) and source != importer:
                    found.append(f"line {node.lineno}: from {source} import {alias.name}")
    bound = bound_modules(tree, importer)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and is_private(node.attr):
            head = dotted(node.value)
            if head is None or head.split(".")[0] not in bound:
                continue
            first, _, rest = head.partition(".")
            module = bound[first] + (f".{rest}" if rest else "")
            if module in MODULES and module != importer:
                found.append(f"line {node.lineno}: {head}.{node.attr}")
    return found


@pytest.mark.parametrize("importer", sorted(MODULES))
def test_no_private_name_crosses_modules(importer):
    """No module of the package uses a private name (leading underscore) of another module of the package:
    what two modules share is public in its one home. Public names of the private helper module
    _validate are fine, and so are gettext's `_` and `N_` from i18n."""
    assert private_uses(ast.parse(MODULES[importer].read_text(encoding="utf-8")), importer) == []


def test_the_private_name_check_sees_both_spellings():
    """The check above catches `from ..data import _pwt` and `data._pwt()`, and lets
    `from .._validate import as_numeric`, gettext's `from ..i18n import _` and `self._draw()` through (a
    check that cannot fail proves nothing)."""
    code = (
        "from ..i18n import _\n"
        "from ..data import _pwt\n"
        "from .. import data\n"
        "from .._validate import as_numeric\n"
        "data._pwt()\n"
        "self._draw()\n"
    )
    assert private_uses(ast.parse(code), "nqp_helpers.lessons.growth") == [
        "line 2: from nqp_helpers.data import _pwt",
        "line 5: data._pwt",
    ]


def test_package_type_checks():
    """mypy passes on the whole package with the settings in pyproject.toml (every function typed)."""
    status, output = run_tool("mypy")
    assert status == 0, output[-4000:]


# --------------------------------------------------------------------------- #
# Scripts and tests
# --------------------------------------------------------------------------- #
def changes_sys_path(tree):
    """Lines where code changes ``sys.path`` (insert, append, extend, assignment, site.addsitedir)."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and dotted(node.func) in {
            "sys.path.insert",
            "sys.path.append",
            "sys.path.extend",
            "site.addsitedir",
        }:
            lines.append(node.lineno)
        elif isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                base = target.value if isinstance(target, ast.Subscript) else target
                if dotted(base) == "sys.path":
                    lines.append(node.lineno)
    return sorted(lines)


@pytest.mark.parametrize("path", [*SCRIPTS, ROOT / "conftest.py"], ids=lambda p: p.name)
def test_no_script_changes_sys_path(path):
    """No script inserts into sys.path: scripts/ is a package run as `python -m scripts.<name>`, and the
    scripts share code through normal imports (`from scripts import nbtools`)."""
    assert changes_sys_path(ast.parse(path.read_text(encoding="utf-8"))) == []


def test_the_sys_path_check_sees_an_insertion():
    """The check above finds `sys.path.insert(...)` and `sys.path[:0] = [...]` (it can fail)."""
    tree = ast.parse("import sys\nsys.path.insert(0, 'x')\nsys.path[:0] = ['y']\nprint(sys.path)")
    assert changes_sys_path(tree) == [2, 3]


CLOCK = {"perf_counter", "perf_counter_ns", "monotonic", "process_time", "last_seconds"}


def reads_clock(node, timed_names=frozenset(), timed_functions=frozenset()):
    """Whether an expression or statement reads a wall clock (time.time, time.perf_counter, an app's
    last_seconds, ...), a name that holds such a reading, or calls a helper that reads one."""
    for sub in ast.walk(node):
        name = dotted(sub) if isinstance(sub, (ast.Attribute, ast.Name)) else None
        if name and (name.split(".")[-1] in CLOCK or name == "time.time" or name in timed_names):
            return True
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name) and sub.func.id in timed_functions:
            return True
    return False


def timed_names(function, timed_functions):
    """Names that a function fills with clock readings (``cold = perf_counter() - t0``,
    ``times.append(app.last_seconds)``, ``best = min(median_update(...) ...)``)."""
    names = set()
    while True:
        found = set()
        for node in ast.walk(function):
            if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)) and node.value is not None:
                if reads_clock(node.value, names, timed_functions):
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    for target in targets:
                        while isinstance(target, (ast.Subscript, ast.Attribute)):
                            target = target.value
                        if isinstance(target, ast.Name):
                            found.add(target.id)
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("append", "extend", "add")
                and isinstance(node.func.value, ast.Name)
                and any(reads_clock(a, names, timed_functions) for a in node.args)
            ):
                found.add(node.func.value.id)
        if found <= names:
            return names
        names |= found


def timing_tests(tree):
    """The test functions of a test module that assert something about a clock reading: a wall-clock
    assertion, made directly or through a helper function that reads the clock."""
    functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    helpers = {f.name for f in functions if not f.name.startswith("test") and reads_clock(f)}
    tests = []
    for f in functions:
        if not f.name.startswith("test"):
            continue
        names = timed_names(f, helpers)
        asserts = [n for n in ast.walk(f) if isinstance(n, ast.Assert)]
        if any(reads_clock(a.test, names, helpers) for a in asserts):
            tests.append(f)
    return tests


def is_marked_perf(function, module_marks):
    marks = [dotted(d.func if isinstance(d, ast.Call) else d) for d in function.decorator_list]
    return "pytest.mark.perf" in marks + module_marks


def module_marks(tree):
    """The marks a test module gives all its tests (``pytestmark = ...``)."""
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(dotted(t) == "pytestmark" for t in node.targets):
            values = node.value.elts if isinstance(node.value, (ast.List, ast.Tuple)) else [node.value]
            return [dotted(v) for v in values]
    return []


def test_every_timing_assertion_is_marked_perf():
    """Every test that asserts a wall-clock time is marked `perf`: `make test` (which deselects them) gives
    the same result on an idle and on a busy machine, and `make bench` runs them."""
    unmarked = []
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        marks = module_marks(tree)
        unmarked += [f"{path.name}::{f.name}" for f in timing_tests(tree) if not is_marked_perf(f, marks)]
    assert unmarked == [], "mark these tests @pytest.mark.perf (and move other assertions out of them)"


def test_the_timing_check_finds_every_spelling():
    """A clock reading asserted directly, through a list, or through a helper is found; a test that only
    measures (to report) and a fixture that waits are not timing assertions."""
    tree = ast.parse(
        "import time\n"
        "def median_update(app):\n    return app.last_seconds\n"
        "def server():\n    return time.time()\n"
        "def test_helper(app):\n    best = min(median_update(app) for _ in range(3))\n"
        "    assert best < 0.25\n"
        "def test_list(app):\n    t = []\n    t.append(app.last_seconds)\n    assert max(t) < 0.25\n"
        "def test_direct():\n    t0 = time.perf_counter()\n    cold = time.perf_counter() - t0\n"
        "    assert cold < 2.0\n"
        "def test_measures_only():\n    t0 = time.perf_counter()\n    print(time.perf_counter() - t0)\n"
        "    assert 1 + 1 == 2\n"
    )
    assert [f.name for f in timing_tests(tree)] == ["test_helper", "test_list", "test_direct"]


def test_perf_marker_is_registered_and_deselected_by_default():
    """pyproject.toml registers the perf marker and deselects it in the default pytest options."""
    options = PYPROJECT["tool"]["pytest"]["ini_options"]
    assert any(m.startswith("perf:") for m in options["markers"])
    assert "-m 'not perf'" in options["addopts"]


def test_notebook_diffs_go_through_nbdime():
    """.gitattributes sends every notebook to the `jupyternotebook` diff and merge drivers, and
    `make nbdime` defines them with nbdime's git drivers from the environment."""
    attributes = (ROOT / ".gitattributes").read_text(encoding="utf-8")
    line = next(ln for ln in attributes.splitlines() if ln.startswith("*.ipynb"))
    assert "diff=jupyternotebook" in line.split() and "merge=jupyternotebook" in line.split()
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nnbdime:", 1)[1].split("\n\n", 1)[0]
    assert "diff.jupyternotebook.command" in recipe and "git-nbdiffdriver diff" in recipe
    assert "merge.jupyternotebook.driver" in recipe and "git-nbmergedriver merge" in recipe


# --------------------------------------------------------------------------- #
# The repository stands alone
# --------------------------------------------------------------------------- #
SHARED = re.compile(r"(?<![\w.-])(?:\.\./)*shared/[\w./-]*")
PARENT = re.compile(r"(?<![\w/.])(?:\.\./)+[\w./-]*")


def user_facing_texts():
    """(file, where, text) for everything a reader of the collection sees: the READMEs and other markdown,
    the notebooks (cells and outputs), the package's docstrings and the scripts' help."""
    markdown = [*ROOT.glob("*.md"), *(ROOT / "instructor").rglob("*.md"), *(ROOT / "classroom").glob("*.md")]
    markdown += list(PACKAGE.rglob("*.md"))
    for path in sorted(markdown):
        yield path, "", path.read_text(encoding="utf-8")
    for path in nbtools.select():
        for i, cell in enumerate(nbtools.read(path).cells):
            yield path, f"cell {i + 1}", nbtools.cell_text(cell)
    for path in [*MODULES.values(), *SCRIPTS]:
        yield path, "", path.read_text(encoding="utf-8")


def outside_references(path, text):
    """Paths in a text that lead out of the repository: the course folder `shared/`, or a relative link
    that climbs above the top folder (markdown and notebooks, whose links are relative to their folder)."""
    found = [m.group(0) for m in SHARED.finditer(text)]
    if path.suffix in (".md", ".ipynb"):
        for m in PARENT.finditer(text):
            target = (path.parent / m.group(0)).resolve()
            if not target.is_relative_to(ROOT):
                found.append(m.group(0))
    return found


def test_no_user_facing_file_points_outside_the_repository():
    """No README, instructor note, notebook, docstring or script help refers to a file outside the
    repository (such as `shared/STYLE.md` or `../shared/source/article.txt`): a clone stands alone."""
    found = []
    for path, where, text in user_facing_texts():
        for ref in outside_references(path, text):
            found.append(f"{path.relative_to(ROOT)} {where}: {ref}".replace(" :", ":"))
    assert found == []


def test_the_outside_reference_check_can_fail():
    """`shared/STYLE.md` and a link above the top folder are caught; a link inside the repository is not."""
    note = ROOT / "instructor" / "note.md"
    assert outside_references(note, "see `shared/STYLE.md` and [x](../../elsewhere.md)") == [
        "shared/STYLE.md",
        "../../elsewhere.md",
    ]
    assert outside_references(note, "[nb](../notebooks/00-start-here.ipynb), a shared folder") == []
