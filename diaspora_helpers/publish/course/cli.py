"""The ``course`` command line: release, collect, grade, gradebook, and the lecturer's and
students' builds (instructor guide with answers, worksheets, a student workspace).

Every verb reports a mistake in what was asked with one line, ``error: ...``, and exit
status 2; ``grade`` exits 0 when every student was graded or set aside for attention, and
lists who needs attention and why.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from diaspora_helpers.editions import NOTEBOOK_FOLDERS as EDITIONS


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
    collect_p.add_argument(
        "--roster",
        type=Path,
        default=None,
        help="CSV with columns name,student: a platform's names -> the ids to grade under",
    )
    forget_p = verbs.add_parser(
        "forget", help="take a student off a session's attention list (no work is deleted)"
    )
    forget_p.add_argument("session", type=int)
    forget_p.add_argument("student")
    grade_p = verbs.add_parser("grade", help="autograde, feedback and the grade table (CSV)")
    grade_p.add_argument("session", type=int)
    grade_p.add_argument(
        "--workers", type=int, default=2, help="notebooks run at the same time (default 2)"
    )
    gradebook_p = verbs.add_parser(
        "gradebook",
        help="final grades from the grade tables, course/marks.csv and the syllabus's weights",
    )
    gradebook_p.add_argument(
        "--marks", type=Path, default=None, help="the lecturer's marks (default course/marks.csv)"
    )
    instructor_p = verbs.add_parser(
        "instructor-site",
        help="the instructor guide with its answers, into course/instructor/ (not public)",
    )
    worksheets_p = verbs.add_parser(
        "worksheets",
        help="printable worksheets and answer sheets per session and edition (HTML, PDF)",
    )
    worksheets_p.add_argument("--no-pdf", action="store_true", help="write the HTML only")
    lab_p = verbs.add_parser(
        "lab", help="copy the exercises into a student workspace (never overwriting a copy)"
    )
    lab_p.add_argument(
        "--workspace", type=Path, default=None, help="default: workspace/ of the checkout"
    )
    verbs.add_parser(
        "students",
        help="regenerate notebooks/exercises_*.ipynb and notebooks/fr/exercises_*.ipynb",
    )
    verbs.add_parser("guide", help="regenerate the guide's definitions from data/definitions.csv")
    verbs.add_parser("binder", help="print the Binder launch link of the repository URL")
    for sub in (instructor_p, worksheets_p):
        sub.add_argument("--course-dir", type=Path, default=None, help="default: course/")
    for sub in (release_p, collect_p, forget_p, grade_p, gradebook_p):
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
    from diaspora_helpers.publish.course.workflow import CourseError
    from diaspora_helpers.publish.execution.selection import parse_value

    values = {}
    for text in assignments:
        name, sep, value = text.partition("=")
        if not sep or not name.strip():
            raise CourseError(f"-p wants NAME=VALUE, got {text!r}")
        values[name.strip()] = parse_value(value)
    return values


def main(args: Any) -> int:
    """Run the ``course`` subcommand parsed by :func:`add_parser`; return the exit status."""
    # Imported here, not at the top: building the command line (``--help``, a usage
    # error) must not pay for nbformat, nbgrader and their schemas.
    from diaspora_helpers import i18n
    from diaspora_helpers.publish.course.collection import collect, forget, grade
    from diaspora_helpers.publish.course.workflow import (
        CourseError,
        default_course_dir,
        edition_dir,
        masters,
        release,
        write_student_versions,
    )

    # What a verb about one edition prints is in that edition's language (its catalog).
    _ = i18n.translator(getattr(args, "edition", "en"))
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
                print(_("released {path}").format(path=path))
        elif args.verb == "collect":
            students, aside = collect(
                args.source,
                args.session,
                course_dir=args.course_dir,
                edition=args.edition,
                roster=args.roster,
            )
            print(
                _("collected {n} submissions: {students}").format(
                    n=len(students), students=", ".join(students)
                )
            )
            for student, reason in aside.items():
                print(
                    _("needs attention: {student}: {reason}").format(student=student, reason=reason)
                )
        elif args.verb == "forget":
            reason = forget(
                args.session, args.student, course_dir=args.course_dir, edition=args.edition
            )
            print(
                _("{student} is off the attention list (was: {reason})").format(
                    student=args.student, reason=reason
                )
            )
        elif args.verb == "grade":
            table, results = grade(
                args.session,
                course_dir=args.course_dir,
                edition=args.edition,
                workers=args.workers,
            )
            print(_("grades: {table}").format(table=table))
            look = [r for r in results if r.attention or not r.graded]
            for result in look:
                state = _("graded") if result.graded else _("NOT graded")
                print(
                    _("needs attention ({state}): {student}: {reasons}").format(
                        state=state,
                        student=result.student,
                        reasons=_("; ").join(result.attention),
                    )
                )
            print(
                _("{graded} graded, {attention} need attention").format(
                    graded=sum(r.graded for r in results), attention=len(look)
                )
            )
        elif args.verb == "gradebook":
            from diaspora_helpers.publish.course import gradebook

            try:
                written = gradebook.build(
                    (args.course_dir or default_course_dir()).resolve(),
                    edition=args.edition,
                    marks=args.marks,
                )
            except gradebook.GradebookError as exc:
                raise CourseError(str(exc)) from exc
            for path in written:
                print(_("wrote {path}").format(path=path))
            incomplete = gradebook.incomplete(written)
            if incomplete:
                named = ", ".join(incomplete[:10]) + (" …" if len(incomplete) > 10 else "")
                print(
                    _(
                        "note: {n} student(s) have parts not graded or not marked yet "
                        "({students}); their final grade and the Moodle/Canvas files count "
                        "those parts as 0 until they are (see the notes column of the final "
                        "grades)"
                    ).format(n=len(incomplete), students=named)
                )
        elif args.verb == "instructor-site":
            from diaspora_helpers.publish.course import instructor

            for path in instructor.build((args.course_dir or default_course_dir()).resolve()):
                print(f"wrote {path}")
        elif args.verb == "worksheets":
            from diaspora_helpers.publish.course import worksheets

            folder = (args.course_dir or default_course_dir()).resolve()
            found = {e: masters(edition_dir(e)) for e in EDITIONS}
            written = worksheets.build(folder, found, pdf=not args.no_pdf)
            for path in written:
                print(f"wrote {path}")
            if not args.no_pdf and worksheets.browser() is None:
                print("no Chromium or Chrome found: print the HTML pages from a browser")
        elif args.verb == "lab":
            from diaspora_helpers.publish.course import lab

            folder, copied, kept = lab.prepare(args.workspace)
            print(f"workspace {folder}: {len(copied)} copied, {len(kept)} of your copies kept")
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
