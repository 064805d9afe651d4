"""French phrases an English page quotes are marked ``lang="fr"`` (WCAG 3.1.2, issue 25):
in text only, never inside tags, code or an element that already names its language, and
not on a French page."""

from __future__ import annotations

import csv
import html
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import diaspora_test_support as support
import pytest

from diaspora_helpers.publish.site import accessibility, markup

DATA = Path(__file__).resolve().parents[2] / "data"


def test_french_phrases_in_an_english_page_are_marked() -> None:
    body = (
        "<p>the French tenant lieu suggests the first; the code's French title is "
        "Code domanial et foncier.</p>"
        '<td lang="fr">Code domanial et foncier</td>'
        '<a title="domanial">Ordonnance No. 00-027</a><code>domanial</code>'
    )
    marked = accessibility.mark_foreign(body, "en")
    assert marked == (
        '<p>the French <span lang="fr">tenant lieu</span> suggests the first; the code\'s '
        'French title is <span lang="fr">Code domanial et foncier</span>.</p>'
        '<td lang="fr">Code domanial et foncier</td>'
        '<a title="domanial"><span lang="fr">Ordonnance</span> No. 00-027</a>'
        "<code>domanial</code>"
    )
    assert accessibility.mark_foreign(body, "fr") == body


def test_the_phrases_the_reading_found_in_english_data_are_listed() -> None:
    """Each French phrase the reviewer met in the English audit and glossary data is in
    the list, so that the page marks it (read from the data, not from the list)."""
    with (DATA / "source_audit.csv").open(encoding="utf-8") as handle:
        audit = " ".join(" ".join(row.values()) for row in csv.DictReader(handle))
    with (DATA / "glossary.csv").open(encoding="utf-8") as handle:
        glossary = " ".join(" ".join(row.values()) for row in csv.DictReader(handle))
    for phrase, where in (
        ("tenant lieu", audit),
        ("Code domanial et foncier", audit),
        ("Groupe de recherche et de réalisations pour le développement rural", audit),
        ("Espace Migrations et Développement", glossary),
    ):
        assert phrase in where
        marked = accessibility.mark_foreign(f"<p>{where}</p>", "en")
        assert f'<span lang="fr">{phrase}</span>' in marked


def test_english_phrases_in_a_french_page_are_marked() -> None:
    """The dataset names a French page cites, in prose and in a Source line, and the
    document's English it quotes, are marked ``lang="en"``; not on an English page, and not
    inside an element that already says its language."""
    body = (
        "<p>le stock de migrants (DAES, International Migrant Stock 2020), repris des "
        "World Population Prospects des Nations Unies.</p>"
        '<p class="muted">Source : Banque mondiale, Remittance Prices Worldwide ; '
        "Banque mondiale/KNOMAD, Bilateral Migration Matrix 2017 et Bilateral Remittance "
        "Matrix 2017.</p><p>« month of September », « law 02-08 of February 2012 »</p>"
        '<td lang="en">Remittance Prices Worldwide</td>'
    )
    marked = accessibility.mark_foreign(body, "fr")
    for phrase in (
        "International Migrant Stock 2020",
        "World Population Prospects",
        "Remittance Prices Worldwide",
        "Bilateral Migration Matrix 2017",
        "Bilateral Remittance Matrix 2017",
        "month of September",
        "law 02-08 of February 2012",
    ):
        assert marked.count(f'<span lang="en">{phrase}</span>') == 1, phrase
    assert '<td lang="en">Remittance Prices Worldwide</td>' in marked
    assert accessibility.mark_foreign(body, "en") == body


def test_the_printed_english_values_are_marked_in_cells_only() -> None:
    """Each of the document's figures as printed in English (``stated_value_text`` with an
    English word, read from the data) is marked when it is a table cell of a French page;
    the same words inside a French sentence are left alone."""
    english = re.compile(r"\b(million|billion|inhabitants)\b")
    with (DATA / "key_figures.csv").open(encoding="utf-8") as handle:
        printed = [
            row["stated_value_text"]
            for row in csv.DictReader(handle)
            if english.search(row["stated_value_text"])
        ]
    assert len(printed) >= 3 and any("/" in v for v in printed), printed
    for value in printed:
        cell = f'<td data-label="Tel qu’imprimé">{html.escape(value)}</td>'
        assert accessibility.mark_foreign(cell, "fr") == (
            f'<td data-label="Tel qu’imprimé"><span lang="en">{html.escape(value)}</span></td>'
        ), value
    for sentence in (
        "<p>il en resterait 0,4 million à l’extérieur</p>",
        "<td>Deux effectifs imprimés côte à côte ; 0,8 million ne peut pas correspondre</td>",
    ):
        assert accessibility.mark_foreign(sentence, "fr") == sentence
    bare = [v for v in _key_values() if not english.search(v)]  # "110 410", "1 241 238 km²"
    assert bare, "no printed figure without words: the next check checks nothing"
    for value in bare:
        cell = f"<td>{html.escape(value)}</td>"
        assert accessibility.mark_foreign(cell, "fr") == cell, value


def _key_values() -> list[str]:
    with (DATA / "key_figures.csv").open(encoding="utf-8") as handle:
        return [r["stated_value_text"] for r in csv.DictReader(handle) if r["stated_value_text"]]


