"""What each dataset, indicator and count measures, read from ``data/definitions.csv``:
the one place where the collection writes a definition down."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

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


class IndicatorNames(Mapping[str, str]):
    """The name of each indicator or series code of ``data/definitions.csv``
    (``SI.RMT.COST.IB.ZS`` → "Average transaction cost of sending remittances to a specific
    country (%)"), in the edition's language when it is read (the French names of
    ``data/fr/definitions.csv`` in the French edition): the words of a column of codes
    (:func:`diaspora_helpers.i18n.register_words`), so a table shows the indicator a reader
    understands, not its code. A code the table does not name is not in the mapping (it
    then shows as it is)."""

    def _names(self) -> dict[str, str]:
        rows = given_or_load(DEFINITIONS_TABLE, None)
        return {
            str(code): str(name)
            for code, name in zip(rows["code"], rows["name"], strict=True)
            if isinstance(code, str) and code
        }

    def __getitem__(self, code: str) -> str:
        return self._names()[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())


#: Indicator and series codes in words (see :class:`IndicatorNames`).
INDICATOR_NAMES = IndicatorNames()
