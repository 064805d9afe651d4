"""Charts of notebooks 00-02: each carries its texts, its axes and what it should draw."""

import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.colors as mcolors  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.container import BarContainer  # noqa: E402

import diaspora_helpers
from diaspora_helpers import charts


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _texts(fig):
    """Title, subtitle and source line of a house-style figure, unwrapped."""
    return [t.get_text().replace("\n", " ") for t in fig.texts[:3]]


def _title(ax):
    """The axes' title, wherever the style in force places it."""
    return "".join(ax.get_title(loc) for loc in ("left", "center", "right"))


def _bars(ax):
    return [p for c in ax.containers if isinstance(c, BarContainer) for p in c]


def _hex(colour):
    return mcolors.to_hex(colour)


def test_document_malians_abroad():
    parts = pd.DataFrame(
        {
            "where": ["Africa", "France", "Europe (excluding France)", "Not placed"],
            "persons": [3_000_000, 500_000, 200_000, 300_000],
        }
    )
    fig = charts.key_figures.document_malians_abroad(parts, 75.04)
    title, subtitle, source = _texts(fig)
    assert title == "The document places 75.0% of Malians abroad elsewhere in Africa"
    assert subtitle.startswith("Malians living abroad by place of residence")
    assert source.startswith("Source: the source document, section 1.1")
    (ax,) = fig.axes
    bars = _bars(ax)
    assert len(bars) == 4
    assert [_hex(b.get_facecolor()) for b in bars] == [charts.style.PALETTE["admin"]] * 3 + [
        charts.style.PALETTE["light"]
    ]
    assert [t.get_text() for t in ax.texts] == [
        "  3,000,000",
        "  500,000",
        "  200,000",
        "  300,000",
    ]


def test_population_census_and_estimate():
    series = pd.DataFrame({"year": [1990, 2000, 2010], "population": [8e6, 11e6, 15.2e6]})
    population = pd.DataFrame({"year": [2009], "census": ["RGPH 2009"], "census_count": [14.5e6]})
    fig = charts.demography.population_census_and_estimate(series, population)
    title, subtitle, source = _texts(fig)
    assert title == "Mali's estimated population: 8 million in 1990, 15.2 million in 2010"
    assert subtitle.startswith("Resident population, millions")
    assert source.startswith("Source: World Bank, WDI, datahub.io copy of 1 July 2026")
    (ax,) = fig.axes
    assert len(ax.lines) == 1 and len(ax.collections) == 1
    assert [t.get_text() for t in ax.texts] == ["RGPH 2009"]
    assert ax.get_xlim() == (1989, 2015)


def test_malians_abroad_three_sources():
    over_time = pd.DataFrame({"total": [1.0e6, 1.2e6, 1.3e6]}, index=[2010, 2015, 2020])
    admin = pd.Series({"persons": 4e6})
    wb = pd.Series({"year": 2017, "persons": 1.1e6})
    fig = charts.demography.malians_abroad_three_sources(over_time, admin, wb, 2020, 1.3e6)
    title, subtitle, source = _texts(fig)
    assert title == "The administrative figure is 3.1 times the UN's count for 2020"
    assert subtitle == "Malians living abroad, millions of persons, by source and year"
    assert source.startswith("Source: UN DESA, International Migrant Stock 2020")
    (ax,) = fig.axes
    assert len(ax.lines) == 2  # the UN series and the administrative line
    assert len(ax.collections) == 2  # the World Bank point and the chosen year's ring
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[-1] == "Chosen year (2020)"
    assert ax.get_ylim()[1] == pytest.approx(4 * 1.15)


def _top():
    return pd.DataFrame(
        {
            "country": ["Côte d'Ivoire", "France", "United States", "All other countries"],
            "iso3": ["CIV", "FRA", "USA", ""],
            "region_group": ["sub_saharan_africa", "europe", "elsewhere", "mixed"],
            "persons": [500_000, 80_000, 10_000, 5_000],
            "share_pct": [50.0, 8.0, 1.0, 0.5],
        }
    )


