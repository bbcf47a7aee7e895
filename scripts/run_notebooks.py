"""Re-execute notebooks top to bottom and store their outputs (``make notebooks``).

Each notebook is run in a fresh kernel from its own folder, exactly as nbval
will run it, and written back with clean execution counts. Navigation cells are
refreshed first. Then the Chinese edition of the same notebooks is built from the
catalogues (scripts/translate.py) and run in notebooks/zh-CN/, where the package
speaks Chinese. Self-check passes during this run are recorded in a throw-away
progress file, never in yours.

    python -m scripts.run_notebooks                 # every notebook, both editions
    python -m scripts.run_notebooks 02              # only those whose name contains "02"
    python -m scripts.run_notebooks 02 04           # ... "02" or "04"
    python -m scripts.run_notebooks --edition en 02 # the English edition only
    python -m scripts.run_notebooks --edition zh    # the Chinese edition only (built, then run)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from scripts import navigation, nbtools, translate


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m scripts.run_notebooks", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--edition", choices=("both", "en", "zh"), default="both", help="which edition to run (default both)"
    )
    args, paths = nbtools.parse_args(parser, argv)
    navigation.update()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
        # each edition's language comes from its folder, as under nbval and JupyterLab
        os.environ.pop("NQP_LANG", None)
        if args.edition != "zh":
            for path in paths:
                _run(path, Path(tmp))
        if args.edition != "en":
            translate.build_edition(paths)
            for path in paths:
                _run(translate.chinese_path(path), Path(tmp))
    return 0


def _run(path: Path, tmp: Path) -> None:
    # an empty progress file for each notebook, as under nbval (conftest.py)
    progress = tmp / f"progress-{path.parent.name}-{path.stem}.json"
    os.environ["NQP_PROGRESS_FILE"] = str(progress)
    start = time.perf_counter()
    nbtools.run(path)
    print(f"{path.relative_to(nbtools.NB_DIR)}: {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
