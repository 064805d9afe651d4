"""Execute one notebook with papermill in a kernel of its own, and make the result reproducible.

Each notebook gets its own kernel (kernel name ``python3``, started from the ``notebooks/``
folder) whose environment has ``PYTHONHASHSEED=0``, no ``MPLBACKEND`` and
``DIASPORA_FIGURES_DIR`` pointing at the notebook's figure folder in the staging tree.
Several notebooks can run at once from threads of one process: papermill is driven
through its engine directly (its ``execute_notebook`` changes the process's working
directory, which threads share), and every kernel manager is registered so an
interrupted run can kill the kernels it started.

The executed notebook is then cleaned so that two runs give the same bytes: papermill's
and nbclient's timing metadata are dropped, the injected cell gets a fixed id, the
kernel metadata is fixed, and outputs that carry a process id, a memory address or a
random pandas ``Styler`` id are normalised. ``<matplotlib...>``-style reprs, which say
nothing to a reader, are dropped.
"""

from __future__ import annotations

import os
import re
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import nbformat
import zmq
from jupyter_client.manager import AsyncKernelManager
from nbformat import NotebookNode
from papermill.engines import papermill_engines
from papermill.iorw import load_notebook_node
from papermill.parameterize import parameterize_notebook

from diaspora_helpers.paths import source_checkout

KERNEL_NAME = "python3"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": KERNEL_NAME}
INJECTED_TAG = "injected-parameters"
PARAMETERS_TAG = "parameters"
RUN_METADATA = "diaspora_run"  # notebook metadata key the runner writes (parameters as run)
START_TIMEOUT = 120  # seconds for a kernel to start; generous for a loaded 2-core machine

_KERNEL_PATH = re.compile(r"(?:/[^\s:'\"]*)?/ipykernel_\d+/\d+\.py")
_ADDRESS = re.compile(r"(?<=at )0x[0-9a-fA-F]{6,16}\b")
_STYLER_ID = re.compile(r"\bT_([0-9a-f]{5})(?![0-9a-zA-Z])")
_NOISE_REPR = re.compile(
    r"^\s*\[?\s*(?:<(?:matplotlib\.|Axes\b|Figure\b|\w*Container\b)[^<>]*>[,\s]*)+\]?\s*$"
    r"|^\s*Text\(.*\)\s*$",
    re.DOTALL,
)


@dataclass
class CellFailure:
    """Where and how a notebook failed."""

    stem: str
    ename: str
    evalue: str
    position: int | None = None  # 1-based position among the source notebook's cells
    execution_count: int | None = None
    first_line: str = ""

    def describe(self) -> str:
        """Return one readable sentence: notebook, cell, first line of code, error."""
        if self.position is None:
            where = "the parameters passed by the runner" if self.first_line else "the run"
        else:
            count = f" (In [{self.execution_count}])" if self.execution_count else ""
            where = f"cell {self.position}{count}"
        line = f", which starts `{self.first_line}`," if self.first_line else ""
        message = f"{self.ename}: {self.evalue}" if self.evalue else self.ename
        return f"{self.stem}: {where}{line} failed with {message}"


@dataclass
class Execution:
    """The cleaned executed notebook, and the failure if there was one."""

    stem: str
    notebook: NotebookNode | None
    failure: CellFailure | None
    seconds: float


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


def kernel_env(figures_dir: Path) -> dict[str, str]:
    """Return the environment a runner kernel starts with."""
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)
    env["PYTHONHASHSEED"] = "0"
    env["DIASPORA_FIGURES_DIR"] = str(figures_dir)
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


def _value_repr(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 200 else text[:197] + "..."


def parameters_as_run(
    parameters: dict[str, Any], parameter_info: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """Return one row per declared parameter: name, type, default, value used, help."""
    rows = []
    for name, info in parameter_info.items():
        overridden = name in parameters
        rows.append(
            {
                "name": name,
                "type": info.get("inferred_type_name") or "",
                "default": info.get("default") or "",
                "value": _value_repr(parameters[name]) if overridden else info.get("default"),
                "overridden": overridden,
                "help": info.get("help") or "",
            }
        )
    return rows


def clean(
    nb: NotebookNode, parameters: dict[str, Any], parameter_info: dict[str, dict[str, Any]]
) -> None:
    """Strip run-specific metadata and normalise outputs so reruns give the same bytes."""
    meta = nb.metadata
    for key in ("papermill", "widgets"):
        meta.pop(key, None)
    meta["kernelspec"] = dict(KERNELSPEC)
    if "language_info" in meta:
        meta["language_info"].pop("version", None)
    meta[RUN_METADATA] = {"parameters": parameters_as_run(parameters, parameter_info)}
    styler_ids: dict[str, str] = {}
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if cell.metadata.get("tags") == []:
            del cell.metadata["tags"]
        if INJECTED_TAG in _tags(cell):
            cell["id"] = INJECTED_TAG
        if cell.cell_type == "code":
            cell.outputs = [_clean_output(o, styler_ids) for o in cell.outputs if not _noise(o)]


def _noise(output: NotebookNode) -> bool:
    """Return True for outputs that only show a matplotlib object's repr."""
    if output.get("output_type") not in ("execute_result", "display_data"):
        return False
    data = output.get("data", {})
    return set(data) == {"text/plain"} and bool(_NOISE_REPR.match(data["text/plain"]))


def _normalise(text: str, styler_ids: dict[str, str]) -> str:
    text = _KERNEL_PATH.sub("<cell>", text)
    text = _ADDRESS.sub("0xADDRESS", text)

    def styler(match: re.Match[str]) -> str:
        return "T_" + styler_ids.setdefault(match.group(1), f"s{len(styler_ids) + 1}")

    return _STYLER_ID.sub(styler, text)


def _clean_output(output: NotebookNode, styler_ids: dict[str, str]) -> NotebookNode:
    kind = output.get("output_type")
    if kind == "stream":
        output["text"] = _normalise(output["text"], styler_ids)
    elif kind in ("execute_result", "display_data"):
        for mime in ("text/plain", "text/html", "text/markdown"):
            if isinstance(output.data.get(mime), str):
                output.data[mime] = _normalise(output.data[mime], styler_ids)
    elif kind == "error":
        output["traceback"] = [_normalise(line, styler_ids) for line in output["traceback"]]
    return output


def write_notebook(nb: NotebookNode, path: Path) -> None:
    """Write ``nb`` as a stable JSON file (sorted keys, one-space indent, final newline)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = nbformat.writes(nb)
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


def log_tail(path: Path, lines: int = 5) -> str:
    """Return the last ``lines`` of a kernel log, indented for the failure report."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""
    tail = [ln for ln in text.splitlines() if "without encryption" not in ln][-lines:]
    return ("\n    kernel log:\n    " + "\n    ".join(tail)) if tail else ""
