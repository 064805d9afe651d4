"""Whether a run would change nothing: the run key, checked before any heavy import.

A run's key is the SHA-256 of what it was asked (the notebooks selected and their
parameters, the outputs folder), of every file under the notebooks folder (code and
Markdown of both editions, the guide and course documents), and of what the cache's key
covers (``data/``, the helper package, the installed distributions). The key is recorded
in the outputs folder's manifest; a later run with the same key, whose published files are
all still there, leaves the outputs as they are and reports every notebook as reused.
``run --fresh`` never takes this path. (A published file edited or removed by hand makes
the next run a real one: its size or modification time no longer match the manifest.)
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from diaspora_helpers.publish.execution import cache
from diaspora_helpers.publish.execution.staging import MANIFEST


def run_key(
    notebooks_dir: Path, selected: list[Path], parameters: dict[str, Any], outputs: Path
) -> str:
    """Return the key of a run (see the module's docstring)."""
    digest = hashlib.sha256()
    request = {
        "selected": [p.as_posix() for p in selected],
        "parameters": parameters,
        "outputs": outputs.as_posix(),
        "executor": cache.EXECUTOR_VERSION,
    }
    digest.update(json.dumps(request, sort_keys=True, default=repr).encode())
    for path in sorted(notebooks_dir.rglob("*")):
        if path.is_dir() or ".ipynb_checkpoints" in path.parts:
            continue
        digest.update(path.relative_to(notebooks_dir).as_posix().encode() + b"\0")
        digest.update(cache.sha256_file(path).encode())
    digest.update(cache.inputs_fingerprint().encode())
    digest.update(cache.environment_fingerprint().encode())
    return digest.hexdigest()


def unchanged(outputs: Path, key: str) -> dict[str, int] | None:
    """Return the per-notebook figure counts of the last run if it had ``key`` and every
    file it published is still in ``outputs``, unchanged (same size and modification time);
    else None."""
    try:
        manifest = json.loads((outputs / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    run = manifest.get("run") or {}
    if run.get("key") != key:
        return None
    stats = run.get("stat") or {}
    for name in manifest.get("files", []):
        try:
            found = (outputs / name).stat()
        except OSError:
            return None
        if stats.get(name) != [found.st_size, found.st_mtime_ns]:
            return None
    notebooks = run.get("notebooks")
    return dict(notebooks) if isinstance(notebooks, dict) else {}
