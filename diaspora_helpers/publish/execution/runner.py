"""The runner behind ``make run``: execute the notebooks and publish ``outputs/`` atomically.

What it does
    Runs every notebook of both editions, ``notebooks/*.ipynb`` (English) and
    ``notebooks/fr/*.ipynb`` (French, named ``fr/<stem>``), or the ones named, with
    papermill, several at once in one pool (one kernel per notebook, driven from threads
    of this one process, so the ~3 s import of nbformat/jsonschema is paid once per run).
    Each notebook's parameters come from a YAML file and/or ``-p`` and are checked
    against the notebook's ``parameters`` cell before anything runs: a name the notebook
    does not declare is an error, not papermill's mere warning.

Where it writes
    The English site at the root of ``outputs/``, the French one in ``outputs/fr/`` (same
    structure; its pages link to the one data package, ``../data/``). Everything goes
    into a staging folder next to ``outputs/`` (``.outputs-staging-<pid>``, same
    filesystem), which replaces ``outputs/`` in one atomic step (``renameat2`` with
    ``RENAME_EXCHANGE`` on Linux) only when every notebook succeeded. When only some
    notebooks are named, the others' previous results are copied over from ``outputs/``
    (and their pages rebuilt), so the published tree is always complete and consistent.

On failure (a cell raised, e.g. a ``ParameterError`` from a bad value)
    The other notebooks still run to the end. ``outputs/`` is left exactly as it was,
    because a half-new, half-old tree would not match any one run: the issue asks that
    the whole run be published or nothing. The failing notebook, its cell (position in
    the notebook, execution count, first line of code) and the error are printed, and
    the exit status is 1. The run's results are not thrown away: the staging tree,
    including the other notebooks' new pages and the failed notebook with its error
    shown in place, is kept as ``.outputs-failed/`` (replacing an older one; ignored by
    git), so one can look at them, fix the problem and rerun.

On interruption (Ctrl-C, SIGTERM, SIGHUP)
    The kernels are killed, the staging folder is removed and ``outputs/`` is untouched;
    the exit status is 128 + the signal number. After a SIGKILL nothing can clean up, but
    ``outputs/`` is still untouched (nothing was moved), the kernels exit on their own
    when their parent dies, and the next run removes the orphaned staging folder.

Mistakes in the request (unknown notebook, malformed ``-p``, unreadable parameter file,
undeclared parameter) raise :class:`RunError`; the command line prints its message and
exits with status 2, without a traceback.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any

from diaspora_helpers import paths
from diaspora_helpers.i18n import LANGUAGES
from diaspora_helpers.publish.execution import up_to_date
from diaspora_helpers.publish.execution.report import Outcome, Report, failures, format_report
from diaspora_helpers.publish.execution.selection import (
    RunError,
    check_parameters,
    discover,
    edition_of,
    load_params_file,
    notebook_key,
    resolve_parameters,
    select,
)
from diaspora_helpers.publish.execution.staging import (
    check_outputs_dir,
    clean_stale_staging,
    copy_previous,
    keep_failed,
    publish,
    staging_prefix,
)


class Interrupted(Exception):
    """The run received SIGINT, SIGTERM or SIGHUP."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class _Progress:
    """A thread-safe tqdm bar counting executed cells, on stderr."""

    def __init__(self, total: int, notebooks: int, enabled: bool) -> None:
        from tqdm import tqdm

        self.lock = threading.Lock()
        self.notebooks, self.done = notebooks, 0
        self.bar = tqdm(
            total=total,
            unit="cell",
            file=sys.stderr,
            disable=None if enabled else True,
            desc=self._desc(),
            dynamic_ncols=True,
        )

    def _desc(self) -> str:
        return f"notebooks {self.done}/{self.notebooks}"

    def cell(self, count: int = 1) -> None:
        """Advance by ``count`` cells."""
        with self.lock:
            self.bar.update(count)

    def notebook_done(self, remaining_cells: int) -> None:
        """Count a finished notebook; skip the cells it did not run."""
        with self.lock:
            self.done += 1
            if remaining_cells > 0:
                self.bar.update(remaining_cells)
            self.bar.set_description(self._desc())

    def close(self) -> None:
        """Close the bar."""
        with self.lock:
            self.bar.close()


