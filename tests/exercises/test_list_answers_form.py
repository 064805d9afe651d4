"""A list asked for and a name, or several, typed as plain text: the student is helped with the
form, not sent a hint about the method (rfr7); an unknown id is told where ids are shown.

Labels are read from ``data/`` (``data/events.csv``, ``data/fr/events.csv``), never copied.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from diaspora_helpers import exercises, setup
from diaspora_helpers.exercises import grading

DATA = Path(__file__).resolve().parents[2] / "data"
FIDIMA = "fidima_2009_12"
#: What the form help says in each edition, and what the method hint of 4.2 says.
FORM = {"en": "Answer with a list", "fr": "Répondez par une liste"}
METHOD = {"en": "`start`", "fr": "`start`"}


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    setup(language="en")


def _short_label(language: str, event: str) -> str:
    path = DATA / ("events.csv" if language == "en" else "fr/events.csv")
    with path.open(encoding="utf-8") as f:
        return next(row["short_label"] for row in csv.DictReader(f) if row["id"] == event)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_plain_name_where_a_list_is_asked_gets_help_with_the_form(language):
    setup(language=language)
    # FIDIMA never follows itself: typed alone as text, it is a wrong single entry.
    label = _short_label(language, FIDIMA)
    said = str(exercises.check_events_after_fidima(label))
    assert FORM[language] in said and METHOD[language] not in said
    assert not exercises.check_events_after_fidima(label).correct
    # The same name in a list is read as a list: the verdict is about its content.
    in_list = str(exercises.check_events_after_fidima([label]))
    assert FORM[language] not in in_list


def test_the_french_reported_case_gets_the_form_help():
    setup(language="fr")
    label = _short_label("fr", "consultation_framework_2010_03").lower()
    assert FORM["fr"] in str(exercises.check_events_after_fidima(label))


def test_a_plain_name_that_is_the_whole_answer_is_right_and_a_list_text_is_a_list():
    setup(language="en")
    common = {"valid": ["a", "b"], "what": "ids", "why": "Because.", "hint": "Method."}
    assert grading.grade_set("a", ["a"], **common).correct
    assert FORM["en"] in str(grading.grade_set("b", ["a"], **common))
    # Several names in one text that are not the whole answer: the form, not the method.
    said = str(grading.grade_set("a, b", ["a"], **common))
    assert FORM["en"] in said and "Method." not in said
    assert grading.grade_set("a, b", ["a", "b"], **common).correct
    assert "Method." in str(grading.grade_set(["a", "b"], ["a"], **common))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_list_typed_as_one_text_in_4_4_gets_help_with_the_form(language):
    """rfr8: ``"landlocked, family_demands"`` got the method hint of 4.4."""
    setup(language=language)
    typed = "landlocked, family_demands"
    as_list = exercises.check_unaddressed_constraints(["landlocked", "family_demands"])
    assert not as_list.correct and FORM[language] not in str(as_list)
    said = exercises.check_unaddressed_constraints(typed)
    assert not said.correct
    assert FORM[language] in str(said) and str(as_list) not in str(said)
    # The short names the matrix heads its columns with, typed the same way (data/, not copied).
    path = DATA / ("constraints.csv" if language == "en" else "fr/constraints.csv")
    with path.open(encoding="utf-8") as f:
        short = {row["id"]: row["short_label"] for row in csv.DictReader(f)}
    names = f"{short['landlocked']}; {short['family_demands']}"
    assert FORM[language] in str(exercises.check_unaddressed_constraints(names))


@pytest.mark.parametrize(
    ("language", "header"), [("en", '"ID"'), ("fr", "«\u202fIdentifiant\u202f»")]
)
def test_an_unknown_event_id_is_told_where_ids_are_shown(language, header):
    setup(language=language)
    said = str(exercises.check_forum_before_policy("no_such_event_1900"))
    assert header in said
    assert "timeline.events()" not in said
