"""nqp_helpers: the tools behind the notebooks on new quality productive forces.

Modules, one idea each:

- :mod:`nqp_helpers.growth` -- growth accounting (``decompose``, ``decompose_panel``).

Importing the package is cheap: it loads numpy and nothing else; plotting and
widget helpers live in their own modules and load only when imported.
"""

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
]

__version__ = "0.1.0"
