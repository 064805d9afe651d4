"""The French site (issue 17): ``notebooks/fr/*.ipynb`` published into ``outputs/fr/`` by
the same run as the English site, with ``<html lang="fr">``, French page text, French
numbers in its tables, and every page linked to its twin in the other edition.

The end-to-end checks read the two shared runs (``support.fixture_site`` with the French
fixture ``fr/a_chart``, and ``support.collection_site``, which covers both editions of the
real collection); the rest runs nothing."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import diaspora_test_support as support
import nbformat
import pytest

from diaspora_helpers.publish.execution import selection as requests
from diaspora_helpers.publish.site import links
from diaspora_helpers.publish.site import pages as site

NNBSP = "\u202f"
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)">')
SWITCH = re.compile(r'<a class="language" href="([^"]+)" hreflang="(\w+)" lang="\w+">')
CELL = re.compile(r"<td[^>]*>(.*?)</td>", re.S)
NUMBER_CELL = re.compile(
    r'<td[^>]*(?:align="right"|text-align:\s*right|class="(?:[^"]* )?num(?: [^"]*)?")[^>]*>'
    r"(.*?)</td>",
    re.S,
)


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _lang(text: str) -> str:
    found = re.search(r'<html lang="(\w+)">', text)
    assert found, "no <html lang>"
    return found.group(1)


# -- naming the French notebooks ---------------------------------------------------------


def test_notebook_keys_name_the_edition() -> None:
    assert requests.notebook_key("01_demographics") == "01_demographics"
    assert requests.notebook_key("fr/01_demographics") == "fr/01_demographics"
    assert requests.notebook_key("notebooks/fr/01_demographics.ipynb") == "fr/01_demographics"
    assert requests.notebook_key(Path("/x/notebooks/01_demographics.ipynb")) == "01_demographics"
    assert requests.edition_of("fr/01_demographics") == "fr"
    assert requests.edition_of("01_demographics") == "en"


def test_discover_and_select_both_editions(tmp_path: Path) -> None:
    notebooks = support.make_notebooks(tmp_path, "a_chart", "b_bars", "fr/a_chart")
    (notebooks / "fr" / "master_1_x.ipynb").write_text("{}")
    found = requests.discover(notebooks)
    keys = [requests.notebook_key(p) for p in found]
    assert keys == ["a_chart", "b_bars", "fr/a_chart"]
    for name in ("fr/a_chart", "fr/a_chart.ipynb", str(notebooks / "fr" / "a_chart.ipynb")):
        assert requests.select([name], found) == [notebooks / "fr" / "a_chart.ipynb"]
    assert requests.select(["a_chart"], found) == [notebooks / "a_chart.ipynb"]
    with pytest.raises(requests.RunError) as caught:
        requests.select(["fr/b_bars"], found)
    message = str(caught.value)
    assert "known notebooks: a_chart, b_bars, fr/a_chart" in message
    assert "did you mean 'b_bars' instead of 'fr/b_bars'" in message


def test_parameters_for_a_french_notebook(tmp_path: Path) -> None:
    notebooks = support.make_notebooks(tmp_path, "a_chart", "fr/a_chart")
    found = requests.discover(notebooks)
    file = support.write_params_file(
        tmp_path / "p.yaml", "fr/a_chart:\n  end_year: 2001\na_chart:\n  end_year: 2002\n"
    )
    params = requests.resolve_parameters(
        found, found, requests.load_params_file(file), ["fr/a_chart:start_year=1999"]
    )
    assert params == {
        "fr/a_chart": {"end_year": 2001, "start_year": 1999},
        "a_chart": {"end_year": 2002},
    }
    one = requests.select(["fr/a_chart"], found)
    assert requests.resolve_parameters(one, found, {}, ["end_year=2003"]) == {
        "fr/a_chart": {"end_year": 2003}
    }
    # a French notebook's parameter errors are in French (rfr11), and say their language
    with pytest.raises(requests.RunError) as raised:
        requests.check_parameters(found, {"fr/a_chart": {"end_yaer": 1}})
    assert raised.value.language == "fr"
    assert str(raised.value).startswith("fr/a_chart\u202f: paramètre inconnu\u202f: end_yaer")
    assert "vouliez-vous dire «\u202fend_year\u202f»" in str(raised.value)
    with pytest.raises(requests.RunError, match="a_chart: unknown parameter: end_yaer") as english:
        requests.check_parameters(found, {"a_chart": {"end_yaer": 1}})
    assert english.value.language == "en"


def test_site_strings_are_extractable() -> None:
    """Babel does not look inside f-strings: a ``_()`` there would never reach the catalog."""
    folder = Path(site.__file__).parent
    for module in sorted(folder.glob("*.py")):
        source = module.read_text(encoding="utf-8")
        assert not re.search(r"\{_\(", source), f"{module.name}: _() inside an f-string"


def test_language_links_point_at_twins() -> None:
    site_map = links.SiteMap(
        folders={"en": "", "fr": "fr"},
        pages={
            "en": frozenset({"index.html", "a.html", "b.html"}),
            "fr": frozenset({"index.html", "a.html", "c.html"}),
        },
        order={"en": ("a", "b"), "fr": ("a", "c")},
    )
    around = site_map.links("en", "a.html")
    assert around.alternate == '\n<link rel="alternate" hreflang="fr" href="fr/a.html">'
    assert 'href="fr/a.html" hreflang="fr" lang="fr">Français</a>' in around.switch
    around = site_map.links("fr", "a.html")
    assert around.alternate == '\n<link rel="alternate" hreflang="en" href="../a.html">'
    assert ">English</a>" in around.switch
    around = site_map.links("en", "b.html")
    assert around.alternate == "" and 'href="fr/index.html"' in around.switch  # no twin
    around = site_map.links("fr", "c.html")
    assert around.alternate == "" and 'href="../index.html"' in around.switch
    assert 'rel="next" href="b.html"' in site_map.links("en", "a.html").pager
    assert site_map.links("en", "index.html").pager == ""  # only notebook pages have one


# -- the fixture run: structure, parameters, labels --------------------------------------


@pytest.mark.slow
def test_french_site_has_the_structure_of_the_english_one() -> None:
    outputs = support.fixture_site()
    french = outputs / "fr"
    for name in (
        "index.html",
        "glossary.html",
        "instructor_guide.html",
        "a_chart.html",
        "a_chart.ipynb",
        "figures/a_chart/trend.png",
        "figures/a_chart/trend.csv",
        "thumbnails/a_chart.png",
    ):
        assert (french / name).is_file(), name
    assert not (french / "b_bars.html").exists(), "b_bars has no French twin"
    assert not (french / "data").exists(), "the French site links to the one data package"
    text = _text(french / "a_chart.html")
    assert 'href="../CITATION.cff"' in text and (outputs / "CITATION.cff").is_file()


@pytest.mark.slow
def test_french_notebook_ran_with_its_own_parameters() -> None:
    """``-p fr/a_chart:end_year=2006`` reached the French twin, not the English one."""
    outputs = support.fixture_site()
    for path, value in ((outputs / "a_chart.html", "2005"), (outputs / "fr/a_chart.html", "2006")):
        found = re.search(r"<tr><t[dh][^>]*><code>end_year</code></t[dh]>(.*?)</tr>", _text(path))
        assert found, f"no end_year row in {path}"
        row = found.group(1)
        assert 'class="changed"' in row and f"<code>{value}</code>" in row, path
    french = _text(outputs / "fr" / "a_chart.html")
    assert "<th>Paramètre</th><th>Valeur utilisée</th>" in french
    assert "dernière année du graphique" in french  # the French parameters cell's comment
    assert "Afficher la cellule des paramètres" in french


@pytest.mark.slow
def test_french_fixture_pages_are_in_french() -> None:
    french = support.fixture_site() / "fr"
    page = _text(french / "a_chart.html")
    assert _lang(page) == "fr"
    for label in (
        '<a href="index.html">Tous les notebooks</a>',
        '<a href="glossary.html">Glossaire</a>',
        '<a href="instructor_guide.html">Guide de l’enseignant</a>',
        '<a href="a_chart.ipynb">Télécharger le notebook</a>',
        "<summary>Sommaire</summary>",
        f"Télécharger ce graphique{NNBSP}:",
        "<strong>Comment citer.</strong>",
        "| Le Mali et sa diaspora</title>",
    ):
        assert label in page, label
    for english in ("All notebooks", "Download", "Contents", "How to cite", "Show code"):
        assert english not in page, english
    glossary = _text(french / "glossary.html")
    assert "<h1>Glossaire</h1>" in glossary and "<th>Sigle</th>" in glossary
    assert '<a href="a_chart.html">la fixture A</a>' in _text(french / "instructor_guide.html")
    # The fixture's table, formatted by the kernel in French: 1 000 with a narrow space.
    cells = [re.sub(r"<[^>]+>", "", c).strip() for c in CELL.findall(page)]
    assert f"1{NNBSP}000" in cells, cells


# -- both editions of the collection -----------------------------------------------------


@pytest.mark.slow
def test_every_page_declares_its_language_and_links_its_twin() -> None:
    """hreflang links in both directions, to pages that exist, on every page of both sites."""
    for outputs in (support.fixture_site(), support.collection_site()):
        pages = support.edition_pages(outputs)
        assert any(p.parent == outputs / "fr" for p in pages)
        for path in pages:
            text = _text(path)
            language = "fr" if path.parent == outputs / "fr" else "en"
            other = "en" if language == "fr" else "fr"
            assert _lang(text) == language, path
            twin = outputs / path.name if language == "fr" else outputs / "fr" / path.name
            alternates = ALTERNATE.findall(text)
            switches = SWITCH.findall(text)
            assert len(switches) == 1 and switches[0][1] == other, path
            assert (path.parent / switches[0][0]).is_file(), path
            if twin.is_file():
                assert alternates == [(other, os.path.relpath(twin, path.parent))], path
                assert (path.parent / alternates[0][1]).resolve() == twin.resolve()
                assert switches[0][0] == alternates[0][1]
            else:
                assert alternates == [], path
            assert "<!-- alternate -->" not in text and "<!-- language -->" not in text
        for name in ("index.html", "glossary.html"):  # these twins always exist
            assert f'hreflang="fr" href="fr/{name}"' in _text(outputs / name)
            assert f'hreflang="en" href="../{name}"' in _text(outputs / "fr" / name)


def french_number_problems(cells: list[str]) -> list[str]:
    """Return cells of a French table written the English way: a decimal point (``11.5``,
    ``16.3 %``) or comma group separators (``1,234,567``, ``1,234.5``)."""
    english = re.compile(r"^-?\d[\d,]*\.\d+\s*%?$|^-?\d{1,3}(?:,\d{3}){2,}$")
    return [c for c in cells if english.match(c.replace("\u00a0", " "))]


def test_the_french_number_check_catches_english_formats() -> None:
    bad = ["11.5", "16.3 %", "1,234,567", "1,234.5"]
    assert french_number_problems(bad) == bad
    assert french_number_problems([f"1{NNBSP}234{NNBSP}567", "11,5", "16,3\u00a0%", "2012"]) == []


@pytest.mark.slow
def test_french_tables_use_french_number_format() -> None:
    """The numbers of French tables (their right-aligned cells: text cells may hold a
    document section such as 6.2, or a figure quoted as the source wrote it)."""
    french = support.collection_site() / "fr"
    report, decimals, groups = {}, 0, 0
    for path in sorted(french.glob("*.html")):
        cells = [
            html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
            for c in NUMBER_CELL.findall(_text(path))
        ]
        found = french_number_problems(cells)
        if found:
            report[path.name] = found[:5]
        decimals += sum(bool(re.fullmatch(r"-?\d[\d\u202f]*,\d+(\s*%)?", c)) for c in cells)
        groups += sum(bool(re.fullmatch(r"-?\d{1,3}(?:\u202f\d{3})+(,\d+)?", c)) for c in cells)
    assert report == {}
    assert decimals > 0, "no decimal comma in any French table"
    assert groups > 0, "no narrow-space group separator in any French table"


@pytest.mark.slow
def test_french_index() -> None:
    index = html.unescape(_text(support.collection_site() / "fr" / "index.html"))
    assert _lang(index) == "fr"
    read, practise, teach = (
        index.index(f"<h2>{label}</h2>") for label in ("Lire", "S’exercer", "Enseigner")
    )
    assert read < index.index('href="01_demographics.html"') < practise
    assert practise < index.index('href="exercises_1_counting.html"') < teach
    assert teach < index.index('<h3><a href="glossary.html">Glossaire</a></h3>')
    assert '<p class="pitch">Combien de Maliens vivent à l’étranger' in index
    assert "Constat principal\u202f:" in index  # each notebook's key finding (issue 25)
    assert "Grille d’évaluation" in index and "&#" not in index  # escaped once, not twice
    for english in ("Download the executed notebook", "Main chart of", "How many Malians"):
        assert english not in index, english
    alts = re.findall(r'<img class="thumb" src="thumbnails/[^"]+" alt="([^"]*)"', index)
    assert alts and all(alts), "every thumbnail has alt text"
    assert "notebooks/" not in index
    english = html.unescape(_text(support.collection_site() / "index.html"))
    summaries = set(re.findall(r"</h3><p>(.*?)</p>", english))
    assert summaries and not summaries & set(re.findall(r"</h3><p>(.*?)</p>", index))


def test_a_summary_copied_from_the_english_twin_is_not_used() -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Titre\n\nPremier paragraphe en français.")]
    nb.metadata["diaspora"] = {"summary": "An English summary."}
    assert site.notebook_summary(nb) == "An English summary."
    assert site.notebook_summary(nb, untranslated="An English summary.") == (
        "Premier paragraphe en français."
    )
    nb.metadata["diaspora"] = {"summary": "Un résumé en français."}
    assert site.notebook_summary(nb, untranslated="An English summary.") == "Un résumé en français."


def test_run_help_names_the_french_notebooks() -> None:
    import argparse

    from diaspora_helpers.__main__ import _parser

    commands = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    text = commands.choices["run"].format_help()
    assert "notebooks/fr/X.ipynb (French) is named fr/X" in text
    assert "-p fr/02_remittances:focus_year=2015" in text
    assert "fr/02_remittances:\n    focus_year: 2015" in text


def test_french_glossary_reads_the_french_tables(tmp_path: Path) -> None:
    """Headers in French; the text of ``data/fr/<table>.csv`` swapped in by key."""
    from diaspora_helpers.publish.site import glossary

    data = tmp_path / "data"
    (data / "fr").mkdir(parents=True)
    (data / "glossary.csv").write_text(
        "acronym,english,french,note\nUN,United Nations,Nations unies,A note\nX,Ex,Ix,\n"
    )
    (data / "fr" / "glossary.csv").write_text("acronym,note\nUN,Une remarque\nX,\n")
    (data / "definitions.csv").write_text(
        "id,name,definition,counts,unit,publisher,url\n"
        "stock,Migrant stock,People born abroad.,persons,persons,UN DESA,\n"
    )
    (data / "fr" / "definitions.csv").write_text(
        "id,name,definition,unit\nstock,Stock de migrants,Personnes nées à l'étranger.,personnes\n"
    )
    support.describe_tables(data)
    web = site.Site(tmp_path / "out", glossary=True, language="fr")
    web.root.mkdir()
    text = glossary.render_glossary(data / "glossary.csv", web).read_text(encoding="utf-8")
    assert '<html lang="fr">' in text and "<h1>Glossaire</h1>" in text
    assert "<th>Sigle</th><th>Français</th><th>Anglais</th><th>Note</th>" in text.replace("\n", "")
    assert "Une remarque" in text and "A note" not in text
    assert "Stock de migrants" in text and "Personnes nées à l&#x27;étranger." in text
    assert f"Unité{NNBSP}: personnes{NNBSP};" in text
    english = site.Site(tmp_path / "en", glossary=True)
    english.root.mkdir()
    text = glossary.render_glossary(data / "glossary.csv", english).read_text(encoding="utf-8")
    assert "A note" in text and "Counts: persons; published by" in text


def test_markdown_pages_linked_from_the_guide_become_pages(tmp_path: Path) -> None:
    """The French guide links ``[grille](course_rubric.md)``: the site carries that page."""
    notes = tmp_path / "notebooks"
    notes.mkdir()
    (notes / "instructor_guide.md").write_text(
        "# Guide\n\nVoir la [grille](course_rubric.md#notes) et [rien](absent.md).\n"
    )
    (notes / "course_rubric.md").write_text("# Grille\n\nRetour au [guide](instructor_guide.md).\n")
    web = site.Site(tmp_path / "out", guide=True, language="fr")
    web.root.mkdir()
    guide = site.render_markdown_page(notes / "instructor_guide.md", web, site.GUIDE_PAGE)
    text = guide.read_text(encoding="utf-8")
    assert 'href="course_rubric.html#notes"' in text and 'href="absent.md"' in text
    rubric = (web.root / "course_rubric.html").read_text(encoding="utf-8")
    assert 'href="instructor_guide.html"' in rubric and '<html lang="fr">' in rubric
    assert "<title>Grille | Le Mali et sa diaspora</title>" in rubric


def test_the_guide_names_documents_by_their_titles(tmp_path: Path) -> None:
    """Issue 25: the guide named the course documents by file name (``course_rubric.md``,
    ``[exercises_1](exercises_1.ipynb)``); a reader meets their titles, linked to their
    pages, in both editions."""
    notes = tmp_path / "notebooks"
    notes.mkdir()
    (notes / "instructor_guide.md").write_text(
        "# Guide\n\n- `course_rubric.md` : la grille ;\n- `course_weights.csv` : les poids.\n\n"
        "Séance 1 : [exercises_1](exercises_1.ipynb), puis [la grille](course_rubric.md).\n",
        encoding="utf-8",
    )
    (notes / "course_rubric.md").write_text(
        f"# Grille d’évaluation{NNBSP}: travaux écrits\n\nRetour.\n", encoding="utf-8"
    )
    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell(f"# Séance 1{NNBSP}: combien{NNBSP}?")]
    )
    nbformat.write(notebook, notes / "exercises_1.ipynb")
    web = site.Site(tmp_path / "out", guide=True, language="fr")
    web.root.mkdir()
    guide = site.render_markdown_page(notes / "instructor_guide.md", web, site.GUIDE_PAGE)
    text = guide.read_text(encoding="utf-8")
    assert '<a href="course_rubric.html">Grille d’évaluation</a> : la grille' in text
    assert f'href="exercises_1.html">Séance 1{NNBSP}: combien{NNBSP}?</a>' in text
    assert '<a href="course_rubric.html">la grille</a>' in text  # a link's own words stay
    assert "<code>course_weights.csv</code>" in text  # not a page: named as it is
    assert "course_rubric.md" not in text and ">exercises_1<" not in text
    assert (web.root / "course_rubric.html").is_file()
