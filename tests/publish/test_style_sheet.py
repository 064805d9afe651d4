"""The French style sheet (``data/fr/style.csv``) holds over every French reader-facing file:
notebooks (Markdown and outputs), course files, ``data/fr`` tables and the catalogs (issue 24).

Each row names a term, the form to write and the variants refused; the check reads prose
only (code, inline code, link addresses, HTML tags and placeholders are left alone).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from diaspora_helpers.publish import style_sheet

ROOT = Path(__file__).resolve().parents[2]
FILES = style_sheet.files("fr")


def test_the_sheet_reads_and_covers_the_rules_the_issue_asks_for():
    sheet = style_sheet.rules("fr")
    terms = {rule.term: rule for rule in sheet}
    assert terms["apostrophe"].preferred == "’"
    assert terms["Nations Unies"].pattern.search("des Nations unies")
    assert terms["notebook"].pattern.search("le carnet maître")
    assert terms["relevé critique"].pattern.search("L’audit des sources")
    assert terms["ordinal abrégé"].pattern.sub(terms["ordinal abrégé"].preferred, "4e") == "4ᵉ"


def test_the_sheet_gives_the_constraints_the_short_names_of_the_french_table():
    """One set of short names for the 14 constraints: the sheet's preferred forms are the
    ``short_label`` of ``data/fr/constraints.csv``."""
    with (ROOT / "data" / "fr" / "constraints.csv").open(encoding="utf-8", newline="") as f:
        short = {row["id"]: row["short_label"] for row in csv.DictReader(f)}
    named = {
        rule.term.removeprefix("contrainte "): rule.preferred
        for rule in style_sheet.rules("fr")
        if rule.term.startswith("contrainte ")
    }
    assert named and set(named) <= set(short)
    assert {k: short[k] for k in named} == named


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_french_file_follows_the_style_sheet(path):
    sheet = style_sheet.rules("fr")
    found = [
        f"{where}: …{found}… ({term})"
        for where, text in style_sheet.texts(path)
        for found, term in style_sheet.faults(text, sheet)
    ]
    assert not found, "\n".join(found[:20]) + f"\n({len(found)} in all)"


def test_every_kind_of_french_file_is_read():
    kinds = {p.suffix for p in FILES}
    assert kinds == {".ipynb", ".md", ".csv", ".po", ".json"}
    assert not any(p.name == "style.csv" for p in FILES)


def test_a_planted_fault_is_found_in_prose_and_code_is_left_alone():
    sheet = style_sheet.rules("fr")
    text = (
        "Le carnet de l'étudiant, des Nations unies, au 4e rang\u202f; `l'id` et "
        "[lien](https://x.org/l'a) et {name} restent.\n```python\nx = \"l'a\"\n```\n"
    )
    terms = sorted(term for _found, term in style_sheet.faults(text, sheet))
    assert terms == ["Nations Unies", "apostrophe", "notebook", "ordinal abrégé"]
    fixed = style_sheet.apply(text, sheet)
    assert "de l’étudiant" in fixed and "Nations Unies" in fixed and "4ᵉ rang" in fixed
    assert "`l'id`" in fixed and "(https://x.org/l'a)" in fixed and 'x = "l\'a"' in fixed
    assert "le carnet" in fixed.lower()  # no automatic fix: "carnet" needs rewording


def test_the_check_reads_notebook_outputs_table_cells_and_msgstr_only(tmp_path):
    root = tmp_path
    (root / "notebooks" / "fr").mkdir(parents=True)
    (root / "data" / "fr").mkdir(parents=True)
    (root / "diaspora_helpers" / "locale" / "fr" / "LC_MESSAGES").mkdir(parents=True)
    (root / "data" / "fr" / "style.csv").write_text(
        (ROOT / "data" / "fr" / "style.csv").read_text(encoding="utf-8"), encoding="utf-8"
    )
    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "source": 'x = "l\'a"',
                "metadata": {},
                "outputs": [{"output_type": "stream", "name": "stdout", "text": "Nations unies\n"}],
            },
            {"cell_type": "markdown", "source": "Bien.", "metadata": {}},
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (root / "notebooks" / "fr" / "a.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    (root / "data" / "fr" / "t.csv").write_text("id,label\nl'id,d'accord\n", encoding="utf-8")
    (root / "diaspora_helpers" / "locale" / "fr" / "LC_MESSAGES" / "x.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "the carnet\'s"\nmsgstr "le carnet"\n',
        encoding="utf-8",
    )
    found = style_sheet.check("fr", root)
    assert len(found) == 3, found
    assert any("a.ipynb cell 0 output" in line and "Nations unies" in line for line in found)
    assert any("t.csv:2 (label)" in line for line in found)  # the key column l'id is not read
    assert any("x.po" in line and "(notebook)" in line for line in found)
    fixed = style_sheet.fix("fr", root)
    assert {p.name for p in fixed} == {"t.csv"}
    assert (root / "data" / "fr" / "t.csv").read_text(
        encoding="utf-8"
    ) == "id,label\nl'id,d’accord\n"


def _title(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "".join(cells[0]["source"]).splitlines()[0].lstrip("#").strip()


@pytest.mark.parametrize(
    "path", sorted((ROOT / "notebooks" / "fr").glob("*.ipynb")), ids=lambda p: p.name
)
def test_a_french_notebook_cites_another_by_its_title(path):
    """A link to a topic notebook reads that notebook's own title, or "notebook 0n"
    (issue 24: exercises cited notebooks by titles that were not theirs)."""
    import re

    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    for shown, target in re.findall(r"\[([^\]]+)\]\((0\d_\w+\.ipynb)\)", text):
        if shown == f"notebook {target[:2]}":
            continue
        assert shown.replace("\n", " ") == _title(path.parent / target), (shown, target)


def test_the_check_and_the_fix_read_a_notebook_summary_for_the_home_page(tmp_path):
    root = tmp_path
    (root / "notebooks" / "fr").mkdir(parents=True)
    (root / "data" / "fr").mkdir(parents=True)
    (root / "data" / "fr" / "style.csv").write_text(
        (ROOT / "data" / "fr" / "style.csv").read_text(encoding="utf-8"), encoding="utf-8"
    )
    notebook = {
        "cells": [{"cell_type": "markdown", "source": "Bien.", "metadata": {}}],
        "metadata": {"diaspora": {"summary": "Le coût d'envoi et les corridors enquêtés."}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = root / "notebooks" / "fr" / "a.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    found = style_sheet.check("fr", root)
    assert len(found) == 2, found
    assert all(line.startswith("a.ipynb summary:") for line in found)
    assert {p.name for p in style_sheet.fix("fr", root)} == {"a.ipynb"}
    summary = json.loads(path.read_text(encoding="utf-8"))["metadata"]["diaspora"]["summary"]
    assert summary == "Le coût d’envoi et les corridors enquêtés."  # only the fixable rule
    assert len(style_sheet.check("fr", root)) == 1


def test_a_singular_corridor_enquete_is_refused_too():
    sheet = style_sheet.rules("fr")
    assert [t for _, t in style_sheet.faults("aucun corridor enquêté vers le Mali", sheet)] == [
        "corridors couverts par l’enquête"
    ]


def test_an_ordinary_space_before_a_colon_after_code_or_a_bracket_is_found():
    sheet = style_sheet.rules("fr")
    terms = [
        term
        for text in ("occupe `notebooks/fr/` : mêmes", "(exercises_1) ; les", "[lien](x.html) : la")
        for _found, term in style_sheet.faults(text, sheet)
    ]
    assert terms == ["espace avant ; : ! ?"] * 3
    good = "occupe `notebooks/fr/`\u202f: mêmes, `a : b` et `x`, puis (y)\u202f; fin"
    assert style_sheet.faults(good, sheet) == []


def test_the_origin_destination_table_has_one_name():
    """Session 2's table is « table origine–destination » (en dash), as its notebook says;
    the home page's summary once called it « matrice origine-destination » (r28 item 2)."""
    sheet = style_sheet.rules("fr")
    said = "remanier la matrice origine-destination des Nations Unies"
    assert [t for _, t in style_sheet.faults(said, sheet)] == ["table origine–destination"]
    assert style_sheet.apply(said, sheet) == (
        "remanier la table origine–destination des Nations Unies"
    )
    assert not style_sheet.faults("la table origine–destination au format long", sheet)


