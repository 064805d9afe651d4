"""The edition's language: one setting, and the gettext catalogs that translate the helpers.

Each notebook sets its edition's language once, in its first code cell, with
``diaspora_helpers.setup(language="fr")``; everything formatted after that call follows
it: numbers and dates (:mod:`diaspora_helpers.text`, through Babel's CLDR data), table
headers (:mod:`diaspora_helpers.tables`), chart text, generated sentences, hints, and the
text columns of the data tables (:func:`diaspora_helpers.load` swaps in ``data/fr/``).

Strings written in the helpers are English and wrapped in :func:`_` (or marked with
:func:`N_` where they are defined before a language is known, then translated with
:func:`_` where they are used). Their French lives in gettext catalogs, one per *area*
of the package (so that work on one topic does not touch another's catalog):
``diaspora_helpers/locale/fr/LC_MESSAGES/<area>.po``, compiled to ``<area>.mo`` with
Babel. ``python -m diaspora_helpers catalogs`` (``make catalogs``) extracts, updates and
compiles them; a test fails when a wrapped string has no French, or a ``.mo`` is stale.

Table headers are not in the code: :func:`diaspora_helpers.tables.show` makes them from
column names (``census_count`` -> ``Census count``) and translates that label. Their
French is written by hand in catalogs named ``labels_<topic>.po`` beside the others;
``make catalogs`` only compiles those, and a test checks that no msgid is given two
different French texts across catalogs.

Analysis speaks no language: its tables hold codes, numbers, ISO dates, quarters and
tuples, and record how they read (:func:`with_words` for codes, whose words may name other
columns of the row in ``{placeholders}``; :func:`with_headers` for a header that is not
its column name's label; :func:`with_formats` for values that a function
of :mod:`diaspora_helpers.text` writes the edition's way; :func:`with_texts` for columns
already in the edition's language, from ``data/<code>/``). :func:`labelled`, which the
tables and the chart downloads call, applies them in the edition set then. A test reads
the analysis source and fails on any call of the translator or of a ``text`` formatter.

English is the source language: it has no catalog, and :func:`_` returns its argument.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from babel.support import NullTranslations, Translations

from diaspora_helpers import editions
from diaspora_helpers.frame_records import Record

#: The languages of the collection's editions, the first the source language: the codes of
#: the registry :mod:`diaspora_helpers.editions` (read live, so a test edition is seen).
LANGUAGES = editions.CODES
#: Where the shipped catalogs are: ``<LOCALE_DIR>/<language>/LC_MESSAGES/<area>.mo``.
LOCALE_DIR = editions.LOCALE_DIR
#: The areas of the package, each with its own catalog, and the source files each covers
#: (globs relative to the package folder). A source file belongs to exactly one area.
AREAS: dict[str, tuple[str, ...]] = {
    "core": (
        "__init__.py",
        "i18n.py",
        "text.py",
        "tables.py",
        "columns.py",
        "params.py",
        "data/*.py",
    ),
    "overview": (
        "analysis/key_figures.py",
        "analysis/audit.py",
        "charts/key_figures.py",
        "charts/style.py",
        "charts/files.py",
        "charts/phone.py",
        "prose/overview.py",
    ),
    "demography": (
        "analysis/demography.py",
        "analysis/population.py",
        "analysis/counts.py",
        "charts/demography.py",
        "charts/maps.py",
        "prose/demography.py",
    ),
    "remittances": (
        "analysis/remittances.py",
        "analysis/sending_costs.py",
        "analysis/wdi.py",
        "analysis/targets.py",
        "charts/remittances.py",
        "prose/remittances.py",
    ),
    "history": (
        "analysis/timeline.py",
        "analysis/institutions.py",
        "analysis/legal.py",
        "analysis/tokten.py",
        "charts/timeline.py",
        "charts/institutions.py",
        "charts/relations.py",
        "charts/tokten.py",
        "charts/layout.py",
        "prose/history.py",
        "prose/tokten.py",
    ),
    "policy": (
        "analysis/policy.py",
        "charts/policy.py",
        "charts/coverage_list.py",
        "prose/policy.py",
    ),
    "exercises": ("exercises/*.py",),
    "publish": ("publish/*.py", "publish/*/*.py"),
}

_settings = {"language": LANGUAGES[0]}


def check_language(code: object) -> str:
    """Return ``code`` if it is one of :data:`LANGUAGES`; else raise ``ValueError`` naming them."""
    return editions.get(code).code


def edition() -> editions.Edition:
    """Return the edition of the language set (see :mod:`diaspora_helpers.editions`)."""
    return editions.get(_settings["language"])


def locale() -> str:
    """Return the Babel locale formatting the edition's numbers, dates and lists."""
    return edition().locale


