"""Data: the Penn World Table 11.0 extract, the toy economies and published tables.

The data files ship inside the package, in ``nqp_helpers/datasets/`` (:data:`DATA_DIR`;
``make data`` rebuilds them in a checkout of the repository, and
``nqp_helpers/datasets/README.md`` describes each one). Everything here reads
them with numpy and the standard library only; nothing touches the network.

Every file goes through one checked reader, :func:`read_table`: it compares the
CSV's sha256 and header with its ``.meta.json`` and checks that every row has
all its fields, before anything is parsed. :func:`use_data_dir` points every
loader (and the glossary) at another folder laid out the same way.

Three labelled containers hold what the loaders return:

- :class:`Series`: one economy over consecutive years (a Penn World Table
  country, a toy economy, the toy sectors, the toy green economy);
- :class:`Panel`: countries x years, for work across countries;
- :class:`PublishedTable`: figures copied from a publication, with no years;
  :func:`load_published_rows` reads the published tables of several studies or
  reports (one row each, as text, with the missing figures left empty).

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
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ._validate import as_bool
from .i18n import N_, _

__all__ = [
    "DATA_DIR",
    "Series",
    "Panel",
    "PublishedTable",
    "data_dir",
    "use_data_dir",
    "clear_cache",
    "read_table",
    "check_code",
    "check_period",
    "year_ranges",
    "missing_years",
    "missing_message",
    "list_countries",
    "list_variables",
    "pwt_metadata",
    "pwt_years",
    "load_country",
    "load_panel",
    "list_toy_economies",
    "toy_economy",
    "toy_parameters",
    "load_toy_sectors",
    "load_toy_green",
    "load_published",
    "load_published_rows",
]

#: The package's data folder, ``nqp_helpers/datasets/`` (installed with the package).
DATA_DIR = Path(__file__).resolve().parent / "datasets"

PWT_CSV = "pwt110.csv"
TOY_CSV = "toy_economies.csv"
SECTORS_CSV = "toy_sectors.csv"
GREEN_CSV = "toy_green.csv"
PUBLISHED = "published"

_ID_COLUMNS = ("countrycode", "country", "year")
_TOY_VARIABLES = ("output", "capital", "labor", "human_capital", "capital_share")
#: Column of toy_green.csv -> variable name in the Series.
_GREEN_VARIABLES = {
    "population_millions": "population",
    "output_billions": "output",
    "capital_billions": "capital",
    "labor_millions": "labor",
    "human_capital_index": "human_capital",
    "capital_share": "capital_share",
    "energy_ej": "energy",
    "emissions_mt_co2": "emissions",
}
#: What to do about a missing or damaged file (the package may be a checkout or an installed copy).
_FIX = N_(
    "run `make data` to rebuild it in a checkout of the repository, "
    "or reinstall nqp-helpers if this is an installed copy"
)
#: The names of the toy data as their Series show them (marked for the catalogue; the data keep the English).
_TOY_NAMES = (N_("extensive"), N_("intensive"), N_("toy sectors"), N_("toy green economy"))

_override_dir: Path | None = None


# --------------------------------------------------------------------------- #
# Labelled containers
# --------------------------------------------------------------------------- #
@dataclass(frozen=True, eq=False)
class Series:
    """Annual data for one economy: consecutive years and named arrays, with units and metadata.

    Attributes
    ----------
    name : str
        Country name (Penn World Table) or the name of the toy data.
    years : ndarray of int, shape (T,)
        Consecutive calendar years.
    values : dict of str -> ndarray
        Variable -> float array whose first axis is the year: shape (T,), or
        (T, S) for a variable measured by sector (``columns`` names the S
        sectors). NaN only when loaded with ``allow_missing=True``.
    units : dict of str -> str
        Variable -> unit in words (for example ``"mil. 2021US$"``).
    code : str
        ISO 3-letter code of a Penn World Table country; for toy data, its name.
    columns : tuple of str
        Labels of the second axis of the (T, S) variables (the sectors); empty
        when every variable has shape (T,).
    meta : dict
        The metadata of the file the data came from (source, citation,
        parameters, seed, sha256), a copy.

    Notes
    -----
    ``series["rgdpna"]`` and ``series.rgdpna`` both give a variable's array.
    """

    name: str
    years: np.ndarray
    values: dict[str, np.ndarray]
    units: dict[str, str] = field(default_factory=dict)
    code: str = ""
    columns: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, variable: str) -> np.ndarray:
        try:
            return self.values[variable]
        except KeyError:
            raise KeyError(
                _("{variable!r} is not in this series; it holds {variables}").format(
                    variable=variable, variables=", ".join(self.values)
                )
            ) from None

    def __getattr__(self, variable: str) -> np.ndarray:
        # Only called for names that are not fields: look the name up among the variables.
        if variable.startswith("_") or variable in _SERIES_FIELDS:
            raise AttributeError(variable)
        try:
            return self.values[variable]
        except KeyError:
            raise AttributeError(
                _("Series has no attribute {variable!r}; variables: {variables}").format(
                    variable=variable, variables=", ".join(self.values)
                )
            ) from None

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(self.values))

    def __repr__(self) -> str:
        span = f"{self.years[0]}-{self.years[-1]}" if len(self.years) else _("no years")
        name = _(self.name) if self.name else self.name  # a country's or toy data's name, in the catalogue
        label = name if self.code in ("", self.name) else f"{self.code} {name}"
        return _("Series({label}, {span}, variables: {variables})").format(
            label=label, span=span, variables=", ".join(self.values)
        )


_SERIES_FIELDS = ("name", "years", "values", "units", "code", "columns", "meta")


@dataclass(frozen=True, eq=False)
class Panel:
    """Countries x years arrays, NaN where a value is missing.

    A separate type from :class:`Series` because every array has two axes,
    countries and years, and the rows need their codes and names.

    Attributes
    ----------
    codes : list of str
        Country codes, one per row, in the order requested (default: sorted).
    names : list of str
        Country names, same order.
    years : ndarray of int, shape (T,)
        Calendar years, one per column.
    values : dict of str -> ndarray
        Variable -> float ndarray of shape (N, T) with NaN where the Penn World
        Table has no value. This is the one place in the package where NaN
        appears by default: it is meant for vectorised work such as
        ``decompose_panel(..., allow_missing=True)``, which turns every
        interval that touches a missing value into NaN.
    units : dict of str -> str
        Variable -> unit in words.
    meta : dict
        The metadata of the Penn World Table extract (a copy).
    """

    codes: list[str]
    names: list[str]
    years: np.ndarray
    values: dict[str, np.ndarray]
    units: dict[str, str] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, variable: str) -> np.ndarray:
        try:
            return self.values[variable]
        except KeyError:
            raise KeyError(
                _("{variable!r} is not in this panel; it holds {variables}").format(
                    variable=variable, variables=", ".join(self.values)
                )
            ) from None

    def __repr__(self) -> str:
        return _(
            "Panel({countries} countries x {years} years {first}-{last}, variables: {variables})"
        ).format(
            countries=len(self.codes),
            years=len(self.years),
            first=self.years[0],
            last=self.years[-1],
            variables=", ".join(self.values),
        )


@dataclass(frozen=True, eq=False)
class PublishedTable:
    """Figures copied from a publication, with their citation.

    A separate type because a published table is one number per measure for a
    stated period, not a series over years.

    Attributes
    ----------
    name : str
        File stem under ``datasets/published``.
    citation : str
        The reference to give.
    values : dict of str -> float
        Measure -> published value.
    units : str
        Unit of every value.
    meta : dict
        The full metadata (table number, assumptions, notes).
    """

    name: str
    citation: str
    values: dict[str, float]
    units: str
    meta: dict[str, Any]


# --------------------------------------------------------------------------- #
# The data folder and the one checked reader
# --------------------------------------------------------------------------- #
def data_dir() -> Path:
    """Return the folder the loaders read now: :data:`DATA_DIR` unless :func:`use_data_dir` redirects them.

    Examples
    --------
    >>> data_dir() == DATA_DIR
    True
    """
    return _override_dir if _override_dir is not None else DATA_DIR


@contextmanager
def use_data_dir(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Read every data file from ``path`` instead of :data:`DATA_DIR` inside a ``with`` block.

    Every loader follows it: the Penn World Table, the toy economies, the toy
    sectors and green economy, the published tables and the glossary. Meant
    for tests and for checking a freshly built copy; caches are cleared on
    entry and on exit.

    Parameters
    ----------
    path : str or Path
        A folder laid out like ``nqp_helpers/datasets/``.

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


def clear_cache() -> None:
    """Forget the parsed Penn World Table, so the next call re-reads and re-checks the file.

    The small files (toy economies, published tables) are read and checked
    at every call and never cached.
    """
    _pwt_table.cache_clear()


def read_table(
    csv_name: str, meta_name: str | None = None
) -> tuple[dict[str, Any], list[str], list[list[str]]]:
    """Read a CSV of the data folder after checking it against its metadata.

    Checks, in order: both files exist; the metadata is JSON with a
    ``columns`` list; the CSV's sha256 equals the metadata's ``sha256``; the
    CSV is UTF-8; its header equals the metadata's column names; every row
    has one field per column. Every loader of this module reads through it
    (the glossary, written by hand without a sha256, is checked row by row by
    :mod:`nqp_helpers.glossary` instead).

    Parameters
    ----------
    csv_name : str
        Path of the CSV relative to :func:`data_dir`, for example
        ``"toy_green.csv"`` or ``"published/bosworth_collins_2008_table1.csv"``.
    meta_name : str, optional
        Its metadata, relative to :func:`data_dir`; default the CSV's name with
        ``.csv`` replaced by ``.meta.json``.

    Returns
    -------
    meta : dict
        The metadata.
    header : list of str
        The column names.
    rows : list of list of str
        Every row after the header, as text (an empty string is a missing value).

    Raises
    ------
    ValueError
        If a file is missing, the metadata is broken, the sha256 differs
        (corrupted, truncated or out of date), the header differs from the
        metadata, or a row has the wrong number of fields; the message names
        the file and the fix.

    Examples
    --------
    >>> meta, header, rows = read_table("toy_green.csv")
    >>> header[:3], rows[0][:3], meta["sha256"][:12]
    (['year', 'population_millions', 'output_billions'], ['2000', '1000', '10000'], '4c3ee57c1275')
    """
    folder = data_dir()
    if meta_name is None:
        meta_name = csv_name.removesuffix(".csv") + ".meta.json"
    csv_path, meta_path = folder / csv_name, folder / meta_name
    for path in (csv_path, meta_path):
        if not path.exists():
            raise ValueError(_("{path} does not exist; {fix}").format(path=path, fix=_(_FIX)))
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(
            _("{path} is not valid JSON ({error}); {fix}").format(path=meta_path, error=exc, fix=_(_FIX))
        ) from exc
    if not isinstance(meta, dict) or not isinstance(meta.get("columns"), list):
        raise ValueError(_("{path} lacks the 'columns' list; {fix}").format(path=meta_path, fix=_(_FIX)))
    raw = csv_path.read_bytes()
    actual = hashlib.sha256(raw).hexdigest()
    expected = meta.get("sha256")
    if actual != expected:
        raise ValueError(
            _(
                "{path} is corrupted, truncated or out of date (it does not match its metadata): "
                "its sha256 is {actual} but {meta} expects {expected}; {fix}"
            ).format(path=csv_path, actual=actual, meta=meta_path.name, expected=expected, fix=_(_FIX))
        )
    try:
        lines = raw.decode("utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise ValueError(_("{path} is not UTF-8 text; {fix}").format(path=csv_path, fix=_(_FIX))) from exc
    reader = csv.reader(lines)
    header = next(reader, [])
    columns = [c.get("name") if isinstance(c, dict) else c for c in meta["columns"]]
    if header != columns:
        raise ValueError(
            _("{path} has the columns {header} but {meta} lists {columns}; {fix}").format(
                path=csv_path, header=header, meta=meta_path.name, columns=columns, fix=_(_FIX)
            )
        )
    rows = list(reader)
    short = [i + 2 for i, r in enumerate(rows) if len(r) != len(header)]
    if short:
        raise ValueError(
            _("{path}: line(s) {lines} do not have {fields} fields; {fix}").format(
                path=csv_path, lines=short[:5], fields=len(header), fix=_(_FIX)
            )
        )
    return meta, header, rows


def _readonly(arr: np.ndarray) -> np.ndarray:
    arr.setflags(write=False)
    return arr


# --------------------------------------------------------------------------- #
# The Penn World Table, parsed once into a read-only panel
# --------------------------------------------------------------------------- #
@functools.lru_cache(maxsize=2)
def _pwt_table(directory: str) -> Panel:
    """The whole extract as a Panel (every country x 1950-2023), arrays read-only; cached per folder."""
    meta, header, rows = read_table(PWT_CSV)
    cols = list(zip(*rows, strict=True)) if rows else [()] * len(header)
    code_col, name_col = cols[0], cols[1]
    year_col = np.array(cols[2], dtype=int)
    codes = sorted(set(code_col))
    name_of = dict(zip(code_col, name_col, strict=True))
    years = np.arange(year_col.min(), year_col.max() + 1)
    row_of = {c: i for i, c in enumerate(codes)}
    row_i = np.array([row_of[c] for c in code_col])
    col_j = year_col - years[0]
    nan = float("nan")
    grid, units = {}, {}
    unit_of = {c["name"]: c["unit"] for c in meta["columns"]}
    for k, name in enumerate(header):
        if name in _ID_COLUMNS:
            continue
        flat = np.array([float(v) if v else nan for v in cols[k]])
        arr = np.full((len(codes), len(years)), nan)
        arr[row_i, col_j] = flat
        grid[name] = _readonly(arr)
        units[name] = unit_of[name]
    return Panel(
        codes=codes,
        names=[name_of[c] for c in codes],
        years=_readonly(years),
        values=grid,
        units=units,
        meta=meta,
    )


def _pwt() -> Panel:
    """The cached extract of the current data folder (do not modify: shared by every call)."""
    return _pwt_table(str(data_dir()))


# --------------------------------------------------------------------------- #
# Checks and messages shared with the accounting on data
# --------------------------------------------------------------------------- #
def year_ranges(years: Iterable[int]) -> str:
    """Compress sorted years into ranges, as error messages and conventions write them.

    Examples
    --------
    >>> year_ranges([1950, 1951, 1960, 1970, 1971, 1972])
    '1950-1951, 1960, 1970-1972'
    >>> year_ranges([])
    ''
    """
    ys = [int(y) for y in years]
    if not ys:
        return ""
    parts: list[str] = []
    lo = prev = ys[0]
    for y in ys[1:]:
        if y == prev + 1:
            prev = y
            continue
        parts.append(f"{lo}" if lo == prev else f"{lo}-{prev}")
        lo = prev = y
    parts.append(f"{lo}" if lo == prev else f"{lo}-{prev}")
    return ", ".join(parts)


def check_code(code: str, name: str = "code") -> str:
    """Return the Penn World Table's code for ``code`` (case and spaces ignored), or raise with near matches.

    Parameters
    ----------
    code : str
        An ISO 3-letter country code such as ``"CHN"`` or ``" chn"``.
    name : str
        The caller's argument name, for the message (``"reference"``,
        ``"codes"``); ``"code"`` by default.

    Returns
    -------
    str
        The code in upper case.

    Raises
    ------
    ValueError
        If ``code`` is not a string or not in the table; the message suggests
        up to three close codes or names (``"Germany"`` suggests DEU).

    Examples
    --------
    >>> check_code(" chn")
    'CHN'
    >>> check_code("Germany")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: unknown country code 'Germany'; did you mean DEU (Germany), ...? list_countries() gives ...
    """
    if not isinstance(code, str):
        raise ValueError(
            _("{name} must be a 3-letter country code such as 'CHN'; got {code!r}").format(
                name=name, code=code
            )
        )
    table = _pwt()
    query = code.strip()
    if query.upper() in table.codes:
        return query.upper()
    name_of = dict(zip(table.codes, table.names, strict=True))

    def score(c: str) -> float:
        by_code = difflib.SequenceMatcher(None, query.upper(), c).ratio()
        by_name = difflib.SequenceMatcher(None, query.lower(), name_of[c].lower()).ratio()
        prefix = 0.2 if len(query) >= 2 and c.startswith(query[:2].upper()) else 0.0
        return by_code + 0.5 * by_name + prefix + (1.0 if by_name == 1.0 else 0.0)

    ranked = sorted(table.codes, key=lambda c: (-score(c), c))
    guesses = [c for c in ranked[:3] if score(c) >= 0.6]
    suggestions = ", ".join(f"{c} ({_(name_of[c])})" for c in guesses)
    if guesses and name == "code":
        message = _(
            "unknown country code {code!r}; did you mean {suggestions}? list_countries() gives all {count} "
            "codes and names"
        )
    elif guesses:
        message = _(
            "unknown country code {code!r}; did you mean {suggestions}? list_countries() gives all {count} "
            "codes and names (in {name})"
        )
    elif name == "code":
        message = _("unknown country code {code!r}; list_countries() gives all {count} codes and names")
    else:
        message = _(
            "unknown country code {code!r}; list_countries() gives all {count} codes and names (in {name})"
        )
    raise ValueError(message.format(code=code, suggestions=suggestions, count=len(table.codes), name=name))


def _check_variables(variables: str | Sequence[str] | None, valid: Sequence[str]) -> list[str]:
    if variables is None:
        return list(valid)
    if isinstance(variables, str):
        variables = [variables]
    if not isinstance(variables, Iterable) or isinstance(variables, (bytes, Mapping)):
        raise ValueError(
            _(
                "variables must be a variable name such as 'rgdpna' or a list of names; got {variables!r}"
            ).format(variables=variables)
        )
    out: list[str] = []
    for v in variables:
        if not isinstance(v, str):
            raise ValueError(
                _("variables must be names (text) such as 'rgdpna'; got {value!r}").format(value=v)
            )
        if v not in valid:
            raise ValueError(
                _("unknown variable {variable!r}; valid variables are: {valid}").format(
                    variable=v, valid=", ".join(valid)
                )
            )
        if v not in out:
            out.append(v)
    if not out:
        raise ValueError(_("variables must name at least one variable; got an empty list"))
    return out


def _check_year(name: str, value: object, first: int, last: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(
            _("{name} must be a year (an integer such as 1978); got {value!r}").format(name=name, value=value)
        )
    if isinstance(value, numbers.Integral) and not first <= int(value) <= last:
        if abs(int(value)) < 10**9:
            message = _("{name} must lie in the data range {first}-{last}; got {year}")
        else:
            message = _("{name} must lie in the data range {first}-{last}; got an integer far outside it")
        raise ValueError(message.format(name=name, first=first, last=last, year=value))
    number = float(value)
    if not np.isfinite(number) or number != int(number):
        raise ValueError(_("{name} must be a whole year; got {value!r}").format(name=name, value=value))
    year = int(number)
    if not first <= year <= last:
        raise ValueError(
            _("{name} must lie in the data range {first}-{last}; got {year}").format(
                name=name, first=first, last=last, year=year
            )
        )
    return year


def check_period(start: int | None, end: int | None) -> tuple[int | None, int | None]:
    """Check a first and last year against the years of the Penn World Table.

    Parameters
    ----------
    start, end : int or None
        Whole years inside the table's range (1950-2023), ``start <= end``;
        None leaves a bound open.

    Returns
    -------
    tuple of (int or None, int or None)

    Raises
    ------
    ValueError
        A year that is not a number, not whole, or outside the data, or
        ``start > end``; the message names the argument.

    Examples
    --------
    >>> check_period(1978.0, None)
    (1978, None)
    >>> check_period(2000, 1990)
    Traceback (most recent call last):
    ...
    ValueError: start must not be after end; got start=2000, end=1990
    """
    years = _pwt().years
    first, last = int(years[0]), int(years[-1])
    lo = _check_year("start", start, first, last)
    hi = _check_year("end", end, first, last)
    if lo is not None and hi is not None and lo > hi:
        raise ValueError(
            _("start must not be after end; got start={start}, end={end}").format(start=lo, end=hi)
        )
    return lo, hi


def missing_years(
    values: Mapping[str, np.ndarray], years: np.ndarray, lo: int, hi: int
) -> dict[str, list[int]]:
    """Variable -> the years in ``[lo, hi]`` where it is NaN (only the variables with a gap).

    Examples
    --------
    >>> values = {"a": np.array([np.nan, 1.0, np.nan]), "b": np.ones(3)}
    >>> missing_years(values, np.arange(2000, 2003), 2000, 2002)
    {'a': [2000, 2002]}
    """
    keep = (years >= lo) & (years <= hi)
    out: dict[str, list[int]] = {}
    for v, r in values.items():
        gap = keep & ~np.isfinite(r)
        if gap.any():
            out[v] = [int(y) for y in years[gap]]
    return out


def missing_message(
    code: str, missing: Mapping[str, Sequence[int]], lo: int, hi: int, tips: Sequence[str] = ()
) -> str:
    """Say which variables are missing in which years of ``[lo, hi]``, and how to avoid them.

    Parameters
    ----------
    code : str
        Country code, named in the message.
    missing : dict of str -> list of int
        As returned by :func:`missing_years` (not empty).
    lo, hi : int
        The period requested.
    tips : sequence of str
        Further advice appended after the suggested start or end (already in the language in use).

    Examples
    --------
    >>> missing_message("CHN", {"avh": [1950, 1951]}, 1950, 2000)
    'avh is missing for CHN in 1950-1951; choose start >= 1952'
    """
    groups: dict[tuple[int, ...], list[str]] = {}
    for v, ys in missing.items():
        groups.setdefault(tuple(ys), []).append(v)
    parts = [
        (
            _("{variables} is missing for {code} in {years}")
            if len(vs) == 1
            else _("{variables} are missing for {code} in {years}")
        ).format(variables=", ".join(vs), code=code, years=year_ranges(ys))
        for ys, vs in groups.items()
    ]
    bad = sorted({y for ys in missing.values() for y in ys})
    advice = []
    if bad[-1] < hi:
        advice.append(_("choose start >= {year}").format(year=bad[-1] + 1))
    if bad[0] > lo:
        advice.append(_("choose end <= {year}").format(year=bad[0] - 1))
    advice += list(tips)
    # Clauses are joined by "; ", pieces of advice by ", " (templates, so that a translation can punctuate).
    text = parts[0]
    for clause in parts[1:]:
        text = _("{text}; {clause}").format(text=text, clause=clause)
    if advice:
        text = _("{text}; {advice}").format(text=text, advice=advice[0])
    for more in advice[1:]:
        text = _("{text}, {advice}").format(text=text, advice=more)
    return text


def _missing_tips(missing: Mapping[str, Sequence[int]]) -> list[str]:
    """The advice :func:`load_country` adds to a message about missing values, in the language in use."""
    return [
        _("drop {variables} from variables").format(variables=", ".join(missing)),
        _("or pass allow_missing=True to get NaN there"),
    ]


# --------------------------------------------------------------------------- #
# Penn World Table
# --------------------------------------------------------------------------- #
def list_countries() -> list[tuple[str, str]]:
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
    return list(zip(table.codes, table.names, strict=True))


def list_variables() -> dict[str, str]:
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
    return {
        c["name"]: f"{c['definition']} ({c['unit']})"
        for c in _pwt().meta["columns"]
        if c["name"] not in _ID_COLUMNS
    }


def pwt_metadata() -> dict[str, Any]:
    """Return the metadata of the Penn World Table extract (a copy).

    Returns
    -------
    dict
        Source, version, licence, citation, extraction details, column
        definitions and units, row count and sha256 (``pwt110.meta.json``).

    Examples
    --------
    >>> meta = pwt_metadata()
    >>> meta["source"]["version"], meta["licence"]["name"]
    ('11.0', 'CC BY 4.0')
    """
    return copy.deepcopy(_pwt().meta)


def pwt_years() -> np.ndarray:
    """Return the years the Penn World Table extract covers (consecutive, int).

    Examples
    --------
    >>> years = pwt_years()
    >>> int(years[0]), int(years[-1]), len(years)
    (1950, 2023, 74)
    """
    return _pwt().years.copy()


def load_country(
    code: str,
    variables: str | Sequence[str] | None = None,
    start: int | None = None,
    end: int | None = None,
    allow_missing: bool = False,
) -> Series:
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
        filled in. Only ``True`` or ``False`` is accepted.

    Returns
    -------
    Series
        ``years`` (consecutive, int) and ``values[variable]`` (float arrays);
        units are in ``units`` and :func:`list_variables`; ``meta`` is the
        extract's metadata (with the citation).

    Raises
    ------
    ValueError
        Unknown code (with near matches) or variable; ``variables`` that are
        not names; a year that is not an integer or lies outside the data;
        ``start > end``; ``allow_missing`` that is not a bool; a missing value
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
    code = check_code(code)
    variables = _check_variables(variables, list(table.values))
    start, end = check_period(start, end)
    allow_missing = as_bool("allow_missing", allow_missing)
    first, last = int(table.years[0]), int(table.years[-1])
    i = table.codes.index(code)
    name = table.names[i]
    rows = {v: table.values[v][i] for v in variables}
    lo = first if start is None else start
    hi = last if end is None else end
    if not allow_missing:
        complete = np.all([np.isfinite(r) for r in rows.values()], axis=0)
        inside = table.years[complete & (table.years >= lo) & (table.years <= hi)]
        if inside.size == 0:
            missing = missing_years(rows, table.years, lo, hi)
            raise ValueError(
                _(
                    "{code} ({name}) has no year in {first}-{last} in which all of {variables} are present: "
                    "{missing}"
                ).format(
                    code=code,
                    name=_(name),
                    first=lo,
                    last=hi,
                    variables=", ".join(variables),
                    missing=missing_message(code, missing, lo, hi, _missing_tips(missing)),
                )
            )
        lo = int(inside[0]) if start is None else start
        hi = int(inside[-1]) if end is None else end
        missing = missing_years(rows, table.years, lo, hi)
        if missing:
            raise ValueError(missing_message(code, missing, lo, hi, _missing_tips(missing)))
    sel = slice(lo - first, hi - first + 1)
    return Series(
        name=name,
        code=code,
        years=table.years[sel].copy(),
        values={v: rows[v][sel].copy() for v in variables},
        units={v: table.units[v] for v in variables},
        meta=copy.deepcopy(table.meta),
    )


def load_panel(
    variables: str | Sequence[str] | None = None,
    codes: str | Sequence[str] | None = None,
    start: int | None = None,
    end: int | None = None,
) -> Panel:
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
        Unknown codes or variables (or ones that are not text), bad years,
        ``start > end``.

    Examples
    --------
    >>> p = load_panel(["rgdpna", "emp"], codes=["CHN", "IND"], start=2000, end=2023)
    >>> p.values["rgdpna"].shape, p.names
    ((2, 24), ['China', 'India'])
    >>> bool(np.isnan(load_panel("avh", codes=["CHN"])["avh"][0, 0]))
    True
    """
    table = _pwt()
    variables = _check_variables(variables, list(table.values))
    if codes is None:
        codes = list(table.codes)
    elif isinstance(codes, str):
        codes = [codes]
    elif not isinstance(codes, Iterable) or isinstance(codes, (bytes, Mapping)):
        raise ValueError(
            _("codes must be a country code such as 'CHN' or a list of codes; got {codes!r}").format(
                codes=codes
            )
        )
    codes = [check_code(c, "codes") for c in codes]
    if not codes:
        raise ValueError(_("codes must name at least one country; got an empty list"))
    start, end = check_period(start, end)
    first, last = int(table.years[0]), int(table.years[-1])
    lo = first if start is None else start
    hi = last if end is None else end
    rows = [table.codes.index(c) for c in codes]
    sel = slice(lo - first, hi - first + 1)
    return Panel(
        codes=codes,
        names=[table.names[i] for i in rows],
        years=table.years[sel].copy(),
        values={v: table.values[v][rows, sel] for v in variables},
        units={v: table.units[v] for v in variables},
        meta=copy.deepcopy(table.meta),
    )


