"""Test-session set-up shared by the unit tests and nbval.

Kernels started by nbval inherit this process's environment: drop ``MPLBACKEND`` so
inline figures are stored, fix ``PYTHONHASHSEED`` so printed sets and dicts keep their
order, and make sure the runner's figure folder is not set, so validating a notebook
writes no files.
"""

import os

os.environ.pop("MPLBACKEND", None)
os.environ.pop("DIASPORA_FIGURES_DIR", None)
os.environ["PYTHONHASHSEED"] = "0"
