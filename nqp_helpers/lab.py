r"""The lab: a complete growth and development accounting of any economy.

Everything notebook 05 computes lives here, so that it is tested:

- :func:`analyse_economy` -- growth accounting by sub-period, with the
  conventions, the gaps in the data and the fallbacks stated in plain words;
- :func:`sensitivity` and :func:`verdict` -- how the answer to "is growth
  TFP-led?" changes with the capital share and the human-capital adjustment,
  and a verdict never stronger than that range allows;
- :func:`tfp_shares_all` -- the same accounting for every economy at once, for
  comparisons with China and the world median;
- :func:`development_accounting` -- levels instead of growth: how much of the
  gap in output per worker to a reference economy is due to capital, human
  capital and TFP;
- :func:`summary_figure` / :func:`save_summary` -- a one-page figure with the
  data citation on it, as PNG and PDF.

Development accounting (Hall and Jones 1999; Caselli 2005) writes output per
worker as :math:`y = A k^{\alpha} h^{1-\alpha}` with :math:`k = K/L`, so that the
log gap to a reference economy splits exactly into

.. math:: \ln\frac{y}{y^*} = \alpha\ln\frac{k}{k^*} + (1-\alpha)\ln\frac{h}{h^*}
          + \ln\frac{A}{A^*}.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ._validate import as_scalar
from .data import _pwt, decompose_country, list_countries, load_country, load_panel
from .growth import GrowthSummary, decompose_panel

__all__ = [
    "EconomyAnalysis",
    "DevelopmentAccount",
    "analyse_economy",
    "split_periods",
    "sensitivity",
    "verdict",
    "tfp_shares_all",
    "development_accounting",
    "summary_figure",
    "save_summary",
    "make_lab_app",
    "lab_check",
    "LAB_QUESTIONS",
    "CITATION",
    "TFP_LED_SHARE",
    "FALLBACK_CAPITAL_SHARE",
]

CITATION = (
    "Data: Penn World Table 11.0 (Feenstra, Inklaar and Timmer 2015, 'The Next Generation of the Penn "
    "World Table', American Economic Review 105(10), 3150-3182; www.ggdc.net/pwt), CC BY 4.0."
)
#: Growth is called TFP-led when TFP accounts for at least this share of output growth.
TFP_LED_SHARE = 0.5
#: Capital share assumed when the data have no labour share for an economy.
FALLBACK_CAPITAL_SHARE = 0.4
#: Below this output growth (% per year), a share of growth is not a meaningful number.
MIN_GROWTH_FOR_SHARES = 0.5
_CORE = ("rgdpna", "rnna", "emp")


def split_periods(start, end, length=10):
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
    start, end = int(start), int(end)
    length = int(as_scalar("length", length, low=1))
    if end <= start:
        raise ValueError(f"end must be after start; got start={start}, end={end}")
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
        Output per worker split into capital deepening, human capital and TFP.
    conventions : list of str
        What was used (from :func:`~nqp_helpers.data.decompose_country`).
    notes : list of str
        What is missing and what the analysis fell back on.
    """

    code: str
    name: str
    available: bool
    start: int | None = None
    end: int | None = None
    accounting: object = None
    periods: list = field(default_factory=list)
    period_summaries: list = field(default_factory=list)
    whole: GrowthSummary | None = None
    per_worker: GrowthSummary | None = None
    conventions: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    @property
    def capital_share(self):
        """The capital share setting used: "labsh" or the assumed number."""
        text = " ".join(self.conventions)
        return "labsh" if "1 - labsh" in text else FALLBACK_CAPITAL_SHARE

    def report(self):
        """Plain-text report: period, conventions, notes and the table of the whole period."""
        lines = [f"{self.name} ({self.code})"]
        if not self.available:
            return "\n".join(lines + [f"- {n}" for n in self.notes])
        lines += [f"- {c}" for c in self.conventions] + [f"- note: {n}" for n in self.notes]
        lines += ["", self.whole.table()]
        return "\n".join(lines)