def test_top_destinations_colours_bars_by_region():
    top = _top()
    fig = charts.demography.top_destinations(top, top[top["iso3"] != ""], 2020)
    title, subtitle, source = _texts(fig)
    assert (
        title == "In 2020, 50.0% of Malians abroad lived in Côte d'Ivoire"
    )  # not opening on figures
    assert subtitle.startswith(
        "Migrants from Mali (mostly born there) living in each country: axis in thousands"
    )
    assert source.startswith("Source: UN DESA")
    (ax,) = fig.axes
    colours = [_hex(b.get_facecolor()) for b in _bars(ax)]
    assert colours == [
        charts.style.PALETTE["un"],
        charts.style.PALETTE["mali"],
        charts.style.PALETTE["wb"],
        charts.style.PALETTE["light"],
    ]
    assert len(ax.texts) == 4 and ax.texts[0].get_text() == " 500,000"


def test_map_malians_abroad():
    by_country = pd.DataFrame({"iso3": ["CIV", "FRA", "SEN"], "persons": [500_000, 80_000, 900]})
    fig = charts.demography.map_malians_abroad(by_country, 7, 10, 2020)
    title, subtitle, source = _texts(fig)
    # Counts up to ten in words, and a title never starts with figures.
    assert title == "Seven of the ten largest Malian communities abroad in 2020 are in Africa"
    fig_many = charts.demography.map_malians_abroad(by_country, 12, 15, 2020)
    assert _texts(fig_many)[0] == (
        "In 2020, 12 of the 15 largest Malian communities abroad are in Africa"
    )
    plt.close(fig_many)
    assert subtitle == (
        "Migrants from Mali (mostly born there) living in each country, by class (persons)"
    )
    assert "countryinfo" in source
    (ax,) = fig.axes
    legend = ax.get_legend()
    assert legend.get_title().get_text() == "Malians living there"
    assert [t.get_text() for t in legend.get_texts()] == [
        "fewer than 1,000",
        "1,000 to 9,999",
        "10,000 to 49,999",
        "50,000 to 99,999",
        "100,000 or more",
        "none recorded",
        "Mali",
    ]
    assert len(ax.patches) > 100


def test_map_legend_in_french():
    diaspora_helpers.setup(language="fr")
    assert charts.demography.map_labels() == [
        "moins de 1\u202f000",
        "1\u202f000 à 9\u202f999",
        "10\u202f000 à 49\u202f999",
        "50\u202f000 à 99\u202f999",
        "100\u202f000 ou plus",
    ]
    by_country = pd.DataFrame({"iso3": ["CIV", "FRA"], "persons": [500_000, 80_000]})
    fig = charts.demography.map_malians_abroad(by_country, 7, 10, 2020)
    title, _subtitle, _source = _texts(fig)
    assert (
        title
        == "Sept des dix principales communautés maliennes à l’étranger en 2020 sont en Afrique"
    )
    legend = fig.axes[0].get_legend()
    assert legend.get_title().get_text() == "Maliens résidant dans le pays"
    assert [t.get_text() for t in legend.get_texts()][-2:] == ["aucun recensé", "Mali"]


def test_change_by_destination():
    change = pd.DataFrame(
        {
            "country": ["Côte d'Ivoire", "France"],
            "persons_1990": [300_000, 40_000],
            "persons_2020": [500_000, 80_000],
            "change": [200_000, 40_000],
        }
    )
    fig = charts.demography.change_by_destination(change, 1990, 2020, 1e6, 1.3e6)
    title, subtitle, source = _texts(fig)
    assert title == (
        "From 1,000,000 Malians abroad in 1990 to 1,300,000 in 2020; most growth in Côte d'Ivoire"
    )
    assert subtitle.endswith("the two largest communities of 2020")  # in words: ten or less
    assert source == "Source: UN DESA, International Migrant Stock 2020 (both sexes)"
    (ax,) = fig.axes
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Côte d'Ivoire", "France"]
    assert len(ax.collections) == 3  # the connecting lines and two sets of points
    assert ax.yaxis_inverted()


