r"""Technological revolutions: their timeline, the measured record, diffusion lags, supply shocks.

Four pieces, one per question the article's section 3 raises:

1. :data:`REVOLUTIONS` -- the four technological revolutions the article names,
   with its own words and its own dating.
2. :data:`GORDON_TFP` and :func:`tfp_growth_by_period` -- the measured record of
   TFP growth (total factor productivity, 全要素生产率): Gordon's (2016) long US
   series, and the Penn World Table for 1954 onwards.
3. :func:`adoption_share` and :func:`diffusion_path` -- a logistic (S-curve)
   model of how a general-purpose technology spreads once adoption starts, and
   why its effect on aggregate productivity growth peaks decades later (David
   1990). Adoption starts after the invention: the self-excited dynamo of the
   1860s came two decades before the first central power stations of 1882.
4. :func:`supply_shock_loss` and :func:`hulten_loss` -- output when a critical
   imported input is cut, as a function of how substitutable it is (the CES
   production function of :mod:`nqp_helpers.production`) and of domestic
   capacity (Baqaee and Farhi 2019).

The figures and widgets of these lessons are in :mod:`nqp_helpers.lessons.revolutions`.

References
----------
David, Paul A. (1990), "The Dynamo and the Computer: An Historical Perspective
on the Modern Productivity Paradox", American Economic Review 80(2), 355-361.

Gordon, Robert J. (2016), The Rise and Fall of American Growth: The U.S.
Standard of Living since the Civil War, Princeton University Press.

Baqaee, David Rezza and Emmanuel Farhi (2019), "The Macroeconomic Impact of
Microeconomic Shocks: Beyond Hulten's Theorem", Econometrica 87(4), 1155-1203.

Hulten, Charles R. (1978), "Growth Accounting with Intermediate Inputs",
Review of Economic Studies 45(3), 511-518.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ._validate import as_array_in, as_float_or_array, as_scalar
from .i18n import N_, _
from .production import ces_output

__all__ = [
    "Revolution",
    "REVOLUTIONS",
    "PublishedPeriods",
    "GORDON_TFP",
    "tfp_growth_by_period",
    "adoption_share",
    "DiffusionPath",
    "diffusion_path",
    "supply_shock_output",
    "supply_shock_loss",
    "hulten_loss",
]


# --------------------------------------------------------------------------- #
# 1. The four revolutions, in the article's words
# --------------------------------------------------------------------------- #
@dataclass(frozen=True)
class Revolution:
    """One technological revolution as the article describes it.

    Attributes
    ----------
    number : int
        1 to 4, in the article's order.
    name, chinese : str
        English and Chinese name of the stage (the article, section 2, names
        "mechanization, electrification and automation" and a fourth stage).
    key_technology : str
        The technology the article puts at its centre.
    dating : str
        The article's dating, as the translation gives it, with its meaning.
    start, end : int
        Years bounding the article's dating: a decade (1760-1769) when it gives
        one, a whole century when it gives only the century.
    quote : str
        The article's sentence(s), quoted from the English translation; square
        brackets mark what a translation quirk hides.
    """

    number: int
    name: str
    chinese: str
    key_technology: str
    dating: str
    start: int
    end: int
    quote: str

    @property
    def precision(self) -> str:
        """``"decade"`` or ``"century"``: how precisely the article dates the start."""
        return "decade" if self.end - self.start < 10 else "century"


#: The four revolutions named in section 3 of the article (He Zili 2024).
REVOLUTIONS = (
    Revolution(
        number=1,
        name=N_("mechanisation (steam power)"),
        chinese="机械化",
        key_technology=N_("steam engine"),
        dating="'eighteen century sixty In the s' [that is, the 1760s]",
        start=1760,
        end=1769,
        quote=(
            "eighteen century sixty In the s [that is, in the 1760s], with the invention of the steam engine "
            "and the widespread use of the steam engine powered machinery and devices in the material "
            "production process, human labor productivity has been unprecedentedly improved"
        ),
    ),
    Revolution(
        number=2,
        name=N_("electrification"),
        chinese="电气化",
        key_technology=N_("electricity"),
        dating="'nineteen century sixty ... In the s' [that is, the 1860s]",
        start=1860,
        end=1869,
        quote=(
            "along with nineteen century sixty With the invention and wide adoption of electricity in the s "
            "[that is, in the 1860s], electricity has replaced steam as the main form of power, giving birth "
            "to a series of emerging industries such as shipbuilding, petrochemical, steel, etc."
        ),
    ),
    Revolution(
        number=3,
        name=N_("automation"),
        chinese="自动化",
        key_technology=N_("computers and automation technology"),
        dating="'twenty ... in the 21st century' [that is, the twentieth century; no decade is given]",
        start=1900,
        end=1999,
        quote=(
            "along with twenty With the invention and wide application of computer and automation "
            "technology in the 21st century [that is, in the twentieth century], the automation level of "
            "manufacturing industry has been greatly improved."
        ),
    ),
    Revolution(
        number=4,
        name=N_("digital and intelligent technology"),
        chinese="数字化、智能化",
        key_technology=N_("computing power (算力)"),
        dating="'get into twenty-one In the 21st century' [that is, entering the twenty-first century]",
        start=2000,
        end=2099,
        quote=(
            "In this round of industrial revolution, computing power has become the most revolutionary "
            "innovation. [...] The infrastructure with computing power as the core has become a strong "
            "support for the operation of artificial intelligence, big data, the Internet of Things, etc., "
            "promoting the rapid development of the digital economy and bringing mankind into the digital "
            "era."
        ),
    ),
)


# --------------------------------------------------------------------------- #
# 2. The measured record
# --------------------------------------------------------------------------- #
@dataclass(frozen=True)
class PublishedPeriods:
    """Average growth rates over periods, copied from a publication.

    Attributes
    ----------
    starts, ends : tuple of int
        First and last year of each period.
    values : tuple of float
        Published average growth rate of each period.
    unit : str
    citation : str
    where : str
        Where in the publication the numbers are.
    measure : str
        What is measured, in words.
    """

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    values: tuple[float, ...]
    unit: str
    citation: str
    where: str
    measure: str

    def weighted_mean(self, start: int, end: int) -> float:
        """Length-weighted average of the periods that lie inside [start, end].

        Raises
        ------
        ValueError
            If no whole period lies inside, or the periods inside do not cover [start, end].
        """
        inside = [
            (s, e, v)
            for s, e, v in zip(self.starts, self.ends, self.values, strict=True)
            if s >= start and e <= end
        ]
        covered = sum(e - s for s, e, _v in inside)
        if not inside or covered != end - start:
            raise ValueError(
                _(
                    "start and end must be boundaries of the published periods ({periods}); got {start}-{end}"
                ).format(
                    periods=", ".join(f"{s}-{e}" for s, e in zip(self.starts, self.ends, strict=True)),
                    start=start,
                    end=end,
                )
            )
        return sum((e - s) * v for s, e, v in inside) / covered


#: US total factor productivity growth by period (Gordon 2016).
GORDON_TFP = PublishedPeriods(
    starts=(1890, 1920, 1970, 1994, 2004),
    ends=(1920, 1970, 1994, 2004, 2014),
    values=(0.46, 1.89, 0.57, 1.03, 0.40),
    unit="% per year (average annual growth rate)",
    citation=(
        "Gordon, Robert J. (2016), The Rise and Fall of American Growth: The U.S. Standard of Living since "
        "the Civil War, Princeton University Press"
    ),
    where="chapter 16, the chart of average annual TFP growth over 1890-1920, 1920-70, 1970-94, "
    "1994-2004 and 2004-14",
    measure=(
        "US total factor productivity growth as Gordon measures it: growth of real output per hour minus "
        "the contributions of capital deepening and of rising educational attainment (labour quality). "
        "It is not the same series as the Penn World Table's rtfpna (different output, capital and "
        "labour-quality measures), so compare patterns, not decimals."
    ),
)


def tfp_growth_by_period(codes: str | Sequence[str], periods: Sequence[tuple[int, int]]) -> np.ndarray:
    """Average TFP growth over periods from the Penn World Table (``rtfpna``), vectorised.

    Growth is the log difference of ``rtfpna`` (TFP at constant national
    prices, 2021 = 1) between the first and last year of each period, divided
    by its length, x 100.

    Parameters
    ----------
    codes : str or list of str
        ISO 3-letter country codes (N of them).
    periods : sequence of (start, end)
        P periods, each with start < end, within 1950-2023.

    Returns
    -------
    ndarray, shape (N, P)
        % per year; NaN where ``rtfpna`` is missing in the first or last year
        of a period (missing data are never filled in).

    Raises
    ------
    ValueError
        Unknown country code, or a period that is not (start, end) with start < end.

    Examples
    --------
    >>> g = tfp_growth_by_period(["USA", "CHN"], [(1994, 2004), (2004, 2014)])
    >>> g.shape
    (2, 2)
    """
    from .data import load_panel

    try:
        per = np.asarray(periods, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(
            _("periods must be a list of (start, end) pairs; got {periods!r}").format(periods=periods)
        ) from exc
    if per.ndim != 2 or per.shape[1] != 2 or per.shape[0] == 0:
        raise ValueError(
            _("periods must be a non-empty list of (start, end) pairs; got {periods!r}").format(
                periods=periods
            )
        )
    if np.any(per[:, 0] >= per[:, 1]) or np.any(per != np.round(per)):
        raise ValueError(
            _("each period must be (start, end) in whole years with start < end; got {periods!r}").format(
                periods=periods
            )
        )
    codes = [codes] if isinstance(codes, str) else list(codes)
    panel = load_panel("rtfpna", codes=codes)
    first = int(panel.years[0])
    lo, hi = per[:, 0].astype(int), per[:, 1].astype(int)
    if lo.min() < first or hi.max() > int(panel.years[-1]):
        raise ValueError(
            _("periods must lie within {first}-{last}; got {periods!r}").format(
                first=first, last=int(panel.years[-1]), periods=periods
            )
        )
    tfp = panel["rtfpna"]
    return 100 * (np.log(tfp[:, hi - first]) - np.log(tfp[:, lo - first])) / (hi - lo)


# --------------------------------------------------------------------------- #
# 3. Diffusion: a logistic adoption curve and its lagged productivity effect
# --------------------------------------------------------------------------- #
def adoption_share(
    years_since_start: npt.ArrayLike, speed: npt.ArrayLike, initial_share: float = 0.01
) -> float | np.ndarray:
    r"""Share of potential users that have adopted a technology: a logistic (S) curve.

    .. math:: S(t) = \frac{1}{1 + \frac{1 - S_0}{S_0} e^{-v t}},

    where :math:`t` is years since adoption started, :math:`v` the speed and
    :math:`S_0` the share adopted in the first year of adoption. Half the users have adopted at
    :math:`t_{1/2} = \ln((1-S_0)/S_0)/v`; adoption is fastest then
    (:math:`dS/dt = v S (1-S) = v/4`).

    Parameters
    ----------
    years_since_start : float or array_like
        Years since adoption started (negative values are before it).
    speed : float or array_like
        v, per year, > 0.
    initial_share : float
        Share adopted in the first year of adoption, in (0, 0.5).

    Returns
    -------
    float or ndarray
        Share in (0, 1), broadcast over the arguments.

    Raises
    ------
    ValueError
        If ``speed`` is not positive or ``initial_share`` is outside (0, 0.5).

    Examples
    --------
    >>> round(adoption_share(0, 0.1), 3), round(adoption_share(np.log(99) / 0.1, 0.1), 3)
    (0.01, 0.5)
    """
    t = as_array_in("years_since_start", years_since_start)
    v = as_array_in("speed", speed, 0, None, low_open=True)
    s0 = as_scalar("initial_share", initial_share, 0, 0.5, low_open=True, high_open=True)
    midpoint = np.log((1 - s0) / s0) / v
    return as_float_or_array(0.5 * (1 + np.tanh(0.5 * v * (t - midpoint))))


@dataclass(frozen=True)
class DiffusionPath:
    """A technology's adoption and its effect on aggregate TFP, year by year.

    Attributes
    ----------
    years : ndarray, shape (T,)
        Calendar years.
    adoption : ndarray, shape (T,)
        Share of potential users that have adopted (0 to 1).
    tfp_gain : ndarray, shape (T,)
        Log TFP gain so far, relative to before adoption started (log points).
    tfp_growth : ndarray, shape (T,)
        Instantaneous TFP growth the technology contributes, % per year.
    peak_year : float
        Year in which that contribution is largest.
    peak_growth : float
        The largest contribution, % per year (``25 x gain x speed``).
    gain, speed, lag, adoption_start, initial_share : float
        The parameters used (``adoption_start`` is the first year of adoption,
        not the year of the invention).
    """

    years: np.ndarray
    adoption: np.ndarray
    tfp_gain: np.ndarray
    tfp_growth: np.ndarray
    peak_year: float
    peak_growth: float
    gain: float
    speed: float
    lag: float
    adoption_start: float
    initial_share: float

    @property
    def half_adoption_year(self) -> float:
        """Year in which half of the potential users have adopted."""
        return self.adoption_start + float(np.log((1 - self.initial_share) / self.initial_share)) / self.speed


def diffusion_path(
    years: npt.ArrayLike,
    adoption_start: float = 1882,
    speed: float = 0.1,
    gain: float = 0.5,
    lag: float = 10.0,
    initial_share: float = 0.01,
) -> DiffusionPath:
    r"""Adoption of a general-purpose technology and its lagged effect on aggregate TFP.

    Adoption follows :func:`adoption_share`. Each adopter reaches the full
    productivity gain only after ``lag`` years of complementary investment,
    reorganisation and learning (David 1990: factories had to be redesigned
    around electric unit drive before electricity paid off), so

    .. math:: \ln A_t - \ln A_{\text{before}} = G\, S(t - t_0 - \ell), \qquad
              g_{A,t} = 100\, G\, v\, S(1-S)\big|_{t - t_0 - \ell},

    with gain :math:`G` (log points), first year of adoption :math:`t_0`, lag
    :math:`\ell` and speed :math:`v`. The contribution to TFP growth peaks when
    half of the lagged adoption is done, :math:`t_0 + \ell + \ln((1-S_0)/S_0)/v`,
    at :math:`25\, G\, v` % per year: a slower diffusion gives a later, lower and
    longer wave. This is an illustrative model, not an estimate.

    Parameters
    ----------
    years : array_like, shape (T,)
        Calendar years at which to evaluate the path.
    adoption_start : float
        First year of adoption t0 (for electricity, 1882: the first central
        power stations, two decades after the dynamo was invented).
    speed : float
        Speed of adoption v, per year, > 0.
    gain : float
        Total log TFP gain G once everyone has adopted, log points, > 0
        (0.5 means TFP ends exp(0.5) = 1.65 times higher).
    lag : float
        Years between adoption and the productivity gain, >= 0.
    initial_share : float
        Share adopted in the first year of adoption, in (0, 0.5).

    Returns
    -------
    DiffusionPath

    Raises
    ------
    ValueError
        If years are not a 1-D numeric array, or a parameter is outside its range.

    Examples
    --------
    With speed 0.1 per year and a 10-year lag, TFP growth from electric power
    (adoption from 1882, the first central power stations) peaks in
    1882 + 10 + ln(99)/0.1 = 1938:

    >>> p = diffusion_path(np.arange(1870, 2031), 1882, speed=0.1, gain=0.5, lag=10)
    >>> round(p.peak_year, 1), round(p.peak_growth, 2)
    (1938.0, 1.25)
    """
    yrs = as_array_in("years", years)
    if yrs.ndim != 1 or yrs.size == 0:
        raise ValueError(
            _("years must be a non-empty 1-D array of calendar years; got shape {shape}").format(
                shape=yrs.shape
            )
        )
    t0 = as_scalar("adoption_start", adoption_start)
    v = as_scalar("speed", speed, 0, None, low_open=True)
    gain = as_scalar("gain", gain, 0, None, low_open=True)
    lag = as_scalar("lag", lag, 0, None)
    s0 = as_scalar("initial_share", initial_share, 0, 0.5, low_open=True, high_open=True)
    adoption = adoption_share(yrs - t0, v, s0)
    effective = adoption_share(yrs - t0 - lag, v, s0)
    return DiffusionPath(
        years=yrs,
        adoption=np.asarray(adoption),
        tfp_gain=gain * np.asarray(effective),
        tfp_growth=100 * gain * v * np.asarray(effective) * (1 - np.asarray(effective)),
        peak_year=t0 + lag + float(np.log((1 - s0) / s0)) / v,
        peak_growth=25 * gain * v,
        gain=gain,
        speed=v,
        lag=lag,
        adoption_start=t0,
        initial_share=s0,
    )


# --------------------------------------------------------------------------- #
# 4. A critical imported input: CES production and a supply cut
# --------------------------------------------------------------------------- #
def _net_cut(cut: npt.ArrayLike, capacity: npt.ArrayLike) -> np.ndarray:
    """The part of the cut that domestic capacity cannot replace, max(cut - capacity, 0)."""
    c = as_array_in("cut", cut, 0, 1)
    cap = as_array_in("capacity", capacity, 0, 1)
    return np.clip(c - cap, 0.0, None)


def supply_shock_output(
    cut: npt.ArrayLike, sigma: npt.ArrayLike, import_share: npt.ArrayLike = 0.1, capacity: npt.ArrayLike = 0.0
) -> np.ndarray:
    r"""Output after a cut in a critical imported input, relative to before (1 = no loss).

    Output combines a domestic input :math:`D` and an imported input :math:`M` by CES
    (:func:`nqp_helpers.production.ces_output`),

    .. math:: Y = \left[(1-\omega) D^{\rho} + \omega M^{\rho}\right]^{1/\rho},
              \qquad \rho = \frac{\sigma-1}{\sigma},

    with weight :math:`\omega` and elasticity of substitution :math:`\sigma`. With
    :math:`D = M = 1` before the shock, :math:`Y = 1` and :math:`\omega` is the imported
    input's cost share. After the shock :math:`D = 1` and :math:`M = 1 - \max(\text{cut}
    - \text{capacity}, 0)`. :math:`\sigma = 1` is Cobb-Douglas :math:`M^{\omega}`;
    :math:`\sigma \to 0` approaches :math:`\min(D, M)` (no substitution) and
    :math:`\sigma \to \infty` the linear :math:`(1-\omega) D + \omega M`.

    Parameters
    ----------
    cut, sigma, import_share, capacity
        As in :func:`supply_shock_loss`.

    Returns
    -------
    ndarray
        Output relative to before the shock, broadcast over the arguments.

    Examples
    --------
    >>> print(np.round(supply_shock_output(0.5, [0.5, 1.0], import_share=0.1), 4))
    [0.9091 0.933 ]
    """
    net = _net_cut(cut, capacity)
    w = as_array_in("import_share", import_share, 0, 1, low_open=True, high_open=True)
    sig = as_array_in("sigma", sigma, 0, None, low_open=True)
    inputs = np.stack([np.ones_like(net), 1 - net], axis=-1)  # domestic, imported
    weights = np.stack([1 - w, w], axis=-1)
    return ces_output(inputs, weights, sig)


def supply_shock_loss(
    cut: npt.ArrayLike, sigma: npt.ArrayLike, import_share: npt.ArrayLike = 0.1, capacity: npt.ArrayLike = 0.0
) -> float | np.ndarray:
    """Output lost when a critical imported input is cut, in % of pre-shock output.

    Before the shock both inputs equal 1 and output is 1 (see
    :func:`supply_shock_output`). Imports of the critical input fall by the fraction
    ``cut``; domestic producers can supply up to ``capacity`` (a fraction of the
    pre-shock quantity) in their place, so the input available is
    ``1 - max(cut - capacity, 0)``. The domestic input is unchanged.

    Parameters
    ----------
    cut : float or array_like
        Fraction of the imported input cut off, in [0, 1].
    sigma : float or array_like
        Elasticity of substitution between the imported and the domestic input, > 0.
    import_share : float or array_like
        Cost share of the imported input before the shock, in (0, 1).
    capacity : float or array_like
        Domestic replacement capacity, as a fraction of pre-shock imports, in [0, 1].

    Returns
    -------
    float or ndarray
        % of pre-shock output lost, in [0, 100], broadcast over the arguments.

    Raises
    ------
    ValueError
        If an argument is outside its range.

    Examples
    --------
    Half of an input with a 10 % cost share is cut; with sigma = 0.2 (strong
    complements) output falls by 20.5 %, with sigma = 1 by 6.7 %:

    >>> np.round(supply_shock_loss(0.5, [0.2, 1.0], import_share=0.1), 1)
    array([20.5,  6.7])
    """
    return as_float_or_array(100 * (1 - supply_shock_output(cut, sigma, import_share, capacity)))


def hulten_loss(
    cut: npt.ArrayLike, import_share: npt.ArrayLike = 0.1, capacity: npt.ArrayLike = 0.0
) -> float | np.ndarray:
    r"""First-order (Hulten) output loss from a cut in an input, in % of output.

    Hulten's theorem: to first order, :math:`d\ln Y = \omega\, d\ln M`, the
    input's cost share times its *log* change, whatever the elasticity of
    substitution. Integrated with the share held at its pre-shock value,
    :math:`\ln Y = \omega \ln(1 - \text{net cut})`: a loss of
    :math:`-100\,\omega \ln(1 - \text{net cut})` log points, which is
    :math:`100\,[1 - (1 - \text{net cut})^{\omega}]` % of output. This function
    returns the latter, exactly the Cobb-Douglas (:math:`\sigma = 1`) loss of
    :func:`supply_shock_loss`, so that the two are in the same unit. Only for a
    small cut are both close to :math:`100\,\omega \times \text{net cut}`.
    Baqaee and Farhi (2019) show that for large shocks the second-order term,
    governed by :math:`\sigma`, dominates: with complements
    (:math:`\sigma < 1`) losses are far larger.

    Parameters
    ----------
    cut, import_share, capacity
        As in :func:`supply_shock_loss`.

    Returns
    -------
    float or ndarray
        % of output lost.

    Examples
    --------
    Half of an input with a 10 % cost share: -0.1 ln 0.5 = 6.93 log points,
    that is 6.70 % of output (not 0.1 x 50 = 5 %):

    >>> round(hulten_loss(0.5, 0.1), 2)
    6.7
    """
    net = _net_cut(cut, capacity)
    w = as_array_in("import_share", import_share, 0, 1, low_open=True, high_open=True)
    with np.errstate(divide="ignore"):
        return as_float_or_array(100 * (1 - np.exp(w * np.log1p(-net))))
