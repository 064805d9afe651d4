"""Collecting submissions: every name kept, one student's problem set aside, resubmissions
kept; and the lecturer's builds (the guide with answers, worksheets, the student workspace)
that never put an answer on a public page. Only the worksheet test runs kernels (two).
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest

from diaspora_helpers.__main__ import main
from diaspora_helpers.publish.course import instructor, lab, submissions, worksheets
from diaspora_helpers.publish.course import workflow as course
from diaspora_helpers.publish.site import pages

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
NOTEBOOK = json.dumps({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def _folder(tmp_path: Path, names: dict[str, str]) -> Path:
    folder = tmp_path / "download"
    for relative, text in names.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text, encoding="utf-8")
    return folder


def test_ids_keep_every_letter_in_nfc():
    decomposed = unicodedata.normalize("NFD", "Chloé Martin")
    assert submissions.student_id(decomposed) == unicodedata.normalize("NFC", "Chloé Martin")
    assert submissions.student_id("سيكو كيتا") == "سيكو كيتا"
    assert submissions.student_id("ߛߋߞߎ") == "ߛߋߞߎ"
    assert submissions.student_id('a/b:c*"d') == "a_b_c__d"


def test_a_student_with_two_notebooks_or_a_colliding_name_is_set_aside(tmp_path):
    folder = _folder(
        tmp_path,
        {
            "awa/one.ipynb": NOTEBOOK,
            "awa/two.ipynb": NOTEBOOK,
            "Binta/work.ipynb": NOTEBOOK,
            "binta.ipynb": NOTEBOOK,
            "Chloé/work.ipynb": NOTEBOOK,
        },
    )
    found = submissions.find(folder)
    assert list(found.notebooks) == ["Chloé"]
    assert "two or more notebooks" in found.attention["awa"]
    assert "give the same student id" in found.attention["Binta"]
    assert "give the same student id" in found.attention["binta"]


def test_a_roster_maps_platform_names_and_names_the_unknown(tmp_path):
    folder = _folder(
        tmp_path,
        {"Chloé Martin_123_assignsubmission/x.ipynb": NOTEBOOK, "stranger.ipynb": NOTEBOOK},
    )
    roster = tmp_path / "roster.csv"
    roster.write_text("name,student\nChloé Martin_123_assignsubmission,cmartin\n", "utf-8")
    found = submissions.find(folder, submissions.read_roster(roster))
    assert list(found.notebooks) == ["cmartin"]
    assert "not in the roster" in found.attention["stranger"]


def test_collect_keeps_the_earlier_copy_of_a_resubmission(tmp_path):
    course_dir = tmp_path / "course"
    first = _folder(tmp_path / "1", {"awa.ipynb": NOTEBOOK, "x/a.ipynb": NOTEBOOK, "x/b.ipynb": ""})
    args = ["--course-dir", str(course_dir)]
    assert main(["course", "collect", "2", str(first), *args]) == 0
    with (course_dir / "attention_session2.csv").open(encoding="utf-8") as handle:
        assert [row["student"] for row in csv.DictReader(handle)] == ["x"]
    second = _folder(tmp_path / "2", {"awa.ipynb": NOTEBOOK.replace("[]", '[{"x": 1}]', 1)})
    archive = tmp_path / "second.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(second / "awa.ipynb", "awa.ipynb")
    assert main(["course", "collect", "2", str(archive), *args]) == 0
    current = course_dir / "submitted" / "awa" / "session2" / "exercises_2_destinations.ipynb"
    kept = course_dir / "resubmitted" / "awa" / "session2" / "exercises_2_destinations.1.ipynb"
    assert current.read_text(encoding="utf-8") != NOTEBOOK
    assert kept.read_text(encoding="utf-8") == NOTEBOOK


def test_the_public_guide_has_no_answers_and_the_instructor_build_has_them(tmp_path):
    for folder, marker in ((NOTEBOOKS, "good answer"), (NOTEBOOKS / "fr", "bonne réponse")):
        text = (folder / "instructor_guide.md").read_text(encoding="utf-8")
        public = pages.public_text(text)
        assert "instructor-only" not in public
        hidden = text.count("<!-- instructor-only -->")
        assert hidden == text.count("<!-- end instructor-only -->") >= 15
        # every discussion question keeps its question and loses its answer
        items = re.findall(r"(?ms)^\d\. \*([^*].*?)[.?]\*(.*?)(?=^\d\. |\n\n|\Z)", public)
        assert len(items) >= 15
        assert [answer.strip() for _, answer in items] == [""] * len(items)
        assert marker in text
    written = instructor.build(tmp_path)
    english = written[0].read_text(encoding="utf-8")
    assert 'content="noindex, nofollow"' in english and "Consular planning" in english
    assert "Consular planning" not in pages.public_text(
        (NOTEBOOKS / "instructor_guide.md").read_text(encoding="utf-8")
    )


@pytest.mark.slow  # runs the two masters in kernels
def test_worksheets_have_answer_boxes_and_the_answer_sheet_has_the_answers(tmp_path):
    found = {e: {2: course.masters(course.edition_dir(e))[2]} for e in ("en", "fr")}
    written = worksheets.build(tmp_path, found, pdf=False)  # runs the two masters
    assert len(written) == 2 * 2
    sheet = (tmp_path / "worksheets" / "en" / "session2_worksheet.html").read_text("utf-8")
    answers = (tmp_path / "worksheets" / "en" / "session2_answers.html").read_text("utf-8")
    assert sheet.count('class="box"') == 5 and sheet.count("<table") >= 4  # solutions' tables
    assert "un_year = 2020" in sheet
    assert "BEGIN SOLUTION" not in sheet and 'class="answer"' not in sheet
    assert "Answer 2.1</strong>: <code>Côte d&#x27;Ivoire</code>" in answers
    french = (tmp_path / "worksheets" / "fr" / "session2_worksheet.html").read_text("utf-8")
    assert '<html lang="fr">' in french and "Réponse 2.1" in french


def test_the_workspace_copies_what_is_missing_and_keeps_a_students_copy(tmp_path):
    target, copied, kept = lab.prepare(tmp_path / "ws")
    assert (target / "exercises_1_counting.ipynb").exists() and not kept
    assert (target / "fr" / "exercises_1_counting.ipynb").exists()
    assert not list(target.glob("master_*")) and not (target / "instructor_guide.md").exists()
    mine = target / "exercises_1_counting.ipynb"
    mine.write_text("my answers", encoding="utf-8")
    _, copied_again, kept = lab.prepare(tmp_path / "ws")
    assert not copied_again and mine in kept and mine.read_text("utf-8") == "my answers"
    assert len(kept) == len(copied)


def test_the_site_renders_the_guide_without_its_instructor_only_parts(tmp_path):
    source = tmp_path / "notebooks" / "instructor_guide.md"
    source.parent.mkdir()
    source.write_text(
        "# Guide\n\n1. *A question?* <!-- instructor-only -->The model answer.<!-- end "
        "instructor-only -->\n",
        encoding="utf-8",
    )
    web = pages.Site(tmp_path / "site", glossary=False, guide=True, language="en")
    (tmp_path / "site").mkdir()
    page = pages.render_markdown_page(source, web, pages.GUIDE_PAGE).read_text("utf-8")
    assert "A question?" in page and "model answer" not in page


def test_a_zip_of_a_compressed_folder_is_read_as_the_class_inside_it(tmp_path):
    """macOS 'Compress' zips the folder itself: its students are inside it (lecturer trial,
    issue 22), while a zip of one student's folder stays that one student."""
    course_dir = tmp_path / "course"
    archive = tmp_path / "class.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("submissions/awa/a.ipynb", NOTEBOOK)
        zipped.writestr("submissions/bintou.ipynb", NOTEBOOK)
        zipped.writestr("__MACOSX/submissions/._awa", "")
    assert main(["course", "collect", "2", str(archive), "--course-dir", str(course_dir)]) == 0
    assert sorted(p.name for p in (course_dir / "submitted").iterdir()) == ["awa", "bintou"]
    one = tmp_path / "one.zip"
    with zipfile.ZipFile(one, "w") as zipped:
        zipped.writestr("chloé/exercises.ipynb", NOTEBOOK)
    assert main(["course", "collect", "2", str(one), "--course-dir", str(course_dir)]) == 0
    assert (course_dir / "submitted" / "chloé").is_dir()


