"""Write the navigation lines of every notebook and the map in the start notebook.

The first cell of each notebook (tag ``navigation``) and its last cell (tag
``navigation``) hold "previous | contents | next" links; the start notebook has a
cell tagged ``notebook-map`` with the table of notebooks. This script rewrites
them from scripts/notebook_index.py, so nobody edits them by hand.

    python scripts/navigation.py          # rewrite in place
    python scripts/navigation.py --check  # exit 1 if anything is out of date
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from notebook_index import NOTEBOOKS  # noqa: E402

NB_DIR = Path(__file__).resolve().parent.parent / "notebooks"


def existing():
    """Index entries whose notebook exists, in order."""
    return [e for e in NOTEBOOKS if (NB_DIR / e["file"]).exists()]


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
        nb = json.loads(path.read_text(encoding="utf-8"))
        line = f"<small>{nav_line(entries, i)}</small>" if nav_line(entries, i) else ""
        changed = False
        for cell in nb["cells"]:
            tags = cell.get("metadata", {}).get("tags", [])
            new = None
            if "navigation" in tags:
                new = line
            elif "notebook-map" in tags:
                new = "### The notebooks\n\n" + map_table(entries)
            if new is not None and "".join(cell["source"]) != new:
                cell["source"] = new
                changed = True
        if changed:
            stale.append(e["file"])
            if not check:
                path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return stale


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
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
