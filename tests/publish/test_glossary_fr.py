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

from diaspora_helpers.publish.site import accessibility, glossary, markup
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
            text = translated[term][column]
            if column == "used_in":  # the source document's sections, in words
                text = re.sub(
                    r"document \(sections? ([^)]*)\)",
                    lambda m: (
                        "Document de synthèse, section"
                        + ("s " if " et " in m.group(1) else " ")
                        + m.group(1)
                    ),
                    text,
                )
                # a cell of words starts with a capital ("Notebooks ; données de référence")
                text = text[:1].upper() + text[1:]
            # the data's text, an English name it quotes marked lang="en" (WCAG 3.1.2)
            unmarked = re.sub(r'<span lang="en">(.*?)</span>', r"\1", shown[label])
            assert unmarked == markup.markdown_inline(text), (term, column)
            if english[term][column] and column == "note":
                assert shown[label] != markup.markdown_inline(english[term][column]), term


def test_section_words_and_labels_are_french(french) -> None:
    english = _rows(DATA / "glossary.csv")
    for term, cells in french.items():
        assert all(label.endswith(f"{NNBSP}:") for label, _cell in cells), term
        section = dict(cells)[f"Provenance{NNBSP}:"]
        if english[term]["section"] == "external":
            assert section == "Hors du document de synthèse", term
        else:
            assert section == f"Document de synthèse, section {english[term]['section']}", term


@pytest.mark.parametrize(
    ("language", "first", "second"),
    [("fr", f"Français{NNBSP}:", f"Anglais{NNBSP}:"), ("en", "English:", "French:")],
)
def test_each_row_gives_the_editions_language_first(tmp_path, language, first, second) -> None:
    """The French page reads « Français » then « Anglais »; the English page the reverse."""
    page = _page(tmp_path, language)
    assert page
    for term, cells in page.items():
        labels = [label for label, _cell in cells]
        assert labels.index(first) + 1 == labels.index(second), term


def test_the_english_page_keeps_its_english_text(tmp_path: Path) -> None:
    english = _rows(DATA / "glossary.csv")
    page = _page(tmp_path, "en")
    for term, cells in page.items():
        shown = dict(cells)
        note = accessibility.mark_foreign(markup.markdown_inline(english[term]["note"]), "en")
        assert shown["Note:"] == note, term  # French words in it marked lang="fr"
        # Where the term comes from, in words: the reader does not have the document.
        section = english[term]["section"]
        expected = (
            "Not in the source document"
            if section == "external"
            else f"Source document, section {section}"
        )
        assert shown["Origin:"] == expected, term
        used = english[term]["used_in"]
        assert not re.search(r"\bdocument [\d(]", shown["Used in:"]), term
        for number in re.findall(r"document ([\d., ]+)", used):
            assert "Source document, section" in shown["Used in:"], term
            assert number.split(",")[0].strip() in shown["Used in:"], term


def _copy_data(tmp_path: Path) -> Path:
    """A copy of the glossary's tables and the package that describes them."""
    folder = tmp_path / "data"
    (folder / "fr").mkdir(parents=True)
    for name in ("datapackage.json", "glossary.csv", "definitions.csv"):
        (folder / name).write_bytes((DATA / name).read_bytes())
    for name in ("glossary.csv", "definitions.csv"):
        (folder / "fr" / name).write_bytes((DATA / "fr" / name).read_bytes())
    return folder


def _render(folder: Path, out: Path, language: str) -> str:
    web = site.Site(out, glossary=True, language=language)
    web.root.mkdir(parents=True)
    return glossary.render_glossary(folder / "glossary.csv", web).read_text(encoding="utf-8")


def test_tables_resaved_by_a_spreadsheet_give_the_same_page(tmp_path: Path) -> None:
    """Excel's "CSV UTF-8" adds a byte-order mark and ends lines with CRLF (issue 21)."""
    folder = _copy_data(tmp_path)
    expected = _render(folder, tmp_path / "before", "fr")
    for path in (folder / "glossary.csv", folder / "fr" / "glossary.csv"):
        text = path.read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert (folder / "fr" / "glossary.csv").read_bytes().startswith(b"\xef\xbb\xbfacronym,")
    resaved = _render(folder, tmp_path / "after", "fr")
    assert resaved == expected
    # The French notes are on the page: the first French note of the file, as data.
    note = next(row["note"] for row in _rows(DATA / "fr" / "glossary.csv").values() if row["note"])
    assert markup.markdown_inline(note) in resaved


