"""The command line shared by the scripts that generate data files (toy economies and the like).

Each generator builds its files in memory as ``{file name: bytes}``; this module
writes them into data/ or, with ``--check``, compares them with what is there.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path


def stale_files(files, data_dir):
    """Names of the files missing from ``data_dir`` or differing from a fresh build."""
    return [
        name
        for name, data in files.items()
        if not (Path(data_dir) / name).exists() or (Path(data_dir) / name).read_bytes() != data
    ]


def main(build, data_dir, script, what, doc, argv=None):
    """Write the files ``build()`` returns into ``data_dir``, or check them with ``--check``.

    Returns the exit status: 1 when ``--check`` finds a difference.
    """
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="compare a fresh build with data/, write nothing"
    )
    args = parser.parse_args(argv)
    files = build()
    if args.check:
        stale = stale_files(files, data_dir)
        if stale:
            print(
                f"data/ differs from a fresh build of {what}: {', '.join(stale)}; "
                f"run 'python scripts/{script}' (or 'make data') and commit the result",
                file=sys.stderr,
            )
            return 1
        print(f"the files of {what} in data/ match a fresh build")
        return 0
    for name, data in files.items():
        (Path(data_dir) / name).write_bytes(data)
        print(f"wrote data/{name} ({len(data):,} bytes, sha256 {hashlib.sha256(data).hexdigest()[:12]}...)")
    return 0
