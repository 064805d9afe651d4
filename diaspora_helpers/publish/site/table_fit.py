"""Whether a table fits a phone: the kind of each column and the table's width at 390 px.

A table reads as cards on a phone (:mod:`table_markup`) when it has a column of text
(words, not numbers or codes) and it cannot give each column the room it needs on a
390 px screen (:data:`PHONE_WIDTH` of content): its text would be squeezed to a word a
line, or hidden off the screen. A table of numbers (a column of names and columns of
numbers, codes or yes/no) stays a table, however wide: it scrolls in its box.

The decision is the same for the English and French twins of a table, by design: the
estimate (:func:`phone_width`) never reads the length of a word. A column of numbers or
codes is as wide as its longest cell, and numbers and codes have as many characters in
both editions ("4,000,000" and "4 000 000", "27.50" and "27,50", "MLI"); a column of
text counts :data:`TEXT_COLUMN` px, the width at which wrapped text still reads well, in
both editions alike, however long its words. What is left to language is only whether a
column is text, which depends on what its cells are (digits, codes, words), not on how
long their words are; :func:`column_kinds` gives it, and the tests check it over every
twin table of the built site.

Pure functions over a table's inner HTML (as :mod:`table_markup` has it).
"""

from __future__ import annotations

import html
import re
import statistics
from collections.abc import Iterable

from diaspora_helpers.publish.site import markup

#: What a 390 px phone shows of a table: the screen less the page's margins (2 × 1rem), px.
PHONE_WIDTH = 358.0
#: Advance of a digit or capital of a table's text (.9rem of the site's sans-serif), px.
GLYPH = 8.0
#: A cell's horizontal padding on a phone (2 × .4rem), px.
CELL_PADDING = 12.8
#: A cell's minimum width on a phone (``td { min-width: 3.5rem }``), px.
CELL_MIN = 56.0
#: Room a column of numbers needs for its header's longest word ("Remittances",
#: "Persons", "Effectif"): it wraps to that. A constant, the same in both editions.
HEADER_CHARS = 7
#: Width a column of text needs to read well wrapped, about sixteen characters a line, px
#: (the site's CSS gives a column of long text, ``td.wide``, this width on a phone).
TEXT_COLUMN = 128.0
#: Width of a column of names (countries, sectors, "UN DESA"), px.
NAME_COLUMN = 110.0
#: Room a table with text must leave on a phone beyond its estimate, px: the estimate
#: counts no word's length, and longer words (of headers and names, longer in French:
#: "Nombre d'organismes") take up to this much more (measured at 390 px, both editions).
FIT_MARGIN = 56.0
#: A first column whose labels have at least this many words (median) holds phrases, not
#: names ("Malians living in Europe", "Exercise notebook of session 1"): text.
PHRASE_WORDS = 3

NUMBER, CODE, NAME, TEXT, EMPTY = "number", "code", "name", "text", "empty"

_TAGS = re.compile(r"<[^>]+>")
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S)
_CELL = re.compile(r"<(t[hd])\b([^>]*)>(.*?)</\1>", re.S)
#: Words a cell of numbers may hold about its digits: currencies, scales, units of time
#: and area, in both editions.
_UNIT_WORDS = frozenset(
    "usd us xof fcfa cfa eur million millions billion billions milliard milliards md "
    "k m bn mn min h km km2 km² pp pts".split()
)
_SEPARATORS = r"\s.,'’%‰\u00a0\u202f"
_DIGITS = re.compile(rf"^[-+−–~≈<>≤≥$€£]?[\d{_SEPARATORS}/:+−–-]*\d[\d{_SEPARATORS}]*$")
_QUARTER = re.compile(r"^[QT][1-4]\s\d{4}$")
#: A code: one token without a lower-case letter ("MLI", "BX.TRF.PWKR.CD.DT", "RGPH5") or
#: an identifier in snake_case ("production_costs"), the same in both editions; it does not
#: break, so its column is as wide as its longest one.
_CODE = re.compile(r"^[A-Z0-9][A-Z0-9._/-]*$|^\w+(?:_\w+)+$")
_ALL_CODE = re.compile(r"\s*<code\b[^>]*>.*</code>\s*", re.S)
#: Yes and no, as either edition prints them.
YES_NO = frozenset({"yes", "no", "oui", "non"})
#: Cells that say a value is missing: they say nothing of their column's kind.
_MISSING = frozenset({"", "–", "—", "-", "…", "n/a", "nan", "none"})


def _text(fragment: str) -> str:
    return markup.squeeze(html.unescape(_TAGS.sub(" ", fragment)))


def is_number(text: str) -> bool:
    """True for a cell that reads as a number: digits, separators, a sign or a range, with
    at most a currency, a scale or a unit ("USD 827 million", "12,5 %", "10 min",
    "1.1–1.5")."""
    words = re.findall(r"[^\W\d_]+[²]?", text.lower())
    if any(word not in _UNIT_WORDS for word in words):
        return False
    rest = re.sub(r"[^\W\d_]+[²]?", " ", text).strip()
    return bool(_DIGITS.match(rest))


