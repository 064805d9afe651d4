"""How the checks read an answer: numbers, lists and names in the forms students write them.

A student's answer may be a plain number, text such as ``'27.5%'``, a one-element Series,
list or array (what ``.loc``, ``.values`` or a filter returns), a NaN from dividing two
selections whose indexes differ, or a name in English or French. These helpers turn each
into what the grading core compares, or say what kind of answer it is not.
"""

from __future__ import annotations

import math
import numbers
import re
import unicodedata
from collections.abc import Iterable

import numpy as np
import pandas as pd
from babel.numbers import get_decimal_symbol

from diaspora_helpers import i18n

_THOUSANDS = re.compile(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?")
#: A number with a decimal comma, the French way ("4,82", "-0,5").
_DECIMAL_COMMA = re.compile(r"[-+]?\d+,\d+")
#: Every kind of space a student may type or paste between digit groups: ordinary, no-break
#: (U+00A0), narrow no-break (U+202F), thin (U+2009), figure (U+2007), and the like.
_SPACES = re.compile(r"[\s\u00a0\u2007\u2009\u202f]+")

#: Containers a student's answer commonly arrives in.
_SEQUENCES = (list, tuple, pd.Series, pd.Index, np.ndarray, pd.api.extensions.ExtensionArray)


def unwrap(answer: object) -> object:
    """Return the single value inside a one-element container, or ``answer`` unchanged.

    One-element Series, Index, array, list, tuple and one-cell DataFrames give their
    element; numpy scalars give the Python scalar.
    """
    if isinstance(answer, pd.DataFrame) and answer.size == 1:
        answer = answer.iloc[0, 0]
    elif isinstance(answer, _SEQUENCES) and not isinstance(answer, str) and len(answer) == 1:
        answer = answer[0] if not isinstance(answer, pd.Series | pd.Index) else answer.iloc[0]
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


def as_number(answer: object) -> float | None:
    """Return the answer as a finite float, or None when it is not one number.

    Reads numbers, and text in the English or the French way: ``'27.5%'``, ``'1,303,511'``,
    ``'4,82'``, ``'1 303 511'`` (any kind of space between digit groups, the no-break ones
    included), ``'16,3 %'``, ``'+2,3 %'``, ``'US$250'``. Text with one comma and three
    digits after it (``'1,303'``) is read as thousands in the English edition and as a
    decimal comma in the French one.
    """
    answer = unwrap(answer)
    if isinstance(answer, bool):
        return None
    if isinstance(answer, numbers.Real):
        value = float(answer)
        return value if math.isfinite(value) else None
    if not isinstance(answer, str):
        return None
    text = _SPACES.sub("", answer.strip().removesuffix("%").strip())
    for symbol in ("US$", "$"):  # an amount in dollars typed with its sign
        text = text.removeprefix(symbol).removesuffix(symbol)
    text = text.replace("\u2212", "-")  # the minus sign typographers use
    comma = get_decimal_symbol(i18n.locale()) == ","  # the edition writes decimal commas
    if _DECIMAL_COMMA.fullmatch(text) and (comma or not _THOUSANDS.fullmatch(text)):
        text = text.replace(",", ".")  # a decimal comma, as in French and the source document
    elif _THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


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


def fold(text: str) -> str:
    """Return ``text`` without accents, case, hyphens or typographic quotes, for matching."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = text.replace("-", " ").replace("\u2011", " ")
    return " ".join(text.casefold().split())


def as_items(answer: object) -> list[str] | None:
    """Return a list of ids from a list, tuple, set, Series, array or comma-separated text."""
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
            items.append(value.strip().lower())
    return items


def as_text(answer: object) -> str | None:
    """Return a one-word answer as text: a string, or the string inside a one-element container."""
    answer = unwrap(answer)
    return answer if isinstance(answer, str) else None


#: French names of the countries and places the exercises ask about (ISO alpha-3 or the
#: place's English name), so that 'Mauritanie' or "Côte-d'Ivoire" is read like the English,
#: in both editions. Matching folds accents, case, hyphens and apostrophes (:func:`fold`),
#: so "Côte d’Ivoire", "cote d'ivoire" and "COTE-D'IVOIRE" are one name.
FRENCH_NAMES = {
    "Afrique": "Africa",
    "Afrique subsaharienne": "Sub-Saharan Africa",
    "Afrique du Nord": "Northern Africa",
    "Ailleurs": "Elsewhere",
    "Reste du monde": "Elsewhere",
    "Émirats arabes unis": "ARE",
    "Gabon": "GAB",
    "Ghana": "GHA",
    "Congo": "COG",
    "Congo-Brazzaville": "COG",
    "Guinée-Conakry": "GIN",
    "RDC": "COD",
    "Niger": "NER",
    "Burkina": "BFA",
    "Burkina Faso": "BFA",
    "Canada": "CAN",
    "Portugal": "PRT",
    "Grèce": "GRC",
    "Angola": "AGO",
    "Kenya": "KEN",
    "Soudan du Sud": "SSD",
    "Mali": "MLI",
    "Royaume Uni": "GBR",
    "Grande-Bretagne": "GBR",
    "Afrique du Sud": "ZAF",
    "Algérie": "DZA",
    "Allemagne": "DEU",
    "Arabie saoudite": "SAU",
    "Belgique": "BEL",
    "Bénin": "BEN",
    "Cameroun": "CMR",
    "Cap-Vert": "CPV",
    "Centrafrique": "CAF",
    "Chine": "CHN",
    "Côte d'Ivoire": "CIV",
    "Égypte": "EGY",
    "Espagne": "ESP",
    "États-Unis": "USA",
    "États-Unis d'Amérique": "USA",
    "Gambie": "GMB",
    "Guinée": "GIN",
    "Guinée-Bissau": "GNB",
    "Guinée équatoriale": "GNQ",
    "Italie": "ITA",
    "Libye": "LBY",
    "Libéria": "LBR",
    "Maroc": "MAR",
    "Mauritanie": "MRT",
    "Nigéria": "NGA",
    "Pays-Bas": "NLD",
    "République centrafricaine": "CAF",
    "République du Congo": "COG",
    "République démocratique du Congo": "COD",
    "Royaume-Uni": "GBR",
    "Sénégal": "SEN",
    "Soudan": "SDN",
    "Suisse": "CHE",
    "Tchad": "TCD",
    "Tunisie": "TUN",
}