def test_a_table_the_loader_cannot_read_stops_the_page_naming_the_file(tmp_path: Path) -> None:
    from diaspora_helpers.data.loader import DataError

    folder = _copy_data(tmp_path)
    path = folder / "fr" / "glossary.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    with pytest.raises(DataError, match=r"data/fr/glossary.csv, line 1: .*separated by ';'"):
        _render(folder, tmp_path / "out", "fr")
    path.write_bytes(
        (DATA / "fr" / "glossary.csv").read_text(encoding="utf-8").encode("cp1252", "replace")
    )
    with pytest.raises(DataError, match=r"data/fr/glossary.csv.*save the file as UTF-8"):
        _render(folder, tmp_path / "out2", "fr")


def test_a_table_the_package_does_not_describe_is_refused(tmp_path: Path) -> None:
    from diaspora_helpers.data.loader import DataError

    folder = _copy_data(tmp_path)
    (folder / "glossary.csv").rename(folder / "acronyms.csv")
    with pytest.raises(DataError, match="data/acronyms.csv: datapackage.json does not describe"):
        glossary.render_glossary(folder / "acronyms.csv", site.Site(tmp_path / "out"))


def test_the_source_documents_sections_are_named_in_words_in_both_editions() -> None:
    """Issue 25: "document 5.1" and "Section: external" sent a reader to a document they
    do not have, or showed an internal value."""
    from diaspora_helpers.i18n import translator

    french = translator("fr")
    assert glossary.document_places("document 5.1; institutions") == (
        "Source document, section 5.1; institutions"
    )
    assert glossary.document_places("document 2, 3, 7; strategies") == (
        "Source document, sections 2, 3 and 7; strategies"
    )
    assert glossary.document_places(f"document (sections 3 et 5.1){NNBSP}; x", french) == (
        f"Document de synthèse, sections 3 et 5.1{NNBSP}; x"
    )
    assert glossary.document_places("data files; the document's notes") == (
        "data files; the document's notes"
    )
    assert glossary.section_words("external") == "Not in the source document"
    assert glossary.section_words("external", french) == "Hors du document de synthèse"
    assert glossary.section_words("1.2", french) == "Document de synthèse, section 1.2"
    assert glossary.section_words("") == ""


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_a_to_z_bar_jumps_to_the_first_term_of_each_letter(tmp_path, language) -> None:
    """Issue 25: on a phone the glossary is 26,000 px of cards; a named bar of letters, one
    link (one tab stop) per letter that has terms, each to that letter's first row."""
    web = site.Site(tmp_path / language, glossary=True, language=language)
    web.root.mkdir(parents=True)
    text = glossary.render_glossary(DATA / "glossary.csv", web).read_text(encoding="utf-8")
    bar = re.search(r'<nav class="jump" aria-label="([^"]+)">(.*?)</nav>', text, re.S)
    assert bar and bar.group(1) == {"en": "Glossary, A to Z", "fr": "Glossaire de A à Z"}[language]
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', bar.group(2))
    letters = [shown for _target, shown in links if len(shown) == 1]
    terms = list(_rows(DATA / "glossary.csv"))
    expected = sorted({term[0].upper() for term in terms})
    assert letters == expected
    ids = re.findall(r'<tr><th id="([^"]+)">([^<]+)</th>', text)
    for target, letter in links:
        if len(letter) == 1:  # the first row whose term starts with the letter
            assert target == next(i for i, term in ids if term.upper().startswith(letter))
        else:
            assert f'<h2 id="{target}">' in text
    assert "tabindex" not in bar.group(2) and len(links) == len(expected) + 1


def test_every_used_in_cell_starts_with_a_capital(french, tmp_path: Path) -> None:
    """« fichiers de paramètres de l’exécuteur ; guide de l’enseignant » (YAML) read as
    the only cell in lower case (rfr8 item 7): a cell of words starts with a capital, in
    both editions, a link's text included; an identifier and code are left as they are."""
    english = _page(tmp_path, "en")
    for edition, page in (("fr", french), ("en", english)):
        for term, cells in page.items():
            for label, cell in cells:
                if label.startswith(("Utilisé dans", "Used in")):
                    seen = html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
                    if "_" in (seen.split() or [""])[0]:
                        continue  # a table id: the site links it under the table's title
                    assert not seen[:1].islower(), (edition, term, seen)
    assert dict(french["YAML"])[f"Utilisé dans{NNBSP}:"].startswith("Fichiers de paramètres")
    assert glossary.capital_first('<a href="x">notebooks</a>; a') == '<a href="x">Notebooks</a>; a'
    assert glossary.capital_first("<code>x</code> y") == "<code>x</code> y"
    assert glossary.capital_first("key_figures; notes") == "key_figures; notes"
    assert glossary.capital_first("Déjà") == "Déjà"
