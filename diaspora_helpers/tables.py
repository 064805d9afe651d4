"""The house style for every table a reader sees: ``show(frame)`` in a notebook cell.

A bare ``DataFrame`` or ``Styler`` shows raw floats (``8.274170e+08``, ``14528662.0``),
``NaN``/``<NA>``/``None``, snake_case headers, a 0…n index, and a ``Styler`` stores random
``T_xxxxx`` ids and an object address as its plain text. :func:`show` returns a
:class:`Table` that renders

- as HTML through pandas' ``Styler``, with a fixed id derived from the table's content,
  no ``<style>`` block, and the alignment written on each cell (``align`` and ``style``
  attributes), so it looks the same in JupyterLab, on GitHub (which drops ``<style>``) and
  on the offline site;
- as plain text (``repr``), a readable table with exactly the same cell strings, which is
  what strict nbval compares and what a terminal shows.

Formatting rules (each can be overridden per column with ``decimals``):

========== ========================================================== ==========
kind       how it is recognised                                       decimals
========== ========================================================== ==========
year       whole numbers; name has the word ``year``, or ``start``,     0, no separator
           ``end``, ``since``, ``until``, ``from``, ``to`` and values
           from 1000 to 2999
decimal    the same names and range, with fractions of a year         2, no separator
year       (1991.50 for July 1991)
percent    name has ``pct``, ``percent``, ``share`` or ends in ``%``  1
ratio      name has ``ratio``, ``per`` or ``multiplier``              2
count      integer dtype, or floats that are all whole numbers        0
amount     other floats whose largest absolute value is ≥ 1,000       0
number     other floats                                               2
date       text column named ``date``, ``start_date``, ``end_date``  –
           or ``…_date`` whose cells are ISO dates (``1991-03``);
           written in words at their precision ("March 1991",
           "mars 1991"), left-aligned
text       anything else (left-aligned)                               –
========== ========================================================== ==========

Numbers get thousands separators (``14,528,662``) and are right-aligned; text is
left-aligned; a missing value shows as ``–`` and the caption then says what ``–`` means.
Nothing is truncated.
"""

from __future__ import annotations

import hashlib
import html
import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from diaspora_helpers import i18n, text
from diaspora_helpers.columns import (  # what a column's name says, used here and by callers
    ACRONYMS,
    LABELS,
    MONEY_SCALES,
    column_kind,
    currency_of,
    label,
    money_scale,
)
from diaspora_helpers.i18n import N_, _

__all__ = [
    "ACRONYMS",
    "LABELS",
    "MONEY_SCALES",
    "Table",
    "column_kind",
    "currency_of",
    "label",
    "merge",
    "money_scale",
    "rows",
    "show",
]

MISSING = "–"  # en dash, shown for a missing value
DEFAULT_MISSING_MEANING = N_("no value in the source")
YES, NO = N_("yes"), N_("no")  # how a True/False cell reads, as the chart tables write it
DECIMALS = {
    "year": 0,
    "decimal_year": 2,
    "percent": 1,
    "ratio": 2,
    "count": 0,
    "amount": 0,
    "number": 2,
}
NUMERIC_KINDS = frozenset(DECIMALS)
LONG_TEXT = 60  # characters: a text column with a longer cell is given a minimum width

#: Columns that name a row (its header: a country, a constraint's label), first found.
#: Unless ``columns`` gives an order, :func:`show` puts it first, so that a table read as
#: cards on a phone starts each card with what the row is about, and a column of codes
#: that goes with it (:data:`ROW_CODES`, "ISO3") just after it, as ``<code>``.
ROW_NAMES = ("country", "country_label", "name", "label", "estimate", "where", "topic")
ROW_CODES = ("iso3",)


def is_id(name: object) -> bool:
    """Whether a column named ``name`` holds identifiers (``id``, ``strategy_id``…): codes a
    student may type, shown as ``<code>`` unless words are recorded for them."""
    return name == "id" or str(name).endswith("_id")


