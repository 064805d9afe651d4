"""The sentences of notebook 00: their numbers are the ones computed from the data, in the
edition's number format, and the English wording is what the notebook has always shown."""

import re

import pandas as pd
import pytest

import diaspora_helpers
from diaspora_helpers import text
from diaspora_helpers.analysis import key_figures
from diaspora_helpers.prose import overview

NNBSP, NBSP = "\u202f", "\u00a0"

WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
FRENCH = ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix")


@pytest.fixture
def key() -> pd.DataFrame:
    return key_figures.key_figures()


def test_kinds_of_estimate_counts_the_table_in_both_editions(key):
    kinds = key["estimate_kind"].astype("str").value_counts()
    english = overview.kinds_of_estimate(key).text
    area = key.loc[key["estimate_kind"].astype("str") == "geographic", "label"]
    assert len(area) == 1  # the area: the eighth figure, neither people nor money
    assert english.startswith(
        f"Of the {WORDS[len(key)]} headline figures, {WORDS[kinds['administrative']]} are "
        f"administrative estimates, {WORDS[kinds['census']]} come from the 2009 census, "
        f"{WORDS[kinds['central_bank']]} from the central bank (BCEAO) and one is a geographic "
        f"measure ({area.iloc[0][0].lower()}{area.iloc[0][1:]})."
    )
    assert sum(kinds[k] for k in ("administrative", "census", "central_bank", "geographic")) == (
        len(key)
    )  # the sentence accounts for every figure
    diaspora_helpers.setup(language="fr")
    french = overview.kinds_of_estimate(key_figures.key_figures()).text  # French labels
    assert french.startswith(f"Sur les {FRENCH[len(key)]} chiffres clés, ")
    assert "et un est une donnée géographique (superficie du Mali)." in french
    assert f"administratifs{NNBSP}:" in french


def test_kinds_of_estimate_counts_a_kind_that_is_absent_as_zero():
    small = pd.DataFrame({"estimate_kind": ["census", "census"]})
    said = overview.kinds_of_estimate(small).text
    assert said.startswith(
        "Of the two headline figures, zero are administrative estimates, two come"
    )
    assert "geographic" not in said  # no geographic figure, no clause about one


def test_printed_shares_names_the_shares_that_do_not_hold(key):
    shares = key_figures.recomputed_shares(key)
    wrong = shares[~shares["agrees"]]
    assert len(wrong) == 2  # Europe and France, as the audit records
    english = overview.printed_shares(shares, 2).text
    europe = wrong.loc["malians_in_europe"]
    assert english == (
        f"Of the {WORDS[len(shares)]} printed shares, {WORDS[len(shares) - 2]} are right to the "
        f"precision printed. The two that are not: {wrong['label'].iloc[0]} (printed 1.3%, "
        f"computed {europe['recomputed_share_pct']:.2f}%); {wrong['label'].iloc[1]} (printed 1.3%, "
        f"computed {wrong['recomputed_share_pct'].iloc[1]:.2f}%)."
    )
    diaspora_helpers.setup(language="fr")
    french_shares = key_figures.recomputed_shares(key_figures.key_figures())
    french = overview.printed_shares(french_shares, 2).text
    computed = f"{europe['recomputed_share_pct']:.2f}".replace(".", ",") + f"{NBSP}%"
    assert "Maliens établis en Europe (publiée" in french
    assert f"calculée{NNBSP}: {computed})" in french
    assert french.startswith(
        f"Sur les {FRENCH[len(shares)]} parts publiées, {FRENCH[len(shares) - 2]} sont exactes"
    )
    assert f"){NNBSP}; Maliens établis en France" in french


def _shares(agrees: list[bool]) -> pd.DataFrame:
    n = len(agrees)
    return pd.DataFrame(
        {
            "label": [f"Figure {i}" for i in range(n)],
            "stated_share_pct": [1.3] * n,
            "recomputed_share_pct": [1.3 if a else 2.0 for a in agrees],
            "agrees": agrees,
        }
    )


def test_printed_shares_agrees_in_number_with_one_share_or_none():
    assert overview.printed_shares(_shares([True, True]), 1).text == (
        "Of the two printed shares, two are right to the precision printed."
    )
    one = overview.printed_shares(_shares([True, False]), 1).text
    assert one.startswith("Of the two printed shares, one is right")
    assert one.endswith("The one that is not: Figure 1 (printed 1.3%, computed 2.0%).")
    diaspora_helpers.setup(language="fr")
    one = overview.printed_shares(_shares([True, False]), 1).text
    assert one.startswith("Sur les deux parts publiées, une est exacte")
    assert f"Celle qui ne l’est pas{NNBSP}: Figure 1" in one


def test_share_of_all_states_both_denominators(key):
    share = key_figures.share_of_all_malians(key)
    english = overview.share_of_all(share, 2).text
    assert f"{share['share_of_residents_pct']:.2f}%" in english
    assert f"{share['share_of_all_pct']:.2f}% of all Malians" in english
    assert "4 million Malians abroad" in english and "14,528,662 residents" in english
    diaspora_helpers.setup(language="fr")
    french = overview.share_of_all(share, 2).text
    for value in (share["share_of_residents_pct"], share["share_of_all_pct"]):
        assert text.percent(value, 2) in french
        assert re.search(r"\d,\d\d\u00a0%", text.percent(value, 2))
    assert f"14{NNBSP}528{NNBSP}662 résidents" in french
    assert "les 4\u00a0millions de Maliens établis à l’extérieur" in french


def test_share_of_all_names_a_missing_value():
    with pytest.raises(KeyError, match="residents"):
        overview.share_of_all({"abroad": 1.0}, 2)
