"""The units of the data tables' ``unit`` columns, as codes, and how a reader reads them.

The ``unit`` column of ``key_figures`` and ``wdi_indicators`` holds codes (``xof``,
``km2``) or the World Bank's English unit names (``current US$``); :func:`record` notes
their words on a loaded table (:func:`diaspora_helpers.i18n.with_words`), so a shown table
or a chart download names them in the edition's language while the code compares codes.
"""

from __future__ import annotations

import pandas as pd

from diaspora_helpers.i18n import N_, with_words

#: Unit code -> its words (English; translated through the catalog).
UNIT_WORDS = {
    "persons": N_("persons"),
    "km2": N_("km²"),
    "xof": N_("CFA francs (XOF)"),
    "current US$": N_("current US dollars"),
    "local currency units per US$": N_("local currency units per US dollar"),
}


def record(table: pd.DataFrame) -> pd.DataFrame:
    """Return ``table`` with the words of its ``unit`` column recorded, when every unit it
    holds is one of :data:`UNIT_WORDS` (a table of other units is returned as it is)."""
    if "unit" in table.columns and set(table["unit"].dropna().astype("str")) <= set(UNIT_WORDS):
        with_words(table, unit=UNIT_WORDS)
    return table
