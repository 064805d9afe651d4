"""Read-only records kept in ``DataFrame.attrs`` (the words of a table's codes, its formats,
headers and fields: see :mod:`diaspora_helpers.i18n`).

pandas deep-copies a frame's ``attrs`` into every frame an operation returns (a selection,
a merge, a ``copy``): tens of thousands of copies in a notebook or a check. A record that
cannot change need not be copied, so :class:`Record` gives itself back to ``deepcopy``,
and a frame's words are shared with the frames made from it, never copied or changed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any


class Record(Mapping[str, Any]):
    """A read-only mapping of ``data`` (copied once, here); ``deepcopy`` returns it as it is.

    To change a record, make a new one: ``Record({**old, "year": 2020})``.
    """

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, Any] | None = None) -> None:
        self._data = dict(data or {})

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __deepcopy__(self, memo: dict[int, Any]) -> Record:
        return self

    def __repr__(self) -> str:
        return f"Record({self._data!r})"
