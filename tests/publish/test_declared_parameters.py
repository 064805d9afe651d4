"""The runner's reading of a notebook's parameters (``selection.declared_parameters``) gives
what ``papermill.inspect_notebook`` gives, for every stored notebook of both editions and
for notebooks without a parameters cell; a file that is not a notebook is refused with one
message naming it."""

from __future__ import annotations

from pathlib import Path

import diaspora_test_support as support
import nbformat
import papermill
import pytest

from diaspora_helpers.publish.execution.selection import RunError, declared_parameters

STORED = sorted((support.PROJECT / "notebooks").rglob("*.ipynb"))


def test_every_stored_notebook_reads_as_papermill_reads_it() -> None:
    assert len(STORED) >= 30
    for path in STORED:
        assert declared_parameters(path) == papermill.inspect_notebook(str(path)), path.name


def test_a_notebook_without_parameters_declares_none(tmp_path: Path) -> None:
    path = tmp_path / "plain.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")]), path)
    assert declared_parameters(path) == papermill.inspect_notebook(str(path)) == {}


@pytest.mark.parametrize("text", ["{ not json", '{"a": 1}', '{"cells": [1]}'])
def test_a_file_that_is_not_a_notebook_is_named(tmp_path: Path, text: str) -> None:
    path = tmp_path / "broken.ipynb"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RunError, match="cannot read notebook .*broken.ipynb"):
        declared_parameters(path)
