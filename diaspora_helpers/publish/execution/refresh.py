"""``make refresh``: re-execute stored notebooks in place, through the one executor.

Every notebook of ``notebooks/`` and ``notebooks/fr/`` (masters and student notebooks
included), or the ones named, runs with its default parameters through
:func:`~diaspora_helpers.publish.execution.execute.run_notebook` (so a notebook whose
inputs did not change since its last run comes from the cache) and is written back in
place, without the run's own metadata (``diaspora_run``: the outputs folder's pages need
it, the stored notebooks do not). A notebook with uncommitted changes is refused before
anything runs, unless ``force``.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from diaspora_helpers import paths
from diaspora_helpers.publish.execution import cache as cache_module
from diaspora_helpers.publish.execution.selection import RunError, notebook_key
from diaspora_helpers.publish.guard import refuse_uncommitted


def stored_notebooks(notebooks_dir: Path, names: Sequence[str] = ()) -> list[Path]:
    """Return the stored notebooks to refresh: all of both editions, or those named
    (a path, or a key such as ``02_remittances`` or ``fr/master_3_remittances``)."""
    everything = sorted(notebooks_dir.glob("*.ipynb")) + sorted(notebooks_dir.glob("*/*.ipynb"))
    if not names:
        return everything
    chosen = []
    for name in names:
        path = Path(name)
        if path.suffix == ".ipynb" and path.is_file():
            chosen.append(path.resolve())
            continue
        candidate = notebooks_dir / f"{name.removesuffix('.ipynb')}.ipynb"
        if not candidate.is_file():
            raise RunError(f"no stored notebook {name!r} in {notebooks_dir}")
        chosen.append(candidate)
    return chosen


def refresh(
    notebooks: Sequence[Path], *, force: bool = False, jobs: int = 2, fresh: bool = False
) -> list[str]:
    """Re-execute ``notebooks`` in place; return one failure message per failed notebook
    (a failed notebook is not written). Raises ``UncommittedChanges`` before any work."""
    refuse_uncommitted(notebooks, force=force, command="refresh")
    from diaspora_helpers.publish.execution import execute

    registry = execute.KernelRegistry()
    root = Path(tempfile.mkdtemp(prefix="diaspora-refresh-"))
    store = cache_module.Cache(cache_module.cache_dir(paths.outputs_dir()))
    fingerprint = (
        cache_module.inputs_fingerprint(kernel_only=True) + cache_module.environment_fingerprint()
    )

    def one(path: Path) -> str | None:
        key = notebook_key(path)
        result = execute.run_notebook(
            path,
            {},
            {},
            key=key,
            work=root / key.replace("/", "__"),
            registry=registry,
            cache=store,
            reuse=not fresh,
            fingerprint=fingerprint,
            log_path=root / f"{key.replace('/', '__')}.log",  # the kernel's own stderr
        )
        if result.failure is not None or result.notebook is None:
            return result.failure.describe() if result.failure else f"{path}: no notebook"
        result.notebook.metadata.pop(execute.RUN_METADATA, None)
        execute.write_notebook(result.notebook, path)
        state = "reused" if result.reused else "ran"
        print(f"  {state:<7} {key}", flush=True)
        return None

    try:
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            return [m for m in pool.map(one, notebooks) if m]
    finally:
        registry.kill_all()
        shutil.rmtree(root, ignore_errors=True)
