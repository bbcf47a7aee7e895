"""Test-run settings shared by the package tests and nbval.

Notebook kernels started by nbval inherit this environment: self-checks during
tests never read or write the student's own progress file.
"""

import os
import tempfile

os.environ["NQP_PROGRESS_FILE"] = os.path.join(tempfile.mkdtemp(prefix="nqp-test-"), "progress.json")
os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
