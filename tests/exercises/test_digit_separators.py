"""Separators between digits in a whole-number answer (issue 24, rfr6): a year is written
without one in either edition, and in an edition whose decimal mark is the comma, a comma
between digit groups ("188,873") is not silently read as thousands.

The expected year is counted here from the raw ``events`` table; the expected whole number
of the comma cases is given to the check, so what is tested is how the answer is read.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from babel.numbers import get_decimal_symbol

from diaspora_helpers import exercises, i18n, setup
from diaspora_helpers.data import load
from diaspora_helpers.exercises import grading


@pytest.fixture(autouse=True)
def _english_with_hints_afterwards() -> Iterator[None]:
    yield
    setup(language="en")
    exercises.set_hints(True)


def _busiest_year() -> int:
    years = load("events")["date"].astype("str").str[:4].astype(int)
    counts = years.value_counts()
    return int(min(counts.index[counts == counts.max()]))


def _separated(year: int, separator: str) -> str:
    return f"{year // 1000}{separator}{year % 1000:03d}"


@pytest.mark.parametrize("edition", ["en", "fr"])
@pytest.mark.parametrize("hints", [True, False])
@pytest.mark.parametrize("separator", [".", ",", " ", "\u202f", "float"])
@pytest.mark.parametrize("offset", [0, 1])
def test_a_year_with_a_separator_is_told_to_drop_it(edition, hints, separator, offset):
    """'2.009', '2,009', '2 009' or an unquoted 2.009 for 4.3 (a year), right or wrong,
    get one message: write the year without a separator, with the year read from it; never
    the two readings of a number nor a verdict."""
    year = _busiest_year() + offset
    typed: object = year / 1000 if separator == "float" else _separated(year, separator)
    setup(language=edition)
    exercises.set_hints(hints)
    verdict = exercises.EXERCISES["4.3"](typed)
    message = str(verdict)
    assert verdict.status == grading.WRONG, message
    assert str(year) in message, message
    assert _separated(year, ".") not in message and _separated(year, ",") not in message
    words = {"en": "without a separator", "fr": "sans séparateur"}[edition]
    assert words in message, message


@pytest.mark.parametrize("edition", ["en", "fr"])
def test_a_year_as_plain_digits_is_graded(edition):
    setup(language=edition)
    year = _busiest_year()
    assert exercises.EXERCISES["4.3"](str(year)).correct
    assert exercises.EXERCISES["4.3"](year).correct
    assert not exercises.EXERCISES["4.3"](str(year + 1)).correct


def _comma_marks_decimals(edition: str) -> bool:
    setup(language=edition)
    return get_decimal_symbol(i18n.locale()) == ","


@pytest.mark.parametrize("edition", ["en", "fr"])
@pytest.mark.parametrize(
    ("typed", "whole"), [("188,873", 188873), ("1,303,511", 1303511), ("300,000", 300000)]
)
@pytest.mark.parametrize("right", [True, False])
def test_commas_between_digit_groups_follow_the_editions_decimal_mark(edition, typed, whole, right):
    """In English the comma groups thousands: '188,873' is 188 873. In French it marks
    decimals: the same text is not accepted as 188 873 (nor refused as 188,873), but told
    how French writes the whole number, whether that number is the answer or not."""
    correct = whole if right else whole + 7
    comma_is_decimal = _comma_marks_decimals(edition)
    assert comma_is_decimal == (edition == "fr")  # what the editions' locales say
    verdict = grading.grade_integer(typed, correct, why="why", hint="hint")
    message = str(verdict)
    if not comma_is_decimal:
        assert verdict.correct == right, message
        return
    assert verdict.status == grading.WRONG, message
    assert "virgule marque les décimales" in message, message
    assert f"`{whole}`" in message and f"{whole:,}".replace(",", " ") in message, message
    # the same number typed the French ways is read
    assert (
        grading.grade_integer(
            f"{whole:,}".replace(",", "\u202f"), correct, why="w", hint="h"
        ).correct
        == right
    )
    assert grading.grade_integer(str(whole), correct, why="w", hint="h").correct == right


@pytest.mark.parametrize("edition", ["en", "fr"])
def test_a_decimal_comma_is_still_a_decimal(edition):
    """'4,82' asked with two decimals is 4.82 in both editions (no digit group of three)."""
    setup(language=edition)
    verdict = grading.grade_number("4,82", 4.82, unit="ratio", decimals=2, why="w", hint="h")
    assert verdict.correct, str(verdict)


@pytest.mark.parametrize("edition", ["en", "fr"])
def test_a_count_of_persons_with_comma_groups_follows_the_edition_too(edition):
    """grade_number with no decimals (a number of persons) reads commas as grade_integer."""
    comma_is_decimal = _comma_marks_decimals(edition)
    verdict = grading.grade_number(
        "188,873 personnes", 188873, unit="persons", decimals=0, why="w", hint="h"
    )
    assert verdict.correct != comma_is_decimal, str(verdict)
    assert grading.grade_number(
        "188 873 personnes", 188873, unit="persons", decimals=0, why="w", hint="h"
    ).correct