def test_women_share_by_destination():
    women = pd.DataFrame({"country": ["A", "B", "C"], "women_share_pct": [30.4, 52.6, 44.0]})
    fig = charts.demography.women_share_by_destination(women, 45.25, 2020)
    title, subtitle, source = _texts(fig)
    # The range is of the communities drawn, not of every country (issue 23).
    assert (
        title
        == "Women were 45.2% of Malians abroad in 2020, 30% to 53% in the three largest communities"
    )
    assert subtitle.startswith("Women as a share of migrants from Mali (mostly born there)")
    assert source == "Source: UN DESA, International Migrant Stock 2020, by sex"
    (ax,) = fig.axes
    assert len(_bars(ax)) == 3
    assert [line.get_xdata()[0] for line in ax.lines] == [45.25, 50]
    assert subtitle.endswith("dotted line: parity (50%)"), "the 50% line is explained"
    assert [t.get_text() for t in ax.texts] == [" 30.4%", " 52.6%", " 44.0%"]
    assert ax.get_xlim()[1] < 100, "the axis stops near the largest share"


def test_document_vs_un_by_region():
    ratios = pd.Series({"Africa": 3.04, "Europe": 2.5, "France": 1.26})
    fig = charts.demography.document_vs_un_by_region(ratios, 2020)
    title, subtitle, source = _texts(fig)
    assert title == "Document ÷ UN 2020: 3.0× in Africa, 2.5× in Europe, 1.3× in France"
    assert subtitle.endswith("(1 = the two agree)")
    assert source.startswith("Source: the source document section 1.1")
    (ax,) = fig.axes
    assert len(_bars(ax)) == 3
    assert [t.get_text() for t in ax.texts] == ["3.04×", "2.50×", "1.26×"]


def test_document_vs_un_by_region_in_french():
    """The places are codes (analysis.demography.document_vs_un), named in French."""
    diaspora_helpers.setup(language="fr")
    ratios = pd.Series({"Africa": 3.04, "Europe": 2.5, "France": 1.26})
    fig = charts.demography.document_vs_un_by_region(ratios, 2020)
    title, _subtitle, _source = _texts(fig)
    assert title == ("Document ÷ ONU 2020\u202f: 3,0× en Afrique, 2,5× en Europe, 1,3× en France")
    assert [t.get_text() for t in fig.axes[0].texts] == ["3,04×", "2,50×", "1,26×"]
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["Afrique", "Europe", "France"]


def test_foreigners_in_mali():
    immigrants = pd.Series([150_000, 300_000, 500_000], index=[1990, 2005, 2020])
    foreign = pd.Series({"value": 160_000, "reference_year": 2009})
    fig = charts.demography.foreigners_in_mali(immigrants, foreign, 2.34)
    title, subtitle, source = _texts(fig)
    assert title == (
        "The UN counts 2.3× as many international migrants in Mali as the census counted "
        "foreign nationals"
    )
    assert "or foreign citizens where no birthplace is recorded" in subtitle
    assert "(2009 census, dot); ratio for 2009, UN interpolated" in subtitle
    assert source.startswith("Source: UN DESA")
    (ax,) = fig.axes
    assert len(ax.lines) == 1 and len(ax.collections) == 1
    assert list(ax.collections[0].get_offsets()[0]) == [2009, 160]


def _series():
    return pd.DataFrame(
        {
            "year": [2010, 2011, 2012],
            "remittances_usd": [400e6, 900e6, 800e6],
            "remittances_xof": [200e9, 420e9, 410e9],
            "share_2022_published_pct": [5.0, 6.0, float("nan")],
            "share_2026_derived_pct": [4.0, 5.0, 5.5],
        }
    )


def test_remittances_over_time_has_two_panels():
    amount = {"usd": 850e6, "xof": 430e9}
    fig = charts.remittances.remittances_over_time(_series(), 2012, 2012, amount)
    title, subtitle, source = _texts(fig)
    assert title == (  # no colon: it follows "Key finding:" on the page (rfr10)
        "Mali received USD 800 million in remittances in 2012; the peak was USD 900 million in 2011"
    )
    assert subtitle.startswith("Personal remittances received by Mali per year")
    assert source.startswith("Source: World Bank, WDI, datahub.io copy of 1 July 2026")
    left, right = fig.axes
    assert [_title(left), _title(right)] == ["USD, millions", "CFA francs, billions"]
    assert len(left.lines) == len(right.lines) == 1
    assert len(left.collections) == len(right.collections) == 2
    assert right.get_legend() is None


