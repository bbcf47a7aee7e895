"""nqp_helpers: the tools behind the notebooks on new quality productive forces.

Modules, one idea each:

- :mod:`nqp_helpers.growth` -- growth accounting (``decompose``, ``decompose_panel``).
- :mod:`nqp_helpers.data` -- the Penn World Table extract and the toy economies
  (``load_country``, ``load_panel``, ``decompose_country``, ``toy_economy``).
- :mod:`nqp_helpers.exercises` -- self-checks (``check``) and progress.
- :mod:`nqp_helpers.plotting`, :mod:`nqp_helpers.widgets`, :mod:`nqp_helpers.apps` --
  figure style, interactive figures and the ready-made apps.

Importing the package is cheap: it loads numpy and nothing else; plotting and
widget helpers live in their own modules and load only when imported.
"""

from .data import (
    decompose_country,
    list_countries,
    list_toy_economies,
    list_variables,
    load_country,
    load_panel,
    load_published,
    toy_economy,
    toy_parameters,
)
from .growth import (
    GrowthAccounting,
    GrowthSummary,
    PerWorkerAccounting,
    constant_growth_economy,
    decompose,
    decompose_panel,
)

__all__ = [
    "GrowthAccounting",
    "GrowthSummary",
    "PerWorkerAccounting",
    "constant_growth_economy",
    "decompose",
    "decompose_panel",
    "decompose_country",
    "list_countries",
    "list_toy_economies",
    "list_variables",
    "load_country",
    "load_panel",
    "load_published",
    "toy_economy",
    "toy_parameters",
]

__version__ = "0.1.0"
