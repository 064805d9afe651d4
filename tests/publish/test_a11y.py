"""WCAG 2.2 AA, checked by axe-core in headless Chromium on every page of both editions,
at a phone's width (390 px) and a laptop's (1,280 px), in the light and the dark colour
scheme: no violation of the rules tagged wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa and
best-practice, target-size included (issue 25).

axe-core comes from npm through the project's own ``package.json`` and
``package-lock.json`` (``make node_modules/.installed``); it is injected into each page
over the DevTools protocol, after the page has loaded, so the pages themselves carry no
test code. Skips where axe-core or Chromium is absent, except in CI.

``DIASPORA_BUILT_SITE`` may name a site already built from this checkout (``outputs/``
of a ``make run``) to check it without running the collection again.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import diaspora_test_support as support
import pytest
from browser_support import DevTools, launch

pytestmark = pytest.mark.slow

AXE = support.PROJECT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
WIDTHS = (390, 1280)
SCHEMES = ("light", "dark")
RUN = """axe.run(document, {runOnly: {type: 'tag', values: %s},
  rules: {'target-size': {enabled: true}}, resultTypes: ['violations']})
  .then(r => JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' :: ' +
      (n.failureSummary || '').split('\\n').slice(1, 2).join('')), count: v.nodes.length}))))"""


def axe_source() -> str:
    """Return axe-core's script, installed from npm by the project's package files."""
    if not AXE.is_file():
        if os.environ.get("CI"):
            pytest.fail("axe-core is not installed: make node_modules/.installed")
        pytest.skip("axe-core is not installed (make node_modules/.installed runs npm ci)")
    return AXE.read_text(encoding="utf-8")


def built_site() -> Path:
    """The collection's site: ``DIASPORA_BUILT_SITE`` if set, else a run of the collection."""
    given = os.environ.get("DIASPORA_BUILT_SITE")
    return Path(given) if given else support.collection_site()


@pytest.fixture(scope="module")
def axe_browser() -> Iterator[DevTools]:
    """A headless Chromium, offline, with JavaScript on (axe runs in the page)."""
    source = axe_source()
    with launch(javascript=True) as tools:
        tools.source = source  # type: ignore[attr-defined]
        yield tools


def violations(tools: DevTools, page: Path) -> list[dict[str, Any]]:
    """Open ``page`` and return axe-core's violations there."""
    tools.open(page)
    tools.evaluate(tools.source)  # type: ignore[attr-defined]
    return list(json.loads(tools.evaluate(RUN % json.dumps(TAGS), wait=True)))


def test_every_page_conforms_in_both_schemes_at_both_widths(axe_browser: DevTools) -> None:
    site = built_site()
    pages = support.edition_pages(site)
    assert any(p.parent.name == "fr" for p in pages), "no French site"
    report: dict[str, list[str]] = {}
    try:
        for scheme in SCHEMES:
            axe_browser.media(scheme=scheme)
            for width in WIDTHS:
                axe_browser.viewport(width)
                for page in pages:
                    found = violations(axe_browser, page)
                    if found:
                        name = f"{page.relative_to(site)} at {width} px, {scheme}"
                        report[name] = [
                            f"{v['id']} ({v['impact']}, {v['count']} nodes): {v['nodes']}"
                            for v in found
                        ]
    finally:
        axe_browser.send("Emulation.clearDeviceMetricsOverride")
        axe_browser.media()
    assert report == {}, json.dumps(report, indent=1, ensure_ascii=False)


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
    found = {v["id"] for v in violations(axe_browser, page)}
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
    site = built_site()
    repeated = {}
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