def test_a_name_set_aside_can_be_forgotten_and_its_work_stays(tmp_path):
    """Lecturer trial (issue 22): an entry of the attention list stayed for good (a name a
    roster later mapped came back as a 0% student); `course forget` takes it off."""
    course_dir = tmp_path / "course"
    first = _folder(tmp_path / "1", {"awa.ipynb": NOTEBOOK, "x/a.ipynb": NOTEBOOK, "x/b.ipynb": ""})
    args = ["--course-dir", str(course_dir)]
    assert main(["course", "collect", "2", str(first), *args]) == 0
    assert main(["course", "forget", "2", "nobody", *args]) == 2
    assert main(["course", "forget", "2", "x", *args]) == 0
    assert not (course_dir / "attention_session2.csv").exists()
    assert (first / "x" / "a.ipynb").is_file()


def test_moodles_folder_suffix_is_not_part_of_the_id(tmp_path):
    """Lecturer trial (issue 22): Moodle names each folder 'Name_123456_assignsubmission_file_'."""
    found = submissions.find(
        _folder(tmp_path, {"Awa Traoré_123456_assignsubmission_file_/ex.ipynb": NOTEBOOK})
    )
    assert list(found.notebooks) == ["Awa Traoré"]


def test_a_worksheet_names_a_notebook_without_linking_a_file_that_is_not_beside_it():
    """r25e: session 2's worksheet linked ``01_demographics.ipynb``, which is not next to
    the worksheet (nor on paper): the title stays, as words."""
    for edition in ("en", "fr"):
        master = course.masters(course.edition_dir(edition))[2]
        assert ".ipynb)" in master.read_text(encoding="utf-8"), "the master links a notebook"
        sheet, answers = worksheets.sheets(master, edition)
        assert ".ipynb" not in sheet and ".ipynb" not in answers, edition
