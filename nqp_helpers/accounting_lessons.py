r"""Growth accounting lessons: the Solow residual, its sensitivity, quality and real data.

The models and computations behind notebook 02 (new quality productive forces
and growth accounting). Everything rests on :func:`nqp_helpers.growth.decompose`
and the data layer :mod:`nqp_helpers.data`:

- :func:`solow_residual` and :func:`residual_sensitivity`: TFP growth as the
  rate-form residual :math:`g_A = g_Y - \alpha g_K - (1-\alpha)(g_L + g_h)`, and
  how it moves with the assumed capital share and with mismeasured inputs
  (Abramovitz's "measure of our ignorance").
- :func:`average_growth_rates`: average annual log growth of every input.
- :func:`period_table` and :func:`summaries_table`: growth accounts by period
  (generic growth accounting that the lab notebook needs too).
- :func:`quality_adjustment_steps`: how TFP shrinks as the inputs are measured
  better (hours, schooling, capital services).
- :func:`hc_from_schooling`, :func:`schooling_from_hc`: the Penn World Table
  human-capital mapping and its inverse.
- :func:`bosworth_collins_accounting` and :func:`compare_with_bosworth_collins`:
  the published decomposition for China 1978-2004 recomputed from PWT 11.0.
- plotting helpers and the factories of the notebook's interactive figures
  (``make_..._app``).

Growth rates are in per cent per year: 100 times the average annual log
difference, as everywhere in the package.
"""

from __future__ import annotations

import html
import numbers
from dataclasses import dataclass

import numpy as np

from ._validate import as_levels, as_scalar, as_years
from .growth import GrowthAccounting, GrowthSummary, decompose

__all__ = [
    "solow_residual",
    "residual_sensitivity",
    "average_growth_rates",
    "period_table",
    "summaries_table",
    "part_table",
    "plain_text",
    "quality_adjustment_steps",
    "hc_from_schooling",
    "schooling_from_hc",
    "BC_MEASURES",
    "bosworth_collins_accounting",
    "Comparison",
    "compare_with_bosworth_collins",
    "plot_residual_sensitivity",
    "plot_index_paths",
    "plot_period_lines",
    "plot_comparison",
    "plot_mixed_contributions",
    "draw_residual",
    "draw_country",
    "draw_bosworth_collins",
    "draw_build_economy",
    "make_residual_app",
    "make_country_app",
    "make_bosworth_collins_app",
    "make_build_economy_app",
]

_RATE_KEYS = ("output", "capital", "labor", "human_capital")


# --------------------------------------------------------------------------- #
# The Solow residual in rate form
# --------------------------------------------------------------------------- #


def _no_negative_zero(x):
    """Round away floating-point dust so that a printed zero never shows as "-0.00"."""
    return round(float(x), 9) + 0.0


def _rates(name, value):
    """A finite float array (any shape) of growth rates in % per year."""
    if isinstance(value, (str, bytes)):
        raise ValueError(f"{name} must be a number (% per year); got the text {value!r}")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(
            f"{name} must be a number or an array of numbers (% per year); got {value!r}"
        ) from exc
    if not np.isfinite(arr).all():
        raise ValueError(f"{name} must be finite; got {value!r}")
    return arr


def solow_residual(output_growth, capital_growth, labor_growth, capital_share, human_capital_growth=0.0):
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
        raise ValueError(f"capital_share must lie in [0, 1]; got {bad:g}")
    try:
        out = gY - a * gK - (1 - a) * (gL + gh)
    except ValueError as exc:
        shapes = ", ".join(str(x.shape) for x in (gY, gK, gL, gh, a))
        raise ValueError(
            f"growth rates and capital_share must broadcast together; got shapes {shapes}"
        ) from exc
    return float(out) if out.ndim == 0 else out


def _check_rates(rates):
    if not isinstance(rates, dict):
        raise ValueError(
            f"rates must be a dict with keys {', '.join(_RATE_KEYS)}; got {type(rates).__name__}"
        )
    missing = [k for k in _RATE_KEYS if k not in rates]
    if missing:
        raise ValueError(f"rates must have the keys {', '.join(_RATE_KEYS)}; missing {', '.join(missing)}")
    return rates


