"""Issue 23, row 13: the overview does not deny the census count notebook 01 uses."""

from __future__ import annotations

import csv
from pathlib import Path

from diaspora_helpers import prose
from diaspora_helpers.analysis import key_figures

DATA = Path(__file__).resolve().parents[2] / "data"


def test_kinds_of_estimate_says_mali_s_censuses_count_residents_only():
    said = prose.overview.kinds_of_estimate(key_figures.key_figures()).text
    assert "found no census count of Malians abroad" not in said
    assert "Mali's censuses count only the people resident in Mali" in said
    with open(DATA / "malians_abroad_other_counts.csv", encoding="utf-8", newline="") as handle:
        civ = [r for r in csv.DictReader(handle) if r["iso3"] == "CIV"]
    assert any(r["destination_census_persons"] for r in civ), (
        "the census notebook 01 cites is in data/"
    )
