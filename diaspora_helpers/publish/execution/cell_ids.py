"""Read a notebook with cell ids that are the same on every read.

Notebook format 4.5 gives every cell an ``id``, unique in the notebook. An editor that
copies cells, or a merge, can leave two cells with the same id; an older notebook (format
4.4 and before) has none. nbformat then makes up random ids on every read
(``generate_corpus_id``), so two runs of the same file differ and ``make refresh`` leaves
a git diff every time.

:func:`read` repairs this deterministically before nbformat sees the cells (and
:func:`normalise` gives a notebook another reader made the same ids): the first cell
keeps an id it shares, and every later duplicate, or a cell without an id, gets
``cell-<hash>`` from its position and its content. Each change is returned as a
:class:`Renamed`, for the run's log. With ``strict=True`` it refuses instead, with a
:class:`CellIdError` naming each cell. An id that is not a string of 1 to 64 letters,
digits, ``-`` or ``_`` is refused in both modes: no editor writes one, so it is a hand edit
to correct.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

#: What notebook format 4.5 allows in a cell id (its JSON schema's ``cell_id``).
VALID_ID = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")
#: The format from which cells carry ids.
IDS_SINCE = (4, 5)


class CellIdError(ValueError):
    """A notebook whose cell ids cannot be used as they are; names each cell and the fix."""


@dataclass(frozen=True)
class Renamed:
    """One cell whose id :func:`read` set: its position (0-based), the id it had (``None``
    when it had none) and the id it has now."""

    index: int
    old: str | None
    new: str

    def describe(self, name: str) -> str:
        """Return one line for the run's log, naming the notebook ``name`` and the cell."""
        if self.old is None:
            return f"{name}: cell {self.index + 1} had no id; it is now {self.new!r}"
        return (
            f"{name}: cell {self.index + 1} repeated the id {self.old!r} of an earlier cell; "
            f"it is now {self.new!r}"
        )