def test_a_source_line_names_the_document_as_the_sheet_does():
    """r28 item 7: charts' source lines read « Source : document source, section 5.1 »
    where the sheet names the document « document de synthèse »; the sheet now refuses it
    in a source line and leaves the prose's « le document source » and the series label
    « Document source (sources administratives) » alone; the catalogs' source lines agree."""
    from diaspora_helpers import i18n

    sheet = style_sheet.rules("fr")
    refused = ["Source\u202f: document source, section 5.1", "Document source, sections 6.1"]
    assert all(style_sheet.faults(line, sheet) for line in refused)
    kept = "Document source (sources administratives)\u202f; le document source le dit."
    assert not style_sheet.faults(kept, sheet)
    french = i18n.translator("fr")
    said = french("Source: the source document{rest}").format(rest=", section 5.1")
    assert said.startswith(french("Source: {source}").format(source="")), said
    assert not style_sheet.faults(said, sheet) and "document de synthèse" in said
    assert french("Source document").lower() == "document de synthèse"


#: An opening guillemet followed, or a closing one preceded, by anything but U+202F (an
#: ordinary space, a no-break space U+00A0, or nothing) in the prose of a French file.
BAD_GUILLEMET = re.compile("«(?!\u202f)|(?<!\u202f)»")


def _guillemet_faults(text: str) -> list[str]:
    seen = style_sheet.prose(text)
    return [
        seen[max(m.start() - 20, 0) : m.end() + 20].replace("\n", " ")
        for m in BAD_GUILLEMET.finditer(seen)
    ]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_french_guillemets_hold_a_narrow_no_break_space(path):
    """« » hold a narrow no-break space (U+202F) inside, as before ; : ! ? (issue 24: the
    guide had an ordinary space inside 10 of its 26 pairs)."""
    found = [
        f"{where}: …{bad}…"
        for where, text in style_sheet.texts(path)
        for bad in _guillemet_faults(text)
    ]
    assert not found, "\n".join(found[:20]) + f"\n({len(found)} in all)"


