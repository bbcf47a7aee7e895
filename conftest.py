"""Test-run settings shared by the package tests and nbval.

Notebook kernels started by nbval inherit this environment: self-checks during
tests never read or write the student's own progress file, and each notebook
starts with an empty one.

Property-based tests (hypothesis) draw the same examples on every run and keep no
example database: a test that passes here passes on a fresh clone, and a case a
run once found is kept in the test as an ``@example``.
"""

import os
import tempfile

import pytest
from hypothesis import settings

settings.register_profile("nqp", derandomize=True, database=None)
settings.load_profile("nqp")

os.environ["NQP_PROGRESS_FILE"] = os.path.join(tempfile.mkdtemp(prefix="nqp-test-"), "progress.json")
os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
# Each edition's language comes from its folder (notebooks/ or notebooks/zh-CN/), as in JupyterLab;
# a language set for the whole shell would run one edition in the other's language.
os.environ.pop("NQP_LANG", None)

_notebooks_started: set[str] = set()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Each notebook nbval runs starts with an empty progress file, as in `make notebooks`: what one
    notebook's self-checks record never shows in another's output (the two editions run the same checks)."""
    path = str(getattr(item, "fspath", ""))
    if path.endswith(".ipynb") and path not in _notebooks_started:
        _notebooks_started.add(path)
        os.environ["NQP_PROGRESS_FILE"] = os.path.join(tempfile.mkdtemp(prefix="nqp-nb-"), "progress.json")
