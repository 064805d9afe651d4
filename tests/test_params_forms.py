"""One value means one thing, however it is given (issue 16, item 5).

A value reaches a notebook through papermill's ``-p`` (its own type guess), papermill's
``-y``/``-f`` (YAML 1.1), the runner's ``-p`` (:func:`requests.parse_value`) or the runner's
YAML (``-y``, ``-f``, ``--params-file``: :func:`params.load_yaml`). After the notebook's
check, every road must give the same Python value, or the same refusal.
"""

from __future__ import annotations

import pytest
import yaml
from papermill.cli import _resolve_type as papermill_p

from diaspora_helpers import params
from diaspora_helpers.params import ParameterError
from diaspora_helpers.publish.execution import selection as requests

ROADS = {
    "papermill -p": papermill_p,
    "papermill -y/-f": lambda text: yaml.safe_load(f"value: {text}")["value"],
    "runner -p": requests.parse_value,
    "runner -y/-f/--params-file": lambda text: params.load_yaml(f"value: {text}")["value"],
}
CODES = ["SEN", "NER", "GIN"]
CHECKS = {
    "float": lambda v: params.check_float("rate", v, minimum=0, maximum=10),
    "list": lambda v: params.check_choices("peers", v, CODES),
    "bool": lambda v: params.check_bool("flag", v),
    "int": lambda v: params.check_int("year", v, minimum=1990, maximum=2020),
}
CASES = [
    ("float", "5e0", 5.0),
    ("float", "1e-1", 0.1),
    ("float", "2.5", 2.5),
    ("float", "3", 3.0),
    ("float", "50e0", "refused"),
    ("float", "five", "refused"),
    ("list", '["SEN","NER"]', ["SEN", "NER"]),
    ("list", "[SEN, NER]", ["SEN", "NER"]),
    ("list", "SEN,NER", ["SEN", "NER"]),
    ("list", "SEN", ["SEN"]),
    ("list", '["SEN","FRA"]', "refused"),
    ("list", "[]", "refused"),
    ("bool", "True", True),
    ("bool", "false", False),
    ("bool", "maybe", "refused"),
    ("int", "2012", 2012),
    ("int", "2e3", "refused"),
    ("int", "1850", "refused"),
]


def _outcome(kind: str, given: object) -> object:
    try:
        return CHECKS[kind](given)
    except ParameterError as exc:
        return "refused", exc.name, exc.allowed.split(" (not allowed")[0]


@pytest.mark.parametrize(("kind", "text", "expected"), CASES, ids=lambda v: repr(v))
def test_every_road_gives_the_same_value(kind, text, expected):
    outcomes = {road: _outcome(kind, read(text)) for road, read in ROADS.items()}
    first = next(iter(outcomes.values()))
    assert all(o == first for o in outcomes.values()), outcomes
    if expected == "refused":
        assert first[0] == "refused"
    else:
        assert first == expected and type(first) is type(expected)


def test_yaml_reads_an_exponent_without_a_dot_as_a_float():
    assert params.load_yaml("a: 5e0\nb: 3\nc: NO\nd: 1.5") == {
        "a": 5.0,
        "b": 3,
        "c": False,
        "d": 1.5,
    }


def test_check_float_refuses_other_strings_with_the_usual_message():
    with pytest.raises(ParameterError, match="Parameter 'rate' got '3' .*allowed: a number"):
        params.check_float("rate", "3", minimum=0)


def test_unreadable_list_string_is_refused_clearly():
    with pytest.raises(ParameterError, match="'peers' got '\\[\"SEN\"'.*not a readable list"):
        params.check_choices("peers", '["SEN"', CODES)
