"""Collecting a session's submissions and grading them, one student's problem at a time.

:func:`collect` copies a folder or zip of submissions into the course folder, naming each
student with every letter kept (:mod:`~diaspora_helpers.publish.course.submissions`);
:func:`grade` runs each submission in its own kernel with the grading cells put back
(:mod:`~diaspora_helpers.publish.course.autograde`), marks the recorded answers in this
process with the released parameters (:mod:`~diaspora_helpers.publish.course.marking`),
and writes the grade table and each student's feedback page. A student whose submission
cannot be taken or graded is listed with the reason; the others are graded normally.
"""

from __future__ import annotations

import csv
import shutil
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import nbformat

from diaspora_helpers import i18n
from diaspora_helpers.i18n import _
from diaspora_helpers.publish.course import autograde, feedback, marking, submissions
from diaspora_helpers.publish.course import grades as grades_module
from diaspora_helpers.publish.course.marking import Result
from diaspora_helpers.publish.course.workflow import (
    CourseError,
    assignment_name,
    default_course_dir,
    edition_dir,
    select_sessions,
    student_name,
)


def _attention_file(course_dir: Path, assignment: str) -> Path:
    return course_dir / f"attention_{assignment}.csv"


def read_attention(course_dir: Path, assignment: str) -> dict[str, str]:
    """Return the students set aside at collection, ``{student: reason}``."""
    path = _attention_file(course_dir, assignment)
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["student"]: row["reason"] for row in csv.DictReader(handle)}


def forget(
    session: int, student: str, *, course_dir: Path | None = None, edition: str = "en"
) -> str:
    """Take ``student`` off a session's attention list (for a name a roster has since mapped
    to another id, or a student who left); return the reason it was there.

    Nothing else changes: no submission is deleted. Raises :class:`CourseError` naming the
    names on the list when ``student`` is not one of them.
    """
    course_dir = (course_dir or default_course_dir()).resolve()
    assignment = assignment_name(session, edition)
    attention = read_attention(course_dir, assignment)
    if student not in attention:
        listed = ", ".join(sorted(attention)) or "none"
        raise CourseError(f"{student!r} is not on the attention list of {assignment}: {listed}")
    reason = attention.pop(student)
    _write_attention(course_dir, assignment, attention)
    return reason


def _write_attention(course_dir: Path, assignment: str, attention: Mapping[str, str]) -> None:
    path = _attention_file(course_dir, assignment)
    if not attention:
        path.unlink(missing_ok=True)
        return
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", "reason"])
        writer.writerows(sorted(attention.items()))


def _keep_earlier(target: Path, new: Path, course_dir: Path, student: str, assignment: str) -> str:
    """Move an earlier, different submission aside (never overwritten); return a note."""
    if not target.exists():
        return ""
    if target.read_bytes() == new.read_bytes():
        return "unchanged"
    folder = course_dir / "resubmitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    number = 1
    while (folder / f"{target.stem}.{number}{target.suffix}").exists():
        number += 1
    kept = folder / f"{target.stem}.{number}{target.suffix}"
    shutil.move(target, kept)
    return f"resubmitted: the earlier copy is {kept.relative_to(course_dir)}"


def _collect(
    source: Path,
    session: int,
    *,
    course_dir: Path | None = None,
    edition: str = "en",
    roster: Path | None = None,
) -> tuple[list[str], dict[str, str]]:
    """Copy a folder or zip of submissions into ``submitted/<student>/<assignment>/``.

    One notebook per student: ``<student>/<any name>.ipynb`` or ``<student>.ipynb``
    (:mod:`diaspora_helpers.publish.course.submissions` names the student, every letter
    kept; ``roster`` maps a platform's names to ids). A student with two notebooks, or
    whose name collides with another's, is set aside with the reason (in
    ``attention_<assignment>.csv``) and everyone else is collected. A resubmission moves
    the earlier copy to ``resubmitted/<student>/<assignment>/`` rather than overwrite it.
    Returns the ids collected and ``{student: reason}`` of those set aside.
    """
    course_dir = (course_dir or default_course_dir()).resolve()
    master = select_sessions([session], edition_dir(edition))[session]
    assignment = assignment_name(session, edition)
    try:
        names = submissions.read_roster(roster) if roster else None
    except (OSError, ValueError) as exc:
        raise CourseError(f"roster: {exc}") from exc
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(source)
        if folder.suffix.lower() == ".zip" and folder.is_file():
            try:
                with zipfile.ZipFile(folder) as archive:
                    archive.extractall(tmp)
            except zipfile.BadZipFile as exc:
                raise CourseError(f"{source} is not a zip file that can be read: {exc}") from exc
            folder = Path(tmp)
            # A zip made by compressing a folder (macOS "Compress", Windows "Send to") holds
            # that one folder: the students are inside it.
            entries = [p for p in folder.iterdir() if p.name not in ("__MACOSX", ".DS_Store")]
            if len(entries) == 1 and entries[0].is_dir():
                inside = list(entries[0].iterdir())
                notebooks = [p for p in inside if p.suffix == ".ipynb"]
                if len(notebooks) > 1 or any(p.is_dir() for p in inside):
                    folder = entries[0]  # a class, not one student's folder
        if not folder.is_dir():
            raise CourseError(f"no folder or zip of submissions at {source}")
        found = submissions.find(folder, names)
        if not found.notebooks and not found.attention:
            raise CourseError(f"no notebook found in {source}")
        attention = read_attention(course_dir, assignment)
        for student, path in found.notebooks.items():
            target = course_dir / "submitted" / student / assignment / student_name(master)
            target.parent.mkdir(parents=True, exist_ok=True)
            note = _keep_earlier(target, path, course_dir, student, assignment)
            if note != "unchanged":
                shutil.copyfile(path, target)
            if note and note != "unchanged":
                print(f"{student}: {note}")
            attention.pop(student, None)
        attention.update(found.attention)
        _write_attention(course_dir, assignment, attention)
    return sorted(found.notebooks), dict(found.attention)


