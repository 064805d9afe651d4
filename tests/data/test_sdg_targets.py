"""Issue 13, item 1: the SDG 10.c thresholds as data."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[2] / "data"
METADATA_PAGE = "https://unstats.un.org/sdgs/metadata/?Text=&Goal=10&Target=10.c"


def table(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)


def test_exactly_one_average_target_of_3_and_one_corridor_ceiling_of_5():
    targets = table("sdg_targets")
    assert sorted(targets["applies_to"]) == ["average", "corridor"]
    by_scope = targets.set_index("applies_to")
    assert float(by_scope.at["average", "value_pct"]) == 3
    assert by_scope.at["average", "comparison"] == "below"
    assert float(by_scope.at["corridor", "value_pct"]) == 5
    assert by_scope.at["corridor", "comparison"] == "not_above"


def test_both_thresholds_share_the_measure_the_deadline_and_the_source():
    targets = table("sdg_targets")
    assert set(targets["target"]) == {"10.c"} and set(targets["indicator"]) == {"10.c.1"}
    assert set(targets["amount_usd"]) == {"200"} and set(targets["due_year"]) == {"2030"}
    assert set(targets["source_url"]) == {METADATA_PAGE}
    assert targets["measure"].str.contains("percentage of the amount sent").all()


def test_each_threshold_points_at_a_cost_series_the_package_holds():
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    names = {r["name"] for r in package["resources"]}
    assert "sdg_targets" in names
    for row in table("sdg_targets").itertuples():
        assert row.compare_with_table in names
        held = table(row.compare_with_table)
        code = "indicator_code" if "indicator_code" in held.columns else "series"
        assert (held[code] == row.compare_with_series).any(), row.id


def _meets(cost: float, row: pd.Series) -> bool:
    threshold = float(row["value_pct"])
    return cost < threshold if row["comparison"] == "below" else cost <= threshold


def test_the_thresholds_read_the_way_the_target_is_worded():
    rows = table("sdg_targets").set_index("applies_to")
    average, corridor = rows.loc["average"], rows.loc["corridor"]
    assert not _meets(3.0, average) and _meets(2.99, average)
    assert _meets(5.0, corridor) and not _meets(5.01, corridor)
    # France -> Mali in 2020Q3 (3.94%) is under the corridor ceiling but above the 3% bar.
    rpw = table("rpw_corridor_costs")
    cell = rpw[(rpw["sending_iso3"] == "FRA") & (rpw["receiving_iso3"] == "MLI")]
    cost = float(cell.set_index("period").at["2020Q3", "cost_pct"])
    assert _meets(cost, corridor) and not _meets(cost, average)