def residual_sensitivity(rates, capital_share, output_error=0.0, capital_error=0.0, labor_error=0.0):
    r"""Measured TFP growth when the share is assumed and the inputs are mismeasured.

    With measured rates :math:`g_X + e_X` (true growth plus a measurement
    error, in percentage points per year) the residual is

    .. math:: \hat g_A = (g_Y + e_Y) - \alpha (g_K + e_K) - (1-\alpha)(g_L + e_L + g_h)
              = g_A^{\alpha} + e_Y - \alpha e_K - (1 - \alpha) e_L,

    so an overstated output growth passes one for one into TFP, an overstated
    capital growth lowers it by :math:`\alpha e_K`, and the slope with respect
    to the assumed share is :math:`-(g_K - g_L - g_h)`.

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
    errors = {}
    for name, value in (
        ("output_error", output_error),
        ("capital_error", capital_error),
        ("labor_error", labor_error),
    ):
        errors[name] = as_scalar(name, value)
    return solow_residual(
        rates["output"] + errors["output_error"],
        rates["capital"] + errors["capital_error"],
        rates["labor"] + errors["labor_error"],
        capital_share,
        rates["human_capital"],
    )


def average_growth_rates(output, capital, labor, human_capital=None, years=None):
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
        raise ValueError(f"output must have at least 2 years (T >= 2); got T = {n}")
    series = {"output": Y, "capital": as_levels("capital", capital), "labor": as_levels("labor", labor)}
    series["human_capital"] = (
        np.ones(n) if human_capital is None else as_levels("human_capital", human_capital)
    )
    for name, arr in series.items():
        if arr.shape != Y.shape:
            raise ValueError(f"{name} must have the same shape as output {Y.shape}; got {arr.shape}")
    yrs = as_years(years, n) if years is not None else np.arange(n, dtype=float)
    span = yrs[-1] - yrs[0]
    return {k: float(100 * np.log(v[-1] / v[0]) / span) for k, v in series.items()}


# --------------------------------------------------------------------------- #
# Growth accounts by period (generic; notebook 05 uses it too)
# --------------------------------------------------------------------------- #
def _accounting_of(source, options):
    """(GrowthAccounting, first year, last year) for a code, a CountryAccounting or a GrowthAccounting."""
    from .data import CountryAccounting, decompose_country

    if isinstance(source, str):
        source = decompose_country(source, **options)
    elif options:
        raise ValueError(
            f"options {sorted(options)} apply only when source is a country code; got a "
            f"{type(source).__name__}"
        )
    if isinstance(source, CountryAccounting):
        source = source.accounting
    if not isinstance(source, GrowthAccounting):
        raise ValueError(
            "source must be a country code such as 'CHN', a CountryAccounting or a GrowthAccounting; "
            f"got {source!r}"
        )
    if source.years is None:
        raise ValueError("source must carry years (call decompose with years=...) to be split by period")
    if np.ndim(source.output_growth) != 1:
        raise ValueError("source must be a single economy, not a panel")
    first = float(source.years[0] - source.interval_years[0])
    return source, first, float(source.years[-1])


def _check_periods(periods):
    if isinstance(periods, (str, bytes)) or not hasattr(periods, "__len__") or len(periods) == 0:
        raise ValueError(f"periods must be a non-empty list of (start, end) pairs; got {periods!r}")
    out = []
    for p in periods:
        if isinstance(p, (str, bytes)) or not hasattr(p, "__len__") or len(p) != 2:
            raise ValueError(f"each period must be a (start, end) pair of years or None; got {p!r}")
        for y in p:
            if y is not None and (isinstance(y, bool) or not isinstance(y, numbers.Real)):
                raise ValueError(f"period bounds must be years or None; got {y!r} in {p!r}")
        if p[0] is not None and p[1] is not None and not p[0] < p[1]:
            raise ValueError(f"each period must have start < end; got {tuple(p)!r}")
        out.append(tuple(p))
    return out


def period_table(source, periods, per_worker=False, clip=False, **options):
    """Average contributions to growth for each of several periods.

    Generic growth accounting (used by notebooks 02 and 05). The whole span is
    decomposed once, with one set of conventions, and then averaged period by
    period, so every row uses the same data choices.

    Parameters
    ----------
    source : str, CountryAccounting or GrowthAccounting
        A Penn World Table country code (decomposed with
        :func:`nqp_helpers.data.decompose_country` over the longest run of
        complete years ending in the latest year), or an accounting with years.
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
    periods = _check_periods(periods)
    acc, first, last = _accounting_of(source, options)
    view = acc.per_worker() if per_worker else acc
    out = []
    for lo, hi in periods:
        lo = first if lo is None else float(lo)
        hi = last if hi is None else float(hi)
        if clip and lo < first < hi:
            lo = first
        if lo < first or hi > last:
            raise ValueError(
                f"period {lo:g}-{hi:g} lies outside the data ({first:g}-{last:g}); "
                "choose years inside it or pass clip=True to start at the first year"
            )
        out.append(view.summary(lo, hi))
    return out


