"""What a column's name says, before any value is read: its label for a reader
(``"remittances_usd"`` -> "Remittances (USD)"), its unit (``unit_of``), the currency of an
amount and the scale a reader's table shows it at (``money_scale``), and the kind of its
values (``column_kind``: year, percent, ratio, count, amount, number, date, text; the
rules are listed in :mod:`diaspora_helpers.tables`).

The notebooks' tables (:func:`diaspora_helpers.tables.show`), the chart downloads
(:mod:`diaspora_helpers.charts.files`) and the site's chart tables all read column names
through this module, which imports neither matplotlib nor the site: the command line's
page rendering stays light. Labels and units are English, marked for translation; the
presentation layers translate them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

import pandas as pd

from diaspora_helpers.i18n import N_

AMOUNT_THRESHOLD = 1_000

# Words kept in capitals when a snake_case name becomes a label.
ACRONYMS = frozenset(
    {
        "usd",
        "eur",
        "xof",
        "cfa",
        "gdp",
        "gni",
        "un",
        "desa",
        "iso3",
        "sdg",
        "wdi",
        "rpw",
        "iom",
        "id",
    }
)
_PERCENT_WORDS = frozenset({"pct", "percent", "share"})
_RATIO_WORDS = frozenset({"ratio", "per", "multiplier"})
# Names of columns that hold years when their values are whole numbers from 1000 to 2999.
_YEAR_WORDS = frozenset({"start", "end", "since", "until", "from", "to"})
# Names of columns of ISO dates (``2009``, ``2009-04``, ``2009-04-01``), shown in words.
_DATE_NAME = re.compile(r"^(date|end_date|start_date)$|_date$")
_ISO_DATE = re.compile(r"\d{4}(-\d{2}){0,2}")


#: Columns whose label is not their name's words: one label for a column wherever it shows.
LABELS = {
    "stated_value_text": N_("Value as printed"),
    "stated_share_text": N_("Share as printed"),
    "who_id": N_("Who (id)"),
    "whom_id": N_("Whom (id)"),
    "world_bank_estimate": N_("World Bank estimate"),
    "per_resident_usd": N_("USD per resident"),
    "per_emigrant_usd": N_("USD per emigrant"),
    "xof_per_usd": N_("Exchange rate (CFA francs per US dollar)"),
    "usd_millions": N_("Millions of US dollars"),
    "difference_pp": N_("Difference (percentage points)"),
    "share_2026_derived_pct": N_("Derived share, 2026 (%)"),
    "share_2022_published_pct": N_("Published share, 2022 (%)"),
    "ratio_document_to_un": N_("Ratio of the document's figure to UN DESA's"),
    "ratio_admin_to_this": N_("Administrative figure ÷ this estimate"),
    "un_year": N_("UN DESA year"),
    "women_share_pct": N_("Women's share (%)"),
    "malians_there_2017": N_("Malians there in 2017"),
    # Its cells read as the indicators' names (data/definitions.csv), not codes.
    "indicator_code": N_("Indicator"),
}
#: Amounts of money a reader's table shows in millions or billions, one decimal, as the
#: prose and captions say them ("USD 827 million"): the currency that ends a column's name
#: -> (threshold, divisor, unit at that scale), largest scale first. A column whose largest
#: value reaches a threshold is shown at that scale. Dollars always in millions: the prose
#: says "USD 827 million", and the peers table holds Mali (827) beside the World (486,242).
#: The one rule for the notebooks' tables (:func:`show`) and the site's chart tables.
MONEY_SCALES: dict[str, tuple[tuple[float, float, str], ...]] = {
    "usd": ((1e6, 1e6, N_("millions of US dollars")),),
    "xof": (
        (1e9 * 100, 1e9, N_("billions of CFA francs, XOF")),
        (1e6, 1e6, N_("millions of CFA francs, XOF")),
    ),
}


def currency_of(name: object) -> str | None:
    """Return the currency (``usd``, ``xof``) of an amount column by its name's last word
    (``remittances_usd``, ``gain_if_net_of_fees_usd``), or None: a rate per person or per
    unit (``per_resident_usd``, ``xof_per_usd``) or a column already scaled
    (``usd_millions``) is not an amount to scale."""
    words = str(name).lower().split("_")
    if len(words) < 2 or "per" in words or words[-1] not in MONEY_SCALES:
        return None
    return words[-1]


def money_scale(name: object, values: Sequence[Any] | pd.Series) -> tuple[float, str | None]:
    """Return the scale an amount column is shown at: (divisor, English unit at that scale,
    see :data:`MONEY_SCALES`), or (1, None) when the column is no amount of money by its
    name (:func:`currency_of`) or its largest absolute value is below a million."""
    currency = currency_of(name)
    numbers = []
    for value in values:
        try:
            number = float(value)
        except (TypeError, ValueError):
            continue
        if not math.isnan(number):
            numbers.append(abs(number))
    if currency is None or not numbers:
        return 1, None
    for threshold, divisor, unit in MONEY_SCALES[currency]:
        if max(numbers) >= threshold:
            return divisor, unit
    return 1, None


#: Currencies a column's name may end with: shown as the header's unit, "Remittances (USD)".
_CURRENCIES = frozenset({"usd", "xof", "eur"})


def label(name: object) -> str:
    """Return a human label for a column name: ``"share_pct"`` -> ``"Share (%)"``,
    ``"remittances_usd"`` -> ``"Remittances (USD)"`` (a closing currency code is the unit),
    ``"usd_per_migrant"`` -> ``"USD per migrant"``, ``"Already fine"`` unchanged; a column of
    :data:`LABELS` gets its label there (English; translate it with ``_``)."""
    raw = str(name)
    if raw in LABELS:
        return LABELS[raw]
    if "_" not in raw and raw[:1].isupper():
        return raw
    words = [w for w in raw.split("_") if w]
    percent = bool(words) and words[-1] in ("pct", "percent")
    if percent:
        words = words[:-1]
    currency = None
    if len(words) > 1 and words[-1].lower() in _CURRENCIES and words[-2].lower() != "per":
        currency, words = words[-1].upper(), words[:-1]
    shown = [w.upper() if w.lower() in ACRONYMS else w for w in words]
    if shown and shown[0] == words[0]:
        shown[0] = shown[0][:1].upper() + shown[0][1:]
    result = " ".join(shown) or raw
    if currency:
        result = f"{result} ({currency})"
    return f"{result} (%)" if percent else result


def column_kind(name: object, values: pd.Series) -> str:
    """Return the kind of a column (one of ``year``, ``percent``, ``ratio``, ``count``,
    ``amount``, ``number``, ``date``, ``text``), from its name and its values (see the
    module doc)."""
    present = values.dropna()
    if pd.api.types.is_object_dtype(values) and len(present):
        if all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
            present = present.astype(float)  # numbers stored with pd.NA or None
            values = present
    if pd.api.types.is_bool_dtype(values) or not pd.api.types.is_numeric_dtype(values):
        iso = [str(v) for v in present]
        if _DATE_NAME.search(str(name)) and iso and all(_ISO_DATE.fullmatch(v) for v in iso):
            return "date"
        return "text"
    words = set(re.split(r"[^a-z0-9%]+", str(name).lower()))
    whole = bool(((present % 1) == 0).all()) if len(present) else True
    yearly = "year" in words or bool(words & _YEAR_WORDS)
    if yearly and len(present) and present.between(1000, 2999).all():
        return "year" if whole else "decimal_year"
    if "year" in words and whole:
        return "year"
    if words & _PERCENT_WORDS or str(name).endswith("%"):
        return "percent"
    if words & _RATIO_WORDS:
        return "ratio"
    if pd.api.types.is_integer_dtype(values) or whole:
        return "count"
    if len(present) and float(present.abs().max()) >= AMOUNT_THRESHOLD:
        return "amount"
    return "number"


# Words of a column name and the unit they mean, first match wins.
CSV_UNITS = (
    ("usd_millions", N_("millions of US dollars")),
    ("millions_usd", N_("millions of US dollars")),
    ("xof_per_usd", N_("CFA francs (XOF) per US dollar")),
    ("pct", N_("percent")),
    ("percent", N_("percent")),
    ("share", N_("percent")),
    ("usd", N_("US dollars")),
    ("xof", N_("CFA francs (XOF)")),
    ("eur", N_("euros")),
    ("year", N_("calendar year")),
    ("millions", N_("millions")),
    ("thousands", N_("thousands")),
    ("persons", N_("persons")),
    ("people", N_("persons")),
)


def unit_of(column: str) -> str | None:
    """Guess a column's unit (English, untranslated) from the words of its name:
    ``share_pct`` -> "percent", ``usd_millions`` -> "millions of US dollars",
    ``xof_per_usd`` -> "CFA francs (XOF) per US dollar" (a key of several words matches
    them in a row, and is tried first); None when no word tells it."""
    name = "_" + str(column).lower().replace("-", "_") + "_"
    for key, unit in CSV_UNITS:
        if f"_{key}_" in name:
            return unit
    return None
