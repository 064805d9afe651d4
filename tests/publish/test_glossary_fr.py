"""The French glossary page, built from the project's own ``data/glossary.csv``: every
text it shows besides the English expansions is French (the notes and "used in" of
``data/fr/glossary.csv``, the section words of the publish catalog), and its labels put
a narrow no-break space before the colon."""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

import diaspora_test_support as support
import pytest

from diaspora_helpers.publish.site import glossary, markup
from diaspora_helpers.publish.site import pages as site

NNBSP = "\u202f"
DATA = support.PROJECT / "data"
ROW = re.compile(r'<tr><th id="[^"]*">(.*?)</th>(.*?)</tr>', re.S)
CELL = re.compile(r'<td data-label="([^"]*)"[^>]*>(.*?)</td>', re.S)


def _rows(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["acronym"]: row for row in csv.DictReader(handle)}


def _page(tmp_path: Path, language: str) -> dict[str, list[tuple[str, str]]]:
    """Render the glossary in ``language``; return, by term, its (label, cell HTML) pairs."""
    web = site.Site(tmp_path / language, glossary=True, language=language)
    web.root.mkdir(parents=True)
    text = glossary.render_glossary(DATA / "glossary.csv", web).read_text(encoding="utf-8")
    table = text[text.index('<table class="glossary">') : text.index("</table>")]
    return {html.unescape(term): CELL.findall(cells) for term, cells in ROW.findall(table)}


@pytest.fixture(scope="module")
def french(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[str, str]]]:
    return _page(tmp_path_factory.mktemp("glossary"), "fr")


def test_every_note_and_place_on_the_french_page_is_the_data_fr_text(french) -> None:
    english, translated = _rows(DATA / "glossary.csv"), _rows(DATA / "fr" / "glossary.csv")
    assert set(french) == set(english) == set(translated)
    for term, cells in french.items():
        shown = {label: cell for label, cell in cells}
        for column, label in (("note", f"Note{NNBSP}:"), ("used_in", f"Utilisé dans{NNBSP}:")):
            assert bool(translated[term][column]) == bool(english[term][column]), (term, column)
            assert shown[label] == markup.markdown_inline(translated[term][column]), (term, column)
            if english[term][column] and column == "note":
                assert shown[label] != markup.markdown_inline(english[term][column]), term


def test_section_words_and_labels_are_french(french) -> None:
    english = _rows(DATA / "glossary.csv")
    for term, cells in french.items():
        assert all(label.endswith(f"{NNBSP}:") for label, _cell in cells), term
        section = dict(cells)[f"Section{NNBSP}:"]
        assert section not in ("external", "intro"), term
        if english[term]["section"] == "external":
            assert section == "source extérieure", term


def test_the_english_page_keeps_its_english_text(tmp_path: Path) -> None:
    english = _rows(DATA / "glossary.csv")
    page = _page(tmp_path, "en")
    for term, cells in page.items():
        shown = dict(cells)
        assert shown["Note:"] == markup.markdown_inline(english[term]["note"]), term
        assert shown["Section:"] == english[term]["section"], term
