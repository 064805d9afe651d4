"""Every toggle of a page has its own accessible name (r25 item 10, WCAG 2.4.6 and 4.1.2),
and a notebook named in a course document is linked by its title (the syllabus's "after
class" column)."""

from __future__ import annotations

import html
import re

import diaspora_test_support as support
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell

from diaspora_helpers.publish.site import accessibility, links

CODE = '<details class="code"><summary>Show code</summary><pre>x</pre></details>'


def names(body: str) -> list[str]:
    """The text a screen reader reads for each summary: its words, tags removed."""
    return [
        html.unescape(re.sub(r"<[^>]+>", "", s))
        for s in re.findall(r"<summary>(.*?)</summary>", body)
    ]


def _cells() -> list:
    code = [new_code_cell("x = 1", id=f"c{n}") for n in range(6)]
    code[1].metadata["tags"] = ["parameters"]
    code[2].metadata["tags"] = ["injected-parameters"]
    return [
        code[0],  # before any heading: no name
        new_markdown_cell("# Title\n\nWords.", id="m1"),
        code[1],
        code[2],  # the runner's injected cell: no toggle drawn
        new_markdown_cell("## Over *time*\n\n### Per person & year", id="m2"),
        code[3],
        code[4],
        new_code_cell("   ", id="blank"),  # no source: no toggle
        new_markdown_cell("#### Too deep to name a section", id="m3"),
        code[5],
    ]


def test_each_code_toggle_is_named_for_its_section_and_numbered_when_several() -> None:
    named = accessibility.code_toggle_names(_cells())
    assert named == {
        "c1": ": Title",
        "c3": ": Per person &amp; year, 1 of 3",
        "c4": ": Per person &amp; year, 2 of 3",
        "c5": ": Per person &amp; year, 3 of 3",
    }


def test_a_page_that_shows_its_code_names_only_the_parameters_toggle() -> None:
    assert accessibility.code_toggle_names(_cells(), open_code=True) == {"c1": ": Title"}


@pytest.mark.slow  # runs the fixture site (kernels)
def test_the_rendered_page_carries_the_names_after_the_visible_words() -> None:
    """The template writes each name, visually hidden, inside its toggle's summary (the
    parameters cell's toggle, alone of its kind in the page's rerun block, needs none)."""
    site = support.fixture_site()
    body = (site / "a_chart.html").read_text(encoding="utf-8")
    toggles = re.findall(r'<details class="code"><summary>(Show code.*?)</summary>', body)
    assert len(toggles) > 2, "no code toggles on the fixture page"
    assert all('Show code<span class="vh">: ' in t for t in toggles), toggles
    assert len(set(names(body))) == len(names(body))


def test_the_data_toggle_is_named_for_its_chart() -> None:
    details = '<details class="chart-data"><summary>The data</summary><table></table></details>'
    named = accessibility.named_summary(details, "France & Nigeria send 46%")
    assert names(named) == ["The data: France & Nigeria send 46%"]
    assert accessibility.named_summary(details, "") == details
    assert accessibility.named_summary("", "A title") == ""


def test_a_notebook_is_linked_by_its_title_with_its_file_name_after_it() -> None:
    page = "<td>read <code>01_a</code>, <code>02_b</code></td><pre><code>01_a</code></pre>"
    linked = links.cross_link(page, {"01_a", "02_b"}, set(), titles={"01_a": "Who & where"})
    assert '<a class="xref" href="01_a.html">Who &amp; where</a> (<code>01_a</code>)' in linked
    assert '<a class="xref" href="02_b.html"><code>02_b</code></a>' in linked  # no title
    assert "<pre><code>01_a</code></pre>" in linked


def test_a_notebook_named_before_a_bracket_shares_that_bracket() -> None:
    """Review: « Séance 1 : … ? (exercises_1_counting.ipynb) (sur JupyterHub … »: two
    brackets in a row; the file name opens the text's own bracket instead."""
    page = (
        "<p>opens <code>01_a.ipynb</code> (on\n   JupyterHub: the file) then <code>01_a</code>.</p>"
    )
    linked = links.cross_link(page, {"01_a"}, set(), titles={"01_a": "Who"})
    assert "(<code>01_a.ipynb</code>, on\n   JupyterHub: the file)" in linked, linked
    assert ") (" not in linked
    assert '<a class="xref" href="01_a.html">Who</a> (<code>01_a</code>).' in linked


def test_hidden_names_keep_the_heading_s_no_break_spaces() -> None:
    """r28 item 6: the screen-reader-only names copied a French heading with an ordinary
    space where the heading has U+202F (« Où vivent-ils ? »), so a search of the page for
    the heading's words found two spellings. Layout whitespace (a line end inside a
    heading's source) still reads as one space."""
    narrow, nbsp = "\u202f", "\u00a0"
    heading = f"Où vivent-ils{narrow}?\nEn Afrique, à 89{nbsp}%"
    shown = f"Où vivent-ils{narrow}? En Afrique, à 89{nbsp}%"
    one_line = heading.replace("\n", "  ")
    cells = [new_markdown_cell(f"## {one_line}", id="m"), new_code_cell("x = 1", id="c")]
    assert accessibility.code_toggle_names(cells) == {"c": f": {shown}"}

    body = f'<h2 id="a">{heading}<a class="anchor-link" href="#a">#</a></h2>'
    linked = accessibility.named_section_links(body)
    found = re.search(r'<span class="vh">(.*?)</span>', linked)
    assert found is not None, linked
    hidden = html.unescape(found.group(1))
    assert hidden == f"Link to this section: {shown}"

    details = '<details class="chart-data"><summary>Les données</summary></details>'
    named = accessibility.named_summary(details, f"Deux chiffres pour l’Europe{narrow}!")
    assert names(named) == [f"Les données: Deux chiffres pour l’Europe{narrow}!"]
