"""Malians abroad and foreigners in Mali: estimates side by side, destinations, regions, sex.

Every function takes the tables it needs as arguments and loads them from ``data/`` when
they are left out, so the unit tests can pass small hand-made tables. Region groups are
codes (``sub_saharan_africa``; :data:`REGION_WORDS` names them, through the tables' record
of :func:`diaspora_helpers.i18n.with_words`), so code that looks a row up by group works
the same in every edition; the words are applied where a table, chart or sentence is made.

Three kinds of count meet here and do not measure the same thing:

* UN DESA's migrant stock counts people *born* in one country who live in another
  (foreign citizens where a destination records no birthplace), refugees included;
* the World Bank/KNOMAD 2017 stocks are World Bank staff estimates built mainly on
  UN data of an earlier revision;
* the administrative figures of the source document come from "administrative sources"
  it does not name, with no year or method; a count of nationals may include descendants
  born abroad and migrants whom no census counts.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pandas as pd

from diaspora_helpers.constants import UN_STOCK_TABLE as UN_TABLE
from diaspora_helpers.constants import WB_BILATERAL_TABLE as WB_TABLE
from diaspora_helpers.data import countries, given_or_load, measures
from diaspora_helpers.i18n import N_, with_fields, with_texts, with_words

#: The collection's region groups (codes of the ``region_group`` column) and their names.
REGION_WORDS = {
    "sub_saharan_africa": N_("Sub-Saharan Africa"),
    "northern_africa": N_("Northern Africa"),
    "europe": N_("Europe"),
    "elsewhere": N_("Elsewhere"),
    "mixed": N_("Mixed"),
}
#: The region groups of :func:`by_region`, in table order.
REGION_GROUPS = ("sub_saharan_africa", "northern_africa", "europe", "elsewhere")
#: The region groups that are in Africa.
AFRICAN_GROUPS = ("sub_saharan_africa", "northern_africa")
#: How each place of the document's split is named in a table (France: its country name).
PLACES = {"Africa": N_("Africa"), "Europe": N_("Europe"), "France": N_("France")}
#: How each estimate of :func:`abroad_estimates` is named (codes of its ``estimate``); the
#: UN's words name the row's ``year``.
ESTIMATE_WORDS = {
    "administrative": N_("Source document (administrative)"),
    "un_desa": N_("UN DESA {year}"),
    "world_bank": N_("World Bank/KNOMAD 2017"),
}
#: The row that stands for all countries beyond the largest (code of ``country``'s words in
#: :func:`top_destinations`), naming how many (``countries``).
OTHER_COUNTRIES = "other_countries"


#: Which row of data/definitions.csv defines each kind of estimate of Malians abroad.
DEFINITION_IDS = {
    "administrative": "administrative_sources",
    "un_desa": "un_desa_migrant_stock",
    "world_bank": "knomad_bilateral_migrant_stocks_2017",
}


class _WhatIsCounted(Mapping[str, str]):
    """What each kind of estimate counts: its definition and note in data/definitions.csv,
    read when first asked for (the definition is written once, in data)."""

    def __getitem__(self, kind: str) -> str:
        return measures.definition(DEFINITION_IDS[kind], with_note=True)

    def __iter__(self) -> Iterator[str]:
        return iter(DEFINITION_IDS)

    def __len__(self) -> int:
        return len(DEFINITION_IDS)


#: Kind of estimate -> what it counts, from data/definitions.csv.
WHAT_IS_COUNTED: Mapping[str, str] = _WhatIsCounted()


def count_in_africa(table: pd.DataFrame) -> int:
    """Return how many rows of ``table`` (a ``region_group`` column of codes, as this
    module writes it) are countries in Africa."""
    return int(table["region_group"].isin(AFRICAN_GROUPS).sum())


def display_names(iso3: pd.Series, fallback: pd.Series) -> pd.Series:
    """Return current short country names for ISO codes, in the edition's language
    (:func:`countries.country_name`), the source label where no code is known."""
    names = [
        countries.country_name(code) if countries.is_valid_iso3(code) else str(label)
        for code, label in zip(iso3, fallback, strict=True)
    ]
    return pd.Series(names, index=iso3.index, dtype="str")


def un_stock(stock: pd.DataFrame | None) -> pd.DataFrame:
    """Return ``stock``, or the UN DESA migrant-stock table (``un_desa_migrant_stock``) when
    None: one row per year, direction, sex and partner, in persons."""
    return given_or_load(UN_TABLE, stock)


def estimate_years(stock: pd.DataFrame | None = None) -> list[int]:
    """Return the UN DESA estimate years present in the migrant-stock table, in order."""
    table = un_stock(stock)
    return sorted(int(y) for y in table["year"].dropna().unique())


def country_rows(
    stock: pd.DataFrame, direction: str, year: int | None, sex: str = "total"
) -> pd.DataFrame:
    """Return the country rows (no aggregates) of one direction and sex, one year or all."""
    mask = (
        (stock["direction"].astype("str") == direction)
        & (stock["sex"].astype("str") == sex)
        & (stock["partner_kind"].astype("str") == "country")
    )
    if year is not None:
        mask &= stock["year"] == year
    return stock[mask]


def total(
    year: int, direction: str = "emigrants", sex: str = "total", stock: pd.DataFrame | None = None
) -> int:
    """Return the UN total (the 'World' row) for one year, direction and sex."""
    table = un_stock(stock)
    mask = (
        (table["direction"].astype("str") == direction)
        & (table["sex"].astype("str") == sex)
        & (table["partner_kind"].astype("str") == "world")
        & (table["year"] == year)
    )
    rows = table[mask]
    if rows.empty:
        raise KeyError(f"no UN total of {direction} ({sex}) for {year}")
    return int(rows["value"].iloc[0])


def totals_over_time(
    direction: str = "emigrants", stock: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Return the UN totals by year for both sexes, women and men, with women's share."""
    table = un_stock(stock)
    world = table[
        (table["direction"].astype("str") == direction)
        & (table["partner_kind"].astype("str") == "world")
    ]
    wide = world.pivot_table(
        index="year", columns="sex", values="value", aggfunc="sum", observed=True
    )
    wide = wide.reindex(columns=["total", "female", "male"]).astype("float64")
    wide.index = wide.index.astype("int64")
    wide["female_share_pct"] = 100 * wide["female"] / wide["total"]
    return wide.rename_axis(columns=None)


