"""The command line shared by the scripts that generate data files (toy economies and the like).

Each generator builds its files in memory as ``{file name: bytes}``; this module
writes them into the data folder (``nqp_helpers.data.DATA_DIR``) or, with
``--check``, compares them with what is there.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from scripts.nbtools import ROOT


def shown(path):
    """A path as the messages show it: relative to the collection's top folder when it is inside it."""
    path = Path(path)
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def stale_files(files, data_dir):
    """Names of the files missing from ``data_dir`` or differing from a fresh build."""
    return [
        name
        for name, data in files.items()
        if not (Path(data_dir) / name).exists() or (Path(data_dir) / name).read_bytes() != data
    ]


def main(build, data_dir, module, what, doc, argv=None):
    """Write the files ``build()`` returns into ``data_dir``, or check them with ``--check``.

    ``module`` is the generator's module name (``scripts.make_toy_data``), for the message that says how
    to rebuild. Returns the exit status: 1 when ``--check`` finds a difference.
    """
    parser = argparse.ArgumentParser(prog=f"python -m {module}", description=doc.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="compare a fresh build with the data folder, write nothing"
    )
    args = parser.parse_args(argv)
    files = build()
    if args.check:
        stale = stale_files(files, data_dir)
        if stale:
            print(
                f"{shown(data_dir)}/ differs from a fresh build of {what}: {', '.join(stale)}; "
                f"run 'python -m {module}' (or 'make data') and commit the result",
                file=sys.stderr,
            )
            return 1
        print(f"the files of {what} in {shown(data_dir)}/ match a fresh build")
        return 0
    for name, data in files.items():
        path = Path(data_dir) / name
        path.write_bytes(data)
        print(f"wrote {shown(path)} ({len(data):,} bytes, sha256 {hashlib.sha256(data).hexdigest()[:12]}...)")
    return 0
