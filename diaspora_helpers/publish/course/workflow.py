"""The lecturer's course: masters, student versions and release (with nbgrader).

Each session has one master notebook, ``notebooks/master_<n>_<topic>.ipynb``: the exercise
with its solutions between ``### BEGIN SOLUTION`` / ``### END SOLUTION`` and one hidden test
per question between ``### BEGIN HIDDEN TESTS`` / ``### END HIDDEN TESTS`` (it records the
answer: :mod:`diaspora_helpers.exercises.recording`). nbgrader, run locally (no
JupyterHub, no Docker), turns it into:

- the student version ``exercises_<n>_<topic>.ipynb`` (``answer_<k> = None`` where the
  solution was, no hidden test): :func:`release`, and :func:`write_student_versions` for
  the copies kept in ``notebooks/``;
- the solutions, the master executed: :func:`release` writes them beside the release;
Collection and grading are the project's own
(:mod:`~diaspora_helpers.publish.course.collection`): each answer is marked outside the
student's kernel with the released parameters. Everything goes under a course folder,
``course/`` by default (git-ignored): ``source``, ``release`` and nbgrader's
``gradebook.db``; ``submitted``, ``resubmitted``, ``autograded``, ``feedback``,
``solutions``, ``grades_<assignment>.csv`` and the gradebook's files.

The course has two editions (:data:`EDITIONS`): the English masters in ``notebooks/`` and
their French twins in ``notebooks/fr/`` (same file names, same code cells; the French sets
``setup(language="fr")``, so its checks, hints and grading feedback are French). Every verb
takes ``--edition en|fr``; a French session is the nbgrader assignment ``session<n>_fr``,
beside the English ``session<n>`` in the same course folder.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from diaspora_helpers import editions, paths
from diaspora_helpers.publish.execution import cell_ids
from diaspora_helpers.publish.execution.selection import MASTER_PREFIX

COURSE_ID = "mali-diaspora"
#: The editions of the course: language code -> folder of its notebooks, under notebooks/
#: (the registry :mod:`diaspora_helpers.editions`).
EDITIONS = editions.NOTEBOOK_FOLDERS
_MASTER = re.compile(r"master_(\d+)_(\w+)\.ipynb")

CONFIG = """\
# nbgrader configuration of the course, written by `python -m diaspora_helpers course`.
from nbgrader.preprocessors import (
    CheckCellMetadata,
    ClearHiddenTests,
    ClearMarkScheme,
    ClearOutput,
    ComputeChecksums,
    IncludeHeaderFooter,
    InstantiateTests,
    LockCells,
    SaveCells,
)

from diaspora_helpers.publish.course.nbgrader_stub import AnswerStub

c = get_config()  # noqa: F821 (nbgrader provides it)
c.CourseDirectory.course_id = "{course_id}"
c.CourseDirectory.root = {root!r}
# The stub left for the student: {{answer}} is the answer_<n> the solution region assigned;
# no comment, so that the English and French student versions have the same code cells.
c.ClearSolutions.code_stub = {{"python": "{{answer}} = None"}}
# nbgrader's own list, with AnswerStub in the place of ClearSolutions.
c.GenerateAssignment.preprocessors = [
    IncludeHeaderFooter,
    InstantiateTests,
    LockCells,
    AnswerStub,
    ClearOutput,
    CheckCellMetadata,
    ComputeChecksums,
    SaveCells,
    ClearHiddenTests,
    ClearMarkScheme,
    ComputeChecksums,
    CheckCellMetadata,
]
c.Execute.timeout = 300
"""


class CourseError(Exception):
    """A mistake in what was asked of the course command; reported without a traceback."""


def edition_dir(edition: str = "en", notebooks_dir: Path | None = None) -> Path:
    """Return the folder of an edition's notebooks: ``notebooks/`` or ``notebooks/fr/``.

    ``notebooks_dir`` is the English folder (default ``notebooks/``); an unknown edition
    raises :class:`CourseError` naming the editions.
    """
    if edition not in EDITIONS:
        raise CourseError(f"no edition {edition!r}; editions: {', '.join(EDITIONS)}")
    folder = _notebooks(notebooks_dir)
    return folder / EDITIONS[edition] if EDITIONS[edition] else folder


def _notebooks(given: Path | None) -> Path:
    """``given``, else the checkout's ``notebooks/``; CourseError when there is none."""
    folder = given or paths.notebooks_dir()
    if folder is None:
        raise CourseError("no notebooks/ folder found: run the course from the project's checkout")
    return folder


