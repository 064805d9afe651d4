"""Every shell command of the README runs (issue 22); the instructor guides' commands are
run by ``test_docs_commands_guide_en.py`` and ``test_docs_commands_guide_fr.py`` (one file
each, so that the test workers run the three at once). How: ``docs_support``.

Slow (it releases, grades and runs notebooks: minutes on a busy machine).
"""

from __future__ import annotations

import re

import docs_support as docs
import pytest

DOC = "README.md"
SCRIPTS = docs.scripts(DOC)


def test_the_documents_have_commands_and_exemptions_name_a_reason() -> None:
    found = docs.scripts()
    assert len(found) >= 8
    assert all(reason.strip() for reason in docs.EXEMPT.values())
    text = "\n".join(script for _, script in found)
    assert "make course-release SESSION=1 EDITION=fr" in text
    assert "01_demographics:year=2000" in text
    ran = {name.split("#")[0] for name, _ in found}
    assert ran == set(docs.DOCS), "a document's commands are no longer found"


def test_no_document_keeps_a_course_inside_a_folder_it_publishes() -> None:
    """A course folder holds students' work and grades: the documents keep it under
    ``course/`` (or another folder of its own), never inside an outputs folder that a
    lecturer uploads as the site."""
    text = "\n".join(script for _, script in docs.scripts())
    folders = re.findall(r"--course-dir\s+(\S+)", text)
    assert folders, "no --course-dir example found"
    assert [f for f in folders if f.split("/")[0] == "outputs"] == []


@pytest.mark.slow
@pytest.mark.parametrize(("name", "script"), SCRIPTS, ids=[n for n, _ in SCRIPTS])
def test_every_shell_command_of_the_readme_runs(docs_checkout, name: str, script: str) -> None:
    docs.run_script(docs_checkout, name, script)
