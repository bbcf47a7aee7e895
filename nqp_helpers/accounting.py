r"""Accounting on data: the growth accounts of real economies, and what they depend on.

Everything here rests on :func:`nqp_helpers.growth.decompose` and reads the
Penn World Table through :mod:`nqp_helpers.data`. Nothing here draws: the
figures and widgets of notebook 02 are in :mod:`nqp_helpers.lessons.accounting`.

- :func:`solow_residual`, :func:`residual_sensitivity` and
  :func:`average_growth_rates`: TFP growth as the rate-form residual
  :math:`g_A = g_Y - \alpha g_K - (1-\alpha)(g_L + g_h)`, and how it moves with
  the assumed capital share and with mismeasured inputs (Abramovitz's
  "measure of our ignorance").
- :func:`accounting_by_capital_share`: the accounts of the same data under
  other capital shares. It is the one computation of "the residual under
  other shares" on data; the lab's sensitivity table is built on it.
- :func:`complete_run`, :func:`decompose_country` and
  :class:`CountryAccounting`: a country's growth accounts from the Penn World
  Table, with every convention stated and the years chosen by one rule.
- :func:`period_table`, :func:`summaries_table`, :func:`part_values` and
  :func:`part_table`: the accounts by period, as numbers and as text.
- :func:`quality_adjustment_steps`: TFP as the inputs are measured better.
- :func:`bosworth_collins_accounting` and :func:`compare_with_bosworth_collins`:
  the published decomposition for China 1978-2004 recomputed from PWT 11.0.
- :func:`development_accounting`: levels instead of growth, the gap in output
  per worker to a reference economy.
- :func:`real_compensation` and :func:`labour_compensation`: real labour
  compensation per worker and per hour, next to labour productivity.
- :func:`intensive_growth_tests`: the article's test of intensive growth
  (labour productivity) beside the TFP-share test, period by period.
- :func:`published_tfp_estimates` and :func:`contribution_rate_comparison`:
  other studies' and the official figures beside the collection's own.

Growth rates are in per cent per year: 100 times the average annual log
difference, as everywhere in the package.
"""

from __future__ import annotations

import numbers
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from ._validate import as_array_in, as_bool, as_levels, as_scalar, as_whole_number, as_years
from .data import (
    Series,
    check_code,
    check_period,
    list_variables,
    load_country,
    load_published,
    load_published_rows,
    missing_message,
    missing_years,
    year_ranges,
)
from .growth import (
    MIN_GROWTH_FOR_SHARES,
    GrowthAccounting,
    GrowthSummary,
    PerWorkerAccounting,
    decompose,
    share_of_growth,
)
from .i18n import N_, _
from .schooling import schooling_from_human_capital

__all__ = [
    "CHINA_PERIODS",
    "solow_residual",
    "residual_sensitivity",
    "average_growth_rates",
    "accounting_by_capital_share",
    "CORE_VARIABLES",
    "complete_run",
    "CountryAccounting",
    "decompose_country",
    "period_table",
    "summaries_table",
    "part_values",
    "part_table",
    "quality_adjustment_steps",
    "BC_MEASURES",
    "DEFAULT_VARIANTS",
    "bosworth_collins_accounting",
    "Comparison",
    "compare_with_bosworth_collins",
    "DevelopmentAccount",
    "MIN_LOG_GAP_FOR_SHARES",
    "development_accounting",
    "real_compensation",
    "LabourCompensation",
    "labour_compensation",
    "IntensiveGrowthTest",
    "intensive_growth_tests",
    "PublishedEstimate",
    "published_tfp_estimates",
    "published_estimates_table",
    "ContributionRateComparison",
    "contribution_rate_comparison",
]

_RATE_KEYS = ("output", "capital", "labor", "human_capital")
_LABOR_CHOICES = ("hours", "persons")
_CAPITAL_CHOICES = ("rnna", "rkna")

#: Output, capital stock and employment: what every growth account needs in the same years.
CORE_VARIABLES = ("rgdpna", "rnna", "emp")

# The names :mod:`nqp_helpers.growth` gives the parts and totals of the accounts, which the tables of this
# module show through the catalogue (``_(name)``); marked here so that they are in its messages.
_SHOWN_NAMES = (
    N_("output growth"),
    N_("output per worker growth"),
    N_("output per hour growth"),
    N_("output per person growth"),
    N_("capital"),
    N_("labour"),
    N_("human capital"),
    N_("TFP"),
    N_("capital deepening"),
    N_("total"),
)


