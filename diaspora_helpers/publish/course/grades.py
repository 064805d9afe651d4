"""The grade table of a course session: one row per student, points per question.

Written as ``grades_<assignment>.csv`` in the course folder by ``course grade``
(:mod:`diaspora_helpers.publish.course.workflow`). Columns: ``student``, one column per
question (``2.1`` ... ``2.5``, points), ``total``, ``max``, ``status`` (``graded``,
``graded, needs attention`` or ``needs attention``: not graded) and ``notes`` (what the
lecturer should know: a changed parameters cell, a repaired notebook, why a submission
could not be graded). A student who needs attention and was not graded has empty points.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from diaspora_helpers import i18n
from diaspora_helpers.i18n import N_
from diaspora_helpers.publish.course.marking import Result

#: The values of the status column (English; the table of an edition writes its words).
GRADED, FLAGGED, ATTENTION = N_("graded"), N_("graded, needs attention"), N_("needs attention")


def status(result: Result) -> str:
    """Return the status column of a student's row."""
    if not result.graded:
        return ATTENTION
    return FLAGGED if result.attention else GRADED


def _points(value: float) -> str:
    return f"{value:g}"


def rows(
    results: Sequence[Result], questions: Sequence[str], language: str = "en"
) -> list[dict[str, Any]]:
    """Return the rows of the grade table, sorted by student id; the status in the words
    of edition ``language``."""
    say = i18n.translator(language)
    table = []
    for result in sorted(results, key=lambda r: r.student):
        row: dict[str, Any] = {"student": result.student}
        by_number = {m.number: m for m in result.marks}
        for number in questions:
            mark = by_number.get(number)
            row[number] = _points(mark.points) if (mark and result.graded) else ""
        row["total"] = _points(result.total) if result.graded else ""
        row["max"] = _points(result.maximum) if result.graded else ""
        row["status"] = say(status(result))
        row["notes"] = "; ".join(result.attention + result.notes)
        table.append(row)
    return table


def question_key(number: str) -> tuple[int, ...]:
    """Return a sort key of a question number: ``"2.10"`` after ``"2.9"``."""
    return tuple(int(n) for n in re.findall(r"\d+", number))


def write_grade_table(
    path: Path, results: Sequence[Result], questions: Sequence[str], language: str = "en"
) -> Path:
    """Write the grade table (UTF-8 CSV) of ``results`` to ``path`` and return it; its
    status column in the words of edition ``language`` ("corrigé" in French)."""
    columns = ["student", *questions, "total", "max", "status", "notes"]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows(results, questions, language))
    return path


def read_grade_table(path: Path) -> list[dict[str, str]]:
    """Return the rows of a grade table written by :func:`write_grade_table`."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
