"""The sentences of notebook 02: numbers computed from the data, in both editions."""

from __future__ import annotations

import pandas as pd
import pytest
from diaspora_test_support import in_words

from diaspora_helpers import prose, setup, text
from diaspora_helpers.analysis import key_figures, remittances, targets

NNBSP = "\u202f"  # narrow no-break space: French thousands separator, before : ;
NBSP = "\u00a0"  # no-break space: French, before %


@pytest.fixture(scope="module")
def amount() -> dict[str, float]:
    stated = key_figures.key_figures().loc["remittances"]
    return remittances.document_amount(stated["value"], int(stated["reference_year"]))  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar


@pytest.fixture(scope="module")
def costs() -> pd.DataFrame:
    return remittances.corridor_costs()


def test_document_figure_states_the_computed_amounts(amount):
    said = prose.remittances.document_figure(amount, "BCEAO 2012").text
    assert f"USD {text.number(amount['usd'] / 1e6)} million at the average rate" in said
    assert f"€{text.number(amount['eur'] / 1e6)} million" in said
    gap = text.percent(abs(amount["document_over_wb_pct"]))
    side = "higher" if amount["document_over_wb_pct"] > 0 else "lower"
    assert said.endswith(f"the document's figure is {gap} {side}.")


def test_document_figure_in_french_reads_milliards_de_fcfa(amount):
    setup(language="fr")
    said = prose.remittances.document_figure(amount, "BCEAO 2012").text
    xof = text.billions(amount["xof"], 0)
    assert f"Les {xof} de FCFA du document" in said
    assert xof == "432\u00a0milliards"
    assert "655,957 francs pour un euro" in said
    gap = abs(amount["document_over_wb_pct"])
    assert f"{gap:.1f}".replace(".", ",") + NBSP + "%" in said
    assert "USD" not in said and "billion" not in said


@pytest.mark.parametrize(
    ("focus", "expected", "french"),
    [
        ({"usd": 40e6, "xof": float("nan"), "eur": float("nan")}, "no CFA franc amount", "FCFA"),
        ({"usd": 40e6, "xof": 12e9, "eur": float("nan")}, "the euro did not yet exist", "l’euro"),
        ({"usd": 40e6, "xof": 12e9, "eur": 18e6}, "or €18 million.", "18\u00a0millions d’euros"),
    ],
)
def test_chosen_year_says_which_currencies_existed(focus, expected, french):
    said = prose.remittances.chosen_year(focus, 1990).text
    assert said.startswith("In the chosen year, 1990, the World Bank records USD 40 million:")
    assert expected in said
    setup(language="fr")
    said = prose.remittances.chosen_year(focus, 1990).text
    assert said.startswith(
        "Pour l’année choisie, 1990, la Banque mondiale enregistre 40\u00a0millions"
    )
    assert french in said


def test_growth_counts_the_steps_in_opposite_directions():
    series = pd.DataFrame(
        {
            "year": [1983, 1984, 1985, 1986, 1987],
            "remittances_usd": [10e6, 20e6, 18e6, 25e6, 30e6],
            "remittances_xof": [float("nan"), 8e9, 9e9, 8e9, 12e9],
        }
    )
    divergent = remittances.currency_divergence(series)
    assert divergent == [1985, 1986]
    said = prose.remittances.growth(series, divergent).text
    assert "from USD 10 million in 1983 to USD 30 million in 1987" in said
    assert "In two of the three year-to-year steps since 1984" in said
    assert "(the latest: 1985, 1986)" in said


def test_vintages_adds_the_year_the_chart_uses_only_when_it_differs():
    same = prose.remittances.vintages(1.19, 2012, 2012).text
    assert "typically 1.19 times the derived one" in same and "19% higher" in same
    assert "chart's title" not in same
    other = prose.remittances.vintages(1.19, 2023, 2020).text
    assert other.endswith(
        "The chosen year 2023 is not in the 2022 release, so the chart's title uses 2020."
    )
    setup(language="fr")
    said = prose.remittances.vintages(1.19, 2012, 2012).text
    assert "1,19 fois" in said and f"19{NBSP}%" in said


def test_per_person_ranks_mali_and_names_the_missing():
    compared = remittances.per_person(2012, ["MLI", "SEN", "BFA"])
    mali = compared.set_index("iso3").loc["MLI"]
    rank, ranked = remittances.rank_of(compared, "share_2026_derived_pct", "MLI")
    said = prose.remittances.per_person(mali, rank, ranked, 2012, ["Nowhere"]).text
    assert f"USD {mali['per_resident_usd']:,.0f} per resident" in said
    suffix = {1: "st", 2: "nd", 3: "rd"}[rank]  # three countries compared
    assert f"ranks {rank}{suffix} of the {in_words(ranked)} countries" in said
    assert said.endswith("No remittance figure for 2012: Nowhere.")


