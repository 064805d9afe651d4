"""The French site meets WCAG 2.2 AA as the English one does (issue 25): axe-core on every
French page, in both colour schemes, at a phone's and a laptop's width. The English site
and the course's pages are swept by ``test_a11y.py`` (whose docstring says what is checked
and why); one file each, so that two test workers sweep at once."""

from __future__ import annotations

import json
from collections.abc import Iterator

import axe_support as axe
import diaspora_test_support as support
import pytest
from browser_support import DevTools

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def axe_browser() -> Iterator[DevTools]:
    yield from axe.axe_browser()


def test_every_french_page_conforms_in_both_schemes_at_both_widths(
    axe_browser: DevTools,
) -> None:
    site = axe.built_site()
    pages = support.html_pages(site / "fr")
    english = {p.name for p in support.html_pages(site)}
    assert {p.name for p in pages} >= english - {"404.html"}, "a French page is missing"
    report = axe.sweep(axe_browser, pages, site)
    assert report == {}, json.dumps(report, indent=1, ensure_ascii=False)
