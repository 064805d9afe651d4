"""The course's final grades: exercise grades, the lecturer's marks and the syllabus's weights.

- The weights are in one file, ``notebooks/course_weights.csv`` (``component``,
  ``weight_pct``, ``out_of``, ``source``, ``label_en``, ``label_fr``); the syllabus of each
  edition shows them as a table generated from it (:func:`weights_markdown`).
- A component whose ``source`` is ``grades`` (``exercises_<n>``) is read from the grade
  table ``grades_session<n>.csv`` (``grades_session<n>_fr.csv`` for the French edition):
  ``total`` out of ``max``. A session not graded yet counts 0 and is named in ``notes``.
- A component whose ``source`` is ``marks`` is a column of the lecturer's CSV,
  ``course/marks.csv`` (``student`` then one column per component, points out of
  ``out_of``; an empty cell is "not marked yet"). ``course gradebook`` writes this file with
  every student and empty cells when it does not exist, and never writes it again.

Writes, in the course folder: ``final_grades.csv`` (every component in percent, the final
grade in percent, notes), ``moodle_import.csv`` and ``canvas_import.csv`` (the columns the
guide lists), and for the French edition ``final_grades_fr.csv`` plus
``final_grades_fr_excel.csv`` (``;`` between columns and a decimal comma, as French Excel
opens a CSV).
"""

from __future__ import annotations

import csv
import functools
import math
from dataclasses import dataclass
from pathlib import Path

from diaspora_helpers import i18n, paths
from diaspora_helpers.i18n import N_

MARKS_FILE = "marks.csv"
#: The grade item the learning-platform files create or update.
GRADE_ITEM = N_("Mali diaspora course: final grade (%)")


class GradebookError(ValueError):
    """A problem in the weights or in the lecturer's marks, named with its file and line."""


@dataclass(frozen=True)
class Component:
    """One part of the final grade."""

    name: str
    weight_pct: float
    out_of: float | None
    source: str
    label_en: str
    label_fr: str

    @property
    def session(self) -> int | None:
        """Return the session of an ``exercises_<n>`` component, else None."""
        head, _, tail = self.name.partition("_")
        return int(tail) if head == "exercises" and tail.isdigit() else None


def weights_file() -> Path:
    """Return the weights file, ``notebooks/course_weights.csv``."""
    return paths.require_notebooks_dir() / "course_weights.csv"


def read_weights(path: Path | None = None) -> list[Component]:
    """Return the components of the final grade; raise :class:`GradebookError` if the weights
    do not add up to 100 or a row is incomplete."""
    path = path or weights_file()
    components = []
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            try:
                out_of = float(row["out_of"]) if row["out_of"] else None
                component = Component(
                    row["component"],
                    float(row["weight_pct"]),
                    out_of,
                    row["source"],
                    row["label_en"],
                    row["label_fr"],
                )
            except (KeyError, ValueError) as exc:
                raise GradebookError(f"{path}, line {line}: {exc}") from exc
            if component.source not in {"grades", "marks"} or (
                component.source == "marks" and not out_of
            ):
                raise GradebookError(
                    f"{path}, line {line}: source must be grades, or marks with out_of"
                )
            if component.source == "grades" and component.session is None:
                raise GradebookError(f"{path}, line {line}: grades come from exercises_<n>")
            components.append(component)
    total = sum(c.weight_pct for c in components)
    if not math.isclose(total, 100.0):
        raise GradebookError(f"{path}: the weights add up to {total:g}%, not 100%")
    return components


def weights_markdown(language: str = "en") -> str:
    """Return the syllabus's table of weights, in ``language``, from the weights file."""
    header = {
        "en": "| Part | Weight | Marked |\n|---|---|---|",
        "fr": "| Partie | Poids | Notation |\n|---|---|---|",
    }[language]
    how = {
        "en": {
            "grades": "autograded, one point per question",
            "marks": "[rubric](course_rubric.md), out of {n}",
        },
        "fr": {
            "grades": "corrigé automatiquement, un point par question",
            "marks": "[grille](course_rubric.md), sur {n}",
        },
    }[language]
    rows = [header]
    for c in read_weights():
        label = c.label_en if language == "en" else c.label_fr
        weight = f"{c.weight_pct:g}%" if language == "en" else f"{c.weight_pct:g}\u202f%"
        marked = how[c.source].format(n=f"{c.out_of:g}" if c.out_of else "")
        rows.append(f"| {label} | {weight} | {marked} |")
    return "\n".join(rows)


def _assignment(session: int, edition: str) -> str:
    return f"session{session}" if edition == "en" else f"session{session}_{edition}"


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def read_marks(path: Path, components: list[Component]) -> dict[str, dict[str, float | None]]:
    """Return the lecturer's marks, ``{student: {component: points or None}}``.

    Raises :class:`GradebookError` naming the line and column of a value that is not a
    number between 0 and the component's ``out_of`` (a decimal comma is accepted).
    """
    marked = [c for c in components if c.source == "marks"]
    marks: dict[str, dict[str, float | None]] = {}
    for line, row in enumerate(_read_csv(path), start=2):
        student = (row.get("student") or "").strip()
        if not student:
            raise GradebookError(f"{path}, line {line}: the student column is empty")
        values: dict[str, float | None] = {}
        for c in marked:
            text = (row.get(c.name) or "").strip().replace(",", ".")
            if not text:
                values[c.name] = None
                continue
            try:
                value = float(text)
            except ValueError:
                value = math.nan
            if not 0 <= value <= (c.out_of or 0):
                raise GradebookError(
                    f"{path}, line {line}, column {c.name}: {row.get(c.name)!r} is not a "
                    f"mark from 0 to {c.out_of:g}"
                )
            values[c.name] = value
        marks[student] = values
    return marks


