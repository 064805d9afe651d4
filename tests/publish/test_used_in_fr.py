"""The glossary's "Utilisé dans" as a French editor reads it (issue 24, the francophone
reviewer): page titles keep their narrow no-break space before ":", pages are separated by
" ; " with a narrow no-break space, a page's sections follow its title in parentheses (no
second colon after a title that has one), and a table is named by its French title, not
its file name."""

from __future__ import annotations

from pathlib import Path

from diaspora_helpers.i18n import translator
from diaspora_helpers.publish.site import search, used_in

NNBSP = "\u202f"
TITLE = f"Forums, services, lois{NNBSP}: comment le Mali a bâti sa politique"


def _page(folder: Path, name: str, title: str, section: str, text: str) -> Path:
    page = folder / name
    page.write_text(
        f"<html><head><title>{title} | Site</title></head><body><main><h1>{title}</h1>"
        f'<p>Intro.</p><h2 id="s">{section}</h2><p>{text}</p></main></body></html>',
        encoding="utf-8",
    )
    return page


def test_a_page_title_keeps_its_narrow_no_break_space(tmp_path):
    page = _page(tmp_path, "03.html", TITLE, "Tous les événements", "Le HCME siège.")
    titles = {d["title"] for d in search.page_documents(page)}
    assert titles == {TITLE}


def test_places_read_in_french_typography(tmp_path):
    pages = [
        _page(tmp_path, "03.html", TITLE, "Tous les événements", "Le HCME siège."),
        _page(tmp_path, "04.html", "Stratégies", "Contraintes", "Le HCME conseille."),
    ]
    found = used_in.places("HCME", [d for p in pages for d in search.page_documents(p)])
    shown = used_in.links(found, translator("fr"))
    assert f"{TITLE} (<a " in shown and f"</a>){NNBSP}; Stratégies (<a " in shown
    assert "::" not in shown.replace(" ", "") and f"{NNBSP}:{NNBSP}" not in shown


def test_a_table_is_named_by_its_title_in_the_edition():
    cell = used_in.used_in_cell(
        [],
        translator("fr"),
        lambda name: f"data/{name}.csv" if name == "institutions" else None,
        lambda name: "Institutions, programmes et partenaires" if name == "institutions" else None,
    )
    text = cell("ZZZ", f"document{NNBSP}; institutions")
    assert '<a href="data/institutions.csv">Institutions, programmes et partenaires</a>' in text
    assert "institutions.csv<" not in text and f"document{NNBSP}; <a" in text
