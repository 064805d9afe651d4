"""Remittances to Mali: series and vintages, per person, peers, senders, currencies.

Two World Bank vintages are kept apart and named wherever they appear:

* the **2022 vintage** (WDI of 2022-02-15, table ``wdi_2022_vintage``): the share of GDP as
  the World Bank published it then (BX.TRF.PWKR.DT.GD.ZS) and the average cost of sending
  money to the country (SI.RMT.COST.IB.ZS);
* the **2026 vintage** (WDI of 2026-07-01, table ``wdi_indicators``): remittances and GDP in
  current US$, from which a share of GDP is *derived* here. Mali's GDP was rebased between
  the two releases, so the derived share is lower than the published one.

The cost of sending money (corridors, the country average, a saving at a target) is in
:mod:`diaspora_helpers.analysis.sending_costs`, reachable from here too. Every function
takes its tables as arguments, loaded from ``data/`` when left out.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from diaspora_helpers import tables

# The cost of sending money and the indicator tables have their own modules; their
# functions stay reachable here (``remittances.country_cost``), as the notebooks call them.
from diaspora_helpers.analysis.sending_costs import (
    corridor_costs as corridor_costs,
)
from diaspora_helpers.analysis.sending_costs import (
    corridor_summary as corridor_summary,
)
from diaspora_helpers.analysis.sending_costs import cost_year as cost_year
from diaspora_helpers.analysis.sending_costs import country_cost as country_cost
from diaspora_helpers.analysis.sending_costs import fee_saving as fee_saving
from diaspora_helpers.analysis.sending_costs import savings_scenario as savings_scenario
from diaspora_helpers.analysis.wdi import indicator as indicator
from diaspora_helpers.analysis.wdi import nearest_year as nearest_year
from diaspora_helpers.constants import (
    GDP,
    POPULATION,
    REMITTANCES,
    SHARE_PUBLISHED,
    UN_TOTALS_TABLE,
    WDI_TABLE,
)
from diaspora_helpers.constants import WB_BILATERAL_TABLE as WB_TABLE
from diaspora_helpers.constants import WDI_2022_TABLE as VINTAGE_TABLE
from diaspora_helpers.data import countries, currency, given_or_load
from diaspora_helpers.i18n import N_, with_texts, with_words

VINTAGE_2022 = "WDI 2022-02-15"
VINTAGE_2026 = "WDI, datahub.io copy of 2026-07-01"
#: The World Bank aggregates' names as the WDI writes them, and the kinds of rows of
#: :func:`document_links`, marked for the catalog.
AGGREGATE_NAMES = (N_("Africa Western and Central"), N_("Sub-Saharan Africa"), N_("World"))
LINK_KINDS = {"constraint": N_("Constraint"), "strategy": N_("Strategy")}


def remittance_years(iso3: str = "MLI", wdi: pd.DataFrame | None = None) -> list[int]:
    """Return the years with a World Bank remittance value (2026 vintage) for ``iso3``."""
    series = indicator(REMITTANCES, [iso3], wdi)[iso3].dropna()
    return [int(y) for y in series.index]


def peer_codes(wdi: pd.DataFrame | None = None, exclude: str = "MLI") -> list[str]:
    """Return the country codes (no aggregates) that have remittance data, except ``exclude``."""
    table = given_or_load(WDI_TABLE, wdi)
    rows = table[(table["indicator_code"] == REMITTANCES) & ~table["is_aggregate"].astype(bool)]
    return sorted(code for code in rows["iso3"].unique() if code != exclude)


def aggregate_codes(wdi: pd.DataFrame | None = None) -> list[str]:
    """Return the World Bank aggregate codes (e.g. SSF, WLD) that have remittance data."""
    table = given_or_load(WDI_TABLE, wdi)
    rows = table[(table["indicator_code"] == REMITTANCES) & table["is_aggregate"].astype(bool)]
    return sorted(rows["iso3"].unique())


def mali_series(
    wdi: pd.DataFrame | None = None, vintage: pd.DataFrame | None = None, iso3: str = "MLI"
) -> pd.DataFrame:
    """Return remittances by year with the share of GDP in each vintage, side by side.

    ``share_2026_derived_pct`` = 100 * remittances / GDP, both from the 2026 vintage;
    ``share_2022_published_pct`` is the World Bank's published share of 2022.
    """
    wdi = given_or_load(WDI_TABLE, wdi)
    vintage = given_or_load(VINTAGE_TABLE, vintage)
    remit = indicator(REMITTANCES, [iso3], wdi)[iso3]
    gdp = indicator(GDP, [iso3], wdi)[iso3]
    published = indicator(SHARE_PUBLISHED, [iso3], vintage)[iso3]
    out = pd.DataFrame({"remittances_usd": remit})
    out["gdp_usd"] = gdp.reindex(out.index)
    out["share_2026_derived_pct"] = 100 * out["remittances_usd"] / out["gdp_usd"]
    out["share_2022_published_pct"] = published.reindex(out.index)
    out["published_over_derived"] = out["share_2022_published_pct"] / out["share_2026_derived_pct"]
    return out.dropna(subset=["remittances_usd"]).reset_index()


def vintage_gap(series: pd.DataFrame, start: int, end: int) -> float:
    """Return the median ratio of the published 2022 share to the derived 2026 share."""
    window = series[(series["year"] >= start) & (series["year"] <= end)]
    ratios = window["published_over_derived"].dropna()
    if ratios.empty:
        raise ValueError(f"no year between {start} and {end} has both vintages")
    return float(ratios.median())


def value_in(series: pd.DataFrame, year: int, column: str) -> float:
    """Return ``column`` of ``series`` (a table with a ``year`` column) in ``year``, or NaN."""
    rows = series.loc[series["year"] == year, column]
    return float(rows.iloc[0]) if len(rows) else float("nan")


def document_amount(
    amount_xof: float, year: int, wdi: pd.DataFrame | None = None, iso3: str = "MLI"
) -> dict[str, float]:
    """Return the document's remittances in CFA francs, euros and US$ against the World Bank's.

    Euros use the fixed parity; dollars use the World Bank's official rate of ``year``
    (PA.NUS.FCRF). ``wb_usd`` is the World Bank's remittances of the same year (2026 vintage).
    """
    wdi = given_or_load(WDI_TABLE, wdi)
    rate = currency.xof_per_usd(year, wdi)
    usd = currency.convert(amount_xof, "XOF", "USD", year, wdi)
    eur = currency.convert(amount_xof, "XOF", "EUR", year)
    wb_usd = value_in(
        indicator(REMITTANCES, [iso3], wdi).rename(columns={iso3: "v"}).reset_index(), year, "v"
    )
    return {
        "year": year,
        "xof": float(amount_xof),
        "eur": float(eur),
        "xof_per_usd": rate,
        "usd": float(usd),
        "wb_usd": wb_usd,
        "wb_xof": wb_usd * rate,
        "document_over_wb_pct": 100 * (usd / wb_usd - 1),
    }


def emigrant_totals(un_totals: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return UN DESA emigrant totals, wide: a row per estimate year, a column per code."""
    table = given_or_load(UN_TOTALS_TABLE, un_totals)
    rows = table[table["direction"].astype("str") == "emigrants"]
    wide = rows.pivot_table(index="year", columns="iso3", values="value", aggfunc="first")
    wide.index = pd.Index(wide.index.astype("int64"), name="year")
    return wide.astype("float64").rename_axis(columns=None)


