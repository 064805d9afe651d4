"""Constraints, strategies and the coverage links between them; the evidence hooks."""

import pandas as pd
import pytest

from diaspora_helpers.analysis import policy
from diaspora_helpers.data import load
from diaspora_helpers.i18n import labelled


def _constraints() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["c1", "c2", "c3", "c4"],
            "kind": ["endogenous", "exogenous", "endogenous", "exogenous"],
            "theme": ["cost", "cost", "information", "security"],
            "label": ["far from ports", "costly transfers", "no information", "expulsions"],
        }
    )


def _strategies() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["s3", "s1", "s2"],
            "scope": ["investment", "national", "local_development"],
            "label": ["cheaper transfers", "one-stop shop", "inform families"],
        }
    )


def _links() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["l1", "l2", "l3"],
            "strategy_id": ["s3", "s2", "s3"],
            "constraint_id": ["c2", "c3", "c2"],
            "strength": ["direct", "partial", "partial"],
            "rationale": ["a", "b", "c"],
            "reading": ["collection"] * 3,
        }
    )


def test_scope_choices_and_counts_come_from_the_data():
    assert policy.scope_choices(_strategies()) == [
        "all",
        "national",
        "local_development",
        "investment",
    ]
    assert policy.scope_counts(_strategies()).tolist() == [1, 1, 1]


def test_strategies_in_scope_keeps_document_order_and_refuses_unknown_scopes():
    assert list(policy.strategies_in_scope(_strategies())["id"]) == ["s1", "s2", "s3"]
    assert list(policy.strategies_in_scope(_strategies(), "investment")["id"]) == ["s3"]
    with pytest.raises(ValueError, match="diplomacy"):
        policy.strategies_in_scope(_strategies(), "diplomacy")


def test_constraints_by_theme_counts_both_kinds():
    table = policy.constraints_by_theme(_constraints())
    assert table.index.tolist() == ["cost", "information", "security"]
    assert table.loc["cost"].tolist() == [1, 1, 2]


def test_coverage_matrix_keeps_the_strongest_link():
    matrix = policy.coverage_matrix(_links(), _strategies(), _constraints())
    assert matrix.index.tolist() == ["s1", "s2", "s3"]
    assert matrix.columns.tolist() == ["c1", "c3", "c2", "c4"]
    assert matrix.loc["s3", "c2"] == 2
    assert matrix.loc["s2", "c3"] == 1
    assert int(matrix.to_numpy().sum()) == 3


def test_gaps_depend_on_scope():
    everything = policy.gaps(_links(), _strategies(), _constraints())
    assert everything.index.tolist() == ["c1", "c4"]
    investment = policy.gaps(_links(), _strategies(), _constraints(), scope="investment")
    assert investment.index.tolist() == ["c1", "c3", "c4"]


def test_unlinked_strategies_are_named():
    lonely = policy.unlinked_strategies(_links(), _strategies(), _constraints())
    assert lonely.index.tolist() == ["s1"]


def test_coverage_refuses_links_to_unknown_ids():
    links = _links()
    links.loc[0, "constraint_id"] = "c9"
    with pytest.raises(KeyError, match="c9"):
        policy.coverage(links, _strategies(), _constraints())


def test_coverage_by_constraint_counts_direct_and_partial():
    table = policy.coverage_by_constraint(_links(), _strategies(), _constraints())
    assert table.loc["c2", ["direct", "partial", "strategies"]].tolist() == [1, 0, 1]
    assert table.loc["c3", ["direct", "partial"]].tolist() == [0, 1]
    assert table["addressed"].tolist() == [False, True, True, False]


def test_remittance_cost_reads_one_country_of_the_vintage():
    wdi = pd.DataFrame(
        {
            "iso3": ["MLI", "MLI", "SEN", "MLI"],
            "indicator_code": ["SI.RMT.COST.IB.ZS"] * 3 + ["BX.TRF.PWKR.DT.GD.ZS"],
            "year": [2017, 2016, 2016, 2016],
            "value": [10.0, 12.0, 8.0, 5.0],
        }
    )
    costs = policy.remittance_cost(wdi)
    assert costs.values.tolist() == [[2016, 12.0], [2017, 10.0]]
    summary = policy.cost_summary(costs)
    assert (summary["max_year"], summary["last_pct"], summary["years"]) == (2016, 10.0, 2)
    with pytest.raises(KeyError):
        policy.remittance_cost(wdi, "NER")


