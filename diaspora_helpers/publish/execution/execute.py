"""The one executor: every execution of a notebook goes through :func:`run_notebook`.

``make run`` (the runner), ``make refresh`` and ``course students`` (stored notebooks
re-executed in place), the tests' collection runs and the course's solutions all call
:func:`run_notebook`; nbgrader's autograde keeps its own executor but is given the same
environment (:func:`kernel_env`), and nbval's sanitising file is generated from the same
output rules (``cleaning.OUTPUT_RULES``, ``cleaning.nbval_sanitize_text``; a test compares
them).

Each notebook gets its own kernel (kernel name ``python3``, started from the notebook's
folder) whose environment is :func:`kernel_env`: ``PYTHONHASHSEED=0``, no ``MPLBACKEND``,
and ``paths.RUN_FILES_VARIABLE`` naming a private folder for the files the notebook
produces (the one channel; the charts layer reads it through ``paths.run_files_dir``).
After the run, the executed notebook's metadata lists each file with its SHA-256
(``diaspora_run.files``) and the publisher places them. With a :class:`Cache`, a notebook
whose key (code cells, parameters, edition, data, package, installed versions) is already
stored is not run again: its stored outputs are put under the current Markdown, and the
result is the same bytes a fresh run gives (both paths build it the same way).
Several notebooks can run at once from threads of one process: papermill is driven
through its engine directly (its ``execute_notebook`` changes the process's working
directory, which threads share), and every kernel manager is registered so an
interrupted run can kill the kernels it started.

The executed notebook is then cleaned by :mod:`.cleaning` so that two runs give the same
bytes.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import zmq
from jupyter_client.manager import AsyncKernelManager
from nbformat import NotebookNode
from papermill.engines import papermill_engines
from papermill.iorw import load_notebook_node
from papermill.parameterize import parameterize_notebook

from diaspora_helpers import i18n, paths
from diaspora_helpers.paths import source_checkout
from diaspora_helpers.publish.execution.cache import Cache, notebook_key, sha256_file
from diaspora_helpers.publish.execution.cleaning import (
    KERNEL_NAME,
    clean,
    notebook_text,
    with_outputs,
)
from diaspora_helpers.publish.notebook_tags import INJECTED_TAG, RUN_METADATA

START_TIMEOUT = 120  # seconds for a kernel to start; generous for a loaded 2-core machine
#: The package's own errors, whose message is a sentence written for the reader in the
#: notebook's language: described without the class name (a code a reader has no use for).
#: Any other error keeps its name (``KeyError``…), which tells an analyst what went wrong.
READER_ERRORS = frozenset({"ParameterError", "DataError"})


@dataclass
class CellFailure:
    """Where and how a notebook failed."""

    stem: str
    ename: str
    evalue: str
    position: int | None = None  # 1-based position among the source notebook's cells
    execution_count: int | None = None
    first_line: str = ""

    def describe(self, language: str = "en", notebook: str | None = None) -> str:
        """Return one readable sentence in edition ``language`` (the notebook's): notebook
        (``notebook``, e.g. ``fr/exercises_1_counting``, else the stem), cell, first line
        of code, error. The error's own text stays as Python gave it."""
        _ = i18n.translator(language)
        if self.position is None:
            where = _("the parameters passed by the runner") if self.first_line else _("the run")
        elif self.execution_count:
            where = _("cell {position} (In [{count}])").format(
                position=self.position, count=self.execution_count
            )
        else:
            where = _("cell {position}").format(position=self.position)
        line = _(", which starts `{line}`,").format(line=self.first_line) if self.first_line else ""
        named = {"notebook": notebook or self.stem, "where": where, "line": line}
        if not self.evalue:
            return _("{notebook}: {where}{line} failed ({error}).").format(
                error=self.ename, **named
            )
        if self.ename in READER_ERRORS:
            return _("{notebook}: {where}{line} failed: {message}").format(
                message=_after_colon(self.evalue, language), **named
            )
        return _("{notebook}: {where}{line} failed ({error}): {message}").format(
            error=self.ename, message=self.evalue, **named
        )


def _after_colon(sentence: str, language: str) -> str:
    """``sentence`` as it continues a French sentence after a colon: its first letter in
    lower case (« a échoué : le paramètre… »), unless the first word is an acronym or a
    name in capitals; English keeps the capital of a full sentence after a colon."""
    first = sentence.split(" ", 1)[0]
    if language != "fr" or not first[:1].isupper() or first[1:2].isupper():
        return sentence
    return sentence[0].lower() + sentence[1:]


@dataclass
class Execution:
    """The cleaned executed notebook, and the failure if there was one.

    ``files`` is the folder holding the files the notebook produced (listed with their
    hashes in ``notebook.metadata.diaspora_run.files``); ``reused`` is True when the
    result came from the cache instead of a kernel.
    """

    stem: str
    notebook: NotebookNode | None
    failure: CellFailure | None
    seconds: float
    files: Path | None = None
    reused: bool = False


@dataclass
class KernelRegistry:
    """The kernels a run started, so an interrupted run can kill them all."""

    managers: list[AsyncKernelManager] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, manager: AsyncKernelManager) -> None:
        """Remember a kernel manager."""
        with self.lock:
            self.managers.append(manager)

    def kill_all(self) -> None:
        """Kill every kernel process (and its process group) still running."""
        with self.lock:
            managers = list(self.managers)
        for manager in managers:
            process = getattr(manager.provisioner, "process", None) if manager.provisioner else None
            if process is None or process.poll() is not None:
                continue
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except OSError:
                try:
                    process.kill()
                except OSError:
                    pass