def _width(text: str) -> int:
    """The width of ``text`` in a monospaced font: two columns for a Chinese character, one otherwise."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _ljust(text: str, width: int) -> str:
    """``text`` padded on the right to ``width`` columns (as ``str.ljust``, counting wide characters)."""
    return text + " " * max(0, width - _width(text))


def _rjust(text: str, width: int) -> str:
    """``text`` padded on the left to ``width`` columns (as ``str.rjust``, counting wide characters)."""
    return " " * max(0, width - _width(text)) + text


# --------------------------------------------------------------------------- #
# The Solow residual in rate form
# --------------------------------------------------------------------------- #
def _rates(name: str, value: npt.ArrayLike) -> np.ndarray:
    """A finite float array (any shape) of growth rates in % per year."""
    if isinstance(value, (str, bytes)):
        raise ValueError(
            _("{name} must be a number (% per year); got the text {value!r}").format(name=name, value=value)
        )
    return as_array_in(name, value)


def solow_residual(
    output_growth: npt.ArrayLike,
    capital_growth: npt.ArrayLike,
    labor_growth: npt.ArrayLike,
    capital_share: npt.ArrayLike,
    human_capital_growth: npt.ArrayLike = 0.0,
) -> float | np.ndarray:
    r"""TFP growth as the part of output growth the inputs do not explain.

    .. math:: g_A = g_Y - \alpha\, g_K - (1 - \alpha)(g_L + g_h)

    This is the rate form of the decomposition in
    :func:`nqp_helpers.growth.decompose`; for average rates over a period with
    a constant share both give the same number.

    Parameters
    ----------
    output_growth, capital_growth, labor_growth, human_capital_growth : float or array_like
        Growth rates in % per year; arrays broadcast against each other.
    capital_share : float or array_like
        Capital share :math:`\alpha` in [0, 1] (not the labour share).

    Returns
    -------
    float or ndarray
        TFP growth in % per year, of the broadcast shape (a float for scalars).

    Raises
    ------
    ValueError
        If a rate is not a finite number, a share lies outside [0, 1], or the
        shapes do not broadcast.

    Examples
    --------
    Output 8 %, capital 10 %, labour 1 % a year and a capital share of 0.4:

    >>> print(f"{solow_residual(8.0, 10.0, 1.0, 0.4):.2f} % per year")
    3.40 % per year
    >>> solow_residual(8.0, 10.0, 1.0, [0.3, 0.5]).round(2)
    array([4.3, 2.5])
    """
    gY = _rates("output_growth", output_growth)
    gK = _rates("capital_growth", capital_growth)
    gL = _rates("labor_growth", labor_growth)
    gh = _rates("human_capital_growth", human_capital_growth)
    a = _rates("capital_share", capital_share)
    if ((a < 0) | (a > 1)).any():
        bad = a[(a < 0) | (a > 1)].flat[0]
        raise ValueError(_("capital_share must lie in [0, 1]; got {value:g}").format(value=bad))
    try:
        out = gY - a * gK - (1 - a) * (gL + gh)
    except ValueError as exc:
        shapes = ", ".join(str(x.shape) for x in (gY, gK, gL, gh, a))
        raise ValueError(
            _("growth rates and capital_share must broadcast together; got shapes {shapes}").format(
                shapes=shapes
            )
        ) from exc
    return float(out) if out.ndim == 0 else out


def _check_rates(rates: Mapping[str, float]) -> Mapping[str, float]:
    if not isinstance(rates, Mapping):
        raise ValueError(
            _("rates must be a dict with keys {keys}; got {type}").format(
                keys=", ".join(_RATE_KEYS), type=type(rates).__name__
            )
        )
    missing = [k for k in _RATE_KEYS if k not in rates]
    if missing:
        raise ValueError(
            _("rates must have the keys {keys}; missing {missing}").format(
                keys=", ".join(_RATE_KEYS), missing=", ".join(missing)
            )
        )
    return rates


def residual_sensitivity(
    rates: Mapping[str, float],
    capital_share: npt.ArrayLike,
    output_error: float = 0.0,
    capital_error: float = 0.0,
    labor_error: float = 0.0,
) -> float | np.ndarray:
    r"""Measured TFP growth when the share is assumed and the inputs are mismeasured.

    With measured rates :math:`g_X + e_X` (true growth plus a measurement
    error, in percentage points per year) the residual is

    .. math:: \hat g_A = (g_Y + e_Y) - \alpha (g_K + e_K) - (1-\alpha)(g_L + e_L + g_h)
              = g_A^{\alpha} + e_Y - \alpha e_K - (1 - \alpha) e_L,

    so an overstated output growth passes one for one into TFP, an overstated
    capital growth lowers it by :math:`\alpha e_K`, and the slope with respect
    to the assumed share is :math:`-(g_K - g_L - g_h)`.

    This is the closed form on average rates, for a constant share; for a
    share that changes year by year (``1 - labsh``) use
    :func:`accounting_by_capital_share` on the levels. With a constant share
    both give the same TFP growth.

    Parameters
    ----------
    rates : dict
        True average growth rates, % per year, with keys ``output``,
        ``capital``, ``labor``, ``human_capital`` (as from
        :func:`average_growth_rates`).
    capital_share : float or array_like
        Assumed capital share(s) in [0, 1].
    output_error, capital_error, labor_error : float
        Amount by which measured growth exceeds true growth, percentage points
        per year (negative: understated).

    Returns
    -------
    float or ndarray
        Measured TFP growth, % per year, one value per assumed share.

    Raises
    ------
    ValueError
        If ``rates`` lacks a key, or as :func:`solow_residual`.

    Examples
    --------
    >>> rates = {"output": 5.0, "capital": 7.5, "labor": 2.0, "human_capital": 0.5}
    >>> residual_sensitivity(rates, [0.3, 0.4, 0.5]).round(2)
    array([1. , 0.5, 0. ])
    >>> print(f"{residual_sensitivity(rates, 0.4, capital_error=1.0):.2f}")
    0.10
    """
    _check_rates(rates)
    errors = {
        name: as_scalar(name, value)
        for name, value in (
            ("output_error", output_error),
            ("capital_error", capital_error),
            ("labor_error", labor_error),
        )
    }
    return solow_residual(
        rates["output"] + errors["output_error"],
        rates["capital"] + errors["capital_error"],
        rates["labor"] + errors["labor_error"],
        capital_share,
        rates["human_capital"],
    )


def average_growth_rates(
    output: npt.ArrayLike,
    capital: npt.ArrayLike,
    labor: npt.ArrayLike,
    human_capital: npt.ArrayLike | None = None,
    years: npt.ArrayLike | None = None,
) -> dict[str, float]:
    """Average annual log growth of output and each input over the whole series.

    Parameters
    ----------
    output, capital, labor : array_like, shape (T,)
        Strictly positive levels, T >= 2.
    human_capital : array_like, shape (T,), optional
        Human capital index; None means no quality adjustment (growth 0).
    years : array_like, shape (T,), optional
        Strictly increasing years; default one year apart.

    Returns
    -------
    dict
        ``output``, ``capital``, ``labor``, ``human_capital``: 100 times
        (ln X_T - ln X_0) / (length in years), % per year.

    Raises
    ------
    ValueError
        If a series is not positive and finite, lengths differ, T < 2, or the
        years are not increasing.

    Examples
    --------
    >>> rates = average_growth_rates([100, 100 * np.exp(0.5)], [1, np.exp(0.7)], [1, 1], years=[2000, 2010])
    >>> {k: round(v, 2) for k, v in rates.items()}
    {'output': 5.0, 'capital': 7.0, 'labor': 0.0, 'human_capital': 0.0}
    """
    Y = as_levels("output", output)
    n = Y.shape[0]
    if n < 2:
        raise ValueError(_("output must have at least 2 years (T >= 2); got T = {n}").format(n=n))
    series = {"output": Y, "capital": as_levels("capital", capital), "labor": as_levels("labor", labor)}
    series["human_capital"] = (
        np.ones(n) if human_capital is None else as_levels("human_capital", human_capital)
    )
    for name, arr in series.items():
        if arr.shape != Y.shape:
            raise ValueError(
                _("{name} must have the same shape as output {expected}; got {shape}").format(
                    name=name, expected=Y.shape, shape=arr.shape
                )
            )
    yrs = as_years(years, n)
    span = n - 1 if yrs is None else yrs[-1] - yrs[0]
    return {k: float(100 * np.log(v[-1] / v[0]) / span) for k, v in series.items()}


# --------------------------------------------------------------------------- #
# The residual under other capital shares, on data
# --------------------------------------------------------------------------- #
def accounting_by_capital_share(
    output: npt.ArrayLike,
    capital: npt.ArrayLike,
    labor: npt.ArrayLike,
    capital_shares: Mapping[str, npt.ArrayLike],
    human_capital: npt.ArrayLike | None = None,
    years: npt.ArrayLike | None = None,
    start: float | None = None,
    end: float | None = None,
) -> dict[str, GrowthSummary]:
    r"""Growth accounts of the same data under several capital shares.

    The capital share is an empirical quantity, and its choice moves measured
    TFP: since :math:`g_A = g_Y - \alpha g_K - (1-\alpha)(g_L + g_h)`, a
    constant share changes TFP growth by :math:`\partial g_A / \partial \alpha
    = -(g_K - g_L - g_h)`. Where capital grows faster than quality-adjusted
    labour, a higher capital share means lower measured TFP growth.

    Parameters
    ----------
    output, capital, labor, human_capital, years
        As in :func:`nqp_helpers.growth.decompose`.
    capital_shares : dict of str -> float or array_like
        Label -> capital share (a constant in [0, 1] or one value per year),
        for example ``{"1 - labsh": 1 - labsh, "0.4": 0.4, "0.5": 0.5}``.
    start, end : optional
        Period of the summaries (see :meth:`GrowthAccounting.summary`).

    Returns
    -------
    dict of str -> GrowthSummary
        Average contributions in % per year, one summary per label.

    Raises
    ------
    ValueError
        If ``capital_shares`` is empty or not a dict, or as
        :func:`nqp_helpers.growth.decompose`.

    Examples
    --------
    Capital grows 6 %, labour 1 %, output 5 %: raising the share from 0.4 to
    0.5 lowers TFP growth by 0.1 x (6 - 1) = 0.5 points.

    >>> Y, K, L = [1, np.exp(0.05)], [1, np.exp(0.06)], [1, np.exp(0.01)]
    >>> s = accounting_by_capital_share(Y, K, L, {"0.4": 0.4, "0.5": 0.5})
    >>> print({k: round(float(v.parts["TFP"]), 2) for k, v in s.items()})
    {'0.4': 2.0, '0.5': 1.5}
    """
    if not isinstance(capital_shares, Mapping) or not capital_shares:
        raise ValueError(
            _("capital_shares must be a non-empty dict of label -> share; got {value!r}").format(
                value=capital_shares
            )
        )
    out = {}
    for label, share in capital_shares.items():
        acc = decompose(output, capital, labor, share, human_capital=human_capital, years=years)
        out[str(label)] = acc.summary(start, end)
    return out


# --------------------------------------------------------------------------- #
# A country's growth accounts from the Penn World Table
# --------------------------------------------------------------------------- #
def complete_run(
    code: str,
    start: float | None = None,
    end: float | None = None,
    variables: Sequence[str] = CORE_VARIABLES,
) -> tuple[int, int] | None:
    """The run of consecutive years, inside ``[start, end]``, in which every variable is present.

    The one rule of the package for which years of an economy can be
    accounted for: take the latest year inside ``[start, end]`` in which
    every variable is present, then go back year by year for as long as they
    all still are (but not before ``start``). Nothing is filled in. In PWT
    11.0 the years in which output, capital and employment are all present
    (with or without the labour share) form one unbroken run for every
    economy, so this run is also the longest one.

    Parameters
    ----------
    code : str
        ISO code of an economy in the Penn World Table extract.
    start, end : float, optional
        Bounds of the search; they may lie outside the data (1940 is fine).
        None leaves a bound open.
    variables : sequence of str
        The variables that must all be present; default :data:`CORE_VARIABLES`.

    Returns
    -------
    (int, int) or None
        First and last year of the run (equal for a single year), or None
        when no year inside ``[start, end]`` has them all.

    Raises
    ------
    ValueError
        Unknown code (with near matches) or variable, or a bound that is not
        a number.

    Examples
    --------
    >>> complete_run("CHN")
    (1952, 2023)
    >>> complete_run("CHN", 1940, 2000)
    (1952, 2000)
    >>> complete_run("IND", end=2019, variables=["rgdpna", "rnna", "emp", "avh"])
    (1970, 2019)
    >>> print(complete_run("BGD", variables=["rgdpna", "rnna", "emp", "labsh"]))
    None
    """
    series = load_country(code, list(variables), allow_missing=True)
    years = series.years
    lo = years[0] if start is None else as_scalar("start", start)
    hi = years[-1] if end is None else as_scalar("end", end)
    present = np.all([np.isfinite(series[v]) for v in series.values], axis=0)
    inside = present & (years >= lo) & (years <= hi)
    if not inside.any():
        return None
    last = int(np.flatnonzero(inside)[-1])
    first = last
    while first > 0 and inside[first - 1]:
        first -= 1
    return int(years[first]), int(years[last])


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
    capital_share : "labsh" or float
        The capital share used: ``"labsh"`` for ``1 - labsh`` year by year,
        or the share assumed in every year.
    levels : dict of str -> ndarray
        The series that were decomposed, one value per year: ``output``,
        ``capital``, ``labor`` (hours or persons), ``capital_share`` (the
        share in each year) and, only when labour was adjusted, ``human_capital``.
        Other specifications of the same data start from here (see
        :func:`accounting_by_capital_share`).
    """

    accounting: GrowthAccounting
    code: str
    name: str
    years: np.ndarray
    conventions: list[str]
    labor: str
    human_capital: bool
    capital: str
    capital_share: str | float
    levels: dict[str, np.ndarray]

    def summary(self, start: float | None = None, end: float | None = None) -> GrowthSummary:
        """Average contributions in % per year; see :meth:`GrowthAccounting.summary`."""
        return self.accounting.summary(start, end)

    def per_worker(self) -> PerWorkerAccounting:
        """Decomposition per unit of labour (labelled per hour when labour is hours); see
        :meth:`GrowthAccounting.per_worker`."""
        return self.accounting.per_worker("hour" if self.labor == "hours" else "worker")

    def __str__(self) -> str:
        head = _("{name} ({code})").format(name=_(self.name), code=self.code)
        return "\n".join([head] + [f"- {c}" for c in self.conventions])


