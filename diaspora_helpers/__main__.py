"""Command line: ``python -m diaspora_helpers run|bench|course`` (also ``diaspora-run``)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

EPILOG_RUN = """\
the two editions:
  notebooks/X.ipynb (English) is named X and published as outputs/X.html;
  notebooks/fr/X.ipynb (French) is named fr/X and published as outputs/fr/X.html.
  Both editions run together, in one pool of kernels, and are published together.

examples:
  python -m diaspora_helpers run
      run every notebook of both editions and publish outputs/ (what `make run` does)
  python -m diaspora_helpers run 02_remittances -p 02_remittances:focus_year=2015
      rerun one notebook with another year; the other notebooks' outputs are kept
  python -m diaspora_helpers run fr/02_remittances -p fr/02_remittances:focus_year=2015
      the same for the French twin (notebooks/fr/02_remittances.ipynb)
  python -m diaspora_helpers run 02_remittances -p peers=[SEN,NER]
      with one notebook named, NOTEBOOK: may be left out of -p
  python -m diaspora_helpers run --params-file class.yaml --jobs 2

papermill's own forms, when one notebook is named:
  python -m diaspora_helpers run 02_remittances -p focus_year 2012
  python -m diaspora_helpers run 02_remittances -r label "a string, as given"
  python -m diaspora_helpers run 02_remittances -y "peers: [SEN, NER]"
  python -m diaspora_helpers run 02_remittances -f params.yaml
      params.yaml is papermill's flat file: one "name: value" line per parameter

parameter file (--params-file, YAML), one entry per notebook:
  01_demographics:
    year: 2020
  02_remittances:
    focus_year: 2015
    peers: [SEN, NER]
  fr/02_remittances:
    focus_year: 2015

values given with -p are read as int, float, True/False, None, [a, list] or a string;
-r keeps the string as given; YAML is read as papermill reads it, except that 5e0 is a
number (YAML 1.2). Later sources win: --params-file, -f, -y, -r, then -p. A parameter
the notebook does not declare is an error naming the nearest declared one. Every
notebook's page shows the parameters it ran with.

A notebook whose code, parameters, edition, data, helper package and installed
packages are those of an earlier run is not run again: its stored result is reused
(the log says "ran" or "reused" per notebook; --fresh ignores the cache). A run owns
only the files it generated (listed in outputs/.diaspora-manifest.json); any other file
in the outputs folder (a course folder, your notes) is kept, and listed in the log.

