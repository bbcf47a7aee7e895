"""The one entry point, scripts/dev.py: the same two commands on Windows, macOS and Linux, in any folder.

Only Linux runs these tests (and CI). The Windows and macOS rules (the layout of a virtual environment,
program names, how a command line is quoted, how the lab is handed over) are tested by asking for that
platform's rules with the ``platform`` argument, not by pretending to run on Windows.
"""

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from scripts import dev

ROOT = Path(__file__).resolve().parent.parent
#: A folder with spaces and Chinese characters, as a student's Windows or Linux machine may have it.
ODD_WINDOWS = PureWindowsPath(r"C:\Users\张 三\课程 资料\新质 生产力")
ODD_POSIX = PurePosixPath("/home/张 三/课程 资料/新质 生产力")


# --------------------------------------------------------------------------- #
# Where things are, per platform
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize(
    ("platform", "root", "python", "lint_imports"),
    [
        ("linux", ODD_POSIX, ".venv/bin/python", ".venv/bin/lint-imports"),
        ("darwin", ODD_POSIX, ".venv/bin/python", ".venv/bin/lint-imports"),
        ("win32", ODD_WINDOWS, r".venv\Scripts\python.exe", r".venv\Scripts\lint-imports.exe"),
    ],
)
def test_virtual_environment_layout_per_platform(platform, root, python, lint_imports):
    """A venv keeps Python and pip's programs in Scripts\\ with .exe on Windows, in bin/ elsewhere;
    JupyterLab's settings are under share/jupyter/lab/settings on every platform."""
    venv = root / ".venv"
    assert dev.venv_python(venv, platform) == root / python
    assert dev.program(dev.bin_dir(venv, platform), "lint-imports", platform) == root / lint_imports
    assert dev.settings_file(venv) == venv / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


def test_windows_command_line_keeps_an_odd_path_in_one_argument():
    """On Windows a command is one string (CreateProcess); a path with spaces and Chinese characters is
    quoted as one argument, and the plain arguments are left alone."""
    python = dev.venv_python(ODD_WINDOWS / ".venv", "win32")
    line = dev.shown([str(python), "-m", "scripts.lab", "--port", "8899"], "win32")
    assert (
        line == r'"C:\Users\张 三\课程 资料\新质 生产力\.venv\Scripts\python.exe" -m scripts.lab --port 8899'
    )
    assert subprocess.list2cmdline([str(python)]) == f'"{python}"'


def test_posix_command_line_quotes_the_same_path_for_the_shell():
    """On Linux and macOS the command is shown as a shell would need it (it runs as a list, never
    through a shell): the odd path is single-quoted."""
    python = dev.venv_python(ODD_POSIX / ".venv", "linux")
    assert dev.shown([str(python), "-m", "pytest"], "linux") == f"'{python}' -m pytest"


@pytest.mark.parametrize("platform", ["linux", "darwin", "win32"])
def test_every_step_is_an_argument_list_with_the_environments_programs(tmp_path, platform):
    """Each step is a list of arguments (no shell, no quoting), run with the environment's own Python
    (and lint-imports), and a folder with spaces and Chinese characters stays one argument."""
    root = tmp_path / "学生 课程" / "新 质"
    env = dev.Environment(root, platform=platform)
    python = str(root / ".venv" / ("Scripts/python.exe" if platform == "win32" else "bin/python"))
    steps = [*env.install_commands(), *env.test_commands(["-x"]), env.lab_command(["--no-browser"])]
    for cmd in steps:
        assert isinstance(cmd, list) and all(isinstance(arg, str) for arg in cmd)
        assert cmd[0] in (python, str(env.program("lint-imports")))
    assert str(env.program("lint-imports")).endswith(
        "lint-imports.exe" if platform == "win32" else "lint-imports"
    )


def test_test_runs_the_steps_of_make_test_in_order():
    """`test` runs what `make test` ran: web assets (optional), ruff, lint-imports, mypy, then pytest
    with the arguments given."""
    env = dev.Environment(ROOT, platform="linux")
    py = str(env.python)
    assert env.test_commands(["-x", "tests/test_growth.py"]) == [
        [py, "-m", "scripts.fetch_web_assets", "--optional"],
        [py, "-m", "ruff", "check", "."],
        [str(ROOT / ".venv" / "bin" / "lint-imports")],
        [py, "-m", "mypy"],
        [py, "-m", "pytest", "-x", "tests/test_growth.py"],
    ]
    assert env.lab_command() == [py, "-m", "scripts.lab"]


def test_setup_installs_the_pinned_environment_with_its_lock():
    """pip installs pip, then requirements.txt under constraints.txt, then the package itself, editable
    and without dependencies (paths relative to the collection, which is the working folder); then the
    Chinese font."""
    env = dev.Environment(ROOT, platform="win32")
    pip = [str(env.python), "-m", "pip", "install", "--quiet"]
    assert env.install_commands() == [
        [*pip, "--upgrade", "pip"],
        [*pip, "-r", "requirements.txt", "-c", "constraints.txt"],
        [*pip, "--no-deps", "-e", "."],
        [str(env.python), "-m", "scripts.fonts"],
    ]


