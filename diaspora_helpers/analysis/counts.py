"""Every count of Malians abroad the collection holds, side by side by kind and year.

The counts measure different people and must not be read as one series: an electoral
register of nationals (RACE 2001), an estimate built from destination countries' censuses
around 2000 (IOM 2009), the UN's migrant stock (1990-2020, people born in Mali, or of Malian
citizenship where birthplace is not recorded), the document's undated "administrative
sources" (latest dated event 2016) and an unsourced statement (2024). What each counts is
read from ``data/definitions.csv``; how far it can be trusted, from the extract's
``reliability`` column or the definitions' notes.
"""

from __future__ import annotations

import pandas as pd

from diaspora_helpers import tables
from diaspora_helpers.analysis import demography
from diaspora_helpers.constants import OTHER_COUNTS_TABLE as OTHER_COUNTS
from diaspora_helpers.data import countries, given_or_load, measures
from diaspora_helpers.i18n import N_, with_headers, with_texts, with_words

#: Where each kind of count is defined in data/definitions.csv.
DEFINITION_OF = {
    "race_2001": "race_2001",
    "iom_profile_2009": "iom_profile_2009",
    "minister_2024": "minister_statement_2024",
    "document": "administrative_sources",
    "un_desa": "un_desa_migrant_stock",
}
#: How each kind of count (codes of ``kind``) is named in a table a reader sees.
KIND_WORDS = {
    "electoral_register": N_("electoral register of nationals"),
    "census_round_estimate": N_("estimate from destination countries' censuses"),
    "migrant_stock": N_("UN migrant stock (mostly by birthplace)"),
    "administrative": N_("administrative sources, undated"),
    "statement": N_("statement, no source given"),
}
#: The qualifiers of a count (codes of ``qualifier``) and their words.
QUALIFIERS = {
    "exact": N_("exact"),
    "more_than": N_("more than"),
    "approximate": N_("approximate"),
    "estimate": N_("estimate"),
    "as_stated": N_("as stated"),
}
#: Who counted, for the totals the collection computes itself (codes of ``counted_by``; the
#: other rows hold the publisher named in the data, in the edition's language).
COUNTED_BY = {
    "un_desa": N_("UN DESA"),
    "document": N_("The source document (administrative sources)"),
}
#: The counts of one destination (codes of ``count`` in :func:`destination_counts`); the
#: census's words name the row's ``country``.
DESTINATION_COUNTS = {
    "race_register": N_("RACE electoral register"),
    "destination_census": N_("{country} census"),
    "un_stock": N_("UN migrant stock"),
}


def definition(source: str, definitions: pd.DataFrame | None = None) -> str:
    """Return the definition, in the collection's words, of the count ``source`` names.

    ``source`` is a key of :data:`DEFINITION_OF` (e.g. ``"un_desa"``) or an id of
    ``data/definitions.csv``. Raises ``KeyError`` naming the known ids otherwise.
    """
    return measures.definition(DEFINITION_OF.get(source, source), table=definitions)


def totals_side_by_side(
    document_total: float,
    un_years: list[int] | None = None,
    others: pd.DataFrame | None = None,
    stock: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return every total count of Malians abroad, one row per count, oldest first (the
    undated document last).

    Columns: ``reference_year`` (None for the undated document), ``persons``,
    ``qualifier`` (a code of :data:`QUALIFIERS`), ``kind`` (a key of :data:`KIND_WORDS`),
    ``source`` (a key of :data:`DEFINITION_OF`) and ``counted_by`` (the publisher named
    in the data, or a code of :data:`COUNTED_BY`); the words of ``qualifier``, ``kind`` and
    ``counted_by`` are recorded with :func:`~diaspora_helpers.i18n.with_words`.
    ``document_total`` is the document's 4 million (``key_figures``); ``un_years`` the UN
    years to show (all by default).
    """
    table = given_or_load(OTHER_COUNTS, others)
    totals = table[table["place_kind"].astype("str") == "total"]
    rows = [
        {
            "reference_year": int(r.reference_year),
            "persons": float(r.persons),
            "qualifier": str(r.qualifier),
            "kind": str(r.count_kind),
            "source": str(r.source_id),
            "counted_by": str(r.publisher),
        }
        for r in tables.rows(totals)
    ]
    for year in un_years or demography.estimate_years(stock):
        rows.append(
            {
                "reference_year": year,
                "persons": float(demography.total(year, stock=stock)),
                "qualifier": "estimate",
                "kind": "migrant_stock",
                "source": "un_desa",
                "counted_by": "un_desa",
            }
        )
    rows.append(
        {
            "reference_year": None,
            "persons": float(document_total),
            "qualifier": "as_stated",
            "kind": "administrative",
            "source": "document",
            "counted_by": "document",
        }
    )
    out = pd.DataFrame(rows)
    out["reference_year"] = out["reference_year"].astype("Int64")
    order = out["reference_year"].fillna(9999).astype("int64")  # the undated document last
    out = out.iloc[order.argsort(kind="stable")].reset_index(drop=True)
    return with_words(out, qualifier=QUALIFIERS, kind=KIND_WORDS, counted_by=COUNTED_BY)


def destination_counts(
    iso3: str, others: pd.DataFrame | None = None, stock: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Return the counts of Malians in one destination country from every source that has one.

    One row per count: the RACE 2001 register, the destination's own census (year as
    relayed beside RACE) and the UN's migrant stock in the years around them (1990-2005).
    Columns ``count`` (a code of :data:`DESTINATION_COUNTS`, its words recorded with
    :func:`~diaspora_helpers.i18n.with_words`), ``reference_year``, ``persons``, ``iso3``
    and ``country`` (the destination's name in the edition's language, which the census's
    words name). The ``count`` column is headed "Kind of count" (recorded with
    :func:`~diaspora_helpers.i18n.with_headers`). Raises ``KeyError`` when RACE has no
    row for ``iso3``.
    """
    table = given_or_load(OTHER_COUNTS, others)
    race = table[(table["source_id"].astype("str") == "race_2001") & (table["iso3"] == iso3)]
    if race.empty:
        raise KeyError(f"the 2001 electoral census (RACE) has no row for {iso3}")
    row = race.iloc[0]
    rows = [{"count": "race_register", "reference_year": 2001, "persons": row.persons}]
    if pd.notna(row["destination_census_persons"]):
        rows.append(
            {
                "count": "destination_census",
                "reference_year": int(row["destination_census_year"]),
                "persons": row["destination_census_persons"],
            }
        )
    for year in (1990, 1995, 2000, 2005):
        found = demography.destinations(year, stock=stock)
        match = found[found["iso3"] == iso3]
        if len(match):
            rows.append(
                {
                    "count": "un_stock",
                    "reference_year": year,
                    "persons": match["persons"].iloc[0],
                }
            )
    out = pd.DataFrame(rows)
    out["persons"] = out["persons"].astype("int64")
    out["iso3"], out["country"] = iso3, countries.country_name(iso3)
    out = out.sort_values(["reference_year", "count"]).reset_index(drop=True)
    with_headers(out, count=N_("Kind of count"))  # its rows are kinds of count, not numbers
    return with_texts(with_words(out, count=DESTINATION_COUNTS), "country")