exit status: 0 all notebooks ran and outputs/ was replaced; 1 a notebook failed
(outputs/ left as it was, this run's results in .outputs-failed/); 2 a mistake in the
command (no notebooks/ folder found, unknown notebook, bad -p, unreadable parameter
file, undeclared parameter, an outputs folder holding notebooks/ or .git, or your home);
128+N interrupted by signal N (outputs/ left as it was).
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m diaspora_helpers",
        description="Run the collection's notebooks into outputs/, or benchmark the run.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    run = commands.add_parser(
        "run",
        help="execute notebooks with papermill and publish outputs/ (pages, figures, index)",
        description=(
            "Execute the notebooks of both editions (notebooks/*.ipynb in English,\n"
            "notebooks/fr/*.ipynb in French) with papermill, several at once, and write the\n"
            "executed notebooks, HTML pages, figures (PNG, SVG, 16:9 slide PNG) with their data\n"
            "(CSV) and an index page to outputs/ (English) and outputs/fr/ (French). Everything\n"
            "is built in a staging folder and moved into place only if every notebook succeeded."
        ),
        epilog=EPILOG_RUN,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument(
        "notebooks",
        nargs="*",
        metavar="NOTEBOOK",
        help="notebooks to run, by name (01_demographics; fr/01_demographics for the French "
        "edition) or path; default: all of both editions",
    )
    run.add_argument(
        "-p",
        "--param",
        dest="params",
        action="append",
        default=[],
        metavar="NOTEBOOK:NAME=VALUE",
        help="set a parameter of one notebook for this run, e.g. 01_demographics:year=2012 or "
        "fr/01_demographics:year=2012 (repeatable; overrides the file); with one notebook "
        "named, also papermill's -p NAME VALUE",
    )
    run.add_argument(
        "-r",
        "--raw",
        dest="raws",
        action="append",
        nargs=2,
        default=[],
        metavar=("NAME", "VALUE"),
        help="set a parameter to a string, as given (papermill's -r; one notebook named)",
    )
    run.add_argument(
        "-y",
        "--yaml",
        dest="yamls",
        action="append",
        default=[],
        metavar="YAML",
        help="parameters as YAML text, e.g. 'peers: [SEN, NER]' (papermill's -y; one notebook)",
    )
    run.add_argument(
        "-f",
        "--parameters-file",
        "--parameters_file",
        dest="flat_files",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="papermill's flat YAML file of name: value lines (papermill's -f; one notebook)",
    )
    run.add_argument(
        "--params-file",
        type=Path,
        metavar="FILE.yaml",
        help="YAML file mapping notebook names (01_demographics, fr/01_demographics) to "
        "{parameter: value}",
    )
    run.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help=f"notebooks run at once, one kernel each (default: the number of cores, "
        f"{os.cpu_count()})",
    )
    run.add_argument(
        "--notebooks-dir",
        type=Path,
        metavar="DIR",
        help="folder of notebooks to run (default: notebooks/ of the checkout holding the "
        "working directory); kernels start in it",
    )
    run.add_argument(
        "--outputs-dir",
        type=Path,
        metavar="DIR",
        help="folder to publish (default: $DIASPORA_OUTPUTS_DIR, else outputs/ of the checkout "
        "holding the working directory, else ./outputs; never inside the installed package)",
    )
    run.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar (it goes to stderr)"
    )
    run.add_argument(
        "--fresh",
        action="store_true",
        help="run every notebook in a kernel, ignoring the cache of earlier runs "
        "(.diaspora-cache/ beside the outputs folder, or $DIASPORA_CACHE_DIR)",
    )

    bench = commands.add_parser(
        "bench",
        help="time the full run against naive papermill + nbconvert commands",
        description=(
            "Measure the runner's wall time and peak memory (all processes) against a naive "
            "baseline of one `papermill` command and one `jupyter nbconvert --to html` "
            "command per notebook, one after another, and the bare cost of starting a "
            "kernel and importing pandas and matplotlib. Writes nothing to outputs/; "
            "prints a table."
        ),
    )
    bench.add_argument("notebooks", nargs="*", metavar="NOTEBOOK", help="default: all")
    bench.add_argument("-j", "--jobs", type=int, default=None, metavar="N", help="runner jobs")
    bench.add_argument(
        "--repeat", type=int, default=3, metavar="N", help="kernel start-up samples (default 3)"
    )
    bench.add_argument(
        "--skip-baseline", action="store_true", help="measure only the runner and the bound"
    )
    bench.add_argument("--suite", action="store_true", help="also time make check and make test")
    catalogs = commands.add_parser(
        "catalogs",
        help="update and compile the French gettext catalogs (diaspora_helpers/locale/)",
        description=(
            "Extract the strings the helpers wrap in _() from their source files, update "
            "each area's locale/fr/LC_MESSAGES/<area>.po (new strings get an empty "
            "translation to fill in) and compile it to <area>.mo. Exits 1 and lists the "
            "strings that still have no French."
        ),
    )
    catalogs.add_argument(
        "--check",
        action="store_true",
        help="change nothing; fail if a string lacks French or a catalog file is stale",
    )
    catalogs.add_argument(
        "--force", action="store_true", help="overwrite catalogs with uncommitted changes"
    )
    refresh = commands.add_parser(
        "refresh",
        help="re-execute the stored notebooks (notebooks/, notebooks/fr/) in place",
        description=(
            "Run every stored notebook (or those named: 02_remittances, fr/master_3_remittances,"
            " or a path) through the one executor, reusing the cache where nothing changed, "
            "and write each back in place. Refuses notebooks with uncommitted changes unless "
            "--force."
        ),
    )
    refresh.add_argument("notebooks", nargs="*", metavar="NOTEBOOK")
    refresh.add_argument(
        "--force", action="store_true", help="overwrite notebooks with uncommitted changes"
    )
    refresh.add_argument("--fresh", action="store_true", help="ignore the cache")
    refresh.add_argument("-j", "--jobs", type=int, default=None, metavar="N")
    guard = commands.add_parser(
        "guard", help="exit 3 if a file has uncommitted changes (used by make format)"
    )
    guard.add_argument("--force", action="store_true")
    guard.add_argument("what", metavar="COMMAND")
    guard.add_argument("files", nargs="*", type=Path)
    from diaspora_helpers.publish.course import cli as course

    course.add_parser(commands)
    return parser


PARAM_OPTIONS = ("-p", "--param")


