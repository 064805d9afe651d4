"""Commands that rewrite tracked files refuse a file with uncommitted changes.

``make refresh``, ``course students``, ``catalogs`` and ``make format`` rewrite files that
git tracks (stored notebooks, generated student notebooks, catalogs, sources). A file with
changes not yet committed may hold someone's work (a student's answers saved into
``notebooks/exercises_*.ipynb``, a translator's new French): such a command stops before
doing anything, names the files, and says how to go on (commit or stash them, or pass
``--force`` / ``FORCE=1`` to overwrite them anyway). Without git, or outside a checkout,
there is nothing to compare with and the command goes on.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path


class UncommittedChanges(Exception):
    """Files a command would rewrite have changes that are not committed."""


def uncommitted(files: Iterable[Path]) -> list[Path]:
    """Return those of ``files`` that git reports as modified, staged or untracked.

    Returns an empty list where git is missing or the files are not in a work tree.
    """
    files = [Path(f).resolve() for f in files]
    git = shutil.which("git")
    if not files or git is None:
        return []
    top = subprocess.run(
        [git, "rev-parse", "--show-toplevel"],
        cwd=files[0].parent if files[0].parent.is_dir() else Path.cwd(),
        capture_output=True,
        text=True,
        check=False,
    )
    if top.returncode != 0:
        return []
    root = Path(top.stdout.strip()).resolve()
    inside = [f for f in files if f.is_relative_to(root)]
    if not inside:
        return []
    status = subprocess.run(
        [git, "status", "--porcelain=v1", "-z", "--", *(str(f.relative_to(root)) for f in inside)],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    changed = set()
    for record in status.stdout.split("\0"):
        if len(record) > 3:
            changed.add((root / record[3:]).resolve())
    return [f for f in inside if f in changed]


def refuse_uncommitted(files: Iterable[Path], *, force: bool, command: str) -> None:
    """Raise :class:`UncommittedChanges` naming the files unless ``force``."""
    if force:
        return
    dirty = uncommitted(files)
    if dirty:
        names = "\n  ".join(str(p) for p in dirty)
        raise UncommittedChanges(
            f"{command} would overwrite files with uncommitted changes:\n  {names}\n"
            "Commit or stash them first (git stash), or run again with --force "
            "(make ... FORCE=1) to overwrite them."
        )


def main(argv: list[str]) -> int:
    """``python -m diaspora_helpers guard [--force] COMMAND FILE...``: exit 3 with the
    message when a file has uncommitted changes (for Makefile targets such as format)."""
    force = "--force" in argv
    rest = [a for a in argv if a != "--force"]
    command, files = rest[0], [Path(a) for a in rest[1:]]
    try:
        refuse_uncommitted(files, force=force, command=command)
    except UncommittedChanges as exc:
        import sys

        print(f"error: {exc}", file=sys.stderr)
        return 3
    return 0
