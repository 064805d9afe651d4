"""Amounts of money in a reader's table read as the prose says them (issue 25: "USD 827
million" where the prose says so, keeping the precision an exercise needs): in millions
(billions of CFA francs from 100 billion), one decimal, the scale in the header; exact
counts stay exact; ``exact`` keeps an amount to the unit."""

from __future__ import annotations

import pandas as pd
import pytest

from diaspora_helpers import setup, tables

PEERS = pd.DataFrame(
    {
        "country": ["Mali", "World"],
        "remittances_usd": [827_417_011.96, 486_241_832_983.0],
        "population": [16_957_033, 7_900_000_000],
        "per_resident_usd": [48.7949, 61.55],
    }
)


@pytest.mark.parametrize(
    ("language", "header", "point"),
    [
        ("en", "Remittances (millions of US dollars)", "."),
        ("fr", "Transferts (millions de dollars des États-Unis)", ","),
    ],
)
def test_dollars_read_in_millions_and_counts_stay_exact(language, header, point) -> None:
    setup(language=language)
    try:
        shown = tables.show(PEERS)
    finally:
        setup(language="en")
    assert shown.labels[1] == header
    expected = [f"{v / 1e6:,.1f}" for v in PEERS["remittances_usd"]]
    if language == "fr":  # French separators: narrow no-break space, decimal comma
        expected = [e.replace(",", "\u202f").replace(".", ",") for e in expected]
    assert [row[1] for row in shown.cells] == expected
    assert [row[1] for row in shown.cells][0].endswith(f"827{point}4")
    # The population is a count: exact, to the person.
    assert shown.cells[0][2].replace("\u202f", ",") == "16,957,033"
    assert shown.cells[0][3].replace(",", ".") == "48.79"  # a rate per person: not scaled


def test_large_cfa_amounts_read_in_billions_without_nested_brackets() -> None:
    frame = pd.DataFrame({"year": [2012], "remittances_xof": [432_000_000_000.0]})
    shown = tables.show(frame)
    assert shown.labels == ["Year", "Remittances (billions of CFA francs, XOF)"]
    assert shown.cells == [["2012", "432.0"]]


def test_exact_keeps_amounts_to_the_unit_where_an_exercise_needs_them() -> None:
    assert tables.show(PEERS, exact=True).cells[0][1] == "827,417,012"
    one = tables.show(PEERS, exact=["remittances_usd"])
    assert one.labels[1] == "Remittances (USD)" and one.cells[1][1] == "486,241,832,983"
    given = tables.show(PEERS, columns={"remittances_usd": "Received (USD)"})
    assert given.cells[0] == ["827,417,012"]  # a header the caller wrote keeps its unit
    with pytest.raises(KeyError, match="nothing"):
        tables.show(PEERS, exact=["nothing"])


def test_amounts_below_a_million_and_scaled_columns_are_left_as_they_are() -> None:
    frame = pd.DataFrame({"fees_usd": [950_000.0], "usd_millions": [244.9657]})
    shown = tables.show(frame)
    assert shown.labels == ["Fees (USD)", "Millions of US dollars"]
    assert shown.cells == [["950,000", "244.97"]]
