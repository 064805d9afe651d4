"""Malians abroad: totals, destinations, regions, sex and the estimates side by side."""

import pandas as pd
import pytest

from diaspora_helpers.analysis import demography, population
from diaspora_helpers.i18n import labelled

# A small UN-shaped table: two years, three destinations, women and men, World rows and a
# region row that must never be added to the countries.
COUNTRIES = [
    # iso3, name, region, subregion
    ("CIV", "Cote d'Ivoire", "Africa", "Sub-Saharan Africa"),
    ("FRA", "France", "Europe", "Western Europe"),
    ("DZA", "Algeria", "Africa", "Northern Africa"),
    ("USA", "United States", "Americas", "Northern America"),
]
FEMALE = {
    1990: {"CIV": 40, "FRA": 10, "DZA": 1},
    2020: {"CIV": 200, "FRA": 30, "DZA": 5, "USA": 5},
}
MALE = {
    1990: {"CIV": 60, "FRA": 30, "DZA": 4},
    2020: {"CIV": 300, "FRA": 70, "DZA": 5, "USA": 15},
}


def _row(direction, year, sex, name, kind, iso3, region, subregion, value):
    return {
        "direction": direction,
        "year": year,
        "sex": sex,
        "partner_name": name,
        "partner_kind": kind,
        "partner_is_aggregate": kind != "country",
        "partner_iso3": iso3,
        "partner_region": region,
        "partner_subregion": subregion,
        "un_region": None,
        "value": value,
    }


def _stock() -> pd.DataFrame:
    rows = []
    for year in (1990, 2020):
        for sex, cells in (("female", FEMALE[year]), ("male", MALE[year])):
            for iso3, name, region, sub in COUNTRIES:
                if iso3 in cells:
                    rows.append(
                        _row(
                            "emigrants", year, sex, name, "country", iso3, region, sub, cells[iso3]
                        )
                    )
        for iso3, name, region, sub in COUNTRIES:
            if iso3 in FEMALE[year]:
                both = FEMALE[year][iso3] + MALE[year][iso3]
                rows.append(
                    _row("emigrants", year, "total", name, "country", iso3, region, sub, both)
                )
        for sex, cells in (("female", FEMALE[year]), ("male", MALE[year])):
            rows.append(
                _row(
                    "emigrants",
                    year,
                    sex,
                    "World",
                    "world",
                    None,
                    "World",
                    None,
                    sum(cells.values()),
                )
            )
        total = sum(FEMALE[year].values()) + sum(MALE[year].values())
        rows.append(_row("emigrants", year, "total", "World", "world", None, "World", None, total))
        rows.append(
            _row("emigrants", year, "total", "Europe", "region", None, "Europe", None, 999_999)
        )
    # Immigrants in Mali: born abroad.
    for year, value in ((2005, 200), (2010, 300)):
        rows.append(_row("immigrants", year, "total", "World", "world", None, "World", None, value))
    rows.append(
        _row("immigrants", 2010, "total", "Cote d'Ivoire", "country", "CIV", "Africa", "SSA", 120)
    )
    return pd.DataFrame(rows)


def test_estimate_years_come_from_the_table():
    assert demography.estimate_years(_stock()) == [1990, 2005, 2010, 2020]


def test_total_reads_the_world_row():
    assert demography.total(2020, stock=_stock()) == 630
    assert demography.total(2020, sex="female", stock=_stock()) == 240
    with pytest.raises(KeyError, match="1995"):
        demography.total(1995, stock=_stock())


def test_destinations_ignore_region_rows_and_rank_largest_first():
    table = demography.destinations(2020, stock=_stock())
    assert table["iso3"].tolist() == ["CIV", "FRA", "USA", "DZA"]
    assert table["persons"].sum() == 630  # the region row (999,999) is not added
    assert table["share_pct"].sum() == pytest.approx(100)
    assert table["country"].iloc[0] == "Côte d'Ivoire"  # current name from countryinfo


def test_top_destinations_lump_the_rest_together():
    table = demography.top_destinations(2020, 2, stock=_stock())
    assert table["country"].tolist()[:2] == ["Côte d'Ivoire", "France"]
    assert labelled(table)["country"].iloc[-1] == "Other countries (2)"  # USA and Algeria
    assert table["persons"].iloc[-1] == 30  # USA 20 + Algeria 10
    assert table["persons"].sum() == 630
    assert len(demography.top_destinations(2020, 10, stock=_stock())) == 4  # no empty "other"
    with pytest.raises(ValueError):
        demography.top_destinations(2020, 0, stock=_stock())


