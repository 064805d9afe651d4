"""Helpers behind the Mali diaspora notebook collection.

Layers, each importing only those below it: ``data`` (typed tables, countries,
currency) -> ``analysis`` (one module per topic, computing tables) -> ``charts`` and
``exercises``; ``publish`` (the runner and the site) is used only by the command line.
"""

from diaspora_helpers.data import DataError, load

__version__ = "0.1.0"
__all__ = ["DataError", "__version__", "load"]
