"""The lecturer's course: student versions, release, collection and grading with nbgrader.

Each session has one master notebook, ``notebooks/master_<n>_<topic>.ipynb``: the exercise
with its solutions between ``### BEGIN SOLUTION`` / ``### END SOLUTION`` and one hidden test
per question between ``### BEGIN HIDDEN TESTS`` / ``### END HIDDEN TESTS``. nbgrader, run
locally (no JupyterHub, no Docker), turns it into:

- the student version ``exercises_<n>_<topic>.ipynb`` (``answer_<k> = None`` where the
  solution was, no hidden test): :func:`release`, and :func:`write_student_versions` for
  the copies kept in ``notebooks/``;
- the solutions, the master executed: :func:`release` writes them beside the release;
- a grade table and per-student feedback from a folder of submissions: :func:`collect`
  then :func:`grade`.

Everything goes under a course folder, ``course/`` by default (git-ignored): the
nbgrader folders ``source``, ``release``, ``submitted``, ``autograded``, ``feedback``,
its ``gradebook.db``, and ``solutions`` and ``grades_<assignment>.csv``.

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
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from diaspora_helpers import editions, paths
from diaspora_helpers.publish.course.grades import submissions as _submissions
from diaspora_helpers.publish.course.grades import write_grade_table
from diaspora_helpers.publish.execution.selection import MASTER_PREFIX, parse_value

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
    folder = notebooks_dir or paths.notebooks_dir()
    return folder / EDITIONS[edition] if EDITIONS[edition] else folder


def masters(notebooks_dir: Path | None = None) -> dict[int, Path]:
    """Return the master notebooks of one folder (one edition) by session number."""
    folder = notebooks_dir or paths.notebooks_dir()
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
    env = {k: v for k, v in os.environ.items() if k not in {"MPLBACKEND", "DIASPORA_FIGURES_DIR"}}
    env["PYTHONHASHSEED"] = "0"
    # nbgrader runs `alembic` (its database migrations) from PATH: use this environment's.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def nbgrader(course_dir: Path, *args: str) -> str:
    """Run one nbgrader command in the course folder; raise :class:`CourseError` on failure."""
    command = [sys.executable, "-m", "nbgrader", *args]
    done = subprocess.run(
        command, cwd=course_dir, env=_environment(), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise CourseError(f"nbgrader {' '.join(args)} failed:\n{tail}")
    return done.stdout + done.stderr


def _sessions(wanted: Sequence[int] | None, notebooks_dir: Path | None) -> dict[int, Path]:
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

    notebook = nbformat.read(master, as_version=4)
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
    for session, master in _sessions(sessions, folder).items():
        assignment, name = assignment_name(session, edition), student_name(master)
        source = course_dir / "source" / assignment / name
        _copy_source(master, source, values or {})
        nbgrader(course_dir, "generate_assignment", assignment, "--force")
        released.append(course_dir / "release" / assignment / name)
        if solutions:
            write_solutions(source, course_dir / "solutions" / assignment, language=edition)
    return released


def write_solutions(source: Path, folder: Path, *, language: str = "en") -> Path:
    """Execute a master (solutions and checks) into ``folder`` as a notebook and a page
    (``<html lang=language>``)."""
    folder.mkdir(parents=True, exist_ok=True)
    executed = folder / f"{source.stem}_solutions.ipynb"
    nbconvert = [sys.executable, "-m", "jupyter", "nbconvert", "--output-dir", str(folder)]
    commands = [
        [
            *nbconvert,
            "--to=notebook",
            "--execute",
            "--ExecutePreprocessor.record_timing=False",
            "--ExecutePreprocessor.timeout=600",
            f"--output={executed.stem}",
            str(source),
        ],
        [*nbconvert, "--to=html", f"--HTMLExporter.language_code={language}", str(executed)],
    ]
    for command in commands:
        done = subprocess.run(
            command, env=_environment(), capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise CourseError(f"could not write the solutions of {source.name}:\n{done.stderr}")
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


def collect(
    source: Path, session: int, *, course_dir: Path | None = None, edition: str = "en"
) -> list[str]:
    """Copy a folder or zip of submissions into ``submitted/<student>/<assignment>/``.

    One notebook per student: ``<student>/<any name>.ipynb`` (a folder per student, as
    copied from a JupyterHub or unpacked from an LMS download) or ``<student>.ipynb``
    (files sent by e-mail). ``edition`` is the edition the session was released in.
    Returns the student ids.
    """
    course_dir = (course_dir or default_course_dir()).resolve()
    master = _sessions([session], edition_dir(edition))[session]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(source)
        if folder.suffix == ".zip":
            with zipfile.ZipFile(folder) as archive:
                archive.extractall(tmp)
            folder = Path(tmp)
        if not folder.is_dir():
            raise CourseError(f"no folder or zip of submissions at {source}")
        try:
            found = _submissions(folder)
        except ValueError as exc:
            raise CourseError(str(exc)) from exc
        if not found:
            raise CourseError(f"no notebook found in {source}")
        for student, path in found.items():
            target = course_dir / "submitted" / student / assignment_name(session, edition)
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / student_name(master))
    return sorted(found)


def grade(session: int, *, course_dir: Path | None = None, edition: str = "en") -> Path:
    """Autograde every submission of a session, write feedback and the grade table (CSV).

    The feedback is in the edition's language: the checks of a French session answer in
    French. Returns ``grades_session<n>.csv`` (``grades_session<n>_fr.csv``).
    """
    course_dir = (course_dir or default_course_dir()).resolve()
    assignment = assignment_name(session, edition)
    if not (course_dir / "source" / assignment).is_dir():
        raise CourseError(f"{assignment} was never released in {course_dir}: run release first")
    write_config(course_dir)
    nbgrader(course_dir, "autograde", assignment, "--force")
    nbgrader(course_dir, "generate_feedback", assignment, "--force")
    return write_grade_table(course_dir, assignment)


def add_parser(commands: Any) -> None:
    """Add the ``course`` subcommand (release, collect, grade, students) to the command line."""
    parser = commands.add_parser(
        "course",
        help="the lecturer's nbgrader course: release, collect, grade",
        description=(
            "Run nbgrader locally on the masters (notebooks/master_<n>_<topic>.ipynb, or "
            "notebooks/fr/ for the French edition): release student versions and solutions, "
            "collect a folder or zip of submissions, grade them into grades_session<n>.csv "
            "(grades_session<n>_fr.csv) with per-student feedback. Everything goes under "
            "the course folder (default course/)."
        ),
    )
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    release_p = verbs.add_parser("release", help="student versions and solutions of sessions")
    release_p.add_argument("sessions", nargs="*", type=int, metavar="SESSION", help="default: all")
    release_p.add_argument(
        "-p",
        dest="params",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a parameter for this release (a group's variant), e.g. -p un_year=2000",
    )
    release_p.add_argument(
        "--no-solutions", action="store_true", help="skip executing the solutions"
    )
    collect_p = verbs.add_parser("collect", help="copy a folder or zip of submissions in")
    collect_p.add_argument("session", type=int)
    collect_p.add_argument("source", type=Path, help="<student>/*.ipynb or <student>.ipynb")
    grade_p = verbs.add_parser("grade", help="autograde, feedback and the grade table (CSV)")
    grade_p.add_argument("session", type=int)
    verbs.add_parser(
        "students",
        help="regenerate notebooks/exercises_*.ipynb and notebooks/fr/exercises_*.ipynb",
    )
    verbs.add_parser("guide", help="regenerate the guide's definitions from data/definitions.csv")
    verbs.add_parser("binder", help="print the Binder launch link of the repository URL")
    for sub in (release_p, collect_p, grade_p):
        sub.add_argument(
            "--course-dir",
            type=Path,
            default=None,
            help="default: course/ of the checkout (DIASPORA_COURSE_DIR)",
        )
        sub.add_argument(
            "--edition",
            choices=list(EDITIONS),
            default="en",
            help="en: notebooks/master_*; fr: the French masters, notebooks/fr/ (default: en)",
        )


def _parse_params(assignments: Sequence[str]) -> dict[str, Any]:

    values = {}
    for text in assignments:
        name, sep, value = text.partition("=")
        if not sep or not name.strip():
            raise CourseError(f"-p wants NAME=VALUE, got {text!r}")
        values[name.strip()] = parse_value(value)
    return values


def main(args: Any) -> int:
    """Run the ``course`` subcommand parsed by :func:`add_parser`; return the exit status."""
    try:
        if args.verb == "release":
            released = release(
                args.sessions,
                course_dir=args.course_dir,
                values=_parse_params(args.params),
                solutions=not args.no_solutions,
                edition=args.edition,
            )
            for path in released:
                print(f"released {path}")
        elif args.verb == "collect":
            students = collect(
                args.source, args.session, course_dir=args.course_dir, edition=args.edition
            )
            print(f"collected {len(students)} submissions: {', '.join(students)}")
        elif args.verb == "grade":
            graded = grade(args.session, course_dir=args.course_dir, edition=args.edition)
            print(f"grades: {graded}")
        elif args.verb == "guide":
            from diaspora_helpers.publish.course import texts as course_texts

            changed = course_texts.update_guide()
            print("guide updated" if changed else "guide already up to date")
        elif args.verb == "binder":
            from diaspora_helpers.publish.course import texts as course_texts

            url = course_texts.repository_url()
            if url is None:
                raise CourseError(
                    "no repository URL: set Repository under [project.urls] in pyproject.toml"
                )
            print(course_texts.binder_url(url))
        else:
            for path in write_student_versions():
                print(f"wrote {path} (now execute it: make course-students does both)")
    except CourseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0
