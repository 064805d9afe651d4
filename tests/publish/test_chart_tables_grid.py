"""The coverage grid's data table (page 04) shows all its constraints, headed as the chart
heads them, and its cells in words (issue 25, a phone reader at c1ab18f): the five
constraints no strategy addresses, all zeros, were dropped as "repeats" of one another,
the cells read 0/1/2 and the headers were not the chart's labels."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd
import pytest
from chart_table_support import shown_table

from diaspora_helpers.charts import files
from diaspora_helpers.publish.site import chart_tables

DATA = Path(__file__).resolve().parents[2] / "data"


def _short_labels(language: str) -> dict[str, str]:
    """Each constraint's short label as data/ (data/fr/ in French) writes it."""
    folder = DATA if language == "en" else DATA / language
    with (folder / "constraints.csv").open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row["short_label"] for row in csv.DictReader(handle)}


def _table(folder: Path, language: str) -> tuple[list[str], list[list[str]]]:
    ids = list(_short_labels("en"))
    grid = pd.DataFrame(0, index=["one", "two"], columns=ids)
    grid.loc["one", ids[0]] = 2
    grid.loc["two", ids[1]] = 1
    grid.loc["two", ids[0]] = 2
    data = grid.rename_axis("strategy").reset_index()
    return shown_table(folder, "coverage_matrix", data, language)


@pytest.mark.parametrize(
    ("language", "direct", "partial"), [("en", "direct", "partial"), ("fr", "directe", "partielle")]
)
def test_every_constraint_shows_under_the_charts_label_with_words(
    tmp_path: Path, language: str, direct: str, partial: str
) -> None:
    heads, rows = _table(tmp_path, language)
    labels = _short_labels(language)
    ids = list(_short_labels("en"))
    assert heads[1:] == [labels[i] for i in ids]  # all 14, the all-zero ones too
    assert rows[0][1:] == [direct] + ["–"] * (len(ids) - 1)
    assert rows[1][1:3] == [direct, partial]
    assert not any(cell in ("0", "1", "2") for row in rows for cell in row)


def test_a_declared_alias_is_still_shown_once(tmp_path: Path) -> None:
    """Only a column declared to measure what another does is dropped as a repeat."""
    data = pd.DataFrame(
        {"year": [2009], "population": [13_900_000], "world_bank_estimate": [13_900_000]}
    )
    data["other_count"] = data["population"]  # equal values, not a declared alias
    files.write_chart_data(data, tmp_path / "c.csv", ("T", "S", "Source: X"))
    markup = chart_tables.data_table(tmp_path, "c", "en")
    heads = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', markup)
    assert heads == ["Year", "Population", "Other count"]