def _first_line(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    text = "".join(source) if isinstance(source, list) else str(source)
    line = text.strip().splitlines()[0] if text.strip() else "(empty)"
    return line if len(line) <= 60 else line[:57] + "..."


def _derived_id(index: int, cell: dict[str, Any], taken: set[str]) -> str:
    """Return ``cell-<8 hex>`` from the cell's position, type and source, unused in ``taken``."""
    source = cell.get("source", "")
    text = "".join(source) if isinstance(source, list) else str(source)
    seed = f"{index}\0{cell.get('cell_type', '')}\0{text}"
    for attempt in range(1000):
        digest = hashlib.sha256(f"{seed}\0{attempt}".encode()).hexdigest()
        candidate = f"cell-{digest[:8]}"
        if candidate not in taken:
            return candidate
    raise AssertionError("no free cell id after 1000 tries")  # pragma: no cover


def _check_valid(cells: Sequence[dict[str, Any]], name: str) -> None:
    bad = [
        f"cell {i + 1} ({_first_line(cell)!r}) has the id {cell['id']!r}"
        for i, cell in enumerate(cells)
        if "id" in cell and not (isinstance(cell["id"], str) and VALID_ID.match(cell["id"]))
    ]
    if bad:
        raise CellIdError(
            f"{name}: {'; '.join(bad)}. A cell id is 1 to 64 letters, digits, '-' or '_': "
            'correct it in the file, or delete the "id" line to have one made.'
        )


def normalise_json(notebook: dict[str, Any], name: str = "notebook") -> list[Renamed]:
    """Give every cell of the raw notebook JSON ``notebook`` a unique id, deterministically,
    in place; return what changed (nothing for a notebook whose ids are already fine).

    A notebook older than format 4.5 is moved to 4.5 (``nbformat_minor`` 5): every cell
    gets a derived id. Raises :class:`CellIdError` for an id that is not valid.
    """
    cells = notebook.get("cells")
    if not isinstance(cells, list):
        return []  # format 3 (worksheets) or not a notebook: nbformat converts or reports it
    _check_valid(cells, name)
    version = (notebook.get("nbformat", 0), notebook.get("nbformat_minor", 0))
    if version[0] == 4 and version < IDS_SINCE:
        for cell in cells:
            cell.pop("id", None)  # ids are not part of 4.4 and older
        notebook.setdefault("metadata", {})["orig_nbformat_minor"] = version[1]
        notebook["nbformat_minor"] = IDS_SINCE[1]
    taken = {cell["id"] for cell in cells if "id" in cell}
    seen: set[str] = set()
    changed = []
    for index, cell in enumerate(cells):
        old = cell.get("id")
        if old is not None and old not in seen:
            seen.add(old)
            continue
        new = _derived_id(index, cell, taken)
        taken.add(new)
        seen.add(new)
        cell["id"] = new
        changed.append(Renamed(index, old, new))
    return changed


def reads(text: str, name: str = "notebook", *, strict: bool = False) -> tuple[Any, list[Renamed]]:
    """Return the notebook in ``text`` as an nbformat 4 ``NotebookNode`` with stable cell
    ids, and the cells whose id was set (see :func:`normalise_json`).

    ``name`` names the notebook in messages. With ``strict``, a duplicate or missing id
    raises :class:`CellIdError` naming every such cell instead of being repaired. Raises
    :class:`CellIdError` for text that is not a notebook's JSON.
    """
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CellIdError(f"{name}: not a notebook's JSON ({exc})") from exc
    if not isinstance(raw, dict):
        raise CellIdError(f"{name}: not a notebook's JSON (no top-level object)")
    if raw.get("nbformat", 4) < 4:
        # Format 3: nbformat's conversion makes the cells, with random ids; derive them again.
        raw = json.loads(nbformat.writes(nbformat.reads(text, as_version=4)))
        for cell in raw["cells"]:
            cell.pop("id", None)
    changed = normalise_json(raw, name)
    if strict and changed:
        cells = raw["cells"]
        lines = [
            f"cell {c.index + 1} ({_first_line(cells[c.index])!r}) "
            + ("has no id" if c.old is None else f"repeats the id {c.old!r}")
            for c in changed
        ]
        raise CellIdError(
            f"{name}: {'; '.join(lines)}. Give each of these cells an id of its own "
            "(1 to 64 letters, digits, '-' or '_'), unique in the notebook."
        )
    return nbformat.reads(json.dumps(raw), as_version=4), changed


def read(path: Path, *, strict: bool = False) -> tuple[Any, list[Renamed]]:
    """Read the notebook at ``path`` like ``nbformat.read(path, as_version=4)``, with the
    cell ids :func:`reads` makes stable; return it and the cells whose id was set."""
    return reads(Path(path).read_text(encoding="utf-8"), str(path), strict=strict)


def restore(notebook: Any, path: Path, *, strict: bool = False) -> list[Renamed]:
    """Give the cells of ``notebook``, read from ``path`` by another reader (papermill's
    ``load_notebook_node``, nbconvert), the stable ids :func:`read` gives, in place;
    return the cells whose id was set.

    The other reader keeps the cells in the file's order, so ids are matched by position.
    Raises :class:`CellIdError` as :func:`read` does, or when the cell counts differ.
    """
    stable, changed = read(path, strict=strict)
    if len(stable.cells) != len(notebook.cells):
        raise CellIdError(
            f"{path}: {len(notebook.cells)} cells read, but the file has {len(stable.cells)}"
        )
    for cell, source in zip(notebook.cells, stable.cells, strict=True):
        cell["id"] = source["id"]
    return changed


def normalise(notebook: Any, source: Path) -> Any:
    """Return ``notebook`` (read from ``source`` by nbformat, papermill or nbconvert, which
    invent random ids for repeated ones) with the stable ids of :func:`read`, in place.

    Raises :class:`CellIdError` as :func:`restore` does.
    """
    restore(notebook, Path(source))
    return notebook
