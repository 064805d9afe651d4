"""A checkout in a folder whose path has a space and an accent (issue 21): ``make check``
collects and passes its tests, and the runner runs a notebook and publishes it there."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import diaspora_test_support as support
import pytest

pytestmark = pytest.mark.slow


def _checkout(tmp_path: Path) -> Path:
    """Copy the tracked files (times kept, so make sees .venv as up to date) into a folder
    named with a space and an accent, with the project's .venv linked in."""
    root = tmp_path / "dossier é" / "mali diaspora"
    files = (
        subprocess.run(
            ["git", "ls-files", "-z"], cwd=support.PROJECT, capture_output=True, check=True
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, files):
        source = support.PROJECT / name
        if source.is_file():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / name)
    support.link_project_venv(root)
    # mypy's and import-linter's caches are checked against each file's content, so the copy
    # is still type-checked file by file; starting cold would add a minute to a test about
    # how the Makefile quotes paths.
    for cache in (".mypy_cache", ".import_linter_cache"):
        if (support.PROJECT / cache).is_dir():
            shutil.copytree(support.PROJECT / cache, root / cache)
    return root


def test_make_check_and_a_run_work_from_a_path_with_a_space_and_an_accent(tmp_path) -> None:
    root = _checkout(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "DIASPORA_"))}
    check = subprocess.run(
        ["make", "--no-print-directory", "check", "CHECK_TESTS=tests/test_paths.py"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert check.returncode == 0, check.stdout[-3000:] + check.stderr[-3000:]
    assert " passed" in check.stdout and "no tests ran" not in check.stdout
    outputs = root / "out put é"
    run = subprocess.run(
        [
            str(root / ".venv" / "bin" / "python"),
            "-m",
            "diaspora_helpers",
            "run",
            "--quiet",
            "--notebooks-dir",
            str(root / "tests" / "fixtures" / "notebooks"),
            "--outputs-dir",
            str(outputs),
            "a_chart",
        ],
        cwd=root,
        env={**env, "DIASPORA_DATA_DIR": str(root / "tests" / "fixtures" / "data")},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    assert (outputs / "a_chart.html").is_file()
    assert list((outputs / "figures" / "a_chart").glob("*.svg"))
