"""Mali's resident population (RGPH censuses and World Bank estimates) and the foreigners
and immigrants living in Mali: the denominators of every share of the population.
"""

from __future__ import annotations

import pandas as pd

from diaspora_helpers import tables
from diaspora_helpers.analysis.demography import (
    country_rows,
    display_names,
    totals_over_time,
    un_stock,
)
from diaspora_helpers.constants import CENSUS_TABLE, WDI_TABLE
from diaspora_helpers.data import given_or_load
from diaspora_helpers.i18n import N_, register_words, with_words

#: The censuses' names as data/census_figures.csv writes them (a key of that table, so
#: not in data/fr/): marked here for the catalog, shown through ``_()``.
CENSUS_NAMES = (N_("RGPH 2009 (4th census)"), N_("RGPH 2022 (RGPH5)"))
#: The counts of :func:`foreigners_comparison` (codes of ``estimate`` and ``how``): their
#: names, which name the row's ``year``, and how each was made.
FOREIGNERS_ESTIMATES = {
    "census": N_("Census {year} (source document): foreign nationals"),
    "un_desa": N_("UN DESA {year}: international migrants"),
    "un_interpolated": N_("UN DESA, interpolated to {year}: international migrants"),
}
FOREIGNERS_HOW = {
    "census": N_("census count of residents with a foreign nationality"),
    "un_desa": N_("UN estimate of migrants living in Mali, mostly by birthplace"),
    "un_interpolated": N_("straight line between the two UN estimates on either side"),
}


def shares_of_population(persons: float, residents: float) -> dict[str, float]:
    """Return ``persons`` abroad as a share of residents and of residents plus those abroad."""
    if residents <= 0:
        raise ValueError(f"the resident population must be positive, got {residents}")
    return {
        "share_of_residents_pct": 100 * persons / residents,
        "share_of_all_pct": 100 * persons / (residents + persons),
    }


def wdi_value(
    indicator: str, year: int, iso3: str = "MLI", wdi: pd.DataFrame | None = None
) -> float:
    """Return one World Development Indicators value (KeyError naming what is missing)."""
    table = given_or_load(WDI_TABLE, wdi)
    rows = table[
        (table["iso3"] == iso3) & (table["indicator_code"] == indicator) & (table["year"] == year)
    ]
    if rows.empty:
        raise KeyError(f"no {indicator} value for {iso3} in {year}")
    return float(rows["value"].iloc[0])


register_words(CENSUS_TABLE, census=CENSUS_NAMES)


