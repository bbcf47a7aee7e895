"""Build the classroom's environment in ``_build/classroom/`` (run by ``make classroom-test``).

What it makes (all ignored by git, all removed by ``make clean``):

- ``venv/``: the collection's pinned environment (``requirements.txt`` with the full lock
  ``constraints.txt``) plus the classroom's exact pins (``classroom/requirements-user.txt``,
  ``classroom/requirements-hub.txt``, locked by ``classroom/constraints.txt``) and the collection's
  package, installed editable as ``make`` does. The hub and every student's server run from it.
- ``chp/``: configurable-http-proxy from the npm registry, exactly as ``classroom/proxy/package-lock.json``
  pins it (``npm ci``: versions and sha512 checksums of every package).
- ``python/``: only when needed, a copy of the interpreter. Students' servers run as the
  students, not as root, so the interpreter must be readable by every user. An interpreter
  under a private folder (pyenv in ``/root``, for example) is copied here, standard library
  included, and its library search path (``RUNPATH``) is pointed at the copy: the same
  in-place rewrite that Debian's ``chrpath`` does.

    python classroom/setup_env.py --python python3     # build or bring up to date
    python classroom/setup_env.py --lock               # rewrite classroom/constraints.txt
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from nqp_classroom import blocked_for_others  # noqa: E402

BUILD = ROOT / "_build" / "classroom"
VENV = BUILD / "venv"
PORTABLE = BUILD / "python"
CHP_DIR = BUILD / "chp"
CHP = CHP_DIR / "node_modules" / ".bin" / "configurable-http-proxy"
REQUIREMENTS = [ROOT / "requirements.txt", HERE / "requirements-user.txt", HERE / "requirements-hub.txt"]
CONSTRAINTS = [ROOT / "constraints.txt", HERE / "constraints.txt"]

INFO = (
    "import json, sys, sysconfig; print(json.dumps({'base_prefix': sys.base_prefix, "
    "'executable': sys.executable, 'version': list(sys.version_info[:3]), "
    "'ldlibrary': sysconfig.get_config_var('LDLIBRARY') or '', "
    "'libdir': sysconfig.get_config_var('LIBDIR') or ''}))"
)


def run(cmd, **kw):
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def interpreter_info(python):
    """Facts about an interpreter: its base prefix, real executable, version and shared library."""
    out = subprocess.run(
        [python, "-c", INFO], check=True, capture_output=True, text=True, encoding="utf-8"
    ).stdout
    info = json.loads(out)
    # sys.executable of a pyenv shim is the real interpreter; resolve links to find its file
    info["real"] = str(Path(info["executable"]).resolve())
    return info


def rewrite_runpath(binary, old, new):
    """Replace the library search path ``old`` by ``new`` inside an ELF file, in place.

    ``new`` must not be longer than ``old``: the string table entry is overwritten and padded
    with NUL bytes, so no offset in the file moves (what ``chrpath -r`` does).
    """
    data = Path(binary).read_bytes()
    needle = old.encode() + b"\0"
    if data.count(needle) != 1:
        raise SystemExit(
            f"expected the library path {old!r} exactly once in {binary}; found {data.count(needle)}"
        )
    if len(new) > len(old):
        raise SystemExit(f"cannot write the longer path {new!r} over {old!r} in {binary}")
    Path(binary).write_bytes(data.replace(needle, new.encode() + b"\0" * (len(old) - len(new) + 1)))


def portable_interpreter(info):
    """Copy a privately installed interpreter where every user can run it; returns its path."""
    major_minor = "python{}.{}".format(*info["version"][:2])
    prefix = Path(info["base_prefix"])
    exe = PORTABLE / "bin" / major_minor
    stamp = PORTABLE / "source.json"
    if (
        exe.exists()
        and stamp.exists()
        and json.loads(stamp.read_text(encoding="utf-8")) == {"from": info["real"]}
    ):
        return exe
    print(f"{info['real']} is not readable by other users ({blocked_for_others(info['real'])} blocks them);")
    print(f"copying the interpreter to {PORTABLE} so that students' servers can run it")
    shutil.rmtree(PORTABLE, ignore_errors=True)
    (PORTABLE / "bin").mkdir(parents=True)
    shutil.copy2(info["real"], exe)
    lib = PORTABLE / "lib"
    lib.mkdir()
    if info["ldlibrary"].endswith(".so") or ".so." in info["ldlibrary"]:
        for so in Path(info["libdir"]).glob(info["ldlibrary"].split(".so")[0] + ".so*"):
            shutil.copy2(so, lib / so.name, follow_symlinks=True)
    shutil.copytree(
        prefix / "lib" / major_minor,
        lib / major_minor,
        ignore=shutil.ignore_patterns(
            "site-packages", "test", "config-*", "__pycache__", "idlelib", "turtledemo"
        ),
    )
    (lib / major_minor / "site-packages").mkdir()
    # an interpreter built with --enable-shared finds its library through an absolute RUNPATH
    # into the private prefix: point it at the copy instead
    if (info["libdir"] + "\0").encode() in exe.read_bytes():
        rewrite_runpath(exe, info["libdir"], "$ORIGIN/../lib")
    for path in [PORTABLE, *PORTABLE.rglob("*")]:
        path.chmod(path.stat().st_mode | 0o444 | (0o111 if path.is_dir() or os.access(path, os.X_OK) else 0))
    stamp.write_text(json.dumps({"from": info["real"]}), encoding="utf-8")
    return exe


def choose_interpreter(python):
    info = interpreter_info(python)
    if tuple(info["version"][:2]) < (3, 11):
        raise SystemExit(f"Python 3.11 or newer is needed for the classroom; {python} is {info['version']}")
    if (
        blocked_for_others(info["real"]) is None
        and blocked_for_others(Path(info["base_prefix"]) / "lib") is None
    ):
        return Path(info["real"])
    return portable_interpreter(info)


def venv_matches(interpreter):
    cfg = VENV / "pyvenv.cfg"
    if not (VENV / "bin" / "python").exists() or not cfg.exists():
        return False
    home = [
        line.split("=", 1)[1].strip()
        for line in cfg.read_text(encoding="utf-8").splitlines()
        if line.startswith("home")
    ]
    return bool(home) and Path(home[0]).resolve() == interpreter.parent.resolve()


def pip_install(python, quiet=True):
    q = ["--quiet"] if quiet else []
    run([python, "-m", "pip", "install", *q, "--upgrade", "pip"])
    args = [a for r in REQUIREMENTS for a in ("-r", r)] + [a for c in CONSTRAINTS for a in ("-c", c)]
    run([python, "-m", "pip", "install", *q, *args])
    run([python, "-m", "pip", "install", *q, "--no-deps", "-e", ROOT])


def build(python):
    interpreter = choose_interpreter(python)
    if not venv_matches(interpreter):
        shutil.rmtree(VENV, ignore_errors=True)
        run([interpreter, "-m", "venv", VENV])
    vpy = VENV / "bin" / "python"
    pip_install(vpy)
    settings = VENV / "share" / "jupyter" / "lab" / "settings"
    settings.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "jupyter" / "overrides.json", settings / "overrides.json")
    if not shutil.which("npm"):
        raise SystemExit(
            "the classroom's proxy comes from the npm registry: install Node.js and npm "
            "(Debian: apt-get install npm)"
        )
    CHP_DIR.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copy(HERE / "proxy" / name, CHP_DIR / name)
    run(["npm", "ci", "--prefix", CHP_DIR, "--omit=dev", "--no-audit", "--no-fund", "--loglevel=error"])
    version = subprocess.run(
        [CHP, "--version"], check=True, capture_output=True, text=True, encoding="utf-8"
    ).stdout.strip()
    print(f"classroom environment ready: {vpy} and configurable-http-proxy {version}")


def lock(python):
    """Rewrite classroom/constraints.txt: every package the classroom adds, at the version pip picks
    with the collection's own lock held fixed."""
    main = {
        line.split("==")[0].lower().replace("_", "-")
        for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.startswith("#")
    }
    with tempfile.TemporaryDirectory() as tmp:
        run([python, "-m", "venv", Path(tmp) / "v"])
        vpy = Path(tmp) / "v" / "bin" / "python"
        args = [a for r in REQUIREMENTS for a in ("-r", r)]
        run([vpy, "-m", "pip", "install", "--quiet", *args, "-c", ROOT / "constraints.txt"])
        frozen = subprocess.run(
            [vpy, "-m", "pip", "freeze"], check=True, capture_output=True, text=True, encoding="utf-8"
        ).stdout
    extra = sorted(
        (
            line
            for line in frozen.splitlines()
            if "==" in line and line.split("==")[0].lower().replace("_", "-") not in main
        ),
        key=str.lower,
    )
    header = (
        "# Full lock of what the classroom adds to the collection's environment (pip freeze of\n"
        "# classroom/requirements-*.txt installed with ../constraints.txt held fixed, Python 3.11).\n"
        "# Regenerate with: python classroom/setup_env.py --lock\n"
    )
    (HERE / "constraints.txt").write_text(header + "\n".join(extra) + "\n", encoding="utf-8")
    print(f"wrote {len(extra)} pins to classroom/constraints.txt")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default="python3", help="interpreter to build from (3.11 or newer)")
    parser.add_argument("--lock", action="store_true", help="rewrite classroom/constraints.txt and stop")
    args = parser.parse_args(argv)
    if args.lock:
        lock(args.python)
    else:
        build(args.python)


if __name__ == "__main__":
    main()
