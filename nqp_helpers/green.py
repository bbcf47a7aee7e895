r"""Green productivity: the Kaya identity and growth accounting that charges output for emissions.

**Kaya identity** (Kaya 1990). CO2 emissions :math:`C` are the product of
population :math:`P`, output per person :math:`Y/P`, energy intensity
:math:`E/Y` and carbon intensity of energy :math:`C/E`:

.. math:: C = P \cdot \frac{Y}{P} \cdot \frac{E}{Y} \cdot \frac{C}{E},
   \qquad
   \Delta \ln C = \Delta \ln P + \Delta \ln \frac{Y}{P} + \Delta \ln \frac{E}{Y}
   + \Delta \ln \frac{C}{E},

an exact, additive decomposition of emissions growth in log points.

**Green growth accounting.** Ordinary accounting (:func:`nqp_helpers.growth.decompose`)
treats emissions as free. One simple way to charge for them is to value each
tonne at a carbon price :math:`p_c` and subtract the charge from output,

.. math:: Y^{g}_t = Y_t - p_c\, C_t,

then run the same accounting on :math:`Y^g` with the same inputs and factor
shares. Green TFP growth is the residual :math:`g_{Y^g} - \bar\alpha g_K -
(1-\bar\alpha)(g_L + g_h)`. Differentiating, :math:`g_{Y^g} = (g_Y - s\, g_C)
/ (1 - s)` with :math:`s = p_c C / Y` the charge as a share of output, so

.. math:: g_A^{green} - g_A = \frac{s}{1-s}\,(g_Y - g_C):

green TFP grows faster than ordinary TFP when emissions grow more slowly than
output (decoupling), and more slowly when emissions outpace output. This is a
teaching version; the OECD's environmentally adjusted multifactor
productivity (Brandt, Schreyer and Zipperer 2014) treats emissions as bad
outputs with estimated shadow prices and adds natural capital as an input.

Units used here: output in billions of a currency unit, emissions in million
tonnes of CO2 (Mt), carbon price in currency units per tonne, so the charge in
billions is ``carbon_price * emissions / 1000``.

References
----------
Kaya, Yoichi (1990), "Impact of Carbon Dioxide Emission Control on GNP Growth:
Interpretation of Proposed Scenarios", paper presented to the IPCC Energy and
Industry Subgroup, Response Strategies Working Group, Paris.
Brandt, Nicola, Paul Schreyer and Vera Zipperer (2014), "Productivity
Measurement with Natural Capital and Bad Outputs", OECD Economics Department
Working Papers No. 1154.
Romer, David (2019), *Advanced Macroeconomics*, 5th edition, McGraw-Hill,
section 1.8 (natural resources and the environment), for
:func:`resource_growth_drag`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ._validate import as_levels, as_scalar, as_years
from .growth import GrowthAccounting, GrowthSummary, decompose, summarise
from .i18n import N_, _

__all__ = [
    "KAYA_FACTORS",
    "KayaDecomposition",
    "GreenAccounting",
    "kaya_decomposition",
    "green_output",
    "green_decompose",
    "decarbonise",
    "resource_growth_drag",
]

#: The four Kaya factors, in the order of the identity C = P (Y/P) (E/Y) (C/E).
KAYA_FACTORS = (N_("population"), N_("output per person"), N_("energy intensity"), N_("carbon intensity"))


@dataclass(frozen=True)
class KayaDecomposition:
    """Result of :func:`kaya_decomposition`.

    Attributes
    ----------
    emissions_growth : ndarray, shape (T-1,)
        Growth of emissions, log points per interval; equals the sum of the
        four contributions exactly (to rounding).
    contributions : dict of str -> ndarray, shape (T-1,)
        Growth of population, output per person, energy intensity and carbon
        intensity, log points per interval.
    levels : dict of str -> ndarray, shape (T,)
        The four factors (millions of persons; output per person in thousand
        currency units; energy intensity in EJ per billion; carbon intensity
        in Mt CO2 per EJ, in the units of the inputs).
    years : ndarray or None
    interval_years : ndarray, shape (T-1,)
    """

    emissions_growth: np.ndarray
    contributions: dict[str, np.ndarray]
    levels: dict[str, np.ndarray]
    years: np.ndarray | None
    interval_years: np.ndarray

    def summary(self, start: float | None = None, end: float | None = None) -> GrowthSummary:
        """Average annual contributions to emissions growth, % per year, over ``start``-``end``.

        Returns
        -------
        GrowthSummary
            ``total`` is emissions growth; ``parts`` the four Kaya factors.
        """
        return summarise(
            self.contributions,
            self.emissions_growth,
            N_("emissions growth"),
            self.years,
            self.interval_years,
            start,
            end,
        )


def kaya_decomposition(
    population: npt.ArrayLike,
    output: npt.ArrayLike,
    energy: npt.ArrayLike,
    emissions: npt.ArrayLike,
    years: npt.ArrayLike | None = None,
) -> KayaDecomposition:
    """Split emissions growth into population, output per person, energy and carbon intensity.

    Parameters
    ----------
    population : array_like, shape (T,)
        Population (for example millions of persons), T >= 2.
    output : array_like, shape (T,)
        Real output (for example billions of constant currency units).
    energy : array_like, shape (T,)
        Primary energy use (for example EJ).
    emissions : array_like, shape (T,)
        CO2 emissions (for example Mt CO2).
    years : array_like, shape (T,), optional
        Strictly increasing years (needed for summaries by calendar period).

    Returns
    -------
    KayaDecomposition

    Raises
    ------
    ValueError
        If a series is not 1-D, not positive and finite, or of a different
        length; if years are invalid.

    Examples
    --------
    Output per person doubles, energy intensity halves, the rest is constant:
    emissions do not change.

    >>> k = kaya_decomposition([10, 10], [100, 200], [50, 50], [300, 300])
    >>> print({name: round(float(v[0]), 4) for name, v in k.contributions.items()})
    {'population': 0.0, 'output per person': 0.6931, 'energy intensity': -0.6931, 'carbon intensity': 0.0}
    """
    series = {}
    for name, value in (
        ("population", population),
        ("output", output),
        ("energy", energy),
        ("emissions", emissions),
    ):
        series[name] = as_levels(name, value)
    T = series["population"].shape[0]
    for name, arr in series.items():
        if arr.shape[0] != T:
            raise ValueError(
                _("{name} must have the same length as population ({T}); got {n}").format(
                    name=name, T=T, n=arr.shape[0]
                )
            )
    if T < 2:
        raise ValueError(_("the decomposition needs at least 2 years (T >= 2); got T = {T}").format(T=T))
    yrs = as_years(years, T)
    P, Y, E, C = (series[k] for k in ("population", "output", "energy", "emissions"))
    levels = dict(zip(KAYA_FACTORS, (P, Y / P, E / Y, C / E), strict=True))
    contributions = {k: np.diff(np.log(v)) for k, v in levels.items()}
    return KayaDecomposition(
        emissions_growth=np.diff(np.log(C)),
        contributions=contributions,
        levels=levels,
        years=yrs[1:] if yrs is not None else None,
        interval_years=np.diff(yrs) if yrs is not None else np.ones(T - 1),
    )


def green_output(output: npt.ArrayLike, emissions: npt.ArrayLike, carbon_price: float) -> np.ndarray:
    """Output net of a charge for emissions, ``output - carbon_price * emissions / 1000``.

    Parameters
    ----------
    output : array_like, shape (T,)
        Real output, billions of a currency unit.
    emissions : array_like, shape (T,)
        CO2 emissions, million tonnes (Mt).
    carbon_price : float
        Currency units per tonne of CO2, in [0, 10000].

    Returns
    -------
    ndarray, shape (T,)
        Green (emission-charged) output, billions.

    Raises
    ------
    ValueError
        If inputs are invalid or the charge is not smaller than output in some
        year (green output must stay positive).

    Examples
    --------
    >>> print(green_output([1000.0], [2000.0], 50.0))
    [900.]
    """
    Y = as_levels("output", output)
    C = as_levels("emissions", emissions)
    if C.shape != Y.shape:
        raise ValueError(
            _("emissions must have the same shape as output {expected}; got {shape}").format(
                expected=Y.shape, shape=C.shape
            )
        )
    price = as_scalar("carbon_price", carbon_price, low=0, high=10000)
    charge = price * C / 1000
    if (charge >= Y).any():
        i = int(np.argmax(charge >= Y))
        raise ValueError(
            _(
                "carbon_price {price:g} makes the emission charge ({charge:g} billion) exceed output "
                "({output:g} billion) at position {i}; green output must stay positive"
            ).format(price=price, charge=charge[i], output=Y[i], i=i)
        )
    return Y - charge


@dataclass(frozen=True)
class GreenAccounting:
    """Result of :func:`green_decompose`: ordinary and green growth accounts side by side.

    Attributes
    ----------
    ordinary : GrowthAccounting
        Accounting of output (log points per interval).
    green : GrowthAccounting
        The same accounting of green output; its ``tfp_growth`` is green TFP growth.
    green_output : ndarray, shape (T,)
        Output minus the emission charge, billions.
    charge_share : ndarray, shape (T,)
        The charge as a fraction of output, s = p_c C / Y.
    carbon_price : float
        Currency units per tonne of CO2.
    """

    ordinary: GrowthAccounting
    green: GrowthAccounting
    green_output: np.ndarray
    charge_share: np.ndarray
    carbon_price: float

    def tfp_gap(self, start: float | None = None, end: float | None = None) -> float:
        """Green minus ordinary TFP growth, % per year on average over ``start``-``end``."""
        return float(
            self.green.summary(start, end).parts["TFP"] - self.ordinary.summary(start, end).parts["TFP"]
        )


def green_decompose(
    output: npt.ArrayLike,
    capital: npt.ArrayLike,
    labor: npt.ArrayLike,
    capital_share: npt.ArrayLike,
    emissions: npt.ArrayLike,
    carbon_price: float,
    human_capital: npt.ArrayLike | None = None,
    years: npt.ArrayLike | None = None,
) -> GreenAccounting:
    """Ordinary and green growth accounting of the same economy.

    Parameters
    ----------
    output, capital, labor, capital_share, human_capital, years
        As in :func:`nqp_helpers.growth.decompose` (output in billions).
    emissions : array_like, shape (T,)
        CO2 emissions, Mt.
    carbon_price : float
        Currency units per tonne of CO2, in [0, 10000].

    Returns
    -------
    GreenAccounting

    Raises
    ------
    ValueError
        As :func:`nqp_helpers.growth.decompose` and :func:`green_output`.

    Examples
    --------
    Output grows 5 %, emissions are flat: charging 5 % of output for emissions
    raises green output growth by about 0.05 / 0.95 x 5 = 0.26 points.

    >>> Y = np.array([1000.0, 1000 * np.exp(0.05)])
    >>> acc = green_decompose(Y, [1, 1], [1, 1], 0.4, emissions=[1000, 1000], carbon_price=50)
    >>> print(f"{100 * acc.ordinary.tfp_growth[0]:.2f} {100 * acc.green.tfp_growth[0]:.2f}")
    5.00 5.26
    """
    ordinary = decompose(output, capital, labor, capital_share, human_capital=human_capital, years=years)
    Yg = green_output(output, emissions, carbon_price)
    green = decompose(Yg, capital, labor, capital_share, human_capital=human_capital, years=years)
    Y = np.asarray(output, dtype=float)
    return GreenAccounting(
        ordinary=ordinary,
        green=green,
        green_output=Yg,
        charge_share=1 - Yg / Y,
        carbon_price=float(carbon_price),
    )


def decarbonise(
    energy: npt.ArrayLike,
    emissions: npt.ArrayLike,
    years: npt.ArrayLike,
    from_year: float,
    carbon_intensity_growth: float,
) -> np.ndarray:
    """Emissions if carbon intensity (CO2 per unit of energy) changed at a set rate after ``from_year``.

    Energy use is unchanged; up to ``from_year`` emissions are as observed;
    afterwards carbon intensity C/E changes by ``carbon_intensity_growth``
    (log points x 100) each year from its ``from_year`` level.

    Parameters
    ----------
    energy, emissions : array_like, shape (T,)
        Energy use and emissions, positive.
    years : array_like, shape (T,)
        Strictly increasing years.
    from_year : float
        A year of the data.
    carbon_intensity_growth : float
        % per year, in [-30, 30].

    Returns
    -------
    ndarray, shape (T,)
        Counterfactual emissions, in the unit of ``emissions``.

    Raises
    ------
    ValueError
        If inputs are invalid or ``from_year`` is not a year of the data.

    Examples
    --------
    >>> print(np.round(decarbonise([10, 10, 10], [70, 70, 70], [2000, 2001, 2002], 2001, -10.0), 2))
    [70.   70.   63.34]
    """
    E = as_levels("energy", energy)
    C = as_levels("emissions", emissions)
    if C.shape != E.shape:
        raise ValueError(
            _("emissions must have the same shape as energy {expected}; got {shape}").format(
                expected=E.shape, shape=C.shape
            )
        )
    yrs = as_years(years, E.shape[0])
    if yrs is None:
        raise ValueError(_("years must be given: from_year is a year of the data; got None"))
    y0 = as_scalar("from_year", from_year)
    if y0 not in yrs:
        raise ValueError(
            _("from_year must be a year of the data ({first:g}-{last:g}); got {year:g}").format(
                first=yrs[0], last=yrs[-1], year=y0
            )
        )
    rate = as_scalar("carbon_intensity_growth", carbon_intensity_growth, low=-30, high=30) / 100
    i0 = int(np.flatnonzero(yrs == y0)[0])
    after = yrs > y0
    return np.where(after, E * (C[i0] / E[i0]) * np.exp(rate * (yrs - y0)), C)


def resource_growth_drag(
    technology_growth: float,
    labor_growth: float,
    resource_decline: float,
    capital_share: float,
    resource_share: float,
    land_share: float = 0.0,
) -> float:
    r"""How much slower output per worker grows when natural resources and land are limited, % per year.

    The model is Romer's (2019, section 1.8) extension of the Solow model:

    .. math:: Y = K^{\alpha} R^{\beta} T^{\gamma} (A L)^{1-\alpha-\beta-\gamma},

    with resource use :math:`R` falling at rate :math:`b`, land :math:`T` fixed,
    labour-augmenting technology :math:`A` growing at :math:`g` and labour at
    :math:`n`. On a balanced growth path :math:`K` and :math:`Y` grow at the
    same rate, so :math:`g_Y = \alpha g_Y - \beta b + (1-\alpha-\beta-\gamma)(g+n)`
    and output per worker grows at

    .. math:: g_{Y/L} = \frac{(1-\alpha-\beta-\gamma)\, g - \beta b - (\beta+\gamma)\, n}{1-\alpha}.

    Without the limits (resources and land growing with :math:`AL`) it would
    grow at :math:`g`; the difference, the growth drag, is

    .. math:: \text{drag} = \frac{(\beta+\gamma)\, g + \beta b + (\beta+\gamma)\, n}{1-\alpha}.

    The shares are constant (Cobb-Douglas): the model cannot show a resource
    constraint "becoming rigid", which would appear as a rising resource share
    (rents) when resources and other inputs substitute poorly.

    Parameters
    ----------
    technology_growth, labor_growth : float
        g and n, % per year (each in [-10, 10]).
    resource_decline : float
        b, the rate at which resource use falls, % per year (in [-10, 10]; negative: it rises).
    capital_share, resource_share, land_share : float
        alpha, beta, gamma: each in [0, 1), their sum below 1.

    Returns
    -------
    float
        The drag, percentage points per year.

    Raises
    ------
    ValueError
        If a rate or share is outside its range, or the shares sum to 1 or more.

    Examples
    --------
    >>> print(round(resource_growth_drag(2.0, 0.0, 1.0, 0.35, 0.05, 0.05), 3))
    0.385
    >>> print(round(resource_growth_drag(2.0, 0.0, 1.0, 0.35, 0.05), 4))  # no land: (0.1 + 0.05) / 0.65
    0.2308
    >>> resource_growth_drag(2.0, 0.0, 1.0, 0.6, 0.3, 0.2)
    Traceback (most recent call last):
    ...
    ValueError: capital_share + resource_share + land_share must be below 1; got 1.1
    """
    g = as_scalar("technology_growth", technology_growth, low=-10, high=10)
    n = as_scalar("labor_growth", labor_growth, low=-10, high=10)
    b = as_scalar("resource_decline", resource_decline, low=-10, high=10)
    alpha = as_scalar("capital_share", capital_share, low=0, high=1, high_open=True)
    beta = as_scalar("resource_share", resource_share, low=0, high=1, high_open=True)
    gamma = as_scalar("land_share", land_share, low=0, high=1, high_open=True)
    if alpha + beta + gamma >= 1:
        raise ValueError(
            _("capital_share + resource_share + land_share must be below 1; got {total:g}").format(
                total=alpha + beta + gamma
            )
        )
    return ((beta + gamma) * g + beta * b + (beta + gamma) * n) / (1 - alpha)