def masters(notebooks_dir: Path | None = None) -> dict[int, Path]:
    """Return the master notebooks of one folder (one edition) by session number."""
    folder = _notebooks(notebooks_dir)
    found = {}
    for path in sorted(folder.glob(f"{MASTER_PREFIX}*.ipynb")):
        match = _MASTER.fullmatch(path.name)
        if match:
            found[int(match.group(1))] = path
    return found


def assignment_name(session: int, edition: str = "en") -> str:
    """Return nbgrader's assignment name of a session: ``session1``, ``session1_fr``."""
    source = editions.source().code
    return f"session{session}" if edition == source else f"session{session}_{edition}"


def student_name(master: Path) -> str:
    """Return the file name of a master's student version (``exercises_<n>_<topic>.ipynb``)."""
    match = _MASTER.fullmatch(Path(master).name)
    if match is None:
        raise CourseError(f"not a master notebook: {master}")
    return f"exercises_{match.group(1)}_{match.group(2)}.ipynb"


def default_course_dir() -> Path:
    """Return the course folder, ``course/`` of the checkout (see :func:`paths.course_dir`)."""
    return paths.course_dir()


def _format_value(value: Any) -> str:
    return repr(list(value)) if isinstance(value, list | tuple) else repr(value)


def set_parameters(source: str, values: Mapping[str, Any]) -> str:
    """Return a parameters cell's source with ``values`` put in place of the defaults.

    Each line reads ``name: type = default  # meaning``; only the default changes. A name
    the cell does not define is refused, so a typo cannot pass unnoticed.
    """
    lines = source.split("\n")
    for name, value in values.items():
        pattern = re.compile(rf"^({re.escape(name)}\s*(?::[^=]+)?=\s*)(.*?)(\s+#.*)?$")
        hits = [i for i, line in enumerate(lines) if pattern.match(line)]
        if not hits:
            raise CourseError(f"the notebook has no parameter {name!r}")
        match = pattern.match(lines[hits[0]])
        assert match is not None
        lines[hits[0]] = match.group(1) + _format_value(value) + (match.group(3) or "")
    return "\n".join(lines)


def write_config(course_dir: Path) -> Path:
    """Write the course folder's ``nbgrader_config.py`` and return its path."""
    course_dir.mkdir(parents=True, exist_ok=True)
    config = course_dir / "nbgrader_config.py"
    config.write_text(CONFIG.format(course_id=COURSE_ID, root=str(course_dir.resolve())))
    return config


def _environment() -> dict[str, str]:
    from diaspora_helpers.publish.execution.execute import kernel_env

    env = kernel_env(None)  # the project's one kernel environment, for nbgrader's kernels too
    # nbgrader runs `alembic` (its database migrations) from PATH: use this environment's.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


#: ``python -m nbgrader``, without the optional IRI checker jsonschema would load (a Lark
#: grammar compiled on import: half of a short nbgrader command's CPU time; see
#: :func:`diaspora_helpers.__main__.skip_iri_syntax_checker`, which says why it is safe).
_NBGRADER_MAIN = (
    "import sys; sys.modules.setdefault('rfc3987_syntax', None); "
    "from nbgrader.apps.nbgraderapp import main; main()"
)


def nbgrader(course_dir: Path, *args: str) -> str:
    """Run one nbgrader command in the course folder; raise :class:`CourseError` on failure."""
    command = [sys.executable, "-c", _NBGRADER_MAIN, *args]
    done = subprocess.run(
        command, cwd=course_dir, env=_environment(), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise CourseError(f"nbgrader {' '.join(args)} failed:\n{tail}")
    return done.stdout + done.stderr


def select_sessions(wanted: Sequence[int] | None, notebooks_dir: Path | None) -> dict[int, Path]:
    found = masters(notebooks_dir)
    if not found:
        raise CourseError("no master notebook (notebooks/master_<n>_<topic>.ipynb)")
    if not wanted:
        return found
    unknown = [s for s in wanted if s not in found]
    if unknown:
        raise CourseError(f"no master for session {unknown[0]}; sessions: {sorted(found)}")
    return {s: found[s] for s in wanted}


def _copy_source(master: Path, target: Path, values: Mapping[str, Any]) -> None:
    import nbformat

    notebook, _renamed = cell_ids.read(master)  # stable ids, even where an editor repeated one
    if values:
        cells = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
        if not cells:
            raise CourseError(f"{master.name} has no cell tagged 'parameters'")
        cells[0].source = set_parameters(cells[0].source, values)
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, target)


