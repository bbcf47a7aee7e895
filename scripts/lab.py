"""Start JupyterLab for the collection, safely.

Used by ``make lab``. JupyterLab listens on 127.0.0.1 only and keeps token
authentication on (the token is printed in the terminal, in the link to open).
``--allow-root`` is added only when the user really is root, as in a container;
students running as themselves never get it.

    python -m scripts.lab                 # opens notebooks/00-start-here.ipynb
    python -m scripts.lab --no-browser --port 8899
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START = "notebooks/00-start-here.ipynb"


def lab_command(python=sys.executable, port=None, open_browser=True, is_root=None, root_dir=ROOT):
    """Return the argument list that starts JupyterLab on loopback with a token.

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
    """
    if is_root is None:
        is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    cmd = [python, "-m", "jupyterlab", START, "--ServerApp.ip=127.0.0.1", f"--ServerApp.root_dir={root_dir}"]
    if port is not None:
        cmd.append(f"--ServerApp.port={int(port)}")
        cmd.append("--ServerApp.port_retries=0")
    if not open_browser:
        cmd.append("--no-browser")
    if is_root:
        cmd.append("--allow-root")
    return cmd


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m scripts.lab", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)
    cmd = lab_command(port=args.port, open_browser=not args.no_browser)
    os.chdir(ROOT)
    os.execv(cmd[0], cmd)


if __name__ == "__main__":
    main()
