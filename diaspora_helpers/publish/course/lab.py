"""A student's workspace: copies of the exercises outside the tracked files.

``make lab`` (``python -m diaspora_helpers course lab``) copies the exercise notebooks of
both editions, and the narrative notebooks and course documents they link to, into
``workspace/`` at the top of the checkout (git-ignored; ``DIASPORA_WORKSPACE`` or
``--workspace`` name another folder), then JupyterLab opens there. Answers saved in the
workspace are never overwritten by ``make refresh``, ``make course-students`` or
``git pull``: a file already in the workspace is kept as it is, and only missing ones are
copied.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from diaspora_helpers import paths


def workspace_dir() -> Path:
    """Return the workspace: ``DIASPORA_WORKSPACE``, else ``workspace/`` of the checkout."""
    override = os.environ.get("DIASPORA_WORKSPACE")
    if override:
        return Path(override).resolve()
    checkout = paths.find_checkout()
    return (checkout or Path.cwd().resolve()) / "workspace"


def _wanted(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.iterdir()):
        if path.suffix == ".ipynb" and not path.name.startswith("master_"):
            found.append(path)
        elif path.suffix == ".md" and path.name != "instructor_guide.md":
            found.append(path)
    return found


def prepare(workspace: Path | None = None) -> tuple[Path, list[Path], list[Path]]:
    """Copy what is missing into the workspace; return it, the files copied and those kept."""
    target = (workspace or workspace_dir()).resolve()
    source = paths.require_notebooks_dir()
    copied, kept = [], []
    for sub in ("", "fr"):
        folder = source / sub if sub else source
        if not folder.is_dir():
            continue
        for path in _wanted(folder):
            out = target / sub / path.name if sub else target / path.name
            if out.exists():
                kept.append(out)
                continue
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, out)
            copied.append(out)
    return target, copied, kept
