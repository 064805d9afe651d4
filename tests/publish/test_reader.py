"""The pages as a phone reader, a printer and a searcher meet them (issue 25), in headless
Chromium, offline, on the collection's site of both editions:

- at 390 px every chart's smallest text is at least 11 CSS px (the font sizes of the
  rendering the page shows, times its scale on the page);
- at 390 px the first section heading of a topic page (other than the contents) starts
  within the first 1,400 px;
- a topic page with the images a 390 px phone at device pixel ratio 2 loads weighs at
  most 350 KB (uncompressed bytes);
- printed (print media, an A4 page's width), a topic page or the glossary has nothing
  wider than the paper or clipped in a box, no word of a table broken over lines (a
  column squeezed to a letter a line), and no navigation;
- at 390 px a table that scrolls in its box shows it (a shadow at the edge that hides
  columns, and only there; none on a table that fits) and holds no long text (that reads
  as cards);
- a topic page's tables show no internal id: no id column, no cell that is a bare
  snake_case code (a code a reader must type is shown as ``<code>``);
- the search, opened from disk, finds the history page for "TOKTEN" in both editions; it
  loads nothing until the reader submits a search, says how many sections match in all
  when it lists only the first ones, and its placeholder shows whole at 390 px.

``DIASPORA_BUILT_SITE`` may name a site already built from this checkout.
"""

from __future__ import annotations

import html
import json
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import diaspora_test_support as support
import pytest
from browser_support import DevTools, launch

from diaspora_helpers.publish.site import table_markup

pytestmark = pytest.mark.slow

PHONE = 390
SMALLEST_TEXT_PX = 11.0
FIRST_HEADING_PX = 1400
PHONE_PAGE_MAX_BYTES = 350_000
A4_CSS_PX = 718  # 190 mm of paper between 10 mm margins, at 96 CSS px per inch


def built_site() -> Path:
    """The collection's site: ``DIASPORA_BUILT_SITE`` if set, else a run of the collection."""
    given = os.environ.get("DIASPORA_BUILT_SITE")
    return Path(given) if given else support.collection_site()


def topic_pages(site: Path) -> list[Path]:
    """The topic pages (``00_…`` to ``04_…``) of both editions."""
    return [
        p
        for folder in (site, site / "fr")
        for p in sorted(folder.glob("[0-9]*.html"))
        if p.with_suffix(".ipynb").is_file()
    ]


@pytest.fixture(scope="module")
def reader() -> Iterator[DevTools]:
    """A headless Chromium, offline, JavaScript on (the search runs in the page)."""
    with launch(javascript=True) as tools:
        yield tools
        tools.send("Emulation.clearDeviceMetricsOverride")


def svg_text_sizes(svg: str) -> tuple[float, list[float]]:
    """Return an SVG's drawing width (user units of its viewBox) and the size of every
    text it holds, in the same units (matplotlib writes ``font: 10px 'DejaVu Sans'`` or
    ``font-size: 10px``)."""
    box = re.search(r'viewBox="[\d.\-]+ [\d.\-]+ ([\d.]+) [\d.]+"', svg)
    assert box, "SVG without a viewBox"
    sizes = [float(s) for s in re.findall(r"font(?:-size)?:\s*(?:[a-z]+\s+)*([\d.]+)px", svg)]
    return float(box.group(1)), sizes


SHOWN = """JSON.stringify(Array.from(document.querySelectorAll('main img')).map(i => ({
  src: i.currentSrc, width: i.getBoundingClientRect().width})))"""


