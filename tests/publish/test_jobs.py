"""The number of kernels at once follows the cores, the open-file limit and the memory
(issue 21, item 6: macOS's ``ulimit -n 256`` on 10 cores made 7 of 20 notebooks fail)."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from diaspora_helpers.publish.execution import jobs

GIB = 2**30


def test_macos_default_limit_on_ten_cores_keeps_the_files_within_the_limit() -> None:
    chosen = jobs.choose_jobs(None, 20, cpu_count=10, open_files=256, memory=16 * GIB)
    # 10 kernels at ~30 descriptors each need ~300 > 256; what is chosen must fit.
    assert chosen.jobs <= 7
    assert chosen.jobs * 30 <= 256 - 20  # the runner's own descriptors still fit
    assert chosen.jobs >= 5, "the limit should not be used more timidly than needed"
    assert chosen.wanted == 10
    assert chosen.limits == (jobs.Limit("open_files", 256, chosen.jobs),)


def test_nothing_lowers_the_jobs_on_a_roomy_machine() -> None:
    chosen = jobs.choose_jobs(None, 20, cpu_count=2, open_files=1024, memory=24 * GIB)
    assert chosen == (2, 2, ())
    assert jobs.choose_jobs(4, 20, cpu_count=2, open_files=None, memory=None).jobs == 4


def test_fewer_notebooks_than_cores_is_no_limit_worth_a_message() -> None:
    chosen = jobs.choose_jobs(None, 3, cpu_count=8, open_files=4096, memory=64 * GIB)
    assert (chosen.jobs, chosen.limits) == (3, ())


def test_memory_lowers_the_jobs_and_says_so() -> None:
    chosen = jobs.choose_jobs(8, 20, cpu_count=8, open_files=None, memory=1 * GIB)
    assert chosen.jobs == 2  # 1024 MiB // 400 MiB
    assert chosen.limits == (jobs.Limit("memory", 1 * GIB, 2),)


def test_both_limits_are_named_when_both_bite() -> None:
    chosen = jobs.choose_jobs(10, 20, cpu_count=10, open_files=256, memory=2 * GIB)
    assert chosen.jobs == 5  # 2048 // 400 = 5, below the files' 7
    assert [limit.kind for limit in chosen.limits] == ["open_files", "memory"]


def test_at_least_one_job_however_tight() -> None:
    chosen = jobs.choose_jobs(None, 20, cpu_count=4, open_files=40, memory=100 * 2**20)
    assert chosen.jobs == 1 and chosen.limits


def test_asked_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1, not 0"):
        jobs.choose_jobs(0, 5)


def test_memory_is_read_from_meminfo(tmp_path: Path) -> None:
    meminfo = tmp_path / "meminfo"
    meminfo.write_text("MemTotal:       25000000 kB\nMemAvailable:    2048000 kB\n")
    assert jobs.available_memory(meminfo) == 2048000 * 1024


def test_the_machine_is_read_when_nothing_is_injected() -> None:
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    chosen = jobs.choose_jobs(None, 100)
    assert 1 <= chosen.jobs <= jobs.cores()
    if soft != resource.RLIM_INFINITY:
        assert chosen.jobs <= max(1, (soft - jobs.FILES_MARGIN) // jobs.FILES_PER_KERNEL)


def test_the_soft_limit_is_lifted_within_the_hard_limit() -> None:
    """In a child process, so the test session keeps its own limit."""
    code = (
        "import resource\n"
        "from diaspora_helpers.publish.execution import jobs\n"
        "soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)\n"
        "resource.setrlimit(resource.RLIMIT_NOFILE, (256, hard))\n"
        "now = jobs.lift_open_file_limit(512)\n"
        "print(now, resource.getrlimit(resource.RLIMIT_NOFILE)[0], hard)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    now, soft, hard = (int(n) for n in out.stdout.split())
    expected = 512 if hard == resource.RLIM_INFINITY or hard >= 512 else hard
    assert now == soft == expected
