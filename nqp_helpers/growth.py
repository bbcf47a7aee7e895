r"""Growth accounting: how much growth comes from more inputs, how much from TFP.

The production function behind the accounting is Cobb-Douglas with
labour-augmenting human capital,

.. math:: Y_t = A_t K_t^{\alpha} (h_t L_t)^{1-\alpha},

where :math:`Y` is output, :math:`K` physical capital, :math:`L` labour (persons or
hours), :math:`h` human capital per unit of labour, :math:`\alpha` the capital share
and :math:`A` total factor productivity (全要素生产率, TFP). Taking logs and first
differences gives the decomposition used here (Solow 1957):

.. math:: g_Y = \bar\alpha\, g_K + (1-\bar\alpha)\, g_L + (1-\bar\alpha)\, g_h + g_A,

with :math:`g_X = \ln X_t - \ln X_{t-1}` (a log difference) and :math:`\bar\alpha`
the average of the shares at :math:`t-1` and :math:`t` (the Tornqvist
discretisation, which is exact for a translog production function; Diewert
1976). TFP growth :math:`g_A` is whatever output growth the inputs do not
account for: the Solow residual.

Dividing by :math:`L` gives the per-worker view,

.. math:: g_Y - g_L = \bar\alpha (g_K - g_L) + (1-\bar\alpha) g_h + g_A,

capital deepening plus human capital plus TFP.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ._validate import as_bool, as_levels, as_numeric, as_scalar, as_shares, as_whole_number, as_years
from .i18n import N_, _

__all__ = [
    "MIN_GROWTH_FOR_SHARES",
    "share_of_growth",
    "share_percent",
    "GrowthAccounting",
    "PerWorkerAccounting",
    "GrowthSummary",
    "decompose",
    "decompose_panel",
    "summarise",
    "constant_growth_economy",
]


#: Below this growth rate (% per year) a share of growth is not a meaningful number and is not shown.
#: Dividing by growth near zero gives shares of thousands of per cent, and dividing by a fall
#: reverses their sign; every place that prints a share of growth uses this one threshold.
MIN_GROWTH_FOR_SHARES = 0.5

#: The name of the growth rate :func:`decompose` splits (``GrowthSummary.total_name``; shown through ``_``).
OUTPUT_GROWTH = N_("output growth")
#: The growth rates :meth:`GrowthAccounting.per_worker` splits, by unit of labour (shown through ``_``).
_PER_UNIT_GROWTH = {
    "worker": N_("output per worker growth"),
    "hour": N_("output per hour growth"),
    "person": N_("output per person growth"),
}


def _shown(text: str) -> str:
    """A name (of a growth rate, of a part of growth) in the language in use; names unknown to the
    catalogue, and the empty name, stay as they are."""
    return _(text) if text else text


def _width(text: str) -> int:
    """Columns a text takes in a monospaced font (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _ljust(text: str, width: int) -> str:
    return text + " " * max(width - _width(text), 0)


def _rjust(text: str, width: int) -> str:
    return " " * max(width - _width(text), 0) + text


def share_of_growth(part: npt.ArrayLike, total: npt.ArrayLike) -> float | np.ndarray:
    """A part of growth as a fraction of total growth, NaN where total growth is too small to share.

    Parameters
    ----------
    part, total : float or array_like
        Growth rates in % per year; they broadcast against each other.

    Returns
    -------
    float or ndarray
        ``part / total`` where ``total >= MIN_GROWTH_FOR_SHARES`` (0.5 % per
        year); NaN where total growth is smaller, zero or negative.

    Examples
    --------
    >>> share_of_growth(1.0, 4.0)
    0.25
    >>> share_of_growth(-0.27, -0.01)  # output barely moves: no share
    nan
    """
    p, t = np.asarray(part, dtype=float), np.asarray(total, dtype=float)
    ok = t >= MIN_GROWTH_FOR_SHARES
    out = np.divide(p, t, out=np.full(np.broadcast(p, t).shape, np.nan), where=ok)
    return float(out) if out.ndim == 0 else out


def share_percent(part: float, total: float, total_name: str = OUTPUT_GROWTH, decimals: int = 0) -> str:
    """A share of growth as text, "24 %", or "n/a" with the reason when total growth is too small.

    Parameters
    ----------
    part, total : float
        Growth rates in % per year.
    total_name : str
        What ``total`` is the growth of, for the reason.
    decimals : int
        Decimals of the percentage.

    Returns
    -------
    str

    Examples
    --------
    >>> share_percent(1.0, 4.0)
    '25 %'
    >>> share_percent(-0.27, -0.01)
    'n/a (output growth is -0.01 % per year; a share of growth is undefined below 0.5 % per year)'
    """
    share = share_of_growth(part, total)
    if np.isnan(share):
        return _("n/a ({reason})").format(reason=_why_no_share(total, total_name))
    return f"{round(100 * float(share), decimals) + 0.0:.{decimals}f} %"


def _why_no_share(total: float, total_name: str) -> str:
    """Why a share of ``total`` is not shown, in words."""
    return _(
        "{total_name} is {total:.2f} % per year; a share of growth is undefined below {minimum:g} % per year"
    ).format(total_name=_shown(total_name), total=round(float(total), 2) + 0.0, minimum=MIN_GROWTH_FOR_SHARES)


@dataclass(frozen=True)
class GrowthSummary:
    """Average annual contributions to growth over one period.

    All rates are in per cent per year (100 times the average annual log
    difference); ``shares`` are fractions of ``total`` (they sum to one), NaN
    where total growth is below :data:`MIN_GROWTH_FOR_SHARES`.

    Attributes
    ----------
    period : tuple
        (first year, last year) of the period, or (0, T-1) when years are unknown.
    years : float
        Length of the period in years.
    total_name : str
        Name of the growth rate being decomposed.
    total : float or ndarray
        Growth of the decomposed quantity, % per year (an array for a panel).
    parts : dict
        Contribution of each part, % per year, in accounting order.
    """

    period: tuple[float, float]
    years: float
    total_name: str
    total: float | np.ndarray
    parts: dict[str, float | np.ndarray]

    @property
    def shares(self) -> dict[str, float | np.ndarray]:
        """Each part as a fraction of total growth; NaN where total growth is below
        :data:`MIN_GROWTH_FOR_SHARES` % per year (see :func:`share_of_growth`)."""
        return {k: share_of_growth(v, self.total) for k, v in self.parts.items()}

    def table(self) -> str:
        """Return the summary as aligned text, one row per part (1-D accounts only).

        Where total growth is below :data:`MIN_GROWTH_FOR_SHARES` the shares
        read "n/a" and a last line says why.

        Examples
        --------
        >>> s = summarise({"TFP": np.array([0.001])}, np.array([0.001]), "output growth", None, np.ones(1))
        >>> print(s.table())
        0-1 (1 years)    % per year   share of growth
        output growth                     0.10            n/a
          TFP                             0.10            n/a
        n/a: output growth is 0.10 % per year; a share of growth is undefined below 0.5 % per year
        """
        if np.ndim(self.total) != 0:
            raise ValueError(_("table() needs a single economy; select one row of a panel first"))
        lo, hi = self.period
        defined = not np.isnan(share_of_growth(self.total, self.total))
        # TRANSLATORS: "n/a" marks a share of growth that is not shown (total growth too small).
        na = _("n/a")
        lines = [
            _("{first:g}-{last:g} ({years:g} years)    % per year   share of growth").format(
                first=lo, last=hi, years=self.years
            ),
            f"{_ljust(_shown(self.total_name), 28)}{self.total:10.2f}        "
            + ("100.0 %" if defined else _rjust(na, 7)),
        ]
        for name, value in self.parts.items():
            share = self.shares[name]
            share_txt = _rjust(na, 9) if np.isnan(share) else f"{100 * share:9.1f} %"
            lines.append(f"  {_ljust(_shown(name), 26)}{value:10.2f}    {share_txt}")
        if not defined:
            lines.append(_("n/a: {reason}").format(reason=_why_no_share(float(self.total), self.total_name)))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.table()


def summarise(
    parts: Mapping[str, np.ndarray],
    total: np.ndarray,
    total_name: str,
    years: np.ndarray | None,
    interval_years: np.ndarray,
    start: float | None = None,
    end: float | None = None,
) -> GrowthSummary:
    """Average annual rates over the intervals ending in (start, end].

    The one averaging step behind every ``summary()`` of the package: the
    log growth of each part, summed over the chosen intervals, divided by
    their length in years, times 100.

    Parameters
    ----------
    parts : dict of str -> ndarray
        Part name -> growth per interval (log points), shape (T-1,) or (N, T-1).
    total : ndarray
        Growth of the decomposed quantity per interval, same shape.
    total_name : str
        Name of that growth rate (``"output growth"``).
    years : ndarray or None
        End year of each interval; None when the years are unknown.
    interval_years : ndarray
        Length of each interval in years.
    start, end : float, optional
        First and last year of the period, both years of the data; without
        years, interval indices 0..T-1. Default: the whole span.

    Returns
    -------
    GrowthSummary
        Rates in % per year over the period.

    Raises
    ------
    ValueError
        If ``start`` or ``end`` is not a number (text is refused), not a year
        of the data (not a whole interval index without years), or
        ``start >= end``.

    Examples
    --------
    Two intervals of one year each, 2000-2001 and 2001-2002:

    >>> parts = {"capital": np.array([0.02, 0.04]), "TFP": np.array([0.01, 0.01])}
    >>> s = summarise(parts, np.array([0.03, 0.05]), "output growth", np.array([2001, 2002]), np.ones(2))
    >>> print(f"{s.total:.2f} = {s.parts['capital']:.2f} + {s.parts['TFP']:.2f} % per year")
    4.00 = 3.00 + 1.00 % per year
    >>> print(f"period {s.period[0]:g}-{s.period[1]:g}, {s.years:g} years")
    period 2000-2002, 2 years

    Without years, ``start`` and ``end`` count intervals: the second one alone.

    >>> second = summarise(parts, np.array([0.03, 0.05]), "output growth", None, np.ones(2), start=1, end=2)
    >>> print(f"{second.total:.2f} % per year")
    5.00 % per year
    """
    n = total.shape[-1]
    period: tuple[float, float]
    if years is None:
        lo = 0 if start is None else as_whole_number("start", start)
        hi = n if end is None else as_whole_number("end", end)
        if not 0 <= lo < hi <= n:
            raise ValueError(
                _(
                    "start and end must satisfy 0 <= start < end <= {n} (interval indices) "
                    "when years are not given; got start={start}, end={end}"
                ).format(n=n, start=start, end=end)
            )
        sel: slice | np.ndarray = slice(lo, hi)
        period = (lo, hi)
    else:
        all_years = np.concatenate([[years[0] - interval_years[0]], years])
        first, last = all_years[0], all_years[-1]
        # Checked as numbers (text is refused), kept as given: the period shows the years asked for.
        for name, bound in (("start", start), ("end", end)):
            if bound is not None:
                as_scalar(name, bound)
        lo_year = first if start is None else start
        hi_year = last if end is None else end
        if lo_year not in all_years or hi_year not in all_years or not lo_year < hi_year:
            raise ValueError(
                _(
                    "start and end must be years of the data ({first:g}-{last:g}) with start < end; "
                    "got start={start}, end={end}"
                ).format(first=first, last=last, start=start, end=end)
            )
        sel = np.flatnonzero((years > lo_year) & (years <= hi_year))
        period = (lo_year, hi_year)
    length = interval_years[sel].sum()
    mean: dict[str, float | np.ndarray] = {}
    for name, growth in parts.items():
        mean[name] = 100 * growth[..., sel].sum(axis=-1) / length
    return GrowthSummary(
        period=period,
        years=float(length),
        total_name=total_name,
        total=100 * total[..., sel].sum(axis=-1) / length,
        parts=mean,
    )


@dataclass(frozen=True)
class PerWorkerAccounting:
    """Growth of output per unit of labour, split into its sources.

    Arrays have length T-1 (shape (N, T-1) for a panel), in log points per
    interval; ``output_per_worker_growth`` equals the sum of the three parts.
    ``labour_unit`` names the unit of labour in the summary ("output per hour
    growth" when labour is hours worked); the numbers do not depend on it.
    """

    output_per_worker_growth: np.ndarray
    capital_deepening: np.ndarray
    human_capital_contribution: np.ndarray
    tfp_growth: np.ndarray
    years: np.ndarray | None
    interval_years: np.ndarray
    labour_unit: str = "worker"

    def summary(self, start: float | None = None, end: float | None = None) -> GrowthSummary:
        """Average annual contributions (% per year) over ``start``-``end``.

        See :meth:`GrowthAccounting.summary`.
        """
        parts = {
            N_("capital deepening"): self.capital_deepening,
            N_("human capital"): self.human_capital_contribution,
            N_("TFP"): self.tfp_growth,
        }
        return summarise(
            parts,
            self.output_per_worker_growth,
            _PER_UNIT_GROWTH.get(self.labour_unit, f"output per {self.labour_unit} growth"),
            self.years,
            self.interval_years,
            start,
            end,
        )


@dataclass(frozen=True)
class GrowthAccounting:
    """Result of :func:`decompose`: output growth split into its sources.

    Attributes
    ----------
    output_growth, capital_contribution, labor_contribution,
    human_capital_contribution, tfp_growth : ndarray
        Log points per interval, length T-1 (shape (N, T-1) for a panel).
        ``output_growth`` equals the sum of the other four exactly (to
        floating-point rounding).
    capital_growth, labor_growth, human_capital_growth : ndarray
        Growth of each input, log points per interval.
    capital_share : ndarray
        The Tornqvist share used for each interval (average of the two years).
    years : ndarray or None
        End year of each interval, when years were given.
    interval_years : ndarray
        Length of each interval in years (1 when years were not given).
    """

    output_growth: np.ndarray
    capital_contribution: np.ndarray
    labor_contribution: np.ndarray
    human_capital_contribution: np.ndarray
    tfp_growth: np.ndarray
    capital_growth: np.ndarray
    labor_growth: np.ndarray
    human_capital_growth: np.ndarray
    capital_share: np.ndarray
    years: np.ndarray | None
    interval_years: np.ndarray

    def tfp_index(self) -> np.ndarray:
        """TFP level implied by the residuals, 1.0 in the first year.

        Returns
        -------
        ndarray
            Length T (shape (N, T) for a panel): ``exp`` of the cumulated TFP growth.
        """
        zero = np.zeros(self.tfp_growth.shape[:-1] + (1,))
        return np.exp(np.concatenate([zero, np.cumsum(self.tfp_growth, axis=-1)], axis=-1))

    def summary(self, start: float | None = None, end: float | None = None) -> GrowthSummary:
        """Average annual contributions over a period, in % per year and as shares.

        Parameters
        ----------
        start, end : float, optional
            First and last year of the period (both must be years of the data);
            the period covers the intervals ending after ``start`` and up to
            ``end``. Without years, whole interval indices 0..T-1. Default: all.

        Returns
        -------
        GrowthSummary
            Rates are the average annual log difference times 100: total log
            growth over the period divided by its length in years. Shares are
            NaN where growth is below :data:`MIN_GROWTH_FOR_SHARES`.

        Raises
        ------
        ValueError
            As :func:`summarise`: text or non-whole bounds, years outside the
            data, ``start >= end``.
        """
        parts = {
            N_("capital"): self.capital_contribution,
            N_("labour"): self.labor_contribution,
            N_("human capital"): self.human_capital_contribution,
            N_("TFP"): self.tfp_growth,
        }
        return summarise(
            parts, self.output_growth, OUTPUT_GROWTH, self.years, self.interval_years, start, end
        )

    def per_worker(self, labour_unit: str = "worker") -> PerWorkerAccounting:
        """Split growth of output per unit of labour into its sources.

        Parameters
        ----------
        labour_unit : {"worker", "hour", "person"}
            What one unit of the labour input is, for the summary's label
            ("output per hour growth" when labour is hours worked).

        Returns
        -------
        PerWorkerAccounting
            ``g_Y - g_L = share * (g_K - g_L) + (1 - share) * g_h + g_A``; the TFP
            term is identical to the aggregate decomposition.

        Raises
        ------
        ValueError
            If ``labour_unit`` is not one of the three.
        """
        if labour_unit not in ("worker", "hour", "person"):
            raise ValueError(
                _("labour_unit must be 'worker', 'hour' or 'person'; got {labour_unit!r}").format(
                    labour_unit=labour_unit
                )
            )
        return PerWorkerAccounting(
            output_per_worker_growth=self.output_growth - self.labor_growth,
            capital_deepening=self.capital_share * (self.capital_growth - self.labor_growth),
            human_capital_contribution=self.human_capital_contribution,
            tfp_growth=self.tfp_growth,
            years=self.years,
            interval_years=self.interval_years,
            labour_unit=labour_unit,
        )


def _account(
    output: npt.ArrayLike,
    capital: npt.ArrayLike,
    labor: npt.ArrayLike,
    capital_share: npt.ArrayLike,
    human_capital: npt.ArrayLike | None,
    years: npt.ArrayLike | None,
    ndim: int,
    allow_missing: bool,
    shares_axis: str | None = None,
) -> GrowthAccounting:
    """Shared engine of :func:`decompose` and :func:`decompose_panel`."""
    allow_missing = as_bool("allow_missing", allow_missing)
    # Shapes first, years after: a ragged, missing or short series is its own fault, not that of the years.
    given = {"output": output, "capital": capital, "labor": labor}
    if human_capital is not None:
        given["human_capital"] = human_capital
    raw = {}
    for name, value in given.items():
        raw[name] = as_numeric(name, value)
        if raw[name].ndim != ndim:
            as_levels(name, raw[name], ndim=ndim)  # raises, saying which shape is needed
        if raw[name].shape != raw["output"].shape:
            raise ValueError(
                _("{name} must have the same shape as output {shape}; got {got}").format(
                    name=name, shape=raw["output"].shape, got=raw[name].shape
                )
            )
    if raw["output"].shape[-1] < 2:
        raise ValueError(
            _("growth accounting needs at least 2 years (T >= 2); got T = {count} in output").format(
                count=raw["output"].shape[-1]
            )
        )
    yrs = None if years is None else as_years(years, raw["output"].shape[-1])
    levels = {
        name: as_levels(name, arr, ndim=ndim, years=yrs, allow_missing=allow_missing)
        for name, arr in raw.items()
    }
    Y, K, L = levels["output"], levels["capital"], levels["labor"]
    H = levels.get("human_capital", np.ones_like(Y))
    share = as_shares(
        "capital_share", capital_share, Y.shape, years=yrs, allow_missing=allow_missing, axis=shares_axis
    )

    gY, gK, gL, gH = (np.diff(np.log(x), axis=-1) for x in (Y, K, L, H))
    s = 0.5 * (share[..., 1:] + share[..., :-1])
    cap = s * gK
    lab = (1 - s) * gL
    hum = (1 - s) * gH
    tfp = gY - cap - lab - hum
    # A missing value (allow_missing) makes every number of the intervals it touches NaN, output growth
    # included, so that the identity holds wherever the result is defined.
    missing = np.isnan(Y) | np.isnan(K) | np.isnan(L) | np.isnan(H) | np.isnan(share)
    touched = missing[..., 1:] | missing[..., :-1]
    if touched.any():
        for arr in (gY, gK, gL, gH, s, cap, lab, hum, tfp):
            arr[touched] = np.nan
    if yrs is None:
        interval = np.ones(Y.shape[-1] - 1)
        end_years = None
    else:
        interval = np.diff(yrs)
        end_years = yrs[1:]
    return GrowthAccounting(
        output_growth=gY,
        capital_contribution=cap,
        labor_contribution=lab,
        human_capital_contribution=hum,
        tfp_growth=tfp,
        capital_growth=gK,
        labor_growth=gL,
        human_capital_growth=gH,
        capital_share=s,
        years=end_years,
        interval_years=interval,
    )


def decompose(
    output: npt.ArrayLike,
    capital: npt.ArrayLike,
    labor: npt.ArrayLike,
    capital_share: npt.ArrayLike,
    human_capital: npt.ArrayLike | None = None,
    years: npt.ArrayLike | None = None,
) -> GrowthAccounting:
    """Split output growth into capital, labour, human capital and TFP.

    Parameters
    ----------
    output : array_like, shape (T,)
        Real output levels (for example PWT ``rgdpna``, million 2021 US$), T >= 2.
    capital : array_like, shape (T,)
        Real capital stock (or capital services) levels, any constant unit.
    labor : array_like, shape (T,)
        Labour input: persons employed or total hours worked.
    capital_share : float or array_like, shape (T,)
        Capital's share of income in [0, 1] (for example ``1 - labsh``), one
        value for all years or one per year.
    human_capital : array_like, shape (T,), optional
        Human capital per unit of labour (an index, for example PWT ``hc``).
        None (the default) means no quality adjustment: its contribution is 0.
    years : array_like, shape (T,), optional
        Strictly increasing years. Needed for summaries by calendar period and
        for per-year rates when observations are not one year apart.

    Returns
    -------
    GrowthAccounting
        Arrays of length T-1 in log points per interval, with
        ``output_growth == capital_contribution + labor_contribution +
        human_capital_contribution + tfp_growth``.

    Raises
    ------
    ValueError
        If a series is not 1-D, not numeric (text, None, a ragged list, a
        masked array that masks a value, an integer too large for a float), of
        a different length, shorter than 2, non-positive, NaN or infinite; if
        a share lies outside [0, 1]; if years are unsorted, repeated or of the
        wrong length. The series are checked before the years, so a bad series
        is named, not the years.

    Examples
    --------
    Output grows 5 % (log), capital 6 %, labour 1 %, with a capital share of 0.4:

    >>> acc = decompose([100, 100 * np.exp(0.05)], [300, 300 * np.exp(0.06)],
    ...                 [10, 10 * np.exp(0.01)], capital_share=0.4)
    >>> print(np.round(acc.capital_contribution, 4), np.round(acc.tfp_growth, 4))
    [0.024] [0.02]
    """
    return _account(output, capital, labor, capital_share, human_capital, years, ndim=1, allow_missing=False)


def decompose_panel(
    output: npt.ArrayLike,
    capital: npt.ArrayLike,
    labor: npt.ArrayLike,
    capital_share: npt.ArrayLike,
    human_capital: npt.ArrayLike | None = None,
    years: npt.ArrayLike | None = None,
    allow_missing: bool = False,
    shares_axis: str | None = None,
) -> GrowthAccounting:
    """Decompose a whole panel (countries x years) in one vectorised call.

    Parameters
    ----------
    output, capital, labor, human_capital : array_like, shape (N, T)
        Levels as in :func:`decompose`, one row per economy.
    capital_share : float or array_like, shape (T,), (N,) or (N, T)
        Capital share in [0, 1]: one for all, one per year, one per country
        (with ``shares_axis="countries"``) or one per country and year.
    years : array_like, shape (T,), optional
        Years common to all rows.
    allow_missing : bool, default False
        If False, any NaN raises ``ValueError`` like :func:`decompose`. If True,
        NaN marks a missing observation and every interval that touches one is
        NaN in the result: nothing is filled in or dropped silently. Only
        ``True`` or ``False`` is accepted.
    shares_axis : {None, "years", "countries"}
        What a 1-D ``capital_share`` runs over. None reads one share per year,
        and refuses a panel with as many countries as years, where a 1-D
        share could be either.

    Returns
    -------
    GrowthAccounting
        Arrays of shape (N, T-1); row i equals ``decompose`` on row i.

    Raises
    ------
    ValueError
        As :func:`decompose`; also if ``allow_missing`` is not a bool, or a 1-D
        ``capital_share`` is ambiguous (N == T) and ``shares_axis`` is None.

    Examples
    --------
    >>> Y = [[1.0, 1.1], [2.0, 2.2]]
    >>> acc = decompose_panel(Y, Y, Y, capital_share=0.3)
    >>> print(np.round(acc.tfp_growth, 12))
    [[0.]
     [0.]]
    """
    if shares_axis not in (None, "years", "countries"):
        raise ValueError(
            _("shares_axis must be None, 'years' or 'countries'; got {shares_axis!r}").format(
                shares_axis=shares_axis
            )
        )
    return _account(
        output,
        capital,
        labor,
        capital_share,
        human_capital,
        years,
        ndim=2,
        allow_missing=allow_missing,
        shares_axis=shares_axis,
    )


def constant_growth_economy(
    years: int,
    capital_growth: float,
    labor_growth: float,
    tfp_growth: float,
    capital_share: float,
    human_capital_growth: float = 0.0,
    start_year: int = 2000,
) -> dict[str, np.ndarray]:
    """Levels of a Cobb-Douglas economy whose inputs and TFP grow at constant rates.

    Builds ``Y = A K^a (h L)^(1-a)`` with every level 1 in the start year and
    each of K, L, h, A growing at a constant log rate, so that
    :func:`decompose` gives back exactly the rates put in.

    Parameters
    ----------
    years : int
        Number of years to simulate after the start year (>= 1).
    capital_growth, labor_growth, tfp_growth, human_capital_growth : float
        Growth rates in % per year (log points x 100), each in [-50, 50].
    capital_share : float
        Capital share a in [0, 1].
    start_year : int
        Calendar year of the first observation.

    Returns
    -------
    dict of str -> ndarray
        ``years``, ``output``, ``capital``, ``labor``, ``human_capital``,
        ``tfp``; arrays of length ``years + 1``.

    Examples
    --------
    >>> e = constant_growth_economy(10, 6.0, 1.0, 2.0, 0.4)
    >>> acc = decompose(e["output"], e["capital"], e["labor"], 0.4, e["human_capital"], e["years"])
    >>> print(f"{acc.summary().total:.2f} % per year")
    5.00 % per year
    """
    n = int(as_scalar("years", years, low=1, high=1000))
    if n != years:
        raise ValueError(_("years must be a whole number of years; got {years}").format(years=years))
    rates = {}
    for name, value in (
        ("capital_growth", capital_growth),
        ("labor_growth", labor_growth),
        ("tfp_growth", tfp_growth),
        ("human_capital_growth", human_capital_growth),
    ):
        rates[name] = as_scalar(name, value, low=-50, high=50) / 100
    a = as_scalar("capital_share", capital_share, low=0, high=1)
    first = as_whole_number("start_year", start_year, low=-9999, high=9999)
    t = np.arange(n + 1)
    K = np.exp(rates["capital_growth"] * t)
    L = np.exp(rates["labor_growth"] * t)
    h = np.exp(rates["human_capital_growth"] * t)
    A = np.exp(rates["tfp_growth"] * t)
    return {
        "years": first + t,
        "output": A * K**a * (h * L) ** (1 - a),
        "capital": K,
        "labor": L,
        "human_capital": h,
        "tfp": A,
    }
