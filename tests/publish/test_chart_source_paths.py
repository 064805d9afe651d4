"""A chart's source line names what it read in a reader's words, never a file path
(rfr8 item 6: « liens tirés de data/strategy_constraint_links.csv »): no chart text in the
catalogs, English or French, holds a path or a file name."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parents[2] / "diaspora_helpers" / "locale"
#: A path or a file name: ``data/x.csv``, ``x.csv`` (not a pair of names: "Banque mondiale/KNOMAD").
PATH = re.compile(
    r"\b(?:data|notebooks|outputs|figures|course)/\S+|\b[\w-]+\.(?:csv|json|py|ipynb|md)\b"
)


def _chart_messages() -> list[tuple[str, str]]:
    found = []
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            if message.id and any("charts/" in where for where, _line in message.locations):
                found.append((str(message.id), str(message.string or "")))
    return found


def test_no_chart_text_names_a_file() -> None:
    messages = _chart_messages()
    assert len(messages) > 20  # the charts' titles, subtitles and source lines are read
    named = [(i, s) for i, s in messages if PATH.search(i) or PATH.search(s)]
    assert not named, named


def test_the_pattern_sees_a_path() -> None:
    assert PATH.search("links from data/strategy_constraint_links.csv (the collection's)")
    assert PATH.search("tirés de strategy_constraint_links.csv")
    assert not PATH.search("Banque mondiale/KNOMAD, 2017")  # no path: a pair of names
    assert not PATH.search("stratégie–contrainte, sections 6.1, 6.2 et 7")
