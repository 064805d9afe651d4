"""Marking the recorded answers outside the students' kernels, with the released parameters.

The grading process (not a student's kernel) calls each question's check,
``diaspora_helpers.exercises.EXERCISES[number]``, on the answer the hidden test recorded,
with the parameters of the session as the lecturer released them (read from the released
source). A parameters cell changed in anything but ``show_hints`` is reported
(:func:`changed_parameters`); the answers are still marked against the released values.
"""

from __future__ import annotations

import ast
import inspect
from dataclasses import dataclass, field
from typing import Any

import nbformat

from diaspora_helpers import exercises, i18n
from diaspora_helpers.i18n import _

#: Parameters a student may change without it being reported.
FREE_PARAMETERS = frozenset({"show_hints"})


@dataclass
class Mark:
    """The mark of one question: points, maximum, the verdict's text, the answer given."""

    number: str
    points: float
    maximum: float
    verdict: str
    answer: str


@dataclass
class Result:
    """A student's marks on a session, and what the lecturer should know about them."""

    student: str
    marks: list[Mark] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    attention: list[str] = field(default_factory=list)
    graded: bool = True

    @property
    def total(self) -> float:
        """Return the points of all questions."""
        return sum(m.points for m in self.marks)

    @property
    def maximum(self) -> float:
        """Return the most points the session gives."""
        return sum(m.maximum for m in self.marks)


def _parameters_cell(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode | None:
    for cell in notebook.cells:
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            return cell
    return None


def parameters(notebook: nbformat.NotebookNode) -> dict[str, Any] | None:
    """Return the literal values the parameters cell assigns, or None if it cannot be read.

    Only ``name = literal`` and ``name: type = literal`` lines count; anything else in the
    cell (a call, an import) makes it unreadable.
    """
    cell = _parameters_cell(notebook)
    if cell is None:
        return None
    try:
        tree = ast.parse(cell.source)
        values = {}
        for node in tree.body:
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                values[node.target.id] = ast.literal_eval(node.value) if node.value else None
            elif (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
            ):
                values[node.targets[0].id] = ast.literal_eval(node.value)
            else:
                return None
        return values
    except (SyntaxError, ValueError, TypeError):
        return None


def changed_parameters(released: dict[str, Any], submitted: dict[str, Any] | None) -> list[str]:
    """Return how the submitted parameters differ from the released ones (not show_hints)."""
    if submitted is None:
        return [_("the parameters cell was changed and cannot be read")]
    changes = []
    for name in sorted(set(released) | set(submitted)):
        if name in FREE_PARAMETERS:
            continue
        if name not in submitted:
            changes.append(_("{name} was removed").format(name=name))
        elif name not in released:
            changes.append(_("{name} was added").format(name=name))
        elif submitted[name] != released[name]:
            changes.append(
                _("{name} = {given!r} instead of {released!r}").format(
                    name=name, given=submitted[name], released=released[name]
                )
            )
    return changes


def shown(answer: Any) -> str:
    """Return an answer as a reader would write it: ``62.1``, ``Côte d'Ivoire``,
    ``FRA, CIV`` (numpy and pandas values as their plain values), at most 300 characters."""
    import numpy as np
    import pandas as pd

    if isinstance(answer, np.generic):
        answer = answer.item()
    if isinstance(answer, pd.DataFrame):
        text = answer.to_string(max_rows=10)
    elif isinstance(answer, pd.Series | pd.Index | np.ndarray | list | tuple | set):
        text = ", ".join(shown(v) for v in list(answer))
    else:
        text = str(answer)
    return text if len(text) <= 300 else text[:297] + "..."


#: Verdicts already given in this process: a class gives many identical answers, and the
#: checks read the same data each time. Keyed by question, language, hints, the answer's
#: kind and value, and the parameters.
_VERDICTS: dict[tuple[str, str, bool, str, str], tuple[bool, str]] = {}


def _key(answer: Any) -> str:
    from diaspora_helpers.exercises.recording import encode

    return repr(encode(answer))


def _verdict(check: Any, answer: Any, kwargs: dict[str, Any]) -> tuple[bool, str]:
    try:
        verdict = check(answer, **kwargs)
        return bool(verdict.correct), str(verdict)
    except Exception as exc:  # a value no check can read is a wrong answer
        return False, _("The answer could not be read ({error}).").format(error=type(exc).__name__)


def mark_answers(
    answers: dict[str, Any],
    released: dict[str, Any],
    points: dict[str, float],
    *,
    language: str = "en",
    errors: dict[str, str] | None = None,
) -> list[Mark]:
    """Return the mark of each question in ``points`` (``{number: points}``).

    ``answers`` are the recorded answers (a question missing from it scores 0); each check
    receives the released parameters its signature names. ``errors`` are the errors of
    grading cells, reported for the questions that have no answer.
    """
    previous_language, previous_hints = i18n.language(), exercises.hints_shown()
    i18n.set_language(language)
    exercises.set_hints(bool(released.get("show_hints", True)))
    marks = []
    try:
        for number, worth in points.items():
            check = exercises.EXERCISES[number]
            names = inspect.signature(check).parameters
            kwargs = {n: released[n] for n in names if n != "answer" and n in released}
            if number not in answers:
                error = (errors or {}).get(number, "")
                text = _("No answer was recorded: the answer cell did not run to the end.")
                if error:
                    text += " " + _("Error: {error}").format(error=error)
                marks.append(Mark(number, 0.0, worth, text, ""))
                continue
            answer = answers[number]
            try:
                verdict = check(answer, **kwargs)
                ok, text = verdict.correct, str(verdict)
            except Exception as exc:  # a value no check can read is a wrong answer
                ok = False
                text = _("The answer could not be read ({error}).").format(error=type(exc).__name__)
            marks.append(Mark(number, worth if ok else 0.0, worth, text, shown(answer)))
    finally:
        i18n.set_language(previous_language)
        exercises.set_hints(previous_hints)
    return marks
