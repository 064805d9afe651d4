"""The French edition keeps in step with the English one, notebook for notebook.

For every notebook of ``notebooks/`` (topic notebooks, exercise sessions and their masters)
there is a French twin of the same name in ``notebooks/fr/``, and the two have:

- the same code cells, in the same order, apart from the edition's language line
  (``setup(language="en")`` / ``setup(language="fr")``) and the comments of the
  ``parameters`` cell, which carry each edition's ``papermill --help-notebook`` text;
- hence the same parameters, with the same types and defaults;
- the same outputs, cell for cell: as many figures, tables and sentences, of the same
  kinds (a table has as many rows in both);
- their own narrative: no Markdown cell of the French notebook repeats the English one.
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
FRENCH = NOTEBOOKS / "fr"
LANGUAGE_LINE = re.compile(r'^\s*setup\(language="(en|fr)"\)\s*$', re.M)
ENGLISH = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))


def _without_comments(source: str) -> str:
    """Return Python source with its comments removed and its lines right-stripped."""
    tokens = [
        t
        for t in tokenize.generate_tokens(io.StringIO(source).readline)
        if t.type != tokenize.COMMENT
    ]
    return "\n".join(line.rstrip() for line in tokenize.untokenize(tokens).splitlines())


def _code(cell: nbformat.NotebookNode) -> str:
    source = LANGUAGE_LINE.sub("", cell.source)
    if "parameters" in cell.metadata.get("tags", []):
        source = _without_comments(source)
    return source.strip()


def _shape(cell: nbformat.NotebookNode) -> list[tuple[str, ...]]:
    """What a code cell shows: per output, its type, its kinds of data, and the number of
    lines of its plain text when it is a table."""
    shown = []
    for output in cell.get("outputs", []):
        kinds = tuple(sorted(output.get("data", {})))
        lines = ""
        if "text/html" in kinds and "<table" in str(output["data"]["text/html"]):
            lines = str(str(output["data"].get("text/plain", "")).count("\n"))
        shown.append((output["output_type"], *kinds, lines))
    return shown


def _pair(name: str) -> tuple[nbformat.NotebookNode, nbformat.NotebookNode]:
    english = nbformat.read(NOTEBOOKS / name, as_version=4)
    twin = FRENCH / name
    if not twin.exists():
        pytest.fail(f"notebooks/{name} has no French twin: write notebooks/fr/{name}")
    return english, nbformat.read(twin, as_version=4)


@pytest.mark.parametrize("name", ENGLISH)
def test_the_french_twin_has_the_same_code_cells(name):
    english, french = _pair(name)
    en = [_code(c) for c in english.cells if c.cell_type == "code"]
    fr = [_code(c) for c in french.cells if c.cell_type == "code"]
    assert fr == en
    languages = [LANGUAGE_LINE.findall(c.source) for c in french.cells if c.cell_type == "code"]
    assert sum(languages, []) == ["fr"], 'set the language once: setup(language="fr")'
    languages = [LANGUAGE_LINE.findall(c.source) for c in english.cells if c.cell_type == "code"]
    assert sum(languages, []) == ["en"], 'set the language once: setup(language="en")'


@pytest.mark.parametrize("name", ENGLISH)
def test_the_french_twin_shows_the_same_figures_tables_and_sentences(name):
    english, french = _pair(name)
    en = [_shape(c) for c in english.cells if c.cell_type == "code"]
    fr = [_shape(c) for c in french.cells if c.cell_type == "code"]
    assert fr == en


@pytest.mark.parametrize("name", ENGLISH)
def test_the_french_twin_has_its_own_narrative(name):
    english, french = _pair(name)
    en = {c.source.strip() for c in english.cells if c.cell_type == "markdown"}
    repeated = [
        c.source[:60]
        for c in french.cells
        if c.cell_type == "markdown" and c.source.strip() in en and len(c.source) > 40
    ]
    assert repeated == []


def test_every_french_notebook_has_an_english_twin():
    assert sorted(p.name for p in FRENCH.glob("*.ipynb") if p.name not in ENGLISH) == []