def test_chart_text_is_readable_on_a_phone(reader: DevTools) -> None:
    site = built_site()
    reader.viewport(PHONE)
    report = {}
    checked = 0
    for page in topic_pages(site):
        reader.open(page)
        for image in json.loads(reader.evaluate(SHOWN)):
            path = Path(re.sub(r"^file://", "", image["src"]))
            if path.suffix != ".svg":
                # every chart has a phone rendering, the diagrams placed box by box too
                shown = f"{path.parent.name}/{path.name}"
                if "_files/" in image["src"]:
                    report[f"{page.name}: {shown}"] = "no phone rendering shown"
                continue
            width, sizes = svg_text_sizes(path.read_text(encoding="utf-8"))
            smallest = min(sizes) * image["width"] / width
            checked += 1
            if smallest < SMALLEST_TEXT_PX:
                report[f"{page.parent.name}/{page.name}: {path.name}"] = f"{smallest:.1f} px"
    assert checked > 0, "no phone rendering checked"
    assert report == {}, json.dumps(report, indent=1)


FIRST_H2 = """(() => { const h = Array.from(document.querySelectorAll('main h2'))
  .find(e => e.offsetParent !== null && !/^(Contents|Sommaire|Parameters|Paramètres)/.test(
    e.textContent.trim()));
  return h ? h.getBoundingClientRect().top + window.scrollY : -1; })()"""


def test_the_story_starts_within_the_first_screens(reader: DevTools) -> None:
    reader.viewport(PHONE)
    late = {}
    for page in topic_pages(built_site()):
        reader.open(page)
        top = reader.evaluate(FIRST_H2)
        if not 0 <= top <= FIRST_HEADING_PX:
            late[f"{page.parent.name}/{page.name}"] = top
    assert late == {}


LOADED = """JSON.stringify(Array.from(document.images).filter(i => i.complete && i.currentSrc)
  .map(i => i.currentSrc))"""


def test_a_topic_page_is_light_on_a_phone(reader: DevTools) -> None:
    reader.viewport(PHONE, scale=2)
    heavy = {}
    for page in topic_pages(built_site()):
        reader.open(page)
        reader.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        sources = set(json.loads(reader.evaluate(LOADED)))
        files = {Path(re.sub(r"^file://", "", s).split("#")[0]) for s in sources}
        weight = page.stat().st_size + sum(f.stat().st_size for f in files if f.is_file())
        if weight > PHONE_PAGE_MAX_BYTES:
            heavy[f"{page.parent.name}/{page.name}"] = weight
    reader.viewport(PHONE)
    assert heavy == {}


PRINT_PROBLEMS = """JSON.stringify((() => {
  const out = [], width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width + 1)
    out.push('page ' + document.documentElement.scrollWidth + ' px wide');
  for (const e of document.querySelectorAll('main *')) {
    const s = getComputedStyle(e);
    if (s.display === 'none') continue;
    if (/(auto|scroll|hidden)/.test(s.overflowX) && e.scrollWidth > e.clientWidth + 1)
      out.push(e.tagName + '.' + e.className + ' clips ' + (e.scrollWidth - e.clientWidth));
    const r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 1)
      out.push(e.tagName + '.' + e.className + ' past the paper');
  }
  // A column squeezed narrower than a word prints it a few letters a line.
  const words = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  for (let node = words.nextNode(); node; node = words.nextNode()) {
    if (!node.parentElement.closest('td, th')) continue;
    for (const m of node.textContent.matchAll(/\\p{L}{4,}/gu)) {
      const range = document.createRange();
      range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
      const lines = new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top)));
      if (lines.size > 1) {
        out.push('"' + m[0] + '" broken over ' + lines.size + ' lines');
        break;
      }
    }
    if (out.length > 4) break;
  }
  const bar = document.querySelector('header.site');
  if (bar && getComputedStyle(bar).display !== 'none') out.push('navigation printed');
  return out.slice(0, 5); })())"""


def test_printing_clips_nothing(reader: DevTools) -> None:
    reader.viewport(A4_CSS_PX)
    reader.media(medium="print")
    clipped = {}
    try:
        site = built_site()
        for page in [*topic_pages(site), site / "glossary.html", site / "fr" / "glossary.html"]:
            reader.open(page)
            found = json.loads(reader.evaluate(PRINT_PROBLEMS))
            if found:
                clipped[f"{page.parent.name}/{page.name}"] = found
    finally:
        reader.media()
        reader.viewport(PHONE)
    assert clipped == {}


