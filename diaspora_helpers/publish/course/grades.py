"""Submissions and grades of a course session: each student's notebook in a folder, and
the grade table (one row per student, points per question).

Read from nbgrader's ``gradebook.db`` after ``autograde``; written as
``grades_<assignment>.csv`` in the course folder (see
:mod:`diaspora_helpers.publish.course.workflow`).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

_STUDENT_ID = re.compile(r"[^A-Za-z0-9_.-]+")


def submissions(source: Path) -> dict[str, Path]:
    """Return each student's notebook in a folder: ``<student>/*.ipynb`` or ``<student>.ipynb``.

    Raises ``ValueError`` when one student has two notebooks.
    """
    found: dict[str, Path] = {}
    for path in sorted(source.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in path.parts or path.name.startswith("."):
            continue
        relative = path.relative_to(source)
        student = relative.parts[0] if len(relative.parts) > 1 else path.stem
        student = _STUDENT_ID.sub("_", student).strip("_")
        if student in found:
            raise ValueError(f"two notebooks for student {student!r}: {found[student]}, {path}")
        found[student] = path
    return found


def grade_rows(course_dir: Path, assignment: str) -> list[dict[str, Any]]:
    """Return one row per student: points per question (``1.1``, ...), total and maximum."""
    from nbgrader.api import Gradebook

    rows = []
    with Gradebook(f"sqlite:///{course_dir / 'gradebook.db'}") as gradebook:
        for submission in gradebook.assignment_submissions(assignment):
            row: dict[str, Any] = {"student": submission.student.id}
            total = maximum = 0.0
            for notebook in submission.notebooks:
                for item in sorted(notebook.grades, key=lambda g: _question_key(g.name)):
                    row[_question(item.name)] = float(item.score or 0.0)
                    total += float(item.score or 0.0)
                    maximum += float(item.max_score)
            rows.append(row | {"total": total, "max": maximum})
    return sorted(rows, key=lambda r: r["student"])


def _question(grade_id: str) -> str:
    match = re.fullmatch(r"test_(\d+)_(\d+)", grade_id)
    return f"{match.group(1)}.{match.group(2)}" if match else grade_id


def _question_key(grade_id: str) -> tuple[int, ...] | tuple[float, str]:
    match = re.fullmatch(r"test_(\d+)_(\d+)", grade_id)
    return (int(match.group(1)), int(match.group(2))) if match else (float("inf"), grade_id)


def write_grade_table(course_dir: Path, assignment: str) -> Path:
    """Write ``grades_<assignment>.csv``: a row per student, points per question."""
    rows = grade_rows(course_dir, assignment)
    columns = ["student"]
    for row in rows:
        columns += [k for k in row if k not in columns and k not in {"total", "max"}]
    columns += ["total", "max"]
    path = course_dir / f"grades_{assignment}.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path
