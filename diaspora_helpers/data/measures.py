"""What each dataset, indicator and count measures, read from ``data/definitions.csv``:
the one place where the collection writes a definition down."""

from __future__ import annotations

import pandas as pd

from diaspora_helpers.constants import DEFINITIONS_TABLE
from diaspora_helpers.data.loader import given_or_load


def definition(
    definition_id: str, *, with_note: bool = False, table: pd.DataFrame | None = None
) -> str:
    """Return the definition of ``definition_id`` in the collection's words (one sentence
    or a few), followed by its note when ``with_note`` is true.

    Raises ``KeyError`` naming the known ids when the table has no such row.
    """
    rows = given_or_load(DEFINITIONS_TABLE, table).set_index("id")
    if definition_id not in rows.index:
        raise KeyError(
            f"no definition {definition_id!r} in data/definitions.csv; known: {sorted(rows.index)}"
        )
    row = rows.loc[definition_id]
    note = str(row["note"]) if with_note and isinstance(row["note"], str) else ""
    return f"{row['definition']} {note}".strip()
