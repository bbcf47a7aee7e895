r"""The lab: a complete growth accounting of any economy (notebook 05), models only.

Everything notebook 05 computes lives here, so that it is tested:

- :func:`analyse_economy` -- growth accounting by sub-period, with the
  conventions, the gaps in the data and the fallbacks stated in plain words;
- :func:`sensitivity` and :func:`verdict` -- how the answer to "is growth
  TFP-led?" changes with the capital share and the human-capital adjustment
  (a thin use of :func:`nqp_helpers.accounting.accounting_by_capital_share`),
  and a verdict never stronger than that range allows;
- :func:`tfp_shares_all` and :func:`tfp_share_comparison` -- the same
  accounting for every economy at once, for comparisons with China and the
  world median;
- :func:`growth_indices` -- output, output per unit of labour and TFP as
  indices over the period;
- :func:`lab_check` and :data:`LAB_QUESTIONS` -- the lab's self-checks,
  graded against the student's own analysis.

The years analysed follow the package's one rule,
:func:`nqp_helpers.accounting.complete_run`. Levels instead of growth
(development accounting) are :func:`nqp_helpers.accounting.development_accounting`;
the one-page summary figure and the lab's widget are in
:mod:`nqp_helpers.lessons.lab`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import numpy.typing as npt

from ._validate import as_array_in, as_bool, as_whole_number
from .accounting import (
    CORE_VARIABLES,
    CountryAccounting,
    accounting_by_capital_share,
    complete_run,
    decompose_country,
)
from .data import check_code, check_period, list_countries, load_country, load_panel
from .exercises import Feedback, check, encode_answer
from .growth import MIN_GROWTH_FOR_SHARES, GrowthSummary, decompose_panel, share_of_growth
from .i18n import N_, _

__all__ = [
    "EconomyAnalysis",
    "analyse_economy",
    "split_periods",
    "sensitivity",
    "verdict",
    "tfp_shares_all",
    "tfp_share_comparison",
    "growth_indices",
    "lab_check",
    "LAB_QUESTIONS",
    "labour_unit",
    "CITATION",
    "TFP_LED_SHARE",
    "FALLBACK_CAPITAL_SHARE",
    "MIN_GROWTH_FOR_SHARES",
]

#: The data's citation under the lab's figures (shown there through the catalogue, ``_(CITATION)``).
CITATION = N_(
    "Data: Penn World Table 11.0 (Feenstra, Inklaar and Timmer 2015, 'The Next Generation of the Penn "
    "World Table', American Economic Review 105(10), 3150-3182; www.ggdc.net/pwt), CC BY 4.0."
)
#: Growth is called TFP-led when TFP accounts for at least this share of output growth.
TFP_LED_SHARE = 0.5
#: Capital share assumed when the data have no labour share for an economy.
FALLBACK_CAPITAL_SHARE = 0.4
# MIN_GROWTH_FOR_SHARES (below it a share of growth is not shown) lives in nqp_helpers.growth;
# it is imported above and listed in __all__ so that ``from nqp_helpers.lab import`` keeps working.


def split_periods(start: int, end: int, length: int = 10) -> list[tuple[int, int]]:
    """Split ``start``-``end`` into sub-periods that break at multiples of ``length``.

    A last piece shorter than half of ``length`` is joined to the one before.

    Parameters
    ----------
    start, end : int
        First and last year, ``end > start``.
    length : int
        Sub-period length in years (10 gives decades).

    Returns
    -------
    list of (int, int)

    Examples
    --------
    >>> split_periods(1952, 2023)
    [(1952, 1960), (1960, 1970), (1970, 1980), (1980, 1990), (1990, 2000), (2000, 2010), (2010, 2023)]
    """
    start, end = as_whole_number("start", start), as_whole_number("end", end)
    length = as_whole_number("length", length, low=1)
    if end <= start:
        raise ValueError(
            _("end must be after start; got start={start}, end={end}").format(start=start, end=end)
        )
    cuts = [y for y in range(start + 1, end) if y % length == 0]
    bounds = [start, *cuts, end]
    pieces = list(zip(bounds[:-1], bounds[1:], strict=True))
    if len(pieces) > 1 and pieces[-1][1] - pieces[-1][0] < length / 2:
        pieces[-2:] = [(pieces[-2][0], pieces[-1][1])]
    if len(pieces) > 1 and pieces[0][1] - pieces[0][0] < length / 2:
        pieces[:2] = [(pieces[0][0], pieces[1][1])]
    return pieces


@dataclass(frozen=True, eq=False)
class EconomyAnalysis:
    """The lab's growth accounting of one economy.

    Attributes
    ----------
    code, name : str
    available : bool
        False when the data do not allow growth accounting; ``notes`` says why.
    start, end : int or None
        The period actually analysed.
    accounting : CountryAccounting or None
        Baseline accounts (see ``conventions``).
    periods : list of (int, int)
        Sub-periods.
    period_summaries : list of GrowthSummary
        Average contributions (% per year) in each sub-period.
    whole : GrowthSummary or None
        The whole period.
    per_worker : GrowthSummary or None
        Output per unit of labour split into capital deepening, human capital and TFP. Its
        ``total_name`` says which unit: "output per hour" when labour is hours worked (``emp`` x
        ``avh``), "output per worker" when it is persons engaged (``emp``).
    conventions : list of str
        What was used (from :func:`~nqp_helpers.accounting.decompose_country`).
    notes : list of str
        What is missing and what the analysis fell back on.
    """

    code: str
    name: str
    available: bool
    start: int | None = None
    end: int | None = None
    accounting: CountryAccounting | None = None
    periods: list[tuple[int, int]] = field(default_factory=list)
    period_summaries: list[GrowthSummary] = field(default_factory=list)
    whole: GrowthSummary | None = None
    per_worker: GrowthSummary | None = None
    conventions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def capital_share(self) -> str | float | None:
        """The capital share used: "labsh" (1 - labsh year by year) or the assumed number (None: no data)."""
        return None if self.accounting is None else self.accounting.capital_share

    def report(self) -> str:
        """Plain-text report: period, conventions, notes and the table of the whole period."""
        lines = [_("{name} ({code})").format(name=_(self.name), code=self.code)]
        if not self.available or self.whole is None:
            return "\n".join(lines + [f"- {n}" for n in self.notes])
        lines += [f"- {c}" for c in self.conventions] + [
            "- " + _("note: {note}").format(note=n) for n in self.notes
        ]
        lines += ["", self.whole.table()]
        return "\n".join(lines)


def labour_unit(labor: str) -> str:
    """What output per unit of labour is called: per hour (hours worked) or per worker (persons engaged).

    The Penn World Table's ``emp`` counts persons engaged; multiplied by ``avh`` (average annual hours)
    it is hours worked. Output per hour is never called output per worker.

    Parameters
    ----------
    labor : {"hours", "persons"}

    Returns
    -------
    str

    Examples
    --------
    >>> labour_unit("hours"), labour_unit("persons")
    ('output per hour', 'output per worker')
    """
    if labor not in ("hours", "persons"):
        raise ValueError(_("labor must be 'hours' or 'persons'; got {value!r}").format(value=labor))
    # English, as code compares it; shown through the catalogue, _(labour_unit(...)).
    return N_("output per hour") if labor == "hours" else N_("output per worker")


def analyse_economy(
    code: str,
    start: int | None = None,
    end: int | None = None,
    period_length: int = 10,
    labor: str = "hours",
    human_capital: bool = True,
) -> EconomyAnalysis:
    """Growth accounting of one economy by sub-period, with every gap and fallback stated.

    The baseline follows :func:`~nqp_helpers.accounting.decompose_country`: output
    ``rgdpna``, capital ``rnna``, capital share ``1 - labsh`` year by year,
    labour in hours where ``avh`` covers the period (else persons), human
    capital ``hc`` where it covers the period. Where the data have no labour
    share at all, a capital share of 0.4 is assumed and a note says so. Where
    output, capital or employment are missing inside the requested period, the
    complete run of years inside it (:func:`~nqp_helpers.accounting.complete_run`)
    is analysed and a note says so. Nothing is filled in.

    Parameters
    ----------
    code : str
        ISO code of an economy in the Penn World Table extract.
    start, end : int, optional
        Requested period; default: the longest complete run of years.
    period_length : int
        Length of the sub-periods in years.
    labor : {"hours", "persons"}
    human_capital : bool

    Returns
    -------
    EconomyAnalysis
        ``available`` is False (with notes) when the data do not allow the
        accounting; the function does not raise for lack of data.

    Raises
    ------
    ValueError
        For an unknown country code (with suggestions); a year or
        ``period_length`` that is not a whole number; ``end <= start``;
        ``labor`` or ``human_capital`` outside their choices.

    Examples
    --------
    >>> a = analyse_economy("KOR", 1970, 2019)
    >>> print(a.periods[:2], round(a.whole.total, 2))
    [(1970, 1980), (1980, 1990)] 6.72
    """
    code = check_code(code)
    name = dict(list_countries())[code]
    # Whole years, but any whole years: a request reaching beyond the data is cut to them, with a note.
    start = None if start is None else as_whole_number("start", start)
    end = None if end is None else as_whole_number("end", end)
    if start is not None and end is not None and end <= start:
        raise ValueError(
            _("end must be after start; got start={start}, end={end}").format(start=start, end=end)
        )
    period_length = as_whole_number("period_length", period_length, low=1)
    if labor not in ("hours", "persons"):
        raise ValueError(_("labor must be 'hours' or 'persons'; got {value!r}").format(value=labor))
    human_capital = as_bool("human_capital", human_capital)
    notes = []
    run = complete_run(code, start, end, CORE_VARIABLES)
    if run is None or run[1] - run[0] < 1:
        return EconomyAnalysis(
            code,
            name,
            False,
            notes=[
                _(
                    "not enough data: output (rgdpna), capital (rnna) and employment (emp) are not all "
                    "present in two or more consecutive years within {start}-{end}"
                ).format(start=start, end=end)
                if start or end
                else _(
                    "not enough data: output (rgdpna), capital (rnna) and employment (emp) are not all "
                    "present in two or more consecutive years"
                )
            ],
        )
    lo, hi = run
    if (start is not None and lo > start) or (end is not None and hi < end):
        notes.append(
            _(
                "output, capital or employment are missing for part of {start}-{end}; "
                "the analysis covers {first}-{last}, the longest complete run of years inside it"
            ).format(start=start or lo, end=end or hi, first=lo, last=hi)
        )
    labsh = load_country(code, ["labsh"], lo, hi, allow_missing=True).values["labsh"]
    share: str | float = "labsh"
    if not np.isfinite(labsh).all():
        share = FALLBACK_CAPITAL_SHARE
        notes.append(
            (
                _(
                    "the labour share (labsh) is missing in every year; a capital share of {share} is "
                    "assumed, as in many studies (see the sensitivity analysis)"
                )
                if not np.isfinite(labsh).any()
                else _(
                    "the labour share (labsh) is missing in part of {first}-{last}; a capital share of "
                    "{share} is assumed, as in many studies (see the sensitivity analysis)"
                )
            ).format(first=lo, last=hi, share=FALLBACK_CAPITAL_SHARE)
        )
    acc = decompose_country(code, lo, hi, labor=labor, human_capital=human_capital, capital_share=share)
    conv = list(acc.conventions)
    conv[0] = (
        _("period: {start}-{end}, as requested")
        if (lo, hi) == (start, end)
        else _("period: {start}-{end}, the longest complete run of years in the data")
        if start is None and end is None
        else _("period: {start}-{end}, the longest complete run of years inside the request")
    ).format(start=lo, end=hi)
    if labor == "hours" and acc.labor == "persons":
        notes.append(_("hours worked (avh) do not cover the period: labour is persons engaged"))
    if human_capital and not acc.human_capital:
        notes.append(
            _("the human capital index (hc) does not cover the period: labour is not quality-adjusted")
        )
    periods = split_periods(lo, hi, period_length) if hi - lo >= 2 else [(lo, hi)]
    per_unit = replace(acc.per_worker().summary(), total_name=f"{labour_unit(acc.labor)} growth")
    return EconomyAnalysis(
        code=code,
        name=name,
        available=True,
        start=lo,
        end=hi,
        accounting=acc,
        periods=periods,
        period_summaries=[acc.summary(a, b) for a, b in periods],
        whole=acc.summary(),
        per_worker=per_unit,
        conventions=conv,
        notes=notes,
    )


def tfp_shares_all(start: int, end: int) -> dict[str, Any]:
    """TFP growth and its share of output growth for every economy with complete data in a period.

    Uses one convention for all (comparability first): output ``rgdpna``,
    capital ``rnna``, labour ``emp`` (persons: hours are missing for most
    economies), human capital ``hc``, capital share ``1 - labsh``. Economies
    with any of these missing in the period are left out, and counted.

    Parameters
    ----------
    start, end : int
        First and last year, whole years of the data with ``start < end``.

    Returns
    -------
    dict
        ``codes`` (list), ``output_growth`` and ``tfp_growth`` (% per year),
        ``tfp_share`` (fraction; NaN where output growth is below
        :data:`~nqp_helpers.growth.MIN_GROWTH_FOR_SHARES`, 0.5 % per year),
        ``median_share`` over the economies where it is defined, and
        ``left_out`` (how many economies lacked data).

    Raises
    ------
    ValueError
        If ``start`` or ``end`` is not a whole year of the data, or ``end <= start``.
    """
    lo, hi = check_period(start, end)
    if lo is None or hi is None:
        raise ValueError(
            _("start and end must both be years; got start={start!r}, end={end!r}").format(
                start=start, end=end
            )
        )
    if hi <= lo:
        raise ValueError(_("end must be after start; got start={start}, end={end}").format(start=lo, end=hi))
    start, end = lo, hi
    p = load_panel(["rgdpna", "rnna", "emp", "hc", "labsh"], start=start, end=end)
    acc = decompose_panel(
        p["rgdpna"],
        p["rnna"],
        p["emp"],
        1 - p["labsh"],
        human_capital=p["hc"],
        years=p.years,
        allow_missing=True,
    )
    total = 100 * acc.output_growth.sum(axis=1) / (end - start)
    tfp = 100 * acc.tfp_growth.sum(axis=1) / (end - start)
    ok = np.isfinite(total) & np.isfinite(tfp)
    share = np.asarray(share_of_growth(tfp[ok], total[ok]))
    codes = [c for c, k in zip(p.codes, ok, strict=True) if k]
    return {
        "codes": codes,
        "output_growth": total[ok],
        "tfp_growth": tfp[ok],
        "tfp_share": share,
        "median_share": float(np.nanmedian(share)) if np.isfinite(share).any() else float("nan"),
        "left_out": int((~ok).sum()),
    }


def sensitivity(
    analysis: EconomyAnalysis, capital_shares: Sequence[float] = (0.3, 0.4, 0.5)
) -> list[dict[str, Any]]:
    """TFP share of output growth under other capital shares and without human capital.

    The same levels as the analysis (:attr:`CountryAccounting.levels`) are
    accounted again with :func:`~nqp_helpers.accounting.accounting_by_capital_share`,
    once with the human-capital adjustment and once without.

    Parameters
    ----------
    analysis : EconomyAnalysis
    capital_shares : sequence of float
        Assumed constant capital shares to try besides the baseline, each in [0, 1].

    Returns
    -------
    list of dict
        One row per specification, the baseline first, each share with and
        then without human capital: ``label``, ``capital_share`` ("labsh" or
        the number), ``human_capital`` (bool), ``tfp_growth`` and
        ``output_growth`` (% per year), ``tfp_share`` (fraction, NaN if output
        growth is below :data:`~nqp_helpers.growth.MIN_GROWTH_FOR_SHARES`).

    Examples
    --------
    >>> for row in sensitivity(analyse_economy("KOR", 1970, 2019))[:3]:
    ...     print(f"{row['label']:<30} TFP {row['tfp_growth']:.2f} % per year = {row['tfp_share']:.0%}")
    1 - labsh, with human capital  TFP 1.63 % per year = 24%
    1 - labsh, no human capital    TFP 2.28 % per year = 34%
    α = 0.3, with human capital    TFP 2.57 % per year = 38%
    """
    ca = analysis.accounting
    if not analysis.available or ca is None:
        return []
    assumed = as_array_in("capital_shares", capital_shares, low=0, high=1)
    if assumed.ndim != 1:
        raise ValueError(
            _("capital_shares must be a list of numbers in [0, 1]; got {value!r}").format(
                value=capital_shares
            )
        )
    base = ca.capital_share
    others = [float(s) for s in assumed if s != base]
    settings: dict[str | float, npt.ArrayLike] = {base: ca.levels["capital_share"]}
    settings.update({s: s for s in others})
    shares = {_share_label(s): share for s, share in settings.items()}
    lv = ca.levels
    by_adjustment = {
        adjusted: accounting_by_capital_share(
            lv["output"],
            lv["capital"],
            lv["labor"],
            shares,
            human_capital=lv.get("human_capital") if adjusted else None,
            years=ca.years,
        )
        for adjusted in (True, False)
    }
    rows = []
    for setting in settings:
        for adjusted in (True, False):
            s = by_adjustment[adjusted][_share_label(setting)]
            total, tfp = float(s.total), float(s.parts["TFP"])
            with_h = adjusted and ca.human_capital
            label = (_("{share}, with human capital") if with_h else _("{share}, no human capital")).format(
                share=_share_label(setting)
            )
            rows.append(
                {
                    "label": label,
                    "capital_share": setting,
                    "human_capital": with_h,
                    "tfp_growth": tfp,
                    "output_growth": total,
                    "tfp_share": float(share_of_growth(tfp, total)),
                }
            )
    return rows


def _share_label(share: str | float) -> str:
    return "1 - labsh" if share == "labsh" else f"α = {share:g}"


def verdict(rows: Sequence[dict[str, Any]]) -> str:
    """A verdict on "is growth TFP-led?" that is never stronger than the sensitivity allows.

    Growth is called TFP-led when TFP accounts for at least half of output
    growth (``TFP_LED_SHARE``). The verdict is firm only if every specification
    agrees; otherwise it reports the range.

    Parameters
    ----------
    rows : list of dict
        From :func:`sensitivity`.

    Returns
    -------
    str
    """
    if not rows:
        return _("No verdict: the data do not allow growth accounting for this economy and period.")
    shares = np.array([r["tfp_share"] for r in rows])
    if np.isnan(shares).any():
        g = rows[0]["output_growth"]
        return _(
            "No verdict: output grew {growth:.2f} % per year, too little for shares of growth to mean much; "
            "look at TFP growth itself."
        ).format(growth=g)
    lo, hi = 100 * shares.min(), 100 * shares.max()
    span = _(
        "TFP accounts for {low:.0f} to {high:.0f} % of output growth across the {n} specifications"
    ).format(low=lo, high=hi, n=len(rows))
    if shares.min() >= TFP_LED_SHARE:
        return _("TFP-led under every specification tried: {span}.").format(span=span)
    if shares.max() < TFP_LED_SHARE:
        return _("Input-led under every specification tried: {span}.").format(span=span)
    return _(
        "Not settled by these data: {span}, on both sides of one half. The answer depends on the "
        "capital share and on whether schooling counts as an input."
    ).format(span=span)


def tfp_share_comparison(analysis: EconomyAnalysis) -> dict[str, float]:
    """TFP share of output growth of this economy, of China and the world median, over the analysis period.

    All three use the common convention of :func:`tfp_shares_all` (persons,
    ``hc``, ``1 - labsh``), so they are comparable with each other (but not
    with the analysis itself, which prefers hours).

    Parameters
    ----------
    analysis : EconomyAnalysis
        Must be ``available``.

    Returns
    -------
    dict of str -> float
        The economy's code, ``"CHN"`` and ``"median of N"`` -> TFP share of
        output growth (fraction; NaN where not defined).

    Examples
    --------
    >>> comparison = tfp_share_comparison(analyse_economy("KOR", 1970, 2019))
    >>> {k: round(float(v), 2) for k, v in comparison.items()}
    {'KOR': 0.18, 'CHN': 0.33, 'median of 92': 0.01}
    """
    if not analysis.available or analysis.start is None or analysis.end is None:
        raise ValueError(
            _("analysis must be available; {code}: {notes}").format(
                code=analysis.code, notes="; ".join(analysis.notes)
            )
        )
    w = tfp_shares_all(analysis.start, analysis.end)
    by_code = dict(zip(w["codes"], w["tfp_share"], strict=True))
    return {
        analysis.code: by_code.get(analysis.code, float("nan")),
        "CHN": by_code.get("CHN", float("nan")),
        f"median of {len(w['codes'])}": w["median_share"],
    }


def growth_indices(analysis: EconomyAnalysis) -> dict[str, np.ndarray]:
    """Output, output per unit of labour and TFP as indices, 1 in the first year of the analysis.

    Each index is the exponential of the cumulated log growth: of output
    (:math:`g_Y`), of output per unit of labour (:math:`g_Y - g_L`) and of TFP
    (:math:`g_A`, as :meth:`~nqp_helpers.growth.GrowthAccounting.tfp_index`).

    Parameters
    ----------
    analysis : EconomyAnalysis
        Must be ``available``.

    Returns
    -------
    dict of str -> ndarray
        ``"output"``, ``"output per unit of labour"``, ``"TFP"`` -> one value
        per year of ``analysis.accounting.years``.

    Examples
    --------
    >>> indices = growth_indices(analyse_economy("KOR", 1970, 2019))
    >>> {k: round(float(v[-1]), 1) for k, v in indices.items()}
    {'output': 26.9, 'output per unit of labour': 14.5, 'TFP': 2.2}
    """
    if analysis.accounting is None:
        raise ValueError(
            _("analysis must be available; {code}: {notes}").format(
                code=analysis.code, notes="; ".join(analysis.notes)
            )
        )
    acc = analysis.accounting.accounting
    growth = np.concatenate([[0.0], np.cumsum(acc.output_growth)])
    per_worker = growth - np.concatenate([[0.0], np.cumsum(acc.labor_growth)])
    return {"output": np.exp(growth), "output per unit of labour": np.exp(per_worker), "TFP": acc.tfp_index()}


#: What each lab self-check asks, and how the right answer follows from the analysis. (Each rule
#: takes an available EconomyAnalysis; it is typed Any because ``whole`` is None when no data.)
#: The descriptions are English; show them with ``_(description)``.
LAB_QUESTIONS: dict[str, tuple[str, Callable[[Any], float]]] = {
    "extensive_share": (
        N_("share of output growth from more capital and more labour, the extensive part (%)"),
        lambda a: 100 * (a.whole.shares["capital"] + a.whole.shares["labour"]),
    ),
    "output_growth": (
        N_("average output growth over the whole period (% per year)"),
        lambda a: a.whole.total,
    ),
    "tfp_growth": (
        N_("average TFP growth over the whole period (% per year)"),
        lambda a: a.whole.parts["TFP"],
    ),
    "tfp_share": (
        N_("TFP share of output growth over the whole period (%)"),
        lambda a: 100 * a.whole.shares["TFP"],
    ),
    "capital_deepening": (
        N_("contribution of capital deepening to growth of output per unit of labour (% per year)"),
        lambda a: a.per_worker.parts["capital deepening"],
    ),
    "fastest_period": (
        N_("first year of the sub-period with the fastest TFP growth"),
        lambda a: a.periods[int(np.argmax([s.parts["TFP"] for s in a.period_summaries]))][0],
    ),
}


def _lab_hints(question: str, analysis: Any) -> list[tuple[float, str]]:
    """Common wrong answers to a lab question, computed from the analysis, with the mistake behind each."""
    if question == "extensive_share":
        shares = {k: 100 * float(v) for k, v in analysis.whole.shares.items()}
        return [
            (
                shares["capital"] + shares["labour"] + shares["human capital"],
                _(
                    "you counted human capital as extensive: this collection counts better workers with the "
                    "intensive part (notebook 00, 'The two threads'); extensive growth is more capital and "
                    "more labour"
                ),
            ),
            (shares["capital"], _("that is capital alone: more labour is extensive growth too")),
            (shares["TFP"], _("that is TFP's share, the residual, not the part from more inputs")),
        ]
    if question == "tfp_share":
        share = float(analysis.whole.shares["TFP"])
        return [(share, _("that is a fraction; the question asks for per cent (multiply by 100)"))]
    return []


def lab_check(exercise: str, question: str, answer: float | None, analysis: EconomyAnalysis) -> Feedback:
    """Self-check for the lab: the right answer is computed from the student's own analysis.

    The answer depends on the economy and period each student chose, so it is
    worked out here, inside the package, and never printed: the feedback is
    graded as for every other exercise (see :func:`nqp_helpers.exercises.check`).

    Parameters
    ----------
    exercise : str
        Exercise number, e.g. "5.2".
    question : str
        One of the keys of ``LAB_QUESTIONS``.
    answer : float or None
        The student's reading of the tables or figures.
    analysis : EconomyAnalysis
        The student's analysis (must be available).

    Returns
    -------
    Feedback

    Raises
    ------
    ValueError
        An unknown question; an analysis that is not available; a question
        with no answer for this analysis (the TFP share when output grew less
        than :data:`~nqp_helpers.growth.MIN_GROWTH_FOR_SHARES` % per year).
    """
    if question not in LAB_QUESTIONS:
        raise ValueError(
            _("question must be one of {questions}; got {value!r}").format(
                questions=sorted(LAB_QUESTIONS), value=question
            )
        )
    if not getattr(analysis, "available", False):
        raise ValueError(
            _("analysis must be an available EconomyAnalysis (choose an economy with enough data)")
        )
    value = float(LAB_QUESTIONS[question][1](analysis))
    if not np.isfinite(value):
        growth = float(analysis.whole.total) if analysis.whole is not None else float("nan")
        raise ValueError(
            _(
                "question {question!r} has no answer for {code} {start}-{end}: output grew {growth:.2f} % "
                "per year, and a share of growth is undefined below {minimum:g} % per year; choose another "
                "economy or period"
            ).format(
                question=question,
                code=analysis.code,
                start=analysis.start,
                end=analysis.end,
                growth=growth,
                minimum=MIN_GROWTH_FOR_SHARES,
            )
        )
    tol = 0 if question == "fastest_period" else max(0.05, 0.01 * abs(value))
    hints = [(v, m) for v, m in _lab_hints(question, analysis) if np.isfinite(v) and abs(v - value) > 2 * tol]
    return check(exercise, answer, encode_answer(value, tol=tol, hints=hints))
