"""Issue 13, item 4: the area label, TOKTEN's year and its citation, the WDI mirror date."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[2] / "data"
RESOURCES = DATA / "build" / "resources"


def table(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)


def test_area_is_not_called_land_area():
    # Section 1.1 prints "Area"; 1,241,238 km2 is the total area, water included.
    label = table("key_figures").set_index("id").at["area", "label"]
    assert "land" not in label.lower()
    assert label.lower().startswith("area")


def test_tokten_1998_cites_the_section_that_prints_1998():
    tokten = table("institutions").set_index("id").loc["tokten"]
    assert (tokten["year_created"], tokten["section"]) == ("1998", "1.2")


def test_the_1997_1998_disagreement_stays_audited():
    audit = table("source_audit").set_index("id")
    row = audit.loc["tokten_start"]
    assert "1998" in row["claim_a"] and row["location_a"] == "1.2"
    assert "1997" in row["claim_b"] and row["location_b"] == "5.1"
    assert "institutions:tokten" in {t.strip() for t in row["affects"].split(";")}
    assert row["severity"] == "contradiction"


#: Wordings that present the datahub.io mirror's update date as a World Bank release.
RELEASE_WORDING = re.compile(r"2026 (release|series|figures|WDI)|July 2026 (release|WDI)|WDI, July")


def test_no_descriptor_calls_the_mirror_date_a_release():
    texts = {p.name: p.read_text(encoding="utf-8") for p in RESOURCES.glob("*.json")}
    texts["datapackage.json"] = (DATA / "datapackage.json").read_text(encoding="utf-8")
    found = {name: RELEASE_WORDING.findall(text) for name, text in texts.items()}
    assert not {name: hits for name, hits in found.items() if hits}


def test_the_wdi_vintage_is_described_as_the_mirror_update():
    desc = json.loads((RESOURCES / "wdi_indicators.json").read_text(encoding="utf-8"))
    assert "datahub" in desc["title"]
    vintage = next(f for f in desc["schema"]["fields"] if f["name"] == "vintage")
    text = vintage["description"]
    assert "mirror" in text and "not a World Bank release" in text