def test_the_guillemet_check_finds_the_spaces_the_guide_had():
    old = "(voir « Où trouver quoi », à la fin) et «\u00a0corrigé\u00a0» ou «corrigé»"
    assert len(_guillemet_faults(old)) == 6
    assert _guillemet_faults("(voir «\u202fOù trouver quoi\u202f», à la fin) et `« x »`") == []


def test_the_data_package_french_fields_are_read_and_its_old_text_is_refused(tmp_path):
    """The ``*_fr`` fields of ``data/datapackage.json`` (the French glossary shows them
    under "Utilisé dans") follow the sheet; the text before r35 is refused, and a field of
    another language is not read."""
    root = tmp_path
    (root / "data" / "fr").mkdir(parents=True)
    (root / "data" / "fr" / "style.csv").write_text(
        (ROOT / "data" / "fr" / "style.csv").read_text(encoding="utf-8"), encoding="utf-8"
    )
    old = {
        "name": "mali-diaspora",
        "title": "Mali's tables, 1990-2020",
        "description_fr": "Tables de la collection de carnets, de l'aperçu des politiques.",
        "source_document": {"title_fr": "Aperçu de la politique du Mali"},
        "resources": [
            {"name": "source_audit", "path": "source_audit.csv", "title_fr": "Audit du document"},
            {"name": "un", "path": "un.csv", "title_fr": "Stock (DAES (ONU), 1990-2020)"},
            {"name": "rpw", "path": "rpw.csv", "description_fr": "Un envoi de 200 USD."},
            {"name": "wdi", "path": "wdi.csv", "description_fr": "Deux millésimes."},
        ],
    }
    package = root / "data" / "datapackage.json"
    package.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    assert package in style_sheet.files("fr", root)
    found = style_sheet.check("fr", root)
    sheet = style_sheet.rules("fr", root)
    terms = sorted(
        t for _w, text in style_sheet.texts(package) for _f, t in style_sheet.faults(text, sheet)
    )
    assert terms == sorted(
        [
            "notebook",
            "apostrophe",
            "document source",
            "document source",
            "relevé critique",
            "DAES de l’ONU",
            "intervalle d’années",
            "dollars des États-Unis",
            "édition d’une série",
        ]
    ), found
    assert any("/mali-diaspora/source_audit (title_fr)" in line for line in found)
    assert not any("Mali's" in line for line in found)  # an English field is not read
    assert not style_sheet.fix("fr", root)  # generated: its inputs in data/build/ are fixed