def _stock() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "direction": ["emigrants", "emigrants", "immigrants", "emigrants"],
            "sex": ["total", "female", "total", "total"],
            "partner_kind": ["world", "world", "world", "world"],
            "year": [2015, 2015, 2015, 2020],
            "value": [1_000_000, 400_000, 500_000, 2_000_000],
        }
    )


def test_count_gap_sets_the_administrative_count_against_others():
    key = pd.DataFrame(
        {"value": [4_000_000.0], "reference_year": [pd.NA]}, index=pd.Index(["malians_abroad"])
    )
    bilateral = pd.DataFrame(
        {
            "table": ["migrant_stock"],
            "direction": ["emigrants"],
            "partner_kind": ["world"],
            "value": [800_000.0],
        }
    )
    gap = policy.count_gap(key, 2015, _stock(), bilateral)
    assert gap["persons"].tolist() == [4_000_000.0, 1_000_000.0, 800_000.0]
    assert gap["ratio_admin_to_this"].tolist() == [1.0, 4.0, 5.0]


def test_nearest_un_year():
    assert policy.nearest_un_year(2016, _stock()) == 2015
    assert policy.nearest_un_year(2019, _stock()) == 2020


def test_gap_matrix_shows_every_strategy_against_the_scope_gaps():
    grid = policy.gap_matrix(_links(), _strategies(), _constraints(), scope="investment")
    assert grid.columns.tolist() == ["c1", "c3", "c4"]
    assert grid.index.tolist() == ["s1", "s2", "s3"]
    assert grid.loc["s2", "c3"] == 1  # a local strategy takes up an investment gap


def test_objectives_by_scope_follow_the_reading():
    objectives = pd.DataFrame(
        {"id": ["o2", "o1"], "objective_no": [2, 1], "label": ["second", "first"]}
    )
    reading = {"o1": ["s1", "s3"], "o2": []}
    table = policy.objectives_by_scope(objectives, _strategies(), "all", reading)
    assert table.index.tolist() == ["o1", "o2"]
    assert table["strategies"].tolist() == [2, 0]
    national = policy.objectives_by_scope(objectives, _strategies(), "national", reading)
    assert national.at["o1", "served_by"] == ("one-stop shop",)
    with pytest.raises(KeyError, match="s9"):
        policy.objectives_by_scope(objectives, _strategies(), "all", {"o1": ["s9"]})


def test_objectives_by_scope_take_the_reading_as_a_table():
    objectives = pd.DataFrame(
        {"id": ["o2", "o1"], "objective_no": [2, 1], "label": ["second", "first"]}
    )
    # rows out of document order: the strategies still come in the document's order
    links = pd.DataFrame(
        {
            "id": ["o1__s3", "o1__s1"],
            "objective_id": ["o1", "o1"],
            "strategy_id": ["s3", "s1"],
            "rationale": ["x", "y"],
            "reading": ["collection"] * 2,
        }
    )
    table = policy.objectives_by_scope(objectives, _strategies(), "all", links)
    assert table["strategies"].tolist() == [2, 0]
    assert table.at["o1", "served_by"] == ("one-stop shop", "cheaper transfers")
    assert labelled(table).at["o1", "served_by"] == "one-stop shop; cheaper transfers"
    assert policy.objective_reading(links) == {"o1": ["s3", "s1"]}
    with pytest.raises(KeyError, match="s9"):
        policy.objectives_by_scope(
            objectives, _strategies(), "all", links.assign(strategy_id=["s9", "s1"])
        )


def test_the_default_objective_reading_names_real_strategies():
    table = policy.objectives_by_scope()
    links = load("objective_strategy_links")
    assert len(table) == len(load("nmp_objectives"))
    assert set(links["objective_id"]) <= set(table.index)
    assert table["strategies"].sum() == len(links)
    assert policy.objective_reading() == policy.objective_reading(links)


def test_the_collection_reads_one_objective_as_served_by_no_strategy():
    table = policy.objectives_by_scope()
    assert table.loc[table["strategies"] == 0].index.tolist() == ["political_participation"]
    assert table.at["culture_sport_tourism", "strategies"] == 1