def summaries_table(summaries, labels=None, show_share=True):
    """Growth accounts as an aligned text table, one row per summary.

    Parameters
    ----------
    summaries : sequence of GrowthSummary
        With the same parts (all aggregate or all per worker).
    labels : sequence of str, optional
        Row labels; default the periods ("1978-1993").
    show_share : bool, default True
        Add a column with TFP's share of total growth (%). Leave it out when
        total growth is near zero and the share is meaningless.

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
        raise ValueError("summaries must be a non-empty list of GrowthSummary")
    names = list(summaries[0].parts)
    if any(list(s.parts) != names for s in summaries):
        raise ValueError("all summaries must have the same parts (do not mix aggregate and per-worker views)")
    if labels is None:
        labels = [f"{s.period[0]:g}-{s.period[1]:g}" for s in summaries]
    labels = [str(x) for x in labels]
    if len(labels) != len(summaries):
        raise ValueError(f"labels must have one entry per summary ({len(summaries)}); got {len(labels)}")
    width = max(16, *(len(x) + 1 for x in labels))
    cols = [summaries[0].total_name, *names] + (["TFP share (%)"] if show_share else [])
    sizes = [max(len(c), 6) for c in cols]
    lines = [" " * width + "  ".join(f"{c:>{n}}" for c, n in zip(cols, sizes, strict=True))]
    for label, s in zip(labels, summaries, strict=True):
        share = s.shares["TFP"]
        vals = [float(s.total), *(float(s.parts[n]) for n in names)]
        cells = [f"{v:{n}.2f}" for v, n in zip(vals, sizes, strict=False)]
        share_txt = "n/a" if np.isnan(share) else f"{100 * share:.1f}"
        if show_share:
            cells.append(f"{share_txt:>{sizes[-1]}}")
        lines.append(f"{label:<{width}}" + "  ".join(cells))
    return "\n".join(lines)


def _check_rows(rows, part):
    """Validate {economy: [GrowthSummary, ...]} rows; return them as a dict and the first row."""
    rows = dict(rows)
    if not rows:
        raise ValueError("rows must name at least one economy")
    counts = {len(v) for v in rows.values()}
    if len(counts) != 1:
        raise ValueError(f"every economy must have the same number of periods; got {sorted(counts)}")
    first = next(iter(rows.values()))
    if part != "total" and part not in first[0].parts:
        raise ValueError(f"part must be 'total' or one of {list(first[0].parts)}; got {part!r}")
    return rows, first


def part_table(rows, part="TFP", share=False):
    """One part of the growth accounts for several economies and periods, as text.

    Parameters
    ----------
    rows : dict of str -> list of GrowthSummary
        Economy label -> one summary per period (as from :func:`period_table`).
    part : str
        "TFP", "capital", "labour", "human capital" (aggregate view) or
        "capital deepening" (per-worker view), or "total".
    share : bool
        Show the part as a share of total growth (%) instead of % per year.

    Returns
    -------
    str
        One row per economy, one column per period; periods that were clipped
        show their own years in the economy's row label.

    Raises
    ------
    ValueError
        If ``rows`` is empty, economies have different numbers of periods, or
        the part is unknown.

    Examples
    --------
    >>> rows = {"CHN": period_table("CHN", [(1978, 1993), (2012, None)], labor="persons")}
    >>> print(part_table(rows))
    TFP (% per year)   1978-1993  2012-2023
    CHN                     3.54       1.80
    """
    rows, first = _check_rows(rows, part)
    heads = [f"{s.period[0]:g}-{s.period[1]:g}" for s in first]
    title = f"{part} ({'% of growth' if share else '% per year'})"
    width = max(len(title), *(len(k) for k in rows)) + 3
    lines = [f"{title:<{width}}" + "".join(f"{h:>11}" for h in heads)]
    for label, summaries in rows.items():
        if part == "total":
            vals = [float(s.total) for s in summaries]
        elif share:
            vals = [100 * float(s.shares[part]) for s in summaries]
        else:
            vals = [float(s.parts[part]) for s in summaries]
        own = [f"{s.period[0]:g}-{s.period[1]:g}" for s in summaries]
        note = (
            ""
            if own == heads
            else " (" + ", ".join(o for o, h in zip(own, heads, strict=True) if o != h) + ")"
        )
        lines.append(f"{label:<{width}}" + "".join(f"{v:11.2f}" for v in vals) + note)
    return "\n".join(lines)


def plain_text(note):
    """Strip the HTML tags from a widget note, for printing.

    Examples
    --------
    >>> plain_text("TFP <b>2.00 % per year</b>")
    'TFP 2.00 % per year'
    """
    import re

    return html.unescape(re.sub(r"<[^>]+>", "", str(note)))


# --------------------------------------------------------------------------- #
# Quality of inputs
# --------------------------------------------------------------------------- #
def quality_adjustment_steps(code, start, end):
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
        (a step would silently repeat another), or as ``decompose_country``.

    Examples
    --------
    >>> steps = quality_adjustment_steps("CHN", 1978, 2004)
    >>> [f"{s.parts['TFP']:.2f}" for s in steps.values()]
    ['4.26', '4.12', '3.34', '3.14']
    """
    from .data import decompose_country

    specs = {
        "persons, capital stock": dict(labor="persons", human_capital=False, capital="rnna"),
        "+ hours worked": dict(labor="hours", human_capital=False, capital="rnna"),
        "+ schooling (hc)": dict(labor="hours", human_capital=True, capital="rnna"),
        "+ capital services": dict(labor="hours", human_capital=True, capital="rkna"),
    }
    out = {}
    for label, spec in specs.items():
        ca = decompose_country(code, start, end, **spec)
        if ca.labor != spec["labor"] or ca.human_capital != spec["human_capital"]:
            raise ValueError(
                f"{ca.code}: the step '{label}' needs avh and hc in every year of {start}-{end}; "
                + "; ".join(ca.conventions[-2:])
            )
        out[label] = ca.summary()
    return out


#: Slopes of the PWT schooling-to-human-capital mapping: log points per year of schooling
#: for years 0-4, 4-8 and above 8 (Caselli 2005, after Psacharopoulos 1994).
_HC_KINKS = np.array([0.0, 4.0, 8.0])
_HC_SLOPES = np.array([0.134, 0.101, 0.068])


def hc_from_schooling(schooling):
    r"""Penn World Table human capital index from average years of schooling.

    PWT (Feenstra, Inklaar and Timmer 2015; "Human capital in PWT 9.0") sets
    :math:`hc = e^{\phi(s)}` with :math:`\phi` piecewise linear in years of
    schooling :math:`s`: a return of 13.4 % per year for the first four years,
    10.1 % for the next four and 6.8 % beyond eight (Caselli 2005, after
    Psacharopoulos 1994).

    Parameters
    ----------
    schooling : float or array_like
        Average years of schooling, >= 0.

    Returns
    -------
    float or ndarray
        Human capital index (1 with no schooling).

    Raises
    ------
    ValueError
        If a value is negative or not finite.

    Examples
    --------
    >>> print(f"{hc_from_schooling(4.0):.4f} {hc_from_schooling(10.0):.4f}")
    1.7092 2.9329
    """
    s = _rates("schooling", schooling)
    if (s < 0).any():
        raise ValueError(f"schooling must be >= 0 years; got {s[s < 0].flat[0]:g}")
    phi = np.zeros_like(s)
    for i, slope in enumerate(_HC_SLOPES):
        lo = _HC_KINKS[i]
        hi = _HC_KINKS[i + 1] if i + 1 < len(_HC_KINKS) else np.inf
        phi = phi + slope * np.clip(s - lo, 0.0, hi - lo)
    out = np.exp(phi)
    return float(out) if out.ndim == 0 else out


