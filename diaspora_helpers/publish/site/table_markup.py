"""Tables of a page as a reader meets them, on a phone, with a keyboard or a screen reader.

The analysis gives codes and numbers and :mod:`diaspora_helpers.tables` formats them; this
module only changes how a table sits on the page:

- every table is put in a box that scrolls sideways on its own (``<div class="scroll"
  role="region" tabindex="0" aria-label="…">``), so a keyboard can reach its hidden
  columns and a screen reader announces it by name (its caption, else its headers);
- a table with a column of text that a 390 px phone cannot give room
  (:func:`table_fit.needs_cards`, decided alike for a table's English and French twins),
  or with code over :data:`LONG_CODE` characters, is marked ``cards``: below about 600 px
  each row reads as a card, named by its first cell (a row header, ``th scope="row"``),
  each other cell after the label of its column (``data-label``), an empty cell left out
  of the card (class ``empty``; "–", a value missing in the source, stays), instead of a
  box to scroll. A table of names, numbers and codes, however many columns, stays a
  compact table that scrolls in its box (issue 25: a stack of cards for nine countries
  was 1,800 px tall);
- a cell that is exactly a Python boolean (``True``/``False``) reads as a word of the
  page's language.

Pure functions over HTML text; the same input gives the same bytes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from diaspora_helpers.i18n import N_
from diaspora_helpers.publish.site import markup, table_fit
from diaspora_helpers.tables import MISSING

#: A cell of more characters than this is prose: a table that scrolls on a phone holds none
#: (its column of text would be squeezed to a word a line; such a table reads as cards).
LONG_CELL = 60
#: A table with a cell holding more characters of code than this reads as cards on a phone
#: (code keeps its line in a table's cell; about 200 px at the site's code size).
LONG_CODE = 24
BOOLEAN_WORDS = {"True": N_("yes"), "False": N_("no")}

_TABLE = re.compile(r"<table\b([^>]*)>(.*?)</table>", re.S)
_CELL = re.compile(r"<(t[hd])\b([^>]*)>(.*?)</\1>", re.S)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S)
_TAGS = re.compile(r"<[^>]+>")
_CODE = re.compile(r"<code\b[^>]*>(.*?)</code>", re.S)


def _text(fragment: str) -> str:
    return markup.squeeze(html.unescape(_TAGS.sub(" ", fragment)))


def _header_labels(inner: str) -> list[str]:
    """Return the labels of the table's columns: the last header row of ``<thead>``."""
    head = re.search(r"<thead\b[^>]*>(.*?)</thead>", inner, re.S)
    rows = _ROW.findall(head.group(1)) if head else []
    if not rows:
        first = _ROW.search(inner)
        if not first or "<td" in first.group(1):
            return []
        rows = [first.group(1)]
    labels = []
    for _tag, attrs, content in _CELL.findall(rows[-1]):
        span = re.search(r'colspan="?(\d+)', attrs)
        labels += [_text(content)] * (int(span.group(1)) if span else 1)
    return labels


def _body_rows(inner: str) -> str:
    body = re.search(r"<tbody\b[^>]*>(.*?)</tbody>", inner, re.S)
    return body.group(1) if body else inner


def _wants_cards(inner: str) -> bool:
    """True when the table reads as cards on a phone: it has a column of text and is too
    wide for a phone to give it room (:func:`table_fit.needs_cards`), or it holds long code."""
    cells = [m.group(3) for m in _CELL.finditer(_body_rows(inner))]
    # Code in a cell does not wrap (a line of code broken at random reads wrong).
    if any(len(_text(code)) > LONG_CODE for cell in cells for code in _CODE.findall(cell)):
        return True
    return table_fit.needs_cards(inner)


#: Classes pandas' Styler writes on every cell, which the site's CSS does not use.
_STYLER_CLASS = re.compile(
    r"^(?:data|blank|index_name|row_heading|col_heading|level\d+|row\d+|col\d+)$"
)


def _lighter(attrs: str) -> str:
    """Return a cell's attributes without the Styler's per-cell classes, its alignment as
    the class ``num`` (right) or nothing (left, the default), and its minimum width as the
    class ``wide``: the same look in a third of the bytes."""
    classes = re.search(r'\sclass="([^"]*)"', attrs)
    kept = [c for c in (classes.group(1).split() if classes else []) if not _STYLER_CLASS.match(c)]
    style = re.search(r'\sstyle="([^"]*)"', attrs)
    rules = style.group(1) if style else ""
    if "text-align:right" in rules:
        kept.append("num")
    if "min-width:16em" in rules:
        kept.append("wide")
    rest = re.sub(r'\s(?:class|style|align)="[^"]*"', "", attrs)
    return rest + (f' class="{" ".join(kept)}"' if kept else "")


def _words(inner: str, gettext: Callable[[str], str]) -> str:
    """Return the table's HTML with boolean cells as words, and lighter cell attributes."""

    def cell(match: re.Match[str]) -> str:
        tag, attrs, content = match.groups()
        attrs = _lighter(attrs)
        word = BOOLEAN_WORDS.get(content.strip())
        return f"<{tag}{attrs}>{gettext(word) if word else content}</{tag}>"

    return _CELL.sub(cell, inner)