def test_regions_split_africa_by_subregion():
    regions = demography.by_region(2020, stock=_stock()).set_index("region_group")
    assert regions.loc["sub_saharan_africa", "persons"] == 500
    assert regions.loc["northern_africa", "persons"] == 10
    assert regions.loc["europe", "persons"] == 100
    assert regions.loc["elsewhere", "persons"] == 20
    assert demography.africa_share(2020, stock=_stock()) == pytest.approx(100 * 510 / 630)


def test_change_counts_a_new_destination_from_zero():
    change = demography.change_between(1990, 2020, 3, stock=_stock()).set_index("iso3")
    assert change.loc["CIV", "change"] == 400
    assert change.loc["CIV", "change_pct"] == pytest.approx(400.0)
    assert change.loc["USA", "persons_1990"] == 0
    assert pd.isna(change.loc["USA", "change_pct"])  # no percentage change from nothing


def test_women_by_destination_and_over_time():
    women = demography.women_by_destination(2020, 2, stock=_stock()).set_index("iso3")
    assert women.loc["FRA", "women_share_pct"] == pytest.approx(30.0)
    assert (women["women"] + women["men"] == women["persons"]).all()
    over_time = demography.totals_over_time(stock=_stock())
    assert over_time.loc[1990, "female_share_pct"] == pytest.approx(100 * 51 / 145)


def test_continent_totals_for_the_document_comparison():
    totals = demography.continent_totals(2020, _stock())
    assert totals == {"Africa": 510, "Europe": 100, "France": 100}
    key = pd.DataFrame(
        {"value": [3_500.0, 200.0, 120.0]},
        index=["malians_in_africa", "malians_in_europe", "malians_in_france"],
    )
    table = demography.document_vs_un(key, 2020, _stock()).set_index("where")
    assert table.loc["France", "ratio_document_to_un"] == pytest.approx(1.2)
    assert "un_desa_2020" in table.columns


def test_shares_of_population_differ_by_denominator():
    shares = population.shares_of_population(4_000_000, 14_528_662)
    assert shares["share_of_residents_pct"] == pytest.approx(27.532, abs=1e-3)
    assert shares["share_of_all_pct"] == pytest.approx(21.588, abs=1e-3)
    with pytest.raises(ValueError):
        population.shares_of_population(1, 0)


def test_interpolation_between_estimates_and_no_extrapolation():
    values = pd.Series([200.0, 300.0], index=[2005, 2010])
    assert population.interpolate(values, 2009) == pytest.approx(280.0)
    assert population.interpolate(values, 2010) == 300.0
    with pytest.raises(ValueError, match="outside"):
        population.interpolate(values, 2012)


def test_foreigners_comparison_sets_census_against_born_abroad():
    table = population.foreigners_comparison(100, 2009, _stock())
    assert table["year"].tolist() == [2009, 2005, 2010, 2009]
    assert table["persons"].iloc[-1] == pytest.approx(280.0)
    assert table["ratio_to_census"].iloc[-1] == pytest.approx(2.8)
    shown = labelled(table)
    assert shown["estimate"].tolist() == [
        "Census 2009 (source document): foreign nationals",
        "UN DESA 2005: international migrants",
        "UN DESA 2010: international migrants",
        "UN DESA, interpolated to 2009: international migrants",
    ]
    assert shown["how"].iloc[0] == "census count of residents with a foreign nationality"


def test_abroad_estimates_side_by_side():
    key = pd.DataFrame({"value": [4_000.0], "reference_year": [pd.NA]}, index=["malians_abroad"])
    bilateral = pd.DataFrame(
        {
            "table": ["migrant_stock", "migrant_stock", "remittances_usd_millions"],
            "direction": ["emigrants", "emigrants", "into_mali"],
            "partner_kind": ["country", "world", "world"],
            "value": [300.0, 800.0, 5.0],
        }
    )
    table = demography.abroad_estimates(key, [2020], _stock(), bilateral)
    assert table["persons"].tolist() == [4000.0, 630.0, 800.0]
    assert table["kind"].tolist() == ["administrative", "un_desa", "world_bank"]
    assert labelled(table)["estimate"].tolist() == [
        "Source document (administrative)",
        "UN DESA 2020",  # the words name the row's year
        "World Bank/KNOMAD 2017",
    ]
    assert table["ratio_admin_to_this"].iloc[2] == pytest.approx(5.0)
    assert table["what_is_counted"].str.len().gt(20).all()


