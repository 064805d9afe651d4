"""The legal and regulatory framework the document lists, grouped by domain."""

from __future__ import annotations

import pandas as pd

from diaspora_helpers import text
from diaspora_helpers.analysis.timeline import iso_at
from diaspora_helpers.data import given_or_load
from diaspora_helpers.i18n import N_, with_formats, with_texts, with_words

#: The domains of the legal framework (codes of ``domain``) and their words, applied where
#: a table is shown (recorded with :func:`~diaspora_helpers.i18n.with_words`).
DOMAINS = {
    "labour": N_("labour"),
    "citizenship": N_("citizenship"),
    "land": N_("land"),
    "administration": N_("administration"),
    "migration_policy": N_("migration policy"),
    "employment": N_("employment"),
    "customs": N_("customs"),
    "petroleum": N_("petroleum"),
    "tax": N_("tax"),
    "mining": N_("mining"),
    "investment": N_("investment"),
    "procurement": N_("procurement"),
}
#: What a text without a number reads as in the reader's table (the code ``no_number`` of
#: :func:`legal_reading`'s ``reference``).
NO_NUMBER = N_("(no number given)")
REFERENCE_WORDS = {"no_number": NO_NUMBER}


def legal_by_domain(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the laws and codes in date order with their year, grouped columns first."""
    legal = given_or_load("legal_framework", table)
    legal["year"] = legal["date"].astype("str").str.slice(0, 4).astype("int64")
    legal["domain"] = legal["domain"].astype("str")
    return legal.sort_values(["date", "id"], kind="stable").reset_index(drop=True)


def legal_reading(
    table: pd.DataFrame, start_year: int | None = None, end_year: int | None = None
) -> pd.DataFrame:
    """Return the texts (from :func:`legal_by_domain`) in a year window as a reader's table.

    Indexed by id; columns ``date`` (ISO, cut to its precision; read in words where the
    table is shown, :func:`diaspora_helpers.text.period`), ``reference`` (as the data
    writes it, or the code ``no_number``), ``title``, ``domain`` (a code of
    :data:`DOMAINS`) and ``what it means for a Malian abroad`` (from the data).
    """
    legal = table
    if start_year is not None:
        legal = legal[legal["year"] >= start_year]
    if end_year is not None:
        legal = legal[legal["year"] <= end_year]
    out = pd.DataFrame(
        {
            "date": [
                iso_at(d, str(p))
                for d, p in zip(legal["date"], legal["date_precision"], strict=True)
            ],
            "reference": legal["reference"].astype("object").fillna("no_number").to_numpy(),
            "title": legal["title"].to_numpy(),
            "domain": legal["domain"].astype("str").to_numpy(),
            "what it means for a Malian abroad": legal["diaspora_relevance"].to_numpy(),
        },
        index=pd.Index(legal["id"], name="id"),
    )
    with_formats(out, date=text.period)
    with_texts(out, "title", "what it means for a Malian abroad")
    return with_words(out, domain=DOMAINS, reference=REFERENCE_WORDS)


def domain_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Return how many texts each domain has, with its first and last year (most texts first).

    The index holds the domains' codes (named by :data:`DOMAINS`; recorded for the
    ``domain`` column a shown table gets with ``index=True``).
    """
    grouped = table.groupby("domain", sort=True)
    counts = pd.DataFrame(
        {
            "texts": grouped.size(),
            "first_year": grouped["year"].min(),
            "last_year": grouped["year"].max(),
        }
    )
    counts = counts.sort_values(["texts", "first_year"], ascending=[False, True], kind="stable")
    counts.index = pd.Index([str(d) for d in counts.index], name="domain")
    return with_words(counts, domain=DOMAINS)
