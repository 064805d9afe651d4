"""Where the project's folders are.

The tables are found from the package itself, never from the working directory: the
checkout's ``data/`` when the package runs from a source tree (an editable install, or
``PYTHONPATH``), else the copy built into the package (``diaspora_helpers/data/tables/``,
read through :mod:`importlib.resources`). Notebooks and outputs belong to the checkout
the runner is started from, so they are found from the working directory; nothing is
ever written inside an installed package.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
#: The folder above the package: the checkout when running from a source tree, else
#: ``site-packages`` (check :func:`source_checkout` before using it).
PROJECT_ROOT = PACKAGE_DIR.parent
PACKAGE_FILE = "datapackage.json"
#: Where the build (setup.py) copies ``data/*.csv`` and ``datapackage.json`` in a wheel.
PACKAGED_TABLES = ("diaspora_helpers.data", "tables")


def source_checkout() -> Path | None:
    """Return the checkout the package is imported from, or None for an installed package.

    A checkout holds ``pyproject.toml`` and ``data/datapackage.json`` beside the package.
    """
    if (PROJECT_ROOT / "pyproject.toml").is_file() and (
        PROJECT_ROOT / "data" / PACKAGE_FILE
    ).is_file():
        return PROJECT_ROOT
    return None


def data_dir() -> Path:
    """Return the folder holding the CSV tables and ``datapackage.json``.

    In order: the environment variable ``DIASPORA_DATA_DIR`` (tests use it to corrupt a
    copy on purpose), the checkout's ``data/``, the tables built into the package. Raises
    ``FileNotFoundError`` naming the fix when an installed package lacks its tables.
    """
    override = os.environ.get("DIASPORA_DATA_DIR")
    if override:
        return Path(override).resolve()
    checkout = source_checkout()
    if checkout is not None:
        return checkout / "data"
    package, folder = PACKAGED_TABLES
    packaged = Path(str(resources.files(package).joinpath(folder)))
    if not (packaged / PACKAGE_FILE).is_file():
        raise FileNotFoundError(
            f"the package's tables are missing from {packaged}: reinstall diaspora-helpers "
            "from a checkout or an sdist (pip install .), which copies data/ into the package, "
            "or set DIASPORA_DATA_DIR to a folder holding datapackage.json and the CSV tables"
        )
    return packaged


def find_checkout(start: Path | None = None) -> Path | None:
    """Return the nearest folder, from ``start`` (default: the cwd) upwards, holding a
    ``notebooks/`` folder and a ``pyproject.toml``; ``start`` itself if it holds
    ``notebooks/``; else None."""
    here = (start or Path.cwd()).resolve()
    if (here / "notebooks").is_dir():
        return here
    for folder in here.parents:
        if (folder / "notebooks").is_dir() and (folder / "pyproject.toml").is_file():
            return folder
    return None


def notebooks_dir(start: Path | None = None) -> Path | None:
    """Return the ``notebooks/`` folder of the checkout found by :func:`find_checkout`."""
    checkout = find_checkout(start)
    return None if checkout is None else checkout / "notebooks"


def require_notebooks_dir(start: Path | None = None) -> Path:
    """Return :func:`notebooks_dir`, or raise ``FileNotFoundError`` saying to run from a
    checkout of the collection (the course's documents and masters live there)."""
    found = notebooks_dir(start)
    if found is None:
        raise FileNotFoundError(
            f"no notebooks/ folder in {(start or Path.cwd()).resolve()} or above it: run this "
            "from a checkout of the collection"
        )
    return found


def outputs_dir(start: Path | None = None) -> Path:
    """Return the folder the runner writes into.

    ``DIASPORA_OUTPUTS_DIR`` if set, else ``outputs/`` of the checkout found from ``start``
    (default: the cwd), else ``./outputs``. Never a folder inside the installed package.
    """
    override = os.environ.get("DIASPORA_OUTPUTS_DIR")
    if override:
        return Path(override).resolve()
    checkout = find_checkout(start)
    return (checkout or (start or Path.cwd()).resolve()) / "outputs"


def course_dir(start: Path | None = None) -> Path:
    """Return the lecturer's course folder: gradebook, releases, submissions, grades.

    ``DIASPORA_COURSE_DIR`` if set, else ``course/`` of the checkout found from ``start``
    (default: the cwd), else ``./course``. Never inside ``outputs/``: a run publishes
    ``outputs/`` as one tree, and students' work and marks must not depend on what a run
    keeps. ``course/`` is ignored by git, so ``git clean -fdX`` would delete it: keep a
    copy of a real course elsewhere.
    """
    override = os.environ.get("DIASPORA_COURSE_DIR")
    if override:
        return Path(override).resolve()
    checkout = find_checkout(start)
    return (checkout or (start or Path.cwd()).resolve()) / "course"


#: The one channel by which the executor (``publish.execution.execute.kernel_env``) tells a
#: notebook's kernel where to put the files it produces (charts as PNG, SVG, slide and CSV).
RUN_FILES_VARIABLE = "DIASPORA_FIGURES_DIR"


def run_files_dir() -> Path | None:
    """Return the folder the executor gave this kernel for its files, or None outside it.

    Set only by the executor, in the kernel's environment (``RUN_FILES_VARIABLE``); the
    executor lists what was written there, with hashes, in the executed notebook's
    metadata, and the publisher places the files.
    """
    folder = os.environ.get(RUN_FILES_VARIABLE)
    return Path(folder) if folder else None