def per_person(
    year: int,
    iso3s: Iterable[str],
    wdi: pd.DataFrame | None = None,
    vintage: pd.DataFrame | None = None,
    un_totals: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return each country's remittances in ``year``: total, share of GDP, per person.

    Per resident divides by the World Bank population of the year; per emigrant by the UN
    DESA emigrant stock of the nearest UN estimate year (``un_year``). Shares of GDP:
    ``share_2022_published_pct`` as published (NaN if none), ``share_2026_derived_pct``.
    """
    codes = list(iso3s)
    wdi = given_or_load(WDI_TABLE, wdi)
    vintage = given_or_load(VINTAGE_TABLE, vintage)
    emigrants = emigrant_totals(un_totals)
    un_year = nearest_year(emigrants.index, year)
    unique = list(dict.fromkeys(codes))  # one wide table per indicator, every country at once
    wide = {name: indicator(name, unique, wdi) for name in (REMITTANCES, GDP, POPULATION)} | {
        SHARE_PUBLISHED: indicator(SHARE_PUBLISHED, unique, vintage)
    }

    def value(name: str, code: str) -> float:
        return float(wide[name][code].get(year, float("nan")))

    rows = []
    for code in codes:
        remit = value(REMITTANCES, code)
        gdp = value(GDP, code)
        pop = value(POPULATION, code)
        published = value(SHARE_PUBLISHED, code)
        stock = emigrants[code].get(un_year, float("nan")) if code in emigrants else float("nan")
        rows.append(
            {
                "iso3": code,
                "country": _name(code, wdi),
                "remittances_usd": remit,
                "share_2026_derived_pct": 100 * remit / gdp,
                "share_2022_published_pct": published,
                "population": pop,
                "per_resident_usd": remit / pop,
                "un_year": un_year,
                "emigrants": stock,
                "per_emigrant_usd": remit / stock,
            }
        )
    # A country's name is the edition's (data/<code>/); an aggregate's is the WDI's English
    # name, a code whose words (AGGREGATE_NAMES) the shown table and download apply. The
    # column mixes both, so a download tags it with the language (iso3 is the join key).
    return with_texts(with_words(pd.DataFrame(rows), country=AGGREGATE_NAMES), "country")


def _name(code: str, wdi: pd.DataFrame) -> str:
    """Return a country's name in the edition's language (:func:`countries.country_name`),
    or an aggregate's name as the WDI writes it (English: its words are
    :data:`AGGREGATE_NAMES`)."""
    if countries.is_valid_iso3(code):
        return countries.country_name(code)
    names = wdi.loc[wdi["iso3"] == code, "country_name"]
    return str(names.iloc[0]) if len(names) else code


def bilateral_into_mali(bilateral: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the 2017 bilateral estimates of money sent to Mali, by sending country.

    Each row has the estimate (millions of US$), its share of the matrix total, the World
    Bank's 2017 stock of people born in Mali living there, and ``model_artefact``: True
    for a zero that the stock contradicts (the data's note says so, in English; the chart
    and the prose say it in the edition's words). Largest first; zeros with a stock behind
    them are kept.
    """
    table = given_or_load(WB_TABLE, bilateral)
    kind = table["partner_kind"].astype("str")
    money = table[
        (table["table"].astype("str") == "remittances_usd_millions")
        & (table["direction"].astype("str") == "into_mali")
    ]
    stock = table[
        (table["table"].astype("str") == "migrant_stock")
        & (table["direction"].astype("str") == "emigrants")
        & (kind == "country")
    ].set_index("partner_iso3")["value"]
    world = money.loc[money["partner_kind"].astype("str") == "world", "value"]
    if world.empty:
        raise KeyError("no World row of remittances into Mali in the 2017 bilateral matrix")
    countries_only = money[money["partner_kind"].astype("str") == "country"]
    out = pd.DataFrame(
        {
            "iso3": countries_only["partner_iso3"].astype("str"),
            "country": [countries.country_name(c) for c in countries_only["partner_iso3"]],
            "usd_millions": countries_only["value"].astype("float64"),
        }
    )
    out["share_pct"] = 100 * out["usd_millions"] / float(world.iloc[0])
    out["malians_there_2017"] = out["iso3"].map(stock).astype("float64")
    out["usd_per_migrant"] = 1e6 * out["usd_millions"] / out["malians_there_2017"]
    out["model_artefact"] = countries_only["note"].fillna("").str.contains("artefact").to_numpy()
    out = out.sort_values(["usd_millions", "malians_there_2017"], ascending=[False, False])
    out.attrs["world_usd_millions"] = float(world.iloc[0])
    return out.reset_index(drop=True)