def schooling_from_hc(hc):
    """Average years of schooling implied by a PWT human capital index.

    The inverse of :func:`hc_from_schooling`. It recovers the schooling series
    behind PWT ``hc`` on the assumption that PWT 11.0 keeps the mapping
    documented for PWT 8 and 9.

    Parameters
    ----------
    hc : float or array_like
        Human capital index, >= 1.

    Returns
    -------
    float or ndarray
        Years of schooling.

    Raises
    ------
    ValueError
        If a value is below 1 (negative schooling) or not finite.

    Examples
    --------
    >>> print(f"{schooling_from_hc(hc_from_schooling(7.25)):.2f} years")
    7.25 years
    """
    h = _rates("hc", hc)
    if (h < 1).any():
        raise ValueError(f"hc must be >= 1 (1 means no schooling); got {h[h < 1].flat[0]:g}")
    phi = np.log(h)
    breaks = np.concatenate([[0.0], np.cumsum(_HC_SLOPES[:-1] * np.diff(_HC_KINKS))])
    seg = np.searchsorted(breaks, phi, side="right") - 1
    out = _HC_KINKS[seg] + (phi - breaks[seg]) / _HC_SLOPES[seg]
    return float(out) if out.ndim == 0 else out


# --------------------------------------------------------------------------- #
# The published decomposition for China: Bosworth and Collins (2008)
# --------------------------------------------------------------------------- #
#: Measures of Bosworth and Collins (2008), Table 1, in their order; the keys of
#: ``load_published().values``.
BC_MEASURES = (
    "output",
    "employment",
    "output per worker",
    "physical capital",
    "education",
    "total factor productivity",
)


def bosworth_collins_accounting(
    code="CHN",
    start=1978,
    end=2004,
    capital_share=0.4,
    schooling_return=None,
    labor="persons",
    capital="rnna",
):
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
        capital is :math:`(1 + r)^S` with :math:`S` the schooling implied by
        ``hc`` (:func:`schooling_from_hc`); Bosworth and Collins use 0.07.
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
    from .data import load_country

    if labor not in ("persons", "hours"):
        raise ValueError(f"labor must be 'persons' or 'hours'; got {labor!r}")
    if capital not in ("rnna", "rkna"):
        raise ValueError(f"capital must be 'rnna' or 'rkna'; got {capital!r}")
    if isinstance(capital_share, str):
        if capital_share != "labsh":
            raise ValueError(f"capital_share must be a number in [0, 1] or 'labsh'; got {capital_share!r}")
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
        H = (1.0 + schooling_return) ** schooling_from_hc(d["hc"])
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

    measures: tuple
    columns: tuple
    values: np.ndarray
    citation: str

    def column(self, label):
        """One column as a dict measure -> value."""
        if label not in self.columns:
            raise ValueError(f"unknown column {label!r}; columns are {list(self.columns)}")
        j = self.columns.index(label)
        return dict(zip(self.measures, self.values[:, j].tolist(), strict=True))

    def differences(self, label):
        """A column minus the published column, percentage points per year."""
        col, pub = self.column(label), self.column(self.columns[0])
        return {m: col[m] - pub[m] for m in self.measures}

    def table(self):
        """Aligned text: one row per measure, one column per source (keys A, B, ...)."""
        keys = [chr(ord("A") + j) for j in range(len(self.columns))]
        lines = [f"{k}: {c}" for k, c in zip(keys, self.columns, strict=True)]
        lines.append(f"{'% per year':<27}" + "".join(f"{k:>8}" for k in keys))
        for i, m in enumerate(self.measures):
            lines.append(f"{m:<27}" + "".join(f"{v:8.2f}" for v in self.values[i]))
        return "\n".join(lines)

    def __str__(self):
        return self.table()


#: The recomputations shown next to the published figures by default.
DEFAULT_VARIANTS = {
    "PWT 11.0, capital share 0.40, persons, hc": dict(capital_share=0.4),
    "PWT 11.0, capital share 0.40, persons, 7 % per year of schooling": dict(
        capital_share=0.4, schooling_return=0.07
    ),
    "PWT 11.0, capital share 1 - labsh, persons, hc": dict(capital_share="labsh"),
    "PWT 11.0, capital share 1 - labsh, hours, hc": dict(capital_share="labsh", labor="hours"),
}


def compare_with_bosworth_collins(variants=None):
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
        The first column is the published table (``data/published``).

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
    from .data import load_published

    variants = DEFAULT_VARIANTS if variants is None else variants
    if not isinstance(variants, dict) or not variants:
        raise ValueError(f"variants must be a non-empty dict label -> options; got {variants!r}")
    pub = load_published("bosworth_collins_2008_table1")
    cols = {"Bosworth and Collins (2008), Table 1": {m: pub.values[m] for m in BC_MEASURES}}
    for label, opts in variants.items():
        fixed = {k for k in ("code", "start", "end") if k in opts}
        if fixed:
            raise ValueError(
                f"variant {label!r} may not set {sorted(fixed)}: the comparison is China 1978-2004"
            )
        cols[str(label)] = bosworth_collins_accounting("CHN", 1978, 2004, **opts)
    values = np.array([[cols[c][m] for c in cols] for m in BC_MEASURES])
    return Comparison(tuple(BC_MEASURES), tuple(cols), values, pub.citation)