def _row_name_first(names: list[str]) -> list[str]:
    """``names`` with the row's name first and its code just after it (see
    :data:`ROW_NAMES`); unchanged when there is none."""
    first = next((n for n in ROW_NAMES if n in names), None)
    if first is None:
        return names
    codes = [n for n in names if n in ROW_CODES]
    rest = [n for n in names if n != first and n not in codes]
    return [first, *codes, *rest]


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _formatter(kind: str, decimals: int | None, scale: float = 1) -> Callable[[Any], str]:
    """Return the function that turns one cell of a column of ``kind`` into its string;
    a number is divided by ``scale`` first (an amount shown in millions: one decimal)."""
    places = DECIMALS.get(kind, 0) if decimals is None else decimals
    if scale != 1 and decimals is None:
        places = 1

    def fmt(value: Any) -> str:
        if _missing(value):
            return MISSING
        if kind == "date":
            try:
                return text.date_words(str(value))
            except ValueError:  # "2009-13": shown as stored rather than hidden
                return str(value)
        if kind == "text":
            # A yes/no column reads "yes"/"no" ("oui"/"non"), never Python's True/False.
            if isinstance(value, bool | np.bool_):
                return _(YES) if value else _(NO)
            return str(value)
        number = float(value) / scale
        if kind == "year" and decimals is None:
            return str(int(round(number)))
        if kind == "decimal_year":  # 1991.50 for July 1991: no thousands separator
            return text.plain_number(number, places)
        shown = text.number(number, places)
        return shown[1:] if re.fullmatch(r"-0([.,]0*)?", shown) else shown

    return fmt


class Table:
    """A formatted table for a notebook: HTML through pandas' Styler, plain text alike.

    Build it with :func:`show`. ``cells`` holds the formatted strings (rows × columns,
    header excluded), ``labels`` the column headers, ``numeric`` which columns are
    right-aligned; ``to_html()`` and ``to_text()`` render them.
    """

    def __init__(
        self,
        frame: pd.DataFrame,
        *,
        labels: list[str],
        formatters: list[Callable[[Any], str]],
        numeric: list[bool],
        caption: str | None,
        codes: list[bool] | None = None,
    ) -> None:
        self.frame = frame
        self.labels = labels
        self.numeric = numeric
        # Columns of codes a student types (``show(codes=…)``): their cells are ``<code>``.
        self.codes = codes or [False] * len(labels)
        self.caption = caption
        self._formatters = formatters
        self.cells = [
            [formatters[j](value) for j, value in enumerate(row)]
            for row in frame.itertuples(index=False, name=None)
        ]
        # A column of long text keeps a readable width instead of one word per line, however
        # many number columns share the table (the table then scrolls in its box).
        self.wide = [
            not numeric[j] and max((len(row[j]) for row in self.cells), default=0) > LONG_TEXT
            for j in range(len(labels))
        ]
        digest = hashlib.sha1(repr((labels, self.cells, caption)).encode("utf-8")).hexdigest()
        self.table_id = f"dt-{digest[:10]}"

    # -- HTML ------------------------------------------------------------------------------

    def to_html(self) -> str:
        """Return the table as HTML: a fixed id, no ``<style>`` block, inline alignment."""
        shown = self.frame.copy()
        shown.columns = list(range(shown.shape[1]))  # labels may repeat; positions do not
        styler = (
            shown.style.format(dict(enumerate(self._formatters)), escape="html")
            .format_index(
                lambda j: self.labels[j],  # type: ignore[call-overload]  # j is the column's position
                axis="columns",
                escape="html",
            )
            .hide(axis="index")
            .set_uuid(self.table_id)
            .set_table_attributes('class="diaspora-table" style="border-collapse:collapse"')
        )
        if self.caption:
            styler = styler.set_caption(html.escape(self.caption))
        rendered = styler.to_html()
        rendered = re.sub(r"<style[^>]*>.*?</style>\s*", "", rendered, flags=re.DOTALL)
        # Per-cell ids add weight and nothing a reader uses: keep the table's own id only.
        rendered = re.sub(r'<(t[hd]) id="[^"]*" class="([^"]*)" >', self._align, rendered)
        if any(self.codes):
            rendered = re.sub(
                r'(<td class="[^"]*\bcol(\d+)\b[^"]*"[^>]*>)(.*?)(</td>)',
                lambda m: (
                    f"{m.group(1)}<code>{m.group(3)}</code>{m.group(4)}"
                    if self.codes[int(m.group(2))] and m.group(3)
                    else m.group(0)
                ),
                rendered,
                flags=re.S,
            )
        return rendered

    def _align(self, match: re.Match[str]) -> str:
        tag, classes = match.group(1), match.group(2).split()
        column = next((int(c[3:]) for c in classes if re.fullmatch(r"col\d+", c)), None)
        side = "right" if column is not None and self.numeric[column] else "left"
        width = ";min-width:16em" if column is not None and self.wide[column] else ""
        return f'<{tag} class="{match.group(2)}" align="{side}" style="text-align:{side}{width}">'

    def _repr_html_(self) -> str:
        return self.to_html()

    # -- plain text ------------------------------------------------------------------------

    def to_text(self) -> str:
        """Return the table as aligned plain text (caption first, then header and rows)."""
        rows = [self.labels, *self.cells]
        widths = [max(len(row[j]) for row in rows) for j in range(len(self.labels))]

        def line(row: Sequence[str]) -> str:
            parts = [
                cell.rjust(widths[j]) if self.numeric[j] else cell.ljust(widths[j])
                for j, cell in enumerate(row)
            ]
            return "  ".join(parts).rstrip()

        lines = [line(self.labels), "  ".join("-" * w for w in widths)]
        lines += [line(row) for row in self.cells]
        return "\n".join(([self.caption, ""] if self.caption else []) + lines)

    def __repr__(self) -> str:
        return self.to_text()

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(self.to_text())


