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

Everything goes under a course folder, ``outputs/course/`` by default (git-ignored): the
nbgrader folders ``source``, ``release``, ``submitted``, ``autograded``, ``feedback``,
its ``gradebook.db``, and ``solutions`` and ``grades_<assignment>.csv``.
"""

from __future__ import annotations

import csv
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

from diaspora_helpers import paths

COURSE_ID = "mali-diaspora"
MASTER_PREFIX = "master_"
_MASTER = re.compile(r"master_(\d+)_(\w+)\.ipynb")
_STUDENT_ID = re.compile(r"[^A-Za-z0-9_.-]+")

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

from diaspora_helpers.publish.nbgrader_stub import AnswerStub

c = get_config()  # noqa: F821 (nbgrader provides it)
c.CourseDirectory.course_id = "{course_id}"
c.CourseDirectory.root = {root!r}
# The stub left for the student: {{answer}} is the answer_<n> the solution region assigned.
c.ClearSolutions.code_stub = {{"python": "{{answer}} = None  # your answer here"}}
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


def is_master(path: Path) -> bool:
    """Return True for a session's master notebook (kept back from the public site)."""
    return Path(path).name.startswith(MASTER_PREFIX) and Path(path).suffix == ".ipynb"


def masters(notebooks_dir: Path | None = None) -> dict[int, Path]:
    """Return the master notebooks by session number."""
    folder = notebooks_dir or paths.notebooks_dir()
    found = {}
    for path in sorted(folder.glob(f"{MASTER_PREFIX}*.ipynb")):
        match = _MASTER.fullmatch(path.name)
        if match:
            found[int(match.group(1))] = path
    return found


def assignment_name(session: int) -> str:
    """Return nbgrader's assignment name of a session, e.g. ``session1``."""
    return f"session{session}"


def student_name(master: Path) -> str:
    """Return the file name of a master's student version (``exercises_<n>_<topic>.ipynb``)."""
    match = _MASTER.fullmatch(Path(master).name)
    if match is None:
        raise CourseError(f"not a master notebook: {master}")
    return f"exercises_{match.group(1)}_{match.group(2)}.ipynb"


def default_course_dir() -> Path:
    """Return ``outputs/course`` (``DIASPORA_OUTPUTS_DIR`` moves it with the outputs)."""
    return paths.outputs_dir() / "course"


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
) -> list[Path]:
    """Generate the student version of each session (and its solutions) in the course folder.

    ``values`` replace parameter defaults in every master released (a group's variant), so
    the student version, the solutions and the hidden tests all use them. Returns the
    student notebooks written under ``release/``.
    """
    course_dir = (course_dir or default_course_dir()).resolve()
    write_config(course_dir)
    released = []
    for session, master in _sessions(sessions, notebooks_dir).items():
        assignment, name = assignment_name(session), student_name(master)
        source = course_dir / "source" / assignment / name
        _copy_source(master, source, values or {})
        nbgrader(course_dir, "generate_assignment", assignment, "--force")
        released.append(course_dir / "release" / assignment / name)
        if solutions:
            write_solutions(source, course_dir / "solutions" / assignment)
    return released


