"""The grading core of the exercises: verdicts, reading an answer (numbers, lists, names),
tolerances, hints, and the registry of checks by question number.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

from diaspora_helpers.data import countries
from diaspora_helpers.exercises.reading import (
    FRENCH_NAMES,
    as_items,
    as_number,
    as_text,
    comma_slip,
    fold,
    is_many,
    is_nan_result,
)
from diaspora_helpers.i18n import N_, _, ngettext
from diaspora_helpers.params import ParameterError
from diaspora_helpers.text import Prose

__all__ = [
    "BLANK",
    "CORRECT",
    "EXERCISES",
    "WRONG",
    "ParameterError",
    "Verdict",
    "as_items",
    "as_number",
    "fold",
    "grade_choice",
    "grade_integer",
    "grade_number",
    "grade_set",
    "hints_shown",
    "set_hints",
]

BLANK, CORRECT, WRONG = "blank", "correct", "wrong"


_settings = {"hints": True}


#: Exercise number -> its check, filled by the ``@exercise`` decorator below.
EXERCISES: dict[str, Callable[..., Verdict]] = {}


class Verdict(Prose):
    """A check's verdict: Markdown in a notebook, the same text as plain text."""

    def __init__(self, status: str, text: str) -> None:
        super().__init__(text)
        self.status = status

    @property
    def correct(self) -> bool:
        """Return True when the answer was right."""
        return self.status == CORRECT


def set_hints(show: bool) -> None:
    """Show a hint with each wrong answer (True) or only say that it is wrong (False)."""
    _settings["hints"] = bool(show)


def hints_shown() -> bool:
    """Return whether wrong answers come with a hint."""
    return _settings["hints"]


def exercise(number: str) -> Callable[[Callable[..., Verdict]], Callable[..., Verdict]]:
    """Register a check under its exercise number (e.g. "2.3").

    A blank answer is reported before any data is read, so an untouched notebook runs
    quickly and without error.
    """

    def register(check: Callable[..., Verdict]) -> Callable[..., Verdict]:
        if number in EXERCISES:
            raise ValueError(f"exercise {number} already has a check")

        @functools.wraps(check)
        def checked(answer: object, **params: object) -> Verdict:
            if is_blank(answer):
                return blank()
            return check(answer, **params)

        EXERCISES[number] = checked
        return checked

    return register


def blank() -> Verdict:
    """Say the answer has not been given yet."""
    return Verdict(
        BLANK, _("Not yet answered: replace `None` with your answer and run the cell again.")
    )


def right(why: str) -> Verdict:
    """Say the answer is right, and why."""
    return Verdict(CORRECT, _("Correct. {why}").format(why=why))


def wrong(hint: str) -> Verdict:
    """Say the answer is wrong, with ``hint`` about the method when hints are on."""
    if not _settings["hints"]:
        return Verdict(WRONG, _("Not quite. Try again."))
    return Verdict(WRONG, _("Not quite. {hint}").format(hint=hint))


def unreadable(help_text: str) -> Verdict:
    """Say the answer is not in a form the check can read: shown whether hints are on or off.

    How to write an answer is not a hint about the method, so switching hints off keeps it.
    """
    return Verdict(WRONG, _("Not quite. {hint}").format(hint=help_text))


NAN_HELP = N_(
    "Your answer is NaN (not a number). Dividing one pandas selection by another first lines "
    "them up by their index labels, and where the labels differ the result is NaN: take the "
    "numbers out first (for example with `.iloc[0]`, `.item()` or `.sum()`), then divide."
)
COMMA_HELP = N_(
    "Python read your answer as several numbers, because a comma separates values in "
    "Python: write the number with a decimal point and no thousands separators (12.5, "
    "250000), or put it in quotes as text ('12,5', '250 000')."
)


def number_format_help(unit: str, answer: object) -> Verdict | None:
    """Return the format help for an answer that is not a readable number, or None."""
    if is_nan_result(answer):
        return unreadable(_(NAN_HELP))
    if comma_slip(answer):
        return unreadable(_(COMMA_HELP))
    if is_many(answer):
        return unreadable(_("Your answer holds several values; give one number."))
    if as_number(answer) is None:
        return unreadable(
            _("Give {example}, without quotes or units.").format(example=_(_EXAMPLES[unit]))
        )
    return None


def is_blank(answer: object) -> bool:
    """Return True for an answer left as None, ``...`` or empty text."""
    return answer is None or answer is Ellipsis or (isinstance(answer, str) and not answer.strip())


PERCENT, RATIO, PERSONS, USD, USD_MILLIONS, COUNT, POINTS = (
    "percent",
    "ratio",
    "persons",
    "usd",
    "usd_millions",
    "count",
    "points",
)


