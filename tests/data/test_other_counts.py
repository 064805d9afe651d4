"""Issue 13, item 9: other counts of Malians abroad (RACE 2001, IOM 2009, a 2024 statement)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
TABLE = "malians_abroad_other_counts"


def counts() -> pd.DataFrame:
    return pd.read_csv(DATA / f"{TABLE}.csv", dtype=str, keep_default_na=False)


def race() -> pd.DataFrame:
    table = counts()
    return table[table["source_id"] == "race_2001"].set_index("place")


def test_race_regions_add_up_to_the_total_and_rows_to_their_region():
    # The provenance says the five regions add up to 924,497 and Africa's six rows to 745,503.
    rows = race()
    persons = rows["persons"].astype(int)
    assert persons["Total"] == 924_497
    regions = rows[rows["parent"] == "Total"]
    assert len(regions) == 5
    assert persons[regions.index].sum() == persons["Total"]
    for region in regions.index:
        members = rows[rows["parent"] == region]
        if len(members):
            assert persons[members.index].sum() == persons[region], region
    assert len(rows[rows["parent"] == "African countries"]) == 6
    assert persons["African countries"] == 745_503


def test_race_shares_recompute_from_the_counts():
    rows = race()
    total = int(rows.at["Total", "persons"])
    for place, row in rows.iterrows():
        share = 100 * int(row["persons"]) / total
        assert abs(share - float(row["share_of_total_pct"])) <= 0.051, place


def test_destination_censuses_sit_beside_the_register():
    rows = race()
    civ = rows.loc["Cote d'Ivoire"]
    assert (civ["iso3"], civ["persons"]) == ("CIV", "523231")
    assert (civ["destination_census_persons"], civ["destination_census_year"]) == (
        "792258",
        "1998",
    )
    with_census = rows[rows["destination_census_persons"] != ""]
    assert (with_census["destination_census_year"] != "").all()
    groups = rows[rows["place_kind"] == "country_group"]
    assert set(groups["members_iso3"]) == {"SEN; GMB; CPV", "FRA; ESP; PRT"}


def test_each_source_says_what_kind_of_count_it_is():
    table = counts()
    kinds = table.groupby("source_id")["count_kind"].unique().map(list).to_dict()
    assert kinds == {
        "race_2001": ["electoral_register"],
        "iom_profile_2009": ["census_round_estimate"],
        "minister_2024": ["statement"],
    }
    totals = table[table["place"] == "Total"].set_index("source_id")
    assert totals.loc["iom_profile_2009", ["persons", "qualifier", "reference_year"]].tolist() == [
        "1500000",
        "more_than",
        "2000",
    ]
    assert totals.loc["minister_2024", ["persons", "qualifier", "reference_year"]].tolist() == [
        "6000000",
        "approximate",
        "2024",
    ]


def test_iom_shares_are_kept_without_inventing_counts():
    table = counts()
    iom = table[(table["source_id"] == "iom_profile_2009") & (table["place"] != "Total")]
    assert dict(zip(iom["iso3"], iom["share_of_total_pct"].astype(float), strict=True)) == {
        "CIV": 32,
        "BFA": 28,
        "GIN": 10,
        "NGA": 6,
        "GHA": 5,
    }
    assert (iom["persons"] == "").all(), "no count can be derived from a lower bound"


def test_every_row_is_cited_and_judged():
    table = counts()
    for column in ("citation", "source_url", "reliability", "publisher", "relayed_by"):
        assert (table[column] != "").all(), column
    assert table["source_url"].str.startswith("https://").all()
    statement = table[table["source_id"] == "minister_2024"]["reliability"].iloc[0]
    assert "no source" in statement


def test_the_descriptor_says_the_table_is_built_not_typed():
    desc = json.loads((DATA / "build" / "resources" / f"{TABLE}.json").read_text("utf-8"))
    derivation = desc["derived_from"][0]
    assert derivation["paths"] == ["other_counts_and_texts/malians_abroad_other_counts.csv"]
    assert "build_reference.py" in derivation["note"]


# The build script that writes this table from the reference copy is run, and its output
# compared byte for byte, by tests/data/test_data_reference.py (with every other built table).