def papermill_pairs(argv: Sequence[str]) -> list[str]:
    """Return ``argv`` with papermill's ``-p NAME VALUE`` joined into ``-p NAME=VALUE``.

    A ``-p`` followed by a parameter name (an identifier, no ``=``) and one more word is
    papermill's form; ``-p NOTEBOOK:NAME=VALUE`` and ``-p NAME=VALUE`` are left alone.
    """
    words, joined, index = list(argv), [], 0
    while index < len(words):
        word = words[index]
        name = words[index + 1] if index + 1 < len(words) else ""
        if word in PARAM_OPTIONS and name.isidentifier() and index + 2 < len(words):
            joined += [word, f"{name}={words[index + 2]}"]
            index += 3
            continue
        joined.append(word)
        index += 1
    return joined


def skip_iri_syntax_checker() -> None:
    """Keep jsonschema from loading the optional ``rfc3987_syntax`` package in this process.

    jsonschema imports it, when it is installed (JupyterLab's jupyter-events brings it in),
    to check the ``iri`` formats, and the package compiles a Lark grammar as it is imported:
    1.3-2.8 s on a 2-core machine, on every command that reads or executes a notebook. No
    schema this process validates uses those formats (nbformat's notebook schema has none),
    so the command line marks the module absent (``sys.modules[name] = None`` makes its
    import raise ImportError, which jsonschema expects for an optional checker). A process
    that has already imported it keeps it.
    """
    # typeshed types sys.modules as holding modules only; None is the documented "absent" mark
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line, run the command and return the exit status."""
    skip_iri_syntax_checker()
    args = _parser().parse_args(papermill_pairs(sys.argv[1:] if argv is None else argv))
    if args.command == "course":
        from diaspora_helpers.publish.course import cli as course

        return course.main(args)
    if args.command == "catalogs":
        from diaspora_helpers.publish import catalogs

        return catalogs.main(check=args.check, force=args.force)
    if args.command == "guard":
        from diaspora_helpers.publish import guard as guard_module

        extra = ["--force"] if args.force else []
        return guard_module.main([*extra, args.what, *map(str, args.files)])
    if args.command == "refresh":
        return _refresh(args)
    if args.command == "bench":
        from diaspora_helpers.publish.execution import bench

        return bench.main(
            args.notebooks,
            jobs=args.jobs,
            repeat=args.repeat,
            baseline_run=not args.skip_baseline,
            suite_run=args.suite,
        )
    from diaspora_helpers.data.loader import DataError
    from diaspora_helpers.publish.execution import runner, selection

    try:
        flat = selection.flat_parameters(args.flat_files, args.yamls, args.raws)
        report = runner.run(
            args.notebooks,
            assignments=args.params,
            params_file=args.params_file,
            flat_params=flat,
            jobs=args.jobs,
            notebooks_dir=args.notebooks_dir,
            outputs_dir=args.outputs_dir,
            progress=not args.quiet,
            fresh=args.fresh,
        )
    except (selection.RunError, DataError) as exc:  # a data file names itself and the fix
        from diaspora_helpers import i18n

        say = i18n.translator(getattr(exc, "language", i18n.LANGUAGES[0]))
        print(say("error: {message}").format(message=exc), file=sys.stderr)
        return selection.EXIT_USAGE
    except KeyboardInterrupt:  # before the runner's own signal handling was in place
        print("Interrupted before anything was written.", file=sys.stderr)
        return 130
    for line in runner.failures(report):
        print(line, file=sys.stderr)
    try:
        print(runner.format_report(report), flush=True)
    except BrokenPipeError:  # e.g. `... | head`: the run itself is complete
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0 if report.ok else selection.EXIT_FAILED


def _refresh(args: argparse.Namespace) -> int:
    from diaspora_helpers import paths
    from diaspora_helpers.publish.execution import refresh
    from diaspora_helpers.publish.execution.jobs import choose_jobs
    from diaspora_helpers.publish.execution.selection import RunError
    from diaspora_helpers.publish.guard import UncommittedChanges

    folder = paths.notebooks_dir()
    if folder is None:
        print("error: no notebooks/ folder here or above: run from a checkout", file=sys.stderr)
        return 2
    try:
        notebooks = refresh.stored_notebooks(folder, args.notebooks)
        jobs = choose_jobs(args.jobs, len(notebooks)).jobs
        failures = refresh.refresh(notebooks, force=args.force, jobs=jobs, fresh=args.fresh)
    except (RunError, UncommittedChanges) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for message in failures:
        print(f"error: {message}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