# --------------------------------------------------------------------------- #
# Toy economies
# --------------------------------------------------------------------------- #
def _toy_rows() -> tuple[dict[str, Any], list[str], dict[str, list[list[str]]]]:
    """The toy economies' metadata, header and rows grouped by economy (file order)."""
    meta, header, rows = read_table(TOY_CSV)
    by_economy: dict[str, list[list[str]]] = {}
    for row in rows:
        by_economy.setdefault(row[0], []).append(row)
    return meta, header, by_economy


def _check_toy(name: str) -> tuple[dict[str, Any], list[str], list[list[str]]]:
    meta, header, by_economy = _toy_rows()
    if not isinstance(name, str) or name not in by_economy:
        raise ValueError(
            _("unknown toy economy {name!r}; valid names are: {names}").format(
                name=name, names=", ".join(by_economy)
            )
        )
    return meta, header, by_economy[name]


def list_toy_economies() -> list[str]:
    """Return the names of the toy economies.

    Examples
    --------
    >>> list_toy_economies()
    ['extensive', 'intensive']
    """
    return list(_toy_rows()[2])


def toy_economy(name: str) -> Series:
    """Load a toy economy built from known parameters (``toy_economies.csv``).

    Parameters
    ----------
    name : str
        One of :func:`list_toy_economies`.

    Returns
    -------
    Series
        ``years`` and ``output``, ``capital`` (billions of a constant currency
        unit), ``labor`` (millions of workers), ``human_capital`` (index) and
        ``capital_share`` (fraction), as ``toy["output"]`` or ``toy.output``.

    Examples
    --------
    >>> toy = toy_economy("extensive")
    >>> toy.years[0], toy.years[-1], float(toy.output[0]), float(toy.capital_share[0])
    (np.int64(1990), np.int64(2020), 100.0, 0.4)
    """
    meta, header, rows = _check_toy(name)
    cols = dict(zip(header, zip(*rows, strict=True), strict=True))
    return Series(
        name=name,
        code=name,
        years=np.array(cols["year"], dtype=int),
        values={v: np.array(cols[v], dtype=float) for v in _TOY_VARIABLES},
        units={v: meta["units"][v] for v in _TOY_VARIABLES},
        meta=meta,
    )


