"""Executing the submissions of a session: each one restored against the release, run in its
own kernel, and its recorded answers read back.

For each submitted notebook, :func:`prepare` compares the cells with the session's source
(the master as released): the grading cells get the released source back (a student cannot
edit or delete a hidden test), a missing grading cell is put back after its answer cell,
a pasted copy of a graded cell is kept as an ordinary cell (the first copy is graded), and
each repair is noted. :func:`execute_all` runs the notebooks, two kernels at a time by
default; :func:`recorded_answers` reads what the hidden tests
recorded (:mod:`diaspora_helpers.exercises.recording`). The verdicts are given elsewhere
(:mod:`diaspora_helpers.publish.course.marking`), outside the students' kernels.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from diaspora_helpers.exercises.recording import MIME, rebuild
from diaspora_helpers.i18n import _

_TEST = re.compile(r"test_(\d+)_(\d+)")
_ANSWER = re.compile(r"answer_(\d+)_(\d+)")
#: Seconds a single cell of a submission may run before the kernel is stopped.
CELL_TIMEOUT = 120


@dataclass
class Prepared:
    """A submission made ready to run: the notebook, what was repaired, what needs a look."""

    notebook: nbformat.NotebookNode | None
    notes: list[str] = field(default_factory=list)
    attention: list[str] = field(default_factory=list)


def grade_id(cell: nbformat.NotebookNode) -> str:
    """Return a cell's nbgrader ``grade_id`` ("" when it has none)."""
    return str(cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", ""))


def question_of(grade: str) -> str:
    """Return the question number of ``test_2_4`` or ``answer_2_4`` (``"2.4"``), else ""."""
    match = _TEST.fullmatch(grade) or _ANSWER.fullmatch(grade)
    return f"{match.group(1)}.{match.group(2)}" if match else ""


def _restored(cell: nbformat.NotebookNode) -> bool:
    meta = cell.metadata.get("nbgrader", {})
    return bool(meta.get("locked") or (meta.get("grade") and not meta.get("solution")))


def prepare(text: str, source: nbformat.NotebookNode) -> Prepared:
    """Return a submission (the notebook's JSON text) ready to run against ``source``."""
    try:
        notebook = nbformat.reads(text, as_version=4)
    except Exception as exc:  # any JSON or schema error: this student's problem only
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return Prepared(
            None, attention=[_("the notebook cannot be read ({reason})").format(reason=reason)]
        )
    reference = {grade_id(c): c for c in source.cells if grade_id(c)}
    prepared = Prepared(notebook)
    seen: set[str] = set()
    cells = []
    for cell in notebook.cells:
        grade = grade_id(cell)
        if grade and (grade in seen or grade not in reference):
            label = question_of(grade) or grade
            note = (
                _("a copy of {label} was run as an ordinary cell")
                if grade in seen
                else _("an unknown graded cell {label} was run as an ordinary cell")
            )
            prepared.notes.append(note.format(label=label))
            cell.metadata.pop("nbgrader", None)
        elif grade:
            seen.add(grade)
            if _restored(reference[grade]):
                cell.source = reference[grade].source
                cell.cell_type = reference[grade].cell_type
        cells.append(cell)
    for grade, cell in reference.items():
        if grade in seen:
            continue
        label = question_of(grade) or grade
        if _restored(cell):
            answer = grade.replace("test_", "answer_")
            at = next((i + 1 for i, c in enumerate(cells) if grade_id(c) == answer), len(cells))
            cells.insert(at, nbformat.from_dict(cell))
            prepared.notes.append(
                _("the grading cell of {label} was missing and was put back").format(label=label)
            )
        else:
            prepared.attention.append(
                _("the answer cell of {label} is missing").format(label=label)
            )
    notebook.cells = cells
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return prepared


def _kernel_environment() -> dict[str, str]:
    """The project's one kernel environment (no folder for run files: grading writes none)."""
    from diaspora_helpers.publish.execution.execute import kernel_env

    return kernel_env(None)


def _execute(job: tuple[str, str, str]) -> tuple[str, str]:
    """Run one notebook in a kernel of its own; return (output path, error or "")."""
    from nbclient import NotebookClient

    path, out, cwd = job
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        allow_errors=True,
        record_timing=False,
        resources={"metadata": {"path": cwd}},
    )
    error = ""
    try:
        client.execute(env=_kernel_environment(), stderr=subprocess.DEVNULL)
    except Exception as exc:  # a timeout or a dead kernel: keep what ran
        error = f"{type(exc).__name__}: {str(exc).strip().splitlines()[-1] if str(exc) else ''}"
    nbformat.write(client.nb, out)
    return out, error


def execute_all(
    jobs: Sequence[tuple[Path, Path]],
    *,
    workers: int = 2,
    progress: Callable[[Path, str], None] | None = None,
) -> dict[Path, str]:
    """Execute each ``(notebook, executed copy)`` in its own kernel, ``workers`` at a time
    (threads of this process drive the kernels; each kernel is a process of its own).

    Returns ``{executed copy: error}`` ("" when the run ended normally; errors inside cells
    are kept in the outputs and are not errors here).
    """
    todo = [(str(src), str(out), str(out.parent)) for src, out in jobs]
    results: dict[Path, str] = {}
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for out, error in pool.map(_execute, todo):
            results[Path(out)] = error
            if progress:
                progress(Path(out), error)
    return results


def recorded_answers(notebook: nbformat.NotebookNode) -> dict[str, Any]:
    """Return ``{question: answer}`` recorded by the hidden tests of an executed notebook.

    Only outputs of the grading cells (``test_<s>_<q>``) count, and the record must name the
    cell's own question; the first record of a question wins.
    """
    answers: dict[str, Any] = {}
    for cell in notebook.cells:
        number = question_of(grade_id(cell)) if grade_id(cell).startswith("test_") else ""
        if not number or cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            record = output.get("data", {}).get(MIME) if "data" in output else None
            if isinstance(record, dict) and record.get("question") == number:
                if number not in answers:
                    answers[number] = rebuild(record.get("answer"))
    return answers


def cell_errors(notebook: nbformat.NotebookNode) -> dict[str, str]:
    """Return ``{question: "ErrorName: message"}`` of questions whose cells raised: the
    answer cell's error when it raised (the cause), else the grading cell's."""
    errors: dict[str, str] = {}
    for cell in notebook.cells:
        number = question_of(grade_id(cell))
        if not number:
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error" and number not in errors:
                errors[number] = f"{output.get('ename', '')}: {output.get('evalue', '')}"
    return errors
