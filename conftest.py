"""Test-run settings shared by the package tests and nbval.

Notebook kernels started by nbval inherit this environment: self-checks during
tests never read or write the student's own progress file.

Property-based tests (hypothesis) draw the same examples on every run and keep no
example database: a test that passes here passes on a fresh clone, and a case a
run once found is kept in the test as an ``@example``.
"""

import os
import tempfile

from hypothesis import settings

settings.register_profile("nqp", derandomize=True, database=None)
settings.load_profile("nqp")

os.environ["NQP_PROGRESS_FILE"] = os.path.join(tempfile.mkdtemp(prefix="nqp-test-"), "progress.json")
os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
