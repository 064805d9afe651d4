"""Every course document the index lists under Teach says what it holds, in both editions
(r25 item 13)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat

from diaspora_helpers import i18n
from diaspora_helpers.publish.site import document_names, index_page
from diaspora_helpers.publish.site.pages import Site, notebook_title

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


#: The order a lecturer uses the course documents in (rfr5 item 5): the guide, then plan
#: the course, choose the readings, how work is marked, the rules, the first session, the
#: students' handout. Written here from the review, not read from the code.
LECTURER_ORDER = [
    "instructor_guide",
    "course_syllabus",
    "course_readings",
    "course_rubric",
    "course_policies",
    "course_onboarding",
    "course_pandas_cheat_sheet",
]


def test_teach_lists_the_documents_in_the_order_a_lecturer_uses_them(tmp_path: Path) -> None:
    """Both editions' index list the guide and the course documents in
    :data:`LECTURER_ORDER`, whatever order their files sort in, each under its own title."""
    for language, folder in (("en", NOTEBOOKS), ("fr", NOTEBOOKS / "fr")):
        root = tmp_path / language
        root.mkdir()
        stems = sorted(p.stem for p in folder.glob("course_*.md"))
        assert set(stems) == set(LECTURER_ORDER[1:]), (language, stems)
        for stem in stems:
            title = document_names.title(folder, stem)
            (root / f"{stem}.html").write_text(
                f"<html><head><title>{title} | site</title></head></html>", encoding="utf-8"
            )
        site = Site(root, guide=True, glossary=True, language=language)
        page = index_page.render_index(site, [], finish=False).read_text(encoding="utf-8")
        listed = [
            (href.removesuffix(".html"), name)
            for href, name in re.findall(r'<h3><a href="([\w]+\.html)">(.*?)</a></h3>', page)
        ]
        teach = [stem for stem, _name in listed if stem in LECTURER_ORDER]
        assert teach == LECTURER_ORDER, (language, teach)
        names = dict(listed)
        for stem in stems:
            assert names[stem] == html.escape(document_names.title(folder, stem) or ""), stem
