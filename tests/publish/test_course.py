"""The lecturer's course command: masters, student versions, release, collection and grading.

The end-to-end test releases session 4 (six questions) with nbgrader, collects four
synthetic submissions from a zip (all correct, half correct, blank, one cell raising) and
checks the grade table to the point, and that the feedback carries the kit's hints.
"""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import course_support
import pytest

from diaspora_helpers import exercises
from diaspora_helpers.__main__ import main
from diaspora_helpers.publish.course import workflow as course
from diaspora_helpers.publish.execution import selection as requests

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
_SOLUTION = course_support.SOLUTION
_code, _grade_id = course_support.code_cells, course_support.grade_id


# -- the masters and what they generate ------------------------------------------------------


def test_one_master_per_session_and_no_hand_kept_solutions():
    sessions = sorted({int(number.split(".")[0]) for number in exercises.EXERCISES})
    assert sorted(course.masters(NOTEBOOKS)) == sessions
    assert not (NOTEBOOKS / "solutions.ipynb").exists()


def test_each_master_has_a_solution_and_a_hidden_test_per_question():
    for session, master in course.masters(NOTEBOOKS).items():
        cells = _code(master)
        answers = [c for c in cells if _grade_id(c).startswith("answer_")]
        tests = [c for c in cells if _grade_id(c).startswith("test_")]
        questions = [n for n in exercises.EXERCISES if n.startswith(f"{session}.")]
        assert len(answers) == len(tests) == len(questions), master.name
        for cell in answers:
            assert cell.metadata.nbgrader["solution"] and _SOLUTION.search(cell.source)
        for cell in tests:
            assert cell.metadata.nbgrader["points"] == 1
            assert "### BEGIN HIDDEN TESTS" in cell.source


def test_exercises_and_masters_take_the_same_parameters():
    """The cells that read and validate the parameters are the same in both (un_year=1990)."""
    for master in course.masters(NOTEBOOKS).values():
        student = NOTEBOOKS / course.student_name(master)
        assert [c.source for c in _code(master)[:2]] == [c.source for c in _code(student)[:2]]


def test_the_public_run_leaves_the_masters_out():
    found = [p.name for p in requests.discover(NOTEBOOKS)]
    assert found and not any(name.startswith("master_") for name in found)
    assert any(name.startswith("exercises_") for name in found)


def test_parameters_of_a_release_replace_the_defaults():
    source = "un_year: int = 2020  # UN year\nshow_hints: bool = True"
    changed = course.set_parameters(source, {"un_year": 2000, "show_hints": False})
    assert changed == "un_year: int = 2000  # UN year\nshow_hints: bool = False"
    with pytest.raises(course.CourseError, match="no parameter 'un_yaer'"):
        course.set_parameters(source, {"un_yaer": 2000})


# -- release, collect, grade -----------------------------------------------------------------


_submission = course_support.submission


@pytest.mark.slow
def test_release_collect_and_grade_four_submissions(tmp_path):
    course_dir = tmp_path / "course"
    assert main(["course", "release", "4", "--course-dir", str(course_dir), "--no-solutions"]) == 0
    released = course_dir / "release" / "session4" / "exercises_4_policy.ipynb"
    master = course.masters(NOTEBOOKS)[4]
    everything = set(range(1, 7))
    cases = {
        "ada": (everything, set()),  # all correct
        "ben": ({1, 3, 5}, set()),  # half correct
        "cleo": (set(), set()),  # blank: the release as handed out
        "dan": (everything - {2}, {2}),  # one cell raises
    }
    archive = tmp_path / "lms_download.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for student, (correct, raises) in cases.items():
            text = (
                released.read_text()
                if student == "cleo"
                else _submission(released, master, correct, raises)
            )
            zipped.writestr(f"{student}/exercises_4_policy.ipynb", text)
    assert main(["course", "collect", "4", str(archive), "--course-dir", str(course_dir)]) == 0
    assert main(["course", "grade", "4", "--course-dir", str(course_dir)]) == 0

    with (course_dir / "grades_session4.csv").open(encoding="utf-8") as handle:
        rows = {row["student"]: row for row in csv.DictReader(handle)}
    questions = [f"4.{n}" for n in range(1, 7)]
    columns = ["student", *questions, "total", "max", "status", "notes"]
    assert list(next(iter(rows.values()))) == columns
    expected = {"ada": everything, "ben": {1, 3, 5}, "cleo": set(), "dan": everything - {2}}
    for student, right in expected.items():
        points = [float(rows[student][q]) for q in questions]
        assert points == [1.0 if n in right else 0.0 for n in range(1, 7)], student
        assert float(rows[student]["total"]) == len(right)
        assert float(rows[student]["max"]) == 6.0

    feedback = course_dir / "feedback" / "ben" / "session4" / "exercises_4_policy.html"
    page = feedback.read_text(encoding="utf-8")
    assert "Not quite." in page and "Question 4.2" in page  # the kit's own verdicts
    dan = (course_dir / "feedback" / "dan" / "session4" / "exercises_4_policy.html").read_text()
    assert "ZeroDivisionError" in dan  # the answer cell raised: no answer was recorded


@pytest.mark.slow
def test_the_french_edition_is_released_and_graded_in_french(tmp_path):
    """``--edition fr`` releases the French master as ``session4_fr`` and grades it; the
    feedback carries the French checks' verdicts and hints."""
    course_dir = tmp_path / "course"
    args = ["--course-dir", str(course_dir), "--edition", "fr"]
    assert main(["course", "release", "4", "--no-solutions", *args]) == 0
    released = course_dir / "release" / "session4_fr" / "exercises_4_policy.ipynb"
    master = course.masters(NOTEBOOKS / "fr")[4]
    assert any('setup(language="fr")' in c.source for c in _code(released))
    folder = tmp_path / "submissions"
    for student, correct in {"awa": set(range(1, 7)), "binta": {1, 3}}.items():
        (folder / student).mkdir(parents=True)
        text = _submission(released, master, correct, set())
        (folder / student / "exercises_4_policy.ipynb").write_text(text, encoding="utf-8")
    assert main(["course", "collect", "4", str(folder), *args]) == 0
    assert main(["course", "grade", "4", *args]) == 0

    with (course_dir / "grades_session4_fr.csv").open(encoding="utf-8") as handle:
        rows = {row["student"]: row for row in csv.DictReader(handle)}
    assert float(rows["awa"]["total"]) == 6.0 and float(rows["binta"]["total"]) == 2.0
    page = course_dir / "feedback" / "binta" / "session4_fr" / "exercises_4_policy.html"
    text = page.read_text(encoding="utf-8")
    assert "Pas tout à fait." in text and '<html lang="fr">' in text
    assert "Question 4.2" in text and "Not quite." not in text and "Test cell" not in text
    assert not (course_dir / "grades_session4.csv").exists()


def test_an_unknown_edition_is_refused():
    with pytest.raises(course.CourseError, match="no edition 'de'"):
        course.edition_dir("de")
    assert course.assignment_name(2, "fr") == "session2_fr"
    assert course.assignment_name(2) == "session2"
