"""How the checks read an answer: numbers, lists and names in the forms students write them.

A student's answer may be a plain number, text such as ``'27.5%'``, ``'765 USD'`` or
``'300.000'``, a one-element Series, Index, list, tuple, array or one-cell frame (what
``.loc``, ``.values``, ``.index[:1]`` or a filter returns), a NaN from dividing two
selections whose indexes differ, or a name in English or French
(:mod:`diaspora_helpers.exercises.names`). These helpers turn each into what the grading
core compares, or say what kind of answer it is not.
"""

from __future__ import annotations

import math
import numbers
import re
import unicodedata
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import numpy as np
import pandas as pd

from diaspora_helpers import i18n
from diaspora_helpers.exercises.names import FRENCH_NAMES, fold

__all__ = [
    "COUNT",
    "FRENCH_NAMES",
    "PERCENT",
    "PERSONS",
    "POINTS",
    "RATIO",
    "USD",
    "USD_MILLIONS",
    "as_items",
    "as_number",
    "as_text",
    "comma_slip",
    "digit_groups",
    "fold",
    "is_many",
    "is_nan_result",
    "readings",
    "rounds_to",
    "unwrap",
    "written_decimals",
]

#: The kinds of number a question asks for; each has the unit words read around it.
PERCENT, RATIO, PERSONS, USD, USD_MILLIONS, COUNT, POINTS = (
    "percent",
    "ratio",
    "persons",
    "usd",
    "usd_millions",
    "count",
    "points",
)

_DOLLARS = (
    "us$",
    "$us",
    "usd",
    "$",
    "us dollars",
    "us dollar",
    "dollars us",
    "dollar us",
    "dollars des etats unis",
    "dollars americains",
    "dollars",
    "dollar",
)
_PEOPLE = ("persons", "person", "people", "personnes", "personne")
#: Unit words a number may carry, before or after it, folded (no accents, lower case), by
#: the kind of number asked: "765 USD", "USD 765", "$765", "765 $US", "21,6 %",
#: "12,5 millions de dollars". A unit of another kind leaves the answer unread, so that
#: "13 million" for a percentage gets help on the format instead of a verdict.
UNIT_WORDS: dict[str | None, tuple[str, ...]] = {
    None: ("%", "us$", "$"),
    PERCENT: ("%", "percent", "per cent", "pour cent", "pourcent", "pct"),
    POINTS: (
        "percentage points",
        "percentage point",
        "points de pourcentage",
        "point de pourcentage",
        "points",
        "point",
        "pts",
        "pt",
        "pp",
        "%",
    ),
    RATIO: ("times", "fois", "x", "\u00d7"),
    USD: _DOLLARS,
    USD_MILLIONS: (*_DOLLARS, "millions", "million", "mio", "mn", "m"),
    PERSONS: _PEOPLE,
    COUNT: _PEOPLE,
}
#: Words that join two unit words ("millions de dollars", "millions of dollars").
_JOINERS = ("de", "d'", "of")

#: Every kind of space a student may type or paste between digit groups: ordinary, no-break
#: (U+00A0), narrow no-break (U+202F), thin (U+2009), figure (U+2007), and the like.
_SPACES = re.compile(r"[\s\u00a0\u2007\u2009\u202f]+")
_SIGN = r"[-+]?"
_INTEGER = re.compile(_SIGN + r"\d+")
_POINT = re.compile(_SIGN + r"\d*\.\d+")
_COMMA = re.compile(_SIGN + r"\d+,\d+")
#: One separator followed by exactly three digits: "300.000", "188,873" (a thousand and
#: more, or a number with three decimals).
_ONE_GROUP = re.compile(_SIGN + r"\d{1,3}[.,]\d{3}")
#: Digits grouped by commas (English) or by dots (as in much West African writing), with
#: decimals after the other sign: "1,303,511.5", "1.303.511", "1.303,5".
_COMMA_GROUPS = re.compile(_SIGN + r"\d{1,3}(,\d{3})+(\.\d+)?")
_DOT_GROUPS = re.compile(_SIGN + r"\d{1,3}(\.\d{3})+(,\d+)?")
#: Python's own way of writing a large or small number: "1e6", "2.5E-3".
_SCIENTIFIC = re.compile(_SIGN + r"\d+(\.\d+)?e[-+]?\d+")

