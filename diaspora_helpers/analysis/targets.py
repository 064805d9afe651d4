"""SDG 10.c, read from ``data/sdg_targets.csv``: which threshold applies to which measure.

Target 10.c sets two thresholds for the cost of sending USD 200 (fee plus exchange-rate
margin, as a percentage of the amount sent):

- ``average``: the average cost of sending money to or from a country must fall *below*
  3% (the World Bank's ``SI.RMT.COST.IB.ZS``);
- ``corridor``: no single sending-receiving corridor may cost *more than* 5% (Remittance
  Prices Worldwide, ``ATCR.CORR``).

A measure is compared only with the threshold written for its kind (:func:`compare`
refuses the rest), so an average is never held against the corridor ceiling.
"""

from __future__ import annotations

import pandas as pd

from diaspora_helpers import text
from diaspora_helpers.constants import TARGETS_TABLE
from diaspora_helpers.data import given_or_load
from diaspora_helpers.data.measures import INDICATOR_NAMES
from diaspora_helpers.i18n import N_, register_words, with_formats, with_words

KINDS = ("average", "corridor")
# The series a target is compared with reads as its name (data/definitions.csv), not its code.
register_words(TARGETS_TABLE, compare_with_series=INDICATOR_NAMES)
#: How the codes of ``applies_to`` and ``comparison`` read in a table (translated through
#: the catalog).
CODE_WORDS = {
    # Row names of a shown table (a card's title on a phone): what each threshold applies to.
    "average": N_("Average cost to a country"),
    "corridor": N_("Each corridor"),
    "below": N_("below"),
    "not_above": N_("not above"),
}


def sdg_targets(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the SDG 10.c thresholds, one row per kind of measure, indexed by ``applies_to``.

    Columns include ``value_pct`` (percent of the amount sent), ``comparison`` (``below``
    or ``not_above``), ``compare_with_series`` and ``source``. Raises ``DataError`` (from
    the loader) when the table is missing or malformed.
    """
    targets = given_or_load(TARGETS_TABLE, table)
    return targets.set_index("applies_to", drop=False)


def as_reading(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the SDG 10.c thresholds as a reader sees them: one row per kind of measure,
        columns ``applies_to``, ``comparison`` (codes, their words recorded with
        :func:`~diaspora_helpers.i18n.with_words`),
        ``value_pct`` (percent), ``measure`` and ``compare_with_series`` (a series code, its
    name recorded as its words: :data:`~diaspora_helpers.data.measures.INDICATOR_NAMES`).

        Raises ``KeyError`` naming a code of ``applies_to`` or ``comparison`` that has no
        wording in :data:`CODE_WORDS`.
    """
    shown = sdg_targets(table)[
        ["applies_to", "comparison", "value_pct", "measure", "compare_with_series"]
    ].reset_index(drop=True)
    for column in ("applies_to", "comparison"):
        codes = shown[column].astype("str")
        unknown = sorted(set(codes) - set(CODE_WORDS))
        if unknown:
            raise KeyError(f"data/sdg_targets.csv: no wording for {column} {unknown[0]!r}")
        shown[column] = codes
    return with_words(shown, applies_to=CODE_WORDS, comparison=CODE_WORDS)


def threshold(kind: str, table: pd.DataFrame | None = None) -> float:
    """Return the SDG 10.c threshold, percent, for a measure of ``kind`` (average or corridor).

    Raises ``ValueError`` naming the kinds the table holds when ``kind`` is not one of them.
    """
    targets = sdg_targets(table)
    if kind not in targets.index:
        raise ValueError(
            f"SDG 10.c has no threshold for a {kind!r} measure; it has one for each of: "
            f"{', '.join(targets.index)}"
        )
    return float(targets.at[kind, "value_pct"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar


def _rule(kind: str, table: pd.DataFrame | None) -> tuple[float, str]:
    """Return the threshold (percent) and the comparison (``below``, ``not_above``) for
    ``kind``; raises ``ValueError`` as :func:`threshold` does, or for an unknown comparison."""
    limit = threshold(kind, table)
    rule = str(sdg_targets(table).at[kind, "comparison"])
    if rule not in ("below", "not_above"):
        raise ValueError(f"data/sdg_targets.csv: unknown comparison {rule!r} for {kind!r}")
    return limit, rule


def _meets(values: pd.Series | float, limit: float, rule: str) -> pd.Series | bool:
    return values < limit if rule == "below" else values <= limit


def compare(value_pct: float, kind: str, table: pd.DataFrame | None = None) -> bool:
    """Return True when a cost of ``value_pct`` percent meets the threshold for its ``kind``.

    An ``average`` cost meets its target only strictly below 3%; one ``corridor`` meets its
    ceiling at 5% or less (it fails when "higher than 5%"). Raises ``ValueError`` for a kind
    of measure SDG 10.c sets no threshold for.
    """
    limit, rule = _rule(kind, table)
    return bool(_meets(value_pct, limit, rule))


def corridor_years(costs: pd.DataFrame, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Judge each corridor in each year against the corridor ceiling.

    ``costs`` is ``analysis.remittances.corridor_costs`` (one row per corridor and
    quarter, ``cost_pct`` in percent). A corridor is judged on the mean of the quarters
    published in that year. Returns one row per corridor and year: ``quarters``,
    ``mean_pct``, ``min_pct``, ``max_pct``, ``above_ceiling`` (the mean is higher than the
    ceiling) and ``quarters_cross`` (single quarters lie on both sides of the ceiling).
    """
    ceiling, rule = _rule("corridor", table)
    grouped = costs.groupby(["year", "corridor"], sort=True)["cost_pct"]
    out = grouped.agg(quarters="size", mean_pct="mean", min_pct="min", max_pct="max").reset_index()
    out["above_ceiling"] = ~_meets(out["mean_pct"], ceiling, rule)
    out["quarters_cross"] = (out["min_pct"] <= ceiling) & (out["max_pct"] > ceiling)
    return out


def corridor_test(costs: pd.DataFrame, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Count, per year, the corridors whose yearly mean cost is above the corridor ceiling.

    Returns one row per year: ``corridors`` surveyed, ``above_ceiling`` (how many are above
    the ceiling) and ``corridors_above_ceiling`` (a tuple of their names; a shown table
    joins them with :func:`diaspora_helpers.text.items`). See :func:`corridor_years`.
    """
    judged = corridor_years(costs, table)
    rows = []
    for year, part in judged.groupby("year", sort=True):
        above = part.loc[part["above_ceiling"], "corridor"].tolist()
        rows.append(
            {
                "year": int(year),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
                "corridors": len(part),
                "above_ceiling": len(above),
                "corridors_above_ceiling": tuple(above),
            }
        )
    return with_formats(pd.DataFrame(rows), corridors_above_ceiling=text.items)
