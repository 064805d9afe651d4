"""Parameter checks raise one clear error naming the parameter, the value and the rule."""

import pytest

from diaspora_helpers import params
from diaspora_helpers.params import ParameterError


def test_check_int_accepts_a_choice():
    assert params.check_int("year", 2020, choices=range(1990, 2021, 5)) == 2020


@pytest.mark.parametrize("bad", [2021, "2020", 2020.0, True, None])
def test_check_int_rejects_with_name_value_and_rule(bad):
    with pytest.raises(ParameterError) as err:
        params.check_int("year", bad, choices=[1990, 2020])
    message = str(err.value)
    assert "'year'" in message and repr(bad) in message and "1990" in message


def test_check_int_bounds():
    assert params.check_int("top_n", 1, minimum=1, maximum=30) == 1
    with pytest.raises(ParameterError, match="from 1 to 30"):
        params.check_int("top_n", 0, minimum=1, maximum=30)
    with pytest.raises(ParameterError, match="top_n"):
        params.check_int("top_n", 31, minimum=1, maximum=30)


def test_check_float():
    assert params.check_float("target_cost_pct", 3, minimum=0, maximum=20) == 3.0
    for bad in (-1, 25, "3", float("nan"), False):
        with pytest.raises(ParameterError, match="target_cost_pct"):
            params.check_float("target_cost_pct", bad, minimum=0, maximum=20)


def test_check_bool():
    assert params.check_bool("show_gaps_only", False) is False
    with pytest.raises(ParameterError, match="True or False"):
        params.check_bool("show_gaps_only", "no")


def test_check_choice():
    assert params.check_choice("scope", "all", ["all", "national"]) == "all"
    with pytest.raises(ParameterError, match="'scope' got 'globl'"):
        params.check_choice("scope", "globl", ["all", "national"])


def test_check_choices_lists_strings_and_dedupes():
    allowed = ["SEN", "NER", "MRT"]
    assert params.check_choices("peers", ["SEN", "NER", "SEN"], allowed) == ["SEN", "NER"]
    assert params.check_choices("peers", "SEN, MRT", allowed) == ["SEN", "MRT"]


@pytest.mark.parametrize("bad", [[], "", ["XXX"], [1], 5, None])
def test_check_choices_rejects_empty_unknown_and_wrong_type(bad):
    with pytest.raises(ParameterError, match="'peers'"):
        params.check_choices("peers", bad, ["SEN", "NER"], what="iso3")


def test_check_choices_names_its_items_by_key_and_refuses_words():
    # The notebooks pass a key (a code), never words: the rule's words come from the catalog.
    with pytest.raises(ParameterError, match="a non-empty list of ISO alpha-3 codes"):
        params.check_choices("peers", ["XXX"], ["SEN"], what="iso3")
    with pytest.raises(ValueError, match="not a key of params.LIST_ITEMS") as raised:
        params.check_choices("peers", ["SEN"], ["SEN"], what="country codes")
    assert not isinstance(raised.value, ParameterError)  # the notebook's fault, not the user's


def test_unknown_entry_is_named():
    with pytest.raises(ParameterError, match="not allowed: 'XXX'"):
        params.check_choices("peers", ["SEN", "XXX"], ["SEN"])


def test_check_order():
    params.check_order("start_year", 1991, "end_year", 2016)
    with pytest.raises(ParameterError, match="end_year"):
        params.check_order("start_year", 2016, "end_year", 1991)


def test_parameter_error_is_a_value_error():
    assert issubclass(ParameterError, ValueError)
