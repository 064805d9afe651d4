"""How many kernels to run at once: no more than the cores, the open-file limit and the
memory of the machine allow.

One job per core fails on a machine whose open-file limit is low (macOS's default
``ulimit -n`` is 256): the runner holds near :data:`FILES_PER_KERNEL` descriptors per kernel
(the kernel's ZeroMQ sockets, its pipes and its log), so ten kernels need about 300 and
some notebooks then fail with "Too many open files". :func:`choose_jobs` takes the
smallest of the three bounds and says which one lowered the number, so the run's log can
tell the user why and how to raise it.
"""

from __future__ import annotations

import os
import resource
import sys
from pathlib import Path
from typing import NamedTuple

#: Descriptors the runner holds per running kernel (measured peak near 30).
FILES_PER_KERNEL = 30
#: Descriptors the runner holds whatever the number of kernels (standard streams, imported
#: libraries, the progress bar, the staging folder), kept free of the kernels' share.
FILES_MARGIN = 32
#: Memory one kernel takes with pandas and matplotlib loaded and a notebook's tables, in bytes.
MEMORY_PER_KERNEL = 400 * 2**20
#: Where Linux reports the memory available without swapping.
MEMINFO = Path("/proc/meminfo")
#: The highest soft limit :func:`lift_open_file_limit` asks for (macOS refuses more than
#: ``OPEN_MAX``, 10240, even when the hard limit says unlimited).
OPEN_FILES_WANTED = 10240


class Limit(NamedTuple):
    """A limit of the machine that lowered the number of kernels at once.

    ``kind`` is ``"open_files"`` (``value``: the soft limit, ``ulimit -n``) or ``"memory"``
    (``value``: the bytes available); ``allows`` is how many kernels it allows. The run's
    log words it in the run's language (:mod:`~diaspora_helpers.publish.execution.report`).
    """

    kind: str
    value: int
    allows: int


class Jobs(NamedTuple):
    """The number of kernels to run at once, what was wanted, and what lowered it.

    ``limits`` is empty when ``jobs`` is what was wanted (``--jobs``, else one per core) or
    the number of notebooks, when there are fewer; otherwise it names each limit that bit.
    """

    jobs: int
    wanted: int
    limits: tuple[Limit, ...] = ()


def cores() -> int:
    """Return the number of cores this process may run on (at least 1)."""
    if sys.version_info >= (3, 13):
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def open_file_limit() -> int | None:
    """Return the soft limit on open files (``ulimit -n``), or ``None`` when unlimited."""
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    return None if soft == resource.RLIM_INFINITY else int(soft)


def lift_open_file_limit(wanted: int = OPEN_FILES_WANTED) -> int | None:
    """Raise this process's soft open-file limit towards ``wanted``, within the hard limit,
    and return the soft limit now in force (``None``: unlimited).

    Only the soft limit moves, as ``ulimit -n`` would in the user's shell; kernels started
    afterwards inherit it. A system that refuses leaves the limit as it was.
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return None
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if target > soft:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        except (ValueError, OSError):
            return int(soft)
        return int(target)
    return int(soft)


def available_memory(meminfo: Path = MEMINFO) -> int | None:
    """Return the memory available to new processes, in bytes, or ``None`` when unknown.

    Linux's ``MemAvailable`` (``/proc/meminfo``, in kB) counts what can be had without
    swapping; elsewhere the free pages that ``os.sysconf`` reports, where it reports them.
    """
    try:
        for line in meminfo.read_text(encoding="ascii").splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return int(os.sysconf("SC_AVPHYS_PAGES")) * int(os.sysconf("SC_PAGE_SIZE"))
    except (ValueError, OSError, AttributeError):
        return None


def choose_jobs(
    asked: int | None,
    notebooks: int,
    *,
    cpu_count: int | None = None,
    open_files: int | None | bool = True,
    memory: int | None | bool = True,
) -> Jobs:
    """Return how many kernels to run at once for ``notebooks`` notebooks.

    ``asked`` is the user's ``--jobs`` (``None``: one per core). The result is at least 1
    and at most ``asked``, the notebooks, the open-file limit's share
    (``(limit - FILES_MARGIN) // FILES_PER_KERNEL``) and the memory's
    (``available // MEMORY_PER_KERNEL``). ``cpu_count``, ``open_files`` (the soft limit,
    ``None`` for unlimited) and ``memory`` (bytes available, ``None`` for unknown) are read
    from the machine unless given; tests inject them. Raises ``ValueError`` for ``asked``
    below 1.
    """
    if asked is not None and asked < 1:
        raise ValueError(f"the number of jobs must be at least 1, not {asked}")
    cpus = cores() if cpu_count is None else max(1, cpu_count)
    limit = open_file_limit() if open_files is True else open_files
    free = available_memory() if memory is True else memory
    wanted = cpus if asked is None else asked
    jobs = max(1, min(wanted, notebooks or 1))
    limits = []
    if isinstance(limit, int) and not isinstance(limit, bool):
        by_files = max(1, (limit - FILES_MARGIN) // FILES_PER_KERNEL)
        if by_files < jobs:
            jobs = by_files
            limits.append(Limit("open_files", limit, by_files))
    if isinstance(free, int) and not isinstance(free, bool):
        by_memory = max(1, free // MEMORY_PER_KERNEL)
        if by_memory < jobs:
            jobs = by_memory
            limits.append(Limit("memory", free, by_memory))
    return Jobs(jobs, wanted, tuple(limits))
