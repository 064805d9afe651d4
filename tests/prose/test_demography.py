"""The sentences of notebook 01: numbers computed from the data, in both editions."""

from __future__ import annotations

import pandas as pd
import pytest

import diaspora_helpers
from diaspora_helpers import load, text
from diaspora_helpers.analysis import counts, demography, key_figures, population
from diaspora_helpers.prose import demography as sentences

NNBSP = "\u202f"  # the French group separator and the space before ; and :
NBSP = "\u00a0"  # the French space before %


@pytest.fixture
def french():
    diaspora_helpers.setup(language="fr")
    yield
    diaspora_helpers.setup(language="en")


def test_census_gap_reads_the_counts_and_the_estimates():
    headcounts = population.population_counts()
    first, last = headcounts.iloc[0], headcounts.iloc[-1]
    said = sentences.census_gap(headcounts).text
    assert said.startswith(
        f"The census of {first['year']} counted {text.number(first['census_count'])} residents;"
    )
    assert f"{text.percent(first['difference_pct'])} more" in said
    assert f"For {last['year']} the gap is {text.percent(last['difference_pct'])}:" in said


def test_census_gap_in_french(french):
    headcounts = pd.DataFrame(
        {
            "year": [2009, 2022],
            "census": ["RGPH 2009", "RGPH5"],
            "census_count": [14_528_662.0, 22_395_485.0],
            "world_bank_estimate": [15_435_539.0, 23_072_640.0],
            "difference_pct": [6.24, 3.02],
        }
    )
    said = sentences.census_gap(headcounts).text
    assert said.startswith(f"Le recensement de 2009 a dénombré 14{NNBSP}528{NNBSP}662 résidents")
    assert f"6,2{NBSP}%" in said and f"l’écart est de 3,0{NBSP}%{NNBSP}:" in said


def test_stated_shares_names_those_that_disagree_or_none():
    shares = pd.DataFrame({"label": ["A", "B", "C"], "agrees": [True, False, False]})
    assert sentences.stated_shares(shares).text == (
        "Of the three stated shares, one agrees with the counts within the document's rounding; "
        "the shares for B and C do not."
    )
    agreed = shares.assign(agrees=True)
    assert sentences.stated_shares(agreed).text.endswith("within the document's rounding.")


def test_share_of_all_malians_divides_by_residents_and_by_both():
    document = {"abroad": 4e6, "share_of_residents_pct": 27.53, "share_of_all_pct": 21.59}
    said = sentences.share_of_all_malians(document, 1_000_000, 19_000_000, 2020).text
    # 1 million abroad: 5.3% of 19 million residents, 5.0% of the 20 million together.
    assert (
        "5.3% of the 19,000,000 residents" in said
        and "5.0% of all Malians, at home and abroad, counted that way" in said
    )
    assert said.startswith("With the document's figures, 4 million abroad are 27.5%")
    with pytest.raises(ValueError, match="positive"):
        sentences.share_of_all_malians(document, 1, 0, 2020)


def test_what_each_counts_reads_the_definitions_in_the_edition(french):
    said = sentences.what_each_counts().text
    lines = said.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("- **Chiffre administratif (le document).** ")
    assert counts.definition("document") in lines[0]
    assert "Effectifs de Maliens établis à l’extérieur" in lines[0]


def test_administrative_gap_compares_with_the_largest_un_estimate():
    over_time = pd.DataFrame(
        {"total": [600_000.0, 1_000_000.0, 900_000.0]}, index=[1990, 2000, 2010]
    )
    admin = pd.Series({"persons": 4e6})
    wb = pd.Series({"persons": 800_000.0, "year": 2017}, dtype=object)
    said = sentences.administrative_gap(over_time, admin, wb, 900_000.0, 2010).text
    assert said == (
        "The gap is 3.10 million people in 2010. Even the UN's largest estimate, 1,000,000 in "
        "2000, is 25.0% of the administrative figure, and the World Bank's 800,000 for 2017 is "
        "20.0%."
    )