def set_language(code: str) -> None:
    """Set the language of everything formatted or translated after this call.

    ``code`` is one of :data:`LANGUAGES`; anything else raises ``ValueError`` naming them,
    and leaves the language as it was. Loads the language's catalogs (once per process).
    """
    _catalog(check_language(code))
    _settings["language"] = code


def language() -> str:
    """Return the edition's language code: ``"en"`` (the default), ``"fr"``, …"""
    return _settings["language"]


def translator(code: str) -> Callable[[str], str]:
    """Return the function that translates the package's English text into edition
    ``code`` (the identity for the source language), whatever the edition set now: for
    text about several editions at once (the runner's report, the site's pages)."""
    if editions.get(check_language(code)).catalogs is None:
        return str
    return _catalog(code).gettext


def _catalog(code: str) -> NullTranslations:
    """Return the merged catalogs of ``code`` (cached per catalog folder)."""
    return _catalog_in(code, editions.get(code).catalogs)


@cache
def _catalog_in(code: str, folder: Path | None) -> NullTranslations:
    """Return the merged catalogs (every ``*.mo`` of ``folder``); nothing for English."""
    merged: NullTranslations = NullTranslations()
    if folder is None:
        return merged
    for mo in sorted(folder.glob("*.mo")):
        with mo.open("rb") as handle:
            loaded = Translations(handle, domain=mo.stem)
        if isinstance(merged, Translations):
            merged.merge(loaded)
        else:
            merged = loaded
    return merged


def _(message: str) -> str:
    """Translate ``message`` (English) into the edition's language.

    ``message`` may carry ``{named}`` placeholders, filled by the caller afterwards with
    ``str.format``; the French keeps the same names. Returns ``message`` unchanged in
    English, and when the catalog has no translation (a test forbids that for the strings
    the package writes).
    """
    if _settings["language"] == LANGUAGES[0]:
        return message
    return _catalog(_settings["language"]).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message that depends on a count ``n``: ``"{n} event"`` / ``"{n} events"``."""
    if _settings["language"] == LANGUAGES[0]:
        return singular if n == 1 else plural
    return _catalog(_settings["language"]).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogs without translating it now (module constants).

    Translate it where it is used, with ``_(constant)``.
    """
    return message


def word(code: str, words: Mapping[str, str] | Collection[str]) -> str:
    """Return a data code as a reader reads it, in the edition's language.

    ``words`` maps codes to their English words (``{"law_policy": N_("Laws and policies")}``)
    or lists the codes that are their own English words (``(N_("smes"), …)``); either way
    the words are translated with :func:`_`. A code ``words`` does not hold is returned
    unchanged (a missing value included), so data the helpers do not know still shows.
    """
    if isinstance(words, Mapping):
        return _(words[code]) if code in words else code
    return _(code) if code in words else code


def pick(**texts: str) -> str:
    """Return the text written for the edition's language: ``pick(en="…", fr="…")``.

    For the rare passage written separately in each language rather than translated
    (a long note whose French is not a sentence-by-sentence rendering). Raises
    ``ValueError`` when the language's text is missing.
    """
    code = _settings["language"]
    if code not in texts:
        raise ValueError(f"no {code!r} text given; pass one per language: {', '.join(LANGUAGES)}")
    return texts[code]


#: The key of ``DataFrame.attrs`` naming, for a table's code columns, the words of their codes.
WORDS_ATTR = "diaspora_words"


def with_words(frame: Any, **columns: Mapping[str, str] | Collection[str]) -> Any:
    """Return ``frame`` (a DataFrame, changed in place) recording how the codes of its
    ``columns`` read: ``with_words(table, region_group=REGION_WORDS)``.

    Analysis keeps codes in its tables; the presentation layers (:func:`labelled`, the
    tables and the chart downloads) turn them into words of the edition with :func:`word`.
    The record lives in ``frame.attrs`` and follows the frame through pandas' copies,
    selections and ``head``.
    """
    frame.attrs[WORDS_ATTR] = Record({**frame.attrs.get(WORDS_ATTR, {}), **columns})
    return frame


