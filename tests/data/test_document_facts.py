"""Issue 13, item 7: facts of the source document that the tables did not hold yet."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

DATA = Path(__file__).resolve().parents[2] / "data"
SECTIONS = {"intro", "1.1", "1.2", "1.3", "2", "3", "4", "5", "5.1", "5.2", "5.3"}
SECTIONS |= {"6", "6.1", "6.2", "7", "conclusion"}
NEW_TABLES = ["legal_provisions", "regions_mentioned"]


def table(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)


@pytest.mark.parametrize("name", NEW_TABLES)
def test_new_tables_are_described_and_cite_sections(name):
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    desc = next(r for r in package["resources"] if r["name"] == name)
    for key in ("title", "description", "sources", "licenses"):
        assert desc[key], key
    df = table(name)
    assert [f["name"] for f in desc["schema"]["fields"]] == list(df.columns)
    assert df["id"].is_unique and len(df) > 0
    assert set(df["section"]) <= SECTIONS and (df["section"] != "").all()


def test_emdk_has_its_charter_of_common_values():
    roles = table("institution_roles")
    emdk = roles[(roles["institution_id"] == "emdk") & (roles["section"] == "2")]
    assert emdk["label"].str.contains("charter").any()


def test_kayes_emigration_to_central_and_southern_africa_is_held():
    regions = table("regions_mentioned").set_index("region")
    for region in ("Central Africa", "Southern Africa"):
        assert (regions.at[region, "role"], regions.at[region, "section"]) == (
            "kayes_destination",
            "2",
        )
    assert "Kayes region" in regions.index


def test_the_kayes_destinations_are_audited_against_the_emdk_members():
    row = table("source_audit").set_index("id").loc["kayes_destinations"]
    assert "Central and Southern Africa" in row["claim_a"]
    assert "Côte d'Ivoire" in row["claim_b"] and "West Africa" in row["problem"]
    assert "countries_mentioned:civ_emdk_associations" in row["affects"]


def _provisions(legal_id: str) -> str:
    rules = table("legal_provisions")
    return " ".join(rules.loc[rules["legal_id"] == legal_id, "provision"]).lower()


def test_the_land_rules_of_section_5_2():
    land = _provisions("land_code_2000")
    assert "titles" in land and "malian individuals and malian companies" in land
    assert "50 years" in land and "renewed" in land
    assert "foreign as well as domestic investors" in land
    assert "bought or rented" in land and "allocated by the state" in land
    legal = table("legal_framework").set_index("id")
    assert legal.at["land_code_2000", "domain"] == "land"


def test_nationality_brings_the_vote():
    rules = table("legal_provisions")
    vote = rules[rules["provision"].str.contains("vote")]
    assert len(vote) == 1
    legal = table("legal_framework").set_index("id")
    assert legal.at[vote["legal_id"].iloc[0], "domain"] == "citizenship"
    assert vote["section"].iloc[0] == "5.2"


def test_every_provision_belongs_to_a_legal_text():
    rules = table("legal_provisions")
    assert set(rules["legal_id"]) <= set(table("legal_framework")["id"])


def test_anpe_is_a_public_administrative_body():
    anpe = table("institutions").set_index("id").loc["anpe"]
    for words in ("EPA", "financial autonomy", "legal personality"):
        assert words in anpe["legal_basis"], words
    assert anpe["section"] == "5.1"
