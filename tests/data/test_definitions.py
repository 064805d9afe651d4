"""Issue 13, item 2: one definition for every dataset, indicator and count the tables hold."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[2] / "data"


def table(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)


def definitions() -> pd.DataFrame:
    return table("definitions").set_index("id")


def test_every_definition_has_a_page_unless_none_exists():
    defs = definitions()
    with_page = defs[defs["url_kind"] != "none"]
    assert with_page["url"].str.match(r"https?://").all()
    no_page = defs[defs["url_kind"] == "none"]
    assert list(no_page.index) == ["administrative_sources"]
    assert (no_page["url"] == "").all() and no_page["note"].str.lower().str.contains(
        "no page"
    ).all()


def test_every_indicator_code_the_tables_hold_is_defined():
    codes = set(definitions()["code"])
    held = set(table("wdi_indicators")["indicator_code"])
    held |= set(table("wdi_2022_vintage")["indicator_code"])
    held |= set(table("rpw_corridor_costs")["series"])
    held |= set(table("sdg_targets")["indicator"])
    assert held <= codes, sorted(held - codes)


def test_the_sources_of_the_counts_are_defined():
    ids = set(definitions().index)
    assert set(table("malians_abroad_other_counts")["source_id"]) <= {
        "race_2001",
        "iom_profile_2009",
        "minister_2024",
    }
    assert {"race_2001", "iom_profile_2009", "minister_statement_2024"} <= ids
    named = {"RGPH 2009": "rgph_census", "administrative sources": "administrative_sources"}
    named["BCEAO 2012"] = "bceao_remittances"
    sources = set(table("key_figures")["original_source"]) - {""}
    assert sources == set(named)
    defs = definitions()
    for source, key in named.items():
        assert "key_figures" in defs.at[key, "used_in"], source
        assert defs.at[key, "document_section"] == "1.1"


def test_used_in_names_tables_of_the_package():
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    names = {r["name"] for r in package["resources"]}
    for key, used in definitions()["used_in"].items():
        tables = [t.strip() for t in used.split(";")]
        assert tables and set(tables) <= names, key


def test_what_each_counts_keeps_people_money_and_prices_apart():
    defs = definitions()
    assert set(defs["counts"]) == {"persons", "flows", "price"}
    assert defs.at["un_desa_migrant_stock", "counts"] == "persons"
    assert defs.at["wdi_bx_trf_pwkr_cd_dt", "counts"] == "flows"
    assert defs.at["wdi_si_rmt_cost_ib_zs", "counts"] == "price"
    assert defs.at["rpw_atcr_corr", "counts"] == "price"
    un = defs.at["un_desa_migrant_stock", "definition"]
    for word in ("born", "citizenship", "refugees"):
        assert word in un, word


def test_world_bank_indicators_point_at_their_own_page():
    defs = definitions()
    wdi = defs[defs.index.str.startswith("wdi_")]
    assert len(wdi) == 8
    for key, row in wdi.iterrows():
        assert row["url"] == f"https://data.worldbank.org/indicator/{row['code']}", key