def kernel_env(files_dir: Path | None = None, base: dict[str, str] | None = None) -> dict[str, str]:
    """Return the environment every kernel of the project starts with (the one definition).

    ``base`` (default: this process's environment) without ``MPLBACKEND`` (inline figures
    must be stored) and with ``PYTHONHASHSEED=0`` (printed sets keep their order);
    ``paths.RUN_FILES_VARIABLE`` is set to ``files_dir``, or removed when it is None (a
    kernel that must write no files, e.g. nbval's or nbgrader's).
    """
    env = dict(os.environ if base is None else base)
    env.pop("MPLBACKEND", None)
    env.pop(paths.RUN_FILES_VARIABLE, None)
    env["PYTHONHASHSEED"] = "0"
    if files_dir is not None:
        env[paths.RUN_FILES_VARIABLE] = str(files_dir)
    # From a checkout, the helpers are importable even when they are not installed in the
    # venv; an installed package is importable anyway.
    checkout = source_checkout()
    if checkout is not None:
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(checkout), env.get("PYTHONPATH", "")) if p
        )
    return env


def _manager_class(
    env: dict[str, str], cwd: Path, registry: KernelRegistry, log: IO[bytes] | None
) -> type:
    """Return a kernel manager class that starts its kernel with ``env`` in ``cwd``.

    The kernel's own stdout and stderr (not the cells' outputs, which travel over the
    kernel protocol) go to ``log``, so they do not scribble over the progress bar.
    """

    class RunnerKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            supports_curve = getattr(self, "_kernel_supports_curve_encryption", None)
            if supports_curve is not None and zmq.has("curve") and supports_curve():
                self.transport_encryption = "auto"  # jupyter_client >= 8.10: encrypted, quiet
            registry.add(self)

        async def _async_pre_start_kernel(self, **kw: Any) -> Any:
            kw["env"] = dict(env)
            kw["cwd"] = str(cwd)
            if log is not None:
                kw["stdout"] = kw["stderr"] = log
            return await super()._async_pre_start_kernel(**kw)

    return RunnerKernelManager


def count_code_cells(nb: NotebookNode) -> int:
    """Return how many cells a kernel will execute (non-empty code cells)."""
    return sum(1 for c in nb.cells if c.cell_type == "code" and c.source.strip())


def execute(
    source: Path,
    parameters: dict[str, Any],
    parameter_info: dict[str, dict[str, Any]],
    *,
    cwd: Path,
    figures_dir: Path,
    registry: KernelRegistry,
    log_path: Path | None = None,
    on_cell: Callable[[], None] = lambda: None,
) -> Execution:
    """Run ``source`` with ``parameters``; return the cleaned notebook and any failure."""
    stem = source.stem
    started = time.monotonic()
    nb = load_notebook_node(str(source))
    if parameters:
        nb = parameterize_notebook(nb, parameters, kernel_name=KERNEL_NAME, language="python")
    figures_dir.mkdir(parents=True, exist_ok=True)
    error: BaseException | None = None
    log = log_path.open("wb") if log_path is not None else None
    manager = _manager_class(kernel_env(figures_dir), cwd, registry, log)
    try:
        nb = papermill_engines.execute_notebook_with_engine(
            None,
            nb,
            kernel_name=KERNEL_NAME,
            input_path=str(source),
            output_path=None,
            progress_bar=False,
            log_output=False,
            start_timeout=START_TIMEOUT,
            record_timing=False,
            kernel_manager_class=manager,
            on_cell_executed=lambda **_: on_cell(),
        )
    except Exception as exc:  # a dead kernel or a timeout: papermill re-raises
        error = exc
    finally:
        if log is not None:
            log.close()
    failure = find_failure(nb, stem)
    if failure is None and error is not None:
        failure = CellFailure(stem, type(error).__name__, str(error).strip().splitlines()[0])
    clean(nb, parameters, parameter_info)
    return Execution(stem, nb, failure, time.monotonic() - started)