SEARCH = """(() => { const f = document.getElementById('search');
  f.elements.q.value = %s; f.requestSubmit(); return true; })()"""
RESULTS = """JSON.stringify(Array.from(document.querySelectorAll('#search-results a'))
  .map(a => a.getAttribute('href')))"""


@pytest.mark.parametrize("edition", ["", "fr"])
def test_search_finds_tokten_offline(reader: DevTools, edition: str) -> None:
    site = built_site()
    reader.open(site / edition / "index.html")
    assert reader.evaluate("!document.getElementById('search').hidden"), "no search form"
    reader.evaluate(SEARCH % json.dumps("TOKTEN"))
    deadline = time.monotonic() + 20
    found: list[str] = []
    while time.monotonic() < deadline and not found:
        time.sleep(0.2)
        found = json.loads(reader.evaluate(RESULTS))
    assert any(href.startswith("03_institutional_history.html") for href in found), found
    failed = [e for e in reader.events if e["method"] == "Network.loadingFailed"]
    assert failed == []


LOADED = """JSON.stringify({library: typeof window.MiniSearch !== 'undefined',
  scripts: Array.from(document.scripts).map(s => s.getAttribute('src')).filter(Boolean)})"""
MESSAGE = "document.querySelector('#search-results p').textContent"


def _results(reader: DevTools) -> list[str]:
    deadline = time.monotonic() + 20
    found: list[str] = []
    while time.monotonic() < deadline and not found:
        time.sleep(0.2)
        found = json.loads(reader.evaluate(RESULTS))
    return found


def _index_documents(folder: Path) -> list[dict[str, str]]:
    text = (folder / "search-index.js").read_text(encoding="utf-8")
    return list(json.loads(text[text.index("=") + 1 :].rstrip().rstrip(";")))


@pytest.mark.parametrize("edition", ["", "fr"])
def test_search_loads_its_files_only_when_the_reader_searches(
    reader: DevTools, edition: str
) -> None:
    """Focusing the box (tabbing past it, a stray tap) loads nothing; a search does."""
    reader.viewport(PHONE)
    reader.send("Emulation.setFocusEmulationEnabled", enabled=True)  # focus events fire
    reader.open(built_site() / edition / "index.html")
    reader.evaluate("document.getElementById('search-q').focus()")
    assert reader.evaluate("document.activeElement.id") == "search-q"
    time.sleep(0.5)
    assert json.loads(reader.evaluate(LOADED)) == {"library": False, "scripts": []}
    reader.evaluate(SEARCH % json.dumps("TOKTEN"))
    assert _results(reader)
    loaded = json.loads(reader.evaluate(LOADED))
    assert loaded["library"] and set(loaded["scripts"]) == {"minisearch.js", "search-index.js"}


@pytest.mark.parametrize("edition", ["", "fr"])
def test_search_says_how_many_sections_match_in_all(reader: DevTools, edition: str) -> None:
    """A common word matches more sections than the list shows: the line above the list
    gives the true number (at least the sections holding the word itself, counted here
    from the index file), not the length of the list."""
    site = built_site() / edition
    word = "diaspora"
    holding = [
        d
        for d in _index_documents(site)
        if word in " ".join((d["title"], d["section"], d["text"])).lower().split()
    ]
    assert len(holding) > 12, "pick a commoner word: the test needs more than a list's worth"
    reader.open(site / "index.html")
    reader.evaluate(SEARCH % json.dumps(word))
    assert len(_results(reader)) == 12
    message = reader.evaluate(MESSAGE)
    numbers = [int(n) for n in re.findall(r"\d+", message)]
    assert numbers[0] == 12 and numbers[1] >= len(holding), message
    # the rest is one button away, and the keyboard lands on the first match it adds
    more = reader.evaluate("document.querySelector('#search-results button.more').textContent")
    assert str(numbers[1]) in more, more
    reader.evaluate("document.querySelector('#search-results button.more').click()")
    assert len(json.loads(reader.evaluate(RESULTS))) == numbers[1]
    assert reader.evaluate(FOCUSED_RESULT) == 12
    assert reader.evaluate("document.querySelector('#search-results button.more')") is None