def _install_signal_handlers() -> dict[int, Any]:
    """Turn SIGINT, SIGTERM and SIGHUP into :class:`Interrupted` (main thread only)."""

    def handler(signum: int, _frame: Any) -> None:
        raise Interrupted(signum)

    previous: dict[int, Any] = {}
    if threading.current_thread() is not threading.main_thread():
        return previous
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        previous[signum] = signal.signal(signum, handler)
    return previous


def run(
    names: Sequence[str] = (),
    *,
    assignments: Sequence[str] = (),
    params_file: Path | None = None,
    flat_params: dict[str, Any] | None = None,
    jobs: int | None = None,
    notebooks_dir: Path | None = None,
    outputs_dir: Path | None = None,
    progress: bool = True,
    fresh: bool = False,
) -> Report:
    """Run the notebooks and publish ``outputs/``; RunError for mistakes in the request.

    ``assignments`` are ``-p`` texts (``NOTEBOOK:NAME=VALUE``, or ``NAME=VALUE`` with one
    notebook named), ``params_file`` a notebook-keyed YAML file, ``flat_params`` the
    parameters of the one notebook named (papermill's ``-f``, ``-y``, ``-r``). ``fresh``
    runs every notebook in a kernel even when the cache holds its result.
    """
    started = time.monotonic()
    previous_handlers = _install_signal_handlers()
    staging: Path | None = None
    registry = None
    outputs = (outputs_dir or paths.outputs_dir()).resolve()
    try:
        notebooks_dir = _notebooks_folder(notebooks_dir)
        check_outputs_dir(outputs)
        if jobs is not None and jobs < 1:
            raise RunError(f"--jobs must be at least 1, not {jobs}")
        available = discover(notebooks_dir)
        selected = select(names, available)
        file_params = load_params_file(params_file) if params_file is not None else {}
        parameters = resolve_parameters(selected, available, file_params, assignments, flat_params)
        run_key = up_to_date.run_key(notebooks_dir, selected, parameters, outputs)
        if not fresh:
            unchanged = up_to_date.unchanged(outputs, run_key)
            if unchanged is not None:
                outcomes = [
                    Outcome(notebook_key(p), "reused", figures=unchanged.get(notebook_key(p), 0))
                    if p in selected
                    else Outcome(notebook_key(p), "kept", figures=unchanged.get(notebook_key(p), 0))
                    for p in available
                ]
                seconds = time.monotonic() - started
                return Report(outcomes, False, outputs, None, seconds, 0, unchanged=True)
        info = check_parameters(selected, parameters)

        from diaspora_helpers.publish.execution.execute import KernelRegistry

        outputs.parent.mkdir(parents=True, exist_ok=True)
        clean_stale_staging(outputs)
        staging = outputs.parent / f"{staging_prefix(outputs)}{os.getpid()}"
        staging.mkdir()
        registry = KernelRegistry()
        from diaspora_helpers.publish.execution.jobs import choose_jobs, lift_open_file_limit

        lift_open_file_limit()
        chosen = choose_jobs(jobs, len(selected))
        workers = chosen.jobs
        report = _run_staged(
            selected,
            available,
            parameters,
            info,
            notebooks_dir,
            outputs,
            staging,
            workers,
            registry,
            progress,
            fresh,
            run_key,
        )
        report.seconds = time.monotonic() - started
        if chosen.limits:
            report.fewer_jobs = chosen
        return report
    except Interrupted as exc:
        if registry is not None:
            registry.kill_all()
        if staging is not None:
            _remove_staging(staging)
        print(
            f"\nInterrupted ({exc}): the kernels were stopped and {outputs} was left as it was.",
            file=sys.stderr,
        )
        sys.stderr.flush()
        sys.stdout.flush()
        os._exit(128 + exc.signum)  # worker threads may still be waiting on dead kernels
    except BaseException:
        if registry is not None:
            registry.kill_all()
        if staging is not None:
            _remove_staging(staging)
        raise
    finally:
        for signum, handler in previous_handlers.items():
            signal.signal(signum, handler)