def _complete_run(code, start, end):
    """Longest run of consecutive years inside [start, end] with output, capital and employment."""
    s = load_country(code, list(_CORE), allow_missing=True)
    ok = np.all([np.isfinite(s.values[v]) for v in _CORE], axis=0)
    inside = ok & (s.years >= (start if start is not None else s.years[0]))
    inside &= s.years <= (end if end is not None else s.years[-1])
    best, run_start = None, None
    for i, flag in enumerate(np.append(inside, False)):
        if flag and run_start is None:
            run_start = i
        elif not flag and run_start is not None:
            if best is None or i - run_start >= best[1] - best[0]:
                best = (run_start, i)
            run_start = None
    if best is None or best[1] - best[0] < 2:
        return None
    return int(s.years[best[0]]), int(s.years[best[1] - 1])


def analyse_economy(code, start=None, end=None, period_length=10, labor="hours", human_capital=True):
    """Growth accounting of one economy by sub-period, with every gap and fallback stated.

    The baseline follows :func:`~nqp_helpers.data.decompose_country`: output
    ``rgdpna``, capital ``rnna``, capital share ``1 - labsh`` year by year,
    labour in hours where ``avh`` covers the period (else persons), human
    capital ``hc`` where it covers the period. Where the data have no labour
    share at all, a capital share of 0.4 is assumed and a note says so. Where
    output, capital or employment are missing inside the requested period, the
    longest complete run of years inside it is analysed and a note says so.
    Nothing is filled in.

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
        For an unknown country code (with suggestions) or an impossible period.

    Examples
    --------
    >>> a = analyse_economy("KOR", 1970, 2019)
    >>> print(a.periods[:2], round(a.whole.total, 2))
    [(1970, 1980), (1980, 1990)] 6.72
    """
    from .data import _check_code

    code = _check_code(code, _pwt())
    name = dict(list_countries())[code]
    if start is not None and end is not None and int(end) <= int(start):
        raise ValueError(f"end must be after start; got start={start}, end={end}")
    notes = []
    run = _complete_run(code, start, end)
    if run is None:
        return EconomyAnalysis(
            code,
            name,
            False,
            notes=[
                "not enough data: output (rgdpna), capital (rnna) and employment (emp) are not all present "
                "in two or more consecutive years" + (f" within {start}-{end}" if start or end else "")
            ],
        )
    lo, hi = run
    if (start is not None and lo > start) or (end is not None and hi < end):
        notes.append(
            f"output, capital or employment are missing for part of {start or lo}-{end or hi}; "
            f"the analysis covers {lo}-{hi}, the longest complete run of years inside it"
        )
    labsh = load_country(code, ["labsh"], lo, hi, allow_missing=True).values["labsh"]
    share = "labsh"
    if not np.isfinite(labsh).all():
        share = FALLBACK_CAPITAL_SHARE
        gap = "in every year" if not np.isfinite(labsh).any() else f"in part of {lo}-{hi}"
        notes.append(
            f"the labour share (labsh) is missing {gap}; a capital share of "
            f"{FALLBACK_CAPITAL_SHARE} is assumed, as in many studies (see the sensitivity analysis)"
        )
    acc = decompose_country(code, lo, hi, labor=labor, human_capital=human_capital, capital_share=share)
    conv = list(acc.conventions)
    conv[0] = f"period: {lo}-{hi}" + (
        ", as requested"
        if (lo, hi) == (start, end)
        else ", the longest complete run of years in the data"
        if start is None and end is None
        else ", the longest complete run of years inside the request"
    )
    if labor == "hours" and acc.labor == "persons":
        notes.append("hours worked (avh) do not cover the period: labour is persons engaged")
    if human_capital and not acc.human_capital:
        notes.append("the human capital index (hc) does not cover the period: labour is not quality-adjusted")
    periods = split_periods(lo, hi, period_length) if hi - lo >= 2 else [(lo, hi)]
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
        per_worker=acc.per_worker().summary(),
        conventions=conv,
        notes=notes,
    )


