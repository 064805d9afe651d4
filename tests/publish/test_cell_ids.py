"""Cell ids are the same on every read, even when an editor left duplicates (issue 21,
item 6): nbformat alone gives them new random ids on each read."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import diaspora_test_support as support
import nbformat
import pytest

from diaspora_helpers.publish.execution import cell_ids


def _notebook(ids: list, minor: int = 5) -> dict:
    cells = []
    for n, cell_id in enumerate(ids):
        cell: dict[str, object] = {"cell_type": "code", "metadata": {}, "source": f"x = {n}\n"}
        cell["outputs"] = []
        cell["execution_count"] = None
        if cell_id is not None:
            cell["id"] = cell_id
        cells.append(cell)
    return {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": minor}


def _write(tmp_path: Path, notebook: dict, name: str = "saved.ipynb") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(notebook), encoding="utf-8")
    return path


def _ids(nb) -> list[str]:
    return [cell["id"] for cell in nb.cells]


def test_nbformat_alone_gives_duplicates_new_random_ids(tmp_path: Path) -> None:
    """The fault itself: two reads of the same file disagree (so the fix is needed)."""
    path = _write(tmp_path, _notebook(["a", "a", "a"]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        first, second = (nbformat.read(path, as_version=4) for _ in range(2))
    assert _ids(first)[0] == "a" and _ids(first)[1:] != _ids(second)[1:]


def test_duplicates_get_the_same_ids_on_every_read(tmp_path: Path) -> None:
    path = _write(tmp_path, _notebook(["a", "b", "a", "a"]))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nbformat has nothing left to repair
        first, renamed = cell_ids.read(path)
        second, _ = cell_ids.read(path)
    assert _ids(first) == _ids(second)
    assert _ids(first)[:2] == ["a", "b"]  # the first cell keeps its id
    assert len(set(_ids(first))) == 4
    assert [(r.index, r.old) for r in renamed] == [(2, "a"), (3, "a")]
    assert all(cell_ids.VALID_ID.match(i) for i in _ids(first))
    assert "cell 3 repeated the id 'a'" in renamed[0].describe("x.ipynb")


def test_a_derived_id_depends_on_the_cell_not_on_the_rest(tmp_path: Path) -> None:
    """Editing another cell does not change a repaired id (diffs stay small)."""
    notebook = _notebook(["a", "b", "a"])
    first, _ = cell_ids.reads(json.dumps(notebook))
    notebook["cells"][1]["source"] = "changed = True\n"
    second, _ = cell_ids.reads(json.dumps(notebook))
    assert _ids(first)[2] == _ids(second)[2]


def test_two_identical_cells_get_different_ids() -> None:
    notebook = _notebook(["a", "a"])
    notebook["cells"][1]["source"] = notebook["cells"][0]["source"]
    nb, _ = cell_ids.reads(json.dumps(notebook))
    assert len(set(_ids(nb))) == 2


def test_a_derived_id_never_takes_an_id_already_in_the_file() -> None:
    probe, renamed = cell_ids.reads(json.dumps(_notebook(["a", "a"])))
    derived = renamed[0].new
    nb, renamed = cell_ids.reads(json.dumps(_notebook(["a", derived, "a", "a"])))
    assert len(set(_ids(nb))) == 4 and _ids(nb)[1] == derived


def test_missing_ids_and_old_formats_get_stable_ids(tmp_path: Path) -> None:
    for notebook in (_notebook(["a", None, "c"]), _notebook([None, None], minor=4)):
        path = _write(tmp_path, notebook)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            first, renamed = cell_ids.read(path)
            second, _ = cell_ids.read(path)
        assert _ids(first) == _ids(second) and first.nbformat_minor == 5
        assert renamed and all(r.old is None for r in renamed)


def test_a_notebook_with_good_ids_is_read_as_nbformat_reads_it(tmp_path: Path) -> None:
    path = support.PROJECT / "notebooks" / "00_overview.ipynb"
    nb, renamed = cell_ids.read(path)
    assert renamed == []
    assert nb == nbformat.read(path, as_version=4)


def test_strict_mode_names_each_cell() -> None:
    notebook = _notebook(["a", "b", "a"])
    notebook["cells"][2]["source"] = "total = 3\nmore\n"
    with pytest.raises(cell_ids.CellIdError) as caught:
        cell_ids.reads(json.dumps(notebook), "notebooks/x.ipynb", strict=True)
    message = str(caught.value)
    assert message.startswith("notebooks/x.ipynb: cell 3 ('total = 3') repeats the id 'a'")
    assert "unique in the notebook" in message
    assert cell_ids.reads(json.dumps(_notebook(["a", "b"])), strict=True)[1] == []


@pytest.mark.parametrize("bad", ["", "has space", "x" * 65, 7])
def test_an_invalid_id_is_refused_with_the_fix(bad) -> None:
    with pytest.raises(cell_ids.CellIdError, match="cell 2 .* has the id .*correct it"):
        cell_ids.reads(json.dumps(_notebook(["a", bad])), "n.ipynb")


def test_text_that_is_not_a_notebook_is_named() -> None:
    with pytest.raises(cell_ids.CellIdError, match="broken.ipynb: not a notebook"):
        cell_ids.reads("{", "broken.ipynb")


def test_a_notebook_read_by_papermill_gets_the_stable_ids_back(tmp_path: Path) -> None:
    from papermill.iorw import load_notebook_node

    path = _write(tmp_path, _notebook(["a", "a", "b", "a"]))
    expected = _ids(cell_ids.read(path)[0])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nb = load_notebook_node(str(path))
    assert _ids(nb) != expected  # papermill alone gives random ids to the repeats
    renamed = cell_ids.restore(nb, path)
    assert _ids(nb) == expected and [r.index for r in renamed] == [1, 3]
    assert nb.cells[0].metadata["tags"] == []  # papermill's own additions are kept
    nb.cells.pop()
    with pytest.raises(cell_ids.CellIdError, match="3 cells read, but the file has 4"):
        cell_ids.restore(nb, path)


def test_the_course_copies_a_master_with_stable_ids(tmp_path: Path) -> None:
    """The course's release copies the master (``_copy_source``): twice, the same ids."""
    from diaspora_helpers.publish.course import workflow

    master = _write(tmp_path, _notebook(["a", "a", "b"]), "master_1_x.ipynb")
    first, second = tmp_path / "one.ipynb", tmp_path / "two.ipynb"
    workflow._copy_source(master, first, {})
    workflow._copy_source(master, second, {})
    assert first.read_bytes() == second.read_bytes()
    assert len({cell["id"] for cell in json.loads(first.read_text())["cells"]}) == 3


def test_normalise_gives_a_notebook_read_by_nbformat_the_stable_ids(tmp_path: Path) -> None:
    """The executor reads with nbformat, then normalises (execute.normalise_ids)."""
    path = _write(tmp_path, _notebook(["a", "b", "a"]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        first = cell_ids.normalise(nbformat.read(path, as_version=4), path)
        second = cell_ids.normalise(nbformat.read(path, as_version=4), path)
    assert _ids(first) == _ids(second) == _ids(cell_ids.read(path)[0])
