"""How many kernels a run starts at once (placeholder until the limits module lands)."""

from __future__ import annotations

import os


def choose_jobs(asked: int | None, notebooks: int) -> tuple[int, str]:
    """Return (jobs, reason): the cores, or ``asked``, at most one per notebook."""
    jobs = max(1, min(asked or os.cpu_count() or 1, notebooks or 1))
    return jobs, ""