# The definitions and units :func:`_describe` shows (from the Penn World Table's metadata), marked so
# that they are in the catalogue.
_DESCRIPTIONS = (
    N_("real GDP at constant 2021 national prices"),
    N_("capital stock at constant 2021 national prices"),
    N_("capital services at constant 2021 national prices (2021=1)"),
    N_("mil. 2021US$"),
    N_("index, 2021=1"),
)


def _describe(series: Series, variable: str) -> str:
    """'rgdpna (real GDP at constant 2021 national prices, mil. 2021US$)'."""
    text = list_variables()[variable]
    definition, unit = text[: text.rfind(" (")], series.units[variable]
    if len(definition) > 1 and definition[1].islower():
        definition = definition[0].lower() + definition[1:]
    return _("{variable} ({definition}, {unit})").format(
        variable=variable, definition=_(definition), unit=_(unit)
    )


def decompose_country(
    code: str,
    start: int | None = None,
    end: int | None = None,
    labor: str = "hours",
    human_capital: bool = True,
    capital: str = "rnna",
    capital_share: str | float = "labsh",
) -> CountryAccounting:
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
        output, capital, employment and the labour share are all present
        (:func:`complete_run`). With only ``end`` given the run ends at
        ``end``; with only ``start`` given it runs to the latest such year.
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
        ``accounting`` (log points per year), ``years``, ``conventions``, and
        the choices actually made (``labor``, ``human_capital``, ``capital``,
        ``capital_share``) with the ``levels`` decomposed.

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
    >>> ca.capital_share, decompose_country("CHN", 1978, 2004, capital_share=0.4).capital_share
    ('labsh', 0.4)
    """
    code = check_code(code)
    if labor not in _LABOR_CHOICES:
        raise ValueError(_("labor must be 'hours' or 'persons'; got {value!r}").format(value=labor))
    if capital not in _CAPITAL_CHOICES:
        raise ValueError(
            _("capital must be 'rnna' (capital stock) or 'rkna' (capital services); got {value!r}").format(
                value=capital
            )
        )
    human_capital = as_bool("human_capital", human_capital)
    measured_share = isinstance(capital_share, str)
    if measured_share and capital_share != "labsh":
        raise ValueError(
            _("capital_share must be 'labsh' or a number in [0, 1]; got {value!r}").format(
                value=capital_share
            )
        )
    assumed = None if measured_share else as_scalar("capital_share", capital_share, low=0, high=1)
    start, end = check_period(start, end)
    core = ["rgdpna", capital, "emp"] + (["labsh"] if measured_share else [])
    data = load_country(code, [*core, "avh", "hc"], allow_missing=True)
    name, years = data.name, data.years
    first, last = int(years[0]), int(years[-1])
    rows = {v: data[v] for v in core}
    core_txt = (
        _("output (rgdpna), capital ({capital}), employment (emp) and the labour share (labsh)")
        if measured_share
        else _("output (rgdpna), capital ({capital}) and employment (emp)")
    ).format(capital=capital)

    if start is not None and end is not None:
        lo, hi = start, end
        how = _("as requested")
    else:
        run = complete_run(code, start, end, core)
        if end is not None and (run is None or run[1] != end):
            gone = [v for v in core if not np.isfinite(rows[v][end - first])]
            raise ValueError(
                (
                    _(
                        "{variables} is missing for {code} in {end} (the requested end year); "
                        "choose another end"
                    )
                    if len(gone) == 1
                    else _(
                        "{variables} are missing for {code} in {end} (the requested end year); "
                        "choose another end"
                    )
                ).format(variables=", ".join(gone), code=code, end=end)
            )
        if run is None:
            frm = first if start is None else start
            never = [v for v in core if not np.isfinite(rows[v][frm - first :]).any()]
            if start is not None:
                why = (
                    _("they are never all present in the same year from {start}")
                    if not never
                    else _("{variables} is missing in every year from {start}")
                    if len(never) == 1
                    else _("{variables} are missing in every year from {start}")
                )
            else:
                why = (
                    _("they are never all present in the same year ({first}-{last})")
                    if not never
                    else _("{variables} is missing in every year ({first}-{last})")
                    if len(never) == 1
                    else _("{variables} are missing in every year ({first}-{last})")
                )
            why = why.format(variables=", ".join(never), start=start, first=first, last=last)
            message = _(
                "too little data for {code} ({name}): growth accounting needs {needs} in the same years, "
                "but {why}"
            ).format(code=code, name=_(name), needs=core_txt, why=why)
            if "labsh" in never:
                message += _(
                    "; without labsh the capital share is unknown: pass an assumed share, "
                    "for example capital_share=0.4"
                )
            raise ValueError(message)
        hi = run[1]
        if start is None:
            lo = run[0]
            how = (
                _("the longest run of consecutive years ending in {end} in which {needs} are all present")
                if end is not None
                else _(
                    "the longest run of consecutive years, ending in the latest year with data, "
                    "in which {needs} are all present"
                )
            ).format(end=hi, needs=core_txt)
        else:
            lo = start
            how = _("from start ({start}) to the latest year in which {needs} are all present").format(
                start=lo, needs=core_txt
            )
    missing = missing_years(rows, years, lo, hi)
    if missing:
        raise ValueError(
            _("{message} (growth accounting needs {needs} in every year)").format(
                message=missing_message(code, missing, lo, hi), needs=core_txt
            )
        )
    if hi - lo < 1:
        raise ValueError(
            _(
                "too little data for {code} ({name}): the period is the single year {year} ({how}); "
                "growth accounting needs at least 2 consecutive years"
            ).format(code=code, name=_(name), year=lo, how=how)
        )
    sel = (years >= lo) & (years <= hi)
    yrs = years[sel]
    Y, K, emp = (rows[v][sel] for v in core[:3])
    share = 1.0 - rows["labsh"][sel] if assumed is None else np.full(yrs.size, assumed)

    conventions = [
        _("period: {start}-{end}, {how}").format(start=lo, end=hi, how=how),
        _("output: {description}").format(description=_describe(data, "rgdpna")),
        _("capital: {description}").format(description=_describe(data, capital)),
        _("capital share: 1 - labsh, year by year (each interval uses the average of its two years)")
        if assumed is None
        else _("capital share: {share:g} in every year (assumed, not measured)").format(share=assumed),
    ]
    avh = data["avh"][sel]
    if labor == "hours" and np.isfinite(avh).all():
        L, used_labor = emp * avh, "hours"
        conventions.append(_("labour: emp x avh (total hours worked, millions of hours per year)"))
    elif labor == "hours":
        L, used_labor = emp, "persons"
        gap = year_ranges(yrs[~np.isfinite(avh)])
        conventions.append(
            _(
                "labour: emp (persons engaged, millions); avh is missing for {code} in {years} "
                "so hours could not be used"
            ).format(code=code, years=gap)
        )
    else:
        L, used_labor = emp, "persons"
        conventions.append(_("labour: emp (persons engaged, millions), as requested with labor='persons'"))
    hc = data["hc"][sel]
    levels = {"output": Y, "capital": K, "labor": L, "capital_share": share}
    if human_capital and np.isfinite(hc).all():
        levels["human_capital"] = hc
        conventions.append(
            _("human capital: hc (index based on years of schooling and returns to education)")
        )
    elif human_capital:
        gap = year_ranges(yrs[~np.isfinite(hc)])
        conventions.append(
            _("human capital: not adjusted (hc missing for {code} in {years})").format(code=code, years=gap)
        )
    else:
        conventions.append(_("human capital: not adjusted (human_capital=False)"))
    conventions.append(_("growth rates: annual log differences; summary() reports them in % per year"))
    acc = decompose(Y, K, L, share, human_capital=levels.get("human_capital"), years=yrs)
    return CountryAccounting(
        accounting=acc,
        code=code,
        name=name,
        years=yrs,
        conventions=conventions,
        labor=used_labor,
        human_capital="human_capital" in levels,
        capital=capital,
        capital_share="labsh" if assumed is None else assumed,
        levels=levels,
    )


def quality_adjustment_steps(code: str, start: int, end: int) -> dict[str, GrowthSummary]:
    """TFP as the inputs are measured better, one step at a time (Penn World Table).

    The steps are cumulative: (1) persons engaged and the capital stock
    ``rnna``, no quality adjustment; (2) total hours instead of persons;
    (3) labour also adjusted for schooling (``hc``): the quality of workers;
    (4) capital services ``rkna`` instead of the stock: the quality (asset
    mix) of the means of labour. Step 4 is the Penn World Table's own TFP
    measure (``rtfpna``). The capital share is ``1 - labsh`` throughout.

    Parameters
    ----------
    code : str
        Country code; ``avh``, ``hc`` and ``rkna`` must be present in every
        year of the period.
    start, end : int
        First and last year.

    Returns
    -------
    dict of str -> GrowthSummary
        Ordered steps, label -> average contributions (% per year).

    Raises
    ------
    ValueError
        If hours, human capital or capital services are missing in the period
        (a step would silently repeat another), or as :func:`decompose_country`.

    Examples
    --------
    >>> steps = quality_adjustment_steps("CHN", 1978, 2004)
    >>> [f"{s.parts['TFP']:.2f}" for s in steps.values()]
    ['4.26', '4.12', '3.34', '3.14']
    """
    # The labels are English, as notebooks look steps up by them; tables show them through the catalogue
    # (summaries_table), and so may figures (the labels notebook 02 draws are marked below).
    specs: dict[str, dict[str, Any]] = {
        N_("persons, capital stock"): dict(labor="persons", human_capital=False, capital="rnna"),
        N_("+ hours worked"): dict(labor="hours", human_capital=False, capital="rnna"),
        N_("+ schooling (hc)"): dict(labor="hours", human_capital=True, capital="rnna"),
        N_("+ capital services"): dict(labor="hours", human_capital=True, capital="rkna"),
    }
    out = {}
    for label, spec in specs.items():
        ca = decompose_country(code, start, end, **spec)
        if ca.labor != spec["labor"] or ca.human_capital != spec["human_capital"]:
            raise ValueError(
                _(
                    "{code}: the step '{label}' needs avh and hc in every year of {start}-{end}; {details}"
                ).format(
                    code=ca.code,
                    label=_(label),
                    start=start,
                    end=end,
                    details="; ".join(ca.conventions[-3:-1]),
                )
            )
        out[label] = ca.summary()
    return out


# Notebook 02 draws the steps with their labels broken at the comma (``label.replace(", ", ",\n")``).
_STEP_LABELS_DRAWN = (N_("persons,\ncapital stock"),)


# --------------------------------------------------------------------------- #
# Growth accounts by period (generic; notebooks 02 and 05 use them)
# --------------------------------------------------------------------------- #
def _accounting_of(
    source: str | CountryAccounting | GrowthAccounting, options: Mapping[str, Any]
) -> tuple[GrowthAccounting, float, float]:
    """(GrowthAccounting, first year, last year) for a code, a CountryAccounting or a GrowthAccounting."""
    if isinstance(source, str):
        source = decompose_country(source, **options)
    elif options:
        raise ValueError(
            _("options {options} apply only when source is a country code; got a {type}").format(
                options=sorted(options), type=type(source).__name__
            )
        )
    if isinstance(source, CountryAccounting):
        source = source.accounting
    if not isinstance(source, GrowthAccounting):
        raise ValueError(
            _(
                "source must be a country code such as 'CHN', a CountryAccounting or a GrowthAccounting; "
                "got {value!r}"
            ).format(value=source)
        )
    if source.years is None:
        raise ValueError(_("source must carry years (call decompose with years=...) to be split by period"))
    if np.ndim(source.output_growth) != 1:
        raise ValueError(_("source must be a single economy, not a panel"))
    first = float(source.years[0] - source.interval_years[0])
    return source, first, float(source.years[-1])


def _check_periods(periods: Any) -> list[tuple[float | None, float | None]]:
    if isinstance(periods, (str, bytes)) or not hasattr(periods, "__len__") or len(periods) == 0:
        raise ValueError(
            _("periods must be a non-empty list of (start, end) pairs; got {value!r}").format(value=periods)
        )
    out = []
    for p in periods:
        if isinstance(p, (str, bytes)) or not hasattr(p, "__len__") or len(p) != 2:
            raise ValueError(
                _("each period must be a (start, end) pair of years or None; got {value!r}").format(value=p)
            )
        for y in p:
            if y is not None and (isinstance(y, bool) or not isinstance(y, numbers.Real)):
                raise ValueError(
                    _("period bounds must be years or None; got {value!r} in {period!r}").format(
                        value=y, period=p
                    )
                )
        if p[0] is not None and p[1] is not None and not p[0] < p[1]:
            raise ValueError(_("each period must have start < end; got {value!r}").format(value=tuple(p)))
        out.append((p[0], p[1]))
    return out


#: The periods in which the collection reads China's growth, in notebooks 02, 03 and the lab (years; each
#: period runs from the first year's level to the last's): before the reform; Bosworth and Collins's (2008)
#: two reform periods, 1978-1993 and 1993-2004; from then to the 18th Party Congress of 2012; and the "new
#: era" the article speaks of, to the last year of PWT 11.0. One set of cuts, so that a number quoted in one
#: notebook can be found in another.
CHINA_PERIODS: tuple[tuple[int, int], ...] = (
    (1952, 1978),
    (1978, 1993),
    (1993, 2004),
    (2004, 2012),
    (2012, 2023),
)


def period_table(
    source: str | CountryAccounting | GrowthAccounting,
    periods: Sequence[tuple[float | None, float | None]],
    per_worker: bool = False,
    clip: bool = False,
    **options: Any,
) -> list[GrowthSummary]:
    """Average contributions to growth for each of several periods.

    Generic growth accounting (used by notebooks 02 and 05). The whole span is
    decomposed once, with one set of conventions, and then averaged period by
    period, so every row uses the same data choices.

    Parameters
    ----------
    source : str, CountryAccounting or GrowthAccounting
        A Penn World Table country code (decomposed with
        :func:`decompose_country` over the longest run of complete years
        ending in the latest year), or an accounting with years.
    periods : sequence of (start, end)
        Years; ``None`` as start means the first year of the data, as end the
        last. Example: ``[(1978, 1993), (1993, 2004), (2012, None)]``.
    per_worker : bool, default False
        Decompose output per unit of labour (capital deepening, human capital,
        TFP) instead of output.
    clip : bool, default False
        If True, a period that begins before the first year of the data starts
        at the first year instead (the summary's ``period`` shows the years used).
    **options
        ``labor``, ``human_capital``, ``capital`` for ``decompose_country``
        (only with a country code).

    Returns
    -------
    list of GrowthSummary
        One per period, in % per year.

    Raises
    ------
    ValueError
        Malformed periods; a period outside the data (unless clipped);
        options without a country code; errors of ``decompose_country``.

    Examples
    --------
    >>> rows = period_table("CHN", [(1978, 1993), (2012, None)], labor="persons")
    >>> [f"{s.period[0]:g}-{s.period[1]:g}: TFP {s.parts['TFP']:.2f}" for s in rows]
    ['1978-1993: TFP 3.54', '2012-2023: TFP 1.80']
    """
    checked = _check_periods(periods)
    acc, first, last = _accounting_of(source, options)
    view: GrowthAccounting | PerWorkerAccounting = acc.per_worker() if per_worker else acc
    out = []
    for start, end in checked:
        lo = first if start is None else float(start)
        hi = last if end is None else float(end)
        if clip and lo < first < hi:
            lo = first
        if lo < first or hi > last:
            raise ValueError(
                _(
                    "period {start:g}-{end:g} lies outside the data ({first:g}-{last:g}); "
                    "choose years inside it or pass clip=True to start at the first year"
                ).format(start=lo, end=hi, first=first, last=last)
            )
        out.append(view.summary(lo, hi))
    return out


def summaries_table(
    summaries: Sequence[GrowthSummary], labels: Sequence[str] | None = None, show_share: bool = True
) -> str:
    """Growth accounts as an aligned text table, one row per summary.

    Parameters
    ----------
    summaries : sequence of GrowthSummary
        With the same parts (all aggregate or all per worker).
    labels : sequence of str, optional
        Row labels; default the periods ("1978-1993").
    show_share : bool, default True
        Add a column with TFP's share of total growth (%). Where total growth
        is below :data:`~nqp_helpers.growth.MIN_GROWTH_FOR_SHARES` (0.5 % per
        year) the share reads "n/a" and a last line says why.

    Returns
    -------
    str
        Columns: total growth, each part (% per year) and TFP's share of growth (%).

    Raises
    ------
    ValueError
        If the list is empty, labels do not match, or parts differ.

    Examples
    --------
    >>> from nqp_helpers import constant_growth_economy
    >>> e = constant_growth_economy(10, 6.0, 1.0, 2.0, 0.4)
    >>> acc = decompose(e["output"], e["capital"], e["labor"], 0.4, years=e["years"])
    >>> print(summaries_table([acc.summary()], ["toy"]))
                    output growth  capital  labour  human capital     TFP  TFP share (%)
    toy                      5.00     2.40    0.60           0.00    2.00           40.0
    """
    summaries = list(summaries)
    if not summaries or not all(isinstance(s, GrowthSummary) for s in summaries):
        raise ValueError(_("summaries must be a non-empty list of GrowthSummary"))
    names = list(summaries[0].parts)
    if any(list(s.parts) != names for s in summaries):
        raise ValueError(
            _("all summaries must have the same parts (do not mix aggregate and per-worker views)")
        )
    if labels is None:
        labels = [f"{s.period[0]:g}-{s.period[1]:g}" for s in summaries]
    # A label the catalogue knows (a country's name, say) is shown in the language in use.
    labels = [_(str(x)) for x in labels]
    if len(labels) != len(summaries):
        raise ValueError(
            _("labels must have one entry per summary ({expected}); got {n}").format(
                expected=len(summaries), n=len(labels)
            )
        )
    width = max(16, *(_width(x) + 1 for x in labels))
    cols = [_(summaries[0].total_name), *(_(n) for n in names)] + ([_("TFP share (%)")] if show_share else [])
    sizes = [max(_width(c), 6) for c in cols]
    lines = [" " * width + "  ".join(_rjust(c, n) for c, n in zip(cols, sizes, strict=True))]
    undefined = False
    for label, s in zip(labels, summaries, strict=True):
        share = s.shares["TFP"]
        vals = [float(s.total), *(float(s.parts[n]) for n in names)]
        cells = [f"{v:{n}.2f}" for v, n in zip(vals, sizes, strict=False)]
        share_txt = _("n/a") if np.isnan(share) else f"{100 * share:.1f}"
        undefined |= bool(np.isnan(share))
        if show_share:
            cells.append(_rjust(share_txt, sizes[-1]))
        lines.append(_ljust(label, width) + "  ".join(cells))
    if show_share and undefined:
        lines.append(_no_share_note(summaries[0].total_name))
    return "\n".join(lines)


def _no_share_note(total_name: str) -> str:
    """The line under a table that explains its "n/a" shares."""
    return _(
        "n/a: {total} below {minimum:g} % per year; a share of so little (or negative) growth is undefined"
    ).format(total=_(total_name), minimum=MIN_GROWTH_FOR_SHARES)


def part_values(
    rows: Mapping[str, Sequence[GrowthSummary]], part: str = "TFP", share: bool = False
) -> dict[str, list[float]]:
    """One part of the growth accounts for several economies and periods, as numbers.

    Parameters
    ----------
    rows : dict of str -> list of GrowthSummary
        Economy label -> one summary per period (as from :func:`period_table`),
        the same number of periods for every economy.
    part : str
        "TFP", "capital", "labour", "human capital" (aggregate view) or
        "capital deepening" (per-worker view), or "total" (the growth of
        output, or of output per worker).
    share : bool
        The part as a share of total growth (%) instead of % per year; NaN
        where total growth is below :data:`~nqp_helpers.growth.MIN_GROWTH_FOR_SHARES`.

    Returns
    -------
    dict of str -> list of float
        Economy label -> one value per period.

    Raises
    ------
    ValueError
        If ``rows`` is empty, economies have different numbers of periods, or
        the part is unknown.

    Examples
    --------
    >>> rows = {"CHN": period_table("CHN", [(1978, 1993), (2012, None)], labor="persons")}
    >>> {k: [round(v, 2) for v in vals] for k, vals in part_values(rows, "TFP").items()}
    {'CHN': [3.54, 1.8]}
    """
    rows = dict(rows)
    if not rows:
        raise ValueError(_("rows must name at least one economy"))
    counts = {len(v) for v in rows.values()}
    if len(counts) != 1:
        raise ValueError(
            _("every economy must have the same number of periods; got {counts}").format(
                counts=sorted(counts)
            )
        )
    first = next(iter(rows.values()))
    if part != "total" and part not in first[0].parts:
        raise ValueError(
            _("part must be 'total' or one of {parts}; got {value!r}").format(
                parts=list(first[0].parts), value=part
            )
        )
    out = {}
    for label, summaries in rows.items():
        if part == "total":
            out[label] = [float(s.total) for s in summaries]
        elif share:
            out[label] = [100 * float(s.shares[part]) for s in summaries]
        else:
            out[label] = [float(s.parts[part]) for s in summaries]
    return out


def part_table(rows: Mapping[str, Sequence[GrowthSummary]], part: str = "TFP", share: bool = False) -> str:
    """One part of the growth accounts for several economies and periods, as text.

    Parameters
    ----------
    rows, part, share
        As in :func:`part_values`.

    Returns
    -------
    str
        One row per economy, one column per period; periods that were clipped
        show their own years in the economy's row label. A share of growth
        below :data:`~nqp_helpers.growth.MIN_GROWTH_FOR_SHARES` reads "n/a",
        and a last line says why.

    Raises
    ------
    ValueError
        As :func:`part_values`.

    Examples
    --------
    >>> rows = {"CHN": period_table("CHN", [(1978, 1993), (2012, None)], labor="persons")}
    >>> print(part_table(rows))
    TFP (% per year)   1978-1993  2012-2023
    CHN                     3.54       1.80
    """
    values = part_values(rows, part, share)
    first = next(iter(rows.values()))
    heads = [f"{s.period[0]:g}-{s.period[1]:g}" for s in first]
    title = (_("{part} (% of growth)") if share else _("{part} (% per year)")).format(part=_(part))
    # A label the catalogue knows (a country's name, say) is shown in the language in use.
    shown = {k: _(str(k)) for k in rows}
    width = max(_width(title), *(_width(k) for k in shown.values())) + 3
    lines = [_ljust(title, width) + "".join(f"{h:>11}" for h in heads)]
    for label, summaries in rows.items():
        own = [f"{s.period[0]:g}-{s.period[1]:g}" for s in summaries]
        note = (
            ""
            if own == heads
            else " (" + ", ".join(o for o, h in zip(own, heads, strict=True) if o != h) + ")"
        )
        cells = "".join(_rjust(_("n/a"), 11) if np.isnan(v) else f"{v:11.2f}" for v in values[label])
        lines.append(_ljust(shown[label], width) + cells + note)
    if any(np.isnan(v) for vals in values.values() for v in vals):
        lines.append(_no_share_note(first[0].total_name))
    return "\n".join(lines)


# --------------------------------------------------------------------------- #
# The published decomposition for China: Bosworth and Collins (2008)
# --------------------------------------------------------------------------- #
#: Measures of Bosworth and Collins (2008), Table 1, in their order; the keys of
#: ``load_published().values``.
BC_MEASURES = (
    N_("output"),
    N_("employment"),
    N_("output per worker"),
    N_("physical capital"),
    N_("education"),
    N_("total factor productivity"),
)


def bosworth_collins_accounting(
    code: str = "CHN",
    start: int = 1978,
    end: int = 2004,
    capital_share: str | float = 0.4,
    schooling_return: float | None = None,
    labor: str = "persons",
    capital: str = "rnna",
) -> dict[str, float]:
    r"""Recompute a Bosworth-Collins style decomposition from the Penn World Table.

    Bosworth and Collins (2008) write :math:`Y = A K^{\alpha} (L H)^{1-\alpha}`,
    divide by :math:`L` and report, in % per year, output, employment, output
    per worker and the contributions of physical capital
    :math:`\alpha\, g_{K/L}`, education :math:`(1-\alpha) g_H` and TFP to
    output per worker; they set :math:`\alpha = 0.40` and
    :math:`H = 1.07^{S}` with :math:`S` years of schooling.

    Parameters
    ----------
    code : str
        Country code.
    start, end : int
        First and last year.
    capital_share : float or "labsh"
        A constant capital share in [0, 1], or ``"labsh"`` for PWT's
        ``1 - labsh`` year by year (Tornqvist averages).
    schooling_return : float, optional
        None: human capital is PWT ``hc``. A number r in [0, 0.3]: human
        capital is :math:`(1 + r)^S` with :math:`S` the schooling behind
        ``hc`` (:func:`nqp_helpers.schooling.schooling_from_human_capital`);
        Bosworth and Collins use 0.07.
    labor : {"persons", "hours"}
        Employment (``emp``) or total hours (``emp * avh``).
    capital : {"rnna", "rkna"}
        Capital stock or capital services.

    Returns
    -------
    dict
        :data:`BC_MEASURES` -> % per year. ``employment`` is the growth of the
        labour measure used; the last three add up to ``output per worker``.

    Raises
    ------
    ValueError
        Bad options, or data missing in the period.

    Examples
    --------
    >>> r = bosworth_collins_accounting()
    >>> for k in ("output per worker", "physical capital", "education", "total factor productivity"):
    ...     print(f"{k}: {r[k]:.2f}")
    output per worker: 7.21
    physical capital: 2.86
    education: 0.80
    total factor productivity: 3.55
    """
    if labor not in ("persons", "hours"):
        raise ValueError(_("labor must be 'persons' or 'hours'; got {value!r}").format(value=labor))
    if capital not in ("rnna", "rkna"):
        raise ValueError(_("capital must be 'rnna' or 'rkna'; got {value!r}").format(value=capital))
    if isinstance(capital_share, str):
        if capital_share != "labsh":
            raise ValueError(
                _("capital_share must be a number in [0, 1] or 'labsh'; got {value!r}").format(
                    value=capital_share
                )
            )
    else:
        capital_share = as_scalar("capital_share", capital_share, low=0, high=1)
    if schooling_return is not None:
        schooling_return = as_scalar("schooling_return", schooling_return, low=0, high=0.3)
    variables = ["rgdpna", capital, "emp", "hc"] + (["avh"] if labor == "hours" else [])
    if capital_share == "labsh":
        variables.append("labsh")
    d = load_country(code, variables, start, end)
    L = d["emp"] * d["avh"] if labor == "hours" else d["emp"]
    if schooling_return is None:
        H = d["hc"]
    else:
        H = (1.0 + schooling_return) ** schooling_from_human_capital(d["hc"])
    share = 1.0 - d["labsh"] if capital_share == "labsh" else capital_share
    acc = decompose(d["rgdpna"], d[capital], L, share, human_capital=H, years=d.years)
    s, pw = acc.summary(), acc.per_worker().summary()
    return {
        "output": float(s.total),
        "employment": float(s.total - pw.total),
        "output per worker": float(pw.total),
        "physical capital": float(pw.parts["capital deepening"]),
        "education": float(pw.parts["human capital"]),
        "total factor productivity": float(pw.parts["TFP"]),
    }


@dataclass(frozen=True)
class Comparison:
    """Published figures next to recomputed ones.

    Attributes
    ----------
    measures : tuple of str
        Row names (:data:`BC_MEASURES`).
    columns : tuple of str
        Column labels; the first is the published study.
    values : ndarray, shape (len(measures), len(columns))
        % per year.
    citation : str
        Reference of the published column.
    """

    measures: tuple[str, ...]
    columns: tuple[str, ...]
    values: np.ndarray
    citation: str

    def column(self, label: str) -> dict[str, float]:
        """One column as a dict measure -> value."""
        if label not in self.columns:
            raise ValueError(
                _("unknown column {value!r}; columns are {columns}").format(
                    value=label, columns=list(self.columns)
                )
            )
        j = self.columns.index(label)
        return dict(zip(self.measures, self.values[:, j].tolist(), strict=True))

    def differences(self, label: str) -> dict[str, float]:
        """A column minus the published column, percentage points per year."""
        col, pub = self.column(label), self.column(self.columns[0])
        return {m: col[m] - pub[m] for m in self.measures}

    def table(self) -> str:
        """Aligned text: one row per measure, one column per source (keys A, B, ...)."""
        keys = [chr(ord("A") + j) for j in range(len(self.columns))]
        lines = [f"{k}: {_(c)}" for k, c in zip(keys, self.columns, strict=True)]
        lines.append(_ljust(_("% per year"), 27) + "".join(f"{k:>8}" for k in keys))
        for i, m in enumerate(self.measures):
            lines.append(_ljust(_(m), 27) + "".join(f"{v:8.2f}" for v in self.values[i]))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.table()


#: The recomputations shown next to the published figures by default.
DEFAULT_VARIANTS: dict[str, dict[str, Any]] = {
    N_("PWT 11.0, capital share 0.40, persons, hc"): dict(capital_share=0.4),
    N_("PWT 11.0, capital share 0.40, persons, 7 % per year of schooling"): dict(
        capital_share=0.4, schooling_return=0.07
    ),
    N_("PWT 11.0, capital share 1 - labsh, persons, hc"): dict(capital_share="labsh"),
    N_("PWT 11.0, capital share 1 - labsh, hours, hc"): dict(capital_share="labsh", labor="hours"),
}

#: The label of the published column of :class:`Comparison` (shown through the catalogue).
_BC_PUBLISHED = N_("Bosworth and Collins (2008), Table 1")


def compare_with_bosworth_collins(variants: Mapping[str, Mapping[str, Any]] | None = None) -> Comparison:
    """Bosworth and Collins (2008, Table 1) for China 1978-2004 next to PWT 11.0 recomputations.

    Parameters
    ----------
    variants : dict of str -> dict, optional
        Column label -> keyword arguments for :func:`bosworth_collins_accounting`
        (its ``code``, ``start`` and ``end`` are fixed to China 1978-2004).
        Default: :data:`DEFAULT_VARIANTS`.

    Returns
    -------
    Comparison
        The first column is the published table (``datasets/published``).

    Raises
    ------
    ValueError
        If ``variants`` is empty or a variant's options are invalid.

    Examples
    --------
    >>> c = compare_with_bosworth_collins()
    >>> c.columns[0]
    'Bosworth and Collins (2008), Table 1'
    >>> print(f"{c.differences(c.columns[1])['total factor productivity']:+.2f}")
    -0.05
    """
    variants = DEFAULT_VARIANTS if variants is None else variants
    if not isinstance(variants, Mapping) or not variants:
        raise ValueError(
            _("variants must be a non-empty dict label -> options; got {value!r}").format(value=variants)
        )
    pub = load_published("bosworth_collins_2008_table1")
    cols = {_BC_PUBLISHED: {m: pub.values[m] for m in BC_MEASURES}}
    for label, opts in variants.items():
        fixed = {k for k in ("code", "start", "end") if k in opts}
        if fixed:
            raise ValueError(
                _("variant {label!r} may not set {keys}: the comparison is China 1978-2004").format(
                    label=label, keys=sorted(fixed)
                )
            )
        cols[str(label)] = bosworth_collins_accounting("CHN", 1978, 2004, **opts)
    values = np.array([[cols[c][m] for c in cols] for m in BC_MEASURES])
    return Comparison(tuple(BC_MEASURES), tuple(cols), values, pub.citation)


# --------------------------------------------------------------------------- #
# Development accounting: levels instead of growth
# --------------------------------------------------------------------------- #
#: Below this size of the log gap ln(y/y*) (about 5 % in output per worker), the factors' shares
#: of the gap are not shown: dividing by a gap near zero gives shares of hundreds of per cent.
MIN_LOG_GAP_FOR_SHARES = 0.05


@dataclass(frozen=True)
class DevelopmentAccount:
    """Levels accounting of output per worker relative to a reference economy.

    Attributes
    ----------
    code, reference : str
    year : int
    capital_share : float
    ratios : dict
        ``output per worker``, ``capital``, ``human capital``, ``TFP``: the
        ratio to the reference economy of y, of k^a, of h^(1-a) and of A;
        the last three multiply to the first.
    log_shares : dict
        Each factor's share of the log gap ln(y/y*) (they sum to 1); NaN when
        the gap is smaller in size than :data:`MIN_LOG_GAP_FOR_SHARES` (the
        reference economy itself has no gap at all).
    pwt_ctfp : float
        PWT's own TFP level relative to the USA (``ctfp``) in that year, for
        comparison (NaN if missing or if the reference is not the USA).
    """

    code: str
    reference: str
    year: int
    capital_share: float
    ratios: dict[str, float]
    log_shares: dict[str, float]
    pwt_ctfp: float

    def table(self) -> str:
        """The account as aligned text; shares of a gap too small to split read "n/a", with the reason.

        Examples
        --------
        >>> print(development_accounting("USA", 2019).table())
        USA relative to USA in 2019 (capital share 0.333333)
        factor                 ratio   share of log gap
        output per worker      1.000
        capital                1.000         n/a
        human capital          1.000         n/a
        TFP                    1.000         n/a
        n/a: USA is the reference economy itself; there is no gap to split
        (PWT's own TFP level, ctfp, USA = 1: 1.000)
        """
        lines = [
            _("{code} relative to {reference} in {year} (capital share {share:g})").format(
                code=self.code, reference=self.reference, year=self.year, share=self.capital_share
            ),
            _ljust(_("factor"), 20) + _rjust(_("ratio"), 8) + "   " + _("share of log gap"),
        ]
        for k, v in self.ratios.items():
            if k == "output per worker":
                share = ""
            elif np.isnan(self.log_shares[k]):
                share = _rjust(_("n/a"), 10)
            else:
                share = f"{100 * self.log_shares[k]:10.0f} %"
            lines.append(f"{_ljust(_(k), 20)}{v:8.3f}  {share}")
        if any(np.isnan(v) for v in self.log_shares.values()):
            gap = float(np.log(self.ratios["output per worker"]))
            lines.append(
                _("n/a: {code} is the reference economy itself; there is no gap to split").format(
                    code=self.code
                )
                if self.code == self.reference
                else _(
                    "n/a: the log gap ln(y/y*) is {gap:+.3f}, smaller in size than {minimum:g}; "
                    "shares of so small a gap mean little (compare the ratios)"
                ).format(gap=gap, minimum=MIN_LOG_GAP_FOR_SHARES)
            )
        if np.isfinite(self.pwt_ctfp):
            lines.append(_("(PWT's own TFP level, ctfp, USA = 1: {ctfp:.3f})").format(ctfp=self.pwt_ctfp))
        return "\n".join(lines)


def development_accounting(
    code: str, year: int | None = None, reference: str = "USA", capital_share: float = 1 / 3
) -> DevelopmentAccount:
    r"""Split the gap in output per worker to a reference economy into capital, human capital and TFP.

    Development accounting (Hall and Jones 1999; Caselli 2005) writes output
    per worker as :math:`y = A k^{\alpha} h^{1-\alpha}` with :math:`k = K/L`, so
    that the log gap to a reference economy splits exactly into

    .. math:: \ln\frac{y}{y^*} = \alpha\ln\frac{k}{k^*} + (1-\alpha)\ln\frac{h}{h^*}
              + \ln\frac{A}{A^*}.

    Uses output-side real GDP at chained PPPs (``rgdpo``), the capital stock at
    current PPPs (``cn``), persons engaged (``emp``) and ``hc``, all in the same
    year, and a common capital share (1/3 by default, as in Caselli 2005).

    Parameters
    ----------
    code, reference : str
        ISO codes. The reference may be the economy itself: every ratio is
        then 1 and the shares of the (absent) gap are NaN.
    year : int, optional
        Default: the latest year in which both economies have all four variables.
    capital_share : float
        In (0, 1).

    Returns
    -------
    DevelopmentAccount
        ``log_shares`` are NaN when the log gap is smaller in size than
        :data:`MIN_LOG_GAP_FOR_SHARES`.

    Raises
    ------
    ValueError
        Unknown code or reference; a year that is not a whole number; either
        economy lacking the variables in ``year`` (or in every year).

    Examples
    --------
    >>> d = development_accounting("CHN", 2019)
    >>> print(round(d.ratios["output per worker"], 3), round(sum(d.log_shares.values()), 12))
    0.239 1.0
    """
    a = as_scalar("capital_share", capital_share, low=0, high=1, low_open=True, high_open=True)
    code, reference = check_code(code), check_code(reference, "reference")
    if year is not None:
        year = as_whole_number("year", year)
    variables = ["rgdpo", "cn", "emp", "hc"]
    own = load_country(code, variables + ["ctfp"], allow_missing=True)
    ref = load_country(reference, variables, allow_missing=True)
    ok = np.all([np.isfinite(own.values[v]) for v in variables], axis=0)
    ok &= np.all([np.isfinite(ref.values[v]) for v in variables], axis=0)
    if year is None:
        if not ok.any():
            raise ValueError(
                _("no year in which {code} and {reference} both have rgdpo, cn, emp and hc").format(
                    code=own.code, reference=ref.code
                )
            )
        year = int(own.years[ok][-1])
    idx = np.flatnonzero(own.years == year)
    if idx.size == 0 or not ok[idx[0]]:
        have = own.years[ok]
        span = f"{have[0]}-{have[-1]}" if have.size else _("no year")
        raise ValueError(
            _(
                "year must be one in which {code} and {reference} both have rgdpo, cn, emp and hc "
                "({years}); got {year}"
            ).format(code=own.code, reference=ref.code, years=span, year=year)
        )
    i = idx[0]

    def per_worker(s: Series) -> tuple[float, float, float]:
        e = s.values["emp"][i]
        return s.values["rgdpo"][i] / e, s.values["cn"][i] / e, s.values["hc"][i]

    (y, k, h), (y0, k0, h0) = per_worker(own), per_worker(ref)
    parts = {"capital": (k / k0) ** a, "human capital": (h / h0) ** (1 - a)}
    parts["TFP"] = (y / y0) / (parts["capital"] * parts["human capital"])
    gap = np.log(y / y0)
    split = abs(gap) >= MIN_LOG_GAP_FOR_SHARES
    log_shares = {kname: float(np.log(v) / gap) if split else float("nan") for kname, v in parts.items()}
    ctfp = own.values["ctfp"][i] if ref.code == "USA" else float("nan")
    return DevelopmentAccount(
        own.code,
        ref.code,
        year,
        a,
        {"output per worker": float(y / y0), **{kname: float(v) for kname, v in parts.items()}},
        log_shares,
        float(ctfp),
    )


# --------------------------------------------------------------------------- #
# Labour costs: real compensation per worker and per hour
# --------------------------------------------------------------------------- #
def real_compensation(
    output: npt.ArrayLike,
    labor_share: npt.ArrayLike,
    employment: npt.ArrayLike,
    hours: npt.ArrayLike | None = None,
) -> dict[str, np.ndarray]:
    r"""Real labour compensation per worker (and per hour), and output per worker (and per hour).

    Labour compensation is the labour share of GDP times real GDP,
    :math:`w L = s_L\, Y`, so compensation per worker is :math:`w = s_L\, Y / L`
    and, with annual hours :math:`H` per worker, per hour :math:`s_L\, Y / (L H)`.
    Because both :math:`w` and :math:`Y/L` are deflated by the same (GDP) price
    index, their ratio is the labour share, and in growth rates

    .. math:: g_w = g_{Y/L} + \Delta \ln s_L .

    Parameters
    ----------
    output : array_like, shape (T,)
        Real GDP (for example PWT ``rgdpna``), strictly positive.
    labor_share : float or array_like, shape (T,)
        Share of labour compensation in GDP, in (0, 1].
    employment : array_like, shape (T,)
        Persons engaged, strictly positive (in the unit that makes the ratio
        meaningful, e.g. millions with output in millions).
    hours : array_like, shape (T,), optional
        Average annual hours worked per person engaged, strictly positive.

    Returns
    -------
    dict of str -> ndarray
        ``"compensation per worker"``, ``"output per worker"`` and, with
        ``hours``, ``"compensation per hour"`` and ``"output per hour"``: levels
        in the unit of ``output`` per person (per hour).

    Raises
    ------
    ValueError
        If a series is not 1-D, finite and strictly positive, the lengths
        differ, or a labour share lies outside (0, 1].

    Examples
    --------
    >>> r = real_compensation([100.0, 110.0], [0.5, 0.55], [10.0, 10.0], hours=[2000.0, 2000.0])
    >>> r["compensation per worker"].round(2), (1000 * r["compensation per hour"]).round(3)
    (array([5.  , 6.05]), array([2.5  , 3.025]))
    """
    y = as_levels("output", output)
    emp = as_levels("employment", employment)
    if emp.shape != y.shape:
        raise ValueError(
            _("employment must have one value per year of output ({expected}); got {n}").format(
                expected=y.size, n=emp.size
            )
        )
    share = (
        np.broadcast_to(as_array_in("labor_share", labor_share), y.shape)
        if np.ndim(labor_share) == 0
        else (as_array_in("labor_share", labor_share))
    )
    if share.shape != y.shape:
        raise ValueError(
            _("labor_share must be a number or one value per year ({expected}); got {n}").format(
                expected=y.size, n=share.size
            )
        )
    if ((share <= 0) | (share > 1)).any():
        bad = share[(share <= 0) | (share > 1)].flat[0]
        raise ValueError(_("labor_share must lie in (0, 1]; got {value:g}").format(value=bad))
    out = {"compensation per worker": share * y / emp, "output per worker": y / emp}
    if hours is not None:
        h = as_levels("hours", hours)
        if h.shape != y.shape:
            raise ValueError(
                _("hours must have one value per year of output ({expected}); got {n}").format(
                    expected=y.size, n=h.size
                )
            )
        out["compensation per hour"] = share * y / (emp * h)
        out["output per hour"] = y / (emp * h)
    return out


@dataclass(frozen=True)
class LabourCompensation:
    """A country's real labour compensation and labour productivity, year by year (PWT 11.0).

    Attributes
    ----------
    code, name : str
        Country code and name.
    years : ndarray of int
    labour_share : ndarray
        PWT ``labsh``.
    levels : dict of str -> ndarray
        Compensation and output per worker and per hour, as
        :func:`real_compensation` returns them.
    units : str
        Unit of the levels.
    """

    code: str
    name: str
    years: np.ndarray
    labour_share: np.ndarray
    levels: dict[str, np.ndarray]
    units: str

    def growth(self, start: int | None = None, end: int | None = None) -> dict[str, float]:
        """Average log growth of each level from ``start`` to ``end`` (% per year), and of the labour share.

        Parameters
        ----------
        start, end : int, optional
            Years inside the data; default the first and last year.

        Returns
        -------
        dict of str -> float
            Each level's growth, plus ``"labour share"`` (100 times the average
            annual change of its log, points per year).

        Raises
        ------
        ValueError
            If a year lies outside the data or ``start >= end``.
        """
        lo = int(self.years[0]) if start is None else as_whole_number("start", start)
        hi = int(self.years[-1]) if end is None else as_whole_number("end", end)
        if not (self.years[0] <= lo < hi <= self.years[-1]):
            raise ValueError(
                _("start and end must satisfy {first} <= start < end <= {last}; got {start}-{end}").format(
                    first=self.years[0], last=self.years[-1], start=lo, end=hi
                )
            )
        i, j = int(np.flatnonzero(self.years == lo)[0]), int(np.flatnonzero(self.years == hi)[0])
        series = {**self.levels, "labour share": self.labour_share}
        return {k: float(100 * np.log(v[j] / v[i]) / (hi - lo)) for k, v in series.items()}


def labour_compensation(
    code: str = "CHN", start: int | None = None, end: int | None = None
) -> LabourCompensation:
    """Real labour compensation per worker and per hour from PWT 11.0 (``labsh × rgdpna / emp``, ``/ avh``).

    Compensation is deflated, like output, by the GDP deflator (``rgdpna`` is
    at constant 2021 national prices, expressed in millions of 2021 US dollars),
    so compensation per worker relative to output per worker is the labour
    share. A consumer-price deflator would instead measure what the pay buys;
    where consumer prices rise faster than the GDP deflator, real pay in that
    sense grows more slowly than shown here.

    Parameters
    ----------
    code : str
        Country code (default China).
    start, end : int, optional
        First and last year; default every year in which ``rgdpna``, ``emp``,
        ``avh`` and ``labsh`` are all present.

    Returns
    -------
    LabourCompensation
        Levels in 2021 US$ (at constant 2021 national prices) per person per
        year and per hour.

    Raises
    ------
    ValueError
        An unknown code, or a missing value in the years asked for.

    Examples
    --------
    >>> lc = labour_compensation("CHN", 2012, 2023)
    >>> g = lc.growth()
    >>> print(f"{g['compensation per worker']:.2f} = {g['output per worker']:.2f} + {g['labour share']:.2f}")
    6.07 = 6.20 + -0.13
    """
    variables = ["rgdpna", "emp", "avh", "labsh"]
    code = check_code(code)
    if start is None and end is None:
        d = load_country(code, variables, allow_missing=True)
        ok = np.all([np.isfinite(d[v]) for v in variables], axis=0)
        if not ok.any():
            raise ValueError(
                _("{code} has no year with rgdpna, emp, avh and labsh all present").format(code=code)
            )
        years = d.years[ok]
        start, end = int(years[0]), int(years[-1])
    d = load_country(code, variables, start, end)
    levels = real_compensation(d["rgdpna"], d["labsh"], d["emp"], hours=d["avh"])
    return LabourCompensation(
        code=code,
        name=d.name,
        years=np.asarray(d.years, dtype=int),
        labour_share=np.asarray(d["labsh"], dtype=float),
        levels=levels,
        units=_("2021 US$ at constant 2021 national prices, per person engaged per year (per hour)"),
    )


# --------------------------------------------------------------------------- #
# Two tests of "intensive growth", and China's TFP in other studies
# --------------------------------------------------------------------------- #
@dataclass(frozen=True)
class IntensiveGrowthTest:
    """Two tests of intensive growth for one period (rates in % per year, shares in %).

    Attributes
    ----------
    period : (int, int)
    output, output_per_labour, tfp : float
        Growth of output, of output per unit of labour (per person or per hour),
        and TFP growth, % per year.
    labour_productivity_share : float
        Growth of output per unit of labour as a percentage of output growth
        (above 100 when labour input shrinks); NaN where output grows less
        than ``MIN_GROWTH_FOR_SHARES``.
    tfp_share : float
        TFP growth as a percentage of output growth; NaN likewise.
    """

    period: tuple[int, int]
    output: float
    output_per_labour: float
    tfp: float
    labour_productivity_share: float
    tfp_share: float


def intensive_growth_tests(
    code: str = "CHN",
    periods: Sequence[tuple[int, int]] = CHINA_PERIODS,
    labor: str = "persons",
) -> list[IntensiveGrowthTest]:
    """The article's test of intensive growth and the TFP-share test, period by period.

    The article (section 2) says intensive growth is "mainly reflected in the
    realization of economic growth by improving labor productivity": measured
    here as the growth of output per unit of labour relative to output growth.
    The collection's own test is TFP's share of output growth (and whether TFP
    grows faster than before). Both use one decomposition (PWT 11.0, ``hc``,
    ``rnna``, capital share ``1 - labsh``).

    Parameters
    ----------
    code : str
    periods : sequence of (start, end)
        Whole years; default :data:`CHINA_PERIODS`.
    labor : {"persons", "hours"}

    Returns
    -------
    list of IntensiveGrowthTest

    Raises
    ------
    ValueError
        As :func:`period_table`.

    Examples
    --------
    >>> t = intensive_growth_tests("CHN", [(2004, 2012), (2012, 2023)])
    >>> [(round(x.output, 2), round(x.output_per_labour, 2), round(x.tfp, 2)) for x in t]
    [(10.13, 9.71, 4.21), (5.95, 6.2, 1.8)]
    """
    whole = decompose_country(code, labor=labor)
    agg = period_table(whole, periods)
    pw = period_table(whole, periods, per_worker=True)
    out = []
    for a, p in zip(agg, pw, strict=True):
        total = float(a.total)
        out.append(
            IntensiveGrowthTest(
                period=(int(a.period[0]), int(a.period[1])),
                output=total,
                output_per_labour=float(p.total),
                tfp=float(a.parts["TFP"]),
                labour_productivity_share=100 * float(share_of_growth(float(p.total), total)),
                tfp_share=100 * float(share_of_growth(float(a.parts["TFP"]), total)),
            )
        )
    return out


@dataclass(frozen=True)
class PublishedEstimate:
    """One published estimate of China's TFP growth, next to the collection's own figure for its period.

    Attributes
    ----------
    study, citation, coverage, method, labour, as_published, verified_in, note : str
        As stored in ``published/china_tfp_estimates.csv``.
    period : (int, int)
    published : float or None
        The figure in % per year; None where it could not be verified.
    own_persons, own_hours : float
        TFP growth from PWT 11.0 for the same years (``hc``, ``rnna``,
        ``1 - labsh``), labour in persons and in hours, % per year.
    """

    study: str
    citation: str
    period: tuple[int, int]
    coverage: str
    method: str
    labour: str
    published: float | None
    as_published: str
    verified_in: str
    note: str
    own_persons: float
    own_hours: float


def published_tfp_estimates(code: str = "CHN") -> list[PublishedEstimate]:
    """Published estimates of China's TFP growth, each with the collection's figure for the same period.

    Parameters
    ----------
    code : str
        The economy whose PWT accounts are set beside the estimates (the
        stored estimates are all for China).

    Returns
    -------
    list of PublishedEstimate

    Raises
    ------
    ValueError
        If the table is damaged, or a period lies outside the PWT data.

    Examples
    --------
    >>> rows = published_tfp_estimates()
    >>> [(r.study.split(" (")[0], r.published, round(r.own_persons, 2)) for r in rows][:3]
    [('Young', 1.4, 3.57), ('Bosworth and Collins', 3.6, 3.48), ('Zhu', None, -0.23)]
    """
    _meta, rows = load_published_rows("china_tfp_estimates")
    whole = {lab: decompose_country(code, labor=lab) for lab in ("persons", "hours")}
    out = []
    for r in rows:
        period = (int(r["period_start"]), int(r["period_end"]))
        own = {lab: float(acc.summary(*period).parts["TFP"]) for lab, acc in whole.items()}
        figure = r["tfp_growth_pct_per_year"]
        out.append(
            PublishedEstimate(
                study=r["study"],
                citation=r["citation"],
                period=period,
                coverage=r["coverage"],
                method=r["method"],
                labour=r["labour"],
                published=float(figure) if figure else None,
                as_published=r["figure_as_published"],
                verified_in=r["verified_in"],
                note=r["note"],
                own_persons=own["persons"],
                own_hours=own["hours"],
            )
        )
    return out


def published_estimates_table(rows: Sequence[PublishedEstimate]) -> str:
    """The published estimates and the collection's own figures as aligned text.

    Parameters
    ----------
    rows : sequence of PublishedEstimate

    Returns
    -------
    str
        One line per study: period, coverage, labour, published TFP growth
        ("not verified" where no figure is stored) and the PWT figures.

    Examples
    --------
    >>> print(published_estimates_table(published_tfp_estimates()[:1]))  # doctest: +NORMALIZE_WHITESPACE
    study         period     coverage                  labour   published  PWT persons  PWT hours
    Young (2003)  1978-1998  non-agricultural economy  persons       1.40         3.57       3.49
    """
    head = [
        _("study"),
        _("period"),
        _("coverage"),
        _("labour"),
        _("published"),
        _("PWT persons"),
        _("PWT hours"),
    ]
    body = [
        [
            r.study.split(",")[0],
            f"{r.period[0]}-{r.period[1]}",
            _(r.coverage.split(" (")[0]),
            _(r.labour),
            _("not verified") if r.published is None else f"{r.published:.2f}",
            f"{r.own_persons:.2f}",
            f"{r.own_hours:.2f}",
        ]
        for r in rows
    ]
    widths = [max(_width(x[i]) for x in [head, *body]) for i in range(len(head))]
    lines = []
    for line in [head, *body]:
        cells = [
            _ljust(c, w) if i < 4 else _rjust(c, w) for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


# The coverage and labour of the stored estimates (``published/china_tfp_estimates.csv``), which
# :func:`published_estimates_table` shows through the catalogue.
_ESTIMATE_WORDS = (
    N_("non-agricultural economy"),
    N_("total economy"),
    N_("persons"),
    N_("hours, quality-adjusted"),
)


@dataclass(frozen=True)
class ContributionRateComparison:
    """The official contribution rate of S&T progress beside TFP shares computed from PWT 11.0.

    Attributes
    ----------
    years : tuple of int
        Years of the official figures.
    official : tuple of float
        Official figures (% of output growth; a lower bound where the
        qualifier is "over").
    qualifiers : tuple of str
    window : int
        Each PWT share is computed over the ``window`` years ending in the year.
    columns : tuple of str
        Labels of the PWT variants.
    values : ndarray, shape (len(years), len(columns))
        TFP share of output growth under each variant, %.
    """

    years: tuple[int, ...]
    official: tuple[float, ...]
    qualifiers: tuple[str, ...]
    window: int
    columns: tuple[str, ...]
    values: np.ndarray

    def table(self) -> str:
        """Aligned text: one row per year, the official figure and each PWT variant (%)."""
        head = [_("year"), _("window"), _("official"), *[chr(ord("A") + i) for i in range(len(self.columns))]]
        body = []
        for i, y in enumerate(self.years):
            off = f"{'>' if self.qualifiers[i] == 'over' else ''}{self.official[i]:.1f}"
            body.append([str(y), f"{y - self.window}-{y}", off, *[f"{v:.1f}" for v in self.values[i]]])
        widths = [max(_width(x[k]) for x in [head, *body]) for k in range(len(head))]
        lines = ["  ".join(_rjust(c, w) for c, w in zip(line, widths, strict=True)) for line in [head, *body]]
        lines += [f"{chr(ord('A') + i)}: {c}" for i, c in enumerate(self.columns)]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.table()


def contribution_rate_comparison(
    window: int = 5, capital_shares: Sequence[float] = (0.3, 0.5)
) -> ContributionRateComparison:
    """Set the official contribution rate of S&T progress (科技进步贡献率) beside PWT TFP shares.

    The official rate is the Solow residual's share of output growth with
    fixed output elasticities and labour counted as employed persons, not
    adjusted for schooling (``published/china_st_contribution_rate.meta.json``
    says what was and was not verified). The PWT variants move from the
    collection's conventions towards that method one step at a time:
    A, persons with ``hc`` and ``1 - labsh`` (section 6.1 of notebook 02);
    B, the same without the schooling adjustment; then B with each fixed
    capital share in ``capital_shares`` (C, D, ...).

    Parameters
    ----------
    window : int, default 5
        Length in years of the period ending in each official year.
    capital_shares : sequence of float
        Fixed capital elasticities to try, each in [0, 1].

    Returns
    -------
    ContributionRateComparison

    Raises
    ------
    ValueError
        A window outside 1-20 years, a share outside [0, 1], or a damaged table.

    Examples
    --------
    >>> c = contribution_rate_comparison()
    >>> c.years[0], c.official[0], [round(float(v), 1) for v in c.values[0]]
    (2012, 52.2, [32.6, 37.5, 55.9, 29.1])
    """
    w = as_whole_number("window", window, low=1, high=20)
    shares = [as_scalar("capital_shares", a, low=0, high=1) for a in capital_shares]
    _meta, rows = load_published_rows("china_st_contribution_rate")
    # The labels are what students read (the table's key): they are in the language in use.
    variants: dict[str, CountryAccounting] = {
        _("PWT, persons, hc, capital share 1 - labsh"): decompose_country("CHN", labor="persons"),
        _("PWT, persons, no schooling adjustment, 1 - labsh"): decompose_country(
            "CHN", labor="persons", human_capital=False
        ),
    }
    for a in shares:
        variants[_("as B, with a fixed capital share {share:g}").format(share=a)] = decompose_country(
            "CHN", labor="persons", human_capital=False, capital_share=a
        )
    years = tuple(int(r["year"]) for r in rows)
    values = np.empty((len(years), len(variants)))
    for i, y in enumerate(years):
        for j, acc in enumerate(variants.values()):
            s = acc.summary(y - w, y)
            values[i, j] = 100 * float(share_of_growth(float(s.parts["TFP"]), float(s.total)))
    return ContributionRateComparison(
        years=years,
        official=tuple(float(r["value_pct"]) for r in rows),
        qualifiers=tuple(r["qualifier"] for r in rows),
        window=w,
        columns=tuple(variants),
        values=values,
    )
