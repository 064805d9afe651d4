"""Counts of Malians abroad side by side: each keeps its kind, year and definition."""

from pathlib import Path

import diaspora_test_support as support
import pytest

from diaspora_helpers.analysis import counts
from diaspora_helpers.i18n import labelled

ROOT = Path(__file__).resolve().parents[2]


def test_every_total_keeps_its_kind_and_year():
    table = counts.totals_side_by_side(4_000_000)
    race = table[table["source"] == "race_2001"].iloc[0]
    assert (race["reference_year"], race["persons"], race["kind"]) == (
        2001,
        924_497,
        "electoral_register",
    )
    document = table[table["source"] == "document"].iloc[0]
    assert document["reference_year"] is None or str(document["reference_year"]) == "<NA>"
    assert set(table["kind"]) == set(counts.KIND_WORDS)
    un = table[table["source"] == "un_desa"]
    assert list(un["reference_year"]) == sorted(un["reference_year"])


def test_cote_divoire_is_compared_across_sources():
    civ = counts.destination_counts("CIV").set_index(["count", "reference_year"])["persons"]
    assert civ[("race_register", 2001)] == 523_231
    assert civ[("destination_census", 1998)] == 792_258
    assert ("un_stock", 1995) in civ.index and ("un_stock", 2000) in civ.index
    shown = labelled(counts.destination_counts("CIV")).set_index("reference_year")["count"]
    assert (shown[2001], shown[1998], shown[2000]) == (
        "RACE electoral register",
        "Côte d'Ivoire census",  # the words name the row's country
        "UN migrant stock",
    )


def test_the_totals_name_who_counted_in_words():
    table = labelled(counts.totals_side_by_side(4_000_000)).set_index("source")["counted_by"]
    assert table["un_desa"].iloc[0] == "UN DESA"
    assert table["document"] == "The source document (administrative sources)"


def test_an_unknown_definition_is_named():
    with pytest.raises(KeyError, match="no definition 'nope'"):
        counts.definition("nope")


def test_the_un_definition_is_the_one_in_the_table():
    text = counts.definition("un_desa")
    assert "place of birth" in text and "citizenship" in text and "refugees" in text


@pytest.mark.parametrize(
    ("name", "too_simple"),
    [
        ("01_demographics.ipynb", "only the UN's definition is the same everywhere"),
        ("01_demographics.ipynb", "the number of people\nborn in one country who live in another"),
    ],
)
def test_the_un_definition_is_not_stated_too_simply(name, too_simple):
    assert too_simple not in support.notebook_prose(name)


def test_kinds_qualifiers_and_counts_are_named_in_the_edition():
    import diaspora_helpers

    diaspora_helpers.setup(language="fr")
    table = counts.totals_side_by_side(4_000_000)
    assert set(table["qualifier"]) == set(counts.QUALIFIERS)  # codes, for computing
    table = labelled(table)  # what a shown table reads
    assert table["kind"].iloc[0] == (
        "stock de migrants de l’ONU (surtout selon le pays de naissance)"
    )
    assert set(table["qualifier"]) == {"estimation", "plus de", "exact", "environ", "tel qu’énoncé"}
    civ = labelled(counts.destination_counts("CIV")).set_index(["count", "reference_year"])
    civ = civ["persons"]
    assert civ[("Fichier électoral du RACE", 2001)] == 523_231
    assert civ[("Recensement national (Côte d’Ivoire)", 1998)] == 792_258
