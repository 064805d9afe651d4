"""The grading core of the exercises: verdicts, reading an answer (numbers, lists, names),
tolerances, hints, and the registry of checks by question number.
"""

from __future__ import annotations

import functools
import math
import numbers
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

import pandas as pd
from countryinfo import CountryInfo

from diaspora_helpers.text import Prose

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
    return Verdict(
        BLANK, "Not yet answered: replace `None` with your answer and run the cell again."
    )


def right(why: str) -> Verdict:
    return Verdict(CORRECT, f"Correct. {why}")


def wrong(hint: str) -> Verdict:
    if not _settings["hints"]:
        return Verdict(WRONG, "Not quite. Try again.")
    return Verdict(WRONG, f"Not quite. {hint}")


def is_blank(answer: object) -> bool:
    return answer is None or answer is Ellipsis or (isinstance(answer, str) and not answer.strip())


_THOUSANDS = re.compile(r"-?\d{1,3}(,\d{3})+(\.\d+)?")


def as_number(answer: object) -> float | None:
    """Return the answer as a finite float: numbers, and text such as '27.5%' or '1,303,511'."""
    if isinstance(answer, bool):
        return None
    if isinstance(answer, numbers.Real):
        value = float(answer)
        return value if math.isfinite(value) else None
    if not isinstance(answer, str):
        return None
    text = answer.strip().removesuffix("%").strip().replace(" ", "").replace("\u202f", "")
    if _THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    elif text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")  # a decimal comma, as in the source document
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def fold(text: str) -> str:
    """Return ``text`` without accents, case or typographic quotes, for matching names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    return " ".join(text.casefold().split())


def as_items(answer: object) -> list[str] | None:
    """Return a list of ids from a list, tuple, set, Series or comma-separated text."""
    if isinstance(answer, str):
        values: Iterable[object] = answer.split(",")
    elif isinstance(answer, list | tuple | set | frozenset | pd.Series | pd.Index):
        values = answer
    else:
        return None
    items = []
    for value in values:
        if not isinstance(value, str):
            return None
        if value.strip():
            items.append(value.strip().lower())
    return items


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
    PERCENT: "a percentage such as 12.5 (for 12.5%)",
    RATIO: "a plain number such as 1.5",
    PERSONS: "a number of persons such as 250000",
    USD: "an amount in US dollars, such as 250",
    USD_MILLIONS: "millions of US dollars, such as 12.5",
    COUNT: "a whole number",
    POINTS: "percentage points, such as 1.5",
}


def within(value: float, target: float, tolerance: float) -> bool:
    return abs(value - target) <= tolerance + 1e-12


def grade_number(
    answer: object,
    correct: float,
    *,
    unit: str,
    tolerance: float,
    why: str,
    hint: str,
    traps: Sequence[tuple[float, str]] = (),
) -> Verdict:
    """Grade a numeric answer: right within ``tolerance``, known slips named, else a hint."""
    if is_blank(answer):
        return blank()
    value = as_number(answer)
    if value is None:
        return wrong(f"Give {_EXAMPLES[unit]}, without quotes or units.")
    if within(value, correct, tolerance):
        return right(why)
    for trap, trap_hint in traps:
        if not math.isnan(trap) and within(value, trap, tolerance):
            return wrong(trap_hint)
    if unit == PERCENT and within(100 * value, correct, tolerance):
        return wrong("Give the share in percent (12.5 for 12.5%), not as a fraction.")
    if unit == USD_MILLIONS and within(value / 1e6, correct, tolerance):
        return wrong("Give the amount in millions of US dollars (divide by one million).")
    if unit == PERSONS and within(value * 1e6, correct, max(tolerance, 1.0)):
        return wrong("Give the number of persons, not millions.")
    if unit != COUNT and within(value, correct, 3 * tolerance):
        return wrong("Close, but not close enough: do not round before the last step.")
    direction = "too high" if value > correct else "too low"
    return wrong(f"{hint} (Your answer is {direction}.)")


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
    if not isinstance(answer, str):
        return wrong(f"Give your answer as text: {options}.")
    chosen = resolve(answer)
    if chosen is None:
        return wrong(f"That is not one of the possible answers: {options}.")
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
        return wrong(f"Give a list of {what} in quotes, like ['first_id', 'second_id'].")
    known = {v.lower() for v in valid}
    unknown = [i for i in items if i not in known]
    if unknown:
        noun = "entry is" if len(unknown) == 1 else "entries are"
        return wrong(f"{len(unknown)} {noun} not among the {what}: copy ids from the table.")
    chosen, wanted = set(items), {c.lower() for c in correct}
    if chosen == wanted:
        return right(why)
    extra, missing = len(chosen - wanted), len(wanted - chosen)
    parts = []
    if extra:
        parts.append(f"{extra} of your {what} should not be in the list")
    if missing:
        parts.append(f"{missing} more {'belongs' if missing == 1 else 'belong'} in it")
    return wrong("; ".join(parts).capitalize() + f". {hint}")


def grade_integer(
    answer: object,
    correct: int,
    *,
    why: str,
    hint: str,
    traps: Sequence[tuple[float, str]] = (),
) -> Verdict:
    """Grade a whole-number answer (a year, a rank, a count): it must match exactly."""
    if not is_blank(answer):
        value = as_number(answer)
        if value is not None and value != int(value):
            return wrong("Give a whole number.")
    return grade_number(answer, correct, unit=COUNT, tolerance=0.0, why=why, hint=hint, traps=traps)


def resolver(names: Mapping[str, str]) -> Callable[[str], str | None]:
    """Return a resolver matching folded ``names`` (text -> id); ids match themselves."""
    table = {fold(k): v for k, v in names.items()}
    table.update({fold(v): v for v in names.values()})
    return lambda text: table.get(fold(text))


def country_resolver(iso3s: Iterable[str], labels: Iterable[str]) -> Callable[[str], str | None]:
    """Return a resolver for countries: ISO code, the collection's name or a countryinfo name."""
    codes = list(iso3s)
    by_name = resolver(dict(zip(labels, codes, strict=True)))

    def resolve(text: str) -> str | None:
        found = by_name(text) or by_name(text.upper())
        if found is not None:
            return found
        try:
            code = CountryInfo(text.strip()).iso(3)
        except Exception:  # countryinfo raises several kinds of error for unknown names
            return None
        return code if code in codes else None

    return resolve
