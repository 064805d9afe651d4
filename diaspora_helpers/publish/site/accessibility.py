"""What a page needs for WCAG 2.2 AA beyond its structure: code colours that read at
4.5:1 on the code's background, and section links named for their section.

Pure functions over text; the same input gives the same bytes.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import mistune
from nbformat import NotebookNode

from diaspora_helpers import colours, paths
from diaspora_helpers.data import loader
from diaspora_helpers.publish.site import markup

#: The lightest background code is shown on (``site.css``: pre, details.code).
CODE_BACKGROUNDS = ("#f4f6f8", "#f7f7f7", "#fff4e5", "#fdecea", "#ffffff")
#: WCAG 2.2 AA contrast for normal text (1.4.3).
TEXT_CONTRAST = 4.5


def _long(colour: str) -> str:
    colour = colour.lower()
    if len(colour) == 4:
        return "#" + "".join(c * 2 for c in colour[1:])
    return colour


def readable(colour: str, backgrounds: tuple[str, ...] = CODE_BACKGROUNDS) -> str:
    """Return ``colour`` (``#rgb`` or ``#rrggbb``), darkened in steps of 4% with its hue
    kept, until it reads at :data:`TEXT_CONTRAST` or more on every one of ``backgrounds``;
    unchanged when it already does."""
    return colours.darkened(_long(colour), backgrounds, TEXT_CONTRAST, 0.04)


def readable_code_css(css: str) -> str:
    """Return Pygments' CSS with every text colour (``color: #…``) made :func:`readable`;
    backgrounds are left alone (the site sets the code's background)."""
    return re.sub(
        r"(?<![-\w])color: (#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\b",
        lambda m: f"color: {readable(m.group(1))}",
        css,
    )


_ANCHOR = re.compile(
    r'(<h([1-6])\b[^>]*>)(.*?)<a class="anchor-link" href="(#[^"]*)">[^<]*</a>(\s*</h\2>)', re.S
)


def named_section_links(body: str, gettext: Callable[[str], str] = str) -> str:
    """Return ``body`` with each heading's "#" link named for its section: the "#" stays
    what the eye sees (hidden from screen readers) and a visually hidden "Link to this
    section: <heading>" is what a screen reader and a search of the page read. The heading
    itself is named by its words (``aria-label``), not by its words and its link's."""
    _ = gettext

    def name(match: re.Match[str]) -> str:
        opening, _level, inner, href, closing = match.groups()
        heading = markup.squeeze(html.unescape(re.sub(r"<[^>]+>", "", inner)))
        label = html.escape(_("Link to this section: {heading}").format(heading=heading))
        # The heading is named by its own words, so a list of headings reads each once
        # (without it, the link's hidden name doubled it: r25f).
        named = opening[:-1] + f' aria-label="{html.escape(heading, quote=True)}">'
        return (
            f'{named}{inner}<a class="anchor-link" href="{href}">'
            f'<span aria-hidden="true">#</span><span class="vh">{label}</span></a>{closing}'
        )

    return _ANCHOR.sub(name, body)


#: French words an English page quotes as French (the source document's terms and titles:
#: 03's audit and legal tables, the glossary's notes), marked ``lang="fr"`` so that a
#: screen reader says them in French (WCAG 3.1.2). Longest first where one holds another.
FRENCH_PHRASES = (
    "Groupe de recherche et de réalisations pour le développement rural",
    "Migration au Mali : Profil national 2009",
    "Code domanial et foncier",
    "Espace Migrations et Développement",
    "Espace Migration Développement",
    "tenant lieu",
    "domanial",
    "Ordonnance",
)
#: English a French page quotes as English (WCAG 3.1.2): the names of the datasets the
#: collection draws on, in prose and Source lines, and the source document's own English
#: wording where a French page quotes it. Longest first where one holds another.
ENGLISH_PHRASES = (
    "International Transactions in Remittances: Guide for Compilers and Users",
    "International Migrant Stock 2020",
    "Forum of Diaspora Investors",
    "International Migrant Stock",
    "Remittance Prices Worldwide",
    "Bilateral Migration Matrix 2017",
    "Bilateral Migration Matrix",
    "Bilateral Remittance Matrix 2017",
    "Bilateral Remittance Matrix",
    "World Population Prospects",
    "law 02-08 of February 2012",
    "month of September",
    "01 January 2012",
    "billion FCFA per year",
    "Malians Abroad",
    "land and property code",
    # Python's own message, quoted by the exercises' note on decimal commas
    "leading zeros in decimal integer literals",
    # JupyterLab's English menus, beside their French names
    "Run > Run All Cells",
    "File > Download",
)
_FOREIGN = {"fr": FRENCH_PHRASES, "en": ENGLISH_PHRASES}
#: A quotation in French guillemets, its spaces (ordinary, no-break, narrow no-break) apart.
_GUILLEMETS = re.compile(r"(«[\s\u00a0\u202f]*)([^«»<>]*?[^\W\d_][^«»<>]*?)([\s\u00a0\u202f]*»)")
#: Quotation marks around a word or phrase the English audit quotes from the document.
_SINGLE_QUOTED = re.compile(r"(?<![\w'])'([^']+?)'(?![\w'])")


@functools.cache
def _printed_in(folder: Path) -> tuple[str, ...]:
    described = set(loader.names_in(folder))
    if not {"source_audit", "key_figures"} <= described:  # a data folder without them
        return ()  # (a test's small package): no wording of the document to mark
    english = loader.load_from(folder, "source_audit", "en")
    french = loader.load_from(folder, "source_audit", "fr")
    texts = [
        quoted
        for claim in french[["claim_a", "claim_b"]].stack().dropna()
        for _opening, quoted, _closing in _GUILLEMETS.findall(str(claim))
    ]
    for note in english[["problem", "treatment"]].stack().dropna():
        texts += _SINGLE_QUOTED.findall(str(note))
    key_figures = loader.load_from(folder, "key_figures", "en")
    texts += [str(t) for t in key_figures["stated_value_text"].dropna() if str(t).strip()]
    return tuple(markup.squeeze(t).casefold() for t in texts)


@functools.cache
def _values_in(folder: Path) -> frozenset[str]:
    if "key_figures" not in set(loader.names_in(folder)):
        return frozenset()
    key_figures = loader.load_from(folder, "key_figures", "en")
    return frozenset(
        markup.squeeze(str(t)).casefold()
        for t in key_figures["stated_value_text"].dropna()
        if _WORDED.search(str(t))
    )


#: A word of three Latin letters or more: a figure printed with one ("4 million", "14 528 662
#: inhabitants") is in the document's English; a bare number or "km²" is in no language.
_WORDED = re.compile(r"[A-Za-z]{3,}")


def printed_values(folder: Path | None = None) -> frozenset[str]:
    """Return the source document's figures as it prints them with words, in English
    (``stated_value_text`` of ``key_figures``: "4 million", "120 000/0,8 million"), squeezed
    and casefolded: a French page's table cell whose whole text is one of them shows the
    document's wording and is marked ``lang="en"``; a French sentence that gives the same
    number in its own words ("0,8 million ne peut pas…") is French and left unmarked. Read
    from ``folder`` (default :func:`paths.data_dir`)."""
    return _values_in(folder or paths.data_dir())


def document_wording(folder: Path | None = None) -> tuple[str, ...]:
    """Return the source document's English wording as the data records it, casefolded:
    each claim the French ``source_audit`` quotes in « » (the document's text as printed,
    which the French edition leaves in English), each word or phrase the English audit's
    ``problem`` and ``treatment`` quote in single quotation marks, and each figure as
    printed (``key_figures.stated_value_text``); read from ``folder`` (default
    :func:`paths.data_dir`)."""
    return _printed_in(folder or paths.data_dir())


def quotes_the_document(quoted: str, wording: Sequence[str]) -> bool:
    """Whether ``quoted`` (plain text, as a French page prints it between « ») is, whole
    words matched without regard to case, part of the document's English ``wording``
    (:func:`document_wording`)."""
    words = re.compile(r"(?<!\w)" + re.escape(markup.squeeze(quoted).casefold()) + r"(?!\w)")
    return any(words.search(text) for text in wording)


def _mark_quotations(part: str, mark: Callable[[str], str], wording: Sequence[str]) -> str:
    """``part`` (HTML text) with each « quotation » of the document's English wrapped in
    ``<span lang="en">``, and ``mark`` applied to the text between them."""
    out: list[str] = []
    end = 0
    for match in _GUILLEMETS.finditer(part):
        opening, quoted, closing = match.groups()
        if not quotes_the_document(html.unescape(quoted), wording):
            continue
        out.append(mark(part[end : match.start()]))
        out.append(f'{opening}<span lang="en">{quoted}</span>{closing}')
        end = match.end()
    out.append(mark(part[end:]))
    return "".join(out)


_TAG = re.compile(r"(<[^>]+>)")
_VOID = {"area", "br", "col", "hr", "img", "input", "link", "meta", "source", "wbr"}
_UNMARKED = {"code", "pre", "script", "style"}


def mark_foreign(body: str, language: str, wording: Sequence[str] | None = None) -> str:
    """Return ``body`` with each phrase of another edition's language
    (:data:`FRENCH_PHRASES` on an English page, :data:`ENGLISH_PHRASES` on a French one)
    in ``<span lang="…">``, each of the document's printed figures (:func:`printed_values`)
    that is the whole text of an element on a French page, and, on a French page, each
    « quotation » of the source document's English (:func:`quotes_the_document` over
    ``wording``, default :func:`document_wording`; a word such as "for" is marked only
    inside its « »): in text only, not inside tags, code, or an element that already says
    its language."""
    marks = [
        (
            lang,
            re.compile(
                r"\b("
                + "|".join(
                    re.escape(html.escape(p, quote=False)).replace(r"\ ", r"\s+") for p in phrases
                )
                + r")\b"
            ),
        )
        for lang, phrases in _FOREIGN.items()
        if lang != language
    ]
    wholes = printed_values() if language != "en" else frozenset()
    if not marks and not wholes:
        return body
    if language != "en" and wording is None:
        wording = document_wording()

    def phrases(text: str) -> str:
        for lang, pattern in marks:
            text = pattern.sub(rf'<span lang="{lang}">\1</span>', text)
        return text

    parts = _TAG.split(body)
    stack: list[tuple[str, bool]] = []  # open elements: name, and whether it stops marking
    for i, part in enumerate(parts):
        if part.startswith("<"):
            name = re.match(r"</?([a-zA-Z0-9]+)", part)
            if name is None:
                continue
            tag = name.group(1).lower()
            if part.startswith("</"):
                while stack and stack.pop()[0] != tag:
                    pass
            elif tag not in _VOID and not part.endswith("/>"):
                stack.append((tag, tag in _UNMARKED or " lang=" in part))
            continue
        if not part or any(stops for _tag, stops in stack):
            continue
        if part.strip() and markup.squeeze(html.unescape(part.strip())).casefold() in wholes:
            parts[i] = part.replace(part.strip(), f'<span lang="en">{part.strip()}</span>')
            continue
        parts[i] = _mark_quotations(part, phrases, wording) if wording else phrases(part)
    return "".join(parts)


_HEADING = re.compile(r"<h([1-3])\b[^>]*>(?P<heading>.*?)</h\1>", re.S)
_ANCHOR_LINK = re.compile(r'<a class="anchor-link"[^>]*>.*?</a>', re.S)


def _text(fragment: str) -> str:
    """The words of an HTML fragment, tags and a heading's "#" link left out."""
    fragment = _ANCHOR_LINK.sub("", fragment)
    return markup.squeeze(html.unescape(re.sub(r"<[^>]+>", "", fragment)))


def named_summary(details: str, name: str, gettext: Callable[[str], str] = str) -> str:
    """Return the ``<details>`` HTML ``details`` with ``name`` added, visually hidden, to its
    summary's accessible name ("The chart's data, as a table: <chart title>"): each toggle
    of a page is told apart by a screen reader's list of controls, and the visible words
    stay the start of the name (WCAG 2.5.3). ``details`` without a summary or an empty
    ``name`` is returned as it is."""
    if not name or "</summary>" not in details:
        return details
    hidden = html.escape(gettext(": {name}").format(name=name), quote=False)
    return details.replace("</summary>", f'<span class="vh">{hidden}</span></summary>', 1)


def code_toggle_names(
    cells: Sequence[NotebookNode], gettext: Callable[[str], str] = str, *, open_code: bool = False
) -> dict[str, str]:
    """Return, per code cell id, the words (HTML-escaped) that name its code toggle for a
    screen reader, computed from the cells before the page is rendered: the section it is
    in (the nearest ``h1``-``h3`` of a Markdown cell above it), and ", 2 of 3" where a section holds
    several toggles (WCAG 2.4.6, 4.1.2). The page's template adds them, visually hidden,
    after the visible "Show code". A cell before any heading, or without an id, gets no
    entry. Counted as the template draws toggles: every code cell with source, the
    parameters cell included and the runner's injected cell left out; with ``open_code``
    (exercise pages show their code), the parameters cell only."""
    _ = gettext
    sections: list[tuple[str, list[str]]] = [("", [])]
    for cell in cells:
        if cell.cell_type == "markdown":
            rendered = mistune.html(cell.source)
            assert isinstance(rendered, str)
            for match in _HEADING.finditer(rendered):
                sections.append((_text(match.group("heading")), []))
        elif cell.cell_type == "code" and cell.source.strip() and cell.get("id"):
            tags = cell.metadata.get("tags", [])
            if "injected-parameters" not in tags and (not open_code or "parameters" in tags):
                sections[-1][1].append(cell.id)
    names = {}
    for heading, ids in sections:
        for n, cell_id in enumerate(ids, start=1):
            if not heading:
                continue
            if len(ids) > 1:
                words = _(": {section}, {n} of {count}").format(
                    section=heading, n=n, count=len(ids)
                )
            else:
                words = _(": {name}").format(name=heading)
            names[cell_id] = html.escape(words, quote=False)
    return names
