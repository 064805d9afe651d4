"""Every course document the index lists under Teach says what it holds, in both editions
(r25 item 13)."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from diaspora_helpers import i18n
from diaspora_helpers.publish.site import index_page
from diaspora_helpers.publish.site.pages import notebook_title

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def test_every_course_document_has_a_description() -> None:
    documents = {p.stem for p in NOTEBOOKS.glob("course_*.md")}
    assert documents, "no course documents found"
    assert documents <= set(index_page.COURSE_DESCRIPTIONS), documents - set(
        index_page.COURSE_DESCRIPTIONS
    )


def test_each_description_is_in_french_in_the_french_edition() -> None:
    french = i18n.translator("fr")
    for stem, english in index_page.COURSE_DESCRIPTIONS.items():
        said = french(english)
        assert said and said != english, stem


def test_exercise_cards_read_alike_in_both_editions() -> None:
    """The index card shows an exercise notebook's title ("Session 3 exercises: …",
    « Séance 3 : … ») above its summary: no summary repeats that lead-in, so the five cards
    of an edition read in one form (r28 item 2; French 3 and 5 once kept « Exercices de la
    séance n : » where 1, 2 and 4 lost it)."""
    lead = re.compile(r"(?i)^\W*(session|séance|exercises|exercices)\b")
    for folder in (NOTEBOOKS, NOTEBOOKS / "fr"):
        paths = sorted(folder.glob("exercises_*.ipynb")) + sorted(folder.glob("master_*.ipynb"))
        assert len(paths) == 10, folder
        for path in paths:
            nb = nbformat.read(path, as_version=4)
            summary = nb.metadata["diaspora"]["summary"]
            card = index_page.summary_without_title(summary, notebook_title(nb, path.stem))
            assert not lead.match(card), (path, card)
            assert card == summary, (path, card)
            assert card[0].isupper(), path