def tfp_shares_all(start, end):
    """TFP growth and its share of output growth for every economy with complete data in a period.

    Uses one convention for all (comparability first): output ``rgdpna``,
    capital ``rnna``, labour ``emp`` (persons: hours are missing for most
    economies), human capital ``hc``, capital share ``1 - labsh``. Economies
    with any of these missing in the period are left out, and counted.

    Returns
    -------
    dict
        ``codes`` (list), ``output_growth`` and ``tfp_growth`` (% per year),
        ``tfp_share`` (fraction; NaN where output growth is below 0.5 % per
        year), ``median_share`` over the economies where it is defined, and
        ``left_out`` (how many economies lacked data).
    """
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
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(total[ok] >= MIN_GROWTH_FOR_SHARES, tfp[ok] / total[ok], np.nan)
    codes = [c for c, k in zip(p.codes, ok, strict=True) if k]
    return {
        "codes": codes,
        "output_growth": total[ok],
        "tfp_growth": tfp[ok],
        "tfp_share": share,
        "median_share": float(np.nanmedian(share)) if np.isfinite(share).any() else float("nan"),
        "left_out": int((~ok).sum()),
    }


def sensitivity(analysis, capital_shares=(0.3, 0.4, 0.5)):
    """TFP share of output growth under other capital shares and without human capital.

    Parameters
    ----------
    analysis : EconomyAnalysis
    capital_shares : sequence of float
        Assumed constant capital shares to try besides the baseline.

    Returns
    -------
    list of dict
        One row per specification: ``label``, ``capital_share``,
        ``human_capital`` (bool), ``tfp_growth`` and ``output_growth``
        (% per year), ``tfp_share`` (fraction, NaN if output growth is below
        0.5 % per year).
    """
    if not analysis.available:
        return []
    rows = []
    base = analysis.capital_share
    others = [s for s in capital_shares if s != base]
    specs = [(base, True), (base, False)] + [(s, h) for s in others for h in (True, False)]
    for share, hc in specs:
        acc = decompose_country(
            analysis.code,
            analysis.start,
            analysis.end,
            labor=analysis.accounting.labor,
            human_capital=hc and analysis.accounting.human_capital,
            capital_share=share,
        )
        s = acc.summary()
        total, tfp = float(s.total), float(s.parts["TFP"])
        label = ("1 - labsh" if share == "labsh" else f"α = {share:g}") + (
            ", with human capital" if hc and analysis.accounting.human_capital else ", no human capital"
        )
        rows.append(
            {
                "label": label,
                "capital_share": share,
                "human_capital": bool(hc and acc.human_capital),
                "tfp_growth": tfp,
                "output_growth": total,
                "tfp_share": tfp / total if total >= MIN_GROWTH_FOR_SHARES else float("nan"),
            }
        )
    return rows


