"""Staging and the atomic swap: the run writes into ``.outputs-staging-<pid>`` beside
``outputs/``, which replaces ``outputs/`` in one step (``renameat2`` with
``RENAME_EXCHANGE`` on Linux) only when every notebook succeeded; a failed run is kept
as ``.outputs-failed/``; orphaned staging folders are removed by the next run.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import signal
from pathlib import Path

from diaspora_helpers.publish.execution.selection import RunError

STAGING_PREFIX = ".outputs-staging-"


FAILED_DIR = ".outputs-failed"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True
    return b"diaspora" in cmdline


def clean_stale_staging(parent: Path) -> None:
    """Remove staging folders left by runs that were killed; refuse if one is still running."""
    for folder in parent.glob(STAGING_PREFIX + "*"):
        suffix = folder.name.removeprefix(STAGING_PREFIX)
        pid = int(suffix) if suffix.isdigit() else None
        if pid is not None and pid != os.getpid() and _pid_alive(pid):
            raise RunError(
                f"another run (process {pid}) is writing {folder}; wait for it to finish "
                f"or remove that folder"
            )
        shutil.rmtree(folder, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2``); False where that is not available."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(a))


def publish(staging: Path, outputs: Path) -> None:
    """Put ``staging`` in the place of ``outputs`` in one step, then delete the old tree."""
    blocked = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, blocked)
    try:
        if not outputs.exists():
            staging.rename(outputs)
            return
        if _exchange(staging, outputs):
            shutil.rmtree(staging)  # it now holds the previous tree
            return
        old = outputs.parent / f".outputs-previous-{os.getpid()}"
        outputs.rename(old)
        staging.rename(outputs)
        shutil.rmtree(old)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def keep_failed(staging: Path, outputs: Path) -> Path:
    target = outputs.parent / FAILED_DIR
    if target.exists():
        shutil.rmtree(target)
    staging.rename(target)
    return target


def copy_previous(stem: str, outputs: Path, staging: Path) -> bool:
    """Copy a notebook's previous results into the staging tree; False if it has none."""
    source = outputs / f"{stem}.ipynb"
    if not source.is_file():
        return False
    shutil.copy2(source, staging / source.name)
    figures = outputs / "figures" / stem
    if figures.is_dir():
        shutil.copytree(figures, staging / "figures" / stem)
    return True
