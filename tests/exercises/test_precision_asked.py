"""Each numeric check's tolerance is the precision its question asks for (issue 22).

A check grades a number to ``decimals`` decimals; the question in the master notebook says
how precise the answer must be ("One decimal.", "Deux décimales.", "to the nearest dollar").
This test reads both, the first from the checks' source, the second from the questions of
both editions, and fails when they differ or when a question leaves its precision unsaid.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECKS = sorted((ROOT / "diaspora_helpers" / "exercises").glob("session*.py"))

#: How each edition states a precision, and the decimals it means.
PRECISION = {
    "en": [
        (r"\bone decimal\b", 1),
        (r"\btwo decimals\b", 2),
        (r"\bnearest (dollar|person)\b", 0),
        (r"\bgive a number of persons\b", 0),
    ],
    "fr": [
        (r"\bune décimale\b", 1),
        (r"\bdeux décimales\b", 2),
        (r"\barrondi au dollar\b|\barrondi à l.unité\b", 0),
        (r"\bdonnez un nombre de personnes\b", 0),
    ],
}


def _decimals_by_exercise() -> dict[str, int]:
    """Exercise number -> the ``decimals`` its check passes to ``grade_number``."""
    found: dict[str, int] = {}
    for path in CHECKS:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            numbers = [
                d.args[0].value  # type: ignore[attr-defined]  # the decorator argument is an ast.Constant
                for d in function.decorator_list
                if isinstance(d, ast.Call) and getattr(d.func, "id", "") == "exercise"
            ]
            calls = [
                node
                for node in ast.walk(function)
                if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "grade_number"
            ]
            for number in numbers:
                for call in calls:
                    for keyword in call.keywords:
                        if keyword.arg == "decimals" and isinstance(keyword.value, ast.Constant):
                            found[str(number)] = int(keyword.value.value)  # type: ignore[arg-type]  # a Constant holding an int
    return found


def _question(edition: str, number: str) -> str:
    folder = ROOT / "notebooks" / ("fr" if edition == "fr" else "")
    session = number.split(".")[0]
    (master,) = folder.glob(f"master_{session}_*.ipynb")
    for cell in json.loads(master.read_text(encoding="utf-8"))["cells"]:
        text = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and re.match(
            rf"## Exerci[cs]e {re.escape(number)}\b", text
        ):
            return text
    raise AssertionError(f"no question {number} in {master.name}")


DECIMALS = _decimals_by_exercise()


def test_the_numeric_checks_are_found():
    assert {"1.1", "1.2", "3.3", "3.6", "5.1", "5.3"} <= set(DECIMALS)


@pytest.mark.parametrize("edition", ["en", "fr"])
@pytest.mark.parametrize("number", sorted(DECIMALS))
def test_the_check_grades_at_the_precision_the_question_states(edition, number):
    text = " ".join(_question(edition, number).split()).casefold()
    stated = {decimals for pattern, decimals in PRECISION[edition] if re.search(pattern, text)}
    assert stated, f"question {number} ({edition}) does not say how precise the answer must be"
    assert stated == {DECIMALS[number]}, (number, edition, stated, DECIMALS[number])