# --------------------------------------------------------------------------- #
# Figures
# --------------------------------------------------------------------------- #
def _locator(n):
    """A tick locator with at most n ticks (few ticks keep widget redraws fast)."""
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(n, steps=[1, 2, 5, 10])


def _new_ax(ax):
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots()
    return ax


def plot_residual_sensitivity(
    rates,
    capital_share,
    output_error=0.0,
    capital_error=0.0,
    labor_error=0.0,
    true_tfp=None,
    reference_share=None,
    ax=None,
    share_range=(0.1, 0.8),
    reference_label="true capital share",
):
    """Measured TFP growth against the assumed capital share, with and without measurement errors.

    Parameters
    ----------
    rates : dict
        True growth rates (% per year), as in :func:`residual_sensitivity`.
    capital_share : float
        The assumed share, marked with a dot.
    output_error, capital_error, labor_error : float
        Measurement errors, percentage points per year.
    true_tfp : float, optional
        True TFP growth (known for a toy economy), drawn as a dotted line.
    reference_share : float, optional
        A share to mark with a vertical line (the true or the measured one).
    reference_label : str
        Legend label of that line.
    ax : matplotlib Axes, optional
    share_range : (float, float)
        Range of shares on the horizontal axis, within [0, 1].

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        As :func:`residual_sensitivity`.
    """
    from .lessons.plotting import PALETTE

    ax = _new_ax(ax)
    lo = as_scalar("share_range[0]", share_range[0], low=0, high=1)
    hi = as_scalar("share_range[1]", share_range[1], low=lo, high=1)
    grid = np.linspace(lo, hi, 71)
    clean = residual_sensitivity(rates, grid)
    errs = dict(output_error=output_error, capital_error=capital_error, labor_error=labor_error)
    measured = residual_sensitivity(rates, grid, **errs)
    point = residual_sensitivity(rates, capital_share, **errs)
    ax.plot(grid, clean, color=PALETTE["blue"], linestyle="-", label="inputs measured correctly")
    if any(v != 0 for v in errs.values()):
        ax.plot(
            grid, measured, color=PALETTE["vermillion"], linestyle="--", label="with your measurement errors"
        )
    if true_tfp is not None:
        ax.axhline(true_tfp, color="black", linestyle=":", linewidth=1.5, label="true TFP growth")
    if reference_share is not None:
        ax.axvline(reference_share, color="grey", linestyle="-.", linewidth=1, label=reference_label)
    ax.plot([capital_share], [point], "o", color=PALETTE["vermillion"], markersize=9, label="your assumption")
    ax.axhline(0, color="black", linewidth=0.6)
    ax.set_xlabel("assumed capital share α")
    ax.set_ylabel("measured TFP growth (% per year)")
    ax.set_xticks(np.round(np.arange(lo, hi + 1e-9, 0.1), 2))
    ax.yaxis.set_major_locator(_locator(6))
    ax.legend(loc="upper right", fontsize=9)
    return ax


