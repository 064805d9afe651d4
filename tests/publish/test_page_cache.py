"""The page cache of a run (issue 21): a page is rendered again only when something it is
made from changed, and a reused page is the page a fresh rendering writes."""

from __future__ import annotations

from pathlib import Path

import nbformat

from diaspora_helpers.publish.execution import rendering
from diaspora_helpers.publish.site import pages as site


def _notebook(title: str = "A page") -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell(f"# {title}\n\nWhat this page tells."),
        nbformat.v4.new_code_cell("1 + 1", execution_count=1),
    ]
    nb.cells[1].outputs = [
        nbformat.v4.new_output("execute_result", {"text/plain": "2"}, execution_count=1)
    ]
    nb.cells[0]["id"], nb.cells[1]["id"] = "story", "sum"  # nbformat's ids are random
    return nb


def _render(tmp_path: Path, name: str, nb, shared: str = "site") -> tuple[bool, bytes]:
    web = site.Site(tmp_path / name)
    web.root.mkdir(parents=True)
    reused = rendering.render(
        nb, "x_page", web, pages=rendering.page_cache(tmp_path / "cache"), shared=shared
    )
    return reused, (web.root / "x_page.html").read_bytes()


def test_a_page_is_reused_only_while_its_inputs_are_the_same(tmp_path) -> None:
    fresh = site.Site(tmp_path / "fresh")
    fresh.root.mkdir()
    site.render_notebook(_notebook(), "x_page", fresh)
    expected = (fresh.root / "x_page.html").read_bytes()

    assert _render(tmp_path, "one", _notebook()) == (False, expected)
    assert _render(tmp_path, "two", _notebook()) == (True, expected)
    reused, page = _render(tmp_path, "three", _notebook("Another title"))
    assert not reused and b"Another title" in page
    assert _render(tmp_path, "four", _notebook(), shared="the package changed")[0] is False


def test_a_damaged_page_entry_is_rendered_again(tmp_path) -> None:
    _render(tmp_path, "one", _notebook())
    (stored,) = (tmp_path / "cache" / "pages").glob(f"*/*/{rendering.PAGE}")
    stored.write_text("<p>half a page", encoding="utf-8")
    reused, page = _render(tmp_path, "two", _notebook())
    assert not reused and b"half a page" not in page and b"A page" in page
