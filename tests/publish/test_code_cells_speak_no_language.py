"""The notebooks' code cells carry no display words (issue 24): the code cells are the same
in both editions, so an English header, title or description typed in one would reach the
French reader. Headers come from the column names through the labels catalog or from the
analysis's record (``i18n.with_headers``), the words of a list parameter's rule from a key
of ``params.LIST_ITEMS``.

Read from every code cell of every notebook (topic, master and student, both editions),
with an AST walk: a dict of headers passed as ``columns=``, a ``what=`` that is no key, or
any string literal written as words (``"Kind of count"``, ``f"Surveys above {x}%"``)
fails, with the notebook and cell named.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from diaspora_helpers import params

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted(
    (ROOT / "notebooks" / "fr").glob("*.ipynb")
)
#: Keywords whose string value a reader sees (a table's headers, a rule's words, a title).
DISPLAY_KEYWORDS = frozenset({"what", "caption", "title", "subtitle", "missing", "label"})
#: Words as a reader reads them: two words in a row, or a capitalised word ("Persons").
_WORDS = re.compile(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}|^[A-Z][a-z]{2,}")


def _python(source: str) -> str:
    """The cell's source with IPython's magics and shell lines blanked (not Python)."""
    return "\n".join(
        "" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()
    )


def _literal_text(node: ast.AST) -> str | None:
    """The text of a string literal or an f-string's literal parts; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return " {} ".join(
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
    return None


def display_words(source: str) -> list[str]:
    """Return what in a code cell's ``source`` is display text written in the code."""
    found = []
    for node in ast.walk(ast.parse(_python(source))):
        if isinstance(node, ast.keyword) and node.arg == "columns":
            if isinstance(node.value, ast.Dict):
                found.append(f"columns={{...}} headers: {ast.unparse(node.value)[:80]}")
        if isinstance(node, ast.keyword) and node.arg in DISPLAY_KEYWORDS:
            value = _literal_text(node.value)
            if value is not None and not (node.arg == "what" and value in params.LIST_ITEMS):
                found.append(f"{node.arg}={value!r}")
        value = _literal_text(node)
        if value is not None and _WORDS.search(value):
            found.append(repr(value))
    return found


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        ('show(t, columns={"count": "Kind of count"})', True),
        ('show(t, columns={"count": label})', True),  # headers belong to the analysis
        ('show(t, columns=["count", "persons"])', False),
        ('check_choices("peers", p, c, what="ISO alpha-3 codes")', True),
        ('check_choices("peers", p, c, what="countries")', True),  # no key: words
        ('check_choices("peers", p, c, what="iso3")', False),
        ('show(t, caption=f"Surveys above {x:g}%")', True),
        ('show(t, caption="Persons")', True),
        ('x = "Persons"', True),
        ('load("un_migrant_stock_mali"); entries("constraints:"); convert(v, "XOF", "USD")', False),
        ("%matplotlib inline\nx = 1", False),
    ],
)
def test_the_check_sees_display_words(source, caught):
    assert bool(display_words(source)) is caught


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT / "notebooks")))
def test_no_code_cell_writes_display_words(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    found = [
        f"cell {i}: {what}"
        for i, cell in enumerate(cells)
        if cell["cell_type"] == "code"
        for what in display_words("".join(cell["source"]))
    ]
    assert not found, (
        f"{path.name} writes words a reader sees in its code (the same in both editions): "
        f"{found}; record the header in the analysis (i18n.with_headers) or name the column "
        "for its label, and pass what= a key of params.LIST_ITEMS"
    )
