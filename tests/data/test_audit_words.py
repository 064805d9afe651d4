"""The source audit reads as words in both editions (issue 25): no cell a reader sees (topic,
problem, treatment) holds a field name, a row id or a code such as ``unit xof``; each is
checked against the names the data itself uses, not against a list of known slips."""

import csv
import re
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "data"
SHOWN = ("topic", "problem", "treatment")


def _names() -> set[str]:
    """Every column name and every row id of the data tables (an internal name)."""
    names: set[str] = set()
    for path in DATA.glob("*.csv"):
        with path.open(encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            names |= {n for n in reader.fieldnames or [] if "_" in n}
            names |= {r["id"] for r in reader if "_" in r.get("id", "") if r.get("id")}
    return names


@pytest.mark.parametrize("table", ["source_audit.csv", "fr/source_audit.csv"])
def test_no_audit_cell_holds_an_internal_name(table):
    names = _names()
    assert {"stated_value_text", "law_95_70", "acronym_fr"} <= names  # the check sees them
    found = []
    with (DATA / table).open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for column in SHOWN:
                words = set(re.findall(r"\b\w+\b", row.get(column) or ""))
                found += [(row["id"], column, w) for w in sorted(words & names)]
                if re.search(r"\bunit xof\b", row.get(column) or ""):
                    found.append((row["id"], column, "unit xof"))
    assert found == []
