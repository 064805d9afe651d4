"""Grading a session that a student cannot game from the notebook, and where one student's
problem stays that student's (issue 22, "Done when").

One release of session 2, one zip of submissions, one ``collect`` and one ``grade``:

- all right -> full marks; right after changing the parameters cell -> flagged, not full;
  every check rebound to say "Correct" with every answer wrong -> zero;
- five countries in one string for 2.4, in several orders -> nothing for 2.4 (this needs the
  single-answer reading: a list of names in one string earns nothing, in any order);
- a pasted graded cell -> graded normally; ids with accents (written decomposed, as a macOS
  zip does), in Arabic and in N'Ko -> kept, letter for letter;
- two notebooks in one folder, a notebook that does not parse, two names that become one
  id -> that student needs attention, the others are graded.

The expected marks come from the solutions of the master, run by the students' kernels, and
from which questions each case answers right; nothing is read back from the grader's code.
"""

from __future__ import annotations

import csv
import re
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import nbformat
import pytest

from diaspora_helpers.__main__ import main
from diaspora_helpers.publish.course import workflow as course

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
_SOLUTION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION\n", re.S)
QUESTIONS = [f"2.{n}" for n in range(1, 6)]
FIVE = ["Côte d'Ivoire", "Nigeria", "France", "Gabon", "Niger"]
REBIND = """\
from diaspora_helpers import exercises
from diaspora_helpers.exercises import grading

def always_right(*args, **kwargs):
    return grading.Verdict(grading.CORRECT, "Correct.")

for name in dir(exercises):
    if name.startswith("check_"):
        setattr(exercises, name, always_right)
for number in list(grading.EXERCISES):
    grading.EXERCISES[number] = always_right
"""
WRONG = {1: '"Japan"', 2: "1.5", 3: "2.5", 4: '"Japan"', 5: "3.5"}

pytestmark = pytest.mark.slow


def _grade_id(cell: nbformat.NotebookNode) -> str:
    return cell.metadata.get("nbgrader", {}).get("grade_id", "")


def _filled(released: Path, *, wrong: dict[int, str] | None = None, params: str = "") -> dict:
    """Return the released notebook with the master's solutions, or ``wrong`` answers."""
    notebook = nbformat.read(released, as_version=4)
    master = nbformat.read(course.masters(NOTEBOOKS)[2], as_version=4)
    solutions = {_grade_id(c): c.source for c in master.cells if _grade_id(c)}
    for cell in notebook.cells:
        grade_id = _grade_id(cell)
        if "parameters" in cell.metadata.get("tags", []) and params:
            cell.source = cell.source.replace("un_year: int = 2020", params)
        if not grade_id.startswith("answer_"):
            continue
        number = int(grade_id.rsplit("_", 1)[1])
        check = cell.source.partition("\n")[2]
        if wrong and number in wrong:
            cell.source = f"answer_{number} = {wrong[number]}\n{check}"
        else:
            cell.source = _SOLUTION.sub(lambda m: m.group(1), solutions[grade_id])
    return notebook


def _with_cell(notebook: Any, source: str, after: str) -> Any:
    at = next(i for i, c in enumerate(notebook.cells) if after in c.source) + 1
    notebook.cells.insert(at, nbformat.v4.new_code_cell(source))
    return notebook


def _pasted(notebook: Any) -> Any:
    copies = [c for c in notebook.cells if _grade_id(c) in {"answer_2_3", "test_2_3"}]
    for cell in copies:
        copy = nbformat.from_dict(dict(cell))
        copy.id = f"pasted-{cell.id}"
        notebook.cells.append(copy)
    return notebook


def _five(notebook: Any, order: list[str]) -> Any:
    for cell in notebook.cells:
        if _grade_id(cell) == "answer_2_4":
            check = cell.source.rsplit("\n", 1)[1]
            cell.source = f"answer_4 = {', '.join(order)!r}\n{check}"
    return notebook


