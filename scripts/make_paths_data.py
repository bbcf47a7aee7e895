r"""Generate the two toy data sets of notebook 04 (the paths) from known parameters.

``toy_sectors.csv``: a three-sector economy (agriculture, manufacturing,
services), 1990-2020, for the shift-share decomposition of labour
productivity growth (:mod:`nqp_helpers.structural`). Workers move out of
low-productivity agriculture; productivity grows inside every sector.

- Employment shares follow a smooth path (a smoothstep in time) from their
  1990 to their 2020 values, manufacturing with a hump in the middle, times
  seeded log-normal noise, renormalised to sum to one.
- Total employment grows at a constant rate plus seeded noise.
- Labour productivity (value added per worker) of each sector grows at its
  target average rate plus seeded normal noise, demeaned so that the average
  is exact.
- Value added = productivity x employment, so aggregate labour productivity
  is total value added / total employment.

``toy_green.csv``: one economy, 2000-2020, for the Kaya identity and
green growth accounting (:mod:`nqp_helpers.green`). Output is exact
Cobb-Douglas, ``Y = A K^a (h L)^(1-a)``, from known paths of TFP, capital,
labour and human capital. Energy = output x energy intensity; emissions =
energy x carbon intensity. Energy intensity rises until 2005 and then falls;
carbon intensity (the fuel mix) worsens slowly until 2012 and then improves,
so emissions grow fast, then slower, then level off. Population grows at a
constant rate.

Neither economy is a real country: the numbers are illustrative, chosen to
make the mechanisms visible, and documented in the metadata files with every
parameter. Units: employment, labour and population in millions of persons;
value added, output and capital in billions of a constant currency unit;
energy in exajoules (EJ); emissions in million tonnes of CO2 (Mt CO2).

Usage::

    python -m scripts.make_paths_data          # write the four files into the data folder
    python -m scripts.make_paths_data --check  # regenerate in memory, compare with the data folder

The data folder is the package's, ``nqp_helpers.data.DATA_DIR`` (nqp_helpers/datasets/).

Numbers are written with ``'%.12g'``, so regeneration is byte-identical.
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

NUMBER_FORMAT = "%.12g"
SEED_SECTORS = 20240401
SEED_GREEN = 20240402

# --------------------------------------------------------------------------- #
# Three-sector economy
# --------------------------------------------------------------------------- #
SECTORS_CSV = "toy_sectors.csv"
SECTORS_META = "toy_sectors.meta.json"
SECTOR_YEARS = (1990, 2020)
SECTOR_NAMES = ("agriculture", "manufacturing", "services")
SECTOR_COLUMNS = ["year", "sector", "employment_millions", "value_added_billions"]
SECTOR_UNITS = {
    "year": "calendar year",
    "sector": "name",
    "employment_millions": "millions of persons employed",
    "value_added_billions": "billions of a constant currency unit (constant prices)",
}
SECTOR_PARAMS = {
    "employment_total_1990_millions": 600.0,
    "employment_growth_pct_per_year": 0.7,
    "employment_growth_noise_sd_pct_points": 0.2,
    "employment_share_1990": {"agriculture": 0.60, "manufacturing": 0.20, "services": 0.20},
    "employment_share_2020": {"agriculture": 0.25, "manufacturing": 0.29, "services": 0.46},
    "manufacturing_share_hump": 0.03,
    "employment_share_noise_sd_log": 0.01,
    "productivity_1990_thousands_per_worker": {"agriculture": 1.5, "manufacturing": 6.0, "services": 5.0},
    "productivity_growth_pct_per_year": {"agriculture": 4.5, "manufacturing": 6.5, "services": 4.0},
    "productivity_growth_noise_sd_pct_points": {"agriculture": 2.0, "manufacturing": 1.5, "services": 1.0},
}

# --------------------------------------------------------------------------- #
# Green economy
# --------------------------------------------------------------------------- #
GREEN_CSV = "toy_green.csv"
GREEN_META = "toy_green.meta.json"
GREEN_YEARS = (2000, 2020)
GREEN_COLUMNS = [
    "year",
    "population_millions",
    "output_billions",
    "capital_billions",
    "labor_millions",
    "human_capital_index",
    "capital_share",
    "energy_ej",
    "emissions_mt_co2",
]
GREEN_UNITS = {
    "year": "calendar year",
    "population_millions": "millions of persons",
    "output_billions": "billions of a constant currency unit (real GDP)",
    "capital_billions": "billions of a constant currency unit (real capital stock)",
    "labor_millions": "millions of workers",
    "human_capital_index": "index (1 = no schooling), like PWT hc",
    "capital_share": "fraction of income",
    "energy_ej": "exajoules (EJ) of primary energy",
    "emissions_mt_co2": "million tonnes of CO2 (Mt CO2)",
}
GREEN_PARAMS = {
    "capital_share": 0.45,
    "growth_pct_per_year": {
        "tfp": 2.0,
        "capital": 9.0,
        "labor": 0.6,
        "human_capital": 1.0,
        "population": 0.5,
    },
    "noise_sd_pct_points": {"tfp": 0.5, "capital": 0.5, "labor": 0.2, "human_capital": 0.05},
    "initial": {
        "output_billions": 10000.0,
        "capital_billions": 25000.0,
        "labor_millions": 600.0,
        "human_capital_index": 2.2,
        "population_millions": 1000.0,
        "energy_ej": 60.0,
        "emissions_mt_co2": 4200.0,
    },
    "energy_intensity_growth_pct_per_year": {"2001-2005": 1.5, "2006-2020": -4.0},
    "carbon_intensity_growth_pct_per_year": {"2001-2012": 0.5, "2013-2020": -2.5},
    "intensity_noise_sd_pct_points": {"energy_intensity": 0.8, "carbon_intensity": 0.5},
}


def _fmt(x):
    """Format a number the way every file of this script stores it."""
    return NUMBER_FORMAT % x


def _rounded(x):
    """Round like the CSV does, for the metadata (JSON) copies of numbers."""
    return float(_fmt(x))


def _demeaned_growth(rng, mean_pct, sd_pct, n):
    """Annual log growth: mean + normal noise, demeaned so the average is exactly the mean."""
    noise = rng.normal(0.0, sd_pct / 100, n)
    return mean_pct / 100 + (noise - noise.mean())


def _levels(start, growth):
    """Levels from a start value and annual log growth rates."""
    return start * np.exp(np.concatenate([[0.0], np.cumsum(growth)]))


def simulate_sectors(rng):
    """Simulate the three-sector economy.

    Returns
    -------
    dict
        ``years`` (T,), ``employment`` and ``productivity`` (T, 3) in sector
        order, ``value_added`` (T, 3).
    """
    p = SECTOR_PARAMS
    years = np.arange(SECTOR_YEARS[0], SECTOR_YEARS[1] + 1)
    n = years.size - 1
    x = np.linspace(0.0, 1.0, years.size)
    w = 3 * x**2 - 2 * x**3  # smoothstep: slow, fast, slow
    s0 = np.array([p["employment_share_1990"][s] for s in SECTOR_NAMES])
    s1 = np.array([p["employment_share_2020"][s] for s in SECTOR_NAMES])
    shares = s0 + np.outer(w, s1 - s0)
    hump = p["manufacturing_share_hump"] * np.sin(np.pi * x)
    shares[:, 1] += hump
    shares[:, 2] -= hump
    noise = np.exp(rng.normal(0.0, p["employment_share_noise_sd_log"], shares.shape))
    noise[0] = noise[-1] = 1.0  # keep the documented end points exact
    shares = shares * noise
    shares /= shares.sum(axis=1, keepdims=True)
    total = _levels(
        p["employment_total_1990_millions"],
        _demeaned_growth(
            rng, p["employment_growth_pct_per_year"], p["employment_growth_noise_sd_pct_points"], n
        ),
    )
    employment = total[:, None] * shares
    productivity = np.column_stack(
        [
            _levels(
                p["productivity_1990_thousands_per_worker"][s],
                _demeaned_growth(
                    rng,
                    p["productivity_growth_pct_per_year"][s],
                    p["productivity_growth_noise_sd_pct_points"][s],
                    n,
                ),
            )
            for s in SECTOR_NAMES
        ]
    )
    # thousands per worker x millions of workers = billions
    return {
        "years": years,
        "employment": employment,
        "productivity": productivity,
        "value_added": productivity * employment,
    }


def simulate_green(rng):
    """Simulate the green toy economy.

    Returns
    -------
    dict
        Arrays of length T: ``years``, ``population``, ``output``, ``capital``,
        ``labor``, ``human_capital``, ``capital_share``, ``energy``,
        ``emissions``, ``tfp``.
    """
    p = GREEN_PARAMS
    years = np.arange(GREEN_YEARS[0], GREEN_YEARS[1] + 1)
    n = years.size - 1
    a = p["capital_share"]
    g, sd, ini = p["growth_pct_per_year"], p["noise_sd_pct_points"], p["initial"]
    K = _levels(ini["capital_billions"], _demeaned_growth(rng, g["capital"], sd["capital"], n))
    L = _levels(ini["labor_millions"], _demeaned_growth(rng, g["labor"], sd["labor"], n))
    h = _levels(ini["human_capital_index"], _demeaned_growth(rng, g["human_capital"], sd["human_capital"], n))
    A0 = ini["output_billions"] / (K[0] ** a * (h[0] * L[0]) ** (1 - a))
    A = _levels(A0, _demeaned_growth(rng, g["tfp"], sd["tfp"], n))
    Y = A * K**a * (h * L) ** (1 - a)
    P = _levels(ini["population_millions"], np.full(n, g["population"] / 100))
    end_years = years[1:]
    ei_mean = np.where(
        end_years <= 2005,
        p["energy_intensity_growth_pct_per_year"]["2001-2005"],
        p["energy_intensity_growth_pct_per_year"]["2006-2020"],
    )
    ci_mean = np.where(
        end_years <= 2012,
        p["carbon_intensity_growth_pct_per_year"]["2001-2012"],
        p["carbon_intensity_growth_pct_per_year"]["2013-2020"],
    )
    ei_growth = ei_mean / 100 + rng.normal(
        0.0, p["intensity_noise_sd_pct_points"]["energy_intensity"] / 100, n
    )
    ci_growth = ci_mean / 100 + rng.normal(
        0.0, p["intensity_noise_sd_pct_points"]["carbon_intensity"] / 100, n
    )
    energy_intensity = _levels(ini["energy_ej"] / Y[0], ei_growth)
    carbon_intensity = _levels(ini["emissions_mt_co2"] / ini["energy_ej"], ci_growth)
    E = Y * energy_intensity
    C = E * carbon_intensity
    return {
        "years": years,
        "population": P,
        "output": Y,
        "capital": K,
        "labor": L,
        "human_capital": h,
        "capital_share": np.full(years.size, a),
        "energy": E,
        "emissions": C,
        "tfp": A,
    }


def _csv_bytes(header, rows):
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _meta_bytes(meta):
    return (json.dumps(meta, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _mean_growth_pct(x, years):
    """Average annual log growth over the whole period, % per year, rounded to 10 decimals."""
    return round(100 * float(np.log(x[-1]) - np.log(x[0])) / float(years[-1] - years[0]), 10) + 0.0


def build_sectors():
    """Return {file name: bytes} for the three-sector economy."""
    sim = simulate_sectors(np.random.default_rng(SEED_SECTORS))
    rows = []
    for t, year in enumerate(sim["years"]):
        for j, sector in enumerate(SECTOR_NAMES):
            rows.append([int(year), sector, _fmt(sim["employment"][t, j]), _fmt(sim["value_added"][t, j])])
    data = _csv_bytes(SECTOR_COLUMNS, rows)
    years = sim["years"]
    meta = {
        "title": "Toy three-sector economy (agriculture, manufacturing, services), 1990-2020",
        "description": (
            "An illustrative economy in which workers move out of low-productivity agriculture into "
            "manufacturing and services while productivity grows inside every sector; made for the "
            "shift-share decomposition of aggregate labour productivity growth (within-sector, "
            "structural change, interaction). Not a real country."
        ),
        "file": SECTORS_CSV,
        "script": "scripts/make_paths_data.py",
        "command": "python -m scripts.make_paths_data (--check compares without writing)",
        "seed": SEED_SECTORS,
        "numpy_generator": "numpy.random.default_rng(seed): employment-share noise (T x 3 lognormal), "
        "then total-employment growth noise, then productivity growth noise sector by sector",
        "years": list(SECTOR_YEARS),
        "sectors": list(SECTOR_NAMES),
        "layout": "tidy: one row per year and sector",
        "columns": [{"name": c, "unit": SECTOR_UNITS[c]} for c in SECTOR_COLUMNS],
        "units": SECTOR_UNITS,
        "derived": {
            "labour productivity": "value_added_billions / employment_millions = thousands of currency "
            "units per worker",
            "employment share": "employment_millions / total employment of the year",
        },
        "parameters": SECTOR_PARAMS,
        "construction": (
            "employment shares = 1990 shares + (2020 shares - 1990 shares) x smoothstep(time), plus a hump "
            "manufacturing_share_hump x sin(pi x time) moved from services to manufacturing, times lognormal "
            "noise (not in 1990 and 2020), renormalised; total employment and sector productivity grow at "
            "their target average log rates plus normal noise demeaned to keep the averages exact; value "
            "added = productivity x employment"
        ),
        "realised": {
            "productivity_growth_pct_per_year": {
                s: _mean_growth_pct(sim["productivity"][:, j], years) for j, s in enumerate(SECTOR_NAMES)
            },
            "employment_share_1990": {
                s: _rounded(sim["employment"][0, j] / sim["employment"][0].sum())
                for j, s in enumerate(SECTOR_NAMES)
            },
            "employment_share_2020": {
                s: _rounded(sim["employment"][-1, j] / sim["employment"][-1].sum())
                for j, s in enumerate(SECTOR_NAMES)
            },
        },
        "number_format": NUMBER_FORMAT,
        "licence": "CC0 1.0 (generated data)",
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
    }
    return {SECTORS_CSV: data, SECTORS_META: _meta_bytes(meta)}


def build_green():
    """Return {file name: bytes} for the green toy economy."""
    sim = simulate_green(np.random.default_rng(SEED_GREEN))
    keys = [
        "population",
        "output",
        "capital",
        "labor",
        "human_capital",
        "capital_share",
        "energy",
        "emissions",
    ]
    rows = [[int(year)] + [_fmt(sim[k][t]) for k in keys] for t, year in enumerate(sim["years"])]
    data = _csv_bytes(GREEN_COLUMNS, rows)
    years, A = sim["years"], sim["tfp"]
    meta = {
        "title": "Toy economy for the Kaya identity and green growth accounting, 2000-2020",
        "description": (
            "An illustrative fast-growing economy: exact Cobb-Douglas output from known TFP, capital, labour "
            "and human capital; energy use = output x energy intensity (rising to 2005, falling after); "
            "CO2 emissions = energy x carbon intensity (worsening slowly to 2012, improving after). Not a "
            "real country; the numbers are chosen to make the mechanisms visible."
        ),
        "file": GREEN_CSV,
        "script": "scripts/make_paths_data.py",
        "command": "python -m scripts.make_paths_data (--check compares without writing)",
        "seed": SEED_GREEN,
        "numpy_generator": "numpy.random.default_rng(seed).normal, drawn in the order capital, labor, "
        "human_capital, tfp, energy intensity, carbon intensity",
        "years": list(GREEN_YEARS),
        "columns": [{"name": c, "unit": GREEN_UNITS[c]} for c in GREEN_COLUMNS],
        "units": GREEN_UNITS,
        "production_function": "output = tfp * capital**capital_share "
        "* (human_capital * labor)**(1 - capital_share)",
        "identities": {
            "energy": "energy_ej = output_billions x energy intensity (EJ per billion)",
            "emissions": "emissions_mt_co2 = energy_ej x carbon intensity (Mt CO2 per EJ)",
            "kaya": "emissions = population x (output / population) x (energy / output) "
            "x (emissions / energy)",
        },
        "parameters": GREEN_PARAMS,
        "realised_growth_pct_per_year": {
            "output": _mean_growth_pct(sim["output"], years),
            "tfp": _mean_growth_pct(A, years),
            "energy": _mean_growth_pct(sim["energy"], years),
            "emissions": _mean_growth_pct(sim["emissions"], years),
        },
        "tfp_index": [_rounded(v) for v in A / A[0]],
        "number_format": NUMBER_FORMAT,
        "licence": "CC0 1.0 (generated data)",
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
    }
    return {GREEN_CSV: data, GREEN_META: _meta_bytes(meta)}


def build():
    """Generate every file in memory; returns {file name in the data folder: bytes}."""
    return {**build_sectors(), **build_green()}


def check(data_dir=None):
    """Return the names of files in ``data_dir`` (default: the data folder) that differ from a fresh build."""
    return generated_data.stale_files(build(), DATA_DIR if data_dir is None else data_dir)


def main(argv=None):
    """Command-line entry point; returns the exit status."""
    return generated_data.main(
        build, DATA_DIR, "scripts.make_paths_data", "the toy sectors and the toy green economy", __doc__, argv
    )


if __name__ == "__main__":
    sys.exit(main())