def test_remittances_share_of_gdp_two_releases():
    fig = charts.remittances.remittances_share_of_gdp_two_releases(_series(), 2011)
    title, subtitle, source = _texts(fig)
    assert title == (
        "Remittances in 2011: 6.0% of GDP as published in 2022, 5.0% with the 2026 copy's GDP"
    )
    assert subtitle.startswith("Personal remittances received by Mali, percent of GDP")
    assert source.startswith("Source: World Bank, WDI, release of 15 February 2022")
    (ax,) = fig.axes
    assert len(ax.lines) == 3  # two releases and the marker of the year
    assert len(ax.lines[0].get_xdata()) == 2  # the 2022 release stops where its data stop


def test_mali_and_peers_colours_and_missing_data():
    compared = pd.DataFrame(
        {
            "country": ["Mali", "Senegal", "Sub-Saharan Africa"],
            "iso3": ["MLI", "SEN", "SSF"],
            "share_2026_derived_pct": [5.5, float("nan"), 2.5],
            "per_emigrant_usd": [900.0, 1200.0, 700.0],
        }
    )
    mali = pd.Series({"un_year": 2020.0})
    fig = charts.remittances.mali_and_peers(compared, ["SSF"], mali, 1, 2, 2012)
    title, subtitle, source = _texts(fig)
    assert title == "Mali ranked 1st of two on remittances as a share of GDP in 2012"
    assert subtitle.endswith("grey: World Bank aggregates")
    assert source.endswith("(emigrants, 2020)")
    left, right = fig.axes
    colours = [_hex(b.get_facecolor()) for b in _bars(left)]
    assert colours == [
        charts.style.PALETTE["mali"],
        charts.style.PALETTE["wb"],
        charts.style.PALETTE["grey"],
    ]
    assert [t.get_text() for t in left.texts] == [" 5.5%", " no data", " 2.5%"]
    assert [t.get_text() for t in right.texts] == [" 900", " 1,200", " 700"]
    assert [t.get_text() for t in right.get_yticklabels()] == [""] * 3


def test_bilateral_senders_2017_notes_model_zeros():
    shown = pd.DataFrame(
        {
            "country": ["France", "Côte d'Ivoire"],
            "usd_millions": [300.0, 0.0],
            "malians_there_2017": [80_000, 1_000_000],
            "model_artefact": [False, True],
        }
    )
    top_two = pd.DataFrame(
        {"iso3": ["FRA", "ESP"], "country": ["France", "Spain"], "share_pct": [40.0, 20.4]}
    )
    fig = charts.remittances.bilateral_senders_2017(shown, top_two)
    title, subtitle, source = _texts(fig)
    assert title == "France and Spain send 60% of Mali's remittances in the 2017 model"
    assert subtitle.endswith("many people born in Mali live there)")
    assert source.startswith("Source: World Bank/KNOMAD")
    (ax,) = fig.axes
    assert len(_bars(ax)) == 2
    notes = [t.get_text() for t in ax.texts]
    assert notes == [" 300.0", " 0 in the model, yet 1,000,000 people born in Mali live there"]
    assert _hex(ax.texts[1].get_color()) == charts.style.PALETTE["mali"]


