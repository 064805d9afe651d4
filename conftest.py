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


def pytest_sessionfinish(session, exitstatus):
    """Remove the runs the xdist workers shared (``support.shared_folder``), once, at the end."""
    if hasattr(session.config, "workerinput"):
        return
    import shutil
    import tempfile
    from pathlib import Path

    for folder in Path(tempfile.gettempdir()).glob("diaspora-shared-*"):
        shutil.rmtree(folder, ignore_errors=True)
