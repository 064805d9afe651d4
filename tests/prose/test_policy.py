"""Sentences of notebook 04: the numbers they state are the ones computed from the tables,
and the French edition writes them with French words and number formatting."""

import pandas as pd
import pytest
from diaspora_test_support import in_words

from diaspora_helpers import setup
from diaspora_helpers.analysis import policy, targets
from diaspora_helpers.prose import policy as prose

NNBSP = "\u202f"


def _objectives(served: list[int]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "objective": [f"objective {i}" for i in range(len(served))],
            "strategies": served,
        }
    )


def test_constraint_mix_counts_kinds_and_citizenship_texts():
    listed = pd.DataFrame({"kind": ["endogenous"] * 3 + ["exogenous"] * 2})
    citizenship = pd.DataFrame({"reference": ["Law A", "Law B"], "year": [1995, 2011]})
    said = prose.constraint_mix(listed, 4, citizenship).text
    assert said.startswith(
        "Of the five constraints listed here, three are endogenous and two exogenous, spread "
        "over four themes."
    )
    assert "holds two texts on citizenship (Law A of 1995 and Law B of 2011)" in said
    one = prose.constraint_mix(listed, 4, citizenship.head(1)).text
    assert "holds one text on citizenship (Law A of 1995)" in one


def test_scope_summary_names_every_scope_and_the_one_kept():
    counts = policy.scope_counts()
    said = prose.scope_summary(counts, "all", int(counts.sum())).text
    assert said.startswith(f"The document lists {in_words(counts.sum())} strategies: ")
    assert f"{in_words(counts['investment'])} for diaspora investment." in said
    assert said.endswith("This reading covers all of them.")
    kept = prose.scope_summary(counts, "national", int(counts["national"])).text
    assert kept.endswith(
        f"This reading covers the {in_words(counts['national'])} for the national framework."
    )
    with pytest.raises(KeyError):
        prose.scope_summary(counts, "diplomacy", 1)


def test_objectives_served_names_the_unserved_in_quotes():
    said = prose.objectives_served(_objectives([2, 0, 1, 0])).text
    assert said == (
        "Of the policy's four diaspora objectives, two have at least one strategy in scope working "
        "towards them; none serves “objective 1” or “objective 3”."
    )
    assert prose.objectives_served(_objectives([1])).text.endswith("working towards them.")


def test_coverage_summary_counts_links_strategies_and_constraints():
    links = policy.coverage()
    gaps = policy.gaps()
    lonely = policy.unlinked_strategies()
    strategies, constraints = len(policy.strategies_in_scope()), len(policy.constraint_list())
    said = prose.coverage_summary(links, strategies, constraints, gaps, lonely, "all").text
    direct = int((links["strength"] == "direct").sum())
    counts = [
        len(links),
        direct,
        links["strategy_id"].nunique(),
        strategies,
        links["constraint_id"].nunique(),
        constraints,
    ]
    # counts compared in one sentence are written alike: in words only when all are ten or less
    shown = [in_words(n) for n in counts] if max(counts) <= 10 else [f"{n:,}" for n in counts]
    assert max(counts) > 10  # the collection's reading: figures throughout
    assert said.startswith(
        "In this reading, {} links ({} direct, the rest partial) join {} of the {} strategies "
        "to {} of the {} constraints.".format(*shown)
    )
    assert "The constraints that no strategy addresses are: " in said
    none_left = prose.coverage_summary(links, 1, 1, gaps, lonely.head(0), "investment").text
    assert "that no investment strategy addresses" in none_left
    assert none_left.endswith("Every strategy answers at least one listed constraint.")


def _costs() -> pd.DataFrame:
    return pd.DataFrame({"year": [2011, 2012, 2016, 2020], "cost_pct": [11.2, 11.5, 5.25, 4.2]})


def test_cost_reading_states_the_extremes_and_the_year_of_the_document():
    costs = _costs()
    summary = policy.cost_summary(costs)
    on_costs = pd.DataFrame({"strategy": ["Cut costs", "Open the market"]})
    target = targets.threshold("average")
    said = prose.cost_reading(costs, summary, on_costs, 2016, 2016, target).text
    assert said.startswith(
        "Over the four years measured, the cost peaked at 11.5% in 2012 and was lowest, 4.2%, in "
        "2020. In 2016, the year of the document's last dated event, it stood at 5.2%: above "
        f"the {target:g}% target for the average cost."
    )
    assert "two address this constraint: “Cut costs” and “Open the market”." in said
    nearest = prose.cost_reading(costs, summary, on_costs.head(1), 2017, 2016, target).text
    assert "nearest the document's last dated event (2017)" in nearest
    assert "one addresses this constraint" in nearest
    with pytest.raises(KeyError):
        prose.cost_reading(costs, summary, on_costs, 2015, 2015, target)


def _count() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "estimate": ["Source document (administrative)", "UN DESA 2015"],
            "persons": [4_000_000.0, 1_228_544.0],
            "ratio_admin_to_this": [1.0, 4_000_000 / 1_228_544],
        }
    )


def test_count_reading_compares_the_administrative_and_un_counts():
    said = prose.count_reading(_count(), 2015).text
    assert said.startswith(
        "The document's 4 million Malians abroad is 3.3 times the UN's 1,228,544 migrants "
        "from Mali living abroad in 2015."
    )


def test_the_french_sentences_use_french_words_and_numbers():
    setup(language="fr")
    said = prose.count_reading(_count(), 2015).text
    assert f"1{NNBSP}228{NNBSP}544" in said
    assert "3,3" in said
    assert "4\u00a0millions" in said
    assert "Malians" not in said
    costs = _costs()
    cost = prose.cost_reading(
        costs,
        policy.cost_summary(costs),
        pd.DataFrame({"strategy": ["A", "B"]}),
        2016,
        2016,
        targets.threshold("average"),
    ).text
    assert "11,5\u00a0%" in cost
    assert f"«{NNBSP}A{NNBSP}» et «{NNBSP}B{NNBSP}»" in cost
    unserved = prose.objectives_served(_objectives([1, 0, 0])).text
    assert " ou " in unserved and "objective" in unserved and "have" not in unserved


def test_constraint_mix_names_french_laws_in_lower_case_in_its_sentence():
    """« (loi n° 95-70 de 1995 et loi n° 2011-087 de 2011) »: a law's generic word is lower
    case inside a French sentence (issue 24)."""
    import diaspora_helpers

    listed = pd.DataFrame({"kind": ["endogenous"] * 3 + ["exogenous"] * 2})
    citizenship = pd.DataFrame(
        {"reference": ["Loi n° 95-70", "Loi n° 2011-087"], "year": [1995, 2011]}
    )
    diaspora_helpers.setup(language="fr")
    try:
        said = prose.constraint_mix(listed, 4, citizenship).text
    finally:
        diaspora_helpers.setup(language="en")
    assert "(loi n° 95-70 de 1995 et loi n° 2011-087 de 2011)" in said, said
    assert "Loi n°" not in said