def _remove_staging(staging: Path, within: float = 5.0) -> None:
    """Remove an interrupted run's staging folder, again while a worker thread still
    writes into it (a notebook that finished as the signal came is being placed there; its
    kernel is stopped, the thread is not), for up to ``within`` seconds."""
    deadline = time.monotonic() + within
    while True:
        shutil.rmtree(staging, ignore_errors=True)
        if not staging.exists() or time.monotonic() > deadline:
            return
        time.sleep(0.05)


def _notebooks_folder(given: Path | None) -> Path:
    """Return the folder to run: ``given``, else ``notebooks/`` of the checkout found from
    the working directory; RunError in one line when there is none."""
    if given is None:
        found = paths.notebooks_dir()
        if found is None:
            raise RunError(
                f"no notebooks/ folder in {Path.cwd()} or above it: run from a checkout of "
                "the collection, or name the folder with --notebooks-dir DIR"
            )
        given = found
    folder = given.resolve()
    if not folder.is_dir():
        raise RunError(f"notebook folder {folder} does not exist")
    return folder


def _run_staged(
    selected: list[Path],
    available: list[Path],
    parameters: dict[str, dict[str, Any]],
    info: dict[str, dict[str, dict[str, Any]]],
    notebooks_dir: Path,
    outputs: Path,
    staging: Path,
    workers: int,
    registry: Any,
    progress: bool,
    fresh: bool = False,
    run_key: str = "",
) -> Report:
    """Execute every edition's notebooks into ``staging`` in one pool, complete the tree
    (English at its root, French in ``fr/``), then publish it or keep it as failed."""
    import nbformat

    from diaspora_helpers.publish.execution import execute, rendering, site_plan
    from diaspora_helpers.publish.site import index_page, navigation
    from diaspora_helpers.publish.site import pages as site

    started = time.monotonic()
    keys = {p: notebook_key(p) for p in available}
    sources = {keys[p]: nbformat.read(p, as_version=4) for p in selected}
    planned = site_plan.site_map(
        available, selected, sources, notebooks_dir, outputs, site_plan.glossary_source().is_file()
    )
    webs = site_plan.edition_sites(staging, notebooks_dir, planned)
    cells = {
        k: execute.count_code_cells(nb) + (1 if k in parameters else 0) for k, nb in sources.items()
    }
    bar = _Progress(sum(cells.values()), len(selected), progress)
    logs = Path(tempfile.mkdtemp(prefix="diaspora-kernel-logs-"))
    from diaspora_helpers.publish.execution import cache as cache_module

    cache = cache_module.Cache(cache_module.cache_dir(outputs))
    fingerprint = (
        cache_module.inputs_fingerprint(kernel_only=True) + cache_module.environment_fingerprint()
    )
    pages = rendering.page_cache(cache.root)
    shared = rendering.site_fingerprint()

    def render(nb: Any, stem: str, web: Any, failed: bool = False) -> None:
        rendering.render(nb, stem, web, failed=failed, pages=pages, shared=shared, reuse=not fresh)

    def one(notebook: Path) -> Outcome:
        key, stem = keys[notebook], notebook.stem
        web = webs[edition_of(key)]
        ran = [0]

        def on_cell() -> None:
            ran[0] += 1
            bar.cell()

        log = logs / f"{key.replace('/', '__')}.log"
        result = execute.run_notebook(
            notebook,
            parameters.get(key, {}),
            info[key],
            key=key,
            work=logs / key.replace("/", "__"),
            registry=registry,
            cache=cache,
            reuse=not fresh,
            fingerprint=fingerprint,
            log_path=log,
            on_cell=on_cell,
        )
        if result.files is not None and result.files.is_dir():
            shutil.copytree(result.files, web.root / "figures" / stem, dirs_exist_ok=True)
        bar.notebook_done(cells[key] - ran[0])
        if result.notebook is not None:
            execute.write_notebook(result.notebook, web.root / f"{stem}.ipynb")
            render(result.notebook, stem, web, failed=result.failure is not None)
        figures = len(site.figure_names(result.notebook)) if result.notebook is not None else 0
        if result.failure is None:
            status = "reused" if result.reused else "ok"
            return Outcome(key, status, result.seconds, figures=figures)
        message = result.failure.describe(edition_of(key), key)
        if result.failure.position is None:
            message += execute.log_tail(log)
        return Outcome(key, "failed", result.seconds, message, figures)

    outcomes: dict[str, Outcome] = {}
    # Not a `with` block: on an interruption, leaving it would wait for running notebooks.
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="notebook")
    try:
        # Longest first (by code cells, a proxy for run time), so a long notebook does not
        # start last and leave the other cores idle at the end; results are reported sorted.
        # Both editions share the pool: the twins run side by side, not one site after the other.
        order = sorted(selected, key=lambda p: -cells[keys[p]])
        owner = {pool.submit(one, notebook): keys[notebook] for notebook in order}
        pending: set[Future[Outcome]] = set(owner)
        while pending:  # short waits, so that signals are handled promptly
            done, pending = wait(pending, timeout=0.25, return_when=FIRST_COMPLETED)
            for future in done:
                key = owner[future]
                try:
                    outcomes[key] = future.result()
                except Exception as exc:  # a bug or an I/O error around one notebook
                    outcomes[key] = Outcome(key, "failed", 0.0, f"{key}: {exc!r}")
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        bar.close()
        shutil.rmtree(logs, ignore_errors=True)

    chosen = {keys[p] for p in selected}
    entries: dict[str, list[str]] = {language: [] for language in webs}
    english: dict[str, Any] = {}  # the English notebooks, by stem, for their twins' index
    for notebook in available:
        key, stem = keys[notebook], notebook.stem
        language = edition_of(key)
        web = webs[language]
        previous = outputs / web.root.relative_to(staging)
        nb = None
        if key not in chosen:
            if copy_previous(stem, previous, web.root):
                nb = nbformat.read(web.root / f"{stem}.ipynb", as_version=4)
                render(nb, stem, web)
                outcomes[key] = Outcome(key, "kept", figures=len(site.figure_names(nb)))
            else:
                outcomes[key] = Outcome(key, "missing")
        elif (web.root / f"{stem}.ipynb").is_file():
            nb = nbformat.read(web.root / f"{stem}.ipynb", as_version=4)
        if language == LANGUAGES[0]:
            english[stem] = nb
        twin = english.get(stem) if language != LANGUAGES[0] else None
        entry = index_page.index_entry(nb, stem, web, outcomes[key].status, twin=twin)
        entries[language].append(entry)
    site_plan.render_glossaries(webs, planned)
    for language, web in webs.items():
        index_page.render_index(web, entries[language], finish=False)
    cache.evict()
    pages.evict(rendering.MAX_PAGES, rendering.MAX_PAGE_BYTES)
    navigation.finish(staging)

    ordered = [outcomes[keys[p]] for p in available if keys[p] in outcomes]
    failed = any(o.status == "failed" for o in ordered)
    failed_dir = None
    carried: list[str] = []
    if failed:
        failed_dir = keep_failed(staging, outputs)
    else:
        summary = {o.stem: o.figures for o in ordered}
        carried = publish(staging, outputs, run={"key": run_key, "notebooks": summary})
    report = Report(ordered, not failed, outputs, failed_dir, time.monotonic() - started, workers)
    report.kept_files = carried
    return report


__all__ = ["Outcome", "Report", "RunError", "check_outputs_dir", "failures", "format_report", "run"]