def words_of(frame: Any) -> dict[str, Mapping[str, str] | Collection[str]]:
    """Return the vocabularies :func:`with_words` recorded for ``frame``'s columns."""
    return {
        column: words
        for column, words in dict(frame.attrs.get(WORDS_ATTR, {})).items()
        if column in frame.columns
    }


#: The key of ``DataFrame.attrs`` naming, for a code column whose words are a verb, the
#: column holding its subject and the words for a plural subject (see :func:`with_agreement`).
AGREEMENT_ATTR = "diaspora_agreement"


def with_agreement(
    frame: Any,
    column: str,
    *,
    subject: str,
    plural_words: Mapping[str, str],
    plural: Collection[str],
) -> Any:
    """Return ``frame`` (changed in place) recording that the words of code column
    ``column`` (a verb: ``member_of`` -> "is a member of") agree with the subject in column
    ``subject``: where the subject is one of ``plural`` (the subjects that are
    grammatically plural in the edition's language, from its data), the code reads
    ``plural_words`` ("are members of"). :func:`labelled` applies it."""
    known = dict(frame.attrs.get(AGREEMENT_ATTR, {}))
    known[column] = (subject, Record(plural_words), tuple(sorted(set(plural))))
    frame.attrs[AGREEMENT_ATTR] = Record(known)
    return frame


def labelled(frame: Any) -> Any:
    """Return a copy of ``frame`` whose code columns (see :func:`with_words`) hold the
    edition's words for their codes, and whose columns recorded with :func:`with_formats`
    hold their values formatted for the edition; a missing value stays missing.

    A word may name other columns of the same row in ``{placeholders}`` (``"UN DESA
    {year}"``, ``"{country} census"``): they are filled with that row's values, a code
    column's in its words, a whole number as digits (a year: ``2020``), anything else as
    ``str``; a placeholder that is no column is filled from the values recorded for the
    whole table with :func:`with_fields`. Raises ``KeyError`` naming a placeholder that
    is neither. A verb agrees with its subject where :func:`with_agreement` says so.
    """
    out = frame.copy()
    agreement = dict(frame.attrs.get(AGREEMENT_ATTR, {}))
    vocabularies = words_of(frame)
    formats = formats_of(frame)
    plain: dict[Any, list[Any]] = {}
    for column in [c for c in frame.columns if c in vocabularies or c in formats]:
        words, fmt = vocabularies.get(column, ()), formats.get(column)
        subject, plural_words, plural = agreement.get(column, (None, {}, ()))
        subjects = frame[subject].tolist() if subject in frame.columns else [None] * len(frame)
        values = []
        for i, v in enumerate(frame[column].tolist()):
            if isinstance(v, str) and subjects[i] in plural and v in plural_words:
                shown = word(v, plural_words)
            elif isinstance(v, str) and (fmt is None or v in words):
                shown = word(v, words)
            elif fmt is not None and not _missing(v):
                shown = fmt(v)
            else:
                shown = v
            if isinstance(shown, str) and "{" in shown and isinstance(v, str) and v in words:
                plain = plain or {
                    c: [_field(x, vocabularies.get(c)) for x in frame[c].tolist()] for c in frame
                }
                fields = {k: _field(x, None) for k, x in frame.attrs.get(FIELDS_ATTR, {}).items()}
                row = fields | {str(c): values_of[i] for c, values_of in plain.items()}
                try:
                    shown = shown.format_map(row)
                except KeyError as missing:
                    raise KeyError(
                        f"the words of {column}={v!r} name {missing}, not a column of the "
                        f"table ({list(row)}): keep the column beside {column!r}"
                    ) from None
            values.append(shown)
        out[column] = values
    return out


def _missing(value: Any) -> bool:
    """Whether a cell is missing (None, NaN, pandas' NA or NaT), not a list or text."""
    if value is None or (isinstance(value, float) and value != value):
        return True
    return type(value).__name__ in ("NAType", "NaTType")


#: The key of ``DataFrame.attrs`` naming, for some columns, the function that formats
#: their values for a reader.
FORMATS_ATTR = "diaspora_formats"