def document_links(
    constraints: pd.DataFrame | None = None,
    strategies: pd.DataFrame | None = None,
    *,
    theme: str = "transfers",
    keyword: str = "transfer",
) -> pd.DataFrame:
    """Return the document's constraints on money transfers and its strategies that name them.

    Constraints are those of ``theme``; strategies are those whose label mentions
    ``keyword`` (case-insensitive). Each row keeps its id, label (the edition's words, from
    ``data/<code>/``) and document section; ``what`` is the code ``constraint`` or
    ``strategy`` (its words, :data:`LINK_KINDS`, are recorded for shown tables).
    """
    constraints = given_or_load("constraints", constraints)
    strategies = given_or_load("strategies", strategies)
    picked_c = constraints[constraints["theme"].astype("str") == theme]
    picked_s = strategies[
        strategies["label"].astype("str").str.contains(keyword, case=False, regex=False)
    ]
    rows = [
        {"what": kind, "id": r.id, "label": r.label, "section": str(r.section)}
        for kind, picked in (("constraint", picked_c), ("strategy", picked_s))
        for r in tables.rows(picked)
    ]
    table = pd.DataFrame(rows, columns=["what", "id", "label", "section"])
    return with_texts(with_words(table, what=LINK_KINDS), "label")


def comparison_year(series: pd.DataFrame, year: int) -> int:
    """Return ``year`` if both vintages give a share of GDP for it, else the nearest that does."""
    both = series.dropna(subset=["share_2026_derived_pct", "share_2022_published_pct"])
    return nearest_year(both["year"], year)


