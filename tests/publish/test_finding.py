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