def test_constraint_label_reads_the_short_label_column():
    named = _constraints().assign(short_label=["Far", "Costly", "", "Expelled"])
    assert policy.constraint_label("c1", "far from ports", named) == "Far"
    assert policy.constraint_label("c3", "no information; at all", named) == "no information"
    assert policy.constraint_label("c9", "New: detail", named) == "New"
    assert policy.constraint_label("c1", "far from ports", _constraints()) == "far from ports"
    assert policy.constraint_label("xenophobia", "x") == "Xenophobia"


def test_coverage_lists_links_in_document_order():
    links = pd.concat(
        [
            _links(),
            pd.DataFrame(
                [
                    {
                        "id": "l4",
                        "strategy_id": "s3",
                        "constraint_id": "c3",
                        "strength": "partial",
                        "rationale": "d",
                        "reading": "collection",
                    }
                ]
            ),
        ],
        ignore_index=True,
    )
    table = policy.coverage(links, _strategies(), _constraints())
    assert table["strategy_id"].tolist() == ["s2", "s3", "s3", "s3"]
    # endogenous c3 comes before exogenous c2, although "c2" sorts first as text
    assert table["constraint_id"].tolist() == ["c3", "c3", "c2", "c2"]


def test_readable_puts_the_codes_in_the_editions_words():
    from diaspora_helpers import setup

    table = policy.coverage()
    shown = table[["strategy", "strength", "constraint_kind", "reading"]]
    same = policy.readable(shown).astype("str").equals(shown.astype("str"))
    assert same, "the codes stay codes; their words are recorded for display"
    assert "host country" in set(labelled(policy.readable(policy.constraint_list()))["theme"])
    setup(language="fr")
    french = labelled(policy.readable(policy.constraint_list()))
    assert set(french["kind"]) == {"endogène", "exogène"}
    assert "pays de résidence" in set(french["theme"])
    assert french.shape == policy.constraint_list().shape
    odd = pd.DataFrame({"kind": ["unheard_of"], "label": ["x"]})
    assert labelled(policy.readable(odd))["kind"].tolist() == ["unheard_of"]


def test_every_scope_has_its_no_strategy_phrase():
    assert set(policy.SCOPE_ORDER) | {"all"} == set(policy.NO_STRATEGY)


def test_the_coverage_matrix_download_names_each_strategy_in_the_edition():
    """Page 04's coverage table had 15 rows of 0/1/2 and no strategy names (the
    francophone reviewer): its download carries the labels beside the codes."""
    import csv

    import diaspora_helpers
    from diaspora_helpers import paths
    from diaspora_helpers.charts.files import chart_table

    with open(paths.data_dir() / "fr" / "strategies.csv", encoding="utf-8", newline="") as f:
        french = {row["id"]: row["label"] for row in csv.DictReader(f)}
    diaspora_helpers.setup(language="fr")
    try:
        table = chart_table(policy.coverage_matrix().reset_index())
    finally:
        diaspora_helpers.setup(language="en")
    assert list(table.columns[:2]) == ["strategy", "strategy_label"]
    assert table["strategy_label"].tolist() == [french[i] for i in table["strategy"]]


@pytest.mark.parametrize("edition", ["en", "fr"])
def test_the_phone_coverage_list_never_puts_two_brackets_in_a_row(edition):
    """Review: « … DIASPO-ISTM (2010) (national) »: a strategy whose label ends with a
    bracket is followed by its scope after a dash; the others keep their brackets."""
    from diaspora_helpers import setup
    from diaspora_helpers.charts.coverage_list import coverage_rows

    setup(language=edition)
    strategies = policy.strategies_in_scope(scope="all")
    matrix, constraints = policy.coverage_matrix(), policy.constraint_list()
    rows = [r.text for r in coverage_rows(matrix, strategies, constraints)]
    assert not [t for t in rows if ") (" in t], rows
    linked = matrix.index[(matrix > 0).any(axis=1)]
    labels = strategies.set_index("id").loc[linked, "label"].astype("str").str.strip()
    bracketed = [label for label in labels if label.endswith(")")]
    for label in bracketed:
        assert any(t.startswith(f"{label} — ") for t in rows), (label, rows)
    if edition == "fr":  # « … DIASPO-ISTM (2010) » is linked: the case the review saw
        assert bracketed, list(labels)
