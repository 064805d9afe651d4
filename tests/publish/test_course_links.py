"""A course document names a topic notebook by its title, with a link (issue 24: the
syllabus's "after class" column read "lire `01_demographics`", a file name)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted(
    p for folder in ("notebooks", "notebooks/fr") for p in (ROOT / folder).glob("*.md")
)
LINK = re.compile(r"\[([^\]]+)\]\((0\d_\w+)\.ipynb\)")


def _title(notebook: Path) -> str:
    """The notebook's first Markdown heading, read from its JSON."""
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    raise AssertionError(f"{notebook.name} has no title")


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_link_to_a_topic_notebook_reads_its_title_or_its_file_name(path):
    """Link text is the notebook's own title, or its file name (which the site replaces
    with the title, publish/site/document_names.py): never another wording."""
    text = path.read_text(encoding="utf-8")
    for shown, stem in LINK.findall(text):
        shown = re.sub(r"[ \n]+", " ", shown)  # a line break in Markdown, not U+202F
        assert shown in {stem, _title(path.parent / f"{stem}.ipynb")}, (shown, stem)


@pytest.mark.parametrize("folder", ["notebooks", "notebooks/fr"])
def test_the_syllabus_links_each_reading_by_its_title(folder):
    text = (ROOT / folder / "course_syllabus.md").read_text(encoding="utf-8")
    assert not re.search(r"`0\d_\w+`", text), "a notebook named by its file name in code"
    linked = {stem: shown for shown, stem in LINK.findall(text)}
    assert set(linked) == {
        "00_overview",
        "01_demographics",
        "02_remittances",
        "03_institutional_history",
        "04_constraints_and_strategies",
    }
    for stem, shown in linked.items():
        assert shown == _title(ROOT / folder / f"{stem}.ipynb"), (stem, shown)