#: Containers a student's answer commonly arrives in.
_SEQUENCES = (list, tuple, pd.Series, pd.Index, np.ndarray, pd.api.extensions.ExtensionArray)


def unwrap(answer: object) -> object:
    """Return the single value inside a one-element container, or ``answer`` unchanged.

    One-element Series, Index, array (a 0-d array too), list, tuple, set and one-cell
    DataFrames give their element; numpy scalars give the Python scalar.
    """
    if isinstance(answer, pd.DataFrame) and answer.size == 1:
        answer = answer.iloc[0, 0]
    elif isinstance(answer, np.ndarray) and answer.ndim == 0:
        answer = answer.item()
    elif isinstance(answer, pd.Series) and len(answer) == 1:
        answer = answer.iloc[0]
    elif isinstance(answer, set | frozenset) and len(answer) == 1:
        answer = next(iter(answer))
    elif isinstance(answer, _SEQUENCES) and not isinstance(answer, str) and len(answer) == 1:
        answer = answer[0]
        if isinstance(answer, np.ndarray) and answer.size == 1:  # a 1x1 array
            answer = answer.reshape(-1)[0]
    if isinstance(answer, np.generic):
        answer = answer.item()
    return answer


def is_nan_result(answer: object) -> bool:
    """Return True for NaN, or a container whose values are all NaN (misaligned division)."""
    answer = unwrap(answer)
    if isinstance(answer, float):
        return math.isnan(answer)
    if isinstance(answer, pd.DataFrame | pd.Series | np.ndarray):
        try:
            values = np.asarray(answer, dtype="float64")
        except (TypeError, ValueError):
            return False
        return values.size > 0 and bool(np.isnan(values).all())
    return False


def is_many(answer: object) -> bool:
    """Return True when ``answer`` holds several values where one number was asked for."""
    answer = unwrap(answer)
    return isinstance(answer, (*_SEQUENCES, pd.DataFrame, set, frozenset)) and len(answer) > 1