def population_counts(
    census: pd.DataFrame | None = None, wdi: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Return the census counts of residents beside the World Bank's estimate for that year.

    One row per census, oldest first: ``year``, ``census`` (its name in the data, a code:
    its words, :data:`CENSUS_NAMES`, are recorded for shown tables), ``census_count`` and
    ``world_bank_estimate`` (persons), ``difference_pct`` (the estimate's excess over the
    count, percent of the count).
    """
    census = given_or_load(CENSUS_TABLE, census)
    counts = census[census["measure"].astype("str") == "resident population total"]
    rows = []
    for row in tables.rows(counts.sort_values("year")):
        year = int(row.year)
        estimate = wdi_value("SP.POP.TOTL", year, wdi=wdi)
        rows.append(
            {
                "year": year,
                "census": str(row.census),
                "census_count": float(row.value),
                "world_bank_estimate": estimate,
                "difference_pct": 100 * (estimate - row.value) / row.value,
            }
        )
    return with_words(pd.DataFrame(rows), census=CENSUS_NAMES)


def population_series(
    iso3: str = "MLI", wdi: pd.DataFrame | None = None, start: int | None = None
) -> pd.DataFrame:
    """Return the World Bank population estimate (SP.POP.TOTL) by year."""
    table = given_or_load(WDI_TABLE, wdi)
    rows = table[(table["iso3"] == iso3) & (table["indicator_code"] == "SP.POP.TOTL")]
    out = pd.DataFrame(
        {"year": rows["year"].astype("int64"), "population": rows["value"].astype("float64")}
    )
    if start is not None:
        out = out[out["year"] >= start]
    return out.sort_values("year").reset_index(drop=True)


def interpolate(values: pd.Series, year: int) -> float:
    """Return a value for ``year`` by straight-line interpolation between the nearest years.

    ``values`` is indexed by year; a year outside their span raises ValueError rather than
    extrapolating.
    """
    series = values.dropna().sort_index()
    index = [int(y) for y in series.index]
    if year in index:
        return float(series.loc[year])
    if not index or year < index[0] or year > index[-1]:
        raise ValueError(f"{year} is outside the years available ({index[0]}-{index[-1]})")
    before = max(y for y in index if y < year)
    after = min(y for y in index if y > year)
    weight = (year - before) / (after - before)
    return float(series.loc[before] + weight * (series.loc[after] - series.loc[before]))


def foreigners_comparison(
    document_count: float,
    document_year: int,
    stock: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return the document's count of foreign nationals beside the UN immigrant stock.

    The UN counts international migrants living in Mali: people born abroad, or foreign
    citizens where no birthplace is recorded (an interpolated value for the document's
    year, and the estimates on either side); the census count is of foreign nationals.
    One row per count, the census first: ``estimate`` and ``how`` (the same code, one of
    :data:`FOREIGNERS_ESTIMATES`; their words, the count's name and how it was made, are
    recorded with :func:`~diaspora_helpers.i18n.with_words`), ``year``, ``persons`` and
    ``ratio_to_census``.
    """
    table = un_stock(stock)
    immigrants = totals_over_time("immigrants", table)["total"]
    rows = [
        {
            "estimate": "census",
            "year": document_year,
            "persons": float(document_count),
            "how": "census",
        }
    ]
    before = max((y for y in immigrants.index if y <= document_year), default=None)
    after = min((y for y in immigrants.index if y >= document_year), default=None)
    for year in sorted({y for y in (before, after) if y is not None}):
        rows.append(
            {
                "estimate": "un_desa",
                "year": int(year),
                "persons": float(immigrants.loc[year]),
                "how": "un_desa",
            }
        )
    if document_year not in immigrants.index:
        rows.append(
            {
                "estimate": "un_interpolated",
                "year": document_year,
                "persons": interpolate(immigrants, document_year),
                "how": "un_interpolated",
            }
        )
    out = pd.DataFrame(rows)
    out["ratio_to_census"] = out["persons"] / float(document_count)
    return with_words(out, estimate=FOREIGNERS_ESTIMATES, how=FOREIGNERS_HOW)


def immigrant_origins(year: int, n: int, stock: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the ``n`` largest countries of birth of immigrants in Mali in ``year``."""
    rows = country_rows(un_stock(stock), "immigrants", year)
    out = pd.DataFrame(
        {
            "iso3": rows["partner_iso3"].astype("str"),
            "country": display_names(rows["partner_iso3"], rows["partner_name"]),
            "persons": rows["value"].astype("int64"),
        }
    )
    out = out.sort_values(["persons", "iso3"], ascending=[False, True]).head(n)
    return out.reset_index(drop=True)


#: The series of the charts of counts drawn from several sources, as their legends name them.
SERIES_WORDS = {
    "un_desa": N_("UN DESA, migrants from Mali"),
    "world_bank_knomad": N_("World Bank/KNOMAD 2017"),
    "administrative": N_("Administrative figure (no year given)"),
    "un_desa_immigrants": N_("International migrants (UN DESA)"),
    "census_foreign_nationals": N_("Foreign nationals (census)"),
}


def _points(parts: list[tuple[str, int | None, float]]) -> pd.DataFrame:
    table = pd.DataFrame(
        {
            "series": [series for series, _year, _n in parts],
            "year": pd.Series([year for _s, year, _n in parts], dtype="Int64"),
            "persons": pd.Series([round(float(n)) for _s, _y, n in parts], dtype="Int64"),
        }
    )
    return with_words(table, series=SERIES_WORDS)


def three_sources_points(over_time: pd.DataFrame, admin: pd.Series, wb: pd.Series) -> pd.DataFrame:
    """Return every count the chart of Malians abroad by source draws, one row each:
    ``series`` (a code of :data:`SERIES_WORDS`: ``un_desa`` for each year of
    ``over_time["total"]``, ``world_bank_knomad`` for ``wb``, ``administrative`` for
    ``admin``, whose ``year`` is missing when the document gives none), ``year``,
    ``persons``. ``admin`` and ``wb`` are rows of ``demography.abroad_estimates``."""
    parts: list[tuple[str, int | None, float]] = [
        ("un_desa", int(str(year)), float(n)) for year, n in over_time["total"].items()
    ]
    parts.append(("world_bank_knomad", int(wb["year"]), float(wb["persons"])))
    admin_year = admin.get("year")
    parts.append(
        (
            "administrative",
            None if pd.isna(admin_year) else int(admin_year),
            float(admin["persons"]),
        )
    )
    return _points(parts)


def foreigners_points(immigrants: pd.Series, foreign: pd.Series) -> pd.DataFrame:
    """Return every count the chart of foreigners in Mali draws: the UN's international
    migrants in Mali by year (``un_desa_immigrants``) and the census's foreign nationals
    (``census_foreign_nationals``, ``foreign`` a row of the key figures with ``value`` and
    ``reference_year``); columns as :func:`three_sources_points`."""
    parts: list[tuple[str, int | None, float]] = [
        ("un_desa_immigrants", int(str(year)), float(n)) for year, n in immigrants.items()
    ]
    parts.append(
        ("census_foreign_nationals", int(foreign["reference_year"]), float(foreign["value"]))
    )
    return _points(parts)
