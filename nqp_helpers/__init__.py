"""nqp_helpers: the tools behind the notebooks on new quality productive forces.

Modules, one idea each:

- :mod:`nqp_helpers.growth` -- growth accounting (``decompose``, ``decompose_panel``).
- :mod:`nqp_helpers.data` -- the one data layer: the Penn World Table extract,
  the toy economies and published tables (``load_country``, ``load_panel``,
  ``toy_economy``), shipped inside the package.
- :mod:`nqp_helpers.accounting` -- accounting on data (``decompose_country``,
  period tables, other capital shares, development accounting).
- :mod:`nqp_helpers.production`, :mod:`~nqp_helpers.elements`, :mod:`~nqp_helpers.solow`,
  :mod:`~nqp_helpers.revolutions`, :mod:`~nqp_helpers.ideas`, :mod:`~nqp_helpers.structural`,
  :mod:`~nqp_helpers.green`, :mod:`~nqp_helpers.misallocation`, :mod:`~nqp_helpers.schooling`,
  :mod:`~nqp_helpers.lab` -- the models, pure numpy.
- :mod:`nqp_helpers.exercises` -- self-checks (``check``) and progress.
- :mod:`nqp_helpers.lessons` -- the lesson layer: figure style, figures and
  widgets, one module per model.

``CONTRIBUTING.md`` maps every module and who may import it. Importing the
package is cheap: it loads numpy and nothing else; the data layer, the models
and the lesson layer load only when imported.
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

# The data loader is imported on first use (PEP 562), so that `import nqp_helpers`
# stays cheap for notebooks that never touch the Penn World Table.
_LAZY = {"decompose_country": "accounting"} | {
    name: "data"
    for name in (
        "list_countries",
        "list_toy_economies",
        "list_variables",
        "load_country",
        "load_panel",
        "load_published",
        "toy_economy",
        "toy_parameters",
    )
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
