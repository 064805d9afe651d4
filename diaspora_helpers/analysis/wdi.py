"""World Bank indicator tables (WDI-shaped) as wide series, and the nearest year with data.

The shared ground of :mod:`diaspora_helpers.analysis.remittances` (flows, shares, peers)
and :mod:`diaspora_helpers.analysis.sending_costs` (what sending money costs).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from diaspora_helpers.constants import WDI_2022_TABLE, WDI_TABLE
from diaspora_helpers.data import load
from diaspora_helpers.data.measures import INDICATOR_NAMES
from diaspora_helpers.i18n import register_words

# A WDI table shown as loaded names its indicators in words (data/definitions.csv), not codes.
register_words(WDI_TABLE, indicator_code=INDICATOR_NAMES)
register_words(WDI_2022_TABLE, indicator_code=INDICATOR_NAMES)


def indicator(code: str, iso3s: Iterable[str], table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one indicator as a wide table: a row per year, a column per ISO code.

    ``table`` is a WDI-shaped table (``wdi_indicators`` by default, or ``wdi_2022_vintage``).
    Countries without a value in a year are missing (NaN), never zero.
    """
    codes = list(iso3s)
    source = table if table is not None else load(WDI_TABLE)  # only read: no copy needed
    rows = source.loc[
        (source["indicator_code"] == code) & source["iso3"].isin(codes), ["year", "iso3", "value"]
    ]
    # The first value given for a year and country, as a pivot table keeping "first" would
    # take, without its grouping machinery (this runs once per check a student makes).
    rows = rows.dropna(subset=["value"]).drop_duplicates(["year", "iso3"], keep="first")
    wide = rows.set_index(["year", "iso3"])["value"].unstack("iso3")
    wide = wide.reindex(columns=codes).astype("float64").sort_index()
    wide.index = pd.Index(wide.index.astype("int64"), name="year")
    return wide.rename_axis(columns=None)


def nearest_year(available: Iterable[int], year: int) -> int:
    """Return the year in ``available`` closest to ``year`` (the earlier one on a tie)."""
    years = sorted(int(y) for y in available)
    if not years:
        raise ValueError("no year available")
    return min(years, key=lambda y: (abs(y - year), y))
