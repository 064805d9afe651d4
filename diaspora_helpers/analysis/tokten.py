"""TOKTEN's 2014-2015 results (missions, trainees, women) and the document's stated totals
checked against the sum of their parts.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from diaspora_helpers import i18n, tables
from diaspora_helpers.data import given_or_load
from diaspora_helpers.i18n import N_, _

#: The codes of TOKTEN's sectors, degree levels and measures, which the tables show as
#: they are in English and translated in the French edition (see :func:`word`).
WORDS = (
    N_("education"),
    N_("health"),
    N_("smes"),
    N_("other_administrations"),
    N_("bachelor"),
    N_("master"),
    N_("doctorate"),
    N_("missions"),
    N_("trainees"),
    N_("women"),
)
#: Where a sector's count of women comes from.
STATED = N_("stated")
SUM_OF_LEVELS = N_("sum of degree levels")
NOT_STATED = N_("not stated")


def word(code: str) -> str:
    """Return a sector, degree level or measure code as tables show it, in the edition's
    language ("smes" in English, "PME" in French); an unknown code is returned as it is."""
    return i18n.word(code, WORDS)


def tokten_sectors(results: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return TOKTEN's missions, trainees and women by sector, with where each women count is from.

    A sector whose own row gives no women but whose degree levels do gets the sum of its
    levels ("sum of degree levels"); a sector with neither stays missing ("not stated").
    Sectors and sources are in the edition's language (:func:`word`, :data:`NOT_STATED`).
    """
    table = given_or_load("tokten_results", results)
    table["sector"] = table["sector"].astype("str")
    table["degree_level"] = table["degree_level"].astype("str")
    sectors = table[table["degree_level"] == "all"].copy()
    levels = table[table["degree_level"] != "all"]
    level_women = levels.groupby("sector")["women"].sum(min_count=1)
    source = []
    women = []
    for row in tables.rows(sectors):
        if pd.notna(row.women):
            women.append(row.women)
            source.append(_(STATED))
        elif pd.notna(level_women.get(row.sector, pd.NA)):
            women.append(level_women[row.sector])
            source.append(_(SUM_OF_LEVELS))
        else:
            women.append(pd.NA)
            source.append(_(NOT_STATED))
    sectors["women"] = pd.array(women, dtype="Int64")
    sectors["women_source"] = source
    sectors["sector"] = sectors["sector"].map(word)
    return sectors[["sector", "missions", "trainees", "women", "women_source"]].reset_index(
        drop=True
    )


def tokten_levels(results: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the TOKTEN trainees by degree level (the rows that split a sector's total).

    Sectors and degree levels are in the edition's language (:func:`word`).
    """
    table = given_or_load("tokten_results", results)
    table["degree_level"] = table["degree_level"].astype("str")
    table["sector"] = table["sector"].astype("str")
    levels = table[table["degree_level"] != "all"].copy()
    levels["sector"] = levels["sector"].map(word)
    levels["degree_level"] = levels["degree_level"].map(word)
    return levels[["sector", "degree_level", "trainees", "women"]].reset_index(drop=True)


def stated_totals(totals: pd.DataFrame | None = None) -> dict[str, float]:
    """Return the totals the document states for TOKTEN, by measure."""
    table = given_or_load("tokten_totals", totals)
    return {str(m): float(v) for m, v in zip(table["measure"], table["value"], strict=True)}


def check_levels(results: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return, for each sector split by degree level, the levels' sum beside the sector's row."""
    table = given_or_load("tokten_results", results)
    table["degree_level"] = table["degree_level"].astype("str")
    table["sector"] = table["sector"].astype("str")
    levels = table[table["degree_level"] != "all"]
    rows = []
    for sector, part in levels.groupby("sector", sort=True):
        whole = table[(table["sector"] == sector) & (table["degree_level"] == "all")]
        if whole.empty:
            raise KeyError(f"sector {sector!r} has degree levels but no row for all levels")
        stated = float(whole["trainees"].iloc[0])
        summed = float(part["trainees"].sum())
        rows.append(
            {
                "sector": sector,
                "levels": len(part),
                "sum_of_levels": summed,
                "sector_row": stated,
                "agrees": summed == stated,
            }
        )
    return pd.DataFrame(rows)


def tokten_chart_data(sectors: pd.DataFrame, levels: pd.DataFrame) -> pd.DataFrame:
    """Return the numbers behind the TOKTEN chart as one tidy table: sectors, then levels."""
    parts = []
    for breakdown, table, column in (
        (_("sector"), sectors, "sector"),
        (_("degree level"), levels, "degree_level"),
    ):
        part = pd.DataFrame(
            {
                "breakdown": breakdown,
                "group": table[column].astype("str").to_numpy(),
                "missions": table["missions"].to_numpy() if "missions" in table else pd.NA,
                "trainees": table["trainees"].to_numpy(),
                "women": table["women"].to_numpy(),
            }
        )
        parts.append(part)
    data = pd.concat(parts, ignore_index=True)
    data["missions"] = data["missions"].astype("Int64")
    data["women"] = data["women"].astype("Int64")
    data["women_share_pct"] = (100 * data["women"] / data["trainees"]).round(2)
    return data


def check_totals(
    parts: pd.DataFrame, stated: dict[str, float], columns: Iterable[str]
) -> pd.DataFrame:
    """Return, for each column, the sum of ``parts`` next to the ``stated`` total.

    Missing values count as zero in the sum, and the table says how many there were, so a
    total that only holds if an unstated value is zero is visible. ``measure`` names each
    column in the edition's language (:func:`word`); rows are in the order of ``columns``.
    """
    rows = []
    for column in columns:
        values = parts[column]
        computed = float(values.fillna(0).sum())
        rows.append(
            {
                "measure": word(column),
                "sum_of_parts": computed,
                "stated_total": float(stated[column]),
                "difference": computed - float(stated[column]),
                "unstated_parts": int(values.isna().sum()),
                "agrees": abs(computed - float(stated[column])) < 1e-9,
            }
        )
    return pd.DataFrame(rows)


def women_share(table: pd.DataFrame, by: str) -> pd.DataFrame:
    """Return trainees, women and the women's share (percent) for each value of ``by``.

    Rows whose number of women is not stated get a missing share, never zero.
    """
    grouped = table.groupby(by, sort=False, observed=True)
    out = pd.DataFrame(
        {
            "trainees": grouped["trainees"].sum(),
            "women": grouped["women"].sum(min_count=1),
        }
    )
    out["women_share_pct"] = 100 * out["women"] / out["trainees"]
    return out.reset_index()