# --------------------------------------------------------------------------- #
# The stamp: a second run is instant; a change or a move sets up again
# --------------------------------------------------------------------------- #
@pytest.fixture
def collection(tmp_path):
    """A throw-away collection (the stamp's input files only) in a folder with spaces and Chinese."""
    root = tmp_path / "学生 课程" / "新 质"
    for name in dev.STAMP_INPUTS:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / name, root / name)
    return root


class Recorder:
    """Stands in for dev.run: records each command; 'python -m venv' makes the environment's Python."""

    def __init__(self):
        self.commands = []

    def __call__(self, cmd, cwd, platform):
        self.commands.append(cmd)
        if cmd[1:3] == ["-m", "venv"]:
            python = dev.venv_python(Path(cmd[-1]), platform)
            python.parent.mkdir(parents=True, exist_ok=True)
            python.write_text("", encoding="utf-8")


@pytest.mark.parametrize("platform", ["linux", "win32"])
def test_setup_runs_once_then_skips_until_an_input_changes(collection, platform):
    """First run: venv, pip (3 steps), the font, settings, stamp. Second run: nothing. After constraints.txt
    changes: pip again into the same environment, no new venv."""
    env = dev.Environment(collection, platform=platform)
    first = Recorder()
    assert dev.setup(env, runner=first) is True
    assert first.commands[0] == [sys.executable, "-m", "venv", "--clear", str(collection / ".venv")]
    assert first.commands[1:] == env.install_commands()
    assert env.settings.read_bytes() == (ROOT / "jupyter" / "overrides.json").read_bytes()
    assert json.loads(env.stamp.read_text(encoding="utf-8")) == env.fingerprint()

    again = Recorder()
    assert dev.setup(env, runner=again) is False and again.commands == []

    with open(collection / "constraints.txt", "a", encoding="utf-8") as fh:
        fh.write("# a changed pin\n")
    changed = Recorder()
    assert dev.setup(env, runner=changed) is True
    assert changed.commands == env.install_commands()


def test_setup_makes_a_fresh_environment_when_the_collection_moved(collection):
    """A venv made in another folder names that folder in its programs: the stamp records the folder,
    and a moved collection gets its environment made afresh (venv --clear), then installed."""
    env = dev.Environment(collection, platform="linux")
    dev.setup(env, runner=Recorder())
    record = json.loads(env.stamp.read_text(encoding="utf-8"))
    record["environment"] = "/somewhere/else/.venv"
    env.stamp.write_text(json.dumps(record), encoding="utf-8")
    moved = Recorder()
    assert dev.setup(env, runner=moved) is True
    assert moved.commands[0] == [sys.executable, "-m", "venv", "--clear", str(collection / ".venv")]


def test_an_old_or_damaged_stamp_means_install_again(collection):
    """The empty stamp the old Makefile wrote (or any unreadable one) is not trusted: pip runs again."""
    env = dev.Environment(collection, platform="linux")
    dev.setup(env, runner=Recorder())
    env.stamp.write_text("", encoding="utf-8")
    assert env.recorded() is None
    again = Recorder()
    assert dev.setup(env, runner=again) is True and again.commands == env.install_commands()


def test_no_venv_uses_the_active_environment_and_installs_nothing(collection, tmp_path):
    """--no-venv (conda): the running Python and its programs; no venv, no pip install, only the
    Chinese font (downloaded, not installed) and the settings."""
    env = dev.Environment(collection, use_venv=False)
    assert env.python == Path(sys.executable)
    env.settings = tmp_path / "settings" / "overrides.json"  # not the real environment's
    env.stamp = tmp_path / "stamp"
    recorder = Recorder()
    assert dev.setup(env, runner=recorder) is True
    assert recorder.commands == [env.font_command()]
    assert env.settings.exists() and not env.stamp.exists()


# --------------------------------------------------------------------------- #
# Running, and failing clearly
# --------------------------------------------------------------------------- #
def test_a_failing_step_raises_with_its_exit_code(tmp_path):
    """run() runs the list in the given folder (spaces and Chinese in its name) and raises StepFailed
    carrying the program's exit code."""
    folder = tmp_path / "学生 课程"
    folder.mkdir()
    dev.run(
        [sys.executable, "-c", "import os, sys; sys.exit(0 if os.getcwd().endswith('学生 课程') else 9)"],
        folder,
    )
    with pytest.raises(dev.StepFailed) as exc:
        dev.run([sys.executable, "-c", "raise SystemExit(3)"], folder)
    assert exc.value.returncode == 3


def test_test_stops_at_the_first_failing_step_with_its_code(monkeypatch, capsys):
    """`test` stops at the first step that fails (as make does) and exits with that step's code."""
    ran = []

    def fake_run(cmd, cwd, platform=sys.platform):
        ran.append(cmd)
        if len(ran) == 2:
            raise dev.StepFailed(cmd, 4)

    monkeypatch.setattr(dev, "setup", lambda env: False)
    monkeypatch.setattr(dev, "run", fake_run)
    assert dev.main(["test"]) == 4
    assert [cmd[1:3] for cmd in ran] == [["-m", "scripts.fetch_web_assets"], ["-m", "ruff"]]
    assert "Stopped:" in capsys.readouterr().err


