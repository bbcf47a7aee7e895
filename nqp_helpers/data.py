"""Data: the Penn World Table 11.0 extract, the toy economies and published tables.

Everything here reads the files in ``data/`` (rebuilt by ``make data``) with
numpy and the standard library only; nothing touches the network. Each file is
checked against the sha256 and the columns recorded in its metadata the first
time it is used, then kept in memory (:func:`clear_cache` forgets it).

Missing values are never filled in. :func:`load_country` refuses a request that
would contain one unless ``allow_missing=True``; :func:`load_panel` is the one
place where NaN marks missing data by default, for vectorised work with
``decompose_panel(..., allow_missing=True)``.

Cite the Penn World Table whenever you use or show its numbers (see
:func:`pwt_metadata`): Feenstra, Robert C., Robert Inklaar and Marcel P. Timmer
(2015), "The Next Generation of the Penn World Table", American Economic Review
105(10), 3150-3182, available for download at www.ggdc.net/pwt.
"""

from __future__ import annotations

import copy
import csv
import difflib
import functools
import hashlib
import json
import numbers
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ._validate import as_scalar
from .growth import GrowthAccounting, decompose

__all__ = [
    "DATA_DIR",
    "CountrySeries",
    "Panel",
    "CountryAccounting",
    "PublishedTable",
    "list_countries",
    "list_variables",
    "load_country",
    "load_panel",
    "decompose_country",
    "list_toy_economies",
    "toy_economy",
    "toy_parameters",
    "load_published",
    "pwt_metadata",
    "use_data_dir",
    "clear_cache",
]

#: The repository's ``data/`` folder (found relative to this package).
DATA_DIR = Path(__file__).resolve().parent.parent / "data"

PWT_CSV = "pwt110.csv"
PWT_META = "pwt110.meta.json"
TOY_CSV = "toy_economies.csv"
TOY_META = "toy_economies.meta.json"
_ID_COLUMNS = ("countrycode", "country", "year")
_TOY_VARIABLES = ("output", "capital", "labor", "human_capital", "capital_share")
_CAPITAL_CHOICES = ("rnna", "rkna")
_LABOR_CHOICES = ("hours", "persons")

_override_dir = None


# --------------------------------------------------------------------------- #
# Result containers
# --------------------------------------------------------------------------- #
@dataclass(frozen=True, eq=False)
class CountrySeries:
    """Annual series for one economy.

    Attributes
    ----------
    code : str
        ISO 3-letter code (for a toy economy, its name).
    name : str
        Country name (for a toy economy, its name).
    years : ndarray of int, shape (T,)
        Consecutive calendar years.
    values : dict
        Variable -> float ndarray of shape (T,); NaN only when loaded with
        ``allow_missing=True``.
    units : dict
        Variable -> unit in words (for example ``"mil. 2021US$"``).

    Notes
    -----
    ``series["rgdpna"]`` and ``series.rgdpna`` both give a variable's array.
    """

    code: str
    name: str
    years: np.ndarray
    values: dict
    units: dict = field(default_factory=dict)

    def __getitem__(self, variable):
        try:
            return self.values[variable]
        except KeyError:
            raise KeyError(f"{variable!r} is not in this series; it holds {', '.join(self.values)}") from None

    def __getattr__(self, variable):
        if variable.startswith("_") or variable in ("values", "units", "years", "code", "name"):
            raise AttributeError(variable)
        try:
            return self.values[variable]
        except KeyError:
            raise AttributeError(
                f"CountrySeries has no attribute {variable!r}; variables: {', '.join(self.values)}"
            ) from None

    def __repr__(self):
        span = f"{self.years[0]}-{self.years[-1]}" if len(self.years) else "no years"
        return f"CountrySeries({self.code} {self.name}, {span}, variables: {', '.join(self.values)})"


