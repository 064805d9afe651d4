"""The glossary page: the acronyms of the document and the data (``data/glossary.csv``),
then what each dataset, indicator and count measures (``data/definitions.csv``), so that a
definition is written once, in data, and read the same on every page.

The French site's glossary reads the same tables, with the French text of
``data/fr/<table>.csv`` swapped in where that file exists. Both are read through the data
loader (:func:`diaspora_helpers.data.loader.load_from`), as notebooks read them, so a file
re-saved by a spreadsheet (byte-order mark, CRLF) reads the same, and a file that does not
match its schema stops the page with an error naming the file.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from diaspora_helpers import text
from diaspora_helpers.data import loader
from diaspora_helpers.i18n import LANGUAGES, N_
from diaspora_helpers.publish.site import markup
from diaspora_helpers.publish.site.links import DATA_FOLDER
from diaspora_helpers.publish.site.pages import GLOSSARY_PAGE, Site

DEFINITIONS_SOURCE = "definitions.csv"  # beside glossary.csv in data/
#: ``url_kind`` of a definition whose address is a third party's copy or report of the
#: source (a news site, a document-sharing site), not its publisher's page.
RELAY = "relay"
#: Headers of the glossary's columns, by column name; another column is shown as its
#: name, capitalised.
HEADERS = {
    "acronym": N_("Acronym"),
    "english": N_("English"),
    "french": N_("French"),
    "used_in": N_("Used in"),
    "note": N_("Note"),
    "section": N_("Origin"),
}
#: The words of the ``section`` column's codes; the other cells are section numbers of the
#: source document, which the reader does not have: both say where the term comes from.
SECTION_WORDS = {
    "intro": N_("Source document, introduction"),
    "conclusion": N_("Source document, conclusion"),
    "external": N_("Not in the source document"),
}
#: A mention of the source document's sections in a "Used in" cell, as ``data/glossary.csv``
#: writes it ("document 3, 5.1") and as ``data/fr/glossary.csv`` does ("document (sections
#: 3 et 5.1)"): group ``numbers`` holds the section numbers.
DOCUMENT_SECTIONS = re.compile(
    r"\bdocument\b\s*(?:\(\s*sections?\s+(?P<inner>[\d.]+(?:\s*(?:,|et|and)\s*[\d.]+)*)\s*\)"
    r"|(?P<bare>[\d.]+(?:\s*(?:,|and)\s*[\d.]+)*))"
)


def _text(value: Any) -> str:
    """A loaded cell as the page shows it: blank for a missing value."""
    return "" if value is None or pd.isna(value) else str(value)


def _numbers(numbers: list[str], gettext: Callable[[str], str]) -> str:
    """Return section numbers as a list in words: "5.1", "3 and 5.1", "2, 3 and 7"."""
    _ = gettext
    if len(numbers) == 1:
        return numbers[0]
    return _("{first} and {last}").format(first=", ".join(numbers[:-1]), last=numbers[-1])


def section_words(cell: str, gettext: Callable[[str], str] = str) -> str:
    """Return a ``section`` cell as a reader reads it: "Source document, section 5.1" for a
    section number, "Not in the source document" for ``external``, in the edition's
    language (``gettext``); a blank cell stays blank."""
    _ = gettext
    if not cell.strip():
        return cell
    if cell in SECTION_WORDS:
        return _(SECTION_WORDS[cell])
    return _("Source document, section {sections}").format(sections=cell)


def document_places(text: str, gettext: Callable[[str], str] = str) -> str:
    """Return a "Used in" cell's text with each mention of the source document's sections
    ("document 3, 5.1"; French "document (sections 3 et 5.1)") written in words the reader
    understands: "Source document, sections 3 and 5.1" (the edition's words, ``gettext``).
    """

    _ = gettext

    def one(match: re.Match[str]) -> str:
        numbers = re.findall(r"\d+(?:\.\d+)*", match.group("inner") or match.group("bare"))
        sections = _numbers(numbers, gettext)
        if len(numbers) == 1:
            return _("Source document, section {sections}").format(sections=sections)
        return _("Source document, sections {sections}").format(sections=sections)

    return DOCUMENT_SECTIONS.sub(one, text)


def capital_first(shown: str) -> str:
    """Return a cell's HTML ``shown`` with the first letter a reader sees in upper case, as
    a table's cell of words starts ("notebooks ; données…" -> "Notebooks ; données…"): the
    letter may follow opening tags (a link), never one inside ``<code>`` (an identifier);
    the rest is unchanged. A first word that is an identifier (``key_figures``) is kept."""
    found = re.match(r"(?:\s|<(?!code\b)[^>]*>)*", shown)
    at = found.end() if found else 0
    word = re.match(r"[^\s;,(<]*", shown[at:])
    if shown[at : at + 1].islower() and not (word and "_" in word.group(0)):
        return shown[:at] + shown[at].upper() + shown[at + 1 :]
    return shown


def _letter(term: str) -> str:
    """Return the letter a term is filed under: its first letter, capital, without accent
    ("É" under "E"); "#" for a term that starts with no letter."""
    first = unicodedata.normalize("NFD", term.strip()[:1])[:1].upper()
    return first if first.isalpha() else "#"


def jump_bar(
    terms: list[str], gettext: Callable[[str], str] = str, definitions: bool = False
) -> str:
    """Return the HTML of the glossary's A–Z bar: a named ``nav`` with one link per letter
    that has entries (in alphabetical order, "#" last), to the first of ``terms`` (in the
    table's order) filed under it, by the id its row has (:func:`markup.slug`); then, when
    ``definitions``, one link to the definitions section."""
    _ = gettext
    first: dict[str, str] = {}
    for term in terms:
        if term.strip():
            first.setdefault(_letter(term), term)
    links = [
        f'<li><a href="#{markup.slug(first[letter])}">{letter}</a></li>'
        for letter in sorted(first, key=lambda letter: (letter == "#", letter))
    ]
    if definitions:
        heading = html.escape(_("What each source counts"))
        links.append(f'<li class="to-definitions"><a href="#definitions">{heading}</a></li>')
    name = html.escape(_("Glossary, A to Z"))
    return f'<nav class="jump" aria-label="{name}"><ul>{"".join(links)}</ul></nav>'


def _read(path: Path, language: str) -> tuple[list[str], list[dict[str, str]], set[str]]:
    """Return the header, the rows (as text) and the translated columns of the table at
    ``path`` (a file that ``datapackage.json`` beside it describes), through the data
    loader, with ``language``'s text (``<folder>/<language>/<name>``) swapped in.

    Raises :class:`~diaspora_helpers.data.loader.DataError` naming the file and the fix
    when it cannot be read as its schema says.
    """
    folder = path.parent
    name = loader.table_of(folder, path.name)
    table = loader.load_from(folder, name, language)
    header = [str(c) for c in table.columns]
    rows = [
        {c: _text(v) for c, v in zip(header, values, strict=True)}
        for values in table.itertuples(index=False)
    ]
    return header, rows, set(loader.translated_columns(folder, name, language))


def check_glossary(source: Path, language: str) -> None:
    """Read the glossary table as :func:`render_glossary` will, so that a file the loader
    cannot read stops a run before any notebook runs (the page itself is written after
    the notebook pages); raises :class:`~diaspora_helpers.data.loader.DataError`."""
    _read(source, language)


def _definitions(folder: Path, site: Site) -> list[str]:
    """Return the HTML of the definitions section, or nothing when the table is absent."""
    _ = site.gettext
    path = folder / DEFINITIONS_SOURCE
    if not path.is_file():
        return []
    _header, rows, translated = _read(path, site.language)
    # What a source counts: its translated ``counts``, else its translated ``unit``.
    counted = "unit" if "counts" not in translated and "unit" in translated else "counts"
    intro = _(
        "Each dataset, indicator or count the collection uses, in its own words, with the "
        "page of its publisher (from <code>data/definitions.csv</code>)."
    )
    heading = _("What each source counts")
    lines = [
        f'<h2 id="definitions">{heading}</h2>',
        f"<p>{intro}</p>",
        '<dl class="definitions">',
    ]
    # The site's copy of the table, which holds each source's address.
    up = "" if site.language == LANGUAGES[0] else "../"
    download = html.escape(_("the data download"))
    table = f'<a href="{up}{DATA_FOLDER}/{DEFINITIONS_SOURCE}">{download}</a>'
    for row in rows:
        # Inside the sentence: "producteur : ministère des Maliens de l’extérieur (Mali)".
        publisher = html.escape(text.in_sentence(row.get("publisher", "")))
        relayed = row.get("url_kind") == RELAY
        if row.get("url") and not relayed:
            publisher = f'<a href="{html.escape(row["url"])}">{publisher}</a>'
        about = _("Counts: {counts}; published by {publisher}.").format(
            counts=html.escape(row.get(counted, "")), publisher=publisher
        )
        if relayed:  # a third party's copy or report: named, not linked as the publisher
            about += " " + _(
                "Read in a copy published by a third party ({table} gives its address)."
            ).format(table=table)
        lines.append(
            f'<dt id="{markup.slug(row["id"])}">{html.escape(row["name"])}</dt>'
            f'<dd>{html.escape(row["definition"])} <span class="muted">{about}</span></dd>'
        )
    lines.append("</dl>")
    return lines


#: Columns written in one language whatever the edition: their cells carry ``lang``.
COLUMN_LANGUAGES = {"english": "en", "french": "fr"}


def own_language_first(header: list[str], language: str) -> list[str]:
    """Return ``header`` with the columns written in the edition's ``language``
    (:data:`COLUMN_LANGUAGES`) moved before the other languages' columns, in place of the
    first of them: the French page reads « Français » then « Anglais », the English page
    "English" then "French"; the other columns keep their places."""
    written = [c for c in header if c in COLUMN_LANGUAGES]
    if not written:
        return list(header)
    ordered = iter(sorted(written, key=lambda c: COLUMN_LANGUAGES[c] != language))
    return [next(ordered) if c in COLUMN_LANGUAGES else c for c in header]


def _lang(column: str, language: str) -> str:
    """Return the attributes of a cell of ``column``: ``lang="…"`` when it is written in
    another language than the page's (the French name on an English page), the class
    ``used-in`` on "Used in" (see :mod:`used_in`), else ""."""
    written = COLUMN_LANGUAGES.get(column)
    if column == "used_in":
        return ' class="used-in"'
    return f' lang="{written}"' if written and written != language else ""


#: The acronym a name ends with, in parentheses: "Objectif de développement durable (ODD)".
_ALIAS = re.compile(r"\(([A-Z][A-Z-]+)\)\s*$")
#: A "Used in" part that names a table: its id first ("key_figures unit").
_TABLE_PART = re.compile(r"^\s*([a-z][a-z0-9]*(?:_[a-z0-9]+)*)\b")


def aliases(row: dict[str, str], language: str) -> tuple[str, ...]:
    """Return the other acronym a term goes by in the pages of edition ``language``: the
    one in parentheses at the end of the row's name in that language ("SDG" is written
    "ODD" on the French pages)."""
    name = row.get(next((c for c, lang in COLUMN_LANGUAGES.items() if lang == language), ""))
    found = _ALIAS.search(name or "")
    return (found.group(1),) if found else ()


def aligned_places(english: str, shown: str, folder: Path) -> str:
    """Return the "Used in" cell ``shown`` (the edition's text, its parts separated by
    ";") with each part that names a data table in ``english`` (the English cell, whose
    parts are table ids: ``institutions``, ``key_figures unit``) written as that id, so
    that it is linked under the table's title; the part's own words in parentheses are
    kept ("cadre juridique (dans l’adresse d’une page)" gives "legal_framework (dans
    l’adresse d’une page)"). Cells whose parts do not pair up are returned as they are."""
    # The edition's own separators are kept (French: a narrow no-break space before ";").
    pieces, theirs = re.split(r"(\s*;\s*)", shown), re.split(r"\s*;\s*", english)
    if len(pieces[::2]) != len(theirs) or english == shown:
        return shown
    for index, source in zip(range(0, len(pieces), 2), theirs, strict=True):
        table = _TABLE_PART.match(source)
        if table and (folder / f"{table.group(1)}.csv").is_file():
            note = re.search(r"\([^()]*\)\s*$", pieces[index])
            pieces[index] = table.group(1) + (f" {note.group(0).strip()}" if note else "")
    return "".join(pieces)


def render_glossary(source: Path, site: Site, used_in: Callable[..., str] | None = None) -> Path:
    """Write ``glossary.html`` from a CSV file (first column: the term), with the
    definitions of ``definitions.csv`` beside it when that table is there, in the site's
    language; ``used_in(term, cell_html)`` writes the "Used in" cells
    (:func:`used_in.used_in_cell`, from the notebook pages already rendered)."""
    _ = site.gettext
    header, rows, _translated = _read(source, site.language)
    header = own_language_first(header, site.language)
    english = {row.get(header[0]): row for row in _read(source, "en")[1]} if header else {}
    labels = [
        html.escape(_(HEADERS[h]) if h in HEADERS else h.replace("_", " ").capitalize())
        for h in header
    ]
    # The label a phone shows before each cell (site.css), colon included: French
    # typography puts a narrow no-break space before it.
    prefixes = [html.escape(_("{label}:").format(label=label)) for label in labels]
    heading = _("Glossary")
    terms = [row.get(header[0]) or "" for row in rows] if header else []
    lines = [
        f"<h1>{heading}</h1>",
        jump_bar(terms, _, (source.parent / DEFINITIONS_SOURCE).is_file()),
        '<table class="glossary"><thead><tr>',
    ]
    lines += [f"<th>{label}</th>" for label in labels]
    lines.append("</tr></thead><tbody>")
    for row in rows:
        cells_text = [
            section_words(cell, _)
            if h == "section"
            else document_places(cell, _)
            if h == "used_in"
            else cell
            for h, cell in ((h, row.get(h) or "") for h in header)
        ]
        if not any(cell.strip() for cell in cells_text):
            continue
        term = cells_text[0] if cells_text else ""
        cells = [f'<th id="{markup.slug(term)}">{html.escape(term)}</th>']
        for prefix, column, cell in zip(prefixes[1:], header[1:], cells_text[1:], strict=False):
            shown = markup.markdown_inline(cell)
            if column == "used_in" and used_in is not None:
                first = english.get(row.get(header[0]), {}).get("used_in") or ""
                cell = aligned_places(document_places(first, _), cell, source.parent)
                shown = used_in(term, markup.markdown_inline(cell), aliases(row, site.language))
            if column == "used_in":
                shown = capital_first(shown)
            cells.append(f'<td data-label="{prefix}"{_lang(column, site.language)}>{shown}</td>')
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</tbody></table>")
    lines += _definitions(source.parent, site)
    out = site.root / GLOSSARY_PAGE
    body = "\n".join(lines)
    title = _("Glossary | {site}").format(site=site.title)
    out.write_text(site.page(title, body, name=out.name), "utf-8")
    return out