def test_an_old_python_is_refused_with_what_to_do(monkeypatch, capsys):
    """Below Python 3.11 nothing is set up; the message names the version and, on Windows, the py
    launcher's way to choose a newer one; elsewhere, how to give make another Python."""
    assert dev.python_problem((3, 11, 0)) == "" and dev.python_problem((3, 13, 1), "win32") == ""
    windows = dev.python_problem((3, 9, 13), "win32")
    assert windows.startswith("Python 3.11 or newer is needed; this is 3.9.13.")
    assert "py -0" in windows and "py -3.12 -m scripts.dev lab" in windows
    assert "make lab PYTHON=python3.12" in dev.python_problem((3, 10, 2), "darwin")

    monkeypatch.setattr(dev, "python_problem", lambda: "Python 3.11 or newer is needed; this is 3.10.2.")
    monkeypatch.setattr(dev, "setup", lambda env: pytest.fail("set up with an old Python"))
    assert dev.main(["test"]) == 1
    assert "3.10.2" in capsys.readouterr().err


def test_the_entry_point_can_be_read_by_an_old_python():
    """scripts/dev.py parses as Python 3.7 code and imports only the standard library at the top, so
    that an old Python gets to the version check and its message, not a SyntaxError or ImportError."""
    source = (ROOT / "scripts" / "dev.py").read_text(encoding="utf-8")
    tree = ast.parse(source, feature_version=(3, 7))
    top = [node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)]
    names = {alias.name.split(".")[0] for node in top if isinstance(node, ast.Import) for alias in node.names}
    names |= {node.module.split(".")[0] for node in top if isinstance(node, ast.ImportFrom) and node.module}
    assert names - {"__future__"} <= sys.stdlib_module_names, names - sys.stdlib_module_names


def test_help_names_the_commands():
    """`python -m scripts.dev --help` runs and names setup, lab, test, --no-venv and the py launcher."""
    out = subprocess.run(
        [sys.executable, "-m", "scripts.dev", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout
    for word in ("setup", "lab", "test", "--no-venv", "py"):
        assert word in out


# --------------------------------------------------------------------------- #
# make, the README and CI say the same
# --------------------------------------------------------------------------- #
def recipe(makefile, target):
    """The recipe lines of a Makefile target."""
    block = makefile.split(f"\n{target}:", 1)[1].split("\n\n", 1)[0]
    return [line.strip() for line in block.splitlines()[1:] if line.startswith("\t")]


def test_make_lab_and_make_test_only_call_the_entry_point():
    """`make lab` and `make test` are one-line calls of scripts.dev; the stamp rule the other targets
    depend on calls its set-up."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert recipe(makefile, "lab") == ["$(PYTHON) -m scripts.dev lab --edition $(EDITION)"]
    assert recipe(makefile, "test") == ["$(PYTHON) -m scripts.dev test"]
    assert recipe(makefile, "$(STAMP)")[0] == "$(PYTHON) -m scripts.dev setup"


@pytest.mark.skipif(
    shutil.which("make") is None, reason="make is not installed (the Windows route needs none)"
)
def test_make_dry_run_shows_the_entry_point():
    """`make -n lab test` prints the two calls of the entry point with the chosen Python; EDITION=zh
    asks for the Chinese edition's start notebook."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")
    }  # under make test

    def dry_run(*args):
        return subprocess.run(
            ["make", "--no-print-directory", "-n", *args, "PYTHON=python3.12"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
        ).stdout.splitlines()

    assert dry_run("lab", "test") == [
        "python3.12 -m scripts.dev lab --edition en",
        "python3.12 -m scripts.dev test",
    ]
    zh = dry_run("lab", "EDITION=zh")
    assert zh == ["python3.12 -m scripts.dev lab --edition zh"]


def test_readme_gives_the_same_commands_everywhere():
    """The README's quick start shows make lab / make test, the Windows commands with py, the conda
    route's test command, and the progress file's place on Windows."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## The notebooks", 1)[0]
    for command in ("make lab", "make test", "py -m scripts.dev lab", "py -m scripts.dev test"):
        assert f"`{command}`" in quick, command
    assert "`python -m scripts.dev test --no-venv`" in quick
    assert r"%USERPROFILE%\.nqp_helpers\progress.json" in quick


def test_ci_runs_the_readme_test_command_in_an_odd_folder_with_an_odd_home():
    """.ci/run clones the collection into a folder with spaces and Chinese characters and runs
    `make test` there, with HOME a folder of the same kind."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    here = ci.split('here="', 1)[1].split('"', 1)[0]
    home = ci.split('home="', 1)[1].split('"', 1)[0]
    for folder in (here, home):
        assert " " in folder and any("\u4e00" <= ch <= "\u9fff" for ch in folder), folder
    assert 'git clone --quiet . "$here"' in ci and 'HOME="$home" make test' in ci