def with_formats(frame: Any, **columns: Callable[[Any], str]) -> Any:
    """Return ``frame`` (changed in place) recording how the values of its ``columns``
    read: ``with_formats(table, date=text.period)`` for a column of ISO dates, or
    ``text.items`` for a column of lists. Analysis keeps the values (language-neutral);
    :func:`labelled` (tables, chart downloads) applies the function in the edition set
    then. A column may also have words (:func:`with_words`): a text value that is one of
    their codes reads as its words, any other value through the function. Pass
    module-level functions (the record is copied with the frame)."""
    frame.attrs[FORMATS_ATTR] = Record({**frame.attrs.get(FORMATS_ATTR, {}), **columns})
    return frame


def formats_of(frame: Any) -> dict[str, Callable[[Any], str]]:
    """Return the functions :func:`with_formats` recorded for ``frame``'s columns."""
    return {
        column: fmt
        for column, fmt in dict(frame.attrs.get(FORMATS_ATTR, {})).items()
        if column in frame.columns
    }


#: The key of ``DataFrame.attrs`` holding values the words of a table's codes may name.
FIELDS_ATTR = "diaspora_fields"


def with_fields(frame: Any, **values: Any) -> Any:
    """Return ``frame`` (changed in place) recording ``values`` that the words of its codes
    may name in ``{placeholders}`` without being a column: ``with_fields(top, countries=172)``
    for ``"Other countries ({countries})"`` (see :func:`labelled`)."""
    frame.attrs[FIELDS_ATTR] = Record({**frame.attrs.get(FIELDS_ATTR, {}), **values})
    return frame


def _field(value: Any, words: Mapping[str, str] | Collection[str] | None) -> Any:
    """Return a cell as a placeholder of another column's words shows it (see :func:`labelled`)."""
    if isinstance(value, str):
        return word(value, words) if words is not None else value
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value == value and float(value).is_integer():
        return str(int(value))
    return value


#: The key of ``DataFrame.attrs`` naming, for some columns, the header a reader sees.
HEADERS_ATTR = "diaspora_headers"


def with_headers(frame: Any, **columns: str) -> Any:
    """Return ``frame`` (changed in place) recording the headers of its ``columns`` where
    the label of a column's name (:func:`diaspora_helpers.columns.label`) is not the header
    this table needs: ``with_headers(out, count=N_("Kind of count"))``. A header is English,
    marked with ``N_``; it may name values recorded with :func:`with_fields` in
    ``{placeholders}`` (``N_("Surveys costing over {threshold}% (% of surveys)")``). The tables
    (:func:`diaspora_helpers.tables.show`) translate it and fill its placeholders in the
    edition set then; a header given to ``show(columns=…)`` still wins. The record follows
    the frame through pandas' copies and selections, and names the index's column too
    (``show(…, index=True)``)."""
    frame.attrs[HEADERS_ATTR] = Record({**frame.attrs.get(HEADERS_ATTR, {}), **columns})
    return frame


def headers_of(frame: Any) -> dict[str, str]:
    """Return the headers :func:`with_headers` recorded for ``frame``'s columns (English
    message ids, not yet translated)."""
    return dict(frame.attrs.get(HEADERS_ATTR, {}))


#: The key of ``DataFrame.attrs`` listing a table's columns of words in the edition's language.
TEXTS_ATTR = "diaspora_texts"


def with_texts(frame: Any, *columns: str) -> Any:
    """Return ``frame`` (changed in place) recording that ``columns`` hold words in the
    edition's language (names, labels from ``data/<code>/``), not codes: a chart download
    tags them with the language, and compares only the other columns across editions."""
    frame.attrs[TEXTS_ATTR] = tuple(sorted(set(frame.attrs.get(TEXTS_ATTR, ())) | set(columns)))
    return frame


def texts_of(frame: Any) -> list[str]:
    """Return the columns :func:`with_texts` recorded for ``frame`` that it still has."""
    return [c for c in frame.attrs.get(TEXTS_ATTR, ()) if c in frame.columns]


#: Words of the code columns of the data tables, declared by the module that owns each
#: vocabulary: table name -> column -> words (see :func:`register_words`).
TABLE_WORDS: dict[str, dict[str, Mapping[str, str] | Collection[str]]] = {}


def register_words(table: str, **columns: Mapping[str, str] | Collection[str]) -> None:
    """Declare how the codes of the data table ``table``'s ``columns`` read: the loader
    records them (:func:`with_words`) on every copy of the table it returns, so even a
    table shown as loaded reads words, never codes."""
    TABLE_WORDS.setdefault(table, {}).update(columns)
