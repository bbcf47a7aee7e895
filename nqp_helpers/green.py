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
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ._validate import as_levels, as_scalar, as_years
from .growth import GrowthAccounting, GrowthSummary, _summarise, decompose

__all__ = [
    "KAYA_FACTORS",
    "KayaDecomposition",
    "GreenAccounting",
    "GreenEconomy",
    "kaya_decomposition",
    "green_output",
    "green_decompose",
    "decarbonise",
    "load_toy_green",
    "plot_kaya",
    "draw_green",
    "make_green_app",
]

_DATA_DIR = Path(__file__).resolve().parent.parent / "data"

#: The four Kaya factors, in order, with their plotting style.
KAYA_FACTORS = {
    "population": {"color": "#E69F00", "hatch": "//"},
    "output per person": {"color": "#0072B2", "hatch": ""},
    "energy intensity": {"color": "#009E73", "hatch": ".."},
    "carbon intensity": {"color": "#CC79A7", "hatch": "xx"},
}


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
    contributions: dict
    levels: dict
    years: np.ndarray | None
    interval_years: np.ndarray

    def summary(self, start=None, end=None):
        """Average annual contributions to emissions growth, % per year, over ``start``-``end``.

        Returns
        -------
        GrowthSummary
            ``total`` is emissions growth; ``parts`` the four Kaya factors.
        """
        return _summarise(
            self.contributions,
            self.emissions_growth,
            "emissions growth",
            self.years,
            self.interval_years,
            start,
            end,
        )


def kaya_decomposition(population, output, energy, emissions, years=None):
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
            raise ValueError(f"{name} must have the same length as population ({T}); got {arr.shape[0]}")
    if T < 2:
        raise ValueError(f"the decomposition needs at least 2 years (T >= 2); got T = {T}")
    yrs = as_years(years, T)
    P, Y, E, C = (series[k] for k in ("population", "output", "energy", "emissions"))
    levels = {
        "population": P,
        "output per person": Y / P,
        "energy intensity": E / Y,
        "carbon intensity": C / E,
    }
    contributions = {k: np.diff(np.log(v)) for k, v in levels.items()}
    return KayaDecomposition(
        emissions_growth=np.diff(np.log(C)),
        contributions=contributions,
        levels=levels,
        years=yrs[1:] if yrs is not None else None,
        interval_years=np.diff(yrs) if yrs is not None else np.ones(T - 1),
    )