def show(
    table: pd.DataFrame | pd.Series,
    *,
    columns: Mapping[str, str] | Sequence[str] | None = None,
    caption: str | None = None,
    index: bool = False,
    decimals: int | Mapping[str, int] | None = None,
    missing: str = DEFAULT_MISSING_MEANING,
    codes: Sequence[str] = (),
    exact: bool | Sequence[str] = False,
) -> Table:
    """Return ``table`` in the house style, ready to be a cell's last expression.

    ``table``: a DataFrame (or a Series, shown as one column), any number of rows × columns.
    ``columns``: which columns to show, in order; a mapping gives each its label (e.g.
    ``{"stock": "Migrants (persons)"}``), a sequence keeps the default labels (snake_case
    to "Sentence case"); None shows every column. ``caption``: a sentence above the table.
    ``index``: show the index as the first column (only when it means something).
    ``decimals``: one number of decimals for every numeric column, or a mapping
    column → decimals; otherwise each column's kind decides (see the module doc).
    ``missing``: what a missing value means here; when the table has one, the caption
    ends with ``– means <missing>.`` Headers and ``missing`` are translated into the
    edition's language; ``caption`` is passed already translated. A column's header is the
    one ``columns`` gives, else the one the analysis recorded on the table
    (:func:`diaspora_helpers.i18n.with_headers`, its ``{placeholders}`` filled from
    :func:`~diaspora_helpers.i18n.with_fields`), else its name's label (:func:`label`):
    a notebook needs no display words of its own.
    Code columns (recorded with :func:`diaspora_helpers.i18n.with_words` by the analysis
    that made the table) read as words of the edition, each cell starting with a capital
    (:func:`diaspora_helpers.text.in_cell`; a ``unit`` column's words stay as written,
    "km²"); ``codes`` names those whose codes
    are also shown, in a column just after theirs headed "<header> (code)", each code as
    ``<code>`` in the HTML: where a student must type a code as an answer.

    Unless ``columns`` or ``index`` says otherwise, the column naming each row (a country,
    a label: :data:`ROW_NAMES`) comes first and an ISO3 code column just after it, each
    code as ``<code>``: a card on a phone starts with what its row is about.

    Amounts of money (a column named for its currency, ``remittances_usd``,
    ``remittances_xof``) of a million or more read as the prose says them: in millions (or
    billions of CFA francs from 100 billion), one decimal, the scale in the header
    ("Remittances (millions of US dollars)"; the rule: :func:`money_scale`). ``exact``
    (True, or the names of some columns) keeps them to the unit, where an exercise asks
    for an amount read from the table; so does a header given in ``columns``, which
    states its own unit.

    This is the one function that formats a frame for a reader (the notebooks' tables and
    the reader pages build on it): numbers in the edition's format, codes as words, yes/no
    for booleans, a dash for a missing value.

    Raises ``KeyError`` naming a column that ``columns`` or ``decimals`` asks for and the
    table does not have, and ``TypeError`` if ``table`` is not a DataFrame or Series.
    """
    if isinstance(table, pd.Series):
        table = table.to_frame()
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"show() needs a pandas DataFrame or Series, not {type(table).__name__}")
    frame = table.reset_index() if index else table
    names = list(columns) if columns is not None else list(frame.columns)
    given = dict(columns) if isinstance(columns, Mapping) else {}
    words = i18n.words_of(frame)
    unknown = [c for c in codes if c not in words]
    if unknown:
        raise KeyError(f"column {unknown[0]!r} holds no codes with words; codes: {list(words)}")
    recorded = i18n.headers_of(table)  # by the analysis; a header given here wins
    fields = {k: _header_field(v) for k, v in table.attrs.get(i18n.FIELDS_ATTR, {}).items()}

    def header_of(name: str) -> str:
        """The header of column ``name`` in the edition's language."""
        if name in given:
            return _(str(given[name]))
        if name in recorded:
            return _(recorded[name]).format_map(fields)
        return _(label(name))

    coded = frame
    frame = i18n.labelled(frame)  # code columns read as words of the edition
    for column in [c for c in words if c != "unit"]:  # units as written ("km²")
        # a cell of words starts with a capital, as elsewhere ("Éducation", "Santé")
        frame[column] = [text.in_cell(v) if isinstance(v, str) else v for v in frame[column]]
    for column in codes:
        header = header_of(column)
        shown = f"{column} (code)"
        frame[shown] = coded[column].to_numpy()
        given[shown] = _("{header} (code)").format(header=header)
        if column in names:
            names.insert(names.index(column) + 1, shown)
    unknown = [n for n in names if n not in frame.columns]
    if isinstance(decimals, Mapping):
        unknown += [n for n in decimals if n not in names]
    if not isinstance(exact, bool):
        unknown += [n for n in exact if n not in names]
    if unknown:
        raise KeyError(f"no column {unknown[0]!r}; the table has {list(frame.columns)}")
    if columns is None and not index:  # an index shown is the row's header already
        names = _row_name_first(names)
    frame = frame.loc[:, names]
    # Headers are translated through the "labels" catalog (msgid: the English label), or
    # are the ones given here or recorded by the analysis (:func:`i18n.with_headers`).
    labels = [header_of(n) for n in names]
    kinds = [column_kind(n, frame[n]) for n in names]
    kept = set(names) if exact is True else set() if exact is False else set(exact)
    scales = [
        money_scale(n, frame[n])
        if kinds[j] in ("count", "amount", "number")
        and n not in kept
        and n not in given
        and n not in recorded
        else (1, None)
        for j, n in enumerate(names)
    ]
    for j, (n, (_divisor, unit)) in enumerate(zip(names, scales, strict=True)):
        if unit:  # "Remittances (millions of US dollars)": the label without its currency
            base = label(str(n).rsplit("_", 1)[0])
            labels[j] = _("{label} ({unit})").format(label=_(base), unit=_(unit))
    places = [
        (decimals.get(n) if isinstance(decimals, Mapping) else decimals)
        if kinds[j] not in ("text", "date")
        else None
        for j, n in enumerate(names)
    ]
    formatters = [_formatter(kinds[j], places[j], scales[j][0]) for j in range(len(names))]
    if frame.map(_missing).to_numpy().any():
        note = _("{dash} means {meaning}.").format(dash=MISSING, meaning=_(missing))
        caption = f"{caption.rstrip()} {note}" if caption else note
    numeric = [kind in NUMERIC_KINDS for kind in kinds]
    coded_columns = [
        n in {f"{c} (code)" for c in codes} or n in ROW_CODES or (is_id(n) and n not in words)
        for n in names
    ]
    return Table(
        frame,
        labels=labels,
        formatters=formatters,
        numeric=numeric,
        caption=caption,
        codes=coded_columns,
    )