def _plain(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", text).split())


def test_the_readings_mark_titles_in_the_other_language() -> None:
    """The readings pages quote titles in their own language: each title the English page
    cites in English (in italics or quotation marks, not marked French) is marked
    ``lang="en"`` where the French page cites it, and the French title the English page
    names is marked ``lang="fr"`` there."""
    notebooks = DATA.parent / "notebooks"
    english = markup.markdown((notebooks / "course_readings.md").read_text(encoding="utf-8"))
    french = markup.markdown((notebooks / "fr" / "course_readings.md").read_text("utf-8"))
    marked_fr = [_plain(m) for m in re.findall(r'<span lang="fr">(.*?)</span>', english, re.S)]
    assert "Migration au Mali : Profil national 2009" in marked_fr
    titles = {
        _plain(t)
        for t in re.findall(r"<em>(.*?)</em>|[“«]\s*(.*?)\s*[”»]", english, re.S)
        for t in t
        if t
    }
    titles = {t for t in titles if t not in marked_fr and t in _plain(french)}
    assert len(titles) >= 3, titles
    in_english = {
        _plain(m).strip("«» \u202f\u00a0")
        for m in re.findall(r'<span lang="en">(.*?)</span>', french, re.S)
    }
    assert titles <= in_english, sorted(titles - in_english)


def test_the_english_the_french_audit_quotes_is_marked() -> None:
    """The French audit quotes the document's English title « Malians Abroad » (issue 25's
    fresh reading of fr/03): read from the data, it is marked ``lang="en"``."""
    with (DATA / "fr" / "source_audit.csv").open(encoding="utf-8") as handle:
        audit = " ".join(" ".join(row.values()) for row in csv.DictReader(handle))
    assert "Malians Abroad" in audit
    marked = accessibility.mark_foreign(f"<p>{html.escape(audit, quote=False)}</p>", "fr")
    assert '<span lang="en">Malians Abroad</span>' in marked


#: What the fresh francophone reading (rfr5 item 3) found unmarked on French pages: the
#: document's English the audit quotes in « » (a single word only inside its quote), and
#: the English the exercises and the guide quote (Python's message, JupyterLab's menus).
QUOTED_BY_THE_AUDIT = [
    "In lieu of",
    "Federal",
    "for",
    "of",
    "First",
    "Ridge",
    "fringe",
    "At least",
    "Act",
    "Law",
]
QUOTED_ON_PAGES = [
    "land and property code",
    "leading zeros in decimal integer literals",
    "4 million",
    "432 billion",
    "Run > Run All Cells",
    "File > Download",
]
_SPACE = "[\\s\u00a0\u202f]*"


def _in_guillemets(word: str) -> re.Pattern[str]:
    return re.compile(f"«{_SPACE}{re.escape(word)}{_SPACE}»")


def _phrase(words: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(words).replace(r"\ ", r"\s+") + r"(?!\w)")


class _Unmarked(HTMLParser):
    """The text of a page outside code and outside any element whose ``lang`` is
    ``other``, with an element's own words kept together."""

    def __init__(self, other: str) -> None:
        super().__init__(convert_charrefs=True)
        self.other = other
        self.stack: list[tuple[str, bool]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in {"br", "img", "meta", "link", "input", "hr", "wbr", "source", "col"}:
            lang = dict(attrs).get("lang")
            self.stack.append((tag, lang == self.other or tag in {"code", "pre", "script"}))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        self.text.append("\0" if any(hidden for _t, hidden in self.stack) else data)


def unmarked_text(page: str, other: str) -> str:
    parser = _Unmarked(other)
    parser.feed(page)
    return "".join(parser.text)


def test_the_english_a_french_audit_quotes_is_marked_in_its_quotes_only() -> None:
    """Each word the French audit (read from data) quotes from the document in « » is
    marked ``lang="en"``; its own French quotations, a French « Total » and the same
    English words outside « » are not."""
    with (DATA / "fr" / "source_audit.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    cells = "".join(
        f"<td>{html.escape(row[column], quote=False)}</td>"
        for row in rows
        for column in ("claim_a", "claim_b", "problem", "treatment")
    )
    marked = accessibility.mark_foreign(f"<table><tr>{cells}</tr></table>", "fr")
    left = unmarked_text(marked, "en")
    for word in QUOTED_BY_THE_AUDIT:
        assert _in_guillemets(word).search(html.unescape(cells)), word
        assert not _in_guillemets(word).search(left), word
    for french in ("au moins trois décennies", "cette partie de la diaspora", "tenant lieu"):
        assert _in_guillemets(french).search(left), french
    sentence = "<p>la colonne « Total », pour for et of, « Act » ailleurs</p>"
    assert accessibility.mark_foreign(sentence, "fr") == (
        '<p>la colonne « Total », pour for et of, « <span lang="en">Act</span> » ailleurs</p>'
    )


@pytest.mark.slow
def test_no_page_of_the_built_site_leaves_the_other_languages_quotes_unmarked() -> None:
    """On every French page of the built site (``DIASPORA_BUILT_SITE`` or a run of the
    collection) none of the English the reading found is outside a ``lang="en"``
    element; on every English page, none of the French phrases the English reading
    found (rfr4) is outside a ``lang="fr"`` element."""
    given = os.environ.get("DIASPORA_BUILT_SITE")
    site = Path(given) if given else support.collection_site()
    french = sorted((site / "fr").glob("*.html"))
    assert len(french) >= 19, french
    quoted = [_in_guillemets(w) for w in QUOTED_BY_THE_AUDIT]
    quoted += [_phrase(p) for p in QUOTED_ON_PAGES]
    for page in french:
        left = unmarked_text(page.read_text(encoding="utf-8"), "en")
        found = [p.pattern for p in quoted if p.search(left)]
        assert not found, (page.name, found)
    seen_french = ["tenant lieu", "Code domanial et foncier", "Espace Migrations et Développement"]
    for page in sorted(site.glob("*.html")):
        left = unmarked_text(page.read_text(encoding="utf-8"), "fr")
        found = [p for p in seen_french if _phrase(p).search(left)]
        assert not found, (page.name, found)
