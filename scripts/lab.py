"""Start JupyterLab for the collection, safely.

Used by ``make lab`` and ``python -m scripts.dev lab``. JupyterLab listens on 127.0.0.1 only and keeps
token authentication on (the token is printed in the terminal, in the link to open). A Jupyter
configuration of the user's own cannot switch the token off: the server refuses to start when the
configuration it has read (``~/.jupyter/jupyter_server_config.py`` with ``c.IdentityProvider.token = ''``
or ``c.ServerApp.token = ''``, or ``JUPYTER_TOKEN_FILE`` naming an empty file) leaves it without a token,
and says which setting to remove. The check runs inside the server process, after Jupyter has read
every configuration file and before it serves a single request. ``--allow-root`` is added only when the
user really is root, as in a container; students running as themselves never get it.

    python -m scripts.lab                 # opens notebooks/00-start-here.ipynb
    python -m scripts.lab --edition zh    # opens the Chinese edition: notebooks/zh-CN/00-start-here.ipynb
    python -m scripts.lab --no-browser --port 8899
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START = "notebooks/00-start-here.ipynb"
#: The start notebook of each edition (``make lab EDITION=zh``).
STARTS = {"en": START, "zh": "notebooks/zh-CN/00-start-here.ipynb"}
#: The folders served at /custom/: the page's custom.css and the Chinese font it names.
CUSTOM_PATHS = (ROOT / "jupyter" / "custom", ROOT / "nqp_helpers" / "fonts")
#: This file, run by the server command with ``--serve`` (see :func:`lab_command`).
THIS_FILE = Path(__file__).resolve()

REFUSAL = (
    "JupyterLab was not started: your Jupyter configuration switches token authentication off "
    "(an empty token), and without it any program on this computer could run code as you. "
    "Remove the setting `c.IdentityProvider.token = ''` or `c.ServerApp.token = ''` from "
    "jupyter_server_config.py or jupyter_lab_config.py (or the .json files of those names) in your "
    "Jupyter configuration folder (`jupyter --config-dir` prints it), or unset JUPYTER_TOKEN_FILE, "
    "then start again."
)


def lab_command(
    python: str = sys.executable,
    port: int | None = None,
    open_browser: bool = True,
    is_root: bool | None = None,
    root_dir: str | os.PathLike[str] = ROOT,
    start: str = START,
) -> list[str]:
    """Return the argument list that starts JupyterLab on loopback with a token.

    The command runs this file with ``--serve`` (:func:`serve`): JupyterLab itself, which refuses to
    start without a token. ``-P`` keeps the folder of this file off ``sys.path``, so that the scripts'
    names cannot hide a module JupyterLab imports; the command works from any working folder.

    Parameters
    ----------
    python : str
        The interpreter of the project environment.
    port : int, optional
        Port to listen on; JupyterLab's default (8888, or the next free) if None.
    open_browser : bool
        Whether JupyterLab should open a browser tab.
    is_root : bool, optional
        Whether the user is root; detected with ``os.geteuid`` if None.
    root_dir : path
        The folder JupyterLab serves (the collection itself by default; the
        browser test serves a throw-away copy so that it never edits the files).
    start : str
        The notebook to open, relative to ``root_dir`` (:data:`STARTS`).
    """
    if is_root is None:
        is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    cmd = [python, "-P", str(THIS_FILE), "--serve", start, "--ServerApp.ip=127.0.0.1"]
    cmd.append(f"--ServerApp.root_dir={root_dir}")
    # Chinese text in the page on a computer without Chinese fonts: jupyter/custom/custom.css, with the
    # font it names, served at /custom/ (see serve)
    cmd.append("--LabApp.custom_css=True")
    if port is not None:
        cmd.append(f"--ServerApp.port={int(port)}")
        cmd.append("--ServerApp.port_retries=0")
    if not open_browser:
        cmd.append("--no-browser")
    if is_root:
        cmd.append("--allow-root")
    return cmd


def serve(argv: Sequence[str]) -> None:
    """Run JupyterLab with these command-line arguments, but never without a token.

    Jupyter reads every configuration file and the arguments first; if the token it ends up with is
    empty, the server stops here, before it answers any request, with :data:`REFUSAL`.

    Raises
    ------
    SystemExit
        If the configuration leaves the server without a token.
    """
    from jupyterlab.labapp import LabApp  # type: ignore[import-untyped]

    server = LabApp.initialize_server(argv=list(argv))
    if not getattr(server.identity_provider, "token", ""):
        raise SystemExit(REFUSAL)
    serve_custom_css(server.web_app.settings)
    server.start()


def serve_custom_css(settings: dict) -> bool:
    """Put :data:`CUSTOM_PATHS` first among the folders JupyterLab serves at /custom/.

    ``--LabApp.custom_css=True`` makes the page load /custom/custom.css, from the server's list
    ``static_custom_path`` (the user's ``~/.jupyter/custom``, then Jupyter's own), which no option sets.
    The /custom/ handler reads that list at each request, so adding our folders to its front, before the
    server starts, serves jupyter/custom/custom.css and the font it names. Returns False, changing
    nothing, if a Jupyter version keeps the list elsewhere (the page then uses the computer's fonts).
    """
    folders = settings.get("static_custom_path")
    if not isinstance(folders, list):
        return False
    folders[:0] = [str(p) for p in CUSTOM_PATHS if str(p) not in folders]
    return True


def hand_over(cmd: Sequence[str], cwd: str | os.PathLike[str], platform: str = sys.platform) -> int:
    """Run ``cmd`` in ``cwd`` in place of this program; return its exit code where that is possible.

    On Linux and macOS the process becomes ``cmd`` (``os.execv``): Ctrl+C then reaches JupyterLab
    alone. Windows has no such replacement (its ``execv`` starts a second process and returns to the
    prompt at once), so there ``cmd`` runs as a child, and Ctrl+C, which reaches both, is left to it.
    """
    if platform != "win32":
        os.chdir(cwd)
        os.execv(cmd[0], list(cmd))
    with subprocess.Popen(list(cmd), cwd=cwd) as proc:
        while True:
            try:
                return proc.wait()
            except KeyboardInterrupt:  # JupyterLab handles Ctrl+C itself and then exits
                continue


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.lab", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument(
        "--edition",
        choices=sorted(STARTS),
        default="en",
        help="open the English (en) or the Chinese (zh) edition",
    )
    args = parser.parse_args(argv)
    cmd = lab_command(port=args.port, open_browser=not args.no_browser, start=STARTS[args.edition])
    return hand_over(cmd, ROOT)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        serve(sys.argv[2:])
    else:
        sys.exit(main())
