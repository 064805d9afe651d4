"""Printed pages are A4 (r25 item 12): a worksheet printed to PDF by the headless browser
the course uses, and a topic page of the site printed the same way. The page size is read
from the PDF's ``/MediaBox`` (PDF points, 1/72 inch); A4 is 210 x 297 mm, 595.3 x 841.9
points, where US Letter is 612 x 792. Skipped where no Chromium or Chrome is installed,
except in CI (``.ci/run`` installs Chromium), where that is a failure.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import diaspora_test_support as support
import pytest

from diaspora_helpers.publish.course import worksheets

pytestmark = pytest.mark.slow

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
A4 = (round(210 / 25.4 * 72), round(297 / 25.4 * 72))  # (595, 842)


def page_sizes(pdf: Path) -> set[tuple[int, int]]:
    """Every page size a PDF declares (width, height in points, rounded)."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*([\d.\s-]+)\]", pdf.read_bytes())
    assert boxes, f"no /MediaBox in {pdf}"
    sizes: set[tuple[int, int]] = set()
    for box in boxes:
        x0, y0, x1, y1 = (float(v) for v in box.split())
        sizes.add((round(x1 - x0), round(y1 - y0)))
    return sizes


def _browser() -> str:
    program = worksheets.browser()
    if program is None and os.environ.get("CI"):
        pytest.fail("no Chromium or Chrome installed: .ci/run installs Debian's chromium")
    if program is None:
        pytest.skip("no Chromium or Chrome installed: worksheets are HTML only")
    return program


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_worksheet_prints_on_a4(tmp_path: Path, language: str) -> None:
    master = NOTEBOOKS / ("fr" if language == "fr" else "") / "master_3_remittances.ipynb"
    sheet, _key = worksheets.sheets(master, language)
    page = tmp_path / "sheet.html"
    page.write_text(sheet, encoding="utf-8")
    pdf = worksheets.print_pdf(page, _browser())
    assert pdf is not None
    assert page_sizes(pdf) == {A4}


def test_a_topic_page_prints_on_a4(tmp_path: Path) -> None:
    given = os.environ.get("DIASPORA_BUILT_SITE")  # a site built from this checkout, or
    site = Path(given) if given else support.collection_site()  # the suite's shared run
    page = site / "03_institutional_history.html"
    copy = tmp_path / page.name  # printed beside the page: the PDF is written next to it
    copy.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    pdf = worksheets.print_pdf(copy, _browser())
    assert pdf is not None
    assert page_sizes(pdf) == {A4}
