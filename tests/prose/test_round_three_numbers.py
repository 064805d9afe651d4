"""Issue 23: numbers and wording of the narrative that a fact-check found wrong.

Each expected value is computed here from the CSV files, independently of the analysis code.
"""

from __future__ import annotations

import csv
from pathlib import Path

from diaspora_helpers import prose, text
from diaspora_helpers.analysis import remittances

DATA = Path(__file__).resolve().parents[2] / "data"


def _rows(table: str) -> list[dict[str, str]]:
    with open(DATA / f"{table}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_top_two_senders_share_is_computed_from_unrounded_values():
    money = [
        r
        for r in _rows("wb_bilateral_2017")
        if r["table"] == "remittances_usd_millions" and r["direction"] == "into_mali"
    ]
    world = next(float(r["value"]) for r in money if r["partner_kind"] == "world")
    values = sorted(float(r["value"]) for r in money if r["partner_kind"] == "country")
    expected = f"{100 * (values[-1] + values[-2]) / world:.1f}%"
    senders = remittances.bilateral_into_mali()
    wb_2017 = remittances.value_in(remittances.mali_series(), 2017, "remittances_usd")
    said = prose.remittances.bilateral(senders, wb_2017).text
    assert f"together send {expected} of the USD" in said
    assert expected == "45.7%"  # the fact-check's figure; the old code said 45.8%
    assert text.percent(100 * (values[-1] + values[-2]) / world) == expected
