"""``make bench``: the runner against a naive baseline, and the bound no runner can beat.

Three measurements, all on the same notebooks (by default every notebook of both editions,
``notebooks/*.ipynb`` and ``notebooks/fr/*.ipynb``), in this session, one after another:

* the naive baseline: for each notebook, one ``papermill`` command, then one
  ``jupyter nbconvert --to html`` command, run one after another (each pays Python's,
  nbformat's and jsonschema's start-up, and a kernel);
* the runner: ``python -m diaspora_helpers run`` into a temporary outputs folder;
* the bound: starting a ``python3`` kernel and importing pandas and matplotlib in it, the
  part of every notebook's run that no runner can avoid (median of a few samples), spread
  over the cores: notebooks x bound / min(cores, notebooks), where "notebooks" counts
  every notebook run, French twins included (each starts its own kernel).

Then the figures issue 21 asks for, each against the import bound B = notebooks x the
time of ``python -c "import ipykernel, pandas, matplotlib.pyplot"`` / cores, measured in the
same session: a run with nothing changed, a run after one English topic notebook's code
changed (on a copy of ``notebooks/``, with the cache of a fresh first run), and with
``--suite`` the wall time of ``make check`` and ``make test``.

Wall time is measured around each command; peak memory is the largest sum of the resident
memory of a command and all its descendants (the runner and its kernels), sampled every
50 ms with psutil. Nothing is written to ``outputs/``: the table is only printed.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from diaspora_helpers import paths

BOUND_CODE = "import pandas, matplotlib.pyplot"


def _tree_rss(process: object) -> int:
    """Return the resident memory of a psutil process and its descendants, in bytes."""
    import psutil

    total = 0
    for proc in [process, *process.children(recursive=True)]:  # type: ignore[attr-defined]
        try:
            total += proc.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total


def measure(command: Sequence[str], *, env: dict[str, str], cwd: Path) -> tuple[float, int, str]:
    """Run ``command``; return (wall seconds, peak memory of its process tree, stdout)."""
    import psutil

    started = time.monotonic()
    process = subprocess.Popen(
        list(command), env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    watched = psutil.Process(process.pid)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            try:
                peak[0] = max(peak[0], _tree_rss(watched))
            except psutil.NoSuchProcess:
                return
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    wall = time.monotonic() - started
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} failed ({process.returncode}):\n"
            f"{stderr.decode(errors='replace')[-2000:]}{stdout.decode(errors='replace')[-500:]}"
        )
    return wall, peak[0], stdout.decode(errors="replace")


def kernel_bound(repeat: int) -> list[float]:
    """Return, per sample, the seconds to start a python3 kernel and import pandas+matplotlib."""
    from jupyter_client.manager import start_new_kernel

    from diaspora_helpers.publish.execution.execute import kernel_env

    samples = []
    with tempfile.TemporaryDirectory(prefix="diaspora-bench-") as folder:
        env = kernel_env(Path(folder) / "figures")
        for _ in range(repeat):
            started = time.monotonic()
            manager, client = start_new_kernel(
                kernel_name="python3",
                env=env,
                cwd=str(paths.notebooks_dir() or Path.cwd()),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                reply = client.execute_interactive(BOUND_CODE, timeout=300)
                if reply["content"]["status"] != "ok":
                    raise RuntimeError(f"the kernel could not run {BOUND_CODE!r}")
                samples.append(time.monotonic() - started)
            finally:
                client.stop_channels()
                manager.shutdown_kernel(now=True)
    return samples


def _env(figures: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)
    env.pop("DIASPORA_OUTPUTS_DIR", None)
    env["PYTHONHASHSEED"] = "0"
    if figures is not None:
        env["DIASPORA_FIGURES_DIR"] = str(figures)
    return env


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else (shutil.which(name) or name)


def baseline(notebooks: Sequence[Path], work: Path) -> tuple[float, int]:
    """Run papermill then nbconvert per notebook, sequentially; return (wall, peak memory)."""
    wall, peak = 0.0, 0
    from diaspora_helpers.publish.execution.selection import notebook_key

    for notebook in notebooks:
        name = notebook_key(notebook).replace("/", "_")
        executed = work / f"{name}.ipynb"
        for command in (
            [
                _tool("papermill"),
                "--no-progress-bar",
                "-k",
                "python3",
                "--cwd",
                str(notebook.parent),
                str(notebook),
                str(executed),
            ],
            [_tool("jupyter"), "nbconvert", "--to", "html", str(executed)],
        ):
            env = _env(work / "figures" / name)
            seconds, memory, _ = measure(command, env=env, cwd=paths.find_checkout() or Path.cwd())
            wall, peak = wall + seconds, max(peak, memory)
    return wall, peak


IMPORT_BOUND_CODE = "import ipykernel, pandas, matplotlib.pyplot"
#: The notebook whose code the incremental measurement changes (an English topic notebook).
CHANGED_NOTEBOOK = "02_remittances"


def import_bound(repeat: int) -> float:
    """Return the median seconds of ``python -c IMPORT_BOUND_CODE`` over ``repeat`` runs."""
    samples = []
    for _ in range(max(1, repeat)):
        started = time.monotonic()
        subprocess.run([sys.executable, "-c", IMPORT_BOUND_CODE], check=True, env=_env())
        samples.append(time.monotonic() - started)
    return statistics.median(samples)


def incremental(notebooks_dir: Path, work: Path) -> dict[str, float]:
    """Return the wall seconds of: a fresh run, a run with nothing changed, a run after one
    code cell of :data:`CHANGED_NOTEBOOK` changed (on a copy of ``notebooks_dir``)."""
    import nbformat

    copy = work / "notebooks"
    shutil.copytree(notebooks_dir, copy, ignore=shutil.ignore_patterns(".*"))
    env = {**_env(), "DIASPORA_CACHE_DIR": str(work / "cache")}
    base = [sys.executable, "-m", "diaspora_helpers", "run", "--quiet", "--notebooks-dir"]
    command = [*base, str(copy), "--outputs-dir", str(work / "incremental")]
    cwd = paths.find_checkout() or Path.cwd()
    timings = {"fresh": measure([*command, "--fresh"], env=env, cwd=cwd)[0]}
    timings["unchanged"] = measure(command, env=env, cwd=cwd)[0]
    path = copy / f"{CHANGED_NOTEBOOK}.ipynb"
    nb = nbformat.read(path, as_version=4)
    code = [
        c
        for c in nb.cells
        if c.cell_type == "code" and "parameters" not in c.metadata.get("tags", [])
    ]
    code[-1].source += "\n# changed by make bench"
    nbformat.write(nb, path)
    timings["one changed"] = measure(command, env=env, cwd=cwd)[0]
    return timings


def suite(target: str) -> float:
    """Return the wall seconds of ``make TARGET`` in the checkout."""
    started = time.monotonic()
    subprocess.run(["make", "--no-print-directory", target], cwd=paths.find_checkout(), check=True)
    return time.monotonic() - started


def runner(names: Sequence[str], jobs: int | None, work: Path) -> tuple[float, int, str]:
    """Run the runner into ``work/outputs``; return (wall, peak memory, its report)."""
    command = [sys.executable, "-m", "diaspora_helpers", "run", "--quiet"]
    command += ["--outputs-dir", str(work / "outputs"), *names]
    if jobs:
        command += ["--jobs", str(jobs)]
    return measure(command, env=_env(), cwd=paths.find_checkout() or Path.cwd())


def main(
    names: Sequence[str] = (),
    *,
    jobs: int | None = None,
    repeat: int = 3,
    baseline_run: bool = True,
    suite_run: bool = False,
) -> int:
    """Measure and print the benchmark table; return an exit status."""
    from diaspora_helpers.publish.execution.selection import (
        RunError,
        discover,
        edition_of,
        notebook_key,
        select,
    )

    folder = paths.notebooks_dir()
    folder_of_notebooks = folder
    if folder is None:
        print(f"error: no notebooks/ folder in {Path.cwd()} or above it", file=sys.stderr)
        return 2
    try:
        notebooks = select(names, discover(folder))
    except RunError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not notebooks:
        print("error: no notebooks to benchmark", file=sys.stderr)
        return 2
    cores = os.cpu_count() or 1
    workers = min(jobs or cores, len(notebooks))
    keys = [notebook_key(p) for p in notebooks]
    editions = sorted({edition_of(k) for k in keys})
    print(
        f"Benchmark: {len(notebooks)} notebooks ({', '.join(editions)}), {cores} cores, "
        f"runner with {workers} jobs"
    )
    with tempfile.TemporaryDirectory(prefix="diaspora-bench-") as folder:
        work = Path(folder)
        print("measuring the kernel bound ...", file=sys.stderr)
        samples = kernel_bound(repeat)
        print("measuring the runner ...", file=sys.stderr)
        run_wall, run_peak, report = runner(keys if names else [], jobs, work)
        print("measuring the import bound and the cached runs ...", file=sys.stderr)
        imports = import_bound(repeat)
        steps = incremental(folder_of_notebooks, work / "incremental")
        suites = {t: suite(t) for t in ("check", "test")} if suite_run else {}
        base = None
        if baseline_run:
            print("measuring the naive baseline ...", file=sys.stderr)
            (work / "naive").mkdir()
            base = baseline(notebooks, work / "naive")
    bound = statistics.median(samples)
    spread = len(notebooks) * bound / min(cores, len(notebooks))
    mb = 1024 * 1024
    rows = []
    if base is not None:
        rows.append(("naive: papermill + nbconvert, one by one", base[0], base[1] / mb))
    rows.append(("runner: python -m diaspora_helpers run", run_wall, run_peak / mb))
    print()
    print(f"{'':44}{'wall time':>12}{'peak memory':>16}")
    for label, wall, memory in rows:
        print(f"{label:44}{wall:>10.1f} s{memory:>13.0f} MB")
    if base is not None:
        print(f"{'naive / runner':44}{base[0] / run_wall:>11.2f}x{base[1] / run_peak:>15.2f}x")
    print()
    print(
        f"bound: start a kernel + {BOUND_CODE}: {bound:.2f} s per notebook "
        f"(median of {len(samples)}: {', '.join(f'{s:.2f}' for s in samples)})"
    )
    print(
        f"bound spread over the cores: {len(notebooks)} x {bound:.2f} s / "
        f"{min(cores, len(notebooks))} = {spread:.2f} s"
    )
    print(
        f"runner / spread bound: {run_wall / spread:.2f}x (the goal is at most 2x; `make test` "
        f"aims at 90 s, about {90 / spread:.0f}x the spread bound on this machine)"
    )
    own = [float(m) for m in re.findall(r"^\s+ran\s+\S+\s+([\d.]+) s", report, re.M)]
    if own:
        ideal = max(sum(own) / min(cores, len(own)), max(own))
        print(
            f"the notebooks' own time (kernel start + cells, as the runner reports it): "
            f"{sum(own):.1f} s in all, at best {ideal:.1f} s over {min(cores, len(own))} cores; "
            f"the runner's wall time is {run_wall / ideal:.2f}x that"
        )
    b = len(notebooks) * imports / cores
    print()
    print(
        f"B = {len(notebooks)} notebooks x {imports:.2f} s ({IMPORT_BOUND_CODE}) / {cores} cores"
        f" = {b:.1f} s"
    )
    goals = {"fresh": None, "unchanged": 0.5, "one changed": 1.2, "check": 4.0, "test": 12.0}
    labels = {
        "fresh": "make run, fresh (every notebook in a kernel)",
        "unchanged": "make run, nothing changed",
        "one changed": f"make run, {CHANGED_NOTEBOOK}'s code changed",
        "check": "make check",
        "test": "make test",
    }
    for name, seconds in {**steps, **suites}.items():
        goal = goals[name]
        aim = f"   (goal: at most {goal} B)" if goal is not None else ""
        print(f"{labels[name]:48}{seconds:>8.1f} s = {seconds / b:5.2f} B{aim}")
    print()
    print(report.rstrip())
    return 0
