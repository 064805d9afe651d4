"""Helpers behind the Mali diaspora notebook collection.

Layers, each importing only those below it: ``data`` (typed tables, countries,
currency) -> ``analysis`` (one module per topic, computing tables) -> ``charts`` and
``exercises``; ``publish`` (the runner and the site) is used only by the command line.

Importing the package first (every notebook does) makes sure matplotlib gets a writable
configuration and cache folder (:func:`_writable_matplotlib_folder`), so no cache warning
reaches a notebook's outputs whatever ``HOME`` is, and, in a Jupyter kernel, resets pandas'
display options (:func:`_reset_pandas_display_in_a_kernel`), so a user's IPython startup
file does not change the tables shown.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def _writable(folder: Path) -> bool:
    """Return True if ``folder`` exists (or can be made) and can be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def _writable_matplotlib_folder() -> None:
    """Point ``MPLCONFIGDIR`` at a private temporary folder when matplotlib's own is not
    writable.

    Matplotlib uses ``$MPLCONFIGDIR``, else ``$XDG_CONFIG_HOME/matplotlib`` and
    ``$XDG_CACHE_HOME/matplotlib`` (``~/.config``, ``~/.cache``); when one cannot be
    written it warns on stderr at import, and the warning lands in the first cell's
    outputs. The replacement, ``<tmp>/diaspora-matplotlib-<uid>``, is made with mode 0700
    and reused (its font cache too). Does nothing once matplotlib is imported.
    """
    if "matplotlib" in sys.modules:
        return
    configured = os.environ.get("MPLCONFIGDIR")
    if configured:
        candidates = [Path(configured)]
    else:
        try:
            home = Path.home()
        except RuntimeError:  # no HOME and no password entry: matplotlib cannot use it either
            home = Path("/nonexistent")
        config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config") / "matplotlib"
        cache = Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") / "matplotlib"
        candidates = [config, cache]
    if all(_writable(folder) for folder in candidates):
        return
    uid = os.getuid() if hasattr(os, "getuid") else os.getpid()
    private = Path(tempfile.gettempdir()) / f"diaspora-matplotlib-{uid}"
    try:
        private.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return  # matplotlib falls back to a temporary folder of its own
    if not os.access(private, os.W_OK | os.X_OK):
        return  # another user's folder of the same name
    os.environ["MPLCONFIGDIR"] = str(private)


def _reset_pandas_display_in_a_kernel() -> None:
    """In a Jupyter kernel, reset every pandas display option to pandas' default.

    An IPython startup file or profile runs before any cell and may set options such as
    ``display.precision``; the stored tables of every notebook, including those that draw
    no chart (the exercises), are made with the defaults. Topic notebooks then set the
    house options through ``charts.apply_style()``. Outside a kernel this does nothing.
    """
    shell_module = sys.modules.get("IPython")
    if shell_module is None:
        return
    shell = shell_module.get_ipython()
    if shell is None or type(shell).__name__ != "ZMQInteractiveShell":
        return
    import pandas as pd

    pd.reset_option("display")


_writable_matplotlib_folder()
_reset_pandas_display_in_a_kernel()

from diaspora_helpers.data import DataError, load  # noqa: E402 (after the folder is set)
from diaspora_helpers.i18n import language  # noqa: E402

__version__ = "0.1.0"
__all__ = ["DataError", "__version__", "language", "load", "setup"]


def setup(language: str = "en") -> None:
    """Set the notebook's edition once, in its first code cell: ``setup(language="fr")``.

    ``language`` is an edition's code (``"en"``, ``"fr"``; see
    :mod:`diaspora_helpers.editions`); anything else raises ``ValueError`` naming the
    editions. Numbers, dates, table headers, chart text, generated sentences, hints and the
    text columns of the data tables follow it from then on.
    """
    from diaspora_helpers import i18n

    i18n.set_language(language)