def test_bilateral_counts_the_model_zeros():
    senders = remittances.bilateral_into_mali()
    wb_2017 = remittances.value_in(remittances.mali_series(), 2017, "remittances_usd")
    said = prose.remittances.bilateral(senders, wb_2017).text
    artefacts = senders[senders["model_artefact"]]
    countries = ", ".join(artefacts["country"])
    assert f"The model gives {in_words(len(artefacts))} zeros in all ({countries})" in said
    assert "such zeros" not in said, "not every zero is an artefact (Slovakia: 1 person)"
    top = text.percent(senders.head(2)["share_pct"].sum())
    assert f"together send {top} of the USD" in said
    setup(language="fr")
    senders = remittances.bilateral_into_mali()
    said = prose.remittances.bilateral(senders, wb_2017).text
    stock = int(senders.set_index("iso3").loc["CIV", "malians_there_2017"])
    assert f"{stock:,}".replace(",", NNBSP) + " personnes nées au Mali" in said
    assert "Tunisie" in said  # country names in French


def test_corridor_test_counts_failing_years(costs):
    test = targets.corridor_test(costs)
    judged = targets.corridor_years(costs)
    said = prose.remittances.corridor_test(test, judged, 5.0).text
    failing = int((test["above_ceiling"] > 0).sum())
    words = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    shown = [words[n] if n <= 10 else f"{n:,}" for n in (failing, len(test))]
    assert said.startswith(f"In {shown[0]} of the {shown[1]} years surveyed")
    assert "at least one surveyed corridor into Mali cost more than 5% on its yearly mean" in said
    assert "fails" not in said and "a target for 2030" in said


def test_corridor_test_says_none_when_no_corridor_failed():
    test = pd.DataFrame(
        {"year": [2020], "corridors": [2], "above_ceiling": [0], "corridors_above_ceiling": [()]}
    )
    judged = pd.DataFrame(
        {
            "corridor": ["A → Mali"],
            "year": [2020],
            "quarters_cross": [False],
            "above_ceiling": [False],
        }
    )
    said = prose.remittances.corridor_test(test, judged, 5.5).text
    assert "In 2020, none of the two corridors was above it." in said
    assert "more than 5.5%" in said
    assert said.endswith("with a mean that passes.")
    setup(language="fr")
    said = prose.remittances.corridor_test(test, judged, 5.5).text
    assert "aucun des deux corridors ne le dépassait" in said and f"5,5{NBSP}%" in said
    assert "échec" not in said


@pytest.mark.parametrize(("meets", "word"), [(True, "below the 3%"), (False, "still above the 3%")])
def test_average_cost_says_whether_the_target_is_met(meets, word):
    average = pd.Series({2014: 11.05, 2015: 5.11, 2016: 4.0}, name="cost_pct")
    fall = remittances.largest_fall(average)
    said = prose.remittances.average_cost(average, fall, 2015, 2015, meets, 3.0, 5.0).text
    assert "fell most between 2014 and 2015, from 11.05% to 5.11%" in said
    assert word in said
    assert said.endswith("For 2015, the average was 5.11%.")
    nearest = prose.remittances.average_cost(average, fall, 2016, 2022, meets, 3.0, 5.0).text
    assert nearest.endswith("For 2016 (the measured year nearest 2022), the average was 4.00%.")


def test_scenario_gain_and_no_gain():
    scenario = remittances.savings_scenario(3.0)
    said = prose.remittances.scenario(scenario, 2012, 3.0).text
    row = scenario.set_index("year").loc[2012]
    assert f"about USD {row['gain_usd'] / 1e6:,.1f} million more" in said
    assert said.endswith(f"adds up to USD {scenario['gain_usd'].sum() / 1e6:,.0f} million.")
    high = remittances.savings_scenario(12.0)
    said = prose.remittances.scenario(high, 2012, 12.0).text
    assert "At 12%, nothing would change" in said
    setup(language="fr")
    said = prose.remittances.scenario(scenario, 2012, 3.0).text
    assert f"À 3{NBSP}%, les familles" in said and "millions de dollars" in said


def test_constraint_finds_the_corridors_by_code_in_both_editions(costs):
    average = remittances.country_cost()
    fall = remittances.largest_fall(average)
    summary = remittances.corridor_summary(costs, 5.0, 3.0)
    said = prose.remittances.constraint(average, fall, summary, costs).text
    nigeria = summary.set_index("corridor").loc["Nigeria → Mali"]
    assert f"sending from Nigeria cost {text.percent(nigeria['last_cost_pct'])}" in said
    setup(language="fr")
    costs_fr = remittances.corridor_costs()
    summary_fr = remittances.corridor_summary(costs_fr, 5.0, 3.0)
    said = prose.remittances.constraint(average, fall, summary_fr, costs_fr).text
    assert said.startswith("Les données appuient la contrainte pour les années que couvre")
    assert "d’ici à 2030" in said, "the target for the average is dated (fact-check, issue 23)"
    assert f"{nigeria['last_cost_pct']:.1f}".replace(".", ",") + NBSP + "%" in said
