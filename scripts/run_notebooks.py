"""Re-execute notebooks top to bottom and store their outputs (``make notebooks``).

Each notebook is run in a fresh kernel from the notebooks/ folder, exactly as
nbval will run it, and written back with clean execution counts. Navigation
cells are refreshed first. Self-check passes during this run are recorded in a
throw-away progress file, never in yours.

    python scripts/run_notebooks.py                 # every notebook
    python scripts/run_notebooks.py 02              # only those whose name contains "02"
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import navigation  # noqa: E402


def run(path):
    """Execute one notebook in place."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(nb, path)


def main(argv):
    navigation.update()
    pattern = argv[0] if argv else ""
    paths = sorted(p for p in (ROOT / "notebooks").glob("*.ipynb") if pattern in p.name)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["NQP_PROGRESS_FILE"] = str(Path(tmp) / "progress.json")
        os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
        for path in paths:
            start = time.perf_counter()
            run(path)
            print(f"{path.name}: {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
