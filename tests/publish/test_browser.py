"""Headless Chromium opens the index and every page with the network disabled and
JavaScript off; any failed request, request to another host, missing image or console
error fails the test (issue 7). At 390 px and 1,280 px no page is wider than the viewport,
tables show no scientific notation, missing-value markers or ``.0`` counts, notebook pages
have previous/next and contents links, and topic pages weigh at most 350 KB with their
images (issue 14). Skips where Chromium is absent, except in CI.

The browser is driven over the DevTools protocol with ``websocket-client`` (already in the
environment through jupyter_server). Two independent guards keep it off the network:
DevTools' offline network emulation, and a proxy setting that points at a closed port.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import diaspora_test_support as support
import pytest
from browser_support import DevTools, launch

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser() -> Any:
    """A headless Chromium with a page target, offline, JavaScript disabled."""
    with launch(javascript=False) as tools:
        yield tools


def _problems(tools: DevTools, page: Path) -> list[str]:
    """Open ``page`` and return every failed or external request and console error."""
    tools.events.clear()
    tools.send("Page.navigate", url=page.as_uri())
    tools.wait_for("Page.loadEventFired")
    broken = tools.send(
        "Runtime.evaluate",
        expression=(
            "JSON.stringify(Array.from(document.images)"
            ".filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute('src')))"
        ),
        returnByValue=True,
    )["result"]["value"]
    text = tools.send(
        "Runtime.evaluate", expression="document.body.innerText.length", returnByValue=True
    )["result"]["value"]
    problems = [f"missing image {src}" for src in json.loads(broken)]
    if text < 50:
        problems.append("the page shows almost no text")
    urls: dict[str, str] = {}
    for event in tools.events:
        method, params = event["method"], event.get("params", {})
        if method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            urls[params["requestId"]] = url
            if not url.startswith(("file:", "data:")):
                problems.append(f"request to {url}")
        elif method == "Network.loadingFailed":
            url = urls.get(params["requestId"], params["requestId"])
            problems.append(f"failed request {url}: {params.get('errorText')}")
        elif method == "Runtime.exceptionThrown":
            problems.append(f"exception {params['exceptionDetails'].get('text')}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
            problems.append(f"console error {params.get('args')}")
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            entry = params["entry"]
            problems.append(f"console error {entry.get('text')} {entry.get('url', '')}")
    return problems


def test_every_page_opens_offline_without_errors(browser: DevTools) -> None:
    pages = support.edition_pages(support.fixture_site(), support.collection_site())
    assert any(p.name == "index.html" and p.parent.name == "fr" for p in pages)
    report = {"/".join(p.parts[-3:]): _problems(browser, p) for p in pages}
    assert {name: found for name, found in report.items() if found} == {}


def test_the_check_catches_a_missing_image_and_an_external_request(
    browser: DevTools, tmp_path: Path
) -> None:
    page = tmp_path / "bad.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>bad</title>"
        '<link rel="stylesheet" href="https://cdn.example.org/x.css"></head>'
        "<body><p>" + "text " * 20 + '</p><img src="missing.png" alt="x"></body></html>'
    )
    problems = _problems(browser, page)
    assert any("missing image missing.png" in p for p in problems), problems
    assert any("cdn.example.org" in p for p in problems), problems


# -- layout and tables at a phone's width and a laptop's (issue 14) -------------------------

WIDTHS = (390, 1280)
TOPIC_PAGE_MAX_BYTES = 350_000  # a topic page with its images, for readers on metered data
PAGE_MAX_BYTES = 1_000_000
# Pages whose tables still come from bare DataFrames; they pass once the notebook shows its
# tables through diaspora_helpers.tables.show (the lead applies it in 00-04, the exercise
# pages follow). Every other check holds for them already.
RAW_TABLE_PAGES: set[str] = set()
LAYOUT_SCRIPT = """JSON.stringify({
  overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  cells: Array.from(document.querySelectorAll('td, th')).map(c => c.innerText.trim()),
  prev: document.querySelectorAll('nav.pager a[rel=prev]').length,
  next: document.querySelectorAll('nav.pager a[rel=next]').length,
  contents: document.querySelectorAll('nav.toc a[href^="#"]').length,
})"""
SCIENTIFIC = re.compile(r"\d[.,]\d+e[+-]?\d+", re.I)
MISSING_MARKERS = {"NaN", "nan", "<NA>", "None", "NaT"}
# English (14,528,662.0) and French (14 528 662,0, narrow no-break spaces) forms.
WHOLE_AS_DECIMAL = re.compile(r"^-?(?:\d{4,}|\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+)[.,]0$")


def table_problems(cells: list[str]) -> list[str]:
    """Return the cells a reader should not see: scientific notation, missing-value
    markers, and counts of 1,000 or more written with a ``.0``."""
    found = [f"scientific notation {c!r}" for c in cells if SCIENTIFIC.search(c)]
    found += [f"missing-value marker {c!r}" for c in cells if c in MISSING_MARKERS]
    found += [f"count as decimal {c!r}" for c in cells if WHOLE_AS_DECIMAL.match(c)]
    return found


def page_weight(page: Path) -> int:
    """Return the bytes of ``page`` and of the images a phone loads for it: for a chart in a
    ``<picture>``, its phone rendering (the ``<source>`` below 600 px), else the image."""
    text = page.read_text(encoding="utf-8")
    text = re.sub(
        r'<picture><source media="\(max-width: [^)]*\)" srcset="([^"]+)"\s*/?>.*?</picture>',
        r'<img src="\1">',
        text,
        flags=re.S,
    )
    images = set(re.findall(r'<img [^>]*src="([^"]+)"', text))
    return page.stat().st_size + sum(
        (page.parent / src).stat().st_size for src in images if not src.startswith("data:")
    )


def _layout(tools: DevTools, page: Path, width: int) -> dict[str, Any]:
    tools.send(
        "Emulation.setDeviceMetricsOverride",
        width=width,
        height=900,
        deviceScaleFactor=1,
        mobile=width < 600,
    )
    tools.events.clear()
    tools.send("Page.navigate", url=page.as_uri())
    tools.wait_for("Page.loadEventFired")
    reply = tools.send("Runtime.evaluate", expression=LAYOUT_SCRIPT, returnByValue=True)
    return json.loads(reply["result"]["value"])


def test_pages_fit_a_phone_and_show_clean_tables(browser: DevTools) -> None:
    """Every page of both editions (the French site in ``fr/``)."""
    site = support.collection_site()
    report: dict[str, list[str]] = {}
    raw_tables: dict[str, list[str]] = {}
    pages = support.edition_pages(site)
    assert any(p.parent.name == "fr" for p in pages), "no French site"
    try:
        for page in pages:
            problems, tables = [], []
            limit = PAGE_MAX_BYTES
            is_notebook = page.with_suffix(".ipynb").is_file()
            if is_notebook and page.stem[:1].isdigit():
                limit = TOPIC_PAGE_MAX_BYTES
            if page_weight(page) > limit:
                problems.append(f"weighs {page_weight(page)} bytes with its images (> {limit})")
            for width in WIDTHS:
                found = _layout(browser, page, width)
                if found["overflow"] > 0:
                    problems.append(f"{found['overflow']} px wider than a {width} px viewport")
                if width == WIDTHS[0]:
                    tables = table_problems(found["cells"])
                    if is_notebook:
                        if not (found["prev"] or found["next"]):
                            problems.append("no previous/next link")
                        if not found["contents"]:
                            problems.append("no contents list")
            name = str(page.relative_to(site))
            if tables and page.stem in RAW_TABLE_PAGES:
                raw_tables[name] = tables
            else:
                problems += tables
            if problems:
                report[name] = problems
    finally:
        browser.send("Emulation.clearDeviceMetricsOverride")
    if raw_tables:
        print("Tables still raw (expected until tables.show is applied):")
        for name, raw in raw_tables.items():
            print(f"  {name}: {len(raw)} cells, e.g. {raw[:3]}")
    assert report == {}


def test_the_table_check_catches_raw_cells() -> None:
    cells = ["8.274170e+08", "14528662.0", "14,528,662.0", "NaN", "<NA>", "None", "3.0", "2,012"]
    found = table_problems(cells)
    assert len(found) == 6, found
    assert table_problems(["14,528,662", "11.5", "–", "2012", "0.50"]) == []
    french = ["8,274170e+08", "14528662,0", "14\u202f528\u202f662,0", "3,0", "16,3\u00a0%"]
    assert len(table_problems(french)) == 3, table_problems(french)
    assert table_problems(["14\u202f528\u202f662", "11,5", "2012", "0,50"]) == []
