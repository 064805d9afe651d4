"""The source document's key figures (section 1.1), with its stated shares recomputed."""

from __future__ import annotations

import pandas as pd

from diaspora_helpers import text
from diaspora_helpers.data import load, units
from diaspora_helpers.i18n import N_, with_formats, with_words

#: How a reader's table names each kind of estimate and unit (``estimate_kind`` and
#: ``unit`` keep their codes in the tables, which the code compares).
KIND_NAMES = {
    "census": N_("Census"),
    "administrative": N_("Administrative sources"),
    "central_bank": N_("Central bank"),
    "geographic": N_("Geographic fact"),
}
UNIT_NAMES = units.UNIT_WORDS
#: The places of :func:`abroad_breakdown` (codes of its ``where`` column) and their names.
PLACES = {
    "africa": N_("Africa"),
    "europe_excluding_france": N_("Europe (excluding France)"),
    "france": N_("France"),
    "not_placed": N_("Not placed by the document"),
}
#: How each number of :func:`abroad_breakdown` is obtained (codes of ``how_obtained``).
HOW_OBTAINED = {
    "stated": N_("stated"),
    "europe_minus_france": N_("derived: Europe minus France"),
    "total_minus_parts": N_("derived: total minus parts"),
}


def key_figures() -> pd.DataFrame:
    """Return the document's key figures, indexed by their id."""
    return load("key_figures").set_index("id")


def stated_decimals(share: float) -> int:
    """Return how many decimals a stated share was printed with: 27.5 -> 1, 24.0 -> 0."""
    text = f"{share:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def recomputed_shares(figures: pd.DataFrame, population_id: str = "population") -> pd.DataFrame:
    """Return each stated share next to the share its count gives of the population.

    A stated share agrees when it equals the recomputed one once rounded the way the
    document printed it (to half a unit of its last decimal).
    """
    if population_id not in figures.index:
        raise KeyError(f"no key figure '{population_id}' to divide by")
    population = float(figures.at[population_id, "value"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    stated = figures.dropna(subset=["stated_share_pct"])
    table = pd.DataFrame(
        {
            "label": stated["label"],
            "count": stated["value"].round().astype("Int64"),
            "stated_share_pct": stated["stated_share_pct"],
            "recomputed_share_pct": 100 * stated["value"] / population,
        }
    )
    table["difference_pp"] = table["stated_share_pct"] - table["recomputed_share_pct"]
    tolerance = table["stated_share_pct"].map(lambda s: 0.5 * 10 ** -stated_decimals(s))
    table["agrees"] = table["difference_pp"].abs() <= tolerance + 1e-9
    return table


def as_printed(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the key figures as a reader's table: value, how it was printed, source, kind.

    One row per key figure; ``value`` is the number (the table formats it), ``unit`` and
    ``estimate_kind`` are codes named by :data:`UNIT_NAMES` and :data:`KIND_NAMES` (recorded
    with :func:`~diaspora_helpers.i18n.with_words`, so a shown table reads words);
    ``source`` is the source as the data names it, which a shown table starts with a
    capital like the other cells of words (:func:`diaspora_helpers.text.in_cell`).
    """
    table = figures[
        [
            "label",
            "value",
            "unit",
            "stated_value_text",
            "stated_share_text",
            "reference_year",
            "original_source",
        ]
    ].copy()
    table["unit"] = figures["unit"].astype("str")
    table["estimate_kind"] = figures["estimate_kind"].astype("str")
    table = table.rename(
        columns={
            "reference_year": "year",
            "original_source": "source",
            "estimate_kind": "kind_of_estimate",
        }
    )
    with_formats(table, source=text.in_cell)
    return with_words(table, unit=UNIT_NAMES, kind_of_estimate=KIND_NAMES)


def share_of_all_malians(figures: pd.DataFrame) -> dict[str, float]:
    """Return Malians abroad as a share of residents and of residents plus those abroad.

    The document divides by the resident population only; adding the people abroad to
    the denominator gives the share of all Malians who live outside Mali. Both use the
    document's own (2009 census and administrative) figures.
    """
    abroad = float(figures.at["malians_abroad", "value"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    residents = float(figures.at["population", "value"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    return {
        "abroad": abroad,
        "residents": residents,
        "share_of_residents_pct": 100 * abroad / residents,
        "share_of_all_pct": 100 * abroad / (residents + abroad),
    }


def abroad_breakdown(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the document's Malians abroad split by continent, with the unexplained rest.

    France is part of Europe, so it is reported as a detail, not added again. Four rows,
    columns ``where`` (codes of :data:`PLACES`), ``persons``, ``how_obtained`` (codes of
    :data:`HOW_OBTAINED`) and ``share_of_abroad_pct``; the codes' words are recorded with
    :func:`~diaspora_helpers.i18n.with_words` for the tables and chart downloads.
    """
    total = float(figures.at["malians_abroad", "value"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    africa = float(figures.at["malians_in_africa", "value"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    europe = float(figures.at["malians_in_europe", "value"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    france = float(figures.at["malians_in_france", "value"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    counts = (africa, europe - france, france, total - africa - europe)
    how = ("stated", "europe_minus_france", "stated", "total_minus_parts")
    rows = list(zip(PLACES, counts, how, strict=True))
    table = pd.DataFrame(rows, columns=["where", "persons", "how_obtained"])
    table["share_of_abroad_pct"] = 100 * table["persons"] / total
    return with_words(table, where=PLACES, how_obtained=HOW_OBTAINED)
