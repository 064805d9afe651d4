"""The reference extracts in data/: totals add up, published shares are reproduced, codes resolve.

These tests read only the project's data/ folder. The last one reruns the build script when
the reference copies are present and checks it reproduces the committed tables byte for byte.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from frictionless import Resource

from diaspora_helpers.data.countries import is_valid_iso3

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
RESOURCES = DATA / "build" / "resources"
BUILD = DATA / "build" / "build_reference.py"
TABLES = [
    "un_migrant_stock_mali",
    "un_migrant_stock_totals",
    "wdi_indicators",
    "wdi_2022_vintage",
    "wb_bilateral_2017",
    "rpw_corridor_costs",
    "census_figures",
    "malians_abroad_other_counts",
]
PEERS = ["MLI", "SEN", "BFA", "NER", "CIV", "GIN", "MRT"]
FIELD_TYPES = {"string", "integer", "number", "boolean", "date", "year"}


def read(name: str) -> pd.DataFrame:
    """Read a table as plain pandas, blanks as missing values."""
    return pd.read_csv(DATA / f"{name}.csv")


def descriptor(name: str) -> dict:
    """Return the resource descriptor of a table."""
    return json.loads((RESOURCES / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def un() -> pd.DataFrame:
    return read("un_migrant_stock_mali")


@pytest.fixture(scope="module")
def wdi() -> pd.DataFrame:
    return read("wdi_indicators")


@pytest.fixture(scope="module")
def wb() -> pd.DataFrame:
    return read("wb_bilateral_2017")


def wdi_value(wdi: pd.DataFrame, iso3: str, code: str, year: int) -> float:
    row = wdi[(wdi.iso3 == iso3) & (wdi.indicator_code == code) & (wdi.year == year)]
    assert len(row) == 1, (iso3, code, year)
    return float(row.value.iloc[0])


# ----------------------------------------------------------------- descriptors


@pytest.mark.parametrize("name", TABLES)
def test_resource_validates(name: str) -> None:
    report = Resource.from_descriptor(descriptor(name), basepath=str(DATA)).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


@pytest.mark.parametrize("name", TABLES)
def test_descriptor_is_documented(name: str) -> None:
    desc = descriptor(name)
    assert desc["name"] == name and desc["path"] == f"{name}.csv"
    for key in ("title", "description", "publisher", "dataset", "vintage"):
        assert isinstance(desc[key], str) and desc[key].strip(), key
    assert desc["format"] == "csv" and desc["encoding"] == "utf-8"
    assert desc["mediatype"] == "text/csv"
    assert desc["indicator"] and desc["sources"] and desc["licenses"]
    assert all("paths" in d and "repository" in d for d in desc["derived_from"])
    assert len(desc["caveats"]) >= 3
    assert any("Units" in c for c in desc["caveats"])
    fields = desc["schema"]["fields"]
    assert {f["type"] for f in fields} <= FIELD_TYPES
    assert all(f.get("description") for f in fields)
    header = (DATA / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == [f["name"] for f in fields]
    assert set(desc["schema"]["primaryKey"]) <= {f["name"] for f in fields}


@pytest.mark.parametrize("name", TABLES)
def test_files_are_plain_utf8_with_lf(name: str) -> None:
    raw = (DATA / f"{name}.csv").read_bytes()
    assert b"\r" not in raw and not raw.startswith(b"\xef\xbb\xbf") and raw.endswith(b"\n")
    raw.decode("utf-8")


# ----------------------------------------------------------------- codes


@pytest.mark.parametrize(
    ("name", "column", "flag"),
    [
        ("un_migrant_stock_mali", "partner_iso3", "partner_is_aggregate"),
        ("un_migrant_stock_totals", "iso3", None),
        ("wdi_indicators", "iso3", "is_aggregate"),
        ("wdi_2022_vintage", "iso3", "is_aggregate"),
        ("wb_bilateral_2017", "partner_iso3", "is_aggregate"),
        ("rpw_corridor_costs", "sending_iso3", None),
        ("rpw_corridor_costs", "receiving_iso3", None),
    ],
)
def test_every_country_code_resolves(name: str, column: str, flag: str | None) -> None:
    table = read(name)
    countries = table[~table[flag]] if flag else table
    assert countries[column].notna().all(), f"{name}: a country row has no {column}"
    unknown = sorted(c for c in set(countries[column]) if not is_valid_iso3(c))
    assert not unknown
    if flag:  # aggregates carry no ISO code, or a World Bank aggregate code
        assert set(table[table[flag]][column].dropna()) <= {"SSF", "AFW", "WLD"}


# ----------------------------------------------------------------- UN DESA


def test_un_total_equals_sum_over_countries(un: pd.DataFrame) -> None:
    emigrants = un[un.direction == "emigrants"]
    countries = emigrants[emigrants.partner_kind == "country"]
    by_country = countries.groupby(["year", "sex"]).value.sum()
    world = emigrants[emigrants.partner_kind == "world"].set_index(["year", "sex"]).value
    pd.testing.assert_series_equal(by_country.sort_index(), world.sort_index(), check_names=False)
    assert len(world) == 7 * 3


def test_un_regions_are_sums_of_their_countries(un: pd.DataFrame) -> None:
    countries = un[un.partner_kind == "country"]
    regions = un[un.partner_kind == "region"]
    summed = countries.groupby(["direction", "year", "sex", "un_region"]).value.sum()
    stated = regions.set_index(["direction", "year", "sex", "partner_name"]).value
    stated.index = stated.index.set_names(summed.index.names)
    pd.testing.assert_series_equal(
        stated.sort_index(), summed.loc[stated.index].sort_index(), check_names=False
    )
    # Adding regions and countries together would double the total.
    emig = un[(un.direction == "emigrants") & (un.sex == "total") & (un.year == 2020)]
    assert emig[~emig.partner_is_aggregate].value.sum() == 1_303_511
    assert emig[emig.partner_kind == "region"].value.sum() == 1_303_511


def test_un_female_plus_male_equals_total(un: pd.DataFrame) -> None:
    wide = un.pivot_table(
        index=["direction", "year", "partner_name"], columns="sex", values="value", fill_value=0
    )
    assert (wide.female + wide.male == wide.total).all()


def test_un_mali_check_values(un: pd.DataFrame) -> None:
    total = un[(un.sex == "total")]
    world = total[(total.direction == "emigrants") & (total.partner_kind == "world")]
    assert dict(zip(world.year, world.value, strict=True)) == {
        1990: 647_426,
        1995: 820_564,
        2000: 772_866,
        2005: 895_360,
        2010: 994_832,
        2015: 1_228_544,
        2020: 1_303_511,
    }
    w2020 = un[(un.direction == "emigrants") & (un.year == 2020) & (un.partner_kind == "world")]
    assert dict(zip(w2020.sex, w2020.value, strict=True))["female"] == 561_454
    assert dict(zip(w2020.sex, w2020.value, strict=True))["male"] == 742_057
    dest = total[
        (total.direction == "emigrants") & (total.year == 2020) & (total.partner_kind == "country")
    ].nlargest(12, "value")
    assert list(zip(dest.partner_iso3, dest.value, strict=True)) == [
        ("CIV", 522_146),
        ("NGA", 172_481),
        ("MRT", 114_379),
        ("NER", 108_802),
        ("FRA", 86_437),
        ("GAB", 55_434),
        ("GIN", 45_192),
        ("BFA", 37_052),
        ("SEN", 35_360),
        ("COG", 33_696),
        ("ITA", 21_057),
        ("ESP", 18_734),
    ]
    regions = total[(total.year == 2020) & (total.partner_kind == "region")]
    by_region = dict(
        zip(regions.partner_name + "/" + regions.direction, regions.value, strict=True)
    )
    assert by_region["Sub-Saharan Africa/emigrants"] == 1_164_370
    assert by_region["Europe/emigrants"] == 133_190


def test_un_immigrants_include_unknown_origin(un: pd.DataFrame) -> None:
    imm = un[(un.direction == "immigrants") & (un.sex == "total") & (un.year == 2020)]
    assert imm[imm.partner_kind == "world"].value.item() == 485_829
    assert imm[imm.partner_kind == "country"].value.sum() == 462_961
    top = imm[imm.partner_kind == "country"].nlargest(2, "value")
    assert list(top.value) == [195_271, 62_291]


def test_un_totals_table_agrees_with_mali_world_rows(un: pd.DataFrame, wdi: pd.DataFrame) -> None:
    totals = read("un_migrant_stock_totals")
    assert sorted(totals.iso3.unique()) == sorted(PEERS)
    mali = totals[totals.iso3 == "MLI"].set_index(["direction", "year"]).value
    world_rows = un[(un.partner_kind == "world") & (un.sex == "total")]
    world = world_rows.set_index(["direction", "year"]).value
    pd.testing.assert_series_equal(mali.sort_index(), world.sort_index(), check_names=False)
    # WDI's immigrant stock follows a later UN revision that changed only Côte d'Ivoire here.
    stock = wdi[wdi.indicator_code == "SM.POP.TOTL"][["iso3", "year", "value"]]
    both = totals[totals.direction == "immigrants"].merge(stock, on=["iso3", "year"])
    differ = both[both.value_x != both.value_y]
    assert len(both) == 7 * 7 and set(differ.iso3) == {"CIV"}


# ----------------------------------------------------------------- WDI


def test_wdi_mali_check_values(wdi: pd.DataFrame) -> None:
    remit = "BX.TRF.PWKR.CD.DT"
    assert round(wdi_value(wdi, "MLI", remit, 2012)) == 827_417_012
    assert round(wdi_value(wdi, "MLI", remit, 1975)) == 23_307_043
    assert round(wdi_value(wdi, "MLI", remit, 2020)) == 997_137_084
    assert round(wdi_value(wdi, "MLI", remit, 2021)) == 1_131_458_580
    assert round(wdi_value(wdi, "MLI", "NY.GDP.MKTP.CD", 2020)) == 20_698_560_939
    assert wdi_value(wdi, "MLI", "SP.POP.TOTL", 2020) == 21_713_836
    assert round(wdi_value(wdi, "MLI", "PA.NUS.FCRF", 2000), 2) == 710.21
    assert round(wdi_value(wdi, "MLI", "PA.NUS.FCRF", 2020), 2) == 575.59
    assert wdi_value(wdi, "MLI", "SM.POP.NETM", 2020) == -14_962
    assert wdi_value(wdi, "MLI", "SM.POP.TOTL", 1990) == 160_736


def test_wdi_covers_every_peer_and_flags_aggregates(wdi: pd.DataFrame) -> None:
    for code in wdi.indicator_code.unique():
        present = set(wdi[wdi.indicator_code == code].iso3)
        assert set(PEERS) <= present, code
    assert set(wdi[wdi.is_aggregate].iso3) == {"SSF", "AFW", "WLD"}
    # The aggregates have no exchange rate; every other series has them.
    rates = set(wdi[wdi.indicator_code == "PA.NUS.FCRF"].iso3)
    assert not rates & {"SSF", "AFW", "WLD"}
    assert set(wdi.vintage) == {"WDI 2026-07-01"}


# ----------------------------------------------------------------- the two vintages


def shares(wdi: pd.DataFrame) -> pd.DataFrame:
    """Published 2022 share beside 100 * remittances / GDP computed from the 2026 vintage."""
    wide = wdi.pivot_table(index=["iso3", "year"], columns="indicator_code", values="value")
    computed = (100 * wide["BX.TRF.PWKR.CD.DT"] / wide["NY.GDP.MKTP.CD"]).rename("computed")
    old = read("wdi_2022_vintage")
    assert set(old.vintage) == {"WDI 2022-02-15"}
    published = old[old.indicator_code == "BX.TRF.PWKR.DT.GD.ZS"].set_index(["iso3", "year"])
    return published[["value"]].join(computed, how="inner").dropna()


def test_published_share_is_reproduced_for_peers(wdi: pd.DataFrame) -> None:
    table = shares(wdi).reset_index()
    peers = table[table.iso3.isin(["BFA", "CIV", "NER", "SEN"]) & (table.year <= 2015)]
    assert len(peers) > 150
    assert ((peers.value / peers.computed - 1).abs() < 0.005).all()


def test_mali_share_differs_by_about_a_fifth(wdi: pd.DataFrame) -> None:
    table = shares(wdi).reset_index()
    mali = table[(table.iso3 == "MLI") & table.year.between(1999, 2018)]
    ratio = mali.value / mali.computed
    assert len(mali) == 20
    assert ratio.between(1.15, 1.20).all() and round(ratio.median(), 2) == 1.19
    row = table[(table.iso3 == "MLI") & (table.year == 2012)].iloc[0]
    assert round(row.value, 3) == 6.651  # published in 2022
    assert round(row.computed, 2) == 5.59  # from the rebased 2026 GDP


def test_2022_vintage_check_values() -> None:
    old = read("wdi_2022_vintage").set_index(["iso3", "indicator_code", "year"]).value
    share, cost = "BX.TRF.PWKR.DT.GD.ZS", "SI.RMT.COST.IB.ZS"
    for year, value in {1975: 2.806, 1990: 3.987, 2009: 4.435, 2020: 5.653}.items():
        assert round(old[("MLI", share, year)], 3) == value
    assert round(old[("SEN", share, 2020)], 3) == 10.396
    assert round(old[("WLD", share, 2020)], 3) == 0.786
    assert round(old[("MLI", cost, 2012)], 2) == 11.51
    assert round(old[("MLI", cost, 2020)], 2) == 4.24
    assert "MRT" not in old.index.get_level_values("iso3")
    costs = set(old.xs(cost, level="indicator_code").index.get_level_values("iso3"))
    assert costs == {"MLI", "SEN", "CIV"}


# ----------------------------------------------------------------- WB/KNOMAD 2017


def test_wb_bilateral_totals_add_up(wb: pd.DataFrame) -> None:
    for (table, direction), part in wb.groupby(["table", "direction"]):
        world = part[part.partner_kind == "world"].value.item()
        rest = part[part.partner_kind != "world"].value.sum()
        assert rest == pytest.approx(world, rel=1e-9), (table, direction)


def test_wb_bilateral_check_values(wb: pd.DataFrame) -> None:
    def value(table: str, direction: str, iso3_or_name: str) -> float:
        rows = wb[(wb.table == table) & (wb.direction == direction)]
        rows = rows[(rows.partner_iso3 == iso3_or_name) | (rows.partner_name == iso3_or_name)]
        return rows.value.item()

    rem, stock = "remittances_usd_millions", "migrant_stock"
    assert round(value(rem, "into_mali", "World"), 2) == 1039.90
    assert round(value(rem, "into_mali", "FRA"), 2) == 244.97
    assert round(value(rem, "into_mali", "NGA"), 2) == 230.51
    assert round(value(rem, "into_mali", "COG"), 2) == 45.16
    assert round(value(rem, "out_of_mali", "World"), 2) == 178.85
    assert round(value(rem, "out_of_mali", "BFA"), 2) == 41.67
    assert value(stock, "emigrants", "World") == 1_143_309
    assert value(stock, "emigrants", "CIV") == 400_332
    assert value(stock, "immigrants", "World") == 451_367
    assert value(stock, "immigrants", "Other South") == 114_229


def test_wb_ivorian_zero_is_flagged_as_artefact(wb: pd.DataFrame) -> None:
    cell = wb[
        (wb.table == "remittances_usd_millions")
        & (wb.direction == "into_mali")
        & (wb.partner_iso3 == "CIV")
    ].iloc[0]
    assert cell.value == 0 and "artefact" in cell.note and "400,332" in cell.note
    zeros = wb[(wb.value == 0)]
    assert zeros.note.notna().all()  # no zero cell without its explanation


# ----------------------------------------------------------------- RPW


def test_rpw_corridors_into_mali() -> None:
    rpw = read("rpw_corridor_costs")
    mali = rpw[rpw.receiving_iso3 == "MLI"]
    assert mali.groupby("sending_iso3").size().to_dict() == {
        "CIV": 18,
        "FRA": 35,
        "NGA": 18,
        "SEN": 34,
    }
    assert set(rpw.receiving_iso3) == {"MLI", "SEN", "CIV"}
    cost = mali.set_index(["sending_iso3", "period"]).cost_pct.round(2)
    assert cost[("FRA", "2011Q1")] == 8.35 and cost[("FRA", "2020Q3")] == 3.94
    assert cost[("SEN", "2011Q3")] == 6.21 and cost[("CIV", "2020Q2")] == 2.25
    assert cost[("NGA", "2017Q1")] == 31.90
    assert (rpw.period == rpw.year.astype(str) + "Q" + rpw.quarter.astype(str)).all()


# ----------------------------------------------------------------- census


def test_census_keeps_both_2022_totals() -> None:
    census = read("census_figures")
    totals = census[
        (census.year == 2022) & census.measure.str.startswith("resident population total")
    ]
    assert sorted(totals.value) == [22_395_485, 22_395_489]
    y2009 = census[census.year == 2009].set_index("measure").value
    assert y2009["resident population total"] == 14_528_662
    assert y2009["resident population male"] + y2009["resident population female"] == 14_528_662
    assert census.source_url.str.startswith("http").all()


# ----------------------------------------------------------------- the build script


def reference_dir() -> Path | None:
    env = os.environ.get("DIASPORA_REFERENCE_DIR")
    folder = Path(env) if env else ROOT.parent / "shared" / "reference"
    return folder if (folder / "README.md").is_file() else None


@pytest.mark.skipif(reference_dir() is None, reason="reference copies (../shared/reference) absent")
def test_build_script_reproduces_the_tables(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl", reason="the build reads the World Bank workbooks")
    done = subprocess.run(
        [sys.executable, str(BUILD), "--reference", str(reference_dir()), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    for name in TABLES:
        assert (tmp_path / f"{name}.csv").read_bytes() == (DATA / f"{name}.csv").read_bytes(), name
    assert sorted(p.stem for p in tmp_path.glob("*.csv")) == sorted(TABLES)


def test_build_script_fails_clearly_without_reference(tmp_path: Path) -> None:
    env = {**os.environ, "DIASPORA_REFERENCE_DIR": str(tmp_path / "nowhere")}
    done = subprocess.run(
        [sys.executable, str(BUILD), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode != 0 and "reference folder not found" in done.stderr
