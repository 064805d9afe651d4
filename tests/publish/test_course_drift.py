"""The stored student notebooks of both editions are what nbgrader generates from their
masters: no drift.

Slow (about 40 s: nbgrader releases all five sessions), so ``make test`` skips it and
``.ci/run`` runs it after ``make test`` with ``DIASPORA_DRIFT_TEST=1``. Locally:
``DIASPORA_DRIFT_TEST=1 .venv/bin/python -m pytest tests/publish/test_course_drift.py``.
"""

import os
from pathlib import Path

import nbformat
import pytest

from diaspora_helpers.publish.course import workflow as course

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.environ.get("DIASPORA_DRIFT_TEST"),
        reason="releases every session with nbgrader (~40 s): .ci/run runs it after make test",
    ),
]


@pytest.mark.parametrize("edition", list(course.EDITIONS))
def test_stored_student_versions_are_what_the_masters_generate(tmp_path, edition):
    """notebooks/exercises_*.ipynb and notebooks/fr/exercises_*.ipynb cannot drift from their
    edition's masters (same cells, same sources)."""
    folder = course.edition_dir(edition, NOTEBOOKS)
    released = course.release(
        course_dir=tmp_path, notebooks_dir=NOTEBOOKS, solutions=False, edition=edition
    )
    assert len(released) == len(course.masters(folder)) == 5
    for path in released:
        generated = nbformat.read(path, as_version=4).cells
        stored = nbformat.read(folder / path.name, as_version=4).cells
        assert [c.source for c in stored] == [c.source for c in generated], path.name
        text = "\n".join(c.source for c in generated)
        assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text
        assert "assert verdict" not in text
