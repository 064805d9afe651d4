"""Country names, regions and outlines come from countryinfo, keyed by ISO alpha-3 codes."""

from __future__ import annotations

import pytest

from diaspora_helpers.data.countries import (
    country_geometry,
    country_name,
    is_valid_iso3,
    region_of,
    subregion_of,
)


@pytest.mark.parametrize("code", ["MLI", "SEN", "BFA", "NER", "CIV", "GIN", "MRT", "FRA", "USA"])
def test_valid_codes(code: str) -> None:
    assert is_valid_iso3(code)


@pytest.mark.parametrize("code", ["ML", "mli", "466", "SSF", "WLD", "XKX", "", "Mali", "ZZZ"])
def test_invalid_codes(code: str) -> None:
    assert not is_valid_iso3(code)


def test_names() -> None:
    assert country_name("MLI") == "Mali"
    assert country_name("CIV") == "Côte d'Ivoire"
    assert country_name("FRA") == "France"
    assert country_name("COD") == "Democratic Republic of the Congo"


def test_regions() -> None:
    assert region_of("MLI") == "Africa"
    assert subregion_of("MLI") == "Sub-Saharan Africa"
    assert region_of("FRA") == "Europe" and subregion_of("FRA") == "Western Europe"
    assert subregion_of("MAR") == "Northern Africa"


def test_unknown_code_is_named_in_the_error() -> None:
    with pytest.raises(ValueError, match="XKX"):
        country_name("XKX")
    with pytest.raises(ValueError, match="SSF"):
        region_of("SSF")


def test_geometry_of_mali() -> None:
    shape = country_geometry("MLI")
    assert shape is not None and shape["type"] in {"Polygon", "MultiPolygon"}
    ring = shape["coordinates"][0] if shape["type"] == "Polygon" else shape["coordinates"][0][0]
    longitudes = [point[0] for point in ring]
    latitudes = [point[1] for point in ring]
    assert -13 < min(longitudes) and max(longitudes) < 5
    assert 10 < min(latitudes) and max(latitudes) < 25


def test_geometry_is_a_copy() -> None:
    shape = country_geometry("SEN")
    assert shape is not None
    shape["type"] = "changed"
    again = country_geometry("SEN")
    assert again is not None and again["type"] != "changed"


def test_territory_without_outline() -> None:
    assert is_valid_iso3("BHR")
    assert country_geometry("BHR") is None


def test_a_country_name_resolves_to_its_code_or_to_nothing():
    from diaspora_helpers.data import countries

    assert countries.iso3_of("Ivory Coast") == "CIV"
    assert countries.iso3_of("  France ") == "FRA"
    assert countries.iso3_of("") is None and countries.iso3_of("Atlantis") is None


def test_country_names_follow_the_edition():
    import diaspora_helpers

    assert country_name("CIV") == "Côte d'Ivoire"
    diaspora_helpers.setup(language="fr")
    assert country_name("USA") == "États-Unis"
    assert country_name("GBR") == "Royaume-Uni"


def test_a_name_is_matched_exactly_never_approximately():
    """Issue 22: countryinfo's fuzzy lookup read 'Mau' as Mauritania and a string listing
    several countries as one of them."""
    from diaspora_helpers.data import countries

    assert countries.iso3_of("côte d’ivoire") == "CIV" and countries.iso3_of("ci") == "CIV"
    for text in ("Mau", "Ivory", "Senegal Mali", "Mali Senegal", "Mauritania, Senegal"):
        assert countries.iso3_of(text) is None, text
    names = countries.all_names()
    assert names["Mauritanie"] == "MRT" and names["États-Unis"] == "USA"
    assert all(countries.is_valid_iso3(code) for code in names.values())


def test_a_french_sentence_gives_a_country_its_article():
    """Issue 24: « deux pays (la France et le Nigeria) », not « (France et Nigeria) »."""
    import csv

    import diaspora_helpers
    from diaspora_helpers import paths
    from diaspora_helpers.data import countries

    assert countries.in_sentence("FRA") == "France"  # English writes no article
    diaspora_helpers.setup(language="fr")
    assert countries.in_sentence("FRA") == "la France"
    assert countries.in_sentence("NGA") == "le Nigeria"
    assert countries.in_sentence("ESP") == "l’Espagne"  # elided, typographic apostrophe
    assert countries.in_sentence("USA") == "les États-Unis"
    assert countries.in_sentence("JPN") == country_name("JPN")  # not listed: CLDR's name
    with open(paths.data_dir() / "fr" / "country_names.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            # the table's name is the one tables show, and the sentence form ends with it
            assert country_name(row["iso3"]) == row["name"]
            article, _, rest = row["in_sentence"].partition(" ")
            elided = row["in_sentence"].startswith("l’")
            assert (elided and row["in_sentence"] == "l’" + row["name"]) or (
                article in ("le", "la", "les") and rest == row["name"]
            ), row
    with pytest.raises(ValueError, match="ISO 3166"):
        countries.in_sentence("XXX")
