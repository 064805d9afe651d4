"""A chart's data table shows amounts as its caption and the prose say them (r25 review,
item 4): "millions of US dollars" in the header and one decimal, never USD 827,417,012
when the caption says millions; one number of decimals per column; no column repeating
another; proper names right in headers. Written through the chart layer's own download
(:func:`diaspora_helpers.charts.files.write_chart_data`), read back by the page's table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from chart_table_support import shown_table


def _table(folder: Path, data: pd.DataFrame, language: str) -> tuple[list[str], list[list[str]]]:
    return shown_table(folder, "c", data, language)


AMOUNTS = pd.DataFrame(
    {
        "year": [2011, 2012],
        "remittances_usd": [785135446.1512, 827417011.9579],
        "remittances_xof": [368_000_000_000.0, 424_000_000_000.0],
        "per_emigrant_usd": [831.7213, 2878.981],
    }
)


@pytest.mark.parametrize(
    ("language", "usd", "xof", "point"),
    [
        (
            "en",
            "Remittances (millions of US dollars)",
            "Remittances (billions of CFA francs, XOF)",
            ".",
        ),
        (
            "fr",
            "Transferts (millions de dollars des États-Unis)",
            "Transferts (milliards de francs CFA, XOF)",
            ",",
        ),
    ],
)
def test_amounts_read_in_millions_with_one_decimal(tmp_path, language, usd, xof, point) -> None:
    heads, rows = _table(tmp_path, AMOUNTS, language)
    assert heads[1:3] == [usd, xof]
    usd_values = [float(v) for v in AMOUNTS["remittances_usd"]]
    xof_values = [float(v) for v in AMOUNTS["remittances_xof"]]
    for row, usd_value, xof_value in zip(rows, usd_values, xof_values, strict=True):
        assert row[1] == f"{usd_value / 1e6:.1f}".replace(".", point)
        assert row[2] == f"{xof_value / 1e9:.1f}".replace(".", point)
    # One number of decimals in a column: 832 next to 2,879, not 831.72 next to 2,879.
    assert [r[3] for r in rows] == ["832", "2,879" if language == "en" else "2\u202f879"]


def test_a_column_repeating_another_is_shown_once(tmp_path) -> None:
    """The 01 population table repeated the World Bank's number in "Population" and "World
    Bank estimate" (the second filled in census years only)."""
    data = pd.DataFrame(
        {
            "year": [2008, 2009],
            "population": [13_500_000, 13_900_000],
            "census_count": [pd.NA, 14_528_662],
            "world_bank_estimate": [pd.NA, 13_900_000],
        }
    )
    heads, rows = _table(tmp_path, data, "en")
    assert heads == ["Year", "Population", "Census count"]
    assert rows[1] == ["2009", "13,900,000", "14,528,662"]  # an exact count stays exact


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Where", "UN DESA 2020", "World Bank estimate"]),
        ("fr", ["Lieu", "DAES de l’ONU 2020", "Estimation de la Banque mondiale"]),
    ],
)
def test_headers_write_proper_names_right(tmp_path, language, expected) -> None:
    data = pd.DataFrame({"where": ["a"], "un_desa_2020": [5], "world_bank_estimate": [7]})
    assert _table(tmp_path, data, language)[0] == expected


def test_dollars_stay_in_millions_beside_the_world_total(tmp_path) -> None:
    """Mali's USD 827 million beside the World's USD 486 billion: both in millions, so
    Mali reads 827.4 as the prose says, not 0.8 (billions)."""
    data = pd.DataFrame({"iso3": ["MLI", "WLD"], "remittances_usd": [827417011.96, 486241832983.0]})
    heads, rows = _table(tmp_path, data, "en")
    assert heads == ["Remittances (millions of US dollars)"]
    assert [r[0] for r in rows] == ["827.4", "486,241.8"]


@pytest.mark.parametrize(("language", "shown"), [("en", "245.0"), ("fr", "245,0")])
def test_millions_of_dollars_take_one_decimal_in_both_editions(tmp_path, language, shown):
    """The French descriptor names the unit in French: the decimals follow the column's
    name, so both editions show the same precision."""
    data = pd.DataFrame({"iso3": ["FRA"], "usd_millions": [244.9657]})
    assert _table(tmp_path, data, language)[1] == [[shown]]