def test_the_committed_data_package_is_read():
    package = ROOT / "data" / "datapackage.json"
    assert package in FILES
    fields = dict(style_sheet.texts(package))
    assert len(fields) > 100
    assert fields["datapackage.json /mali-diaspora/source_audit (title_fr)"] == (
        "Relevé critique du document source"
    )


def test_one_name_for_the_dollar_the_un_source_and_a_series_edition():
    """r35 items 4, 5 and 7: « dollars des États-Unis » in headers and prose, « DAES de
    l’ONU », « Banque mondiale/KNOMAD » and « édition » for a dated release."""
    sheet = style_sheet.rules("fr")
    refused = {
        "Millions de dollars US": "dollars des États-Unis",
        "Dollars US par migrant": "dollars des États-Unis",
        "Dollars par émigré": "dollars des États-Unis",
        "Francs CFA pour 1 dollar US": "dollars des États-Unis",
        "un envoi de 200\u00a0USD": "dollars des États-Unis",
        "DAES (ONU) 2020": "DAES de l’ONU",
        "Banque mondiale / KNOMAD": "Banque mondiale/KNOMAD",
        "deux millésimes d’un indicateur": "édition d’une série",
    }
    for text, term in refused.items():
        assert [t for _f, t in style_sheet.faults(text, sheet)] == [term], text
    kept = (
        "Millions de dollars des États-Unis\u202f; Dollars des États-Unis par émigré\u202f; "
        "un envoi de 200 dollars des États-Unis\u202f; DAES de l’ONU 2020\u202f; "
        "Banque mondiale/KNOMAD\u202f; l’édition 2022 et la copie de 2026\u202f; `usd_millions`"
    )
    assert style_sheet.faults(kept, sheet) == []


def test_a_forbidden_phrase_split_by_a_line_break_or_several_spaces_is_found_and_fixed(tmp_path):
    """A Markdown cell wraps its lines anywhere: « expatriés\\nnationaux » reads as
    « expatriés nationaux » and must be found, in a cell, a table cell and a course file."""
    sheet = style_sheet.rules("fr")
    for text in (
        "le programme des expatriés\nnationaux du PNUD",
        "le programme des expatriés  nationaux",
        "les Nations\n   unies",
        "la Politique Nationale\nde Migration",
    ):
        found = style_sheet.faults(text, sheet)
        assert found, text
        assert all("\n" not in where for where, _term in found)
    assert {term for _f, term in style_sheet.faults("des expatriés\nnationaux", sheet)} == {
        "nom de TOKTEN"
    }
    assert style_sheet.apply("des expatriés\nnationaux", sheet) == "des nationaux expatriés"
    # the narrow no-break space is typography, not a run of spaces to fold
    assert not style_sheet.faults("Mali\u202f; Sénégal", sheet)
    # every file kind: a Markdown course file and a table cell
    (tmp_path / "notebooks" / "fr").mkdir(parents=True)
    (tmp_path / "data" / "fr").mkdir(parents=True)
    (tmp_path / "diaspora_helpers" / "locale" / "fr" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "data" / "fr" / "style.csv").write_text(
        (ROOT / "data" / "fr" / "style.csv").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "notebooks" / "fr" / "course_x.md").write_text(
        "Les Nations\nunies.\n", encoding="utf-8"
    )
    (tmp_path / "data" / "fr" / "t.csv").write_text(
        'id,label\na,"expatriés\r\nnationaux"\n', encoding="utf-8"
    )
    found = style_sheet.check("fr", tmp_path)
    assert len(found) == 2, found
    assert any("course_x.md" in line and "(Nations Unies)" in line for line in found)
    assert any("t.csv:2 (label)" in line and "(nom de TOKTEN)" in line for line in found)
