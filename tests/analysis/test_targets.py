"""SDG 10.c: each threshold is compared only with the measure it applies to."""

from pathlib import Path

import diaspora_test_support as support
import pandas as pd
import pytest

from diaspora_helpers.analysis import remittances, targets
from diaspora_helpers.i18n import labelled

ROOT = Path(__file__).resolve().parents[2]


def _costs(rows):
    return pd.DataFrame(rows, columns=["corridor", "year", "quarter", "cost_pct"])


def test_the_average_target_is_strictly_below_three_percent():
    assert targets.threshold("average") == 3.0
    assert targets.compare(2.99, "average")
    assert not targets.compare(3.0, "average")
    assert not targets.compare(4.24, "average"), "Mali's 2020 average does not meet the target"


def test_a_corridor_fails_only_when_higher_than_five_percent():
    assert targets.threshold("corridor") == 5.0
    assert targets.compare(5.0, "corridor")
    assert not targets.compare(5.01, "corridor")


def test_a_measure_sdg_sets_no_threshold_for_is_refused():
    with pytest.raises(ValueError, match="no threshold for a 'gdp_share' measure"):
        targets.compare(4.0, "gdp_share")


def test_a_corridor_is_judged_on_the_mean_of_its_quarters_in_the_year():
    costs = _costs(
        [
            ("A → Mali", 2020, 1, 5.6),  # one quarter above the ceiling ...
            ("A → Mali", 2020, 3, 4.0),  # ... but a mean of 4.8: passes
            ("B → Mali", 2020, 1, 5.2),
            ("B → Mali", 2020, 3, 5.0),  # mean 5.1: fails
            ("B → Mali", 2021, 1, 5.0),  # exactly at the ceiling: passes
        ]
    )
    judged = targets.corridor_years(costs).set_index(["year", "corridor"])
    assert judged.loc[(2020, "A → Mali"), "quarters_cross"]
    assert not judged.loc[(2020, "A → Mali"), "above_ceiling"]
    assert judged.loc[(2020, "B → Mali"), "above_ceiling"]
    assert not judged.loc[(2021, "B → Mali"), "above_ceiling"]
    test = targets.corridor_test(costs).set_index("year")
    assert test.loc[2020, "above_ceiling"] == 1 and test.loc[2020, "corridors_above_ceiling"] == (
        "B → Mali",
    )
    assert test.loc[2021, "above_ceiling"] == 0


def test_mali_fails_the_corridor_test_in_2016_and_2020():
    test = targets.corridor_test(remittances.corridor_costs()).set_index("year")
    assert "Nigeria → Mali" in test.loc[2020, "corridors_above_ceiling"]
    assert "Nigeria → Mali" in test.loc[2016, "corridors_above_ceiling"]


def test_no_module_keeps_its_own_copy_of_the_thresholds():
    assert not hasattr(remittances, "SDG_TARGET_PCT")
    assert not hasattr(remittances, "SDG_CORRIDOR_CEILING_PCT")


@pytest.mark.parametrize("name", ["02_remittances.ipynb", "04_constraints_and_strategies.ipynb"])
def test_no_notebook_holds_an_average_against_the_corridor_ceiling(name):
    text = support.notebook_prose(name)
    for wrong in ("under the 5% ceiling", "above the 5% ceiling", "below the 5% ceiling"):
        assert wrong not in text, f"{name} says {wrong!r}"


def test_the_targets_as_read_put_their_codes_in_the_editions_language():
    from diaspora_helpers import setup

    english = targets.as_reading()
    assert list(english["applies_to"]) == ["average", "corridor"]
    assert list(english["comparison"]) == ["below", "not_above"]
    assert list(labelled(english)["comparison"]) == ["below", "not above"]
    setup(language="fr")
    french = labelled(targets.as_reading())
    assert list(french["applies_to"]) == ["Coût moyen des envois vers un pays", "Chaque corridor"]
    assert list(french["comparison"]) == ["inférieur à", "au plus égal à"]
    assert french["measure"].str.startswith("Coût total").all()  # data/fr/sdg_targets.csv
    assert list(french["value_pct"]) == list(english["value_pct"])
    codes = ["applies_to", "comparison", "value_pct", "compare_with_series"]
    assert targets.as_reading()[codes].equals(english[codes])  # the same in every edition


def test_the_targets_as_read_refuse_a_code_without_wording():
    table = targets.sdg_targets().reset_index(drop=True)
    table["comparison"] = table["comparison"].astype(str).replace("below", "at_most")
    with pytest.raises(KeyError, match="at_most"):
        targets.as_reading(table)


def test_a_series_reads_as_its_name_in_each_edition():
    """Issue 25: the targets table showed bare series codes (``SI.RMT.COST.IB.ZS``); it
    shows each series' name from data/definitions.csv (data/fr/ in French), and a WDI
    table shown as loaded names its indicators, the code beside only where asked."""
    import csv

    from diaspora_helpers import setup, tables
    from diaspora_helpers.data import load

    data = support.PROJECT / "data"

    def names(path):
        with path.open(encoding="utf-8", newline="") as handle:
            return {row["id"]: row["name"] for row in csv.DictReader(handle)}

    english, french = names(data / "definitions.csv"), names(data / "fr" / "definitions.csv")
    with (data / "definitions.csv").open(encoding="utf-8", newline="") as handle:
        ids = {row["code"]: row["id"] for row in csv.DictReader(handle) if row["code"]}
    for language, expected in (("en", english), ("fr", french)):
        setup(language=language)
        shown = labelled(targets.as_reading())
        codes = targets.as_reading()["compare_with_series"]
        assert list(shown["compare_with_series"]) == [expected[ids[c]] for c in codes]
        wdi = load("wdi_indicators")
        mali = wdi.loc[(wdi["iso3"] == "MLI") & (wdi["year"] == 2020), ["indicator_code", "value"]]
        page = tables.show(mali, codes=["indicator_code"]).to_html()
        for code in mali["indicator_code"]:
            assert f"<code>{code}</code>" in page and expected[ids[code]] in page, code
        bare = tables.show(mali).to_html()
        assert not any(code in bare for code in mali["indicator_code"])
    setup(language="en")
