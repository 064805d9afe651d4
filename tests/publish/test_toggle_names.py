"""Every toggle of a page has its own accessible name (r25 item 10, WCAG 2.4.6 and 4.1.2),
and a notebook named in a course document is linked by its title (the syllabus's "after
class" column)."""

from __future__ import annotations

import html
import re

from diaspora_helpers.publish.site import accessibility, links

CODE = '<details class="code"><summary>Show code</summary><pre>x</pre></details>'


def names(body: str) -> list[str]:
    """The text a screen reader reads for each summary: its words, tags removed."""
    return [
        html.unescape(re.sub(r"<[^>]+>", "", s))
        for s in re.findall(r"<summary>(.*?)</summary>", body)
    ]


def test_each_code_toggle_is_named_for_its_section_and_numbered_when_several() -> None:
    body = (
        '<h1 id="t">Title</h1>' + CODE
        + '<h2 id="a">Over time<a class="anchor-link" href="#a">¶</a></h2>' + CODE + CODE
        + '<h3 id="b">Per person &amp; year</h3>' + CODE
    )  # fmt: skip
    named = accessibility.named_code_toggles(body)
    assert names(named) == [
        "Show code: Title",
        "Show code: Over time, 1 of 2",
        "Show code: Over time, 2 of 2",
        "Show code: Per person & year",
    ]
    assert len(set(names(named))) == 4
    # the visible words stay what they were; the rest is visually hidden
    assert named.count('<summary>Show code<span class="vh">') == 4
    assert "¶" not in "".join(names(named))


def test_a_toggle_before_any_heading_keeps_its_words() -> None:
    assert accessibility.named_code_toggles(CODE) == CODE


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