NFD_CHLOE = unicodedata.normalize("NFD", "Chloé Martin")
ARABIC, NKO = "سيكو كيتا", "ߛߋߞߎ ߞߋߕߊ"


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("grading")
    course_dir = tmp / "course"
    assert main(["course", "release", "2", "--course-dir", str(course_dir), "--no-solutions"]) == 0
    released = course_dir / "release" / "session2" / "exercises_2_destinations.ipynb"
    right = nbformat.writes(_filled(released))
    cases = {
        "all_right": right,
        "changed_parameters": nbformat.writes(_filled(released, params="un_year: int = 2015")),
        "rebound_checks": nbformat.writes(
            _with_cell(_filled(released, wrong=WRONG), REBIND, "exercises.set_hints")
        ),
        "pasted_cell": nbformat.writes(_pasted(_filled(released))),
        NFD_CHLOE: right,
        ARABIC: right,
        NKO: right,
        "broken": '{"cells": [',  # cut short: not a notebook
    }
    for n, order in enumerate([FIVE, FIVE[::-1], FIVE[2:] + FIVE[:2]]):
        cases[f"five_{n}"] = nbformat.writes(_five(_filled(released), order))
    archive = tmp / "download.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for student, text in cases.items():
            zipped.writestr(f"{student}/exercises_2_destinations.ipynb", text)
        zipped.writestr("two_notebooks/first.ipynb", right)
        zipped.writestr("two_notebooks/second.ipynb", right)
        zipped.writestr("Ada/exercises_2_destinations.ipynb", right)
        zipped.writestr("ada.ipynb", right)
    args = ["--course-dir", str(course_dir)]
    assert main(["course", "collect", "2", str(archive), *args]) == 0
    assert main(["course", "grade", "2", *args]) == 0
    with (course_dir / "grades_session2.csv").open(encoding="utf-8") as handle:
        rows = {row["student"]: row for row in csv.DictReader(handle)}
    return course_dir, rows


def _points(row: dict) -> list[float]:
    return [float(row[q]) for q in QUESTIONS]


def test_all_right_is_full_marks(graded):
    _, rows = graded
    assert _points(rows["all_right"]) == [1.0] * 5
    assert rows["all_right"]["status"] == "graded" and rows["all_right"]["notes"] == ""


def test_changed_parameters_are_flagged_and_marked_with_the_released_values(graded):
    _, rows = graded
    row = rows["changed_parameters"]
    assert row["status"] == "graded, needs attention"
    assert "un_year = 2015 instead of 2020" in row["notes"]
    assert float(row["total"]) < 5  # 2015's shares are not 2020's


def test_rebinding_every_check_does_not_help(graded):
    _, rows = graded
    assert _points(rows["rebound_checks"]) == [0.0] * 5


def test_five_countries_in_one_string_earn_nothing_for_2_4(graded):
    _, rows = graded
    for n in range(3):
        assert float(rows[f"five_{n}"]["2.4"]) == 0.0, n


def test_the_other_answers_of_the_five_country_cases_are_marked(graded):
    _, rows = graded
    for n in range(3):
        assert [float(rows[f"five_{n}"][q]) for q in ("2.1", "2.2", "2.3", "2.5")] == [1.0] * 4


def test_a_pasted_graded_cell_is_graded_normally(graded):
    _, rows = graded
    row = rows["pasted_cell"]
    assert _points(row) == [1.0] * 5 and row["status"] == "graded"
    assert "a copy of 2.3 was run as an ordinary cell" in row["notes"]


def test_every_name_is_kept_letter_for_letter(graded):
    course_dir, rows = graded
    for name in (unicodedata.normalize("NFC", NFD_CHLOE), ARABIC, NKO):
        assert _points(rows[name]) == [1.0] * 5, name
        page = course_dir / "feedback" / name / "session2" / "exercises_2_destinations.html"
        assert page.exists(), name
    assert NFD_CHLOE not in rows  # one student, not two


def test_one_students_problem_stays_that_students(graded):
    _, rows = graded
    for student, reason in {
        "broken": "cannot be read",
        "two_notebooks": "two or more notebooks",
    }.items():
        assert rows[student]["status"] == "needs attention", student
        assert reason in rows[student]["notes"] and rows[student]["total"] == ""
    colliding = [s for s in rows if s.casefold() == "ada"]
    assert sorted(colliding) == ["Ada", "ada"]
    for student in colliding:
        assert "give the same student id" in rows[student]["notes"]


def test_feedback_is_labelled_by_question_in_the_sessions_language(graded):
    course_dir, _ = graded
    page = (
        course_dir / "feedback" / "rebound_checks" / "session2" / "exercises_2_destinations.html"
    ).read_text(encoding="utf-8")
    assert '<html lang="en">' in page and 'name="viewport"' in page
    assert [f"Question {q}" in page for q in QUESTIONS] == [True] * 5
    assert "Test cell" not in page and "Not quite." in page
