"""Where the project's folders are, found from the package itself, never from the cwd."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent


def data_dir() -> Path:
    """Return the folder holding the CSV tables and ``datapackage.json``.

    The environment variable ``DIASPORA_DATA_DIR`` overrides it (used by tests that
    corrupt a copy of the data on purpose).
    """
    override = os.environ.get("DIASPORA_DATA_DIR")
    return Path(override).resolve() if override else PROJECT_ROOT / "data"


def notebooks_dir() -> Path:
    """Return the folder holding the notebooks."""
    return PROJECT_ROOT / "notebooks"


def outputs_dir() -> Path:
    """Return the folder the runner writes into (``DIASPORA_OUTPUTS_DIR`` overrides it)."""
    override = os.environ.get("DIASPORA_OUTPUTS_DIR")
    return Path(override).resolve() if override else PROJECT_ROOT / "outputs"