@dataclass(frozen=True, eq=False)
class Panel:
    """Countries x years arrays, NaN where a value is missing.

    Attributes
    ----------
    codes : list of str
        Country codes, one per row, in the order requested (default: sorted).
    names : list of str
        Country names, same order.
    years : ndarray of int, shape (T,)
        Calendar years, one per column.
    values : dict
        Variable -> float ndarray of shape (N, T) with NaN where the Penn World
        Table has no value. This is the one place in the package where NaN
        appears by default: it is meant for vectorised work such as
        ``decompose_panel(..., allow_missing=True)``, which turns every
        interval that touches a missing value into NaN.
    units : dict
        Variable -> unit in words.
    """

    codes: list
    names: list
    years: np.ndarray
    values: dict
    units: dict = field(default_factory=dict)

    def __getitem__(self, variable):
        try:
            return self.values[variable]
        except KeyError:
            raise KeyError(f"{variable!r} is not in this panel; it holds {', '.join(self.values)}") from None

    def __repr__(self):
        return (
            f"Panel({len(self.codes)} countries x {len(self.years)} years "
            f"{self.years[0]}-{self.years[-1]}, variables: {', '.join(self.values)})"
        )


@dataclass(frozen=True, eq=False)
class CountryAccounting:
    """Growth accounts for one country, with the conventions that produced them.

    Attributes
    ----------
    accounting : GrowthAccounting
        The result of :func:`nqp_helpers.growth.decompose` (log points per year).
    code, name : str
        Country code and name.
    years : ndarray of int, shape (T,)
        Years of the levels used (the accounting has T-1 intervals).
    conventions : list of str
        Plain-English statement of every choice made: period, output, capital,
        capital share, labour, human capital.
    labor : str
        Labour measure actually used, ``"hours"`` or ``"persons"``.
    human_capital : bool
        Whether labour was adjusted by PWT ``hc``.
    capital : str
        Capital variable used (``"rnna"`` or ``"rkna"``).
    """

    accounting: GrowthAccounting
    code: str
    name: str
    years: np.ndarray
    conventions: list
    labor: str
    human_capital: bool
    capital: str

    def summary(self, start=None, end=None):
        """Average contributions in % per year; see :meth:`GrowthAccounting.summary`."""
        return self.accounting.summary(start, end)

    def per_worker(self):
        """Per-worker decomposition; see :meth:`GrowthAccounting.per_worker`."""
        return self.accounting.per_worker()

    def __str__(self):
        return "\n".join([f"{self.name} ({self.code})"] + [f"- {c}" for c in self.conventions])


@dataclass(frozen=True, eq=False)
class PublishedTable:
    """Figures copied from a publication, with their citation.

    Attributes
    ----------
    name : str
        File stem under ``data/published``.
    citation : str
        The reference to give.
    values : dict
        Measure -> published value (float).
    units : str
        Unit of every value.
    meta : dict
        The full metadata (table number, assumptions, notes).
    """

    name: str
    citation: str
    values: dict
    units: str
    meta: dict


# --------------------------------------------------------------------------- #
# Files, integrity and caching
# --------------------------------------------------------------------------- #
def _data_dir():
    return Path(_override_dir) if _override_dir is not None else DATA_DIR


@contextmanager
def use_data_dir(path):
    """Read data files from ``path`` instead of :data:`DATA_DIR` inside a ``with`` block.

    Meant for tests and for checking a freshly built copy; caches are cleared
    on entry and on exit.

    Parameters
    ----------
    path : str or Path
        A folder laid out like ``data/``.

    Examples
    --------
    >>> with use_data_dir(DATA_DIR):
    ...     len(list_countries())
    185
    """
    global _override_dir
    previous = _override_dir
    _override_dir = Path(path)
    clear_cache()
    try:
        yield Path(path)
    finally:
        _override_dir = previous
        clear_cache()


def clear_cache():
    """Forget every parsed file, so the next call re-reads and re-checks ``data/``."""
    _read_checked.cache_clear()
    _pwt_table.cache_clear()
    _toy_table.cache_clear()


