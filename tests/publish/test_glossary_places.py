"""The glossary as the phone reader and the accessibility officer read it last (issue 25):
the French "Utilisé dans" links the tables the English one links (its cells are French
words, not table ids), a term the French pages write with its French acronym is found
under it, a third party's copy is not linked as a publisher's page, and the French and
English names each page quotes carry their language."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from diaspora_helpers.i18n import translator
from diaspora_helpers.publish.site import accessibility, glossary, used_in
from diaspora_helpers.publish.site import pages as site

DATA = Path(__file__).resolve().parents[2] / "data"
NNBSP = "\u202f"


def _rows(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["acronym"]: row for row in csv.DictReader(handle)}


def test_french_cells_name_the_tables_the_english_ones_do() -> None:
    english, french = _rows(DATA / "glossary.csv"), _rows(DATA / "fr" / "glossary.csv")
    tables = {p.stem for p in DATA.glob("*.csv")}
    for term, row in english.items():
        shown = glossary.aligned_places(row["used_in"], french[term]["used_in"], DATA)
        named = [p.split()[0] for p in row["used_in"].split(";") if p.split()]
        expected = [n for n in named if n in tables]
        found = [n for n in re.findall(r"[a-z][a-z0-9_]*", shown) if n in tables]
        # every table the English cell names, in its order (a French word may also be one:
        # "institutions")
        assert [n for n in found if n in expected] == expected, (term, shown)
    apej = glossary.aligned_places(
        "document 5.1; institutions; codevelopment_figures",
        f"document (section 5.1){NNBSP}; institutions{NNBSP}; chiffres du codéveloppement",
        DATA,
    )
    assert apej == f"document (section 5.1){NNBSP}; institutions{NNBSP}; codevelopment_figures"
    mli = glossary.aligned_places(
        "reference data; legal_framework (in a page address)",
        f"données de référence{NNBSP}; cadre juridique (dans l’adresse d’une page)",
        DATA,
    )
    assert mli == f"données de référence{NNBSP}; legal_framework (dans l’adresse d’une page)"


def test_a_term_is_found_under_the_acronym_the_edition_writes(tmp_path: Path) -> None:
    page = tmp_path / "02.html"
    page.write_text(
        "<html><head><title>Transferts | Site</title></head><body><main><h1>T</h1>"
        '<h2 id="c">Coût</h2><p>La cible 10.c des ODD vise 3 %.</p></main></body></html>',
        encoding="utf-8",
    )
    row = {"acronym": "SDG", "french": "Objectif de développement durable (ODD)"}
    assert glossary.aliases(row, "fr") == ("ODD",)
    assert glossary.aliases({"english": "Sustainable Development Goal"}, "en") == ()
    cell = used_in.used_in_cell([page], translator("fr"))
    assert cell("SDG", "notebooks", ()) == "notebooks"
    assert '<a href="02.html#c">Coût</a>' in cell("SDG", "notebooks", ("ODD",))


def test_a_relayed_source_is_not_linked_as_its_publisher(tmp_path: Path) -> None:
    for language in ("en", "fr"):
        web = site.Site(tmp_path / language, glossary=True, language=language)
        web.root.mkdir()
        text = glossary.render_glossary(DATA / "glossary.csv", web).read_text("utf-8")
        with (DATA / "definitions.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        relayed = [r["url"] for r in rows if r["url_kind"] == "relay"]
        published = [r["url"] for r in rows if r["url_kind"] == "publisher"]
        assert relayed and published
        for url in relayed:
            assert url.replace("&", "&amp;") not in text, url
        for url in published:
            assert f'href="{url.replace("&", "&amp;")}"' in text, url
        up = "../" if language == "fr" else ""
        assert text.count(f'href="{up}data/definitions.csv"') >= len(relayed)


def test_names_quoted_in_the_other_language_are_marked() -> None:
    english = accessibility.mark_foreign(
        "<dd>IOM, Migration au Mali : Profil national 2009</dd>", "en"
    )
    assert '<span lang="fr">Migration au Mali : Profil national 2009</span>' in english
    french = accessibility.mark_foreign("<td>Nommé « Forum of Diaspora Investors »</td>", "fr")
    assert '<span lang="en">Forum of Diaspora Investors</span>' in french


def test_no_term_is_said_to_be_used_in_the_glossary_itself() -> None:
    """r35 item 2: FMI, PPA, TIC and UEMOA listed the glossary as where they are used, a
    circle; a cell names the table or page that uses the term, or stays empty, and an
    empty cell's note says that nothing uses it."""
    for path in (DATA / "glossary.csv", DATA / "fr" / "glossary.csv"):
        for term, row in _rows(path).items():
            parts = [p.strip().split(" (")[0] for p in re.split(r"\s*;\s*", row["used_in"])]
            assert not {"glossary", "glossaire"} & set(parts), (path.parent.name, term)
            if not row["used_in"].strip():
                assert re.search(r"no page or table|aucune page ni table", row["note"]), term
