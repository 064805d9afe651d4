"""Numbers into words: formatting for prose, and Markdown that nbval can check.

Numbers, percentages, amounts and dates follow the edition's language, set once per
notebook with ``diaspora_helpers.setup(language=…)`` (English by default). The separators
and the spacing of the percent sign come from the Unicode CLDR data that Babel ships: in French,
``number(1303511)`` is ``1 303 511`` with narrow no-break spaces and ``percent(16.3)`` is
``16,3 %``. Values are rounded by Python's own formatting first, so an English sentence
reads exactly as it always has.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable, Iterable

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_compact_decimal, get_decimal_symbol, get_group_symbol

from diaspora_helpers import i18n
from diaspora_helpers.i18n import LANGUAGES, N_, _, language, ngettext  # noqa: F401

#: What a missing value reads as (translated: "n.d." in French).
MISSING = N_("n/a")
#: A range of years or of months: the en dash (U+2013) in both editions ("2000–2006"), as
#: the timeline's bars write it; CLDR and French typography both accept it for a range.
RANGE = N_("{first}–{last}")
#: The list styles of :func:`listing`, by the English conjunction naming them.
LIST_STYLES = {"and": "standard", "or": "or"}


def set_language(code: str) -> None:
    """Set the edition's language (see :func:`diaspora_helpers.i18n.set_language`).

    ``code`` is one of :data:`LANGUAGES`; anything else raises ``ValueError`` naming them.
    """
    i18n.set_language(code)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def minus(formatted: str) -> str:
    """Put the edition's minus sign into a formatted number (U+2212 in French, see
    :mod:`diaspora_helpers.editions`; English keeps the hyphen-minus)."""
    sign = i18n.edition().minus
    return sign + formatted[1:] if formatted.startswith("-") and sign != "-" else formatted


def _localise(formatted: str) -> str:
    """Swap the separators of a number Python formatted (``-1,234.5``) for the edition's
    (its CLDR locale's group and decimal symbols, its minus sign)."""
    code = i18n.locale()
    group, decimal = get_group_symbol(code), get_decimal_symbol(code)
    if (group, decimal) != (",", "."):
        formatted = formatted.replace(",", "\0").replace(".", decimal).replace("\0", group)
    return minus(formatted)


def _percent_sign() -> str:
    """Return the percent sign with the spacing the language's CLDR pattern puts before it."""
    pattern = Locale.parse(i18n.locale()).percent_formats[None].pattern
    tail = pattern[pattern.rfind("0") + 1 :]
    return tail.split(";")[0] or "%"


def compact(value: float) -> str:
    """Format a number in CLDR's short compact form, for axis ticks: 600000 -> '600K'
    ('600 k' in French, with a no-break space), -2000 -> '-2K' ('−2 k')."""
    return minus(format_compact_decimal(value, locale=i18n.locale()))


class Prose:
    """A paragraph of Markdown computed in a cell.

    It renders as Markdown in a notebook and its plain-text form is the same text, so
    strict nbval compares the sentence, numbers included, and not an object address.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def say(text: str) -> Prose:
    """Return ``text`` (already formatted) as Markdown prose for a notebook."""
    return Prose(text.strip())


def number(value: float, decimals: int = 0) -> str:
    """Format a number with thousands separators: 14528662 -> '14,528,662' ('14 528 662'
    in French, with narrow no-break spaces). A missing value reads 'n/a' ('n.d.')."""
    if _missing(value):
        return _(MISSING)
    return _localise(f"{value:,.{decimals}f}")


def plain_number(value: float, decimals: int = 0) -> str:
    """Format a number without thousands separators, for years and codes: 1991.5 ->
    '1991.50' with ``decimals=2`` ('1991,50' in French)."""
    if _missing(value):
        return _(MISSING)
    return _localise(f"{value:.{decimals}f}")


def percent(value: float, decimals: int = 1) -> str:
    """Format a percentage already expressed in percent: 27.53 -> '27.5%' ('27,5 %')."""
    if _missing(value):
        return _(MISSING)
    return _localise(f"{value:.{decimals}f}") + _percent_sign()


def _scaled(value: float, divisor: float, decimals: int, scale: str) -> str:
    if float(value) % divisor == 0:  # a round figure reads round: "4 million", not "4.0"
        decimals = 0
    shown = f"{value / divisor:,.{decimals}f}"
    whole = int(abs(float(shown.replace(",", ""))))  # 1.5 million: singular in French
    forms = {
        "million": ngettext("{n} million", "{n} million", whole),
        "billion": ngettext("{n} billion", "{n} billion", whole),
    }
    return forms[scale].format(n=_localise(shown))


def millions(value: float, decimals: int = 2) -> str:
    """Format a count in millions: 4012000 -> '4.01 million' ('4,01 millions', a no-break
    space before the word in French); a whole number of millions is written without
    decimals: 4000000 -> '4 million' ('4 millions')."""
    return _scaled(value, 1e6, decimals, "million")


def billions(value: float, decimals: int = 1) -> str:
    """Format an amount in billions: 432.4e9 -> '432.4 billion' ('432,4 milliards'); a
    whole number of billions without decimals: 432e9 -> '432 billion'."""
    return _scaled(value, 1e9, decimals, "billion")


def amount(value: float, decimals: int = 0) -> str:
    """Format a sum of money for prose, in millions below a billion and in billions from
    one billion on, as an editor writes it: 764.3e6 -> '764 million' ('764 millions'),
    1131.2e6 -> '1.13 billion' ('1,13 milliard'), never '1,131 million'; 1.9e9 -> '1.9
    billion'. ``decimals`` applies to millions; billions are rounded to two places and
    written without trailing zeros. Tables keep their own unit; this is for sentences."""
    if round(abs(float(value)) / 1e6, decimals) >= 1000:  # "1,000 million" reads as a billion
        shown = round(float(value) / 1e9, 2)
        places = next(p for p in (0, 1, 2) if round(shown, p) == shown)  # "1.9", not "1.90"
        return billions(round(shown * 1e9), places)
    return millions(value, decimals)


def date(
    iso: str, precision: str = "day", pattern: str | None = None, locale: str | None = None
) -> str:
    """Format an ISO date at ``day``, ``month`` or ``year`` precision in the language:
    '2000-03-22' -> '22 March 2000' ('22 mars 2000'); '2000-03' -> 'March 2000'.

    ``pattern``, a Babel date pattern, replaces the precision's own (``"d'er' MMMM y"``);
    ``locale``, a Babel locale, replaces the edition's. Raises ``ValueError`` for another
    precision or a date not written at it.
    """
    if not re.fullmatch(r"\d{4}(-\d{2}){0,2}", str(iso).strip()):
        raise ValueError(f"date {iso!r} is not written at a precision: YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in str(iso).split("-")]
    patterns = {"day": (3, "d MMMM y"), "month": (2, "MMMM y"), "year": (1, "y")}
    if precision not in patterns or len(parts) != patterns[precision][0]:
        raise ValueError(f"date {iso!r} is not written at {precision!r} precision")
    day = datetime.date(*(parts + [1] * (3 - len(parts))))
    return format_date(
        day, format=pattern or patterns[precision][1], locale=locale or i18n.locale()
    )


#: The Babel date pattern of the first day of a month (French writes "1er mars 2000").
# TRANSLATORS: a Babel (CLDR) date pattern, not text: letters are fields; quote literal text.
FIRST_OF_MONTH = N_("d MMMM y")
#: What separates the items of a list in a table cell, as the edition's catalog writes it
#: ("; " in English, " ; " with a narrow no-break space in French).
SEPARATOR = N_("; ")
#: The precision of an ISO date, by its number of parts ("1996", "1996-04", "1996-04-25").
_PRECISIONS = {1: "year", 2: "month", 3: "day"}


def date_words(iso: str) -> str:
    """Return an ISO date in words at the precision its form shows, in the edition's
    language: "1996", "April 1996", "25 August 1995" ("avril 1996", "25 août 1995"; the
    first day of a month reads "1er" in French). Raises ``ValueError`` for a date that is
    not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    return written_date(iso, i18n.locale(), _)


def written_date(iso: str, locale: str, gettext: Callable[[str], str] = str) -> str:
    """Return an ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) in words at the
    precision its form shows, as a reader of the Babel ``locale`` reads it (CLDR patterns):
    ``2009-04-25`` -> "25 April 2009" ("25 avril 2009" in ``fr_FR``), ``2009-04`` -> "April
    2009", ``2009`` -> "2009". The first day of a month takes the pattern ``gettext`` gives
    :data:`FIRST_OF_MONTH` ("1er avril 2009" through the French catalog); the one function
    every page, table and sentence writes dates with. Raises ``ValueError`` for anything
    else (another form, or a day that does not exist)."""
    precision = _PRECISIONS.get(len(str(iso).split("-")), "")
    pattern = None
    if precision == "day" and str(iso).endswith("-01"):
        pattern = gettext(FIRST_OF_MONTH)
    return date(iso, precision, pattern=pattern, locale=locale)


def span(first: object, last: object) -> str:
    """Return a range of years or months in the edition's form (:data:`RANGE`):
    ``span(2000, 2006)`` is "2000–2006" (in French too), ``span(1999, 1999)`` is
    "1999"."""
    return str(first) if first == last else _(RANGE).format(first=first, last=last)


def period(interval: str) -> str:
    """Return an ISO date, or an ISO interval ``"<first>/<last>"`` (each at its own
    precision), in words: "March 2000", "2003–2007", "July–August 1991", "1 September 2014
    to 17 August 2015" ("du 1er septembre 2014 au 17 août 2015"). Raises ``ValueError``
    as :func:`date_words` does."""
    first_iso, _slash, last_iso = str(interval).partition("/")
    first = date_words(first_iso)
    if not last_iso:
        return first
    last = date_words(last_iso)
    precisions = {len(first_iso.split("-")), len(last_iso.split("-"))}
    if precisions == {1}:
        return span(first, last)
    if precisions == {2} and first_iso[:4] == last_iso[:4]:
        return span(first.split()[0], last)
    return _("{first} to {last}").format(first=first, last=last)


def items(values: Iterable[object]) -> str:
    """Return the items of a table cell's list joined with the edition's separator
    (:data:`SEPARATOR`): "A; B" ("A ; B" in French, narrow no-break space)."""
    return _(SEPARATOR).join(str(v) for v in values)


def entry(term: object, meaning: object) -> str:
    """Return a glossary-like line, ``term`` then ``meaning`` after a colon:
    "administrative: Counts of…" ("administrative : Effectifs…" in French, narrow no-break
    space before the colon)."""
    return _("{term}: {meaning}").format(term=term, meaning=meaning)


def quarter(period: str, locale: str | None = None) -> str:
    """Write a quarter (``"2020Q3"``, as Remittance Prices Worldwide names its surveys) the
    edition's way, from CLDR's abbreviated quarter: ``"Q3 2020"`` in English, ``"T3 2020"``
    in French (no-break space). ``locale`` is a Babel locale (default: the edition's, for
    text about another edition than the one set). Raises ``ValueError`` for another form."""
    year, sep, number = str(period).partition("Q")
    if not (sep and year.isdigit() and number in ("1", "2", "3", "4")):
        raise ValueError(f"quarter {period!r} is not written as YYYYQn (e.g. 2020Q3)")
    first_day = datetime.date(int(year), 3 * int(number) - 2, 1)
    return format_date(first_day, format="QQQ", locale=locale or i18n.locale()) + f"\u00a0{year}"


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """Return a count with its noun in the edition's language: "1 event", "47 events",
    "0 events" ("1 événement", "47 événements", "0 événement").

    ``singular`` and ``plural`` are the English forms, either as message templates with an
    ``{n}`` placeholder (``counted(n, "{n} event", "{n} events")``, the form to prefer) or as
    bare nouns (``counted(n, "event")``, read as ``"{n} event"``; ``plural`` defaults to the
    singular plus "s"). The pair is translated with :func:`~diaspora_helpers.i18n.ngettext`
    (French: 0 and 1 take the singular), so its French must be in a catalog: the module that
    writes the nouns marks the pair with ``ngettext("{n} event", "{n} events", n)``.
    ``n`` is formatted by :func:`number`.
    """

    def template(form: str) -> str:
        return form if "{n}" in form else "{n} " + form

    many = plural or singular + "s"
    return i18n.ngettext(template(singular), template(many), n).format(n=number(n))


#: The whole numbers running prose writes in words, zero to ten, in the edition's language.
SMALL_NUMBERS = (
    N_("zero"),
    N_("one"),
    N_("two"),
    N_("three"),
    N_("four"),
    N_("five"),
    N_("six"),
    N_("seven"),
    N_("eight"),
    N_("nine"),
    N_("ten"),
)
#: The largest number prose writes in words; a sentence cannot start with a larger one.
SPELLED_MAX = len(SMALL_NUMBERS) - 1
# TRANSLATORS: "one" before a feminine noun ("une part"); give the plain word where the
# language has no gender. The English text drops the bracket.
FEMININE_ONE = N_("one [feminine]")


def spelled(n: int, feminine: bool = False) -> str:
    """Return a whole number as running prose writes it: zero to ten in words of the
    edition ("three", "trois"), any other number in figures (:func:`number`, "11", "1 303").

    ``feminine`` picks the form of "one" before a feminine noun ("une" in French, "one" in
    English). For the middle of a sentence: a sentence should not start with a number, in
    words or figures. Raises ``TypeError`` for a number that is not whole (bool included)."""
    if isinstance(n, bool) or int(n) != n:
        raise TypeError(f"spelled() takes a whole number, not {n!r}")
    n = int(n)
    if not 0 <= n < len(SMALL_NUMBERS):
        return number(n)
    if n == 1 and feminine:
        word = _(FEMININE_ONE)
        return word.split(" [", 1)[0]
    return _(SMALL_NUMBERS[n])


def opening(n: int, feminine: bool = False) -> str:
    """Return a whole number as the first word of a sentence or title writes it: zero to
    ten in words with a capital ("Six", "Neuf"; "Une" with ``feminine``). A sentence never
    starts with figures, so a number above ten raises ``ValueError``: reword the sentence
    ("Of the 14 constraints, 11…"). Raises ``TypeError`` as :func:`spelled` does."""
    word = spelled(n, feminine)
    if not 0 <= int(n) < len(SMALL_NUMBERS):
        raise ValueError(f"{n} is above ten: a sentence cannot start with it in figures")
    return word[:1].upper() + word[1:]


def spelled_alike(*counts: int | tuple[int, bool]) -> list[str]:
    """Return counts compared in one sentence written alike: all in words when each is ten
    or less, else all in figures ("15 links (4 direct) join 13 of the 15 strategies", not
    "15 links (four direct)…"): the typographic rule for numbers in series.

    Each count is a whole number, or ``(n, feminine)`` as :func:`spelled` takes it. Raises
    ``TypeError`` as :func:`spelled` does."""
    pairs = [c if isinstance(c, tuple) else (c, False) for c in counts]
    words = [spelled(n, feminine) for n, feminine in pairs]
    if all(0 <= int(n) < len(SMALL_NUMBERS) for n, _f in pairs):
        return words
    return [number(int(n)) for n, _f in pairs]


def listing(items: Iterable[str], conjunction: str = "and") -> str:
    """Return names as a list in the edition's CLDR style: "A", "A and B", "A, B and C"
    ("A, B et C"); ``conjunction="or"`` gives "A, B or C" ("A, B ou C"). Raises
    ``ValueError`` for another conjunction."""
    if conjunction not in LIST_STYLES:
        raise ValueError(f"conjunction {conjunction!r}: use one of {', '.join(LIST_STYLES)}")
    names = [str(i) for i in items]
    if not names:
        return ""
    return format_list(names, style=LIST_STYLES[conjunction], locale=i18n.locale())  # type: ignore[arg-type]  # LIST_STYLES holds only CLDR's style names


#: Names whose first, generic word French writes in lower case inside a sentence: a
#: ministry, and a numbered legal text ("la loi n° 02-008", "l’ordonnance n° 00-027").
_LOWER_IN_SENTENCE = ("Ministère ", "Loi n°", "Ordonnance n°", "Décret n°")


def in_sentence(name: str) -> str:
    """Return an institution's or a legal text's ``name`` as it reads inside a sentence.

    French writes a ministry's generic word in lower case there ("le ministère des Maliens
    de l’extérieur"), and a numbered law's, ordinance's or decree's ("de la loi n° 02-008"),
    while a table cell or a list starts with the capital of the name as given; other names,
    and every English name ("Law No. 02-008"), are returned as they are.
    """
    if name.startswith(_LOWER_IN_SENTENCE):
        return name[0].lower() + name[1:]
    return name


def ordinal(n: int) -> str:
    """Return the rank ``n`` (1 or more) as an ordinal of the edition: "1st", "2nd", "11th"
    in English; "1er", "2ᵉ" (superscript e, U+1D49) in French."""
    if language() == "fr":
        return "1er" if n == 1 else f"{n}\u1d49"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def in_cell(value: object) -> str:
    """Return a text ``value`` as a table's cell of words starts, in sentence case: its
    first letter a capital ("sources administratives" -> "Sources administratives"), the
    rest as given ("RGPH 2009" unchanged); a value that starts with no letter is returned
    as text unchanged, and a missing value reads as "". Not for units ("km²")."""
    if _missing(value):
        return ""
    shown = str(value)
    return shown[:1].upper() + shown[1:] if shown[:1].isalpha() else shown
