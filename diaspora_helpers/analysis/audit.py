"""The source audit: inconsistencies, garbles and ambiguities found in the document."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from diaspora_helpers.data import load
from diaspora_helpers.i18n import N_, register_words

#: The codes of the audit's ``severity`` column (the kind of problem) and their words.
SEVERITY_WORDS = {
    "ambiguity": N_("ambiguity"),
    "garble": N_("garbled passage"),
    "terminology": N_("terminology"),
    "contradiction": N_("contradiction"),
    "arithmetic": N_("arithmetic error"),
}

register_words("source_audit", severity=SEVERITY_WORDS)


def entries(
    about: str | Iterable[str] | None = None, *, exclude: Iterable[str] = ()
) -> pd.DataFrame:
    """Return audit entries, optionally only those whose ``affects`` names any of ``about``.

    ``exclude`` lists id prefixes to leave out (e.g. ``["tokten"]`` drops ``tokten_start``),
    so that a notebook shows each entry once, in the section where it matters.
    """
    table = load("source_audit")
    dropped = tuple(exclude)
    if dropped:
        table = table[~table["id"].astype("str").str.startswith(dropped)]
    if about is None:
        return table
    wanted = [about] if isinstance(about, str) else list(about)
    affects = table["affects"].fillna("")
    mask = pd.Series(False, index=table.index)
    for item in wanted:
        mask |= affects.str.contains(item, regex=False)
    return table[mask]


def as_reading(table: pd.DataFrame) -> pd.DataFrame:
    """Return audit entries as a compact reader's table: the problem and its treatment."""
    return table.set_index("id")[["topic", "problem", "treatment"]]
