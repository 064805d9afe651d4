"""The gradebook: exercise grades, the lecturer's marks and the syllabus's weights combined
into the final grade table and the learning platforms' import files; and the syllabus shows
the weights the gradebook applies."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from diaspora_helpers.__main__ import main
from diaspora_helpers.publish.course import gradebook, texts

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def _write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _read(path: Path, delimiter: str = ",") -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=delimiter))
    key = next(iter(rows[0]))
    return {row[key]: row for row in rows}


def _grade_tables(course_dir: Path, suffix: str = "") -> None:
    # Awa: 5/5 in session 1, 3/6 in session 3; Binta: 2/5 in session 1, not in session 3.
    _write(
        course_dir / f"grades_session1{suffix}.csv",
        [
            {"student": "Awa", "total": "5", "max": "5", "status": "graded"},
            {"student": "Binta", "total": "2", "max": "5", "status": "graded"},
        ],
    )
    _write(
        course_dir / f"grades_session3{suffix}.csv",
        [{"student": "Awa", "total": "3", "max": "6", "status": "graded"}],
    )


def test_the_weights_add_up_and_the_syllabi_show_them():
    components = gradebook.read_weights()
    assert sum(c.weight_pct for c in components) == 100
    for language, path in texts.syllabi().items():
        text = path.read_text(encoding="utf-8")
        assert texts.with_weights(text, language) == text, path  # generated, not drifted
        for c in components:
            assert (c.label_en if language == "en" else c.label_fr) in text


def test_final_grades_apply_the_weights(tmp_path):
    _grade_tables(tmp_path)
    # First run: no marks file yet, so one is written with every student and empty cells.
    assert main(["course", "gradebook", "--course-dir", str(tmp_path)]) == 0
    marks = _read(tmp_path / "marks.csv")
    assert sorted(marks) == ["Awa", "Binta"] and marks["Awa"]["writing_4"] == ""
    _write(
        tmp_path / "marks.csv",
        [
            {"student": "Awa", "writing_4": "12", "writing_5": "6", "participation": "9"},
            {"student": "Binta", "writing_4": "3", "writing_5": "", "participation": "12"},
        ],
    )
    assert main(["course", "gradebook", "--course-dir", str(tmp_path)]) == 0
    final = _read(tmp_path / "final_grades.csv")
    # Awa: 10%*100 + 10%*50 (sessions 1, 3) + 15%*100 + 15%*50 + 20%*75 = 52.5
    assert float(final["Awa"]["final_pct"]) == pytest.approx(10 + 5 + 15 + 7.5 + 15)
    # Binta: 10%*40 + 15%*25 + 20%*100 = 27.75, shown to one decimal
    assert final["Binta"]["final_pct"] == "27.8"
    assert "writing_5: not marked yet" in final["Binta"]["notes"]
    assert "exercises_2: session not graded yet" in final["Binta"]["notes"]
    moodle = _read(tmp_path / "moodle_import.csv")
    assert list(moodle["Awa"]) == ["Identifier", gradebook.GRADE_ITEM]
    canvas = _read(tmp_path / "canvas_import.csv")
    assert list(canvas["Awa"])[:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
    assert canvas["Binta"][gradebook.GRADE_ITEM] == "27.8"


def test_the_french_gradebook_also_writes_the_excel_form(tmp_path):
    _grade_tables(tmp_path, "_fr")
    _write(
        tmp_path / "marks.csv",
        [{"student": "Awa", "writing_4": "6", "writing_5": "6", "participation": "6"}],
    )
    assert main(["course", "gradebook", "--edition", "fr", "--course-dir", str(tmp_path)]) == 0
    excel = _read(tmp_path / "final_grades_fr_excel.csv", delimiter=";")
    # Awa: 10 + 5 + 7.5 + 7.5 + 10 = 40.0, with a decimal comma
    assert excel["Awa"]["final_pct"] == "40,0"
    assert not (tmp_path / "final_grades.csv").exists()
    # The grade item a French course imports into Moodle or Canvas is named in French.
    moodle = _read(tmp_path / "moodle_import_fr.csv")
    assert list(moodle["Awa"]) == [
        "Identifier",
        "Cours sur la diaspora malienne\u202f: note finale (%)",
    ]
    canvas = _read(tmp_path / "canvas_import_fr.csv")
    assert "Cours sur la diaspora malienne\u202f: note finale (%)" in canvas["Awa"]


def test_a_wrong_mark_is_named_before_anything_is_written(tmp_path, capsys):
    _grade_tables(tmp_path)
    _write(
        tmp_path / "marks.csv",
        [{"student": "Awa", "writing_4": "13", "writing_5": "", "participation": ""}],
    )
    assert main(["course", "gradebook", "--course-dir", str(tmp_path)]) == 2
    assert "line 2, column writing_4: '13' is not a mark from 0 to 12" in capsys.readouterr().err
    assert not (tmp_path / "final_grades.csv").exists()


def test_a_student_graded_later_gets_a_row_and_the_lecturers_marks_stay(tmp_path):
    """Lecturer trial (issue 22): marks.csv was written on the first run only, so a student
    first graded later had no row for the writing and participation marks."""
    _grade_tables(tmp_path)
    assert main(["course", "gradebook", "--course-dir", str(tmp_path)]) == 0
    _write(
        tmp_path / "marks.csv",
        [
            {"student": "Awa", "writing_4": "12", "writing_5": "6", "participation": "9"},
            {"student": "Binta", "writing_4": "3", "writing_5": "", "participation": "12"},
        ],
    )
    _write(
        tmp_path / "grades_session2.csv",
        [{"student": "Chloé", "total": "4", "max": "5", "status": "graded"}],
    )
    assert main(["course", "gradebook", "--course-dir", str(tmp_path)]) == 0
    marks = _read(tmp_path / "marks.csv")
    assert sorted(marks) == ["Awa", "Binta", "Chloé"]
    assert marks["Awa"]["writing_4"] == "12" and marks["Binta"]["participation"] == "12"
    assert marks["Chloé"]["writing_4"] == ""
    final = _read(tmp_path / "final_grades.csv")
    assert "writing_4: not marked yet" in final["Chloé"]["notes"]


def test_the_french_gradebook_notes_are_french(tmp_path):
    """Lecturer trial (issue 22): final_grades_fr.csv said 'not marked yet' in English."""
    _grade_tables(tmp_path, "_fr")
    assert main(["course", "gradebook", "--course-dir", str(tmp_path), "--edition", "fr"]) == 0
    final = _read(tmp_path / "final_grades_fr.csv")
    assert "pas encore noté" in final["Awa"]["notes"]
    assert "not marked yet" not in final["Awa"]["notes"]


def test_the_gradebook_says_who_has_parts_counted_as_zero(tmp_path, capsys):
    """Lecturer trial (issue 22): the import files carry only the number, so the command
    names the students whose final grade still counts a missing part as 0."""
    _grade_tables(tmp_path)
    assert main(["course", "gradebook", "--course-dir", str(tmp_path)]) == 0
    said = capsys.readouterr().out
    assert "2 student(s) have parts not graded or not marked yet (Awa, Binta)" in said


def test_the_french_gradebook_speaks_french_in_the_terminal(tmp_path, capsys):
    """The lecturer's reading (h28): "wrote …" and "note: … student(s) have parts not
    graded" in English under ``--edition fr``. Each line the French gradebook prints is
    French, names every file it wrote, and keeps the French style sheet's punctuation."""
    from diaspora_helpers.publish import style_sheet

    _grade_tables(tmp_path, "_fr")
    assert main(["course", "gradebook", "--course-dir", str(tmp_path), "--edition", "fr"]) == 0
    lines = capsys.readouterr().out.splitlines()
    written = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("grades_"))
    assert len(written) >= 4
    for name in written:
        assert any(line.startswith("écrit\u202f: ") and line.endswith(name) for line in lines)
    note = [line for line in lines if not line.startswith("écrit")]
    assert len(note) == 1 and note[0].startswith("remarque\u202f: 2 étudiant(s)"), note
    assert "(Awa, Binta)" in note[0]
    english = re.compile(r"\b(wrote|note|student|graded|marked|until)\b")
    assert not any(english.search(line.split("(Awa")[0]) for line in lines), lines
    assert style_sheet.faults("\n".join(lines), style_sheet.rules("fr")) == []


