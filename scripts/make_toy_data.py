r"""Generate the toy economies, ``toy_economies.csv`` in the data folder, from known parameters.

Two economies grow at the same average rate for 30 years (1990-2020), for
opposite reasons:

- ``extensive``: growth from piling up capital and labour; TFP grows about
  0.5 % per year.
- ``intensive``: growth from TFP and human capital, with little extra capital
  or labour.

Each is exact Cobb-Douglas data,

.. math:: Y_t = A_t K_t^{a} (h_t L_t)^{1-a},

built from a known TFP path :math:`A_t`, so growth accounting must give that
path back (up to the rounding of the stored numbers, about 1e-12). Annual log
growth of each of A, K, L and h is its target mean plus seeded normal noise,
demeaned so that every series grows at exactly its target average rate; the
two economies therefore share the same average output growth exactly.

Units: output and capital in billions of a constant currency unit, labour in
millions of workers, human capital an index (years-of-schooling based, like
PWT ``hc``), the capital share a fraction of income.

Usage::

    python -m scripts.make_toy_data          # write toy_economies.csv and .meta.json
    python -m scripts.make_toy_data --check  # regenerate in memory, compare with the data folder

The data folder is the package's, ``nqp_helpers.data.DATA_DIR`` (nqp_helpers/datasets/).

The numbers are written with ``'%.12g'`` so that regeneration is byte-identical.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys

import numpy as np

from nqp_helpers.data import DATA_DIR
from scripts import generated_data

CSV_NAME = "toy_economies.csv"
META_NAME = "toy_economies.meta.json"

SEED = 20240305
FIRST_YEAR = 1990
LAST_YEAR = 2020
NUMBER_FORMAT = "%.12g"
COLUMNS = ["economy", "year", "output", "capital", "labor", "human_capital", "capital_share"]
UNITS = {
    "economy": "name",
    "year": "calendar year",
    "output": "billions of a constant currency unit",
    "capital": "billions of a constant currency unit",
    "labor": "millions of workers",
    "human_capital": "index (1 = no schooling)",
    "capital_share": "fraction of income",
}

# Average growth rates in % per year (log differences), noise in percentage points.
ECONOMIES = {
    "extensive": {
        "description": (
            "growth from piling up capital and labour: capital 7.5 % and labour 2 % a year, "
            "TFP only 0.5 % a year"
        ),
        "capital_share": 0.4,
        "growth_pct": {"tfp": 0.5, "capital": 7.5, "labor": 2.0, "human_capital": 0.5},
        "noise_sd_pct": {"tfp": 0.3, "capital": 0.5, "labor": 0.3, "human_capital": 0.1},
        "initial": {"output": 100.0, "capital": 250.0, "labor": 50.0, "human_capital": 1.6},
    },
    "intensive": {
        "description": (
            "growth from TFP and human capital: TFP 2.5 % and human capital 1.5 % a year, "
            "capital 3.25 % and labour 0.5 % a year"
        ),
        "capital_share": 0.4,
        "growth_pct": {"tfp": 2.5, "capital": 3.25, "labor": 0.5, "human_capital": 1.5},
        "noise_sd_pct": {"tfp": 0.3, "capital": 0.5, "labor": 0.3, "human_capital": 0.1},
        "initial": {"output": 100.0, "capital": 250.0, "labor": 50.0, "human_capital": 1.6},
    },
}
SERIES = ("tfp", "capital", "labor", "human_capital")


def _fmt(x):
    """Format a number the way every file of this script stores it."""
    return NUMBER_FORMAT % x


def _rounded(x):
    """Round like the CSV does, for the metadata (JSON) copies of numbers."""
    return float(_fmt(x))


def simulate(rng):
    """Simulate every toy economy.

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of the (small) noise in annual growth rates.

    Returns
    -------
    dict
        Economy name -> dict of arrays of length T: ``years``, ``output``,
        ``capital``, ``labor``, ``human_capital``, ``capital_share``, ``tfp``.
    """
    years = np.arange(FIRST_YEAR, LAST_YEAR + 1)
    n = years.size - 1
    out = {}
    for name, p in ECONOMIES.items():
        a = p["capital_share"]
        levels = {}
        for s in SERIES:
            noise = rng.normal(0.0, p["noise_sd_pct"][s] / 100, n)
            growth = p["growth_pct"][s] / 100 + (noise - noise.mean())
            levels[s] = np.exp(np.concatenate([[0.0], np.cumsum(growth)]))
        K = p["initial"]["capital"] * levels["capital"]
        L = p["initial"]["labor"] * levels["labor"]
        h = p["initial"]["human_capital"] * levels["human_capital"]
        A0 = p["initial"]["output"] / (K[0] ** a * (h[0] * L[0]) ** (1 - a))
        A = A0 * levels["tfp"]
        Y = A * K**a * (h * L) ** (1 - a)
        out[name] = {
            "years": years,
            "output": Y,
            "capital": K,
            "labor": L,
            "human_capital": h,
            "capital_share": np.full(years.size, a),
            "tfp": A,
        }
    return out


def _mean_growth_pct(x, years):
    """Average annual log growth in % per year over the whole period, rounded to 10 decimals."""
    return round(100 * float(np.log(x[-1]) - np.log(x[0])) / float(years[-1] - years[0]), 10) + 0.0


def build():
    """Generate the CSV and its metadata in memory.

    Returns
    -------
    dict
        File name (in the data folder) -> bytes.
    """
    rng = np.random.default_rng(SEED)
    sims = simulate(rng)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for name, s in sims.items():
        for t, year in enumerate(s["years"]):
            writer.writerow([name, int(year)] + [_fmt(s[c][t]) for c in COLUMNS[2:]])
    csv_bytes = buf.getvalue().encode("utf-8")

    economies = {}
    for name, s in sims.items():
        p = ECONOMIES[name]
        years = s["years"]
        A = s["tfp"]
        economies[name] = {
            "description": p["description"],
            "capital_share": p["capital_share"],
            "target_growth_pct_per_year": p["growth_pct"],
            "noise_sd_pct_points": p["noise_sd_pct"],
            "realised_growth_pct_per_year": {
                key: _mean_growth_pct(s[key], years)
                for key in ("output", "capital", "labor", "human_capital", "tfp")
            },
            "initial_levels": p["initial"],
            "tfp_level": [_rounded(v) for v in A],
            "tfp_index": [_rounded(v) for v in A / A[0]],
            "tfp_growth_log_points": [_rounded(v) for v in np.diff(np.log(A))],
        }
    meta = {
        "title": "Toy economies: exact Cobb-Douglas data with known TFP",
        "file": CSV_NAME,
        "script": "scripts/make_toy_data.py",
        "command": "make data (or python -m scripts.make_toy_data; --check compares without writing)",
        "seed": SEED,
        "numpy_generator": "numpy.random.default_rng(seed).normal, drawn economy by economy in the order "
        "tfp, capital, labor, human_capital",
        "years": [FIRST_YEAR, LAST_YEAR],
        "production_function": (
            "output = tfp * capital**capital_share * (human_capital * labor)**(1 - capital_share)"
        ),
        "construction": (
            "annual log growth of tfp, capital, labor and human_capital = target mean + normal noise, "
            "demeaned so each series grows at exactly its target average; levels start at initial_levels, "
            "the initial tfp level makes output start at initial_levels['output']; output is computed from "
            "the levels"
        ),
        "number_format": NUMBER_FORMAT,
        "columns": [{"name": c, "unit": UNITS[c]} for c in COLUMNS],
        "units": UNITS,
        "licence": "CC0 1.0 (generated data)",
        "economies": economies,
        "sha256": hashlib.sha256(csv_bytes).hexdigest(),
        "bytes": len(csv_bytes),
    }
    meta_bytes = (json.dumps(meta, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return {CSV_NAME: csv_bytes, META_NAME: meta_bytes}


def check(data_dir=None):
    """Return the names of files in ``data_dir`` (default: the data folder) that differ from a fresh build."""
    return generated_data.stale_files(build(), DATA_DIR if data_dir is None else data_dir)


def main(argv=None):
    """Command-line entry point; returns the exit status."""
    return generated_data.main(build, DATA_DIR, "scripts.make_toy_data", "the toy economies", __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
