"""Build hook: copy the tables of ``data/`` into the built package.

``data/`` at the top of the checkout stays the one place the tables are edited. A wheel
(``pip install .``, or one built from the sdist, which carries ``data/`` through
MANIFEST.in) gets a copy of ``data/*.csv``, the French text in ``data/fr/*.csv`` and
``data/datapackage.json`` as package data in ``diaspora_helpers/data/tables/``, read
through ``importlib.resources``. An editable install reads ``data/`` in place, so nothing
is copied for it.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SOURCE = Path(__file__).resolve().parent / "data"
TARGET = Path("diaspora_helpers", "data", "tables")


class BuildPyWithTables(build_py):
    """``build_py`` that also copies the collection's tables into the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        tables = sorted(SOURCE.glob("*.csv")) + sorted(SOURCE.glob("fr/*.csv"))
        if not (SOURCE / "datapackage.json").is_file() or not tables:
            raise SystemExit(f"cannot build diaspora-helpers: {SOURCE} lacks the tables")
        target = Path(self.build_lib) / TARGET
        self.mkpath(str(target))
        for source in [SOURCE / "datapackage.json", *tables]:
            destination = target / source.relative_to(SOURCE)
            self.mkpath(str(destination.parent))
            self.copy_file(str(source), str(destination))


setup(cmdclass={"build_py": BuildPyWithTables})