def _header_field(value: Any) -> str:
    """Return a value a recorded header names (:func:`i18n.with_fields`) as the header
    shows it: a whole number as digits (``5``), a fraction with the edition's decimal sign
    and the digits it has (``2.5``, ``2,5`` in French), anything else as ``str``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if float(value).is_integer():
        return str(int(value))
    digits = f"{value:g}"
    places = len(digits.split(".", 1)[1]) if "." in digits else 0
    return text.plain_number(float(value), places)


def merge(left: pd.DataFrame, right: pd.DataFrame, **how: Any) -> pd.DataFrame:
    """Return ``left.merge(right, **how)`` keeping what both tables recorded about their
    columns: the words of their code columns (:func:`diaspora_helpers.i18n.with_words`)
    and which columns hold words of the edition (:func:`~diaspora_helpers.i18n.with_texts`).

    pandas keeps ``DataFrame.attrs`` through a merge only when every input has the same, so
    a chart's data joined from two tables would otherwise show its codes, not their words.
    ``how`` is passed to :meth:`pandas.DataFrame.merge` (``on``, ``how``…); where both
    tables record words for one column, ``right``'s win.
    """
    out = left.merge(right, **how)
    i18n.with_words(out, **{**i18n.words_of(left), **i18n.words_of(right)})
    return i18n.with_texts(out, *i18n.texts_of(left), *i18n.texts_of(right))


def rows(frame: pd.DataFrame) -> Iterator[Any]:
    """Return ``frame.itertuples()``: one named tuple per row (``Index``, then a field per
    column), for the helpers that walk a table row by row.

    The rows are typed ``Any``: pandas-stubs types every field as any scalar (text, date,
    number...), while the loader's schema (``datapackage.json``) gives each column its type.
    """
    return iter(frame.itertuples())