def run_notebook(
    source: Path,
    parameters: dict[str, Any],
    parameter_info: dict[str, dict[str, Any]],
    *,
    key: str,
    work: Path,
    registry: KernelRegistry,
    cache: Cache | None = None,
    reuse: bool = True,
    fingerprint: str = "",
    log_path: Path | None = None,
    on_cell: Callable[[], None] = lambda: None,
) -> Execution:
    """Execute notebook ``source`` (or reuse its cached run); the one way a notebook runs.

    ``key`` names the notebook (``fr/<stem>`` for the French edition), ``work`` is a folder
    of the caller's for this notebook's files (created here; the kernel writes into
    ``work/files``). With ``cache`` (and ``fingerprint``, from
    :func:`~diaspora_helpers.publish.execution.cache.inputs_fingerprint` and
    :func:`~diaspora_helpers.publish.execution.cache.environment_fingerprint`), a stored
    run with the same key is reused (unless ``reuse`` is False) and a successful fresh run
    is stored. The returned
    notebook has the source's current Markdown and the run's outputs, built the same way on
    both paths, so a reused run and a fresh one give the same bytes.
    """
    started = time.monotonic()
    current = normalise_ids(load_notebook_node(str(source)), source)  # papermill's reading
    cache_key = notebook_key(current, key, parameters, fingerprint) if cache else ""
    hit = cache.get(cache_key) if cache is not None and reuse else None
    if hit is not None:
        nb = with_outputs(current, hit.notebook, parameters, parameter_info)
        return Execution(source.stem, nb, None, time.monotonic() - started, hit.files, True)
    files = work / "files"
    files.mkdir(parents=True, exist_ok=True)
    result = execute(
        source,
        parameters,
        parameter_info,
        cwd=source.parent,
        figures_dir=files,
        registry=registry,
        log_path=log_path,
        on_cell=on_cell,
    )
    result.files = files
    if result.notebook is None:
        return result
    result.notebook.metadata.setdefault(RUN_METADATA, {})["files"] = {
        p.relative_to(files).as_posix(): sha256_file(p)
        for p in sorted(files.rglob("*"))
        if p.is_file()
    }
    if result.failure is None:
        executed = result.notebook
        result.notebook = with_outputs(current, executed, parameters, parameter_info)
        if cache is not None:
            cache.put(cache_key, notebook_text(executed), files)
    return result


def normalise_ids(nb: NotebookNode, source: Path) -> NotebookNode:
    """Return ``nb`` with unique cell ids (the project's rule for duplicates, when present)."""
    try:
        from diaspora_helpers.publish.execution import cell_ids
    except ImportError:  # pragma: no cover - until the module lands
        return nb
    return cell_ids.normalise(nb, source)


def find_failure(nb: NotebookNode, stem: str) -> CellFailure | None:
    """Return the first cell that failed (cells tagged ``raises-exception`` may fail)."""
    injected = [i for i, c in enumerate(nb.cells) if INJECTED_TAG in _tags(c)]
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or "raises-exception" in _tags(cell):
            continue
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        first = errors[0] if errors else {}
        if first.get("ename") == "SystemExit" and first.get("evalue") in ("", "0"):
            continue
        raised = cell.get("metadata", {}).get("papermill", {}).get("exception") is True
        if not errors and not raised:
            continue
        ename = errors[0].get("ename", "Error") if errors else "CellExecutionError"
        evalue = errors[0].get("evalue", "") if errors else "the cell did not finish"
        first_line = next((ln.strip() for ln in cell.source.splitlines() if ln.strip()), "")
        if len(first_line) > 90:
            first_line = first_line[:87] + "..."
        if index in injected:
            return CellFailure(stem, ename, evalue, None, None, first_line)
        position = index + 1 - sum(1 for i in injected if i < index)
        return CellFailure(stem, ename, evalue, position, cell.get("execution_count"), first_line)
    return None


def _tags(cell: NotebookNode) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def write_notebook(nb: NotebookNode, path: Path) -> None:
    """Write ``nb`` as a stable JSON file (sorted keys, one-space indent, final newline)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(notebook_text(nb), encoding="utf-8")


def log_tail(path: Path, lines: int = 5) -> str:
    """Return the last ``lines`` of a kernel log, indented for the failure report."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""
    tail = [ln for ln in text.splitlines() if "without encryption" not in ln][-lines:]
    return ("\n    kernel log:\n    " + "\n    ".join(tail)) if tail else ""