FOCUSED_RESULT = """Array.from(document.querySelectorAll('#search-results li a'))
  .indexOf(document.activeElement)"""
#: Where each result's list number sits against its link's lines: the number's baseline is
#: its line's, and a link that wraps (a long title and section at 390 px) shows it on its
#: first line only when the link is a block in its item, not an inline box, whose baseline
#: is its last line's.
NUMBER_LINES = """JSON.stringify(Array.from(document.querySelectorAll('#search-results li'))
  .map(li => { const a = li.querySelector('a');
    const line = parseFloat(getComputedStyle(a).lineHeight) || 20;
    return {display: getComputedStyle(a).display, lines: Math.round(a.offsetHeight / line)}; }))"""


@pytest.mark.parametrize("edition", ["", "fr"])
def test_search_results_number_their_first_line(reader: DevTools, edition: str) -> None:
    reader.viewport(PHONE)
    reader.open(built_site() / edition / "index.html")
    reader.evaluate(SEARCH % json.dumps("TOKTEN"))
    assert _results(reader)
    items = json.loads(reader.evaluate(NUMBER_LINES))
    assert any(i["lines"] > 1 for i in items), "no result wraps at 390 px: the test needs one"
    assert {i["display"] for i in items} == {"block"}, items


PLACEHOLDER_FITS = """(() => { const q = document.getElementById('search-q');
  const s = getComputedStyle(q);
  const c = document.createElement('canvas').getContext('2d'); c.font = s.font;
  const room = q.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
  return JSON.stringify({text: c.measureText(q.placeholder).width, room: room}); })()"""


@pytest.mark.parametrize("edition", ["", "fr"])
def test_search_placeholder_shows_whole_on_a_phone(reader: DevTools, edition: str) -> None:
    reader.viewport(PHONE)
    reader.open(built_site() / edition / "index.html")
    fit = json.loads(reader.evaluate(PLACEHOLDER_FITS))
    assert 0 < fit["text"] <= fit["room"], fit


EDGES = """(async () => {
  const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const out = [];
  for (const box of document.querySelectorAll('div.scroll')) {
    if (!box.offsetParent) continue;  // in a closed <details>
    box.scrollIntoView({block: 'center'});
    await frame();
    const over = box.scrollWidth > box.clientWidth + 1;
    const start = getComputedStyle(box).boxShadow;
    box.scrollLeft = box.scrollWidth;
    await frame();
    const end = getComputedStyle(box).boxShadow;
    box.scrollLeft = 0;
    // the body's cells, as table_markup decides cards (a long header wraps in its column)
    const longest = Math.max(0, ...Array.from(box.querySelectorAll('tbody td, tbody th'),
      c => c.textContent.trim().length));
    out.push({name: box.getAttribute('aria-label'), over, start, end, longest});
  }
  return JSON.stringify(out); })()"""
#: A shadow inside the box's edge: negative x offset at the right edge, positive at the left.
_SHADOW = re.compile(r"rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\) (-?[\d.]+)px 0px [^,]* inset")


def edge_shadows(box_shadow: str) -> set[str]:
    """Return the edges (``left``, ``right``) a computed ``box-shadow`` visibly darkens or
    lightens from inside."""
    edges = set()
    for *_rgb, alpha, offset in _SHADOW.findall(box_shadow):
        if float(alpha or 1) >= 0.2:
            edges.add("right" if float(offset) < 0 else "left")
    return edges