def test_corridor_costs_into_mali():
    costs = pd.DataFrame(
        {
            "corridor": ["France → Mali"] * 2 + ["Senegal → Mali"] * 2,
            "time": [2011.0, 2012.0, 2011.0, 2012.0],
            "cost_pct": [12.0, 9.0, 8.0, 6.0],
        }
    )
    average = pd.Series([10.0, 8.0], index=[2011, 2012])
    test = pd.Series({"year": 2012, "corridors": 2, "above_ceiling": 2})
    fig = charts.remittances.corridor_costs_into_mali(costs, average, test, 5.0, 3.0)
    title, subtitle, source = _texts(fig)
    assert title == "In 2012, two of two corridors into Mali cost more than the SDG ceiling of 5%"
    assert subtitle.startswith("Total cost of sending the equivalent of USD 200")
    assert source.startswith("Source: World Bank, Remittance Prices Worldwide")
    (ax,) = fig.axes
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == [
        "France → Mali",
        "Senegal → Mali",
        "Mali, yearly average",
        "SDG 10.c ceiling for each corridor (5%)",
        "Scenario cost (3%)",
    ]
    assert list(ax.lines[2].get_xdata()) == [2011, 2012, 2013]


def test_scenario_lower_costs_highlights_the_year():
    scenario = pd.DataFrame({"year": [2011, 2012, 2013], "gain_usd": [20e6, 30e6, 10e6]})
    fig = charts.remittances.scenario_lower_costs(scenario, 3.0, 60e6, 2012)
    title, subtitle, source = _texts(fig)
    assert title == "Scenario: a 3% cost would have added USD 60 million in 2011–2013"
    assert subtitle.endswith("highlighted: 2012")
    assert source.startswith("Source: World Bank, WDI, datahub.io copy of 1 July 2026")
    (ax,) = fig.axes
    colours = [_hex(b.get_facecolor()) for b in _bars(ax)]
    assert colours == [
        charts.style.PALETTE["wb"],
        charts.style.PALETTE["mali"],
        charts.style.PALETTE["wb"],
    ]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2011", "2012", "2013"]
    assert [t.get_text() for t in ax.texts] == ["20", "30", "10"]
    assert not math.isclose(ax.get_ylim()[1], 1)


def test_the_average_cost_chart_draws_only_the_target_for_averages():
    costs = pd.DataFrame({"year": [2011, 2016, 2020], "cost_pct": [11.0, 5.3, 4.2]})
    summary = {"first_pct": 11.0, "first_year": 2011, "last_pct": 4.2, "last_year": 2020}
    fig = charts.policy.cost_of_sending_money(costs, summary, 3.0)
    (ax,) = fig.axes
    levels = sorted(line.get_ydata()[0] for line in ax.get_lines()[1:])
    assert levels == [3.0], "the corridor ceiling does not apply to an average"
    assert [t.get_text() for t in ax.texts] == [" SDG 10.c target for the average cost: 3%"]


def test_the_coverage_grid_uses_the_width_of_its_slide():
    """The grid is not squeezed into a square box that leaves a third of the slide empty."""
    from diaspora_helpers.analysis import policy

    fig = charts.policy.coverage_grid(
        policy.coverage_matrix(scope="all"),
        policy.strategies_in_scope(scope="all"),
        policy.constraint_list(),
        title="A finding",
        highlight=list(policy.gaps().index),
        gaps_only=False,
    )
    fig.draw_without_rendering()
    (ax,) = fig.axes
    box = ax.get_position()
    assert box.x1 > 0.85, f"the grid ends at {box.x1:.2f} of the slide's width"
    assert min(t.get_fontsize() for t in ax.get_yticklabels()) >= 9


def test_the_average_cost_chart_speaks_french_in_the_french_edition():
    from diaspora_helpers import setup

    setup(language="fr")
    costs = pd.DataFrame({"year": [2011, 2016, 2020], "cost_pct": [11.0, 5.3, 4.2]})
    summary = {"first_pct": 11.0, "first_year": 2011, "last_pct": 4.2, "last_year": 2020}
    fig = charts.policy.cost_of_sending_money(costs, summary, 3.0)
    (ax,) = fig.axes
    assert [t.get_text() for t in ax.texts] == [
        " Cible 10.c des ODD pour le coût moyen\u202f: 3\u00a0%"
    ]
    title, _subtitle, _source = fig._house_labels
    assert title.startswith("Envoyer de l’argent au Mali coûtait 11,0\u00a0% du montant en 2011")
    assert ax.get_ylabel() == "% du montant envoyé"
