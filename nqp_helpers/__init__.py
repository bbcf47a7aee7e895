"""nqp_helpers: the tools behind the notebooks on new quality productive forces.

Modules, one idea each:

- :mod:`nqp_helpers.growth` -- growth accounting (``decompose``, ``decompose_panel``).
- :mod:`nqp_helpers.data` -- the Penn World Table extract and the toy economies
  (``load_country``, ``load_panel``, ``decompose_country``, ``toy_economy``).
- :mod:`nqp_helpers.exercises` -- self-checks (``check``) and progress.
- :mod:`nqp_helpers.lessons` -- the lesson layer: figure style, interactive
  figures and the ready-made apps.

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
_LAZY = {
    name: "data"
    for name in (
        "decompose_country",
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


def __getattr__(name):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_LAZY))
