"""Issue 24, second francophone reading: exercises answerable from the page as the student
sees it, in both editions. Expected values are read here from ``data/`` directly."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from diaspora_helpers import setup
from diaspora_helpers.exercises import session4_policy

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
FOLDERS = {"en": ROOT / "notebooks", "fr": ROOT / "notebooks" / "fr"}


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    setup(language="en")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _markdown(notebook: Path) -> str:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def _exercise(notebook: Path, number: str) -> str:
    """The Markdown of exercise ``number``, up to the next exercise heading."""
    text = _markdown(notebook)
    start = next(i for i, line in enumerate(text.splitlines()) if number in line and "#" in line)
    lines = text.splitlines()[start:]
    end = next((i for i, line in enumerate(lines[1:], 1) if line.startswith("## ")), len(lines))
    return "\n".join(lines[:end])


@pytest.mark.parametrize("language", ["en", "fr"])
def test_exercise_4_6_is_answered_with_the_names_the_matrix_rows_show(language):
    """No table on the page shows the ids of the strategies 4.6 asks for; the question says
    the names of the matrix's rows are accepted, and they are."""
    linked = {row["strategy_id"] for row in _rows(DATA / "strategy_constraint_links.csv")}
    folder = DATA if language == "en" else DATA / language
    labels = {row["id"]: row["label"] for row in _rows(folder / "strategies.csv")}
    unlinked = sorted(set(labels) - linked)
    assert unlinked
    setup(language=language)
    verdict = session4_policy.check_strategies_without_constraint([labels[i] for i in unlinked])
    assert verdict.correct, str(verdict)
    for kind in ("master_4_policy", "exercises_4_policy"):
        question = _exercise(FOLDERS[language] / f"{kind}.ipynb", "4.6")
        said = "names each strategy" if language == "en" else "nomme chaque stratégie"
        assert said in " ".join(question.split()), question


def _first_code_after(notebook: Path, number: str) -> str:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    start = next(
        i
        for i, c in enumerate(cells)
        if c["cell_type"] == "markdown"
        and "".join(c["source"]).startswith("## ")
        and number in "".join(c["source"]).splitlines()[0]
    )
    return next("".join(c["source"]) for c in cells[start:] if c["cell_type"] == "code")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_exercise_3_5_is_answered_from_the_table_the_page_shows(language):
    """The table of 3.5 shows the cost with the two decimals the question asks for: the gap a
    student reads off it for 2020 (the default focus year) against the 3% target is right."""
    from diaspora_helpers import tables
    from diaspora_helpers.analysis import remittances
    from diaspora_helpers.exercises import session3_remittances

    setup(language=language)
    for kind in ("master_3_remittances", "exercises_3_remittances"):
        code = _first_code_after(FOLDERS[language] / f"{kind}.ipynb", "3.5")
        shown = str(eval(code, {"tables": tables, "remittances": remittances}))  # noqa: S307
        row = next(line for line in shown.splitlines() if line.split()[:1] == ["2020"])
        value = float(row.split()[-1].replace(",", "."))
        assert len(row.split()[-1].split(",")[-1].split(".")[-1]) == 2, row
        verdict = session3_remittances.check_cost_gap(
            round(value - 3.0, 2), focus_year=2020, target_cost_pct=3.0
        )
        assert verdict.correct, (kind, row, str(verdict))


def _code_cells_of(notebook: Path, number: str) -> list[str]:
    """The code of exercise ``number``'s cells outside its solution, as a student sees it."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    out, inside = [], False
    for cell in cells:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and source.startswith("## "):
            inside = number in source.splitlines()[0]
        elif inside and cell["cell_type"] == "code" and "BEGIN SOLUTION" not in source:
            out.append(source)
    return out


@pytest.mark.parametrize("language", ["en", "fr"])
def test_exercise_5_4_shows_every_table_it_loads(language):
    """5.4 loads the stated totals (``tokten_totals``) the student subtracts: the page shows
    them too, in the master and in the student notebook."""
    import re

    for kind in ("master_5_source_criticism", "exercises_5_source_criticism"):
        code = "\n".join(_code_cells_of(FOLDERS[language] / f"{kind}.ipynb", "5.4"))
        loaded = re.findall(r"^(\w+) = load\(", code, re.M)
        assert "stated" in loaded, code
        shown = re.findall(r"tables\.show\((\w+)", code)
        assert set(loaded) <= set(shown), (kind, loaded, shown)
