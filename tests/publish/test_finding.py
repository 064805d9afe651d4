"""The key finding under a page's question, and on the index, reads as a sentence: a chart
title (no full stop, as titles go) after "Key finding:" gets its closing full stop, once
(r25 item 13)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat

from diaspora_helpers.publish.site import story
from diaspora_helpers.publish.site.figures import figure_names


def _said(box: str) -> str:
    return re.sub(r"<[^>]+>", "", box).split(":", 1)[1].strip()


def test_the_finding_box_ends_its_sentence() -> None:
    title = "Diaspora policy came in five waves; the busiest, 2000–2006, brought 16 events"
    assert _said(story.finding_box(title)) == title + "."
    assert _said(story.finding_box("Is it one count or two?")) == "Is it one count or two?"
    assert _said(story.finding_box("Already a sentence.")) == "Already a sentence."
    assert story.finding_box("") == ""


def test_the_index_line_ends_its_sentence() -> None:
    assert story.sentence("Remittances to Mali: USD 827 million in 2012") == (
        "Remittances to Mali: USD 827 million in 2012."
    )
    assert (
        story.sentence("Deux chiffres pour l’Europe\u202f!") == "Deux chiffres pour l’Europe\u202f!"
    )
    assert story.sentence("« cité »") == "« cité »."


def _topic_notebooks() -> list[tuple[Path, Path]]:
    root = Path(__file__).resolve().parents[2] / "notebooks"
    return [(p, root / "fr" / p.name) for p in sorted(root.glob("0[0-9]_*.ipynb"))]


def test_both_editions_choose_the_same_main_chart_and_it_is_shown() -> None:
    pairs = _topic_notebooks()
    assert pairs
    for en, fr in pairs:
        books = [nbformat.read(en, as_version=4), nbformat.read(fr, as_version=4)]
        chosen = [nb.metadata.get("diaspora", {}).get("main_figure") for nb in books]
        assert chosen[0] == chosen[1], en.name
        if chosen[0] is not None:
            assert chosen[0] in figure_names(books[0]), en.name
            assert chosen[0] in figure_names(books[1]), fr.name


def test_the_diaspora_notebook_leads_with_malians_abroad_not_mali_population(
    tmp_path: Path,
) -> None:
    """01 is about Malians abroad: its first chart (Mali's population) must not be its key
    finding on the page and the index card; the chart comparing the three counts of
    Malians abroad is (r28 item 1), in both editions."""
    titles = {
        "population_census_and_estimate": "Mali's population: 9.2 million in 1990",
        "malians_abroad_three_sources": "Three counts of Malians abroad",
    }
    folder = tmp_path / "figures" / "01_demographics"
    folder.mkdir(parents=True)
    for name, title in titles.items():
        (folder / f"{name}.csv-metadata.json").write_text(
            json.dumps({"dc:title": title}), encoding="utf-8"
        )
    for en, fr in _topic_notebooks():
        if en.stem != "01_demographics":
            continue
        for path in (en, fr):
            nb = nbformat.read(path, as_version=4)
            found = story.key_finding(nb, "01_demographics", tmp_path, figure_names(nb))
            assert found == "Three counts of Malians abroad", path


def test_french_writes_lower_case_after_the_label_s_colon_and_english_keeps_its_capital() -> None:
    """« Constat principal : selon le document… »: French typography writes lower case after
    a colon, proper nouns and acronyms excepted; English capitalises the full sentence that
    follows "Key finding:" (rfr8 item 4)."""
    english = "According to the document, 87.5% of Malians abroad live elsewhere in Africa"
    assert story.after_label(english, "en") == english + "."
    assert _said(story.finding_box(english, language="en")).startswith("According")
    cases = {
        "Selon le document, 87,5 % en Afrique": "selon le document, 87,5 % en Afrique.",
        "Le chiffre administratif vaut 3,1 fois": "le chiffre administratif vaut 3,1 fois.",
        "Transferts de fonds vers le Mali : 827": "transferts de fonds vers le Mali : 827.",
        "L’Afrique accueille le plus de Maliens": "l’Afrique accueille le plus de Maliens.",
        # an article that opens a country's name elsewhere (« La Réunion ») is still one (rfr10)
        "La politique envers la diaspora": "la politique envers la diaspora.",
        "La Réunion compte peu de Maliens": "La Réunion compte peu de Maliens.",
        # proper nouns and acronyms keep their capital
        "Mali : 827 millions de dollars": "Mali : 827 millions de dollars.",
        "France et Espagne comptent le plus": "France et Espagne comptent le plus.",
        "ONU et document divergent": "ONU et document divergent.",
        "TOKTEN a formé 300 experts": "TOKTEN a formé 300 experts.",
        "Maliens de France et Maliens d’Afrique": "Maliens de France et Maliens d’Afrique.",
        "« Cité » ou non ?": "« Cité » ou non ?",
        # a word that opens the next sentence too is no proper noun (a definition's note)
        "Les circuits informels manquent. Les transferts sont bruts.": (
            "les circuits informels manquent. Les transferts sont bruts."
        ),
    }
    for finding, said in cases.items():
        assert story.after_label(finding, "fr") == said, finding
    box = story.finding_box("Selon le document, 4 millions", lambda m: "Constat principal :", "fr")
    assert "Constat principal :</span> selon le document, 4 millions." in box


def test_the_index_card_and_the_page_of_the_french_edition_say_the_finding_in_lower_case() -> None:
    """Where the label and the finding are joined: the page's box and the index card both
    go through :func:`story.after_label` with the site's language."""
    root = Path(__file__).resolve().parents[2] / "diaspora_helpers" / "publish" / "site"
    assert "story.after_label(found, site.language)" in (root / "index_page.py").read_text(
        encoding="utf-8"
    )
    assert "_, site.language)" in (root / "pages.py").read_text(encoding="utf-8")