def toy_parameters(name: str) -> dict[str, Any]:
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
    meta, header, rows = _check_toy(name)
    out = dict(meta["economies"][name])
    year = header.index("year")
    out.update(years=[int(r[year]) for r in rows], seed=meta["seed"], script=meta["script"])
    return out


def load_toy_sectors() -> Series:
    """Load the toy three-sector economy (``toy_sectors.csv``), checked by :func:`read_table`.

    Returns
    -------
    Series
        ``years`` (1990-2020), ``columns`` (the sector names, in column order)
        and three (T, S) tables: ``employment`` (millions of persons employed),
        ``value_added`` (billions of a constant currency unit) and
        ``productivity`` (value added per worker, thousand currency units per
        worker); ``meta`` holds the description, parameters and seed.

    Raises
    ------
    ValueError
        If a file is missing or the CSV does not match its metadata.

    Examples
    --------
    >>> d = load_toy_sectors()
    >>> d.columns, int(d.years[0]), int(d.years[-1]), float(d.productivity[0, 0])
    (('agriculture', 'manufacturing', 'services'), 1990, 2020, 1.5)
    """
    meta, header, rows = read_table(SECTORS_CSV)
    year, sector = header.index("year"), header.index("sector")
    emp_col, va_col = header.index("employment_millions"), header.index("value_added_billions")
    sectors = tuple(meta["sectors"])
    years = np.array(sorted({int(r[year]) for r in rows}))
    emp = np.full((years.size, len(sectors)), np.nan)
    va = np.full_like(emp, np.nan)
    for r in rows:
        t, j = int(r[year]) - years[0], sectors.index(r[sector])
        emp[t, j], va[t, j] = float(r[emp_col]), float(r[va_col])
    return Series(
        name="toy sectors",
        code="toy sectors",
        years=years,
        values={"employment": emp, "value_added": va, "productivity": va / emp},
        units={
            "employment": meta["units"]["employment_millions"],
            "value_added": meta["units"]["value_added_billions"],
            "productivity": "thousand currency units per worker",
        },
        columns=sectors,
        meta=meta,
    )


