"""The two commands a student needs, the same on Windows, macOS and Linux, in any folder.

Run from the collection's top folder (on Windows ``py`` in place of ``python``)::

    python -m scripts.dev lab      # set up (first time), then open JupyterLab on the start notebook
    python -m scripts.dev test     # set up (first time), then every test (what `make test` runs)
    python -m scripts.dev setup    # only the set-up

The set-up checks that Python is 3.11 or newer, creates the virtual environment ``.venv`` with the
Python that runs this command, installs the pinned environment into it (``requirements.txt`` with the
full lock ``constraints.txt``, and the package itself, editable), and copies the collection's JupyterLab
settings (``jupyter/overrides.json``) into it, and fetches the Chinese edition's font
(:mod:`scripts.fonts`). It then writes a stamp, ``.venv/.installed``, with a hash
of those input files and the folder of the environment: a second run with nothing changed goes straight
to the work, and a changed pin, or a collection moved to another folder (which breaks a virtual
environment), sets it up again. ``make lab`` and ``make test`` call this script.

``test`` runs, in order and stopping at the first failure: the offline web assets (fetched if npm is
there, else the export tests are skipped), ruff, the import contracts (``lint-imports``), the types
(``mypy``) and pytest; arguments after ``test`` go to pytest (``python -m scripts.dev test -- -x``).

With conda, create and activate the environment (``environment.yml``), then add ``--no-venv``: the
commands then run in the active environment, which is not changed except for the JupyterLab settings.

Every program is started with its arguments as a list (no shell, so no quoting), and every path is built
with :mod:`pathlib`, so that a folder whose name has spaces or Chinese characters works. This file
imports nothing outside the standard library at the top, and is written so that an old Python can read
it and say that it is too old.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shlex
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Callable, Sequence
from pathlib import Path, PurePath

ROOT = Path(__file__).resolve().parent.parent
#: The oldest Python the collection runs on.
MIN_PYTHON = (3, 11)
#: The files whose content decides whether the environment must be set up again.
STAMP_INPUTS = ("requirements.txt", "constraints.txt", "pyproject.toml", "jupyter/overrides.json")


# --------------------------------------------------------------------------- #
# Where things are
# --------------------------------------------------------------------------- #
def python_problem(version: tuple[int, ...] = sys.version_info[:3], platform: str = sys.platform) -> str:
    """What is wrong with this Python for the collection ('' if nothing), with what to do about it.

    >>> python_problem((3, 10, 4), "win32").startswith("Python 3.11 or newer is needed; this is 3.10.4")
    True
    """
    if tuple(version[:2]) >= MIN_PYTHON:
        return ""
    found = ".".join(str(part) for part in version[:3])
    need = ".".join(str(part) for part in MIN_PYTHON)
    if platform == "win32":
        advice = (
            f"install Python {need} or newer from python.org (it brings the `py` launcher), then run "
            "`py -0` to list the versions you have and, for example, `py -3.12 -m scripts.dev lab`."
        )
    else:
        advice = (
            f"install Python {need} or newer (python.org, your package manager, or `brew install "
            "python` on macOS), then run this command with it, for example `python3.12 -m scripts.dev lab`; "
            "with make: `make lab PYTHON=python3.12`."
        )
    return f"Python {need} or newer is needed; this is {found}. To fix it, {advice}"


def bin_dir(prefix: PurePath, platform: str = sys.platform) -> PurePath:
    """The folder of an environment's programs: ``Scripts`` on Windows, ``bin`` elsewhere."""
    return prefix / ("Scripts" if platform == "win32" else "bin")


def venv_python(venv: PurePath, platform: str = sys.platform) -> PurePath:
    """The Python of a virtual environment: ``Scripts\\python.exe`` on Windows, ``bin/python`` elsewhere.

    >>> from pathlib import PureWindowsPath
    >>> str(venv_python(PureWindowsPath(r"C:\\courses\\nqp\\.venv"), "win32"))
    'C:\\\\courses\\\\nqp\\\\.venv\\\\Scripts\\\\python.exe'
    """
    return bin_dir(venv, platform) / ("python.exe" if platform == "win32" else "python")