def destinations(year: int, sex: str = "total", stock: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return Malians abroad by country of residence in ``year``, largest first, with shares."""
    rows = country_rows(un_stock(stock), "emigrants", year, sex)
    table = pd.DataFrame(
        {
            "iso3": rows["partner_iso3"].astype("str"),
            "country": display_names(rows["partner_iso3"], rows["partner_name"]),
            "region_group": region_group(rows["partner_region"], rows["partner_subregion"]),
            "persons": rows["value"].astype("int64"),
        }
    )
    table = table.sort_values(["persons", "iso3"], ascending=[False, True]).reset_index(drop=True)
    table["share_pct"] = 100 * table["persons"] / table["persons"].sum()
    table["rank"] = range(1, len(table) + 1)
    return with_words(table, region_group=REGION_WORDS)


def region_group(region: pd.Series, subregion: pd.Series) -> pd.Series:
    """Return the collection's region group for each country (see ``REGION_GROUPS``),
    as a code (``sub_saharan_africa``; :data:`REGION_WORDS` names it)."""
    region = region.astype("str")
    subregion = subregion.astype("str")
    group = pd.Series("elsewhere", index=region.index, dtype="str")
    group = group.mask(region == "Europe", "europe")
    group = group.mask(region == "Africa", "sub_saharan_africa")
    northern = (region == "Africa") & (subregion == "Northern Africa")
    return group.mask(northern, "northern_africa")


def top_destinations(
    year: int, n: int, sex: str = "total", stock: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Return the ``n`` largest destinations and one row for all other countries together.

    Columns as :func:`destinations` (``country`` names in the edition's language). The
    others' row has ``iso3`` ``""``, ``region_group`` ``"mixed"``, no ``rank``, and
    ``country`` the code :data:`OTHER_COUNTRIES`, whose words (recorded with
    :func:`~diaspora_helpers.i18n.with_words`) read "Other countries (<n>)", ``n`` the
    number of other countries (recorded with :func:`~diaspora_helpers.i18n.with_fields`
    as ``other_countries``).
    Raises ``ValueError`` when ``n`` is below 1.
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    table = destinations(year, sex, stock)
    top = table.head(n)
    rest = table.iloc[n:]
    if rest.empty:
        return top
    other = pd.DataFrame(
        {
            "iso3": [""],
            "country": [OTHER_COUNTRIES],
            "region_group": ["mixed"],
            "persons": [int(rest["persons"].sum())],
            "share_pct": [float(rest["share_pct"].sum())],
            "rank": [pd.NA],
        }
    )
    out = with_fields(pd.concat([top, other], ignore_index=True), other_countries=len(rest))
    words = {OTHER_COUNTRIES: N_("Other countries ({other_countries})")}
    return with_texts(with_words(out, region_group=REGION_WORDS, country=words), "country")


def by_region(year: int, stock: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return Malians abroad by region group in ``year``: persons and share of the total.

    One row per group of :data:`REGION_GROUPS`, in that order, named in the edition's
    language; ``share_pct`` in percent of all Malians abroad.
    """
    table = destinations(year, "total", stock)
    grouped = table.groupby("region_group")["persons"].sum()
    grouped = grouped.reindex(list(REGION_GROUPS), fill_value=0).astype("int64")
    out = grouped.rename("persons").rename_axis("region_group").reset_index()
    out["share_pct"] = 100 * out["persons"] / out["persons"].sum()
    return with_words(out, region_group=REGION_WORDS)


def africa_share(year: int, stock: pd.DataFrame | None = None) -> float:
    """Return the share (%) of Malians abroad who live elsewhere in Africa in ``year``."""
    regions = by_region(year, stock).set_index("region_group")
    return float(regions.loc[list(AFRICAN_GROUPS), "share_pct"].sum())


def change_between(start: int, end: int, n: int, stock: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the ``n`` largest destinations of ``end`` with their stock in ``start``.

    A destination with no estimate in ``start`` counts 0 there (the UN records an empty
    cell as zero).
    """
    table = un_stock(stock)
    latest = destinations(end, "total", table).head(n)
    earlier = destinations(start, "total", table).set_index("iso3")["persons"]
    out = latest[["iso3", "country", "region_group"]].copy()
    out[f"persons_{start}"] = latest["iso3"].map(earlier).fillna(0).astype("int64").to_numpy()
    out[f"persons_{end}"] = latest["persons"].to_numpy()
    out["change"] = out[f"persons_{end}"] - out[f"persons_{start}"]
    base = out[f"persons_{start}"].where(out[f"persons_{start}"] > 0)
    out["change_pct"] = 100 * out["change"] / base
    return with_words(out.reset_index(drop=True), region_group=REGION_WORDS)


def women_by_destination(year: int, n: int, stock: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return women, men and women's share among Malians in the ``n`` largest destinations."""
    table = un_stock(stock)
    top = destinations(year, "total", table).head(n)
    female = destinations(year, "female", table).set_index("iso3")["persons"]
    male = destinations(year, "male", table).set_index("iso3")["persons"]
    out = top[["iso3", "country", "persons"]].copy()
    out["women"] = out["iso3"].map(female).fillna(0).astype("int64")
    out["men"] = out["iso3"].map(male).fillna(0).astype("int64")
    out["women_share_pct"] = 100 * out["women"] / out["persons"]
    return out.reset_index(drop=True)


def continent_totals(
    year: int, stock: pd.DataFrame | None = None, *, direction: str = "emigrants"
) -> dict[str, int]:
    """Return persons in Africa, in Europe and in France for ``year`` (UN country rows)."""
    rows = country_rows(un_stock(stock), direction, year)
    region = rows["partner_region"].astype("str")
    return {
        "Africa": int(rows.loc[region == "Africa", "value"].sum()),
        "Europe": int(rows.loc[region == "Europe", "value"].sum()),
        "France": int(rows.loc[rows["partner_iso3"] == "FRA", "value"].sum()),
    }


def continent_table(year: int, stock: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return :func:`continent_totals` as a table: ``where`` (codes ``Africa``, ``Europe``,
    ``France``, named by :data:`PLACES`) and ``persons``, one row per place."""
    totals = continent_totals(year, stock)
    table = pd.DataFrame({"where": list(totals), "persons": list(totals.values())})
    return with_words(table, where=PLACES)


def wb_emigrant_total(bilateral: pd.DataFrame | None = None) -> float:
    """Return the World Bank/KNOMAD 2017 estimate of people born in Mali living abroad."""
    table = given_or_load(WB_TABLE, bilateral)
    rows = table[
        (table["table"].astype("str") == "migrant_stock")
        & (table["direction"].astype("str") == "emigrants")
        & (table["partner_kind"].astype("str") == "world")
    ]
    if rows.empty:
        raise KeyError("no World row of emigrants in the World Bank 2017 migrant-stock matrix")
    return float(rows["value"].iloc[0])


def abroad_estimates(
    key_figures: pd.DataFrame,
    years: list[int],
    stock: pd.DataFrame | None = None,
    bilateral: pd.DataFrame | None = None,
    *,
    abroad_id: str = "malians_abroad",
) -> pd.DataFrame:
    """Return the estimates of Malians abroad side by side, with what each one counts.

    ``key_figures`` is indexed by id (``figures.key_figures()``); ``years`` are UN years.
    One row per estimate: ``estimate`` (a code of :data:`ESTIMATE_WORDS`, its words
    recorded with :func:`~diaspora_helpers.i18n.with_words`), ``year``, ``persons``,
    ``what_is_counted`` (the definition, from ``data/definitions.csv`` in the edition's
    language), ``kind`` (the same code, for looking rows up) and ``ratio_admin_to_this``.
    """
    admin = key_figures.loc[abroad_id]
    admin_year = admin.get("reference_year")
    rows = [
        {
            "estimate": "administrative",
            "year": pd.NA if pd.isna(admin_year) else int(admin_year),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
            "persons": float(admin["value"]),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
            "what_is_counted": WHAT_IS_COUNTED["administrative"],
            "kind": "administrative",
        }
    ]
    rows += [
        {
            "estimate": "un_desa",
            "year": year,
            "persons": float(total(year, stock=stock)),
            "what_is_counted": WHAT_IS_COUNTED["un_desa"],
            "kind": "un_desa",
        }
        for year in years
    ]
    rows.append(
        {
            "estimate": "world_bank",
            "year": 2017,
            "persons": wb_emigrant_total(bilateral),
            "what_is_counted": WHAT_IS_COUNTED["world_bank"],
            "kind": "world_bank",
        }
    )
    table = pd.DataFrame(rows)
    table["year"] = table["year"].astype("Int64")
    table["ratio_admin_to_this"] = table.at[0, "persons"] / table["persons"]  # type: ignore[operator]  # pandas-stubs types a cell as any scalar
    return with_texts(with_words(table, estimate=ESTIMATE_WORDS), "what_is_counted")


def document_vs_un(
    key_figures: pd.DataFrame,
    year: int,
    stock: pd.DataFrame | None = None,
    ids: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Return the document's Africa, Europe and France figures beside the UN's for ``year``.

    One row per place of ``ids`` (key figure ids by place): ``where`` the place's code
    (``"Africa"``, ``"Europe"``, ``"France"``; named by :data:`PLACES`, recorded with
    :func:`~diaspora_helpers.i18n.with_words`), persons, and the document's figure divided
    by the UN's.
    """
    ids = ids or {
        "Africa": "malians_in_africa",
        "Europe": "malians_in_europe",
        "France": "malians_in_france",
    }
    un = continent_totals(year, stock)
    rows = [
        {
            "where": where,
            "document": float(key_figures.at[key, "value"]),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
            f"un_desa_{year}": float(un[where]),
        }
        for where, key in ids.items()
    ]
    out = pd.DataFrame(rows)
    out["ratio_document_to_un"] = out["document"] / out[f"un_desa_{year}"]
    return with_words(out, where=PLACES)


def change_years(year: int, years: list[int]) -> tuple[int, int]:
    """Return the pair of years to compare: the first estimate year and ``year``.

    When ``year`` is itself the first year, the comparison runs forward to the last one,
    so there is always a change to show.
    """
    ordered = sorted(years)
    if year not in ordered:
        raise ValueError(f"{year} is not one of the estimate years {ordered}")
    start = ordered[0]
    return (start, year) if year != start else (start, ordered[-1])
