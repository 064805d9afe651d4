"""WCAG 2.2 AA, checked by axe-core in headless Chromium on every page of both editions
and on the course's own pages (a student's feedback, the worksheets and answer sheets, in
both editions), at a phone's width (390 px) and a laptop's (1,280 px), in the light and the
dark colour scheme: no violation of the rules tagged wcag2a, wcag2aa, wcag21a, wcag21aa,
wcag22aa and best-practice, target-size included (issue 25).

One browser serves every page of a file, and each page is loaded once: axe is injected once and run
in the four configurations (scheme × width) on the same document, the emulated width and
colour scheme changed in between (:func:`sweep`). In the dark scheme, which changes colours
only (:func:`test_the_dark_scheme_changes_colours_only`), axe runs the rules that read
colours; every other rule's result is the light scheme's. Most of a page's cost is axe's own run
(about 0.5–3 s a configuration, the colour-contrast rule most of it); loading and injecting
cost about 0.3 s a page.

axe-core comes from npm through the project's own ``package.json`` and
``package-lock.json`` (``make node_modules/.installed``); it is injected into each page
over the DevTools protocol, after the page has loaded, so the pages themselves carry no
test code. Skips where axe-core or Chromium is absent, except in CI.

The French site is swept by ``test_a11y_french_site.py`` (so that two test workers sweep at
once); the shared code is ``tests/fixtures/axe_support.py``. ``DIASPORA_BUILT_SITE`` may
name a site already built from this checkout (``outputs/`` of a ``make run``) to check it
without running the collection again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import axe_support as axe
import course_support
import diaspora_test_support as support
import pytest
from browser_support import DevTools, launch

from diaspora_helpers.__main__ import main
from diaspora_helpers.publish.course import workflow as course
from diaspora_helpers.publish.course import worksheets

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def axe_browser() -> Iterator[DevTools]:
    yield from axe.axe_browser()


#: CSS properties that set a colour and nothing else (custom properties are checked by value).
_COLOUR_PROPERTIES = {
    "color",
    "background-color",
    "border-color",
    "outline-color",
    "fill",
    "stroke",
}
_COLOUR_VALUE = re.compile(r"^(#[0-9a-fA-F]{3,8}|rgba?\([^)]*\)|var\(--[a-z-]+\))$")


def dark_declarations(css: str) -> list[tuple[str, str]]:
    """Every ``property: value`` declared under ``@media (prefers-color-scheme: dark)``."""
    found = []
    for start in (m.end() for m in re.finditer(r"@media \(prefers-color-scheme: dark\) \{", css)):
        depth, end = 1, start
        while depth:
            depth += {"{": 1, "}": -1}.get(css[end], 0)
            end += 1
        block = re.sub(r"/\*.*?\*/", "", css[start : end - 1], flags=re.S)
        found += re.findall(r"([a-z-]+)\s*:\s*([^;{}]+?)\s*[;}]", block)
    return found


def test_the_dark_scheme_changes_colours_only() -> None:
    """What lets the dark sweep run the colour rules only: wherever the package styles a
    page (the site's stylesheet, the course's inline styles), the dark scheme sets colours
    and nothing else."""
    sources = sorted((support.PROJECT / "diaspora_helpers" / "publish").rglob("*"))
    text = "\n".join(
        p.read_text(encoding="utf-8") for p in sources if p.suffix in {".css", ".py", ".j2"}
    )
    declared = dark_declarations(text)
    assert len(declared) > 5, "no dark-scheme block found: the pattern no longer matches"
    blocks = len(re.findall(r"@media \(prefers-color-scheme: dark\) \{", text))
    assert blocks == text.count("prefers-color-scheme"), "a dark block written another way"
    other = [
        (name, value)
        for name, value in declared
        if not (name in _COLOUR_PROPERTIES or name.startswith("--"))
        or not _COLOUR_VALUE.match(value)
    ]
    assert other == [], "the dark scheme sets more than colours: run every rule there (RULES)"
    assert dark_declarations("@media (prefers-color-scheme: dark) { a { margin: 0 } }") == [
        ("margin", "0")
    ]


def test_every_english_page_conforms_in_both_schemes_at_both_widths(
    axe_browser: DevTools,
) -> None:
    site = axe.built_site()
    pages = support.html_pages(site)
    assert len(pages) > 10 and all(p.parent == site for p in pages), pages
    report = axe.sweep(axe_browser, pages, site)
    assert report == {}, json.dumps(report, indent=1, ensure_ascii=False)


@pytest.fixture(scope="module")
def course_pages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """The course's pages, built as a lecturer builds them: session 4 released, one
    student's submission per edition collected and graded (two answers right, one cell
    raising, the others wrong: every part of a feedback page), and the worksheet and
    answer sheet of session 2 in both editions (the two masters run)."""
    root = tmp_path_factory.mktemp("course-pages")
    course_dir = root / "course"
    for edition, student in (("en", "dan"), ("fr", "binta")):
        args = ["--course-dir", str(course_dir), "--edition", edition]
        assert main(["course", "release", "4", "--no-solutions", *args]) == 0
        folder = course.assignment_name(4, edition)
        released = course_dir / "release" / folder / "exercises_4_policy.ipynb"
        master = course.masters(course.edition_dir(edition))[4]
        handed_in = root / f"submissions_{edition}" / student / "exercises_4_policy.ipynb"
        handed_in.parent.mkdir(parents=True)
        handed_in.write_text(
            course_support.submission(released, master, {1, 3}, {2}), encoding="utf-8"
        )
        assert main(["course", "collect", "4", str(handed_in.parents[1]), *args]) == 0
        assert main(["course", "grade", "4", *args]) == 0
    masters = {e: {2: course.masters(course.edition_dir(e))[2]} for e in ("en", "fr")}
    worksheets.build(course_dir, masters, pdf=False)
    pages = sorted(course_dir.glob("feedback/*/*/*.html"))
    pages += sorted(course_dir.glob("worksheets/*/*.html"))
    return course_dir, pages


def test_the_course_pages_conform_in_both_schemes_at_both_widths(
    axe_browser: DevTools, course_pages: tuple[Path, list[Path]]
) -> None:
    """A student's feedback page and the worksheets (both editions) meet the same rules,
    and fit a phone's width (a wide table scrolls in its own box)."""
    course_dir, pages = course_pages
    names = {p.relative_to(course_dir).parts[0] for p in pages}
    assert names == {"feedback", "worksheets"} and len(pages) == 2 + 4, pages
    report = axe.sweep(axe_browser, pages, course_dir)
    assert report == {}, json.dumps(report, indent=1, ensure_ascii=False)
    axe_browser.viewport(axe.WIDTHS[0])
    wide = {}
    for page in pages:  # a phone reads them without sideways scroll
        axe_browser.open(page)
        width = axe_browser.evaluate("document.documentElement.scrollWidth")
        if width > axe.WIDTHS[0]:
            wide[str(page.relative_to(course_dir))] = width
    axe_browser.send("Emulation.clearDeviceMetricsOverride")
    assert wide == {}