_EXAMPLES = {
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
    """Return the tolerance of an answer asked for with ``decimals`` decimals (half a unit).

    The exact value rounded as the question asks is always within it, and so is any more
    precise answer; an answer off by one unit in the last asked decimal is not.
    """
    return 0.5 * 10.0 ** (-decimals)


def grade_number(
    answer: object,
    correct: float,
    *,
    unit: str,
    decimals: int,
    why: str,
    hint: str,
    traps: Sequence[tuple[float, str]] = (),
    direction: bool = True,
) -> Verdict:
    """Grade a numeric answer given to ``decimals`` decimals: right within half a unit.

    Known slips in ``traps`` are named; ``direction`` adds "too high"/"too low" to the
    hint (never for answers with few possible values, such as a year or a rank).
    """
    if is_blank(answer):
        return blank()
    unreadable_help = number_format_help(unit, answer)
    if unreadable_help is not None:
        return unreadable_help
    value = as_number(answer)
    assert value is not None
    tolerance = half_unit(decimals)
    if within(value, correct, tolerance):
        return right(why)
    for trap, trap_hint in traps:
        if not math.isnan(trap) and within(value, trap, tolerance):
            return wrong(trap_hint)
    if unit == PERCENT and within(100 * value, correct, tolerance):
        return wrong(_("Give the share in percent (12.5 for 12.5%), not as a fraction."))
    if unit == USD_MILLIONS and within(value / 1e6, correct, tolerance):
        return wrong(_("Give the amount in millions of US dollars (divide by one million)."))
    if unit == PERSONS and within(value * 1e6, correct, max(tolerance, 1.0)):
        return wrong(_("Give the number of persons, not millions."))
    if not direction:
        return wrong(hint)
    if within(value, correct, 3 * tolerance):
        return wrong(_("Close, but not close enough: do not round before the last step."))
    if value > correct:
        return wrong(_("{hint} (Your answer is too high.)").format(hint=hint))
    return wrong(_("{hint} (Your answer is too low.)").format(hint=hint))


def grade_choice(
    answer: object,
    correct: str,
    *,
    resolve: Callable[[str], str | None],
    options: str,
    why: str,
    hint: str,
    traps: Mapping[str, str] | None = None,
) -> Verdict:
    """Grade a one-word answer; ``resolve`` maps what was typed to an id, or None."""
    if is_blank(answer):
        return blank()
    text = as_text(answer)
    if text is None:
        return unreadable(_("Give your answer as text: {options}.").format(options=options))
    chosen = resolve(text)
    if chosen is None:
        return unreadable(
            _("That is not one of the possible answers: {options}.").format(options=options)
        )
    if chosen == correct:
        return right(why)
    return wrong((traps or {}).get(chosen, hint))


def grade_set(
    answer: object,
    correct: Collection[str],
    *,
    valid: Collection[str],
    what: str,
    why: str,
    hint: str,
) -> Verdict:
    """Grade a list of ids in any order: say how many are extra or missing, never which."""
    if is_blank(answer):
        return blank()
    items = as_items(answer)
    if items is None:
        return unreadable(
            _("Give a list of {what} in quotes, like ['first_id', 'second_id'].").format(what=what)
        )
    known = {v.lower() for v in valid}
    unknown = [i for i in items if i not in known]
    if unknown:
        n = len(unknown)
        return unreadable(
            ngettext(
                "{n} entry is not among the {what}: copy ids from the table.",
                "{n} entries are not among the {what}: copy ids from the table.",
                n,
            ).format(n=n, what=what)
        )
    chosen, wanted = set(items), {c.lower() for c in correct}
    if chosen == wanted:
        return right(why)
    extra, missing = len(chosen - wanted), len(wanted - chosen)
    too_many = ngettext(
        "{n} of your {what} should not be in the list",
        "{n} of your {what} should not be in the list",
        extra,
    ).format(n=extra, what=what)
    too_few = ngettext("{n} more belongs in it", "{n} more belong in it", missing).format(n=missing)
    if extra and missing:
        counted = _("{too_many}; {too_few}.").format(too_many=too_many, too_few=too_few)
    elif extra:
        counted = _("{too_many}.").format(too_many=too_many)
    else:
        counted = _("{too_few}.").format(too_few=too_few)
    return wrong(_("{counted} {hint}").format(counted=counted, hint=hint))


def grade_integer(
    answer: object,
    correct: int,
    *,
    why: str,
    hint: str,
    traps: Sequence[tuple[float, str]] = (),
) -> Verdict:
    """Grade a whole-number answer (a year, a rank, a count): it must match exactly.

    The verdict says right or not right, never whether the answer is too high or too low:
    with few possible values, that would let a student halve the range with each try.
    """
    if not is_blank(answer) and number_format_help(COUNT, answer) is None:
        value = as_number(answer)
        if value is not None and value != int(value):
            return unreadable(_("Give a whole number."))
    return grade_number(
        answer, correct, unit=COUNT, decimals=0, why=why, hint=hint, traps=traps, direction=False
    )


def resolver(names: Mapping[str, str]) -> Callable[[str], str | None]:
    """Return a resolver matching folded ``names`` (text -> id); ids match themselves."""
    table = {fold(k): v for k, v in names.items()}
    table.update({fold(v): v for v in names.values()})
    for french, english in FRENCH_NAMES.items():
        if english in names.values():
            table.setdefault(fold(french), english)
        if french in names.values():  # a table already in French: accept the English too
            table.setdefault(fold(english), french)
    return lambda text: table.get(fold(text))


def country_resolver(iso3s: Iterable[str], labels: Iterable[str]) -> Callable[[str], str | None]:
    """Return a resolver for countries: ISO code, the collection's name or a countryinfo name."""
    codes = list(iso3s)
    by_name = resolver(dict(zip(labels, codes, strict=True)))

    def resolve(text: str) -> str | None:
        found = by_name(text) or by_name(text.upper())
        if found is not None:
            return found
        french = {fold(k): v for k, v in FRENCH_NAMES.items()}.get(fold(text))
        if french is not None:
            return french if french in codes else None
        code = countries.iso3_of(text)
        return code if code in codes else None

    return resolve
