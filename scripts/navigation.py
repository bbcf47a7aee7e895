"""Write the navigation lines of every notebook and the map in the start notebook.

The first cell of each notebook (tag ``navigation``) and its last cell (tag
``navigation``) hold "previous | contents | next" links; the start notebook has a
cell tagged ``notebook-map`` with the table of notebooks. This script rewrites
them from scripts/notebook_index.py, so nobody edits them by hand.

    python -m scripts.navigation          # rewrite in place
    python -m scripts.navigation --check  # exit 1 if anything is out of date
"""

from __future__ import annotations

import argparse
import sys

from scripts import nbtools
from scripts.notebook_index import NOTEBOOKS

NB_DIR = nbtools.NB_DIR
MAP_TAG = "notebook-map"


def existing():
    """Index entries whose notebook exists, in order."""
    return nbtools.existing_entries(NB_DIR)


def nav_line(entries, i):
    """The navigation markdown for entry i of the existing notebooks."""
    parts = []
    if i > 0:
        parts.append(f"[← {entries[i - 1]['title']}]({entries[i - 1]['file']})")
    if i != 0:
        parts.append(f"[contents]({entries[0]['file']})")
    if i + 1 < len(entries):
        parts.append(f"[{entries[i + 1]['title']} →]({entries[i + 1]['file']})")
    return " | ".join(parts)


def map_table(entries):
    """Markdown table of every planned notebook; those not yet written are marked."""
    rows = [
        "| notebook | article | what you will learn | time |",
        "|---|---|---|---|",
    ]
    have = {e["file"] for e in entries}
    for e in NOTEBOOKS:
        name = f"[{e['title']}]({e['file']})" if e["file"] in have else f"{e['title']} (not yet written)"
        rows.append(f"| {name} | {e['section']} | {e['teaches']} | {e['minutes']} min |")
    return "\n".join(rows)


def update(check=False):
    """Rewrite (or check) navigation cells; return the list of files out of date."""
    entries = existing()
    stale = []
    for i, e in enumerate(entries):
        path = NB_DIR / e["file"]
        nb = nbtools.read(path)
        line = f"<small>{nav_line(entries, i)}</small>" if nav_line(entries, i) else ""
        changed = False
        for cell in nb.cells:
            new = None
            if nbtools.is_navigation(cell):
                new = line
            elif MAP_TAG in nbtools.tags(cell):
                new = "### The notebooks\n\n" + map_table(entries)
            if new is not None and cell.source != new:
                cell.source = new
                changed = True
        if changed:
            stale.append(e["file"])
            if not check:
                nbtools.write(nb, path)
    return stale


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m scripts.navigation", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    stale = update(check=args.check)
    if args.check and stale:
        print("navigation out of date in:", ", ".join(stale), "- run: make notebooks")
        return 1
    for name in stale:
        print("updated", name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