def is_code(text: str, content: str = "") -> bool:
    """True for a cell that reads as a code, not words: a token without lower-case letters
    ("MLI") or in snake_case ("heavy_procedures"), a quarter ("Q2 2016"), yes or no, or
    code (``content`` all in ``<code>``)."""
    if text.lower() in YES_NO or _QUARTER.match(text) or _CODE.match(text):
        return True
    return bool(content) and _ALL_CODE.fullmatch(content) is not None


def columns(inner: str) -> list[list[tuple[str, str]]]:
    """Return the body's cells column by column, each as (attributes, inner HTML); a
    spanning cell counts once, in its first column."""
    body = re.search(r"<tbody\b[^>]*>(.*?)</tbody>", inner, re.S)
    rows = _ROW.findall(body.group(1) if body else inner)
    found: list[list[tuple[str, str]]] = []
    for row in rows:
        if "<td" not in row and not body:  # a header row of a table without <tbody>
            continue
        for index, (_tag, attrs, content) in enumerate(_CELL.findall(row)):
            while index >= len(found):
                found.append([])
            found[index].append((attrs, content))
    return found


def content_words(text: str) -> int:
    """Return the number of words of at least four characters in ``text``: the words that
    carry its meaning, about as many in a French phrase as in its English twin ("UN
    migrant stock", "stock de migrants (ONU)": two each)."""
    return sum(1 for word in re.split(r"[\s/–-]+", text) if len(word.strip("()[],;:.«»")) >= 4)


def _kind(index: int, cells: list[tuple[str, str]]) -> str:
    shown = [(a, c, _text(c)) for a, c in cells if _text(c).lower() not in _MISSING]
    if not shown:
        return EMPTY
    # ``num``: the tables module right-aligns a column of numbers (from its data type).
    if all(re.search(r'\bclass="[^"]*\bnum\b', a) or is_number(t) for a, _c, t in shown):
        return NUMBER
    if all(is_code(t, c) for _a, c, t in shown):
        return CODE
    # A column of identifiers: single tokens, some in snake_case ("landlocked", "heavy_procedures").
    if all(" " not in t for _a, _c, t in shown) and any("_" in t for _a, _c, t in shown):
        return CODE
    words = statistics.median(content_words(t) for _a, _c, t in shown)
    return TEXT if words >= PHRASE_WORDS else NAME


def column_kinds(inner: str) -> list[str]:
    """Return the kind of each column of the table's body: ``number``, ``code``, ``text``,
    ``empty`` (every cell missing) or, for the first column only, ``name`` (labels of a
    word or two: a column of names is not text that needs room to wrap)."""
    return [_kind(index, cells) for index, cells in enumerate(columns(inner))]


def _chars(text: str) -> int:
    """Return the characters a number takes, the same in both editions: a space
    before "%" does not count ("10 %" and "10%") and a word about the digits counts four
    ("USD 827 million" and "827 millions USD")."""
    text = re.sub(r"[\s\u00a0\u202f]+(?=[%‰])", "", text)
    return len(re.sub(r"[^\W\d_]{2,}²?", "wwww", text))


def _longest(cells: Iterable[tuple[str, str]], kind: str) -> int:
    count = _chars if kind == NUMBER else len
    return max((count(_text(c)) for _a, c in cells), default=0)


def phone_width(inner: str) -> float:
    """Return the table's estimated width on a 390 px phone, in CSS px, when each column has
    the room it needs: a column of numbers or codes its longest cell (and its header's
    longest word, counted :data:`HEADER_CHARS`), a column of names :data:`NAME_COLUMN`, a
    column of text :data:`TEXT_COLUMN`, an empty one :data:`CELL_MIN`. The same for both
    editions of a table whose columns are of the same kinds (the length of a word counts
    nowhere)."""
    width = 0.0
    for kind, cells in zip(column_kinds(inner), columns(inner), strict=True):
        if kind in (NUMBER, CODE):
            shown = [(a, c) for a, c in cells if _text(c).lower() not in YES_NO]
            chars = max(_longest(shown, kind), HEADER_CHARS)
            width += max(CELL_MIN, chars * GLYPH + CELL_PADDING)
        elif kind == TEXT:
            width += TEXT_COLUMN
        elif kind == NAME:
            width += NAME_COLUMN
        else:
            width += CELL_MIN
    return width


def needs_cards(inner: str) -> bool:
    """True when a table reads better as cards on a phone: it has a column of text and its
    estimated width (:func:`phone_width`) does not leave :data:`FIT_MARGIN` of the
    :data:`PHONE_WIDTH`. A table of names, numbers and codes stays a table."""
    return TEXT in column_kinds(inner) and phone_width(inner) > PHONE_WIDTH - FIT_MARGIN
