"""The runner under signals: killed or interrupted half way, it leaves the previous
outputs untouched, stops its kernels and removes its staging folder."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import diaspora_test_support as support
import pytest

from diaspora_helpers.publish.execution import staging


def _start_slow_run(previous: Path) -> tuple[subprocess.Popen[str], Path, int]:
    """Start a run of a_chart + d_slow; return it once d_slow's kernel is running."""
    notebooks = support.make_notebooks(previous.parent, "a_chart", "d_slow")
    process = subprocess.Popen(
        support.cli_command(
            "run", "--quiet", "--notebooks-dir", str(notebooks), "--outputs-dir", str(previous)
        ),
        env=support.cli_env(),
        cwd=support.PROJECT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    flag = notebooks / "d_slow_started.flag"
    deadline = time.monotonic() + 180
    while not (flag.exists() and flag.read_text().strip()):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the slow notebook never started"
        time.sleep(0.1)
    assert list(previous.parent.glob(staging.STAGING_PREFIX + "*")), "staging exists mid-run"
    return process, notebooks, int(flag.read_text())


def _gone(pid: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.slow
def test_kill_half_way_leaves_previous_outputs(previous: Path) -> None:
    before = support.tree(previous)
    process, notebooks, kernel_pid = _start_slow_run(previous)
    process.kill()  # SIGKILL: nothing can clean up
    process.communicate(timeout=30)
    assert support.differences(before, support.tree(previous)) == []
    assert _gone(kernel_pid, within=20), "the orphaned kernel exits on its own"
    # The next run removes the dead run's staging folder and publishes normally.
    (notebooks / "d_slow.ipynb").unlink()
    result = support.run_fixtures(notebooks, previous, "-p", "a_chart:end_year=2005")
    assert result.returncode == 0, result.stderr
    assert not list(previous.parent.glob(staging.STAGING_PREFIX + "*"))


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_interrupt_stops_kernels_and_cleans_up(previous: Path, signum: int) -> None:
    before = support.tree(previous)
    process, _, kernel_pid = _start_slow_run(previous)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 128 + signum
    assert f"Interrupted ({signal.Signals(signum).name})" in stderr
    assert "Traceback" not in stderr
    assert _gone(kernel_pid, within=10)
    assert support.differences(before, support.tree(previous)) == []
    assert not list(previous.parent.glob(".outputs-*")), "staging removed, nothing kept"


# -- the real collection ------------------------------------------------------------------