def test_a_french_grade_table_writes_its_status_in_french(tmp_path):
    """The francophone reviewer: "graded", "needs attention" in the French grades CSV."""
    from diaspora_helpers.publish.course import grades
    from diaspora_helpers.publish.course.marking import Mark, Result

    results = [
        Result("Awa", [Mark("2.1", 1.0, 1.0, "ok", "12")]),
        Result("Binta", [Mark("2.1", 1.0, 1.0, "ok", "12")], attention=["parameters changed"]),
        Result("Chloé", graded=False, attention=["cannot be read"]),
    ]
    for language, expected in (
        ("fr", ["corrigé", "corrigé, à vérifier", "à vérifier"]),
        ("en", ["graded", "graded, needs attention", "needs attention"]),
    ):
        path = grades.write_grade_table(tmp_path / f"g_{language}.csv", results, ["2.1"], language)
        assert [row["status"] for row in grades.read_grade_table(path)] == expected


def test_the_french_gradebook_files_hold_what_the_french_guide_says(tmp_path):
    """r28 item 3: run the French gradebook on French grade tables and read every file it
    writes as a French reader would: the grade column and the notes in French, with the
    French style sheet's punctuation; the words the French guide quotes for the status
    column and the Moodle column are the words the files hold."""
    from diaspora_helpers.publish import style_sheet
    from diaspora_helpers.publish.course import grades
    from diaspora_helpers.publish.course.marking import Mark, Result

    results = [
        Result("Awa", [Mark("1.1", 1.0, 1.0, "ok", "12")]),
        Result("Binta", graded=False, attention=["x"]),
    ]
    grades.write_grade_table(tmp_path / "grades_session1_fr.csv", results, ["1.1"], "fr")
    _write(
        tmp_path / "grades_session3_fr.csv",
        [{"student": "Awa", "total": "3", "max": "6", "status": "corrigé"}],
    )
    assert main(["course", "gradebook", "--edition", "fr", "--course-dir", str(tmp_path)]) == 0
    guide = (NOTEBOOKS / "fr" / "instructor_guide.md").read_text(encoding="utf-8")
    statuses = {
        row["status"] for row in grades.read_grade_table(tmp_path / "grades_session1_fr.csv")
    }
    assert statuses == {"corrigé", "à vérifier"}
    for word in statuses | {"corrigé, à vérifier"}:
        assert f"«\u202f{word}\u202f»" in guide, word
    for english in ("`graded`", "`needs attention`", "Mali diaspora course"):
        assert english not in guide, english

    moodle_header = (tmp_path / "moodle_import_fr.csv").read_text(encoding="utf-8").splitlines()[0]
    column = moodle_header.split(",", 1)[1]
    assert column.startswith("Cours sur la diaspora malienne\u202f:"), column
    assert f"«\u202f{column}\u202f»" in guide
    assert (
        (tmp_path / "canvas_import_fr.csv")
        .read_text(encoding="utf-8")
        .splitlines()[0]
        .endswith("," + column)
    )

    final = _read(tmp_path / "final_grades_fr.csv")
    sheet = style_sheet.rules("fr")
    binta = final["Binta"]["notes"]
    assert binta.startswith("exercises_1\u202f: à vérifier\u202f; exercises_2\u202f: séance"), binta
    assert "exercises_3\u202f: aucune copie rendue" in binta
    for row in final.values():
        assert not style_sheet.faults(row["notes"], sheet), row["notes"]
        assert not re.search("[^\u202f][;:] ", row["notes"]), row["notes"]
