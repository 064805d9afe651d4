"""The grading core of the exercises: verdicts, reading an answer (numbers, lists, names),
tolerances, hints, and the registry of checks by question number.

What a verdict may say is limited so that it cannot be mined: a number is right when it
rounds, to the decimals the question asks, to the expected value rounded so; a number
rounded more coarsely than asked is told how many decimals to give; "too high" and "too
low" come only where the answer has many possible values; a list is told which KIND of
mistake it shows (an item outside the question's scope, or exactly a known slip), never how
many items are wrong or missing, so that no list can be solved one item at a time.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Collection, Mapping, Sequence

from diaspora_helpers import text as formats
from diaspora_helpers.exercises.names import (
    Names,
    country_resolver,
    fold,
    parts,
    resolver,
)
from diaspora_helpers.exercises.number_help import (
    ambiguous_help,
    coarse,
    decimal_comma_help,
    dotted_help,
    dotted_thousands,
    half_unit,
    number_format_help,
    within,
    year_help,
)
from diaspora_helpers.exercises.reading import (
    COUNT,
    PERCENT,
    PERSONS,
    USD_MILLIONS,
    as_items,
    as_number,
    as_text,
    is_many,
    readings,
    rounds_to,
)
from diaspora_helpers.exercises.verdicts import (
    BLANK,
    CORRECT,
    WRONG,
    Verdict,
    blank,
    hints_shown,
    is_blank,
    right,
    set_hints,
    unreadable,
    wrong,
)
from diaspora_helpers.i18n import _, ngettext
from diaspora_helpers.params import ParameterError

__all__ = [
    "BLANK",
    "CORRECT",
    "EXERCISES",
    "WRONG",
    "ParameterError",
    "Verdict",
    "as_items",
    "as_number",
    "country_resolver",
    "fold",
    "grade_choice",
    "grade_integer",
    "grade_number",
    "grade_set",
    "hints_shown",
    "resolver",
    "set_hints",
]

#: Exercise number -> its check, filled by the ``@exercise`` decorator below.
EXERCISES: dict[str, Callable[..., Verdict]] = {}


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
    """Grade a numeric answer asked for with ``decimals`` decimals.

    Right when the answer, rounded half up to ``decimals``, is ``correct`` rounded so (a
    more precise answer counts when it rounds the same way); one rounded more coarsely is
    asked for ``decimals`` decimals (a hint, so with hints off it is only "not quite": it
    tells that the coarse value is right, which a student could otherwise probe for). A
    text such as ``'300.000'`` is right when either of its readings is; when neither is
    and a whole number is asked, it gets help on the format. Known slips in ``traps``
    (within half a unit) are named; ``direction`` adds "too high"/"too low" to the hint:
    never for answers with few possible values, such as a year, a rank or a count that a
    student could find by halving the range.
    """
    if is_blank(answer):
        return blank()
    unreadable_help = number_format_help(unit, answer)
    if unreadable_help is not None:
        return unreadable_help
    if decimals == 0:
        comma_help = decimal_comma_help(answer, unit)
        if comma_help is not None:
            return comma_help
    values = readings(answer, unit)
    if any(rounds_to(value, correct, decimals) for value in values):
        return right(why)
    if len(values) > 1 and decimals == 0:
        return ambiguous_help(values)
    value = values[0]
    if dotted_thousands(answer, value, correct, decimals):
        return dotted_help(value)
    tolerance = half_unit(decimals)
    for trap, trap_hint in traps:
        if not math.isnan(trap) and within(value, trap, tolerance):
            return wrong(trap_hint)
    if coarse(answer, unit, value, correct, decimals):
        return wrong(
            ngettext(
                "Your answer is rounded more coarsely than the question asks: give {n} decimal.",
                "Your answer is rounded more coarsely than the question asks: give {n} decimals.",
                decimals,
            ).format(n=formats.spelled(decimals, feminine=True))
        )
    if unit == PERCENT and rounds_to(100 * value, correct, decimals):
        return wrong(_("Give the share in percent (12.5 for 12.5%), not as a fraction."))
    if unit == USD_MILLIONS and rounds_to(value / 1e6, correct, decimals):
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
    """Grade a one-word answer; ``resolve`` maps what was typed to an id, or None.

    Exactly one answer counts: a string that names several (``'Mali, Niger'``) is asked
    for one, whatever their order, unless all its names stand for the same id.
    """
    if is_blank(answer):
        return blank()
    text = as_text(answer)
    if text is None:
        if is_many(answer):
            return unreadable(
                _("Your answer holds several values; give one: {options}.").format(options=options)
            )
        return unreadable(_("Give your answer as text: {options}.").format(options=options))
    chosen = resolve(text)
    if chosen is None:
        named = {resolve(part) for part in parts(text)}
        if len(named) == 1 and None not in named:
            chosen = named.pop()
        elif len(named - {None}) > 1:
            return unreadable(
                _("Your answer names several; give one: {options}.").format(options=options)
            )
    if chosen is None:
        return unreadable(
            _("That is not one of the possible answers: give {options}.").format(options=options)
        )
    if chosen == correct:
        return right(why)
    return wrong((traps or {}).get(chosen, hint))


def _items(answer: object, names: Names) -> tuple[list[str], int] | None:
    """Return the ids an answer lists and how many of its entries name no id, or None when
    it is not a list. A text is split at commas, semicolons and line breaks, keeping
    together the pieces of a label that has commas in it."""
    if isinstance(answer, str):
        pieces = [p for p in answer.replace(";", ",").replace("\n", ",").split(",")]
        pieces = [p.strip() for p in pieces if p.strip()]
        found, unknown, start = [], 0, 0
        while start < len(pieces):
            for end in range(len(pieces), start, -1):
                ident = names(", ".join(pieces[start:end]))
                if ident is not None:
                    found.append(ident)
                    start = end
                    break
            else:
                unknown, start = unknown + 1, start + 1
        return found, unknown
    items = as_items(answer)
    if items is None:
        return None
    resolved = [names(item) for item in items]
    return [i for i in resolved if i is not None], sum(i is None for i in resolved)


def grade_set(
    answer: object,
    correct: Collection[str],
    *,
    valid: Collection[str] | Names,
    what: str,
    why: str,
    hint: str,
    traps: Sequence[tuple[Collection[str], str]] = (),
    outside: Sequence[tuple[Collection[str], str]] = (),
) -> Verdict:
    """Grade a list of ids in any order; the ids are ``valid`` (or the ids a :class:`Names`
    table gives, so that the labels a page shows are read as the ids they stand for).

    A single name typed as plain text ("cadre de concertation") that is not the whole answer
    is asked for a list, and so are several names typed as one text ("landlocked,
    family_demands") that are not the whole answer: the form first, before any method hint.
    A wrong list is told the KIND of mistake, never how many items are wrong or which:
    ``outside`` pairs a group of ids that cannot be right (outside the question's scope)
    with what to say when the list holds one; ``traps`` pairs the exact list a known slip
    gives with its hint; any other wrong list gets ``hint``.
    """
    if is_blank(answer):
        return blank()
    names = valid if isinstance(valid, Names) else Names({str(v): str(v) for v in valid})
    read = _items(answer, names)
    if read is None:
        return unreadable(
            _("Give a list of {what} in quotes, like ['first_id', 'second_id'].").format(what=what)
        )
    items, unknown = read
    if unknown and isinstance(valid, Names) and valid.labelled:
        return unreadable(
            ngettext(
                "In your list, {n} entry is neither one of the {what} nor a label the tables "
                "show for one: copy ids or labels from the table.",
                "In your list, {n} entries are neither among the {what} nor labels the tables "
                "show for them: copy ids or labels from the table.",
                unknown,
            ).format(n=formats.spelled(unknown, feminine=True), what=what)
        )
    if unknown:
        return unreadable(
            ngettext(
                "In your list, {n} entry is not among the {what}: copy ids from the table.",
                "In your list, {n} entries are not among the {what}: copy ids from the table.",
                unknown,
            ).format(n=formats.spelled(unknown, feminine=True), what=what)
        )
    chosen, wanted = set(items), set(correct)
    if chosen == wanted:
        return right(why)
    if isinstance(answer, str) and len(items) == 1:
        # One name typed as plain text where a list is asked: help with the form first.
        return unreadable(
            _(
                "Answer with a list of {what} in square brackets, like ['first_id', "
                "'second_id'], even for a single entry."
            ).format(what=what)
        )
    if isinstance(answer, str):
        # Several names typed as one text ("a, b"): the form again, before any method hint.
        return unreadable(
            _(
                "Answer with a list of {what} in square brackets, each one in quotes, like "
                "['first_id', 'second_id'], not with one piece of text."
            ).format(what=what)
        )
    for group, message in outside:
        if chosen & set(group):
            return wrong(message)
    for trap, message in traps:
        if trap and chosen == set(trap) and set(trap) != wanted:
            return wrong(message)
    return wrong(hint)


def grade_integer(
    answer: object,
    correct: int,
    *,
    why: str,
    hint: str,
    traps: Sequence[tuple[float, str]] = (),
    year: bool = False,
) -> Verdict:
    """Grade a whole-number answer (a year, a rank, a count): it must match exactly.

    The verdict says right or not right, never whether the answer is too high or too low:
    with few possible values, that would let a student halve the range with each try.
    With ``year=True`` the answer is a year, written without separators: one typed with a
    separator between its digits (``'2.009'``, ``'2,009'``, ``'2 009'``, an unquoted
    ``2.009``) is told so, with the year read from it.
    """
    if year and not is_blank(answer):
        written = year_help(answer)
        if written is not None:
            return written
    if not is_blank(answer) and number_format_help(COUNT, answer) is None:
        values = readings(answer, COUNT)
        if all(value != int(value) for value in values):
            return unreadable(_("Give a whole number."))
    return grade_number(
        answer, correct, unit=COUNT, decimals=0, why=why, hint=hint, traps=traps, direction=False
    )
