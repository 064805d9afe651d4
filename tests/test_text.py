"""Prose helpers format numbers the same way everywhere."""

from diaspora_helpers import text


def test_prose_plain_text_is_the_sentence():
    prose = text.say("  Mali had **14,528,662** residents.  ")
    assert repr(prose) == "Mali had **14,528,662** residents."
    assert prose._repr_markdown_() == repr(prose)


def test_number_formats():
    assert text.number(14528662) == "14,528,662"
    assert text.number(0.8259, 2) == "0.83"
    assert text.number(float("nan")) == "n/a"
    assert text.percent(27.532) == "27.5%"
    assert text.percent(0.826, 2) == "0.83%"
    assert text.millions(4_000_000) == "4.00 million"
    assert text.billions(432e9, 0) == "432 billion"