def _submitted(course_dir: Path, assignment: str) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in sorted((course_dir / "submitted").glob(f"*/{assignment}/*.ipynb")):
        found.setdefault(path.parent.parent.name, path)
    return found


def _grade(
    session: int, *, course_dir: Path | None = None, edition: str = "en", workers: int = 2
) -> tuple[Path, list[Result]]:
    """Mark every submission of a session; write feedback and the grade table (CSV).

    Each submission is restored against the release and run in its own kernel
    (:mod:`~diaspora_helpers.publish.course.autograde`); its recorded answers are marked in
    this process with the released parameters (:mod:`~diaspora_helpers.publish.course.marking`).
    The feedback is in the edition's language. Returns ``grades_<assignment>.csv`` and the
    results; a student who could not be graded has ``graded=False`` and the reason.
    """
    course_dir = (course_dir or default_course_dir()).resolve()
    assignment = assignment_name(session, edition)
    sources = sorted((course_dir / "source" / assignment).glob("*.ipynb"))
    if not sources:
        raise CourseError(f"{assignment} was never released in {course_dir}: run release first")
    source = nbformat.read(sources[0], as_version=4)
    released = marking.parameters(source) or {}
    points = {
        autograde.question_of(autograde.grade_id(c)): float(c.metadata.nbgrader.get("points", 1))
        for c in source.cells
        if autograde.grade_id(c).startswith("test_")
    }
    questions = sorted(points, key=grades_module.question_key)
    results: dict[str, Result] = {}
    for student, reason in read_attention(course_dir, assignment).items():
        results[student] = Result(student, attention=[reason], graded=False)
    jobs, prepared_by = [], {}
    for student, path in _submitted(course_dir, assignment).items():
        prepared = autograde.prepare(path.read_text(encoding="utf-8", errors="replace"), source)
        results[student] = Result(student, notes=prepared.notes, attention=prepared.attention)
        if prepared.notebook is None:
            results[student].graded = False
            continue
        out = course_dir / "autograded" / student / assignment / sources[0].name
        out.parent.mkdir(parents=True, exist_ok=True)
        staged = out.with_suffix(".submitted.ipynb")
        nbformat.write(prepared.notebook, staged)
        jobs.append((staged, out))
        prepared_by[out] = (student, prepared)

    def finish(out: Path, error: str) -> None:
        """Mark one executed notebook (called as each one ends, while others still run)."""
        student = prepared_by[out][0]
        result = results[student]
        executed = nbformat.read(out, as_version=4)
        if error:
            result.attention.append(_("the notebook stopped: {error}").format(error=error))
        changes = marking.changed_parameters(released, marking.parameters(executed))
        if changes:
            result.attention.append(
                _("parameters changed (marked with the released values): {changes}").format(
                    changes="; ".join(changes)
                )
            )
        result.marks = marking.mark_answers(
            autograde.recorded_answers(executed),
            released,
            points,
            language=edition,
            errors=autograde.cell_errors(executed),
        )

    autograde.execute_all(jobs, workers=workers, progress=finish)
    for result in results.values():
        if result.graded:
            target = course_dir / "feedback" / result.student / assignment
            feedback.write(result, session, target / f"{sources[0].stem}.html", language=edition)
    table = grades_module.write_grade_table(
        course_dir / f"grades_{assignment}.csv", list(results.values()), questions, edition
    )
    return table, sorted(results.values(), key=lambda r: r.student)


def _in_language(language: str, run: Any, *args: Any, **kwargs: Any) -> Any:
    previous = i18n.language()
    i18n.set_language(language)
    try:
        return run(*args, **kwargs)
    finally:
        i18n.set_language(previous)


def collect(
    source: Path,
    session: int,
    *,
    course_dir: Path | None = None,
    edition: str = "en",
    roster: Path | None = None,
) -> tuple[list[str], dict[str, str]]:
    """Collect a folder or zip of submissions (see :func:`_collect`); the reasons a student
    was set aside are written in the edition's language."""
    return _in_language(
        edition, _collect, source, session, course_dir=course_dir, edition=edition, roster=roster
    )


def grade(
    session: int, *, course_dir: Path | None = None, edition: str = "en", workers: int = 2
) -> tuple[Path, list[Result]]:
    """Grade a session (see :func:`_grade`); notes and feedback in the edition's language."""
    return _in_language(
        edition, _grade, session, course_dir=course_dir, edition=edition, workers=workers
    )
