"""Issue 24 (rfr12): the glossary's ``english`` column is the bare expansion.

The French glossary page shows ``english`` as is, under « Anglais »: a note written into it
("(French acronym)", "(ISO 4217 code)") stays English on the French page. Such notes go in
the ``note`` column, which each edition writes in its own language (``data/glossary.csv``,
``data/fr/glossary.csv``); these tests read the files with the csv module, not the loader.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "data"

#: What a note says about an acronym, in English and as the French note says it.
QUALIFIERS = {
    "French acronym": "Sigle français",
    "English acronym": "Sigle anglais",
    "ISO 4217 code": "Code ISO 4217",
    "ISO 3166-1 alpha-3 code": "Code ISO 3166-1 alpha-3",
    "World Bank term": "Terme de la Banque mondiale",
    "as printed": "qu’imprimé",  # tel, tels qu’imprimés
}


def _rows(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {row["acronym"]: row for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def english() -> dict[str, dict[str, str]]:
    return _rows(DATA / "glossary.csv")


@pytest.fixture(scope="module")
def french() -> dict[str, dict[str, str]]:
    return _rows(DATA / "fr" / "glossary.csv")


def test_no_english_expansion_carries_a_parenthesised_note(english):
    noted = {acronym: row["english"] for acronym, row in english.items() if "(" in row["english"]}
    assert not noted, f"move the parenthesised note into the note column: {noted}"


def test_no_english_expansion_carries_a_qualifier(english):
    carrying = {
        acronym: row["english"]
        for acronym, row in english.items()
        for qualifier in QUALIFIERS
        if qualifier.lower() in row["english"].lower()
    }
    assert not carrying


@pytest.mark.parametrize("qualifier", sorted(QUALIFIERS))
def test_each_qualifier_in_an_english_note_is_in_the_french_note(english, french, qualifier):
    said = [a for a, row in english.items() if qualifier.lower() in row["note"].lower()]
    assert said, f"no English note says {qualifier!r}: the list of qualifiers is stale"
    missing = [a for a in said if QUALIFIERS[qualifier].lower() not in french[a]["note"].lower()]
    assert not missing, f"the French note should say {QUALIFIERS[qualifier]!r}: {missing}"


def test_the_acronyms_whose_notes_moved_keep_them(english, french):
    """The rows the review named: each English note says the qualifier its expansion
    printed before, and each French note its French form."""
    moved = {
        "CTC": "French acronym",
        "DGME": "French acronym",
        "HCME": "French acronym",
        "PONAM": "French acronym",
        "HCMA": "English acronym",
        "CLC": "as printed",
        "RDGR": "as printed",
        "LCU": "World Bank term",
        "MLI": "ISO 3166-1 alpha-3 code",
        "MRU": "ISO 4217 code",
        "USD": "ISO 4217 code",
        "XOF": "ISO 4217 code",
    }
    for acronym, qualifier in moved.items():
        assert qualifier.lower() in english[acronym]["note"].lower(), acronym
        assert QUALIFIERS[qualifier].lower() in french[acronym]["note"].lower(), acronym
    assert "CFA franc" in english["CFA"]["note"]
    assert "DR Congo" in english["DR"]["note"] and "DR Congo" in french["DR"]["note"]
    assert "Venezuela, RB" in english["RB"]["note"]
    assert "2001" in english["RACE"]["note"] and "2001" in french["RACE"]["note"]
