"""Every shell command of the English instructor guide (``notebooks/instructor_guide.md``)
runs (issue 22), in its own copy of the checkout. How: ``docs_support``.

Slow (it releases, grades and runs notebooks: minutes on a busy machine).
"""

from __future__ import annotations

import docs_support as docs
import pytest

pytestmark = pytest.mark.slow

DOC = "notebooks/instructor_guide.md"
SCRIPTS = docs.scripts(DOC)


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory):
    return docs.checkout(tmp_path_factory.mktemp("checkout"))


@pytest.mark.parametrize(("name", "script"), SCRIPTS, ids=[n for n, _ in SCRIPTS])
def test_every_shell_command_of_the_guide_runs(checkout, name: str, script: str) -> None:
    docs.run_script(checkout, name, script)
