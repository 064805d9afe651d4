"""The source document's key figures (section 1.1), with its stated shares recomputed."""

from __future__ import annotations

import pandas as pd

from diaspora_helpers import text
from diaspora_helpers.data import load
from diaspora_helpers.i18n import N_, _

#: How the reader's table names each kind of estimate and unit (``estimate_kind`` and
#: ``unit`` keep their codes in the data, which the code compares).
KIND_NAMES = {
    "census": N_("census"),
    "administrative": N_("administrative"),
    "central_bank": N_("central_bank"),
    "geographic": N_("geographic"),
}
UNIT_NAMES = {"persons": N_("persons"), "km2": N_("km2"), "xof": N_("xof")}
#: The places of :func:`abroad_breakdown` and how each number is obtained. They stay
#: English in the table (other code looks rows up by them); translate them where shown.
PLACES = (
    N_("Africa"),
    N_("Europe (excluding France)"),
    N_("France"),
    N_("Not placed by the document"),
)
HOW_OBTAINED = (N_("stated"), N_("derived: Europe minus France"), N_("derived: total minus parts"))


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

    One row per key figure; ``value`` is text formatted for the edition (``1,241,238``,
    ``1 241 238`` in French), ``unit`` and ``kind of estimate`` are words of the edition.
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
    table["value"] = figures["value"].map(lambda v: text.number(v))
    table["unit"] = [_(UNIT_NAMES.get(u, u)) for u in figures["unit"].astype("str")]
    table["estimate_kind"] = [
        _(KIND_NAMES.get(k, k)) for k in figures["estimate_kind"].astype("str")
    ]
    return table.rename(
        columns={
            "stated_value_text": "as printed",
            "stated_share_text": "share as printed",
            "reference_year": "year",
            "original_source": "source",
            "estimate_kind": "kind of estimate",
        }
    )


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

    France is part of Europe, so it is reported as a detail, not added again. Four rows
    (``where``: :data:`PLACES`, English in both editions, translate with ``_()`` where
    shown), columns ``where``, ``persons``, ``how_obtained`` and ``share_of_abroad_pct``.
    """
    total = float(figures.at["malians_abroad", "value"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    africa = float(figures.at["malians_in_africa", "value"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    europe = float(figures.at["malians_in_europe", "value"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    france = float(figures.at["malians_in_france", "value"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    counts = (africa, europe - france, france, total - africa - europe)
    how = (HOW_OBTAINED[0], HOW_OBTAINED[1], HOW_OBTAINED[0], HOW_OBTAINED[2])
    rows = list(zip(PLACES, counts, how, strict=True))
    table = pd.DataFrame(rows, columns=["where", "persons", "how_obtained"])
    table["share_of_abroad_pct"] = 100 * table["persons"] / total
    return table


def breakdown_for_reader(parts: pd.DataFrame) -> pd.DataFrame:
    """Return :func:`abroad_breakdown` with its words (``where``, ``how_obtained``) in the
    edition's language: the table a reader downloads beside the chart. Same rows × columns;
    unchanged in English."""
    shown = parts.copy()
    for column in ("where", "how_obtained"):
        shown[column] = shown[column].astype("str").map(_)
    return shown
