"""No table a reader sees holds a code, a Python value or a pandas repr, in either edition.

Read from the stored outputs of every notebook of ``notebooks/`` and ``notebooks/fr/``
(topic notebooks, exercises and masters): each HTML table's cells, and every plain-text
output. A cell may not be

- ``True``/``False`` (a yes/no column reads Yes/No, Oui/Non);
- a snake_case code (``law_policy``), unless its column is headed as a code column (an id
  a student types, shown beside its label: "ID", "… (code)");
- a code of the package's vocabularies whose words, in that edition, are other than the
  code (``partial`` in French, ``central_bank`` in English);

and no output may hold a pandas repr (``Name: …, dtype: int64``).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

import diaspora_helpers
from diaspora_helpers import i18n
from diaspora_helpers.analysis import (
    counts,
    demography,
    institutions,
    key_figures,
    legal,
    policy,
    targets,
    timeline,
    tokten,
)
from diaspora_helpers.data import units

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
SNAKE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")
PANDAS_REPR = re.compile(r"^Name: .*, dtype: \w+$|^dtype: \w+$", re.MULTILINE)
#: Headers of the columns that show codes on purpose (ids beside their labels).
CODE_HEADER = re.compile(r"\bID\b|\(code\)|identifiant|^Id$|Code", re.IGNORECASE)
VOCABULARIES = (
    counts.QUALIFIERS,
    demography.REGION_WORDS,
    institutions.FIGURE_WORDS,
    key_figures.KIND_NAMES,
    key_figures.PLACES,
    key_figures.HOW_OBTAINED,
    legal.DOMAINS,
    policy.CODE_WORDS,
    targets.CODE_WORDS,
    timeline.KIND_LABELS,
    tokten.WORDS,
    tokten.SOURCE_WORDS,
    units.UNIT_WORDS,
)


def _notebooks(edition: str) -> list[Path]:
    folder = NOTEBOOKS if edition == "en" else NOTEBOOKS / edition
    return sorted(folder.glob("*.ipynb"))


def _codes_unlike_their_words(edition: str) -> set[str]:
    """Return the vocabulary codes that read as something else in ``edition``."""
    diaspora_helpers.setup(language=edition)
    return {code for words in VOCABULARIES for code in words if i18n.word(code, words) != code}


def _tables(source: str) -> list[tuple[list[str], list[list[str]]]]:
    """Return each HTML table of ``source`` as (headers, rows of cell texts)."""

    def text(fragment: str) -> str:
        return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()

    found = []
    for table in re.findall(r"<table.*?</table>", source, re.DOTALL):
        headers = [text(h) for h in re.findall(r"<th[^>]*>(.*?)</th>", table, re.DOTALL)]
        rows = [
            [text(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.DOTALL)
        ]
        found.append((headers, [r for r in rows if r]))
    return found


def _problems(path: Path, codes: set[str]) -> list[str]:
    found = []
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for number, cell in enumerate(notebook["cells"]):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            plain = "".join(data.get("text/plain", "")) + "".join(output.get("text", ""))
            where = f"{path.parent.name}/{path.name} cell {number}"
            if PANDAS_REPR.search(plain):
                found.append(f"{where}: a pandas repr: {plain.strip()[-60:]!r}")
            for headers, rows in _tables("".join(data.get("text/html", ""))):
                # The last headers name the columns (a caption or an index row may precede).
                names = headers[-len(rows[0]) :] if rows and len(headers) >= len(rows[0]) else []
                for row in rows:
                    for j, cell_text in enumerate(row):
                        header = names[j] if j < len(names) else ""
                        if CODE_HEADER.search(header):
                            continue
                        if cell_text in ("True", "False"):
                            found.append(f"{where}: {header!r} shows {cell_text}")
                        elif SNAKE.fullmatch(cell_text) or cell_text in codes:
                            found.append(f"{where}: {header!r} shows the code {cell_text!r}")
    return found


@pytest.mark.parametrize("edition", ["en", "fr"])
def test_no_table_shows_a_code_a_python_value_or_a_pandas_repr(edition: str) -> None:
    codes = _codes_unlike_their_words(edition)
    problems = [p for path in _notebooks(edition) for p in _problems(path, codes)]
    assert problems == [], "\n".join(sorted(set(problems))[:40])


def test_the_check_finds_what_it_looks_for(tmp_path: Path) -> None:
    shown = (
        "<table><tr><th>Kind</th><th>Agrees</th><th>ID</th></tr>"
        "<tr><td>law_policy</td><td>True</td><td>land_code_2000</td></tr>"
        "<tr><td>partial</td><td>Yes</td><td>x</td></tr></table>"
    )
    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "outputs": [
                    {"data": {"text/html": shown, "text/plain": "a  1\nName: x, dtype: int64"}}
                ],
            }
        ]
    }
    path = tmp_path / "probe.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    found = _problems(path, {"partial"})
    assert len(found) == 4, found
    assert not any("land_code_2000" in p for p in found)  # an ID column may show ids