def _with_class(attrs: str, name: str) -> str:
    """Return a tag's attributes with class ``name`` added."""
    if re.search(r'\sclass="', attrs):
        return re.sub(r'\sclass="([^"]*)"', rf' class="\1 {name}"', attrs, count=1)
    return f'{attrs} class="{name}"'


#: A column header longer than this (in characters) gets the class ``long``: on a phone it
#: keeps a minimum width (site.css) instead of wrapping to a word a line above a narrow
#: column of numbers (02's corridor summary: a 230 px tall header row).
LONG_HEADER = 28


def _long_headers(inner: str) -> str:
    """Return a table's HTML with each long column header (:data:`LONG_HEADER`) marked."""
    head = re.search(r"<thead>.*?</thead>", inner, re.S)
    if not head:
        return inner

    def mark(match: re.Match[str]) -> str:
        attrs, content = match.group(1) or "", match.group(2)
        if len(_text(content)) <= LONG_HEADER:
            return match.group(0)
        return f"<th{_with_class(attrs, 'long')}>{content}</th>"

    marked = re.sub(r"<th(\s[^>]*)?>(.*?)</th>", mark, head.group(0), flags=re.S)
    return inner[: head.start()] + marked + inner[head.end() :]


def _labelled_rows(inner: str, labels: list[str]) -> str:
    """Give each body cell a ``data-label``: the label of its column (for the cards)."""
    head_end = inner.find("</thead>")
    head, rest = (inner[: head_end + 8], inner[head_end + 8 :]) if head_end >= 0 else ("", inner)

    def row(match: re.Match[str]) -> str:
        column = 0
        out = []
        last = 0
        content = match.group(0)
        for cell in _CELL.finditer(content):
            tag, attrs, _inner = cell.groups()
            out.append(content[last : cell.start()])
            label = labels[column] if column < len(labels) else ""
            if label and "data-label" not in attrs:
                attrs = f' data-label="{html.escape(label, quote=True)}"{attrs}'
            if not _text(_inner):  # an empty cell: the card leaves it out, label and all
                attrs = _with_class(attrs, "empty")
            elif column == 0 and tag == "td":  # the card's name: its row's header
                tag, attrs = "th", f' scope="row"{attrs}'
            out.append(f"<{tag}{attrs}>{_inner}</{tag}>")
            last = cell.end()
            span = re.search(r'colspan="?(\d+)', attrs)
            column += int(span.group(1)) if span else 1
        out.append(content[last:])
        return "".join(out)

    return head + re.sub(r"<tr\b[^>]*>.*?</tr>", row, rest, flags=re.S)


_NOTE_CAPTION = re.compile(rf"<caption\b[^>]*>\s*({MISSING}\s.*?)</caption>", re.S)


def _note_out_of_caption(inner: str) -> tuple[str, str]:
    """Return a table's HTML without a caption that is only the note on missing values
    ("– means no value in the source.", :func:`diaspora_helpers.tables.show`), and that
    note ("" when there is none). Such a caption says nothing of what the table is, so it
    must not name it (WCAG 2.4.6): the table is named by its columns, and the note follows
    it as a paragraph."""
    found = _NOTE_CAPTION.search(inner)
    if not found:
        return inner, ""
    return inner[: found.start()] + inner[found.end() :], found.group(1).strip()


def table_name(inner: str, labels: list[str], gettext: Callable[[str], str] = str) -> str:
    """Return the accessible name of a table's scrolling box: its caption, else "Table:"
    and its column labels."""
    _ = gettext
    caption = re.search(r"<caption\b[^>]*>(.*?)</caption>", inner, re.S)
    if caption and _text(caption.group(1)):
        return _text(caption.group(1))
    shown = [label for label in labels if label][:4]
    if shown:
        return _("Table: {columns}").format(columns=", ".join(shown))
    return _("Table")


def for_readers(body: str, gettext: Callable[[str], str] = str) -> str:
    """Return ``body`` with every table in a named, focusable box that scrolls on its own
    (a second table of the same name is "(2)", and so on), long-text tables marked to read
    as cards on a phone and boolean cells as words of the page's language (``gettext``
    translates them)."""

    used: dict[str, int] = {}

    def one(match: re.Match[str]) -> str:
        attrs, inner = match.group(1), match.group(2)
        labels = _header_labels(inner)
        inner = _words(inner, gettext)
        # A table that labels its own cells (the glossary) has its own phone layout.
        if labels and "data-label" not in inner and _wants_cards(inner):
            inner = _labelled_rows(inner, labels)
            if 'class="' in attrs:
                attrs = re.sub(r'class="([^"]*)"', r'class="\1 cards"', attrs, count=1)
            else:
                attrs += ' class="cards"'
        else:
            inner = _long_headers(inner)
        inner, note = _note_out_of_caption(inner)
        name = table_name(inner, labels, gettext)
        used[name] = used.get(name, 0) + 1
        if used[name] > 1:  # each region's name tells it from the others on the page
            name = f"{name} ({used[name]})"
        name = html.escape(name, quote=True)
        return (
            f'<div class="scroll" role="region" tabindex="0" aria-label="{name}">'
            f"<table{attrs}>{inner}</table></div>"
            + (f'<p class="table-note">{note}</p>' if note else "")
        )

    return _TABLE.sub(one, body)
