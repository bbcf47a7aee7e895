"""Print the nbgitpuller link that gives each student a copy of the notebooks (make classroom-link).

    python classroom/link.py --hub https://hub.example.edu --repo https://github.com/org/nqp-course
    make classroom-link HUB=https://hub.example.edu REPO=https://github.com/org/nqp-course BRANCH=main

The link logs the student in, starts their server, clones the repository into their home the
first time (later clicks merge the updates and keep the student's own edits) and opens
``notebooks/00-start-here.ipynb`` in JupyterLab. For a students' repository made with
``make student`` (notebooks at the top, no solutions) add ``--path 00-start-here.ipynb``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nqp_classroom import START_NOTEBOOK, nbgitpuller_link  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hub", required=True, help="the hub's address, e.g. https://hub.example.edu")
    parser.add_argument("--repo", required=True, help="the git repository students pull from")
    parser.add_argument("--branch", default="main", help="branch to pull (default: main)")
    parser.add_argument("--path", default=START_NOTEBOOK, help=f"file to open (default: {START_NOTEBOOK})")
    parser.add_argument(
        "--targetpath", default=None, help="folder in each home (default: the repository's name)"
    )
    args = parser.parse_args(argv)
    try:
        link = nbgitpuller_link(
            args.hub, args.repo, args.branch or "main", args.path, args.targetpath or None
        )
    except ValueError as exc:
        parser.exit(2, f"classroom-link: {exc}\n")
    print(link)
    return 0


if __name__ == "__main__":
    sys.exit(main())