def plot_index_paths(years, paths, ax=None, ylabel="index, first year = 1 (log scale)", log=True):
    """Several index series against years, with distinct line styles and markers.

    Parameters
    ----------
    years : array_like, shape (T,)
    paths : dict of str -> array_like, shape (T,)
        Label -> series (strictly positive when ``log`` is True).
    ax : matplotlib Axes, optional
    ylabel : str
    log : bool
        Logarithmic vertical axis (equal slopes mean equal growth rates).

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        If a series has the wrong length, or is not positive on a log axis.
    """
    ax = _new_ax(ax)
    yrs = np.asarray(years, dtype=float)
    styles = ["-", "--", "-.", ":"]
    markers = ["o", "s", "^", "D"]
    for i, (label, series) in enumerate(paths.items()):
        y = np.asarray(series, dtype=float)
        if y.shape != yrs.shape:
            raise ValueError(f"path {label!r} must have one value per year ({yrs.shape[0]}); got {y.shape}")
        if log and not (y > 0).all():
            raise ValueError(f"path {label!r} must be strictly positive on a log scale")
        every = max(1, len(yrs) // 8)
        ax.plot(
            yrs, y, linestyle=styles[i % 4], marker=markers[i % 4], markevery=every, markersize=5, label=label
        )
    if log:
        from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

        ax.set_yscale("log")
        ax.yaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
        ax.yaxis.set_minor_formatter(NullFormatter())
    ax.set_xlabel("year")
    ax.set_ylabel(ylabel)
    ax.legend(loc="best")
    return ax


def plot_period_lines(rows, part="TFP", ax=None, period_labels=None, share=False):
    """One line per economy across periods, for one part of the growth accounts.

    Parameters
    ----------
    rows : dict of str -> list of GrowthSummary
        Economy label -> summaries, the same number of periods for each.
    part : str
        Part to show ("TFP", "capital", ...) or "total".
    ax : matplotlib Axes, optional
    period_labels : list of str, optional
        Tick labels; default the periods of the first economy.
    share : bool
        Show the part as a share of total growth (%) instead of % per year.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        If economies have different numbers of periods or the part is unknown.
    """
    ax = _new_ax(ax)
    rows, first = _check_rows(rows, part)
    x = np.arange(len(first))
    markers = ["o", "s", "^", "D", "v", "P"]
    styles = ["-", "--", "-.", ":", "-", "--"]
    for i, (label, summaries) in enumerate(rows.items()):
        if part == "total":
            y = [float(s.total) for s in summaries]
        elif share:
            y = [100 * float(s.shares[part]) for s in summaries]
        else:
            y = [float(s.parts[part]) for s in summaries]
        ax.plot(x, y, marker=markers[i % 6], linestyle=styles[i % 6], label=label, markersize=7)
    labels = period_labels or [f"{s.period[0]:g}-{s.period[1]:g}" for s in first]
    ax.set_xticks(x, labels)
    ax.axhline(0, color="black", linewidth=0.8)
    what = {"total": "growth of output", "TFP": "TFP growth"}.get(part, f"{part} contribution")
    ax.set_ylabel(f"{part} share of output growth (%)" if share else f"{what} (% per year)")
    ax.set_xlabel("period")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax


def plot_comparison(
    comparison, ax=None, measures=("physical capital", "education", "total factor productivity")
):
    """Grouped bars: published figures next to each recomputation.

    Parameters
    ----------
    comparison : Comparison
    ax : matplotlib Axes, optional
    measures : sequence of str
        Rows of the comparison to draw.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        If a measure is not in the comparison.
    """
    from .lessons.plotting import PALETTE

    ax = _new_ax(ax)
    for m in measures:
        if m not in comparison.measures:
            raise ValueError(f"unknown measure {m!r}; measures are {list(comparison.measures)}")
    ncol = len(comparison.columns)
    width = 0.8 / ncol
    x = np.arange(len(measures))
    colours = [PALETTE[c] for c in ("black", "blue", "sky", "orange", "green", "purple")]
    hatches = ["", "//", "..", "xx", "\\\\", "++"]
    for j, label in enumerate(comparison.columns):
        vals = [comparison.values[comparison.measures.index(m), j] for m in measures]
        key = chr(ord("A") + j)
        ax.bar(
            x - 0.4 + width * (j + 0.5),
            vals,
            width=width,
            color=colours[j % 6],
            hatch=hatches[j % 6],
            edgecolor="white",
            linewidth=0.5,
            label=f"{key}: {label}",
        )
    ax.set_xticks(x, [m.replace("total factor productivity", "TFP") for m in measures])
    growth = [m for m in measures if m in ("output", "employment", "output per worker")]
    ax.set_ylabel("growth or contribution (% per year)" if growth else "contribution (% per year)")
    ax.axhline(0, color="black", linewidth=0.8)
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper left", bbox_to_anchor=(0.0, -0.12), fontsize=8)
    return ax


# --------------------------------------------------------------------------- #
# Interactive figures
# --------------------------------------------------------------------------- #
def _economy_choices():
    """Growth rates (% per year) and truths for the residual widget's economies (cached)."""
    global _ECONOMIES
    if _ECONOMIES is None:
        from .data import toy_economy, toy_parameters

        out = {}
        for name in ("extensive", "intensive"):
            t = toy_economy(name)
            p = toy_parameters(name)
            rates = average_growth_rates(t["output"], t["capital"], t["labor"], t["human_capital"], t.years)
            out[f"toy: {name}"] = dict(
                rates=rates,
                true_tfp=p["realised_growth_pct_per_year"]["tfp"],
                reference_share=p["capital_share"],
            )
        d = _china_levels()
        rates = average_growth_rates(d["rgdpna"], d["rnna"], d["emp"], d["hc"], d.years)
        out["China 1978-2004 (PWT, persons)"] = dict(
            rates=rates, true_tfp=None, reference_share=float(np.mean(1 - d["labsh"]))
        )
        _ECONOMIES = out
    return _ECONOMIES


_ECONOMIES = None


def _china_levels():
    from .data import load_country

    return load_country("CHN", ["rgdpna", "rnna", "emp", "hc", "labsh"], 1978, 2004)


def draw_residual(ax, economy, capital_share, output_error=0.0, capital_error=0.0, labor_error=0.0):
    """Draw function of :func:`make_residual_app`; returns the key numbers as HTML.

    Parameters
    ----------
    ax : matplotlib Axes
    economy : str
        A key of the app's economy menu ("toy: extensive", "toy: intensive",
        "China 1978-2004 (PWT, persons)").
    capital_share : float
        Assumed capital share.
    output_error, capital_error, labor_error : float
        Measurement errors, percentage points per year.

    Returns
    -------
    str
    """
    choices = _economy_choices()
    if economy not in choices:
        raise ValueError(f"economy must be one of {list(choices)}; got {economy!r}")
    e = choices[economy]
    plot_residual_sensitivity(
        e["rates"],
        capital_share,
        output_error,
        capital_error,
        labor_error,
        true_tfp=e["true_tfp"],
        reference_share=e["reference_share"],
        ax=ax,
        reference_label="true capital share" if e["true_tfp"] is not None else "PWT capital share (mean)",
    )
    ax.set_ylim(-3, 7)
    ax.set_yticks([-2, 0, 2, 4, 6])
    tfp = _no_negative_zero(
        residual_sensitivity(e["rates"], capital_share, output_error, capital_error, labor_error)
    )
    gy = e["rates"]["output"] + output_error
    share = f"{_no_negative_zero(100 * tfp / gy):.0f} %" if gy != 0 else "undefined"
    truth = (
        f" (true: {e['true_tfp']:.2f})"
        if e["true_tfp"] is not None
        else f" (with the PWT share {e['reference_share']:.2f}: "
        f"{residual_sensitivity(e['rates'], e['reference_share']):.2f})"
    )
    return (
        f"measured TFP growth <b>{tfp:.2f} % per year</b>{truth}; "
        f"TFP share of measured output growth <b>{share}</b>"
    )


def make_residual_app(
    economy="toy: extensive", capital_share=0.4, output_error=0.0, capital_error=0.0, labor_error=0.0
):
    """Widget: the Solow residual against the assumed capital share and mismeasured inputs.

    Parameters
    ----------
    economy : str
        Starting economy (see :func:`draw_residual`).
    capital_share : float
        Starting assumed capital share.
    output_error, capital_error, labor_error : float
        Starting measurement errors, percentage points per year.

    Returns
    -------
    FigureApp
    """
    import ipywidgets as w

    from .lessons.widgets import FigureApp, slider

    controls = {
        "economy": w.Dropdown(
            options=list(_economy_choices()),
            value=economy,
            description="economy",
            style={"description_width": "initial"},
        ),
        "capital_share": slider("assumed capital share α", capital_share, 0.1, 0.8, 0.01),
        "output_error": slider("output growth overstated by (points per year)", output_error, -3, 3, 0.1),
        "capital_error": slider("capital growth overstated by (points per year)", capital_error, -3, 3, 0.1),
        "labor_error": slider("labour growth overstated by (points per year)", labor_error, -3, 3, 0.1),
    }
    return FigureApp(draw_residual, controls, figsize=(7.0, 4.0), margins={"left": 0.11, "bottom": 0.13})


def plot_mixed_contributions(summaries, labels, ax=None, legend=True):
    """Stacked bars of summaries whose parts may differ, side by side on one axes.

    A small generic helper next to :func:`nqp_helpers.lessons.plotting.plot_contributions`
    (which needs identical parts): here the aggregate view (capital, labour,
    human capital, TFP) can stand next to the per-worker view (capital
    deepening, human capital, TFP). Colours and hatches follow
    ``COMPONENT_STYLE``; each part appears once in the legend.

    Parameters
    ----------
    summaries : sequence of GrowthSummary
    labels : sequence of str
        One label per bar.
    ax : matplotlib Axes, optional
    legend : bool

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        If the numbers of summaries and labels differ or are zero.
    """
    from .lessons.plotting import COMPONENT_STYLE

    summaries, labels = list(summaries), [str(x) for x in labels]
    if not summaries or len(summaries) != len(labels):
        raise ValueError(
            "summaries and labels must be non-empty and of equal length; "
            f"got {len(summaries)} and {len(labels)}"
        )
    ax = _new_ax(ax)
    seen = set()
    for i, summary in enumerate(summaries):
        up = down = 0.0
        for name, value in summary.parts.items():
            value = float(value)
            style = COMPONENT_STYLE.get(name, {"color": "grey", "hatch": ""})
            base = up if value >= 0 else down
            ax.bar(
                i,
                value,
                bottom=base,
                width=0.6,
                color=style["color"],
                hatch=style["hatch"],
                edgecolor="white",
                linewidth=0.5,
                label=None if name in seen else name,
            )
            seen.add(name)
            up, down = (up + value, down) if value >= 0 else (up, down + value)
    totals = [float(x.total) for x in summaries]
    ax.plot(range(len(summaries)), totals, "D", color="black", linestyle="none", label="total growth")
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xticks(range(len(summaries)), labels)
    ax.set_ylabel("contribution to growth (% per year)")
    ax.grid(axis="x", visible=False)
    if legend:
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9)
    return ax