def test_a_table_that_scrolls_on_a_phone_shows_it(reader: DevTools) -> None:
    """In the light scheme (the dark one changes only the shadow's colour, ``--edge``)."""
    site = built_site()
    reader.viewport(PHONE)
    faults: dict[str, list[str]] = {}
    scrolling = 0
    try:
        for page in support.edition_pages(site):
            reader.open(page)
            for box in json.loads(reader.evaluate(EDGES, wait=True)):
                start, end = edge_shadows(box["start"]), edge_shadows(box["end"])
                wrong = []
                if box["over"]:
                    scrolling += 1
                    if start != {"right"} or end != {"left"}:
                        wrong.append(
                            f"edges {sorted(start)} at the start, {sorted(end)} at the end"
                        )
                    if box["longest"] > table_markup.LONG_CELL:
                        wrong.append(f"scrolls with {box['longest']} characters in a cell")
                elif start or end:
                    wrong.append("a shadow on a table that fits")
                if wrong:
                    faults.setdefault(str(page.relative_to(site)), []).append(
                        f"{box['name'][:60]}: {'; '.join(wrong)}"
                    )
    finally:
        reader.media()
    assert scrolling > 0, "no table scrolls at 390 px: the test checks nothing"
    assert faults == {}


#: A column of internal ids: "ID", "Strategy ID", "ID de la stratégie", "constraint_id".
ID_HEADER = re.compile(r"^ID\b|\bID$|_id$|^Identifiant", re.I)
#: A bare code: snake_case with at least one underscore ("remittance_costs").
CODE_CELL = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")
_TABLE = re.compile(r"<table\b.*?</table>", re.S)
_CELL = re.compile(r"<(t[hd])\b[^>]*>(.*?)</\1>", re.S)


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_topic_pages_show_no_internal_ids() -> None:
    site = built_site()
    found: dict[str, list[str]] = {}
    tables = 0
    for page in topic_pages(site):
        for table in _TABLE.findall(page.read_text(encoding="utf-8")):
            tables += 1
            head = re.search(r"<thead\b.*?</thead>", table, re.S)
            for _tag, content in _CELL.findall(head.group(0) if head else ""):
                if ID_HEADER.search(_plain(content)):
                    found.setdefault(str(page.relative_to(site)), []).append(
                        f"id column {_plain(content)!r}"
                    )
            for _tag, content in _CELL.findall(table[head.end() :] if head else table):
                shown = re.sub(r"<code\b.*?</code>", " ", content, flags=re.S)
                if CODE_CELL.fullmatch(_plain(shown)):
                    found.setdefault(str(page.relative_to(site)), []).append(
                        f"bare code {_plain(shown)!r}"
                    )
    assert tables > 20, "no tables found on the topic pages"
    assert found == {}


ZOOMED = 640  # a 1,280 px laptop at 200 % zoom (WCAG 1.4.4): text must not shrink to 6 px
SERVED = """JSON.stringify(Array.from(document.querySelectorAll('a.figure-full picture')).map(p =>
  [p.querySelector('source').getAttribute('srcset'), p.querySelector('img').currentSrc]))"""


def test_a_zoomed_laptop_is_served_the_phone_charts(reader: DevTools) -> None:
    """At 640 CSS px (a laptop at 200 %) every chart of a topic page in a ``<picture>``
    shows its phone rendering, whose text is drawn for a narrow screen; at 1,280 px the
    desktop image (so the check can fail)."""
    site = built_site()
    pages = [site / "02_remittances.html", site / "fr" / "02_remittances.html"]
    wrong = {}
    try:
        for width in (ZOOMED, 1280):
            reader.viewport(width)
            for page in pages:
                reader.open(page)
                served = json.loads(reader.evaluate(SERVED))
                assert served, f"{page}: no chart with a phone rendering"
                for phone, current in served:
                    if current.endswith(phone.split("/")[-1]) != (width == ZOOMED):
                        wrong[f"{page.parent.name}/{page.name} at {width}"] = current
    finally:
        reader.viewport(PHONE)
    assert wrong == {}
