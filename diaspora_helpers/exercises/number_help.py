"""Help on how an answer is written, not on the method: NaN from misaligned pandas
selections, commas Python reads as separators, "300.000" read as 300, "188,873" where the
comma marks decimals, a year typed with a separator. Shown whether hints are on or off
(:func:`~diaspora_helpers.exercises.verdicts.unreadable`)."""

from __future__ import annotations

from collections.abc import Sequence

from babel.numbers import get_decimal_symbol

from diaspora_helpers import i18n
from diaspora_helpers import text as formats
from diaspora_helpers.exercises.names import fold
from diaspora_helpers.exercises.reading import (
    COUNT,
    PERCENT,
    PERSONS,
    POINTS,
    RATIO,
    USD,
    USD_MILLIONS,
    as_number,
    comma_slip,
    digit_groups,
    is_many,
    is_nan_result,
    rounds_to,
    typed_decimals,
    unwrap,
    written_decimals,
)
from diaspora_helpers.exercises.verdicts import Verdict, unreadable
from diaspora_helpers.i18n import N_, _

NAN_HELP = N_(
    "Your answer is NaN (not a number). Dividing one pandas selection by another first lines "
    "them up by their index labels, and where the labels differ the result is NaN: take the "
    "numbers out first (for example with `.iloc[0]`, `.item()` or `.sum()`), then divide."
)
COMMA_HELP = N_(
    "Python read your answer as several numbers, because a comma separates values in "
    "Python: write the number with a decimal point and no thousands separators (12.5, "
    '250000), or put it in quotes as text ("12,5", "250 000").'
)


def number_format_help(unit: str, answer: object) -> Verdict | None:
    """Return the format help for an answer that is not a readable number, or None."""
    if is_nan_result(answer):
        return unreadable(_(NAN_HELP))
    if comma_slip(answer):
        return unreadable(_(COMMA_HELP))
    if is_many(answer):
        return unreadable(_("Your answer holds several values; give one number."))
    if as_number(answer, unit) is None:
        spelled = spelled_value(answer)
        if spelled is not None:
            return unreadable(
                _("Write the number in figures, without quotes: {figures}.").format(figures=spelled)
            )
        return unreadable(
            _("Give {example}, without quotes or units.").format(example=_(EXAMPLES[unit]))
        )
    return None


def spelled_value(answer: object) -> int | None:
    """Return the number a text answer spells in the edition's words, zero to ten ("zéro",
    "neuf", "une"; case, accents and spaces ignored), or None for any other answer.

    The checks read numbers in figures only; a number in words is told to be written in
    figures, whatever its value (the help gives no answer away)."""
    value = unwrap(answer)
    if not isinstance(value, str):
        return None
    typed = fold(value)
    words = {fold(_(word)): n for n, word in enumerate(formats.SMALL_NUMBERS)}
    words.setdefault(fold(formats.spelled(1, feminine=True)), 1)
    for word in _(NONE_WORDS).split(","):
        words.setdefault(fold(word), 0)
    return words.get(typed)


# TRANSLATORS: the words a student may type for a count of zero, separated by commas
# ("aucun,aucune").
NONE_WORDS = N_("none,no one")


EXAMPLES = {
    PERCENT: N_("a percentage such as 12.5 (for 12.5%)"),
    RATIO: N_("a plain number such as 1.5"),
    PERSONS: N_("a number of persons such as 250000"),
    USD: N_("an amount in US dollars, such as 250"),
    USD_MILLIONS: N_("millions of US dollars, such as 12.5"),
    COUNT: N_("a whole number"),
    POINTS: N_("percentage points, such as 1.5"),
}


def within(value: float, target: float, tolerance: float) -> bool:
    """Return True when ``value`` is no further than ``tolerance`` from ``target``."""
    return abs(value - target) <= tolerance + 1e-9


def half_unit(decimals: int) -> float:
    """Return half a unit of the last of ``decimals`` decimals: how far a known slip may be
    from a value and still be recognised as it."""
    return 0.5 * 10.0 ** (-decimals)


