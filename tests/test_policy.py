"""Constraints, strategies and the coverage links between them; the evidence hooks."""

import pandas as pd
import pytest

from diaspora_helpers import policy


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
    assert (summary["max_year"], summary["last_pct"]) == (2016, 10.0)
    with pytest.raises(KeyError):
        policy.remittance_cost(wdi, "NER")


def test_corridor_costs_average_each_year():
    rpw = pd.DataFrame(
        {
            "sending_name": ["France", "France", "France"],
            "receiving_iso3": ["MLI", "MLI", "SEN"],
            "year": [2011, 2011, 2011],
            "cost_pct": [10.0, 12.0, 5.0],
        }
    )
    assert policy.corridor_costs(rpw)["cost_pct"].tolist() == [11.0]


def test_un_emigrants_and_the_count_gap():
    stock = pd.DataFrame(
        {
            "direction": ["emigrants", "emigrants", "immigrants", "emigrants"],
            "sex": ["total", "female", "total", "total"],
            "partner_kind": ["world", "world", "world", "country"],
            "year": [2020, 2020, 2020, 2020],
            "value": [1_000_000, 400_000, 500_000, 300_000],
        }
    )
    un = policy.un_emigrants(stock)
    assert un["un_emigrants"].tolist() == [1_000_000]
    gap = policy.count_gap(4_000_000, un)
    assert gap.loc[0, "ratio"] == 4.0
    assert gap.loc[0, "difference"] == 3_000_000