def _grade_tables(course_dir: Path, components: list[Component], edition: str) -> dict:
    tables = {}
    for c in components:
        if c.session is None:
            continue
        path = course_dir / f"grades_{_assignment(c.session, edition)}.csv"
        tables[c.name] = {r["student"]: r for r in _read_csv(path)} if path.exists() else None
    return tables


def _write(path: Path, columns: list[str], rows: list[dict], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


def build(course_dir: Path, *, edition: str = "en", marks: Path | None = None) -> list[Path]:
    """Combine grades and marks into the final grade table and the import files.

    Returns the files written. Every problem in the marks is reported before any file is
    written; a marks file that does not exist is created (students, empty cells) and the
    final grades count its components as not marked yet.
    """
    components = read_weights()
    tables = _grade_tables(course_dir, components, edition)
    students = sorted({s for t in tables.values() if t for s in t})
    marks_path = marks or course_dir / MARKS_FILE
    written = []
    if marks_path.exists():
        lecturer = read_marks(marks_path, components)
        missing = [s for s in students if s not in lecturer]
        if missing:  # students graded since: a row each, appended; the lecturer's rows stay
            with marks_path.open(encoding="utf-8", newline="") as handle:
                header = next(csv.reader(handle), ["student"])
                handle.seek(0, 2)
                ends_with_newline = handle.tell() == 0 or marks_path.read_bytes()[-1:] in (
                    b"\n",
                    b"\r",
                )
            with marks_path.open("a", encoding="utf-8", newline="") as handle:
                if not ends_with_newline:
                    handle.write("\n")
                writer = csv.DictWriter(handle, fieldnames=header)
                writer.writerows({"student": s} for s in missing)
            written.append(marks_path)
            lecturer.update({s: {} for s in missing})
    else:
        lecturer = {}
        columns = ["student", *[c.name for c in components if c.source == "marks"]]
        marks_path.parent.mkdir(parents=True, exist_ok=True)
        written.append(_write(marks_path, columns, [{"student": s} for s in students]))
    students = sorted(set(students) | set(lecturer))
    say = i18n.translator(edition)  # notes in the edition's language
    N_("{part}: session not graded yet")
    N_("{part}: not marked yet")
    N_("{part}: {status}")
    N_("{notes}; {note}")
    rows = []
    for student in students:
        row: dict[str, object] = {"student": student}
        final, notes = 0.0, []
        for c in components:
            share: float | None
            if c.source == "grades":
                table = tables[c.name]
                graded = table.get(student) if table else None
                if table is None:
                    notes.append(say("{part}: session not graded yet").format(part=c.name))
                if graded and graded.get("total") and float(graded.get("max") or 0) > 0:
                    share = 100 * float(graded["total"]) / float(graded["max"])
                else:
                    share = None
                    if table is not None:
                        status = graded.get("status") if graded else N_("no submission")
                        notes.append(
                            say("{part}: {status}").format(part=c.name, status=say(status))
                        )
            else:
                value = lecturer.get(student, {}).get(c.name)
                share = None if value is None else 100 * value / (c.out_of or 1)
                if value is None:
                    notes.append(say("{part}: not marked yet").format(part=c.name))
            row[c.name] = "" if share is None else f"{share:.1f}"
            final += (share or 0.0) * c.weight_pct / 100
        row["final_pct"] = f"{final:.1f}"
        # One note after another, with the edition's punctuation ("\u202f; " in French).
        row["notes"] = (
            functools.reduce(
                lambda said, note: say("{notes}; {note}").format(notes=said, note=note), notes
            )
            if notes
            else ""
        )
        rows.append(row)
    columns = ["student", *[c.name for c in components], "final_pct", "notes"]
    suffix = "" if edition == "en" else f"_{edition}"
    written.append(_write(course_dir / f"final_grades{suffix}.csv", columns, rows))
    if edition == "fr":
        excel = [
            {
                k: (str(v).replace(".", ",") if k != "student" and k != "notes" else v)
                for k, v in row.items()
            }
            for row in rows
        ]
        written.append(
            _write(course_dir / "final_grades_fr_excel.csv", columns, excel, delimiter=";")
        )
    item = say(GRADE_ITEM)  # the grade item's name, in the edition's language
    moodle = [{"Identifier": r["student"], item: r["final_pct"]} for r in rows]
    written.append(_write(course_dir / f"moodle_import{suffix}.csv", ["Identifier", item], moodle))
    canvas_columns = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", item]
    canvas = [
        {
            "Student": r["student"],
            "ID": "",
            "SIS User ID": "",
            "SIS Login ID": r["student"],
            "Section": "",
            item: r["final_pct"],
        }
        for r in rows
    ]
    written.append(_write(course_dir / f"canvas_import{suffix}.csv", canvas_columns, canvas))
    return written


def incomplete(written: list[Path]) -> list[str]:
    """Return the students of the final grade table among ``written`` whose notes name a part
    not graded or not marked yet (their final grade counts it as 0)."""
    for path in written:
        if (
            path.name.startswith("final_grades")
            and path.suffix == ".csv"
            and "excel" not in path.name
        ):
            with path.open(encoding="utf-8", newline="") as handle:
                return [row["student"] for row in csv.DictReader(handle) if row.get("notes")]
    return []
