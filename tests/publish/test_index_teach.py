"""Every course document the index lists under Teach says what it holds, in both editions
(r25 item 13)."""

from __future__ import annotations

from pathlib import Path

from diaspora_helpers import i18n
from diaspora_helpers.publish.site import index_page

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
