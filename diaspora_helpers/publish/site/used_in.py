"""The glossary's "Used in", as places a reader can open: for each term, the sections of
the notebook pages whose text uses it, linked.

The glossary is written before the notebook pages; once they all exist,
:func:`link_used_in` (called by :func:`navigation.finish`) reads the sections of every
notebook page of the edition (:func:`search.page_documents`) and rewrites each term's
"Used in" cell (``<td class="used-in">``) with links to the sections that name the term
as a word. A term no page uses keeps the cell's text from ``data/glossary.csv``, each
table it names linked to that table's CSV file.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

from diaspora_helpers.publish.site import search

#: At most this many sections are linked per page and term.
SECTIONS_PER_PAGE = 3


def places(term: str, documents: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    """Return, by page title in reading order, the sections whose text or heading uses
    ``term`` as a whole word (case as written)."""
    word = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])")
    found: dict[str, list[dict[str, str]]] = {}
    for document in documents:
        # The plain substring test first: most sections do not contain the term at all,
        # and the word pattern (a look-behind first) is slow to scan a whole section.
        text, section = document["text"], document["section"]
        if (term in text and word.search(text)) or (term in section and word.search(section)):
            found.setdefault(document["title"], []).append(document)
    return found


def links(found: dict[str, list[dict[str, str]]], gettext: Callable[[str], str] = str) -> str:
    """Return the HTML of a term's places: each page's title, then its sections linked in
    parentheses, pages separated by semicolons (``gettext`` gives the edition's spacing:
    a narrow no-break space before ";" in French)."""
    _ = gettext
    parts = []
    for title, sections in found.items():
        named = [d for d in sections if d["section"]][:SECTIONS_PER_PAGE]
        if not named:
            parts.append(f'<a href="{html.escape(sections[0]["url"])}">{html.escape(title)}</a>')
            continue
        inner = ", ".join(
            f'<a href="{html.escape(d["url"])}">{html.escape(d["section"])}</a>' for d in named
        )
        # In parentheses: a page title may have a colon of its own ("Forums, services, lois :
        # comment…"), and a second one after it would run the title into its sections.
        parts.append(_("{page} ({sections})").format(page=html.escape(title), sections=inner))
    return _("; ").join(parts)


_ROW = re.compile(r'(<tr><th id="[^"]*">)(.*?)(</th>)(.*?)</tr>', re.S)
_USED = re.compile(r'(<td[^>]*class="used-in"[^>]*>)(.*?)(</td>)', re.S)


def link_used_in(
    glossary: Path,
    notebook_pages: list[Path],
    gettext: Callable[[str], str] = str,
    data_tables: Callable[[str], str | None] = lambda name: None,
    table_titles: Callable[[str], str | None] = lambda name: None,
) -> None:
    """Rewrite the "Used in" cells of ``glossary`` with links to the sections of
    ``notebook_pages`` (in reading order) that use each term; nothing when the page is
    absent. A table named in a cell is linked to its CSV file (``data_tables``) under its
    title in the edition's language (``table_titles``; its file name without one)."""
    if not glossary.is_file():
        return
    documents = [d for page in notebook_pages for d in search.page_documents(page)]
    text = glossary.read_text(encoding="utf-8")

    def tables(cell: str) -> str:
        """A table named by its id becomes a link to its CSV file (``data_tables`` gives
        the link, or None for a name that is no table)."""

        def one(item: re.Match[str]) -> str:
            href = data_tables(item.group(1))
            if not href:
                return item.group(0)
            title = table_titles(item.group(1))
            shown = html.escape(title) if title else f"{item.group(1)}.csv"
            return f'<a href="{href}">{shown}</a>'

        return re.sub(r"\b([a-z]+(?:_[a-z0-9]+)+|[a-z]+)(?:\.csv)?\b(?![^<]*>)", one, cell)

    def row(match: re.Match[str]) -> str:
        opening, term_html, closing, cells = match.groups()
        term = html.unescape(re.sub(r"<[^>]+>", "", term_html)).strip()
        found = places(term, documents) if term else {}
        if found:
            cells = _USED.sub(lambda m: m.group(1) + links(found, gettext) + m.group(3), cells, 1)
        else:
            cells = _USED.sub(lambda m: m.group(1) + tables(m.group(2)) + m.group(3), cells, 1)
        return f"{opening}{term_html}{closing}{cells}</tr>"

    new = _ROW.sub(row, text)
    if new != text:
        glossary.write_text(new, encoding="utf-8")
