"""The collection's maintenance scripts, run from the top folder as modules: ``python -m scripts.<name>``.

:mod:`scripts.nbtools` is the one notebook toolkit they share (what a solution cell, an exercise cell and an
answer key are; reading, writing, running and choosing notebooks).
"""