def load_toy_green() -> Series:
    """Load the green toy economy (``toy_green.csv``), checked by :func:`read_table`.

    Returns
    -------
    Series
        ``years`` (2000-2020) and ``population`` (millions of persons),
        ``output`` and ``capital`` (billions), ``labor`` (millions of workers),
        ``human_capital`` (index), ``capital_share`` (fraction), ``energy``
        (EJ) and ``emissions`` (Mt CO2); ``meta`` holds the parameters and the
        true TFP path.

    Raises
    ------
    ValueError
        If a file is missing or does not match its metadata.

    Examples
    --------
    >>> g = load_toy_green()
    >>> int(g.years[0]), float(g.output[0]), float(g.emissions[0])
    (2000, 10000.0, 4200.0)
    """
    meta, header, rows = read_table(GREEN_CSV)
    cols = dict(zip(header, zip(*rows, strict=True), strict=True))
    return Series(
        name="toy green economy",
        code="toy green economy",
        years=np.array(cols["year"], dtype=int),
        values={v: np.array(cols[c], dtype=float) for c, v in _GREEN_VARIABLES.items()},
        units={v: meta["units"][c] for c, v in _GREEN_VARIABLES.items()},
        meta=meta,
    )


# --------------------------------------------------------------------------- #
# Published tables
# --------------------------------------------------------------------------- #
def load_published(name: str = "bosworth_collins_2008_table1") -> PublishedTable:
    """Load figures copied from a publication (``published/<name>.csv``).

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
    folder = data_dir() / PUBLISHED
    available = sorted(p.name[: -len(".csv")] for p in folder.glob("*.csv")) if folder.exists() else []
    if name not in available:
        raise ValueError(_unknown_published(name, available, folder))
    meta, header, rows = read_table(f"{PUBLISHED}/{name}.csv")
    if "measure" not in header or "value_pct_per_year" not in header:
        raise ValueError(
            _(
                "published table {name!r} is not one study's figures by measure (it has the columns "
                "{columns}); read it with load_published_rows({name!r})"
            ).format(name=name, columns=", ".join(header))
        )
    m, v = header.index("measure"), header.index("value_pct_per_year")
    return PublishedTable(
        name=name,
        citation=meta["citation"],
        values={r[m]: float(r[v]) for r in rows},
        units=meta["units"],
        meta=meta,
    )


def load_published_rows(name: str) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """Load a published table of several studies or reports, one row each (``published/<name>.csv``).

    Every value stays the text the table stores; an empty string is a figure
    that could not be verified (the row's note says so). Convert a figure with
    ``float`` only after checking that it is not empty.

    Parameters
    ----------
    name : str
        File stem: ``"china_tfp_estimates"`` (published estimates of China's TFP
        growth) or ``"china_st_contribution_rate"`` (the official contribution
        rate of scientific and technological progress, 科技进步贡献率).

    Returns
    -------
    meta : dict
        The metadata (columns with units, method, what could not be verified).
    rows : list of dict
        Column name -> text, one dict per row, in the file's order.

    Raises
    ------
    ValueError
        If no such table exists, or it is damaged (see :func:`read_table`).

    Examples
    --------
    >>> meta, rows = load_published_rows("china_st_contribution_rate")
    >>> [(r["year"], r["value_pct"]) for r in rows][:2], meta["units"]
    ([('2012', '52.2'), ('2015', '55.3')], 'per cent of output growth')
    >>> meta, rows = load_published_rows("china_tfp_estimates")
    >>> [(r["study"], r["tfp_growth_pct_per_year"]) for r in rows][:3]
    [('Young (2003)', '1.4'), ('Bosworth and Collins (2008)', '3.6'), ('Zhu (2012)', '')]
    """
    folder = data_dir() / PUBLISHED
    available = sorted(p.name[: -len(".csv")] for p in folder.glob("*.csv")) if folder.exists() else []
    if not isinstance(name, str) or name not in available:
        raise ValueError(_unknown_published(name, available, folder))
    meta, header, rows = read_table(f"{PUBLISHED}/{name}.csv")
    return meta, [dict(zip(header, r, strict=True)) for r in rows]


def _unknown_published(name: object, available: Sequence[str], folder: Path) -> str:
    """The message for a published table that does not exist."""
    if available:
        return _("unknown published table {name!r}; available: {available} (in {folder})").format(
            name=name, available=", ".join(available), folder=folder
        )
    return _("unknown published table {name!r}; available: none (in {folder})").format(
        name=name, folder=folder
    )
