"""Re-execute notebooks top to bottom and store their outputs (``make notebooks``).

Each notebook is run in a fresh kernel from the notebooks/ folder, exactly as
nbval will run it, and written back with clean execution counts. Navigation
cells are refreshed first. Self-check passes during this run are recorded in a
throw-away progress file, never in yours.

    python -m scripts.run_notebooks                 # every notebook
    python -m scripts.run_notebooks 02              # only those whose name contains "02"
    python -m scripts.run_notebooks 02 04           # ... "02" or "04"
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from scripts import navigation, nbtools


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m scripts.run_notebooks", description=__doc__.splitlines()[0]
    )
    _, paths = nbtools.parse_args(parser, argv)
    navigation.update()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["NQP_PROGRESS_FILE"] = str(Path(tmp) / "progress.json")
        os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
        for path in paths:
            start = time.perf_counter()
            nbtools.run(path)
            print(f"{path.name}: {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