def write_solutions(source: Path, folder: Path) -> Path:
    """Execute a master (solutions and checks) into ``folder`` as a notebook and a page."""
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
        [*nbconvert, "--to=html", str(executed)],
    ]
    for command in commands:
        done = subprocess.run(
            command, env=_environment(), capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise CourseError(f"could not write the solutions of {source.name}:\n{done.stderr}")
    return executed


def write_student_versions(notebooks_dir: Path | None = None) -> list[Path]:
    """Regenerate ``notebooks/exercises_*.ipynb`` from the masters (then ``make refresh``)."""
    folder = notebooks_dir or paths.notebooks_dir()
    with tempfile.TemporaryDirectory() as tmp:
        released = release(course_dir=Path(tmp), notebooks_dir=folder, solutions=False)
        written = []
        for path in released:
            shutil.copyfile(path, folder / path.name)
            written.append(folder / path.name)
    return written


def _submissions(source: Path) -> dict[str, Path]:
    """Return each student's notebook in a folder: ``<student>/*.ipynb`` or ``<student>.ipynb``."""
    found: dict[str, Path] = {}
    for path in sorted(source.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in path.parts or path.name.startswith("."):
            continue
        relative = path.relative_to(source)
        student = relative.parts[0] if len(relative.parts) > 1 else path.stem
        student = _STUDENT_ID.sub("_", student).strip("_")
        if student in found:
            raise CourseError(f"two notebooks for student {student!r}: {found[student]}, {path}")
        found[student] = path
    return found


def collect(source: Path, session: int, *, course_dir: Path | None = None) -> list[str]:
    """Copy a folder or zip of submissions into ``submitted/<student>/<assignment>/``.

    One notebook per student: ``<student>/<any name>.ipynb`` (a folder per student, as
    copied from a JupyterHub or unpacked from an LMS download) or ``<student>.ipynb``
    (files sent by e-mail). Returns the student ids.
    """
    course_dir = (course_dir or default_course_dir()).resolve()
    master = _sessions([session], None)[session]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(source)
        if folder.suffix == ".zip":
            with zipfile.ZipFile(folder) as archive:
                archive.extractall(tmp)
            folder = Path(tmp)
        if not folder.is_dir():
            raise CourseError(f"no folder or zip of submissions at {source}")
        found = _submissions(folder)
        if not found:
            raise CourseError(f"no notebook found in {source}")
        for student, path in found.items():
            target = course_dir / "submitted" / student / assignment_name(session)
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / student_name(master))
    return sorted(found)


def grade(session: int, *, course_dir: Path | None = None) -> Path:
    """Autograde every submission of a session, write feedback and the grade table (CSV)."""
    course_dir = (course_dir or default_course_dir()).resolve()
    assignment = assignment_name(session)
    if not (course_dir / "source" / assignment).is_dir():
        raise CourseError(f"{assignment} was never released in {course_dir}: run release first")
    write_config(course_dir)
    nbgrader(course_dir, "autograde", assignment, "--force")
    nbgrader(course_dir, "generate_feedback", assignment, "--force")
    return write_grade_table(course_dir, assignment)


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


def add_parser(commands: Any) -> None:
    """Add the ``course`` subcommand (release, collect, grade, students) to the command line."""
    parser = commands.add_parser(
        "course",
        help="the lecturer's nbgrader course: release, collect, grade",
        description=(
            "Run nbgrader locally on the masters (notebooks/master_<n>_<topic>.ipynb): "
            "release student versions and solutions, collect a folder or zip of "
            "submissions, grade them into grades_session<n>.csv with per-student feedback. "
            "Everything goes under the course folder (default outputs/course/)."
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
    verbs.add_parser("students", help="regenerate notebooks/exercises_*.ipynb from the masters")
    verbs.add_parser("guide", help="regenerate the guide's definitions from data/definitions.csv")
    verbs.add_parser("binder", help="print the Binder launch link of the repository URL")
    for sub in (release_p, collect_p, grade_p):
        sub.add_argument("--course-dir", type=Path, default=None, help="default: outputs/course")


def _parse_params(assignments: Sequence[str]) -> dict[str, Any]:
    from diaspora_helpers.publish.requests import parse_value

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
            )
            for path in released:
                print(f"released {path}")
        elif args.verb == "collect":
            students = collect(args.source, args.session, course_dir=args.course_dir)
            print(f"collected {len(students)} submissions: {', '.join(students)}")
        elif args.verb == "grade":
            print(f"grades: {grade(args.session, course_dir=args.course_dir)}")
        elif args.verb == "guide":
            from diaspora_helpers.publish import course_texts

            changed = course_texts.update_guide()
            print("guide updated" if changed else "guide already up to date")
        elif args.verb == "binder":
            from diaspora_helpers.publish import course_texts

            url = course_texts.repository_url()
            if url is None:
                raise CourseError(
                    "no repository URL: set Repository under [project.urls] in pyproject.toml"
                )
            print(course_texts.binder_url(url))
        else:
            for path in write_student_versions():
                print(f"wrote {path} (now run make refresh)")
    except CourseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0
