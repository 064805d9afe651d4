"""A long page read on a phone (issue 25: 03 is about 41 screens at 390 px): a "Back to
top" link closes each section, written by the page's template from the notebook's cells
before the page is rendered, in each edition's words."""

from __future__ import annotations

import json
import re
from pathlib import Path

import diaspora_test_support as support
import nbformat
import pytest

from diaspora_helpers.publish.site import pages as site

TOP_LINK = re.compile(r'<p class="to-top section-end"><a href="#top">([^<]+)</a></p>')


def _notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    sources = [
        "# A page\n\nIts question.",
        "## First section\n\nText.",
        "Still the first section.",
        "## Second section\n\nText.",
        "### A subsection",
        "## Third section\n\nText.",
    ]
    nb.cells = [nbformat.v4.new_markdown_cell(s) for s in sources]
    for number, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{number}"
    return nb


@pytest.mark.parametrize(("language", "words"), [("en", "Back to top"), ("fr", "Haut de page")])
def test_every_section_but_the_first_is_preceded_by_a_link_to_the_top(
    tmp_path: Path, language: str, words: str
) -> None:
    web = site.Site(tmp_path / language, language=language)
    web.root.mkdir(parents=True)
    text = site.render_notebook(_notebook(), "a_page", web).read_text(encoding="utf-8")
    main = text[text.index("<main") : text.index("</main>")]
    # What follows each h2 up to the next one: a section's end holds a link when a section
    # comes after it; the last section is closed by the page's own link, the text before
    # the first section by none.
    pieces = re.split(r"<h2[ >]", main)
    closed = {
        re.match(r'id="([^"]+)"', piece).group(1): bool(TOP_LINK.search(piece))  # type: ignore[union-attr]
        for piece in pieces[1:]
    }
    assert closed == {"First-section": True, "Second-section": True, "Third-section": False}
    assert not TOP_LINK.search(pieces[0])
    assert set(TOP_LINK.findall(main)) == {words}
    assert len(TOP_LINK.findall(main)) == 2
    assert 'id="top"' in text


@pytest.mark.parametrize(
    "path",
    sorted((support.PROJECT / "notebooks").glob("0*.ipynb"))
    + sorted((support.PROJECT / "notebooks" / "fr").glob("0*.ipynb")),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_the_topic_notebooks_open_their_sections_at_the_start_of_a_cell(path: Path) -> None:
    """The link goes before a cell: a level-2 heading in the middle of a cell would get none."""
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        lines = "".join(cell["source"]).splitlines()
        assert not [ln for ln in lines[1:] if ln.startswith("## ")], (path.name, lines[0])
