"""Issue 13, item 3: the land-code texts carry their real numbers, dates and French titles.

Section 5.2 gives the amendments as Law 02-08, dated February 2012, plus "01 January 2012".
The texts are Ordonnance 00-027/P-RM of 22 March 2000, Loi 02-008 of 12 February 2002 and
Loi 2012-001 of 10 January 2012 (reference copies listed in reference_url).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

DATA = Path(__file__).resolve().parents[2] / "data"


def table(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)


#: number -> (real date, the document's wording of the number, the document's date)
LAND_TEXTS = {
    "00-027/P-RM": ("2000-03-22", "Code federal and private land", "March 2000"),
    "02-008": ("2002-02-12", "law 02-08", "February 2012"),
    "2012-001": ("2012-01-10", "", "01 January 2012"),
}


def _by_number(number: str) -> pd.Series:
    legal = table("legal_framework")
    hits = legal[legal["reference"].str.endswith(number)]
    assert len(hits) == 1, f"one legal_framework row for {number}, found {len(hits)}"
    return hits.iloc[0]


@pytest.mark.parametrize("number", sorted(LAND_TEXTS))
def test_each_land_text_has_its_real_date_french_title_and_printed_wording(number):
    row = _by_number(number)
    date, printed_reference, printed_date = LAND_TEXTS[number]
    assert (row["date"], row["date_precision"], row["domain"]) == (date, "day", "land")
    assert "Code domanial et foncier" in row["name_fr"]
    assert (row["reference_as_printed"], row["date_as_printed"]) == (
        printed_reference,
        printed_date,
    )
    assert row["date_source"] == "reference"
    assert row["reference_url"].startswith("https://")


def test_the_amendments_point_at_the_2000_code():
    code = _by_number("00-027/P-RM")["id"]
    assert _by_number("02-008")[["related_id", "related_relation"]].tolist() == [
        code,
        "amends_and_ratifies",
    ]
    assert _by_number("2012-001")[["related_id", "related_relation"]].tolist() == [code, "amends"]


def test_no_land_text_keeps_a_garbled_date():
    legal = table("legal_framework")
    land = legal[legal["domain"] == "land"]
    assert len(land) == 3
    assert not land["date"].isin(["2012-01-01", "2012-02"]).any()


def test_law_numbers_start_with_the_year_of_their_date():
    """Malian texts are numbered from their year: 02-008 is from 2002, 2012-001 from 2012."""
    checked = 0
    for row in table("legal_framework").itertuples():
        found = re.search(r"No\.\s*(\d{2}|\d{4})\s*-\s*\d+", row.reference)
        if not found:
            continue
        prefix = found.group(1)
        year = row.date[:4]
        assert year.endswith(prefix) if len(prefix) == 2 else year == prefix, row.id
        checked += 1
    assert checked >= 15


def test_the_printed_wording_is_kept_only_where_the_date_was_corrected():
    legal = table("legal_framework")
    assert set(legal["date_source"]) == {"document", "reference"}
    corrected = legal[legal["date_source"] == "reference"]
    assert (corrected["reference_url"] != "").all() and (corrected["name_fr"] != "").all()
    kept = legal[legal["date_source"] == "document"]
    assert (kept["reference_url"] == "").all()
    assert (legal["date_as_printed"] != "").all(), "every text keeps the document's date"


def test_timeline_events_use_the_dates_of_their_legal_texts():
    legal = table("legal_framework").set_index("id")
    events = table("events")
    linked = events[events["legal_id"] != ""]
    for row in linked.itertuples():
        assert row.date == legal.at[row.legal_id, "date"], row.id
    land = linked[linked["legal_id"].map(legal["domain"]) == "land"]
    assert sorted(land["date"]) == ["2000-03-22", "2002-02-12", "2012-01-10"]
    assert (land["date_as_printed"] != "").all()
    assert (
        events.loc[events["legal_id"].map(legal["date_source"]) != "reference", "date_as_printed"]
        == ""
    ).all()


def test_the_garble_is_explained_in_the_audit():
    row = table("source_audit").set_index("id").loc["land_code_amendment"]
    affects = {t.strip() for t in row["affects"].split(";")}
    legal = table("legal_framework")
    land_ids = set(legal.loc[legal["domain"] == "land", "id"])
    assert {f"legal_framework:{i}" for i in land_ids} <= affects
    assert "12 February 2002" in row["problem"] and "10 January 2012" in row["problem"]