def ambiguous_help(values: Sequence[float]) -> Verdict:
    """Say that a number such as '300.000' reads two ways, and how to write it in one.

    The smaller reading keeps its three decimals where the edition's decimal mark is a
    point ("300.000 or 300,000"); where it is a comma, "300,000" would read as the same
    number with decimals, so it is written without trailing zeros ("300 ou 300 000")."""
    small, large = sorted(values)
    decimals = 3 if get_decimal_symbol(i18n.locale()) == "." else typed_decimals(small)
    return unreadable(
        _(
            "Your answer can be read as {small} or as {large}. Write a whole number without "
            "separators ({plain}), or with spaces between groups of three digits ({spaced})."
        ).format(
            small=formats.plain_number(small, decimals),
            large=formats.number(large),
            plain=formats.plain_number(large),
            spaced=f"{round(large):,}".replace(",", " "),
        )
    )


def dotted_thousands(answer: object, value: float, correct: float, decimals: int) -> bool:
    """Return True for what an unquoted ``300.000`` or ``188.873`` becomes in Python: a
    float a thousand times too small, when a whole number is asked and that float times
    1000 is the expected value (a dot between groups of three digits, as in much West
    African and European writing)."""
    return (
        decimals == 0
        and isinstance(answer, float)
        and within(value * 1000, correct, half_unit(decimals))
    )


def dotted_help(value: float) -> Verdict:
    """Say that Python read a dotted ``300.000`` as 300 (in Python a point marks decimals),
    and that the number is written ``300000`` (no separator) or ``300_000`` (Python's own
    digit separator, which Python reads as 300000)."""
    large = round(value * 1000)
    return unreadable(
        _(
            "In Python a point marks decimals, so Python reads `{typed}` as {read}. Write the "
            "number with no separator, `{plain}`, or with an underscore between groups of three "
            "digits, `{underscored}`."
        ).format(
            typed=f"{value:.3f}",
            read=formats.plain_number(value, 0 if value == int(value) else 3),
            plain=f"{large:d}",
            underscored=f"{large:_d}",
        )
    )


def decimal_comma_help(answer: object, unit: str) -> Verdict | None:
    """Return help for a whole number typed with commas between digit groups
    (``'188,873'``) in an edition whose decimal mark is the comma, or None.

    There the comma cannot group thousands, so the answer is not read either way: it is
    told how the edition writes the number, whether its thousands reading is right or not.
    """
    groups = digit_groups(answer, unit)
    if groups is None or groups[0] != "," or get_decimal_symbol(i18n.locale()) != ",":
        return None
    whole = round(groups[1])
    return unreadable(
        _(
            "The comma marks decimals here: write a whole number with spaces between groups "
            'of three digits, `"{spaced}"` in quotes, or without separators, `{plain}`.'
        ).format(spaced=f"{whole:,}".replace(",", " "), plain=formats.plain_number(whole))
    )


def coarse(answer: object, unit: str, value: float, correct: float, decimals: int) -> bool:
    """Return True when the answer is the expected value rounded to fewer decimals than
    the question asks (4.8 or 5 for 4.82 asked with two decimals).

    Trailing zeros count as typed or not: text ``'5,0'`` or ``'5.0'`` is read like the
    float 5.0 (which Python cannot tell from 5), so 5 rounded and written with a zero
    after the mark gets the same help."""
    typed = written_decimals(answer, unit)
    if typed is None:
        return False
    return any(
        shown < decimals and rounds_to(value, correct, shown)
        for shown in {typed, typed_decimals(value)}
    )


def year_help(answer: object) -> Verdict | None:
    """Return help for a year typed with a separator between its digits, or None: text
    such as ``'2.009'``, ``'2,009'`` or ``'2 009'``, or the float an unquoted ``2.009``
    becomes (Python reads the dot as a decimal point)."""
    groups = digit_groups(answer, COUNT)
    value = unwrap(answer)
    if groups is not None:
        year = round(groups[1])
    elif (
        isinstance(value, float)
        and not value.is_integer()
        and written_decimals(value) == 3
        and 1 <= value < 10
    ):
        year = round(value * 1000)
    else:
        return None
    return unreadable(
        _("Write the year without a separator between its digits: {year}.").format(
            year=formats.plain_number(year)
        )
    )
