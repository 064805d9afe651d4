"""TOKTEN's 2014-2015 results (missions, trainees, women) and the document's stated totals
checked against the sum of their parts.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from diaspora_helpers import tables
from diaspora_helpers.data import given_or_load
from diaspora_helpers.i18n import N_, register_words, with_words, words_of

#: The codes of TOKTEN's sectors, degree levels and measures and their words, applied where
#: a table, chart or sentence is made (``i18n.word(code, WORDS)``).
WORDS = {
    "education": N_("education"),
    "health": N_("health"),
    "smes": N_("SMEs"),
    "other_administrations": N_("other administrations"),
    "bachelor": N_("bachelor's"),
    "master": N_("master"),
    "doctorate": N_("doctorate"),
    "all": N_("all degree levels"),
    "missions": N_("missions"),
    "trainees": N_("trainees"),
    "women": N_("women"),
}
#: Where a sector's count of women comes from.
STATED = N_("stated")
SUM_OF_LEVELS = N_("sum of degree levels")
NOT_STATED = N_("not stated")
#: The codes of ``women_source`` (:func:`tokten_sectors`) and their words.
SOURCE_WORDS = {"stated": STATED, "sum_of_levels": SUM_OF_LEVELS, "not_stated": NOT_STATED}
#: The breakdowns of :func:`tokten_chart_data` (codes) and their words.
BREAKDOWNS = {"sector": N_("sector"), "degree_level": N_("degree level")}


register_words("tokten_results", sector=WORDS, degree_level=WORDS)
register_words("tokten_totals", measure=WORDS)


def tokten_sectors(results: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return TOKTEN's missions, trainees and women by sector, with where each women count is from.

    A sector whose own row gives no women but whose degree levels do gets the sum of its
    levels ("sum of degree levels"); a sector with neither stays missing ("not stated").
    ``sector`` and ``women_source`` hold codes (named by :data:`WORDS` and
    :data:`SOURCE_WORDS`, recorded with :func:`~diaspora_helpers.i18n.with_words`).
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
            source.append("stated")
        elif pd.notna(level_women.get(row.sector, pd.NA)):
            women.append(level_women[row.sector])
            source.append("sum_of_levels")
        else:
            women.append(pd.NA)
            source.append("not_stated")
    sectors["women"] = pd.array(women, dtype="Int64")
    sectors["women_source"] = source
    out = sectors[["sector", "missions", "trainees", "women", "women_source"]]
    return with_words(out.reset_index(drop=True), sector=WORDS, women_source=SOURCE_WORDS)


def tokten_levels(results: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the TOKTEN trainees by degree level (the rows that split a sector's total).

    Sectors and degree levels are codes, named by :data:`WORDS` (recorded with
    :func:`~diaspora_helpers.i18n.with_words`).
    """
    table = given_or_load("tokten_results", results)
    table["degree_level"] = table["degree_level"].astype("str")
    table["sector"] = table["sector"].astype("str")
    levels = table[table["degree_level"] != "all"].copy()
    out = levels[["sector", "degree_level", "trainees", "women"]].reset_index(drop=True)
    return with_words(out, sector=WORDS, degree_level=WORDS)


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
    """Return the numbers behind the TOKTEN chart as one tidy table: sectors, then levels.

    ``breakdown`` (``sector``, ``degree_level``) and ``group`` hold codes, named by
    :data:`BREAKDOWNS` and :data:`WORDS`."""
    parts = []
    for breakdown, table, column in (
        ("sector", sectors, "sector"),
        ("degree_level", levels, "degree_level"),
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
    return with_words(data, breakdown=BREAKDOWNS, group=WORDS)


def check_totals(
    parts: pd.DataFrame, stated: dict[str, float], columns: Iterable[str]
) -> pd.DataFrame:
    """Return, for each column, the sum of ``parts`` next to the ``stated`` total.

    Missing values count as zero in the sum, and the table says how many there were, so a
    total that only holds if an unstated value is zero is visible. ``measure`` names each
    column by its code (named by :data:`WORDS`); rows are in the order of ``columns``.
    """
    rows = []
    for column in columns:
        values = parts[column]
        computed = float(values.fillna(0).sum())
        rows.append(
            {
                "measure": column,
                "sum_of_parts": computed,
                "stated_total": float(stated[column]),
                "difference": computed - float(stated[column]),
                "unstated_parts": int(values.isna().sum()),
                "agrees": abs(computed - float(stated[column])) < 1e-9,
            }
        )
    return with_words(pd.DataFrame(rows), measure=WORDS)


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
    words = {c: w for c, w in words_of(table).items() if c == by}
    return with_words(out.reset_index(), **words)