@functools.lru_cache(maxsize=8)
def _read_checked(directory, csv_name, meta_name):
    """Read a CSV after checking its sha256 and header against its metadata.

    Returns (meta, header, rows); rows are lists of strings.
    """
    folder = Path(directory)
    csv_path, meta_path = folder / csv_name, folder / meta_name
    for path in (csv_path, meta_path):
        if not path.exists():
            raise ValueError(f"{path} does not exist; run `make data` to build it")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"{meta_path} is not valid JSON ({exc}); run `make data` to rebuild it") from exc
    if not isinstance(meta, dict) or not isinstance(meta.get("columns"), list):
        raise ValueError(f"{meta_path} lacks the 'columns' list; run `make data` to rebuild it")
    raw = csv_path.read_bytes()
    actual = hashlib.sha256(raw).hexdigest()
    expected = meta.get("sha256")
    if actual != expected:
        raise ValueError(
            f"{csv_path} is corrupted, truncated or out of date: its sha256 is {actual} but "
            f"{meta_name} expects {expected}; run `make data` to rebuild it (or restore it with git)"
        )
    try:
        lines = raw.decode("utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise ValueError(f"{csv_path} is not UTF-8 text; run `make data` to rebuild it") from exc
    reader = csv.reader(lines)
    header = next(reader, [])
    columns = [c.get("name") if isinstance(c, dict) else c for c in meta["columns"]]
    if header != columns:
        raise ValueError(
            f"{csv_path} has the columns {header} but {meta_name} lists {columns}; "
            "run `make data` to rebuild both"
        )
    rows = list(reader)
    short = [i + 2 for i, r in enumerate(rows) if len(r) != len(header)]
    if short:
        raise ValueError(
            f"{csv_path}: line(s) {short[:5]} do not have {len(header)} fields; run `make data` to rebuild it"
        )
    return meta, header, rows


def _readonly(arr):
    arr.setflags(write=False)
    return arr


@dataclass(frozen=True)
class _PWT:
    codes: tuple
    names: dict
    years: np.ndarray
    grid: dict
    variables: dict
    units: dict
    meta: dict


@functools.lru_cache(maxsize=2)
def _pwt_table(directory):
    meta, header, rows = _read_checked(directory, PWT_CSV, PWT_META)
    cols = list(zip(*rows, strict=True)) if rows else [()] * len(header)
    code_col, name_col = cols[0], cols[1]
    year_col = np.array(cols[2], dtype=int)
    codes = tuple(sorted(set(code_col)))
    names = dict(zip(code_col, name_col, strict=True))
    years = np.arange(year_col.min(), year_col.max() + 1)
    ci = {c: i for i, c in enumerate(codes)}
    row_i = np.array([ci[c] for c in code_col])
    col_j = year_col - years[0]
    nan = float("nan")
    grid, variables, units = {}, {}, {}
    by_name = {c["name"]: c for c in meta["columns"]}
    for k, name in enumerate(header):
        if name in _ID_COLUMNS:
            continue
        flat = np.array([float(v) if v else nan for v in cols[k]])
        arr = np.full((len(codes), len(years)), nan)
        arr[row_i, col_j] = flat
        grid[name] = _readonly(arr)
        info = by_name[name]
        units[name] = info["unit"]
        variables[name] = f"{info['definition']} ({info['unit']})"
    return _PWT(codes, names, _readonly(years), grid, variables, units, meta)


def _pwt():
    return _pwt_table(str(_data_dir()))


@functools.lru_cache(maxsize=2)
def _toy_table(directory):
    meta, header, rows = _read_checked(directory, TOY_CSV, TOY_META)
    out = {}
    for row in rows:
        out.setdefault(row[0], []).append(row)
    tables = {}
    for name, rs in out.items():
        cols = list(zip(*rs, strict=True))
        tables[name] = {
            "years": _readonly(np.array(cols[1], dtype=int)),
            **{h: _readonly(np.array(cols[k], dtype=float)) for k, h in enumerate(header) if k >= 2},
        }
    return meta, tables


# --------------------------------------------------------------------------- #
# Argument checks
# --------------------------------------------------------------------------- #
def _ranges(years):
    """Compress sorted years into '1950-1951, 1960'."""
    years = [int(y) for y in years]
    if not years:
        return ""
    parts, lo, prev = [], years[0], years[0]
    for y in years[1:] + [None]:
        if y is not None and y == prev + 1:
            prev = y
            continue
        parts.append(f"{lo}" if lo == prev else f"{lo}-{prev}")
        if y is not None:
            lo = prev = y
    return ", ".join(parts)


def _check_code(code, table):
    """Return the canonical code for ``code`` or raise with near matches."""
    if not isinstance(code, str):
        raise ValueError(f"code must be a 3-letter country code such as 'CHN'; got {code!r}")
    query = code.strip()
    if query.upper() in table.names:
        return query.upper()

    def score(c):
        by_code = difflib.SequenceMatcher(None, query.upper(), c).ratio()
        by_name = difflib.SequenceMatcher(None, query.lower(), table.names[c].lower()).ratio()
        prefix = 0.2 if len(query) >= 2 and c.startswith(query[:2].upper()) else 0.0
        return by_code + 0.5 * by_name + prefix + (1.0 if by_name == 1.0 else 0.0)

    ranked = sorted(table.codes, key=lambda c: (-score(c), c))
    guesses = [c for c in ranked[:3] if score(c) >= 0.6]
    hint = f"did you mean {', '.join(f'{c} ({table.names[c]})' for c in guesses)}? " if guesses else ""
    raise ValueError(
        f"unknown country code {code!r}; {hint}list_countries() gives all {len(table.codes)} codes and names"
    )


def _check_variables(variables, valid, what="variable"):
    if variables is None:
        return list(valid)
    if isinstance(variables, str):
        variables = [variables]
    out = []
    for v in variables:
        if v not in valid:
            raise ValueError(f"unknown {what} {v!r}; valid {what}s are: {', '.join(valid)}")
        if v not in out:
            out.append(v)
    if not out:
        raise ValueError(f"variables must name at least one {what}; got an empty list")
    return out


def _check_year(name, value, first, last):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must be a year (an integer such as 1978); got {value!r}")
    if not np.isfinite(value) or float(value) != int(value):
        raise ValueError(f"{name} must be a whole year; got {value!r}")
    year = int(value)
    if not first <= year <= last:
        raise ValueError(f"{name} must lie in the data range {first}-{last}; got {year}")
    return year


def _check_period(start, end, first, last):
    start = _check_year("start", start, first, last)
    end = _check_year("end", end, first, last)
    if start is not None and end is not None and start > end:
        raise ValueError(f"start must not be after end; got start={start}, end={end}")
    return start, end


# --------------------------------------------------------------------------- #
# Penn World Table
# --------------------------------------------------------------------------- #
def list_countries():
    """Return every economy in the Penn World Table extract.

    Returns
    -------
    list of tuple
        ``(code, name)`` pairs sorted by code (185 economies).

    Examples
    --------
    >>> list_countries()[:2]
    [('ABW', 'Aruba'), ('AGO', 'Angola')]
    >>> dict(list_countries())["CHN"]
    'China'
    """
    table = _pwt()
    return [(c, table.names[c]) for c in table.codes]


def list_variables():
    """Return the variables of the extract with their definitions and units.

    Returns
    -------
    dict
        Variable -> ``"definition (unit)"``, in file order.

    Examples
    --------
    >>> list_variables()["rgdpna"]
    'Real GDP at constant 2021 national prices (mil. 2021US$)'
    >>> list_variables()["avh"]
    'Average annual hours worked by persons engaged (hours per year)'
    """
    return dict(_pwt().variables)


def pwt_metadata():
    """Return the metadata of the Penn World Table extract (a copy).

    Returns
    -------
    dict
        Source, version, licence, citation, extraction details, column
        definitions and units, row count and sha256 (``data/pwt110.meta.json``).

    Examples
    --------
    >>> meta = pwt_metadata()
    >>> meta["source"]["version"], meta["licence"]["name"]
    ('11.0', 'CC BY 4.0')
    """
    return copy.deepcopy(_pwt().meta)


def _missing_message(code, missing, lo, hi, last_tips):
    """Describe the missing years of each variable in [lo, hi] and how to avoid them."""
    groups = {}
    for v, ys in missing.items():
        groups.setdefault(tuple(ys), []).append(v)
    parts = [
        f"{', '.join(vs)} {'is' if len(vs) == 1 else 'are'} missing for {code} in {_ranges(ys)}"
        for ys, vs in groups.items()
    ]
    bad = sorted({y for ys in missing.values() for y in ys})
    tips = []
    if bad[-1] < hi:
        tips.append(f"choose start >= {bad[-1] + 1}")
    if bad[0] > lo:
        tips.append(f"choose end <= {bad[0] - 1}")
    tips += last_tips
    return "; ".join(parts) + ("; " + ", ".join(tips) if tips else "")


def load_country(code, variables=None, start=None, end=None, allow_missing=False):
    """Load annual Penn World Table series for one country.

    Parameters
    ----------
    code : str
        ISO 3-letter country code, for example ``"CHN"`` (case-insensitive).
    variables : str or list of str, optional
        Variables to load (see :func:`list_variables`); default all of them.
    start, end : int, optional
        First and last year, within 1950-2023. When ``allow_missing`` is False,
        a bound left as None becomes the first (last) year in which every
        requested variable is present; when True, the first (last) year of the
        release.
    allow_missing : bool, default False
        If False, any missing value in the requested variables and years
        raises ``ValueError``. If True, missing values are NaN: explicit, never
        filled in.

    Returns
    -------
    CountrySeries
        ``years`` (consecutive, int) and ``values[variable]`` (float arrays);
        units are in ``units`` and :func:`list_variables`.

    Raises
    ------
    ValueError
        Unknown code (with near matches) or variable; a year that is not an
        integer or lies outside the data; ``start > end``; a missing value
        when ``allow_missing`` is False (naming the variable and the years).

    Examples
    --------
    >>> chn = load_country("CHN", ["rgdpna", "emp"], start=1978, end=2004)
    >>> chn.years[0], chn.years[-1], len(chn.years)
    (np.int64(1978), np.int64(2004), 27)
    >>> print(f"{chn['rgdpna'][0]:.0f} mil. 2021US$, {chn.emp[0]:.1f} million persons")
    658703 mil. 2021US$, 446.7 million persons
    """
    table = _pwt()
    code = _check_code(code, table)
    variables = _check_variables(variables, list(table.grid))
    first, last = int(table.years[0]), int(table.years[-1])
    start, end = _check_period(start, end, first, last)
    i = table.codes.index(code)
    rows = {v: table.grid[v][i] for v in variables}
    lo = first if start is None else start
    hi = last if end is None else end
    if not allow_missing:
        tips = ["drop {} from variables", "or pass allow_missing=True to get NaN there"]
        complete = np.all([np.isfinite(r) for r in rows.values()], axis=0)
        inside = table.years[complete & (table.years >= lo) & (table.years <= hi)]
        if inside.size == 0:
            missing = _missing_years(rows, table.years, lo, hi)
            tips[0] = tips[0].format(", ".join(missing))
            raise ValueError(
                f"{code} ({table.names[code]}) has no year in {lo}-{hi} in which all of "
                f"{', '.join(variables)} are present: " + _missing_message(code, missing, lo, hi, tips)
            )
        lo = int(inside[0]) if start is None else start
        hi = int(inside[-1]) if end is None else end
        missing = _missing_years(rows, table.years, lo, hi)
        if missing:
            tips[0] = tips[0].format(", ".join(missing))
            raise ValueError(_missing_message(code, missing, lo, hi, tips))
    sel = slice(lo - first, hi - first + 1)
    return CountrySeries(
        code=code,
        name=table.names[code],
        years=table.years[sel].copy(),
        values={v: rows[v][sel].copy() for v in variables},
        units={v: table.units[v] for v in variables},
    )


def _missing_years(rows, years, lo, hi):
    """Variable -> list of years in [lo, hi] where it is NaN (only variables with gaps)."""
    keep = (years >= lo) & (years <= hi)
    out = {}
    for v, r in rows.items():
        gap = keep & ~np.isfinite(r)
        if gap.any():
            out[v] = [int(y) for y in years[gap]]
    return out


def load_panel(variables=None, codes=None, start=None, end=None):
    """Load a countries x years panel, NaN where a value is missing.

    Parameters
    ----------
    variables : str or list of str, optional
        Variables to load; default all (see :func:`list_variables`).
    codes : list of str, optional
        Country codes, rows in this order; default every country, sorted by code.
    start, end : int, optional
        First and last year; default the whole release (1950-2023).

    Returns
    -------
    Panel
        ``values[variable]`` has shape (N, T) with NaN where the data are
        missing (the only loader that returns NaN without being asked).

    Raises
    ------
    ValueError
        Unknown codes or variables, bad years, ``start > end``.

    Examples
    --------
    >>> p = load_panel(["rgdpna", "emp"], codes=["CHN", "IND"], start=2000, end=2023)
    >>> p.values["rgdpna"].shape, p.names
    ((2, 24), ['China', 'India'])
    >>> bool(np.isnan(load_panel("avh", codes=["CHN"])["avh"][0, 0]))
    True
    """
    table = _pwt()
    variables = _check_variables(variables, list(table.grid))
    if codes is None:
        codes = list(table.codes)
    elif isinstance(codes, str):
        codes = [codes]
    codes = [_check_code(c, table) for c in codes]
    if not codes:
        raise ValueError("codes must name at least one country; got an empty list")
    first, last = int(table.years[0]), int(table.years[-1])
    start, end = _check_period(start, end, first, last)
    lo = first if start is None else start
    hi = last if end is None else end
    rows = [table.codes.index(c) for c in codes]
    sel = slice(lo - first, hi - first + 1)
    return Panel(
        codes=codes,
        names=[table.names[c] for c in codes],
        years=table.years[sel].copy(),
        values={v: table.grid[v][rows, sel] for v in variables},
        units={v: table.units[v] for v in variables},
    )


def _describe(table, variable):
    """'rgdpna (real GDP at constant 2021 national prices, mil. 2021US$)'."""
    text = table.variables[variable]
    definition, unit = text[: text.rfind(" (")], table.units[variable]
    if len(definition) > 1 and definition[1].islower():
        definition = definition[0].lower() + definition[1:]
    return f"{variable} ({definition}, {unit})"


def decompose_country(
    code, start=None, end=None, labor="hours", human_capital=True, capital="rnna", capital_share="labsh"
):
    """Growth accounts for one country from the Penn World Table, conventions stated.

    Output is ``rgdpna``, capital ``rnna`` (or ``rkna``), the capital share
    ``1 - labsh`` year by year, labour ``emp x avh`` (total hours) or ``emp``
    (persons), and human capital ``hc``; see :func:`nqp_helpers.growth.decompose`.

    Parameters
    ----------
    code : str
        ISO 3-letter country code.
    start, end : int, optional
        First and last year. When both are None, the period is the longest run
        of consecutive years, ending in the latest year with data, in which
        output, capital, employment and the labour share are all present. With
        only ``end`` given the run ends at ``end``; with only ``start`` given it
        runs to the latest such year.
    labor : {"hours", "persons"}
        Labour input. With ``"hours"``, if ``avh`` is missing in any year of the
        period, persons are used instead and ``conventions`` says so.
    human_capital : bool, default True
        Adjust labour by ``hc``. If ``hc`` is missing in any year of the period,
        no adjustment is made and ``conventions`` says so.
    capital : {"rnna", "rkna"}
        Capital stock (``rnna``) or capital services (``rkna``).
    capital_share : "labsh" or float, default "labsh"
        ``"labsh"``: the capital share is ``1 - labsh`` year by year, and
        ``labsh`` must be present. A number in [0, 1]: that share is assumed
        in every year (as many studies do, e.g. 0.4), and ``labsh`` is not needed.

    Returns
    -------
    CountryAccounting
        ``accounting`` (log points per year), ``years``, and ``conventions``.

    Raises
    ------
    ValueError
        Unknown code, bad years or options; output, capital, employment or the
        labour share missing inside an explicitly requested period (the years
        are listed); fewer than two usable years.

    Examples
    --------
    >>> ca = decompose_country("CHN", 1978, 2004)
    >>> ca.conventions[2]
    'capital: rnna (capital stock at constant 2021 national prices, mil. 2021US$)'
    >>> print(ca.summary())
    1978-2004 (26 years)    % per year   share of growth
    output growth                     9.18        100.0 %
      capital                         3.75         40.9 %
      labour                          1.31         14.2 %
      human capital                   0.78          8.5 %
      TFP                             3.34         36.4 %
    """
    table = _pwt()
    code = _check_code(code, table)
    if labor not in _LABOR_CHOICES:
        raise ValueError(f"labor must be 'hours' or 'persons'; got {labor!r}")
    if capital not in _CAPITAL_CHOICES:
        raise ValueError(
            f"capital must be 'rnna' (capital stock) or 'rkna' (capital services); got {capital!r}"
        )
    if not isinstance(human_capital, (bool, np.bool_)):
        raise ValueError(f"human_capital must be True or False; got {human_capital!r}")
    measured_share = isinstance(capital_share, str)
    if measured_share and capital_share != "labsh":
        raise ValueError(f"capital_share must be 'labsh' or a number in [0, 1]; got {capital_share!r}")
    if not measured_share:
        capital_share = as_scalar("capital_share", capital_share, low=0, high=1)
    first, last = int(table.years[0]), int(table.years[-1])
    start, end = _check_period(start, end, first, last)
    i = table.codes.index(code)
    name = table.names[code]
    core = ["rgdpna", capital, "emp"] + (["labsh"] if measured_share else [])
    rows = {v: table.grid[v][i] for v in core}
    complete = np.all([np.isfinite(r) for r in rows.values()], axis=0)
    years = table.years
    core_txt = (
        f"output (rgdpna), capital ({capital}), employment (emp) and the labour share (labsh)"
        if measured_share
        else f"output (rgdpna), capital ({capital}) and employment (emp)"
    )

    if start is not None and end is not None:
        lo, hi = start, end
        how = "as requested"
    else:
        if end is None:
            inside = years[complete & (years >= (first if start is None else start))]
            if inside.size == 0:
                frm = first if start is None else start
                never = [v for v in core if not np.isfinite(rows[v][frm - first :]).any()]
                why = (
                    f"{', '.join(never)} {'is' if len(never) == 1 else 'are'} missing in every year"
                    if never
                    else "they are never all present in the same year"
                )
                raise ValueError(
                    f"too little data for {code} ({name}): growth accounting needs {core_txt} "
                    f"in the same years, but {why}"
                    + (f" from {start}" if start is not None else f" ({first}-{last})")
                    + (
                        "; without labsh the capital share is unknown: pass an assumed share, "
                        "for example capital_share=0.4"
                        if "labsh" in never
                        else ""
                    )
                )
            hi = int(inside[-1])
        else:
            hi = end
            if not complete[hi - first]:
                gone = [v for v in core if not np.isfinite(rows[v][hi - first])]
                raise ValueError(
                    f"{', '.join(gone)} {'is' if len(gone) == 1 else 'are'} missing for {code} in {hi} "
                    "(the requested end year); choose another end"
                )
        if start is None:
            lo = hi
            while lo - 1 >= first and complete[lo - 1 - first]:
                lo -= 1
            how = (
                f"the longest run of consecutive years ending in {hi} in which {core_txt} are all present"
                if end is not None
                else "the longest run of consecutive years, ending in the latest year with data, "
                f"in which {core_txt} are all present"
            )
        else:
            lo = start
            how = f"from start ({lo}) to the latest year in which {core_txt} are all present"
    missing = _missing_years(rows, years, lo, hi)
    if missing:
        raise ValueError(
            _missing_message(code, missing, lo, hi, [])
            + f" (growth accounting needs {core_txt} in every year)"
        )
    if hi - lo < 1:
        raise ValueError(
            f"too little data for {code} ({name}): the period is the single year {lo} ({how}); "
            "growth accounting needs at least 2 consecutive years"
        )
    sel = slice(lo - first, hi - first + 1)
    yrs = years[sel].copy()
    Y, K, emp = (rows[v][sel] for v in core[:3])
    share = 1.0 - rows["labsh"][sel] if measured_share else capital_share

    conventions = [
        f"period: {lo}-{hi}, {how}",
        f"output: {_describe(table, 'rgdpna')}",
        f"capital: {_describe(table, capital)}",
        "capital share: 1 - labsh, year by year (each interval uses the average of its two years)"
        if measured_share
        else f"capital share: {capital_share:g} in every year (assumed, not measured)",
    ]
    avh = table.grid["avh"][i][sel]
    if labor == "hours" and np.isfinite(avh).all():
        L, used_labor = emp * avh, "hours"
        conventions.append("labour: emp x avh (total hours worked, millions of hours per year)")
    elif labor == "hours":
        L, used_labor = emp.copy(), "persons"
        gap = _ranges(yrs[~np.isfinite(avh)])
        conventions.append(
            f"labour: emp (persons engaged, millions); avh is missing for {code} in {gap} "
            "so hours could not be used"
        )
    else:
        L, used_labor = emp.copy(), "persons"
        conventions.append("labour: emp (persons engaged, millions), as requested with labor='persons'")
    hc = table.grid["hc"][i][sel]
    H = None
    if human_capital and np.isfinite(hc).all():
        H = hc.copy()
        conventions.append("human capital: hc (index based on years of schooling and returns to education)")
    elif human_capital:
        gap = _ranges(yrs[~np.isfinite(hc)])
        conventions.append(f"human capital: not adjusted (hc missing for {code} in {gap})")
    else:
        conventions.append("human capital: not adjusted (human_capital=False)")
    conventions.append("growth rates: annual log differences; summary() reports them in % per year")
    acc = decompose(Y.copy(), K.copy(), L, share, human_capital=H, years=yrs)
    return CountryAccounting(
        accounting=acc,
        code=code,
        name=name,
        years=yrs,
        conventions=conventions,
        labor=used_labor,
        human_capital=H is not None,
        capital=capital,
    )


# --------------------------------------------------------------------------- #
# Toy economies
# --------------------------------------------------------------------------- #
def list_toy_economies():
    """Return the names of the toy economies.

    Examples
    --------
    >>> list_toy_economies()
    ['extensive', 'intensive']
    """
    return list(_toy_table(str(_data_dir()))[1])


def _check_toy(name):
    meta, tables = _toy_table(str(_data_dir()))
    if not isinstance(name, str) or name not in tables:
        raise ValueError(f"unknown toy economy {name!r}; valid names are: {', '.join(tables)}")
    return meta, tables[name]


def toy_economy(name):
    """Load a toy economy built from known parameters (``data/toy_economies.csv``).

    Parameters
    ----------
    name : str
        One of :func:`list_toy_economies`.

    Returns
    -------
    CountrySeries
        ``years`` and ``output``, ``capital`` (billions of a constant currency
        unit), ``labor`` (millions of workers), ``human_capital`` (index) and
        ``capital_share`` (fraction), as ``toy["output"]`` or ``toy.output``.

    Examples
    --------
    >>> toy = toy_economy("extensive")
    >>> toy.years[0], toy.years[-1], float(toy.output[0]), float(toy.capital_share[0])
    (np.int64(1990), np.int64(2020), 100.0, 0.4)
    """
    meta, t = _check_toy(name)
    return CountrySeries(
        code=name,
        name=name,
        years=t["years"].copy(),
        values={v: t[v].copy() for v in _TOY_VARIABLES},
        units={v: meta["units"][v] for v in _TOY_VARIABLES},
    )


def toy_parameters(name):
    """Return the true parameters behind a toy economy.

    Parameters
    ----------
    name : str
        One of :func:`list_toy_economies`.

    Returns
    -------
    dict
        ``capital_share``, target and realised growth rates (% per year) of
        output, capital, labour, human capital and TFP, the true TFP path
        (``tfp_level``, ``tfp_index`` = 1 in the first year,
        ``tfp_growth_log_points``), ``years``, ``seed`` and ``script``.

    Examples
    --------
    >>> p = toy_parameters("intensive")
    >>> p["realised_growth_pct_per_year"]["output"], p["realised_growth_pct_per_year"]["tfp"]
    (5.0, 2.5)
    """
    meta, t = _check_toy(name)
    out = copy.deepcopy(meta["economies"][name])
    out.update(years=[int(y) for y in t["years"]], seed=meta["seed"], script=meta["script"])
    return out


# --------------------------------------------------------------------------- #
# Published tables
# --------------------------------------------------------------------------- #
def load_published(name="bosworth_collins_2008_table1"):
    """Load figures copied from a publication (``data/published/<name>.csv``).

    Parameters
    ----------
    name : str
        File stem; the only table so far is ``"bosworth_collins_2008_table1"``
        (China 1978-2004, Bosworth and Collins 2008, Table 1).

    Returns
    -------
    PublishedTable

    Examples
    --------
    >>> bc = load_published()
    >>> bc.values["output"], bc.values["total factor productivity"], bc.units
    (9.3, 3.6, 'per cent per year (average annual rate of change)')
    """
    folder = _data_dir() / "published"
    available = sorted(p.name[: -len(".csv")] for p in folder.glob("*.csv")) if folder.exists() else []
    if name not in available:
        raise ValueError(f"unknown published table {name!r}; available: {', '.join(available) or 'none'}")
    meta, header, rows = _read_checked(str(folder), f"{name}.csv", f"{name}.meta.json")
    m, v = header.index("measure"), header.index("value_pct_per_year")
    return PublishedTable(
        name=name,
        citation=meta["citation"],
        values={r[m]: float(r[v]) for r in rows},
        units=meta["units"],
        meta=copy.deepcopy(meta),
    )
