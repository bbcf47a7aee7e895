"""The lesson layer: figures and widgets drawn on top of the models.

Every module here may import matplotlib, ipywidgets and any model module of
:mod:`nqp_helpers`; no model module may import anything from here (the import
contracts in ``pyproject.toml`` check both directions).
"""
