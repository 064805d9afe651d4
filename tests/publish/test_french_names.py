"""French names and headers from data and catalogs (issue 24, the rfr7 reading): TOKTEN's
UNDP name, the bilateral stock header that said « sur place », « Identifiant » for « ID »,
and the capitals of institution names; each held by a rule of ``data/fr/style.csv``."""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from diaspora_helpers.publish import style_sheet

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = ROOT / "diaspora_helpers" / "locale" / "fr" / "LC_MESSAGES"


def _rule(term: str) -> list[style_sheet.Rule]:
    sheet = [rule for rule in style_sheet.rules("fr") if rule.term == term]
    assert sheet, f"no rule {term!r} in data/fr/style.csv"
    return sheet


def _msgstr(catalog: str, msgid: str) -> str:
    with (MESSAGES / f"{catalog}.po").open("rb") as handle:
        message = read_po(handle).get(msgid)
    assert message is not None, f"{catalog}.po has no {msgid!r}"
    return str(message.string)


def _french(table: str, key: str, column: str, folder: str = "fr") -> str:
    path = ROOT / "data" / folder / table if folder else ROOT / "data" / table
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    first = next(iter(rows[0]))
    return next(row[column] for row in rows if row[first] == key)


def test_tokten_has_undp_s_french_name_in_the_tables_and_the_glossary():
    name = "Transfert des connaissances par l’intermédiaire des nationaux expatriés"
    assert _french("institutions.csv", "tokten", "name") == name
    assert _french("glossary.csv", "TOKTEN", "french", folder="") == name
    sheet = _rule("nom de TOKTEN")
    assert style_sheet.faults("par l’intermédiaire des expatriés nationaux", sheet)
    assert style_sheet.faults(name, sheet) == []
    assert "nationaux expatriés" in style_sheet.apply("des expatriés nationaux", sheet)


def test_the_bilateral_stock_header_says_who_is_counted_and_where():
    header = _msgstr("core", "Malians there in 2017")
    assert "sur place" not in header
    assert "nées au Mali" in header and "2017" in header  # the matrix counts people by birth
    sheet = _rule("sur place (effectif d’un pays)")
    assert style_sheet.faults("Maliens sur place en 2017", sheet)
    assert style_sheet.faults("Nombre de personnes sur place en 2017", sheet)
    # « sur place » with its place said around it stays allowed.
    assert style_sheet.faults("des partenaires sur place, dans le pays d’accueil", sheet) == []
    assert style_sheet.faults(header, style_sheet.rules("fr")) == []


@pytest.mark.parametrize(
    ("catalog", "msgid", "french"),
    [
        ("labels_policy", "ID", "Identifiant"),
        ("labels_remittances", "ID", "Identifiant"),
        ("labels_exercises", "Constraint ID", "Identifiant de la contrainte"),
        ("labels_exercises", "Strategy ID", "Identifiant de la stratégie"),
        ("policy", "Constraint ID", "Identifiant de la contrainte"),
    ],
)
def test_an_id_column_is_titled_identifiant_in_french(catalog, msgid, french):
    assert _msgstr(catalog, msgid) == french


def test_the_sheet_refuses_id_as_a_french_header_but_not_inside_words_or_codes():
    sheet = _rule("identifiant (en-tête)")
    assert style_sheet.faults("ID de la contrainte", sheet)
    assert style_sheet.faults("colonne « ID »", sheet)
    kept = "Identifiant ; IDE ; `constraint_id` ; SIS User-ID ; CIDEA ; l’ID-card"
    assert style_sheet.faults(kept, sheet) == []


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("general_tax_directorate", "Direction générale des impôts"),
        ("anpe", "Agence nationale pour l’emploi"),
        ("codev_unit", "Cellule technique de codéveloppement"),
        ("cigem", "Centre d’information et de gestion des migrations"),
        ("cesc", "Conseil économique, social et culturel"),
    ],
)
def test_an_institution_s_french_name_has_a_capital_on_its_first_word_only(key, name):
    assert _french("institutions.csv", key, "name") == name


def test_the_sheet_refuses_capitals_after_an_institution_s_generic_word():
    sheet = _rule("majuscules d’un nom d’institution")
    for wrong in (
        "la Direction Générale des Impôts",
        "l’Institut National de la Statistique",
        "le Recensement Général de la Population et de l’Habitat",
        "la Cellule Technique de Codéveloppement",
        "l’Agence Nationale pour l’Emploi",
    ):
        assert style_sheet.faults(wrong, sheet), wrong
    right = (
        "la Direction générale des impôts, l’Institut national de la statistique, le "
        "Recensement général de la population et de l’habitat, l’Agence nationale pour "
        "l’emploi, le Haut Conseil des Maliens de l’extérieur"
    )
    assert style_sheet.faults(right, sheet) == []


def test_the_sheet_refuses_a_capital_ministere_inside_a_sentence_only():
    sheet = _rule("ministère dans une phrase")
    assert style_sheet.faults("producteur\u202f: Ministère des Maliens de l’extérieur", sheet)
    assert style_sheet.faults("sous la tutelle du Ministère de l’Économie", sheet)
    assert style_sheet.faults("Ministère des Maliens de l’extérieur (Mali)", sheet) == []
    # A cell that lists names starts each with its capital.
    listed = "Ministère des Maliens de l’extérieur\u202f; Ministère de l’Économie"
    assert style_sheet.faults(listed, sheet) == []
    assert style_sheet.faults("producteur\u202f: ministère des Maliens", sheet) == []


def test_the_glossary_writes_the_ministry_in_lower_case_inside_its_sentence(tmp_path):
    """« Unité : personnes ; producteur : ministère des Maliens de l’extérieur (Mali). »:
    the table keeps the name as given (a cell starts with its capital); the glossary's
    sentence lowers the ministry's generic word."""
    from diaspora_helpers.publish.site import glossary
    from diaspora_helpers.publish.site import pages as site

    assert _french("definitions.csv", "minister_statement_2024", "publisher").startswith(
        "Ministère des Maliens de l’extérieur"
    )
    web = site.Site(tmp_path / "fr", glossary=True, language="fr")
    web.root.mkdir(parents=True)
    page = glossary.render_glossary(ROOT / "data" / "glossary.csv", web)
    text = html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))
    assert "producteur\u202f: ministère des Maliens de l’extérieur (Mali)" in text
    assert "Ministère des Maliens de l’extérieur (Mali)" not in text
