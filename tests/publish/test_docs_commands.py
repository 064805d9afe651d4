"""Every shell command of the README and of both instructor guides runs (issue 22).

Each ```sh block (and each ```yaml block whose first line says ``# <file>: run with
<command>``) is run with ``bash -e`` in a copy of the checkout (the tracked files, with
this checkout's ``.venv``), so the examples cannot drift from the code. A command is left
out only when it is listed in :data:`EXEMPT`, with the reason. The zip files the examples
collect are made by the test: each holds one blank submission (the released notebook
handed back untouched).

Slow (it releases, grades and runs notebooks: several minutes on a busy machine).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import diaspora_test_support as support
import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ["README.md", "notebooks/instructor_guide.md", "notebooks/fr/instructor_guide.md"]
#: Commands not run, by how they start, each with the reason.
EXEMPT = {
    "make test": "runs the whole test suite, this test included",
    "make check": "runs the fast test suite, which collects this file",
    "make lab": "opens JupyterLab and waits for a person",
    "conda env create": "needs conda and the network",
    "git clone": "needs the network",
    "make run": "the full run of both editions takes about ten minutes; the runner's own "
    "tests cover it, and DIASPORA_DOCS_FULL=1 runs it here too",
}
#: Zip files of submissions the examples collect: name -> (edition folder, session).
ZIPS = {
    "submissions_a.zip": ("", 2),
    "copies_a.zip": ("fr", 2),
    "submissions_session1.zip": ("", 1),
    "copies_seance1.zip": ("fr", 1),
}
_BLOCK = re.compile(r"^```(sh|bash|shell|yaml)\n(.*?)^```", re.S | re.M)
_RUN_WITH = re.compile(r"^#\s*(\S+):\s*run with\s+(.+)$")

pytestmark = pytest.mark.slow


def _exempt(command: str) -> str | None:
    if os.environ.get("DIASPORA_DOCS_FULL") and command.startswith("make run"):
        return None
    return next((why for start, why in EXEMPT.items() if command.startswith(start)), None)


def scripts() -> list[tuple[str, str]]:
    """Return ``(id, bash script)`` for every runnable block of the documents."""
    found = []
    for doc in DOCS:
        text = (ROOT / doc).read_text(encoding="utf-8")
        for n, match in enumerate(_BLOCK.finditer(text)):
            kind, body = match.groups()
            if kind == "yaml":
                first = body.splitlines()[0]
                run = _RUN_WITH.match(first)
                if run:
                    script = f"cat > {run.group(1)} <<'YAML'\n{body}YAML\n{run.group(2)}\n"
                    found.append((f"{doc}#{n}", script))
                continue
            lines = []
            for line in body.splitlines():
                reason = _exempt(line.strip())
                lines.append(f": not run: {reason!r}" if reason else line)
            found.append((f"{doc}#{n}", "\n".join(lines) + "\n"))
    return found


def test_the_documents_have_commands_and_exemptions_name_a_reason():
    found = scripts()
    assert len(found) >= 8
    assert all(reason.strip() for reason in EXEMPT.values())
    text = "\n".join(script for _, script in found)
    assert "make course-release SESSION=1 EDITION=fr" in text
    assert "01_demographics:year=2000" in text


def _tracked_copy(target: Path) -> None:
    files = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    for name in filter(None, files):
        source = ROOT / name.decode()
        if source.is_file():
            (target / name.decode()).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name.decode())  # keeps mtimes: make sees .venv current
    support.link_project_venv(target)


@pytest.fixture(scope="module")
def checkout(tmp_path_factory):
    target = tmp_path_factory.mktemp("checkout")
    _tracked_copy(target)
    for name, (folder, session) in ZIPS.items():
        notebooks = target / "notebooks" / folder if folder else target / "notebooks"
        student = next(notebooks.glob(f"exercises_{session}_*.ipynb"))
        with zipfile.ZipFile(target / name, "w") as zipped:
            zipped.write(student, f"ada/{student.name}")
    return target


@pytest.mark.parametrize(("name", "script"), scripts(), ids=[n for n, _ in scripts()])
def test_every_shell_command_of_the_documents_runs(checkout, name, script):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIASPORA_")}
    env.pop("MPLBACKEND", None)
    done = subprocess.run(
        ["bash", "-e", "-c", script],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    tail = "\n".join((done.stdout + done.stderr).splitlines()[-25:])
    assert done.returncode == 0, f"{name} failed:\n{script}\n---\n{tail}"