def _without_units(text: str, unit: str | None) -> str:
    """Return ``text`` (folded) without the unit words of ``unit`` at either end."""
    words = sorted(UNIT_WORDS.get(unit, ()), key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for word in words:
            lead = text.startswith(word) and not (
                word[-1].isalpha() and text[len(word) : len(word) + 1].isalpha()
            )
            trail = text.endswith(word) and not (
                word[0].isalpha() and text[-len(word) - 1 : -len(word)].isalpha()
            )
            if lead and len(text) > len(word):
                text, changed = text[len(word) :].strip(), True
            elif trail and len(text) > len(word):
                text, changed = text[: -len(word)].strip(), True
            else:
                continue
            for joiner in _JOINERS:
                if text.endswith(" " + joiner):
                    text = text[: -len(joiner)].strip()
            break
    return text


def _decimals_of(digits: str) -> int:
    return len(digits)


def _fold_units(text: str) -> str:
    """Return ``text`` in lower case, without accents, a hyphen between letters read as a
    space ("États-Unis"), and the typographic minus as a hyphen; signs and digits kept."""
    text = unicodedata.normalize("NFKD", text.replace("\u2212", "-"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)


def _parse(text: str) -> list[tuple[float, int]]:
    """Return the readings of a number typed as text, each with its decimals as typed.

    One reading for most; two for one separator followed by exactly three digits
    ("300.000", "188,873"), the edition's usual reading first: a decimal point, and a
    comma as thousands in English, as a decimal comma in French.
    """
    text = text.replace("\u2212", "-")
    if _INTEGER.fullmatch(text):
        return [(float(text), 0)]
    if _ONE_GROUP.fullmatch(text):
        whole, sep, rest = text.replace(",", ".").partition(".")
        as_decimal = (float(f"{whole}.{rest}"), 3)
        as_thousands = (float(whole + rest), 0)
        thousands_first = "," in text and i18n.language() == "en"
        return [as_thousands, as_decimal] if thousands_first else [as_decimal, as_thousands]
    if _POINT.fullmatch(text):
        return [(float(text), len(text.split(".")[1]))]
    if _COMMA.fullmatch(text):
        return [(float(text.replace(",", ".")), len(text.split(",")[1]))]
    if _COMMA_GROUPS.fullmatch(text):
        decimals = text.split(".")[1] if "." in text else ""
        return [(float(text.replace(",", "")), _decimals_of(decimals))]
    if _DOT_GROUPS.fullmatch(text):
        decimals = text.split(",")[1] if "," in text else ""
        return [(float(text.replace(".", "").replace(",", ".")), _decimals_of(decimals))]
    if _SCIENTIFIC.fullmatch(text):
        return [(float(text), typed_decimals(float(text)))]
    return []


#: A rank written as an ordinal, once folded (:func:`_fold_units`: "2ᵉ" and "2ème" read
#: "2e", "2eme"): its number. French and English abbreviations.
_ORDINAL = re.compile(r"(\d+)\s*(?:e|eme|er|ere|re|nd|nde|st|rd|th)")
#: Ordinals written as words (folded), up to tenth: their number.
ORDINAL_WORDS = {
    **dict.fromkeys(("premier", "premiere", "first"), 1),
    **dict.fromkeys(("deuxieme", "second", "seconde"), 2),
    **dict.fromkeys(("troisieme", "third"), 3),
    **dict.fromkeys(("quatrieme", "fourth"), 4),
    **dict.fromkeys(("cinquieme", "fifth"), 5),
    **dict.fromkeys(("sixieme", "sixth"), 6),
    **dict.fromkeys(("septieme", "seventh"), 7),
    **dict.fromkeys(("huitieme", "eighth"), 8),
    **dict.fromkeys(("neuvieme", "ninth"), 9),
    **dict.fromkeys(("dixieme", "tenth"), 10),
}


def typed_decimals(value: float) -> int:
    """Return the decimals of ``value`` as Python writes it, without trailing zeros."""
    try:
        exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    except InvalidOperation:
        return 0
    return max(0, -int(exponent)) if isinstance(exponent, int) else 0


def _readings(answer: object, unit: str | None) -> list[tuple[float, int]]:
    answer = unwrap(answer)
    if isinstance(answer, bool):
        return []
    if isinstance(answer, numbers.Integral):
        return [(float(answer), 0)]
    if isinstance(answer, numbers.Real):
        value = float(answer)
        return [(value, typed_decimals(value))] if math.isfinite(value) else []
    if not isinstance(answer, str):
        return []
    text = _without_units(_fold_units(_SPACES.sub(" ", answer).strip()), unit)
    rank = re.sub(r"^(?:le|la|l')\s*", "", text.replace("\u2019", "'"))
    if rank in ORDINAL_WORDS:  # "deuxième", "the second" is a rank: 2
        return [(float(ORDINAL_WORDS[rank]), 0)]
    ordinal = _ORDINAL.fullmatch(rank)
    if ordinal:  # "2e", "2ᵉ", "2ème", "2nd"
        return [(float(ordinal.group(1)), 0)]
    found = _parse(_SPACES.sub("", text))
    return [(v, d) for v, d in found if math.isfinite(v)]


def digit_groups(answer: object, unit: str | None = None) -> tuple[str, float] | None:
    """Return how a text answer groups its digits, and the whole number it reads so.

    ``(separator, whole)`` for text whose digits are split into groups of three by one kind
    of separator: ``","`` for ``'188,873'`` or ``'1,303,511'``, ``"."`` for ``'2.009'`` or
    ``'1.303.511'``, ``" "`` for ``'2 009'`` (any kind of space); None for anything else
    (a number, plain digits, decimals such as ``'4,82'``, text that is no number).
    """
    answer = unwrap(answer)
    if not isinstance(answer, str):
        return None
    text = _without_units(_fold_units(_SPACES.sub(" ", answer).strip()), unit)
    for separator in (",", ".", " "):
        if re.fullmatch(_SIGN + r"\d{1,3}(" + re.escape(separator) + r"\d{3})+", text):
            return separator, float(text.replace(separator, ""))
    return None


def readings(answer: object, unit: str | None = None) -> list[float]:
    """Return what ``answer`` may mean as one number: no value, one, or two.

    Two for text such as ``'300.000'`` or ``'188,873'``, which is a thousand and more or a
    number with three decimals (the edition's usual reading first, see :func:`as_number`);
    the grading core takes either when it is right, and asks for another way of writing it
    when neither is and the question wants a whole number.
    """
    return [value for value, _ in _readings(answer, unit)]


def as_number(answer: object, unit: str | None = None) -> float | None:
    """Return the answer as a finite float, or None when it is not one number.

    Reads numbers, and text in the English or the French way: ``'27.5%'``, ``'1,303,511'``,
    ``'4,82'``, ``'1 303 511'`` (any kind of space between digit groups, the no-break ones
    included), ``'1.303.511'`` and ``'1.303,5'`` (dots between digit groups), ``'16,3 %'``,
    ``'+2,3 %'``, with the unit words of ``unit`` before or after the number
    (:data:`UNIT_WORDS`: ``'765 USD'``, ``'USD 765'``, ``'$765'``; ``%`` and ``$`` when no
    unit is given). One separator and three digits (``'1,303'``, ``'300.000'``) is read as
    :func:`readings` puts first: a dot as a decimal point; a comma as thousands in the
    English edition and as a decimal comma in the French one.
    """
    found = readings(answer, unit)
    return found[0] if found else None


def written_decimals(answer: object, unit: str | None = None) -> int | None:
    """Return how many decimals the answer was given with, or None if it is not a number.

    Text counts as typed (``'4.80'``: 2); a float counts without trailing zeros (4.8: 1).
    """
    found = _readings(answer, unit)
    return found[0][1] if found else None


def rounds_to(value: float, correct: float, decimals: int) -> bool:
    """Return True when ``value`` rounded to ``decimals`` (half up) is ``correct`` rounded so.

    Where ``correct`` lies on a rounding boundary to within floating-point noise, either
    neighbour counts.
    """
    step = Decimal(1).scaleb(-decimals)

    def rounded(x: float) -> Decimal:
        return Decimal(repr(x)).quantize(step, rounding=ROUND_HALF_UP)

    noise = 1e-9 * max(1.0, abs(correct))
    return rounded(value) in {rounded(correct - noise), rounded(correct + noise)}


def comma_slip(answer: object) -> bool:
    """Return True for what an unquoted number with commas becomes in Python: a tuple.

    ``4,82`` is the tuple ``(4, 82)`` and ``1,303,511`` is ``(1, 303, 511)``: a student who
    types a French decimal comma, or English thousands separators, without quotes gets
    several whole numbers, the ones after the first not negative.
    """
    if not isinstance(answer, tuple) or len(answer) < 2:
        return False
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in answer):
        return False
    return all(v >= 0 for v in answer[1:])


def as_items(answer: object) -> list[str] | None:
    """Return the items of a list, tuple, set, Series, Index, array or comma-separated text,
    stripped (case and accents as typed), or None when an item is not text."""
    if isinstance(answer, str):
        values: Iterable[object] = answer.split(",")
    elif isinstance(answer, (*_SEQUENCES, set, frozenset)):
        values = list(answer)
    else:
        return None
    items = []
    for value in values:
        if isinstance(value, np.generic):
            value = value.item()
        if not isinstance(value, str):
            return None
        if value.strip():
            items.append(value.strip())
    return items


def as_text(answer: object) -> str | None:
    """Return a one-word answer as text: a string, or the string inside a one-element container."""
    answer = unwrap(answer)
    return answer if isinstance(answer, str) else None
