"""Issue 13, item 8: the package names its source document and carries a version."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[2] / "data"


def package() -> dict:
    return json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))


def test_the_package_has_a_semantic_version_not_a_commit():
    version = package()["version"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version), version
    assert version == "2.0.0"


def test_the_source_document_is_described():
    doc = package()["source_document"]
    assert doc["language"] == "en"
    assert "July 2016" in doc["written"]
    assert (doc["author"], doc["publisher"]) == ("not named", "not named")
    assert doc["distributed_with_collection"] is False
    assert "untitled" in doc["title"]
    assert package()["sources"][0]["title"] == doc["title"]


def test_the_package_is_assembled_from_the_source_document_file():
    text = (DATA / "build" / "source_document.json").read_text(encoding="utf-8")
    assert package()["source_document"] == json.loads(text)


def test_every_section_the_tables_cite_is_summarised():
    summarised = {s["section"] for s in package()["source_document"]["sections"]}
    assert {"intro", "1", "2", "3", "4", "5", "6", "7", "conclusion"} <= summarised
    cited = set()
    for path in DATA.glob("*.csv"):
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
        for column in ("section", "location_a", "location_b", "document_section"):
            if column in df.columns:
                cited |= set(df[column]) - {"", "external"}
    assert cited <= summarised, sorted(cited - summarised)
    assert all(s["summary"].strip() for s in package()["source_document"]["sections"])


def test_the_dating_rests_on_the_latest_event_of_the_timeline():
    events = pd.read_csv(DATA / "events.csv", dtype=str, keep_default_na=False)
    latest = events.loc[events["date"].idxmax()]
    assert (latest["id"], latest["date"]) == ("women_forum_2016_07", "2016-07")
    assert latest["id"] in package()["source_document"]["dating_evidence"]
