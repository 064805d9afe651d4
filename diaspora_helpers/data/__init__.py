"""The data layer: typed tables from ``data/`` (:func:`load`), countries and currency.

``diaspora_helpers.load(name)`` is the one public way to get a table; it returns a
``pandas.DataFrame`` typed through ``datapackage.json`` and raises :class:`DataError`
naming the file, row and field of any problem.
"""

from diaspora_helpers.data.loader import (
    DataError,
    given_or_load,
    load,
    load_all,
    package,
    resource,
    resource_names,
)

__all__ = [
    "DataError",
    "given_or_load",
    "load",
    "load_all",
    "package",
    "resource",
    "resource_names",
]