def verdict(rows):
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
        return "No verdict: the data do not allow growth accounting for this economy and period."
    shares = np.array([r["tfp_share"] for r in rows])
    if np.isnan(shares).any():
        g = rows[0]["output_growth"]
        return (
            f"No verdict: output grew {g:.2f} % per year, too little for shares of growth to mean much; "
            "look at TFP growth itself."
        )
    lo, hi = 100 * shares.min(), 100 * shares.max()
    span = f"TFP accounts for {lo:.0f} to {hi:.0f} % of output growth across the {len(rows)} specifications"
    if shares.min() >= TFP_LED_SHARE:
        return f"TFP-led under every specification tried: {span}."
    if shares.max() < TFP_LED_SHARE:
        return f"Input-led under every specification tried: {span}."
    return (
        f"Not settled by these data: {span}, on both sides of one half. The answer depends on the "
        "capital share and on whether schooling counts as an input."
    )


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
        Each factor's share of the log gap ln(y/y*) (they sum to 1).
    pwt_ctfp : float
        PWT's own TFP level relative to the USA (``ctfp``) in that year, for
        comparison (NaN if missing or if the reference is not the USA).
    """

    code: str
    reference: str
    year: int
    capital_share: float
    ratios: dict
    log_shares: dict
    pwt_ctfp: float

    def table(self):
        """The account as aligned text."""
        lines = [
            f"{self.code} relative to {self.reference} in {self.year} (capital share {self.capital_share:g})",
            "factor                 ratio   share of log gap",
        ]
        for k, v in self.ratios.items():
            share = "" if k == "output per worker" else f"{100 * self.log_shares[k]:10.0f} %"
            lines.append(f"{k:<20}{v:8.3f}  {share}")
        if np.isfinite(self.pwt_ctfp):
            lines.append(f"(PWT's own TFP level, ctfp, USA = 1: {self.pwt_ctfp:.3f})")
        return "\n".join(lines)


def development_accounting(code, year=None, reference="USA", capital_share=1 / 3):
    """Split the gap in output per worker to a reference economy into capital, human capital and TFP.

    Uses output-side real GDP at chained PPPs (``rgdpo``), the capital stock at
    current PPPs (``cn``), persons engaged (``emp``) and ``hc``, all in the same
    year, and a common capital share (1/3 by default, as in Caselli 2005).

    Parameters
    ----------
    code, reference : str
        ISO codes.
    year : int, optional
        Default: the latest year in which both economies have all four variables.
    capital_share : float
        In (0, 1).

    Returns
    -------
    DevelopmentAccount

    Raises
    ------
    ValueError
        If either economy lacks the variables in ``year`` (or in every year).

    Examples
    --------
    >>> d = development_accounting("CHN", 2019)
    >>> print(round(d.ratios["output per worker"], 3), round(sum(d.log_shares.values()), 12))
    0.239 1.0
    """
    a = as_scalar("capital_share", capital_share, low=0, high=1, low_open=True, high_open=True)
    variables = ["rgdpo", "cn", "emp", "hc"]
    own = load_country(code, variables + ["ctfp"], allow_missing=True)
    ref = load_country(reference, variables, allow_missing=True)
    ok = np.all([np.isfinite(own.values[v]) for v in variables], axis=0)
    ok &= np.all([np.isfinite(ref.values[v]) for v in variables], axis=0)
    if year is None:
        if not ok.any():
            raise ValueError(f"no year in which {own.code} and {ref.code} both have rgdpo, cn, emp and hc")
        year = int(own.years[ok][-1])
    year = int(year)
    idx = np.flatnonzero(own.years == year)
    if idx.size == 0 or not ok[idx[0]]:
        have = own.years[ok]
        span = f"{have[0]}-{have[-1]}" if have.size else "no year"
        raise ValueError(
            f"year must be one in which {own.code} and {ref.code} both have rgdpo, cn, emp and hc "
            f"({span}); got {year}"
        )
    i = idx[0]

    def per_worker(s):
        e = s.values["emp"][i]
        return s.values["rgdpo"][i] / e, s.values["cn"][i] / e, s.values["hc"][i]

    (y, k, h), (y0, k0, h0) = per_worker(own), per_worker(ref)
    parts = {"capital": (k / k0) ** a, "human capital": (h / h0) ** (1 - a)}
    parts["TFP"] = (y / y0) / (parts["capital"] * parts["human capital"])
    gap = np.log(y / y0)
    log_shares = {kname: float(np.log(v) / gap) if gap != 0 else float("nan") for kname, v in parts.items()}
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


def _comparison(analysis):
    """TFP shares of this economy, China and the world median over the analysis period (common convention)."""
    w = tfp_shares_all(analysis.start, analysis.end)
    by_code = dict(zip(w["codes"], w["tfp_share"], strict=True))
    return {
        analysis.code: by_code.get(analysis.code, float("nan")),
        "CHN": by_code.get("CHN", float("nan")),
        f"median of {len(w['codes'])}": w["median_share"],
    }


def summary_figure(analysis, figsize=(11.7, 8.3)):
    """One page for a seminar: levels, contributions by period, comparison, sensitivity, citation.

    Parameters
    ----------
    analysis : EconomyAnalysis
        Must be ``available``.
    figsize : tuple
        Inches; the default is A4 landscape.

    Returns
    -------
    matplotlib.figure.Figure
    """
    from matplotlib.figure import Figure

    from .lessons.plotting import PALETTE, plot_contributions

    if not analysis.available:
        raise ValueError(f"analysis must be available; {analysis.code}: {'; '.join(analysis.notes)}")
    fig = Figure(figsize=figsize)
    (ax1, ax2), (ax3, ax4) = fig.subplots(2, 2)
    fig.subplots_adjust(left=0.1, right=0.86, top=0.93, bottom=0.21, hspace=0.4, wspace=0.55)
    acc = analysis.accounting.accounting
    years = analysis.accounting.years
    growth = np.concatenate([[0.0], np.cumsum(acc.output_growth)])
    per_worker = growth - np.concatenate([[0.0], np.cumsum(acc.labor_growth)])
    ax1.plot(years, np.exp(growth), label="output")
    ax1.plot(years, np.exp(per_worker), label="output per unit of labour")
    ax1.plot(years, acc.tfp_index(), label="TFP")
    ax1.set_yscale("log")
    ax1.set_ylabel(f"index ({analysis.start} = 1, log scale)")
    ax1.set_xlabel("year")
    ax1.legend(fontsize=9)
    labels = [f"{a}-{b}" for a, b in analysis.periods]
    plot_contributions(analysis.period_summaries, labels, ax=ax2)
    ax2.tick_params(axis="x", labelrotation=45, labelsize=8)
    comp = _comparison(analysis)
    names = list(comp)
    vals = [100 * v for v in comp.values()]
    ax3.barh(
        names,
        vals,
        color=[PALETTE["vermillion"], PALETTE["blue"], PALETTE["sky"]],
        hatch=["xx", "", "//"],
        edgecolor="white",
    )
    ax3.axvline(100 * TFP_LED_SHARE, color="black", linestyle="--", linewidth=1)
    for i, v in enumerate(vals):
        ax3.text(v if np.isfinite(v) else 0, i, f" {v:.0f} %" if np.isfinite(v) else " n/a", va="center")
    ax3.set_xlabel("TFP share of output growth (%);\ncommon convention: persons, hc, 1 - labsh")
    ax3.invert_yaxis()
    rows = sensitivity(analysis)
    ax4.barh(
        [r["label"] for r in rows],
        [100 * r["tfp_share"] for r in rows],
        color=PALETTE["vermillion"],
        hatch="xx",
        edgecolor="white",
    )
    ax4.axvline(100 * TFP_LED_SHARE, color="black", linestyle="--", linewidth=1)
    ax4.set_xlabel("TFP share of output growth (%)")
    ax4.tick_params(axis="y", labelsize=8)
    ax4.invert_yaxis()
    for ax, letter in zip((ax1, ax2, ax3, ax4), "abcd", strict=True):
        ax.text(-0.12, 1.04, f"({letter})", transform=ax.transAxes, fontweight="bold")
    fig.suptitle(f"Growth accounting: {analysis.name} ({analysis.code}), {analysis.start}-{analysis.end}")
    fig.text(0.07, 0.065, "Verdict: " + verdict(rows), fontsize=9, wrap=True)
    conv = [c for c in analysis.conventions if c.startswith(("capital share", "labour", "human capital"))]
    fig.text(0.07, 0.035, "Conventions: " + "; ".join(conv), fontsize=7, wrap=True)
    fig.text(0.07, 0.012, CITATION, fontsize=7)
    return fig


def save_summary(analysis, stem):
    """Save :func:`summary_figure` as ``stem.png`` and ``stem.pdf``; return the two paths.

    Parameters
    ----------
    analysis : EconomyAnalysis
    stem : str or Path
        Path without extension, e.g. ``"kor-summary"``.

    Returns
    -------
    tuple of Path
    """
    from pathlib import Path

    fig = summary_figure(analysis)
    stem = Path(stem)
    paths = (stem.with_suffix(".png"), stem.with_suffix(".pdf"))
    for path in paths:
        fig.savefig(path, dpi=150)
    return paths


def _economy_options():
    return [f"{code} — {name}" for code, name in list_countries()]


def draw_lab(ax, economy, period):
    """Draw contributions by sub-period for the chosen economy; return the verdict line.

    ``economy`` is an option of the searchable box ("CHN — China") or any
    text; ``period`` is a (start, end) pair of years.
    """
    code = str(economy).split(" — ")[0].strip().upper()
    if code not in dict(list_countries()):
        ax.text(
            0.5,
            0.5,
            "type to search, then choose an economy from the list",
            ha="center",
            transform=ax.transAxes,
        )
        ax.set_axis_off()
        return "no economy chosen yet"
    ax.set_axis_on()
    analysis = analyse_economy(code, int(period[0]), int(period[1]))
    if not analysis.available:
        ax.text(0.5, 0.5, "\n".join(analysis.notes), ha="center", wrap=True, transform=ax.transAxes)
        ax.set_axis_off()
        return f"{analysis.name}: growth accounting is not possible here"
    from .lessons.plotting import plot_contributions

    plot_contributions(analysis.period_summaries, [f"{a}-{b}" for a, b in analysis.periods], ax=ax)
    ax.tick_params(axis="x", labelrotation=45, labelsize=8)
    notes = "".join(f"<br>note: {n}" for n in analysis.notes)
    return (
        f"<b>{analysis.name}, {analysis.start}-{analysis.end}</b>: output growth "
        f"{analysis.whole.total:.2f} % per year, TFP {analysis.whole.parts['TFP']:.2f}. "
        f"{verdict(sensitivity(analysis))}{notes}"
    )


def make_lab_app(economy="KOR", period=(1970, 2023)):
    """A searchable choice of economy and a period slider around :func:`draw_lab`.

    Returns
    -------
    FigureApp
    """
    import ipywidgets as w

    from .lessons.widgets import FigureApp

    options = _economy_options()
    matches = [o for o in options if o.split(" — ")[0] == str(economy).split(" — ")[0].strip().upper()]
    if not matches:
        raise ValueError(f"economy must be a code in the Penn World Table extract; got {economy!r}")
    economy = matches[0]
    years = _pwt().years
    controls = {
        "economy": w.Combobox(
            value=economy,
            options=options,
            ensure_option=True,
            description="economy",
            placeholder="type a name or code",
            layout=w.Layout(width="460px"),
        ),
        "period": w.IntRangeSlider(
            value=period,
            min=int(years[0]),
            max=int(years[-1]),
            step=1,
            description="period (years)",
            continuous_update=False,
            style={"description_width": "initial"},
            layout=w.Layout(width="460px"),
        ),
    }
    return FigureApp(draw_lab, controls, figsize=(8.0, 4.0), margins={"right": 0.72, "bottom": 0.25})


#: What each lab self-check asks, and how the right answer follows from the analysis.
LAB_QUESTIONS = {
    "output_growth": ("average output growth over the whole period (% per year)", lambda a: a.whole.total),
    "tfp_growth": ("average TFP growth over the whole period (% per year)", lambda a: a.whole.parts["TFP"]),
    "tfp_share": (
        "TFP share of output growth over the whole period (%)",
        lambda a: 100 * a.whole.shares["TFP"],
    ),
    "capital_deepening": (
        "contribution of capital deepening to output-per-worker growth (% per year)",
        lambda a: a.per_worker.parts["capital deepening"],
    ),
    "fastest_period": (
        "first year of the sub-period with the fastest TFP growth",
        lambda a: a.periods[int(np.argmax([s.parts["TFP"] for s in a.period_summaries]))][0],
    ),
}


def lab_check(exercise, question, answer, analysis):
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
    """
    from .exercises import check, encode_answer

    if question not in LAB_QUESTIONS:
        raise ValueError(f"question must be one of {sorted(LAB_QUESTIONS)}; got {question!r}")
    if not getattr(analysis, "available", False):
        raise ValueError("analysis must be an available EconomyAnalysis (choose an economy with enough data)")
    value = float(LAB_QUESTIONS[question][1](analysis))
    tol = 0 if question == "fastest_period" else max(0.05, 0.01 * abs(value))
    return check(exercise, answer, encode_answer(value, tol=tol))