def green_output(output, emissions, carbon_price):
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
        raise ValueError(f"emissions must have the same shape as output {Y.shape}; got {C.shape}")
    price = as_scalar("carbon_price", carbon_price, low=0, high=10000)
    charge = price * C / 1000
    if (charge >= Y).any():
        i = int(np.argmax(charge >= Y))
        raise ValueError(
            f"carbon_price {price:g} makes the emission charge ({charge[i]:g} billion) exceed output "
            f"({Y[i]:g} billion) at position {i}; green output must stay positive"
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

    def tfp_gap(self, start=None, end=None):
        """Green minus ordinary TFP growth, % per year on average over ``start``-``end``."""
        return float(
            self.green.summary(start, end).parts["TFP"] - self.ordinary.summary(start, end).parts["TFP"]
        )


def green_decompose(
    output, capital, labor, capital_share, emissions, carbon_price, human_capital=None, years=None
):
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


def decarbonise(energy, emissions, years, from_year, carbon_intensity_growth):
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
        raise ValueError(f"emissions must have the same shape as energy {E.shape}; got {C.shape}")
    yrs = as_years(years, E.shape[0])
    y0 = as_scalar("from_year", from_year)
    if y0 not in yrs:
        raise ValueError(f"from_year must be a year of the data ({yrs[0]:g}-{yrs[-1]:g}); got {y0:g}")
    rate = as_scalar("carbon_intensity_growth", carbon_intensity_growth, low=-30, high=30) / 100
    i0 = int(np.flatnonzero(yrs == y0)[0])
    after = yrs > y0
    return np.where(after, E * (C[i0] / E[i0]) * np.exp(rate * (yrs - y0)), C)


@dataclass(frozen=True)
class GreenEconomy:
    """The toy economy of ``data/toy_green.csv`` (see its metadata for units and parameters).

    Attributes
    ----------
    years : ndarray of int, shape (T,)
    population, output, capital, labor, human_capital, capital_share, energy, emissions : ndarray, shape (T,)
        Millions of persons; billions; billions; millions of workers; index;
        fraction; EJ; Mt CO2.
    meta : dict
    """

    years: np.ndarray
    population: np.ndarray
    output: np.ndarray
    capital: np.ndarray
    labor: np.ndarray
    human_capital: np.ndarray
    capital_share: np.ndarray
    energy: np.ndarray
    emissions: np.ndarray
    meta: dict


def load_toy_green(data_dir=None):
    """Load the green toy economy, checking the file against its sha256.

    Parameters
    ----------
    data_dir : str or Path, optional
        Folder with ``toy_green.csv`` and its metadata (default: ``data/``).

    Returns
    -------
    GreenEconomy

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
    from .structural import _read_checked

    folder = Path(data_dir) if data_dir is not None else _DATA_DIR
    meta, header, rows = _read_checked(folder, "toy_green.csv", "toy_green.meta.json")
    cols = {h: np.array([float(r[k]) for r in rows]) for k, h in enumerate(header)}
    return GreenEconomy(
        years=cols["year"].astype(int),
        population=cols["population_millions"],
        output=cols["output_billions"],
        capital=cols["capital_billions"],
        labor=cols["labor_millions"],
        human_capital=cols["human_capital_index"],
        capital_share=cols["capital_share"],
        energy=cols["energy_ej"],
        emissions=cols["emissions_mt_co2"],
        meta=meta,
    )


def plot_kaya(summaries, labels, ax=None, legend=True):
    """Stacked bars of the four Kaya factors' contributions to emissions growth (% per year).

    Parameters
    ----------
    summaries : sequence of GrowthSummary
        From :meth:`KayaDecomposition.summary`.
    labels : sequence of str
        One per bar.
    ax : matplotlib Axes, optional
    legend : bool

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        If the numbers of summaries and labels differ or a summary is not a
        Kaya summary.
    """
    import matplotlib.pyplot as plt

    summaries, labels = list(summaries), [str(x) for x in labels]
    if not summaries or len(summaries) != len(labels):
        raise ValueError(
            "summaries and labels must be non-empty and of equal length; "
            f"got {len(summaries)} and {len(labels)}"
        )
    if any(not isinstance(s, GrowthSummary) or list(s.parts) != list(KAYA_FACTORS) for s in summaries):
        raise ValueError("summaries must come from KayaDecomposition.summary()")
    if ax is None:
        _, ax = plt.subplots()
    x = np.arange(len(summaries))
    pos, neg = np.zeros(len(x)), np.zeros(len(x))
    for name, style in KAYA_FACTORS.items():
        vals = np.array([float(s.parts[name]) for s in summaries])
        base = np.where(vals >= 0, pos, neg)
        ax.bar(x, vals, bottom=base, width=0.6, label=name, edgecolor="white", linewidth=0.5, **style)
        pos += np.where(vals >= 0, vals, 0)
        neg += np.where(vals < 0, vals, 0)
    ax.plot(
        x, [float(s.total) for s in summaries], "D", color="black", linestyle="none", label="emissions growth"
    )
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xticks(x, labels)
    ax.set_ylabel("contribution to emissions growth (% per year)")
    ax.grid(axis="x", visible=False)
    if legend:
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax


def draw_green(ax, carbon_price=100.0, carbon_intensity_growth=-2.5, from_year=2012, economy=None):
    """Draw ordinary and green TFP indices of the toy economy for a carbon price and decarbonisation rate.

    Parameters
    ----------
    ax : matplotlib Axes
    carbon_price : float
        Currency units per tonne of CO2.
    carbon_intensity_growth : float
        Change of carbon intensity C/E after ``from_year``, % per year
        (negative: decarbonisation). Energy use is unchanged.
    from_year : int
        Year after which the decarbonisation rate applies.
    economy : GreenEconomy, optional
        Default: :func:`load_toy_green`.

    Returns
    -------
    str
        One line of HTML: average ordinary and green TFP growth and the charge
        as a share of output in the first and last year.
    """
    g = load_toy_green() if economy is None else economy
    C = decarbonise(g.energy, g.emissions, g.years, from_year, carbon_intensity_growth)
    acc = green_decompose(
        g.output,
        g.capital,
        g.labor,
        g.capital_share,
        C,
        carbon_price,
        human_capital=g.human_capital,
        years=g.years,
    )
    ax.plot(g.years, acc.ordinary.tfp_index(), label="ordinary TFP")
    ax.plot(
        g.years, acc.green.tfp_index(), linestyle="--", label=f"green TFP (carbon price {carbon_price:g})"
    )
    ax.axvline(from_year, color="grey", linewidth=0.8, linestyle=":")
    ax.set_xticks(np.arange(g.years[0], g.years[-1] + 1, 5))
    ax.set_xlabel("year")
    ax.set_ylabel(f"TFP index ({g.years[0]} = 1)")
    ax.set_ylim(0.95, 1.75)
    ax.legend(loc="upper left")
    o = acc.ordinary.summary().parts["TFP"]
    gr = acc.green.summary().parts["TFP"]
    return (
        f"TFP growth {g.years[0]}-{g.years[-1]}: ordinary <b>{o:.2f} %</b>, "
        f"green <b>{gr:.2f} % per year</b>; "
        f"emission charge <b>{100 * acc.charge_share[0]:.1f} %</b> of output in {g.years[0]}, "
        f"<b>{100 * acc.charge_share[-1]:.1f} %</b> in {g.years[-1]}"
    )


def make_green_app(carbon_price=100.0, carbon_intensity_growth=-2.5):
    """Build the green-accounting widget: carbon price and decarbonisation rate after 2012.

    Returns
    -------
    FigureApp

    Examples
    --------
    >>> app = make_green_app()
    >>> app.set(carbon_price=200.0).draws
    2
    """
    from .lessons.widgets import FigureApp, slider

    economy = load_toy_green()
    controls = {
        "carbon_price": slider(
            "carbon price (currency units per t CO2)", carbon_price, 0.0, 400.0, 10.0, ".0f"
        ),
        "carbon_intensity_growth": slider(
            "change of CO2 per unit of energy after 2012 (% per year)",
            carbon_intensity_growth,
            -10.0,
            3.0,
            0.5,
            ".1f",
        ),
    }

    def draw(ax, carbon_price, carbon_intensity_growth):
        return draw_green(ax, carbon_price, carbon_intensity_growth, economy=economy)

    return FigureApp(draw, controls, figsize=(7.0, 4.0))
