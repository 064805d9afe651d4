"""Every shell command of the French instructor guide (``notebooks/fr/instructor_guide.md``)
runs (issue 22), in one copy of the checkout. The README's commands are in
``test_docs_commands.py`` and the English guide's in ``test_docs_commands_guide_en.py``: one
file each, so that the test workers (``--dist loadfile``) run the three at once. How:
``docs_support``.

Slow (it releases, grades and runs notebooks: minutes on a busy machine).
"""

from __future__ import annotations

import docs_support as docs
import pytest

pytestmark = pytest.mark.slow

DOC = "notebooks/fr/instructor_guide.md"
SCRIPTS = docs.scripts(DOC)


@pytest.mark.parametrize(("name", "script"), SCRIPTS, ids=[n for n, _ in SCRIPTS])
def test_every_shell_command_of_the_french_guide_runs(
    docs_checkout, name: str, script: str
) -> None:
    docs.run_script(docs_checkout, name, script)
