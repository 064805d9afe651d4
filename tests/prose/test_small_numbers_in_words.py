"""Generated sentences count zero to ten in words (rfr6: « 2 textes », « donnez 1
décimale »): read from the stored notebooks' Markdown outputs (the sentences the helpers
generate: prose, verdicts, hints) of both editions, and from the messages and French
translations of the prose and exercise catalogs (hints a notebook run may not show), not
from a list of sentences.

A bare digit 0–10 followed by a word counts things unless the word is a unit of a number
("4 millions"), a month (a date), or the digit is a reference ("section 6", "n° 1").
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
_MONTHS = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
    "january february march april may june july august september october november december"
).split()
_UNITS = ("million", "millions", "milliard", "milliards", "billion", "billions", "pp", "dollar")
#: Words after a digit that is a value, not a count: "0 dans le modèle", "a 1 in the matrix".
_AFTER_A_VALUE = ("dans", "in", "tant", "until")
#: A digit 0–10 standing alone (not part of a number, a decimal, a range or a code), then
#: a word.
_COUNT = re.compile(
    r"(?<![\w,.\-−–/°\u202f\u00a0])(?<!n° )(?<!n°\u202f)(?<!n°\u00a0)"
    r"(10|[0-9])(?![\w,.\-−–/%])[ \u00a0\u202f]+([^\W\d_][\w’']*)"
)
_REFERENCES = re.compile(r"(?:sections?|axe|axis|rang|rank|n°|no\.)\s*$", re.I)


def _markdown_outputs(path: Path) -> list[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [
        "".join(output["data"]["text/markdown"])
        for cell in cells
        for output in cell.get("outputs", [])
        if "text/markdown" in output.get("data", {})
    ]


#: A count above ten in figures ("15 links", "des 15 stratégies"): counts compared with it in
#: the same sentence are written in figures too (``text.spelled_alike``).
_LARGE_COUNT = re.compile(r"(?<![\w,.\-−–/])(?:1[1-9]|[2-9]\d|\d{3,})[ \u00a0\u202f]+[^\W\d_]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def _counting_digits(text: str) -> list[str]:
    found = []
    for sentence in _SENTENCE_END.split(text):
        if not _LARGE_COUNT.search(sentence):
            found += _counting_digits_in(sentence)
    return found


def _counting_digits_in(text: str) -> list[str]:
    found = []
    for match in _COUNT.finditer(text):
        word = match.group(2).casefold()
        if word in _UNITS or word in _MONTHS or word in _AFTER_A_VALUE:
            continue
        if _REFERENCES.search(text[: match.start()]):
            continue
        found.append(text[max(0, match.start() - 40) : match.end() + 10])
    return found


_GENERATED = sorted(
    p
    for folder in (NOTEBOOKS, NOTEBOOKS / "fr")
    for p in folder.glob("*.ipynb")
    if p.name[:2].isdigit() or p.name.startswith("master_")
)


def test_the_check_reads_generated_sentences():
    assert _GENERATED and any(_markdown_outputs(p) for p in _GENERATED)
    assert _counting_digits("le document compte 2 textes sur la nationalité")
    assert not _counting_digits("4 millions, le 3 septembre 2014, section 6 et n° 1 de la liste")
    # a series with a count above ten is written in figures throughout
    assert not _counting_digits("15 liens (4 directs) relient 13 des 15 stratégies.")
    assert _counting_digits("Quinze liens relient 2 stratégies. Il y a 15 contraintes.")


@pytest.mark.parametrize("path", _GENERATED, ids=lambda p: str(p.relative_to(NOTEBOOKS)))
def test_generated_sentences_count_small_numbers_in_words(path):
    found = [hit for text in _markdown_outputs(path) for hit in _counting_digits(text)]
    assert not found, found


LOCALE = Path(__file__).resolve().parents[2] / "diaspora_helpers" / "locale" / "fr" / "LC_MESSAGES"
#: The catalogs of generated prose, verdicts and hints.
PROSE_CATALOGS = ("core", "demography", "exercises", "history", "overview", "policy", "remittances")


@pytest.mark.parametrize("area", PROSE_CATALOGS)
def test_catalog_messages_count_small_numbers_in_words(area):
    with (LOCALE / f"{area}.po").open("rb") as handle:
        catalog = read_po(handle)
    found = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        found += [hit for text in (*ids, *strings) if text for hit in _counting_digits(text)]
    assert not found, found