def draw_country(ax, code, start, end, labor="hours", human_capital=True, capital="rnna"):
    """Draw function of :func:`make_country_app`: aggregate and per-worker accounts of one period.

    Parameters
    ----------
    ax : matplotlib Axes
    code : str
        Country code.
    start, end : int
        First and last year.
    labor, human_capital, capital
        As :func:`nqp_helpers.data.decompose_country`.

    Returns
    -------
    str
        Key numbers, or why the period cannot be accounted for.
    """
    from .data import decompose_country

    try:
        if not start < end:
            raise ValueError(f"choose an end year after the start year (now {start}-{end})")
        ca = decompose_country(code, start, end, labor=labor, human_capital=human_capital, capital=capital)
    except ValueError as exc:
        ax.set_axis_off()
        ax.text(
            0.0,
            0.5,
            "no growth accounts for this choice:\nsee the message below",
            fontsize=11,
            transform=ax.transAxes,
        )
        return f"<span style='color:#D55E00'>{html.escape(str(exc))}</span>"
    s, pw = ca.summary(), ca.per_worker().summary()
    per = "hour" if ca.labor == "hours" else "worker"
    plot_mixed_contributions([s, pw], ["output", f"output per {per}"], ax=ax)
    ax.set_xlim(-0.6, 1.6)
    notes = [c for c in ca.conventions if "missing" in c]
    extra = f"<br><i>{html.escape('; '.join(notes))}</i>" if notes else ""
    return (
        f"{html.escape(ca.name)} {start}-{end}: output <b>{s.total:.2f}</b>, TFP <b>{s.parts['TFP']:.2f}</b> "
        f"% per year = <b>{100 * s.shares['TFP']:.0f} %</b> of output growth; output per {per} "
        f"{pw.total:.2f} % per year, of which capital deepening {pw.parts['capital deepening']:.2f}{extra}"
    )