def test_population_counts_beside_the_world_bank_estimate():
    census = pd.DataFrame(
        {
            "census": ["RGPH 2009", "RGPH 2009", "RGPH5"],
            "year": [2009, 2009, 2022],
            "measure": [
                "resident population total",
                "resident population female",
                "resident population total",
            ],
            "value": [100.0, 49.0, 200.0],
        }
    )
    wdi = pd.DataFrame(
        {
            "iso3": ["MLI", "MLI", "MLI"],
            "indicator_code": ["SP.POP.TOTL"] * 3,
            "year": [2009, 2022, 2023],
            "value": [110.0, 190.0, 195.0],
        }
    )
    table = population.population_counts(census, wdi)
    assert table["year"].tolist() == [2009, 2022]
    assert table["difference_pct"].tolist() == pytest.approx([10.0, -5.0])
    series = population.population_series(wdi=wdi, start=2020)
    assert series["year"].tolist() == [2022, 2023]


def test_immigrant_origins():
    origins = population.immigrant_origins(2010, 5, _stock())
    assert origins["persons"].tolist() == [120]


def test_change_years_always_span_two_years():
    assert demography.change_years(2020, [1990, 2005, 2020]) == (1990, 2020)
    assert demography.change_years(2005, [1990, 2005, 2020]) == (1990, 2005)
    assert demography.change_years(1990, [2020, 1990, 2005]) == (1990, 2020)
    with pytest.raises(ValueError):
        demography.change_years(1991, [1990, 2020])


def test_region_groups_and_places_are_named_in_the_edition():
    import diaspora_helpers
    from diaspora_helpers import tables

    english = demography.by_region(2020, stock=_stock())
    diaspora_helpers.setup(language="fr")
    regions = demography.by_region(2020, stock=_stock())
    assert regions.equals(english)  # codes and numbers, the same in every edition
    assert [row[0] for row in tables.show(regions).cells] == [
        "Afrique subsaharienne",
        "Afrique du Nord",
        "Europe",
        "Autres régions",
    ]
    # Africa's share and the count of African rows read the codes.
    assert demography.africa_share(2020, stock=_stock()) == pytest.approx(100 * 510 / 630)
    top = demography.top_destinations(2020, 3, stock=_stock())
    assert demography.count_in_africa(top) == 1  # CIV; FRA and USA are not
    assert top["country"].iloc[-1] == demography.OTHER_COUNTRIES  # a code, named when shown
    assert labelled(top)["country"].iloc[-1] == "Autres pays (1)"
    versus_un = demography.document_vs_un(
        pd.DataFrame({"value": [3.0, 2.0, 1.0]}, index=["a", "e", "f"]),
        2020,
        _stock(),
        ids={"Africa": "a", "Europe": "e", "France": "f"},
    )
    assert labelled(versus_un)["where"].tolist() == ["Afrique", "Europe", "France"]


def test_census_names_follow_the_edition():
    import diaspora_helpers

    english = population.population_counts()["census"].tolist()
    assert english == ["RGPH 2009 (4th census)", "RGPH 2022 (RGPH5)"]
    diaspora_helpers.setup(language="fr")
    assert population.population_counts()["census"].tolist() == english  # codes
    shown = labelled(population.population_counts())["census"].tolist()
    assert shown[0] == "RGPH 2009 (4ᵉ recensement)"


def test_the_top_destinations_download_names_the_others_in_each_edition():
    import diaspora_helpers
    from diaspora_helpers.charts import files

    english = files.chart_table(demography.top_destinations(2020, 2, stock=_stock()))
    # Country names are words of the edition: one ``country_label`` column, no ``country``
    # column holding them under a code header (the codes are ``iso3``).
    assert "country" not in english.columns
    assert list(english.columns).count("country_label") == 1
    assert english["country_label"].iloc[-1] == "Other countries (2)"  # USA and Algeria
    assert "country_label" in files.text_columns(
        demography.top_destinations(2020, 2, stock=_stock())
    )
    diaspora_helpers.setup(language="fr")
    french = files.chart_table(demography.top_destinations(2020, 2, stock=_stock()))
    assert list(french.columns) == list(english.columns)
    assert french["country_label"].iloc[-1] == "Autres pays (2)"
    assert french["iso3"].tolist() == english["iso3"].tolist()


def test_a_formatted_column_gets_its_words_beside_it_in_a_download():
    import diaspora_helpers
    from diaspora_helpers import text
    from diaspora_helpers.charts import files
    from diaspora_helpers.i18n import with_formats

    data = with_formats(
        pd.DataFrame({"period": ["2020Q3"], "cost_pct": [5.0]}), period=text.quarter
    )
    english = files.chart_table(data)
    assert english.columns.tolist() == ["period", "period_label", "cost_pct"]
    assert english["period_label"].iloc[0] == "Q3\u00a02020"
    diaspora_helpers.setup(language="fr")
    assert files.chart_table(data)["period_label"].iloc[0] == "T3\u00a02020"
    assert files.chart_table(data)["period"].iloc[0] == "2020Q3"