def rank_of(table: pd.DataFrame, column: str, iso3: str) -> tuple[int, int]:
    """Return the rank (1 = largest) of ``iso3`` on ``column`` and how many rows have a value."""
    valued = table.dropna(subset=[column])
    if iso3 not in set(valued["iso3"]):
        raise KeyError(f"{iso3} has no value of {column}")
    value = float(valued.loc[valued["iso3"] == iso3, column].iloc[0])
    return int((valued[column] > value).sum()) + 1, len(valued)


def in_three_currencies(usd: float, year: int, wdi: pd.DataFrame | None = None) -> dict[str, float]:
    """Return a US$ amount of ``year`` in US$, CFA francs (that year's rate) and euros.

    Euros (fixed parity) exist only from 1999, CFA francs only from
    ``currency.CFA_SINCE_YEAR`` (1984, when Mali left its own franc): earlier years give NaN.
    """
    wdi = given_or_load(WDI_TABLE, wdi)
    if year < currency.CFA_SINCE_YEAR:
        return {"usd": float(usd), "xof": float("nan"), "eur": float("nan")}
    xof = currency.convert(usd, "USD", "XOF", year, wdi)
    eur = currency.xof_to_eur(xof) if year >= currency.EURO_START_YEAR else float("nan")
    return {"usd": float(usd), "xof": float(xof), "eur": float(eur)}


def largest_fall(series: pd.Series) -> dict[str, float]:
    """Return the largest fall between consecutive values of a series indexed by year."""
    ordered = series.dropna().sort_index()
    if len(ordered) < 2:
        raise ValueError("a fall needs at least two values")
    steps = ordered.diff().iloc[1:]
    position = int(steps.to_numpy().argmin())
    to_year = steps.index[position]
    from_year = ordered.index[position]
    return {
        "from_year": int(from_year),
        "to_year": int(to_year),
        "from_value": float(ordered.loc[from_year]),
        "to_value": float(ordered.loc[to_year]),
        "change": float(steps.iloc[position]),
    }


def with_xof(series: pd.DataFrame, wdi: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return ``series`` (with ``year`` and ``remittances_usd``) plus the amount in CFA francs.

    Each year from ``currency.CFA_SINCE_YEAR`` (1984) is converted at its own official rate
    (PA.NUS.FCRF); earlier years, when Mali issued its own franc, keep their dollar amount
    and get no CFA franc amount (NaN). Years without a rate are dropped.
    """
    rates = currency.xof_per_usd_rates(given_or_load(WDI_TABLE, wdi))
    out = series[series["year"].isin(rates.index)].copy()
    in_cfa = out["year"] >= currency.CFA_SINCE_YEAR
    out["xof_per_usd"] = out["year"].map(rates).astype("float64").where(in_cfa)
    out["remittances_xof"] = out["remittances_usd"] * out["xof_per_usd"]
    return out.reset_index(drop=True)


def currency_divergence(series: pd.DataFrame) -> list[int]:
    """Return the years in which remittances fell in US$ but rose in CFA francs (or the reverse)."""
    ordered = series.dropna(subset=["remittances_xof"]).sort_values("year")
    usd = ordered["remittances_usd"].diff()
    xof = ordered["remittances_xof"].diff()
    opposite = (usd * xof) < 0
    return [int(y) for y in ordered.loc[opposite, "year"]]