def make_country_app(codes=("CHN", "IND", "JPN", "KOR", "USA"), code="CHN", start=2012, end=2023):
    """Widget: growth accounts of any country and period from the Penn World Table.

    Parameters
    ----------
    codes : sequence of str
        Countries offered in the menu.
    code : str
        Starting country.
    start, end : int
        Starting period.

    Returns
    -------
    FigureApp
    """
    import ipywidgets as w

    from .data import list_countries
    from .lessons.widgets import FigureApp, int_slider

    names = dict(list_countries())
    unknown = [c for c in codes if c not in names]
    if unknown:
        raise ValueError(f"unknown country codes {unknown}; list_countries() gives the valid ones")
    if code not in codes:
        raise ValueError(f"code must be one of codes {list(codes)}; got {code!r}")
    style = {"description_width": "initial"}
    controls = {
        "code": w.Dropdown(
            options=[(f"{names[c]} ({c})", c) for c in codes], value=code, description="country", style=style
        ),
        "start": int_slider("first year", start, 1950, 2022),
        "end": int_slider("last year", end, 1951, 2023),
        "labor": w.ToggleButtons(
            options=["hours", "persons"], value="hours", description="labour", style=style
        ),
        "human_capital": w.Checkbox(value=True, description="adjust labour for schooling (hc)", style=style),
        "capital": w.ToggleButtons(
            options=[("stock rnna", "rnna"), ("services rkna", "rkna")],
            value="rnna",
            description="capital",
            style=style,
        ),
    }
    return FigureApp(draw_country, controls, figsize=(7.0, 3.6), margins={"left": 0.1, "right": 0.7})


def draw_bosworth_collins(
    ax, capital_share=0.4, human_capital="hc", schooling_return=7.0, labor="persons", capital="rnna"
):
    """Draw function of :func:`make_bosworth_collins_app`: published vs your recomputation.

    Parameters
    ----------
    ax : matplotlib Axes
    capital_share : float
        Constant capital share.
    human_capital : {"hc", "mincer"}
        PWT ``hc``, or :math:`(1 + r)^S` with ``schooling_return`` r in % per year of schooling.
    schooling_return : float
        Return per year of schooling, per cent (used with "mincer").
    labor, capital
        As :func:`bosworth_collins_accounting`.

    Returns
    -------
    str
    """
    if human_capital not in ("hc", "mincer"):
        raise ValueError(f"human_capital must be 'hc' or 'mincer'; got {human_capital!r}")
    r = None if human_capital == "hc" else schooling_return / 100
    label = "your recomputation (PWT 11.0)"
    comp = compare_with_bosworth_collins(
        {label: dict(capital_share=capital_share, schooling_return=r, labor=labor, capital=capital)}
    )
    plot_comparison(
        comp,
        ax=ax,
        measures=("output per worker", "physical capital", "education", "total factor productivity"),
    )
    ax.set_ylim(-0.5, 8.5)
    ax.legend(loc="upper right", fontsize=8)
    mine, diff = comp.column(label), comp.differences(label)
    return (
        "yours: physical capital <b>{:.2f}</b>, education <b>{:.2f}</b>, TFP <b>{:.2f}</b> % per year; "
        "TFP minus published: <b>{:+.2f}</b> points"
    ).format(
        mine["physical capital"],
        mine["education"],
        mine["total factor productivity"],
        diff["total factor productivity"],
    )


def make_bosworth_collins_app():
    """Widget: recompute Bosworth and Collins (2008) for China 1978-2004 with your own choices.

    Returns
    -------
    FigureApp
    """
    import ipywidgets as w

    from .lessons.widgets import FigureApp, slider

    style = {"description_width": "initial"}
    controls = {
        "capital_share": slider("capital share α", 0.4, 0.2, 0.7, 0.01),
        "human_capital": w.ToggleButtons(
            options=[("PWT hc", "hc"), ("return r per year of schooling", "mincer")],
            value="hc",
            description="human capital",
            style=style,
        ),
        "schooling_return": slider(
            "return r per year of schooling (%)", 7.0, 0.0, 15.0, 0.5, readout_format=".1f"
        ),
        "labor": w.ToggleButtons(
            options=["persons", "hours"], value="persons", description="labour", style=style
        ),
        "capital": w.ToggleButtons(
            options=[("stock rnna", "rnna"), ("services rkna", "rkna")],
            value="rnna",
            description="capital",
            style=style,
        ),
    }
    return FigureApp(
        draw_bosworth_collins, controls, figsize=(7.0, 3.8), margins={"left": 0.1, "bottom": 0.1}
    )


def draw_build_economy(
    ax,
    capital_growth=6.0,
    labor_growth=1.0,
    human_capital_growth=0.5,
    tfp_growth=2.0,
    capital_share=0.4,
    years=20,
):
    """Draw function of :func:`make_build_economy_app`: :func:`nqp_helpers.lessons.growth.draw_economy`
    with this notebook's defaults (human capital growing, 20 years).

    Returns
    -------
    str
        Output growth, each contribution, the TFP share and what the growth
        rates imply for levels after ``years`` years.
    """
    from .lessons.growth import draw_economy

    return draw_economy(
        ax, capital_growth, labor_growth, tfp_growth, capital_share, human_capital_growth, years
    )


def make_build_economy_app(
    capital_growth=6.0,
    labor_growth=1.0,
    human_capital_growth=0.5,
    tfp_growth=2.0,
    capital_share=0.4,
    years=20,
):
    """Widget: build your own economy from the growth of K, L, h and A, over a chosen number of years.

    The shared :func:`nqp_helpers.lessons.growth.make_economy_app` with sliders for human
    capital and the number of years, and this notebook's defaults.

    Returns
    -------
    FigureApp
    """
    from .lessons.growth import make_economy_app

    return make_economy_app(
        capital_growth,
        labor_growth,
        tfp_growth,
        capital_share,
        human_capital_growth=human_capital_growth,
        years=years,
    )
