"""The search as a screen-reader and keyboard user meets it (issue 25, the accessibility
officer's last reading), in headless Chromium, offline, in both editions:

- the results are not a live region: a screen reader hears the count only ("7 results"),
  from a status region, not every result read out;
- the count it hears is the number of matches the visible line gives;
- Escape, pressed in the search box or on a result, empties the box, the results and the
  status, and puts the focus back in the box.

``DIASPORA_BUILT_SITE`` may name a site already built from this checkout.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import diaspora_test_support as support
import pytest
from browser_support import DevTools, launch

pytestmark = pytest.mark.slow

SEARCH = """(() => { const f = document.getElementById('search');
  f.elements.q.value = %s; f.requestSubmit(); return true; })()"""
#: Every element that a screen reader follows as it changes, with its text.
LIVE = """JSON.stringify(Array.from(document.querySelectorAll(
  '[aria-live], [role=status], [role=alert], [role=log]')).map(e => ({id: e.id,
  live: e.getAttribute('aria-live'), role: e.getAttribute('role'),
  text: e.textContent, inResults: !!e.closest('#search-results')})))"""
STATE = """JSON.stringify({q: document.getElementById('search-q').value,
  results: document.getElementById('search-results').childElementCount,
  status: document.getElementById('search-status').textContent,
  focus: document.activeElement.id})"""


def built_site() -> Path:
    """The collection's site: ``DIASPORA_BUILT_SITE`` if set, else a run of the collection."""
    given = os.environ.get("DIASPORA_BUILT_SITE")
    return Path(given) if given else support.collection_site()


@pytest.fixture(scope="module")
def reader() -> Iterator[DevTools]:
    with launch(javascript=True) as tools:
        yield tools


def _search(reader: DevTools, word: str) -> list[dict[str, Any]]:
    """Search ``word`` and return the live regions once the status has spoken."""
    reader.evaluate(SEARCH % json.dumps(word))
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        time.sleep(0.2)
        regions = json.loads(reader.evaluate(LIVE))
        if any(r["text"] for r in regions):
            return regions
    raise AssertionError(f"nothing announced for {word!r}")


def _escape(reader: DevTools) -> None:
    for kind in ("rawKeyDown", "keyUp"):
        reader.send(
            "Input.dispatchKeyEvent",
            type=kind,
            key="Escape",
            code="Escape",
            windowsVirtualKeyCode=27,
            nativeVirtualKeyCode=27,
        )


@pytest.mark.parametrize("edition", ["", "fr"])
def test_only_the_count_is_announced(reader: DevTools, edition: str) -> None:
    reader.open(built_site() / edition / "index.html")
    regions = _search(reader, "TOKTEN")
    assert not any(r["inResults"] for r in regions), regions
    spoken = [r for r in regions if r["text"]]
    assert len(spoken) == 1 and spoken[0]["id"] == "search-status", spoken
    heard = spoken[0]["text"]
    shown = reader.evaluate("document.querySelector('#search-results p').textContent")
    listed = reader.evaluate("document.querySelectorAll('#search-results li').length")
    # the count, in a few words, and no result's title
    assert len(heard.split()) <= 3 and listed > 1, heard
    assert re.findall(r"\d+", heard) == [re.findall(r"\d+", shown)[-1]], (heard, shown)


@pytest.mark.parametrize("edition", ["", "fr"])
@pytest.mark.parametrize("where", ["box", "result"])
def test_escape_clears_the_search(reader: DevTools, edition: str, where: str) -> None:
    reader.open(built_site() / edition / "index.html")
    _search(reader, "TOKTEN")
    if where == "box":
        reader.evaluate("document.getElementById('search-q').focus()")
    else:
        reader.evaluate("document.querySelector('#search-results li a').focus()")
    before = json.loads(reader.evaluate(STATE))
    assert before["q"] == "TOKTEN" and before["results"] > 0 and before["status"], before
    _escape(reader)
    after = json.loads(reader.evaluate(STATE))
    assert after == {"q": "", "results": 0, "status": "", "focus": "search-q"}, after
    shown = reader.evaluate("getComputedStyle(document.getElementById('search-results')).display")
    assert shown == "none"


LINKS = (
    "JSON.stringify(Array.from(document.querySelectorAll('#search-results li a'))"
    ".map(a => [a.getAttribute('href'), a.textContent]))"
)


@pytest.mark.parametrize("edition", ["", "fr"])
def test_an_acronym_finds_its_glossary_entry_first_and_no_near_word(
    reader: DevTools, edition: str
) -> None:
    """r25e: "HCME" listed 40 sections, the glossary sixth, most of them for "home" (a
    fuzzy match of "hcme"); "TOKTEN" had no glossary entry in the first twelve."""
    reader.open(built_site() / edition / "index.html")
    for acronym in ("HCME", "TOKTEN"):
        _search(reader, acronym)
        found = json.loads(reader.evaluate(LINKS))
        assert found and "glossary" in found[0][0], (acronym, found[:3])
        assert not any(re.search(r"\bhome\b", text, re.I) for _href, text in found), found