@pytest.mark.parametrize("language", ["en", "fr"])
def test_regional_split_reads_the_region_groups_of_the_edition(language):
    diaspora_helpers.setup(language=language)
    key = key_figures.key_figures()
    named = demography.top_destinations(2020, 10).head(10)
    regions = demography.by_region(2020)
    un_africa = demography.africa_share(2020)
    said = sentences.regional_split(named, regions, key, un_africa, demography.total(2020), 2020)
    assert text.percent(un_africa) in said.text
    south = regions.set_index("region_group").at["sub_saharan_africa", "share_pct"]
    assert text.percent(south) in said.text
    # The document: 3.5 of its 4 million in Africa.
    assert text.percent(87.5) in said.text


def test_women_share_names_the_extremes():
    women = pd.DataFrame(
        {"country": ["Gabon", "Niger", "Burkina Faso"], "women_share_pct": [29.94, 52.4, 60.12]}
    )
    over_time = pd.DataFrame(
        {"female_share_pct": [44.3, 43.1], "female": [1.0, 561_454.0], "male": [1.0, 742_057.0]},
        index=[1990, 2020],
    )
    said = sentences.women_share(women, over_time, 2020).text
    assert "ran from 29.9% in Gabon to 60.1% in Burkina Faso" in said
    assert "In 2020, 561,454 women and 742,057 men" in said


@pytest.mark.parametrize("language", ["en", "fr"])
def test_europe_and_france_in_both_editions(language):
    diaspora_helpers.setup(language=language)
    versus_un = demography.document_vs_un(key_figures.key_figures(), 2020)
    table = versus_un.set_index("where")
    europe, france = "Europe", "France"  # the places' codes
    said = sentences.europe_and_france(versus_un, 2020).text
    share = 100 * table.at[france, "un_desa_2020"] / table.at[europe, "un_desa_2020"]
    assert text.percent(share) in said
    assert text.number(table.at[europe, "un_desa_2020"]) in said


def test_foreigners_names_the_two_largest_origins(french):
    foreign = pd.Series({"value": 110_410.0, "reference_year": 2009})
    origins = pd.DataFrame(
        {"country": ["Côte d’Ivoire", "Burkina Faso"], "persons": [195_271, 62_291]}
    )
    said = sentences.foreigners(
        foreign,
        14_528_662.0,
        pd.Series({"persons": 324_588.0}),
        pd.Series({2020: 485_829.0}),
        origins,
        2020,
    ).text
    assert said.startswith(
        f"Les 110{NNBSP}410 étrangers dénombrés par le recensement représentaient 0,76{NBSP}%"
    )
    assert f"Côte d’Ivoire (195{NNBSP}271), puis Burkina Faso (62{NNBSP}291)" in said


def test_other_counts_reliability_reads_the_edition_s_data(french):
    others = load("malians_abroad_other_counts")
    said = sentences.other_counts_reliability(others).text
    lines = said.splitlines()
    assert [line.split("**")[1] for line in lines] == [
        "RACE 2001.",
        "OIM 2009.",
        "Déclaration de 2024.",
    ]
    race = others[others["source_id"] == "race_2001"]["reliability"].iloc[0]
    assert lines[0].endswith(race) and race.startswith("Un fichier des ressortissants")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_cote_divoire_counts_from_the_register_the_census_and_the_un(language):
    diaspora_helpers.setup(language=language)
    civ = counts.destination_counts("CIV")
    said = sentences.cote_divoire_counts(civ).text
    # RACE 2001: 523,231; Côte d'Ivoire's 1998 census: 792,258; the UN in 2000: 443,223.
    assert text.number(523_231) in said and text.number(792_258) in said
    assert text.percent(100 * (792_258 / 443_223 - 1), 0) in said


def test_france_and_africa_falls_back_to_the_un_rows_when_france_is_not_shown():
    top = demography.top_destinations(2020, 2)
    assert "FRA" not in set(top["iso3"])
    france = 100 * demography.continent_totals(2020)["France"] / demography.total(2020)
    said = sentences.france_and_africa(top, 89.6, demography.total(2020), 2020).text
    assert said == (
        f"In 2020, France was home to {text.percent(france)} of the migrants from Mali the UN "
        "counts abroad, and Africa to 89.6%."
    )