def release(
    sessions: Sequence[int] | None = None,
    *,
    course_dir: Path | None = None,
    notebooks_dir: Path | None = None,
    values: Mapping[str, Any] | None = None,
    solutions: bool = True,
    edition: str = "en",
) -> list[Path]:
    """Generate the student version of each session (and its solutions) in the course folder.

    ``values`` replace parameter defaults in every master released (a group's variant), so
    the student version, the solutions and the hidden tests all use them. ``edition`` picks
    the masters (``"fr"``: ``notebooks/fr/``; ``notebooks_dir`` is the English folder).
    Returns the student notebooks written under ``release/``.
    """
    course_dir = (course_dir or default_course_dir()).resolve()
    write_config(course_dir)
    released = []
    folder = edition_dir(edition, notebooks_dir)
    for session, master in select_sessions(sessions, folder).items():
        assignment, name = assignment_name(session, edition), student_name(master)
        source = course_dir / "source" / assignment / name
        _copy_source(master, source, values or {})
        nbgrader(course_dir, "generate_assignment", assignment, "--force")
        released.append(course_dir / "release" / assignment / name)
        if solutions:
            write_solutions(source, course_dir / "solutions" / assignment, language=edition)
    return released


def run_master(source: Path, executed: Path, doing: str) -> Any:
    """Execute a master through the project's one executor (``run_notebook``) and write the
    executed notebook to ``executed``; return it. A cell that fails raises
    :class:`CourseError` ("could not ``doing`` of <master>: <the cell>"): nothing is drawn
    from a half-run master."""
    from diaspora_helpers.publish.execution import execute

    registry = execute.KernelRegistry()
    with tempfile.TemporaryDirectory(prefix="diaspora-master-") as work:
        try:
            result = execute.run_notebook(
                source, {}, {}, key=source.stem, work=Path(work), registry=registry
            )
        finally:
            registry.kill_all()
    if result.notebook is None or result.failure is not None:
        reason = result.failure.describe() if result.failure else "the kernel did not start"
        raise CourseError(f"could not {doing} of {source.name}: {reason}")
    result.notebook.metadata.pop(execute.RUN_METADATA, None)
    execute.write_notebook(result.notebook, executed)
    return result.notebook


def write_solutions(source: Path, folder: Path, *, language: str = "en") -> Path:
    """Execute a master (solutions and checks) into ``folder`` as a notebook and a page
    (``<html lang=language>``), through the project's one executor."""
    from nbconvert import HTMLExporter

    folder.mkdir(parents=True, exist_ok=True)
    executed = folder / f"{source.stem}_solutions.ipynb"
    notebook = run_master(source, executed, "write the solutions")
    exporter = HTMLExporter()
    exporter.language_code = language
    body, _resources = exporter.from_notebook_node(notebook)
    executed.with_suffix(".html").write_text(body, encoding="utf-8")
    return executed


def write_student_versions(
    notebooks_dir: Path | None = None, editions: Sequence[str] = tuple(EDITIONS)
) -> list[Path]:
    """Regenerate the student notebooks from the masters, edition by edition: English
    ``notebooks/exercises_*.ipynb`` and French ``notebooks/fr/exercises_*.ipynb`` (then
    execute them, as ``make course-students`` does). Returns the notebooks written."""
    written = []
    for edition in editions:
        folder = edition_dir(edition, notebooks_dir)
        with tempfile.TemporaryDirectory() as tmp:
            released = release(
                course_dir=Path(tmp), notebooks_dir=notebooks_dir, solutions=False, edition=edition
            )
            for path in released:
                shutil.copyfile(path, folder / path.name)
                written.append(folder / path.name)
    return written