NARROWEST = 320  # the narrowest phone (WCAG 1.4.10: 320 CSS px without sideways scroll)
OVERFLOWING = """JSON.stringify(Array.from(document.querySelectorAll('main *'))
  .filter(e => !e.closest('div.scroll') && (e.getBoundingClientRect().right > %d + 1
    || e.scrollWidth > e.clientWidth + 1))
  .map(e => e.tagName + ': ' + e.textContent.slice(0, 40)).slice(0, 3))"""


def test_every_worksheet_and_answer_sheet_fits_the_narrowest_phone(tmp_path: Path) -> None:
    """Every session's worksheet and answer sheet, in both editions, drawn from the stored
    masters (no kernel: the solutions' code and recorded answers are in them), reads at
    320 px without sideways scroll: a solution's long line wraps, a wide table scrolls in
    its own box."""
    pages = []
    for edition in ("en", "fr"):
        found = course.masters(course.edition_dir(edition))
        assert sorted(found) == [1, 2, 3, 4, 5], found
        for session, master in found.items():
            for name, text in zip(
                ("worksheet", "answers"), worksheets.sheets(master, edition), strict=True
            ):
                page = tmp_path / f"{edition}_session{session}_{name}.html"
                page.write_text(text, encoding="utf-8")
                pages.append(page)
    wide = {}
    with launch(javascript=True) as tools:
        tools.viewport(NARROWEST)
        for page in pages:
            tools.open(page)
            width = tools.evaluate("document.documentElement.scrollWidth")
            if width > NARROWEST:
                culprits = json.loads(tools.evaluate(OVERFLOWING % NARROWEST))
                wide[page.name] = (width, culprits)
    assert wide == {}


def test_axe_finds_what_the_pages_must_not_have(axe_browser: DevTools, tmp_path: Path) -> None:
    """The check can fail: a page with low-contrast text, an unnamed scrolling table and a
    tiny link list is reported."""
    rows = "".join(f"<tr><td>{'x' * 200}</td></tr>" for _ in range(3))
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>bad</title></head><body><main>'
        '<h1>Bad</h1><p style="color:#aa22ff;background:#f4f6f8">low contrast</p>'
        f'<div style="width:200px;overflow-x:auto"><table><tr><th>h</th></tr>{rows}</table>'
        '</div><ul style="line-height:10px;font-size:9px;list-style:none;padding:0">'
        '<li><a href="#a">a</a></li><li><a href="#b">b</a></li></ul></main></body></html>',
        encoding="utf-8",
    )
    axe_browser.viewport(390)
    found = {v["id"] for v in axe.violations(axe_browser, page)}
    assert {"color-contrast", "scrollable-region-focusable", "target-size"} <= found, found


#: A chart with the links under it, and an entry of the index (thumbnail, title).
_CHART_BLOCK = re.compile(r'<a class="figure-full".*?<p class="figure-files">.*?</p>', re.S)
_INDEX_ENTRY = re.compile(r"<li><a class=\"thumb\".*?</li>", re.S)
_LINK = re.compile(r"<a\b([^>]*)>")


def tab_stops(fragment: str) -> list[str]:
    """Return the targets of the links of ``fragment`` that the Tab key stops on."""
    stops = []
    for attrs in _LINK.findall(fragment):
        target = re.search(r'\bhref="([^"]*)"', attrs)
        if target and not re.search(r'\btabindex="-1"', attrs):
            stops.append(target.group(1))
    return stops


def test_tab_stops_once_per_target_in_each_chart_and_index_entry() -> None:
    """A chart and the "full size (SVG)" link under it, an index entry's thumbnail and its
    title, open the same file: the keyboard stops once per target in each, and a link out
    of the tab order is not announced twice (``aria-hidden`` on the thumbnail only)."""
    site = axe.built_site()
    repeated: dict[str, list[list[str]]] = {}
    checked = 0
    for page in support.edition_pages(site):
        text = page.read_text(encoding="utf-8")
        for block in _CHART_BLOCK.findall(text) + _INDEX_ENTRY.findall(text):
            checked += 1
            stops = tab_stops(block)
            if len(stops) != len(set(stops)):
                repeated.setdefault(str(page.relative_to(site)), []).append(stops)
    assert checked > 20, "no chart or index entry found: the patterns no longer match the pages"
    assert repeated == {}
