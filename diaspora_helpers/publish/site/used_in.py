"""The glossary's "Used in", as places a reader can open: for each term, the sections of
the notebook pages whose text uses it, linked.

A run renders the glossary after the notebook pages: :func:`used_in_cell` reads the
sections of every notebook page of the edition (:func:`search.page_documents`) and gives
the glossary each term's "Used in" cell, with links to the sections that name the term as
a word. A term no page uses keeps the cell's text from ``data/glossary.csv``, each table
it names linked to that table's CSV file.
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


def used_in_cell(
    notebook_pages: list[Path],
    gettext: Callable[[str], str] = str,
    data_tables: Callable[[str], str | None] = lambda name: None,
    table_titles: Callable[[str], str | None] = lambda name: None,
) -> Callable[..., str]:
    """Return the function that writes a term's "Used in" cell (HTML): links to the
    sections of ``notebook_pages`` (in reading order) that use the term, else the cell's
    text from ``data/glossary.csv`` (already HTML) with each table it names linked to
    that table's CSV file (``data_tables`` gives the link, or None for a name that is no
    table) under its title in the edition's language (``table_titles``; its file name
    without one). The glossary is rendered after the notebook pages, so it is written
    whole."""
    # Each section whole: a term a section's table names at its end (APEJ in 03's
    # institutions) is a place a reader can open, not only a line of a data file.
    documents = [d for page in notebook_pages for d in search.page_documents(page, None)]

    def tables(cell: str) -> str:
        def one(item: re.Match[str]) -> str:
            href = data_tables(item.group(1))
            if not href:
                return item.group(0)
            title = table_titles(item.group(1))
            shown = html.escape(title) if title else f"{item.group(1)}.csv"
            return f'<a href="{href}">{shown}</a>'

        return re.sub(r"\b([a-z]+(?:_[a-z0-9]+)+|[a-z]+)(?:\.csv)?\b(?![^<]*>)", one, cell)

    def cell(term: str, text_html: str, also: tuple[str, ...] = ()) -> str:
        # The term, else the other names it goes by in this edition's pages (the French
        # pages write ODD for SDG): the glossary of each edition links as many places.
        found: dict[str, list[dict[str, str]]] = {}
        for name in (term, *also):
            if name:
                for title, sections in places(name, documents).items():
                    known = found.setdefault(title, [])
                    known += [d for d in sections if d not in known]
        order = {d["title"]: i for i, d in reversed(list(enumerate(documents)))}
        found = dict(sorted(found.items(), key=lambda item: order[item[0]]))
        return links(found, gettext) if found else tables(text_html)

    return cell