def program(scripts: PurePath, name: str, platform: str = sys.platform) -> PurePath:
    """A program that pip installed into an environment's ``scripts`` folder (``name.exe`` on Windows)."""
    return scripts / (f"{name}.exe" if platform == "win32" else name)


def settings_file(prefix: PurePath) -> PurePath:
    """Where JupyterLab looks for the settings that override its defaults, in one environment.

    The same relative place on every system (``share/jupyter/lab/settings`` under the environment).
    """
    return prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


def shown(cmd: list[str], platform: str = sys.platform) -> str:
    """A command as the user would type it in their shell (only to show it: nothing runs through a shell)."""
    return subprocess.list2cmdline(cmd) if platform == "win32" else shlex.join(cmd)


class Environment:
    """The environment the commands run in: the collection's ``.venv``, or the active one (``--no-venv``).

    Parameters
    ----------
    root : Path
        The collection's top folder.
    use_venv : bool
        True: ``root/.venv``, created and installed when needed. False: the Python running this script
        and its environment (conda), used as it is.
    platform : str
        ``sys.platform`` of the machine (a parameter so that tests can ask for Windows' layout).
    """

    def __init__(self, root: Path = ROOT, use_venv: bool = True, platform: str = sys.platform) -> None:
        self.root = root
        self.use_venv = use_venv
        self.platform = platform
        if use_venv:
            self.prefix = root / ".venv"
            self.python = Path(venv_python(self.prefix, platform))
            self.scripts = Path(bin_dir(self.prefix, platform))
        else:
            self.prefix = Path(sys.prefix)
            self.python = Path(sys.executable)
            self.scripts = Path(sysconfig.get_path("scripts"))
        self.stamp = self.prefix / ".installed"
        self.settings = Path(settings_file(self.prefix))

    def program(self, name: str) -> Path:
        """A program installed in this environment (``lint-imports``, ...)."""
        return Path(program(self.scripts, name, self.platform))

    def test_commands(self, pytest_args: Sequence[str] = ()) -> list[list[str]]:
        """The steps of ``test``, as argument lists, in the order they run (what ``make test`` runs)."""
        py = str(self.python)
        return [
            [py, "-m", "scripts.fetch_web_assets", "--optional"],
            [py, "-m", "ruff", "check", "."],
            [str(self.program("lint-imports"))],
            [py, "-m", "mypy"],
            [py, "-m", "pytest", *pytest_args],
        ]

    def lab_command(self, lab_args: Sequence[str] = ()) -> list[str]:
        """The command that opens JupyterLab (:mod:`scripts.lab`) in this environment."""
        return [str(self.python), "-m", "scripts.lab", *lab_args]

    def install_commands(self) -> list[list[str]]:
        """pip's steps of the set-up: pip itself, the pinned environment with its lock, the package;
        then the Chinese edition's font (:mod:`scripts.fonts`, fetched from PyPI and checked)."""
        py = str(self.python)
        pip = [py, "-m", "pip", "install", "--quiet"]
        return [
            [*pip, "--upgrade", "pip"],
            [*pip, "-r", "requirements.txt", "-c", "constraints.txt"],
            [*pip, "--no-deps", "-e", "."],
            self.font_command(),
        ]

    def font_command(self) -> list[str]:
        """The step that fetches the Chinese font if it is missing (:mod:`scripts.fonts`)."""
        return [str(self.python), "-m", "scripts.fonts"]

    def fingerprint(self) -> dict[str, str]:
        """What the stamp records: a hash of :data:`STAMP_INPUTS` and the folder of the environment."""
        digest = hashlib.sha256()
        for name in STAMP_INPUTS:
            digest.update(name.encode("utf-8") + b"\0" + (self.root / name).read_bytes() + b"\0")
        return {"inputs": digest.hexdigest(), "environment": str(self.prefix)}

    def recorded(self) -> dict[str, str] | None:
        """The stamp's record, or None if there is none or it cannot be read."""
        try:
            value = json.loads(self.stamp.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return value if isinstance(value, dict) else None


# --------------------------------------------------------------------------- #
# Running
# --------------------------------------------------------------------------- #
class StepFailed(Exception):
    """A step ended with a non-zero exit code (the code is ``returncode``)."""

    def __init__(self, cmd: list[str], returncode: int) -> None:
        super().__init__(f"{cmd[0]} ... exited with {returncode}")
        self.cmd = cmd
        self.returncode = returncode


def run(cmd: list[str], cwd: Path, platform: str = sys.platform) -> None:
    """Show ``cmd`` and run it in ``cwd`` (no shell); raise :class:`StepFailed` if it fails."""
    print(shown(cmd, platform), flush=True)
    returncode = subprocess.run(cmd, cwd=cwd).returncode
    if returncode != 0:
        raise StepFailed(cmd, returncode)


def setup(env: Environment, runner: Callable[[list[str], Path, str], None] = run) -> bool:
    """Set the environment up unless the stamp says it already is; return whether anything was done.

    Parameters
    ----------
    env : Environment
    runner : callable
        Runs one command, ``runner(cmd, cwd, platform)``: :func:`run`, or a test's stand-in that records.
    """
    fingerprint = env.fingerprint()
    record = env.recorded()
    if record == fingerprint and env.python.exists() and env.settings.exists():
        return False
    if env.use_venv:
        moved = record is not None and record.get("environment") != str(env.prefix)
        inside = Path(sys.prefix).resolve() == env.prefix.resolve()  # this script runs in .venv itself
        if not inside and (moved or not env.python.exists()):
            # none yet, or one made in another folder (its programs name that folder): make it afresh
            runner([sys.executable, "-m", "venv", "--clear", str(env.prefix)], env.root, env.platform)
        for cmd in env.install_commands():
            runner(cmd, env.root, env.platform)
    else:
        runner(env.font_command(), env.root, env.platform)
    env.settings.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(env.root / "jupyter" / "overrides.json", env.settings)
    if env.use_venv:
        env.stamp.write_text(json.dumps(fingerprint, indent=1) + "\n", encoding="utf-8")
    return True


def main(argv: Sequence[str] | None = None) -> int:
    problem = python_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    # a path the console cannot show is escaped, not fatal (a code page without Chinese characters)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = argparse.ArgumentParser(
        prog="python -m scripts.dev",
        description="Set up the collection, then open JupyterLab (lab) or run every test (test).",
        epilog="On Windows type `py` in place of `python`. Other arguments go to pytest (test) or to "
        "scripts.lab (lab: --port, --no-browser); put them after `--` if they could be taken for ours.",
        allow_abbrev=False,
    )
    parser.add_argument("command", choices=("setup", "lab", "test"))
    parser.add_argument(
        "--no-venv",
        action="store_true",
        help="use the active environment (conda) as it is, instead of creating and using .venv",
    )
    options, extra = parser.parse_known_args(argv)
    if options.command == "setup" and extra:
        parser.error(f"setup takes no other arguments; got {' '.join(extra)}")
    env = Environment(ROOT, use_venv=not options.no_venv)
    try:
        if setup(env):
            print(f"The environment in {env.prefix} is ready.", flush=True)
        if options.command == "test":
            for cmd in env.test_commands(extra):
                run(cmd, ROOT, env.platform)
        elif options.command == "lab":
            from scripts.lab import hand_over

            return hand_over(env.lab_command(extra), ROOT)
    except StepFailed as exc:
        print(
            f"\nStopped: `{shown(exc.cmd, env.platform)}` failed (exit code {exc.returncode}).",
            file=sys.stderr,
        )
        return exc.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
